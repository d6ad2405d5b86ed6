//! `ladder compare` on the shipped self-assessment and director's review of Ada Lovelace, with
//! the numbers worked out by hand from the two files.

mod common;

use common::{ladder, stdout};
use serde_json::{Value, json};

fn comparison(args: &[&str]) -> Value {
    let mut command = ladder();
    command.arg("compare").args(args).args(["--format", "json"]);
    serde_json::from_str(&stdout(&mut command)).unwrap()
}

#[test]
fn a_self_assessment_and_a_review_side_by_side() {
    // Given review first: ordered by date, the self-assessment (2026-11-01) comes first.
    let c = comparison(&[
        "examples/manager-review.yaml",
        "examples/self-assessment.yaml",
    ]);
    let labels: Vec<&str> = c["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["self 2026-11-01", "Director: Mary Jackson 2026-11-15"]
    );
    let met: Vec<(u64, u64)> = c["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["met"].as_u64().unwrap(), a["total"].as_u64().unwrap()))
        .collect();
    assert_eq!(met, [(11, 21), (9, 21)]);
    let one_on_ones = &c["competencies"][0];
    assert_eq!(
        (
            &one_on_ones["scores"],
            &one_on_ones["spread"],
            &one_on_ones["change"]
        ),
        (&json!([5, 4]), &json!(1), &json!(-1))
    );
    // Six competencies differ by one: four higher in the self-assessment (one-on-ones,
    // feedback, stakeholders, decisions) and two lower (team health, managing managers), so
    // self leans (4 - 2) / 21 above the review, over the 21 competencies both scored.
    let spreads: usize = c["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|line| line["spread"] == 1)
        .count();
    assert_eq!(spreads, 6);
    assert_eq!(c["leans"][0]["assessor"], "self");
    assert_eq!(c["leans"][0]["lean"], json!(2.0 / 21.0));
    assert_eq!(c["leans"][1]["lean"], json!(-2.0 / 21.0));
    let disagreements: Vec<&str> = c["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        disagreements,
        ["one-on-ones", "feedback-performance", "team-health"]
    );
}
