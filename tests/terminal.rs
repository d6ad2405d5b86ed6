//! How output adapts to where it goes: table width and colour.

mod common;

use common::ladder;

fn assess(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = ladder();
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .arg("assess")
        .arg("examples/self-assessment.yaml")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

fn widest_line(text: &str) -> usize {
    text.lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn tables_fit_the_width_given_by_columns() {
    let gap_table = |text: &str| text.split("\n\n").nth(1).unwrap().to_owned();
    assert_eq!(widest_line(&gap_table(&assess(&[], &[]))), 71);
    let narrow = gap_table(&assess(&[], &[("COLUMNS", "60")]));
    assert_eq!(widest_line(&narrow), 60);
    // Set 60 wide, a long competency breaks between words and its second line hangs under
    // its first.
    assert!(
        narrow.contains(
            "│ \u{a0}\u{a0}Delegation and      ┆     2 ┆        4 ┆   2 ┆ below   │\n\
             │ \u{a0}\u{a0}systematisation     ┆       ┆"
        ),
        "{narrow}"
    );
}

#[test]
fn colour_only_when_asked_or_forced() {
    assert!(!assess(&[], &[]).contains('\u{1b}'));
    assert!(assess(&["--color", "always"], &[]).contains("\u{1b}[38;5;10m meets   \u{1b}[39m"));
    assert!(!assess(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    assert!(assess(&[], &[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    assert!(!assess(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
}

/// The widest line `ladder ARGS` prints with `COLUMNS` set so, or unset.
fn width(args: &[&str], columns: Option<&str>) -> usize {
    let mut command = ladder();
    if let Some(columns) = columns {
        command.env("COLUMNS", columns);
    }
    let output = command.args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    widest_line(&String::from_utf8(output.stdout).unwrap())
}

#[test]
fn without_a_usable_width_tables_are_100_columns_wide() {
    let diff = |columns| width(&["diff", "manager", "senior-manager"], columns);
    assert_eq!(diff(None), 100);
    assert_eq!(diff(Some("120")), 120);
    // Too narrow to mean anything, or not a width: the default.
    assert_eq!(diff(Some("19")), 100);
    assert_eq!(diff(Some("wide")), 100);
    // The narrowest width taken: the matrix is set one level at a time to fit it.
    let matrix = ["show", "--ladder", "tests/fixtures/three-levels.yaml"];
    assert_eq!(width(&matrix, Some("20")), 20);
}
