//! The findings of `ladder validate`: rustc-style for people, JSON for programs, and GitHub
//! Actions workflow commands that annotate a pull request.

use serde::Serialize;

use super::diagnostics;
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::Kind;
use crate::validate::{Checked, Validation};
use crate::wording::plural;

/// Every finding, then one line saying what was checked and what was found.
pub fn human(validation: &Validation, color: bool) -> String {
    let mut out = diagnostics::diagnostics(&validation.findings, color);
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary(validation));
    out.push('\n');
    out
}

/// `checked 4 files (1 ladder, 3 self-assessments): 1 warning`, or without the kinds when some
/// file could not be read far enough to tell.
pub fn summary(validation: &Validation) -> String {
    let files = validation.files.len();
    let ladders = validation.count_kind(Kind::Ladder);
    let assessments = validation.count_kind(Kind::Assessment);
    let errors = validation.count(Severity::Error);
    let warnings = validation.count(Severity::Warning);
    let found = match (errors, warnings) {
        (0, 0) => "no problems".to_owned(),
        (errors, 0) => plural(errors, "error"),
        (0, warnings) => plural(warnings, "warning"),
        (errors, warnings) => format!(
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    };
    if files > 0 && ladders + assessments == files {
        format!(
            "checked {} ({}, {}): {found}",
            plural(files, "file"),
            plural(ladders, "ladder"),
            plural(assessments, "self-assessment"),
        )
    } else {
        format!("checked {}: {found}", plural(files, "file"))
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: &'a [Checked],
    findings: Vec<JsonFinding<'a>>,
    counts: Counts,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    severity: Severity,
    code: &'static str,
    message: &'a str,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Counts {
    files: usize,
    ladders: usize,
    assessments: usize,
    errors: usize,
    warnings: usize,
}

pub fn json(validation: &Validation) -> String {
    let findings = validation
        .findings
        .iter()
        .map(|d| JsonFinding {
            file: &d.location.file,
            line: d.location.has_position().then_some(d.location.line),
            column: d.location.has_position().then_some(d.location.column),
            severity: d.severity,
            code: d.code.as_str(),
            message: &d.message,
            help: d.help.as_deref(),
        })
        .collect();
    super::json(&JsonReport {
        files: &validation.files,
        findings,
        counts: Counts {
            files: validation.files.len(),
            ladders: validation.count_kind(Kind::Ladder),
            assessments: validation.count_kind(Kind::Assessment),
            errors: validation.count(Severity::Error),
            warnings: validation.count(Severity::Warning),
        },
    })
}

/// One workflow command per finding, then the summary as a notice.
pub fn github(validation: &Validation) -> String {
    let mut out: String = validation.findings.iter().map(github_command).collect();
    out.push_str(&format!(
        "::notice title=ladder validate::{}\n",
        escape_data(&summary(validation))
    ));
    out
}

fn github_command(finding: &Diagnostic) -> String {
    let command = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let location = &finding.location;
    let mut properties = vec![format!("file={}", escape_property(&location.file))];
    if location.has_position() {
        properties.push(format!("line={}", location.line));
        properties.push(format!("col={}", location.column));
    }
    properties.push(format!("title={}", escape_property(finding.code.as_str())));
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{command} {}::{}\n",
        properties.join(","),
        escape_data(&message)
    )
}

/// GitHub's escaping for a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping for a command's properties, which also reserve `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
