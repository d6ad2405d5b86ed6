//! How long the loader takes on hostile input: every file of the corpus in `tests/hostile/`,
//! plus a 300 KB file of nested flow mappings and a 1 MiB file. The target is "well under a
//! second" each; this prints the best of five runs per input and fails if any takes a second.
//!
//! Run with `cargo bench --bench hostile`.

use std::time::{Duration, Instant};

use ladder::load::raw::RawAssessment;
use ladder::load::{Source, assessment, builtin_ladder, ladder_from, yaml};
use ladder::model::Ladder;

const BUDGET: Duration = Duration::from_secs(1);
const RUNS: usize = 5;

fn load(bytes: &[u8], builtin: &Ladder) {
    let Ok(source) = Source::decode("input.yaml".into(), bytes) else {
        return;
    };
    let _ = ladder_from(&source);
    if let Ok(raw) = yaml::parse::<RawAssessment>(&source) {
        let _ = assessment::check(&raw, &source, builtin, None);
    }
}

fn best_of(bytes: &[u8]) -> Duration {
    let builtin = builtin_ladder("engineering-management").expect("built-in ladder");
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            load(bytes, &builtin);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir("tests/hostile")
        .expect("run from the repository root")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            Some((path.display().to_string(), std::fs::read(&path).ok()?))
        })
        .collect();
    inputs.sort();
    let depth = 75_000;
    inputs.push((
        format!("nested flow mappings, depth {depth}"),
        format!(
            "person: Ada\ntarget: manager\nscores: {}1{}\n",
            "{a: ".repeat(depth),
            "}".repeat(depth)
        )
        .into_bytes(),
    ));
    let mut padded = b"person: Ada\ntarget: manager\nscores:\n  coaching: 3\n".to_vec();
    padded.extend(b"# padding to one mebibyte\n".repeat(40_000));
    inputs.push(("1 MiB of comments".to_owned(), padded));
    inputs.push((
        "the built-in ladder".to_owned(),
        include_bytes!("../ladders/engineering-management.yaml").to_vec(),
    ));

    let mut slowest = Duration::ZERO;
    println!("{:>10}  {:>9}  input", "time", "bytes");
    for (name, bytes) in &inputs {
        let time = best_of(bytes);
        slowest = slowest.max(time);
        println!("{:>10.3?}  {:>9}  {name}", time, bytes.len());
    }
    println!("slowest: {slowest:.3?} (budget {BUDGET:?})");
    if slowest >= BUDGET {
        eprintln!("an input took longer than the budget");
        std::process::exit(1);
    }
}
