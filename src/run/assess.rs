//! `ladder assess`: one report per file; a file that fails does not stop the others.

use super::{Context, Outcome};
use crate::assess::{self, Report};
use crate::cli::{AssessArgs, ReportFormat};
use crate::error::Error;
use crate::load::catalog::LadderRef;
use crate::render;
use crate::wording;

pub(super) fn run(args: &AssessArgs, cx: &mut Context) -> Outcome {
    let mut outcome = Outcome::default();
    if let Err(error) = super::stdin_at_most_once(&args.files) {
        outcome.fail(&error, cx.stderr_color);
        return outcome;
    }
    let ladder = match command_line_ladder(args, cx) {
        Ok(ladder) => ladder,
        Err(error) => {
            outcome.fail(&error.without_warnings(), cx.stderr_color);
            return outcome;
        }
    };
    let mut reports: Vec<Report> = Vec::new();
    let mut reported: Vec<Error> = Vec::new();
    for path in &args.files {
        match cx
            .loader
            .assessment(path, ladder.as_ref(), args.target.as_deref())
        {
            Ok(loaded) => reports.push(assess::assess(
                &loaded.ladder,
                &loaded.assessment,
                &wording::path(path),
            )),
            Err(error) => {
                // The same error from several files (a broken shared ladder, a bad `--target`) is told once.
                let error = error.without_warnings();
                if !reported.contains(&error) {
                    outcome.fail(&error, cx.stderr_color);
                    reported.push(error);
                }
            }
        }
    }
    outcome.stdout = match args.format {
        ReportFormat::Table => render::report::tables(&reports, cx.stdout),
        ReportFormat::Markdown => render::report::markdowns(&reports),
        ReportFormat::Json if args.files.len() == 1 => {
            reports.first().map(render::json).unwrap_or_default()
        }
        ReportFormat::Json => render::json(&reports),
    };
    outcome
}

/// A ladder given with `--ladder`, read and checked once, before any file.
fn command_line_ladder(args: &AssessArgs, cx: &mut Context) -> Result<Option<LadderRef>, Error> {
    let Some(name) = args.ladder.as_deref() else {
        return Ok(None);
    };
    let reference = cx.ladder_ref(Some(name))?;
    cx.loader.ladder(&reference)?;
    Ok(Some(reference))
}
