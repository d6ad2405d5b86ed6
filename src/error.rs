//! The library's error: a usage or I/O problem, or content problems found in files.
//! [`crate::run`] sorts them into kinds of failure; `main` alone turns those into exit codes.

use crate::diagnostic::{Diagnostic, Found};

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// The command line asked for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// A file could not be read at all: missing, a directory, unreadable.
    #[error("cannot read `{path}`: {reason}")]
    Io { path: String, reason: String },
    /// A file could not be written.
    #[error("cannot write `{path}`: {reason}")]
    Write { path: String, reason: String },
    /// Files were read but their content is wrong; every problem found is listed.
    #[error("{} error(s) in input", .0.errors())]
    Invalid(Found),
}

impl Error {
    pub fn invalid(diagnostic: Diagnostic) -> Self {
        Error::Invalid(Found::one(diagnostic))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
