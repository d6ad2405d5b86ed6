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
    // By area, tactical: direction (1, 1, 1, 2, 2), resourcing (1, 0, 0, 1, 1) and process
    // (0, 0, 0, 0, 1) make 11 over 25 cells; every one of the five is below in it somewhere.
    let tactical = &team["areas"][2];
    assert_eq!(tactical["id"], "tactical");
    assert_eq!(tactical["below"], 5);
    assert_eq!(tactical["mean_gap"], json!(11.0 / 25.0));
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

#[test]
fn calibration_sets_each_self_assessment_against_the_latest_review() {
    let team = team();
    // Grace Hopper rated herself (2026-10-01) one below the director's review (2026-10-15) in
    // coaching, team health, quality, incidents and partnership (2 against 3 each), and alike
    // in the other sixteen: a lean of -5/21.
    let pairing = team["calibrated"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person"] == "Grace Hopper")
        .unwrap();
    assert_eq!(
        pairing["self_file"],
        "examples/team/grace-2026-10-self.yaml"
    );
    assert_eq!(
        pairing["other_file"],
        "examples/team/grace-2026-10-review.yaml"
    );
    assert_eq!(pairing["other_assessor"], "Mary Jackson");
    assert_eq!(pairing["compared"], 21);
    assert_eq!(pairing["lean"], json!(-5.0 / 21.0));
    let grace: Vec<&Value> = team["calibration"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["person"] == "Grace Hopper")
        .collect();
    assert_eq!(grace.len(), 21);
    let differing: Vec<(&str, i64, i64, i64)> = grace
        .iter()
        .filter(|d| d["difference"] != 0)
        .map(|d| {
            let n = |key: &str| d[key].as_i64().unwrap();
            (
                d["competency"].as_str().unwrap(),
                n("self"),
                n("other"),
                n("difference"),
            )
        })
        .collect();
    assert_eq!(
        differing,
        [
            ("coaching", 2, 3, -1),
            ("team-health", 2, 3, -1),
            ("quality", 2, 3, -1),
            ("incident-risk", 2, 3, -1),
            ("senior-partnership", 2, 3, -1),
        ]
    );
    // Across the team, one-on-ones: Alan, Barbara and Edsger rate themselves one higher, Ada
    // and Grace alike: +3/5. Quality: Edsger and Grace one lower: -2/5.
    let lean = |id: &str| {
        let competencies = team["competencies"].as_array().unwrap();
        competencies.iter().find(|c| c["id"] == id).unwrap()["self_lean"].clone()
    };
    assert_eq!(lean("one-on-ones"), json!(3.0 / 5.0));
    assert_eq!(lean("quality"), json!(-2.0 / 5.0));
}

#[test]
fn progress_is_by_the_same_assessor_between_its_two_latest_dates() {
    let team = team();
    let grace: Vec<&Value> = team["progress"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["person"] == "Grace Hopper")
        .collect();
    // Against manager, the director's April review (2,3,2,3,3 | 2,3,3,2,3 | 1,3,3,3,2 |
    // 1,2,2,2,2,1) meets 3 + 2 + 3 + 4 = 12, October's 13. Her own April assessment
    // (2,2,2,3,2 | 2,3,2,2,3 | 1,3,3,2,2 | 1,2,2,1,2,1) meets 1 + 1 + 2 + 4 = 8, and
    // October's 8 too.
    assert_eq!(
        grace,
        [
            &json!({
                "person": "Grace Hopper", "assessor": "Mary Jackson",
                "from": "2026-04-15", "to": "2026-10-15",
                "target_before": "manager", "target_after": "manager",
                "met_before": 12, "met_after": 13, "total_before": 21, "total_after": 21,
                "reached_before": null, "reached_after": null,
            }),
            &json!({
                "person": "Grace Hopper", "assessor": "self",
                "from": "2026-04-01", "to": "2026-10-01",
                "target_before": "manager", "target_after": "manager",
                "met_before": 8, "met_after": 8, "total_before": 21, "total_after": 21,
                "reached_before": null, "reached_after": null,
            }),
        ]
    );
    assert_eq!(team["progress"].as_array().unwrap().len(), 10);
}

#[test]
fn the_heatmap_is_coloured_by_gap_on_a_terminal() {
    let coloured = stdout(ladder().args(["team", "examples/team", "--color", "always"]));
    // One-on-ones: Barbara 0 (green), Alan 1 (yellow), Edsger 3 and Grace 2 (red), Ada 1.
    let (green, yellow, red) = ("\u{1b}[38;5;10m", "\u{1b}[38;5;11m", "\u{1b}[38;5;9m");
    let reset = "\u{1b}[39m";
    let row = coloured
        .lines()
        .find(|line| line.contains("One-on-ones      "))
        .unwrap();
    let cells: Vec<&str> = row.split('┆').skip(1).collect();
    assert_eq!(cells[0], format!("{green}       0 {reset}"));
    assert_eq!(cells[1], format!("{yellow}      1 {reset}"));
    assert_eq!(cells[2], format!("{red}        3 {reset}"));
    assert_eq!(cells[3], format!("{red}      2 {reset}"));
    // The count of people below is not a gap, and is not coloured.
    assert_eq!(cells[5], "     4 │");
    let plain = stdout(ladder().args(["team", "examples/team"]));
    assert!(!plain.contains('\u{1b}'));
}

#[test]
fn files_left_out_are_named_up_to_twenty_then_counted() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    for i in 0..22 {
        std::fs::write(
            repo.path().join(format!("ann-{i:02}.yaml")),
            "person: Ann Lee\nassessor: Bob Ray\ndate: 2026-05-01\ntarget: manager\nscores:\n  one-on-ones: 3\n",
        )
        .unwrap();
    }
    let output = ladder()
        .current_dir(repo.path())
        .args(["team", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let notes: Vec<&str> = stderr.lines().collect();
    assert_eq!(notes.len(), 21, "{stderr}");
    assert_eq!(
        notes[0],
        "note: `ann-00.yaml` is left out: `ann-01.yaml`, read after it, also assesses Ann Lee on the same date (2026-05-01)"
    );
    assert_eq!(
        notes[20],
        "note: 1 more file is left out for the same reason (`--format json` lists them all under `left_out`)"
    );
    let team: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(team["left_out"].as_array().unwrap().len(), 21);
    assert_eq!(team["people"][0]["file"], "ann-21.yaml");
}
