//! `ladder validate`: find the ladder and self-assessment files under some paths, check every
//! one, and collect every finding. Returns values only; `render` writes them out.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::error::Error;
use crate::load::{Document, Kind, Loader, paths};
use crate::wording;

/// What was checked and what was found.
#[derive(Debug, Default)]
pub struct Validation {
    pub files: Vec<Checked>,
    /// Every finding in every file, in file order, each once.
    pub findings: Vec<Diagnostic>,
    /// Whether some path could not be read at all (missing, unreadable, a special file).
    pub unreadable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub file: String,
    /// `None` when the file could not be read or parsed far enough to tell.
    pub kind: Option<Kind>,
    pub errors: usize,
    pub warnings: usize,
}

impl Validation {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn count_kind(&self, kind: Kind) -> usize {
        self.files.iter().filter(|f| f.kind == Some(kind)).count()
    }
}

/// Checks every file under `paths`: files as given, directories for `*.yaml` and `*.yml`.
pub fn validate(paths: &[PathBuf], loader: &mut Loader) -> Validation {
    let mut validation = Validation::default();
    let mut ladder_ids: Vec<(String, String)> = Vec::new();
    for path in paths {
        match files_under(path) {
            Ok(files) => {
                for file in files {
                    if path != &file && paths::links_out_of(&file, path) {
                        validation.refuse(
                            &file,
                            "it is a symbolic link to outside the directory checked",
                        );
                    } else if let Some(id) = check_file(&file, loader, &mut validation) {
                        check_unique_id(id, &file, &mut ladder_ids, &mut validation);
                    }
                }
            }
            Err(reason) => validation.refuse(path, &reason),
        }
    }
    validation.count_files_named_by_findings();
    validation
}

/// Two ladders with one id would make the id name either of them.
fn check_unique_id(
    id: String,
    path: &Path,
    seen: &mut Vec<(String, String)>,
    validation: &mut Validation,
) {
    let file = wording::path(path);
    if let Some((_, first)) = seen.iter().find(|(known, _)| *known == id) {
        let message = format!("ladder id `{id}` is also the id of `{first}`");
        let finding = Diagnostic::error(Code::DuplicateId, message, Location::file(&file))
            .with_help(
                "an id names one ladder in `ladder:` and `--ladder`; give each ladder its own",
            );
        validation.findings.push(finding);
        if let Some(checked) = validation
            .files
            .iter_mut()
            .find(|checked| checked.file == file)
        {
            checked.errors += 1;
        }
    } else {
        seen.push((id, file));
    }
}

impl Validation {
    /// A ladder read only because an assessment names it still belongs in `files`, so that
    /// every finding's file is listed and the per-file counts add up to the totals.
    fn count_files_named_by_findings(&mut self) {
        for finding in &self.findings {
            let file = &finding.location.file;
            if finding.code == Code::Unreadable
                || self.files.iter().any(|checked| &checked.file == file)
            {
                continue;
            }
            let mine = |d: &&Diagnostic| &d.location.file == file;
            self.files.push(Checked {
                file: file.clone(),
                kind: Some(Kind::Ladder),
                errors: self
                    .findings
                    .iter()
                    .filter(mine)
                    .filter(|d| d.is_error())
                    .count(),
                warnings: self
                    .findings
                    .iter()
                    .filter(mine)
                    .filter(|d| !d.is_error())
                    .count(),
            });
        }
    }

    /// Records a path that is not read at all.
    fn refuse(&mut self, path: &Path, reason: &str) {
        self.unreadable = true;
        let file = wording::path(path);
        let message = format!("cannot read `{file}`: {reason}");
        self.findings.push(Diagnostic::error(
            Code::Unreadable,
            message,
            Location::file(&file),
        ));
    }
}

/// Checks one file; for a ladder that loads, its id.
fn check_file(path: &Path, loader: &mut Loader, validation: &mut Validation) -> Option<String> {
    let mut id = None;
    let (kind, found) = match loader.document(path) {
        Ok(Document::Ladder(loaded)) => {
            id = Some(loaded.value.id.to_string());
            (Some(Kind::Ladder), loaded.warnings)
        }
        Ok(Document::Assessment(loaded)) => (Some(Kind::Assessment), loaded.warnings),
        Err((kind, Error::Invalid(found))) => (kind, found),
        Err((kind, error)) => {
            validation.unreadable = true;
            let location = Location::file(&wording::path(path));
            (
                kind,
                vec![Diagnostic::error(
                    Code::Unreadable,
                    error.to_string(),
                    location,
                )],
            )
        }
    };
    let file = wording::path(path);
    let mine = |d: &&Diagnostic| d.location.file == file;
    validation.files.push(Checked {
        errors: found.iter().filter(mine).filter(|d| d.is_error()).count(),
        warnings: found.iter().filter(mine).filter(|d| !d.is_error()).count(),
        kind,
        file,
    });
    for finding in found {
        if !validation.findings.contains(&finding) {
            validation.findings.push(finding);
        }
    }
    id
}

/// The files a path stands for, sorted so that output is stable; otherwise why it cannot be read.
fn files_under(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.as_os_str() == crate::load::source::STDIN {
        return Ok(vec![path.to_path_buf()]);
    }
    let metadata =
        std::fs::metadata(path).map_err(|e| crate::load::source::describe_io_error(&e))?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        if paths::is_yaml(entry.path()) && entry.path().is_file() {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}
