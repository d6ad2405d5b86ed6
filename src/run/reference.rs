//! Commands that describe `ladder` itself: schemas, shell completions, the man page.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, SchemaArgs, SchemaKind};
use crate::render;

pub(super) fn schema(args: &SchemaArgs) -> String {
    render::json(&match args.kind {
        SchemaKind::Ladder => crate::schema::ladder(),
        SchemaKind::Assessment => crate::schema::assessment(),
    })
}

pub(super) fn completions(args: &CompletionsArgs) -> String {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "ladder", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

pub(super) fn man() -> String {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .expect("rendering to memory cannot fail");
    String::from_utf8_lossy(&page).into_owned()
}
