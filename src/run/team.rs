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

/// How many files left out are named one by one; the rest are counted.
const NAMED_LEFT_OUT: usize = 20;

/// One note per file left out, which is read instead and why: the first few, then a count.
fn left_out(left: &[team::LeftOut]) -> String {
    let plain = render::safe::plain;
    let mut notes: String = left
        .iter()
        .take(NAMED_LEFT_OUT)
        .map(|left| {
            let when = match &left.date {
                Some(date) => format!("on the same date ({date})"),
                None => "and neither is dated".to_owned(),
            };
            format!(
                "note: `{}` is left out: `{}`, read after it, also assesses {} {when}\n",
                plain(&left.file),
                plain(&left.instead),
                plain(&left.person)
            )
        })
        .collect();
    if left.len() > NAMED_LEFT_OUT {
        let more = left.len() - NAMED_LEFT_OUT;
        notes += &format!(
            "note: {more} more {} left out for the same reason (`--format json` lists them all \
             under `left_out`)\n",
            if more == 1 { "file is" } else { "files are" }
        );
    }
    notes
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
        streams.tell(&left_out(&team.left_out))?;
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
