//! `ladder team`: every assessment under the paths, read and scored side by side as `assess`
//! does; a file that fails is told on standard error and left out, and the status says so.

use std::io;

use super::assess::{Told, assessed, command_line_ladder};
use super::{Status, Streams};
use crate::cli::{CompareFormat, TeamArgs};
use crate::load::Loader;
use crate::render::{self, report};
use crate::{parallel, team};

pub(super) fn run(args: &TeamArgs, loader: &Loader, streams: &mut Streams) -> io::Result<Status> {
    if let Err(error) = super::stdin_at_most_once(&args.paths) {
        return streams.fail(&error);
    }
    let ladder = match command_line_ladder(args.ladder.as_deref(), args.target.as_deref(), loader) {
        Ok(ladder) => ladder,
        Err(error) => return streams.fail(&error),
    };
    let files = loader.files(&args.paths);
    let mut reports = Vec::new();
    let mut told = Told::default();
    let mut status = None;
    parallel::in_order(
        &files,
        |named| assessed(loader, ladder.as_ref(), args.target.as_deref(), named),
        |done| {
            match done {
                Ok(report) => reports.push(report),
                Err(failed) => status = status.max(told.failure(&failed, streams)?),
            }
            Ok::<(), io::Error>(())
        },
    )?;
    let text = match args.format {
        CompareFormat::Csv => {
            let mut sheet = render::sheet::sheet(&report::CSV_HEADER, []);
            reports
                .iter()
                .for_each(|r| sheet.push_str(&report::csv_records(r)));
            sheet
        }
        format => {
            let team = team::team(&reports);
            match format {
                CompareFormat::Table => render::team::table(&team, streams.style),
                CompareFormat::Markdown => render::team::markdown(&team),
                CompareFormat::Json | CompareFormat::Csv => render::json(&team),
            }
        }
    };
    streams.print(&text)?;
    Ok(status)
}
