//! Checking a ladder file: every id, score and expectation, every problem reported at once.

use foldhash::{HashMap, HashSet};
use std::sync::Arc;

use super::check::{Findings, Loaded};
use super::raw::{
    RawArea, RawCompetency, RawLadder, RawReadiness, RawScalePoint, RawSignal, ScoreField,
};
use super::source::{Position, Source};
use super::yaml::{Located, Scalar, Text};
use crate::diagnostic::{Code, Found};
use crate::model::{
    Area, AreaId, Competency, CompetencyId, Expectation, Ladder, LadderId, Level, LevelId,
    Readiness, Scale, Score, Signal, SignalMode,
};
use crate::policy::Policy;
use crate::wording;

/// Checks a parsed ladder; on success the ladder and its warnings, otherwise every finding.
pub fn check(
    raw: &RawLadder,
    source: &Arc<Source>,
    policy: &Policy,
) -> Result<Loaded<Ladder>, Found> {
    let mut findings = Findings::new(source, policy);
    findings.id(&raw.id, "ladder");
    let description = findings.description(raw.description.as_ref(), &raw.id, "ladder");
    let mode = check_signal_mode(&mut findings, raw.signals.as_ref());
    let readiness = check_readiness(&mut findings, raw.readiness.as_deref());
    let scale = check_scale(&mut findings, &raw.scale);
    let levels = check_levels(&mut findings, raw);
    let areas = check_areas(&mut findings, raw, &scale, &levels, mode);
    findings.finish(|| {
        Ladder::new(
            LadderId::new(&raw.id.value.0),
            raw.title.value.0.clone(),
            description,
            (mode, readiness),
            scale,
            levels,
            areas,
        )
    })
}

fn check_signal_mode(findings: &mut Findings, mode: Option<&Located<Text>>) -> SignalMode {
    match mode.map(|mode| (mode.value.0.as_str(), mode.at)) {
        None | Some(("cumulative", _)) => SignalMode::Cumulative,
        Some(("per-level", _)) => SignalMode::PerLevel,
        Some((other, at)) => {
            findings
                .error(
                    Code::WrongType,
                    format!("`signals` is `cumulative` or `per-level`, not `{other}`"),
                    at,
                )
                .help = Some(
                "`cumulative`: each level lists what it adds; `per-level`: each lists all it expects"
                    .to_owned(),
            );
            SignalMode::Cumulative
        }
    }
}

/// The readiness rule: whole numbers from 0 up, each defaulting as [`Readiness`] does.
fn check_readiness(findings: &mut Findings, raw: Option<&Located<RawReadiness>>) -> Readiness {
    let mut readiness = Readiness::default();
    let Some(raw) = raw else {
        return readiness;
    };
    let mut count = |field: &Option<Located<Scalar>>, name: &str, into: &mut u32| {
        let Some(field) = field else { return };
        let what = format!("`readiness.{name}`");
        let Some(value) = findings.integer(&field.value, field.at, &what) else {
            return;
        };
        match u32::try_from(value) {
            Ok(value) => *into = value,
            Err(_) => {
                findings
                    .error(
                        Code::WrongType,
                        format!("{what} is a count, 0 or more, not {value}"),
                        field.at,
                    )
                    .help = Some(format!("such as `{name}: 1`"));
            }
        }
    };
    count(
        &raw.value.allow_below,
        "allow_below",
        &mut readiness.allow_below,
    );
    count(&raw.value.max_gap, "max_gap", &mut readiness.max_gap);
    readiness
}

/// Each level's rank, by id, for the expectations to find their level in.
type Ranks<'a> = HashMap<&'a str, usize>;

fn check_scale(findings: &mut Findings, raw: &Located<Vec<RawScalePoint>>) -> Scale {
    if raw.value.is_empty() {
        findings
            .error(Code::EmptyScale, "the scale has no scores", raw.at)
            .help =
            Some("list at least one score, such as `- {score: 1, label: Learning}`".to_owned());
    }
    let mut points: Vec<(u32, String, String)> = Vec::new();
    for point in &raw.value {
        let Some(value) = findings.integer(&point.score.value, point.score.at, "scale score")
        else {
            continue;
        };
        let Ok(value) = u32::try_from(value) else {
            findings.error(
                Code::WrongType,
                format!("scale score {value} is not a whole number from 0 up"),
                point.score.at,
            );
            continue;
        };
        if let Some(&(previous, _, _)) = points.last()
            && value <= previous
        {
            let problem = if value == previous {
                "is repeated".to_owned()
            } else {
                format!("comes after {previous}")
            };
            findings
                .error(
                    Code::ScaleNotAscending,
                    format!("scale score {value} {problem}"),
                    point.score.at,
                )
                .help = Some("list the scale's scores once each, in ascending order".to_owned());
            continue;
        }
        let description =
            findings.description(point.description.as_ref(), &point.label, "scale label");
        points.push((value, point.label.value.0.clone(), description));
    }
    Scale::new(points)
}

/// The most levels a ladder has. Real ladders have a handful; a bound keeps what compares
/// levels (a diff shows each level with those below it) linear in the file's size.
pub const MAX_LEVELS: usize = 50;

fn check_levels(findings: &mut Findings, raw: &RawLadder) -> Vec<Level> {
    if raw.levels.value.is_empty() {
        findings
            .error(Code::EmptyLevels, "the ladder has no levels", raw.levels.at)
            .help = Some("list the levels, most junior first".to_owned());
    }
    if raw.levels.value.len() > MAX_LEVELS {
        findings
            .error(
                Code::TooManyLevels,
                format!(
                    "the ladder has {} levels, more than the {MAX_LEVELS} a ladder may have",
                    raw.levels.value.len()
                ),
                raw.levels.at,
            )
            .help = Some(
            "a track has a handful of levels; give another job family a ladder of its own"
                .to_owned(),
        );
    }
    let mut seen = Seen::default();
    let mut levels: Vec<Level> = raw
        .levels
        .value
        .iter()
        .enumerate()
        .map(|(rank, level)| {
            findings.id(&level.id, "level");
            seen.check(findings, &level.id, "level");
            Level {
                id: LevelId::new(&level.id.value.0),
                title: level.title.value.0.clone(),
                description: findings.description(level.description.as_ref(), &level.id, "level"),
                track: level.track.as_ref().map(|track| track.value.0.clone()),
                rank,
                parent: rank.checked_sub(1),
                path: Vec::new(),
            }
        })
        .collect();
    check_after(findings, raw, &mut levels);
    levels
}

/// Each level's `after:`, if it has one, names the level it follows; every level's way up from
/// the first is then found, and a level that never reaches the first (it follows itself
/// through others) is an error.
fn check_after(findings: &mut Findings, raw: &RawLadder, levels: &mut [Level]) {
    let ranks: HashMap<String, usize> = levels
        .iter()
        .rev()
        .map(|level| (level.id.to_string(), level.rank))
        .collect();
    for (rank, raw_level) in raw.levels.value.iter().enumerate() {
        let Some(after) = &raw_level.after else {
            continue;
        };
        let name = after.value.0.as_str();
        match ranks.get(name) {
            Some(&parent) => levels[rank].parent = Some(parent),
            None => {
                let help = findings.suggest(|| level_help(name, levels));
                let message = format!(
                    "level `{}` comes after an unknown level `{name}`",
                    levels[rank].id
                );
                findings.error(Code::UnknownLevel, message, after.at).help = help;
                // Keeps the default: the level listed before it.
            }
        }
    }
    let paths: Vec<Option<Vec<usize>>> = (0..levels.len())
        .map(|rank| way_up(findings, raw, levels, rank))
        .collect();
    let looped = paths.iter().any(Option::is_none);
    for (level, path) in levels.iter_mut().zip(paths) {
        // A level in a loop has been told; what it keeps only has to be sound.
        level.path = path.unwrap_or_else(|| {
            level.parent = None;
            vec![level.rank]
        });
    }
    // With a loop, the branches are not what the file means: the loop is the thing to fix.
    if !looped {
        warn_misplaced_tracks(findings, raw, levels);
    }
}

/// A `track:` names a branch, so it belongs on a level that starts one: a level that follows
/// one that another level follows too. Elsewhere it names nothing the matrix can show.
fn warn_misplaced_tracks(findings: &mut Findings, raw: &RawLadder, levels: &[Level]) {
    let mut followers = vec![0_usize; levels.len()];
    for parent in levels.iter().filter_map(|level| level.parent) {
        followers[parent] += 1;
    }
    for (level, raw_level) in levels.iter().zip(&raw.levels.value) {
        let Some(track) = &raw_level.track else {
            continue;
        };
        let starts_a_branch = level.parent.is_some_and(|parent| followers[parent] > 1);
        if !starts_a_branch {
            let why = match level.parent {
                Some(parent) => format!(
                    "it follows `{}`, which no other level follows",
                    levels[parent].id
                ),
                None => "it is the first level".to_owned(),
            };
            findings
                .warning(
                    Code::MisplacedTrack,
                    format!(
                        "level `{}` names a track but starts no branch: {why}",
                        level.id
                    ),
                    track.at,
                )
                .help = Some(
                "put `track:` on the first level of a branch, one that says `after:` a level \
                 that others follow too"
                    .to_owned(),
            );
        }
    }
}

/// The ranks from the first level up to `rank`, if following each level's parent from `rank`
/// reaches the first level; otherwise `None`, and the loop told (once, by the first level in
/// it, in file order, that says `after:`).
fn way_up(
    findings: &mut Findings,
    raw: &RawLadder,
    levels: &[Level],
    rank: usize,
) -> Option<Vec<usize>> {
    let mut walk = vec![rank];
    let mut at = rank;
    while let Some(parent) = levels[at].parent {
        if let Some(start) = walk.iter().position(|&r| r == parent) {
            let cycle = &walk[start..];
            let first = cycle
                .iter()
                .copied()
                .filter(|&r| raw.levels.value[r].after.is_some())
                .min();
            if first == Some(rank) {
                report_cycle(findings, raw, levels, cycle);
            }
            return None;
        }
        walk.push(parent);
        at = parent;
    }
    walk.reverse();
    Some(walk)
}

/// `cycle` starts at the level that tells it, and each next rank is the one before's parent.
fn report_cycle(findings: &mut Findings, raw: &RawLadder, levels: &[Level], cycle: &[usize]) {
    let rank = cycle[0];
    let Some(after) = &raw.levels.value[rank].after else {
        return;
    };
    let mut names: Vec<String> = cycle
        .iter()
        .map(|&r| format!("`{}`", levels[r].id))
        .collect();
    names.push(names[0].clone());
    findings
        .error(
            Code::LevelCycle,
            format!(
                "level `{}` comes after itself: {}",
                levels[rank].id,
                names.join(" after ")
            ),
            after.at,
        )
        .help = Some(
        "every level's way up starts at the first level; name a level on that way in `after:`"
            .to_owned(),
    );
}

fn check_areas(
    findings: &mut Findings,
    raw: &RawLadder,
    scale: &Scale,
    levels: &[Level],
    mode: SignalMode,
) -> Vec<Area> {
    if raw.areas.value.is_empty() {
        findings.error(Code::EmptyAreas, "the ladder has no areas", raw.areas.at);
    }
    let mut area_ids = Seen::default();
    let mut ids = LadderIds::default();
    let mut ranks = Ranks::default();
    for level in levels {
        ranks.entry(level.id.as_str()).or_insert(level.rank);
    }
    let levels = Levels {
        all: levels,
        ranks: &ranks,
        mode,
    };
    raw.areas
        .value
        .iter()
        .map(|area| {
            findings.id(&area.id, "area");
            area_ids.check(findings, &area.id, "area");
            check_area(findings, area, scale, &levels, &mut ids)
        })
        .collect()
}

/// The ids that must be unique across the whole ladder, in whichever area they are.
#[derive(Default)]
struct LadderIds {
    competencies: Seen,
    signals: SignalIds,
}

/// Each signal id met so far, with the line it was first met on and the signal's text (as
/// [`signal_key`] has it): a per-level ladder may restate a signal, id and all, at another
/// level, but one id may not name two signals.
#[derive(Default)]
struct SignalIds {
    first: HashMap<String, (usize, String)>,
}

impl SignalIds {
    fn check(&mut self, findings: &mut Findings, id: &Located<Text>, text: &str) {
        let name = &id.value.0;
        match self.first.get(name) {
            Some((_, first)) if *first == signal_key(text) => {}
            Some(&(line, _)) => {
                findings
                    .error(
                        Code::DuplicateId,
                        format!("duplicate signal id `{name}`"),
                        id.at,
                    )
                    .help = Some(format!(
                    "`{name}` names another signal on line {line}; an id names one signal"
                ));
            }
            None => {
                self.first
                    .insert(name.clone(), (id.at.line, signal_key(text)));
            }
        }
    }
}

/// The ladder's levels, in order and by id, and how their signals are written.
struct Levels<'a> {
    all: &'a [Level],
    ranks: &'a Ranks<'a>,
    mode: SignalMode,
}

fn check_area(
    findings: &mut Findings,
    area: &RawArea,
    scale: &Scale,
    levels: &Levels,
    ids: &mut LadderIds,
) -> Area {
    if area.competencies.value.is_empty() {
        findings.error(
            Code::EmptyArea,
            format!("area `{}` has no competencies", area.id.value.0),
            area.competencies.at,
        );
    }
    Area {
        id: AreaId::new(&area.id.value.0),
        title: area.title.value.0.clone(),
        description: findings.description(area.description.as_ref(), &area.id, "area"),
        competencies: area
            .competencies
            .value
            .iter()
            .map(|competency| {
                findings.id(&competency.id, "competency");
                ids.competencies
                    .check(findings, &competency.id, "competency");
                check_competency(findings, competency, scale, levels, &mut ids.signals)
            })
            .collect(),
    }
}

fn check_competency(
    findings: &mut Findings,
    raw: &RawCompetency,
    scale: &Scale,
    levels: &Levels,
    signal_ids: &mut SignalIds,
) -> Competency {
    let name = &raw.id.value.0;
    let mut by_level = check_expectations(findings, raw, scale, levels, signal_ids);
    check_unsaid(findings, name, levels, &mut by_level);
    if levels.mode == SignalMode::Cumulative {
        check_repeats(findings, name, levels.all, &by_level);
    }
    check_decreases(findings, name, levels.all, &by_level);
    Competency {
        id: CompetencyId::new(name),
        title: raw.title.value.0.clone(),
        description: findings.description(raw.description.as_ref(), &raw.id, "competency"),
        weight: check_weight(findings, raw.weight.as_ref()),
        labels: check_labels(findings, raw, scale),
        expectations: by_level
            .into_iter()
            .map(|written| written.map(|written| written.expectation))
            .collect(),
        signals: levels.mode,
    }
}

/// Each expectation checked and put in its level's place; where it was written, for warnings.
/// A level left out is an error; one written `~` expects nothing, and keeps no place.
fn check_expectations(
    findings: &mut Findings,
    raw: &RawCompetency,
    scale: &Scale,
    levels: &Levels,
    signal_ids: &mut SignalIds,
) -> Vec<Option<Written>> {
    let name = &raw.id.value.0;
    let mut by_level: Vec<Option<Written>> = (0..levels.all.len()).map(|_| None).collect();
    let mut written: HashSet<&str> = HashSet::default();
    for (level_id, entry) in &raw.expectations.value.0 {
        let level_name = &level_id.value.0;
        let Some(&rank) = levels.ranks.get(level_name.as_str()) else {
            let help = findings.suggest(|| level_help(level_name, levels.all));
            let message = format!("unknown level `{level_name}` in competency `{name}`");
            findings
                .error(Code::UnknownLevel, message, level_id.at)
                .help = help;
            continue;
        };
        written.insert(level_name);
        if matches!(entry.value.score, ScoreField::Inline(Scalar::Null)) {
            // `staff: ~`: the competency is not part of this level.
            continue;
        }
        let at = (name.as_str(), level_name.as_str());
        let signals = check_signals(findings, &entry.value.signals, at, signal_ids);
        if let Some(score) = findings.score(&entry.value.score, entry.at, scale) {
            let (signals, signal_at) = signals.into_iter().unzip();
            let expectation = Expectation { score, signals };
            by_level[rank] = Some(Written {
                expectation,
                at: entry.at,
                signal_at,
            });
        }
    }
    for level in levels
        .all
        .iter()
        .filter(|l| !written.contains(l.id.as_str()))
    {
        let message = format!(
            "competency `{name}` has no expectation for level `{}`",
            level.id
        );
        findings
            .error(Code::MissingExpectation, message, raw.id.at)
            .help = Some(format!(
            "add `{}: {{score: …, signals: […]}}` under `expectations`",
            level.id
        ));
    }
    by_level
}

/// An expectation as checked, with where it and each of its signals were written, for the
/// warnings that compare levels.
struct Written {
    expectation: Expectation,
    at: Position,
    signal_at: Vec<Position>,
}

/// Each signal of one competency at one level (`at`): its text not blank nor listed twice,
/// its id (if any) a kebab-case id naming no other signal of the ladder, its examples not
/// blank, its links `http` or `https` addresses.
fn check_signals(
    findings: &mut Findings,
    signals: &[Located<RawSignal>],
    (competency, level): (&str, &str),
    ids: &mut SignalIds,
) -> Vec<(Signal, Position)> {
    let mut kept: Vec<(Signal, Position)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::default();
    for signal in signals {
        let text = signal.value.text().trim();
        if text.is_empty() {
            findings.warning(
                Code::MissingSignals,
                format!("competency `{competency}` has a blank signal at `{level}`"),
                signal.at,
            );
            continue;
        }
        if !seen.insert(signal_key(text)) {
            findings.warning(
                Code::RepeatedSignal,
                format!("competency `{competency}` lists the signal \"{text}\" twice at `{level}`"),
                signal.at,
            );
            continue;
        }
        let mut checked = Signal::text(text);
        if let RawSignal::Full(full) = &signal.value {
            if let Some(id) = &full.id {
                findings.id(id, "signal");
                ids.check(findings, id, text);
                checked.id = Some(id.value.0.clone());
            }
            checked.examples = full
                .examples
                .iter()
                .map(|example| example.value.0.trim().to_owned())
                .filter(|example| !example.is_empty())
                .collect();
            checked.links = full
                .links
                .iter()
                .filter(|link| check_link(findings, link))
                .map(|link| link.value.0.clone())
                .collect();
        }
        kept.push((checked, signal.at));
    }
    kept
}

/// A link is an `http` or `https` address of the characters an address may hold, so that
/// every format can show it as a link and none can be made to run or hide anything.
fn check_link(findings: &mut Findings, link: &Located<Text>) -> bool {
    let text = &link.value.0;
    let scheme = ["https://", "http://"]
        .iter()
        .find_map(|scheme| text.strip_prefix(scheme));
    let address_char = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
    let fine = scheme.is_some_and(|rest| !rest.is_empty() && rest.bytes().all(address_char));
    if !fine {
        findings
            .error(
                Code::InvalidLink,
                "a link is an `http` or `https` address".to_owned(),
                link.at,
            )
            .help = Some(
            "write the whole address, such as `https://example.com/guide`, with spaces and \
             other characters outside addresses percent-encoded"
                .to_owned(),
        );
    }
    fine
}

/// Signals are the same when they differ only in case or spacing: this is what they share.
fn signal_key(signal: &str) -> String {
    let mut key = String::with_capacity(signal.len());
    for word in signal.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// A level that lists no signals says nothing about what its score means, unless it expects
/// just what the level below does: then it has nothing new to say, and in a per-level ladder it
/// shows the signals of the level below.
fn check_unsaid(
    findings: &mut Findings,
    competency: &str,
    levels: &Levels,
    by_level: &mut [Option<Written>],
) {
    // Each level after the one it follows, so that a level below has its signals already.
    let mut order: Vec<&Level> = levels.all.iter().collect();
    order.sort_by_key(|level| level.path.len());
    for level in order {
        let rank = level.rank;
        let below = level.parent.and_then(|r| by_level[r].as_ref());
        let below = below.map(|w| {
            (
                w.expectation.score,
                w.expectation.signals.clone(),
                w.signal_at.clone(),
            )
        });
        let Some(written) = by_level[rank].as_mut() else {
            continue;
        };
        if !written.expectation.signals.is_empty() {
            continue;
        }
        match below {
            Some((score, signals, signal_at)) if score == written.expectation.score => {
                if levels.mode == SignalMode::PerLevel {
                    written.expectation.signals = signals;
                    written.signal_at = signal_at;
                }
            }
            _ => {
                let level = &levels.all[rank].id;
                findings
                    .warning(
                        Code::MissingSignals,
                        format!("competency `{competency}` lists no signals for level `{level}`"),
                        written.at,
                    )
                    .help = Some(
                    "add observable signals, so that people know what the score means".to_owned(),
                );
            }
        }
    }
}

/// In a cumulative ladder, a signal listed again at a more senior level is shown twice there.
/// The levels are walked depth first from the first, the signals on the way down kept in one
/// map (each with the first level to list it) and taken out again on the way back, so that
/// each signal is looked up once, whatever the shape of the tree.
fn check_repeats(
    findings: &mut Findings,
    competency: &str,
    levels: &[Level],
    by_level: &[Option<Written>],
) {
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); levels.len()];
    for level in levels {
        if let Some(parent) = level.parent {
            followers[parent].push(level.rank);
        }
    }
    let mut on_the_way: HashMap<String, usize> = HashMap::default();
    let mut added: Vec<Vec<String>> = vec![Vec::new(); levels.len()];
    let mut repeats: Vec<(usize, Position, String)> = Vec::new();
    // `(rank, true)` enters a level; `(rank, false)` leaves it.
    let mut stack: Vec<(usize, bool)> = levels
        .iter()
        .filter(|level| level.parent.is_none())
        .map(|level| (level.rank, true))
        .collect();
    while let Some((rank, entering)) = stack.pop() {
        if !entering {
            for key in added[rank].drain(..) {
                on_the_way.remove(&key);
            }
            continue;
        }
        stack.push((rank, false));
        stack.extend(followers[rank].iter().rev().map(|&next| (next, true)));
        let Some(written) = &by_level[rank] else {
            continue;
        };
        for (signal, signal_at) in written.expectation.signals.iter().zip(&written.signal_at) {
            let key = signal_key(&signal.text);
            match on_the_way.get(&key) {
                Some(&junior) => repeats.push((
                    rank,
                    *signal_at,
                    format!(
                        "competency `{competency}` repeats a signal of `{}` at `{}`: \"{}\"",
                        levels[junior].id, levels[rank].id, signal.text
                    ),
                )),
                None => {
                    on_the_way.insert(key.clone(), rank);
                    added[rank].push(key);
                }
            }
        }
    }
    // Told in file order, as every other finding is.
    repeats.sort_by_key(|(rank, _, _)| *rank);
    for (_, at, message) in repeats {
        findings.warning(Code::RepeatedSignal, message, at).help = Some(
            "signals add up level by level; list each one only at the most junior level that shows it"
                .to_owned(),
        );
    }
}

/// Warns where a more senior level expects less than a junior one.
fn check_decreases(
    findings: &mut Findings,
    competency: &str,
    levels: &[Level],
    by_level: &[Option<Written>],
) {
    for (level, written) in levels.iter().zip(by_level) {
        let Some(written) = written else { continue };
        let score = written.expectation.score;
        // The most any level on the way up to this one expects, and the last to expect it.
        let mut highest: Option<(&Level, Score)> = None;
        for &rank in &level.path[..level.path.len() - 1] {
            let Some(junior) = &by_level[rank] else {
                continue;
            };
            if highest.is_none_or(|(_, most)| junior.expectation.score >= most) {
                highest = Some((&levels[rank], junior.expectation.score));
            }
        }
        if let Some((junior, most)) = highest
            && score < most
        {
            findings.warning(
                Code::ExpectationDecreases,
                format!(
                    "competency `{competency}` expects {score} at `{}`, less than {most} at `{}`",
                    level.id, junior.id
                ),
                written.at,
            );
        }
    }
}

/// A competency's own names for its steps: each for a score on the scale, and not blank.
fn check_labels(
    findings: &mut Findings,
    raw: &RawCompetency,
    scale: &Scale,
) -> HashMap<Score, String> {
    let mut labels = HashMap::default();
    for (score, label) in raw.labels.iter().flat_map(|labels| &labels.value.0) {
        let written = score.value.0.trim();
        let value = written
            .parse::<i128>()
            .ok()
            .filter(|_| written.bytes().all(|b| b.is_ascii_digit()));
        let Some(value) = value.and_then(|v| scale.score(v)) else {
            findings
                .error(
                    Code::ScoreOffScale,
                    format!("`{written}` in `labels` is not a score on the scale"),
                    score.at,
                )
                .help = Some(format!("name scores the scale has: {}", scale.describe()));
            continue;
        };
        if label.value.0.trim().is_empty() {
            findings.error(
                Code::WrongType,
                format!("the label of score {value} is blank"),
                label.at,
            );
            continue;
        }
        labels.insert(value, label.value.0.trim().to_owned());
    }
    labels
}

/// Weights compare competencies; beyond this they only risk overflowing the arithmetic.
const MAX_WEIGHT: f64 = 1000.0;

fn check_weight(findings: &mut Findings, weight: Option<&Located<Scalar>>) -> f64 {
    let Some(weight) = weight else { return 1.0 };
    let value = match weight.value {
        Scalar::Integer(n) => n as f64,
        Scalar::Float(x) => x,
        _ => f64::NAN,
    };
    // `1_0` and `0x10` are numbers to YAML, but not to a person reading the ladder.
    if let Some(written) = findings.written(weight.at)
        && value.is_finite()
        && !is_plain_decimal(written)
    {
        findings
            .error(
                Code::InvalidWeight,
                format!("weight must be written as a plain decimal number, not `{written}`"),
                weight.at,
            )
            .help = Some("write the weight in digits, such as `2` or `0.5`".to_owned());
        return 1.0;
    }
    if value > 0.0 && value <= MAX_WEIGHT {
        return value;
    }
    findings
        .error(
            Code::InvalidWeight,
            format!("weight must be a number above 0 and at most {MAX_WEIGHT}"),
            weight.at,
        )
        .help = Some("leave `weight` out for the default of 1".to_owned());
    1.0
}

/// `2`, `0.5`: digits with at most one decimal point between them.
fn is_plain_decimal(text: &str) -> bool {
    let mut parts = text.splitn(2, '.');
    let digits = |part: Option<&str>| {
        part.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let whole = parts.next();
    match parts.next() {
        None => digits(whole),
        fraction => digits(whole) && digits(fraction),
    }
}

fn level_help(unknown: &str, levels: &[Level]) -> Option<String> {
    wording::unknown_help(
        unknown,
        levels.iter().map(|level| level.id.as_str()),
        "the ladder's levels",
    )
}

/// Ids already defined in one namespace, and where, to report duplicates against the first.
#[derive(Default)]
struct Seen {
    first: HashMap<String, usize>,
}

impl Seen {
    fn check(&mut self, findings: &mut Findings, id: &Located<Text>, what: &str) {
        let text = &id.value.0;
        match self.first.get(text) {
            Some(&line) => {
                findings
                    .error(
                        Code::DuplicateId,
                        format!("duplicate {what} id `{text}`"),
                        id.at,
                    )
                    .help = Some(format!("`{text}` is already defined on line {line}"));
            }
            None => {
                self.first.insert(text.clone(), id.at.line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;
    use crate::model::{Relation, Score};

    fn scores(competency: &Competency) -> Vec<Score> {
        competency
            .expectations
            .iter()
            .flatten()
            .map(|e| e.score)
            .collect()
    }

    const LADDER: &str = "\
id: test
title: Test
description: A ladder.
scale:
  - {score: 1, label: One, description: d}
  - {score: 2, label: Two, description: d}
  - {score: 3, label: Three, description: d}
levels:
  - {id: junior, title: Junior, description: d}
  - {id: senior, title: Senior, description: d}
areas:
  - id: craft
    title: Craft
    description: d
    competencies:
      - id: code
        title: Code
        description: d
        expectations:
          junior: {score: 1, signals: [writes code]}
          senior: {score: 3, signals: [reviews code]}
";

    fn check_text(text: &str) -> Result<Loaded<Ladder>, Found> {
        let source = Source::from_text("t.yaml", text);
        let raw: RawLadder = yaml::parse(&source).map_err(|e| match e {
            crate::error::Error::Invalid(found) => found,
            other => panic!("unexpected {other:?}"),
        })?;
        check(&raw, &source, &crate::policy::NONE)
    }

    fn codes(text: &str) -> Vec<(Code, usize, String)> {
        let found = match check_text(text) {
            Ok(loaded) => loaded.warnings,
            Err(found) => found,
        };
        found
            .kept
            .into_iter()
            .map(|d| (d.code, d.location().map_or(0, |l| l.line), d.message))
            .collect()
    }

    /// Four levels: `junior`, `senior`, then `staff` on one track and `lead` (after `senior`)
    /// on another; `lead` expects `code` at 2, less than `staff`'s 3 but not less than any
    /// level on its own way up.
    const FORKED: &str = "\
id: test
title: Test
description: A ladder.
scale:
  - {score: 1, label: One, description: d}
  - {score: 2, label: Two, description: d}
  - {score: 3, label: Three, description: d}
levels:
  - {id: junior, title: Junior, description: d}
  - {id: senior, title: Senior, description: d}
  - {id: staff, title: Staff, description: d, track: Craft}
  - {id: lead, title: Lead, description: d, after: senior, track: People}
areas:
  - id: craft
    title: Craft
    description: d
    competencies:
      - id: code
        title: Code
        description: d
        expectations:
          junior: {score: 1, signals: [writes code]}
          senior: {score: 2, signals: [reviews code]}
          staff: {score: 3, signals: [designs systems]}
          lead: {score: 2, signals: [reviews designs]}
";

    #[test]
    fn levels_follow_the_one_before_them_unless_they_say_after() {
        let ladder = check_text(FORKED).unwrap().value;
        let path = |id: &str| -> Vec<&str> {
            let level = ladder.level(id).unwrap();
            ladder.path(level).map(|l| l.id.as_str()).collect()
        };
        assert_eq!(path("staff"), ["junior", "senior", "staff"]);
        assert_eq!(path("lead"), ["junior", "senior", "lead"]);
        assert!(ladder.has_tracks());
        let level = |id: &str| ladder.level(id).unwrap();
        assert_eq!(ladder.track_of(level("lead")), Some("People"));
        assert_eq!(ladder.track_of(level("senior")), None);
        assert_eq!(
            ladder.relation(level("junior"), level("lead")),
            Relation::Up
        );
        assert_eq!(
            ladder.relation(level("lead"), level("senior")),
            Relation::Down
        );
        assert_eq!(
            ladder.relation(level("lead"), level("lead")),
            Relation::Same
        );
        assert_eq!(
            ladder.relation(level("staff"), level("lead")),
            Relation::Across {
                fork: level("senior")
            }
        );
        // Signals add up along the way up, not along the file.
        let code = ladder.competency("code").unwrap();
        assert_eq!(
            code.signals_at(level("lead")),
            ["writes code", "reviews code", "reviews designs"]
        );
    }

    #[test]
    fn a_level_compares_only_with_its_own_way_up() {
        // `lead` expects less than `staff`, listed before it, but nothing warns: they are on
        // different tracks. Below `senior` on its own way, it does.
        let loaded = check_text(FORKED).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings.kept);
        let text = FORKED.replace("lead: {score: 2", "lead: {score: 1");
        assert_eq!(
            codes(&text),
            [(
                Code::ExpectationDecreases,
                25,
                "competency `code` expects 1 at `lead`, less than 2 at `senior`".to_owned()
            )]
        );
    }

    #[test]
    fn a_signal_repeats_only_what_its_own_way_up_lists() {
        // `lead` lists what `staff` lists (another track: no warning) and what `senior` lists.
        let text = FORKED.replace(
            "lead: {score: 2, signals: [reviews designs]}",
            "lead: {score: 2, signals: [designs systems, Reviews  code]}",
        );
        assert_eq!(
            codes(&text),
            [(
                Code::RepeatedSignal,
                25,
                "competency `code` repeats a signal of `senior` at `lead`: \"Reviews  code\""
                    .to_owned()
            )]
        );
    }

    #[test]
    fn a_level_may_not_come_after_itself() {
        let text = FORKED.replace("after: senior", "after: lead");
        assert_eq!(
            codes(&text),
            [(
                Code::LevelCycle,
                12,
                "level `lead` comes after itself: `lead` after `lead`".to_owned()
            )]
        );
        // The first level has nothing to follow: naming one makes a loop through it.
        let text = FORKED.replace(
            "{id: junior, title: Junior, description: d}",
            "{id: junior, title: Junior, description: d, after: senior}",
        );
        assert_eq!(
            codes(&text),
            [(
                Code::LevelCycle,
                9,
                "level `junior` comes after itself: `junior` after `senior` after `junior`"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn a_good_ladder_loads_cleanly() {
        let loaded = check_text(LADDER).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings.kept);
        let ladder = loaded.value;
        assert_eq!(ladder.level_ids().collect::<Vec<_>>(), ["junior", "senior"]);
        let code = ladder.competency("code").unwrap();
        assert_eq!(
            scores(code).iter().map(|s| s.value()).collect::<Vec<_>>(),
            [1, 3]
        );
        assert_eq!(code.weight, 1.0);
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = LADDER
            .replace("junior: {score: 1", "junor: {score: 1")
            .replace("score: 3, signals: [reviews", "score: 7, signals: [reviews");
        assert_eq!(
            codes(&text),
            [
                (
                    Code::MissingExpectation,
                    16,
                    "competency `code` has no expectation for level `junior`".to_owned()
                ),
                (
                    Code::UnknownLevel,
                    20,
                    "unknown level `junor` in competency `code`".to_owned()
                ),
                (
                    Code::ScoreOffScale,
                    21,
                    "score 7 is not on the scale".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn warns_when_a_senior_level_expects_less() {
        let text = LADDER
            .replace("score: 3, signals: [reviews", "score: 0, signals: [reviews")
            .replace("score: 1, label", "score: 0, label");
        let text = text.replace("junior: {score: 1", "junior: {score: 2");
        assert_eq!(
            codes(&text),
            [(
                Code::ExpectationDecreases,
                21,
                "competency `code` expects 0 at `senior`, less than 2 at `junior`".to_owned()
            )]
        );
    }

    #[test]
    fn signals_are_cumulative_or_per_level() {
        let text = LADDER.replace(
            "description: A ladder.\n",
            "description: A ladder.\nsignals: each\n",
        );
        assert_eq!(
            codes(&text),
            [(
                Code::WrongType,
                4,
                "`signals` is `cumulative` or `per-level`, not `each`".to_owned()
            )]
        );
        let per_level = LADDER
            .replace(
                "description: A ladder.\n",
                "description: A ladder.\nsignals: per-level\n",
            )
            .replace("[reviews code]", "[writes code, reviews code]");
        let loaded = check_text(&per_level).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings.kept);
        let ladder = loaded.value;
        let (senior, code) = (&ladder.levels[1], ladder.competency("code").unwrap());
        assert_eq!(code.signals_at(senior), ["writes code", "reviews code"]);
    }

    #[test]
    fn a_level_expecting_what_the_level_below_does_need_say_nothing() {
        let same = LADDER.replace("senior: {score: 3, signals: [reviews code]}", "senior: 1");
        assert!(codes(&same).is_empty(), "{:?}", codes(&same));
        let more = LADDER.replace("senior: {score: 3, signals: [reviews code]}", "senior: 3");
        assert_eq!(codes(&more)[0].0, Code::MissingSignals);
    }

    #[test]
    fn warns_about_a_repeated_signal() {
        let text = LADDER.replace("[reviews code]", "[writes code]");
        assert_eq!(codes(&text)[0].0, Code::RepeatedSignal);
    }
}
