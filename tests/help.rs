//! The documentation the binary carries: each command's `--help`, its manual page, and the
//! completions the shell asks for.

mod common;

use common::{ladder, stdout};

/// Every command line that has a help of its own: `ladder`, each command, and each format of
/// `ladder import`.
fn every_command() -> Vec<Vec<&'static str>> {
    let mut commands = vec![vec![]];
    commands.extend(ladder::cli::COMMANDS.iter().map(|command| vec![*command]));
    commands.extend([vec!["import", "ft"], vec!["import", "csv"]]);
    commands
}

/// A help's sections, by heading, in order; each with the options it lists (the first word of
/// each entry, such as `--color` or `-h,`).
fn sections(help: &str) -> Vec<(&str, Vec<&str>)> {
    let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in help.lines() {
        if let Some(heading) = line.strip_suffix(':').filter(|h| !h.starts_with(' ')) {
            sections.push((heading, Vec::new()));
            continue;
        }
        let entry = line.trim_start();
        // An entry starts within six columns; a description's lines, which may start with `-`
        // (its possible values), are indented further.
        if entry.starts_with('-') && line.len() - entry.len() <= 6 {
            let name = entry.split_whitespace().next().unwrap_or_default();
            if let Some((_, options)) = sections.last_mut() {
                options.push(name);
            }
        }
    }
    sections
}

#[test]
fn global_options_come_last_under_their_own_heading() {
    for command in every_command() {
        for flag in ["--help", "-h"] {
            let help = stdout(ladder().args(&command).arg(flag));
            let sections = sections(&help);
            let with_options: Vec<&(&str, Vec<&str>)> = sections
                .iter()
                .filter(|(_, options)| !options.is_empty())
                .collect();
            let headings: Vec<&str> = with_options.iter().map(|(heading, _)| *heading).collect();
            assert_eq!(
                headings,
                ["Options", "Global options"],
                "{command:?} {flag}"
            );
            let own = &with_options[0].1;
            assert!(!own.contains(&"--color"), "{command:?} {flag}: {own:?}");
            assert!(!own.contains(&"--max-file-size"), "{command:?} {flag}");
            assert_eq!(
                with_options[1].1,
                ["--color", "--max-file-size"],
                "{command:?} {flag}"
            );
            if command == ["assess"] {
                assert_eq!(own[..2], ["--target", "--ladder"], "{flag}");
            }
        }
    }
}
