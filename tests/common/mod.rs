//! What the end-to-end tests share: the binary, run with the terminal settings cleared.

#![allow(dead_code)]

use assert_cmd::Command;

/// The `ladder` binary, unaffected by the caller's `COLUMNS`, `NO_COLOR` or `CLICOLOR_FORCE`.
pub fn ladder() -> Command {
    let mut command = Command::cargo_bin("ladder").unwrap();
    command
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// Standard output of a run that must succeed.
pub fn stdout(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A scratch ladder repository: each `(path, fixture)` copies a fixture file to `path` in it.
pub fn repository(files: &[(&str, &str)]) -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    for (path, fixture) in files {
        let target = repo.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(fixture, target).unwrap();
    }
    repo
}

/// The public ladders beside the project (`../shared/real-ladders/`), read where they are and
/// never copied: their text is their authors'. On a plain clone without them a test says why
/// and passes; under CI (`CI=true`), which always has them, their absence fails the test, so
/// that they never silently stop being checked.
pub fn real_ladders() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-ladders");
    if dir.is_dir() {
        return Some(dir);
    }
    let why = format!("{} is missing", dir.display());
    assert!(
        std::env::var_os("CI").is_none_or(|ci| ci != "true"),
        "{why}, and CI must have it"
    );
    eprintln!("note: {why}; the real ladders are not checked on this clone");
    None
}
