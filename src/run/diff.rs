//! `ladder diff`: two levels of one ladder, or two versions of a ladder file.

use std::path::{Path, PathBuf};

use super::Context;
use crate::cli::{DiffArgs, ReportFormat};
use crate::error::Error;
use crate::load::catalog::{self, LadderRef};
use crate::load::check::level_from_command_line;
use crate::render;

pub(super) fn run(args: &DiffArgs, cx: &mut Context) -> Result<String, Error> {
    match (names_file(&args.from), names_file(&args.to)) {
        (false, false) => levels(args, cx),
        (true, true) => versions(args, cx),
        _ => Err(Error::Usage(
            "compare two levels (`ladder diff manager senior-manager`) or two ladder files \
             (`ladder diff old.yaml new.yaml`), not one of each"
                .to_owned(),
        )),
    }
}

/// A `diff` argument names a ladder file when it looks like a path or is an existing file.
fn names_file(argument: &str) -> bool {
    catalog::looks_like_path(argument) || Path::new(argument).is_file()
}

fn levels(args: &DiffArgs, cx: &mut Context) -> Result<String, Error> {
    if args.level.is_some() {
        return Err(Error::Usage(
            "`--level` picks a level when comparing two ladder files".to_owned(),
        ));
    }
    let ladder = cx.ladder(args.ladder.as_deref())?;
    let from =
        level_from_command_line(&ladder, &args.from, "to compare from").map_err(Error::invalid)?;
    let to = level_from_command_line(&ladder, &args.to, "to compare to").map_err(Error::invalid)?;
    let diff = crate::diff::levels(&ladder, from, to, args.all);
    Ok(match args.format {
        ReportFormat::Table => render::diff::levels_table(&diff, cx.stdout),
        ReportFormat::Markdown => render::diff::levels_markdown(&diff),
        ReportFormat::Json => render::json(&diff),
    })
}

fn versions(args: &DiffArgs, cx: &mut Context) -> Result<String, Error> {
    if args.ladder.is_some() || args.all {
        return Err(Error::Usage(
            "`--ladder` and `--all` compare levels of one ladder; two ladder files are compared whole".to_owned(),
        ));
    }
    let old = cx
        .loader
        .ladder(&LadderRef::File(PathBuf::from(&args.from)))?;
    let new = cx
        .loader
        .ladder(&LadderRef::File(PathBuf::from(&args.to)))?;
    if let Some(level) = &args.level
        && old.level(level).is_none()
        && new.level(level).is_none()
    {
        level_from_command_line(&new, level, "given to `--level`").map_err(Error::invalid)?;
    }
    let diff = crate::diff::versions(&old, &new, (&args.from, &args.to), args.level.as_deref());
    Ok(match args.format {
        ReportFormat::Table => render::diff::versions_text(&diff),
        ReportFormat::Markdown => render::diff::versions_markdown(&diff),
        ReportFormat::Json => render::json(&diff),
    })
}
