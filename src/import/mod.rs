//! `ladder import`: ladders written in other formats, turned into ladder's own YAML. Each
//! format parses its file ([`ft`], [`csv`]) into one in-memory [`Draft`] of a ladder, with
//! every problem found located in the file; [`write`] then writes any draft as a ladder file,
//! every piece of text in it quoted by [`crate::render::yaml::scalar`], so that no byte of the
//! input can forge YAML structure or a comment.

pub mod csv;
pub mod ft;
pub mod slug;
pub mod write;

use std::sync::Arc;

use crate::diagnostic::{At, Code, Diagnostic};
use crate::load::Source;
use crate::load::check::Findings;
use crate::load::source::{Position, Span};

/// A ladder as read from another format, before it is written as YAML: what the ladder format
/// holds, with every id already made and every reference already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub signals: Signals,
    pub scale: Vec<Point>,
    pub levels: Vec<Level>,
    pub areas: Vec<Area>,
}

/// How the levels' signals are written (the ladder's `signals:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signals {
    /// Each level lists what it adds to the levels below it.
    Cumulative,
    /// Each level lists everything expected of it.
    PerLevel,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub score: u32,
    pub label: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub id: String,
    pub title: String,
    /// The level this one follows, when it is not the one listed before it.
    pub after: Option<String>,
    /// The name of the track this level starts.
    pub track: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub competencies: Vec<Competency>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competency {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// One entry for each level, in the ladder's order; `None` for a level at which the
    /// competency is not expected (written `~`).
    pub expectations: Vec<(String, Option<Expectation>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub score: u32,
    pub signals: Vec<Signal>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub text: String,
    pub id: Option<String>,
    pub examples: Vec<String>,
    pub links: Vec<String>,
}

impl Signal {
    /// A signal that is only its text.
    pub fn text(text: String) -> Signal {
        Signal {
            text,
            id: None,
            examples: Vec::new(),
            links: Vec::new(),
        }
    }
}

/// A converted ladder, and what the conversion left out and why, to tell the user.
#[derive(Debug, Clone)]
pub struct Imported {
    pub draft: Draft,
    pub notes: Vec<String>,
}

impl Imported {
    /// `draft` with its `notes`, if reading the file found no error.
    fn checked(
        findings: Findings,
        draft: Draft,
        notes: Vec<String>,
    ) -> Result<Imported, crate::error::Error> {
        findings
            .finish(|| draft)
            .map(|loaded| Imported {
                draft: loaded.value,
                notes,
            })
            .map_err(crate::error::Error::Invalid)
    }
}

/// The ladder file for `draft`, converted from `input`, checked as `ladder validate` checks a
/// ladder: the formats' own checks leave little for it to find (a file near the size cap may
/// convert to more values than a ladder may hold), but whatever they missed is told, against
/// the converted text, rather than a ladder that does not load written.
pub fn ladder_file(draft: &Draft, input: &Arc<Source>) -> Result<String, crate::error::Error> {
    let text = write::ladder(draft);
    let converted = Source::from_text(format!("{}, converted", input.name()), text);
    match crate::load::ladder_from(&converted) {
        Err(found) if found.has_errors() => {
            let mut found = found.errors_only();
            found.kept.insert(
                0,
                Diagnostic::error(
                    Code::InvalidLadder,
                    "the file converts to a ladder that does not load, so nothing is written",
                    At::File(input.clone()),
                )
                .with_help("the errors below are in the converted ladder"),
            );
            Err(crate::error::Error::Invalid(found))
        }
        _ => Ok(converted.text().to_owned()),
    }
}

/// The levels at which competencies say nothing, written `~` (not expected there), to tell.
#[derive(Debug, Default)]
pub struct Gaps {
    /// Each competency with gaps, and its gaps, as they are shown: the first few of them.
    shown: Vec<String>,
    competencies: usize,
}

impl Gaps {
    /// The most competencies a note names before counting the rest.
    const SHOWN: usize = 12;

    /// Records that `competency` says nothing at `levels` (perhaps none).
    pub fn add(&mut self, competency: &str, levels: &[&str]) {
        if levels.is_empty() {
            return;
        }
        self.competencies += 1;
        if self.shown.len() < Self::SHOWN {
            let levels = crate::wording::list_some(levels, Self::SHOWN);
            self.shown.push(format!("`{competency}` at {levels}"));
        }
    }

    /// The note, where there are gaps: `why` says what a gap is, such as "a theme has no
    /// statement".
    pub fn note(&self, why: &str) -> Option<String> {
        if self.competencies == 0 {
            return None;
        }
        let more = match self.competencies - self.shown.len() {
            0 => String::new(),
            n => format!("; and {} more", crate::wording::plural(n, "competency")),
        };
        Some(format!(
            "where {why}, the level does not expect it, written `~`: {}{more}",
            self.shown.join("; ")
        ))
    }
}

/// The most expectations (competencies × levels) a conversion makes. A ladder file holds at
/// most 100,000 values and each expectation is two of them, so past this it could not load;
/// and a hostile file of many competencies at the 50 levels would otherwise make millions.
pub const MAX_EXPECTATIONS: usize = 50_000;

/// The error for a file that gives `competencies` at `levels`, when that is more
/// expectations than [`MAX_EXPECTATIONS`].
pub fn too_many_expectations(
    source: &Arc<Source>,
    competencies: usize,
    levels: usize,
) -> Option<Diagnostic> {
    let expectations = competencies.saturating_mul(levels);
    (expectations > MAX_EXPECTATIONS).then(|| {
        Diagnostic::error(
            Code::YamlLimit,
            format!(
                "{} at {} make {expectations} expectations, more than the {MAX_EXPECTATIONS} a \
                 ladder can hold",
                crate::wording::plural(competencies, "competency"),
                crate::wording::plural(levels, "level"),
            ),
            At::File(source.clone()),
        )
        .with_help("a ladder has a handful of levels and tens of competencies: split the file")
    })
}

/// The longest text a ladder file may hold in one value (the loader's limit).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

/// Text as a ladder holds it: trimmed, its lines trimmed, the lines of a paragraph joined by
/// a space (text wrapped by hand, as YAML block scalars and spreadsheet cells often are),
/// paragraphs kept apart by one blank line, tabs read as spaces, and CRLF or a lone CR read
/// as a line break.
pub fn tidy(text: &str) -> String {
    let text = text
        .replace("\r\n", "\n")
        .replace(['\r'], "\n")
        .replace('\t', " ");
    let mut out = String::with_capacity(text.len());
    let mut blank_before = false;
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            blank_before = !out.is_empty();
            continue;
        }
        if blank_before {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
        blank_before = false;
    }
    out
}

/// The first character that may not stand in a ladder's text (a control, or an invisible or
/// direction-changing mark, as the loader refuses), in text already [`tidy`].
pub fn forbidden_character(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c != '\n' && crate::glyphs::is_control_or_invisible(c))
}

/// Characters that show nothing and say nothing, which text pasted from documents and
/// spreadsheets often carries: a zero-width space, a word joiner, a zero-width no-break space.
/// The loader refuses them; an import removes them, and says so.
pub fn is_removable(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Reads the texts of one input file into a ladder's text: [`tidy`], the [`is_removable`]
/// characters removed and counted, and any other character the loader refuses reported where
/// it stands.
pub(crate) struct Texts {
    source: Arc<Source>,
    removed: usize,
    first_removed: Option<Span>,
    kinds: std::collections::BTreeSet<char>,
}

impl Texts {
    pub fn new(source: &Arc<Source>) -> Texts {
        Texts {
            source: source.clone(),
            removed: 0,
            first_removed: None,
            kinds: std::collections::BTreeSet::new(),
        }
    }

    /// `raw`, written at `at` in the file, as a ladder's text; `None` when it holds a
    /// character a ladder may not, or is longer than a ladder's text may be (said in
    /// `findings`). `what` names the text in messages, such as "the level's `name`".
    pub(crate) fn read(
        &mut self,
        findings: &mut Findings,
        raw: &str,
        at: Position,
        what: &str,
    ) -> Option<String> {
        let mut text = tidy(raw);
        if text.chars().any(is_removable) {
            let count = text.chars().filter(|&c| is_removable(c)).count();
            self.removed += count;
            self.kinds.extend(text.chars().filter(|&c| is_removable(c)));
            if self.first_removed.is_none() {
                let first = text.chars().find(|&c| is_removable(c)).unwrap_or_default();
                self.first_removed = Some(self.span_of(first, at));
            }
            text = tidy(&text.replace(is_removable, ""));
        }
        if let Some(c) = forbidden_character(&text) {
            let span = self.span_of(c, at);
            let at = At::Span(self.source.clone(), span);
            findings.push(
                Diagnostic::error(
                    Code::ControlCharacter,
                    format!(
                        "{what} contains the invisible or control character U+{:04X}",
                        u32::from(c)
                    ),
                    at,
                )
                .with_help(
                    "remove it: it would reach terminals and logs, or hide what the text says",
                ),
            );
            return None;
        }
        if text.len() > MAX_TEXT_BYTES {
            findings.error(
                Code::YamlLimit,
                format!(
                    "{what} is longer than {} KiB, the most a ladder's text may be",
                    MAX_TEXT_BYTES / 1024
                ),
                at,
            );
            return None;
        }
        Some(text)
    }

    /// [`Texts::read`], for text that may not be blank.
    pub(crate) fn required(
        &mut self,
        findings: &mut Findings,
        raw: &str,
        at: Position,
        what: &str,
    ) -> Option<String> {
        let text = self.read(findings, raw, at, what)?;
        if text.is_empty() {
            findings.error(Code::MissingField, format!("{what} is blank"), at);
            return None;
        }
        Some(text)
    }

    /// Where `c` is written in the value at `at`: the character itself, when the value holds
    /// it as written (not as an escape); otherwise the value.
    fn span_of(&self, c: char, at: Position) -> Span {
        let value = self.source.span(at).unwrap_or_else(|| self.source.start());
        let text = self.source.text();
        let written = text
            .get(value.start..value.start + value.len)
            .unwrap_or_default();
        match written.find(c) {
            Some(offset) => Span {
                start: value.start + offset,
                len: c.len_utf8(),
            },
            None => value,
        }
    }

    /// The file whose texts these are.
    pub fn source(&self) -> Arc<Source> {
        self.source.clone()
    }

    /// What was removed, to tell the user, if anything was.
    pub fn note(&self) -> Option<String> {
        let first = self.first_removed?;
        let location = self.source.location(first);
        let kinds: Vec<String> = self
            .kinds
            .iter()
            .map(|&c| format!("U+{:04X}", u32::from(c)))
            .collect();
        Some(format!(
            "removed {} ({}) that showed nothing, the first at {}:{}:{}",
            crate::wording::plural(self.removed, "invisible character"),
            kinds.join(", "),
            self.source.name(),
            location.line,
            location.column
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_tidied() {
        assert_eq!(tidy("  Plain  "), "Plain");
        assert_eq!(
            tidy("Wrapped by\n  hand, over\r\nthree lines\n"),
            "Wrapped by hand, over three lines"
        );
        assert_eq!(tidy("One.\n\n\n  Two.\rThree."), "One.\n\nTwo. Three.");
        assert_eq!(tidy("a\tb"), "a b");
        assert_eq!(tidy("\n \n"), "");
    }

    #[test]
    fn forbidden_characters_are_found() {
        assert_eq!(forbidden_character("a\nb"), None);
        assert_eq!(forbidden_character("a\u{1b}[2J"), Some('\u{1b}'));
        assert_eq!(forbidden_character("x\u{202e}"), Some('\u{202e}'));
    }
}
