//! What a command line names as input: standard input (`-`) or a path. Parsed once, at the
//! clap boundary, so that "`-` is standard input, shown as `<stdin>`" is decided here alone.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

use clap::builder::TypedValueParser;

/// An input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else is a path.
    pub fn new(argument: &OsStr) -> Input {
        if argument == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(argument))
        }
    }

    /// The path, when the input is a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::Path(path) => Some(path),
        }
    }

    /// The folder that paths written inside this input are relative to.
    pub fn base(&self) -> &Path {
        match self {
            Input::Stdin => Path::new(""),
            Input::Path(path) => path.parent().unwrap_or(Path::new("")),
        }
    }

    pub fn is_stdin(&self) -> bool {
        matches!(self, Input::Stdin)
    }
}

impl From<&Path> for Input {
    fn from(path: &Path) -> Input {
        Input::new(path.as_os_str())
    }
}

/// `<stdin>`, or the path as the user wrote it. Printers make the text safe for their format.
impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("<stdin>"),
            Input::Path(path) => path.display().fmt(f),
        }
    }
}

/// The clap value parser for inputs: any argument is valid, `-` meaning standard input.
pub fn parser() -> impl clap::builder::TypedValueParser<Value = Input> {
    clap::builder::OsStringValueParser::new().map(|argument| Input::new(&argument))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_is_standard_input() {
        assert_eq!(Input::new(OsStr::new("-")), Input::Stdin);
        assert_eq!(Input::Stdin.to_string(), "<stdin>");
        assert_eq!(Input::Stdin.base(), Path::new(""));
        let file = Input::new(OsStr::new("team/ada.yaml"));
        assert_eq!(file.to_string(), "team/ada.yaml");
        assert_eq!(file.base(), Path::new("team"));
        assert_eq!(Input::new(OsStr::new("./-")).path(), Some(Path::new("./-")));
    }
}
