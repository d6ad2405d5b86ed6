//! `ladder team`: every assessment under the paths, read and scored side by side as `assess`
//! does; a file that fails is told on standard error and left out, and the status says so.

use std::io;

use super::assess::{Told, assessed, command_line_ladder};
use super::{Status, Streams};
use crate::cli::{TeamArgs, TeamFormat};
use crate::load::{Loader, Named};
use crate::render::{self, report};
use crate::{assess, parallel, team};

enum Gathered {
    Rows(String),
    /// Boxed: a person is large, a sheet's rows are not.
    Seen(Box<team::Seen>),
}

pub(super) fn run(args: &TeamArgs, loader: &Loader, streams: &mut Streams) -> io::Result<Status> {
    if let Err(error) = super::stdin_at_most_once(&args.paths) {
        return streams.fail(&error);
    }
    let ladder = match command_line_ladder(args.ladder.as_deref(), args.target.as_deref(), loader) {
        Ok(ladder) => ladder,
        Err(error) => return streams.fail(&error),
    };
    let files = loader.files(&args.paths);
    let target = args.target.as_deref();
    // Streamed: a sheet's rows as each file is scored; otherwise each person's latest report
    // only, so that memory grows with the people, not the files.
    let sheet = args.format == TeamFormat::Csv;
    if sheet {
        streams.print(&render::sheet::sheet(&report::CSV_HEADER, []))?;
    }
    let mut gathered = team::Gather::default();
    let mut told = Told::default();
    let mut status = None;
    // Each file's rows, or what the team keeps of it, made where the file is read.
    let work = |named: &Named| {
        let report = assessed(loader, ladder.as_ref(), target, named, assess::figures)?;
        Ok(match sheet {
            true => Gathered::Rows(report::csv_records(&report)),
            false => Gathered::Seen(Box::new(team::Seen::from(report))),
        })
    };
    parallel::in_order(&files, work, |done| {
        match done {
            Ok(Gathered::Rows(rows)) => streams.print(&rows)?,
            Ok(Gathered::Seen(seen)) => gathered.add(*seen),
            Err(failed) => status = status.max(told.failure(&failed, streams)?),
        }
        Ok::<(), io::Error>(())
    })?;
    let team = gathered.team();
    if !team.left_out.is_empty() {
        streams.tell(&render::team::left_out(&team.left_out))?;
    }
    match args.format {
        TeamFormat::Csv => {}
        TeamFormat::Table => streams.print(&render::team::table(&team, streams.style))?,
        TeamFormat::Markdown => streams.print(&render::team::markdown(&team))?,
        TeamFormat::Json => streams.print(&render::json(&team))?,
        TeamFormat::Svg => streams.print(&render::svg::heatmap(&team))?,
        TeamFormat::Html => {
            let page = render::html::team(&team, &render::svg::heatmap(&team));
            streams.print(&page)?
        }
    }
    Ok(status)
}
