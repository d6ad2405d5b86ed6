//! `ladder team`: every assessment of a team, grouped by person. Who is ready (each person's
//! latest assessment: level reached, met, coverage) and where the team is weakest (each
//! competency: how many people are below it, and the mean gap). Pure arithmetic over reports.

use std::collections::HashMap;

use serde::Serialize;

use crate::assess::{Report, Status};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Team {
    /// One per person, from their latest assessment, the readiest first.
    pub people: Vec<Person>,
    /// Every competency of the people's latest assessments, in ladder order.
    pub competencies: Vec<Weakness>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub person: String,
    pub file: String,
    pub assessor: Option<String>,
    pub date: Option<String>,
    pub target: String,
    pub reached: Option<String>,
    pub target_reached: bool,
    pub met: usize,
    pub total: usize,
    pub coverage: f64,
    /// The scored competency furthest from the target, if any is below it.
    pub largest_gap: Option<String>,
    /// Per competency id, the gap to this person's target (`None` when unscored).
    #[serde(skip)]
    pub gaps: HashMap<String, Option<u32>>,
}

/// A competency across the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weakness {
    pub id: String,
    pub area: String,
    pub area_title: String,
    pub title: String,
    /// People below their target's expectation in it, or not scored in it.
    pub below: usize,
    /// The mean gap over the people scored in it.
    pub mean_gap: f64,
}

/// Each person's latest report, kept as reports come in, so that a team of any number of
/// files holds one report per person: the latest date, the report come last among equals or
/// undated ones. People are told apart by their name, trimmed, in any case.
#[derive(Default)]
pub struct Latest {
    reports: Vec<Report>,
    index: HashMap<String, usize>,
}

impl Latest {
    pub fn add(&mut self, report: Report) {
        let key = report.subject.person.trim().to_lowercase();
        match self.index.get(&key) {
            Some(&i) if report.subject.date < self.reports[i].subject.date => {}
            Some(&i) => self.reports[i] = report,
            None => {
                self.index.insert(key, self.reports.len());
                self.reports.push(report);
            }
        }
    }

    pub fn team(&self) -> Team {
        let latest: Vec<&Report> = self.reports.iter().collect();
        let mut people: Vec<Person> = latest.iter().map(|report| person(report)).collect();
        // The readiest first: target reached, then some level reached, then the most
        // expectations met, then coverage.
        people.sort_by(|a, b| {
            b.target_reached
                .cmp(&a.target_reached)
                .then(b.reached.is_some().cmp(&a.reached.is_some()))
                .then(b.met.cmp(&a.met))
                .then(b.coverage.total_cmp(&a.coverage))
        });
        Team {
            competencies: weaknesses(&latest),
            people,
        }
    }
}

fn person(report: &Report) -> Person {
    let subject = &report.subject;
    Person {
        person: subject.person.trim().to_owned(),
        file: subject.file.clone(),
        assessor: subject.assessor.clone(),
        date: subject.date.clone(),
        target: subject.target.clone(),
        reached: report.placement.reached.clone(),
        target_reached: report.placement.target_reached,
        met: report.summary.met,
        total: report.summary.total,
        coverage: report.summary.coverage,
        largest_gap: report.largest_gaps.first().map(|gap| gap.title.clone()),
        gaps: report
            .competencies
            .iter()
            .map(|row| (row.id.clone(), row.score.map(|_| row.gap)))
            .collect(),
    }
}

/// Each competency any latest report has, in the order first met.
fn weaknesses(latest: &[&Report]) -> Vec<Weakness> {
    let mut order: Vec<Weakness> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut gaps: Vec<(u32, u32)> = Vec::new();
    for report in latest {
        for row in &report.competencies {
            let i = *index.entry(row.id.as_str()).or_insert_with(|| {
                let area_title = report
                    .areas
                    .iter()
                    .find(|area| area.id == row.area)
                    .map_or_else(|| row.area.clone(), |area| area.title.clone());
                order.push(Weakness {
                    id: row.id.clone(),
                    area: row.area.clone(),
                    area_title,
                    title: row.title.clone(),
                    below: 0,
                    mean_gap: 0.0,
                });
                gaps.push((0, 0));
                order.len() - 1
            });
            if !row.status.is_met() {
                order[i].below += 1;
            }
            if row.status != Status::Missing {
                gaps[i].0 += row.gap;
                gaps[i].1 += 1;
            }
        }
    }
    for (weakness, (sum, count)) in order.iter_mut().zip(gaps) {
        weakness.mean_gap = if count == 0 {
            0.0
        } else {
            f64::from(sum) / f64::from(count)
        };
    }
    order
}

impl Team {
    /// The competencies most people are below, then with the largest mean gap: at most `n`.
    pub fn weakest(&self, n: usize) -> Vec<&Weakness> {
        let mut weakest: Vec<&Weakness> =
            self.competencies.iter().filter(|w| w.below > 0).collect();
        weakest.sort_by(|a, b| {
            b.below
                .cmp(&a.below)
                .then(b.mean_gap.total_cmp(&a.mean_gap))
        });
        weakest.truncate(n);
        weakest
    }
}
