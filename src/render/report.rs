//! The gap report of `ladder assess`, as a terminal table, Markdown or JSON.

use comfy_table::Color;

use super::markdown::{self, Align};
use super::safe::plain;
use super::table::{Grid, Piece};
use super::wrap::{Para, prose};
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
    let mut out = heading(report, style);
    out.push('\n');
    out.push_str(&gap_table(report, style).render());
    out.push_str("\n\n");
    out.push_str(&summary_table(report, style).render());
    out.push_str("\n\n");
    for line in verdict(report) {
        out.push_str(&prose(&line, style.width));
        out.push('\n');
    }
    out
}

fn heading(report: &Report, style: Style) -> String {
    let lines = [
        format!("{}{}", report.person, byline(report)),
        format!("Ladder: {} ({})", report.ladder_title, report.ladder),
        format!(
            "Target: {} ({}){}",
            report.target_title,
            report.target,
            on_track(report, super::safe::text)
        ),
    ];
    lines
        .iter()
        .map(|line| prose(line, style.width) + "\n")
        .collect()
}

/// `, People track`, when the target level is on a named track.
fn on_track(report: &Report, safe: impl Fn(&str) -> String) -> String {
    report
        .target_track
        .as_deref()
        .map_or_else(String::new, |track| format!(", {} track", safe(track)))
}

/// `, self-assessment of 2026-11-01` or `, assessed by Mary Jackson`: who scored, and when.
fn byline(report: &Report) -> String {
    let by = match report.assessor.as_deref() {
        Some("self") => ", self-assessment".to_owned(),
        Some(assessor) => format!(", assessed by {assessor}"),
        None => String::new(),
    };
    let date = report.date.as_deref();
    match (&date, report.assessor.as_deref()) {
        (Some(date), Some("self")) => format!("{by} of {date}"),
        (Some(date), _) if by.is_empty() => format!(", assessed on {date}"),
        (Some(date), _) => format!("{by} on {date}"),
        (None, _) => by,
    }
}

/// One row per competency under a row naming its area, so that the table stays narrow.
fn gap_table(report: &Report, style: Style) -> Grid {
    let mut grid = Grid::new(style, &["Competency", "Score", "Expected", "Gap", "Status"])
        .right_align([1, 2, 3]);
    for area in &report.areas {
        grid.group(&area.title);
        for row in report.competencies.iter().filter(|row| row.area == area.id) {
            grid.row([
                Para::indented(&row.title, 2).into(),
                Piece::figure(row.score.map_or("-".to_owned(), |s| s.to_string())),
                Piece::figure(row.expected),
                Piece::figure(row.gap),
                status_piece(row.status),
            ]);
        }
    }
    grid
}

fn status_piece(status: Status) -> Piece {
    let color = match status {
        Status::Exceeds => Color::Cyan,
        Status::Meets => Color::Green,
        Status::Below => Color::Yellow,
        Status::Missing => Color::Red,
    };
    Piece::figure(status.as_str()).colored(color)
}

fn area_title(report: &Report, id: &str) -> String {
    report
        .areas
        .iter()
        .find(|area| area.id == id)
        .map_or_else(|| id.to_owned(), |area| area.title.clone())
}

fn summary_table(report: &Report, style: Style) -> Grid {
    let mut grid = Grid::new(style, &["Area", "Met", "Coverage"]).right_align([1, 2]);
    for tally in &report.areas {
        grid.row(tally_cells(&tally.title, tally));
    }
    grid.row(tally_cells("Overall", &report.summary));
    grid
}

fn tally_cells(name: &str, tally: &Tally) -> [Piece; 3] {
    [
        Piece::text(name),
        Piece::figure(format!("{} of {}", tally.met, tally.total)),
        Piece::figure(percent(tally.coverage)),
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
    if !report.not_counted.is_empty() {
        let titles: Vec<String> = report
            .not_counted
            .iter()
            .map(|c| plain(&c.title).into_owned())
            .collect();
        lines.push(format!(
            "Scored but not counted, as {} does not expect {}: {}.",
            plain(&report.target_title),
            if titles.len() == 1 { "it" } else { "them" },
            crate::wording::titles(&titles)
        ));
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
            "**Target:** {} ({}){}",
            esc(&report.target_title),
            markdown::code(&report.target),
            on_track(report, esc)
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
