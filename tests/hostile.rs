//! Hostile inputs that are made at test time: too large to commit, or not files at all. The
//! committed corpus is in `tests/hostile/`, with its golden output in `tests/cmd/hostile.md`.

mod common;

use common::ladder;

/// A self-assessment whose scores nest flow mappings `depth` deep: about 300 KB at 75 000.
fn nested_flow_mappings(depth: usize) -> String {
    format!(
        "person: Ada\ntarget: manager\nscores: {}1{}\n",
        "{a: ".repeat(depth),
        "}".repeat(depth)
    )
}

#[test]
fn deeply_nested_mappings_end_in_a_located_error() {
    let input = nested_flow_mappings(75_000);
    assert!(input.len() > 300_000);
    let output = ladder()
        .args(["assess", "-"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], "error[unknown-field]: unknown field `a`");
    assert_eq!(lines[1], " --> <stdin>:3:14");
    assert_eq!(
        lines[lines.len() - 1],
        "  = help: expected `score` or `evidence`"
    );
}

#[test]
fn files_over_the_size_cap_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("person: Ada\ntarget: manager\n");
    text.push_str(&"# padding\n".repeat(160_000));
    std::fs::write(dir.path().join("big.yaml"), &text).unwrap();
    assert!(text.len() > 1024 * 1024);
    let expected = "error[file-too-large]: file is larger than the 1 MiB limit\n--> big.yaml\n = help: raise the limit \
                    with `--max-file-size BYTES` if the file is genuine\n";
    ladder()
        .current_dir(dir.path())
        .args(["assess", "big.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(expected);
    // Raised, the same file is read; it scores nothing, so the report has every competency missing.
    ladder()
        .current_dir(dir.path())
        .args([
            "assess",
            "--max-file-size",
            "2000000",
            "--format",
            "json",
            "big.yaml",
        ])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("\"met\": 0,\n    \"total\": 21"));
}

#[test]
fn standard_input_has_the_same_cap() {
    ladder()
        .args(["assess", "-", "--max-file-size", "10"])
        .write_stdin("person: Ada Lovelace\n")
        .assert()
        .code(1)
        .stderr(
            "error[file-too-large]: file is larger than the 10-byte limit\n--> <stdin>\n = help: raise the limit with \
             `--max-file-size BYTES` if the file is genuine\n",
        );
    ladder()
        .args(["assess", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr("error[empty-document]: empty document\n--> <stdin>\n");
}

#[test]
fn special_files_are_never_read() {
    ladder()
        .args(["assess", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr("error: cannot read `/dev/zero`: it leads outside the repository\n");
    let dir = tempfile::tempdir().unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    ladder()
        .current_dir(dir.path())
        .args(["assess", "pipe.yaml"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr("error: cannot read `pipe.yaml`: it is not a regular file\n");
}
