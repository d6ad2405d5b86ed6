//! Ids made from titles, for formats that give none: lowercase kebab-case of at most
//! [`MAX_ID_CHARS`] characters, unique within their kind, a clash settled by a numeric
//! suffix (`code-quality`, `code-quality-2`).

use foldhash::{HashMap, HashSet};

use crate::load::check::{MAX_ID_CHARS, is_kebab_case};

/// The kebab-case id a title suggests: ASCII letters (accented Latin letters without their
/// accents) and digits, lowercased, every other run of characters one `-`, at most
/// [`MAX_ID_CHARS`] characters, cut at a `-` where it can be. Empty when the title holds
/// no letter or digit it can use.
pub fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len().min(MAX_ID_CHARS * 2));
    let mut gap = false;
    for c in title.chars() {
        if out.len() > MAX_ID_CHARS {
            break;
        }
        match fold(c) {
            Some(ascii) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(ascii);
            }
            None => gap = true,
        }
    }
    truncate(&out, MAX_ID_CHARS)
}

/// `id` cut to at most `most` characters, at its last `-` within them when it has one there.
fn truncate(id: &str, most: usize) -> String {
    if id.len() <= most {
        return id.to_owned();
    }
    let cut = &id[..most];
    // Cut at a word when the last word is not the whole of it, and never leave a `-` at the end.
    let cut = match (id.as_bytes()[most] == b'-', cut.rfind('-')) {
        (true, _) => cut,
        (false, Some(dash)) if dash > 0 => &cut[..dash],
        _ => cut,
    };
    cut.trim_end_matches('-').to_owned()
}

/// A character as the ASCII it stands for in an id, if any.
fn fold(c: char) -> Option<&'static str> {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    let lower = c.to_ascii_lowercase();
    if let Some(i) = "0123456789abcdefghijklmnopqrstuvwxyz".find(lower) {
        return Some(ASCII[i]);
    }
    Some(match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => "c",
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'Ē' | 'ę' | 'Ę' | 'ě' | 'Ě' => "e",
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'Ī' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'Ñ' | 'ń' | 'Ń' => "n",
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'Ō' => "o",
        'œ' | 'Œ' => "oe",
        'ś' | 'Ś' | 'š' | 'Š' => "s",
        'ß' => "ss",
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ž' | 'Ž' | 'ź' | 'Ź' | 'ż' | 'Ż' => "z",
        _ => return None,
    })
}

/// The ids given so far to one kind of thing (levels, areas or competencies), to make each new
/// one unique. Each id costs a look-up or two, however many titles clash.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    /// For each id asked for twice or more, the next suffix to try.
    next: HashMap<String, usize>,
}

impl Ids {
    /// Reserves an id given by the file itself, as it is; false if it was taken already.
    pub fn reserve(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_owned())
    }

    /// A new id for `title`: its [`slug`] (or `fallback` when the title gives none), with the
    /// first free suffix from `-2` on when that is taken.
    pub fn unique(&mut self, title: &str, fallback: &str) -> String {
        let base = match slug(title) {
            slug if slug.is_empty() => fallback.to_owned(),
            slug => slug,
        };
        debug_assert!(is_kebab_case(&base));
        if self.taken.insert(base.clone()) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        loop {
            let suffix = format!("-{n}");
            let id = format!("{}{suffix}", truncate(&base, MAX_ID_CHARS - suffix.len()));
            n += 1;
            if self.taken.insert(id.clone()) {
                self.next.insert(base, n);
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_kebab_case() {
        assert_eq!(slug("Code quality"), "code-quality");
        assert_eq!(
            slug("  Problem Solving & Decision Making "),
            "problem-solving-decision-making"
        );
        assert_eq!(slug("Senior Engineer 2 (IC)"), "senior-engineer-2-ic");
        assert_eq!(slug("Qualité du code"), "qualite-du-code");
        assert_eq!(slug("Straße Œuvre"), "strasse-oeuvre");
        assert_eq!(slug("::warning::x\u{1b}[2J"), "warning-x-2j");
        assert_eq!(slug("-leading"), "leading");
        assert_eq!(slug("=SUM(A1:A9)"), "sum-a1-a9");
        assert_eq!(slug("日本語"), "");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let title = "word ".repeat(40);
        let id = slug(&title);
        assert!(id.len() <= MAX_ID_CHARS && is_kebab_case(&id), "{id}");
        assert_eq!(id.len(), 64);
        assert_eq!(slug(&"abcdef ".repeat(40)).len(), 62);
        let one_word = "x".repeat(100);
        assert_eq!(slug(&one_word), "x".repeat(64));
        assert_eq!(truncate("abc-def", 4), "abc");
        assert_eq!(truncate("abc-def", 3), "abc");
        assert_eq!(truncate("abcdef", 4), "abcd");
    }

    #[test]
    fn clashes_get_a_numeric_suffix() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("Code quality", "competency"), "code-quality");
        assert_eq!(ids.unique("Code Quality", "competency"), "code-quality-2");
        assert_eq!(ids.unique("code quality!", "competency"), "code-quality-3");
        // A title whose own slug is a suffixed one takes it, and the suffixes go round it.
        let mut ids = Ids::default();
        assert_eq!(ids.unique("x 2", "c"), "x-2");
        assert_eq!(ids.unique("x", "c"), "x");
        assert_eq!(ids.unique("x", "c"), "x-3");
        assert_eq!(ids.unique("日本語", "competency"), "competency");
        assert_eq!(ids.unique("中文", "competency"), "competency-2");
        assert!(ids.reserve("given") && !ids.reserve("given"));
        assert_eq!(ids.unique("Given", "c"), "given-2");
    }

    #[test]
    fn suffixed_ids_stay_within_the_limit() {
        let mut ids = Ids::default();
        let title = "y".repeat(80);
        assert_eq!(ids.unique(&title, "c"), "y".repeat(64));
        for n in 2..=12 {
            let id = ids.unique(&title, "c");
            assert!(id.len() <= MAX_ID_CHARS && is_kebab_case(&id), "{id}");
            assert!(id.ends_with(&format!("-{n}")), "{id}");
        }
    }
}
