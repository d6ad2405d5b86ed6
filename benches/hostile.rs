//! What hostile input costs, measured on the release binary as CI runs it: every file of the
//! corpus in `tests/hostile/`, and generated shapes made to be slow or large, each within the
//! 1 MiB size cap. The target (issue 9): every command on any input within the cap ends in
//! under 1 second and under 100 MB of peak memory, whatever its shape, including a file of
//! that shape sitting in `./ladders`, which every command scans.
//!
//! Prints the best wall time of three runs and the highest peak memory of each, then PASS or
//! FAIL per target, and exits non-zero if any fails. Peak memory needs GNU `/usr/bin/time`
//! (n/a without it). Run with `cargo bench --bench hostile`.

mod common;

use std::ffi::OsString;
use std::fmt::Write;
use std::fs;
use std::path::Path;
use std::time::Duration;

use common::{LADDER, Targets, has_gnu_time, measure, print_header, print_row};

const RUNS: usize = 3;
const WALL_BUDGET: Duration = Duration::from_secs(1);
const PEAK_BUDGET_MB: f64 = 100.0;

const LADDER_HEAD: &str = "id: big\ntitle: Big\ndescription: A generated ladder.\nscale:\n  - {score: 1, label: One, description: The only score.}\nlevels:\n  - {id: l, title: L, description: The only level.}\n";

/// One competency, one level, `n` distinct signals in one flow list, 100 a line: the shape that
/// made the repeated-signal check compare every pair.
fn signals(n: usize) -> String {
    let mut text = format!(
        "{LADDER_HEAD}areas:\n  - id: a\n    title: A\n    description: The only area.\n    competencies:\n      - id: c\n        title: C\n        description: The only one.\n        expectations:\n          l:\n            score: 1\n            signals: [\n"
    );
    for start in (0..n).step_by(100) {
        let line: Vec<String> = (start..n.min(start + 100))
            .map(|i| format!("s{i:x}"))
            .collect();
        writeln!(text, "  {},", line.join(", ")).unwrap();
    }
    text.push_str("  ]\n");
    text
}

/// A valid ladder of `n` competencies, each a warning (no description), in block YAML.
fn ladder(n: usize) -> String {
    ladder_of_ids((0..n).map(|i| format!("c{i:x}")))
}

fn ladder_of_ids(ids: impl Iterator<Item = String>) -> String {
    let mut text = format!(
        "{LADDER_HEAD}areas:\n  - id: a\n    title: A\n    description: The only area.\n    competencies:\n"
    );
    for id in ids {
        writeln!(
            text,
            "      - {{id: {id}, title: C, expectations: {{l: 1}}}}"
        )
        .unwrap();
    }
    text
}

/// An id of the longest length allowed, 64 characters, sharing most of itself with the others:
/// the costliest shape for "did you mean".
fn long_id(i: usize) -> String {
    format!("c{i:063x}")
}

/// A ladder of the most levels allowed (50), one competency, each level with `per` signals of
/// its own named after `tag`: two of these share nothing, so every level of a diff differs.
fn many_levels(tag: char, per: usize) -> String {
    let mut text = "id: many\ntitle: Many\ndescription: d\nscale:\n  - {score: 1, label: One, description: d}\nlevels:\n".to_owned();
    for level in 0..50 {
        writeln!(
            text,
            "  - {{id: l{level}, title: L{level}, description: d}}"
        )
        .unwrap();
    }
    text.push_str("areas:\n  - id: a\n    title: A\n    description: d\n    competencies:\n      - id: c\n        title: C\n        description: d\n        expectations:\n");
    for level in 0..50 {
        let signals: Vec<String> = (0..per).map(|i| format!("{tag}{level}x{i}")).collect();
        writeln!(
            text,
            "          l{level}: {{score: 1, signals: [{}]}}",
            signals.join(", ")
        )
        .unwrap();
    }
    text
}

/// The same ladder as minified JSON, which is YAML: one line of half a megabyte.
fn json_ladder(n: usize) -> String {
    let competencies: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"c{i:x}","title":"C","expectations":{{"l":1}}}}"#))
        .collect();
    format!(
        r#"{{"id":"big","title":"Big","description":"A generated ladder.","scale":[{{"score":1,"label":"One","description":"The only score."}}],"levels":[{{"id":"l","title":"L","description":"The only level."}}],"areas":[{{"id":"a","title":"A","description":"The only area.","competencies":[{}]}}]}}"#,
        competencies.join(",")
    ) + "\n"
}

/// An assessment scoring `n` competencies `ladder` lacks, one a line.
fn unknown_keys(n: usize, ladder: &str, target: &str) -> String {
    unknown_named((0..n).map(|i| format!("x{i:x}")), ladder, target)
}

fn unknown_named(keys: impl Iterator<Item = String>, ladder: &str, target: &str) -> String {
    let mut text = format!("ladder: {ladder}\nperson: Ada\ntarget: {target}\nscores:\n");
    for key in keys {
        writeln!(text, "  {key}: 1").unwrap();
    }
    text
}

/// The same, as one flow mapping on one line.
fn unknown_keys_on_one_line(n: usize) -> String {
    let keys: Vec<String> = (0..n).map(|i| format!("u{i:x}: 3")).collect();
    format!(
        "ladder: engineering-management\nperson: Ada\ntarget: manager\nscores: {{{}}}\n",
        keys.join(", ")
    )
}

/// A CSV for `ladder import csv` of about `bytes`: every level a ladder may have, and
/// competencies whose titles all make the same id, but for case and punctuation.
fn csv_rows(bytes: usize) -> String {
    let mut csv = String::from("area,competency,level,score,signal\n");
    let mut row = 0;
    while csv.len() < bytes {
        let mut competency = format!("Same title{}", "!".repeat(row / 50 % 7));
        if row / 50 % 2 == 0 {
            competency = competency.to_uppercase();
        }
        let (area, group, level, score) = (row / 5000, row / 350, row % 50, row % 5);
        csv.push_str(&format!(
            "Area {area},{competency} {group},Level {level},{score},Signal number {row}\n"
        ));
        row += 1;
    }
    csv
}

/// The track suffix of generated level `level`: ten shared levels, then IC and PM in turn.
fn track(level: usize) -> &'static str {
    match level {
        0..10 => "",
        _ if level.is_multiple_of(2) => "-ic",
        _ => "-pm",
    }
}

/// An FT job family for `ladder import ft`: 50 levels (forking into two tracks), `themes`
/// themes, one statement for each theme at each level.
fn job_family(themes: usize) -> String {
    let mut text = String::from("name: Generated\nsummary: A generated job family.\nlevels:\n");
    for level in 0..50 {
        let track = track(level);
        text.push_str(&format!(
            "  - {{id: l{level}{track}, name: Level {level}}}\n"
        ));
    }
    text.push_str("themes:\n");
    for theme in 0..themes {
        text.push_str(&format!(
            "  - {{id: t{theme}, name: Theme {theme}, summary: Theme {theme}.}}\n"
        ));
    }
    text.push_str("competencies:\n");
    for theme in 0..themes {
        for level in 0..50 {
            let track = track(level);
            text.push_str(&format!(
                "  - {{id: s{theme}-{level}, level: l{level}{track}, theme: t{theme}, summary: Shows theme {theme} at level {level}., proficiency: Expert}}\n"
            ));
        }
    }
    text
}

/// The generated shapes: a name, the file, its text, and the commands to run on it.
fn shapes() -> Vec<(&'static str, &'static str, String, Vec<Vec<&'static str>>)> {
    let as_ladder = |file: &'static str| {
        vec![
            vec!["validate", file],
            vec!["show", "--ladder", file, "--format", "json"],
            vec!["show", "l", "--ladder", file],
        ]
    };
    let as_assessment = |file: &'static str| {
        vec![
            vec!["validate", file],
            vec!["validate", file, "--format", "json"],
            vec!["assess", file],
        ]
    };
    vec![
        (
            "95,000 signals",
            "signals.yaml",
            signals(95_000),
            as_ladder("signals.yaml"),
        ),
        (
            "10,500 competencies",
            "big.yaml",
            ladder(10_500),
            as_ladder("big.yaml"),
        ),
        (
            "10,000 competencies as minified JSON",
            "minified.yaml",
            json_ladder(10_000),
            as_ladder("minified.yaml"),
        ),
        (
            "10,000 unknown keys against the 10,500-competency ladder",
            "unknown-big.yaml",
            unknown_keys(10_000, "big.yaml", "l"),
            as_assessment("unknown-big.yaml"),
        ),
        (
            "9,000 competencies with 64-character ids",
            "long-ids.yaml",
            ladder_of_ids((0..9_000).map(long_id)),
            as_ladder("long-ids.yaml"),
        ),
        (
            "5,000 unknown 64-character keys against them",
            "unknown-long.yaml",
            unknown_named((10_000..15_000).map(long_id), "long-ids.yaml", "l"),
            as_assessment("unknown-long.yaml"),
        ),
        (
            "45,000 unknown keys",
            "unknown.yaml",
            unknown_keys(45_000, "engineering-management", "manager"),
            as_assessment("unknown.yaml"),
        ),
        (
            "49,000 unknown keys on one line",
            "one-line.yaml",
            unknown_keys_on_one_line(49_000),
            as_assessment("one-line.yaml"),
        ),
        (
            "a CSV of 6,000 rows under 50 levels, titles that make one id",
            "rows.csv",
            csv_rows(300 * 1024),
            vec![vec!["import", "csv", "rows.csv"]],
        ),
        (
            "a CSV at the cap, which converts to more values than a ladder holds",
            "cap.csv",
            csv_rows(1000 * 1024),
            vec![vec!["import", "csv", "cap.csv"]],
        ),
        (
            "an FT job family of 50 levels, 100 themes and 5,000 statements",
            "family.yml",
            job_family(100),
            vec![vec!["import", "ft", "family.yml"]],
        ),
    ]
}

fn main() {
    let gnu_time = has_gnu_time();
    if !gnu_time {
        println!("no GNU time: peak memory is n/a");
    }
    let scratch = tempfile::tempdir().expect("temporary directory");
    let repo = scratch.path().join("repo");
    let out = scratch.path().join("out");
    fs::create_dir_all(repo.join(".git")).expect("create the repository");
    fs::create_dir_all(&out).expect("create the output folder");
    let mut targets = Targets::default();
    let mut check = |what: String, args: &[&str], cwd: &Path| {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let cost = measure(cwd, &out, LADDER.as_ref(), &args, RUNS, gnu_time);
        print_row(&what, 1, &cost);
        if let Ok(cost) = cost {
            let peak = cost.peak_mb();
            targets.check(
                Some(cost.wall < WALL_BUDGET && peak.is_none_or(|mb| mb < PEAK_BUDGET_MB)),
                format!(
                    "{what}: {:.3} s, {}",
                    cost.wall.as_secs_f64(),
                    peak.map_or("n/a".to_owned(), |mb| format!("{mb:.1} MB"))
                ),
            );
        }
    };

    println!("generated shapes, each within the 1 MiB cap");
    print_header();
    for (name, file, text, commands) in shapes() {
        assert!(text.len() <= 1024 * 1024, "{name} is over the cap");
        println!("({name}: {file}, {} bytes)", text.len());
        fs::write(repo.join(file), &text).expect("write the shape");
        for args in commands {
            check(format!("ladder {}", args.join(" ")), &args, &repo);
        }
    }

    // Two unrelated versions of a ladder of the most levels: every level lists what changed.
    println!("\ntwo unrelated 50-level versions, 70,000 signals each");
    fs::write(repo.join("old.yaml"), many_levels('a', 1_400)).expect("write old.yaml");
    fs::write(repo.join("new.yaml"), many_levels('b', 1_400)).expect("write new.yaml");
    print_header();
    for format in ["table", "json", "markdown"] {
        let args = ["diff", "old.yaml", "new.yaml", "--format", format];
        check(format!("ladder {}", args.join(" ")), &args, &repo);
    }
    let args = ["diff", "l0", "l49", "--ladder", "old.yaml"];
    check(format!("ladder {}", args.join(" ")), &args, &repo);

    // A shape in `./ladders` is scanned by every command, even one using the built-in ladder.
    println!("\nthe 95,000-signal ladder in ./ladders");
    fs::create_dir_all(repo.join("ladders")).expect("create ladders");
    fs::write(repo.join("ladders/slow.yaml"), signals(95_000)).expect("write ladders/slow.yaml");
    fs::write(
        repo.join("me.yaml"),
        "person: Ada\ntarget: manager\nscores:\n  coaching: 3\n",
    )
    .expect("write me.yaml");
    print_header();
    for args in [
        vec!["assess", "me.yaml"],
        vec!["list"],
        vec!["show", "manager"],
        vec!["validate"],
    ] {
        check(format!("ladder {}", args.join(" ")), &args, &repo);
    }

    println!("\nthe corpus in tests/hostile/");
    print_header();
    let mut corpus: Vec<_> = fs::read_dir("tests/hostile")
        .expect("run from the repository root")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    corpus.sort();
    let root = std::env::current_dir().expect("the working directory");
    for path in &corpus {
        let file = path.display().to_string();
        check(
            format!("ladder validate {file}"),
            &["validate", &file],
            &root,
        );
    }

    println!("\ntargets: under {WALL_BUDGET:?} and under {PEAK_BUDGET_MB} MB");
    targets.report();
    if targets.failed > 0 {
        println!("{} target(s) failed", targets.failed);
        std::process::exit(1);
    }
}
