//! The shapes of ladder and self-assessment files exactly as written, before any checking:
//! field names, optional parts and the position of every value, but no meaning yet.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::yaml::{Entries, Located, Scalar, ScalarVisitor, Text};

pub type Id = Located<Text>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLadder {
    pub id: Id,
    pub title: Located<Text>,
    pub description: Option<Located<Text>>,
    pub scale: Located<Vec<RawScalePoint>>,
    pub levels: Located<Vec<RawLevel>>,
    pub areas: Located<Vec<RawArea>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScalePoint {
    pub score: Located<Scalar>,
    pub label: Located<Text>,
    pub description: Option<Located<Text>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub id: Id,
    pub title: Located<Text>,
    pub description: Option<Located<Text>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArea {
    pub id: Id,
    pub title: Located<Text>,
    pub description: Option<Located<Text>>,
    pub competencies: Located<Vec<RawCompetency>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompetency {
    pub id: Id,
    pub title: Located<Text>,
    pub description: Option<Located<Text>>,
    pub weight: Option<Located<Scalar>>,
    pub expectations: Located<Entries<Id, Located<RawExpectation>>>,
}

/// `manager: 3`, or `manager: {score: 3, signals: [...]}`.
#[derive(Debug)]
pub struct RawExpectation {
    pub score: ScoreField,
    pub signals: Vec<Located<Text>>,
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
    signals: Vec<Located<Text>>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    pub ladder: Option<Located<Text>>,
    pub person: Located<Text>,
    pub assessor: Option<Located<Text>>,
    pub date: Option<Located<Text>>,
    pub target: Option<Id>,
    pub scores: Option<Located<Entries<Id, Located<RawRating>>>>,
}

/// `coaching: 3`, `coaching: {score: 3, evidence: "..."}`, or `coaching:` left empty.
#[derive(Debug)]
pub struct RawRating {
    pub score: ScoreField,
    pub evidence: Option<Located<Text>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FullRating {
    score: Located<Scalar>,
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
                    score: ScoreField::Field(full.score),
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

const LADDER_FIELDS: &[&str] = &["id", "title", "description", "scale", "levels", "areas"];
const ASSESSMENT_FIELDS: &[&str] = &["ladder", "person", "assessor", "date", "target", "scores"];
const ALL_FIELDS: &[&str] = &[
    "id",
    "title",
    "description",
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
            return Err(de::Error::custom(
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
