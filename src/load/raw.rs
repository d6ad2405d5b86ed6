//! The shapes of ladder and self-assessment files exactly as written, before any checking:
//! field names, optional parts and the position of every value, but no meaning yet.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::yaml::{Entries, Located, Scalar, ScalarVisitor, Text};
use crate::diagnostic::Code;

pub type Id = Located<Text>;

/// A career ladder: its scale, its levels and what each level expects in every competency.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ladder")]
pub struct RawLadder {
    /// The ladder's id, in lowercase kebab-case; self-assessments name it in `ladder:`.
    #[schemars(schema_with = "id_schema")]
    pub id: Id,
    /// The ladder's name.
    pub title: Located<Text>,
    /// What the ladder covers.
    pub description: Option<Located<Text>>,
    /// How a level's signals are written: `cumulative` (the default), each level listing only
    /// what it adds to the levels below; or `per-level`, each level listing all it expects.
    #[schemars(schema_with = "signals_mode_schema")]
    #[serde(default)]
    pub signals: Option<Located<Text>>,
    /// When an assessment reaches a level: at most `allow_below` competencies below its
    /// expectation, none by more than `max_gap`, none unscored. Without it: every
    /// expectation met.
    // Boxed: rarely given, and it would make every ladder's raw form larger.
    pub readiness: Option<Box<Located<RawReadiness>>>,
    /// The scores, ascending and unique, each with a label and meaning.
    #[schemars(length(min = 1))]
    pub scale: Located<Vec<RawScalePoint>>,
    /// The levels, most junior first; at most 50.
    #[schemars(length(min = 1, max = 50))]
    pub levels: Located<Vec<RawLevel>>,
    /// Areas of competency, each holding competencies.
    #[schemars(length(min = 1))]
    pub areas: Located<Vec<RawArea>>,
}

/// The rule for reaching a level.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "readiness")]
pub struct RawReadiness {
    /// How many competencies may be below the level's expectation; default 0.
    #[schemars(schema_with = "count_schema")]
    pub allow_below: Option<Located<Scalar>>,
    /// By how much each of those may fall short; default 1.
    #[schemars(schema_with = "count_schema")]
    pub max_gap: Option<Located<Scalar>>,
}

/// One score on the scale.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "scale-point")]
pub struct RawScalePoint {
    /// A whole number; scores ascend and are unique.
    #[schemars(schema_with = "scale_score_schema")]
    pub score: Located<Scalar>,
    /// A short name for the score, such as `Proficient`.
    pub label: Located<Text>,
    /// What the score means.
    pub description: Option<Located<Text>>,
}

/// One level of the ladder.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "level")]
pub struct RawLevel {
    /// The level's id, in lowercase kebab-case, such as `senior-manager`.
    #[schemars(schema_with = "id_schema")]
    pub id: Id,
    /// The level's name.
    pub title: Located<Text>,
    /// The level's scope.
    pub description: Option<Located<Text>>,
    /// The level this one follows, when it is not the one listed before it: where a track
    /// forks, such as a manager track after a shared senior level.
    #[schemars(schema_with = "optional_id_schema")]
    #[serde(default)]
    pub after: Option<Id>,
    /// The name of the track this level starts, such as `People manager`; the levels that
    /// follow it are on that track too.
    pub track: Option<Located<Text>>,
}

/// An area of competency, such as `people`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "area")]
pub struct RawArea {
    /// The area's id, in lowercase kebab-case.
    #[schemars(schema_with = "id_schema")]
    pub id: Id,
    /// The area's name.
    pub title: Located<Text>,
    /// What the area covers.
    pub description: Option<Located<Text>>,
    /// The area's competencies.
    #[schemars(length(min = 1))]
    pub competencies: Located<Vec<RawCompetency>>,
}

/// A competency and what every level expects of it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "competency")]
pub struct RawCompetency {
    /// The competency's id, in lowercase kebab-case, unique across the whole ladder.
    #[schemars(schema_with = "id_schema")]
    pub id: Id,
    /// The competency's name.
    pub title: Located<Text>,
    /// What the competency means.
    pub description: Option<Located<Text>>,
    /// How much the competency counts towards coverage; positive, default 1.
    #[schemars(schema_with = "weight_schema")]
    #[serde(default)]
    pub weight: Option<Located<Scalar>>,
    /// Names for this competency's steps, by score, shown instead of the scale's labels.
    #[schemars(schema_with = "labels_schema")]
    #[serde(default)]
    pub labels: Option<Located<Entries<Id, Located<Text>>>>,
    /// One entry for every level: a score, or a score with its observable signals.
    #[schemars(schema_with = "expectations_schema")]
    pub expectations: Located<Entries<Id, Located<RawExpectation>>>,
}

/// `manager: 3`, `manager: {score: 3, signals: [...]}`, or `manager: ~`.
#[derive(Debug)]
pub struct RawExpectation {
    pub score: ScoreField,
    pub signals: Vec<Located<RawSignal>>,
}

/// `- Writes tests`, or a signal with more to it: `{text, id, examples, links}`.
#[derive(Debug)]
pub enum RawSignal {
    Text(Text),
    Full(FullSignal),
}

#[derive(Debug)]
pub struct FullSignal {
    pub text: Located<Text>,
    /// A stable id, unique in the ladder, for trackers that link to it.
    pub id: Option<Id>,
    pub examples: Vec<Located<Text>>,
    pub links: Vec<Located<Text>>,
}

impl RawSignal {
    pub fn text(&self) -> &str {
        match self {
            RawSignal::Text(text) => &text.0,
            RawSignal::Full(full) => &full.text.value.0,
        }
    }
}

impl<'de> Deserialize<'de> for RawSignal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SignalVisitor;

        impl<'de> Visitor<'de> for SignalVisitor {
            type Value = RawSignal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // The words the loader knows a misread `text: with a colon` by.
                f.write_str("text")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Text::deserialize(de::value::StrDeserializer::<E>::new(v)).map(RawSignal::Text)
            }

            /// By hand rather than derived, so that `- Practises: writes tests`, a signal with
            /// `: ` in it that YAML reads as a mapping, is told as text that needs quotes.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                const FIELDS: &[&str] = &["text", "id", "examples", "links"];
                let (mut text, mut id, mut examples, mut links) = (None, None, None, None);
                let mut first = true;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "text" => text = Some(map.next_value()?),
                        "id" => id = Some(map.next_value()?),
                        "examples" => examples = Some(map.next_value()?),
                        "links" => links = Some(map.next_value()?),
                        _ if first => {
                            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
                        }
                        other => return Err(de::Error::unknown_field(other, FIELDS)),
                    }
                    first = false;
                }
                Ok(RawSignal::Full(FullSignal {
                    text: text.ok_or_else(|| de::Error::missing_field("text"))?,
                    id: id.flatten(),
                    examples: examples.unwrap_or_default(),
                    links: links.unwrap_or_default(),
                }))
            }
        }

        deserializer.deserialize_any(SignalVisitor)
    }
}

/// A score written inline (`manager: 3`) shares the position of its entry; a score written as a
/// `score:` field has its own.
#[derive(Debug)]
pub enum ScoreField {
    Inline(Scalar),
    Field(Located<Scalar>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FullExpectation {
    score: Located<Scalar>,
    #[serde(default)]
    signals: Vec<Located<RawSignal>>,
}

impl<'de> Deserialize<'de> for RawExpectation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ShortOrFull::<FullExpectation>::new(
                "a score, or a mapping with `score` and `signals`",
            ))
            .map(|either| match either {
                Either::Short(score) => RawExpectation {
                    score: ScoreField::Inline(score),
                    signals: Vec::new(),
                },
                Either::Full(full) => RawExpectation {
                    score: ScoreField::Field(full.score),
                    signals: full.signals,
                },
            })
    }
}

/// One person's scores against a ladder's levels.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "self-assessment")]
pub struct RawAssessment {
    /// A built-in ladder's id, or the path of a ladder file relative to this file.
    pub ladder: Option<Located<Text>>,
    /// Who is assessed.
    pub person: Located<Text>,
    /// Who scored: `self`, or a name.
    pub assessor: Option<Located<Text>>,
    /// When, such as `2026-11-01`.
    pub date: Option<Located<Text>>,
    /// The level to assess against; `--target` overrides it.
    #[schemars(schema_with = "optional_id_schema")]
    #[serde(default)]
    pub target: Option<Id>,
    /// A score for each competency, by id; one left empty counts as missing.
    #[schemars(schema_with = "scores_schema")]
    #[serde(default)]
    pub scores: Option<Located<Entries<Id, Located<RawRating>>>>,
}

/// `coaching: 3`, `coaching: {score: 3, evidence: "..."}`, or `coaching:` left empty.
#[derive(Debug)]
pub struct RawRating {
    pub score: ScoreField,
    pub evidence: Option<Located<Text>>,
}

impl RawRating {
    /// `coaching:` with nothing after it: listed, but not yet scored.
    pub fn is_empty(&self) -> bool {
        matches!(self.score, ScoreField::Inline(Scalar::Null))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FullRating {
    /// Left out: not scored yet, the evidence kept.
    score: Option<Located<Scalar>>,
    evidence: Option<Located<Text>>,
}

impl<'de> Deserialize<'de> for RawRating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ShortOrFull::<FullRating>::new(
                "a score, or a mapping with `score` and `evidence`",
            ))
            .map(|either| match either {
                Either::Short(score) => RawRating {
                    score: ScoreField::Inline(score),
                    evidence: None,
                },
                Either::Full(full) => RawRating {
                    score: full
                        .score
                        .map_or(ScoreField::Inline(Scalar::Null), ScoreField::Field),
                    evidence: full.evidence,
                },
            })
    }
}

enum Either<T> {
    Short(Scalar),
    Full(T),
}

/// Reads either a bare scalar or a mapping shaped like `T`, without buffering, so that the
/// positions inside the mapping survive.
struct ShortOrFull<T> {
    expecting: &'static str,
    full: std::marker::PhantomData<T>,
}

impl<T> ShortOrFull<T> {
    fn new(expecting: &'static str) -> Self {
        ShortOrFull {
            expecting,
            full: std::marker::PhantomData,
        }
    }
}

macro_rules! forward_scalar {
    ($($method:ident($ty:ty)),*) => {
        $(fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            ScalarVisitor.$method(v).map(Either::Short)
        })*
    };
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ShortOrFull<T> {
    type Value = Either<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    forward_scalar!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_i128(i128),
        visit_u128(u128),
        visit_f64(f64),
        visit_str(&str)
    );

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Either::Short(Scalar::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Either::Short(Scalar::Null))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Either::Full)
    }
}

/// A file that is either a ladder or a self-assessment, told apart by its first key: the two
/// formats share no top-level field.
#[derive(Debug)]
pub enum RawDocument {
    Ladder(RawLadder),
    Assessment(RawAssessment),
}

const LADDER_FIELDS: &[&str] = &[
    "id",
    "title",
    "description",
    "signals",
    "readiness",
    "scale",
    "levels",
    "areas",
];
const ASSESSMENT_FIELDS: &[&str] = &["ladder", "person", "assessor", "date", "target", "scores"];
const ALL_FIELDS: &[&str] = &[
    "id",
    "title",
    "description",
    "signals",
    "readiness",
    "scale",
    "levels",
    "areas",
    "ladder",
    "person",
    "assessor",
    "date",
    "target",
    "scores",
];

impl<'de> Deserialize<'de> for RawDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(DocumentVisitor)
    }
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = RawDocument;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a ladder or a self-assessment (a mapping)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(super::yaml::custom(
                Code::EmptyDocument,
                "empty mapping: neither a ladder nor a self-assessment",
            ));
        };
        let rest = de::value::MapAccessDeserializer::new(Prepended {
            first: Some(first.clone()),
            rest: map,
        });
        if LADDER_FIELDS.contains(&first.as_str()) {
            RawLadder::deserialize(rest).map(RawDocument::Ladder)
        } else if ASSESSMENT_FIELDS.contains(&first.as_str()) {
            RawAssessment::deserialize(rest).map(RawDocument::Assessment)
        } else {
            Err(de::Error::unknown_field(&first, ALL_FIELDS))
        }
    }
}

/// The rest of a mapping whose first key has already been read.
struct Prepended<A> {
    first: Option<String>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Prepended<A> {
    type Error = A::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(first) => seed
                .deserialize(de::value::StringDeserializer::new(first))
                .map(Some),
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.rest.next_value_seed(seed)
    }
}

const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

fn id_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": ID_PATTERN })
}

fn optional_id_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "pattern": ID_PATTERN })
}

fn count_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "integer", "minimum": 0 })
}

fn signals_mode_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "enum": ["cumulative", "per-level", null] })
}

fn scale_score_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "integer", "minimum": 0 })
}

fn weight_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["number", "null"], "exclusiveMinimum": 0, "maximum": 1000 })
}

fn labels_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["object", "null"],
        "propertyNames": { "pattern": "^(0|[1-9][0-9]*)$" },
        "additionalProperties": { "type": "string" },
    })
}

fn expectations_schema(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "minProperties": 1,
        "propertyNames": { "pattern": ID_PATTERN },
        "additionalProperties": generator.subschema_for::<RawExpectation>(),
    })
}

fn scores_schema(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["object", "null"],
        "propertyNames": { "pattern": ID_PATTERN },
        "additionalProperties": generator.subschema_for::<RawRating>(),
    })
}

impl JsonSchema for RawExpectation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "expectation".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "What a level expects: a score, or a score with observable signals.",
            "oneOf": [
                { "type": "integer" },
                { "type": "null", "description": "`~`: the competency is not part of this level." },
                {
                    "type": "object",
                    "properties": {
                        "score": { "type": "integer", "description": "A score on the ladder's scale." },
                        "signals": {
                            "type": "array",
                            "items": {
                                "oneOf": [
                                    { "type": "string" },
                                    {
                                        "type": "object",
                                        "properties": {
                                            "text": { "type": "string", "description": "The signal." },
                                            "id": { "type": "string", "pattern": ID_PATTERN, "description": "A stable id, unique in the ladder." },
                                            "examples": { "type": "array", "items": { "type": "string" }, "description": "What showing it can look like." },
                                            "links": { "type": "array", "items": { "type": "string", "pattern": "^https?://" }, "description": "Supporting material: http or https addresses." }
                                        },
                                        "required": ["text"],
                                        "additionalProperties": false
                                    }
                                ]
                            },
                            "description": "What someone at this level shows, over the levels below."
                        }
                    },
                    "required": ["score"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for RawRating {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "rating".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A score on the ladder's scale, with optional evidence; empty, or evidence alone, when not yet scored.",
            "oneOf": [
                { "type": "integer" },
                { "type": "null" },
                {
                    "type": "object",
                    "properties": {
                        "score": { "type": "integer", "description": "A score on the ladder's scale." },
                        "evidence": { "type": "string", "description": "What shows it." }
                    },
                    "minProperties": 1,
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_fields_are_both_kinds_of_file() {
        assert_eq!(ALL_FIELDS, [LADDER_FIELDS, ASSESSMENT_FIELDS].concat());
    }
}
