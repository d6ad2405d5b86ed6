//! Where ladders come from: compiled into the binary, or a file on disk named by path.

use std::path::{Path, PathBuf};

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

impl LadderRef {
    /// A `--ladder` value: a built-in id, otherwise a path.
    pub fn from_command_line(value: &str) -> LadderRef {
        match builtin(value) {
            Some(found) => LadderRef::Builtin(found.id),
            None => LadderRef::File(PathBuf::from(value)),
        }
    }

    /// An assessment's `ladder:` value: a built-in id, or a path relative to the assessment.
    /// `None` for a bare name that is neither.
    pub fn from_assessment(value: &str, assessment: &Path) -> Option<LadderRef> {
        if let Some(found) = builtin(value) {
            return Some(LadderRef::Builtin(found.id));
        }
        looks_like_path(value).then(|| {
            let base = assessment.parent().unwrap_or(Path::new(""));
            LadderRef::File(base.join(value))
        })
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assessment_paths_are_relative_to_the_assessment() {
        assert_eq!(
            LadderRef::from_assessment("../ladders/x.yaml", Path::new("team/me.yaml")),
            Some(LadderRef::File(PathBuf::from("team/../ladders/x.yaml")))
        );
        assert_eq!(
            LadderRef::from_assessment("engineering-management", Path::new("me.yaml")),
            Some(LadderRef::Builtin("engineering-management"))
        );
        assert_eq!(
            LadderRef::from_assessment("nonsense", Path::new("me.yaml")),
            None
        );
    }
}
