//! The JSON Schemas that `ladder schema` prints accept every shipped file and reject broken ones,
//! checked with an independent validator.

mod common;

use common::{ladder, stdout};
use serde_json::Value;

fn schema(kind: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&stdout(ladder().args(["schema", kind]))).unwrap();
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
        "tests/fixtures/per-level.yaml".to_owned(),
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
fn broken_files_do_not_match_and_the_validator_says_why() {
    let ladder = schema("ladder");
    let cases = [
        (
            "tests/fixtures/validate/unknown-field.yaml",
            "Additional properties are not allowed ('titel' was unexpected)",
        ),
        (
            "tests/fixtures/validate/missing-field.yaml",
            "\"title\" is a required property",
        ),
        (
            "tests/fixtures/validate/invalid-id.yaml",
            "\"Senior_Level\" does not match \"^[a-z0-9]+(-[a-z0-9]+)*$\"",
        ),
        (
            "tests/fixtures/validate/empty-levels.yaml",
            "[] has less than 1 item",
        ),
        (
            "tests/fixtures/validate/invalid-weight.yaml",
            "0 is less than or equal to the minimum of 0",
        ),
    ];
    for (path, expected) in cases {
        let found = errors(&ladder, path);
        assert!(found.iter().any(|e| e == expected), "{path}: {found:?}");
    }
    let assessment = schema("assessment");
    let cases = [
        (
            "tests/fixtures/unknown-field.yaml",
            "Additional properties are not allowed ('taget' was unexpected)",
        ),
        (
            "tests/fixtures/validate/assessment-wrong-type.yaml",
            "\"three\" is not valid under any of the schemas listed in the 'oneOf' keyword",
        ),
    ];
    for (path, expected) in cases {
        let found = errors(&assessment, path);
        assert!(found.iter().any(|e| e == expected), "{path}: {found:?}");
    }
}

#[test]
fn committed_schemas_are_current() {
    for kind in ["ladder", "assessment"] {
        let printed = stdout(ladder().args(["schema", kind]));
        let committed = std::fs::read_to_string(format!("schemas/{kind}.schema.json")).unwrap();
        assert_eq!(
            printed, committed,
            "run `ladder schema {kind} > schemas/{kind}.schema.json`"
        );
    }
}
