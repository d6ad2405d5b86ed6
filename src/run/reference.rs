//! Commands that describe `ladder` itself: schemas, shell completions, the man pages.

mod man;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs, SchemaArgs, SchemaKind};
use crate::render;

pub(super) fn schema(args: &SchemaArgs) -> String {
    render::json(&match args.kind {
        SchemaKind::Ladder => crate::schema::ladder(),
        SchemaKind::Assessment => crate::schema::assessment(),
    })
}

/// The script that makes the shell ask `ladder` for completions as it types.
pub(super) fn completions(args: &CompletionsArgs) -> String {
    crate::complete::script(args.shell)
}

/// The page of `ladder`, which lists `ladder-assess(1)` and the rest, or one of those;
/// `import-csv` is the page of `ladder import csv`, which the page of `ladder import` lists.
pub(super) fn man(args: &ManArgs) -> String {
    let mut cli = Cli::command();
    cli.build();
    // `ladder help` has no page of its own (`--help` is on every page): the top page does not
    // send readers to one.
    let cli = cli.mut_subcommand("help", |help| help.hide(true));
    let command = match args.command.as_deref() {
        Some(name) => {
            let mut sub = &cli;
            for part in name.split('-') {
                sub = sub.find_subcommand(part).unwrap_or(sub);
            }
            sub.clone()
                .display_name(format!("ladder-{name}"))
                .bin_name(format!("ladder {}", name.replace('-', " ")))
        }
        None => cli,
    };
    man::page(command, args.command.as_deref())
}
