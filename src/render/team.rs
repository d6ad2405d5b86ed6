//! The team view of `ladder team`: the people table and the heatmap, as a terminal table,
//! Markdown or JSON, from one [`Team`].

use super::markdown::{self, Align};
use super::table::{Grid, Piece};
use super::wrap::{Para, prose};
use super::{Style, percent};
use crate::team::{Person, Team};

/// How many of the team's weakest competencies the closing line names.
const NAMED_WEAKEST: usize = 3;

/// The level reached, `(target)` after it when it is the target.
fn reached(person: &Person) -> String {
    match (&person.reached, person.target_reached) {
        (Some(level), true) => format!("{level} (target)"),
        (Some(level), false) => level.clone(),
        (None, _) => "none".to_owned(),
    }
}

/// The cells of one person's row: target, reached, met, coverage, largest gap, date.
fn person_cells(person: &Person) -> [String; 6] {
    [
        person.target.clone(),
        reached(person),
        format!("{} of {}", person.met, person.total),
        percent(person.coverage),
        person.largest_gap.clone().unwrap_or_else(|| "-".to_owned()),
        person.date.clone().unwrap_or_else(|| "-".to_owned()),
    ]
}

/// A heatmap cell: the gap to the person's target, `0` when met, `?` when unscored, blank when
/// the competency is not part of their target.
fn gap_cell(person: &Person, id: &str) -> String {
    match person.gaps.get(id) {
        Some(Some(gap)) => gap.to_string(),
        Some(None) => "?".to_owned(),
        None => String::new(),
    }
}

fn closing(team: &Team) -> String {
    let weakest: Vec<String> = team
        .weakest(NAMED_WEAKEST)
        .iter()
        .map(|w| {
            format!(
                "{} ({} below, mean gap {:.1})",
                w.title, w.below, w.mean_gap
            )
        })
        .collect();
    match weakest.is_empty() {
        true => format!("{} people; every expectation met.", team.people.len()),
        false => format!(
            "{} people; the team is weakest in {}.",
            team.people.len(),
            weakest.join(", ")
        ),
    }
}

pub fn table(team: &Team, style: Style) -> String {
    let header = [
        "Person",
        "Target",
        "Reached",
        "Met",
        "Coverage",
        "Largest gap",
        "Date",
    ];
    let mut people = Grid::new(style, &header).right_align([3, 4]);
    for person in &team.people {
        let cells = person_cells(person);
        people.row(
            std::iter::once(Piece::text(&person.person))
                .chain(cells.iter().map(|c| Piece::text(c))),
        );
    }
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
        let gaps = team
            .people
            .iter()
            .map(|p| Piece::figure(gap_cell(p, &weakness.id)));
        heat.row(
            std::iter::once(Para::indented(&weakness.title, 2).into())
                .chain(gaps)
                .chain([Piece::figure(weakness.below)]),
        );
    }
    format!(
        "{}\n\n{}\n\nGaps to each person's target (? not scored):\n\n{}\n\n{}\n",
        prose("People, the readiest first:", style.width),
        people.render(),
        heat.render(),
        prose(&closing(team), style.width)
    )
}

pub fn markdown(team: &Team) -> String {
    let esc = markdown::escape;
    let mut out = "# Team\n\n## People\n\n".to_owned();
    let rows: Vec<Vec<String>> = team
        .people
        .iter()
        .map(|person| {
            let mut row = vec![esc(&person.person)];
            row.extend(person_cells(person).iter().map(|c| esc(c)));
            row
        })
        .collect();
    let header = [
        ("Person", Align::Left),
        ("Target", Align::Left),
        ("Reached", Align::Left),
        ("Met", Align::Right),
        ("Coverage", Align::Right),
        ("Largest gap", Align::Left),
        ("Date", Align::Left),
    ];
    out.push_str(&markdown::table(&header, &rows));
    out.push_str("\n## Gaps to each person's target\n\n");
    let names: Vec<String> = team.people.iter().map(|p| esc(&p.person)).collect();
    let mut header = vec![("Competency", Align::Left)];
    header.extend(names.iter().map(|name| (name.as_str(), Align::Right)));
    header.push(("Below", Align::Right));
    let rows: Vec<Vec<String>> = team
        .competencies
        .iter()
        .map(|w| {
            let mut row = vec![esc(&w.title)];
            row.extend(team.people.iter().map(|p| gap_cell(p, &w.id)));
            row.push(w.below.to_string());
            row
        })
        .collect();
    out.push_str(&markdown::table(&header, &rows));
    out.push_str(&format!("\n{}\n", esc(&closing(team))));
    out
}
