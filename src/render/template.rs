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

/// A template for `ladder` (named in the file as `ladder_name`), aiming at `target`.
pub fn assessment(ladder: &Ladder, target: &Level, ladder_name: &str) -> String {
    let mut lines = header(ladder, target);
    lines.push(String::new());
    lines.push(format!("ladder: {}", yaml_text(ladder_name)));
    lines.push("person: Your Name".to_owned());
    lines.push("assessor: self".to_owned());
    lines.push("# date: YYYY-MM-DD".to_owned());
    lines.push(format!("target: {}", target.id));
    lines.push("scores:".to_owned());
    for area in &ladder.areas {
        lines.push(String::new());
        lines.push(format!("  # {}", one_line(&area.title).to_uppercase()));
        for competency in &area.competencies {
            lines.push(String::new());
            lines.extend(competency_entry(ladder, competency, target));
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
        "# A competency left empty is reported as missing. Then run `ladder assess` on this file."
            .to_owned(),
    );
    lines
}

/// A competency's comment (what the target expects, and the signals behind it) and empty entry.
fn competency_entry(ladder: &Ladder, competency: &Competency, target: &Level) -> Vec<String> {
    let expected = competency.expectation(target).score;
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
    for signal in competency.signals_at(target) {
        lines.extend(comment("  #   - ", signal));
    }
    lines.push(format!("  {}:", competency.id));
    lines
}

/// Text fit for a one-line comment, and safe wherever the template is shown.
fn one_line(text: &str) -> String {
    super::safe::text(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A YAML scalar that reads back as exactly `text`: plain when that is safe, otherwise
/// double-quoted, with every character the output-safety rule keeps from a terminal (and the
/// `[` of `##[`) written as a YAML `\u` escape, so the template is safe to show and still
/// names the file exactly.
fn yaml_text(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        && !text.starts_with(['-', '.']);
    if plain {
        return text.to_owned();
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '[' if quoted.ends_with("##") => quoted.push_str("\\x5B"),
            c if super::safe::is_unsafe(c) => {
                let code = u32::from(c);
                if code <= 0xFFFF {
                    quoted.push_str(&format!("\\u{code:04X}"));
                } else {
                    quoted.push_str(&format!("\\U{code:08X}"));
                }
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_only_when_needed() {
        assert_eq!(
            yaml_text("engineering-management"),
            "engineering-management"
        );
        assert_eq!(yaml_text("ladders/ours.yaml"), "ladders/ours.yaml");
        assert_eq!(
            yaml_text("../ladders/ours.yaml"),
            "\"../ladders/ours.yaml\""
        );
        assert_eq!(yaml_text("my ladder: #1.yaml"), "\"my ladder: #1.yaml\"");
        assert_eq!(
            yaml_text("ladders/c1\u{9b}2J\u{202e}\"##[x].yaml"),
            "\"ladders/c1\\u009B2J\\u202E\\\"##\\x5Bx].yaml\""
        );
    }
}
