//! Everyday use: `init`, `list`, completions, the man page and colour, end to end.

use std::fs;

mod common;

use common::{ladder, repository, stdout};
use predicates::prelude::*;

fn template() -> String {
    stdout(ladder().arg("init"))
}

#[test]
fn init_writes_a_template_to_standard_output() {
    let template = template();
    assert!(template.starts_with(
        "# Self-assessment against Engineering Management (engineering-management),\n\
         # aiming at Senior Engineering Manager (senior-manager).\n"
    ));
    assert!(
        template.contains("\nladder: engineering-management\nperson: Your Name\nassessor: self\n")
    );
    assert!(template.contains("  # Managing managers: senior-manager expects 4 (Advanced)\n"));
    // Every competency of the ladder is listed once, empty.
    let ids: Vec<&str> = template
        .lines()
        .filter(|l| l.starts_with("  ") && l.ends_with(':') && !l.contains('#'))
        .collect();
    assert_eq!(ids.len(), 21);
    assert!(ids.contains(&"  org-vision:"));
}

#[test]
fn init_aims_at_the_target_asked_for() {
    let template = stdout(ladder().args(["init", "--target", "manager"]));
    assert!(template.contains("\ntarget: manager\n"));
    assert!(template.contains("  # Managing managers: manager expects 2 (Developing)\n"));
    ladder()
        .args(["init", "--target", "director"])
        .assert()
        .code(1)
        .stderr("error[unknown-level]: unknown level `director` given to `--target`\n |\n = help: the ladder's levels are `manager` and `senior-manager`\n");
}

#[test]
fn the_template_round_trips_through_assess_and_validate() {
    let template = template();
    let report = stdout(
        ladder()
            .args(["assess", "-", "--format", "json"])
            .write_stdin(template.clone()),
    );
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["person"], "Your Name");
    assert_eq!(report["summary"]["met"], 0);
    assert_eq!(report["summary"]["total"], 21);
    let statuses: Vec<&str> = report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["missing"; 21]);
    ladder()
        .args(["validate", "-"])
        .write_stdin(template.clone())
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(
            // Unscored, and the placeholder still the person's name.
            "checked 1 file (0 ladders, 1 self-assessment): 2 warnings\n",
        ));
    ladder()
        .args(["validate", "-", "--strict"])
        .write_stdin(template)
        .assert()
        .code(1);
}

#[test]
fn init_writes_a_new_file_and_never_replaces_one_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.yaml");
    ladder()
        .arg("init")
        .arg("-o")
        .arg(&path)
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    assert_eq!(fs::read_to_string(&path).unwrap(), template());

    fs::write(&path, "person: Ada\n").unwrap();
    ladder()
        .arg("init")
        .arg("--output")
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: `{}` already exists; pass `--force` to replace it\n",
            path.display()
        ));
    assert_eq!(fs::read(&path).unwrap(), b"person: Ada\n");

    ladder()
        .arg("init")
        .arg("-o")
        .arg(&path)
        .arg("--force")
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&path).unwrap(), template());
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec!["me.yaml"], "no temporary file is left behind");
}

#[test]
fn init_refuses_a_dangling_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("me.yaml");
    std::os::unix::fs::symlink(dir.path().join("nowhere.yaml"), &link).unwrap();
    ladder()
        .arg("init")
        .arg("-o")
        .arg(&link)
        .assert()
        .code(2)
        .stderr(format!(
            "error: `{}` is a dangling symbolic link; only a regular file is ever replaced\n",
            link.display()
        ));
    assert_eq!(
        fs::read_link(&link).unwrap(),
        dir.path().join("nowhere.yaml")
    );
    assert!(!dir.path().join("nowhere.yaml").exists());
}

#[test]
fn init_names_a_ladder_file_relative_to_the_template() {
    let dir = repository(&[("ladders/platform.yaml", "tests/fixtures/three-levels.yaml")]);
    fs::create_dir_all(dir.path().join("team")).unwrap();
    ladder()
        .current_dir(dir.path())
        .args([
            "init",
            "--ladder",
            "ladders/platform.yaml",
            "--target",
            "staff",
            "-o",
            "team/lin.yaml",
        ])
        .assert()
        .code(0);
    let template = fs::read_to_string(dir.path().join("team/lin.yaml")).unwrap();
    assert!(
        template.contains("\nladder: \"../ladders/platform.yaml\"\n"),
        "{template}"
    );
    // The template finds its ladder from wherever it is assessed.
    ladder()
        .current_dir(dir.path())
        .args(["assess", "team/lin.yaml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Target: Staff Engineer (staff)"));
}

#[test]
fn list_shows_built_in_ladders_and_those_in_the_ladders_directory() {
    let empty = tempfile::tempdir().unwrap();
    let alone = stdout(
        ladder()
            .current_dir(empty.path())
            .args(["list", "--format", "json"]),
    );
    let alone: serde_json::Value = serde_json::from_str(&alone).unwrap();
    assert_eq!(
        alone,
        serde_json::json!([{"id": "engineering-management", "title": "Engineering Management",
            "levels": ["manager", "senior-manager"], "source": "built-in"}])
    );

    let repo = repository(&[
        ("ladders/platform.yaml", "tests/fixtures/three-levels.yaml"),
        (
            "ladders/broken.yaml",
            "tests/fixtures/validate/unknown-level.yaml",
        ),
    ]);
    // Wide enough that nothing wraps.
    let table = stdout(
        ladder()
            .current_dir(repo.path())
            .env("COLUMNS", "200")
            .arg("list"),
    );
    assert_eq!(
        table,
        "\
╭────────────────────────┬────────────────────────┬─────────────────────────────────────────────────────┬───────────────────────╮
│ Id                     ┆ Title                  ┆ Levels                                              ┆ Source                │
╞════════════════════════╪════════════════════════╪═════════════════════════════════════════════════════╪═══════════════════════╡
│ broken                 ┆                        ┆ 2 errors; run `ladder validate ladders/broken.yaml` ┆ ladders/broken.yaml   │
│ platform-engineering   ┆ Platform Engineering   ┆ engineer, senior, staff                             ┆ ladders/platform.yaml │
│ engineering-management ┆ Engineering Management ┆ manager, senior-manager                             ┆ built-in              │
╰────────────────────────┴────────────────────────┴─────────────────────────────────────────────────────┴───────────────────────╯
"
    );
}

#[test]
fn a_ladder_in_the_ladders_directory_is_found_by_id() {
    let repo = repository(&[("ladders/platform.yaml", "tests/fixtures/three-levels.yaml")]);
    fs::write(
        repo.path().join("me.yaml"),
        "ladder: platform-engineering\nperson: Lin\ntarget: senior\nscores:\n  operations: 2\n",
    )
    .unwrap();
    let report = stdout(
        ladder()
            .current_dir(repo.path())
            .args(["assess", "me.yaml", "--format", "json"]),
    );
    assert!(report.contains("\"ladder\": \"platform-engineering\""));
    let shown = stdout(ladder().current_dir(repo.path()).args([
        "show",
        "--ladder",
        "platform-engineering",
        "--format",
        "json",
    ]));
    assert!(shown.contains("\"id\": \"platform-engineering\""));
}

#[test]
fn completions_and_man_page_generate() {
    // Each script registers a completer that asks `ladder` for the candidates.
    for (shell, marker, asks) in [
        ("bash", "complete -o nospace", "LADDER_COMPLETE=\"bash\""),
        ("zsh", "#compdef ladder", "LADDER_COMPLETE=\"zsh\""),
        (
            "fish",
            "complete --keep-order --exclusive --command ladder",
            "LADDER_COMPLETE=fish ladder",
        ),
        (
            "elvish",
            "edit:completion:arg-completer[ladder]",
            "LADDER_COMPLETE=\"elvish\" ladder",
        ),
        (
            "powershell",
            "Register-ArgumentCompleter",
            "$env:LADDER_COMPLETE = \"powershell\"",
        ),
    ] {
        let script = stdout(ladder().args(["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains(asks), "{shell}: {script}");
        // The same script as `LADDER_COMPLETE=SHELL ladder` prints, but for zsh's loading it from
        // `fpath`; that one runs the binary by the path it was started by.
        let binary = assert_cmd::cargo::cargo_bin("ladder");
        let registered = stdout(ladder().env("LADDER_COMPLETE", shell))
            .replace(binary.to_str().unwrap(), "ladder");
        match shell {
            "zsh" => assert!(script.starts_with(&registered), "{script}"),
            _ => assert_eq!(script, registered, "{shell}"),
        }
    }
    let page = stdout(ladder().arg("man"));
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq\n"),
        "{}",
        &page[..80]
    );
    assert!(page.contains(".TH ladder 1"));
    assert!(page.contains("ladder\\-assess"));
    // Every page any page refers to exists: no `ladder-help(1)`.
    let referred = referred_pages(&page);
    assert!(referred.contains(&"assess".to_owned()), "{referred:?}");
    assert!(!referred.contains(&"help".to_owned()), "{referred:?}");
    for name in ladder::cli::MAN_PAGES {
        let page = stdout(ladder().args(["man", name]));
        for referred in referred_pages(&page) {
            assert!(
                referred.is_empty() || ladder::cli::MAN_PAGES.contains(&referred.as_str()),
                "ladder-{name}(1) refers to ladder-{referred}(1)"
            );
        }
    }
    for name in &referred {
        stdout(ladder().args(["man", name]));
    }
    // Each command the page refers to has a page of its own.
    for command in ladder::cli::COMMANDS {
        let page = stdout(ladder().args(["man", command]));
        assert!(
            page.contains(&format!(".TH ladder-{command} 1")),
            "{command}"
        );
        assert!(
            page.contains(&format!("\\fBladder {command}\\fR")),
            "{command}"
        );
    }
}

/// The pages a page refers to, such as `import-csv` for `ladder-import-csv(1)`, and `` for
/// `ladder(1)`.
fn referred_pages(page: &str) -> Vec<String> {
    let mut referred = Vec::new();
    // `\fBladder\fR(1)` refers as `ladder(1)` does.
    let page = page
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "");
    let pieces: Vec<&str> = page.split("(1)").collect();
    for piece in &pieces[..pieces.len() - 1] {
        let start = piece
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\\'))
            .map_or(0, |at| at + 1);
        let name = piece[start..].replace("\\-", "-");
        if let Some(name) = name.strip_prefix("ladder") {
            referred.push(name.strip_prefix('-').unwrap_or(name).to_owned());
        }
    }
    referred
}

#[test]
fn no_escape_codes_unless_colour_is_wanted() {
    let has_escape = |text: &str| text.contains('\u{1b}');
    assert!(has_escape(&stdout(
        ladder().args(["--color", "always", "--help"])
    )));
    assert!(!has_escape(&stdout(
        ladder().args(["--color", "never", "--help"])
    )));
    assert!(!has_escape(&stdout(
        ladder()
            .args(["--help"])
            .env("NO_COLOR", "1")
            .env("CLICOLOR_FORCE", "1")
    )));
    assert!(has_escape(&stdout(
        ladder().args(["show", "--color", "always"])
    )));
    assert!(!has_escape(&stdout(
        ladder()
            .args(["show", "--color", "never"])
            .env("CLICOLOR_FORCE", "1")
    )));
    assert!(!has_escape(&stdout(
        ladder()
            .args(["list"])
            .env("NO_COLOR", "1")
            .env("CLICOLOR_FORCE", "1")
    )));
    let error = ladder()
        .args(["--color", "always", "diff", "manager", "boss"])
        .output()
        .unwrap();
    assert!(has_escape(&String::from_utf8_lossy(&error.stderr)));
    let error = ladder()
        .args(["--color", "never", "diff", "manager", "boss"])
        .output()
        .unwrap();
    assert!(!has_escape(&String::from_utf8_lossy(&error.stderr)));
}

#[test]
fn version_and_help_name_the_tool() {
    assert_eq!(
        stdout(ladder().arg("--version")),
        format!("ladder {}\n", env!("CARGO_PKG_VERSION"))
    );
    for command in ladder::cli::COMMANDS {
        let help = stdout(ladder().args([command, "--help"]));
        assert!(help.contains("Examples:\n  ladder "), "{command}");
    }
}

#[test]
fn a_ladder_in_the_ladders_directory_with_the_default_id_becomes_the_default() {
    let mut ours = fs::read_to_string("tests/fixtures/three-levels.yaml").unwrap();
    ours = ours.replace("id: platform-engineering", "id: engineering-management");
    let repo = repository(&[]);
    fs::create_dir_all(repo.path().join("ladders")).unwrap();
    fs::write(repo.path().join("ladders/ours.yaml"), ours).unwrap();
    let template = stdout(ladder().current_dir(repo.path()).arg("init"));
    assert!(template.contains("\nladder: engineering-management\n"));
    assert!(template.contains("\ntarget: senior\n"), "{template}");
    assert!(template.contains("  code-quality:\n"));
    fs::write(repo.path().join("me.yaml"), &template).unwrap();
    let report = stdout(
        ladder()
            .current_dir(repo.path())
            .args(["assess", "me.yaml", "--format", "json"]),
    );
    assert!(
        report.contains("\"ladder_title\": \"Platform Engineering\""),
        "{report}"
    );
    let shown = stdout(ladder().current_dir(repo.path()).arg("show"));
    assert!(
        shown.starts_with("Platform Engineering (engineering-management)\n"),
        "{shown}"
    );
}

#[test]
fn a_file_named_like_a_ladder_id_does_not_stand_for_another_ladder() {
    // ./ladders/engineering-management.yaml holds a ladder whose id is something else.
    let repo = repository(&[(
        "ladders/engineering-management.yaml",
        "tests/fixtures/three-levels.yaml",
    )]);
    let shown = stdout(ladder().current_dir(repo.path()).args([
        "show",
        "--ladder",
        "engineering-management",
    ]));
    assert!(
        shown.starts_with("Engineering Management (engineering-management)\n"),
        "{shown}"
    );
    let listed = stdout(
        ladder()
            .current_dir(repo.path())
            .args(["list", "--format", "json"]),
    );
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed[0]["id"], "platform-engineering");
    assert_eq!(listed[1]["source"], "built-in");
}

#[test]
fn a_ladder_over_the_size_cap_named_by_an_assessment_is_the_assessments_error() {
    let repo = repository(&[("ladders/platform.yaml", "tests/fixtures/three-levels.yaml")]);
    fs::write(
        repo.path().join("me.yaml"),
        "ladder: ladders/platform.yaml\nperson: Lin\ntarget: senior\n",
    )
    .unwrap();
    ladder()
        .current_dir(repo.path())
        .args(["assess", "me.yaml", "--max-file-size", "500"])
        .assert()
        .code(1)
        .stderr(
            "error[file-too-large]: file is larger than the 500-byte limit\n--> ladders/platform.yaml\n = help: raise \
             the limit with `--max-file-size BYTES` if the file is genuine\n\nerror[invalid-ladder]: ladder \
             `ladders/platform.yaml` has 1 error\n --> me.yaml:1:9\n  |\n1 | ladder: ladders/platform.yaml\n  |         \
             ^^^^^^^^^^^^^^^^^^^^^\n",
        );
}

#[test]
fn a_ladder_name_held_by_a_file_of_another_id_says_so() {
    let repo = repository(&[("ladders/a.yaml", "tests/fixtures/three-levels.yaml")]);
    fs::write(
        repo.path().join("me.yaml"),
        "ladder: a\nperson: Lin\ntarget: senior\n",
    )
    .unwrap();
    ladder().current_dir(repo.path()).args(["assess", "me.yaml"]).assert().code(1).stderr(
        "error[ladder-not-found]: no ladder named `a`\n --> me.yaml:1:9\n  |\n1 | ladder: a\n  |         ^\n  |\n  = help: \
         `ladders/a.yaml` holds the ladder `platform-engineering`; name it by that id, or by its path\n",
    );
}

#[test]
fn a_built_in_ladder_that_a_file_stands_in_for_is_marked_shadowed() {
    let repo = repository(&[("ladders/ours.yaml", "ladders/engineering-management.yaml")]);
    let listed = stdout(
        ladder()
            .current_dir(repo.path())
            .args(["list", "--format", "json"]),
    );
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed[0]["source"], "ladders/ours.yaml");
    assert_eq!(listed[0].get("shadowed"), None);
    assert_eq!(listed[1]["source"], "built-in");
    assert_eq!(listed[1]["shadowed"], true);
    let table = stdout(
        ladder()
            .current_dir(repo.path())
            .env("COLUMNS", "200")
            .arg("list"),
    );
    assert!(
        table.contains("┆ built-in (the file above is used) │"),
        "{table}"
    );
}

#[test]
fn from_a_folder_inside_a_repository_ids_and_paths_work_as_from_its_root() {
    let repo = repository(&[("ladders/platform.yaml", "tests/fixtures/three-levels.yaml")]);
    fs::create_dir_all(repo.path().join(".git")).unwrap();
    fs::create_dir_all(repo.path().join("team")).unwrap();
    fs::write(
        repo.path().join("team/kai.yaml"),
        "ladder: platform-engineering\nperson: Kai\ntarget: senior\n",
    )
    .unwrap();
    fs::write(
        repo.path().join("team/noa.yaml"),
        "ladder: ../ladders/platform.yaml\nperson: Noa\ntarget: senior\n",
    )
    .unwrap();
    let team = repo.path().join("team");
    for file in ["kai.yaml", "noa.yaml"] {
        ladder()
            .current_dir(&team)
            .args(["assess", file])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(
                "Ladder: Platform Engineering (platform-engineering)",
            ));
    }
    // With no path, `validate` checks the repository's `ladders/`, shown from here.
    ladder()
        .current_dir(&team)
        .arg("validate")
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains(" --> ../ladders/platform.yaml:30:21\n").and(
                predicate::str::ends_with(
                    "checked 1 file (1 ladder, 0 self-assessments): 3 warnings\n",
                ),
            ),
        );
    // The ladder both assessments name is read and told once.
    ladder()
        .current_dir(&team)
        .args(["validate", "../ladders/platform.yaml", "."])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(
            "checked 3 files (1 ladder, 2 self-assessments): 5 warnings\n",
        ));
    // Without `.git`, the working directory is the root, and `..` leads outside it.
    fs::remove_dir(repo.path().join(".git")).unwrap();
    ladder()
        .current_dir(&team)
        .args(["assess", "noa.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "ladder `../ladders/platform.yaml` may not be read: it leads outside the repository",
        ));
}

#[test]
fn diff_reads_the_older_version_from_standard_input() {
    let old = fs::read_to_string("tests/fixtures/diff/old.yaml").unwrap();
    let from_files = stdout(ladder().args([
        "diff",
        "tests/fixtures/diff/old.yaml",
        "tests/fixtures/diff/new.yaml",
    ]));
    let from_stdin = stdout(
        ladder()
            .args(["diff", "-", "tests/fixtures/diff/new.yaml"])
            .write_stdin(old),
    );
    assert_eq!(
        from_stdin,
        from_files.replacen("tests/fixtures/diff/old.yaml", "<stdin>", 1)
    );
    ladder()
        .args(["diff", "-", "-"])
        .assert()
        .code(2)
        .stderr("error: standard input (`-`) can be read only once\n");
}

/// `plan -o` writes what `plan` prints, making the folders it goes in.
#[test]
fn a_plan_written_to_a_file_is_the_plan_printed() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["ladder.yaml", "middle.yaml"] {
        fs::copy(
            format!("tests/fixtures/placement/{file}"),
            dir.path().join(file),
        )
        .unwrap();
    }
    let printed = ladder()
        .current_dir(dir.path())
        .args(["plan", "middle.yaml"])
        .output()
        .unwrap();
    assert_eq!(printed.status.code(), Some(0));
    ladder()
        .current_dir(dir.path())
        .args(["plan", "middle.yaml", "-o", "plans/mo.md"])
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(
        fs::read(dir.path().join("plans/mo.md")).unwrap(),
        printed.stdout
    );
}
