//! The gap report of `ladder assess`, as a terminal table, Markdown or JSON.

use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};

use super::markdown::{self, Align};
use super::safe::plain;
use super::{Style, percent};
use crate::assess::{Report, Status, Tally};

/// One report after another, a blank line between.
pub fn tables(reports: &[Report], style: Style) -> String {
    reports
        .iter()
        .map(|report| table(report, style))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn table(report: &Report, style: Style) -> String {
    let mut out = heading(report);
    out.push('\n');
    out.push_str(&gap_table(report, style).to_string());
    out.push_str("\n\n");
    out.push_str(&summary_table(report, style).to_string());
    out.push_str("\n\n");
    for line in verdict(report) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn heading(report: &Report) -> String {
    let who = format!("{}{}", plain(&report.person), byline(report));
    format!(
        "{who}\nLadder: {} ({})\nTarget: {} ({})\n",
        plain(&report.ladder_title),
        report.ladder,
        plain(&report.target_title),
        report.target
    )
}

/// `, self-assessment of 2026-11-01` or `, assessed by Mary Jackson`: who scored, and when.
fn byline(report: &Report) -> String {
    let by = match report.assessor.as_deref() {
        Some("self") => ", self-assessment".to_owned(),
        Some(assessor) => format!(", assessed by {}", plain(assessor)),
        None => String::new(),
    };
    let date = report.date.as_deref().map(plain);
    match (&date, report.assessor.as_deref()) {
        (Some(date), Some("self")) => format!("{by} of {date}"),
        (Some(date), _) if by.is_empty() => format!(", assessed on {date}"),
        (Some(date), _) => format!("{by} on {date}"),
        (None, _) => by,
    }
}

pub(super) fn new_table(style: Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

pub(super) fn right_align(table: &mut Table, columns: &[usize]) {
    for &index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// One row per competency under a row naming its area, so that the table stays narrow.
fn gap_table(report: &Report, style: Style) -> Table {
    let mut table = new_table(style, &["Competency", "Score", "Expected", "Gap", "Status"]);
    for area in &report.areas {
        table.add_row(vec![area_cell(&area.title)]);
        for row in report.competencies.iter().filter(|row| row.area == area.id) {
            table.add_row(vec![
                Cell::new(format!("\u{a0}\u{a0}{}", plain(&row.title))),
                Cell::new(row.score.map_or("-".to_owned(), |s| s.to_string())),
                Cell::new(row.expected),
                Cell::new(row.gap),
                status_cell(row.status),
            ]);
        }
    }
    right_align(&mut table, &[1, 2, 3]);
    table
}

/// A row heading a group of competencies.
pub(super) fn area_cell(title: &str) -> Cell {
    Cell::new(plain(title)).add_attribute(Attribute::Bold)
}

fn status_cell(status: Status) -> Cell {
    let color = match status {
        Status::Exceeds => Color::Cyan,
        Status::Meets => Color::Green,
        Status::Below => Color::Yellow,
        Status::Missing => Color::Red,
    };
    Cell::new(status.as_str()).fg(color)
}

fn area_title(report: &Report, id: &str) -> String {
    report
        .areas
        .iter()
        .find(|area| area.id == id)
        .map_or_else(|| id.to_owned(), |area| area.title.clone())
}

fn summary_table(report: &Report, style: Style) -> Table {
    let mut table = new_table(style, &["Area", "Met", "Coverage"]);
    for tally in &report.areas {
        table.add_row(tally_cells(&tally.title, tally));
    }
    table.add_row(tally_cells("Overall", &report.summary));
    right_align(&mut table, &[1, 2]);
    table
}

fn tally_cells(name: &str, tally: &Tally) -> Vec<Cell> {
    vec![
        Cell::new(plain(name)),
        Cell::new(format!("{} of {}", tally.met, tally.total)),
        Cell::new(percent(tally.coverage)),
    ]
}

/// The plain-words conclusion under the tables, one sentence per line.
fn verdict(report: &Report) -> Vec<String> {
    let summary = &report.summary;
    let mut lines = vec![format!(
        "Meets {} of {} expectations of {} ({} coverage).",
        summary.met,
        summary.total,
        plain(&report.target_title),
        percent(summary.coverage)
    )];
    let gaps: Vec<String> = report
        .largest_gaps
        .iter()
        .map(|gap| format!("{} (-{})", plain(&gap.title), gap.gap))
        .collect();
    if !gaps.is_empty() {
        lines.push(format!("Largest gaps: {}.", gaps.join(", ")));
    }
    let missing = report
        .competencies
        .iter()
        .filter(|row| row.status == Status::Missing)
        .count();
    if missing > 0 {
        lines.push(format!(
            "{} not scored yet.",
            crate::wording::plural(missing, "competency")
        ));
    } else if summary.met == summary.total {
        lines.push("No gaps: every expectation is met.".to_owned());
    }
    lines
}

/// One Markdown document per report, separated by a rule.
pub fn markdowns(reports: &[Report]) -> String {
    reports
        .iter()
        .map(markdown)
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

pub fn markdown(report: &Report) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "# {}: {}\n\n",
        esc(&report.person),
        esc(&report.target_title)
    );
    out.push_str(&markdown_facts(report));
    out.push_str("\n## Gaps\n\n");
    out.push_str(&markdown_gaps(report));
    out.push_str("\n## Summary\n\n");
    let mut rows: Vec<Vec<String>> = report
        .areas
        .iter()
        .map(|tally| markdown_tally(&esc(&tally.title), tally))
        .collect();
    rows.push(markdown_tally("**Overall**", &report.summary));
    let header = [
        ("Area", Align::Left),
        ("Met", Align::Right),
        ("Coverage", Align::Right),
    ];
    out.push_str(&markdown::table(&header, &rows));
    for line in verdict(report) {
        out.push('\n');
        out.push_str(&esc(&line));
        out.push('\n');
    }
    out
}

/// Ladder, target, assessor and date, as a list.
fn markdown_facts(report: &Report) -> String {
    let esc = markdown::escape;
    let mut facts = vec![
        format!(
            "**Ladder:** {} ({})",
            esc(&report.ladder_title),
            markdown::code(&report.ladder)
        ),
        format!(
            "**Target:** {} ({})",
            esc(&report.target_title),
            markdown::code(&report.target)
        ),
    ];
    facts.extend(
        report
            .assessor
            .as_ref()
            .map(|assessor| format!("**Assessor:** {}", esc(assessor))),
    );
    facts.extend(
        report
            .date
            .as_ref()
            .map(|date| format!("**Date:** {}", esc(date))),
    );
    facts.iter().map(|fact| format!("- {fact}\n")).collect()
}

fn markdown_gaps(report: &Report) -> String {
    let esc = markdown::escape;
    let rows: Vec<Vec<String>> = report
        .competencies
        .iter()
        .map(|row| {
            vec![
                esc(&area_title(report, &row.area)),
                esc(&row.title),
                row.score.map_or("-".to_owned(), |s| s.to_string()),
                row.expected.to_string(),
                row.gap.to_string(),
                row.status.as_str().to_owned(),
            ]
        })
        .collect();
    let header = [
        ("Area", Align::Left),
        ("Competency", Align::Left),
        ("Score", Align::Right),
        ("Expected", Align::Right),
        ("Gap", Align::Right),
        ("Status", Align::Left),
    ];
    markdown::table(&header, &rows)
}

fn markdown_tally(name: &str, tally: &Tally) -> Vec<String> {
    vec![
        name.to_owned(),
        format!("{} of {}", tally.met, tally.total),
        percent(tally.coverage),
    ]
}
