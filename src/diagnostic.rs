//! Findings about an input file: what is wrong, where it is, and how to fix it.
//! A finding carries the text of its line so that it can be rendered without the file.

use serde::Serialize;

/// How serious a finding is: errors stop the work, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A stable, kebab-case name for each kind of finding, so that pipelines can match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    EmptyAreas,
    EmptyArea,
    UnknownLevel,
    MissingExpectation,
    ScoreOffScale,
    InvalidWeight,
    ExpectationDecreases,
    MissingSignals,
    RepeatedSignal,
    EmptyDescription,
    // Self-assessments.
    LadderNotFound,
    InvalidLadder,
    MissingTarget,
    UnknownCompetency,
    Unscored,
    MissingEvidence,
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
            Code::EmptyAreas => "empty-areas",
            Code::EmptyArea => "empty-area",
            Code::UnknownLevel => "unknown-level",
            Code::MissingExpectation => "missing-expectation",
            Code::ScoreOffScale => "score-off-scale",
            Code::InvalidWeight => "invalid-weight",
            Code::ExpectationDecreases => "expectation-decreases",
            Code::MissingSignals => "missing-signals",
            Code::RepeatedSignal => "repeated-signal",
            Code::EmptyDescription => "empty-description",
            Code::LadderNotFound => "ladder-not-found",
            Code::InvalidLadder => "invalid-ladder",
            Code::MissingTarget => "missing-target",
            Code::UnknownCompetency => "unknown-competency",
            Code::Unscored => "unscored",
            Code::MissingEvidence => "missing-evidence",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding points: a file, and when known a line and column (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The whole source line, without its line break, for quoting under the message.
    pub line_text: String,
    /// How many characters from `column` the finding covers (at least one).
    pub width: usize,
}

impl Location {
    /// A location naming only the file, for problems that belong to no line.
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_owned(),
            line: 0,
            column: 0,
            line_text: String::new(),
            width: 0,
        }
    }

    /// No file at all: the problem lies in the command line.
    pub fn command_line() -> Self {
        Location::file("")
    }

    pub fn has_file(&self) -> bool {
        !self.file.is_empty()
    }

    pub fn has_position(&self) -> bool {
        self.line > 0
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.has_position() {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        } else {
            f.write_str(&self.file)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// Boxed so that results carrying a diagnostic stay small.
    pub location: Box<Location>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>, location: Location) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: Box::new(location),
            help: None,
        }
    }

    pub fn warning(code: Code, message: impl Into<String>, location: Location) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, location)
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
}
