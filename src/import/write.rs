//! A [`Draft`] written as a ladder file, in the layout of README's "File formats → Ladder":
//! block style throughout, every piece of text one scalar from
//! [`crate::render::yaml::scalar`], so that the file reads back as exactly the draft, whatever
//! its text holds, and is safe to print. Ids are scalars too: a kebab-case id may still be
//! `no` or `2024`, which YAML would read as a boolean or a number.

use super::{Draft, Expectation, Signal, Signals};
use crate::render::yaml::scalar;

/// The ladder file for `draft`.
pub fn ladder(draft: &Draft) -> String {
    let mut out = Writer::default();
    out.text(0, "id", &draft.id);
    out.text(0, "title", &draft.title);
    out.optional(0, "description", draft.description.as_deref());
    out.line(
        0,
        "signals",
        match draft.signals {
            Signals::Cumulative => "cumulative",
            Signals::PerLevel => "per-level",
        },
    );
    out.key(0, "scale");
    for point in &draft.scale {
        out.item(0, "score", &point.score.to_string());
        out.text(1, "label", &point.label);
        out.optional(1, "description", point.description.as_deref());
    }
    out.key(0, "levels");
    for level in &draft.levels {
        out.item(0, "id", &scalar(&level.id));
        out.text(1, "title", &level.title);
        if let Some(after) = &level.after {
            out.text(1, "after", after);
        }
        out.optional(1, "track", level.track.as_deref());
        out.optional(1, "description", level.description.as_deref());
    }
    out.key(0, "areas");
    for area in &draft.areas {
        out.item(0, "id", &scalar(&area.id));
        out.text(1, "title", &area.title);
        out.optional(1, "description", area.description.as_deref());
        out.key(1, "competencies");
        for competency in &area.competencies {
            out.item(1, "id", &scalar(&competency.id));
            out.text(2, "title", &competency.title);
            out.optional(2, "description", competency.description.as_deref());
            out.key(2, "expectations");
            for (level, expectation) in &competency.expectations {
                out.expectation(3, level, expectation.as_ref());
            }
        }
    }
    out.text
}

#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.text.push_str("  ");
        }
    }

    /// `key: value`, the value written as it is.
    fn line(&mut self, depth: usize, key: &str, value: &str) {
        self.indent(depth);
        self.text.push_str(key);
        self.text.push_str(": ");
        self.text.push_str(value);
        self.text.push('\n');
    }

    /// `key: value`, the value text.
    fn text(&mut self, depth: usize, key: &str, value: &str) {
        self.line(depth, key, &scalar(value));
    }

    fn optional(&mut self, depth: usize, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(depth, key, value);
        }
    }

    /// `key:`, a list or mapping under it.
    fn key(&mut self, depth: usize, key: &str) {
        self.indent(depth);
        self.text.push_str(key);
        self.text.push_str(":\n");
    }

    /// `- key: value`: the first field of a list item whose other fields are one level in.
    fn item(&mut self, depth: usize, key: &str, value: &str) {
        self.indent(depth);
        self.text.push_str("- ");
        self.line(0, key, value);
    }

    /// `- text`: a list item that is text.
    fn text_item(&mut self, depth: usize, value: &str) {
        self.indent(depth);
        self.text.push_str("- ");
        self.text.push_str(&scalar(value));
        self.text.push('\n');
    }

    /// `level: 3`, `level: ~`, or `level:` with `score` and `signals` under it.
    fn expectation(&mut self, depth: usize, level: &str, expectation: Option<&Expectation>) {
        let level = &scalar(level);
        let Some(expectation) = expectation else {
            return self.line(depth, level, "~");
        };
        if expectation.signals.is_empty() {
            return self.line(depth, level, &expectation.score.to_string());
        }
        self.key(depth, level);
        self.line(depth + 1, "score", &expectation.score.to_string());
        self.key(depth + 1, "signals");
        for signal in &expectation.signals {
            self.signal(depth + 1, signal);
        }
    }

    /// A signal: its text alone, or a mapping when it has an id, examples or links.
    fn signal(&mut self, depth: usize, signal: &Signal) {
        if signal.id.is_none() && signal.examples.is_empty() && signal.links.is_empty() {
            return self.text_item(depth, &signal.text);
        }
        self.indent(depth);
        self.text.push_str("- ");
        self.text(0, "text", &signal.text);
        if let Some(id) = &signal.id {
            self.text(depth + 1, "id", id);
        }
        for (key, list) in [("examples", &signal.examples), ("links", &signal.links)] {
            if !list.is_empty() {
                self.key(depth + 1, key);
                for entry in list {
                    self.text_item(depth + 1, entry);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Area, Competency, Level, Point};
    use super::*;

    fn draft() -> Draft {
        let level = |id: &str, after: Option<&str>, track: Option<&str>| Level {
            description: None,
            id: id.to_owned(),
            title: format!("{id} title"),
            after: after.map(str::to_owned),
            track: track.map(str::to_owned),
        };
        Draft {
            id: "x".to_owned(),
            title: "A: \"title\" # not a comment\n- not an item".to_owned(),
            description: None,
            signals: Signals::PerLevel,
            scale: vec![Point {
                score: 1,
                label: "One".to_owned(),
                description: Some("yes".to_owned()),
            }],
            levels: vec![
                level("a", None, None),
                level("b", None, Some("Craft")),
                level("c", Some("a"), Some("People")),
                level("no", None, None),
            ],
            areas: vec![Area {
                id: "area".to_owned(),
                title: "Area".to_owned(),
                description: Some("::warning::forged".to_owned()),
                competencies: vec![Competency {
                    id: "comp".to_owned(),
                    title: "{Comp}".to_owned(),
                    description: None,
                    expectations: vec![
                        (
                            "a".to_owned(),
                            Some(Expectation {
                                score: 1,
                                signals: vec![],
                            }),
                        ),
                        (
                            "b".to_owned(),
                            Some(Expectation {
                                score: 1,
                                signals: vec![
                                    Signal::text("Plain signal".to_owned()),
                                    Signal {
                                        text: "Rich #signal".to_owned(),
                                        id: Some("5a7a-1".to_owned()),
                                        examples: vec!["An example".to_owned()],
                                        links: vec!["https://example.com/a?b=c#d".to_owned()],
                                    },
                                ],
                            }),
                        ),
                        ("c".to_owned(), None),
                        (
                            "no".to_owned(),
                            Some(Expectation {
                                score: 1,
                                signals: vec![],
                            }),
                        ),
                    ],
                }],
            }],
        }
    }

    #[test]
    fn writes_the_ladder_layout() {
        assert_eq!(
            ladder(&draft()),
            r##"id: x
title: "A: \"title\" # not a comment\n- not an item"
signals: per-level
scale:
- score: 1
  label: One
  description: "yes"
levels:
- id: a
  title: a title
- id: b
  title: b title
  track: Craft
- id: c
  title: c title
  after: a
  track: People
- id: "no"
  title: no title
areas:
- id: area
  title: Area
  description: "::warning::forged"
  competencies:
  - id: comp
    title: "{Comp}"
    expectations:
      a: 1
      b:
        score: 1
        signals:
        - Plain signal
        - text: "Rich #signal"
          id: "5a7a-1"
          examples:
          - An example
          links:
          - "https://example.com/a?b=c#d"
      c: ~
      "no": 1
"##
        );
    }
}
