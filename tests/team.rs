//! `ladder team` on `examples/team/`, with one person's numbers worked out by hand.

mod common;

use common::{ladder, stdout};
use serde_json::{Value, json};

fn team() -> Value {
    let out = stdout(ladder().args(["team", "examples/team", "--format", "json"]));
    serde_json::from_str(&out).unwrap()
}

#[test]
fn each_person_is_read_from_their_latest_assessment() {
    let team = team();
    let people = team["people"].as_array().unwrap();
    assert_eq!(people.len(), 5);
    // Grace Hopper's latest is the director's October review (2026-10-15, after her own of
    // 2026-10-01). Against `manager` (4,3,3,3,3 | 3,4,3,3,3 | 3,3,3,3,3 | 2,2,2,3,2,1) her
    // scores (2,3,2,3,3 | 2,3,3,2,3 | 1,3,3,3,2 | 1,3,3,3,3,1) fall short in eight
    // competencies: 13 of 21 met. Coverage: 49 of the 59 expected points. Her largest gaps
    // are one-on-ones and direction (2 each); ladder order names one-on-ones.
    let grace = people
        .iter()
        .find(|p| p["person"] == "Grace Hopper")
        .unwrap();
    assert_eq!(grace["file"], "examples/team/grace-2026-10-review.yaml");
    assert_eq!(grace["assessor"], "Mary Jackson");
    assert_eq!((&grace["met"], &grace["total"]), (&json!(13), &json!(21)));
    assert_eq!(grace["coverage"], json!(49.0 / 59.0));
    assert_eq!(grace["largest_gap"], "One-on-ones");
    assert_eq!(grace["reached"], Value::Null);
    // The team's weakest: every one of the five is below at direction and alignment.
    let direction = team["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "team-direction")
        .unwrap();
    assert_eq!(direction["below"], 5);
}

#[test]
fn the_readiest_come_first() {
    let team = team();
    let order: Vec<&str> = team["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"].as_str().unwrap())
        .collect();
    // Barbara alone reaches a level; then by expectations met: Alan 17, Edsger 15, Grace 13,
    // Ada 12.
    assert_eq!(
        order,
        [
            "Barbara Liskov",
            "Alan Turing",
            "Edsger Dijkstra",
            "Grace Hopper",
            "Ada Lovelace"
        ]
    );
}
