//! The command line: commands, flags and their help. Parsing only; [`crate::run`] acts on it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::load::source::DEFAULT_MAX_BYTES;

#[derive(Debug, Parser)]
#[command(
    name = "ladder",
    version,
    about = "Turn a career ladder into data and see how far you are from the next level",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// When to colour output: `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Refuse input files larger than this many bytes.
    #[arg(long, global = true, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_file_size: u64,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score self-assessments against a level and show the gaps.
    #[command(after_help = ASSESS_EXAMPLES)]
    Assess(AssessArgs),

    /// Show what changes between two levels, or between two versions of a ladder file.
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),

    /// Check ladder and self-assessment files, for CI and pre-commit hooks.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),

    /// Print the JSON Schema of ladder or self-assessment files, for editors.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema(SchemaArgs),
}

const SCHEMA_EXAMPLES: &str = "\
Examples:
  ladder schema ladder > schemas/ladder.schema.json
  ladder schema assessment > schemas/assessment.schema.json

Then, as the first line of a YAML file, for completion and checking in editors that use
yaml-language-server:
  # yaml-language-server: $schema=../schemas/ladder.schema.json";

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which kind of file.
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Ladder,
    Assessment,
}

const DIFF_EXAMPLES: &str = "\
Examples:
  ladder diff manager senior-manager
  ladder diff senior-manager manager --all
  ladder diff junior staff --ladder ladders/our-ladder.yaml --format markdown
  ladder diff old/ladder.yaml ladders/ladder.yaml --level senior";

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// A level of the ladder, or an older ladder file.
    #[arg(value_name = "FROM")]
    pub from: String,

    /// Another level of the ladder, or a newer ladder file.
    #[arg(value_name = "TO")]
    pub to: String,

    /// The ladder whose levels to compare: a file, or the id of a built-in ladder.
    #[arg(long, value_name = "PATH|ID")]
    pub ladder: Option<String>,

    /// Show every competency, not only those whose expectation changes.
    #[arg(long)]
    pub all: bool,

    /// Comparing two ladder files: show only this level's changes.
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,

    /// How to print the comparison.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

const VALIDATE_EXAMPLES: &str = "\
Examples:
  ladder validate
  ladder validate ladders/ team/ --strict
  ladder validate --format github

Exit status: 0 when no errors (warnings pass unless --strict), 1 when any error, 2 when a path
cannot be read.";

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files, or directories searched for `*.yaml` and `*.yml` [default: ladders]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = FindingsFormat::Human)]
    pub format: FindingsFormat,

    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingsFormat {
    /// rustc-style, quoting the line with a caret under the column.
    Human,
    /// One object with `files`, `findings` and `counts`.
    Json,
    /// GitHub Actions workflow commands that annotate the pull request.
    Github,
}

const ASSESS_EXAMPLES: &str = "\
Examples:
  ladder assess examples/self-assessment.yaml
  ladder assess me.yaml --target senior-manager --format markdown > gaps.md
  ladder assess team/*.yaml --ladder ladders/our-ladder.yaml --format json";

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Self-assessment files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// The level to assess against, instead of each file's `target:`.
    #[arg(long, value_name = "LEVEL")]
    pub target: Option<String>,

    /// A ladder file, or the id of a built-in ladder, instead of each file's `ladder:`.
    #[arg(long, value_name = "PATH|ID")]
    pub ladder: Option<String>,

    /// How to print the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A table sized to the terminal.
    Table,
    /// One JSON object per file (an array when several files are given).
    Json,
    /// A GitHub-flavoured Markdown document.
    Markdown,
}
