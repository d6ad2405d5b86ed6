//! Errors and findings for people: rustc-style, the offending line quoted with a caret under
//! the column, and a help line where a fix can be guessed. Every piece of file text (names,
//! messages, the quoted line) is made safe for a terminal first.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::safe;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::error::Error;

/// Lines longer than this are quoted only around the finding: a minified file is one line.
const LONGEST_QUOTE: usize = 1_000;
/// How many characters either side of the finding a long line keeps.
const QUOTE_CONTEXT: usize = 100;

/// One block per problem, a blank line between blocks.
pub fn error(error: &Error, color: bool) -> String {
    match error {
        Error::Invalid(found) => {
            let mut sorted: Vec<&Diagnostic> = found.kept.iter().collect();
            sorted.sort_by_key(|d| d.file());
            let mut out: Vec<String> = sorted.iter().map(|d| diagnostic(d, color)).collect();
            out.extend(omitted(found.omitted(), sorted.first().map(|d| d.file())));
            out.join("\n")
        }
        other => title_only(&other.to_string(), color),
    }
}

/// A plain `error: …` line, for problems that belong to no file.
pub fn title_only(message: &str, color: bool) -> String {
    render(
        &[Group::with_title(
            Level::ERROR.primary_title(safe::plain(message)),
        )],
        color,
    )
}

/// The line saying how many findings of a file were not shown, when some were not.
pub fn omitted(count: usize, file: Option<&str>) -> Option<String> {
    (count > 0).then(|| {
        let file = safe::plain(file.unwrap_or_default()).into_owned();
        format!(
            "note: {} more in `{file}` not shown; fix these first\n",
            crate::wording::plural(count, "finding")
        )
    })
}

pub fn diagnostic(found: &Diagnostic, color: bool) -> String {
    let level = match found.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = safe::plain(&found.message);
    let file = safe::plain(found.file());
    let title = level.primary_title(message).id(found.code.as_str());
    let quoted;
    let mut arrow = None;
    let mut group = if let Some(location) = found.location() {
        let (line, start, end, cut) = quote(&location);
        quoted = line;
        // Cut, or made safe before the finding, the quote's column is not the file's.
        let moved = cut || quoted.get(..start) != Some(&location.line_text[..location.offset]);
        let snippet = Snippet::source(quoted.as_str())
            .line_start(location.line)
            .annotation(AnnotationKind::Primary.span(start..end));
        if moved {
            // The quote no longer matches the line up to the finding, so the renderer would
            // count the column in the quote: the file, line and column are written in instead.
            arrow = Some(format!(
                "{}--> {file}:{}:{}",
                " ".repeat(location.line.to_string().len()),
                location.line,
                location.column
            ));
            title.element(snippet)
        } else {
            title.element(snippet.path(file))
        }
    } else if found.source().is_some() {
        title.element(annotate_snippets::Origin::path(file))
    } else {
        Group::with_title(title)
    };
    if let Some(help) = &found.help {
        group = group.element(Level::HELP.message(safe::plain(help)));
    }
    let text = render(&[group], color);
    match arrow {
        Some(arrow) => match text.split_once('\n') {
            Some((title, rest)) => format!("{title}\n{arrow}\n{rest}"),
            None => text,
        },
        None => text,
    }
}

/// The line to quote, made safe, the byte range of the finding in it, and whether it was cut:
/// a very long line is quoted only around the finding, at a cost bounded by what is shown.
fn quote(location: &Location) -> (String, usize, usize, bool) {
    let line = location.line_text;
    let (before, after) = line.split_at(location.offset);
    let long = line.len() > LONGEST_QUOTE;
    let from = if long {
        before
            .char_indices()
            .rev()
            .nth(QUOTE_CONTEXT - 1)
            .map_or(0, |(i, _)| i)
    } else {
        0
    };
    let shown_after = if long {
        after
            .char_indices()
            .nth(location.width + QUOTE_CONTEXT)
            .map_or(after.len(), |(i, _)| i)
    } else {
        after.len()
    };
    let window = &line[from..location.offset + shown_after];
    let mut quoted = String::with_capacity(window.len() + 8);
    if from > 0 {
        quoted.push_str("...");
    }
    let first = before[from..].chars().count();
    let (mut start, mut end) = (None, None);
    let chars: Vec<char> = window.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if i == first {
            start = Some(quoted.len());
        }
        if i == first + location.width {
            end = Some(quoted.len());
        }
        if c == '\t' {
            // The renderer lines tabs up with the caret itself.
            quoted.push('\t');
        } else {
            let previous = i.checked_sub(1).map(|p| chars[p]);
            safe::push_plain(&mut quoted, previous, c, chars.get(i + 1).copied());
        }
    }
    let start = start.unwrap_or(quoted.len());
    let end = end.unwrap_or(quoted.len()).max(start);
    let cut_end = location.offset + shown_after < line.len();
    if cut_end {
        quoted.push_str("...");
    }
    (quoted, start, end, from > 0)
}

fn render(groups: &[Group<'_>], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut text = renderer.render(groups);
    text.push('\n');
    text
}
