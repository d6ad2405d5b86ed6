//! Every ladder under `ladders/` and every example under `examples/` loads with no findings at
//! all, and the built-in ladder is the file under `ladders/`.

use std::path::{Path, PathBuf};

mod common;

use ladder::input::Input;
use ladder::load::catalog::BUILTINS;
use ladder::load::{Loader, Root, Source, builtin_ladder, ladder_from};

fn yaml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn shipped_ladders_load_without_findings() {
    let ladders = yaml_files("ladders");
    assert!(!ladders.is_empty());
    for path in ladders {
        let text = std::fs::read_to_string(&path).unwrap();
        let source = Source::from_text(path.display().to_string(), text);
        let loaded = ladder_from(&source).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.warnings
        );
    }
}

#[test]
fn builtin_ladders_are_the_shipped_files() {
    for builtin in BUILTINS {
        assert_eq!(std::fs::read_to_string(builtin.file).unwrap(), builtin.text);
        let ladder = builtin_ladder(builtin.id).unwrap();
        assert_eq!(ladder.id.as_str(), builtin.id);
    }
}

#[test]
fn the_builtin_ladder_has_the_shape_the_product_promises() {
    let ladder = builtin_ladder("engineering-management").unwrap();
    assert_eq!(
        ladder.level_ids().collect::<Vec<_>>(),
        ["manager", "senior-manager"]
    );
    let areas: Vec<&str> = ladder.areas.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(areas, ["people", "delivery", "tactical", "strategic"]);
    let (manager, senior) = (&ladder.levels[0], &ladder.levels[1]);
    for area in &ladder.areas {
        assert!(area.competencies.len() >= 4, "{}", area.id);
        for competency in &area.competencies {
            assert!(!competency.description.is_empty(), "{}", competency.id);
            for level in [manager, senior] {
                let expectation = competency.expectation(level);
                assert!(
                    expectation.is_some_and(|e| e.signals.len() >= 2),
                    "{} at {}",
                    competency.id,
                    level.id
                );
            }
            assert!(
                competency.expected(senior) >= competency.expected(manager),
                "{}",
                competency.id
            );
        }
    }
}

#[test]
fn examples_load_without_findings_and_assess() {
    let examples = yaml_files("examples");
    assert!(examples.len() >= 2);
    let loader = Loader::new(Root::at(Path::new(".")).unwrap(), u64::MAX);
    for path in examples {
        let loaded = loader.assessment(&Input::Path(path.clone()), None, None);
        assert!(
            loaded.assessment.is_some(),
            "{}: {:?}",
            path.display(),
            loaded.checked
        );
        assert!(
            loaded.checked.found.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.checked.found
        );
        common::ladder()
            .arg("assess")
            .arg(&path)
            .assert()
            .success()
            .stderr("");
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let example = Path::new("examples/self-assessment.yaml");
    // Enough reports to overflow any pipe buffer, so that writing must hit the closed pipe.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ladder"))
        .arg("assess")
        .args(std::iter::repeat_n(example, 300))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
