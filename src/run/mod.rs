//! Carries out a parsed command line: loads the inputs, does the work, renders the text.
//! Returns what to print and how it went; `main` prints it and picks the exit code.

mod assess;
mod diff;
mod init;
mod reference;
mod show;
mod validate;

use std::io::IsTerminal;
use std::rc::Rc;

use crate::cli::{Cli, ColorChoice, Command};
use crate::error::Error;
use crate::load::Loader;
use crate::load::catalog::LadderRef;
use crate::model::Ladder;
use crate::render::{self, Style};

/// What a command produced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// Every problem met; empty when all went well.
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
    /// Records `error`: its text for standard error, its kind for the exit code.
    fn fail(&mut self, error: &Error, color: bool) {
        if !self.stderr.is_empty() {
            self.stderr.push('\n');
        }
        self.stderr
            .push_str(&render::diagnostics::error(error, color));
        self.failures.push(match error {
            Error::Invalid(_) => Failure::Content,
            Error::Usage(_) | Error::Io { .. } | Error::Write { .. } => Failure::Usage,
        });
    }

    /// The worst failure, if any.
    pub fn failure(&self) -> Option<Failure> {
        self.failures.iter().max().copied()
    }
}

/// What every command may need: the loader, and how its two streams want their text.
struct Context {
    loader: Loader,
    stdout: Style,
    stderr_color: bool,
}

impl Context {
    /// The outcome of a command that either produces its text or fails as a whole.
    fn finish(&self, result: Result<String, Error>) -> Outcome {
        let mut outcome = Outcome::default();
        match result {
            Ok(text) => outcome.stdout = text,
            Err(error) => outcome.fail(&error, self.stderr_color),
        }
        outcome
    }

    /// Where the ladder `--ladder` names comes from, or the default ladder's.
    fn ladder_ref(&mut self, name: Option<&str>) -> Result<LadderRef, Error> {
        match name {
            Some(name) => self.loader.find_for_command_line(name),
            None => Ok(self.loader.default_ladder()),
        }
    }

    /// The ladder `--ladder` names, or the default ladder.
    fn ladder(&mut self, name: Option<&str>) -> Result<Rc<Ladder>, Error> {
        let reference = self.ladder_ref(name)?;
        self.loader.ladder(&reference)
    }
}

pub fn run(cli: &Cli) -> Outcome {
    let mut cx = Context {
        loader: Loader::new(cli.max_file_size),
        stdout: Style {
            color: wants_color(cli.color, std::io::stdout().is_terminal()),
            width: terminal_width(),
        },
        stderr_color: wants_color(cli.color, std::io::stderr().is_terminal()),
    };
    match &cli.command {
        Command::Assess(args) => assess::run(args, &mut cx),
        Command::Validate(args) => validate::run(args, &mut cx),
        Command::Diff(args) => {
            let result = diff::run(args, &mut cx);
            cx.finish(result)
        }
        Command::Init(args) => {
            let result = init::run(args, &mut cx);
            cx.finish(result)
        }
        Command::Show(args) => {
            let result = show::show(args, &mut cx);
            cx.finish(result)
        }
        Command::List(args) => {
            let result = show::list(args, &mut cx);
            cx.finish(result)
        }
        Command::Schema(args) => cx.finish(Ok(reference::schema(args))),
        Command::Completions(args) => cx.finish(Ok(reference::completions(args))),
        Command::Man(args) => cx.finish(Ok(reference::man(args))),
    }
}

/// Standard input can be read once; `-` named twice is a usage error.
fn stdin_at_most_once(paths: &[std::path::PathBuf]) -> Result<(), Error> {
    let named = paths
        .iter()
        .filter(|path| path.as_os_str() == crate::load::source::STDIN)
        .count();
    if named > 1 {
        return Err(Error::Usage(
            "standard input (`-`) can be read only once".to_owned(),
        ));
    }
    Ok(())
}

/// Colour when asked, or on a terminal unless `NO_COLOR` is set; `CLICOLOR_FORCE` forces it.
pub fn wants_color(choice: ColorChoice, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => is_terminal,
    }
}

/// The terminal's width, or `COLUMNS` (20 or more) when output is not a terminal.
fn terminal_width() -> Option<u16> {
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(width), _)) = terminal_size::terminal_size()
    {
        return Some(width);
    }
    // `COLUMNS=0` or nonsense means "unknown", not a table one character wide.
    std::env::var("COLUMNS")
        .ok()?
        .parse()
        .ok()
        .filter(|&width| width >= 20)
}
