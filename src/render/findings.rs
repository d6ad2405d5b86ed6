//! The printers of `ladder validate`, one per format, each writing as records come: rustc-style
//! for people, JSON for programs, and GitHub Actions workflow commands that annotate a pull
//! request.

use std::io::{self, Seek, Write};

use serde::Serialize;
use tempfile::SpooledTempFile;

use super::{diagnostics, safe};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::{Checked, Kind};
use crate::validate::{Report, Tally};
use crate::wording::plural;

/// `checked 4 files (1 ladder, 3 self-assessments): 1 warning`, or without the kinds when some
/// file could not be read far enough to tell; with how many warnings a policy allowed.
pub fn summary(tally: &Tally) -> String {
    let mut found = match counted(tally.errors, tally.warnings) {
        counted if counted.is_empty() => "no problems".to_owned(),
        counted => counted,
    };
    if tally.allowed > 0 {
        found.push_str(&format!(
            " ({} allowed, not shown)",
            plural(tally.allowed, "warning")
        ));
    }
    if tally.files > 0 && tally.ladders + tally.assessments == tally.files {
        format!(
            "checked {} ({}, {}): {found}",
            plural(tally.files, "file"),
            plural(tally.ladders, "ladder"),
            plural(tally.assessments, "self-assessment"),
        )
    } else {
        format!("checked {}: {found}", plural(tally.files, "file"))
    }
}

/// `2 errors, 1 warning`; empty when there are neither.
fn counted(errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => String::new(),
        (errors, 0) => plural(errors, "error"),
        (0, warnings) => plural(warnings, "warning"),
        (errors, warnings) => format!(
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    }
}

/// Findings grouped by file, each group under a line naming the file and counting what is in
/// it, a blank line between blocks; then one line saying what was checked. Quiet, only that line.
pub struct Human<'a> {
    out: &'a mut dyn Write,
    color: bool,
    quiet: bool,
    written: bool,
}

impl<'a> Human<'a> {
    pub fn new(out: &'a mut dyn Write, color: bool, quiet: bool) -> Self {
        Human {
            out,
            color,
            quiet,
            written: false,
        }
    }

    /// A block, unless quiet.
    fn block(&mut self, text: &str) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        self.write_block(text)
    }

    fn write_block(&mut self, text: &str) -> io::Result<()> {
        if self.written {
            self.out.write_all(b"\n")?;
        }
        self.written = true;
        self.out.write_all(text.as_bytes())
    }

    /// `ladders/ours.yaml: 2 errors, 1 warning`, in bold on a terminal.
    fn heading(&mut self, file: &Checked) -> io::Result<()> {
        let counts = counted(file.found.errors(), file.found.warnings());
        let line = format!("{}: {counts}", safe::plain(&file.name));
        let bold = if self.color {
            anstyle::Style::new().bold()
        } else {
            anstyle::Style::new()
        };
        let line = format!("{bold}{line}{bold:#}\n");
        self.block(&line)
    }
}

impl Report for Human<'_> {
    fn file(&mut self, file: &Checked) -> io::Result<()> {
        if file.found.kept.is_empty() && file.found.omitted() == 0 {
            return Ok(());
        }
        // A file that cannot be read has one finding, which names it.
        if file.unreadable.is_none() {
            self.heading(file)?;
        }
        for finding in &file.found.kept {
            self.block(&diagnostics::diagnostic(finding, self.color))?;
        }
        if let Some(note) = diagnostics::omitted(file.found.omitted(), Some(&file.name)) {
            self.block(&note)?;
        }
        Ok(())
    }

    /// Shown even when quiet: it is why the run ends with status 2.
    fn refused(&mut self, finding: &Diagnostic) -> io::Result<()> {
        self.write_block(&diagnostics::diagnostic(finding, self.color))
    }

    fn finish(&mut self, tally: &Tally) -> io::Result<()> {
        if self.written {
            self.out.write_all(b"\n")?;
        }
        writeln!(self.out, "{}", summary(tally))
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    kind: Option<Kind>,
    errors: usize,
    warnings: usize,
    /// Warnings a policy allowed: counted, not listed.
    #[serde(skip_serializing_if = "is_zero")]
    allowed: usize,
    /// Findings counted but not listed, past the cap of one file.
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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
    allowed: usize,
}

/// How much of the JSON report is kept in memory before the rest goes to a temporary file.
const SPOOL_BYTES: usize = 8 * 1024 * 1024;

/// One object, `{files, findings, counts}`. Its two lists are written to spools as records
/// come, so that memory stays flat however many files there are, and put together at the end.
pub struct Json<'a> {
    out: &'a mut dyn Write,
    files: Spool,
    findings: Spool,
}

impl<'a> Json<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Json {
            out,
            files: Spool::new(),
            findings: Spool::new(),
        }
    }

    fn finding(&mut self, d: &Diagnostic) -> io::Result<()> {
        let location = d.location();
        self.findings.item(&JsonFinding {
            file: d.file(),
            line: location.map(|l| l.line),
            column: location.map(|l| l.column),
            severity: d.severity,
            code: d.code.as_str(),
            message: &d.message,
            help: d.help.as_deref(),
        })
    }
}

impl Report for Json<'_> {
    fn file(&mut self, file: &Checked) -> io::Result<()> {
        self.files.item(&JsonFile {
            file: &file.name,
            kind: file.kind,
            errors: file.found.errors(),
            warnings: file.found.warnings(),
            allowed: file.found.allowed,
            omitted: file.found.omitted(),
        })?;
        file.found.kept.iter().try_for_each(|d| self.finding(d))
    }

    fn refused(&mut self, finding: &Diagnostic) -> io::Result<()> {
        self.finding(finding)
    }

    fn finish(&mut self, tally: &Tally) -> io::Result<()> {
        self.out.write_all(b"{\n  \"files\": ")?;
        self.files.copy_to(self.out)?;
        self.out.write_all(b",\n  \"findings\": ")?;
        self.findings.copy_to(self.out)?;
        let counts = safe::json_nested(
            &Counts {
                files: tally.files,
                ladders: tally.ladders,
                assessments: tally.assessments,
                errors: tally.errors,
                warnings: tally.warnings,
                allowed: tally.allowed,
            },
            1,
        );
        write!(self.out, ",\n  \"counts\": {counts}\n}}\n")
    }
}

/// A JSON array of pretty objects, nested one level in, kept in memory up to a size and then
/// in a temporary file.
struct Spool {
    file: SpooledTempFile,
    items: usize,
}

impl Spool {
    fn new() -> Self {
        Spool {
            file: tempfile::spooled_tempfile(SPOOL_BYTES),
            items: 0,
        }
    }

    fn item<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        let separator = if self.items == 0 {
            "[\n    "
        } else {
            ",\n    "
        };
        self.file.write_all(separator.as_bytes())?;
        self.file
            .write_all(safe::json_nested(value, 2).as_bytes())?;
        self.items += 1;
        Ok(())
    }

    fn copy_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.items == 0 {
            return out.write_all(b"[]");
        }
        self.file.rewind()?;
        io::copy(&mut self.file, out)?;
        out.write_all(b"\n  ]")
    }
}

/// One workflow command per finding, then the summary as a notice.
pub struct Github<'a> {
    out: &'a mut dyn Write,
}

impl<'a> Github<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Github { out }
    }
}

impl Report for Github<'_> {
    fn file(&mut self, file: &Checked) -> io::Result<()> {
        for finding in &file.found.kept {
            self.out.write_all(github_command(finding).as_bytes())?;
        }
        if file.found.omitted() > 0 {
            writeln!(
                self.out,
                "::notice file={},title=ladder validate::{} more in this file not shown",
                safe::github_property(&file.name),
                plural(file.found.omitted(), "finding")
            )?;
        }
        Ok(())
    }

    fn refused(&mut self, finding: &Diagnostic) -> io::Result<()> {
        self.out.write_all(github_command(finding).as_bytes())
    }

    fn finish(&mut self, tally: &Tally) -> io::Result<()> {
        writeln!(
            self.out,
            "::notice title=ladder validate::{}",
            safe::github_data(&summary(tally))
        )
    }
}

fn github_command(finding: &Diagnostic) -> String {
    let command = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = vec![format!("file={}", safe::github_property(finding.file()))];
    if let Some(location) = finding.location() {
        properties.push(format!("line={}", location.line));
        properties.push(format!("col={}", location.column));
    }
    properties.push(format!("title={}", finding.code.as_str()));
    let mut message = safe::github_data(&finding.message);
    if let Some(help) = &finding.help {
        message.push_str("%0Ahelp: ");
        message.push_str(&safe::github_data(help));
    }
    format!("::{command} {}::{message}\n", properties.join(","))
}
