//! The comparison of `ladder compare`: a terminal table, Markdown, JSON or CSV, all from one
//! [`Comparison`].

use super::markdown::{self, Align};
use super::sheet::sheet;
use super::table::{Grid, Piece};
use super::wrap::{Para, prose};
use super::{Style, figure_or_dash, lean, percent};
use crate::compare::{Comparison, Line};

fn signed(change: Option<i64>) -> String {
    match change {
        Some(c) if c > 0 => format!("+{c}"),
        Some(c) => c.to_string(),
        None => "-".to_owned(),
    }
}

/// The cells of one competency's row after its name: expected, each score, spread, change.
pub(super) fn figures(line: &Line) -> Vec<String> {
    let mut cells = vec![line.expected.to_string()];
    cells.extend(line.scores.iter().map(|s| figure_or_dash(*s)));
    cells.push(figure_or_dash(line.spread));
    cells.push(signed(line.change));
    cells
}

pub(super) fn heading(comparison: &Comparison) -> String {
    format!(
        "{}: {} assessments against {} ({}), {}",
        comparison.person,
        comparison.assessments.len(),
        comparison.target_title,
        comparison.target,
        comparison.ladder_title
    )
}

/// The sentences under the tables: where the assessments disagree most, and who leans how.
pub(super) fn closing(comparison: &Comparison) -> Vec<String> {
    let mut lines = Vec::new();
    let disagreements: Vec<String> = comparison
        .disagreements
        .iter()
        .map(|d| format!("{} (spread {})", d.title, d.spread))
        .collect();
    let compared = comparison
        .competencies
        .iter()
        .any(|line| line.spread.is_some());
    lines.push(match (compared, disagreements.is_empty()) {
        (false, _) => "Nothing to compare: no competency is scored in two assessments.".to_owned(),
        (true, true) => {
            "No disagreements: every competency scored in two assessments or more is scored alike."
                .to_owned()
        }
        (true, false) => format!("Largest disagreements: {}.", disagreements.join(", ")),
    });
    let leans: Vec<String> = comparison
        .leans
        .iter()
        .map(|l| format!("{} {}", l.assessor, lean(l.lean)))
        .collect();
    if !leans.is_empty() {
        lines.push(format!(
            "Lean (mean score less the others', over competencies both scored): {}.",
            leans.join(", ")
        ));
    }
    lines
}

pub fn table(comparison: &Comparison, style: Style) -> String {
    let mut header = vec!["Competency", "Expected"];
    header.extend(comparison.assessments.iter().map(|a| a.label.as_str()));
    header.extend(["Spread", "Change"]);
    let last = header.len() - 1;
    let mut grid = Grid::new(style, &header).right_align(1..=last);
    let mut area = None;
    for line in &comparison.competencies {
        if area != Some(&line.area) {
            grid.group(&line.area_title);
            area = Some(&line.area);
        }
        let name: Piece = Para::indented(&line.title, 2).into();
        grid.row(std::iter::once(name).chain(figures(line).into_iter().map(Piece::figure)));
    }
    let mut files =
        Grid::new(style, &["Assessment", "File", "Met", "Coverage", "Reached"]).right_align([2, 3]);
    for column in &comparison.assessments {
        files.row([
            Piece::text(&column.label),
            Piece::text(&column.file),
            Piece::figure(format!("{} of {}", column.met, column.total)),
            Piece::figure(percent(column.coverage)),
            Piece::text(column.reached.as_deref().unwrap_or("none")),
        ]);
    }
    let mut out = prose(&heading(comparison), style.width) + "\n\n";
    out.push_str(&grid.render());
    out.push_str("\n\n");
    out.push_str(&files.render());
    out.push_str("\n\n");
    for line in closing(comparison) {
        out.push_str(&prose(&line, style.width));
        out.push('\n');
    }
    out
}

pub fn markdown(comparison: &Comparison) -> String {
    let esc = markdown::escape;
    let mut out = format!("# {}\n\n", esc(&heading(comparison)));
    let labels: Vec<String> = comparison
        .assessments
        .iter()
        .map(|a| esc(&a.label))
        .collect();
    let mut header = vec![
        ("Area", Align::Left),
        ("Competency", Align::Left),
        ("Expected", Align::Right),
    ];
    header.extend(labels.iter().map(|label| (label.as_str(), Align::Right)));
    header.extend([("Spread", Align::Right), ("Change", Align::Right)]);
    let rows: Vec<Vec<String>> = comparison
        .competencies
        .iter()
        .map(|line| {
            let mut row = vec![esc(&line.area_title), esc(&line.title)];
            row.extend(figures(line));
            row
        })
        .collect();
    out.push_str(&markdown::table(&header, &rows));
    out.push('\n');
    let rows: Vec<Vec<String>> = comparison
        .assessments
        .iter()
        .map(|a| {
            vec![
                esc(&a.label),
                markdown::code(&a.file),
                format!("{} of {}", a.met, a.total),
                percent(a.coverage),
                a.reached
                    .as_deref()
                    .map_or_else(|| "none".to_owned(), markdown::code),
            ]
        })
        .collect();
    let header = [
        ("Assessment", Align::Left),
        ("File", Align::Left),
        ("Met", Align::Right),
        ("Coverage", Align::Right),
        ("Reached", Align::Left),
    ];
    out.push_str(&markdown::table(&header, &rows));
    for line in closing(comparison) {
        out.push('\n');
        out.push_str(&esc(&line));
        out.push('\n');
    }
    out
}

/// One row per competency: its area, id and title, the expectation, each assessment's score
/// (empty where unscored), the spread and the change.
pub fn csv(comparison: &Comparison) -> String {
    let mut header = vec!["area", "competency", "title", "expected"];
    header.extend(comparison.assessments.iter().map(|a| a.label.as_str()));
    header.extend(["spread", "change"]);
    let rows = comparison.competencies.iter().map(|line| {
        let mut row = vec![line.area.clone(), line.id.clone(), line.title.clone()];
        row.push(line.expected.to_string());
        row.extend(
            line.scores
                .iter()
                .map(|s| s.map_or_else(String::new, |s| s.to_string())),
        );
        row.push(line.spread.map_or_else(String::new, |s| s.to_string()));
        row.push(line.change.map_or_else(String::new, |c| c.to_string()));
        row
    });
    sheet(&header, rows)
}
