//! `ladder import` end to end: what it writes reads back as exactly the input's text and loads
//! as a ladder; no input, however hostile, makes it panic, forge output, read outside the
//! repository or take long. The outputs themselves are in `tests/cmd/import*.md`.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{ladder, repository};

/// The fixtures that convert, each with its format.
const CONVERTED: &[(&str, &str)] = &[
    ("csv", "tests/fixtures/import/team.csv"),
    ("csv", "tests/fixtures/import/hostile.csv"),
    ("csv", "tests/cmd/import-write.in/ladder.csv"),
    ("ft", "tests/fixtures/import/family.yml"),
    ("ft", "tests/fixtures/import/family-hostile.yml"),
];

/// The fixtures that do not, each with its format.
const REFUSED: &[(&str, &str)] = &[
    ("csv", "tests/fixtures/import/escapes.csv"),
    ("csv", "tests/fixtures/import/mistakes.csv"),
    ("csv", "tests/fixtures/import/bad-header.csv"),
    ("ft", "tests/fixtures/import/family-mistakes.yml"),
    ("ft", "tests/fixtures/import/family-unknown-key.yml"),
    ("ft", "tests/fixtures/import/team.csv"),
];

/// Runs `ladder import FORMAT FILE ARGS` from the repository's root.
fn import(format: &str, file: &str, args: &[&str]) -> std::process::Output {
    ladder()
        .args(["import", format, file])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

/// The ladder `ladder import` printed, which must have succeeded.
fn converted(format: &str, file: &str, args: &[&str]) -> String {
    let output = import(format, file, args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{file}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `ladder validate - --format json` of `text`, in a scratch folder: exit code and report.
fn validate(text: &str, strict: bool) -> (Option<i32>, serde_json::Value) {
    let scratch = tempfile::tempdir().unwrap();
    let mut args = vec!["validate", "-", "--format", "json"];
    if strict {
        args.push("--strict");
    }
    let output = ladder()
        .current_dir(scratch.path())
        .args(args)
        .write_stdin(text)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&output.stdout).unwrap();
    (output.status.code(), report)
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

/// Every converted ladder loads with no error. The warnings are only for what the input
/// formats cannot say (descriptions; a level whose score is given alone), so `--strict`
/// passes only once they are written.
#[test]
fn every_converted_ladder_loads() {
    for (format, file) in CONVERTED {
        let text = converted(format, file, &[]);
        let (code, report) = validate(&text, false);
        assert_eq!(code, Some(0), "{file}: {report}");
        assert_eq!(report["counts"]["errors"], 0, "{file}: {report}");
        for code in codes(&report) {
            assert!(
                code == "empty-description" || code == "missing-signals",
                "{file}: {code}: {report}"
            );
        }
        let (strict, _) = validate(&text, true);
        let warned = report["counts"]["warnings"].as_u64().unwrap() > 0;
        assert_eq!(strict, Some(i32::from(warned)), "{file}");
    }
}

/// Once the descriptions the input could not give are written, `validate --strict` passes.
#[test]
fn a_converted_ladder_with_its_descriptions_passes_strict() {
    let text = converted("csv", "tests/cmd/import-write.in/ladder.csv", &[]);
    let mut described = String::new();
    for line in text.lines() {
        described.push_str(line);
        described.push('\n');
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        let key = line.trim_start_matches([' ', '-']);
        let owner = key.starts_with("id: ") || key.starts_with("label: ");
        if owner && !line.starts_with("id: ") {
            described.push_str(&format!(
                "{}description: Written by hand.\n",
                " ".repeat(indent)
            ));
        } else if line.starts_with("title: ") {
            described.push_str("description: Written by hand.\n");
        }
    }
    let (code, report) = validate(&described, true);
    assert_eq!(code, Some(0), "{described}\n{report}");
}

/// Every piece of text reads back, through a YAML parser, exactly as the input gave it
/// (tidied: lines of a paragraph joined, zero-width spaces removed).
#[test]
fn hostile_text_reads_back_exactly() {
    let text = converted("csv", "tests/fixtures/import/hostile.csv", &[]);
    let read: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let area = &read["areas"][0];
    assert_eq!(area["title"], "Craft: \"the\" #1 {area}");
    let competency = &area["competencies"][0];
    assert_eq!(competency["title"], "- Leading dash");
    let levels: Vec<&str> = read["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["engineer-first", "no"]);
    assert_eq!(read["levels"][0]["title"], "Engineer (first)");
    assert_eq!(read["levels"][1]["title"], "no");
    let signals = &competency["expectations"]["engineer-first"]["signals"];
    assert_eq!(signals[0], "::warning::Forged annotation");
    assert_eq!(signals[1], "##[group]Forged group");
    let signals = &competency["expectations"]["no"]["signals"];
    assert_eq!(signals[0], "# not a comment");
    assert_eq!(signals[1], "key: value, [list], {map}, &anchor *alias !tag");
    let formula = &area["competencies"][1];
    assert_eq!(
        formula["title"],
        "=HYPERLINK(\"https://example.com\",\"click\")"
    );
    assert_eq!(formula["expectations"]["no"]["signals"][0], "@SUM(A1:A9)");
    let numbers = &read["areas"][1];
    assert_eq!(numbers["id"], "2024");
    assert_eq!(numbers["title"], "2024");
    let wrapped = &numbers["competencies"][0]["expectations"]["engineer-first"]["signals"][0];
    assert_eq!(*wrapped, "A line wrapped by hand\n\nand a second paragraph");
    assert_eq!(numbers["competencies"][0]["title"], "Zerowidth");

    let text = converted("ft", "tests/fixtures/import/family-hostile.yml", &[]);
    let read: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(read["title"], "Platform: \"the\" #1 {family}");
    assert_eq!(
        read["levels"][1]["title"],
        "Senior ##[group] (Individual Contributor)"
    );
    let competency = &read["areas"][0]["competencies"][0];
    assert_eq!(competency["title"], "::error file=x::Delivery");
    let signal = &competency["expectations"]["junior"]["signals"][0];
    assert_eq!(signal["text"], "key: value # comment");
    assert_eq!(signal["examples"][0], "- [x] done");
    let signal = &competency["expectations"]["senior-ic"]["signals"][0];
    assert_eq!(
        signal["text"],
        "Quotes \" and backslashes \\ and a line break"
    );
    assert_eq!(signal["links"][0], "https://example.com/a?b=c#d");
}

/// Characters no output may hold (as `tests/output_safety.rs` has it): controls other than
/// line breaks, and invisible or direction-changing characters; nor `##[`, nor a line that
/// starts a workflow command.
fn assert_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| panic!("{what}: not UTF-8"));
    let forbidden = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    };
    if let Some(c) = text.chars().find(|&c| forbidden(c)) {
        panic!("{what}: U+{:04X} reaches the output:\n{text}", u32::from(c));
    }
    assert!(!text.contains("##["), "{what}: `##[`:\n{text}");
    for line in text.lines() {
        assert!(!line.trim_start().starts_with("::"), "{what}: {line:?}");
    }
}

/// The fixtures, and every file of the hostile corpus, through both formats: no panic, an exit
/// code the README lists, and both streams safe.
#[test]
fn no_input_panics_or_forges_output() {
    let mut inputs: Vec<String> = CONVERTED
        .iter()
        .chain(REFUSED)
        .map(|(_, file)| (*file).to_owned())
        .collect();
    let mut hostile: Vec<String> = std::fs::read_dir("tests/hostile")
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .collect();
    hostile.sort();
    inputs.extend(hostile);
    for file in &inputs {
        for format in ["ft", "csv"] {
            let output = import(format, file, &[]);
            let what = format!("import {format} {file}");
            assert!(
                output.status.code().is_some_and(|code| code <= 2),
                "{what}: {output:?}"
            );
            assert_safe(&output.stdout, &format!("{what} (stdout)"));
            assert_safe(&output.stderr, &format!("{what} (stderr)"));
        }
    }
    for (format, file) in REFUSED {
        assert_eq!(import(format, file, &[]).status.code(), Some(1), "{file}");
    }
}

/// Standard input is read as a file is, within the cap; the id comes from `--id`, or the
/// title.
#[test]
fn standard_input_is_read_within_the_cap() {
    let csv = std::fs::read_to_string("tests/fixtures/import/team.csv").unwrap();
    let run = |args: &[&str], input: &str| {
        ladder()
            .args(["import", "csv", "-"])
            .args(args)
            .write_stdin(input)
            .output()
            .unwrap()
    };
    let from_file = converted("csv", "tests/fixtures/import/team.csv", &["--id", "x"]);
    let output = run(&["--id", "x", "--title", "team"], &csv);
    assert_eq!(String::from_utf8(output.stdout).unwrap(), from_file);
    let output = run(&["--title", "Platform Engineering"], &csv);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("id: platform-engineering\ntitle: Platform Engineering\n"));
    let output = run(&["--max-file-size", "100"], &csv);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("file-too-large"));

    let family = std::fs::read_to_string("tests/fixtures/import/family.yml").unwrap();
    let output = ladder()
        .args(["import", "ft", "-"])
        .write_stdin(family)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("id: platform\n"));
}

/// A file outside the repository is never read, by `..`, by an absolute path, or through a
/// symbolic link; and nothing of it is shown.
#[cfg(unix)]
#[test]
fn nothing_outside_the_repository_is_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.csv");
    std::fs::write(
        &secret,
        "area,competency,level,score\nSECRET,SECRET,SECRET,1\n",
    )
    .unwrap();
    let repo = repository(&[]);
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    std::os::unix::fs::symlink(&secret, repo.path().join("link.csv")).unwrap();
    let secret_path = secret.display().to_string();
    for name in ["link.csv", secret_path.as_str(), "../secret.csv"] {
        let output = ladder()
            .current_dir(repo.path())
            .args(["import", "csv", name])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let all = [output.stdout, output.stderr].concat();
        let all = String::from_utf8_lossy(&all);
        assert!(!all.contains("SECRET"), "{name}: {all}");
        assert!(
            all.contains("outside the repository") || all.contains("no such file"),
            "{all}"
        );
    }
}

/// `-o` writes a new file, keeps an existing one unless `--force`, and never replaces the
/// input, a directory or a link.
#[cfg(unix)]
#[test]
fn the_output_file_is_never_clobbered() {
    let repo = repository(&[("team.csv", "tests/fixtures/import/team.csv")]);
    let dir = repo.path();
    let run = |args: &[&str]| {
        ladder()
            .current_dir(dir)
            .args(["import", "csv", "team.csv"])
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["-o", "out.yaml"]).status.code(), Some(0));
    let written = std::fs::read_to_string(dir.join("out.yaml")).unwrap();
    assert!(written.starts_with("id: team\n"));
    std::fs::write(dir.join("out.yaml"), "kept").unwrap();
    let refused = run(&["-o", "out.yaml"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.join("out.yaml")).unwrap(),
        "kept"
    );
    assert_eq!(run(&["-o", "out.yaml", "--force"]).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("out.yaml")).unwrap(),
        written
    );
    std::fs::create_dir(dir.join("folder")).unwrap();
    assert_eq!(run(&["-o", "folder", "--force"]).status.code(), Some(2));
    std::os::unix::fs::symlink("team.csv", dir.join("alias.yaml")).unwrap();
    assert_eq!(run(&["-o", "alias.yaml", "--force"]).status.code(), Some(2));
    assert_eq!(run(&["-o", "./team.csv", "--force"]).status.code(), Some(2));
    assert!(
        std::fs::read_to_string(dir.join("team.csv"))
            .unwrap()
            .starts_with("Level,")
    );
    // A file that cannot be converted writes nothing.
    std::fs::write(
        dir.join("bad.csv"),
        "area,competency,level,score\nA,B,C,x\n",
    )
    .unwrap();
    let output = ladder()
        .current_dir(dir)
        .args(["import", "csv", "bad.csv", "-o", "bad.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.join("bad.yaml").exists());
}

/// A CSV of `bytes`, shaped to be slow: every level a ladder may have, competencies whose
/// titles all make the same id (but for case and punctuation), a signal on every row.
fn big_csv(bytes: usize) -> String {
    let mut csv = String::from("area,competency,level,score,signal\n");
    let mut row = 0;
    while csv.len() < bytes {
        let mut competency = format!("Same title{}", "!".repeat(row / 50 % 7));
        if row / 50 % 2 == 0 {
            competency = competency.to_uppercase();
        }
        csv.push_str(&format!(
            "Area {},{competency} {},Level {},{},Signal number {row}\n",
            row / 5000,
            row / 350,
            row % 50,
            row % 5
        ));
        row += 1;
    }
    csv
}

/// Runs `ladder import csv FILE ARGS` in `dir`, timed.
fn timed(dir: &Path, file: &str, args: &[&str]) -> (std::process::Output, Duration) {
    let started = Instant::now();
    let output = ladder()
        .current_dir(dir)
        .args(["import", "csv", file])
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    (output, started.elapsed())
}

/// The cost is bounded by the file, whatever its shape: a large CSV converts in a bounded
/// time, and one at the size cap, which converts to more values than a ladder may hold, is
/// refused as quickly, with nothing written.
#[test]
fn cost_is_bounded_by_the_file() {
    let scratch = repository(&[]);
    let dir = scratch.path();
    std::fs::write(dir.join("big.csv"), big_csv(300 * 1024)).unwrap();
    let (output, took) = timed(dir, "big.csv", &["-o", "big.yaml"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // Generous for a debug build on a slow machine; a quadratic step would take minutes.
    assert!(took < Duration::from_secs(30), "took {took:?}");
    let written = std::fs::read_to_string(dir.join("big.yaml")).unwrap();
    assert!(written.contains("- id: level-49\n") && !written.contains("level-50"));
    assert!(written.contains("- id: same-title-2\n"));

    std::fs::write(dir.join("huge.csv"), big_csv(1000 * 1024)).unwrap();
    let (output, took) = timed(dir, "huge.csv", &["-o", "huge.yaml"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert!(stderr.contains("error[invalid-ladder]"), "{stderr}");
    assert!(stderr.contains("error[yaml-limit]"), "{stderr}");
    assert!(!dir.join("huge.yaml").exists());

    // Every row a new competency, at the 50 levels: millions of `~` if nothing stopped it.
    let mut wide = String::from("area,competency,level,score\n");
    for row in 0..20_000 {
        wide.push_str(&format!("A,C{row},L{},1\n", row % 50));
    }
    std::fs::write(dir.join("wide.csv"), wide).unwrap();
    let (output, took) = timed(dir, "wide.csv", &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert!(
        stderr.contains("20000 competencies at 50 levels make 1000000 expectations"),
        "{stderr}"
    );
    let mut family = String::from("name: Wide\nlevels:\n");
    for level in 0..50 {
        family.push_str(&format!("- {{id: l{level}, name: L}}\n"));
    }
    family.push_str("themes:\n");
    for theme in 0..20_000 {
        family.push_str(&format!("- {{id: t{theme}, name: T}}\n"));
    }
    family.push_str("competencies: []\n");
    std::fs::write(dir.join("wide.yml"), family).unwrap();
    let output = ladder()
        .current_dir(dir)
        .args(["import", "ft", "wide.yml"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[yaml-limit]"), "{stderr}");

    // A level past the fiftieth is refused, once.
    let mut too_many = String::from("area,competency,level,score\n");
    for level in 0..60 {
        too_many.push_str(&format!("A,C,L{level},1\n"));
    }
    std::fs::write(dir.join("levels.csv"), too_many).unwrap();
    let (output, _) = timed(dir, "levels.csv", &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("too-many-levels").count(), 1, "{stderr}");
    assert!(stderr.contains("levels.csv:52:5"), "{stderr}");
}

/// Each format has its page, as the page of `ladder import` names them, and its help ends with
/// examples.
#[test]
fn each_format_has_its_page_and_examples() {
    for format in ["ft", "csv"] {
        let page = common::stdout(ladder().args(["man", &format!("import-{format}")]));
        assert!(
            page.contains(&format!(".TH ladder-import-{format} 1")),
            "{page}"
        );
        assert!(
            page.contains(&format!("\\fBladder import {format}\\fR")),
            "{page}"
        );
        let help = common::stdout(ladder().args(["import", format, "--help"]));
        assert!(
            help.contains(&format!("Examples:\n  ladder import {format} ")),
            "{help}"
        );
    }
    let page = common::stdout(ladder().args(["man", "import"]));
    assert!(page.contains("ladder\\-import\\-csv(1)") && !page.contains("import\\-help"));
}

/// Scores far apart would make a scale of billions of steps: refused at the score.
#[test]
fn a_scale_spans_at_most_a_hundred_scores() {
    let scratch = repository(&[]);
    let csv = "area,competency,level,score\nA,C,One,1\nA,C,Two,4000000000\n";
    std::fs::write(scratch.path().join("wide.csv"), csv).unwrap();
    let output = ladder()
        .current_dir(scratch.path())
        .args(["import", "csv", "wide.csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("score-off-scale"), "{stderr}");
    assert!(stderr.contains("wide.csv:3:9"), "{stderr}");
    assert!(Path::new("tests/fixtures/import/team.csv").exists());
}
