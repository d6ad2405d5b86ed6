//! The one output-safety rule, for every format. Files come from pull requests, and their
//! text reaches terminals, CI logs, pull-request comments and documents, so no byte of it may:
//!
//! - start an output line its author chose: line breaks in file text (`\n`, `\r`, U+0085,
//!   U+2028, U+2029) and tabs become spaces;
//! - reach a terminal as a control: C0 controls, DEL, C1 controls (U+0080 to U+009F, such as
//!   U+009B, a one-byte CSI), and invisible or direction-changing characters (U+200B to
//!   U+200F, U+202A to U+202E, U+2060 to U+2069, U+FEFF) are shown as `\u{…}`;
//! - make a GitHub workflow command: `::` at the start of text or after whitespace (where a
//!   log line could begin, after trimming) shows its first colon as `\u{3a}`, and `##[`
//!   anywhere shows its bracket as `\u{5b}`;
//! - be read as markup: in Markdown, every character that means something inline, or at the
//!   start of a line, is escaped; in JSON, the same characters are written as `\u` escapes,
//!   so that the data stays exactly as written;
//! - be read as a formula: a CSV cell that a spreadsheet would compute (one starting with `=`,
//!   `+`, `-` or `@`) starts with `'` instead, which spreadsheets read as "this is text".
//!
//! Every printer passes each piece of file text through one of these functions.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use crate::glyphs::{self, is_line_break};

/// Whether `c` may not reach output raw.
pub fn is_unsafe(c: char) -> bool {
    glyphs::is_control_or_invisible(c) || glyphs::is_line_break(c)
}

/// Text for a terminal, a table or a log: one line, no controls, no workflow commands.
pub fn plain(text: &str) -> Cow<'_, str> {
    if !needs_care(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        push_plain(&mut out, previous, c, chars.peek().copied());
        previous = Some(c);
    }
    Cow::Owned(out)
}

/// [`plain`], owned: for printers that take an escaping function.
pub fn text(text: &str) -> String {
    plain(text).into_owned()
}

/// Text for an SVG or HTML text node: [`plain`], with the noncharacters (U+FDD0 to U+FDEF, and
/// the last two code points of every plane), which XML forbids and HTML parsers flag, replaced
/// by U+FFFD. The writers escape `&`, `<` and `>` (and quotes in attributes).
pub fn markup_text(text: &str) -> String {
    let noncharacter = |c: char| {
        let code = u32::from(c);
        (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
    };
    plain(text)
        .chars()
        .map(|c| if noncharacter(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// Text for a CSV cell: [`plain`], and a `'` before a cell that a spreadsheet would read as a
/// formula. The CSV writer quotes what the format needs.
pub fn csv(text: &str) -> String {
    let text = plain(text);
    // A negative number is a number, not a formula: it stays one.
    let number = text.strip_prefix('-').is_some_and(|digits| {
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    });
    match !number && text.trim_start().starts_with(['=', '+', '-', '@']) {
        true => format!("'{text}"),
        false => text.into_owned(),
    }
}

/// A function that makes a piece of file text safe for one format: [`text`] or [`markdown`].
pub type Escape = fn(&str) -> String;

/// Appends `c`, which follows `previous` and comes before `next` in file text, by the rule of
/// [`plain`]: for printers that must know where each character lands, such as under a caret.
pub fn push_plain(out: &mut String, previous: Option<char>, c: char, next: Option<char>) {
    let at_word_start = previous.is_none_or(|p| p.is_whitespace() || is_line_break(p));
    if is_line_break(c) {
        out.push(' ');
    } else if is_unsafe(c) {
        write!(out, "\\u{{{:x}}}", u32::from(c)).expect("writing to a string");
    } else if c == ':' && at_word_start && next == Some(':') {
        out.push_str("\\u{3a}");
    } else if c == '[' && out.ends_with("##") {
        out.push_str("\\u{5b}");
    } else {
        out.push(c);
    }
}

fn needs_care(text: &str) -> bool {
    text.chars().any(is_unsafe) || text.contains("::") || text.contains("##[")
}

/// Text for Markdown, in a paragraph, a heading, a list item or a table cell: [`plain`], then
/// every character Markdown could read as markup escaped with a backslash, and the line-start
/// forms (`1986. `, `- `, `+ `, `= `) broken at the start.
pub fn markdown(text: &str) -> String {
    let text = plain(text.trim());
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let rest = &text[i + c.len_utf8()..];
        // GitHub turns bare `http://…` and `www.…` into links: break the scheme and the dot.
        let autolink = (c == ':' && rest.starts_with("//")) || (c == '.' && out.ends_with("www"));
        if autolink
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '$'
            )
        {
            out.push('\\');
        }
        out.push(c);
        // An address or a mention (`a@b.com`, `mailto:`, `@team`) is linked whatever escapes
        // it: only markup between the `@` and what follows stops that, and an empty comment
        // shows nothing.
        if c == '@' && rest.starts_with(|next: char| next.is_alphanumeric()) {
            out.push_str("<!-- -->");
        }
    }
    escape_line_start(&mut out);
    out
}

/// A list marker, an ordered-list number, a thematic break or a setext underline at the start
/// of text. Each is markup only when followed by a space or nothing (or, for a break or an
/// underline, by more of the same), so that a figure such as `+0.24` or `95.2%` stays as it is.
fn escape_line_start(out: &mut String) {
    let ends_marker = |rest: &str, marker: char| {
        rest.is_empty() || rest.starts_with([' ', '\t']) || rest.starts_with(marker)
    };
    if let Some(marker @ ('-' | '+' | '=')) = out.chars().next()
        && ends_marker(&out[1..], marker)
    {
        out.insert(0, '\\');
        return;
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &out[digits..];
    if digits > 0 && rest.starts_with(['.', ')']) && ends_marker(&rest[1..], ' ') {
        out.insert(digits, '\\');
    }
}

/// An id or a name as Markdown inline code, when it can be one safely; otherwise as escaped
/// text. A code span cannot escape a backtick or, in a table, a `|`.
pub fn markdown_code(text: &str) -> String {
    let simple = !text.is_empty()
        && !text.contains(['`', '|'])
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !needs_care(text);
    if simple {
        format!("`{text}`")
    } else {
        markdown(text)
    }
}

/// A GitHub workflow command's message: [`plain`], then GitHub's own escapes.
pub fn github_data(text: &str) -> String {
    plain(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A GitHub workflow command's property, which also reserves `:` and `,`.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// JSON, with every string's unsafe characters (see [`is_unsafe`]), and the `[` of `##[`,
/// written as `\u` escapes: the data a program reads is exactly the file's, and the bytes a
/// log shows are safe. Pretty, as `serde_json` prints it, with a final newline.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut text = json_nested(value, 0);
    text.push('\n');
    text
}

/// [`json`] for a value nested `depth` levels into a document being streamed: its lines after
/// the first are indented for that depth, and it has no final newline.
pub fn json_nested<T: serde::Serialize + ?Sized>(value: &T, depth: usize) -> String {
    let mut bytes = Vec::with_capacity(4096);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, SafeFormatter::at(depth));
    value
        .serialize(&mut serializer)
        .expect("report types always serialise");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// serde_json's pretty layout (two spaces a level), starting at any depth, with the escapes
/// above.
struct SafeFormatter {
    depth: usize,
    has_value: bool,
}

impl SafeFormatter {
    fn at(depth: usize) -> Self {
        SafeFormatter {
            depth,
            has_value: false,
        }
    }

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }

    fn indent<W: ?Sized + io::Write>(&self, writer: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for SafeFormatter {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Most text is printable ASCII with no `#`, which needs nothing done.
        if fragment
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b'#')
        {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let bracket = c == '[' && fragment[..i].ends_with("##");
            if is_unsafe(c) || bracket {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_stays_on_one_line_and_shows_controls() {
        assert_eq!(plain("Ada Lovelace"), "Ada Lovelace");
        assert_eq!(plain("a\nb\r\nc\td"), "a b  c d");
        assert_eq!(plain("x\u{1b}[2J"), "x\\u{1b}[2J");
        assert_eq!(plain("csi\u{9b}2J"), "csi\\u{9b}2J");
        assert_eq!(plain("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(plain("del\u{7f}"), "del\\u{7f}");
        assert_eq!(plain("next\u{85}line"), "next line");
    }

    #[test]
    fn csv_cells_never_compute() {
        assert_eq!(csv("Writes tests"), "Writes tests");
        assert_eq!(csv("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(csv("+1"), "'+1");
        assert_eq!(csv("-2+3"), "'-2+3");
        assert_eq!(csv("-1"), "-1");
        assert_eq!(csv("-"), "'-");
        assert_eq!(csv("@SUM(A1)"), "'@SUM(A1)");
        // A tab or line break before it is a space after `plain`, and spaces do not hide it.
        assert_eq!(csv("\t=1+1"), "' =1+1");
        assert_eq!(csv("a\n=1"), "a =1");
        assert_eq!(csv("::warning::x"), "\\u{3a}:warning::x");
    }

    #[test]
    fn plain_text_cannot_make_a_workflow_command() {
        assert_eq!(plain("::error file=a::x"), "\\u{3a}:error file=a::x");
        assert_eq!(plain("x\n::error::Forged"), "x \\u{3a}:error::Forged");
        assert_eq!(plain("  ::warning::y"), "  \\u{3a}:warning::y");
        assert_eq!(plain("std::vector"), "std::vector");
        assert_eq!(plain("##[error]x"), "##\\u{5b}error]x");
        assert_eq!(plain("a ##[group]"), "a ##\\u{5b}group]");
        assert_eq!(plain("#[x] ## [y]"), "#[x] ## [y]");
    }

    #[test]
    fn markup_text_replaces_noncharacters() {
        assert_eq!(
            markup_text("a\u{FFFE}b\u{FFFF}\u{FDD0}\u{1FFFF}c"),
            "a\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}c"
        );
        assert_eq!(markup_text("Ünïcode ✓ \u{FFFD}"), "Ünïcode ✓ \u{FFFD}");
        assert_eq!(markup_text("::error::x"), plain("::error::x"));
    }

    #[test]
    fn markdown_escapes_inline_and_line_start_syntax() {
        assert_eq!(markdown("a|b"), "a\\|b");
        assert_eq!(markdown("*bold* _x_ `c`"), "\\*bold\\* \\_x\\_ \\`c\\`");
        assert_eq!(markdown("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(markdown("[link](http://x)"), "\\[link\\](http\\://x)");
        assert_eq!(markdown("see www.example.com"), "see www\\.example.com");
        assert_eq!(markdown("1986. A good year"), "1986\\. A good year");
        assert_eq!(markdown("---"), "\\---");
        assert_eq!(markdown("+ x"), "\\+ x");
        assert_eq!(markdown("-"), "\\-");
        assert_eq!(markdown("==="), "\\===");
        assert_eq!(markdown("2)"), "2\\)");
        // Figures are not markup: no list starts without a space after its marker.
        assert_eq!(markdown("+0.24"), "+0.24");
        assert_eq!(markdown("-1"), "-1");
        assert_eq!(markdown("95.2%"), "95.2%");
        assert_eq!(markdown("2026-10-01"), "2026-10-01");
        assert_eq!(markdown("~~x~~"), "\\~\\~x\\~\\~");
        assert_eq!(markdown("&lt; @team $x$"), "\\&lt; @<!-- -->team \\$x\\$");
        assert_eq!(
            markdown("mailto:a@b.com, at @ 5"),
            "mailto:a@<!-- -->b.com, at @ 5"
        );
        assert_eq!(markdown("line\nbreak"), "line break");
        assert_eq!(markdown("    code?"), "code?");
        assert_eq!(markdown("::error::x"), "\\\\u{3a}:error::x");
        assert_eq!(markdown("end-to-end 3.5"), "end-to-end 3.5");
    }

    #[test]
    fn code_spans_only_when_safe() {
        assert_eq!(markdown_code("senior-manager"), "`senior-manager`");
        assert_eq!(markdown_code("a``b"), "a\\`\\`b");
        assert_eq!(markdown_code("a|b"), "a\\|b");
    }

    #[test]
    fn github_escaping() {
        assert_eq!(github_data("50% done\r\nnext"), "50%25 done  next");
        assert_eq!(github_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(github_data("\u{1b}]8;;x"), "\\u{1b}]8;;x");
    }

    #[test]
    fn json_keeps_the_data_and_escapes_the_bytes() {
        let text = "x\u{9b}2J\u{202e}\u{7f} ##[error] \n::error::y";
        let written = json(&serde_json::json!({ "t": text }));
        assert_eq!(
            written,
            "{\n  \"t\": \"x\\u009b2J\\u202e\\u007f ##\\u005berror] \\n::error::y\"\n}\n"
        );
        let read: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(read["t"], text);
        assert_eq!(json(&"\u{1F600}\u{2028}"), "\"\u{1F600}\\u2028\"\n");
    }

    #[test]
    fn json_is_laid_out_as_serde_json_lays_it_out() {
        let value = serde_json::json!({"a": [1, {"b": []}, {}], "c": {"d": null}, "e": "x"});
        assert_eq!(
            json(&value),
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        );
        assert_eq!(json_nested(&value["c"], 1), "{\n    \"d\": null\n  }");
    }
}
