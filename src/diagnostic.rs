//! Findings about an input file: what is wrong, where it is, and how to fix it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::load::source::{Position, Source, Span};

/// How serious a finding is: errors stop the work, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A stable, kebab-case name for each kind of finding, so that pipelines can match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    // Reading and parsing.
    Unreadable,
    Encoding,
    ControlCharacter,
    WrongFileKind,
    FileTooLarge,
    EmptyDocument,
    YamlSyntax,
    YamlLimit,
    ExplicitTag,
    MergeKey,
    MultipleDocuments,
    DuplicateKey,
    UnknownField,
    MissingField,
    WrongType,
    // Ladder structure.
    InvalidId,
    DuplicateId,
    EmptyScale,
    ScaleNotAscending,
    EmptyLevels,
    TooManyLevels,
    EmptyAreas,
    EmptyArea,
    UnknownLevel,
    LevelCycle,
    MisplacedTrack,
    MissingExpectation,
    ScoreOffScale,
    InvalidWeight,
    ExpectationDecreases,
    MissingSignals,
    RepeatedSignal,
    InvalidLink,
    EmptyDescription,
    // Self-assessments.
    LadderNotFound,
    InvalidLadder,
    MissingTarget,
    UnknownCompetency,
    Unscored,
    MissingEvidence,
    NotExpected,
    InvalidDate,
    PlaceholderPerson,
    NotComparable,
    // Configuration.
    InvalidConfig,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "unreadable",
            Code::Encoding => "encoding",
            Code::ControlCharacter => "control-character",
            Code::WrongFileKind => "wrong-file-kind",
            Code::FileTooLarge => "file-too-large",
            Code::EmptyDocument => "empty-document",
            Code::YamlSyntax => "yaml-syntax",
            Code::YamlLimit => "yaml-limit",
            Code::ExplicitTag => "explicit-tag",
            Code::MergeKey => "merge-key",
            Code::MultipleDocuments => "multiple-documents",
            Code::DuplicateKey => "duplicate-key",
            Code::UnknownField => "unknown-field",
            Code::MissingField => "missing-field",
            Code::WrongType => "wrong-type",
            Code::InvalidId => "invalid-id",
            Code::DuplicateId => "duplicate-id",
            Code::EmptyScale => "empty-scale",
            Code::ScaleNotAscending => "scale-not-ascending",
            Code::EmptyLevels => "empty-levels",
            Code::TooManyLevels => "too-many-levels",
            Code::EmptyAreas => "empty-areas",
            Code::EmptyArea => "empty-area",
            Code::UnknownLevel => "unknown-level",
            Code::LevelCycle => "level-cycle",
            Code::MisplacedTrack => "misplaced-track",
            Code::MissingExpectation => "missing-expectation",
            Code::ScoreOffScale => "score-off-scale",
            Code::InvalidWeight => "invalid-weight",
            Code::ExpectationDecreases => "expectation-decreases",
            Code::MissingSignals => "missing-signals",
            Code::RepeatedSignal => "repeated-signal",
            Code::InvalidLink => "invalid-link",
            Code::EmptyDescription => "empty-description",
            Code::LadderNotFound => "ladder-not-found",
            Code::InvalidLadder => "invalid-ladder",
            Code::MissingTarget => "missing-target",
            Code::UnknownCompetency => "unknown-competency",
            Code::Unscored => "unscored",
            Code::MissingEvidence => "missing-evidence",
            Code::NotExpected => "not-expected",
            Code::InvalidDate => "invalid-date",
            Code::PlaceholderPerson => "placeholder-person",
            Code::NotComparable => "not-comparable",
            Code::InvalidConfig => "invalid-config",
        }
    }

    /// The kinds of finding that are warnings: the work goes on despite them, and a team's
    /// policy may allow or deny each. Every other kind is an error.
    pub const WARNINGS: [Code; 9] = [
        Code::MisplacedTrack,
        Code::ExpectationDecreases,
        Code::MissingSignals,
        Code::RepeatedSignal,
        Code::EmptyDescription,
        Code::Unscored,
        Code::MissingEvidence,
        Code::NotExpected,
        Code::PlaceholderPerson,
    ];

    pub fn severity(self) -> Severity {
        if Code::WARNINGS.contains(&self) {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// The kind of finding `name` names, as JSON reports and `--format github` write it.
    fn named(name: &str) -> Option<Code> {
        use serde::de::IntoDeserializer;
        let name: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Code::deserialize(name).ok()
    }

    /// The kind of warning a name written in `--allow`, `--deny` or `ladder.toml` names.
    pub fn warning(name: &str) -> Result<Code, Refusal<'_>> {
        match Code::named(name) {
            Some(code) if code.severity() == Severity::Warning => Ok(code),
            Some(_) => Err(Refusal::Error(name)),
            None => Err(Refusal::Unknown(name)),
        }
    }
}

/// Why a name given for a kind of warning was refused: it names an error, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal<'a> {
    Error(&'a str),
    Unknown(&'a str),
}

impl Refusal<'_> {
    pub fn message(self) -> String {
        match self {
            Refusal::Error(name) => {
                format!("`{name}` is an error, which no policy can allow or deny")
            }
            Refusal::Unknown(name) => {
                format!(
                    "`{}` is not a kind of warning",
                    crate::render::safe::plain(name)
                )
            }
        }
    }

    /// What to write instead. Worded only when asked: a file may hold thousands of wrong names,
    /// and "did you mean" compares each with every kind.
    pub fn help(self) -> String {
        let warnings = Code::WARNINGS.map(Code::as_str);
        match self {
            Refusal::Error(_) => {
                format!("only warnings can be: {}", crate::wording::list(warnings))
            }
            Refusal::Unknown(name) => {
                crate::wording::unknown_help(name, warnings, "the warnings").unwrap_or_default()
            }
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding points: the command line, a whole file, or a span of a file's text. A
/// finding keeps a handle on its file's source, shared with every other finding in it, and
/// turns its span into a line and column only when it is shown.
#[derive(Debug, Clone)]
pub enum At {
    CommandLine,
    File(Arc<Source>),
    Span(Arc<Source>, Span),
}

impl At {
    /// A parser position in `source`; the whole file when the position names no line.
    pub fn position(source: &Arc<Source>, at: Position) -> At {
        match source.span(at) {
            Some(span) => At::Span(source.clone(), span),
            None => At::File(source.clone()),
        }
    }
}

/// Where a finding points, as a reader sees it: line and column (1-based, in characters), the
/// line quoted, and how many characters from the column the finding covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location<'a> {
    pub line: usize,
    pub column: usize,
    pub line_text: &'a str,
    /// Where in `line_text` the finding starts, in bytes.
    pub offset: usize,
    pub width: usize,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub at: At,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>, at: At) -> Self {
        debug_assert_eq!(code.severity(), Severity::Error, "{code} is a warning");
        Diagnostic::new(code, message, at)
    }

    pub fn warning(code: Code, message: impl Into<String>, at: At) -> Self {
        debug_assert_eq!(code.severity(), Severity::Warning, "{code} is an error");
        Diagnostic::new(code, message, at)
    }

    /// A finding as serious as its kind: see [`Code::WARNINGS`].
    fn new(code: Code, message: impl Into<String>, at: At) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
            message: message.into(),
            at,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line only when there is one to give, such as a "did you mean".
    pub fn with_optional_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The file the finding is in; `None` for the command line.
    pub fn source(&self) -> Option<&Source> {
        match &self.at {
            At::CommandLine => None,
            At::File(source) | At::Span(source, _) => Some(source),
        }
    }

    /// The file's name as shown, or `""` for the command line.
    pub fn file(&self) -> &str {
        self.source().map_or("", Source::name)
    }

    /// The line and column, for a finding about part of a file.
    pub fn location(&self) -> Option<Location<'_>> {
        match &self.at {
            At::Span(source, span) => Some(source.location(*span)),
            _ => None,
        }
    }
}

/// One file's findings: those kept, how many more were only counted (see
/// [`crate::load::check::MAX_FINDINGS`]), and how many a policy allowed.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub kept: Vec<Diagnostic>,
    pub omitted_errors: usize,
    pub omitted_warnings: usize,
    /// Warnings a policy allowed: counted, not shown.
    pub allowed: usize,
}

impl Found {
    pub fn one(diagnostic: Diagnostic) -> Found {
        Found {
            kept: vec![diagnostic],
            ..Found::default()
        }
    }

    /// Counts a finding that is not kept.
    pub fn omit(&mut self, finding: &Diagnostic) {
        match finding.severity {
            Severity::Error => self.omitted_errors += 1,
            Severity::Warning => self.omitted_warnings += 1,
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        let kept = self.kept.iter().filter(|d| d.severity == severity).count();
        kept + match severity {
            Severity::Error => self.omitted_errors,
            Severity::Warning => self.omitted_warnings,
        }
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.omitted_errors > 0 || self.kept.iter().any(Diagnostic::is_error)
    }

    pub fn omitted(&self) -> usize {
        self.omitted_errors + self.omitted_warnings
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.omitted() == 0
    }

    /// In file order: what concerns the whole file first, then by position.
    pub fn sort(&mut self) {
        self.kept.sort_by_key(|d| match &d.at {
            At::CommandLine | At::File(_) => (0, 0),
            At::Span(_, span) => (1, span.start),
        });
    }

    /// The same findings without their warnings, for commands that report only what stops them.
    pub fn errors_only(mut self) -> Found {
        self.kept.retain(Diagnostic::is_error);
        self.omitted_warnings = 0;
        self
    }
}
