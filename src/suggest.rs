//! "Did you mean …?": the closest known name to a misspelt one.

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

/// `a`, `b` and `c`: a readable list of names for a message.
pub fn list(names: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let names: Vec<String> = names
        .into_iter()
        .map(|n| format!("`{}`", n.as_ref()))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
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
    }
}
