//! Checking a self-assessment against its ladder: the target level, every competency id, every
//! score on the scale.

use foldhash::HashSet;
use std::sync::Arc;

use super::check::{Findings, Loaded};
use super::raw::RawAssessment;
use super::source::Source;
use super::yaml::{Located, Text};
use crate::diagnostic::{Code, Diagnostic, Found};
use crate::model::{Assessment, Ladder, LevelId, Rating, Score};
use crate::policy::Policy;
use crate::wording;

/// Checks `raw` against `ladder`. `target` from the command line, when given, replaces the file's.
pub fn check(
    raw: &RawAssessment,
    source: &Arc<Source>,
    ladder: &Ladder,
    target: Option<&str>,
    policy: &Policy,
) -> Result<Loaded<Assessment>, Found> {
    let mut findings = Findings::new(source, policy);
    let target = check_target(&mut findings, raw, ladder, target);
    let ratings = check_ratings(&mut findings, raw, ladder, target.as_ref());
    if let Some(target) = &target {
        warn_unscored(&mut findings, raw, ladder, target);
    }
    check_date(&mut findings, raw.date.as_ref());
    warn_placeholder(&mut findings, raw);
    findings.finish(|| Assessment {
        person: raw.person.value.0.clone(),
        assessor: raw.assessor.as_ref().map(|a| a.value.0.clone()),
        // Checked as trimmed: kept trimmed, so that dates sort as they read.
        date: raw.date.as_ref().map(|d| d.value.0.trim().to_owned()),
        target: target.expect("no errors, so the target was found"),
        ratings,
    })
}

/// What `ladder init` writes for the person, to be replaced.
pub const PLACEHOLDER_PERSON: &str = "Your Name";

/// A date is a calendar date in ISO 8601's extended form, `YYYY-MM-DD`, so that dates sort and
/// compare as written.
fn check_date(findings: &mut Findings, date: Option<&Located<Text>>) {
    let Some(date) = date else { return };
    if let Err(problem) = iso_date(&date.value.0) {
        findings.error(Code::InvalidDate, problem, date.at).help = Some(DATE_HELP.to_owned());
    }
}

pub const DATE_HELP: &str = "write the date as ISO 8601 does, such as `2026-11-01`";

/// `Ok` for a calendar date written `YYYY-MM-DD`; otherwise what is wrong with `text`.
pub fn iso_date(text: &str) -> Result<(), String> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    match (shaped, text.parse::<jiff::civil::Date>()) {
        (true, Ok(_)) => Ok(()),
        (true, Err(_)) => Err(format!("`{text}` is not a day of the calendar")),
        (false, _) => Err(format!("`{text}` is not a date written `YYYY-MM-DD`")),
    }
}

/// The template's placeholder left as the person's name.
fn warn_placeholder(findings: &mut Findings, raw: &RawAssessment) {
    if raw.person.value.0.trim().is_empty() {
        findings
            .warning(
                Code::PlaceholderPerson,
                "`person` is blank".to_owned(),
                raw.person.at,
            )
            .help = Some("write the name of the person assessed".to_owned());
    } else if raw.person.value.0.trim() == PLACEHOLDER_PERSON {
        findings
            .warning(
                Code::PlaceholderPerson,
                format!("`person` is still the template's `{PLACEHOLDER_PERSON}`"),
                raw.person.at,
            )
            .help = Some("write the name of the person assessed".to_owned());
    }
}

fn check_target(
    findings: &mut Findings,
    raw: &RawAssessment,
    ladder: &Ladder,
    from_command_line: Option<&str>,
) -> Option<LevelId> {
    if let Some(id) = from_command_line {
        return match ladder.level_named(id, "given to `--target`") {
            Ok(level) => Some(level.id.clone()),
            Err(diagnostic) => {
                findings.push(diagnostic);
                None
            }
        };
    }
    let Some(target) = &raw.target else {
        let start = findings.start();
        findings.push(
            Diagnostic::error(
                Code::MissingTarget,
                "no target level to assess against",
                start,
            )
            .with_help(format!(
                "add `target:` with {}, or pass `--target`",
                wording::choice(ladder.level_ids())
            )),
        );
        return None;
    };
    let found = ladder.level(&target.value.0).map(|level| level.id.clone());
    if found.is_none() {
        let help =
            wording::unknown_help(&target.value.0, ladder.level_ids(), "the ladder's levels");
        findings
            .error(
                Code::UnknownLevel,
                format!("unknown target level `{}`", target.value.0),
                target.at,
            )
            .help = help;
    }
    found
}

fn check_ratings(
    findings: &mut Findings,
    raw: &RawAssessment,
    ladder: &Ladder,
    target: Option<&LevelId>,
) -> Vec<Rating> {
    let target = target.and_then(|id| ladder.level(id.as_str()));
    let mut ratings = Vec::new();
    for (id, entry) in raw.scores.iter().flat_map(|scores| &scores.value.0) {
        let Some(competency) = ladder.competency(&id.value.0) else {
            let help = findings.suggest(|| {
                let ids = ladder.competencies().map(|(_, c)| c.id.as_str());
                wording::did_you_mean(&id.value.0, ids)
            });
            findings
                .error(
                    Code::UnknownCompetency,
                    format!("unknown competency `{}`", id.value.0),
                    id.at,
                )
                .help = help;
            continue;
        };
        let evidence = entry
            .value
            .evidence
            .as_ref()
            .map(|e| e.value.0.clone())
            .filter(|e| !e.trim().is_empty());
        if entry.value.is_empty() {
            // `coaching: {evidence: "..."}`: not scored yet, the evidence kept for the report.
            if evidence.is_some() {
                ratings.push(Rating {
                    competency: competency.id.clone(),
                    score: None,
                    evidence,
                });
            }
            continue;
        }
        let Some(score) = findings.score(&entry.value.score, entry.at, &ladder.scale) else {
            continue;
        };
        match target.map(|level| (level, competency.expected(level))) {
            Some((_, Some(expected))) => {
                warn_unsupported_claim(findings, score, expected, evidence.is_none(), id);
            }
            Some((level, None)) => {
                findings
                    .warning(
                        Code::NotExpected,
                        format!(
                            "`{}` is scored, but `{}` does not expect it: the score is not counted",
                            id.value.0, level.id
                        ),
                        id.at,
                    )
                    .help = Some(
                    "the ladder writes `~` for this competency at the target level".to_owned(),
                );
            }
            None => {}
        }
        ratings.push(Rating {
            competency: competency.id.clone(),
            score: Some(score),
            evidence,
        });
    }
    ratings
}

/// A score above what the target level expects is a claim worth backing with evidence.
fn warn_unsupported_claim(
    findings: &mut Findings,
    score: Score,
    expected: Score,
    no_evidence: bool,
    id: &super::raw::Id,
) {
    if score > expected && no_evidence {
        findings
            .warning(
                Code::MissingEvidence,
                format!(
                    "`{}` is scored {score}, above the {expected} expected, with no evidence",
                    id.value.0
                ),
                id.at,
            )
            .help = Some("add `evidence:` saying what shows it".to_owned());
    }
}

fn warn_unscored(findings: &mut Findings, raw: &RawAssessment, ladder: &Ladder, target: &LevelId) {
    let scored: HashSet<&str> = raw
        .scores
        .iter()
        .flat_map(|scores| &scores.value.0)
        .filter(|(_, entry)| !entry.value.is_empty())
        .map(|(key, _)| key.value.0.as_str())
        .collect();
    let level = ladder.level(target.as_str());
    let expected: Vec<&str> = ladder
        .competencies()
        .filter(|(_, c)| level.is_none_or(|level| c.expected(level).is_some()))
        .map(|(_, c)| c.id.as_str())
        .collect();
    let unscored: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|id| !scored.contains(id))
        .collect();
    if !unscored.is_empty() {
        let verb = if unscored.len() == 1 { "is" } else { "are" };
        let message = format!(
            "{} {verb} not scored ({} of {} competencies)",
            wording::list_some(&unscored, 5),
            unscored.len(),
            expected.len()
        );
        let whole_file = findings.whole_file();
        findings
            .push(Diagnostic::warning(Code::Unscored, message, whole_file))
            .help = Some(format!(
            "score them against `{target}`, or leave them to show as missing"
        ));
    }
}
