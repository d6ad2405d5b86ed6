//! The team view of `ladder team`: people, the heatmap of gaps, calibration and progress, as a
//! terminal table or Markdown, from one [`Team`]; JSON is the [`Team`] itself. And the notes on
//! files left out, for standard error.

use comfy_table::Color;

use super::markdown::{self, Align};
use super::table::{Grid, Piece};
use super::wrap::{Para, prose};
use super::{Style, lean, percent};
use crate::team::{LeftOut, Pairing, Person, Progress, Team};

/// How many of the team's weakest competencies the closing line names.
const NAMED_WEAKEST: usize = 3;
/// How many competencies a person's calibration row names, and the team's lean sentence.
const NAMED_DIFFERENCES: usize = 3;

pub(super) const PEOPLE_HEADER: [&str; 7] = [
    "Person",
    "Target",
    "Reached",
    "Met",
    "Coverage",
    "Largest gap",
    "Assessment",
];
pub(super) const CALIBRATION_HEADER: [&str; 6] = [
    "Person",
    "Self",
    "Against",
    "Lean",
    "Differ",
    "Differs most",
];
pub(super) const PROGRESS_HEADER: [&str; 6] =
    ["Person", "Assessor", "Dates", "Target", "Met", "Reached"];
const PROGRESS_TABLE_HEADER: [&str; 5] = ["Person, assessor", "Dates", "Target", "Met", "Reached"];

const HEAT_TITLE: &str = "Gaps to each person's target (? not scored):";
/// What the calibration and progress sections hold, said after a heading (Markdown) or after
/// their name (a terminal).
pub(super) const CALIBRATION_ABOUT: &str = "each self-assessment against the latest assessment by \
     someone else. Lean is self less other, on average over the competencies both scored; \
     Differ counts those they score differently.";
pub(super) const NO_CALIBRATION: &str = "no one has both a self-assessment and another's.";
pub(super) const PROGRESS_ABOUT: &str = "since the previous assessment by the same assessor:";
pub(super) const NO_PROGRESS: &str = "no one has two dated assessments by the same assessor.";

/// `Calibration: text`, as a terminal shows a section.
fn named(section: &str, about: &str) -> String {
    format!("{section}: {about}")
}

/// `About`, as a paragraph under a Markdown heading starts.
pub(super) fn sentence(about: &str) -> String {
    let mut chars = about.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `none` for no level.
fn level(level: Option<&str>) -> &str {
    level.unwrap_or("none")
}

/// `a → b`, or `a` alone when nothing moved.
fn moved(before: &str, after: &str) -> String {
    match before == after {
        true => before.to_owned(),
        false => format!("{before} → {after}"),
    }
}

/// The level reached, `(target)` after it when it is the target.
fn reached(person: &Person) -> String {
    match (&person.reached, person.target_reached) {
        (Some(level), true) => format!("{level} (target)"),
        (Some(level), false) => level.clone(),
        (None, _) => "none".to_owned(),
    }
}

/// The cells of one person's row: name, target, reached, met, coverage, largest gap, and whose
/// assessment of which date it is read from.
pub(super) fn person_cells(person: &Person) -> [String; 7] {
    [
        person.person.clone(),
        person.target.clone(),
        reached(person),
        format!("{} of {}", person.met, person.total),
        percent(person.coverage),
        person.largest_gap.clone().unwrap_or_else(|| "-".to_owned()),
        dated(&person.assessed_by, person.date.as_deref()),
    ]
}

/// An assessor and a date, as `Mary Jackson 2026-10-15`.
fn dated(who: &str, date: Option<&str>) -> String {
    match date {
        Some(date) if who.is_empty() => date.to_owned(),
        Some(date) => format!("{who} {date}"),
        None if who.is_empty() => "undated".to_owned(),
        None => who.to_owned(),
    }
}

/// The cells of one person's calibration row: name, self date, the other assessment, lean and
/// the competencies they differ on most.
pub(super) fn calibration_cells(team: &Team, pairing: &Pairing) -> [String; 6] {
    let differs: Vec<String> = team
        .differs_most(pairing, NAMED_DIFFERENCES)
        .iter()
        .map(|d| format!("{} {:+}", d.title, d.difference))
        .collect();
    [
        pairing.person.clone(),
        dated("", pairing.self_date.as_deref()),
        dated(&pairing.other_assessor, pairing.other_date.as_deref()),
        pairing.lean.map_or_else(|| "-".to_owned(), lean),
        format!("{} of {}", pairing.differ, pairing.compared),
        match (pairing.compared, differs.is_empty()) {
            (0, _) => "nothing scored by both".to_owned(),
            (_, true) => "agree on every one".to_owned(),
            (_, false) => differs.join(", "),
        },
    ]
}

/// The cells of one progress row: person, assessor, dates, target, met, reached.
pub(super) fn progress_cells(progress: &Progress) -> [String; 6] {
    let met = match progress.total_before == progress.total_after {
        true => format!(
            "{} → {} of {}",
            progress.met_before, progress.met_after, progress.total_after
        ),
        false => format!(
            "{} of {} → {} of {}",
            progress.met_before, progress.total_before, progress.met_after, progress.total_after
        ),
    };
    [
        progress.person.clone(),
        progress.assessor.clone(),
        format!("{} → {}", progress.from, progress.to),
        moved(&progress.target_before, &progress.target_after),
        met,
        moved(
            level(progress.reached_before.as_deref()),
            level(progress.reached_after.as_deref()),
        ),
    ]
}

/// Progress as a terminal table: each person a heading over a row per assessor.
fn progress_table(team: &Team, style: Style) -> Grid {
    let mut grid = Grid::new(style, &PROGRESS_TABLE_HEADER);
    let mut person = None;
    for progress in &team.progress {
        let [name, assessor, cells @ ..] = progress_cells(progress);
        if person.as_ref() != Some(&name) {
            grid.group(&name);
            person = Some(name);
        }
        grid.row(
            std::iter::once(Para::indented(&assessor, 2).into())
                .chain(cells.iter().map(|cell| Piece::word(cell))),
        );
    }
    grid
}

/// A heatmap cell: the gap to the person's target, `0` when met, `?` when unscored, blank when
/// the competency is not part of their target; and its colour on a terminal.
fn gap_cell(person: &Person, id: &str) -> (String, Option<Color>) {
    match person.gap(id) {
        Some(Some(0)) => ("0".to_owned(), Some(Color::Green)),
        Some(Some(1)) => ("1".to_owned(), Some(Color::Yellow)),
        Some(Some(gap)) => (gap.to_string(), Some(Color::Red)),
        Some(None) => ("?".to_owned(), Some(Color::Magenta)),
        None => (String::new(), None),
    }
}

/// `1 person`, `5 people`.
fn people(count: usize) -> String {
    match count {
        1 => "1 person".to_owned(),
        n => format!("{n} people"),
    }
}

/// `Planning (5 below, mean gap 1.0)`.
fn weak(title: &str, below: usize, mean_gap: f64) -> String {
    format!("{title} ({below} below, mean gap {mean_gap:.1})")
}

pub(super) fn closing(team: &Team) -> String {
    let weakest: Vec<String> = team
        .weakest(NAMED_WEAKEST)
        .iter()
        .map(|w| weak(&w.title, w.below, w.mean_gap))
        .collect();
    let areas: Vec<String> = team
        .weakest_areas(NAMED_WEAKEST)
        .iter()
        .map(|a| weak(&a.title, a.below, a.mean_gap))
        .collect();
    match weakest.is_empty() {
        true => format!("{}; every expectation met.", people(team.people.len())),
        false => format!(
            "{}; the team is weakest in {}; by area, in {}.",
            people(team.people.len()),
            weakest.join(", "),
            areas.join(", ")
        ),
    }
}

/// Where the team's self-assessments lean most above and below the other assessors', in a
/// sentence; `None` without calibration.
pub(super) fn team_lean(team: &Team) -> Option<String> {
    let leaning: Vec<(&str, f64)> = team
        .competencies
        .iter()
        .filter_map(|w| Some((w.title.as_str(), w.self_lean?)))
        .collect();
    if leaning.is_empty() {
        return None;
    }
    // Furthest first, ties in ladder order (the sort is stable), the rest counted.
    let side = |sign: char, furthest: fn(f64, f64) -> std::cmp::Ordering| -> String {
        let mut side: Vec<&(&str, f64)> = leaning
            .iter()
            .filter(|(_, mean)| lean(*mean).starts_with(sign))
            .collect();
        side.sort_by(|a, b| furthest(a.1, b.1));
        let named: Vec<String> = side
            .iter()
            .map(|(title, mean)| format!("{title} ({})", lean(*mean)))
            .collect();
        crate::wording::titles_some(&named, NAMED_DIFFERENCES)
    };
    let above = side('+', |a, b| b.total_cmp(&a));
    let below = side('-', |a, b| a.total_cmp(&b));
    let over = format!("Over the {} calibrated", people(team.calibrated.len()));
    Some(match (above.is_empty(), below.is_empty()) {
        (true, true) => format!("{over}, self-assessments agree with the others."),
        (false, true) => {
            format!("{over}, self-assessments run furthest above the others in {above}.")
        }
        (true, false) => {
            format!("{over}, self-assessments run furthest below the others in {below}.")
        }
        (false, false) => format!(
            "{over}, self-assessments run furthest above the others in {above}, and furthest \
             below in {below}."
        ),
    })
}

/// A table of `rows`, the columns `words` (ids, dates, counts) whole unless nothing fits.
fn grid(
    style: Style,
    header: &[&str],
    words: &[usize],
    rows: impl Iterator<Item = Vec<String>>,
) -> Grid {
    let mut grid = Grid::new(style, header);
    for row in rows {
        grid.row(
            row.iter()
                .enumerate()
                .map(|(i, cell)| match words.contains(&i) {
                    true => Piece::word(cell),
                    false => Piece::text(cell),
                }),
        );
    }
    grid
}

fn heatmap(team: &Team, style: Style) -> Grid {
    let mut header = vec!["Competency"];
    header.extend(team.people.iter().map(|p| p.person.as_str()));
    header.push("Below");
    let mut heat = Grid::new(style, &header).right_align(1..=team.people.len() + 1);
    let mut area = None;
    for weakness in &team.competencies {
        if area != Some(&weakness.area) {
            heat.group(&weakness.area_title);
            area = Some(&weakness.area);
        }
        let gaps = team.people.iter().map(|p| match gap_cell(p, &weakness.id) {
            (gap, Some(color)) => Piece::figure(gap).colored(color),
            (gap, None) => Piece::figure(gap),
        });
        heat.row(
            std::iter::once(Para::indented(&weakness.title, 2).into())
                .chain(gaps)
                .chain([Piece::figure(weakness.below)]),
        );
    }
    heat
}

pub fn table(team: &Team, style: Style) -> String {
    let people = grid(
        style,
        &PEOPLE_HEADER,
        &[1, 2, 3, 4],
        team.people.iter().map(|p| person_cells(p).into()),
    )
    .right_align([3, 4]);
    let mut out = format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n",
        prose("People, the readiest first:", style.width),
        people.render(),
        prose(HEAT_TITLE, style.width),
        heatmap(team, style).render(),
        prose(&closing(team), style.width)
    );
    if team.calibrated.is_empty() {
        out.push_str(&prose(&named("Calibration", NO_CALIBRATION), style.width));
        out.push_str("\n\n");
    } else {
        let rows = team
            .calibrated
            .iter()
            .map(|p| calibration_cells(team, p).into());
        let calibration = grid(style, &CALIBRATION_HEADER, &[1, 3, 4], rows).right_align([3, 4]);
        out.push_str(&prose(
            &named("Calibration", CALIBRATION_ABOUT),
            style.width,
        ));
        out.push_str("\n\n");
        out.push_str(&calibration.render());
        out.push_str("\n\n");
        if let Some(sentence) = team_lean(team) {
            out.push_str(&prose(&sentence, style.width));
            out.push_str("\n\n");
        }
    }
    if team.progress.is_empty() {
        out.push_str(&prose(&named("Progress", NO_PROGRESS), style.width));
        out.push('\n');
    } else {
        out.push_str(&prose(&format!("Progress {PROGRESS_ABOUT}"), style.width));
        out.push_str("\n\n");
        out.push_str(&progress_table(team, style).render());
        out.push('\n');
    }
    out
}

/// A pipe table of file text, escaped, aligned right in the columns `right`.
fn markdown_table(
    header: &[&str],
    right: &[usize],
    rows: impl Iterator<Item = Vec<String>>,
) -> String {
    let names: Vec<String> = header.iter().map(|name| markdown::escape(name)).collect();
    let header: Vec<(&str, Align)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let align = if right.contains(&i) {
                Align::Right
            } else {
                Align::Left
            };
            (name.as_str(), align)
        })
        .collect();
    let rows: Vec<Vec<String>> = rows
        .map(|row| row.iter().map(|cell| markdown::escape(cell)).collect())
        .collect();
    markdown::table(&header, &rows)
}

pub fn markdown(team: &Team) -> String {
    let esc = markdown::escape;
    let mut out = "# Team\n\n## People\n\n".to_owned();
    let rows = team.people.iter().map(|p| person_cells(p).into());
    out.push_str(&markdown_table(&PEOPLE_HEADER, &[3, 4], rows));
    out.push_str("\n## Gaps to each person's target\n\n");
    let mut header = vec!["Competency".to_owned()];
    header.extend(team.people.iter().map(|p| p.person.clone()));
    header.push("Below".to_owned());
    let rows = team.competencies.iter().map(|w| {
        let mut row = vec![w.title.clone()];
        row.extend(team.people.iter().map(|p| gap_cell(p, &w.id).0));
        row.push(w.below.to_string());
        row
    });
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let right: Vec<usize> = (1..header.len()).collect();
    out.push_str(&markdown_table(&header, &right, rows));
    out.push_str(&format!("\n{}\n", esc(&closing(team))));
    out.push_str("\n## Calibration\n\n");
    if team.calibrated.is_empty() {
        out.push_str(&format!("{}\n", esc(&sentence(NO_CALIBRATION))));
    } else {
        out.push_str(&format!("{}\n\n", esc(&sentence(CALIBRATION_ABOUT))));
        let rows = team
            .calibrated
            .iter()
            .map(|p| calibration_cells(team, p).into());
        out.push_str(&markdown_table(&CALIBRATION_HEADER, &[3, 4], rows));
        if let Some(sentence) = team_lean(team) {
            out.push_str(&format!("\n{}\n", esc(&sentence)));
        }
    }
    out.push_str("\n## Progress\n\n");
    if team.progress.is_empty() {
        out.push_str(&format!("{}\n", esc(&sentence(NO_PROGRESS))));
    } else {
        out.push_str(&format!("{}\n\n", esc(&sentence(PROGRESS_ABOUT))));
        let rows = team.progress.iter().map(|p| progress_cells(p).into());
        out.push_str(&markdown_table(&PROGRESS_HEADER, &[], rows));
    }
    out
}

/// How many files left out are named one by one; the rest are counted.
const NAMED_LEFT_OUT: usize = 20;

/// One note per file left out, which is read instead and why: the first few, then a count.
pub fn left_out(left: &[LeftOut]) -> String {
    let plain = super::safe::plain;
    let mut notes: String = left
        .iter()
        .take(NAMED_LEFT_OUT)
        .map(|left| {
            let when = match &left.date {
                Some(date) => format!("on the same date ({date})"),
                None => "and neither is dated".to_owned(),
            };
            format!(
                "note: `{}` is left out: `{}`, read after it, also assesses {} {when}\n",
                plain(&left.file),
                plain(&left.instead),
                plain(&left.person)
            )
        })
        .collect();
    if left.len() > NAMED_LEFT_OUT {
        let more = left.len() - NAMED_LEFT_OUT;
        notes += &format!(
            "note: {more} more {} left out for the same reason (`--format json` lists them all \
             under `left_out`)\n",
            if more == 1 { "file is" } else { "files are" }
        );
    }
    notes
}
