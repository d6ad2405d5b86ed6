//! Where ladders come from: compiled into the binary, a file named by path, or a file in
//! `./ladders/` named by its id.

use std::path::PathBuf;

/// A ladder shipped inside the binary, so that the tool works with no set-up.
#[derive(Debug)]
pub struct Builtin {
    pub id: &'static str,
    /// The file it was compiled from, named in diagnostics.
    pub file: &'static str,
    pub text: &'static str,
}

pub const BUILTINS: &[Builtin] = &[Builtin {
    id: "engineering-management",
    file: "ladders/engineering-management.yaml",
    text: include_str!("../../ladders/engineering-management.yaml"),
}];

/// The ladder used when neither the command line nor the assessment names one.
pub const DEFAULT: &Builtin = &BUILTINS[0];

/// A ladder named by the user: a built-in id or a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LadderRef {
    Builtin(&'static str),
    File(PathBuf),
}

/// The directory of a ladder repository where ladders are looked up by id.
pub const LOCAL_DIR: &str = "ladders";

pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|builtin| builtin.id == id)
}

pub fn builtin_ids() -> impl Iterator<Item = &'static str> + Clone {
    BUILTINS.iter().map(|builtin| builtin.id)
}

/// Whether a name is written as a path rather than an id: it has a separator or a YAML extension.
pub fn looks_like_path(value: &str) -> bool {
    value.contains(['/', '\\']) || value.ends_with(".yaml") || value.ends_with(".yml")
}
