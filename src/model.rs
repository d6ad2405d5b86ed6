//! The checked ladder and self-assessment. Every value here has passed the checks in
//! [`crate::load`]: ids are unique and resolved, and every score lies on its ladder's scale.

use foldhash::HashMap;

use serde::Serialize;

use crate::diagnostic::{At, Code, Diagnostic};
use crate::wording;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub(crate) fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A ladder's id, such as `engineering-management`.
    LadderId
);
id_type!(
    /// A level's id, such as `senior-manager`.
    LevelId
);
id_type!(
    /// An area's id, such as `people`.
    AreaId
);
id_type!(
    /// A competency's id, unique across the whole ladder, such as `coaching`.
    CompetencyId
);

/// A score on a ladder's scale. Only [`Scale::score`] makes one, so a `Score` is never off its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Score(u32);

impl Score {
    pub fn value(self) -> u32 {
        self.0
    }

    /// How far this score falls short of `expected`; zero when it meets or exceeds it.
    pub fn shortfall(self, expected: Score) -> u32 {
        expected.0.saturating_sub(self.0)
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The ascending scores a ladder allows, each with a label and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    points: Vec<ScalePoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScalePoint {
    pub score: Score,
    pub label: String,
    pub description: String,
}

impl Scale {
    /// `values` must be unique and ascending, which the loader checks before building a scale.
    pub(crate) fn new(values: Vec<(u32, String, String)>) -> Scale {
        let points = values
            .into_iter()
            .map(|(value, label, description)| ScalePoint {
                score: Score(value),
                label,
                description,
            })
            .collect();
        Scale { points }
    }

    /// The score `value`, if it is on this scale.
    pub fn score(&self, value: i128) -> Option<Score> {
        let value = u32::try_from(value).ok()?;
        self.point(value).map(|point| point.score)
    }

    pub fn points(&self) -> &[ScalePoint] {
        &self.points
    }

    /// The point for `value`, found by halving: scores ascend.
    pub fn point(&self, value: u32) -> Option<&ScalePoint> {
        let at = self
            .points
            .binary_search_by_key(&value, |p| p.score.0)
            .ok()?;
        Some(&self.points[at])
    }

    pub fn label(&self, score: Score) -> &str {
        self.point(score.0).map_or("", |point| point.label.as_str())
    }

    /// `1, 2, 3, 4 and 5`: the allowed scores, for messages.
    pub fn describe(&self) -> String {
        let values: Vec<String> = self.points.iter().map(|p| p.score.to_string()).collect();
        match values.as_slice() {
            [init @ .., last] if !init.is_empty() => format!("{} or {last}", init.join(", ")),
            _ => values.concat(),
        }
    }
}

/// How a ladder writes its levels' signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignalMode {
    /// Each level lists what it adds; it shows its own signals and those of the levels below.
    #[default]
    Cumulative,
    /// Each level lists everything expected of it; nothing carries over.
    PerLevel,
}

/// When an assessment reaches a level: at most `allow_below` competencies below the level's
/// expectation, none of them by more than `max_gap`, and none unscored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub allow_below: u32,
    pub max_gap: u32,
}

impl Default for Readiness {
    /// Every expectation met.
    fn default() -> Self {
        Readiness {
            allow_below: 0,
            max_gap: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    pub id: LadderId,
    pub title: String,
    pub description: String,
    pub signals: SignalMode,
    pub readiness: Readiness,
    pub scale: Scale,
    /// Most junior first.
    pub levels: Vec<Level>,
    pub areas: Vec<Area>,
    /// Each level's place in `levels`, by id.
    level_index: HashMap<String, usize>,
    /// Each competency's area and place in it, by id.
    competency_index: HashMap<String, (usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub id: LevelId,
    pub title: String,
    pub description: String,
    /// The name of the track (the branch of the ladder) this level starts, when it gives one.
    pub track: Option<String>,
    /// Position in the ladder file; also the index of its expectations.
    pub(crate) rank: usize,
    /// The rank of the level this one follows: the one listed before it unless it names
    /// another with `after:`. `None` for the first level, where every path starts.
    pub(crate) parent: Option<usize>,
    /// The ranks from the first level to this one, this one last: the way up to it.
    pub(crate) path: Vec<usize>,
}

/// How two levels of one ladder stand to each other.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relation<'a> {
    Same,
    /// The second is on the way up from the first: a promotion.
    Up,
    /// The first is on the way up to the second.
    Down,
    /// On different branches, which part at `fork`: a move across tracks.
    Across {
        fork: &'a Level,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub id: AreaId,
    pub title: String,
    pub description: String,
    pub competencies: Vec<Competency>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Competency {
    pub id: CompetencyId,
    pub title: String,
    pub description: String,
    /// Positive; how much this competency counts towards coverage.
    pub weight: f64,
    /// One per level, in level order; `None` where the competency is not part of the level
    /// (`~` in the file), such as one that only starts at more senior levels.
    pub(crate) expectations: Vec<Option<Expectation>>,
    /// The ladder's way of writing signals, which [`Competency::signals_at`] follows.
    pub(crate) signals: SignalMode,
    /// This competency's own names for some scores, in place of the scale's labels.
    pub(crate) labels: HashMap<Score, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    pub score: Score,
    /// What someone at this level shows, over and above the signals of the levels below.
    pub signals: Vec<Signal>,
}

/// One observable signal: its text, and what a ladder may add to it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Signal {
    pub text: String,
    /// A stable id, unique in the ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What showing it can look like.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// Supporting material: checked `http` and `https` addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

impl Signal {
    pub fn text(text: impl Into<String>) -> Signal {
        Signal {
            text: text.into(),
            ..Signal::default()
        }
    }
}

impl Competency {
    /// The name of `score` for this competency: its own, or else the scale's label.
    pub fn label<'a>(&'a self, scale: &'a Scale, score: Score) -> &'a str {
        self.labels
            .get(&score)
            .map_or_else(|| scale.label(score), String::as_str)
    }

    /// What `level`, a level of the same ladder, expects of this competency; `None` when the
    /// competency is not part of that level.
    pub fn expectation(&self, level: &Level) -> Option<&Expectation> {
        self.expectations[level.rank].as_ref()
    }

    /// The score `level` expects, if it expects any.
    pub fn expected(&self, level: &Level) -> Option<Score> {
        self.expectation(level).map(|e| e.score)
    }

    /// What `signals_at` gives, each signal whole with the rank of the level that lists it
    /// first.
    pub fn signals_from(&self, level: &Level) -> Vec<(&Signal, usize)> {
        let ranks = match self.signals {
            SignalMode::Cumulative => level.path.as_slice(),
            SignalMode::PerLevel => std::slice::from_ref(&level.rank),
        };
        let mut seen = foldhash::HashSet::default();
        let mut signals = Vec::new();
        for &rank in ranks {
            for signal in self.expectations[rank].iter().flat_map(|e| &e.signals) {
                if seen.insert(signal.text.as_str()) {
                    signals.push((signal, rank));
                }
            }
        }
        signals
    }

    /// Every signal `level` is expected to show, each once: in a cumulative ladder its own and
    /// those of the levels on the way up to it, most junior first; in a per-level ladder its own.
    pub fn signals_at(&self, level: &Level) -> Vec<&str> {
        self.signals_from(level)
            .into_iter()
            .map(|(signal, _)| signal.text.as_str())
            .collect()
    }
}

impl Ladder {
    /// A ladder from checked parts: ids unique, every competency expecting a score of every
    /// level, which the loader checks before building one.
    pub(crate) fn new(
        id: LadderId,
        title: String,
        description: String,
        (signals, readiness): (SignalMode, Readiness),
        scale: Scale,
        levels: Vec<Level>,
        areas: Vec<Area>,
    ) -> Ladder {
        let level_index = levels
            .iter()
            .enumerate()
            .map(|(rank, level)| (level.id.0.clone(), rank))
            .collect();
        let competency_index = areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| {
                area.competencies
                    .iter()
                    .enumerate()
                    .map(move |(c, competency)| (competency.id.0.clone(), (a, c)))
            })
            .collect();
        Ladder {
            id,
            title,
            description,
            signals,
            readiness,
            scale,
            levels,
            areas,
            level_index,
            competency_index,
        }
    }

    pub fn level(&self, id: &str) -> Option<&Level> {
        self.level_index.get(id).map(|&rank| &self.levels[rank])
    }

    /// The level `id`, named on the command line by `given_by` (such as "given to `--target`");
    /// otherwise an error that suggests the level meant, or lists them all.
    pub fn level_named(&self, id: &str, given_by: &str) -> Result<&Level, Diagnostic> {
        self.level(id).ok_or_else(|| {
            let help = wording::unknown_help(id, self.level_ids(), "the ladder's levels");
            Diagnostic::error(
                Code::UnknownLevel,
                format!("unknown level `{id}` {given_by}"),
                At::CommandLine,
            )
            .with_optional_help(help)
        })
    }

    /// The level `level` follows, if it is not the first.
    pub fn below(&self, level: &Level) -> Option<&Level> {
        level.parent.map(|rank| &self.levels[rank])
    }

    /// The levels from the first up to `level`, `level` last.
    pub fn path(&self, level: &Level) -> impl Iterator<Item = &Level> {
        level.path.iter().map(|&rank| &self.levels[rank])
    }

    /// The levels that follow `level` directly, in file order.
    pub fn above(&self, level: &Level) -> impl Iterator<Item = &Level> {
        let rank = level.rank;
        self.levels.iter().filter(move |l| l.parent == Some(rank))
    }

    /// Whether the ladder forks: some level is followed by more than one.
    pub fn has_tracks(&self) -> bool {
        let mut followers = vec![0_u8; self.levels.len()];
        self.levels
            .iter()
            .filter_map(|level| level.parent)
            .any(|parent| {
                followers[parent] += 1;
                followers[parent] > 1
            })
    }

    /// The track `level` is on: the name given by it or the nearest level below it that names
    /// one. `None` on the shared trunk of a ladder, or in a ladder without track names.
    pub fn track_of(&self, level: &Level) -> Option<&str> {
        self.path(level).filter_map(|l| l.track.as_deref()).last()
    }

    /// How `from` and `to` stand to each other.
    pub fn relation<'a>(&'a self, from: &Level, to: &Level) -> Relation<'a> {
        let shared = from
            .path
            .iter()
            .zip(&to.path)
            .take_while(|(a, b)| a == b)
            .count();
        match (shared == from.path.len(), shared == to.path.len()) {
            (true, true) => Relation::Same,
            (true, false) => Relation::Up,
            (false, true) => Relation::Down,
            // Every path starts at the first level, so two paths share at least it.
            (false, false) => Relation::Across {
                fork: &self.levels[from.path[shared.max(1) - 1]],
            },
        }
    }

    pub fn level_ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.levels.iter().map(|level| level.id.as_str())
    }

    /// Every competency with its area, in ladder order.
    pub fn competencies(&self) -> impl Iterator<Item = (&Area, &Competency)> {
        self.areas
            .iter()
            .flat_map(|area| area.competencies.iter().map(move |c| (area, c)))
    }

    pub fn competency_count(&self) -> usize {
        self.competency_index.len()
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competency_index
            .get(id)
            .map(|&(area, competency)| &self.areas[area].competencies[competency])
    }

    /// The area holding the competency `id`.
    pub fn area_of(&self, id: &str) -> Option<&Area> {
        self.competency_index
            .get(id)
            .map(|&(area, _)| &self.areas[area])
    }
}

/// One person's scores, checked against a ladder and a target level.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub person: String,
    pub assessor: Option<String>,
    pub date: Option<String>,
    pub target: LevelId,
    /// Competencies scored, or given evidence without a score, in file order; one left empty
    /// is simply absent.
    pub ratings: Vec<Rating>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    pub competency: CompetencyId,
    /// `None`: not scored yet, but with evidence written down.
    pub score: Option<Score>,
    pub evidence: Option<String>,
}
