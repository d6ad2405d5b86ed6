//! The one output-safety rule, enforced over every hostile input, command and format: no byte
//! of file text (contents, file names or command-line values echoed back) reaches any output
//! as a control character, a direction mark, or a GitHub workflow command.

mod common;

use std::path::{Path, PathBuf};

use common::ladder;

/// Characters no output may hold, whatever the format: controls other than our own line
/// breaks, and invisible or direction-changing characters.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Checks one stream: no forbidden character, no `##[`, and no line that after trimming starts
/// with `::` unless it is one of our own workflow commands (in the GitHub format only).
fn assert_safe(bytes: &[u8], github: bool, what: &str) {
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| panic!("{what}: not UTF-8"));
    if let Some(c) = text.chars().find(|&c| is_forbidden(c)) {
        panic!("{what}: U+{:04X} reaches the output:\n{text}", u32::from(c));
    }
    assert!(
        !text.contains("##["),
        "{what}: `##[` reaches the output:\n{text}"
    );
    for line in text.lines() {
        let trimmed = line.trim_start();
        if !trimmed.starts_with("::") {
            continue;
        }
        let ours = [
            "::error file=",
            "::warning file=",
            "::notice title=",
            "::notice file=",
        ];
        assert!(
            github && ours.iter().any(|start| line.starts_with(start)),
            "{what}: a line starts a workflow command: {line:?}\n{text}"
        );
    }
}

/// Runs `args` in `dir` and checks both streams.
fn check(dir: &Path, args: &[&str], what: &str) {
    let output = ladder()
        .current_dir(dir)
        .args(args)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some_and(|code| code <= 2),
        "{what}: {output:?}"
    );
    let github = args.contains(&"github");
    assert_safe(&output.stdout, github, &format!("{what} (stdout)"));
    assert_safe(&output.stderr, false, &format!("{what} (stderr)"));
}

/// Every way a file is shown: as an assessment, a ladder, a new version of a ladder, and in
/// every finding, in every format.
fn every_command(file: &str) -> Vec<Vec<String>> {
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["table", "json", "markdown", "csv", "svg", "html"] {
        runs.push(vec!["assess", file, "--format", format]);
        runs.push(vec!["team", file, file, "--format", format]);
    }
    for format in ["table", "json", "markdown"] {
        runs.push(vec!["show", "--ladder", file, "--format", format]);
        runs.push(vec![
            "diff",
            "tests/hostile/md-base.yaml",
            file,
            "--format",
            format,
        ]);
    }
    for format in ["human", "json", "github"] {
        runs.push(vec!["validate", file, "--format", format]);
    }
    runs.push(vec!["show", "junior", "--ladder", file]);
    runs.push(vec!["show", "--ladder", file, "--format", "svg"]);
    runs.into_iter()
        .map(|run| run.into_iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn no_hostile_input_can_forge_output_in_any_format() {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/hostile")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 80, "the corpus holds {} files", files.len());
    let runs: Vec<Vec<String>> = files
        .iter()
        .flat_map(|file| every_command(&file.display().to_string()))
        .collect();
    // Side by side: a thousand runs of the binary.
    let chunk = runs.len().div_ceil(4);
    std::thread::scope(|scope| {
        for part in runs.chunks(chunk) {
            scope.spawn(move || {
                for run in part {
                    let args: Vec<&str> = run.iter().map(String::as_str).collect();
                    check(Path::new("."), &args, &args.join(" "));
                }
            });
        }
    });
}

#[cfg(unix)]
#[test]
fn file_names_and_arguments_cannot_forge_output() {
    let repo = tempfile::tempdir().unwrap();
    let bad =
        "ladder: engineering-management\nperson: Ada\ntarget: manager\nscores:\n  coachng: 3\n";
    let names = [
        "review-\u{202e}lmay.yaml",
        "esc-\u{1b}[31mRED.yaml",
        "c1-\u{9b}2J.yaml",
        "line\n::error file=README.md::Forged.yaml",
        "##[error]Forged.yaml",
    ];
    std::fs::create_dir_all(repo.path().join("team/dir-\u{9b}2J")).unwrap();
    std::fs::create_dir_all(repo.path().join("ladders")).unwrap();
    for name in names {
        std::fs::write(repo.path().join("team").join(name), bad).unwrap();
        std::fs::write(repo.path().join("team/dir-\u{9b}2J").join(name), bad).unwrap();
        std::fs::write(repo.path().join("ladders").join(name), "id: broken\n").unwrap();
    }
    let dir = repo.path();
    for format in ["human", "json", "github"] {
        check(
            dir,
            &["validate", "team", "ladders", "--format", format],
            "validate",
        );
    }
    for format in ["table", "json", "markdown"] {
        check(dir, &["assess", "team", "--format", format], "assess");
        check(dir, &["team", "team", "--format", format], "team");
        check(dir, &["list", "--format", format], "list");
    }
    // A template names its ladder by path: a hostile path stays inside quotes and escapes.
    let tiny = std::fs::read_to_string("tests/hostile/md-base.yaml").unwrap();
    for name in [
        "c1-\u{9b}2J.yaml",
        "line\n::error::x.yaml",
        "##[error]x.yaml",
        "bidi\u{202e}.yaml",
    ] {
        std::fs::write(dir.join(name), &tiny).unwrap();
        check(dir, &["init", "--ladder", name], "init");
    }
    // Usage errors echo the argument they refuse.
    for value in [
        "\n::error::extra",
        "X\u{202e}",
        "##[error]x",
        "\u{1b}]0;pwn\u{7}",
    ] {
        check(dir, &["list", value], "an unexpected argument");
        check(
            dir,
            &["assess", "--format", value, "x.yaml"],
            "a value not allowed",
        );
    }
    let coloured = ladder()
        .current_dir(dir)
        .args([
            "--color=always",
            "assess",
            "--format",
            "\u{1b}]0;pwn\u{7}",
            "x.yaml",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(coloured.stderr).unwrap();
    assert!(
        !stderr.contains("\u{1b}]0;pwn") && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    for value in ["x\u{9b}2J", "##[error]x", "x\n::error::y", "a\u{202e}b"] {
        check(dir, &["assess", "team", "--target", value], "--target");
        check(dir, &["show", value], "show LEVEL");
        check(dir, &["show", "--ladder", value], "--ladder");
        check(dir, &["diff", value, "manager"], "diff");
        check(dir, &["validate", value], "validate PATH");
        check(dir, &["assess", value], "assess PATH");
    }
}
