//! `ladder show` and `ladder list`: reading a ladder, and finding which ones there are.

use crate::chart;
use crate::cli::{ListArgs, ReportFormat, ShowArgs, ShowFormat};
use crate::error::Error;
use crate::load::catalog;
use crate::load::{LadderFile, Loader};
use crate::model::{Ladder, Level};
use crate::render::Style;
use crate::render::ladder::{self as view, Listed};
use crate::wording::plural;

pub(super) fn show(args: &ShowArgs, loader: &Loader, style: Style) -> Result<String, Error> {
    let file = super::ladder(loader, args.ladder.as_deref())?;
    let ladder = file.get()?;
    let Some(level) = &args.level else {
        if args.new {
            return Err(Error::Usage(
                "`--new` shows what one level adds: name the level, such as `ladder show senior-manager --new`"
                    .to_owned(),
            ));
        }
        return Ok(match args.format {
            ShowFormat::Table => view::matrix_table(ladder, style),
            ShowFormat::Markdown => view::ladder_markdown(ladder),
            ShowFormat::Json => view::ladder_json(ladder),
            ShowFormat::Csv => view::matrix_csv(ladder),
            ShowFormat::Svg => {
                let levels: Vec<&Level> = ladder.levels.iter().collect();
                crate::render::svg::radar(&chart::levels(ladder, &levels))
            }
        });
    };
    let level = ladder
        .level_named(level, "to show")
        .map_err(Error::invalid)?;
    let report = view::level_report(ladder, level, args.new);
    Ok(match args.format {
        ShowFormat::Table => view::level_table(&report, style),
        ShowFormat::Markdown => view::level_markdown(&report),
        ShowFormat::Json => view::level_json(&report),
        ShowFormat::Csv => view::level_csv(&report),
        ShowFormat::Svg => crate::render::svg::radar(&chart::levels(ladder, &[level])),
    })
}

pub(super) fn list(args: &ListArgs, loader: &Loader, style: Style) -> Result<String, Error> {
    let mut listed: Vec<Listed> = loader
        .local_ladders()
        .iter()
        .map(|file| local_entry(file))
        .collect();
    for builtin in catalog::BUILTINS {
        let file = loader.builtin(builtin.id);
        // A ladder in `ladders/` with the same id is the one that name finds.
        let shadowed = listed.iter().any(|entry| entry.id == builtin.id);
        listed.push(Listed {
            shadowed,
            ..entry(file.get()?, "built-in".to_owned())
        });
    }
    Ok(match args.format {
        ReportFormat::Table => view::list_table(&listed, style),
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

/// A file in `ladders/`, or why it cannot be used.
fn local_entry(file: &LadderFile) -> Listed {
    let source = file.checked.name.clone();
    if let Some(ladder) = &file.ladder {
        return entry(ladder, source);
    }
    let problem = match &file.checked.unreadable {
        Some(_) => file.checked.error().to_string(),
        None => format!(
            "{}; run `ladder validate {source}`",
            plural(file.checked.found.errors(), "error")
        ),
    };
    Listed {
        id: std::path::Path::new(&source)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        title: String::new(),
        levels: Vec::new(),
        shadowed: false,
        problem: Some(problem),
        source,
    }
}
