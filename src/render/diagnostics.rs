//! Errors and findings for people: rustc-style, the offending line quoted with a caret under
//! the column, and a help line where a fix can be guessed.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;

/// One block per problem, a blank line between blocks.
pub fn error(error: &Error, color: bool) -> String {
    match error {
        Error::Invalid(found) => diagnostics(found, color),
        other => render(
            &[Group::with_title(
                Level::ERROR.primary_title(other.to_string()),
            )],
            color,
        ),
    }
}

pub fn diagnostics(found: &[Diagnostic], color: bool) -> String {
    let mut sorted: Vec<&Diagnostic> = found.iter().collect();
    sorted.sort_by(|a, b| {
        let key = |d: &Diagnostic| (d.location.file.clone(), d.location.line, d.location.column);
        key(a).cmp(&key(b))
    });
    sorted
        .iter()
        .map(|d| diagnostic(d, color))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn diagnostic(found: &Diagnostic, color: bool) -> String {
    let level = match found.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let location = &found.location;
    let title = level
        .primary_title(found.message.as_str())
        .id(found.code.as_str());
    let mut group = if location.has_position() {
        let start = byte_index(&location.line_text, location.column - 1);
        let end = byte_index(&location.line_text, location.column - 1 + location.width);
        title.element(
            Snippet::source(location.line_text.as_str())
                .line_start(location.line)
                .path(location.file.as_str())
                .annotation(AnnotationKind::Primary.span(start..end)),
        )
    } else if location.has_file() {
        title.element(annotate_snippets::Origin::path(location.file.as_str()))
    } else {
        Group::with_title(title)
    };
    if let Some(help) = &found.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    render(&[group], color)
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

/// The byte index of character `chars` in `line`, or its end.
fn byte_index(line: &str, chars: usize) -> usize {
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i)
}
