//! The manual pages: each command's help as clap_mangen renders it, with what a page has and a
//! help has not (the environment and the files a command reads), and the examples, notes and
//! exit status of the help's closing text each in the section a page keeps for it. The closing
//! text is written once, in [`crate::cli`]: `--help` prints it as it is, and a page is made of
//! it here.

use std::io;

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

/// The page of `command`, which is `ladder` or the command whose page is `name` (`assess`,
/// `import-csv`).
pub(super) fn page(mut command: clap::Command, name: Option<&str>) -> String {
    let closing = Closing::of(&command);
    // clap_mangen writes `<FILE>` for an argument that takes several; clap's own usage, as
    // `--help` prints it, writes `<FILE>...`.
    let usage = usage(&mut command);
    let has_commands = command.get_subcommands().any(|sub| !sub.is_hide_set());
    let man = Man::new(command.override_usage(usage));
    // Each section is rendered on its own, and each rendering starts with roff's preamble:
    // the page has it once.
    let mut page = Roff::new().render();
    page += &rendered(|w| man.render_title(w));
    page += &rendered(|w| man.render_name_section(w));
    page += &rendered(|w| man.render_synopsis_section(w));
    page += &rendered(|w| man.render_description_section(w));
    page += &body(&closing.notes());
    page += &rendered(|w| man.render_options_section(w));
    if has_commands {
        page += &rendered(|w| man.render_subcommands_section(w));
    }
    page += &body(&closing.exit_status());
    page += &body(&environment(name));
    page += &body(&files(name));
    page += &body(&closing.examples());
    page += &body(&see_also(name));
    page += &rendered(|w| man.render_version_section(w));
    page
}

/// The usage line of `--help`, without its `Usage: `.
fn usage(command: &mut clap::Command) -> String {
    let usage = command.render_usage().to_string();
    usage.strip_prefix("Usage: ").unwrap_or(&usage).to_owned()
}

/// One section as clap_mangen renders it, without roff's preamble.
fn rendered(render: impl Fn(&mut dyn io::Write) -> io::Result<()>) -> String {
    let mut text = Vec::new();
    render(&mut text).expect("rendering to memory cannot fail");
    strip_preamble(String::from_utf8_lossy(&text).into_owned())
}

/// Sections of our own, without roff's preamble.
fn body(roff: &Roff) -> String {
    strip_preamble(roff.render())
}

fn strip_preamble(text: String) -> String {
    let preamble = Roff::new().render();
    match text.strip_prefix(&preamble) {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// The closing text of a command's help, in its parts: the examples, the exit status, and the
/// paragraphs between them, which describe the command. A test holds every command's closing
/// text to that shape.
#[derive(Debug, Default, PartialEq, Eq)]
struct Closing {
    /// The example command lines, each as shown: a long one continues on lines indented further.
    examples: Vec<String>,
    /// Paragraphs, each a list of lines.
    notes: Vec<Vec<String>>,
    /// The exit status paragraph, after `Exit status: `, on one line.
    status: Option<String>,
}

const EXAMPLES: &str = "Examples:\n";
const EXIT_STATUS: &str = "Exit status: ";

impl Closing {
    fn of(command: &clap::Command) -> Closing {
        let text = command
            .get_after_long_help()
            .or_else(|| command.get_after_help())
            .map(|text| text.to_string())
            .unwrap_or_default();
        Closing::parse(&text)
    }

    fn parse(text: &str) -> Closing {
        let mut closing = Closing::default();
        for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            if let Some(examples) = paragraph.strip_prefix(EXAMPLES) {
                closing.examples = examples
                    .lines()
                    .map(|line| line.strip_prefix("  ").unwrap_or(line).to_owned())
                    .collect();
            } else if let Some(status) = paragraph.strip_prefix(EXIT_STATUS) {
                closing.status = Some(status.split_whitespace().collect::<Vec<_>>().join(" "));
            } else {
                closing
                    .notes
                    .push(paragraph.lines().map(str::to_owned).collect());
            }
        }
        closing
    }

    /// The notes, as more paragraphs of the description.
    fn notes(&self) -> Roff {
        let mut roff = Roff::new();
        for paragraph in &self.notes {
            roff.control("PP", []);
            paragraph_lines(&mut roff, paragraph);
        }
        roff
    }

    fn exit_status(&self) -> Roff {
        let mut roff = Roff::new();
        let Some(status) = &self.status else {
            return roff;
        };
        roff.control("SH", ["EXIT STATUS"]);
        match statuses(status) {
            Some(statuses) => {
                for (code, meaning) in statuses {
                    roff.control("TP", []);
                    roff.text([roman(code)]);
                    roff.text([roman(sentence(meaning))]);
                }
            }
            None => {
                roff.text([roman(status.as_str())]);
            }
        }
        roff
    }

    fn examples(&self) -> Roff {
        let mut roff = Roff::new();
        if self.examples.is_empty() {
            return roff;
        }
        roff.control("SH", ["EXAMPLES"]);
        preformatted(&mut roff, &self.examples);
        roff
    }
}

/// `0 success, 1 a file's content is wrong, 2 usage or I/O.` as its statuses and their
/// meanings; `None` when the text does not read so.
fn statuses(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut rest = text.strip_suffix('.').unwrap_or(text);
    let mut statuses = Vec::new();
    while !rest.is_empty() {
        if !starts_with_status(rest) {
            return None;
        }
        let (code, after) = rest.split_once(' ')?;
        // The next status starts after `, ` with its number.
        let next = after
            .match_indices(", ")
            .map(|(at, _)| at)
            .find(|&at| starts_with_status(&after[at + 2..]));
        let meaning = next.map_or(after, |at| &after[..at]);
        statuses.push((code, meaning));
        rest = next.map_or("", |at| &after[at + 2..]);
    }
    Some(statuses)
}

/// Whether `text` starts as a status does: a number, then a space.
fn starts_with_status(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && text[digits..].starts_with(' ')
}

/// `the page is printed` → `The page is printed.`
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().to_string());
    format!("{}{}.", first.unwrap_or_default(), chars.as_str())
}

/// A paragraph of the help: its prose lines flow, as roff fills them; lines indented by two
/// spaces, such as a line to copy, are kept as they are.
fn paragraph_lines(roff: &mut Roff, lines: &[String]) {
    let mut kept = Vec::new();
    for line in lines {
        match line.strip_prefix("  ") {
            Some(indented) => kept.push(indented.to_owned()),
            None => {
                preformatted(roff, &std::mem::take(&mut kept));
                roff.text([roman(line.as_str())]);
            }
        }
    }
    preformatted(roff, &kept);
}

/// Lines set as they are, indented.
fn preformatted(roff: &mut Roff, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    roff.control("RS", ["4"]);
    roff.control("nf", []);
    for line in lines {
        roff.text([roman(line.as_str())]);
    }
    roff.control("fi", []);
    roff.control("RE", []);
}

/// The commands whose output fits the terminal's width, or `COLUMNS`.
const FITTED: [&str; 6] = ["assess", "compare", "team", "diff", "show", "list"];

/// The commands that look ladders up by id in the repository's `ladders/`.
const LOOK_UP_LADDERS: [&str; 10] = [
    "init",
    "assess",
    "plan",
    "compare",
    "team",
    "diff",
    "validate",
    "show",
    "list",
    "completions",
];

/// The commands that read files, all inside the repository.
const READ_FILES: [&str; 3] = ["import", "import-ft", "import-csv"];

/// The variables the page's command reads; `ladder`'s page names them all.
fn environment(name: Option<&str>) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    let mut entry = |variable: &str, text: &str| {
        roff.control("TP", []);
        roff.text([bold(variable)]);
        roff.text([roman(text)]);
    };
    entry(
        "NO_COLOR",
        "When set and not empty, --color auto colours nothing.",
    );
    entry(
        "CLICOLOR_FORCE",
        "When set and not empty, and NO_COLOR is not, --color auto colours output that is not \
         a terminal too.",
    );
    let fitted = match name {
        None => {
            "The width that tables and prose (of ladder assess, compare, team, diff, show \
                 and list) fit when standard output is not a terminal, from 20 to 65535; \
                 otherwise they fit 100 columns. Help fits it too, up to 100 columns."
        }
        Some(name) if FITTED.contains(&name) => {
            "The width that tables and prose fit when standard output is not a terminal, from \
             20 to 65535; otherwise they fit 100 columns. Help fits it too, up to 100 columns."
        }
        Some(_) => {
            "The width that help fits when standard output is not a terminal, up to 100 \
                    columns."
        }
    };
    entry("COLUMNS", fitted);
    match name {
        None => {
            entry("LADDER_COMPLETE", "See ladder-completions(1).");
            entry("TZ", "See ladder-init(1).");
        }
        Some("completions") => entry(
            "LADDER_COMPLETE",
            "Set to a shell's name (LADDER_COMPLETE=bash ladder), makes ladder print the script that \
             completes its command lines in that shell, as ladder completions does; the script \
             runs ladder with it set to ask for the candidates for a word.",
        ),
        Some("init") => entry(
            "TZ",
            "The time zone whose date today is, for the default --date; without it, the \
             system's.",
        ),
        Some(_) => {}
    }
    roff
}

/// The files and folders the page's command reads, and the repository they lie in.
fn files(name: Option<&str>) -> Roff {
    let mut roff = Roff::new();
    let looks_up = name.is_none_or(|name| LOOK_UP_LADDERS.contains(&name));
    if !looks_up && !name.is_some_and(|name| READ_FILES.contains(&name)) {
        return roff;
    }
    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "Files are read inside the repository: the nearest folder, from the working directory \
         up, that holds .git, as git finds its root; without one, the working directory. A \
         path that leads outside it, by .. or through a symbolic link, is refused.",
    )]);
    if looks_up {
        roff.control("TP", []);
        roff.text([italic("ladders/")]);
        roff.text([roman(
            "At the repository's root: the ladders that an id names, for --ladder and an \
             assessment's ladder:, before those built in. An id names ladders/ID.yaml (or \
             .yml), unless that file holds a ladder of another id; otherwise the file there \
             whose ladder has that id. ladder list lists them, and ladder validate without a \
             path checks them.",
        )]);
    }
    match name {
        None => {
            roff.control("TP", []);
            roff.text([italic("ladder.toml")]);
            roff.text([roman("See ladder-validate(1).")]);
        }
        Some("validate") => {
            roff.control("TP", []);
            roff.text([italic("ladder.toml")]);
            roff.text([roman(
                "At the repository's root, optional: the policy of ladder validate, a [validate] \
                 table of strict (whether warnings fail), and allow and deny (lists of kinds of \
                 warning not shown, or reported as errors). --no-config ignores it.",
            )]);
        }
        Some(_) => {}
    }
    roff
}

/// The page a command's page belongs to: `ladder`'s, and for a format of `ladder import`, that
/// command's too.
fn see_also(name: Option<&str>) -> Roff {
    let mut roff = Roff::new();
    let Some(name) = name else {
        return roff;
    };
    roff.control("SH", ["SEE ALSO"]);
    let pages = match name.strip_prefix("import-") {
        Some(_) => "ladder(1), ladder-import(1)",
        None => "ladder(1)",
    };
    roff.text([roman(pages)]);
    roff
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn a_closing_text_is_parted() {
        let closing = Closing::parse(
            "Examples:\n  ladder a\n  ladder b \\\n    c\n\nA note\nthat goes on:\n  \
             # a line\n\nExit status: 0 done, 1 wrong,\n2 usage or I/O.",
        );
        assert_eq!(
            closing,
            Closing {
                examples: vec!["ladder a".into(), "ladder b \\".into(), "  c".into()],
                notes: vec![vec![
                    "A note".into(),
                    "that goes on:".into(),
                    "  # a line".into()
                ]],
                status: Some("0 done, 1 wrong, 2 usage or I/O.".into()),
            }
        );
    }

    #[test]
    fn statuses_are_read_from_their_sentence() {
        assert_eq!(
            statuses(
                "0 when no errors (warnings pass unless --strict), 1 when any error, 2 when a path cannot be read."
            ),
            Some(vec![
                ("0", "when no errors (warnings pass unless --strict)"),
                ("1", "when any error"),
                ("2", "when a path cannot be read"),
            ])
        );
        assert_eq!(
            statuses("0 compared, 1 errors, or the files differ, 2 usage"),
            Some(vec![
                ("0", "compared"),
                ("1", "errors, or the files differ"),
                ("2", "usage")
            ])
        );
        assert_eq!(statuses("whatever happens"), None);
        assert_eq!(sentence("usage or I/O"), "Usage or I/O.");
    }

    /// Every help ends with its examples, and says its exit status, 0 and 2 at least, so that
    /// every page has both sections.
    #[test]
    fn every_closing_text_has_examples_and_exit_status() {
        fn check(command: &clap::Command, path: &str) {
            let closing = Closing::of(command);
            assert!(
                closing
                    .examples
                    .first()
                    .is_some_and(|e| e.starts_with("ladder")),
                "{path}: {closing:?}"
            );
            let status = closing.status.as_deref().unwrap_or_default();
            let codes: Vec<&str> = statuses(status)
                .unwrap_or_default()
                .into_iter()
                .map(|(code, _)| code)
                .collect();
            assert!(
                codes == ["0", "1", "2"] || codes == ["0", "2"],
                "{path}: {status:?}"
            );
            for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
                check(sub, &format!("{path} {}", sub.get_name()));
            }
        }
        let mut cli = crate::cli::Cli::command();
        cli.build();
        check(&cli, "ladder");
    }
}
