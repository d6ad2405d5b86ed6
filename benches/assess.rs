//! How long the everyday path takes: loading a ladder and an assessment, assessing, and
//! rendering every format, for the shipped example and for a synthetic ladder far larger than
//! any real one (8 levels, 20 areas of 25 competencies). Prints the best of ten runs of each.
//!
//! Run with `cargo bench --bench assess`.

use std::fmt::Write;
use std::time::{Duration, Instant};

use ladder::load::raw::RawAssessment;
use ladder::load::{Source, assessment, ladder_from, yaml};
use ladder::render::{self, Style};

const RUNS: usize = 10;

/// Loads both files, assesses, and renders the report three ways.
fn assess_once(ladder_text: &str, assessment_text: &str) -> usize {
    let ladder = ladder_from(&Source::from_text("ladder.yaml", ladder_text))
        .expect("ladder loads")
        .value;
    let source = Source::from_text("me.yaml", assessment_text);
    let raw: RawAssessment = yaml::parse(&source).expect("assessment parses");
    let checked = assessment::check(&raw, &source, &ladder, None, &ladder::policy::NONE)
        .expect("assessment checks")
        .value;
    let report = ladder::assess::assess(&ladder, &checked, "me.yaml");
    render::report::table(&report, Style::default(), false).len()
        + render::report::markdown(&report).len()
        + render::json(&report).len()
}

fn best_of(ladder_text: &str, assessment_text: &str) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(assess_once(ladder_text, assessment_text));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// A ladder of `levels` levels and `areas` areas of `per_area` competencies, and an assessment
/// scoring every competency.
fn synthetic(levels: usize, areas: usize, per_area: usize) -> (String, String) {
    let mut ladder = String::from("id: big\ntitle: Big\ndescription: A large ladder.\nscale:\n");
    for score in 1..=5 {
        writeln!(
            ladder,
            "  - {{score: {score}, label: S{score}, description: Score {score}.}}"
        )
        .unwrap();
    }
    ladder.push_str("levels:\n");
    for level in 0..levels {
        writeln!(
            ladder,
            "  - {{id: l{level}, title: Level {level}, description: Level {level}.}}"
        )
        .unwrap();
    }
    ladder.push_str("areas:\n");
    let mut assessment = String::from("ladder: big\nperson: Sam\ntarget: l3\nscores:\n");
    for area in 0..areas {
        writeln!(ladder, "  - id: a{area}\n    title: Area {area}\n    description: Area {area}.\n    competencies:").unwrap();
        for c in 0..per_area {
            let id = format!("a{area}-c{c}");
            writeln!(ladder, "      - id: {id}\n        title: Competency {c}\n        description: What {c} means.\n        expectations:").unwrap();
            for level in 0..levels {
                let score = 1 + level * 4 / levels;
                writeln!(ladder, "          l{level}: {{score: {score}, signals: [Signal {c} at {level}, Another {c} at {level}]}}").unwrap();
            }
            writeln!(assessment, "  {id}: {}", 1 + (area + c) % 5).unwrap();
        }
    }
    (ladder, assessment)
}

fn main() {
    let example = (
        include_str!("../ladders/engineering-management.yaml").to_owned(),
        include_str!("../examples/self-assessment.yaml").to_owned(),
    );
    let big = synthetic(8, 20, 25);
    println!("{:>10}  {:>9}  input", "time", "bytes");
    for (name, (ladder, assessment)) in [
        ("built-in ladder, shipped example", &example),
        ("8 levels × 500 competencies", &big),
    ] {
        let time = best_of(ladder, assessment);
        println!(
            "{time:>10.3?}  {:>9}  {name}",
            ladder.len() + assessment.len()
        );
    }
}
