//! `ladder show` and `ladder list`: reading a ladder, and finding which ones there are.

use super::Context;
use crate::cli::{ListArgs, ReportFormat, ShowArgs};
use crate::error::Error;
use crate::load::catalog;
use crate::load::check::level_from_command_line;
use crate::model::Ladder;
use crate::render::ladder::{self as view, Listed};
use crate::wording::{self, plural};
use std::path::Path;
use std::rc::Rc;

pub(super) fn show(args: &ShowArgs, cx: &mut Context) -> Result<String, Error> {
    let ladder = cx.ladder(args.ladder.as_deref())?;
    let Some(level) = &args.level else {
        return Ok(match args.format {
            ReportFormat::Table => view::matrix_table(&ladder, cx.stdout),
            ReportFormat::Markdown => view::ladder_markdown(&ladder),
            ReportFormat::Json => view::ladder_json(&ladder),
        });
    };
    let level = level_from_command_line(&ladder, level, "to show").map_err(Error::invalid)?;
    Ok(match args.format {
        ReportFormat::Table => view::level_table(&ladder, level, cx.stdout),
        ReportFormat::Markdown => view::level_markdown(&ladder, level),
        ReportFormat::Json => view::level_json(&ladder, level),
    })
}

pub(super) fn list(args: &ListArgs, cx: &mut Context) -> Result<String, Error> {
    let mut listed: Vec<Listed> = cx
        .loader
        .local_ladders()
        .into_iter()
        .map(|(path, ladder)| local_entry(&path, ladder))
        .collect();
    for builtin in catalog::BUILTINS {
        let ladder = cx.loader.ladder(&catalog::LadderRef::Builtin(builtin.id))?;
        // A ladder in ./ladders with the same id is the one that name finds.
        let shadowed = listed.iter().any(|entry| entry.id == builtin.id);
        let source = if shadowed {
            "built-in (the file above is used)"
        } else {
            "built-in"
        };
        listed.push(entry(&ladder, source.to_owned()));
    }
    Ok(match args.format {
        ReportFormat::Table => view::list_table(&listed, cx.stdout),
        ReportFormat::Markdown => view::list_markdown(&listed),
        ReportFormat::Json => view::list_json(&listed),
    })
}

fn entry(ladder: &Ladder, source: String) -> Listed {
    Listed {
        id: ladder.id.to_string(),
        title: ladder.title.clone(),
        levels: ladder.level_ids().map(str::to_owned).collect(),
        source,
        shadowed: false,
        problem: None,
    }
}

/// A file in `./ladders`, or why it cannot be used.
fn local_entry(path: &Path, ladder: Result<Rc<Ladder>, Error>) -> Listed {
    let source = wording::path(path);
    match ladder {
        Ok(ladder) => entry(&ladder, source),
        Err(error) => Listed {
            id: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            title: String::new(),
            levels: Vec::new(),
            shadowed: false,
            problem: Some(match error {
                Error::Invalid(found) => {
                    let errors = found.iter().filter(|d| d.is_error()).count();
                    format!(
                        "{}; run `ladder validate {source}`",
                        plural(errors, "error")
                    )
                }
                other => other.to_string(),
            }),
            source,
        },
    }
}
