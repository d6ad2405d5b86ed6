//! End-to-end tests of the `ladder` binary: snapshot cases under `tests/cmd/`, and the examples
//! of the README, CONTRIBUTING.md and `docs/`. After a deliberate change of output,
//! `TRYCMD=overwrite cargo test --test cli` rewrites them (the documents included), and
//! `git diff` shows what changed. They run at `COLUMNS=100`, the width assumed when it is not
//! known, whatever the shell exports; the cases of `width.md` set their own.

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

/// The README's examples run on what a user has: the shipped `examples/` and `ladders/`, and
/// files the examples make themselves (`ladder init -o` in the quick start).
#[test]
fn readme_examples() {
    run_document("README.md", &["examples", "ladders"]);
}

/// The examples of the pages for contributors and of `docs/` may use the tests' fixtures too.
#[test]
fn docs_examples() {
    let mut documents = vec![PathBuf::from("CONTRIBUTING.md")];
    let mut pages: Vec<PathBuf> = std::fs::read_dir("docs")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    pages.sort();
    documents.extend(pages);
    for document in documents {
        run_document(&document, &["examples", "ladders", "tests/fixtures"]);
    }
}

/// Runs the `console` blocks of `document` in a scratch copy of `dirs`, so that a command that
/// writes a file writes there and not into the repository. `TRYCMD=overwrite` rewrites the
/// document with the output the commands gave.
fn run_document(document: impl AsRef<Path>, dirs: &[&str]) {
    let document = document.as_ref();
    // One scratch folder per document, named after its path: `docs/json.md` → `docs-json`.
    let name = document
        .with_extension("")
        .to_string_lossy()
        .replace(['/', '\\'], "-");
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("documents")
        .join(&name);
    let _ = std::fs::remove_dir_all(&scratch);
    let files = scratch.join(format!("{name}.in"));
    std::fs::create_dir_all(&files).unwrap();
    for dir in dirs {
        copy_dir(Path::new(dir), &files.join(dir));
    }
    let copy = scratch.join(format!("{name}.md"));
    std::fs::copy(document, &copy).unwrap();
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .case(&copy)
        .run();
    if std::env::var_os("TRYCMD").is_some_and(|mode| mode == "overwrite") {
        std::fs::copy(&copy, document).unwrap();
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
