//! A team's policy on warnings (`--allow`, `--deny`, `ladder.toml`) meets the cap on findings
//! kept per file: the policy is applied as each finding is made, so allowed warnings take no
//! room and denied ones are kept as the errors they are.

mod common;

use common::ladder;

/// A ladder whose first `bare` competencies give a `missing-signals` warning each, and whose
/// next `repeated` each give a `repeated-signal` warning, in that order.
fn ladder_with_warnings(bare: usize, repeated: usize) -> String {
    let mut text = String::from(
        "id: many-warnings\ntitle: Many warnings\ndescription: Warnings of two kinds.\n\
         scale:\n  - {score: 1, label: One, description: Some.}\n  - {score: 2, label: Two, description: More.}\n\
         levels:\n  - {id: junior, title: Junior, description: Starts.}\n  - {id: senior, title: Senior, description: Leads.}\n\
         areas:\n  - id: craft\n    title: Craft\n    description: The work.\n    competencies:\n",
    );
    for i in 0..bare + repeated {
        let expectations = if i < bare {
            "{junior: {score: 1, signals: [Starts it]}, senior: 2}".to_owned()
        } else {
            format!(
                "{{junior: {{score: 1, signals: [Does {i}]}}, senior: {{score: 2, signals: [Does {i}]}}}}"
            )
        };
        text.push_str(&format!(
            "      - {{id: c{i}, title: C {i}, description: Skill {i}., expectations: {expectations}}}\n"
        ));
    }
    text
}

fn validate(repo: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let output = ladder()
        .current_dir(repo)
        .arg("validate")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(repo.path().join(".git")).unwrap();
    std::fs::create_dir_all(repo.path().join("ladders")).unwrap();
    std::fs::write(
        repo.path().join("ladders/many.yaml"),
        ladder_with_warnings(300, 29),
    )
    .unwrap();
    repo
}

#[test]
fn without_a_policy_the_cap_keeps_the_first_200() {
    let repo = repository();
    let (code, out) = validate(repo.path(), &["--format", "github"]);
    assert_eq!(code, Some(0));
    assert_eq!(out.matches("::warning ").count(), 200);
    assert_eq!(out.matches("title=missing-signals").count(), 200);
    assert!(
        out.ends_with("checked 1 file (1 ladder, 0 self-assessments): 329 warnings\n"),
        "{out}"
    );
}

#[test]
fn a_denied_kind_past_the_cap_is_still_shown() {
    let repo = repository();
    let (code, out) = validate(
        repo.path(),
        &["--deny", "repeated-signal", "--format", "github"],
    );
    assert_eq!(code, Some(1));
    // Errors and warnings are kept as they come: the 29 errors come after 300 warnings, so
    // they are kept because the cap counts errors first.
    assert_eq!(out.matches("::error ").count(), 29, "{out}");
    assert!(
        out.contains("checked 1 file (1 ladder, 0 self-assessments): 29 errors, 300 warnings\n"),
        "{out}"
    );
}

#[test]
fn an_allowed_kind_takes_no_room() {
    let repo = repository();
    let (code, out) = validate(
        repo.path(),
        &["--allow", "missing-signals", "--format", "github"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(out.matches("::warning ").count(), 29, "{out}");
    assert_eq!(out.matches("title=repeated-signal").count(), 29);
    assert!(out.contains(
        "checked 1 file (1 ladder, 0 self-assessments): 29 warnings (300 warnings allowed, not shown)\n"
    ), "{out}");
    assert!(
        !out.contains("not shown::"),
        "nothing is left unshown: {out}"
    );
}

/// A value clap echoes in its message, given as `--flag=VALUE` or on its own, cannot start a
/// line of its own or reach the terminal as an escape.
#[test]
fn a_hostile_kind_is_echoed_safely() {
    let hostile = "a\n::error::x\u{1b}[2J\u{9b}";
    for args in [
        vec![format!("--allow={hostile}")],
        vec!["--deny".to_owned(), hostile.to_owned()],
        vec![format!("--format={hostile}")],
    ] {
        let output = ladder()
            .args(["validate", "--color", "always"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(output.stderr).unwrap();
        assert!(err.contains("a \\u{3a}:error::x\\u{1b}[2J\\u{9b}"), "{err}");
        assert!(!err.lines().any(|line| line.starts_with("::")), "{err}");
        assert!(
            !err.contains("\u{9b}") && !err.contains("\u{1b}[2J"),
            "{err}"
        );
    }
}
