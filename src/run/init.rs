//! `ladder init`: a self-assessment template, to standard output or to a new file.

use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::error::Error;
use crate::load::Loader;
use crate::load::assessment::{DATE_HELP, PLACEHOLDER_PERSON, iso_date};
use crate::load::catalog::LadderKey;
use crate::render;
use crate::render::template::Who;

pub(super) fn run(args: &InitArgs, loader: &Loader) -> Result<String, Error> {
    let file = super::ladder(loader, args.ladder.as_deref())?;
    let ladder = file.get()?;
    let target = match &args.target {
        Some(id) => ladder
            .level_named(id, "given to `--target`")
            .map_err(Error::invalid)?,
        // The level above the most junior: the usual first promotion.
        None => ladder
            .levels
            .get(1)
            .or(ladder.levels.first())
            .expect("a checked ladder has levels"),
    };
    let named_by_path = args
        .ladder
        .as_deref()
        .is_some_and(|name| loader.names_file(name, Path::new("")));
    let ladder_file = match &file.key {
        LadderKey::File(located) => Some(loader.root().absolute(located)),
        LadderKey::Builtin(_) | LadderKey::Stdin => None,
    };
    let name = match &ladder_file {
        Some(path) if named_by_path => ladder_path(path, args.output.as_deref()),
        _ => ladder.id.to_string(),
    };
    let date = match &args.date {
        Some(date) => {
            iso_date(date).map_err(|problem| Error::Usage(format!("{problem}; {DATE_HELP}")))?;
            date.trim().to_owned()
        }
        None => jiff::Zoned::now().date().to_string(),
    };
    for (flag, value) in [
        ("--person", args.person.as_deref()),
        ("--assessor", Some(args.assessor.as_str())),
    ] {
        if let Some(value) = value {
            check_name(flag, value)?;
        }
    }
    let who = Who {
        person: args.person.as_deref().unwrap_or(PLACEHOLDER_PERSON),
        assessor: &args.assessor,
        date: &date,
    };
    let template = render::template::assessment(ladder, target, &name, &who);
    let Some(output) = &args.output else {
        return Ok(template);
    };
    super::refuse_to_replace(
        output,
        ladder_file.as_deref(),
        "the ladder being read",
        "template",
    )?;
    super::write_output(loader, output, &template, args.force)?;
    Ok(String::new())
}

/// A ladder file named by its path relative to where the template is written (the working
/// directory when it goes to standard output), as an assessment's `ladder:` is read.
fn ladder_path(ladder: &Path, output: Option<&Path>) -> String {
    let absolute = |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let from = match output {
        Some(output) => absolute(output)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        None => absolute(Path::new(".")),
    };
    let from = from.canonicalize().unwrap_or(from);
    pathdiff::diff_paths(ladder, from)
        .map(|relative| crate::load::root::normalize(&relative))
        .unwrap_or_else(|| PathBuf::from(ladder))
        .display()
        .to_string()
}

/// A name given on the command line is written into the file: one line of visible text, so
/// that the file checks as it is written.
fn check_name(flag: &str, value: &str) -> Result<(), Error> {
    let problem = if value.trim().is_empty() {
        Some("is blank")
    } else if value.chars().any(crate::render::safe::is_unsafe) {
        Some("holds a line break, a control or an invisible character")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(Error::Usage(format!(
            "`{flag}` {problem}: give a name on one line"
        ))),
        None => Ok(()),
    }
}
