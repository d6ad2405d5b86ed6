//! `ladder assess`: one report per file, written as each is ready, in the order the files were
//! given; a file that fails does not stop the others. Files are checked and their reports made
//! side by side (see [`crate::parallel`]).

use foldhash::HashSet;
use std::io;
use std::sync::Arc;

use super::{Failure, Status, Streams};
use crate::cli::{AssessArgs, AssessFormat};
use crate::diagnostic::{At, Diagnostic};
use crate::error::Error;
use crate::input::Input;
use crate::load::catalog::LadderKey;
use crate::load::{AssessmentFile, LadderFile, Loader, Named};
use crate::model::{Assessment, Ladder};
use crate::render::{self, Style, report};
use crate::{assess, chart, parallel};

pub(super) fn run(args: &AssessArgs, loader: &Loader, streams: &mut Streams) -> io::Result<Status> {
    if let Err(error) = super::stdin_at_most_once(&args.files) {
        return streams.fail(&error);
    }
    let ladder = match command_line_ladder(args.ladder.as_deref(), args.target.as_deref(), loader) {
        Ok(ladder) => ladder,
        Err(error) => return streams.fail(&error),
    };
    let files = loader.files(&args.files);
    let single = matches!((args.files.as_slice(), files.as_slice()), ([given], [Named::File(file)]) if given == file);
    if matches!(args.format, AssessFormat::Svg | AssessFormat::Html) && !single {
        let format = if args.format == AssessFormat::Svg {
            "svg"
        } else {
            "html"
        };
        let error = Error::Usage(format!(
            "`--format {format}` draws one assessment: give one file (`ladder compare` draws \
             several of one person, `ladder team` a team's heatmap)"
        ));
        return streams.fail(&error);
    }
    let job = Job {
        loader,
        ladder: ladder.as_ref(),
        target: args.target.as_deref(),
        format: args.format,
        in_array: !single,
        style: streams.style,
        signals: args.signals,
    };
    let mut printer = Printer::new(args.format, single);
    let mut told = Told::default();
    let mut status = None;
    parallel::in_order(
        &files,
        |named| job.one(named),
        |done| {
            match done {
                Done::Report(text) => printer.report(&text, streams)?,
                Done::Failed(failed) => status = status.max(told.failure(&failed, streams)?),
            }
            Ok::<(), io::Error>(())
        },
    )?;
    printer.finish(streams)?;
    Ok(status)
}

/// A ladder given with `--ladder`, read and checked once, before any file; and `--target`
/// checked against it, so that a wrong level is told once rather than once per file.
pub(super) fn command_line_ladder(
    name: Option<&str>,
    target: Option<&str>,
    loader: &Loader,
) -> Result<Option<Arc<LadderFile>>, Error> {
    let Some(name) = name else {
        return Ok(None);
    };
    let file = loader.ladder_named(name)?;
    let ladder = file.get()?;
    if let Some(target) = target {
        ladder
            .level_named(target, "given to `--target`")
            .map_err(Error::invalid)?;
    }
    Ok(Some(file))
}

/// What every file of the run shares.
struct Job<'a> {
    loader: &'a Loader,
    ladder: Option<&'a Arc<LadderFile>>,
    target: Option<&'a str>,
    format: AssessFormat,
    /// Whether JSON reports are items of an array, rather than one object.
    in_array: bool,
    style: Style,
    /// Whether the table lists the signals left to show under each gap.
    signals: bool,
}

enum Done {
    Report(String),
    Failed(Failed),
}

/// A file that could not be assessed, and the ladder it was checked against, if any.
pub(super) enum Failed {
    Refused(Error),
    /// Boxed: a failure is the rare case, and would make every result as large.
    File(Box<AssessmentFile>),
}

/// How a report is made: [`assess::assess`], or [`assess::figures`] where no signal is shown.
pub(super) type Scoring = fn(&Ladder, &Assessment, &str) -> assess::Report;

/// One file of a command line, read, checked and scored: its report, or why there is none.
pub(super) fn assessed(
    loader: &Loader,
    ladder: Option<&Arc<LadderFile>>,
    target: Option<&str>,
    named: &Named,
    scoring: Scoring,
) -> Result<assess::Report, Failed> {
    assessed_with(loader, ladder, target, named, |ladder, assessment, file| {
        scoring(ladder, assessment, file)
    })
}

/// As [`assessed`], handing the checked assessment and its ladder to `make`.
pub(super) fn assessed_with<R>(
    loader: &Loader,
    ladder: Option<&Arc<LadderFile>>,
    target: Option<&str>,
    named: &Named,
    make: impl FnOnce(&Ladder, &Assessment, &str) -> R,
) -> Result<R, Failed> {
    let input = match named {
        Named::File(input) => input,
        Named::Refused(input, reason) => return Err(Failed::Refused(refused(input, reason))),
    };
    let file = loader.assessment(input, ladder, target);
    let (Some(assessment), Some(ladder)) = (&file.assessment, &file.ladder) else {
        return Err(Failed::File(Box::new(file)));
    };
    let ladder = ladder
        .ladder
        .as_ref()
        .expect("an assessment was checked against it");
    Ok(make(ladder, assessment, &file.checked.name))
}

impl Job<'_> {
    fn one(&self, named: &Named) -> Done {
        // A sheet, a picture and a table without `--signals` show no signal left to show.
        let scoring: Scoring = match (self.format, self.signals) {
            (AssessFormat::Csv | AssessFormat::Svg, _) | (AssessFormat::Table, false) => {
                assess::figures
            }
            _ => assess::assess,
        };
        let text = |ladder: &Ladder, assessment: &Assessment, file: &str| {
            let report = scoring(ladder, assessment, file);
            let radar = || render::svg::radar(&chart::assessment(ladder, &report));
            match self.format {
                AssessFormat::Table => report::table(&report, self.style, self.signals),
                AssessFormat::Markdown => report::markdown(&report),
                AssessFormat::Json if self.in_array => render::safe::json_nested(&report, 1),
                AssessFormat::Json => render::json(&report),
                AssessFormat::Csv => report::csv_records(&report),
                AssessFormat::Svg => radar(),
                AssessFormat::Html => render::html::assessment(&report, &radar()),
            }
        };
        match assessed_with(self.loader, self.ladder, self.target, named, text) {
            Ok(text) => Done::Report(text),
            Err(failed) => Done::Failed(failed),
        }
    }
}

fn refused(input: &Input, reason: &str) -> Error {
    Error::Io {
        path: input.to_string(),
        reason: reason.to_owned(),
    }
}

/// What has been told on standard error, so that each thing is told once: a broken ladder's
/// findings (they are its file's, not each assessment's), and a `--target` a ladder lacks.
#[derive(Default)]
pub(super) struct Told {
    ladders: HashSet<LadderKey>,
    targets: HashSet<LadderKey>,
}

impl Told {
    pub(super) fn failure(&mut self, failed: &Failed, streams: &mut Streams) -> io::Result<Status> {
        let file = match failed {
            Failed::Refused(error) => return streams.fail(error),
            Failed::File(file) => file,
        };
        if let Some(ladder) = &file.ladder
            && ladder.ladder.is_none()
            && ladder.is_file()
            && ladder.checked.unreadable.is_none()
            && self.ladders.insert(ladder.key.clone())
        {
            streams.fail(&ladder.checked.error())?;
        }
        if let Some(reason) = &file.checked.unreadable {
            let error = Error::Io {
                path: file.checked.name.clone(),
                reason: reason.clone(),
            };
            return streams.fail(&error);
        }
        let mut found = file.checked.found.clone().errors_only();
        let about_target = |d: &Diagnostic| matches!(d.at, At::CommandLine);
        if found.kept.iter().any(about_target) {
            let key = file.ladder.as_ref().map(|l| l.key.clone());
            if !key.is_some_and(|key| self.targets.insert(key)) {
                found.kept.retain(|d| !about_target(d));
            }
        }
        if !found.is_empty() {
            streams.fail(&Error::Invalid(found))?;
        }
        Ok(Some(Failure::Content))
    }
}

/// Writes reports as they come: tables a blank line apart, Markdown documents a rule apart,
/// JSON as one object for one file, else as an array.
struct Printer {
    format: AssessFormat,
    single: bool,
    written: usize,
}

impl Printer {
    fn new(format: AssessFormat, single: bool) -> Self {
        Printer {
            format,
            single,
            written: 0,
        }
    }

    fn report(&mut self, text: &str, streams: &mut Streams) -> io::Result<()> {
        let header;
        let separator = match (self.format, self.written) {
            (AssessFormat::Json, _) if self.single => "",
            (AssessFormat::Json, 0) => "[\n  ",
            (AssessFormat::Json, _) => ",\n  ",
            // One sheet for every file: the header once, then each file's rows.
            (AssessFormat::Csv, 0) => {
                header = csv_header();
                &header
            }
            (_, 0) => "",
            (AssessFormat::Table, _) => "\n",
            (AssessFormat::Markdown, _) => "\n---\n\n",
            (AssessFormat::Csv | AssessFormat::Svg | AssessFormat::Html, _) => "",
        };
        streams.print(separator)?;
        streams.print(text)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self, streams: &mut Streams) -> io::Result<()> {
        match (self.format, self.written) {
            (AssessFormat::Json, _) if self.single => Ok(()),
            (AssessFormat::Json, 0) => streams.print("[]\n"),
            (AssessFormat::Json, _) => streams.print("\n]\n"),
            // A sheet with no rows still has its header.
            (AssessFormat::Csv, 0) => streams.print(&csv_header()),
            _ => Ok(()),
        }
    }
}

fn csv_header() -> String {
    render::sheet::sheet(&report::CSV_HEADER, [])
}
