//! Names and counts in words: "did you mean …?", lists of names, plurals.

/// The candidate closest to `unknown`, if it is close enough to be the likely intent.
pub fn closest<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), candidate))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The help line for an unknown name: a suggestion when one is close, otherwise `None`.
pub fn did_you_mean<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(unknown, candidates).map(|name| format!("did you mean `{name}`?"))
}

/// The help for an unknown name: the nearest known one, or else all of them
/// (`the ladder's levels are `a` and `b``), or nothing when there are none.
pub fn unknown_help<'a>(
    unknown: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
    what: &str,
) -> Option<String> {
    did_you_mean(unknown, known.clone()).or_else(|| {
        let names = list(known);
        (!names.is_empty()).then(|| format!("{what} are {names}"))
    })
}

/// `a`, `b` and `c`: a readable list of names for a message.
pub fn list(names: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    joined(names, "and")
}

/// `a`, `b` or `c`: a choice between names.
pub fn choice(names: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    joined(names, "or")
}

fn joined(names: impl IntoIterator<Item = impl AsRef<str>>, conjunction: &str) -> String {
    let names: Vec<String> = names
        .into_iter()
        .map(|n| format!("`{}`", n.as_ref()))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// Like [`list`], naming at most `most` and counting the rest: `a`, `b` and 3 more.
pub fn list_some(names: &[&str], most: usize) -> String {
    if names.len() <= most {
        return list(names);
    }
    let shown: Vec<String> = names[..most].iter().map(|n| format!("`{n}`")).collect();
    format!("{} and {} more", shown.join(", "), names.len() - most)
}

/// A path as messages show it: `-` is standard input, and control characters are escaped so
/// that a file's name cannot reach the terminal as escape codes.
pub fn path(path: &std::path::Path) -> String {
    use crate::load::source::{STDIN, STDIN_NAME};
    if path.as_os_str() == STDIN {
        return STDIN_NAME.to_owned();
    }
    path.display()
        .to_string()
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        return format!("1 {word}");
    }
    match word.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{n} {stem}ies"),
        _ => format!("{n} {word}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_near_miss() {
        let known = ["coaching", "hiring", "planning"];
        assert_eq!(closest("coachng", known), Some("coaching"));
        assert_eq!(closest("hirng", known), Some("hiring"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(closest("zzz", ["coaching", "hiring"]), None);
    }

    #[test]
    fn lists_names_in_prose() {
        assert_eq!(list(["a"]), "`a`");
        assert_eq!(list(["a", "b", "c"]), "`a`, `b` and `c`");
        assert_eq!(list(Vec::<&str>::new()), "");
        assert_eq!(choice(["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(list_some(&["a", "b", "c", "d"], 2), "`a`, `b` and 2 more");
        assert_eq!(list_some(&["a", "b"], 2), "`a` and `b`");
        assert_eq!(plural(1, "file"), "1 file");
        let levels = ["manager", "senior-manager"];
        assert_eq!(
            unknown_help("managr", levels, "levels").as_deref(),
            Some("did you mean `manager`?")
        );
        assert_eq!(
            unknown_help("boss", levels, "the levels").as_deref(),
            Some("the levels are `manager` and `senior-manager`")
        );
        assert_eq!(unknown_help("boss", [], "the levels"), None);
        assert_eq!(plural(0, "error"), "0 errors");
        assert_eq!(plural(2, "competency"), "2 competencies");
        assert_eq!(plural(2, "key"), "2 keys");
        assert_eq!(path(std::path::Path::new("-")), "<stdin>");
        assert_eq!(
            path(std::path::Path::new("a\u{1b}[31m.yaml")),
            "a\\u{1b}[31m.yaml"
        );
    }
}
