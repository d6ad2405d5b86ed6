//! `ladder diff`: what changes between two levels of a ladder, and what an edit to a ladder file
//! changed, level by level. Returns values only; `render` writes them out.

use foldhash::{HashMap, HashSet};

use serde::Serialize;

use crate::model::{Area, Competency, Ladder, Level, Relation, SignalMode};

/// How one competency's expectation differs between two levels, or two versions of a ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub id: String,
    pub area: String,
    pub title: String,
    /// The score expected before and after; `None` where the competency is not expected.
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// `to - from`, counting no expectation as 0: positive when the expectation is raised.
    pub change: i64,
    /// At most [`MAX_LISTED`] of them; the rest are counted in `more_added`.
    pub added_signals: Vec<String>,
    pub removed_signals: Vec<String>,
    #[serde(skip_serializing_if = "is_zero")]
    pub more_added: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub more_removed: usize,
}

/// The most signals a change lists each way. A level shows the signals of every level below
/// it, so two unrelated versions of a large ladder differ by every signal at every level:
/// past this many they are counted, so that output stays in proportion to the files.
pub const MAX_LISTED: usize = 50;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Change {
    pub fn is_unchanged(&self) -> bool {
        self.from == self.to
            && self.added_signals.is_empty()
            && self.removed_signals.is_empty()
            && self.more_added == 0
            && self.more_removed == 0
    }
}

/// How many expected scores go up, stay, or go down.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub raised: usize,
    pub unchanged: usize,
    pub lowered: usize,
}

impl Tally {
    fn count(&mut self, change: &Change) {
        match change.change {
            c if c > 0 => self.raised += 1,
            0 => self.unchanged += 1,
            _ => self.lowered += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub id: String,
    pub title: String,
}

impl Named {
    fn level(level: &Level) -> Self {
        Named {
            id: level.id.to_string(),
            title: level.title.clone(),
        }
    }
}

/// How the level compared to stands to the level compared from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "direction", rename_all = "kebab-case")]
pub enum Step {
    Same,
    /// `to` is on the way up from `from`.
    Up,
    Down,
    /// On different tracks, which part after `fork`.
    Across {
        fork: String,
        from_track: Option<String>,
        to_track: Option<String>,
    },
}

impl Step {
    fn between(ladder: &Ladder, from: &Level, to: &Level) -> Step {
        match ladder.relation(from, to) {
            Relation::Same => Step::Same,
            Relation::Up => Step::Up,
            Relation::Down => Step::Down,
            Relation::Across { fork } => Step::Across {
                fork: fork.id.to_string(),
                from_track: ladder.track_of(from).map(str::to_owned),
                to_track: ladder.track_of(to).map(str::to_owned),
            },
        }
    }
}

/// What changes from one level of a ladder to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelDiff {
    pub ladder: String,
    pub ladder_title: String,
    /// The level compared from, by id.
    pub from: String,
    pub from_title: String,
    /// The level compared to, by id.
    pub to: String,
    pub to_title: String,
    /// How the two levels stand: one above the other, or on different tracks.
    pub step: Step,
    /// Changed competencies, or every competency when asked for all; in ladder order.
    pub competencies: Vec<Change>,
    /// Competencies left out because the two levels expect exactly the same of them.
    pub omitted: usize,
    pub areas: Vec<Tally>,
    pub summary: Tally,
}

/// Compares what `from` and `to`, two levels of `ladder`, expect. Signals add up level by level,
/// so a level's signals are its own and those of every level on the way up to it; two levels on
/// different tracks are compared the same way, as a move across rather than up or down.
pub fn levels(ladder: &Ladder, from: &Level, to: &Level, all: bool) -> LevelDiff {
    let linear = !ladder.has_tracks();
    let changes: Vec<(&Area, Change)> = ladder
        .competencies()
        .map(|(area, competency)| (area, level_change(area, competency, (from, to), linear)))
        .collect();
    let mut summary = Tally::default();
    let areas = ladder
        .areas
        .iter()
        .map(|area| {
            let mut tally = Tally {
                id: area.id.to_string(),
                title: area.title.clone(),
                ..Tally::default()
            };
            for (_, change) in changes.iter().filter(|(a, _)| a.id == area.id) {
                tally.count(change);
                summary.count(change);
            }
            tally
        })
        .collect();
    let total = changes.len();
    let competencies: Vec<Change> = changes
        .into_iter()
        .map(|(_, change)| change)
        .filter(|change| all || !change.is_unchanged())
        .collect();
    LevelDiff {
        ladder: ladder.id.to_string(),
        ladder_title: ladder.title.clone(),
        from: from.id.to_string(),
        from_title: from.title.clone(),
        to: to.id.to_string(),
        to_title: to.title.clone(),
        step: Step::between(ladder, from, to),
        omitted: total - competencies.len(),
        competencies,
        areas,
        summary,
    }
}

fn level_change(
    area: &Area,
    competency: &Competency,
    (from, to): (&Level, &Level),
    linear: bool,
) -> Change {
    let signals = Cumulative::of(competency);
    let pair = Pair::new(&signals, &signals);
    let pair = Pair::if_cumulative(competency, competency, linear, &pair);
    compare(area, competency, (competency, from), (competency, to), pair)
}

/// The change from one expectation (a score and its signals) to another: `before` and
/// `after` are a competency at a level, their signals compared through `pair` when both
/// add up level by level, else list against list.
fn compare(
    area: &Area,
    competency: &Competency,
    before: (&Competency, &Level),
    after: (&Competency, &Level),
    pair: Option<&Pair>,
) -> Change {
    let (from, to) = (
        before.0.expected(before.1).map(|s| s.value()),
        after.0.expected(after.1).map(|s| s.value()),
    );
    let (added, removed) = match pair {
        Some(pair) => {
            let (old_shown, new_shown) = (pair.old.shown(before.1), pair.new.shown(after.1));
            (
                pair.added(old_shown, new_shown),
                pair.removed(old_shown, new_shown),
            )
        }
        None => {
            let (old, new) = (before.0.signals_at(before.1), after.0.signals_at(after.1));
            (missing_from(&new, &old), missing_from(&old, &new))
        }
    };
    let (added, more_added) = listed(added);
    let (removed, more_removed) = listed(removed);
    Change {
        id: competency.id.to_string(),
        area: area.id.to_string(),
        title: competency.title.clone(),
        from,
        to,
        change: i64::from(to.unwrap_or(0)) - i64::from(from.unwrap_or(0)),
        added_signals: added,
        removed_signals: removed,
        more_added,
        more_removed,
    }
}

/// A competency's signals, each once, in the order its levels show them: a level shows the
/// first `shown(level)` of them, its own and those of every level below it.
struct Cumulative<'a> {
    order: Vec<&'a str>,
    /// How many of `order` each level shows, by rank.
    shown: Vec<usize>,
}

impl<'a> Cumulative<'a> {
    fn of(competency: &'a Competency) -> Self {
        let mut seen: HashSet<&str> = HashSet::default();
        let mut order = Vec::new();
        let mut shown = Vec::new();
        for expectation in &competency.expectations {
            for signal in expectation.iter().flat_map(|e| &e.signals) {
                if seen.insert(signal.text.as_str()) {
                    order.push(signal.text.as_str());
                }
            }
            shown.push(order.len());
        }
        Cumulative { order, shown }
    }

    fn shown(&self, level: &Level) -> usize {
        self.shown[level.rank]
    }
}

/// Two competencies' signals (one competency's, for two levels of it), each signal's place in
/// the other's order found once, so that comparing them at every level costs no hashing.
struct Pair<'a, 'b> {
    old: &'b Cumulative<'a>,
    new: &'b Cumulative<'a>,
    /// Where each of `new.order` stands in `old.order`, if it does; and the other way round.
    new_in_old: Vec<Option<usize>>,
    old_in_new: Vec<Option<usize>>,
}

impl<'a, 'b> Pair<'a, 'b> {
    /// `pair`, when both competencies' signals add up level by level along ladders that do
    /// not fork (`linear`), so that a level shows a prefix of them; otherwise nothing, and
    /// levels are compared list against list.
    fn if_cumulative<'p>(
        before: &Competency,
        after: &Competency,
        linear: bool,
        pair: &'p Pair<'a, 'b>,
    ) -> Option<&'p Pair<'a, 'b>> {
        let cumulative = |c: &Competency| c.signals == SignalMode::Cumulative;
        (linear && cumulative(before) && cumulative(after)).then_some(pair)
    }

    fn new(old: &'b Cumulative<'a>, new: &'b Cumulative<'a>) -> Self {
        fn places<'a>(within: &Cumulative<'a>) -> HashMap<&'a str, usize> {
            within
                .order
                .iter()
                .enumerate()
                .map(|(i, s)| (*s, i))
                .collect()
        }
        let (in_old, in_new) = (places(old), places(new));
        Pair {
            old,
            new,
            new_in_old: new.order.iter().map(|s| in_old.get(s).copied()).collect(),
            old_in_new: old.order.iter().map(|s| in_new.get(s).copied()).collect(),
        }
    }

    /// The signals the new side shows and the old does not, in the new side's order.
    fn added(&self, old_shown: usize, new_shown: usize) -> Vec<&'a str> {
        missing(&self.new.order[..new_shown], &self.new_in_old, old_shown)
    }

    fn removed(&self, old_shown: usize, new_shown: usize) -> Vec<&'a str> {
        missing(&self.old.order[..old_shown], &self.old_in_new, new_shown)
    }
}

/// The items of `these` that the other side does not show: not in it at all, or past the
/// `shown` it shows.
fn missing<'a>(these: &[&'a str], elsewhere: &[Option<usize>], shown: usize) -> Vec<&'a str> {
    these
        .iter()
        .zip(elsewhere)
        .filter(|(_, place)| place.is_none_or(|at| at >= shown))
        .map(|(signal, _)| *signal)
        .collect()
}

/// The first [`MAX_LISTED`] signals, and how many more there are.
fn listed(signals: Vec<&str>) -> (Vec<String>, usize) {
    let more = signals.len().saturating_sub(MAX_LISTED);
    let shown = signals
        .into_iter()
        .take(MAX_LISTED)
        .map(str::to_owned)
        .collect();
    (shown, more)
}

/// The items of `these` that `those` lacks, in order, each once: a ladder may repeat a signal
/// at two levels (it is warned about), but a change lists it once.
fn missing_from<'a>(these: &[&'a str], those: &[&str]) -> Vec<&'a str> {
    let those: HashSet<&str> = those.iter().copied().collect();
    let mut listed: HashSet<&str> = HashSet::default();
    these
        .iter()
        .copied()
        .filter(|s| !those.contains(s) && listed.insert(s))
        .collect()
}

/// What an edit to a ladder changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionDiff {
    /// Whether anything a person is assessed against changed; false for "no changes".
    pub changed: bool,
    pub old: String,
    pub new: String,
    pub ladder: String,
    /// The ladder's id or title, when the edit changed them.
    pub renamed: Option<Renamed>,
    pub levels_added: Vec<String>,
    pub levels_removed: Vec<String>,
    /// The levels in both versions, in their new order, when that order changed.
    pub levels_reordered: Option<Vec<String>>,
    pub scale: ScaleChanges,
    pub competencies_added: Vec<Added>,
    pub competencies_removed: Vec<Named>,
    pub competencies_moved: Vec<Moved>,
    pub weights_changed: Vec<Reweighted>,
    /// Titles and descriptions of levels, areas, competencies and scale scores that changed.
    pub reworded: Vec<Reworded>,
    /// For every level in both versions (or the one asked for), what changed in it.
    pub levels: Vec<LevelChanges>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScaleChanges {
    pub added: Vec<u32>,
    pub removed: Vec<u32>,
    pub relabelled: Vec<Relabelled>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relabelled {
    pub score: u32,
    pub from: String,
    pub to: String,
}

/// A new competency and what each level of the new ladder expects of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Added {
    pub id: String,
    pub area: String,
    pub title: String,
    pub expected: Vec<Expected>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expected {
    pub level: String,
    pub score: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moved {
    pub id: String,
    pub title: String,
    pub from_area: String,
    pub to_area: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Renamed {
    pub from: Named,
    pub to: Named,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reweighted {
    pub id: String,
    pub from: f64,
    pub to: f64,
}

/// A title or description that changed: `what` names it, such as "title of level `senior`".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reworded {
    pub what: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelChanges {
    pub level: Named,
    /// Competencies in both versions whose expectation at this level changed, in new ladder order.
    pub changes: Vec<Change>,
}

impl VersionDiff {
    /// Whether the edit changed nothing a person is assessed against.
    pub fn is_empty(&self) -> bool {
        self.renamed.is_none()
            && self.levels_added.is_empty()
            && self.levels_removed.is_empty()
            && self.levels_reordered.is_none()
            && self.weights_changed.is_empty()
            && self.reworded.is_empty()
            && self.scale == ScaleChanges::default()
            && self.competencies_added.is_empty()
            && self.competencies_removed.is_empty()
            && self.competencies_moved.is_empty()
            && self.levels.iter().all(|level| level.changes.is_empty())
    }
}

/// Compares two versions of a ladder, matching levels, areas and competencies by id. `only`
/// limits the per-level changes to one level present in both.
pub fn versions(
    old: &Ladder,
    new: &Ladder,
    names: (&str, &str),
    only: Option<&str>,
) -> VersionDiff {
    let old_ids: Vec<&str> = old.level_ids().collect();
    let new_ids: Vec<&str> = new.level_ids().collect();
    let pairs: Vec<(&Level, &Level)> = new
        .levels
        .iter()
        .filter(|level| only.is_none_or(|id| level.id.as_str() == id))
        .filter_map(|level| {
            old.level(level.id.as_str())
                .map(|old_level| (old_level, level))
        })
        .collect();
    let levels = pairs
        .iter()
        .zip(version_changes(old, new, &pairs))
        .map(|((_, new_level), changes)| LevelChanges {
            level: Named::level(new_level),
            changes,
        })
        .collect();
    let mut diff = VersionDiff {
        changed: true,
        old: names.0.to_owned(),
        new: names.1.to_owned(),
        ladder: new.id.to_string(),
        renamed: renamed(old, new),
        levels_added: owned(missing_from(&new_ids, &old_ids)),
        levels_removed: owned(missing_from(&old_ids, &new_ids)),
        levels_reordered: reordered(&old_ids, &new_ids),
        scale: scale_changes(old, new),
        competencies_added: added_competencies(old, new),
        competencies_removed: removed_competencies(old, new),
        competencies_moved: moved_competencies(old, new),
        weights_changed: weights_changed(old, new),
        reworded: reworded(old, new),
        levels,
    };
    diff.changed = !diff.is_empty();
    diff
}

fn owned(ids: Vec<&str>) -> Vec<String> {
    ids.into_iter().map(str::to_owned).collect()
}

fn renamed(old: &Ladder, new: &Ladder) -> Option<Renamed> {
    let named = |ladder: &Ladder| Named {
        id: ladder.id.to_string(),
        title: ladder.title.clone(),
    };
    (old.id != new.id || old.title != new.title).then(|| Renamed {
        from: named(old),
        to: named(new),
    })
}

/// The levels both versions have, in their new order, when that order is not the old one.
fn reordered(old_ids: &[&str], new_ids: &[&str]) -> Option<Vec<String>> {
    let common = |ids: &[&str], others: &[&str]| -> Vec<String> {
        let others: HashSet<&str> = others.iter().copied().collect();
        ids.iter()
            .filter(|id| others.contains(*id))
            .map(|id| id.to_string())
            .collect()
    };
    let (before, after) = (common(old_ids, new_ids), common(new_ids, old_ids));
    (before != after).then_some(after)
}

fn removed_competencies(old: &Ladder, new: &Ladder) -> Vec<Named> {
    old.competencies()
        .filter(|(_, c)| new.competency(c.id.as_str()).is_none())
        .map(|(_, c)| Named {
            id: c.id.to_string(),
            title: c.title.clone(),
        })
        .collect()
}

/// Every title and description, keyed by what it belongs to, in ladder order. Scale labels
/// are left out: [`ScaleChanges`] reports them.
fn texts(ladder: &Ladder) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    let mut add = |thing: String, title: Option<&str>, description: &str| {
        if let Some(title) = title {
            texts.push((format!("title of {thing}"), title.to_owned()));
        }
        texts.push((format!("description of {thing}"), description.to_owned()));
    };
    // The ladder's own title is reported with its id, as a rename.
    add("the ladder".to_owned(), None, &ladder.description);
    for point in ladder.scale.points() {
        add(
            format!("scale score {}", point.score),
            None,
            &point.description,
        );
    }
    for level in &ladder.levels {
        add(
            format!("level `{}`", level.id),
            Some(&level.title),
            &level.description,
        );
    }
    for area in &ladder.areas {
        add(
            format!("area `{}`", area.id),
            Some(&area.title),
            &area.description,
        );
    }
    for (_, competency) in ladder.competencies() {
        add(
            format!("competency `{}`", competency.id),
            Some(&competency.title),
            &competency.description,
        );
    }
    texts
}

/// The titles and descriptions both versions have, where the words differ.
fn reworded(old: &Ladder, new: &Ladder) -> Vec<Reworded> {
    let before: HashMap<String, String> = texts(old).into_iter().collect();
    texts(new)
        .into_iter()
        .filter_map(|(what, to)| {
            let from = before.get(&what)?;
            (*from != to).then(|| Reworded {
                what,
                from: from.clone(),
                to,
            })
        })
        .collect()
}

fn weights_changed(old: &Ladder, new: &Ladder) -> Vec<Reweighted> {
    new.competencies()
        .filter_map(|(_, c)| {
            let before = old.competency(c.id.as_str())?.weight;
            (before != c.weight).then(|| Reweighted {
                id: c.id.to_string(),
                from: before,
                to: c.weight,
            })
        })
        .collect()
}

/// Changes at one level; signals are compared as the level shows them, with those of the
/// levels below it, so moving a signal down a level does not read as dropping it.
fn version_changes(old: &Ladder, new: &Ladder, pairs: &[(&Level, &Level)]) -> Vec<Vec<Change>> {
    let mut by_level: Vec<Vec<Change>> = pairs.iter().map(|_| Vec::new()).collect();
    // Asked once: whether a level's signals are a prefix of the competency's, for every one.
    let linear = !old.has_tracks() && !new.has_tracks();
    for (area, competency) in new.competencies() {
        let Some(before) = old.competency(competency.id.as_str()) else {
            continue;
        };
        let (old_signals, new_signals) = (Cumulative::of(before), Cumulative::of(competency));
        let pair = Pair::new(&old_signals, &new_signals);
        let pair = Pair::if_cumulative(before, competency, linear, &pair);
        for (changes, (old_level, new_level)) in by_level.iter_mut().zip(pairs) {
            let change = compare(
                area,
                competency,
                (before, old_level),
                (competency, new_level),
                pair,
            );
            if !change.is_unchanged() {
                changes.push(change);
            }
        }
    }
    by_level
}

fn scale_changes(old: &Ladder, new: &Ladder) -> ScaleChanges {
    let scores = |ladder: &Ladder| {
        ladder
            .scale
            .points()
            .iter()
            .map(|p| p.score.value())
            .collect::<Vec<_>>()
    };
    let (old_scores, new_scores) = (scores(old), scores(new));
    ScaleChanges {
        added: new_scores
            .iter()
            .copied()
            .filter(|&s| old.scale.point(s).is_none())
            .collect(),
        removed: old_scores
            .iter()
            .copied()
            .filter(|&s| new.scale.point(s).is_none())
            .collect(),
        relabelled: new
            .scale
            .points()
            .iter()
            .filter_map(|point| {
                let before = old.scale.point(point.score.value())?;
                (before.label != point.label).then(|| Relabelled {
                    score: point.score.value(),
                    from: before.label.clone(),
                    to: point.label.clone(),
                })
            })
            .collect(),
    }
}

fn added_competencies(old: &Ladder, new: &Ladder) -> Vec<Added> {
    new.competencies()
        .filter(|(_, c)| old.competency(c.id.as_str()).is_none())
        .map(|(area, c)| Added {
            id: c.id.to_string(),
            area: area.id.to_string(),
            title: c.title.clone(),
            expected: new
                .levels
                .iter()
                .filter_map(|l| {
                    Some(Expected {
                        level: l.id.to_string(),
                        score: c.expected(l)?.value(),
                    })
                })
                .collect(),
        })
        .collect()
}

fn moved_competencies(old: &Ladder, new: &Ladder) -> Vec<Moved> {
    new.competencies()
        .filter_map(|(new_area, c)| {
            let old_area = old.area_of(c.id.as_str())?;
            (old_area.id != new_area.id).then(|| Moved {
                id: c.id.to_string(),
                title: c.title.clone(),
                from_area: old_area.id.to_string(),
                to_area: new_area.id.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_lists_fifty_signals_each_way_and_counts_the_rest() {
        let many: Vec<String> = (0..60).map(|i| format!("s{i}")).collect();
        let (shown, more) = listed(many.iter().map(String::as_str).collect());
        assert_eq!((shown.len(), more), (MAX_LISTED, 10));
        assert_eq!(shown[49], "s49");
    }

    #[test]
    fn signals_are_compared_as_each_level_shows_them() {
        fn ladder(levels: [&'static [&'static str]; 3]) -> Cumulative<'static> {
            let mut total = 0;
            let shown = levels
                .iter()
                .map(|level| {
                    total += level.len();
                    total
                })
                .collect();
            Cumulative {
                order: levels.concat(),
                shown,
            }
        }
        // A signal moved down a level, one dropped, one added at the top.
        let old = ladder([&["a"], &["b", "c"], &["d"]]);
        let new = ladder([&["a", "b"], &["c"], &["e"]]);
        let pair = Pair::new(&old, &new);
        assert_eq!(pair.added(old.shown[0], new.shown[0]), ["b"]);
        assert!(pair.removed(old.shown[1], new.shown[1]).is_empty());
        assert_eq!(pair.added(old.shown[2], new.shown[2]), ["e"]);
        assert_eq!(pair.removed(old.shown[2], new.shown[2]), ["d"]);
    }

    #[test]
    fn a_change_lists_each_signal_once() {
        let these = ["Writes tests", "Reviews code", "Writes tests"];
        assert_eq!(missing_from(&these, &["Reviews code"]), ["Writes tests"]);
        assert!(missing_from(&these, &these).is_empty());
    }
}
