//! `ladder assess`: one report per file; a file that fails does not stop the others.

use super::{Context, Outcome};
use crate::assess::{self, Report};
use crate::cli::{AssessArgs, ReportFormat};
use crate::render;

pub(super) fn run(args: &AssessArgs, cx: &mut Context) -> Outcome {
    let mut outcome = Outcome::default();
    let ladder = match args
        .ladder
        .as_deref()
        .map(|name| cx.loader.find_for_command_line(name))
        .transpose()
    {
        Ok(ladder) => ladder,
        Err(error) => {
            outcome.fail(&error, cx.stderr_color);
            return outcome;
        }
    };
    let mut reports: Vec<Report> = Vec::new();
    for path in &args.files {
        match cx
            .loader
            .assessment(path, ladder.as_ref(), args.target.as_deref())
        {
            Ok(loaded) => reports.push(assess::assess(
                &loaded.ladder,
                &loaded.assessment,
                &path.display().to_string(),
            )),
            Err(error) => outcome.fail(&error.without_warnings(), cx.stderr_color),
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
