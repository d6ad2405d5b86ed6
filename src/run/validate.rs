//! `ladder validate`: findings on standard output as each file is checked, and an exit status
//! a pipeline can trust.

use std::io;
use std::path::Path;

use super::{Failure, Status, Streams};
use crate::cli::{FindingsFormat, ValidateArgs};
use crate::error::Error;
use crate::input::Input;
use crate::load::Loader;
use crate::load::catalog::LOCAL_DIR;
use crate::render::findings::{Github, Human, Json};
use crate::validate::{Report, validate};

pub(super) fn run(
    args: &ValidateArgs,
    loader: &Loader,
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
    let color = streams.style.color;
    let out = streams.out();
    let mut report: Box<dyn Report + '_> = match args.format {
        FindingsFormat::Human => Box::new(Human::new(out, color)),
        FindingsFormat::Json => Box::new(Json::new(out)),
        FindingsFormat::Github => Box::new(Github::new(out)),
    };
    let tally = validate(&paths, loader, report.as_mut())?;
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
    } else if tally.errors > 0 || (args.strict && tally.warnings > 0) {
        Some(Failure::Content)
    } else {
        None
    })
}
