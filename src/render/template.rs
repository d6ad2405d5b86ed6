//! The self-assessment template of `ladder init`: valid YAML with every competency listed and
//! left empty, and comments saying what the target level expects.

use textwrap::core::display_width;

use super::wrap::{PROSE_WIDTH, Para};
use crate::model::{Competency, Ladder, Level};

/// A comment in the template, its later lines under its text: `prefix` starts the first line,
/// and the comment marker with as many spaces the ones after.
fn comment(prefix: &str, text: &str) -> Vec<String> {
    let (marker, after) = prefix.split_at(prefix.find('#').map_or(0, |i| i + 1));
    let rest = format!("{marker}{}", " ".repeat(display_width(after)));
    Para::hanging(prefix, &rest, &one_line(text)).lines(PROSE_WIDTH)
}

/// Who is assessed, by whom, and when, as the template is to say.
pub struct Who<'a> {
    pub person: &'a str,
    pub assessor: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
}

/// A template for `ladder` (named in the file as `ladder_name`), aiming at `target`.
pub fn assessment(ladder: &Ladder, target: &Level, ladder_name: &str, who: &Who) -> String {
    let mut lines = header(ladder, target);
    lines.push(String::new());
    // Quoted when need be, so that the template names the file exactly and is safe to show.
    let scalar = super::yaml::scalar;
    lines.push(format!("ladder: {}", scalar(ladder_name)));
    lines.push(format!("person: {}", scalar(who.person)));
    lines.push(format!("assessor: {}", scalar(who.assessor)));
    lines.push(format!("date: {}", scalar(who.date)));
    lines.push(format!("target: {}", target.id));
    lines.push("scores:".to_owned());
    for area in &ladder.areas {
        // A competency the target does not expect (`~`) has no line to fill in.
        let entries: Vec<Vec<String>> = area
            .competencies
            .iter()
            .filter_map(|competency| competency_entry(ladder, competency, target))
            .collect();
        if entries.is_empty() {
            continue;
        }
        lines.push(String::new());
        lines.push(format!("  # {}", one_line(&area.title).to_uppercase()));
        for entry in entries {
            lines.push(String::new());
            lines.extend(entry);
        }
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// What the file is for, the scale, and how to fill it in.
fn header(ladder: &Ladder, target: &Level) -> Vec<String> {
    let mut lines = vec![
        format!(
            "# Self-assessment against {} ({}),",
            one_line(&ladder.title),
            ladder.id
        ),
        format!("# aiming at {} ({}).", one_line(&target.title), target.id),
        "#".to_owned(),
        "# Score each competency on the ladder's scale:".to_owned(),
    ];
    for point in ladder.scale.points() {
        let prefix = format!("#   {} {}: ", point.score, one_line(&point.label));
        lines.extend(comment(&prefix, &point.description));
    }
    // The example uses this ladder's own first competency and middle score.
    let id = ladder
        .competencies()
        .next()
        .map_or("coaching", |(_, c)| c.id.as_str());
    let points = ladder.scale.points();
    let score = points.get(points.len() / 2).map_or(0, |p| p.score.value());
    lines.push(format!(
        "# Write `{id}: {score}`, or with evidence `{id}: {{score: {score}, evidence: \"What shows it\"}}`."
    ));
    lines.push(
        "# A competency left empty is reported as missing; `{evidence: \"...\"}` alone keeps notes"
            .to_owned(),
    );
    lines.push("# before a score. Then run `ladder assess` on this file.".to_owned());
    if let Some(below) = ladder.below(target) {
        lines.push(format!(
            "# Signals marked + are new at {}; those marked - are expected at {} already.",
            target.id, below.id
        ));
    }
    lines
}

/// A competency's comment (what the target expects, and the signals behind it) and empty
/// entry; `None` when the target does not expect it.
fn competency_entry(
    ladder: &Ladder,
    competency: &Competency,
    target: &Level,
) -> Option<Vec<String>> {
    let expected = competency.expected(target)?;
    let mut lines = comment(
        "  # ",
        &format!(
            "{}: {} expects {} ({})",
            competency.title,
            target.id,
            expected,
            competency.label(&ladder.scale, expected)
        ),
    );
    if !competency.description.is_empty() {
        lines.extend(comment("  #   ", &competency.description));
    }
    // A signal the level below does not show is what the target adds: marked `+`, to look at
    // first.
    let below: foldhash::HashSet<&str> = ladder
        .below(target)
        .map(|below| competency.signals_at(below).into_iter().collect())
        .unwrap_or_default();
    for signal in competency.signals_at(target) {
        let prefix = match below.contains(signal) {
            true => "  #   - ",
            false => "  #   + ",
        };
        lines.extend(comment(prefix, signal));
    }
    lines.push(format!("  {}:", competency.id));
    Some(lines)
}

/// Text fit for a one-line comment, and safe wherever the template is shown.
fn one_line(text: &str) -> String {
    super::safe::text(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}
