//! Carries out a parsed command line: loads the inputs, does the work, renders the text.
//! Returns what to print and how it went; `main` prints it and picks the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::assess::{self, Report};
use crate::cli::{
    AssessArgs, Cli, ColorChoice, Command, FindingsFormat, ReportFormat, SchemaKind, ValidateArgs,
};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::load::Loader;
use crate::load::catalog::LadderRef;
use crate::render::{self, Style};

/// What a command produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// The problems met, worst first; empty when all went well.
    pub failures: Vec<Failure>,
}

/// The kinds of failure `main` maps to exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Failure {
    /// A file's content is wrong.
    Content,
    /// The command line or a file system operation failed.
    Usage,
}

impl Outcome {
    fn fail(&mut self, error: &Error, color: bool) {
        if !self.stderr.is_empty() {
            self.stderr.push('\n');
        }
        self.stderr
            .push_str(&render::diagnostics::error(error, color));
        self.failures.push(match error {
            Error::Invalid(_) => Failure::Content,
            Error::Usage(_) | Error::Io { .. } => Failure::Usage,
        });
    }

    /// The worst failure, if any.
    pub fn failure(&self) -> Option<Failure> {
        self.failures.iter().max().copied()
    }
}

pub fn run(cli: &Cli) -> Outcome {
    let stdout = Style {
        color: wants_color(cli.color, std::io::stdout().is_terminal()),
        width: terminal_width(),
    };
    let stderr_color = wants_color(cli.color, std::io::stderr().is_terminal());
    let mut loader = Loader::new(cli.max_file_size);
    match &cli.command {
        Command::Assess(args) => assess(args, &mut loader, stdout, stderr_color),
        Command::Validate(args) => validate(args, &mut loader, stdout.color, stderr_color),
        Command::Schema(args) => Outcome {
            stdout: render::json(&match args.kind {
                SchemaKind::Ladder => crate::schema::ladder(),
                SchemaKind::Assessment => crate::schema::assessment(),
            }),
            ..Outcome::default()
        },
    }
}

fn assess(args: &AssessArgs, loader: &mut Loader, style: Style, stderr_color: bool) -> Outcome {
    let mut outcome = Outcome::default();
    let ladder = args.ladder.as_deref().map(LadderRef::from_command_line);
    let mut reports: Vec<Report> = Vec::new();
    for path in &args.files {
        match loader.assessment(path, ladder.as_ref(), args.target.as_deref()) {
            Ok(loaded) => reports.push(assess::assess(
                &loaded.ladder,
                &loaded.assessment,
                &path.display().to_string(),
            )),
            Err(error) => outcome.fail(&error.without_warnings(), stderr_color),
        }
    }
    outcome.stdout = match args.format {
        ReportFormat::Table => render::report::tables(&reports, style),
        ReportFormat::Markdown => render::report::markdowns(&reports),
        ReportFormat::Json if args.files.len() == 1 => {
            reports.first().map(render::json).unwrap_or_default()
        }
        ReportFormat::Json => render::json(&reports),
    };
    outcome
}

fn validate(args: &ValidateArgs, loader: &mut Loader, color: bool, stderr_color: bool) -> Outcome {
    let mut outcome = Outcome::default();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_VALIDATE_PATH)]
    } else {
        args.paths.clone()
    };
    let validation = crate::validate::validate(&paths, loader);
    if validation.files.is_empty() && !validation.unreadable {
        let searched = paths.iter().map(|p| p.display().to_string());
        let message = format!(
            "no `.yaml` or `.yml` files to check in {}",
            crate::wording::list(searched)
        );
        outcome.fail(&Error::Usage(message), stderr_color);
        return outcome;
    }
    outcome.stdout = match args.format {
        FindingsFormat::Human => render::findings::human(&validation, color),
        FindingsFormat::Json => render::findings::json(&validation),
        FindingsFormat::Github => render::findings::github(&validation),
    };
    let errors = validation.count(Severity::Error);
    let warnings = validation.count(Severity::Warning);
    if validation.unreadable {
        outcome.failures.push(Failure::Usage);
    } else if errors > 0 || (args.strict && warnings > 0) {
        outcome.failures.push(Failure::Content);
    }
    outcome
}

/// Where `ladder validate` looks when given no paths: a ladder repository's usual layout.
const DEFAULT_VALIDATE_PATH: &str = "ladders";

/// Colour when asked, or on a terminal unless `NO_COLOR` is set; `CLICOLOR_FORCE` forces it.
fn wants_color(choice: ColorChoice, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => is_terminal,
    }
}

/// The terminal's width, or `COLUMNS` when output is not a terminal.
fn terminal_width() -> Option<u16> {
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(width), _)) = terminal_size::terminal_size()
    {
        return Some(width);
    }
    std::env::var("COLUMNS").ok()?.parse().ok()
}
