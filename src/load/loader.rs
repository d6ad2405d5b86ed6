//! The loader: reads and checks ladders and assessments, finds the ladder an assessment names,
//! and reads each ladder once however many files name it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::catalog::{self, LadderRef};
use super::check::Loaded;
use super::raw::{RawAssessment, RawDocument};
use super::source::Source;
use super::yaml::{self, Located, Text};
use super::{assessment, ladder, paths, wrong_kind};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::model::{Assessment, Ladder};
use crate::wording;

pub struct Loader {
    max_bytes: u64,
    /// Every ladder read so far, by where it came from (file paths normalized).
    ladders: HashMap<LadderRef, Result<Rc<Ladder>>>,
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
        }
    }

    /// The ladder used when none is named: the default built-in one, unless `./ladders/`
    /// holds a ladder with its id.
    pub fn default_ladder(&mut self) -> LadderRef {
        self.find(catalog::DEFAULT.id, Path::new(""))
            .unwrap_or(LadderRef::Builtin(catalog::DEFAULT.id))
    }

    /// The ladder `name` stands for: a path (relative to `base`); `./ladders/NAME.yaml` when its
    /// id is `name` (or it cannot be read, so that its errors are seen); a ladder in
    /// `./ladders/` whose id is `name`; or a built-in ladder.
    pub fn find(&mut self, name: &str, base: &Path) -> Option<LadderRef> {
        if catalog::looks_like_path(name) {
            return Some(file(&base.join(name)));
        }
        // A file in ./ladders may come from a pull request: never follow it out of the repository.
        let named_file = ["yaml", "yml"]
            .map(|ext| Path::new(catalog::LOCAL_DIR).join(format!("{name}.{ext}")))
            .into_iter()
            .find(|path| path.is_file() && paths::escapes_working_directory(path).is_none());
        if let Some(path) = named_file {
            let reference = file(&path);
            match self.ladder(&reference) {
                Ok(ladder) if ladder.id.as_str() != name => {}
                _ => return Some(reference),
            }
        }
        let by_id = self
            .local_ladders()
            .into_iter()
            .find(|(_, ladder)| ladder.as_ref().is_ok_and(|l| l.id.as_str() == name));
        if let Some((path, _)) = by_id {
            return Some(file(&path));
        }
        catalog::builtin(name).map(|builtin| LadderRef::Builtin(builtin.id))
    }

    /// A `--ladder` value: an existing file, or a name [`Loader::find`] resolves.
    pub fn find_for_command_line(&mut self, name: &str) -> Result<LadderRef> {
        if Path::new(name).is_file() {
            return Ok(file(Path::new(name)));
        }
        self.find(name, Path::new("")).ok_or_else(|| {
            let help = self.unknown_ladder_help(name, "`ladder list` shows them");
            Error::Usage(format!("no ladder named `{name}`: {help}"))
        })
    }

    /// Every ladder file in `./ladders/`, in name order, with the result of loading it.
    pub fn local_ladders(&mut self) -> Vec<(PathBuf, Result<Rc<Ladder>>)> {
        let Ok(entries) = std::fs::read_dir(catalog::LOCAL_DIR) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| paths::is_yaml(path) && path.is_file())
            .collect();
        found.sort();
        found
            .into_iter()
            .map(|path| {
                let ladder = match paths::escapes_working_directory(&path) {
                    Some(reason) => Err(Error::Io {
                        path: wording::path(&path),
                        reason: reason.to_owned(),
                    }),
                    None => self.ladder(&file(&path)),
                };
                (path, ladder)
            })
            .collect()
    }

    /// The help for a ladder name that finds nothing: the nearest known id, or them all.
    fn unknown_ladder_help(&mut self, name: &str, otherwise: &str) -> String {
        let local = self.local_ladders();
        // `./ladders/NAME.yaml` exists but holds another ladder: say which, rather than nothing.
        let file = Path::new(catalog::LOCAL_DIR).join(format!("{name}.yaml"));
        if let Some((_, Ok(ladder))) = local.iter().find(|(path, _)| *path == file) {
            return format!(
                "`{}` holds the ladder `{}`; name it by that id, or by its path",
                wording::path(&file),
                ladder.id
            );
        }
        let mut known: Vec<String> = Vec::new();
        let local_ids = local
            .iter()
            .filter_map(|(_, ladder)| ladder.as_ref().ok().map(|l| l.id.to_string()));
        for id in local_ids.chain(catalog::builtin_ids().map(str::to_owned)) {
            if !known.contains(&id) {
                known.push(id);
            }
        }
        wording::did_you_mean(name, known.iter().map(String::as_str)).unwrap_or_else(|| {
            format!(
                "the ladders here are {}; {otherwise}",
                wording::list(&known)
            )
        })
    }

    /// Reads and checks a ladder or a self-assessment, whichever the file is. An error comes
    /// with the file's kind when the file was read far enough to tell.
    pub fn document(&mut self, path: &Path) -> Result<Document, (Option<Kind>, Error)> {
        let (source, raw) = self.read(path).map_err(|e| (None, e))?;
        match raw {
            RawDocument::Ladder(raw) => {
                let checked = ladder::check(&raw, &source);
                // Assessments checked later that name this file reuse it rather than read it again.
                let cached = checked
                    .clone()
                    .map(|loaded| Rc::new(loaded.value))
                    .map_err(Error::Invalid);
                self.ladders.insert(file(path), cached);
                checked
                    .map(Document::Ladder)
                    .map_err(|found| (Some(Kind::Ladder), Error::Invalid(found)))
            }
            RawDocument::Assessment(raw) => self
                .check_assessment(&raw, &source, path, None, None)
                .map(Document::Assessment)
                .map_err(|e| (Some(Kind::Assessment), e)),
        }
    }

    /// Reads and checks the assessment at `path`, against `ladder` when given, otherwise the
    /// ladder the file names, otherwise the default ladder.
    pub fn assessment(
        &mut self,
        path: &Path,
        ladder: Option<&LadderRef>,
        target: Option<&str>,
    ) -> Result<LoadedAssessment> {
        match self.read(path)? {
            (source, RawDocument::Assessment(raw)) => {
                self.check_assessment(&raw, &source, path, ladder, target)
            }
            (source, RawDocument::Ladder(_)) => Err(wrong_kind(
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
        let loaded = match reference {
            LadderRef::Builtin(id) => {
                let builtin = catalog::builtin(id).unwrap_or(catalog::DEFAULT);
                super::ladder_from(&Source::from_text(builtin.file, builtin.text))
            }
            LadderRef::File(path) => match self.read(path)? {
                (source, RawDocument::Ladder(raw)) => {
                    ladder::check(&raw, &source).map_err(Error::Invalid)
                }
                (source, RawDocument::Assessment(_)) => Err(wrong_kind(
                    &source,
                    "a self-assessment, not a ladder",
                    "pass a ladder file here",
                )),
            },
        }
        .map(|loaded| Rc::new(loaded.value));
        self.ladders.insert(reference.clone(), loaded.clone());
        loaded
    }

    /// The one place a file is read and parsed.
    fn read(&self, path: &Path) -> Result<(Source, RawDocument)> {
        let source = Source::read(path, self.max_bytes)?;
        let raw = yaml::parse::<RawDocument>(&source)?;
        Ok((source, raw))
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
            (None, None) => {
                let reference = self.default_ladder();
                self.ladder(&reference)?
            }
        };
        let loaded = assessment::check(raw, source, &ladder, target).map_err(Error::Invalid)?;
        Ok(LoadedAssessment {
            assessment: loaded.value,
            ladder,
            warnings: loaded.warnings,
        })
    }

    /// The ladder an assessment's `ladder:` names. It must lie inside the working directory;
    /// one that cannot be found or read is the assessment's error, pointed at that line.
    fn named_ladder(
        &mut self,
        source: &Source,
        path: &Path,
        named: &Located<Text>,
    ) -> Result<Rc<Ladder>> {
        let name = &named.value.0;
        let not_found = |message: String, help: String| {
            Error::invalid(
                Diagnostic::error(Code::LadderNotFound, message, source.locate(named.at))
                    .with_help(help),
            )
        };
        let base = path.parent().unwrap_or(Path::new(""));
        let Some(reference) = self.find(name, base) else {
            let help = self.unknown_ladder_help(name, "or name a ladder file by path");
            return Err(not_found(format!("no ladder named `{name}`"), help));
        };
        if let LadderRef::File(ladder_path) = &reference
            && let Some(reason) = paths::escapes_working_directory(ladder_path)
        {
            return Err(not_found(
                format!("ladder `{name}` may not be read: {reason}"),
                "name a ladder inside the working directory (`ladder assess` also takes `--ladder`)".to_owned(),
            ));
        }
        self.ladder(&reference).map_err(|error| match error {
            Error::Io { path, reason } => not_found(
                format!("cannot read ladder `{path}`: {reason}"),
                "the path is relative to this file".to_owned(),
            ),
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

/// A ladder file, named the same way however it was reached.
fn file(path: &Path) -> LadderRef {
    LadderRef::File(paths::normalize(path))
}
