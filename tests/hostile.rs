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
    let dir = std::env::temp_dir().join(format!("ladder-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.yaml");
    let mut text = String::from("person: Ada\ntarget: manager\n");
    text.push_str(&"# padding\n".repeat(160_000));
    std::fs::write(&big, &text).unwrap();
    assert!(text.len() > 1024 * 1024);
    let expected = format!(
        "error[file-too-large]: file is larger than the 1 MiB limit\n--> {}\n = help: raise the limit with `--max-file-size BYTES` if the file is genuine\n",
        big.display()
    );
    ladder()
        .arg("assess")
        .arg(&big)
        .assert()
        .code(1)
        .stdout("")
        .stderr(expected);
    // Raised, the same file is read; it scores nothing, so the report has every competency missing.
    ladder()
        .args(["assess", "--max-file-size", "2000000", "--format", "json"])
        .arg(&big)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("\"met\": 0,\n    \"total\": 21"));
    std::fs::remove_dir_all(&dir).unwrap();
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
        .stderr("error: cannot read `/dev/zero`: it is not a regular file\n");
    let dir = std::env::temp_dir().join(format!("ladder-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    ladder()
        .arg("assess")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(format!(
            "error: cannot read `{}`: it is not a regular file\n",
            fifo.display()
        ));
    std::fs::remove_dir_all(&dir).unwrap();
}
