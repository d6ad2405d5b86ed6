//! `ladder validate`: findings on standard output as each file is checked, and an exit status
//! a pipeline can trust.

use std::io;
use std::path::Path;

use super::{Failure, Status, Streams};
use crate::cli::{FindingsFormat, ValidateArgs};
use crate::error::Error;
use crate::input::Input;
use crate::load::catalog::LOCAL_DIR;
use crate::load::config::{self, Config};
use crate::load::{Checked, Loader};
use crate::policy::Policy;
use crate::render::findings::{Github, Human, Json};
use crate::validate::{Report, Tally, validate};

pub(super) fn run(
    args: &ValidateArgs,
    loader: Loader,
    streams: &mut Streams,
) -> io::Result<Status> {
    if let Err(error) = super::stdin_at_most_once(&args.paths) {
        return streams.fail(&error);
    }
    let paths = if args.paths.is_empty() {
        // The repository's own ladders, wherever in it the command runs.
        vec![Input::Path(loader.root().shown(Path::new(LOCAL_DIR)))]
    } else {
        args.paths.clone()
    };
    if args.quiet && args.format != FindingsFormat::Human {
        let message = "`--quiet` prints only the summary of `--format human`; other formats are read by programs, which need every finding".to_owned();
        return streams.fail(&Error::Usage(message));
    }
    let config = match config(args, &loader) {
        Ok(config) => Ok(config),
        Err(Error::Invalid(found)) => Err(found),
        Err(error) => return streams.fail(&error),
    };
    let color = streams.style.color;
    let out = streams.out();
    let mut report: Box<dyn Report + '_> = match args.format {
        FindingsFormat::Human => Box::new(Human::new(out, color, args.quiet)),
        FindingsFormat::Json => Box::new(Json::new(out)),
        FindingsFormat::Github => Box::new(Github::new(out)),
    };
    // A `ladder.toml` with mistakes is reported as any file is, in the format asked for (an
    // annotation on its line, in a pull request), and nothing else is checked: a policy half
    // read would check less than the team asked for.
    let (strict, policy) = match config {
        Ok(config) => config,
        Err(found) => {
            let tally = Tally {
                files: 1,
                errors: found.errors(),
                ..Tally::default()
            };
            let name = found.kept.first().map_or(config::FILE, |d| d.file());
            let checked = Checked {
                name: name.to_owned(),
                kind: None,
                found,
                unreadable: None,
            };
            report.file(&checked)?;
            report.finish(&tally)?;
            return Ok(Some(Failure::Content));
        }
    };
    let loader = loader.with_policy(policy);
    let tally = validate(&paths, &loader, report.as_mut())?;
    if tally.files == 0 && !tally.unreadable {
        drop(report);
        let searched = paths.iter().map(ToString::to_string);
        let message = format!(
            "no `.yaml` or `.yml` files to check in {}",
            crate::wording::list(searched)
        );
        return streams.fail(&Error::Usage(message));
    }
    report.finish(&tally)?;
    Ok(if tally.unreadable {
        Some(Failure::Usage)
    } else if tally.errors > 0 || (strict && tally.warnings > 0) {
        Some(Failure::Content)
    } else {
        None
    })
}

/// Whether warnings fail the run, and what each kind of warning is taken as: `ladder.toml`
/// first, then the command line, which has the last word on each kind it names.
fn config(args: &ValidateArgs, loader: &Loader) -> Result<(bool, Policy), Error> {
    let config = if args.no_config {
        Config::default()
    } else {
        config::read(loader.root(), loader.max_bytes())?
    };
    let mut policy = config.policy;
    policy.layer(&args.allow, &args.deny).map_err(|both| {
        Error::Usage(format!(
            "`{both}` is given to both `--allow` and `--deny`; keep the one you mean"
        ))
    })?;
    Ok((args.strict || config.strict, policy))
}
