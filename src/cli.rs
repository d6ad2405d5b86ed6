//! The command line: commands, flags and their help. Parsing only; [`crate::run`] acts on it.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Code;
use crate::input::Input;
use crate::load::source::DEFAULT_MAX_BYTES;

/// The heading of the options every command takes. Each command's help lists them under it,
/// after the command's own: a global option is copied into every command with its heading, and
/// clap prints headed options after the unheaded ones.
pub const GLOBAL_OPTIONS: &str = "Global options";

#[derive(Debug, Parser)]
#[command(
    name = "ladder",
    version,
    about = "Turn a career ladder into data and see how far you are from the next level",
    propagate_version = true,
    after_help = TOP_EXAMPLES,
    max_term_width = 100
)]
pub struct Cli {
    /// When to colour output: `auto` colours a terminal; `NO_COLOR` turns colour off and
    /// `CLICOLOR_FORCE` turns it on.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = GLOBAL_OPTIONS)]
    pub color: ColorChoice,

    /// Refuse input files larger than this many bytes.
    #[arg(long, global = true, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES", help_heading = GLOBAL_OPTIONS)]
    pub max_file_size: u64,

    #[command(subcommand)]
    pub command: Command,
}

/// Parses the process's arguments, colouring help and usage errors as `--color` asks. As every
/// clap program does, this prints `--help` and `--version` (exit 0) and usage errors (exit 2)
/// itself and exits: the one place besides `main` that ends the process.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let choice = color_from_args(args.iter().cloned());
    let mut command = Cli::command().color(match choice {
        ColorChoice::Always => clap::ColorChoice::Always,
        ColorChoice::Never => clap::ColorChoice::Never,
        ColorChoice::Auto => clap::ColorChoice::Auto,
    });
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.unwrap_or_else(|error| {
        // clap echoes values in its messages, styled text stripped and `--flag=VALUE` split,
        // so the message is made again from the arguments made safe: the same mistake, told
        // without a byte that could forge a line or an escape.
        let safe: Vec<std::ffi::OsString> = args
            .iter()
            .map(|arg| {
                crate::render::safe::plain(&arg.to_string_lossy())
                    .into_owned()
                    .into()
            })
            .collect();
        let retold = command
            .try_get_matches_from_mut(&safe)
            .err()
            .filter(|retold| retold.kind() == error.kind())
            .unwrap_or(error);
        exit(&retold.format(&mut command), choice, &args)
    })
}

/// Prints help, the version or a usage error as clap would, with every argument value it
/// echoes made safe (a value may hold anything a file name can), and a failed write said.
fn exit(error: &clap::Error, choice: ColorChoice, args: &[std::ffi::OsString]) -> ! {
    use std::io::{IsTerminal, Write};
    let to_stderr = error.use_stderr();
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let rendered = error.render();
    let mut text = if wants_color(choice, terminal) {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    // clap echoes a value given as `--flag=VALUE` without the flag: that part is made safe too.
    let values = args
        .iter()
        .map(|arg| arg.to_string_lossy())
        .flat_map(|arg| {
            let after_equals = arg.split_once('=').map(|(_, value)| value.to_owned());
            std::iter::once(arg.into_owned()).chain(after_equals)
        });
    for value in values {
        let safe = crate::render::safe::plain(&value);
        if safe != value {
            text = text.replace(&value, &safe);
        }
    }
    let written = if to_stderr {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        let mut out = std::io::stdout();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let stream = if to_stderr {
                "standard error"
            } else {
                "standard output"
            };
            let reason = crate::wording::io_error(&e);
            let _ = writeln!(
                std::io::stderr(),
                "error: cannot write to {stream}: {reason}"
            );
            std::process::exit(2)
        }
        _ => std::process::exit(error.exit_code()),
    }
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

/// `--color` before clap has parsed anything, so that even `--help` honours it.
fn color_from_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> ColorChoice {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value =
        args.iter()
            .enumerate()
            .rev()
            .find_map(|(i, arg)| match arg.strip_prefix("--color") {
                Some(rest) if rest.starts_with('=') => Some(rest[1..].to_owned()),
                Some("") => args.get(i + 1).cloned(),
                _ => None,
            });
    match value.as_deref() {
        Some("always") => ColorChoice::Always,
        Some("never") => ColorChoice::Never,
        _ => ColorChoice::Auto,
    }
}

/// `--ladder` for the commands that read one ladder.
const LADDER_HELP: &str = "The ladder: a file, or the id of a ladder in the repository's `ladders/` or built in [default: engineering-management]";

const TOP_EXAMPLES: &str = "\
Examples:
  ladder init -o me.yaml
  ladder assess me.yaml
  ladder diff manager senior-manager
  ladder validate ladders/ --format github

Exit status: 0 success, 1 a file's content is wrong, 2 usage or I/O.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a self-assessment template for a ladder, ready to fill in.
    #[command(after_help = INIT_EXAMPLES)]
    Init(InitArgs),

    /// Score self-assessments against a level and show the gaps.
    #[command(after_help = ASSESS_EXAMPLES)]
    Assess(AssessArgs),

    /// A growth plan from a self-assessment: the gaps in the order to work on them, each with
    /// the signals to show as a task list, the strengths, and what is not scored yet.
    #[command(after_help = PLAN_EXAMPLES)]
    Plan(PlanArgs),

    /// Assessments of one person side by side: a self-assessment and a manager's, or one
    /// quarter and the next.
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),

    /// A team at a glance: each person's latest assessment, the readiest first, and a heatmap
    /// of gaps by competency.
    #[command(after_help = TEAM_EXAMPLES)]
    Team(TeamArgs),

    /// Show what changes between two levels, or between two versions of a ladder file.
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),

    /// Check ladder and self-assessment files, for CI and pre-commit hooks.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),

    /// Show what a level expects, or the whole ladder as a competency-by-level matrix.
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),

    /// List the ladders available: built in, and those in the repository's `ladders/`.
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),

    /// Convert a ladder kept in another format (an FT job family, a CSV export) into a ladder
    /// file.
    #[command(after_help = IMPORT_EXAMPLES, disable_help_subcommand = true)]
    Import(ImportArgs),

    /// Print the JSON Schema of ladder or self-assessment files, for editors.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema(SchemaArgs),

    /// Print the script that makes a shell complete ladder's command lines.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),

    /// Print the manual page, in roff: of `ladder`, or of one of its commands.
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
}

const INIT_EXAMPLES: &str = "\
Examples:
  ladder init -o me.yaml
  ladder init --target manager --ladder ladders/our-ladder.yaml -o team/grace.yaml
  ladder init > me.yaml

Without --target, the template aims at the level above the ladder's most junior one.

Exit status: 0 the template is written, 1 the ladder has errors or --target is not one of its
levels, 2 usage or I/O (a FILE that exists without --force, say).";

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The level to assess against.
    #[arg(long, value_name = "LEVEL")]
    pub target: Option<String>,

    #[arg(long, value_name = "PATH|ID", help = LADDER_HELP)]
    pub ladder: Option<String>,

    /// The person assessed, instead of a placeholder to replace.
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,

    /// Who scores: `self` (the default), or a name.
    #[arg(long, value_name = "NAME", default_value = "self")]
    pub assessor: String,

    /// The date of the assessment, `YYYY-MM-DD`; by default, today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Write the template to FILE instead of standard output; an existing file is kept, and
    /// missing folders inside the repository are made.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE if it exists (atomically: the old file stays whole until the new one is).
    #[arg(long, requires = "output")]
    pub force: bool,
}

const SHOW_EXAMPLES: &str = "\
Examples:
  ladder show senior-manager
  ladder show senior-manager --new
  ladder show
  ladder show --format markdown > docs/ladder.md
  ladder show senior-manager --format csv > tracker.csv
  ladder show staff --ladder ladders/our-ladder.yaml

Exit status: 0 shown, 1 the ladder has errors or LEVEL is not one of its levels, 2 usage or I/O.";

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The level to show; without it, every level side by side.
    #[arg(value_name = "LEVEL")]
    pub level: Option<String>,

    #[arg(long, value_name = "PATH|ID", help = LADDER_HELP)]
    pub ladder: Option<String>,

    /// Only what LEVEL adds to the level below it: the competencies that change, and the
    /// signals that are new.
    #[arg(long)]
    pub new: bool,

    /// How to print it.
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

const LIST_EXAMPLES: &str = "\
Examples:
  ladder list
  ladder list --format json

Exit status: 0 listed (a ladder file with errors is listed with them), 2 usage or I/O.";

#[derive(Debug, Args)]
pub struct ListArgs {
    /// How to print it.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  ladder completions bash > ~/.local/share/bash-completion/completions/ladder
  ladder completions zsh > ~/.zfunc/_ladder
  ladder completions fish > ~/.config/fish/completions/ladder.fish
  echo 'source <(LADDER_COMPLETE=bash ladder)' >> ~/.bashrc

The script asks ladder for the candidates as you type: the levels of the ladder the line names
(or of the default one), the ladders of the repository and those built in, formats and files.
Write it again after upgrading ladder, or have the shell make it afresh as it starts, as the last
example does: a script and a ladder of other versions may not understand each other.

Exit status: 0 the script is printed, 2 usage or I/O.";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

const MAN_EXAMPLES: &str = "\
Examples:
  ladder man > ladder.1 && man ./ladder.1
  ladder man assess > ladder-assess.1
  for c in \"\" init assess plan compare team diff validate show list import import-ft \\
    import-csv schema completions man; do
    ladder man $c > ladder${c:+-$c}.1; done

Exit status: 0 the page is printed, 2 usage or I/O.";

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print, such as `assess` or `import-csv`; without it, the page
    /// of `ladder`.
    #[arg(value_name = "COMMAND", value_parser = MAN_PAGES)]
    pub command: Option<String>,
}

/// The pages `ladder man` prints besides `ladder`'s: one for each command, and one for each
/// format of `ladder import`, as the page of `ladder import` names them.
pub const MAN_PAGES: [&str; 15] = [
    "init",
    "assess",
    "plan",
    "compare",
    "team",
    "diff",
    "validate",
    "show",
    "list",
    "import",
    "import-ft",
    "import-csv",
    "schema",
    "completions",
    "man",
];

/// The commands that have pages of their own; a test keeps this list in step with [`Command`].
pub const COMMANDS: [&str; 13] = [
    "init",
    "assess",
    "plan",
    "compare",
    "team",
    "diff",
    "validate",
    "show",
    "list",
    "import",
    "schema",
    "completions",
    "man",
];

/// The exit status of `ladder import` and of each of its formats, whose help and pages say it.
macro_rules! import_exit_status {
    () => {
        "Exit status: 0 converted, 1 the file's content cannot be converted (every problem is
listed, with its line and column), 2 usage or I/O."
    };
}

const IMPORT_EXAMPLES: &str = concat!(
    "\
Examples:
  ladder import ft engineering.yml -o ladders/engineering.yaml
  ladder import csv ladder.csv --scale \"1=Learning,2=Practising,3=Fluent\" -o ladders/ours.yaml
  ladder import csv ladder.csv | ladder validate -

The ladder is printed, or written to a new file with -o.

",
    import_exit_status!()
);

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub format: ImportFormat,
}

#[derive(Debug, Subcommand)]
pub enum ImportFormat {
    /// A job family in the Financial Times' engineering-progression format (`name`, `levels`,
    /// `themes`, `competencies`).
    #[command(after_help = IMPORT_FT_EXAMPLES)]
    Ft(ImportFtArgs),

    /// A spreadsheet saved as CSV: a header naming `area`, `competency`, `level`, `score` and
    /// `signal`, then one row per signal.
    #[command(after_help = IMPORT_CSV_EXAMPLES)]
    Csv(ImportCsvArgs),
}

const IMPORT_FT_EXAMPLES: &str = concat!(
    "\
Examples:
  ladder import ft engineering.yml
  ladder import ft engineering.yml --id ft-engineering -o ladders/ft-engineering.yaml

Each theme becomes a competency in one area, `themes`; each statement a signal of its level, at
the score of its proficiency (Awareness 1 … Expert 5). Levels whose id ends in -ic or -pm (or
whose name says (Individual Contributor) or (People Manager)) make two tracks after the last
level they share.

",
    import_exit_status!()
);

#[derive(Debug, Args)]
pub struct ImportFtArgs {
    /// The job family's YAML file; `-` reads standard input.
    #[arg(value_name = "FILE", value_parser = crate::input::parser())]
    pub file: Input,

    #[command(flatten)]
    pub output: ImportOutput,
}

const IMPORT_CSV_EXAMPLES: &str = concat!(
    "\
Examples:
  ladder import csv ladder.csv
  ladder import csv ladder.csv --title \"Platform Engineering\" -o ladders/platform.yaml
  ladder import csv ladder.csv --scale \"1=Learning,2=Practising,3=Fluent,4=Teaching\"
  ladder import csv each-level-in-full.csv --per-level

Columns, in any order and case: area, competency, level, score, signal (which may be left out).
Areas, competencies and levels are named by title, in the order first met; a row with an empty
signal gives the score alone.

",
    import_exit_status!()
);

#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// The CSV file; `-` reads standard input.
    #[arg(value_name = "FILE", value_parser = crate::input::parser())]
    pub file: Input,

    /// The ladder's title [default: the file's name]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Names for the scores, such as `1=Learning,2=Practising`; the scale is every score from
    /// the smallest to the largest used or named [default: each score named by its number]
    #[arg(long, value_name = "SCORE=LABEL,...", value_parser = parse_scale)]
    pub scale: Option<ScaleLabels>,

    /// Each level lists everything expected of it (`signals: per-level`), rather than what it
    /// adds to the levels below (`signals: cumulative`).
    #[arg(long)]
    pub per_level: bool,

    #[command(flatten)]
    pub output: ImportOutput,
}

/// The labels `--scale` gives, by score, in ascending order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleLabels(pub Vec<(u32, String)>);

/// `--scale`, parsed once by clap, so that a bad value is a usage error.
fn parse_scale(text: &str) -> Result<ScaleLabels, String> {
    crate::import::csv::parse_scale(text).map(ScaleLabels)
}

/// Where an imported ladder goes, and its id.
#[derive(Debug, Args)]
pub struct ImportOutput {
    /// The ladder's id, in lowercase kebab-case [default: made from the file's name]
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// Write the ladder to FILE instead of standard output; an existing file is kept.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE if it exists (atomically: the old file stays whole until the new one is).
    #[arg(long, requires = "output")]
    pub force: bool,
}

const SCHEMA_EXAMPLES: &str = "\
Examples:
  ladder schema ladder > schemas/ladder.schema.json
  ladder schema assessment > schemas/assessment.schema.json

For completion and checking in editors that use yaml-language-server, make the first line of a
YAML file name its schema:
  # yaml-language-server: $schema=../schemas/ladder.schema.json

Exit status: 0 the schema is printed, 2 usage or I/O.";

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
  ladder diff old/ladder.yaml ladders/ladder.yaml --level senior
  git show main:ladders/ladder.yaml | ladder diff - ladders/ladder.yaml

Exit status: 0 shown, 1 a ladder has errors or a level is not one of its levels, 2 usage or
I/O.";

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// A level of the ladder, or an older ladder file (`-` reads it from standard input).
    #[arg(value_name = "FROM")]
    pub from: String,

    /// Another level of the ladder, or a newer ladder file.
    #[arg(value_name = "TO")]
    pub to: String,

    #[arg(long, value_name = "PATH|ID", help = LADDER_HELP)]
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
  ladder validate team/ --allow unscored --deny missing-evidence
  ladder validate --format github

A team sets its policy for every run in `ladder.toml` at the repository root, a `[validate]`
table such as `strict = true`, `allow = [\"unscored\"]` and `deny = [\"missing-evidence\"]`; the
command line has the last word on each kind of warning it names.

Exit status: 0 when no errors (warnings pass unless --strict), 1 when any error (a mistake in
`ladder.toml` included), 2 when a path cannot be read or the command line is wrong.";

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files, or directories searched for `*.yaml` and `*.yml`; `-` reads standard input
    /// [default: the repository's `ladders/`]
    #[arg(value_name = "PATH", value_parser = crate::input::parser())]
    pub paths: Vec<Input>,

    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = FindingsFormat::Human)]
    pub format: FindingsFormat,

    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// Do not show warnings of this kind, only count them; repeatable.
    #[arg(long, value_name = "KIND", value_parser = WarningKind)]
    pub allow: Vec<Code>,

    /// Report warnings of this kind as errors, which fail the run; repeatable.
    #[arg(long, value_name = "KIND", value_parser = WarningKind)]
    pub deny: Vec<Code>,

    /// Print only the summary line, and any path that cannot be read (`--format human`).
    #[arg(short, long)]
    pub quiet: bool,

    /// Ignore the repository's `ladder.toml`.
    #[arg(long)]
    pub no_config: bool,
}

/// A kind of warning for `--allow` and `--deny`: one of [`Code::WARNINGS`], offered as such by
/// help and completion, and refused in the words `ladder.toml` gets.
#[derive(Debug, Clone, Copy)]
struct WarningKind;

impl clap::builder::TypedValueParser for WarningKind {
    type Value = Code;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Code, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let name = value.to_string_lossy();
        Code::warning(&name).map_err(|refusal| {
            let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(command);
            let arg = arg.map_or_else(String::new, ToString::to_string);
            let tip = format!("{}; {}", refusal.message(), refusal.help());
            error.insert(ContextKind::InvalidArg, ContextValue::String(arg));
            error.insert(
                ContextKind::InvalidValue,
                ContextValue::String(name.to_string()),
            );
            error.insert(
                ContextKind::Suggested,
                ContextValue::StyledStrs(vec![tip.into()]),
            );
            error
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let names = Code::WARNINGS.iter().map(|code| code.as_str());
        Some(Box::new(names.map(clap::builder::PossibleValue::new)))
    }
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

const PLAN_EXAMPLES: &str = "\
Examples:
  ladder plan me.yaml
  ladder plan me.yaml --target senior-manager -o plan.md
  ladder plan me.yaml --format json

Exit status: 0 the plan is written, 1 the assessment or its ladder has errors, 2 usage or I/O.";

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The self-assessment; `-` reads standard input.
    #[arg(value_name = "FILE", value_parser = crate::input::parser())]
    pub file: Input,

    /// The level to plan towards, instead of the file's `target:`.
    #[arg(long, value_name = "LEVEL")]
    pub target: Option<String>,

    #[arg(long, value_name = "PATH|ID", help = LADDER_HELP)]
    pub ladder: Option<String>,

    /// Write the plan to FILE instead of standard output; an existing file is kept.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE if it exists (atomically: the old file stays whole until the new one is).
    #[arg(long, requires = "output")]
    pub force: bool,

    /// How to write the plan.
    #[arg(long, value_enum, default_value_t = PlanFormat::Markdown)]
    pub format: PlanFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// GitHub-flavoured Markdown, with the signals to show as a task list.
    Markdown,
    /// JSON, for programs.
    Json,
    /// One self-contained HTML page, printable, the signals to show as a list to tick off.
    Html,
}

const COMPARE_EXAMPLES: &str = "\
Examples:
  ladder compare examples/self-assessment.yaml examples/manager-review.yaml
  ladder compare reviews/ada-*.yaml --target senior-manager --format markdown > ada.md

Exit status: 0 compared, 1 a file or its ladder has errors, or the files are not of one person
against one ladder, 2 usage or I/O.";

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more assessments of one person; `-` reads one from standard input.
    #[arg(required = true, num_args = 2.., value_name = "FILE", value_parser = crate::input::parser())]
    pub files: Vec<Input>,

    /// The level to compare against, instead of the latest file's `target:`.
    #[arg(long, value_name = "LEVEL")]
    pub target: Option<String>,

    #[arg(long, value_name = "PATH|ID", help = LADDER_HELP)]
    pub ladder: Option<String>,

    /// How to print the comparison.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// A table sized to the terminal.
    Table,
    /// JSON, for programs.
    Json,
    /// GitHub-flavoured Markdown, for a calibration or promotion document.
    Markdown,
    /// CSV, one row per competency and a column per assessment, for a spreadsheet.
    Csv,
    /// An SVG radar chart: the target's expectations and a shape per assessment.
    Svg,
    /// One self-contained HTML page: the radar inline and the tables; no script, no outside
    /// resource; printable.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    /// Tables sized to the terminal.
    Table,
    /// JSON, for programs.
    Json,
    /// GitHub-flavoured Markdown, for a calibration document.
    Markdown,
    /// CSV, one row per file and competency, for a spreadsheet.
    Csv,
    /// An SVG heatmap: a cell per competency and person, coloured by gap.
    Svg,
    /// One self-contained HTML page: the tables and the heatmap, no script, no outside
    /// resource; printable.
    Html,
}

const TEAM_EXAMPLES: &str = "\
Examples:
  ladder team examples/team
  ladder team reviews/ --format markdown > calibration.md
  ladder team reviews/ --format csv > team.csv

Exit status: 0 every file is in the team, 1 a file or its ladder has errors (the file is left
out, and said so), 2 usage or I/O; the status is the worst met.";

#[derive(Debug, Args)]
pub struct TeamArgs {
    /// Assessment files, or folders searched for `*.yaml` and `*.yml`, recursively.
    #[arg(required = true, value_name = "PATH", value_parser = crate::input::parser())]
    pub paths: Vec<Input>,

    /// The level to assess everyone against, instead of each file's `target:`.
    #[arg(long, value_name = "LEVEL")]
    pub target: Option<String>,

    #[arg(long, value_name = "PATH|ID", help = LADDER_HELP)]
    pub ladder: Option<String>,

    /// How to print the team: CSV gives every file's rows, one per competency.
    #[arg(long, value_enum, default_value_t = TeamFormat::Table)]
    pub format: TeamFormat,
}

const ASSESS_EXAMPLES: &str = "\
Examples:
  ladder assess examples/self-assessment.yaml
  ladder assess me.yaml --target senior-manager --format markdown > gaps.md
  ladder assess team/*.yaml --ladder ladders/our-ladder.yaml --format json

Exit status: 0 every file is assessed, 1 a file or its ladder has errors (the other files are
still assessed), 2 usage or I/O; the status is the worst met.";

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Self-assessment files, or directories searched for `*.yaml` and `*.yml`; `-` reads
    /// standard input.
    #[arg(required = true, value_name = "FILE", value_parser = crate::input::parser())]
    pub files: Vec<Input>,

    /// The level to assess against, instead of each file's `target:`.
    #[arg(long, value_name = "LEVEL")]
    pub target: Option<String>,

    /// A ladder file, or the id of a ladder in the repository's `ladders/` or built in, instead of each file's
    /// `ladder:`.
    #[arg(long, value_name = "PATH|ID")]
    pub ladder: Option<String>,

    /// Under each gap in the table, the signals left to show: those the target shows that the
    /// level reached does not (Markdown and JSON always have them).
    #[arg(long)]
    pub signals: bool,

    /// How to print the report.
    #[arg(long, value_enum, default_value_t = AssessFormat::Table)]
    pub format: AssessFormat,
}

/// The formats of `ladder assess`: those of every report, and one sheet for all the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AssessFormat {
    /// A table sized to the terminal.
    Table,
    /// JSON, for programs.
    Json,
    /// GitHub-flavoured Markdown, for documents and wikis.
    Markdown,
    /// CSV, one row per file and competency, for a spreadsheet.
    Csv,
    /// An SVG radar chart of one file: the target's expectations, the level reached and the
    /// scores.
    Svg,
    /// One self-contained HTML page of one file: the radar, the gaps, the evidence and the
    /// signals to show; no script, no outside resource; printable.
    Html,
}

/// The formats of `ladder show`: those of every report, and a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// A table sized to the terminal.
    Table,
    /// JSON, for programs.
    Json,
    /// GitHub-flavoured Markdown, for documents and wikis.
    Markdown,
    /// CSV, for a spreadsheet or tracker: a level's signals one per row, with an empty
    /// evidence column to fill in; or every level's expected score.
    Csv,
    /// An SVG radar chart of what each level (or the one named) expects.
    Svg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A table sized to the terminal.
    Table,
    /// JSON, for programs.
    Json,
    /// GitHub-flavoured Markdown, for documents and wikis.
    Markdown,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn color(args: &[&str]) -> ColorChoice {
        color_from_args(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn color_is_read_before_parsing() {
        assert_eq!(color(&["ladder", "--help"]), ColorChoice::Auto);
        assert_eq!(
            color(&["ladder", "--color", "never", "--help"]),
            ColorChoice::Never
        );
        assert_eq!(
            color(&["ladder", "assess", "--color=always"]),
            ColorChoice::Always
        );
        assert_eq!(
            color(&["ladder", "--color=never", "--color=always"]),
            ColorChoice::Always
        );
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_command_has_a_man_page() {
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        assert_eq!(names, COMMANDS);
    }
}
