//! Text written into YAML that `ladder` makes (the template of `ladder init`, the ladders of
//! `ladder import`): each piece of text becomes one scalar that reads back as exactly that text,
//! whatever it holds, and that is safe to show wherever the file is printed. No byte of it can
//! end the scalar, start a line, open a comment, a mapping or a list, or reach a terminal as a
//! control.

use std::fmt::Write as _;

/// A YAML scalar that reads back as exactly `text`: plain when that is safe and reads as text
/// in any YAML reader (it starts with a letter, holds no `:`, `#`, quote, bracket or brace,
/// and is not a word that YAML 1.1 reads as a boolean or null), otherwise double-quoted, with
/// `"` and `\` escaped, line breaks and tabs as `\n` and `\t`, every other character the
/// output-safety rule keeps from a terminal as a `\u` escape, and the `[` of `##[` as `\x5B`.
pub fn scalar(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '[' if quoted.ends_with("##") => quoted.push_str("\\x5B"),
            c if super::safe::is_unsafe(c) => {
                let code = u32::from(c);
                if code <= 0xFFFF {
                    write!(quoted, "\\u{code:04X}").expect("writing to a string");
                } else {
                    write!(quoted, "\\U{code:08X}").expect("writing to a string");
                }
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Whether `text` can be written as a plain scalar and still read back as that text.
fn is_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    first.is_ascii_alphabetic()
        && !text.ends_with(' ')
        && text.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | '-'
                        | '_'
                        | '.'
                        | '/'
                        | '('
                        | ')'
                        | ','
                        | '\''
                        | '&'
                        | '+'
                        | '%'
                        | '?'
                        | ';'
                )
        })
        && !is_yaml11_word(text)
}

/// `yes`, `No`, `ON`, `null` and the rest: words some YAML readers take for booleans or null.
fn is_yaml11_word(text: &str) -> bool {
    const WORDS: [&str; 9] = ["y", "yes", "n", "no", "true", "false", "on", "off", "null"];
    WORDS.iter().any(|word| text.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_safe() {
        for text in [
            "engineering-management",
            "ladders/ours.yaml",
            "Junior Engineer",
            "Senior Engineer 2 (Individual Contributor)",
            "Problem Solving & Decision Making",
            "Reviews others' code, within a day; always.",
            "Qualité",
        ] {
            assert_eq!(scalar(text), text, "{text:?}");
        }
    }

    #[test]
    fn quoted_when_it_could_mean_something_else() {
        assert_eq!(scalar(""), "\"\"");
        assert_eq!(scalar("../ladders/ours.yaml"), "\"../ladders/ours.yaml\"");
        assert_eq!(scalar("my ladder: #1.yaml"), "\"my ladder: #1.yaml\"");
        assert_eq!(scalar("- not a list"), "\"- not a list\"");
        assert_eq!(scalar("{a: b}"), "\"{a: b}\"");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("Off"), "\"Off\"");
        assert_eq!(scalar("2024"), "\"2024\"");
        assert_eq!(scalar("1e3"), "\"1e3\"");
        assert_eq!(scalar("=SUM(A1)"), "\"=SUM(A1)\"");
        assert_eq!(scalar("trailing "), "\"trailing \"");
        assert_eq!(scalar("say \"hi\""), "\"say \\\"hi\\\"\"");
    }

    #[test]
    fn escapes_what_could_forge_a_line_or_reach_a_terminal() {
        assert_eq!(
            scalar("ladders/c1\u{9b}2J\u{202e}\"##[x].yaml"),
            "\"ladders/c1\\u009B2J\\u202E\\\"##\\x5Bx].yaml\""
        );
        assert_eq!(
            scalar("a\nb: c\n# d\n::warning::e\u{1b}[2J\tf\\"),
            "\"a\\nb: c\\n# d\\n::warning::e\\u001B[2J\\tf\\\\\""
        );
        assert_eq!(scalar("x\u{2028}\u{1F600}"), "\"x\\u2028\u{1F600}\"");
    }

    /// Whatever the text, the scalar is one line of printable characters that the crate's
    /// YAML parser reads back as the same text.
    #[test]
    fn reads_back_as_written() {
        use crate::load::Source;
        use crate::load::yaml::{Located, Text, parse};
        #[derive(serde::Deserialize)]
        struct Doc {
            t: Located<Text>,
        }
        for text in [
            "plain",
            "a: b # c",
            "\"quoted\" and 'single'",
            "line\nbreak\n\nparagraph",
            "- [x] {y} & *z !tag %d @e `f`",
            "::error::forged",
            "##[group]x",
            "back\\slash \\n",
            "trailing\n",
            "  leading",
            "ünïcødé — “quotes” 😀",
            "null",
            "~",
            "0x1F",
        ] {
            let written = scalar(text);
            assert!(!written.contains('\n'), "{written}");
            let source = Source::from_text("t.yaml", format!("t: {written}\n"));
            let doc: Doc = parse(&source).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert_eq!(doc.t.value.0, text, "{written}");
        }
    }
}
