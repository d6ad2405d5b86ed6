//! The gap report of `ladder assess`, as a terminal table, Markdown or JSON.

use comfy_table::Color;

use super::markdown::{self, Align};
use super::safe::Escape;
use super::safe::plain;
use super::table::{Grid, Piece};
use super::wrap::{Para, prose};
use super::{Style, percent};
use crate::assess::{Placement, Report, Row, Status, Subject, Tally};
use crate::model::Readiness;

/// The report as tables, with the signals left to show under each gap when `signals`.
pub fn table(report: &Report, style: Style, signals: bool) -> String {
    let mut out = heading(report, style);
    out.push('\n');
    out.push_str(&gap_table(report, style, signals).render());
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
        format!("{}{}", report.subject.person, byline(report)),
        format!(
            "Ladder: {} ({})",
            report.subject.ladder_title, report.subject.ladder
        ),
        format!(
            "Target: {} ({}){}",
            report.subject.target_title,
            report.subject.target,
            on_track(&report.subject, super::safe::text)
        ),
        placement_line(
            &report.placement,
            &report.subject.target_title,
            super::safe::text,
        ),
    ];
    lines
        .iter()
        .map(|line| prose(line, style.width) + "\n")
        .collect()
}

/// `Reaches Engineering Manager; Senior Engineering Manager not yet: 10 below or unscored,
/// where the rule allows 2 below, by at most 1.`: the level reached and the target's distance,
/// titles made safe by `safe`.
pub(super) fn placement_line(placement: &Placement, target: &str, safe: Escape) -> String {
    let target = safe(target);
    if placement.target_reached {
        return format!("Reaches {target}, the target.");
    }
    let reached = match &placement.reached_title {
        Some(title) => format!("Reaches {}", safe(title)),
        None => "Reaches no level yet".to_owned(),
    };
    let rule = match placement.rule {
        Readiness { allow_below: 0, .. } => "where every expectation must be met".to_owned(),
        Readiness {
            allow_below,
            max_gap,
        } => format!("where the rule allows {allow_below} below, by at most {max_gap}"),
    };
    let blocked = match &placement.blocked_by_title {
        Some(level) => format!(", and {} is not reached first", safe(level)),
        None => String::new(),
    };
    format!(
        "{reached}; {target} not yet: {} below or unscored{blocked}, {rule}.",
        placement.below
    )
}

/// `, People track`, when the target level is on a named track.
pub(super) fn on_track(subject: &Subject, safe: impl Fn(&str) -> String) -> String {
    subject
        .target_track
        .as_deref()
        .map_or_else(String::new, |track| format!(", {} track", safe(track)))
}

/// `, self-assessment of 2026-11-01` or `, assessed by Mary Jackson`: who scored, and when.
pub(super) fn byline(report: &Report) -> String {
    let by = match report.subject.assessor.as_deref() {
        Some("self") => ", self-assessment".to_owned(),
        Some(assessor) => format!(", assessed by {assessor}"),
        None => String::new(),
    };
    let date = report.subject.date.as_deref();
    match (&date, report.subject.assessor.as_deref()) {
        (Some(date), Some("self")) => format!("{by} of {date}"),
        (Some(date), _) if by.is_empty() => format!(", assessed on {date}"),
        (Some(date), _) => format!("{by} on {date}"),
        (None, _) => by,
    }
}

/// One row per competency under a row naming its area, so that the table stays narrow.
fn gap_table(report: &Report, style: Style, signals: bool) -> Grid {
    let mut grid = Grid::new(style, &["Competency", "Score", "Expected", "Gap", "Status"])
        .right_align([1, 2, 3])
        .cap(0, COMPETENCY_WIDTH);
    for area in &report.areas {
        grid.group(&area.title);
        for row in report.competencies.iter().filter(|row| row.area == area.id) {
            let mut name = vec![Para::indented(&row.title, 2)];
            if signals {
                // Set in under the title, each a bullet whose later lines hang under its text.
                let bullet = |signal: &String| Para::hanging(TO_SHOW, TO_SHOW_AFTER, signal);
                name.extend(row.to_show.iter().map(bullet));
            }
            grid.row([
                Piece::new(name),
                Piece::figure(super::figure_or_dash(row.score)),
                Piece::figure(row.expected),
                Piece::figure(row.gap),
                status_piece(row.status),
            ]);
        }
    }
    grid
}

/// How many competencies not scored yet the summary names; the table lists them all.
const NAMED_UNSCORED: usize = 5;

/// The widest the competency column grows when it holds the signals left to show.
const COMPETENCY_WIDTH: usize = 60;

/// What starts a signal left to show, and each of its later lines: no-break spaces, which a
/// table keeps.
const TO_SHOW: &str = "\u{a0}\u{a0}\u{a0}\u{a0}- ";
const TO_SHOW_AFTER: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

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
pub(super) fn verdict(report: &Report) -> Vec<String> {
    let summary = &report.summary;
    let mut lines = vec![format!(
        "Meets {} of {} expectations of {} ({} coverage).",
        summary.met,
        summary.total,
        plain(&report.subject.target_title),
        percent(summary.coverage)
    )];
    let gaps: Vec<String> = report
        .largest_gaps
        .iter()
        .map(|gap| format!("{} (gap {})", plain(&gap.title), gap.gap))
        .collect();
    if !gaps.is_empty() {
        lines.push(format!("Largest gaps: {}.", gaps.join(", ")));
    }
    let missing: Vec<String> = report
        .competencies
        .iter()
        .filter(|row| row.status == Status::Missing)
        .map(|row| plain(&row.title).into_owned())
        .collect();
    if !missing.is_empty() {
        lines.push(format!(
            "Not scored yet ({}): {}.",
            missing.len(),
            crate::wording::titles_some(&missing, NAMED_UNSCORED)
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
            plain(&report.subject.target_title),
            if titles.len() == 1 { "it" } else { "them" },
            crate::wording::titles(&titles)
        ));
    }
    lines
}

/// The columns of a report as a sheet: one row per competency, long format, so that the rows
/// of many reports make one sheet.
pub const CSV_HEADER: [&str; 11] = [
    "person",
    "assessor",
    "date",
    "target",
    "area",
    "competency",
    "title",
    "score",
    "expected",
    "gap",
    "status",
];

/// The report's rows as CSV records, under [`CSV_HEADER`].
pub fn csv_records(report: &Report) -> String {
    let subject = &report.subject;
    let rows = report.competencies.iter().map(|row| {
        vec![
            subject.person.clone(),
            subject.assessor.clone().unwrap_or_default(),
            subject.date.clone().unwrap_or_default(),
            subject.target.clone(),
            row.area.clone(),
            row.id.clone(),
            row.title.clone(),
            row.score.map_or_else(String::new, |s| s.to_string()),
            row.expected.to_string(),
            row.gap.to_string(),
            row.status.as_str().to_owned(),
        ]
    });
    super::sheet::records(rows)
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
        esc(&report.subject.person),
        esc(&report.subject.target_title)
    );
    out.push_str(&markdown_facts(&report.subject, &report.placement));
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
    let details: String = report
        .competencies
        .iter()
        .filter_map(markdown_detail)
        .collect();
    if !details.is_empty() {
        out.push_str("\n## Evidence and what to show\n");
        out.push_str(&details);
    }
    out
}

/// A competency's evidence, and for a gap the signals left to show; `None` when it has
/// neither.
fn markdown_detail(row: &Row) -> Option<String> {
    let esc = markdown::escape;
    if row.evidence.is_none() && row.to_show.is_empty() {
        return None;
    }
    let score = row
        .score
        .map_or("not scored".to_owned(), |s| format!("score {s}"));
    let mut out = format!(
        "\n### {}\n\n{}, expected {} ({}).\n",
        esc(&row.title),
        capitalised(&score),
        row.expected,
        row.status.as_str()
    );
    if let Some(evidence) = &row.evidence {
        out.push_str(&format!("\nEvidence: {}\n", esc(evidence)));
    }
    if !row.to_show.is_empty() {
        out.push_str("\nTo show:\n\n");
        for signal in &row.to_show {
            out.push_str(&format!("- {}\n", esc(signal)));
        }
    }
    Some(out)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Ladder, target, placement, assessor and date, as a list: how a report and a plan open.
pub(super) fn markdown_facts(subject: &Subject, placement: &Placement) -> String {
    let esc = markdown::escape;
    let mut facts = vec![
        format!(
            "**Ladder:** {} ({})",
            esc(&subject.ladder_title),
            markdown::code(&subject.ladder)
        ),
        format!(
            "**Target:** {} ({}){}",
            esc(&subject.target_title),
            markdown::code(&subject.target),
            on_track(subject, esc)
        ),
        format!(
            "**Placement:** {}",
            placement_line(placement, &subject.target_title, esc)
        ),
    ];
    facts.extend(
        subject
            .assessor
            .iter()
            .map(|a| format!("**Assessor:** {}", esc(a))),
    );
    facts.extend(subject.date.iter().map(|d| format!("**Date:** {}", esc(d))));
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
                super::figure_or_dash(row.score),
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
