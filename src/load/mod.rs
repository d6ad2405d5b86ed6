//! From files to checked models: reading ([`source`]), parsing ([`yaml`] into [`raw`] shapes),
//! then checking ([`check`], [`ladder`], [`assessment`]). [`Loader`] ties them together and
//! finds the ladder an assessment names ([`catalog`]), within the working directory ([`paths`]).

pub mod assessment;
pub mod catalog;
pub mod check;
pub mod ladder;
mod loader;
pub mod paths;
pub mod raw;
pub mod source;
pub mod yaml;

pub use check::Loaded;
pub use loader::{Document, Kind, LoadedAssessment, Loader};
pub use source::Source;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, Result};
use crate::model::Ladder;
use raw::RawDocument;

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
