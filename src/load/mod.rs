//! From files to checked models: reading ([`source`]), parsing ([`yaml`] into [`raw`] shapes),
//! then checking ([`ladder`], [`assessment`]). [`catalog`] finds the ladder an assessment names.

pub mod assessment;
pub mod catalog;
pub mod check;
pub mod ladder;
pub mod raw;
pub mod source;
pub mod yaml;

pub use check::Loaded;
pub use source::Source;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::model::{Assessment, Ladder};
use crate::wording;
use catalog::LadderRef;
use raw::{RawAssessment, RawDocument};

/// Loads ladders and assessments, reading and checking each ladder once however many
/// assessments name it.
pub struct Loader {
    max_bytes: u64,
    ladders: HashMap<LadderRef, Result<Rc<Ladder>>>,
    /// Where `./ladders/` is; configurable so that tests need not change directory.
    local_dir: PathBuf,
}

/// A checked assessment with the ladder it was checked against.
#[derive(Debug)]
pub struct LoadedAssessment {
    pub assessment: Assessment,
    pub ladder: Rc<Ladder>,
    pub warnings: Vec<Diagnostic>,
}

/// The two kinds of file `ladder` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Ladder,
    Assessment,
}

/// Any file `ladder` reads, checked.
#[derive(Debug)]
pub enum Document {
    Ladder(Loaded<Ladder>),
    Assessment(LoadedAssessment),
}

impl Loader {
    pub fn new(max_bytes: u64) -> Self {
        Loader {
            max_bytes,
            ladders: HashMap::new(),
            local_dir: PathBuf::from(catalog::LOCAL_DIR),
        }
    }

    /// Looks ladders up by id in `dir` instead of `./ladders`.
    pub fn with_local_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.local_dir = dir.into();
        self
    }

    /// The ladder `name` stands for: a path (relative to `base`); `./ladders/NAME.yaml`; a
    /// ladder in `./ladders/` whose id is `name`; or a built-in ladder.
    pub fn find(&mut self, name: &str, base: &Path) -> Option<LadderRef> {
        if catalog::looks_like_path(name) {
            return Some(LadderRef::File(base.join(name)));
        }
        let by_file_name = ["yaml", "yml"].map(|ext| self.local_dir.join(format!("{name}.{ext}")));
        if let Some(path) = by_file_name.into_iter().find(|path| path.is_file()) {
            return Some(LadderRef::File(path));
        }
        let by_id = self
            .local_ladders()
            .into_iter()
            .find(|(_, ladder)| ladder.as_ref().is_ok_and(|l| l.id.as_str() == name));
        if let Some((path, _)) = by_id {
            return Some(LadderRef::File(path));
        }
        catalog::builtin(name).map(|builtin| LadderRef::Builtin(builtin.id))
    }

    /// A `--ladder` value: an existing file, or a name [`Loader::find`] resolves.
    pub fn find_for_command_line(&mut self, name: &str) -> Result<LadderRef> {
        if Path::new(name).is_file() {
            return Ok(LadderRef::File(PathBuf::from(name)));
        }
        self.find(name, Path::new("")).ok_or_else(|| {
            let known = self.known_ids();
            let help = wording::did_you_mean(name, known.iter().map(String::as_str))
                .unwrap_or_else(|| {
                    format!(
                        "the ladders here are {}; `ladder list` shows them",
                        wording::list(&known)
                    )
                });
            Error::Usage(format!("no ladder named `{name}`: {help}"))
        })
    }

    /// Every ladder file in `./ladders/`, in name order, with the result of loading it.
    pub fn local_ladders(&mut self) -> Vec<(PathBuf, Result<Rc<Ladder>>)> {
        let Ok(entries) = std::fs::read_dir(&self.local_dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "yaml" || ext == "yml")
                    && path.is_file()
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let ladder = self.ladder(&LadderRef::File(path.clone()));
                (path, ladder)
            })
            .collect()
    }

    /// The ids of every ladder that can be named: local ones, then built-in ones.
    fn known_ids(&mut self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .local_ladders()
            .into_iter()
            .filter_map(|(_, ladder)| ladder.ok().map(|l| l.id.to_string()))
            .collect();
        for id in catalog::builtin_ids() {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_owned());
            }
        }
        ids
    }

    /// Reads and checks a ladder or a self-assessment, whichever the file is. An error comes
    /// with the file's kind when the file was read far enough to tell.
    pub fn document(&mut self, path: &Path) -> Result<Document, (Option<Kind>, Error)> {
        let source = Source::read(path, self.max_bytes).map_err(|e| (None, e))?;
        match yaml::parse::<RawDocument>(&source).map_err(|e| (None, e))? {
            RawDocument::Ladder(raw) => ladder::check(&raw, &source)
                .map(Document::Ladder)
                .map_err(|found| (Some(Kind::Ladder), Error::Invalid(found))),
            RawDocument::Assessment(raw) => self
                .check_assessment(&raw, &source, path, None, None)
                .map(Document::Assessment)
                .map_err(|e| (Some(Kind::Assessment), e)),
        }
    }

    /// Reads and checks the assessment at `path`, against `ladder` when given, otherwise the
    /// ladder the file names, otherwise the default built-in ladder.
    pub fn assessment(
        &mut self,
        path: &Path,
        ladder: Option<&LadderRef>,
        target: Option<&str>,
    ) -> Result<LoadedAssessment> {
        let source = Source::read(path, self.max_bytes)?;
        match yaml::parse::<RawDocument>(&source)? {
            RawDocument::Assessment(raw) => {
                self.check_assessment(&raw, &source, path, ladder, target)
            }
            RawDocument::Ladder(_) => Err(wrong_kind(
                &source,
                "a ladder, not a self-assessment",
                "pass a ladder with `--ladder`",
            )),
        }
    }

    /// The checked ladder `reference` names.
    pub fn ladder(&mut self, reference: &LadderRef) -> Result<Rc<Ladder>> {
        if let Some(loaded) = self.ladders.get(reference) {
            return loaded.clone();
        }
        let loaded = self
            .load_ladder(reference)
            .map(|loaded| Rc::new(loaded.value));
        self.ladders.insert(reference.clone(), loaded.clone());
        loaded
    }

    fn load_ladder(&self, reference: &LadderRef) -> Result<Loaded<Ladder>> {
        let source = match reference {
            LadderRef::Builtin(id) => {
                let builtin = catalog::builtin(id).unwrap_or(catalog::DEFAULT);
                Source::from_text(builtin.file, builtin.text)
            }
            LadderRef::File(path) => Source::read(path, self.max_bytes)?,
        };
        ladder_from(&source)
    }

    fn check_assessment(
        &mut self,
        raw: &RawAssessment,
        source: &Source,
        path: &Path,
        ladder: Option<&LadderRef>,
        target: Option<&str>,
    ) -> Result<LoadedAssessment> {
        let ladder = match (ladder, &raw.ladder) {
            (Some(reference), _) => self.ladder(reference)?,
            (None, Some(named)) => self.named_ladder(source, path, named)?,
            (None, None) => self.ladder(&LadderRef::Builtin(catalog::DEFAULT.id))?,
        };
        let loaded = assessment::check(raw, source, &ladder, target).map_err(Error::Invalid)?;
        Ok(LoadedAssessment {
            assessment: loaded.value,
            ladder,
            warnings: loaded.warnings,
        })
    }

    /// The ladder an assessment's `ladder:` names; one that cannot be read is the assessment's
    /// error, pointed at that line.
    fn named_ladder(
        &mut self,
        source: &Source,
        path: &Path,
        named: &yaml::Located<yaml::Text>,
    ) -> Result<Rc<Ladder>> {
        let name = &named.value.0;
        let base = path.parent().unwrap_or(Path::new(""));
        let Some(reference) = self.find(name, base) else {
            let known = self.known_ids();
            let help = wording::did_you_mean(name, known.iter().map(String::as_str)).unwrap_or_else(|| {
                format!(
                    "name a ladder ({}) or a ladder file by path, such as `ladders/{name}.yaml`",
                    wording::list(&known)
                )
            });
            return Err(Error::invalid(
                Diagnostic::error(
                    Code::LadderNotFound,
                    format!("no ladder named `{name}`"),
                    source.locate(named.at),
                )
                .with_help(help),
            ));
        };
        self.ladder(&reference).map_err(|error| match error {
            Error::Io { path, reason } => Error::invalid(Diagnostic::error(
                Code::LadderNotFound,
                format!("cannot read ladder `{path}`: {reason}"),
                source.locate(named.at),
            )),
            Error::Invalid(mut found) => {
                let errors = found.iter().filter(|d| d.is_error()).count();
                found.push(Diagnostic::error(
                    Code::InvalidLadder,
                    format!("ladder `{name}` has {}", wording::plural(errors, "error")),
                    source.locate(named.at),
                ));
                Error::Invalid(found)
            }
            other => other,
        })
    }
}

/// Parses and checks a ladder from its source.
pub fn ladder_from(source: &Source) -> Result<Loaded<Ladder>> {
    match yaml::parse::<RawDocument>(source)? {
        RawDocument::Ladder(raw) => ladder::check(&raw, source).map_err(Error::Invalid),
        RawDocument::Assessment(_) => Err(wrong_kind(
            source,
            "a self-assessment, not a ladder",
            "pass a ladder file here",
        )),
    }
}

fn wrong_kind(source: &Source, what: &str, help: &str) -> Error {
    Error::invalid(
        Diagnostic::error(
            Code::WrongFileKind,
            format!("this file is {what}"),
            source.start(),
        )
        .with_help(help),
    )
}
