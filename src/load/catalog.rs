//! Where ladders come from: compiled into the binary, a file named by path, or a file in
//! `ladders/` named by its id; and the one rule that tells a path from an id.

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

/// A ladder's identity for reading it once: a built-in id, a file by its path relative to the
/// repository's root (`.` and `..` folded), or standard input, which is read once anyway.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LadderKey {
    Builtin(&'static str),
    File(PathBuf),
    Stdin,
}

/// The folder of a ladder repository, at its root, where ladders are looked up by id.
pub const LOCAL_DIR: &str = "ladders";

pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|builtin| builtin.id == id)
}

pub fn builtin_ids() -> impl Iterator<Item = &'static str> + Clone {
    BUILTINS.iter().map(|builtin| builtin.id)
}

/// Whether a name is written as a path rather than an id: it has a separator or a YAML
/// extension. A name that is neither may still be a path, when such a file exists; the loader
/// asks that second question, since only it can look.
pub fn looks_like_path(value: &str) -> bool {
    value.contains(['/', '\\']) || value.ends_with(".yaml") || value.ends_with(".yml")
}
