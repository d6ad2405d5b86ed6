//! Placement and what to show, with exact numbers, on `tests/fixtures/placement/`: three levels,
//! weighted competencies and the rule `readiness: {allow_below: 1, max_gap: 1}`, against four
//! assessments that reach no level, the first, the middle and the top one.

mod common;

use common::{ladder, stdout};
use serde_json::{Value, json};

fn report(file: &str) -> Value {
    let path = format!("tests/fixtures/placement/{file}.yaml");
    let out = stdout(ladder().args(["assess", &path, "--format", "json"]));
    serde_json::from_str(&out).unwrap()
}

/// Each competency's `to_show`, by id.
fn to_show(report: &Value) -> Vec<(String, Value)> {
    report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["id"].as_str().unwrap().to_owned(),
                row["to_show"].clone(),
            )
        })
        .collect()
}

fn rule() -> Value {
    json!({"allow_below": 1, "max_gap": 1})
}

#[test]
fn an_unscored_competency_reaches_no_level() {
    // `operations` is unscored, and no level is reached with a competency unscored.
    let report = report("none");
    assert_eq!(
        report["placement"],
        json!({
            "reached": null,
            "reached_title": null,
            "target_reached": false,
            "blocked_by": "junior",
            "blocked_by_title": "Junior Engineer",
            "below": 3,
            "rule": rule()
        })
    );
    // With nothing reached, every signal the target shows is left to show.
    assert_eq!(
        to_show(&report),
        [
            (
                "code".to_owned(),
                json!([
                    "Writes tests for each fix",
                    "Reviews teammates' changes",
                    "Sets the team's coding standards"
                ])
            ),
            (
                "operations".to_owned(),
                json!([
                    "Joins the on-call rota",
                    "Leads an incident review",
                    "Designs the service's alerts"
                ])
            ),
            (
                "mentoring".to_owned(),
                json!(["Asks for feedback", "Mentors a new engineer"])
            ),
        ]
    );
    // Unscored competencies are not ranked as gaps, but named apart.
    assert_eq!(
        report["largest_gaps"],
        json!([{"id": "code", "title": "Code", "gap": 2}, {"id": "mentoring", "title": "Mentoring", "gap": 1}])
    );
}

#[test]
fn two_below_is_one_more_than_the_rule_allows() {
    // Every junior expectation met; at `mid`, code and operations are each 1 below.
    let report = report("first");
    assert_eq!(
        report["placement"],
        json!({"reached": "junior", "reached_title": "Junior Engineer", "target_reached": false, "below": 2, "rule": rule()})
    );
    assert_eq!(
        to_show(&report),
        [
            ("code".to_owned(), json!(["Reviews teammates' changes"])),
            ("operations".to_owned(), json!(["Leads an incident review"])),
            ("mentoring".to_owned(), json!([])),
        ]
    );
}

#[test]
fn one_below_by_one_reaches_the_middle_level() {
    // At `mid` only operations is below, by 1: reached. At `senior`, operations is 2 below.
    let report = report("middle");
    assert_eq!(
        report["placement"],
        json!({"reached": "mid", "reached_title": "Engineer", "target_reached": false, "below": 3, "rule": rule()})
    );
    // What `senior` shows that `mid` does not: signals add up level by level.
    assert_eq!(
        to_show(&report),
        [
            (
                "code".to_owned(),
                json!(["Sets the team's coding standards"])
            ),
            (
                "operations".to_owned(),
                json!(["Designs the service's alerts"])
            ),
            ("mentoring".to_owned(), json!(["Mentors a new engineer"])),
        ]
    );
    // Coverage: code 2 of 3 at weight 2, operations 1 of 3, mentoring 1 of 2: 6 of 11.
    assert_eq!(
        report["summary"],
        json!({"met": 0, "total": 3, "coverage": 6.0 / 11.0})
    );
}

#[test]
fn the_target_reached_with_one_below_by_one() {
    let report = report("top");
    assert_eq!(
        report["placement"],
        json!({"reached": "senior", "reached_title": "Senior Engineer", "target_reached": true, "below": 1, "rule": rule()})
    );
    // Operations is still below, which the rule lets pass; what closes it is what `senior`
    // adds to `mid`. Reaching is not meeting.
    assert_eq!(
        to_show(&report),
        [
            ("code".to_owned(), json!([])),
            (
                "operations".to_owned(),
                json!(["Designs the service's alerts"])
            ),
            ("mentoring".to_owned(), json!([])),
        ]
    );
}
