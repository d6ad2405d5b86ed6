//! Scoring an assessment against its target level: per competency, per area and overall.
//! Pure arithmetic over checked models; turning the result into text is `render`'s job.

use foldhash::HashMap;

use serde::Serialize;

use crate::model::{
    Assessment, Competency, CompetencyId, Ladder, Level, Rating, Readiness, SignalMode,
};

/// How a score compares with what the target level expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Exceeds,
    Meets,
    Below,
    Missing,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exceeds => "exceeds",
            Status::Meets => "meets",
            Status::Below => "below",
            Status::Missing => "missing",
        }
    }

    pub fn is_met(self) -> bool {
        matches!(self, Status::Exceeds | Status::Meets)
    }
}

/// Who is assessed against what: the facts a report and a plan open with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    pub file: String,
    pub person: String,
    pub assessor: Option<String>,
    pub date: Option<String>,
    /// The ladder's id.
    pub ladder: String,
    pub ladder_title: String,
    /// The target level's id.
    pub target: String,
    pub target_title: String,
    /// The track the target level is on, in a ladder that forks and names its tracks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_track: Option<String>,
}

/// How a self-assessment is labelled wherever assessments are named.
pub const SELF: &str = "self";

impl Subject {
    /// Who scored, as a column or a row names them: `self` for a self-assessment (no assessor,
    /// `self`, or the person themselves, in any case), else the assessor.
    pub fn assessor_label(&self) -> String {
        match self.assessor.as_deref().map(str::trim) {
            None | Some("") => SELF.to_owned(),
            Some(a) if a.eq_ignore_ascii_case(SELF) => SELF.to_owned(),
            // In any case, as people are told apart: `Émile Borel` by `émile borel` is his own.
            Some(a) if a.to_lowercase() == self.person.trim().to_lowercase() => SELF.to_owned(),
            Some(a) => a.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub subject: Subject,
    pub competencies: Vec<Row>,
    pub areas: Vec<Tally>,
    pub summary: Tally,
    /// The most senior level reached on the way up to the target, and whether the target is.
    pub placement: Placement,
    /// The scored competencies furthest from the target, largest first.
    pub largest_gaps: Vec<Gap>,
    /// Competencies scored that the target level does not expect (`~`): left out of the rows
    /// and the tallies, and named so that nothing is dropped unsaid.
    pub not_counted: Vec<NotCounted>,
}

/// A competency scored but not expected at the target level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCounted {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub area: String,
    pub title: String,
    pub score: Option<u32>,
    pub expected: u32,
    pub gap: u32,
    pub status: Status,
    pub weight: f64,
    /// For a competency below the target or unscored: the signals the target shows that the
    /// level reached does not (all of the target's when none is reached; when the target is
    /// reached with this one below, what the target adds to the level it follows). Empty when
    /// met, and in a report of [`figures`].
    pub to_show: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Where an assessment stands on its target's way up, by the ladder's readiness rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    /// The most senior level reached, each level below it on the way reached too; `None`
    /// when not even the first is.
    pub reached: Option<String>,
    pub reached_title: Option<String>,
    pub target_reached: bool,
    /// The first level on the way up that is not reached, when it is not the target: what
    /// stands in the way before the target does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_by_title: Option<String>,
    /// Competencies below the target's expectation, or unscored.
    pub below: usize,
    pub rule: Readiness,
}

/// A competency short of its target, by how much.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub id: String,
    pub title: String,
    pub gap: u32,
}

/// Met expectations and weighted coverage, for one area (with `id` and `title`) or overall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub met: usize,
    pub total: usize,
    /// Σ weight·min(score, expected) / Σ weight·expected, from 0 to 1.
    pub coverage: f64,
}

/// How many of the largest gaps a report names.
const NAMED_GAPS: usize = 3;

/// Scores `assessment` against its target level, with the signals left to show behind every
/// gap. The target must be a level of `ladder`, which loading guarantees.
pub fn assess(ladder: &Ladder, assessment: &Assessment, file: &str) -> Report {
    let mut report = figures(ladder, assessment, file);
    let level = |id: &str| {
        ladder
            .level(id)
            .expect("a report names levels of its ladder")
    };
    let target = level(&report.subject.target);
    let reached = report.placement.reached.as_deref().map(level);
    // What a gap leaves to show is what the target shows over the level reached; a gap the
    // rule lets pass at the target itself, what the target adds to the level it follows.
    let shown_already = match reached {
        Some(level) if level.id == target.id => ladder.below(target),
        other => other,
    };
    for ((_, competency), row) in ladder
        .competencies()
        .filter(|(_, c)| c.expected(target).is_some())
        .zip(&mut report.competencies)
    {
        if !row.status.is_met() {
            row.to_show = to_show(competency, target, shown_already);
        }
    }
    report
}

/// Scores `assessment` as [`assess`] does, leaving every row's `to_show` empty: the figures
/// alone, for a sheet or a team, which never show signals.
pub fn figures(ladder: &Ladder, assessment: &Assessment, file: &str) -> Report {
    let target = ladder
        .level(assessment.target.as_str())
        .expect("a checked assessment's target is a level of its ladder");
    let ratings: HashMap<&CompetencyId, &Rating> = assessment
        .ratings
        .iter()
        .map(|rating| (&rating.competency, rating))
        .collect();
    let reached = reached(ladder, target, &ratings);
    let blocked = ladder
        .path(target)
        .nth(reached.map_or(0, |level| level.path.len()))
        .filter(|level| level.id != target.id);
    // A competency the target does not expect (`~`) is no part of the report.
    let competencies: Vec<Row> = ladder
        .competencies()
        .filter_map(|(area, competency)| {
            let rating = ratings.get(&competency.id).copied();
            row(area.id.as_str(), competency, rating, target)
        })
        .collect();
    let placement = Placement {
        reached: reached.map(|level| level.id.to_string()),
        reached_title: reached.map(|level| level.title.clone()),
        target_reached: reached.is_some_and(|level| level.id == target.id),
        blocked_by: blocked.map(|level| level.id.to_string()),
        blocked_by_title: blocked.map(|level| level.title.clone()),
        below: competencies.iter().filter(|r| !r.status.is_met()).count(),
        rule: ladder.readiness,
    };
    let areas = ladder
        .areas
        .iter()
        .map(|area| Tally {
            id: area.id.to_string(),
            title: area.title.clone(),
            ..tally(
                competencies
                    .iter()
                    .filter(|row| row.area == area.id.as_str()),
            )
        })
        // An area the target expects nothing of has no row, and no tally.
        .filter(|tally| tally.total > 0)
        .collect();
    let not_counted = ladder
        .competencies()
        .filter(|(_, c)| {
            ratings.get(&c.id).is_some_and(|r| r.score.is_some()) && c.expected(target).is_none()
        })
        .map(|(_, c)| NotCounted {
            id: c.id.to_string(),
            title: c.title.clone(),
        })
        .collect();
    Report {
        subject: Subject {
            file: file.to_owned(),
            person: assessment.person.clone(),
            assessor: assessment.assessor.clone(),
            date: assessment.date.clone(),
            ladder: ladder.id.to_string(),
            ladder_title: ladder.title.clone(),
            target: target.id.to_string(),
            target_title: target.title.clone(),
            target_track: ladder.track_of(target).map(str::to_owned),
        },
        summary: tally(competencies.iter()),
        placement,
        largest_gaps: largest_gaps(&competencies),
        areas,
        competencies,
        not_counted,
    }
}

fn row(
    area: &str,
    competency: &Competency,
    rating: Option<&Rating>,
    target: &Level,
) -> Option<Row> {
    let expected = competency.expected(target)?;
    let (gap, status) = match rating.and_then(|r| r.score) {
        None => (expected.value(), Status::Missing),
        Some(score) if score > expected => (0, Status::Exceeds),
        Some(score) if score == expected => (0, Status::Meets),
        Some(score) => (score.shortfall(expected), Status::Below),
    };
    Some(Row {
        id: competency.id.to_string(),
        area: area.to_owned(),
        title: competency.title.clone(),
        score: rating.and_then(|r| r.score).map(|s| s.value()),
        expected: expected.value(),
        gap,
        status,
        weight: competency.weight,
        to_show: Vec::new(),
        evidence: rating.and_then(|r| r.evidence.clone()),
    })
}

/// Whether `ratings` reach `level` by the ladder's readiness rule: at most `allow_below`
/// competencies below the level's expectation, none by more than `max_gap`, none unscored.
fn reaches(ladder: &Ladder, level: &Level, ratings: &HashMap<&CompetencyId, &Rating>) -> bool {
    let rule = ladder.readiness;
    let mut below = 0;
    for (_, competency) in ladder.competencies() {
        let Some(expected) = competency.expected(level) else {
            continue;
        };
        let Some(score) = ratings.get(&competency.id).and_then(|r| r.score) else {
            return false;
        };
        let gap = score.shortfall(expected);
        if gap > rule.max_gap {
            return false;
        }
        below += u32::from(gap > 0);
    }
    below <= rule.allow_below
}

/// The most senior level on the way up to `target` that the ratings reach, every level before
/// it on the way reached too.
fn reached<'a>(
    ladder: &'a Ladder,
    target: &Level,
    ratings: &HashMap<&CompetencyId, &Rating>,
) -> Option<&'a Level> {
    ladder
        .path(target)
        .take_while(|level| reaches(ladder, level, ratings))
        .last()
}

/// The signals `target` shows that `reached` does not: what is left to show. In a cumulative
/// ladder those are the signals first listed off the reached level's way up, found without
/// comparing texts; in a per-level ladder, those the reached level does not list.
fn to_show(competency: &Competency, target: &Level, reached: Option<&Level>) -> Vec<String> {
    let Some(reached) = reached else {
        return competency
            .signals_at(target)
            .into_iter()
            .map(str::to_owned)
            .collect();
    };
    if competency.signals == SignalMode::Cumulative {
        return competency
            .signals_from(target)
            .into_iter()
            .filter(|(_, rank)| !reached.path.contains(rank))
            .map(|(signal, _)| signal.text.clone())
            .collect();
    }
    let shown: foldhash::HashSet<&str> = competency.signals_at(reached).into_iter().collect();
    competency
        .signals_at(target)
        .into_iter()
        .filter(|signal| !shown.contains(signal))
        .map(str::to_owned)
        .collect()
}

fn tally<'a>(rows: impl Iterator<Item = &'a Row>) -> Tally {
    let (mut met, mut total, mut reached, mut expected) = (0, 0, 0.0, 0.0);
    for row in rows {
        total += 1;
        met += usize::from(row.status.is_met());
        reached += row.weight * f64::from(row.score.unwrap_or(0).min(row.expected));
        expected += row.weight * f64::from(row.expected);
    }
    Tally {
        id: String::new(),
        title: String::new(),
        met,
        total,
        coverage: if expected > 0.0 {
            reached / expected
        } else {
            1.0
        },
    }
}

/// The competencies with the largest weighted gaps; the larger raw gap, then ladder order,
/// break ties.
fn largest_gaps(rows: &[Row]) -> Vec<Gap> {
    // An unscored competency has no size of gap to rank; the report names those apart.
    let mut gaps: Vec<&Row> = rows
        .iter()
        .filter(|row| row.gap > 0 && row.score.is_some())
        .collect();
    let weighted = |row: &Row| row.weight * f64::from(row.gap);
    gaps.sort_by(|a, b| weighted(b).total_cmp(&weighted(a)).then(b.gap.cmp(&a.gap)));
    gaps.iter()
        .take(NAMED_GAPS)
        .map(|row| Gap {
            id: row.id.clone(),
            title: row.title.clone(),
            gap: row.gap,
        })
        .collect()
}
