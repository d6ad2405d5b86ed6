//! What checking a ladder and checking a self-assessment share: collecting one file's findings,
//! at most [`MAX_FINDINGS`] of them, and the rules for ids, scores and descriptions.

use std::sync::Arc;

use super::raw::ScoreField;
use super::source::{Position, Source};
use super::yaml::{Located, Scalar, Text};
use crate::diagnostic::{At, Code, Diagnostic, Found, Severity};
use crate::model::{Scale, Score};
use crate::policy::{Level, Policy};

/// A checked value and the warnings found on the way to it.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Found,
}

/// The longest id: ids are typed on command lines and compared for "did you mean".
pub const MAX_ID_CHARS: usize = 64;

/// The most findings kept for one file. A hostile file can hold tens of thousands of mistakes;
/// past this many they are counted, not kept, so that cost stays bounded by what is shown.
pub const MAX_FINDINGS: usize = 200;

/// The findings for one source file, in the order they were found.
pub(crate) struct Findings<'a> {
    source: &'a Arc<Source>,
    /// What the team makes of each kind of warning, applied as each is found, so that the
    /// cap counts what is shown: allowed warnings take no room, denied ones are errors.
    policy: &'a Policy,
    found: Found,
    /// Whether an error of its own kind was found: a warning the policy denies is reported as
    /// an error, but the file still means what it says, and is still used.
    broken: bool,
    /// Where the help of a finding past the cap goes: written, then dropped.
    spare: Diagnostic,
    /// How many more "did you mean" suggestions this file may get (see [`Findings::suggest`]).
    suggestions: usize,
}

/// The most "did you mean" suggestions one file gets: each compares a name with up to a
/// thousand ids, and a file of thousands of unknown names is not a set of typos.
const MAX_SUGGESTIONS: usize = 20;

impl<'a> Findings<'a> {
    pub fn new(source: &'a Arc<Source>, policy: &'a Policy) -> Self {
        Findings {
            source,
            policy,
            found: Found::default(),
            broken: false,
            spare: Diagnostic::error(Code::Unreadable, "", At::CommandLine),
            suggestions: MAX_SUGGESTIONS,
        }
    }

    pub fn whole_file(&self) -> At {
        At::File(self.source.clone())
    }

    pub fn at(&self, at: Position) -> At {
        At::position(self.source, at)
    }

    pub fn start(&self) -> At {
        At::Span(self.source.clone(), self.source.start())
    }

    pub fn error(
        &mut self,
        code: Code,
        message: impl Into<String>,
        at: Position,
    ) -> &mut Diagnostic {
        let diagnostic = Diagnostic::error(code, message, self.at(at));
        self.push(diagnostic)
    }

    pub fn warning(
        &mut self,
        code: Code,
        message: impl Into<String>,
        at: Position,
    ) -> &mut Diagnostic {
        let diagnostic = Diagnostic::warning(code, message, self.at(at));
        self.push(diagnostic)
    }

    /// Keeps `diagnostic`, as the policy treats it, while there is room; past the cap, or
    /// allowed, counts it. Past the cap an error still takes the place of the last warning
    /// kept: what stops the work must be seen before what does not.
    pub fn push(&mut self, mut diagnostic: Diagnostic) -> &mut Diagnostic {
        self.broken |= diagnostic.is_error();
        match self.policy.level(diagnostic.code) {
            Level::Allow => {
                self.found.allowed += 1;
                self.spare = diagnostic;
                return &mut self.spare;
            }
            Level::Deny => diagnostic.severity = Severity::Error,
            Level::Warn => {}
        }
        // A scan of at most the cap: the cost per finding stays bounded.
        if self.found.kept.len() >= MAX_FINDINGS && diagnostic.is_error() {
            let kept = &mut self.found.kept;
            if let Some(last) = kept.iter().rposition(|d| !d.is_error()) {
                let warning = kept.remove(last);
                self.found.omit(&warning);
            }
        }
        if self.found.kept.len() < MAX_FINDINGS {
            self.found.kept.push(diagnostic);
            return self.found.kept.last_mut().expect("just pushed");
        }
        self.found.omit(&diagnostic);
        self.spare = diagnostic;
        &mut self.spare
    }

    /// A "did you mean" for the next finding, while this file has suggestions left and the
    /// finding will be kept.
    pub fn suggest(&mut self, suggestion: impl FnOnce() -> Option<String>) -> Option<String> {
        if self.suggestions == 0 || self.found.kept.len() >= MAX_FINDINGS {
            return None;
        }
        self.suggestions -= 1;
        suggestion()
    }

    /// Whether the file is wrong: an error of its own kind was found.
    pub fn has_errors(&self) -> bool {
        self.broken
    }

    /// The value when nothing is wrong, otherwise every finding; findings in file order. The
    /// findings that come with a value may hold errors a policy made of warnings.
    pub fn finish<T>(mut self, build: impl FnOnce() -> T) -> Result<Loaded<T>, Found> {
        self.found.sort();
        if self.has_errors() {
            Err(self.found)
        } else {
            Ok(Loaded {
                value: build(),
                warnings: self.found,
            })
        }
    }

    /// The text exactly as written at `at`, trimmed, when the parser gave its range.
    pub fn written(&self, at: Position) -> Option<&'a str> {
        self.source.slice(at).map(str::trim)
    }

    /// A whole number written plainly: `3`, never `"3"`, `3.0`, `0x3` or `+3`.
    pub fn integer(&mut self, scalar: &Scalar, at: Position, what: &str) -> Option<i128> {
        let written = self.source.slice(at).map(str::trim);
        match (scalar, written) {
            (Scalar::Integer(n), None) => Some(*n),
            (Scalar::Integer(n), Some(text)) if is_plain_integer(text) => Some(*n),
            (Scalar::Integer(_), Some(text)) => {
                self.error(
                    Code::WrongType,
                    format!("{what} must be written as a plain whole number, not `{text}`"),
                    at,
                )
                .help = Some("write the number in decimal digits only, such as `3`".to_owned());
                None
            }
            // Too large for any integer type: a number, but not one on any scale.
            // `03`: a number written with a leading zero, which YAML does not call an integer.
            (Scalar::Float(_), Some(text)) if is_plain_integer(text) && text.len() < 30 => {
                let plain = text.trim_start_matches('-').trim_start_matches('0');
                self.error(
                    Code::WrongType,
                    format!("{what} must be written without leading zeros, not `{text}`"),
                    at,
                )
                .help = Some(format!(
                    "write `{}`",
                    if plain.is_empty() { "0" } else { plain }
                ));
                None
            }
            // Too many digits for any integer type: a number, but not one on any scale.
            (Scalar::Float(_), Some(text)) if is_plain_integer(text) => {
                let sign = if text.starts_with('-') {
                    "small"
                } else {
                    "large"
                };
                self.error(
                    Code::ScoreOffScale,
                    format!("{what} {} is far too {sign}", abbreviated(text)),
                    at,
                );
                None
            }
            (other, written) => {
                let found = match written {
                    Some(text) if !text.is_empty() => format!("{} `{text}`", other.kind()),
                    _ => other.kind().to_owned(),
                };
                self.error(
                    Code::WrongType,
                    format!("{what} must be a whole number, not {found}"),
                    at,
                );
                None
            }
        }
    }

    /// A score that must be one of `scale`'s.
    pub fn score(&mut self, field: &ScoreField, entry: Position, scale: &Scale) -> Option<Score> {
        let (scalar, at) = field.parts(entry);
        let Some(value) = self.integer(scalar, at, "score") else {
            // `score: Proficient`: a label where its score belongs.
            if let Scalar::Text(text) = scalar
                && let Some(point) = scale
                    .points()
                    .iter()
                    .find(|p| p.label.trim().eq_ignore_ascii_case(text.trim()))
                && let Some(finding) = self.found.kept.last_mut()
            {
                finding.help = Some(format!(
                    "`{}` is the label of score {} on the scale: write `{}`",
                    text.trim(),
                    point.score,
                    point.score
                ));
            }
            return None;
        };
        let score = scale.score(value);
        // An empty scale is reported once, not once for every score.
        if score.is_none() && !scale.points().is_empty() {
            self.error(
                Code::ScoreOffScale,
                format!("score {value} is not on the scale"),
                at,
            )
            .help = Some(format!("the scale allows {}", scale.describe()));
        }
        score
    }

    /// Ids are lowercase kebab-case, so that they read the same in files, URLs and commands,
    /// and short enough to type.
    pub fn id(&mut self, id: &Located<Text>, what: &str) -> bool {
        let text = &id.value.0;
        if text.len() > MAX_ID_CHARS {
            self.error(
                Code::InvalidId,
                format!("{what} id is longer than {MAX_ID_CHARS} characters"),
                id.at,
            )
            .help = Some("ids are names to type: shorten it".to_owned());
            return false;
        }
        if is_kebab_case(text) {
            return true;
        }
        let suggestion = to_kebab_case(text);
        let diagnostic = self.error(
            Code::InvalidId,
            format!("{what} id `{text}` is not lowercase kebab-case"),
            id.at,
        );
        if is_kebab_case(&suggestion) {
            diagnostic.help = Some(format!("use `{suggestion}`"));
        }
        false
    }

    /// A missing or blank description is allowed but worth a warning: readers rely on them.
    pub fn description(
        &mut self,
        description: Option<&Located<Text>>,
        owner: &Located<Text>,
        what: &str,
    ) -> String {
        match description {
            Some(text) if !text.value.0.trim().is_empty() => text.value.0.clone(),
            Some(text) => {
                self.warning(
                    Code::EmptyDescription,
                    format!("{what} `{}` has an empty description", owner.value.0),
                    text.at,
                );
                String::new()
            }
            None => {
                self.warning(
                    Code::EmptyDescription,
                    format!("{what} `{}` has no description", owner.value.0),
                    owner.at,
                );
                String::new()
            }
        }
    }
}

impl ScoreField {
    /// The score's value and where it was written; an inline score sits at its entry.
    pub fn parts(&self, entry: Position) -> (&Scalar, Position) {
        match self {
            ScoreField::Inline(scalar) => (scalar, entry),
            ScoreField::Field(located) => (&located.value, located.at),
        }
    }
}

/// A number of any length, as a message can show it: `12345678901234567890…` (45 digits).
fn abbreviated(number: &str) -> String {
    const SHOWN: usize = 24;
    let digits = number.trim_start_matches('-').len();
    match number.get(..SHOWN) {
        Some(start) if number.len() > SHOWN + 8 => format!("{start}… ({digits} digits)"),
        _ => number.to_owned(),
    }
}

fn is_plain_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn to_kebab_case(id: &str) -> String {
    id.trim()
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("senior-manager"));
        assert!(is_kebab_case("l3"));
        for bad in ["", "Senior", "senior_manager", "-x", "x-", "a--b", "é"] {
            assert!(!is_kebab_case(bad), "{bad:?}");
        }
        assert_eq!(to_kebab_case("Senior Manager"), "senior-manager");
        assert_eq!(to_kebab_case("team_health"), "team-health");
    }

    #[test]
    fn long_numbers_are_abbreviated() {
        assert_eq!(abbreviated("123"), "123");
        let long = "9".repeat(40);
        assert_eq!(
            abbreviated(&long),
            format!("{}… (40 digits)", "9".repeat(24))
        );
    }

    #[test]
    fn plain_integers_only() {
        assert!(is_plain_integer("3"));
        assert!(is_plain_integer("-1"));
        for bad in ["+3", "0x3", "3.0", "\"3\"", "", "-", "1_0"] {
            assert!(!is_plain_integer(bad), "{bad:?}");
        }
    }
}
