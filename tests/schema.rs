//! The JSON Schemas that `ladder schema` prints accept every shipped file and reject broken ones,
//! checked with an independent validator.

use assert_cmd::Command;
use serde_json::Value;

fn schema(kind: &str) -> jsonschema::Validator {
    let output = Command::cargo_bin("ladder")
        .unwrap()
        .args(["schema", kind])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).unwrap()
}

fn yaml(path: &str) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn yaml_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .filter(|path| path.ends_with(".yaml"))
        .collect();
    files.sort();
    files
}

fn errors(validator: &jsonschema::Validator, path: &str) -> Vec<String> {
    validator
        .iter_errors(&yaml(path))
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn shipped_and_fixture_ladders_match_the_ladder_schema() {
    let validator = schema("ladder");
    let mut ladders = yaml_files("ladders");
    ladders.extend([
        "tests/fixtures/three-levels.yaml".to_owned(),
        "tests/fixtures/mixed/small.yaml".to_owned(),
    ]);
    for path in ladders {
        assert_eq!(errors(&validator, &path), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn examples_match_the_assessment_schema() {
    let validator = schema("assessment");
    let mut assessments = yaml_files("examples");
    assessments.push("tests/fixtures/platform-me.yaml".to_owned());
    for path in assessments {
        assert_eq!(errors(&validator, &path), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn broken_files_do_not_match() {
    let ladder = schema("ladder");
    for path in [
        "tests/fixtures/validate/unknown-field.yaml",
        "tests/fixtures/validate/missing-field.yaml",
        "tests/fixtures/validate/invalid-id.yaml",
        "tests/fixtures/validate/empty-levels.yaml",
        "tests/fixtures/validate/invalid-weight.yaml",
    ] {
        assert!(!errors(&ladder, path).is_empty(), "{path} should not match");
    }
    let assessment = schema("assessment");
    for path in [
        "tests/fixtures/unknown-field.yaml",
        "tests/fixtures/validate/assessment-wrong-type.yaml",
    ] {
        assert!(
            !errors(&assessment, path).is_empty(),
            "{path} should not match"
        );
    }
}

#[test]
fn committed_schemas_are_current() {
    for kind in ["ladder", "assessment"] {
        let output = Command::cargo_bin("ladder")
            .unwrap()
            .args(["schema", kind])
            .output()
            .unwrap();
        let committed = std::fs::read_to_string(format!("schemas/{kind}.schema.json")).unwrap();
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            committed,
            "run `ladder schema {kind} > schemas/{kind}.schema.json`"
        );
    }
}
