//! Names and counts in words: "did you mean …?", lists of names, plurals.

/// The most candidates one suggestion looks at, so that a file of thousands of unknown names
/// against a ladder of thousands of ids costs a bounded amount: typos are rarely far off in
/// length, so only candidates within [`LENGTH_SLACK`] characters of the unknown name count,
/// and names are compared only up to [`MAX_COMPARED`] characters (ids are at most 64).
const MAX_CANDIDATES: usize = 1_000;
const LENGTH_SLACK: usize = 3;
const MAX_COMPARED: usize = 64;

/// The candidate closest to `unknown`, if it is close enough to be the likely intent.
pub fn closest<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = unknown.chars().count();
    if length > MAX_COMPARED + LENGTH_SLACK {
        return None;
    }
    candidates
        .into_iter()
        .filter(|candidate| candidate.len().abs_diff(unknown.len()) <= 4 * LENGTH_SLACK)
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= LENGTH_SLACK)
        .take(MAX_CANDIDATES)
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

/// The most names a help line lists before counting the rest.
const MAX_LISTED: usize = 12;

/// The help for an unknown name: the nearest known one, or else all of them
/// (`the ladder's levels are `a` and `b``), or nothing when there are none.
pub fn unknown_help<'a>(
    unknown: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
    what: &str,
) -> Option<String> {
    did_you_mean(unknown, known.clone()).or_else(|| {
        let known: Vec<&str> = known.into_iter().collect();
        let names = list_some(&known, MAX_LISTED);
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

/// Coaching, Hiring and Budgets: names of things (titles), not ids, in a sentence.
pub fn titles(names: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| n.as_ref().to_owned()).collect();
    sentence(&names, "and")
}

fn joined(names: impl IntoIterator<Item = impl AsRef<str>>, conjunction: &str) -> String {
    let names: Vec<String> = names
        .into_iter()
        .map(|n| format!("`{}`", n.as_ref()))
        .collect();
    sentence(&names, conjunction)
}

fn sentence(names: &[String], conjunction: &str) -> String {
    match names {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// Like [`titles`], naming at most `most` and counting the rest: Coaching, Hiring and 3 more.
pub fn titles_some(names: &[String], most: usize) -> String {
    if names.len() <= most {
        return titles(names);
    }
    format!(
        "{} and {} more",
        names[..most].join(", "),
        names.len() - most
    )
}

/// Like [`list`], naming at most `most` and counting the rest: `a`, `b` and 3 more.
pub fn list_some(names: &[&str], most: usize) -> String {
    if names.len() <= most {
        return list(names);
    }
    let shown: Vec<String> = names[..most].iter().map(|n| format!("`{n}`")).collect();
    format!("{} and {} more", shown.join(", "), names.len() - most)
}

/// An I/O error in the words of a message: lowercase, without the OS error number.
pub fn io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "it is a directory, not a file".to_owned(),
        ErrorKind::StorageFull => "no space left on device".to_owned(),
        _ => {
            let message = error.to_string();
            // `Too many levels of symbolic links (os error 40)` → `too many levels of …`.
            let message = message
                .rfind(" (os error")
                .map_or(&*message, |at| &message[..at]);
            let mut chars = message.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        return format!("1 {word}");
    }
    match word.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{n} {stem}ies"),
        _ if word.ends_with(['s', 'x']) => format!("{n} {word}es"),
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
    fn looks_only_at_candidates_of_a_similar_length() {
        assert_eq!(closest("coachng", ["coaching-and-growth"]), None);
        let many: Vec<String> = (0..5_000).map(|i| format!("c{i:06}")).collect();
        let mut candidates: Vec<&str> = many.iter().map(String::as_str).collect();
        candidates.push("coaching");
        // The real match lies past the first thousand candidates of a similar length.
        assert_eq!(closest("coachng", candidates.iter().copied()), None);
        assert_eq!(
            closest("coachng", candidates[4_500..].iter().copied()),
            Some("coaching")
        );
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
        assert_eq!(plural(110, "alias"), "110 aliases");
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(io_error(&full), "no space left on device");
        let looped = std::io::Error::from_raw_os_error(40);
        assert!(
            !io_error(&looped).contains("os error"),
            "{}",
            io_error(&looped)
        );
    }
}
