//! Carries out a parsed command line: loads the inputs, does the work, renders the text.
//! Returns what to print and how it went; `main` prints it and picks the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;

use crate::assess::{self, Report};
use crate::cli::{
    AssessArgs, Cli, ColorChoice, Command, DiffArgs, FindingsFormat, ReportFormat, SchemaKind,
    ValidateArgs,
};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::load::Loader;
use crate::load::catalog::{self, LadderRef};
use crate::load::check::level_from_command_line;
use crate::model::Ladder;
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
        Command::Diff(args) => diff(args, &mut loader, stdout, stderr_color),
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
    let ladder = match args
        .ladder
        .as_deref()
        .map(|name| loader.find_for_command_line(name))
        .transpose()
    {
        Ok(ladder) => ladder,
        Err(error) => {
            outcome.fail(&error, stderr_color);
            return outcome;
        }
    };
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

fn diff(args: &DiffArgs, loader: &mut Loader, style: Style, stderr_color: bool) -> Outcome {
    let mut outcome = Outcome::default();
    let result = match (names_file(&args.from), names_file(&args.to)) {
        (false, false) => diff_levels(args, loader, style),
        (true, true) => diff_versions(args, loader),
        _ => Err(Error::Usage(
            "compare two levels (`ladder diff manager senior-manager`) or two ladder files \
             (`ladder diff old.yaml new.yaml`), not one of each"
                .to_owned(),
        )),
    };
    match result {
        Ok(text) => outcome.stdout = text,
        Err(error) => outcome.fail(&error, stderr_color),
    }
    outcome
}

/// The ladder `--ladder` names, or the default built-in one.
fn chosen_ladder(loader: &mut Loader, name: Option<&str>) -> Result<Rc<Ladder>, Error> {
    let reference = match name {
        Some(name) => loader.find_for_command_line(name)?,
        None => LadderRef::Builtin(catalog::DEFAULT.id),
    };
    loader.ladder(&reference)
}

/// A `diff` argument names a ladder file when it looks like a path or is an existing file.
fn names_file(argument: &str) -> bool {
    catalog::looks_like_path(argument) || std::path::Path::new(argument).is_file()
}

fn diff_levels(args: &DiffArgs, loader: &mut Loader, style: Style) -> Result<String, Error> {
    if args.level.is_some() {
        return Err(Error::Usage(
            "`--level` picks a level when comparing two ladder files".to_owned(),
        ));
    }
    let ladder = chosen_ladder(loader, args.ladder.as_deref())?;
    let from =
        level_from_command_line(&ladder, &args.from, "to compare from").map_err(Error::invalid)?;
    let to = level_from_command_line(&ladder, &args.to, "to compare to").map_err(Error::invalid)?;
    let diff = crate::diff::levels(&ladder, from, to, args.all);
    Ok(match args.format {
        ReportFormat::Table => render::diff::levels_table(&diff, style),
        ReportFormat::Markdown => render::diff::levels_markdown(&diff),
        ReportFormat::Json => render::diff::levels_json(&diff),
    })
}

fn diff_versions(args: &DiffArgs, loader: &mut Loader) -> Result<String, Error> {
    if args.ladder.is_some() || args.all {
        return Err(Error::Usage(
            "`--ladder` and `--all` compare levels of one ladder; two ladder files are compared whole".to_owned(),
        ));
    }
    let old = loader.ladder(&LadderRef::File(PathBuf::from(&args.from)))?;
    let new = loader.ladder(&LadderRef::File(PathBuf::from(&args.to)))?;
    if let Some(level) = &args.level
        && old.level(level).is_none()
        && new.level(level).is_none()
    {
        level_from_command_line(&new, level, "given to `--level`").map_err(Error::invalid)?;
    }
    let diff = crate::diff::versions(&old, &new, (&args.from, &args.to), args.level.as_deref());
    Ok(match args.format {
        ReportFormat::Table => render::diff::versions_text(&diff),
        ReportFormat::Markdown => render::diff::versions_markdown(&diff),
        ReportFormat::Json => render::diff::versions_json(&diff),
    })
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
