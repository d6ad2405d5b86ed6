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
    assert!(environment("").contains(".TP\n\\fBCOMPLETE\\fR\nSee ladder-completions(1).\n"));
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
