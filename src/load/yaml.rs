//! The one door to the YAML parser. Turns text into the file shapes of [`super::raw`], keeping
//! the position of every value, and turns the parser's errors into located diagnostics.
//!
//! Hostile input is bounded here: nesting depth, node count, alias replay and text length all
//! have budgets, and tags, merge keys and extra documents are refused rather than ignored.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde_saphyr::{Error as YamlError, MessageFormatter};

use super::source::{Position, Source};
use crate::diagnostic::{At, Code, Diagnostic};
use crate::error::Error;
use crate::{glyphs, wording};

/// The longest single text value accepted; ladders hold sentences, not documents.
const MAX_TEXT_BYTES: usize = 16 * 1024;
const MAX_DEPTH: usize = 32;
const TAG_HELP: &str = "remove the tag; values are typed by where they appear";
const MAX_NODES: usize = 100_000;
const MAX_REPLAYED_EVENTS: usize = 10_000;

/// Parses one YAML document from `source` into `T`.
pub fn parse<T: DeserializeOwned>(source: &Arc<Source>) -> Result<T, Error> {
    if is_blank(source.text()) {
        return Err(Error::invalid(Diagnostic::error(
            Code::EmptyDocument,
            "empty document",
            At::File(source.clone()),
        )));
    }
    MAY_HOLD_TAGS.set(source.text().contains('!'));
    let parsed = serde_saphyr::from_str_with_options(source.text(), options());
    MAY_HOLD_TAGS.set(true);
    parsed.map_err(|error| Error::invalid(to_diagnostic(&error, source)))
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_documents: 2,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_REPLAYED_EVENTS,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
        reject_unsupported_tags: true,
        strict_booleans: true,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString,
        with_snippet: false,
    }
}

/// Only whitespace and comments: YAML calls this an empty stream.
fn is_blank(text: &str) -> bool {
    text.split(['\r', '\n'])
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---" || line == "...")
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: Position,
}

thread_local! {
    /// Whether the document this thread is parsing holds a `!` anywhere. Without one it holds
    /// no tag, and reading every value's tag, a seventh of the cost of parsing, is skipped.
    static MAY_HOLD_TAGS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    /// Every value we read passes through here, so this is where explicit tags are refused.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (value, location) = if MAY_HOLD_TAGS.get() {
            let spanned =
                serde_saphyr::Spanned::<serde_saphyr::Tagged<T>>::deserialize(deserializer)?;
            let serde_saphyr::Tagged(value, tag) = spanned.value;
            refuse_tag::<D::Error>(tag)?;
            (value, spanned.referenced)
        } else {
            let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
            (spanned.value, spanned.referenced)
        };
        let span = location.span();
        let to_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        Ok(Located {
            value,
            at: Position {
                line: to_usize(location.line()),
                column: to_usize(location.column()),
                byte_offset: span.byte_offset().map(to_usize),
                byte_len: span.byte_len().map(to_usize).unwrap_or(0),
            },
        })
    }
}

/// Text exactly as the user wrote it: `no` stays "no" and `1.10` stays "1.10".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        // Most text is printable ASCII: nothing to look for in it.
        let plain = text.bytes().all(|b| (0x20..0x7f).contains(&b));
        if plain && text.len() <= MAX_TEXT_BYTES {
            return Ok(Text(text));
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(custom(
                Code::YamlLimit,
                &format!("text is longer than {} KiB", MAX_TEXT_BYTES / 1024),
            ));
        }
        // Escapes such as `"\e[2J"` would reach the terminal through reports and messages, tabs
        // break tables, and invisible or direction-changing characters hide what text says.
        let unsafe_char = |c: &char| *c != '\n' && glyphs::is_control_or_invisible(*c);
        if let Some(c) = text.chars().find(unsafe_char) {
            return Err(custom(
                Code::ControlCharacter,
                &format!(
                    "text contains the invisible or control character U+{:04X}",
                    u32::from(c)
                ),
            ));
        }
        Ok(Text(text))
    }
}

/// Any scalar, kept as the parser typed it, so that checks can name what was wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    Integer(i128),
    Float(f64),
    Text(String),
}

impl Scalar {
    /// What a user would call this kind of value, for "expected …, found …" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Scalar::Null => "nothing",
            Scalar::Bool(_) => "a boolean",
            Scalar::Integer(_) => "an integer",
            Scalar::Float(_) => "a decimal number",
            Scalar::Text(_) => "text",
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// Accepts a scalar of any type; used directly by shapes that are "a number or a mapping".
pub struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a single value")
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Integer(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Integer(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Scalar, E> {
        Ok(Scalar::Integer(v))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Scalar, E> {
        Ok(Scalar::Integer(i128::try_from(v).unwrap_or(i128::MAX)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }
}

/// A mapping kept in file order, as written; duplicate keys are refused by the parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Entries<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<K, V> {
            type Value = Entries<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// Our own errors raised inside the parser carry their code in front of the message, so that
/// [`to_diagnostic`] can give them the right code once the parser has attached a position.
pub(crate) fn custom<E: de::Error>(code: Code, message: &str) -> E {
    E::custom(format_args!("[{code}] {message}"))
}

fn refuse_tag<E: de::Error>(tag: Option<String>) -> Result<(), E> {
    match tag {
        None => Ok(()),
        Some(tag) => Err(custom(
            Code::ExplicitTag,
            &format!("explicit tag `{}` is not allowed", short_tag(&tag)),
        )),
    }
}

/// `tag:yaml.org,2002:binary` → `!!binary`, the way the user wrote it.
fn short_tag(tag: &str) -> String {
    match tag.strip_prefix("tag:yaml.org,2002:") {
        Some(name) => format!("!!{name}"),
        None => tag.to_owned(),
    }
}

fn to_diagnostic(error: &YamlError, source: &Arc<Source>) -> Diagnostic {
    let error = error.without_snippet();
    let at = error
        .location()
        .map(|location| Position {
            line: usize::try_from(location.line()).unwrap_or(0),
            column: usize::try_from(location.column()).unwrap_or(0),
            byte_offset: None,
            byte_len: 0,
        })
        .unwrap_or_default();
    let (code, message, help) = describe(error);
    let help = match code {
        // `...` ends a document as `---` starts one: name the marker the file has.
        Code::MultipleDocuments if has_document_end(source.text()) => {
            Some("keep one document per file: remove the `...` line and what follows".to_owned())
        }
        _ => help,
    };
    let at = match code {
        Code::ExplicitTag => tag_before(source, at).unwrap_or(At::position(source, at)),
        _ => At::position(source, at),
    };
    let at = match code {
        // The parser places the finding at the start of the text; the character may lie lines on.
        Code::ControlCharacter => character_in(source, &at, &message).unwrap_or(at),
        _ => at,
    };
    let help = match code {
        Code::WrongType if message.starts_with("expected text") => quote_help(source, &at).or(help),
        _ => help,
    };
    if code == Code::WrongType && key_too_long(source, &at) {
        return Diagnostic::error(
            Code::YamlLimit,
            format!("a key longer than {MAX_KEY_CHARS} characters"),
            at,
        )
        .with_help("YAML allows a key of at most 1024 characters on its line; shorten it");
    }
    Diagnostic::error(code, message, at).with_optional_help(help)
}

/// The character a `control-character` message names (`U+200B`), where it stands in the text
/// that starts at `at`, when it is written there as itself.
fn character_in(source: &Arc<Source>, at: &At, message: &str) -> Option<At> {
    let At::Span(_, span) = at else {
        return None;
    };
    let hex = message.rsplit("U+").next()?;
    let c = char::from_u32(u32::from_str_radix(hex.trim(), 16).ok()?)?;
    let rest = source.text().get(span.start..)?;
    let rest = &rest[..rest.len().min(MAX_TEXT_BYTES * 4)];
    let offset = rest.find(c)?;
    let found = crate::load::source::Span {
        start: span.start + offset,
        len: c.len_utf8(),
    };
    Some(At::Span(source.clone(), found))
}

/// A plain value holding `: ` is read as a mapping: where text was expected, say to quote it.
fn quote_help(source: &Arc<Source>, at: &At) -> Option<String> {
    let At::Span(_, span) = at else {
        return None;
    };
    let rest = source.text().get(span.start..)?;
    let line = rest.split(['\r', '\n']).next()?.trim_end();
    if !line.contains(": ") || line.starts_with(['"', '\'', '{', '[']) {
        return None;
    }
    let quoted = serde_json::to_string(line).ok()?;
    let shown = if quoted.chars().count() > 60 {
        "the whole text in double quotes".to_owned()
    } else {
        format!("`{quoted}`")
    };
    Some(format!(
        "`: ` makes this a mapping; to keep it as text, write {shown}"
    ))
}

/// YAML reads `key: value` only for keys of at most this many characters; a longer one makes
/// the line a plain value, which the parser then reports as the wrong shape.
const MAX_KEY_CHARS: usize = 1024;

fn key_too_long(source: &Source, at: &At) -> bool {
    let At::Span(_, span) = at else {
        return false;
    };
    let rest = source.text().get(span.start..).unwrap_or_default();
    let line = rest.split(['\r', '\n']).next().unwrap_or_default();
    line.find(": ")
        .or_else(|| line.strip_suffix(':').map(str::len))
        .is_some_and(|colon| line[..colon].chars().count() > MAX_KEY_CHARS)
}

fn has_document_end(text: &str) -> bool {
    text.split(['\r', '\n'])
        .any(|line| line.trim_end() == "...")
}

/// The tag written just before the value at `at` (`!!binary` in `name: !!binary aGk=`): the
/// parser places a tag's error on the value it tags, but the tag is what to fix.
fn tag_before(source: &Arc<Source>, at: Position) -> Option<At> {
    let value = source.span(at)?.start;
    let before = source.text().get(..value)?.trim_end_matches([' ', '\t']);
    let start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | '{'))
        .map_or(0, |i| i + 1);
    let tag = &before[start..];
    tag.starts_with('!').then(|| {
        let span = crate::load::source::Span {
            start,
            len: tag.len(),
        };
        At::Span(source.clone(), span)
    })
}

/// The code, message and help for each kind of parser error: a table, kept in one place.
fn describe(error: &YamlError) -> (Code, String, Option<String>) {
    match error {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => (
            Code::UnknownField,
            format!("unknown field `{field}`"),
            wording::did_you_mean(field, expected.iter().copied())
                .or_else(|| Some(format!("expected {}", wording::choice(expected)))),
        ),
        YamlError::SerdeMissingField { field, .. } => {
            (Code::MissingField, format!("missing field `{field}`"), None)
        }
        YamlError::DuplicateMappingKey { key, .. } => (
            Code::DuplicateKey,
            match key {
                Some(key) => format!("duplicate key `{key}`"),
                None => "duplicate key".to_owned(),
            },
            Some("each key may appear only once in a mapping".to_owned()),
        ),
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            Code::WrongType,
            format!("expected {}, found {unexpected}", plain_expected(expected)),
            None,
        ),
        YamlError::Unexpected { expected, .. } => (
            Code::WrongType,
            format!("expected {}", plain_expected(expected)),
            None,
        ),
        YamlError::MultipleDocuments { .. } => (
            Code::MultipleDocuments,
            "a second YAML document is not allowed".to_owned(),
            Some("keep one document per file: remove the `---` line and what follows".to_owned()),
        ),
        YamlError::MergeKeyNotAllowed { .. } | YamlError::MergeValueNotMapOrSeqOfMaps { .. } => (
            Code::MergeKey,
            "merge keys (`<<`) are not supported".to_owned(),
            Some("write the entries out in full".to_owned()),
        ),
        YamlError::UnsupportedTag { tag, .. } => (
            Code::ExplicitTag,
            format!("explicit tag `{}` is not allowed", short_tag(tag)),
            Some(TAG_HELP.to_owned()),
        ),
        YamlError::Budget { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. }
        | YamlError::AliasReplayCounterOverflow { .. } => (
            Code::YamlLimit,
            format!("document exceeds a safety limit: {}", limit_crossed(error)),
            Some(
                "ladder files are small and shallow; check for runaway nesting or aliases"
                    .to_owned(),
            ),
        ),
        YamlError::AliasError { error, .. } => describe(error),
        YamlError::Eof { .. } => (Code::YamlSyntax, "unexpected end of file".to_owned(), None),
        YamlError::Message { msg, .. } => own_message(msg),
        other => {
            let message = formatted(other);
            // The parser reports its own nesting limit as plain text.
            let code = if message.contains("recursion limit") {
                Code::YamlLimit
            } else {
                Code::YamlSyntax
            };
            (code, message, None)
        }
    }
}

/// Splits a message raised by [`custom`] back into its code and text.
fn own_message(message: &str) -> (Code, String, Option<String>) {
    let with_code = |code: Code| {
        message
            .strip_prefix(&format!("[{code}] "))
            .map(|text| (code, text.to_owned()))
    };
    let (code, text) = with_code(Code::ExplicitTag)
        .or_else(|| with_code(Code::YamlLimit))
        .or_else(|| with_code(Code::ControlCharacter))
        .or_else(|| with_code(Code::EmptyDocument))
        .unwrap_or((Code::YamlSyntax, message.to_owned()));
    let help = match code {
        Code::ExplicitTag => Some(TAG_HELP.to_owned()),
        _ => None,
    };
    (code, text, help)
}

/// Which budget a document went over, in words rather than the parser's own.
fn limit_crossed(error: &YamlError) -> String {
    use serde_saphyr::budget::BudgetBreach;
    match error {
        YamlError::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => format!("nesting deeper than {MAX_DEPTH} levels"),
            BudgetBreach::Nodes { .. } => format!("more than {MAX_NODES} values"),
            BudgetBreach::AliasAnchorRatio { aliases, anchors } => format!(
                "{} used for only {}",
                wording::plural(*aliases, "alias"),
                wording::plural(*anchors, "anchor")
            ),
            BudgetBreach::Aliases { aliases } => format!("{} aliases", aliases),
            BudgetBreach::Anchors { anchors } => format!("{} anchors", anchors),
            BudgetBreach::Documents { .. } => "more than one document".to_owned(),
            _ => "the document is too large or too complex".to_owned(),
        },
        YamlError::AliasReplayLimitExceeded { .. } => {
            format!("aliases repeat more than {MAX_REPLAYED_EVENTS} values in all")
        }
        YamlError::AliasExpansionLimitExceeded {
            max_expansions_per_anchor,
            ..
        } => format!("an anchor is used more than {max_expansions_per_anchor} times"),
        YamlError::AliasReplayStackDepthExceeded { max_depth, .. } => {
            format!("aliases nest deeper than {max_depth} levels")
        }
        _ => "the document is too large or too complex".to_owned(),
    }
}

fn formatted(error: &YamlError) -> String {
    serde_saphyr::UserMessageFormatter
        .format_message(error)
        .into_owned()
}

/// The parser's and serde's words for shapes, in the words of a YAML author.
fn plain_expected(expected: &str) -> String {
    match expected {
        "string scalar" | "a string" => "text".to_owned(),
        "sequence start" | "a sequence" => "a list".to_owned(),
        "mapping start" | "a map" => "a mapping".to_owned(),
        other => other.to_owned(),
    }
}

/// A located value is, to a schema, just its value.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

/// Entries are a mapping from text keys to values.
impl<K, V: schemars::JsonSchema> schemars::JsonSchema for Entries<K, V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Entries_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<V>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Shape {
        name: Located<Text>,
        score: Option<Located<Scalar>>,
    }

    fn parse_text(text: &str) -> Result<Shape, Box<Diagnostic>> {
        parse(&Source::from_text("t.yaml", text)).map_err(|error| match error {
            Error::Invalid(mut found) => Box::new(found.kept.remove(0)),
            other => panic!("unexpected {other:?}"),
        })
    }

    #[test]
    fn keeps_text_as_written_and_positions() {
        let shape = parse_text("name: no\nscore: 0x3\n").unwrap();
        assert_eq!(shape.name.value, Text("no".into()));
        let score = shape.score.unwrap();
        assert_eq!(score.value, Scalar::Integer(3));
        assert_eq!((score.at.line, score.at.column), (2, 8));
        assert_eq!((score.at.byte_offset, score.at.byte_len), (Some(16), 3));
    }

    #[test]
    fn quoted_numbers_stay_text() {
        let shape = parse_text("name: x\nscore: \"3\"\n").unwrap();
        assert_eq!(shape.score.unwrap().value, Scalar::Text("3".into()));
    }

    #[test]
    fn refuses_tags_with_their_position() {
        let error = parse_text("name: !!binary aGVsbG8=\n").unwrap_err();
        assert_eq!(error.code, Code::ExplicitTag);
        assert_eq!(error.message, "explicit tag `!!binary` is not allowed");
        let location = error.location().unwrap();
        // At the tag, which is what to remove, not at the value after it.
        assert_eq!((location.line, location.column, location.width), (1, 7, 8));
        let error = parse_text("{name: x, score: !custom 2}\n").unwrap_err();
        let location = error.location().unwrap();
        assert_eq!((location.line, location.column, location.width), (1, 18, 7));
    }

    #[test]
    fn a_second_document_after_an_end_marker_names_that_marker() {
        let error = parse_text("name: x\n...\nname: y\n").unwrap_err();
        assert_eq!(error.code, Code::MultipleDocuments);
        assert_eq!(
            error.help.as_deref(),
            Some("keep one document per file: remove the `...` line and what follows")
        );
    }

    #[test]
    fn suggests_the_field_meant() {
        let error = parse_text("nme: x\n").unwrap_err();
        assert_eq!(error.message, "unknown field `nme`");
        assert_eq!(error.help.as_deref(), Some("did you mean `name`?"));
        let location = error.location().unwrap();
        assert_eq!((location.line, location.column), (1, 1));
    }

    #[test]
    fn a_comment_before_lone_cr_line_breaks_is_not_all_there_is() {
        let shape = parse_text("# c\rname: x\r").unwrap();
        assert_eq!(shape.name.value, Text("x".into()));
    }

    #[test]
    fn blank_input_is_an_empty_document() {
        for text in ["", "\n  \n", "# just a comment\n", "---\n", "# a\r# b\r"] {
            assert_eq!(
                parse_text(text).unwrap_err().code,
                Code::EmptyDocument,
                "{text:?}"
            );
        }
    }
}
