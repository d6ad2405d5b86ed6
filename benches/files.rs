//! How `ladder` scales with the number of files, measured on the release binary as a user runs it.
//!
//! Part one generates two repositories (`.git/`, `ladders/` holding a copy of the built-in
//! ladder, and `team/` of N self-assessments, for N = 10,000 and 20,000) and times `ladder
//! validate team`, `ladder assess --format json FILES...`, `ladder assess team --format json` and
//! `ladder team team` (as JSON and as CSV), each run as a child process in its repository with
//! its output written to files. It runs three rounds, each running every command once at both
//! sizes, so that the machine's speed drifting weighs on both sizes alike, not on their ratio.
//! It prints the best wall time of the three, the child's CPU time and peak memory (from GNU
//! `/usr/bin/time`; "n/a" without it, as on macOS and Windows) and the bytes written, then
//! checks the targets of issues 10 and 13: under 1 s and under 50 MB at 10,000 files, and 20,000
//! files costing at most 2.2x what 10,000 cost, in wall time and in peak memory.
//!
//! Part two times `ladder validate` over 1,000 ladder files against `check-jsonschema` with
//! `ladder schema ladder` on the same files, best of three each, and requires `ladder` to be at
//! least 30x faster. It is skipped, without failing, when `check-jsonschema` is not installed.
//!
//! Prints PASS or FAIL per target and exits non-zero if any fails. Only the binary is used, never
//! the library, whose surface is the binary's internals. Wall time is what the targets are about,
//! so run it on an otherwise idle machine; a CPU time far below the wall time means it was not.
//! It takes about four minutes, three of them `check-jsonschema`; run with
//! `cargo bench --bench files`.

mod common;

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{
    Cost, GNU_TIME, LADDER, Targets, has_gnu_time, measure, or_na, print_header, print_row,
};

const BUILTIN: &str = include_str!("../ladders/engineering-management.yaml");
const SIZES: [usize; 2] = [10_000, 20_000];
const RUNS: usize = 3;
const WALL_BUDGET: Duration = Duration::from_secs(1);
const PEAK_BUDGET_MB: f64 = 50.0;
const MAX_RATIO: f64 = 2.2;
const LADDER_FILES: usize = 1_000;
const MIN_SPEEDUP: f64 = 30.0;

const FIRST: [&str; 8] = [
    "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
];
const LAST: [&str; 7] = [
    "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
];
const EVIDENCE: [&str; 4] = [
    "Two reports promoted this cycle on growth plans we wrote together",
    "Led the March outage review and closed all nine actions",
    "Team met eleven of twelve quarterly commitments",
    "Director forwards my fortnightly update to execs",
];

fn competencies(repo: &Path) -> Vec<String> {
    let output = Command::new(LADDER)
        .args(["show", "--format", "json"])
        .current_dir(repo)
        .output()
        .expect("run ladder show");
    let show: serde_json::Value = serde_json::from_slice(&output.stdout).expect("show prints JSON");
    show["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|area| area["competencies"].as_array().into_iter().flatten())
        .map(|c| c["id"].as_str().expect("competency id").to_owned())
        .collect()
}

/// Self-assessment number `i`: deterministic, and varied the way a real team's files vary.
fn assessment(i: usize, competencies: &[String]) -> String {
    let mut text = String::new();
    // Most name the ladder by id (found in `ladders/`), some by path, some rely on the default.
    match i % 10 {
        0..=6 => text.push_str("ladder: engineering-management\n"),
        7 => text.push_str("ladder: ../../ladders/engineering-management.yaml\n"),
        _ => {}
    }
    text += &format!(
        "person: {} {}\n",
        FIRST[i % FIRST.len()],
        LAST[i / FIRST.len() % LAST.len()]
    );
    text += if i.is_multiple_of(3) {
        "assessor: self\n"
    } else {
        "assessor: Margaret Hamilton\n"
    };
    text += &format!(
        "date: 2026-{:02}-{:02}\ntarget: senior-manager\nscores:\n",
        1 + i % 12,
        1 + i % 28
    );
    // Four files in a hundred have an error: a misspelt competency, or a score off the scale.
    // Warnings: one file in ten leaves a few competencies out and one leaves a few empty (not
    // scored); one gives no evidence for its fives (a score above the expected one).
    for (j, id) in competencies.iter().enumerate() {
        let score = if i % 50 == 42 && j == 0 {
            6
        } else {
            1 + (i * 7 + j * 3) % 5
        };
        let unscored = (i / 10 + j).is_multiple_of(8);
        if unscored && i % 10 == 3 {
            continue;
        }
        if unscored && i % 10 == 6 {
            text += &format!("  {id}:\n");
        } else if (score == 5 && i % 10 != 9) || (i + j).is_multiple_of(4) {
            let evidence = EVIDENCE[(i / 4 + j) % EVIDENCE.len()];
            text += &format!("  {id}: {{score: {score}, evidence: \"{evidence}\"}}\n");
        } else {
            text += &format!("  {id}: {score}\n");
        }
    }
    if i % 50 == 17 {
        text.push_str("  coachng: 3\n");
    }
    text
}

/// A repository of `n` assessments in folders of 100; returns it and the files, relative to it.
fn repository(n: usize) -> (tempfile::TempDir, Vec<OsString>) {
    let repo = tempfile::tempdir().expect("temporary directory");
    fs::create_dir(repo.path().join(".git")).expect("create .git");
    fs::create_dir(repo.path().join("ladders")).expect("create ladders");
    fs::write(
        repo.path().join("ladders/engineering-management.yaml"),
        BUILTIN,
    )
    .expect("write ladder");
    let competencies = competencies(repo.path());
    assert_eq!(
        competencies.len(),
        21,
        "the built-in ladder has 21 competencies"
    );
    let mut files = Vec::with_capacity(n);
    for i in 0..n {
        let folder = PathBuf::from("team").join(format!("team-{:03}", i / 100));
        if i.is_multiple_of(100) {
            fs::create_dir_all(repo.path().join(&folder)).expect("create team folder");
        }
        let file = folder.join(format!("person-{i:05}.yaml"));
        fs::write(repo.path().join(&file), assessment(i, &competencies)).expect("write assessment");
        files.push(file.into_os_string());
    }
    (repo, files)
}

/// Part one's commands: their arguments, and whether every assessment file is appended.
const COMMANDS: [(&[&str], bool); 5] = [
    (&["validate", "team"], false),
    (&["assess", "--format", "json"], true),
    (&["assess", "team", "--format", "json"], false),
    // Issue 13: a team's people and heatmap from every file, and its long-format sheet.
    (&["team", "team", "--format", "json"], false),
    (&["team", "team", "--format", "csv"], false),
];

fn main() {
    let gnu_time = has_gnu_time();
    if !gnu_time {
        println!("no GNU time at {GNU_TIME}: peak memory and CPU time are n/a");
    }
    let scratch = tempfile::tempdir().expect("temporary directory");
    let names = COMMANDS.map(|(args, with_files)| {
        format!(
            "ladder {}{}",
            args.join(" "),
            if with_files { " FILES..." } else { "" }
        )
    });

    println!("part one: best wall time of {RUNS} runs, highest peak memory");
    let repositories = SIZES.map(repository);
    // Rounds, each running every command once at every size, so that a machine slowing down or
    // speeding up midway weighs on both sizes alike rather than on the ratio between them.
    let mut costs: Vec<Vec<io::Result<Cost>>> = Vec::new();
    for round in 0..RUNS {
        for (i, (repo, files)) in repositories.iter().enumerate() {
            for (k, (args, with_files)) in COMMANDS.iter().enumerate() {
                let mut args: Vec<OsString> = args.iter().map(OsString::from).collect();
                if *with_files {
                    args.extend(files.iter().cloned());
                }
                let run = measure(
                    repo.path(),
                    scratch.path(),
                    OsStr::new(LADDER),
                    &args,
                    1,
                    gnu_time,
                );
                if round == 0 {
                    costs.resize_with(SIZES.len(), Vec::new);
                    costs[i].push(run);
                } else if let (Ok(best), Ok(run)) = (&costs[i][k], run) {
                    costs[i][k] = Ok(best.clone().and(run));
                }
            }
        }
    }
    print_header();
    for ((n, (_, files)), row) in SIZES.iter().zip(&repositories).zip(&costs) {
        // Linux takes about 2 MB of arguments, Windows 32,767 characters; a list too long for
        // this system shows on its row as "could not run".
        let argument_bytes: usize = files.iter().map(|f| f.len() + 1).sum();
        println!("({n} files; FILES... is {argument_bytes} bytes of arguments)");
        for (name, cost) in names.iter().zip(row) {
            print_row(name, *n, cost);
        }
    }

    println!("\n{} files cost, relative to {}:", SIZES[1], SIZES[0]);
    let mut targets = Targets::default();
    for (k, name) in names.iter().enumerate() {
        let (Ok(small), Ok(large)) = (&costs[0][k], &costs[1][k]) else {
            println!("  {name}: could not run");
            targets.check(None, format!("{name}: could not run"));
            continue;
        };
        if small.refused() || large.refused() {
            println!("  {name}: refused ({})", small.first_error);
            targets.check(None, format!("{name}: refused"));
            continue;
        }
        let wall_ratio = large.wall.as_secs_f64() / small.wall.as_secs_f64();
        let peak_ratio = small.peak_mb().zip(large.peak_mb()).map(|(s, l)| l / s);
        let peak_text = or_na(peak_ratio.map(|r| format!("{r:.2}x")));
        println!("  {name}: wall {wall_ratio:.2}x, peak memory {peak_text}");
        let (n, wall) = (SIZES[0], small.wall.as_secs_f64());
        targets.check(
            Some(small.wall < WALL_BUDGET),
            format!("{name}: wall {wall:.3} s at {n} files, under {WALL_BUDGET:?}"),
        );
        let peak_text = or_na(small.peak_mb().map(|p| format!("{p:.1} MB")));
        targets.check(
            small.peak_mb().map(|p| p < PEAK_BUDGET_MB),
            format!("{name}: peak {peak_text} at {n} files, under {PEAK_BUDGET_MB} MB"),
        );
        targets.check(
            Some(wall_ratio <= MAX_RATIO),
            format!("{name}: wall ratio {wall_ratio:.2}x at most {MAX_RATIO}x"),
        );
        let ratio_text = or_na(peak_ratio.map(|r| format!("{r:.2}x")));
        targets.check(
            peak_ratio.map(|r| r <= MAX_RATIO),
            format!("{name}: peak ratio {ratio_text} at most {MAX_RATIO}x"),
        );
    }
    println!("\ntargets:");
    targets.report();

    println!("\npart two: {LADDER_FILES} ladder files, ladder validate against check-jsonschema");
    compare_with_check_jsonschema(scratch.path(), gnu_time, &mut targets);
    targets.report();

    if targets.failed > 0 {
        eprintln!("{} target(s) failed", targets.failed);
        std::process::exit(1);
    }
}

/// Part two: `ladder validate catalog` against `check-jsonschema --schemafile SCHEMA FILES...`.
fn compare_with_check_jsonschema(scratch: &Path, gnu_time: bool, targets: &mut Targets) {
    let installed = Command::new("check-jsonschema")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        println!("  skipped: check-jsonschema is not installed (`pip install check-jsonschema`)");
        return;
    }
    let repo = tempfile::tempdir().expect("temporary directory");
    fs::create_dir(repo.path().join(".git")).expect("create .git");
    fs::create_dir(repo.path().join("catalog")).expect("create catalog");
    let mut files = Vec::new();
    for k in 0..LADDER_FILES {
        // The built-in ladder under another id and title, so that no two files share an id.
        let text = BUILTIN
            .replacen(
                "id: engineering-management",
                &format!("id: ladder-{k:04}"),
                1,
            )
            .replacen(
                "title: Engineering Management",
                &format!("title: Engineering Management {k}"),
                1,
            );
        let file = format!("catalog/ladder-{k:04}.yaml");
        fs::write(repo.path().join(&file), text).expect("write ladder");
        files.push(OsString::from(file));
    }
    let schema = Command::new(LADDER)
        .args(["schema", "ladder"])
        .output()
        .expect("run ladder schema");
    fs::write(repo.path().join("ladder.schema.json"), schema.stdout).expect("write schema");

    print_header();
    let args = [OsString::from("validate"), "catalog".into()];
    let ours = measure(
        repo.path(),
        scratch,
        OsStr::new(LADDER),
        &args,
        RUNS,
        gnu_time,
    );
    print_row("ladder validate catalog", LADDER_FILES, &ours);
    let args: Vec<OsString> = ["--schemafile".into(), "ladder.schema.json".into()]
        .into_iter()
        .chain(files)
        .collect();
    let theirs = measure(
        repo.path(),
        scratch,
        OsStr::new("check-jsonschema"),
        &args,
        RUNS,
        gnu_time,
    );
    print_row(
        "check-jsonschema --schemafile S FILES",
        LADDER_FILES,
        &theirs,
    );

    // A run that exits non-zero did not check the files, so it cannot pass.
    let (speedup, checked) = match (&ours, &theirs) {
        (Ok(ours), Ok(theirs)) => (
            Some(theirs.wall.as_secs_f64() / ours.wall.as_secs_f64()),
            ours.exit == Some(0) && theirs.exit == Some(0),
        ),
        _ => (None, false),
    };
    let text = speedup.map_or("n/a".to_owned(), |s| format!("{s:.1}x"));
    targets.check(
        speedup.map(|s| checked && s >= MIN_SPEEDUP),
        format!("ladder validate {text} faster than check-jsonschema, at least {MIN_SPEEDUP}x"),
    );
}
