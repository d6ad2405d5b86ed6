//! From files to checked models: reading inside the repository ([`root`]), decoding
//! ([`source`]), parsing ([`yaml`] into [`raw`] shapes), then checking ([`check`], [`ladder`],
//! [`assessment`]). The [`Loader`] ties them together and keeps the run's one catalogue of
//! ladders ([`catalog`]).

pub mod assessment;
pub mod catalog;
pub mod check;
pub mod config;
pub mod ladder;
mod loader;
pub mod raw;
pub mod root;
pub mod source;
pub mod yaml;

pub use check::Loaded;
pub use loader::{AssessmentFile, Checked, Document, Kind, LadderFile, Loader, Named};
pub use root::Root;
pub use source::Source;

use std::sync::Arc;

use crate::diagnostic::Found;
use crate::model::Ladder;
use raw::RawDocument;

/// Parses and checks a ladder from its source, for tests, benchmarks and the fuzzer.
pub fn ladder_from(source: &Arc<Source>) -> Result<Loaded<Ladder>, Found> {
    match yaml::parse::<RawDocument>(source) {
        Ok(RawDocument::Ladder(raw)) => ladder::check(&raw, source, &crate::policy::NONE),
        Ok(RawDocument::Assessment(_)) => Err(loader::not_a_ladder(source)),
        Err(crate::error::Error::Invalid(found)) => Err(found),
        Err(other) => unreachable!("parsing text gives only findings: {other}"),
    }
}

/// A ladder compiled into the binary, checked: for tests, benchmarks and the fuzzer.
pub fn builtin_ladder(id: &str) -> Option<Arc<Ladder>> {
    let builtin = catalog::builtin(id)?;
    let source = Source::from_text(builtin.file, builtin.text);
    ladder_from(&source)
        .ok()
        .map(|loaded| Arc::new(loaded.value))
}
