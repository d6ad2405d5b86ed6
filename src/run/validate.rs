//! `ladder validate`: findings on standard output, and an exit status a pipeline can trust.

use std::path::PathBuf;

use super::{Context, Failure, Outcome};
use crate::cli::{FindingsFormat, ValidateArgs};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::load::catalog;
use crate::render;

pub(super) fn run(args: &ValidateArgs, cx: &mut Context) -> Outcome {
    let mut outcome = Outcome::default();
    if let Err(error) = super::stdin_at_most_once(&args.paths) {
        outcome.fail(&error, cx.stderr_color);
        return outcome;
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(catalog::LOCAL_DIR)]
    } else {
        args.paths.clone()
    };
    let validation = crate::validate::validate(&paths, &mut cx.loader);
    if validation.files.is_empty() && !validation.unreadable {
        let searched = paths.iter().map(|p| p.display().to_string());
        let message = format!(
            "no `.yaml` or `.yml` files to check in {}",
            crate::wording::list(searched)
        );
        outcome.fail(&Error::Usage(message), cx.stderr_color);
        return outcome;
    }
    outcome.stdout = match args.format {
        FindingsFormat::Human => render::findings::human(&validation, cx.stdout.color),
        FindingsFormat::Json => render::findings::json(&validation),
        FindingsFormat::Github => render::findings::github(&validation),
    };
    let errors = validation.count(Severity::Error);
    let warnings = validation.count(Severity::Warning);
    if validation.unreadable {
        outcome.failures.push(Failure::Usage);
    } else if errors > 0 || (args.strict && warnings > 0) {
        outcome.failures.push(Failure::Content);
    }
    outcome
}
