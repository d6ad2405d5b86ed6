//! `ladder plan`: one self-assessment's growth plan, to standard output or to a new file.

use crate::cli::{PlanArgs, PlanFormat};
use crate::error::Error;
use crate::load::Loader;
use crate::load::catalog::LadderKey;
use crate::{assess, chart, plan, render};

pub(super) fn run(args: &PlanArgs, loader: &Loader) -> Result<String, Error> {
    let ladder = args
        .ladder
        .as_deref()
        .map(|name| loader.ladder_named(name))
        .transpose()?;
    if let (Some(file), Some(target)) = (&ladder, &args.target) {
        file.get()?
            .level_named(target, "given to `--target`")
            .map_err(Error::invalid)?;
    }
    let file = loader.assessment(&args.file, ladder.as_ref(), args.target.as_deref());
    let (assessment, ladder) = file.get()?;
    let report = assess::assess(ladder, assessment, &file.checked.name);
    let plan = plan::plan(&report);
    let text = match args.format {
        PlanFormat::Markdown => render::plan::markdown(&plan),
        PlanFormat::Json => render::json(&plan),
        PlanFormat::Html => {
            let svg = render::svg::radar(&chart::assessment(ladder, &report));
            render::html::plan(&plan, &svg)
        }
    };
    let Some(output) = &args.output else {
        return Ok(text);
    };
    super::refuse_to_replace(
        output,
        args.file.path(),
        "the assessment being read",
        "plan",
    )?;
    let ladder_path = file.ladder.as_ref().and_then(|ladder| match &ladder.key {
        LadderKey::File(located) => Some(loader.root().absolute(located)),
        LadderKey::Builtin(_) | LadderKey::Stdin => None,
    });
    super::refuse_to_replace(
        output,
        ladder_path.as_deref(),
        "the ladder being read",
        "plan",
    )?;
    super::write_output(loader, output, &text, args.force)?;
    Ok(String::new())
}
