//! The self-assessment template of `ladder init`: valid YAML with every competency listed and
//! left empty, and comments saying what the target level expects.

use crate::model::{Ladder, Level};

/// A template for `ladder` (named in the file as `ladder_name`), aiming at `target`.
pub fn assessment(ladder: &Ladder, target: &Level, ladder_name: &str) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(
        &mut out,
        &format!(
            "# Self-assessment against {} ({}),",
            one_line(&ladder.title),
            ladder.id
        ),
    );
    line(
        &mut out,
        &format!("# aiming at {} ({}).", one_line(&target.title), target.id),
    );
    line(&mut out, "#");
    line(&mut out, "# Score each competency on the ladder's scale:");
    for point in ladder.scale.points() {
        line(
            &mut out,
            &format!(
                "#   {} {}: {}",
                point.score,
                one_line(&point.label),
                one_line(&point.description)
            ),
        );
    }
    line(
        &mut out,
        "# Write `coaching: 3`, or with evidence `coaching: {score: 3, evidence: \"What shows it\"}`.",
    );
    line(
        &mut out,
        "# A competency left empty is reported as missing. Then run `ladder assess` on this file.",
    );
    line(&mut out, "");
    line(&mut out, &format!("ladder: {}", yaml_text(ladder_name)));
    line(&mut out, "person: Your Name");
    line(&mut out, "assessor: self");
    line(&mut out, "# date: YYYY-MM-DD");
    line(&mut out, &format!("target: {}", target.id));
    line(&mut out, "scores:");
    for area in &ladder.areas {
        line(&mut out, "");
        line(
            &mut out,
            &format!("  # {}", one_line(&area.title).to_uppercase()),
        );
        for competency in &area.competencies {
            let expected = competency.expectation(target).score;
            line(&mut out, "");
            line(
                &mut out,
                &format!(
                    "  # {}: {} expects {} ({})",
                    one_line(&competency.title),
                    target.id,
                    expected,
                    one_line(ladder.scale.label(expected))
                ),
            );
            for signal in competency.cumulative_signals(target) {
                line(&mut out, &format!("  #   - {}", one_line(signal)));
            }
            line(&mut out, &format!("  {}:", competency.id));
        }
    }
    out
}

/// Text fit for a one-line comment.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML scalar that reads back as exactly `text`: plain when that is safe, otherwise quoted.
fn yaml_text(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        && !text.starts_with(['-', '.']);
    if plain {
        text.to_owned()
    } else {
        serde_json::to_string(text).expect("a string always serialises")
    }
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
    }
}
