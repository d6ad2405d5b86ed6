//! A ladder for reading: what one level expects, every level side by side, a page to publish,
//! and the list of ladders available.

use comfy_table::{Cell, ColumnConstraint, Width};
use serde::Serialize;

use super::markdown::{self, Align};
use super::report::{area_cell, new_table, right_align};
use super::safe::{self, Escape, plain};
use super::{Style, json};
use crate::model::{Area, Competency, Ladder, Level, SignalMode};

/// The widest the signals column grows before wrapping.
const SIGNALS_WIDTH: u16 = 70;

/// `4 Advanced`: a score with its label, the label made safe by `safe`.
fn labelled(ladder: &Ladder, competency: &Competency, level: &Level, safe: Escape) -> String {
    let score = competency.expectation(level).score;
    format!("{score} {}", safe(competency.label(&ladder.scale, score)))
}

/// One `- signal` per line, each made safe by `safe`.
fn bullets(signals: &[&str], separator: &str, safe: Escape) -> String {
    signals
        .iter()
        .map(|s| format!("- {}", safe(s)))
        .collect::<Vec<_>>()
        .join(separator)
}

pub fn level_table(ladder: &Ladder, level: &Level, style: Style) -> String {
    let mut table = new_table(style, &["Competency", "Expected", "Signals"]);
    for area in &ladder.areas {
        table.add_row(vec![area_cell(&area.title)]);
        for competency in &area.competencies {
            table.add_row(vec![
                Cell::new(format!("\u{a0}\u{a0}{}", plain(&competency.title))),
                Cell::new(labelled(ladder, competency, level, safe::text)),
                Cell::new(bullets(&competency.signals_at(level), "\n", safe::text)),
            ]);
        }
    }
    if let Some(column) = table.column_mut(2) {
        column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(SIGNALS_WIDTH)));
    }
    format!(
        "{} ({}), {}\n{}\n\n{table}\n",
        plain(&level.title),
        level.id,
        plain(&ladder.title),
        plain(&level.description)
    )
}

pub fn matrix_table(ladder: &Ladder, style: Style) -> String {
    let mut header = vec!["Competency"];
    header.extend(ladder.level_ids());
    let mut table = new_table(style, &header);
    for area in &ladder.areas {
        table.add_row(vec![area_cell(&area.title)]);
        for competency in &area.competencies {
            let mut row = vec![Cell::new(format!(
                "\u{a0}\u{a0}{}",
                plain(&competency.title)
            ))];
            row.extend(
                ladder
                    .levels
                    .iter()
                    .map(|level| Cell::new(competency.expectation(level).score)),
            );
            table.add_row(row);
        }
    }
    right_align(&mut table, &(1..=ladder.levels.len()).collect::<Vec<_>>());
    let scale: Vec<String> = ladder
        .scale
        .points()
        .iter()
        .map(|p| format!("{} {}", p.score, plain(&p.label)))
        .collect();
    format!(
        "{} ({})\n\n{table}\n\nScale: {}.\n`ladder show LEVEL` lists the signals behind each score.\n",
        plain(&ladder.title),
        ladder.id,
        scale.join(", ")
    )
}

pub fn level_markdown(ladder: &Ladder, level: &Level) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "# {}\n\n{}\n\nLevel {} of {} ({}).\n",
        esc(&level.title),
        esc(&level.description),
        markdown::code(level.id.as_str()),
        esc(&ladder.title),
        markdown::code(ladder.id.as_str())
    );
    for area in &ladder.areas {
        out.push_str(&format!("\n## {}\n\n", esc(&area.title)));
        let rows: Vec<Vec<String>> = area
            .competencies
            .iter()
            .map(|competency| {
                vec![
                    esc(&competency.title),
                    labelled(ladder, competency, level, esc),
                    bullets(&competency.signals_at(level), "<br>", esc),
                ]
            })
            .collect();
        out.push_str(&markdown::table(
            &[
                ("Competency", Align::Left),
                ("Expected", Align::Left),
                ("Signals", Align::Left),
            ],
            &rows,
        ));
    }
    out
}

/// The whole ladder as a page for a wiki or a docs site.
pub fn ladder_markdown(ladder: &Ladder) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "# {}\n\n{}\n\n",
        esc(&ladder.title),
        esc(&ladder.description)
    );
    out.push_str(&scale_section(ladder));
    out.push_str(&levels_section(ladder));
    for area in &ladder.areas {
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n",
            esc(&area.title),
            esc(&area.description)
        ));
        out.push_str(&area_matrix(ladder, area));
        for competency in &area.competencies {
            out.push_str(&competency_section(ladder, competency));
        }
    }
    out
}

fn scale_section(ladder: &Ladder) -> String {
    let esc = markdown::escape;
    let rows: Vec<Vec<String>> = ladder
        .scale
        .points()
        .iter()
        .map(|p| vec![p.score.to_string(), esc(&p.label), esc(&p.description)])
        .collect();
    let header = [
        ("Score", Align::Right),
        ("Label", Align::Left),
        ("Meaning", Align::Left),
    ];
    format!("## Scale\n\n{}", markdown::table(&header, &rows))
}

fn levels_section(ladder: &Ladder) -> String {
    let esc = markdown::escape;
    let levels: String = ladder
        .levels
        .iter()
        .map(|level| {
            let id = markdown::code(level.id.as_str());
            format!(
                "- **{}** ({id}): {}\n",
                esc(&level.title),
                esc(&level.description)
            )
        })
        .collect();
    format!(
        "\n## Levels\n\n{levels}\n{}\n",
        match ladder.signals {
            SignalMode::Cumulative =>
                "Signals add up: each level is expected to show its own signals and \
                                       those of the levels before it.",
            SignalMode::PerLevel => "Each level lists every signal it is expected to show.",
        }
    )
}

/// An area's competencies against every level, as a table of expected scores.
fn area_matrix(ladder: &Ladder, area: &Area) -> String {
    let titles: Vec<String> = ladder
        .levels
        .iter()
        .map(|l| markdown::escape(&l.title))
        .collect();
    let mut header = vec![("Competency", Align::Left)];
    header.extend(titles.iter().map(|title| (title.as_str(), Align::Right)));
    let rows: Vec<Vec<String>> = area
        .competencies
        .iter()
        .map(|competency| {
            let mut row = vec![markdown::escape(&competency.title)];
            row.extend(
                ladder
                    .levels
                    .iter()
                    .map(|level| labelled(ladder, competency, level, markdown::escape)),
            );
            row
        })
        .collect();
    markdown::table(&header, &rows)
}

/// A competency's description, then each level's expected score and own signals.
fn competency_section(ladder: &Ladder, competency: &Competency) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "\n### {}\n\n{}\n",
        esc(&competency.title),
        esc(&competency.description)
    );
    for level in &ladder.levels {
        let own = &competency.expectation(level).signals;
        out.push_str(&format!(
            "\n**{}** ({}):\n\n",
            esc(&level.title),
            labelled(ladder, competency, level, esc)
        ));
        if own.is_empty() {
            out.push_str(match ladder.signals {
                SignalMode::Cumulative => "- No further signals.\n",
                SignalMode::PerLevel => "- No signals listed.\n",
            });
        }
        for signal in own {
            out.push_str(&format!("- {}\n", esc(signal)));
        }
    }
    out
}

#[derive(Serialize)]
struct LadderView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    signals: SignalMode,
    scale: Vec<ScaleView<'a>>,
    levels: Vec<LevelView<'a>>,
    areas: Vec<AreaView<'a>>,
}

#[derive(Serialize)]
struct ScaleView<'a> {
    score: u32,
    label: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct LevelView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct AreaView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    competencies: Vec<CompetencyView<'a>>,
}

#[derive(Serialize)]
struct CompetencyView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    weight: f64,
    /// One per level shown: the level's own signals for the whole ladder, every signal
    /// the level shows (its own and its juniors') for a single level.
    expectations: Vec<ExpectationView<'a>>,
}

#[derive(Serialize)]
struct ExpectationView<'a> {
    level: &'a str,
    score: u32,
    label: &'a str,
    signals: Vec<&'a str>,
}

fn view<'a>(ladder: &'a Ladder, levels: &[&'a Level], cumulative: bool) -> LadderView<'a> {
    LadderView {
        id: ladder.id.as_str(),
        title: &ladder.title,
        description: &ladder.description,
        signals: ladder.signals,
        scale: ladder
            .scale
            .points()
            .iter()
            .map(|p| ScaleView {
                score: p.score.value(),
                label: &p.label,
                description: &p.description,
            })
            .collect(),
        levels: levels
            .iter()
            .map(|l| LevelView {
                id: l.id.as_str(),
                title: &l.title,
                description: &l.description,
            })
            .collect(),
        areas: ladder
            .areas
            .iter()
            .map(|area| AreaView {
                id: area.id.as_str(),
                title: &area.title,
                description: &area.description,
                competencies: area
                    .competencies
                    .iter()
                    .map(|c| competency_view(ladder, c, levels, cumulative))
                    .collect(),
            })
            .collect(),
    }
}

fn competency_view<'a>(
    ladder: &'a Ladder,
    c: &'a Competency,
    levels: &[&'a Level],
    cumulative: bool,
) -> CompetencyView<'a> {
    CompetencyView {
        id: c.id.as_str(),
        title: &c.title,
        description: &c.description,
        weight: c.weight,
        expectations: levels
            .iter()
            .map(|level| {
                let expectation = c.expectation(level);
                ExpectationView {
                    level: level.id.as_str(),
                    score: expectation.score.value(),
                    label: c.label(&ladder.scale, expectation.score),
                    signals: if cumulative {
                        c.signals_at(level)
                    } else {
                        expectation.signals.iter().map(String::as_str).collect()
                    },
                }
            })
            .collect(),
    }
}

pub fn ladder_json(ladder: &Ladder) -> String {
    let levels: Vec<&Level> = ladder.levels.iter().collect();
    json(&view(ladder, &levels, false))
}

pub fn level_json(ladder: &Ladder, level: &Level) -> String {
    json(&view(ladder, &[level], true))
}

/// A ladder that can be named, and where it comes from.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub id: String,
    pub title: String,
    pub levels: Vec<String>,
    /// `built-in`, or the file.
    pub source: String,
    /// A built-in ladder that a file in `./ladders/` with the same id stands in for.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub shadowed: bool,
    /// Why the ladder cannot be used, when it cannot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

pub fn list_table(listed: &[Listed], style: Style) -> String {
    let mut table = new_table(style, &["Id", "Title", "Levels", "Source"]);
    for entry in listed {
        let levels = match &entry.problem {
            Some(problem) => problem.clone(),
            None => entry.levels.join(", "),
        };
        let source = if entry.shadowed {
            format!("{} (the file above is used)", entry.source)
        } else {
            entry.source.clone()
        };
        let cells =
            [&entry.id, &entry.title, &levels, &source].map(|text| plain(text).into_owned());
        table.add_row(cells);
    }
    format!("{table}\n")
}

pub fn list_markdown(listed: &[Listed]) -> String {
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|entry| {
            vec![
                markdown::code(&entry.id),
                markdown::escape(&entry.title),
                entry
                    .problem
                    .as_deref()
                    .map(markdown::escape)
                    .unwrap_or_else(|| {
                        entry
                            .levels
                            .iter()
                            .map(|l| markdown::code(l))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }),
                markdown::escape(&entry.source)
                    + if entry.shadowed {
                        " (the file above is used)"
                    } else {
                        ""
                    },
            ]
        })
        .collect();
    markdown::table(
        &[
            ("Id", Align::Left),
            ("Title", Align::Left),
            ("Levels", Align::Left),
            ("Source", Align::Left),
        ],
        &rows,
    )
}

pub fn list_json(listed: &[Listed]) -> String {
    json(listed)
}
