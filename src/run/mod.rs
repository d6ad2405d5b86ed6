//! Carries out a parsed command line: loads the inputs, does the work, and writes the text as
//! it is made, file by file. Returns how it went; `main` alone picks the exit code.

mod assess;
mod compare;
mod diff;
mod import;
mod init;
pub mod pipe;
mod plan;
mod reference;
mod show;
mod team;
mod validate;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use crate::cli::{Cli, ColorChoice, Command, wants_color};
use crate::error::Error;
use crate::input::Input;
use crate::load::{LadderFile, Loader, Root};
use crate::render::{self, Style};

/// The kinds of failure `main` maps to exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Failure {
    /// A file's content is wrong.
    Content,
    /// The command line or a file system operation failed.
    Usage,
}

impl Failure {
    /// The kind of failure an error is.
    pub fn of(error: &Error) -> Failure {
        match error {
            Error::Invalid(_) => Failure::Content,
            Error::Usage(_) | Error::Io { .. } | Error::Write { .. } => Failure::Usage,
        }
    }
}

/// How a command went: the worst failure met, if any.
pub type Status = Option<Failure>;

/// Where a command's text goes: standard output and standard error, each as it wants its text.
/// Standard output is flushed before anything goes to standard error, so that the two read in
/// the order they were written.
pub struct Streams<'a> {
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
    pub style: Style,
    pub err_color: bool,
    /// Whether an error block has been written, so that the next is set off by a blank line.
    told: bool,
}

impl<'a> Streams<'a> {
    pub fn new(
        out: &'a mut dyn Write,
        err: &'a mut dyn Write,
        style: Style,
        err_color: bool,
    ) -> Self {
        Streams {
            out,
            err,
            style,
            err_color,
            told: false,
        }
    }

    pub fn print(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    pub fn out(&mut self) -> &mut dyn Write {
        self.out
    }

    /// Writes an error block to standard error, a blank line after the one before.
    pub fn tell(&mut self, text: &str) -> io::Result<()> {
        self.out.flush()?;
        if self.told {
            self.err.write_all(b"\n")?;
        }
        self.told = true;
        self.err.write_all(text.as_bytes())?;
        self.err.flush()
    }

    /// Tells `error` and returns the failure it is.
    pub fn fail(&mut self, error: &Error) -> io::Result<Status> {
        let text = render::diagnostics::error(error, self.err_color);
        self.tell(&text)?;
        Ok(Some(Failure::of(error)))
    }

    /// Prints a command's text, or tells its error.
    fn finish(&mut self, result: Result<String, Error>) -> io::Result<Status> {
        match result {
            Ok(text) => self.print(&text).map(|()| None),
            Err(error) => self.fail(&error),
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()?;
        self.err.flush()
    }
}

/// Runs the command. An error is a failure to write output; everything else is in the status.
pub fn run(cli: &Cli, streams: &mut Streams) -> io::Result<Status> {
    let status = match &cli.command {
        Command::Schema(args) => streams.print(&reference::schema(args)).map(|()| None),
        Command::Completions(args) => streams.print(&reference::completions(args)).map(|()| None),
        Command::Man(args) => streams.print(&reference::man(args)).map(|()| None),
        command => {
            let root = match Root::discover() {
                Ok(root) => root,
                Err(e) => {
                    let reason = crate::wording::io_error(&e);
                    let error = Error::Usage(format!("cannot use the working directory: {reason}"));
                    return streams.fail(&error);
                }
            };
            let loader = Loader::new(root, cli.max_file_size);
            match command {
                Command::Assess(args) => assess::run(args, &loader, streams),
                Command::Validate(args) => validate::run(args, loader, streams),
                Command::Diff(args) => streams.finish(diff::run(args, &loader, streams.style)),
                Command::Init(args) => streams.finish(init::run(args, &loader)),
                Command::Plan(args) => streams.finish(plan::run(args, &loader)),
                Command::Team(args) => team::run(args, &loader, streams),
                Command::Compare(args) => {
                    streams.finish(compare::run(args, &loader, streams.style))
                }
                Command::Show(args) => streams.finish(show::show(args, &loader, streams.style)),
                Command::List(args) => streams.finish(show::list(args, &loader, streams.style)),
                Command::Import(args) => import::run(args, &loader, cli.max_file_size, streams),
                Command::Schema(_) | Command::Completions(_) | Command::Man(_) => {
                    unreachable!("handled above")
                }
            }
        }
    }?;
    streams.flush()?;
    Ok(status)
}

/// How standard output and standard error want their text, from `--color` and the terminal.
pub fn styles(choice: ColorChoice) -> (Style, bool) {
    let style = Style {
        color: wants_color(choice, io::stdout().is_terminal()),
        width: terminal_width(),
    };
    (style, wants_color(choice, io::stderr().is_terminal()))
}

/// An output must not replace a file the command reads (`what` it is), however the two are
/// spelt: the `written` thing goes elsewhere.
fn refuse_to_replace(
    output: &Path,
    read: Option<&Path>,
    what: &str,
    written: &str,
) -> Result<(), Error> {
    if read.is_some_and(|read| same_file::is_same_file(output, read).unwrap_or(false)) {
        return Err(Error::Usage(format!(
            "`{}` is {what}; write the {written} elsewhere",
            output.display()
        )));
    }
    Ok(())
}

/// Writes a command's `-o FILE` as `ladder init -o` does: missing folders made inside the
/// repository, then a new file (or, with `force`, a replaced regular one), whole or not at all.
fn write_output(loader: &Loader, output: &Path, text: &str, force: bool) -> Result<(), Error> {
    let missing = output
        .parent()
        .is_some_and(|dir| !dir.as_os_str().is_empty() && !dir.exists());
    if missing {
        // `..` is folded by name, but the system follows links before it: a path with `..`
        // could name one folder here and another there. Only a plain path gets folders made.
        if output
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
        {
            return Err(Error::Write {
                path: output.display().to_string(),
                reason: "its folder is missing, and folders are made only on a path without `..`"
                    .to_owned(),
            });
        }
        loader
            .root()
            .create_parents(output)
            .map_err(|reason| Error::Write {
                path: output.display().to_string(),
                reason: format!("cannot make the folders it goes in: {}", reason.0),
            })?;
    }
    crate::write_file::write_file(output, text, force)
}

/// The ladder `--ladder` names, or the default ladder.
fn ladder(loader: &Loader, name: Option<&str>) -> Result<Arc<LadderFile>, Error> {
    match name {
        Some(name) => loader.ladder_named(name),
        None => Ok(loader.default_ladder()),
    }
}

/// Standard input can be read once; `-` named twice is a usage error.
fn stdin_at_most_once(inputs: &[Input]) -> Result<(), Error> {
    if inputs.iter().filter(|input| input.is_stdin()).count() > 1 {
        return Err(Error::Usage(
            "standard input (`-`) can be read only once".to_owned(),
        ));
    }
    Ok(())
}

/// The terminal's width; when output is not a terminal, `COLUMNS` (20 or more), and otherwise
/// [`Style::DEFAULT_WIDTH`].
fn terminal_width() -> usize {
    if io::stdout().is_terminal()
        && let Some((terminal_size::Width(width), _)) = terminal_size::terminal_size()
        && width >= 20
    {
        return usize::from(width);
    }
    // `COLUMNS=0` or nonsense means "unknown", not a table one character wide.
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.parse().ok())
        .filter(|&width| (20..=u16::MAX.into()).contains(&width))
        .unwrap_or(Style::DEFAULT_WIDTH)
}
