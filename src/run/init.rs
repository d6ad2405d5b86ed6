//! `ladder init`: a self-assessment template, to standard output or to a new file.

use std::path::{Path, PathBuf};

use super::Context;
use crate::cli::InitArgs;
use crate::error::Error;
use crate::load::catalog::{self, LadderRef};
use crate::load::check::level_from_command_line;
use crate::render;

pub(super) fn run(args: &InitArgs, cx: &mut Context) -> Result<String, Error> {
    let reference = match args.ladder.as_deref() {
        Some(name) => cx.loader.find_for_command_line(name)?,
        None => LadderRef::Builtin(catalog::DEFAULT.id),
    };
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
    let name = ladder_name(&reference, &ladder.id.to_string(), args.output.as_deref());
    let template = render::template::assessment(&ladder, target, &name);
    match &args.output {
        None => Ok(template),
        Some(path) => {
            crate::output::write_file(path, &template, args.force)?;
            Ok(String::new())
        }
    }
}

/// How the template's `ladder:` names the ladder: its id when the id finds it, otherwise its
/// path relative to where the template is written.
fn ladder_name(reference: &LadderRef, id: &str, output: Option<&Path>) -> String {
    let LadderRef::File(ladder) = reference else {
        return id.to_owned();
    };
    let Some(output) = output else {
        return ladder.display().to_string();
    };
    let absolute = |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let from = absolute(output)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    pathdiff::diff_paths(absolute(ladder), from)
        .unwrap_or_else(|| PathBuf::from(ladder))
        .display()
        .to_string()
}
