//! Pictures as data: the radar chart of an assessment, a comparison or a ladder's levels, one
//! spoke per competency grouped by area, rings at the scale's scores, and a shape per level or
//! assessment. Drawing it is `render::svg`'s job; what is drawn is decided here, once.

use crate::assess::Report;
use crate::compare::Comparison;
use crate::model::{Ladder, Level};

#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// Said first, as the picture's title: who, against what, when.
    pub title: String,
    /// What the picture shows, in words, for a screen reader.
    pub description: String,
    /// The spokes, area by area, in ladder order.
    pub areas: Vec<Spokes>,
    /// The scale's scores and their labels, lowest first.
    pub rings: Vec<(u32, String)>,
    pub shapes: Vec<Shape>,
}

/// One area's spokes: its title and its competencies' titles.
#[derive(Debug, Clone, PartialEq)]
pub struct Spokes {
    pub title: String,
    pub competencies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// As the legend names it.
    pub name: String,
    pub role: Role,
    /// One per spoke, in the order of the spokes; `None` where there is no value: not
    /// scored, or not expected.
    pub values: Vec<Option<u32>>,
}

/// What a shape stands for, which decides how it is drawn and what a missing value means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// What a level expects; a missing value is a competency it does not expect.
    Expected,
    /// A person's scores; a missing value is a competency not scored, and is marked.
    Scored,
}

impl Radar {
    pub fn spoke_count(&self) -> usize {
        self.areas.iter().map(|area| area.competencies.len()).sum()
    }

    /// Every spoke's competency title, in spoke order.
    pub fn titles(&self) -> impl Iterator<Item = &str> {
        let areas = self.areas.iter();
        areas.flat_map(|area| area.competencies.iter().map(String::as_str))
    }

    /// The highest score of the scale, which the outer ring stands for (at least 1).
    pub fn top(&self) -> u32 {
        self.rings
            .iter()
            .map(|(score, _)| *score)
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

/// What the target expects, the first shape of a report's or a comparison's chart.
fn target_shape(title: &str, expected: impl Iterator<Item = u32>) -> Shape {
    Shape {
        name: format!("{title} (target)"),
        role: Role::Expected,
        values: expected.map(Some).collect(),
    }
}

fn rings(ladder: &Ladder) -> Vec<(u32, String)> {
    let points = ladder.scale.points().iter();
    points.map(|p| (p.score.value(), p.label.clone())).collect()
}

/// The report's competencies, area by area, as spokes; and each one's id, in spoke order.
fn report_spokes(report: &Report) -> (Vec<Spokes>, Vec<&str>) {
    let mut areas: Vec<Spokes> = Vec::new();
    let mut ids = Vec::new();
    for area in &report.areas {
        let rows = report.competencies.iter().filter(|row| row.area == area.id);
        let (titles, area_ids): (Vec<String>, Vec<&str>) =
            rows.map(|row| (row.title.clone(), row.id.as_str())).unzip();
        ids.extend(area_ids);
        areas.push(Spokes {
            title: area.title.clone(),
            competencies: titles,
        });
    }
    (areas, ids)
}

/// What `level` expects of each competency `ids` names.
fn expected_at(ladder: &Ladder, level: &Level, ids: &[&str]) -> Vec<Option<u32>> {
    ids.iter()
        .map(|id| {
            let competency = ladder.competency(id)?;
            competency.expected(level).map(|score| score.value())
        })
        .collect()
}

/// One assessment: the target's expectations, the reached level's when it is not the
/// target, and the person's scores.
pub fn assessment(ladder: &Ladder, report: &Report) -> Radar {
    let subject = &report.subject;
    let (areas, ids) = report_spokes(report);
    let expected = report.competencies.iter().map(|row| row.expected);
    let mut shapes = vec![target_shape(&subject.target_title, expected)];
    let reached = report.placement.reached.as_deref();
    if let Some(level) = reached.filter(|level| *level != subject.target) {
        let level = ladder
            .level(level)
            .expect("a report names levels of its ladder");
        shapes.push(Shape {
            name: format!("{} (reached)", level.title),
            role: Role::Expected,
            values: expected_at(ladder, level, &ids),
        });
    }
    shapes.push(Shape {
        name: subject.person.trim().to_owned(),
        role: Role::Scored,
        values: report.competencies.iter().map(|r| r.score).collect(),
    });
    let when = subject
        .date
        .as_deref()
        .map(|d| format!(", {d}"))
        .unwrap_or_default();
    let unscored = report
        .competencies
        .iter()
        .filter(|r| r.score.is_none())
        .count();
    Radar {
        title: format!(
            "{} against {}{when}",
            subject.person.trim(),
            subject.target_title
        ),
        description: format!(
            "{}'s scores in {} competencies of {}, with what {} expects{}; meets {} of {}{}.",
            subject.person.trim(),
            report.competencies.len(),
            subject.ladder_title,
            subject.target_title,
            match reached {
                Some(level) if level != subject.target => " and what the level reached expects",
                _ => "",
            },
            report.summary.met,
            report.summary.total,
            match unscored {
                0 => String::new(),
                n => format!(", {n} not scored"),
            }
        ),
        areas,
        rings: rings(ladder),
        shapes,
    }
}

/// Assessments of one person side by side: the target's expectations and one shape each.
pub fn comparison(ladder: &Ladder, comparison: &Comparison) -> Radar {
    let mut areas: Vec<Spokes> = Vec::new();
    for line in &comparison.competencies {
        match areas.last_mut() {
            Some(area) if area.title == line.area_title => {
                area.competencies.push(line.title.clone())
            }
            _ => areas.push(Spokes {
                title: line.area_title.clone(),
                competencies: vec![line.title.clone()],
            }),
        }
    }
    let expected = comparison.competencies.iter().map(|line| line.expected);
    let mut shapes = vec![target_shape(&comparison.target_title, expected)];
    shapes.extend(
        comparison
            .assessments
            .iter()
            .enumerate()
            .map(|(i, column)| Shape {
                name: column.label.clone(),
                role: Role::Scored,
                values: comparison
                    .competencies
                    .iter()
                    .map(|l| l.scores[i])
                    .collect(),
            }),
    );
    Radar {
        title: format!(
            "{}: {} assessments against {}",
            comparison.person.trim(),
            comparison.assessments.len(),
            comparison.target_title
        ),
        description: format!(
            "Scores of {} assessments of {} in {} competencies of {}, with what {} expects.",
            comparison.assessments.len(),
            comparison.person.trim(),
            comparison.competencies.len(),
            comparison.ladder_title,
            comparison.target_title
        ),
        areas,
        rings: rings(ladder),
        shapes,
    }
}

/// What each of `levels` expects, one shape each, over every competency of the ladder.
pub fn levels(ladder: &Ladder, levels: &[&Level]) -> Radar {
    let areas = ladder
        .areas
        .iter()
        .map(|area| Spokes {
            title: area.title.clone(),
            competencies: area.competencies.iter().map(|c| c.title.clone()).collect(),
        })
        .collect();
    let shapes = levels
        .iter()
        .map(|level| Shape {
            name: level.title.clone(),
            role: Role::Expected,
            values: ladder
                .competencies()
                .map(|(_, c)| c.expected(level).map(|score| score.value()))
                .collect(),
        })
        .collect();
    let named: Vec<&str> = levels.iter().map(|level| level.title.as_str()).collect();
    Radar {
        title: match levels {
            [level] => format!("{}: {}", ladder.title, level.title),
            _ => ladder.title.clone(),
        },
        description: format!(
            "What {} expect{} in each of {} competencies of {}.",
            crate::wording::titles(&named),
            if levels.len() == 1 { "s" } else { "" },
            ladder.competency_count(),
            ladder.title
        ),
        areas,
        rings: rings(ladder),
        shapes,
    }
}
