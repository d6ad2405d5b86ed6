//! `ladder compare`: assessments of one person, against one ladder and one target.

use crate::cli::{CompareArgs, CompareFormat};
use crate::diagnostic::{At, Code, Diagnostic};
use crate::error::Error;
use crate::load::{AssessmentFile, Loader};
use crate::model::Assessment;
use crate::render::{self, Style};
use crate::{chart, compare};

fn not_comparable(message: String) -> Error {
    Error::invalid(Diagnostic::error(
        Code::NotComparable,
        message,
        At::CommandLine,
    ))
}

pub(super) fn run(args: &CompareArgs, loader: &Loader, style: Style) -> Result<String, Error> {
    super::stdin_at_most_once(&args.files)?;
    let ladder_file = args
        .ladder
        .as_deref()
        .map(|name| loader.ladder_named(name))
        .transpose()?;
    let files: Vec<AssessmentFile> = args
        .files
        .iter()
        .map(|input| loader.assessment(input, ladder_file.as_ref(), args.target.as_deref()))
        .collect();
    let mut loaded = Vec::new();
    for file in &files {
        let (assessment, ladder) = file.get()?;
        loaded.push((file.checked.name.as_str(), assessment, ladder));
    }
    let paths: Vec<&std::path::Path> = args.files.iter().filter_map(|f| f.path()).collect();
    for (i, path) in paths.iter().enumerate() {
        if let Some(again) = paths[..i]
            .iter()
            .find(|earlier| same_file::is_same_file(earlier, path).unwrap_or(false))
        {
            return Err(not_comparable(format!(
                "`{}` and `{}` are the same file: compare different assessments",
                again.display(),
                path.display()
            )));
        }
    }
    let (_, first, ladder) = loaded[0];
    // One ladder: the same one loaded, not just one id (two files may share an id).
    if let Some((name, _, other)) = loaded.iter().find(|(_, _, l)| !std::ptr::eq(*l, ladder)) {
        return Err(not_comparable(format!(
            "`{}` is assessed against `{}` and `{name}` against `{}`: compare assessments \
             against one ladder (`--ladder` names one for all)",
            loaded[0].0, ladder.id, other.id
        )));
    }
    let person = |a: &Assessment| a.person.trim().to_lowercase();
    let others: Vec<&str> = loaded
        .iter()
        .filter(|(_, a, _)| person(a) != person(first))
        .map(|(name, _, _)| *name)
        .collect();
    if !others.is_empty() {
        return Err(not_comparable(format!(
            "{} {} someone other than {}, of `{}`: compare assessments of one person",
            crate::wording::list(&others),
            if others.len() == 1 {
                "assesses"
            } else {
                "assess"
            },
            render::safe::text(first.person.trim()),
            loaded[0].0
        )));
    }
    // By date when every file has one (a stable sort keeps the given order among equals).
    if loaded.iter().all(|(_, a, _)| a.date.is_some()) {
        loaded.sort_by(|a, b| a.1.date.cmp(&b.1.date));
    }
    let latest = loaded.last().expect("two files or more").1;
    let target = ladder
        .level(latest.target.as_str())
        .expect("a checked assessment's target is a level of its ladder");
    let assessments: Vec<(&str, &Assessment)> =
        loaded.iter().map(|(name, a, _)| (*name, *a)).collect();
    let comparison = compare::compare(ladder, target, &assessments);
    Ok(match args.format {
        CompareFormat::Table => render::compare::table(&comparison, style),
        CompareFormat::Markdown => render::compare::markdown(&comparison),
        CompareFormat::Json => render::json(&comparison),
        CompareFormat::Csv => render::compare::csv(&comparison),
        CompareFormat::Svg => render::svg::radar(&chart::comparison(ladder, &comparison)),
        CompareFormat::Html => {
            let svg = render::svg::radar(&chart::comparison(ladder, &comparison));
            render::html::comparison(&comparison, &svg)
        }
    })
}
