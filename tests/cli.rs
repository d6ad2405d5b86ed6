//! End-to-end tests of the `ladder` binary: snapshot cases under `tests/cmd/`, and the README's
//! examples. After a deliberate change of output, `TRYCMD=overwrite cargo test --test cli`
//! rewrites them (the README included), and `git diff` shows what changed. They run at
//! `COLUMNS=100`, the width assumed when it is not known, whatever the shell exports; the cases
//! of `width.md` set their own.

use std::path::{Path, PathBuf};

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .case("tests/cmd/*.md")
        // A width given to every case would override each command's own.
        .skip("tests/cmd/width.md");
}

#[test]
fn width_cases() {
    trycmd::TestCases::new().case("tests/cmd/width.md");
}

/// The README's examples run in a scratch copy of the files they use, so that `ladder init -o`
/// in the quick start writes there and not into the repository.
#[test]
fn readme_examples() {
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("readme");
    let _ = std::fs::remove_dir_all(&scratch);
    let files = scratch.join("README.in");
    for dir in ["examples", "ladders", "tests/fixtures"] {
        copy_dir(Path::new(dir), &files.join(dir));
    }
    std::fs::copy("README.md", scratch.join("README.md")).unwrap();
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .case(scratch.join("README.md"))
        .run();
    if std::env::var_os("TRYCMD").is_some_and(|mode| mode == "overwrite") {
        std::fs::copy(scratch.join("README.md"), "README.md").unwrap();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
