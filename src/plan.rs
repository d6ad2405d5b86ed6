//! `ladder plan`: a growth plan from an assessment's report. The gaps in the order to work on
//! them (by weight × gap), each with the signals to show and the evidence so far; the
//! strengths; and what is not scored yet. Pure arrangement of [`crate::assess::Report`].

use serde::Serialize;

use crate::assess::{Placement, Report, Row, Status, Subject};

/// One person's plan towards their target level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    #[serde(flatten)]
    pub subject: Subject,
    pub placement: Placement,
    /// Scored competencies below the target, the one to work on first first.
    pub gaps: Vec<Step>,
    /// Competencies scored above the target's expectation.
    pub strengths: Vec<Step>,
    /// Competencies the target expects that are not scored yet, in ladder order.
    pub unscored: Vec<Step>,
}

/// A competency in the plan: where it stands, and what is left to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub score: Option<u32>,
    pub expected: u32,
    pub gap: u32,
    pub weight: f64,
    pub to_show: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl From<&Row> for Step {
    fn from(row: &Row) -> Self {
        Step {
            id: row.id.clone(),
            title: row.title.clone(),
            score: row.score,
            expected: row.expected,
            gap: row.gap,
            weight: row.weight,
            to_show: row.to_show.clone(),
            evidence: row.evidence.clone(),
        }
    }
}

/// The plan `report` calls for.
pub fn plan(report: &Report) -> Plan {
    let steps = |status: Status| -> Vec<Step> {
        report
            .competencies
            .iter()
            .filter(|row| row.status == status)
            .map(Step::from)
            .collect()
    };
    let mut gaps = steps(Status::Below);
    // Weight × gap first, then the larger gap; ladder order breaks what is left (a stable sort).
    let priority = |step: &Step| step.weight * f64::from(step.gap);
    gaps.sort_by(|a, b| priority(b).total_cmp(&priority(a)).then(b.gap.cmp(&a.gap)));
    Plan {
        subject: report.subject.clone(),
        placement: report.placement.clone(),
        gaps,
        strengths: steps(Status::Exceeds),
        unscored: steps(Status::Missing),
    }
}
