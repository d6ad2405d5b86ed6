//! `ladder diff`: two levels of one ladder, or two versions of a ladder file.

use std::path::Path;

use crate::cli::{DiffArgs, ReportFormat};
use crate::diagnostic::{At, Code, Diagnostic};
use crate::error::Error;
use crate::input::Input;
use crate::load::Loader;
use crate::model::Ladder;
use crate::render::{self, Style};
use crate::wording;

pub(super) fn run(args: &DiffArgs, loader: &Loader, style: Style) -> Result<String, Error> {
    // `-` is a version read from standard input, such as `git show main:ladders/ours.yaml`.
    let names_file = |argument: &str| {
        Input::new(argument.as_ref()).is_stdin() || loader.names_file(argument, Path::new(""))
    };
    match (names_file(&args.from), names_file(&args.to)) {
        (false, false) => levels(args, loader, style),
        (true, true) => versions(args, loader, style),
        _ => Err(Error::Usage(
            "compare two levels (`ladder diff manager senior-manager`) or two ladder files \
             (`ladder diff old.yaml new.yaml`), not one of each"
                .to_owned(),
        )),
    }
}

fn levels(args: &DiffArgs, loader: &Loader, style: Style) -> Result<String, Error> {
    if args.level.is_some() {
        return Err(Error::Usage(
            "`--level` picks a level when comparing two ladder files".to_owned(),
        ));
    }
    let file = super::ladder(loader, args.ladder.as_deref())?;
    let ladder = file.get()?;
    let from = ladder
        .level_named(&args.from, "to compare from")
        .map_err(Error::invalid)?;
    let to = ladder
        .level_named(&args.to, "to compare to")
        .map_err(Error::invalid)?;
    let diff = crate::diff::levels(ladder, from, to, args.all);
    Ok(match args.format {
        ReportFormat::Table => render::diff::levels_table(&diff, style),
        ReportFormat::Markdown => render::diff::levels_markdown(&diff),
        ReportFormat::Json => render::json(&diff),
    })
}

fn versions(args: &DiffArgs, loader: &Loader, style: Style) -> Result<String, Error> {
    if args.ladder.is_some() || args.all {
        return Err(Error::Usage(
            "`--ladder` and `--all` compare levels of one ladder; two ladder files are compared whole".to_owned(),
        ));
    }
    let inputs = [Input::new(args.from.as_ref()), Input::new(args.to.as_ref())];
    super::stdin_at_most_once(&inputs)?;
    let [old, new] = inputs.map(|input| loader.ladder_file(&input));
    let (old_file, new_file) = (old, new);
    let (old, new) = (old_file.get()?, new_file.get()?);
    if let Some(level) = &args.level {
        let (from, to) = (&old_file.checked.name, &new_file.checked.name);
        check_level_in_both(level, (from, old), (to, new))?;
    }
    let names = (
        old_file.checked.name.as_str(),
        new_file.checked.name.as_str(),
    );
    let diff = crate::diff::versions(old, new, names, args.level.as_deref());
    Ok(match args.format {
        ReportFormat::Table => render::diff::versions_text(&diff, style),
        ReportFormat::Markdown => render::diff::versions_markdown(&diff),
        ReportFormat::Json => render::json(&diff),
    })
}

/// `--level` must name a level both versions have, so that there is something to compare.
fn check_level_in_both(
    level: &str,
    old: (&str, &Ladder),
    new: (&str, &Ladder),
) -> Result<(), Error> {
    let only = |(name, ladder): (&str, &Ladder), other: &Ladder| {
        (ladder.level(level).is_some() && other.level(level).is_none()).then_some(name.to_owned())
    };
    if let Some(file) = only(old, new.1).or_else(|| only(new, old.1)) {
        let both: Vec<&str> = new
            .1
            .level_ids()
            .filter(|id| old.1.level(id).is_some())
            .collect();
        return Err(Error::invalid(
            Diagnostic::error(
                Code::UnknownLevel,
                format!(
                    "level `{level}` is only in `{file}`, so there is nothing to compare it with"
                ),
                At::CommandLine,
            )
            .with_help(format!(
                "`--level` takes a level both versions have: {}",
                wording::choice(both)
            )),
        ));
    }
    if old.1.level(level).is_none() {
        let mut known: Vec<&str> = old.1.level_ids().collect();
        known.extend(new.1.level_ids().filter(|id| old.1.level(id).is_none()));
        let help = wording::unknown_help(
            level,
            known.iter().copied(),
            "the levels of the two versions",
        );
        return Err(Error::invalid(
            Diagnostic::error(
                Code::UnknownLevel,
                format!("unknown level `{level}` given to `--level`"),
                At::CommandLine,
            )
            .with_optional_help(help),
        ));
    }
    Ok(())
}
