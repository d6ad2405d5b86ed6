//! `ladder init`: a self-assessment template, to standard output or to a new file.

use std::path::{Path, PathBuf};

use super::Context;
use crate::cli::InitArgs;
use crate::error::Error;
use crate::load::catalog::{self, LadderRef};
use crate::load::check::level_from_command_line;
use crate::load::paths;
use crate::render;
use crate::wording;

pub(super) fn run(args: &InitArgs, cx: &mut Context) -> Result<String, Error> {
    let reference = cx.ladder_ref(args.ladder.as_deref())?;
    let ladder = cx.loader.ladder(&reference)?;
    let target = match &args.target {
        Some(id) => {
            level_from_command_line(&ladder, id, "given to `--target`").map_err(Error::invalid)?
        }
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
        .is_some_and(|name| catalog::looks_like_path(name) || Path::new(name).is_file());
    let name = match &reference {
        LadderRef::File(file) if named_by_path => {
            // An assessment may only name a ladder inside the working directory.
            if let Some(reason) = paths::escapes_working_directory(file) {
                return Err(Error::Usage(format!(
                    "an assessment cannot name `{}`: {reason}; copy the ladder into `./ladders/` first",
                    wording::path(file)
                )));
            }
            ladder_path(file, args.output.as_deref())
        }
        _ => ladder.id.to_string(),
    };
    let template = render::template::assessment(&ladder, target, &name);
    let Some(output) = &args.output else {
        return Ok(template);
    };
    if let LadderRef::File(file) = &reference
        && same_file(output, file)
    {
        let message = format!(
            "`{}` is the ladder being read; write the template elsewhere",
            wording::path(output)
        );
        return Err(Error::Usage(message));
    }
    crate::output::write_file(output, &template, args.force)?;
    Ok(String::new())
}

/// Whether two paths name one file, however they are spelt (links, `..`, absolute or not).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
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
    pathdiff::diff_paths(absolute(ladder), from)
        .map(|relative| paths::normalize(&relative))
        .unwrap_or_else(|| PathBuf::from(ladder))
        .display()
        .to_string()
}
