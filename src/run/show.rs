//! `ladder show` and `ladder list`: reading a ladder, and finding which ones there are.

use super::Context;
use crate::cli::{ListArgs, ReportFormat, ShowArgs};
use crate::error::Error;
use crate::load::catalog;
use crate::load::check::level_from_command_line;
use crate::render::ladder::{self as view, Listed};
use crate::wording::plural;

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
        .map(|(path, ladder)| {
            let source = path.display().to_string();
            match ladder {
                Ok(ladder) => Listed {
                    id: ladder.id.to_string(),
                    title: ladder.title.clone(),
                    levels: ladder.level_ids().map(str::to_owned).collect(),
                    source,
                    problem: None,
                },
                Err(error) => Listed {
                    id: path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    title: String::new(),
                    levels: Vec::new(),
                    problem: Some(match error {
                        Error::Invalid(found) => format!(
                            "{}; run `ladder validate {source}`",
                            plural(found.iter().filter(|d| d.is_error()).count(), "error")
                        ),
                        other => other.to_string(),
                    }),
                    source,
                },
            }
        })
        .collect();
    for builtin in catalog::BUILTINS {
        let ladder = cx.loader.ladder(&catalog::LadderRef::Builtin(builtin.id))?;
        let shadowed = listed.iter().any(|entry| entry.id == builtin.id);
        listed.push(Listed {
            id: builtin.id.to_owned(),
            title: ladder.title.clone(),
            levels: ladder.level_ids().map(str::to_owned).collect(),
            source: if shadowed {
                "built-in (the file above is used)".to_owned()
            } else {
                "built-in".to_owned()
            },
            problem: None,
        });
    }
    Ok(match args.format {
        ReportFormat::Table => view::list_table(&listed, cx.stdout),
        ReportFormat::Markdown => view::list_markdown(&listed),
        ReportFormat::Json => view::list_json(&listed),
    })
}
