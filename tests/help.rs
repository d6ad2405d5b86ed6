//! The documentation the binary carries: each command's `--help`, its manual page, and the
//! completions the shell asks for.

mod common;

use common::{ladder, stdout};

/// Every command line that has a help of its own: `ladder`, each command, and each format of
/// `ladder import`.
fn every_command() -> Vec<Vec<&'static str>> {
    let mut commands = vec![vec![]];
    commands.extend(ladder::cli::COMMANDS.iter().map(|command| vec![*command]));
    commands.extend([vec!["import", "ft"], vec!["import", "csv"]]);
    commands
}

/// A help's sections, by heading, in order; each with the options it lists (the first word of
/// each entry, such as `--color` or `-h,`).
fn sections(help: &str) -> Vec<(&str, Vec<&str>)> {
    let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in help.lines() {
        if let Some(heading) = line.strip_suffix(':').filter(|h| !h.starts_with(' ')) {
            sections.push((heading, Vec::new()));
            continue;
        }
        let entry = line.trim_start();
        // An entry starts within six columns; a description's lines, which may start with `-`
        // (its possible values), are indented further.
        if entry.starts_with('-') && line.len() - entry.len() <= 6 {
            let name = entry.split_whitespace().next().unwrap_or_default();
            if let Some((_, options)) = sections.last_mut() {
                options.push(name);
            }
        }
    }
    sections
}

#[test]
fn global_options_come_last_under_their_own_heading() {
    for command in every_command() {
        for flag in ["--help", "-h"] {
            let help = stdout(ladder().args(&command).arg(flag));
            let sections = sections(&help);
            let with_options: Vec<&(&str, Vec<&str>)> = sections
                .iter()
                .filter(|(_, options)| !options.is_empty())
                .collect();
            let headings: Vec<&str> = with_options.iter().map(|(heading, _)| *heading).collect();
            assert_eq!(
                headings,
                ["Options", "Global options"],
                "{command:?} {flag}"
            );
            let own = &with_options[0].1;
            assert!(!own.contains(&"--color"), "{command:?} {flag}: {own:?}");
            assert!(!own.contains(&"--max-file-size"), "{command:?} {flag}");
            assert_eq!(
                with_options[1].1,
                ["--color", "--max-file-size"],
                "{command:?} {flag}"
            );
            if command == ["assess"] {
                assert_eq!(own[..2], ["--target", "--ladder"], "{flag}");
            }
        }
    }
}

/// The page `ladder man` prints: `ladder`'s, or the one named.
fn page(name: &str) -> String {
    stdout(ladder().arg("man").args((!name.is_empty()).then_some(name)))
}

/// Every page, `ladder`'s first (named ``).
fn every_page() -> Vec<&'static str> {
    let mut pages = vec![""];
    pages.extend(ladder::cli::MAN_PAGES);
    pages
}

/// Roff text as it reads: dashes, apostrophes and backslashes unescaped.
fn unescaped(roff: &str) -> String {
    roff.replace("\\-", "-")
        .replace("\\*(Aq", "'")
        .replace("\\\\", "\\")
}

/// The text of a page's section, from its `.SH` line to the next.
fn section<'a>(page: &'a str, heading: &str) -> &'a str {
    let start = page
        .find(&format!(".SH {heading}\n"))
        .unwrap_or_else(|| panic!("no {heading} in {page}"));
    let rest = &page[start..];
    let end = rest[4..].find("\n.SH ").map_or(rest.len(), |at| at + 5);
    &rest[..end]
}

#[test]
fn a_synopsis_says_which_arguments_take_several() {
    for (name, synopsis) in [
        ("assess", "\\fBladder assess\\fR [OPTIONS] <FILE>..."),
        (
            "compare",
            "\\fBladder compare\\fR [OPTIONS] <FILE> <FILE>...",
        ),
        ("team", "\\fBladder team\\fR [OPTIONS] <PATH>..."),
        ("validate", "\\fBladder validate\\fR [OPTIONS] [PATH]..."),
        ("plan", "\\fBladder plan\\fR [OPTIONS] <FILE>"),
        ("import-csv", "\\fBladder import csv\\fR [OPTIONS] <FILE>"),
        ("", "\\fBladder\\fR [OPTIONS] <COMMAND>"),
    ] {
        assert_eq!(
            section(&page(name), "SYNOPSIS"),
            format!(".SH SYNOPSIS\n{synopsis}\n"),
            "{name}"
        );
    }
}

#[test]
fn every_page_has_its_sections_in_order() {
    for name in every_page() {
        let page = page(name);
        let headings: Vec<&str> = page
            .lines()
            .filter_map(|line| line.strip_prefix(".SH "))
            .collect();
        let mut expected = vec![
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "\"GLOBAL OPTIONS\"",
        ];
        if ["", "import"].contains(&name) {
            expected.push("SUBCOMMANDS");
        }
        expected.extend(["\"EXIT STATUS\"", "ENVIRONMENT"]);
        if !["schema", "man"].contains(&name) {
            expected.push("FILES");
        }
        expected.push("EXAMPLES");
        if !name.is_empty() {
            expected.push("\"SEE ALSO\"");
        }
        expected.push("VERSION");
        assert_eq!(headings, expected, "{name}");
    }
}

/// The examples and the exit status are written once: `--help` prints them, and the page has
/// the same.
#[test]
fn a_page_has_the_examples_and_exit_status_of_its_help() {
    for name in every_page() {
        let help = stdout(
            ladder()
                .args(name.split('-').filter(|part| !part.is_empty()))
                .arg("--help"),
        );
        let examples: Vec<&str> = help
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{name}: {help}"))
            .split("\n\n")
            .next()
            .unwrap()
            .lines()
            .map(|line| &line[2..])
            .collect();
        let page = page(name);
        let shown = unescaped(section(&page, "EXAMPLES"));
        assert_eq!(
            shown,
            format!(
                ".SH EXAMPLES\n.RS 4\n.nf\n{}\n.fi\n.RE\n",
                examples.join("\n")
            ),
            "{name}"
        );
        let statuses = unescaped(section(&page, "\"EXIT STATUS\""));
        assert!(help.contains("Exit status: 0 "), "{name}");
        assert!(
            statuses.starts_with(".SH \"EXIT STATUS\"\n.TP\n0\n"),
            "{name}: {statuses}"
        );
        assert!(statuses.contains("\n.TP\n2\n"), "{name}: {statuses}");
    }
    assert_eq!(
        unescaped(section(&page("assess"), "\"EXIT STATUS\"")),
        ".SH \"EXIT STATUS\"\n\
         .TP\n0\nEvery file is assessed.\n\
         .TP\n1\nA file or its ladder has errors (the other files are still assessed).\n\
         .TP\n2\nUsage or I/O; the status is the worst met.\n"
    );
}

#[test]
fn pages_name_the_environment_and_files_they_use() {
    let environment = |name| unescaped(section(&page(name), "ENVIRONMENT"));
    for name in every_page() {
        let variables = environment(name);
        for variable in ["NO_COLOR", "CLICOLOR_FORCE", "COLUMNS"] {
            assert!(variables.contains(&format!("\\fB{variable}\\fR")), "{name}");
        }
    }
    assert!(environment("").contains(".TP\n\\fBLADDER_COMPLETE\\fR\nSee ladder-completions(1).\n"));
    assert!(environment("").contains(".TP\n\\fBTZ\\fR\nSee ladder-init(1).\n"));
    assert!(environment("init").contains("\\fBTZ\\fR\nThe time zone whose date today is"));
    assert!(environment("show").contains("tables and prose fit"));
    assert!(!environment("plan").contains("tables"));

    let files = |name| unescaped(section(&page(name), "FILES"));
    assert!(files("").contains(".TP\n\\fIladder.toml\\fR\nSee ladder-validate(1).\n"));
    assert!(files("validate").contains(".TP\n\\fIladder.toml\\fR\nAt the repository's root"));
    assert!(files("show").contains(".TP\n\\fIladders/\\fR\n"));
    assert!(!files("show").contains("ladder.toml"));
    assert!(!files("import-ft").contains("ladders/"));
    assert!(files("import-ft").contains("holds .git, as git finds its root"));
}

/// What `ladder` offers for the word at `index` of `words` (`ladder` first), asked as bash's
/// script asks: one candidate a line, and nothing on standard error.
fn offered(dir: &std::path::Path, index: usize, words: &[&str]) -> Vec<String> {
    let output = ladder()
        .current_dir(dir)
        .env("LADDER_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", index.to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{words:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{words:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    stdout.lines().map(str::to_owned).collect()
}

/// The candidates that are not options.
fn values(offered: Vec<String>) -> Vec<String> {
    offered
        .into_iter()
        .filter(|c| !c.starts_with('-'))
        .collect()
}

const LEVELS: [&str; 2] = ["manager", "senior-manager"];

#[test]
fn levels_complete_where_a_level_goes() {
    let repo = common::repository(&[]);
    let here = repo.path();
    assert_eq!(values(offered(here, 2, &["ladder", "show", ""])), LEVELS);
    assert_eq!(
        offered(here, 2, &["ladder", "show", "sen"]),
        ["senior-manager"]
    );
    for command in ["init", "assess", "plan", "compare", "team"] {
        let words = ["ladder", command, "--target", ""];
        assert_eq!(offered(here, 3, &words), LEVELS, "{command}");
    }
    assert_eq!(
        offered(
            here,
            5,
            &["ladder", "diff", "a.yaml", "b.yaml", "--level", ""]
        ),
        LEVELS
    );
}

#[test]
fn formats_complete_by_name() {
    let repo = common::repository(&[]);
    let here = repo.path();
    assert_eq!(
        offered(here, 3, &["ladder", "show", "--format", ""]),
        ["table", "json", "markdown", "csv", "svg"]
    );
    assert_eq!(
        offered(here, 3, &["ladder", "assess", "--format", ""]),
        ["table", "json", "markdown", "csv", "svg", "html"]
    );
    assert_eq!(
        offered(here, 3, &["ladder", "validate", "--format", "g"]),
        ["github"]
    );
}

#[test]
fn kinds_of_warning_complete_for_allow_and_deny() {
    let repo = common::repository(&[]);
    let here = repo.path();
    assert_eq!(
        offered(here, 3, &["ladder", "validate", "--allow", "m"]),
        ["misplaced-track", "missing-signals", "missing-evidence"]
    );
    assert_eq!(
        offered(here, 3, &["ladder", "validate", "--deny", "u"]),
        ["unscored"]
    );
}

/// Levels are those of the ladder the line names, by path or by id; ladder ids are those of
/// `ladders/` and those built in.
#[test]
fn the_ladder_on_the_line_gives_the_levels() {
    let repo = common::repository(&[
        ("ladders/platform.yaml", "tests/fixtures/three-levels.yaml"),
        (
            "ladders/broken.yaml",
            "tests/fixtures/validate/unknown-level.yaml",
        ),
    ]);
    let here = repo.path();
    let platform = ["engineer", "senior", "staff"];
    let by_path = ["ladder", "show", "--ladder", "ladders/platform.yaml", ""];
    assert_eq!(values(offered(here, 4, &by_path)), platform);
    let by_id = [
        "ladder",
        "assess",
        "--ladder=platform-engineering",
        "--target",
        "",
    ];
    assert_eq!(offered(here, 4, &by_id), platform);
    // Before the ladder is named, too.
    let before = ["ladder", "show", "", "--ladder", "platform-engineering"];
    assert_eq!(values(offered(here, 2, &before)), platform);
    // `--ladder` takes an id, or a path: the broken ladder has no id to offer.
    assert_eq!(
        offered(here, 3, &["ladder", "show", "--ladder", ""]),
        [
            "platform-engineering",
            "engineering-management",
            ".",
            "ladders/"
        ]
    );
    assert_eq!(
        offered(here, 3, &["ladder", "show", "--ladder", "lad"]),
        ["ladders/"]
    );
}

/// A ladder that cannot be used completes no level, and says nothing about it.
#[test]
fn a_broken_ladder_completes_nothing_silently() {
    let repo = common::repository(&[
        (
            "ladders/broken.yaml",
            "tests/fixtures/validate/unknown-level.yaml",
        ),
        // The default ladder's id, so that it hides the built-in one.
        (
            "ladders/engineering-management.yaml",
            "tests/fixtures/validate/unknown-level.yaml",
        ),
    ]);
    let here = repo.path();
    let broken = ["ladder", "show", "--ladder", "ladders/broken.yaml", ""];
    assert_eq!(values(offered(here, 4, &broken)), Vec::<String>::new());
    let missing = ["ladder", "init", "--ladder", "nowhere.yaml", "--target", ""];
    assert_eq!(offered(here, 5, &missing), Vec::<String>::new());
    let unknown = ["ladder", "init", "--ladder", "no-such-id", "--target", ""];
    assert_eq!(offered(here, 5, &unknown), Vec::<String>::new());
    assert_eq!(
        offered(here, 3, &["ladder", "init", "--target", ""]),
        Vec::<String>::new()
    );
}

/// Where a level or a file goes, both are offered; where a file goes, files.
#[test]
fn files_complete_where_files_go() {
    let repo = common::repository(&[("team/ada.yaml", "tests/fixtures/platform-me.yaml")]);
    let here = repo.path();
    assert_eq!(
        values(offered(here, 2, &["ladder", "diff", ""])),
        ["manager", "senior-manager", ".", "team/"]
    );
    assert_eq!(offered(here, 2, &["ladder", "diff", "te"]), ["team/"]);
    for command in ["assess", "plan", "compare", "team", "validate"] {
        assert_eq!(
            offered(here, 2, &["ladder", command, "team/"]),
            ["team/ada.yaml"],
            "{command}"
        );
    }
    assert_eq!(
        offered(here, 3, &["ladder", "import", "csv", "te"]),
        ["team/"]
    );
}

/// The script `ladder completions bash` prints, sourced in bash, completes as bash would
/// complete the line.
#[test]
fn bash_completes_with_the_script() {
    let script = stdout(ladder().args(["completions", "bash"]));
    let binary = assert_cmd::cargo::cargo_bin("ladder");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let repo = common::repository(&[]);
    let complete = |words: &str, current: &str| {
        let test = format!(
            "{script}\nCOMP_WORDS=({words} '{current}'); COMP_CWORD=${{#COMP_WORDS[@]}}; \
             COMP_CWORD=$((COMP_CWORD - 1)); COMP_TYPE=9\n\
             _clap_complete_ladder ladder '{current}' \"${{COMP_WORDS[COMP_CWORD - 1]}}\"\n\
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        );
        let output = std::process::Command::new("bash")
            .arg("-c")
            .arg(test)
            .current_dir(repo.path())
            .env("PATH", &path)
            .env_remove("LADDER_COMPLETE")
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{words}");
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(complete("ladder show", "sen"), "senior-manager\n");
    assert_eq!(
        complete("ladder init --target", ""),
        "manager\nsenior-manager\n"
    );
    assert_eq!(complete("ladder show --format", "c"), "csv\n");
}

/// Only a shell's own call is answered: a `LADDER_COMPLETE` left set in a CI job's
/// environment does not turn a check into a script printed with exit status 0.
#[test]
fn a_completion_variable_left_set_does_not_stop_a_check() {
    let repo = common::repository(&[("ladders/broken.yaml", "tests/fixtures/broken-ladder.yaml")]);
    validate_checks_despite(repo.path(), "bash");
}

/// `ladder validate --quiet` in `dir`, with `LADDER_COMPLETE` set to `value`, still checks
/// the broken ladder there.
fn validate_checks_despite(dir: &std::path::Path, value: &str) {
    let output = ladder()
        .current_dir(dir)
        .env("LADDER_COMPLETE", value)
        .args(["validate", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "checked 1 file (1 ladder, 0 self-assessments): 3 errors, 1 warning\n"
    );
}

/// What `ladder` prints for the last word of `words` (`ladder` first), asked as `shell`'s
/// script asks, byte for byte; standard error must be empty.
fn printed(dir: &std::path::Path, shell: &str, words: &[&str]) -> Vec<u8> {
    let output = ladder()
        .current_dir(dir)
        .env("LADDER_COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{shell} {words:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "",
        "{shell} {words:?}"
    );
    output.stdout
}

/// A file whose name holds a control, an invisible character or a line break, or is not
/// UTF-8, is not offered where paths complete: the shell would show it raw, and a line break
/// would make one name two candidates. The name beside them is.
#[cfg(unix)]
#[test]
fn a_name_that_cannot_be_shown_is_not_offered() {
    use std::os::unix::ffi::OsStrExt;

    let repo = common::repository(&[]);
    let here = repo.path();
    let ladders = here.join("ladders");
    std::fs::create_dir(&ladders).unwrap();
    let hostile: [&[u8]; 8] = [
        b"a\n::error file=x::pwned.yaml",
        b"\x1b[2Jb.yaml",
        b"\xc2\x9bc.yaml",
        b"\xffd.yaml",
        b"e\re.yaml",
        b"f\tf.yaml",
        "g\u{202e}lmy.yaml".as_bytes(),
        "h\u{2028}h.yaml".as_bytes(),
    ];
    for name in hostile {
        std::fs::write(ladders.join(std::ffi::OsStr::from_bytes(name)), "").unwrap();
    }
    std::fs::create_dir(ladders.join("\x1b]0;title\x07dir")).unwrap();
    std::fs::write(ladders.join("ok.yaml"), "").unwrap();

    // An input, a `PathBuf` option, and paths offered beside levels or ladder ids.
    let lines: [&[&str]; 6] = [
        &["ladder", "validate", "ladders/"],
        &["ladder", "assess", "ladders/"],
        &["ladder", "init", "--output", "ladders/"],
        &["ladder", "import", "csv", "x.csv", "-o", "ladders/"],
        &["ladder", "diff", "ladders/"],
        &["ladder", "show", "--ladder", "ladders/"],
    ];
    for words in lines {
        assert_eq!(offered(here, words.len() - 1, words), ["ladders/ok.yaml"]);
        for shell in ["bash", "fish", "zsh", "elvish", "powershell"] {
            let printed = printed(here, shell, words);
            let text = String::from_utf8(printed.clone())
                .unwrap_or_else(|_| panic!("{shell} {words:?}: {printed:?}"));
            assert!(
                text.contains("ladders/ok.yaml"),
                "{shell} {words:?}: {text:?}"
            );
            // The newline between candidates, and nothing else below a space; no DEL, no C1.
            assert!(
                !printed.iter().any(|&b| b < 0x20 && b != b'\n' || b == 0x7f),
                "{shell} {words:?}: {text:?}"
            );
            assert!(
                !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
                "{shell} {words:?}: {text:?}"
            );
            assert!(!text.contains("pwned"), "{shell} {words:?}: {text:?}");
        }
        assert_eq!(
            printed(here, "fish", words),
            b"ladders/ok.yaml\n",
            "{words:?}"
        );
    }
}

/// A `LADDER_COMPLETE` that names no shell is an error that lists the shells and does not
/// repeat what the variable holds; elsewhere it changes nothing, as any other value.
#[test]
fn an_unknown_shell_is_refused_without_its_name() {
    let repo = common::repository(&[("ladders/broken.yaml", "tests/fixtures/broken-ladder.yaml")]);
    let hostile = "x\n::error::x\u{1b}[2J";
    for args in [&[][..], &["--", "ladder", "validate", ""][..]] {
        let output = ladder()
            .current_dir(repo.path())
            .env("LADDER_COMPLETE", hostile)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), "", "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: LADDER_COMPLETE names no shell ladder completes in; \
             expected `bash`, `elvish`, `fish`, `powershell` or `zsh`\n",
            "{args:?}"
        );
    }
    validate_checks_despite(repo.path(), hostile);
    // A shell named by its path, as `$SHELL` gives it, is a shell.
    let script = stdout(
        ladder()
            .current_dir(repo.path())
            .env("LADDER_COMPLETE", "/bin/zsh"),
    );
    assert!(script.starts_with("#compdef ladder\n"), "{script}");
}
