//! An input's text, checked to be UTF-8, and where its lines start, so that a byte span
//! becomes a line, a column and a quotable line only when a finding is shown.

use std::sync::{Arc, OnceLock};

use crate::diagnostic::{At, Code, Diagnostic, Location};
use crate::error::Error;

/// Files larger than this are refused before parsing unless the caller raises the cap.
pub const DEFAULT_MAX_BYTES: u64 = 1024 * 1024;

/// A position in a source, as the YAML parser reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range of the value, when the parser knows it.
    pub byte_offset: Option<usize>,
    pub byte_len: usize,
}

/// A range of bytes of a source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub len: usize,
}

#[derive(Debug)]
pub struct Source {
    name: String,
    text: String,
    /// Byte offset where each line starts; CRLF, LF and a lone CR all end a line. Worked out
    /// only when a finding is shown: most files read have none.
    line_starts: OnceLock<Vec<usize>>,
}

impl Source {
    /// Text that is known to be well formed, such as a ladder compiled into the binary.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Arc<Source> {
        Arc::new(Source {
            name: name.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        })
    }

    /// A file that could not be read, known only by its name.
    pub fn unread(name: impl Into<String>) -> Arc<Source> {
        Source::from_text(name, "")
    }

    /// Turns raw bytes into text: UTF-8 with or without a byte-order mark, no NUL bytes.
    pub fn decode(name: String, bytes: &[u8]) -> Result<Arc<Source>, Error> {
        if looks_like_utf16(bytes) {
            return Err(Error::invalid(
                Diagnostic::error(
                    Code::Encoding,
                    "file is UTF-16 encoded",
                    At::File(Source::unread(name)),
                )
                .with_help("save the file as UTF-8"),
            ));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let (valid, problem) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let byte = bytes[e.valid_up_to()];
                (valid, Some(format!("invalid UTF-8 byte `0x{byte:02x}`")))
            }
        };
        let (valid, problem) = match valid.find('\0') {
            Some(nul) => (&valid[..nul], Some("NUL byte in text".to_owned())),
            None => (valid, problem),
        };
        let source = Source::from_text(name, valid);
        match problem {
            None => Ok(source),
            Some(message) => {
                let end = Span {
                    start: source.text.len(),
                    len: 0,
                };
                Err(Error::invalid(
                    Diagnostic::error(Code::Encoding, message, At::Span(source, end))
                        .with_help("save the file as UTF-8 text"),
                ))
            }
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The exact text the user wrote for a value, when its byte range is known.
    pub fn slice(&self, at: Position) -> Option<&str> {
        let start = at.byte_offset?;
        self.text.get(start..start.checked_add(at.byte_len)?)
    }

    /// The span of a parser position: its byte range when known, else the start of its line
    /// and column. `None` for a position that names no line.
    pub fn span(&self, at: Position) -> Option<Span> {
        if let Some(start) = at.byte_offset.filter(|&start| start <= self.text.len()) {
            let len = at.byte_len.min(self.text.len() - start);
            return Some(Span { start, len });
        }
        let index = at.line.checked_sub(1)?;
        let line_start = *self.line_starts().get(index)?;
        let line = self.line(index);
        let column = line
            .char_indices()
            .nth(at.column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        Some(self.not_past_the_text(line_start + column))
    }

    /// A position at the very end, after the last line break, is shown on the last character
    /// of the text instead: an empty line after the last is not a line the reader can see.
    fn not_past_the_text(&self, start: usize) -> Span {
        let text = self.text.trim_end();
        match text.chars().next_back() {
            Some(last) if start >= text.len() && start >= self.text.len() => Span {
                start: text.len() - last.len_utf8(),
                len: last.len_utf8(),
            },
            _ => Span { start, len: 0 },
        }
    }

    /// The very start of the file, for something missing from the document as a whole.
    pub fn start(&self) -> Span {
        Span {
            start: 0,
            len: self.text.chars().next().map_or(0, char::len_utf8),
        }
    }

    /// Where a span starts, as a reader counts: line, column, the line's text, and its width.
    /// The cost is bounded by the distance from the line's start, never by the file.
    pub fn location(&self, span: Span) -> Location<'_> {
        let start = span.start.min(self.text.len());
        let index = self.line_starts().partition_point(|&s| s <= start).max(1) - 1;
        let line_text = self.line(index);
        let offset = (start - self.line_starts()[index]).min(line_text.len());
        let column = line_text[..offset].chars().count() + 1;
        let value = self.text.get(start..start + span.len).unwrap_or_default();
        let width = match value.lines().next() {
            Some(first) if !first.is_empty() => first.chars().count(),
            _ => token_width(&line_text[offset..]),
        }
        .max(1);
        Location {
            line: index + 1,
            column,
            line_text,
            offset,
            width,
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| line_starts(&self.text))
    }

    /// Line `index` (0-based), without its line break.
    fn line(&self, index: usize) -> &str {
        let start = self.line_starts()[index];
        let end = self
            .line_starts()
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\r', '\n'])
    }
}

/// The width of the word `rest` starts with, for parser positions that come without a length.
fn token_width(rest: &str) -> usize {
    rest.chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | '[' | ']' | '{' | '}'))
        .count()
}

/// The finding for a file over the size cap, which is never parsed.
pub fn too_large(name: String, max_bytes: u64) -> Error {
    Error::invalid(
        Diagnostic::error(
            Code::FileTooLarge,
            format!("file is larger than the {} limit", human_size(max_bytes)),
            At::File(Source::unread(name)),
        )
        .with_help("raise the limit with `--max-file-size BYTES` if the file is genuine"),
    )
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 && b % (1024 * 1024) == 0 => format!("{} MiB", b / (1024 * 1024)),
        b if b >= 1024 && b % 1024 == 0 => format!("{} KiB", b / 1024),
        b => format!("{b}-byte"),
    }
}

/// UTF-16 text starts with its byte-order mark, or (without one) has a NUL in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let pairs = bytes.len() / 2;
    let half_nul = |offset: usize| {
        bytes
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    pairs >= 2 && (half_nul(0) == pairs || half_nul(1) == pairs)
}

fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 1;
                starts.push(i + 1);
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(line: usize, column: usize) -> Position {
        Position {
            line,
            column,
            ..Position::default()
        }
    }

    #[test]
    fn every_line_ending_starts_a_line() {
        let source = Source::from_text("f", "a\r\nb\rc\nd");
        let line = |n| {
            source
                .location(source.span(position(n, 1)).unwrap())
                .line_text
        };
        assert_eq!((line(1), line(2), line(3), line(4)), ("a", "b", "c", "d"));
        assert_eq!(source.span(position(5, 1)), None);
    }

    #[test]
    fn spans_become_lines_and_columns() {
        let source = Source::from_text("f", "id: x\ntitle: Éclair pâtissier\n");
        let at = Position {
            line: 2,
            column: 8,
            byte_offset: Some(13),
            byte_len: 18,
        };
        let location = source.location(source.span(at).unwrap());
        assert_eq!((location.line, location.column, location.width), (2, 8, 16));
        assert_eq!(location.line_text, "title: Éclair pâtissier");
        let by_column = source.span(position(2, 9)).unwrap();
        assert_eq!(by_column.start, 15);
        assert_eq!(source.location(by_column).width, 5);
        // The empty line after the last line break is shown as the end of the last line.
        let end = source.location(source.span(position(3, 1)).unwrap());
        assert_eq!(
            (end.line, end.column, end.line_text),
            (2, 23, "title: Éclair pâtissier")
        );
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let source = Source::decode("f".into(), b"\xEF\xBB\xBFid: x\n").unwrap();
        assert_eq!(source.text(), "id: x\n");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let Err(Error::Invalid(found)) = Source::decode("f".into(), b"id: x\nti\xFFtle") else {
            panic!("expected an encoding error");
        };
        assert_eq!(found.kept[0].message, "invalid UTF-8 byte `0xff`");
        let location = found.kept[0].location().unwrap();
        assert_eq!((location.line, location.column), (2, 3));
    }

    #[test]
    fn utf16_is_recognised_with_or_without_a_mark() {
        assert!(looks_like_utf16(b"\xFF\xFEi\0d\0"));
        assert!(looks_like_utf16(b"i\0d\0:\0 \0"));
        assert!(!looks_like_utf16(b"id: x"));
    }
}
