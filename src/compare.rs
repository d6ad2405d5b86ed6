//! `ladder compare`: assessments of one person side by side (a self-assessment and a
//! manager's, or one quarter and the next), against one ladder and one target. Per competency:
//! each score, the spread between them and the change from the first to the last; per
//! assessor, how far it leans above or below the others; per file, where it places the person.

use serde::Serialize;

use crate::assess::{self, Report};
use crate::model::{Assessment, Ladder, Level};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub person: String,
    pub ladder: String,
    pub ladder_title: String,
    pub target: String,
    pub target_title: String,
    /// In the order compared: by date when every file has one, else as given.
    pub assessments: Vec<Column>,
    pub competencies: Vec<Line>,
    /// The competencies the assessments disagree on most, by spread; ties in ladder order.
    pub disagreements: Vec<Disagreement>,
    pub leans: Vec<Lean>,
}

/// One assessment: who scored, when, and where it places the person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub file: String,
    pub assessor: String,
    pub date: Option<String>,
    /// `self 2026-10-01`: the assessor and the date, as a column is headed.
    pub label: String,
    pub met: usize,
    pub total: usize,
    pub coverage: f64,
    pub reached: Option<String>,
}

/// One competency across the assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub id: String,
    pub area: String,
    pub area_title: String,
    pub title: String,
    pub expected: u32,
    /// One per assessment, `None` where it is not scored.
    pub scores: Vec<Option<u32>>,
    /// The highest score less the lowest; `None` with fewer than two scores.
    pub spread: Option<u32>,
    /// The last assessment's score less the first's; `None` unless both scored it.
    pub change: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub id: String,
    pub title: String,
    pub spread: u32,
}

/// How far an assessor's scores lie above (positive) or below the others', on average over
/// the competencies both scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lean {
    pub assessor: String,
    pub lean: f64,
}

/// The most disagreements named.
const NAMED_DISAGREEMENTS: usize = 3;

/// Compares `assessments` (each with its file's name), already in the order to show them, of
/// one person against `target` of `ladder`.
pub fn compare(ladder: &Ladder, target: &Level, assessments: &[(&str, &Assessment)]) -> Comparison {
    let reports: Vec<Report> = assessments
        .iter()
        .map(|(file, assessment)| {
            let mut assessment = (*assessment).clone();
            assessment.target = target.id.clone();
            assess::assess(ladder, &assessment, file)
        })
        .collect();
    let columns = reports
        .iter()
        .zip(assessments)
        .map(|(report, (_, assessment))| {
            let assessor = report.subject.assessor_label();
            let label = match &assessment.date {
                Some(date) => format!("{assessor} {date}"),
                None => assessor.clone(),
            };
            Column {
                file: report.subject.file.clone(),
                assessor,
                date: assessment.date.clone(),
                label,
                met: report.summary.met,
                total: report.summary.total,
                coverage: report.summary.coverage,
                reached: report.placement.reached.clone(),
            }
        })
        .collect::<Vec<_>>();
    let competencies: Vec<Line> = reports
        .first()
        .map(|first| {
            first
                .competencies
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    // Every report has the same rows: one ladder, one target.
                    let scores: Vec<Option<u32>> =
                        reports.iter().map(|r| r.competencies[i].score).collect();
                    let area_title = first
                        .areas
                        .iter()
                        .find(|area| area.id == row.area)
                        .map_or_else(|| row.area.clone(), |area| area.title.clone());
                    line(row, area_title, scores)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut disagreements: Vec<Disagreement> = competencies
        .iter()
        .filter_map(|line| {
            let spread = line.spread.filter(|&s| s > 0)?;
            Some(Disagreement {
                id: line.id.clone(),
                title: line.title.clone(),
                spread,
            })
        })
        .collect();
    disagreements.sort_by_key(|d| std::cmp::Reverse(d.spread));
    disagreements.truncate(NAMED_DISAGREEMENTS);
    let first = &reports[0].subject;
    Comparison {
        person: first.person.clone(),
        ladder: ladder.id.to_string(),
        ladder_title: ladder.title.clone(),
        target: target.id.to_string(),
        target_title: target.title.clone(),
        leans: leans(&columns, &competencies),
        assessments: columns,
        competencies,
        disagreements,
    }
}

fn line(row: &assess::Row, area_title: String, scores: Vec<Option<u32>>) -> Line {
    let scored: Vec<u32> = scores.iter().flatten().copied().collect();
    let spread = match (scored.iter().max(), scored.iter().min()) {
        (Some(high), Some(low)) if scored.len() > 1 => Some(high - low),
        _ => None,
    };
    let change = match (scores.first(), scores.last()) {
        (Some(Some(first)), Some(Some(last))) if scores.len() > 1 => {
            Some(i64::from(*last) - i64::from(*first))
        }
        _ => None,
    };
    Line {
        id: row.id.clone(),
        area: row.area.clone(),
        area_title,
        title: row.title.clone(),
        expected: row.expected,
        scores,
        spread,
        change,
    }
}

/// Each assessor's lean: over every competency it scored that another assessor scored too, its
/// score less the mean of the others' scores there, averaged. Assessors in order of first
/// appearance; one with nothing to compare is left out.
fn leans(columns: &[Column], lines: &[Line]) -> Vec<Lean> {
    let mut assessors: Vec<&str> = Vec::new();
    for column in columns {
        if !assessors.contains(&column.assessor.as_str()) {
            assessors.push(&column.assessor);
        }
    }
    assessors
        .iter()
        .filter_map(|&assessor| {
            let (mut sum, mut count) = (0.0, 0_u32);
            for line in lines {
                let (mine, others): (Vec<_>, Vec<_>) = columns
                    .iter()
                    .zip(&line.scores)
                    .filter_map(|(column, score)| score.map(|s| (column.assessor == assessor, s)))
                    .partition(|(is_mine, _)| *is_mine);
                if mine.is_empty() || others.is_empty() {
                    continue;
                }
                let mean = |scores: &[(bool, u32)]| {
                    scores.iter().map(|(_, s)| f64::from(*s)).sum::<f64>() / scores.len() as f64
                };
                sum += mean(&mine) - mean(&others);
                count += 1;
            }
            (count > 0).then(|| Lean {
                assessor: assessor.to_owned(),
                lean: sum / f64::from(count),
            })
        })
        .collect()
}
