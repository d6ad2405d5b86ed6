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
use std::path::Path;
use std::rc::Rc;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::model::{Assessment, Ladder};
use crate::suggest;
use catalog::LadderRef;

/// Loads ladders and assessments, reading and checking each ladder once however many
/// assessments name it.
pub struct Loader {
    max_bytes: u64,
    ladders: HashMap<LadderRef, Result<Rc<Ladder>>>,
}

/// A checked assessment with the ladder it was checked against.
#[derive(Debug)]
pub struct LoadedAssessment {
    pub assessment: Assessment,
    pub ladder: Rc<Ladder>,
    pub warnings: Vec<Diagnostic>,
}

impl Loader {
    pub fn new(max_bytes: u64) -> Self {
        Loader {
            max_bytes,
            ladders: HashMap::new(),
        }
    }

    pub fn read(&self, path: &Path) -> Result<Source> {
        Source::read(path, self.max_bytes)
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
            LadderRef::File(path) => self.read(path)?,
        };
        ladder_from(&source)
    }

    /// Reads and checks the assessment at `path`, against `ladder` when given, otherwise the
    /// ladder the file names, otherwise the default built-in ladder.
    pub fn assessment(
        &mut self,
        path: &Path,
        ladder: Option<&LadderRef>,
        target: Option<&str>,
    ) -> Result<LoadedAssessment> {
        let source = self.read(path)?;
        let raw: raw::RawAssessment = yaml::parse(&source)?;
        let reference = match (ladder, &raw.ladder) {
            (Some(reference), _) => reference.clone(),
            (None, Some(named)) => LadderRef::from_assessment(&named.value.0, path)
                .ok_or_else(|| ladder_not_found(&source, named))?,
            (None, None) => LadderRef::Builtin(catalog::DEFAULT.id),
        };
        let ladder = self.ladder(&reference)?;
        let loaded = assessment::check(&raw, &source, &ladder, target).map_err(Error::Invalid)?;
        Ok(LoadedAssessment {
            assessment: loaded.value,
            ladder,
            warnings: loaded.warnings,
        })
    }
}

/// Parses and checks a ladder from its source.
pub fn ladder_from(source: &Source) -> Result<Loaded<Ladder>> {
    let raw: raw::RawLadder = yaml::parse(source)?;
    ladder::check(&raw, source).map_err(Error::Invalid)
}

fn ladder_not_found(source: &Source, named: &yaml::Located<yaml::Text>) -> Error {
    let name = &named.value.0;
    let help = suggest::did_you_mean(name, catalog::builtin_ids()).unwrap_or_else(|| {
        format!(
            "name a built-in ladder ({}) or a ladder file by path, such as `ladders/{name}.yaml`",
            suggest::list(catalog::builtin_ids())
        )
    });
    Error::invalid(
        Diagnostic::error(
            Code::LadderNotFound,
            format!("no ladder named `{name}`"),
            source.locate(named.at),
        )
        .with_help(help),
    )
}
