//! Reading an input as text: regular files or standard input only, never more than a size cap,
//! UTF-8 only. A `Source` knows where its lines start, so positions become quotable locations.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::error::{Error, Result};

/// Files larger than this are refused before parsing unless the caller raises the cap.
pub const DEFAULT_MAX_BYTES: u64 = 1024 * 1024;

/// The name standing for standard input on the command line.
pub const STDIN: &str = "-";
/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

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

#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    /// Byte offset where each line starts; CRLF, LF and a lone CR all end a line.
    line_starts: Vec<usize>,
}

impl Source {
    /// Reads `path` (or standard input for `-`), refusing anything that is not a regular file
    /// or is larger than `max_bytes`, and never reading more than `max_bytes + 1` bytes.
    pub fn read(path: &Path, max_bytes: u64) -> Result<Source> {
        let is_stdin = path.as_os_str() == STDIN;
        let name = crate::wording::path(path);
        let bytes = if is_stdin {
            read_capped(io::stdin().lock(), max_bytes).map_err(|e| io_error(&name, &e))?
        } else {
            read_regular_file(path, &name, max_bytes)?
        };
        match bytes {
            Some(bytes) => Source::decode(name, &bytes),
            None => Err(too_large(&name, max_bytes)),
        }
    }

    /// Text that is known to be well formed, such as a ladder compiled into the binary.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = line_starts(&text);
        Source {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// Turns raw bytes into text: UTF-8 with or without a byte-order mark, no NUL bytes.
    pub fn decode(name: String, bytes: &[u8]) -> Result<Source> {
        if looks_like_utf16(bytes) {
            return Err(Error::invalid(
                Diagnostic::error(
                    Code::Encoding,
                    "file is UTF-16 encoded",
                    Location::file(&name),
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
                let at = source.end_position();
                Err(Error::invalid(
                    Diagnostic::error(Code::Encoding, message, source.locate(at))
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

    /// The location of a whole file, for problems that belong to no line.
    pub fn whole_file(&self) -> Location {
        Location::file(&self.name)
    }

    /// The very start of the file, for something missing from the document as a whole.
    pub fn start(&self) -> Location {
        Location {
            width: 1,
            ..self.locate(Position {
                line: 1,
                column: 1,
                ..Position::default()
            })
        }
    }

    /// The exact text the user wrote for a value, when its byte range is known.
    pub fn slice(&self, at: Position) -> Option<&str> {
        let start = at.byte_offset?;
        self.text.get(start..start.checked_add(at.byte_len)?)
    }

    /// A quotable location for a parser position.
    pub fn locate(&self, at: Position) -> Location {
        if at.line == 0 {
            return self.whole_file();
        }
        let line_text = self.line_text(at.line);
        let width = match self.slice(at) {
            Some(value) if !value.is_empty() => {
                value.lines().next().unwrap_or_default().chars().count()
            }
            _ => token_width(line_text, at.column),
        }
        .max(1);
        Location {
            file: self.name.clone(),
            line: at.line,
            column: at.column.max(1),
            line_text: line_text.to_owned(),
            width,
        }
    }

    fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line - 1) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\r', '\n'])
    }

    /// The position just after the last character: where decoding stopped.
    fn end_position(&self) -> Position {
        let line = self.line_starts.len();
        let start = self.line_starts[line - 1];
        Position {
            line,
            column: self.text[start..].chars().count() + 1,
            byte_offset: Some(self.text.len()),
            byte_len: 0,
        }
    }
}

/// The width of the word starting at `column`, for parser positions that come without a length.
fn token_width(line: &str, column: usize) -> usize {
    line.chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | '[' | ']' | '{' | '}'))
        .count()
}

fn read_regular_file(path: &Path, name: &str, max_bytes: u64) -> Result<Option<Vec<u8>>> {
    let metadata = std::fs::metadata(path).map_err(|e| io_error(name, &e))?;
    if metadata.is_dir() {
        return Err(Error::Io {
            path: name.to_owned(),
            reason: "it is a directory, not a file".to_owned(),
        });
    }
    if !metadata.is_file() {
        return Err(Error::Io {
            path: name.to_owned(),
            reason: "it is not a regular file".to_owned(),
        });
    }
    if metadata.len() > max_bytes {
        return Ok(None);
    }
    let file = File::open(path).map_err(|e| io_error(name, &e))?;
    read_capped(file, max_bytes).map_err(|e| io_error(name, &e))
}

/// Reads at most `max_bytes + 1` bytes; `None` when there was more than `max_bytes`.
fn read_capped(reader: impl Read, max_bytes: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max_bytes).then_some(bytes))
}

fn io_error(name: &str, error: &io::Error) -> Error {
    Error::Io {
        path: name.to_owned(),
        reason: describe_io_error(error),
    }
}

/// An I/O error in the words of a message: lowercase, without the OS error number.
pub fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a directory, not a file".to_owned(),
        _ => lowercase_first(&strip_os_code(&error.to_string())),
    }
}

/// `Too many levels of symbolic links (os error 40)` → `Too many levels of symbolic links`.
fn strip_os_code(message: &str) -> String {
    match message.rfind(" (os error") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn too_large(name: &str, max_bytes: u64) -> Error {
    Error::invalid(
        Diagnostic::error(
            Code::FileTooLarge,
            format!("file is larger than the {} limit", human_size(max_bytes)),
            Location::file(name),
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
        assert_eq!(source.locate(position(2, 1)).line_text, "b");
        assert_eq!(source.locate(position(3, 1)).line_text, "c");
        assert_eq!(source.locate(position(4, 1)).line_text, "d");
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
        assert_eq!(found[0].message, "invalid UTF-8 byte `0xff`");
        assert_eq!((found[0].location.line, found[0].location.column), (2, 3));
    }

    #[test]
    fn utf16_is_recognised_with_or_without_a_mark() {
        assert!(looks_like_utf16(b"\xFF\xFEi\0d\0"));
        assert!(looks_like_utf16(b"i\0d\0:\0 \0"));
        assert!(!looks_like_utf16(b"id: x"));
    }

    #[test]
    fn reading_is_capped() {
        assert_eq!(
            read_capped(&b"12345"[..], 5).unwrap(),
            Some(b"12345".to_vec())
        );
        assert_eq!(read_capped(&b"123456"[..], 5).unwrap(), None);
    }
}
