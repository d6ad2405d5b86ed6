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
    assert!(narrow.contains("│ \u{a0}\u{a0}Delegation and      ┆     2 ┆        4 ┆   2 ┆ below   │\n│ systematisation       ┆"), "{narrow}");
}

#[test]
fn colour_only_when_asked_or_forced() {
    assert!(!assess(&[], &[]).contains('\u{1b}'));
    assert!(assess(&["--color", "always"], &[]).contains("\u{1b}[38;5;10m meets   \u{1b}[39m"));
    assert!(!assess(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    assert!(assess(&[], &[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    assert!(!assess(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
}
