//! Shell completion: the scripts that make a shell ask `ladder` for the words it may complete,
//! and the answers. A script runs `LADDER_COMPLETE=bash ladder -- ladder show sen`, and `ladder`
//! answers with the candidates for the word under the cursor (clap_complete's dynamic
//! completion), so that what completes is what the repository holds: the levels of the ladder
//! the line names with `--ladder`, or else of the default one; the ladders of `ladders/` and
//! those built in; formats, shells and files.
//!
//! What is offered is read as a command would read it, but whatever goes wrong (a broken or
//! unreadable ladder, a folder that cannot be listed) completes nothing: a word is being typed,
//! and nothing else may be printed into it.
//!
//! A shell reads the candidates as they are printed, one a line, with no quoting, and shows
//! them on the terminal: an id or a file name that holds a control, an invisible character or
//! a line break (or, for a name, bytes that are not UTF-8) is not offered at all. It could not
//! be shown as it is, nor typed back from what is shown; the user can still type it.

use std::ffi::{OsStr, OsString};
use std::panic::{self, UnwindSafe};
use std::path::Path;
use std::sync::Arc;

use clap::CommandFactory;
use clap::ValueHint;
use clap::builder::ValueParser;
use clap_complete::engine::{
    ArgValueCompleter, CompletionCandidate, PathCompleter, ValueCompleter,
};
use clap_complete::env::Shells;

use crate::cli::Cli;
use crate::load::catalog;
use crate::load::source::DEFAULT_MAX_BYTES;
use crate::load::{Loader, Root};
use crate::model::Ladder;
use crate::render::safe::is_unsafe;

/// The variable that asks for a script or for candidates. Named for `ladder` rather than
/// clap_complete's `COMPLETE`, a name some other tool's environment may well hold.
pub const VAR: &str = "LADDER_COMPLETE";

/// What was made of a shell's call: answered (the candidates, or the script, are written), or
/// refused, with the message to show; `main` picks the exit status of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Answered,
    Refused(String),
}

/// Answers the shell, when the process was started to complete a command line (its
/// `LADDER_COMPLETE` is set, and it was given nothing, or `--` and the line); `None`
/// otherwise. Any other command line runs as given: a variable left set in CI must not turn
/// `ladder validate` into a script printed with exit status 0.
pub fn answer_if_asked() -> Option<Answer> {
    let args: Vec<OsString> = std::env::args_os().collect();
    if args.len() > 1 && args[1] != "--" {
        return None;
    }
    // A value that names no shell is refused here, before clap_complete, whose error would
    // print the value as it is: a line break and a `::error::` in it would be a line of a CI
    // log, an escape sequence a command to the terminal. The error names the shells instead,
    // and says nothing of the value. It is an error (exit status 2) rather than a run as if
    // the variable were not set: only `ladder` alone or `ladder -- …`, lines no one runs but a
    // completion script, get here (`ladder validate` and every other command ran as given
    // above), and there a misspelt shell is better told than answered with ladder's usage.
    if let Some(value) = std::env::var_os(VAR)
        && !shell_named(&value)
    {
        return Some(Answer::Refused(unknown_shell()));
    }
    let line = Line::of(&args);
    let complete = clap_complete::CompleteEnv::with_factory(move || command(&line)).var(VAR);
    let dir = std::env::current_dir().ok();
    match complete.try_complete(args, dir.as_deref()) {
        Ok(true) => Some(Answer::Answered),
        Ok(false) => None,
        // Only writing the answer can fail here, and its words hold nothing of the line.
        Err(error) => Some(Answer::Refused(error.to_string().trim_end().to_owned())),
    }
}

/// Whether `value`, given as `LADDER_COMPLETE`, asks for nothing (empty, or `0`) or names a
/// shell clap_complete completes in, as clap_complete reads it: by the file's stem, so that
/// `$SHELL`'s `/bin/zsh` names zsh.
fn shell_named(value: &OsStr) -> bool {
    if value.is_empty() || value == "0" {
        return true;
    }
    let stem = Path::new(value).file_stem().unwrap_or(value);
    stem.to_str()
        .is_some_and(|name| Shells::builtins().completer(name).is_some())
}

/// The error for a `LADDER_COMPLETE` that names no shell: the shells it may name, and not
/// what it holds.
fn unknown_shell() -> String {
    let shells = crate::wording::choice(Shells::builtins().names());
    format!("error: {VAR} names no shell ladder completes in; expected {shells}")
}

/// The script that completes `ladder` in `shell`: the one `LADDER_COMPLETE=SHELL ladder` prints,
/// which asks the `ladder` the shell finds for the candidates. It names `ladder` rather than
/// the path this binary was started by, as a script is kept in a file, and completes the
/// `ladder` the shell runs.
pub fn script(shell: clap_complete::Shell) -> String {
    let shells = Shells::builtins();
    let completer = shells
        .completer(&shell.to_string())
        .expect("every shell clap_complete generates for, it completes in");
    let mut script = Vec::new();
    completer
        .write_registration(VAR, "ladder", "ladder", "ladder", &mut script)
        .expect("writing to memory cannot fail");
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if shell == clap_complete::Shell::Zsh {
        // Kept as `_ladder` in `fpath`, the script is the body of a function zsh loads at the
        // first completion, which then only registers the completer: it completes that time too.
        script.push_str(
            "if [ \"$funcstack[1]\" = \"_ladder\" ]; then\n    \
             _clap_dynamic_completer_ladder \"$@\"\nfi\n",
        );
    }
    script
}

/// What the command line being completed says about where candidates come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Line {
    /// The value of `--ladder`, when the line gives one.
    ladder: Option<String>,
    /// The value of `--max-file-size`, when the line gives a number.
    max_file_size: Option<u64>,
}

impl Line {
    /// Reads `ladder -- ladder show --ladder ours.yaml sen`: the words after the first `--`,
    /// up to a `--` of their own, after which every word is an argument.
    fn of(args: &[OsString]) -> Line {
        let mut words = args
            .iter()
            .skip_while(|arg| *arg != "--")
            .skip(1)
            .map(|arg| arg.to_string_lossy())
            .take_while(|word| word != "--");
        let mut line = Line::default();
        while let Some(word) = words.next() {
            let (name, inline) = match word.split_once('=') {
                Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                None => (word.into_owned(), None),
            };
            // `--ladder=ours` or `--ladder ours`.
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| words.next().map(|w| w.into_owned()))
            };
            match name.as_str() {
                "--ladder" => line.ladder = value(),
                "--max-file-size" => line.max_file_size = value().and_then(|v| v.parse().ok()),
                _ => {}
            }
        }
        line
    }

    fn loader(&self) -> Option<Loader> {
        let root = Root::discover().ok()?;
        Some(Loader::new(
            root,
            self.max_file_size.unwrap_or(DEFAULT_MAX_BYTES),
        ))
    }

    /// The ladder the line's command would use, when it can be read and has no errors.
    fn ladder(&self) -> Option<Arc<Ladder>> {
        let loader = self.loader()?;
        let file = match &self.ladder {
            Some(name) => loader.ladder_named(name).ok()?,
            None => loader.default_ladder(),
        };
        file.ladder.clone()
    }

    /// The levels of the ladder, each with its title.
    fn levels(&self) -> Vec<CompletionCandidate> {
        let Some(ladder) = self.ladder() else {
            return Vec::new();
        };
        ladder
            .levels
            .iter()
            .filter_map(|level| candidate(level.id.as_str(), &level.title))
            .collect()
    }

    /// The ladders an id names: those of `ladders/` that have no errors, then those built in
    /// that no ladder there hides.
    fn ladders(&self) -> Vec<CompletionCandidate> {
        let Some(loader) = self.loader() else {
            return Vec::new();
        };
        let mut ladders: Vec<Arc<Ladder>> = loader
            .local_ladders()
            .iter()
            .filter_map(|file| file.ladder.clone())
            .collect();
        for builtin in catalog::BUILTINS {
            let shadowed = ladders
                .iter()
                .any(|ladder| ladder.id.as_str() == builtin.id);
            if let (false, Some(ladder)) = (shadowed, loader.builtin(builtin.id).ladder.clone()) {
                ladders.push(ladder);
            }
        }
        ladders
            .iter()
            .filter_map(|ladder| candidate(ladder.id.as_str(), &ladder.title))
            .collect()
    }
}

/// An id offered, with its title as the help that some shells show beside it; none when the
/// id could not be typed back as it is shown.
fn candidate(id: &str, title: &str) -> Option<CompletionCandidate> {
    if id.is_empty() || id.chars().any(crate::render::safe::is_unsafe) {
        return None;
    }
    let title = crate::render::safe::plain(title).into_owned();
    Some(CompletionCandidate::new(id).help(Some(title.into())))
}

/// What an argument completes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A level of the ladder: `--target`, `--level`, `ladder show`'s LEVEL.
    Level,
    /// A level, or a ladder file: `ladder diff`'s FROM and TO.
    LevelOrFile,
    /// A ladder's id, or a ladder file: `--ladder`.
    LadderOrFile,
}

impl Kind {
    /// What the argument `arg` of the command `command` completes to, if ids.
    fn of(command: &str, arg: &str) -> Option<Kind> {
        match (command, arg) {
            ("diff", "from" | "to") => Some(Kind::LevelOrFile),
            (_, "target" | "level") => Some(Kind::Level),
            (_, "ladder") => Some(Kind::LadderOrFile),
            _ => None,
        }
    }

    /// The candidates that start with `current`.
    fn complete(self, line: &Line, current: &OsStr) -> Vec<CompletionCandidate> {
        let Some(typed) = current.to_str() else {
            // No id has such a name; a file may.
            return match self {
                Kind::Level => Vec::new(),
                Kind::LevelOrFile | Kind::LadderOrFile => Paths::any().complete(current),
            };
        };
        let ids = match self {
            Kind::Level | Kind::LevelOrFile => quietly(|| line.levels()),
            Kind::LadderOrFile => quietly(|| line.ladders()),
        };
        let mut candidates: Vec<CompletionCandidate> = ids
            .into_iter()
            .filter(|id| id.get_value().to_string_lossy().starts_with(typed))
            .collect();
        if self != Kind::Level {
            candidates.extend(Paths::any().complete(current));
        }
        candidates
    }
}

/// The paths clap_complete lists for a word, less those that could not be shown safely: every
/// path `ladder` completes is offered through it, never by a `ValueHint`, which clap_complete
/// answers with every name a folder holds.
struct Paths {
    paths: PathCompleter,
    /// Whether the candidates are sorted, directories among files, as clap_complete sorts
    /// those it completes for a `ValueHint`.
    sorted: bool,
}

impl Paths {
    /// Any path, in clap_complete's order: for an input, and after the levels or ladder ids
    /// where a path may go instead.
    fn any() -> Paths {
        Paths {
            paths: PathCompleter::any(),
            sorted: false,
        }
    }

    /// The paths clap_complete would complete for an argument with the hint `hint`, if any.
    fn hinted(hint: ValueHint) -> Option<Paths> {
        let paths = match hint {
            ValueHint::Unknown
            | ValueHint::Other
            | ValueHint::CommandName
            | ValueHint::CommandString
            | ValueHint::CommandWithArguments
            | ValueHint::Username
            | ValueHint::Hostname
            | ValueHint::Url
            | ValueHint::EmailAddress => return None,
            // No argument of ladder's names a program; one that did would be offered files.
            ValueHint::FilePath | ValueHint::ExecutablePath => PathCompleter::file(),
            ValueHint::DirPath => PathCompleter::dir(),
            // `AnyPath`, and any hint clap adds later, which clap_complete completes as a path.
            _ => PathCompleter::any(),
        };
        Some(Paths {
            paths,
            sorted: true,
        })
    }
}

impl ValueCompleter for Paths {
    fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
        let mut candidates: Vec<CompletionCandidate> = self
            .paths
            .complete(current)
            .into_iter()
            .filter(shown_as_it_is)
            .collect();
        if self.sorted {
            candidates.sort();
        }
        candidates
    }
}

/// Whether a path offered is shown as it is: UTF-8 (a shell shown U+FFFD in its place would
/// complete a path that does not exist), with no control, invisible character or line break
/// (which would reach the terminal, or split one candidate into two).
fn shown_as_it_is(candidate: &CompletionCandidate) -> bool {
    let text = |text: &str| !text.chars().any(is_unsafe);
    candidate.get_value().to_str().is_some_and(text)
        && candidate
            .get_help()
            .is_none_or(|help| text(&help.to_string()))
}

/// `f`'s answer; none if it panics, and then without a word on standard error.
fn quietly<T: Default>(f: impl FnOnce() -> T + UnwindSafe) -> T {
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let answer = panic::catch_unwind(f);
    panic::set_hook(hook);
    answer.unwrap_or_default()
}

/// `ladder`'s command line, as completion sees it: ids where ids go, and paths wherever a
/// command reads a file or standard input.
fn command(line: &Line) -> clap::Command {
    with_completers(Cli::command(), line)
}

fn with_completers(mut command: clap::Command, line: &Line) -> clap::Command {
    let name = command.get_name().to_owned();
    let input = ValueParser::new(crate::input::parser()).type_id();
    let args: Vec<clap::Id> = command
        .get_arguments()
        .map(|a| a.get_id().clone())
        .collect();
    for id in args {
        let kind = Kind::of(&name, id.as_str());
        command = command.mut_arg(id, |arg| {
            if let Some(kind) = kind {
                let line = line.clone();
                arg.add(ArgValueCompleter::new(move |current: &OsStr| {
                    kind.complete(&line, current)
                }))
            } else if arg.get_value_parser().type_id() == input {
                // An input (a file, a folder searched, or `-`) names a path, whatever its type.
                arg.add(ArgValueCompleter::new(Paths::any()))
            } else if let Some(paths) =
                Paths::hinted(arg.get_value_hint()).filter(|_| arg.get_possible_values().is_empty())
            {
                // A path by its hint (a `PathBuf`, such as `--output`, has one unasked), which
                // clap_complete would complete unfiltered. Possible values come before it there,
                // and here.
                arg.add(ArgValueCompleter::new(paths))
            } else {
                arg
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for sub in subcommands {
        command = command.mut_subcommand(sub, |sub| with_completers(sub, line));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str]) -> Line {
        let args: Vec<OsString> = ["ladder", "--"]
            .iter()
            .chain(words)
            .map(OsString::from)
            .collect();
        Line::of(&args)
    }

    #[test]
    fn the_line_names_its_ladder() {
        assert_eq!(line(&["ladder", "show", ""]), Line::default());
        assert_eq!(
            line(&["ladder", "show", "--ladder", "ours.yaml", "sen"]).ladder,
            Some("ours.yaml".to_owned())
        );
        assert_eq!(
            line(&[
                "ladder",
                "diff",
                "--ladder=ours",
                "--max-file-size",
                "9",
                ""
            ]),
            Line {
                ladder: Some("ours".to_owned()),
                max_file_size: Some(9)
            }
        );
        // After `--`, `--ladder` is an argument, not the option.
        assert_eq!(
            line(&["ladder", "diff", "--", "--ladder", "x"]),
            Line::default()
        );
    }

    #[test]
    fn ids_go_where_ids_are_asked_for() {
        assert_eq!(Kind::of("show", "level"), Some(Kind::Level));
        assert_eq!(Kind::of("assess", "target"), Some(Kind::Level));
        assert_eq!(Kind::of("diff", "level"), Some(Kind::Level));
        assert_eq!(Kind::of("diff", "from"), Some(Kind::LevelOrFile));
        assert_eq!(Kind::of("init", "ladder"), Some(Kind::LadderOrFile));
        assert_eq!(Kind::of("assess", "files"), None);
    }

    #[test]
    fn an_id_that_cannot_be_typed_back_is_not_offered() {
        assert!(candidate("senior", "Senior").is_some());
        assert!(candidate("sen\u{1b}[31mior", "Senior").is_none());
        let offered = candidate("senior", "Senior\u{1b}[2J").unwrap();
        assert!(!offered.get_help().unwrap().to_string().contains('\u{1b}'));
    }

    #[test]
    fn a_path_that_cannot_be_shown_is_not_offered() {
        assert!(shown_as_it_is(&CompletionCandidate::new("ladders/ok.yaml")));
        for name in [
            "a\n::error::x",
            "\u{1b}[2J",
            "\u{9b}c",
            "e\u{202e}f",
            "g\u{2028}h",
        ] {
            assert!(!shown_as_it_is(&CompletionCandidate::new(name)), "{name:?}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = OsStr::from_bytes(b"\xffd.yaml");
            assert!(!shown_as_it_is(&CompletionCandidate::new(name)));
        }
    }

    #[test]
    fn the_variable_names_a_shell_or_nothing() {
        for value in [
            "bash",
            "/bin/zsh",
            "fish",
            "elvish",
            "powershell",
            "pwsh",
            "",
            "0",
        ] {
            assert!(shell_named(OsStr::new(value)), "{value:?}");
        }
        for value in ["tcsh", "x\n::error::x", "\u{1b}[2J"] {
            assert!(!shell_named(OsStr::new(value)), "{value:?}");
        }
        assert!(!unknown_shell().contains("tcsh"));
    }

    /// `ladder completions` takes the shells clap_complete generates for: each has a script.
    #[test]
    fn every_shell_has_its_script() {
        for shell in <clap_complete::Shell as clap::ValueEnum>::value_variants() {
            assert!(script(*shell).contains("LADDER_COMPLETE"), "{shell}");
        }
    }
}
