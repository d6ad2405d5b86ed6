//! `ladder import ft`: a job family in the Financial Times' engineering-progression format
//! (`data/job-families/*.yml` there): `name`, `summary`, `levels: [{id, name}]`,
//! `themes: [{id, name, summary}]`, and `competencies`, each one statement of what a level
//! shows in a theme: `{id, level, theme, summary, proficiency, examples, supportingUrls}`.
//!
//! The ladder has one area, `themes`, holding a competency per theme; each level expects of a
//! theme the proficiency of its statements there (FT's five, scored 1 to 5), and lists the
//! statements as its signals, each with its id, examples and links. FT writes each level in
//! full, so the ladder is `signals: per-level`. Levels marked as individual-contributor or
//! people-manager levels make two tracks after the last level the two share (see [`place`]).

use foldhash::HashMap;
use std::sync::Arc;

use serde::Deserialize;

use super::{
    Area, Competency, Draft, Expectation, Gaps, Imported, Level, Point, Signal, Signals, Texts,
    slug,
};
use crate::diagnostic::{Code, Found};
use crate::error::Error;
use crate::load::Source;
use crate::load::check::Findings;
use crate::load::ladder::MAX_LEVELS;
use crate::load::source::Position;
use crate::load::yaml::{self, Located, Text};
use crate::wording;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobFamily {
    name: Located<String>,
    summary: Option<Located<String>>,
    #[serde(rename = "googleSheetId")]
    google_sheet_id: Option<Located<Text>>,
    levels: Located<Vec<FtLevel>>,
    themes: Located<Vec<Theme>>,
    competencies: Located<Vec<Located<Statement>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FtLevel {
    id: Located<Text>,
    name: Located<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Theme {
    id: Located<Text>,
    name: Located<String>,
    summary: Option<Located<String>>,
}

/// One statement of what a level shows in a theme (FT calls them competencies).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Statement {
    id: Option<Located<Text>>,
    level: Located<Text>,
    theme: Located<Text>,
    summary: Located<String>,
    proficiency: Located<Text>,
    examples: Option<Vec<Located<String>>>,
    #[serde(rename = "supportingUrls")]
    supporting_urls: Option<Vec<SupportingUrl>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SupportingUrl {
    label: Located<String>,
    url: Located<Text>,
}

/// FT's proficiencies, in order: a statement's proficiency is the score its level expects.
pub const PROFICIENCIES: [&str; 5] = [
    "Awareness",
    "Foundational",
    "Working knowledge",
    "Practitioner",
    "Expert",
];

/// The tracks FT's levels fork into, by the names the ladder gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Track {
    IndividualContributor,
    PeopleManager,
}

impl Track {
    pub fn name(self) -> &'static str {
        match self {
            Track::IndividualContributor => "Individual contributor",
            Track::PeopleManager => "People manager",
        }
    }

    /// The track a level's id (`senior-2-ic`, `principal-pm`) or name (`… (Individual
    /// Contributor)`, `… (People Manager)`) marks it as on.
    pub fn of(id: &str, name: &str) -> Mark {
        let name = name.to_lowercase();
        let ic = id.ends_with("-ic") || name.contains("(individual contributor)");
        let pm = id.ends_with("-pm") || name.contains("(people manager)");
        match (ic, pm) {
            (true, true) => Mark::Both,
            (true, false) => Mark::On(Track::IndividualContributor),
            (false, true) => Mark::On(Track::PeopleManager),
            (false, false) => Mark::None,
        }
    }
}

/// What a level's id and name say of its track.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    On(Track),
    /// Marked as on both tracks: a mistake.
    Both,
}

/// Where a level stands: the level it follows when that is not the one listed before it, and
/// the track it starts, if it is the first of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub after: Option<usize>,
    pub starts: Option<Track>,
}

/// Places levels, given in order with the track each is marked as on. Until the first marked
/// level, levels follow one another: that is the shared trunk. The first level of each track
/// follows the last level of the trunk; each later level of a track follows the level of its
/// own track before it. A level with no mark, listed after the tracks began, follows the level
/// listed just before it and joins that level's track (so `tech-director`, after
/// `principal-pm`, is on the people-manager track). `Err` holds the index of a marked level
/// with no trunk before it.
pub fn place(marks: &[Option<Track>]) -> Result<Vec<Placement>, usize> {
    let mut placed = Vec::with_capacity(marks.len());
    let mut trunk_end: Option<usize> = None;
    let mut last: HashMap<Track, usize> = HashMap::default();
    let mut on: Vec<Option<Track>> = Vec::with_capacity(marks.len());
    for (index, mark) in marks.iter().enumerate() {
        let before = index.checked_sub(1);
        let (parent, starts, track) = match *mark {
            None => (before, None, trunk_end.and(before.and_then(|b| on[b]))),
            Some(track) => {
                if trunk_end.is_none() {
                    trunk_end = Some(before.ok_or(index)?);
                }
                match last.get(&track) {
                    Some(&previous) => (Some(previous), None, Some(track)),
                    None => (trunk_end, Some(track), Some(track)),
                }
            }
        };
        if let Some(track) = track {
            last.insert(track, index);
        }
        on.push(track);
        placed.push(Placement {
            after: parent.filter(|&parent| Some(parent) != before),
            starts,
        });
    }
    Ok(placed)
}

/// Converts the job family in `source` into a ladder with the id `id`, or (when none is given)
/// the id its name suggests.
pub fn import(source: &Arc<Source>, id: Option<&str>) -> Result<Imported, Error> {
    let family: JobFamily = yaml::parse(source)?;
    let mut findings = Findings::new(source, &crate::policy::NONE);
    let mut notes = Vec::new();
    if family.google_sheet_id.is_some() {
        notes.push(
            "`googleSheetId` (where FT publishes the job family as a spreadsheet) has no place \
             in a ladder and is left out"
                .to_owned(),
        );
    }
    let mut texts = Texts::new(source);
    let title = required(
        &mut texts,
        &mut findings,
        &family.name,
        "the job family's `name`",
    );
    let description = family
        .summary
        .as_ref()
        .and_then(|summary| {
            texts.read(
                &mut findings,
                &summary.value,
                summary.at,
                "the job family's `summary`",
            )
        })
        .filter(|summary| !summary.is_empty());
    let levels = levels(&mut findings, &mut texts, &family.levels);
    let themes = themes(&mut findings, &mut texts, &family.themes);
    if let Some(error) = super::too_many_expectations(source, themes.len(), levels.len()) {
        // Nothing more is read: the table of themes by levels would be the cost to bound.
        findings.push(error.clone());
        let found = findings.finish(|| ()).err();
        return Err(Error::Invalid(found.unwrap_or_else(|| Found::one(error))));
    }
    let mut table = Table::new(themes.len(), levels.len());
    let mut signal_ids: HashMap<String, Position> = HashMap::default();
    let mut labels_left_out = 0;
    let level_ids: Vec<&str> = levels.levels.iter().map(|l| l.id.as_str()).collect();
    let theme_ids: Vec<&str> = themes.items.iter().map(|t| t.id.as_str()).collect();
    for statement in &family.competencies.value {
        let statement = &statement.value;
        let level = find(
            &mut findings,
            (&levels.index, &level_ids),
            &statement.level,
            "level",
        );
        let theme = find(
            &mut findings,
            (&themes.index, &theme_ids),
            &statement.theme,
            "theme",
        );
        let score = proficiency(&mut findings, &statement.proficiency);
        let signal = signal(&mut findings, &mut texts, statement, &mut signal_ids);
        labels_left_out += statement.supporting_urls.as_ref().map_or(0, Vec::len);
        if let (Some(level), Some(theme)) = (level, theme) {
            let score = score.map(|score| (score, statement.proficiency.at));
            table.add(&mut findings, (theme, level), score, signal);
        }
    }
    if labels_left_out > 0 {
        notes.push(format!(
            "a ladder keeps a link as its address: the {} of {} in `supportingUrls` {} left out",
            if labels_left_out == 1 {
                "label"
            } else {
                "labels"
            },
            wording::plural(labels_left_out, "link"),
            if labels_left_out == 1 { "is" } else { "are" },
        ));
    }
    let mut gaps = Gaps::default();
    let competencies = table.competencies(&mut findings, &themes, &levels, &mut gaps);
    notes.extend(gaps.note("a theme has no statement"));
    notes.extend(texts.note());
    let draft = Draft {
        id: id.map_or_else(|| default_id(&title), str::to_owned),
        title,
        description,
        signals: Signals::PerLevel,
        scale: PROFICIENCIES
            .iter()
            .zip(1..)
            .map(|(label, score)| Point {
                score,
                label: (*label).to_owned(),
                // FT's own descriptions of its proficiencies are not in the job family file.
                description: Some(format!(
                    "FT proficiency {score} of {}: {label}.",
                    PROFICIENCIES.len()
                )),
            })
            .collect(),
        levels: levels.levels,
        areas: vec![Area {
            id: "themes".to_owned(),
            title: "Themes".to_owned(),
            description: Some(
                "FT groups its competencies by theme only: every theme is here.".to_owned(),
            ),
            competencies,
        }],
    };
    Imported::checked(findings, draft, notes)
}

/// The id a ladder's title suggests, when neither the command line nor a file name gives one.
fn default_id(title: &str) -> String {
    match slug::slug(title) {
        id if id.is_empty() => "ladder".to_owned(),
        id => id,
    }
}

/// A text that may not be blank; empty when it cannot be read, which is said.
fn required(
    texts: &mut Texts,
    findings: &mut Findings,
    text: &Located<String>,
    what: &str,
) -> String {
    texts
        .required(findings, &text.value, text.at, what)
        .unwrap_or_default()
}

/// Ids are kept as FT gives them, so they must already be ladder ids (an error otherwise), and
/// each is given once: false for an id given before, which is left out.
fn unique_id(
    findings: &mut Findings,
    seen: &mut HashMap<String, Position>,
    id: &Located<Text>,
    what: &str,
) -> bool {
    findings.id(id, what);
    if let Some(first) = seen.get(&id.value.0) {
        let line = first.line;
        findings
            .error(
                Code::DuplicateId,
                format!("{what} id `{}` is given twice", id.value.0),
                id.at,
            )
            .help = Some(format!("it is first given on line {line}; ids are unique"));
        return false;
    }
    seen.insert(id.value.0.clone(), id.at);
    true
}

/// Ids and their positions in the ladder, by the id the file gives.
struct Indexed<T> {
    index: HashMap<String, usize>,
    items: Vec<T>,
}

struct Levels {
    index: HashMap<String, usize>,
    levels: Vec<Level>,
}

impl Levels {
    fn len(&self) -> usize {
        self.levels.len()
    }
}

fn levels(findings: &mut Findings, texts: &mut Texts, raw: &Located<Vec<FtLevel>>) -> Levels {
    if raw.value.is_empty() {
        findings.error(Code::EmptyLevels, "the job family has no levels", raw.at);
    }
    if raw.value.len() > MAX_LEVELS {
        findings.error(
            Code::TooManyLevels,
            format!(
                "the job family has {} levels, more than the {MAX_LEVELS} a ladder may have",
                raw.value.len()
            ),
            raw.at,
        );
    }
    let mut seen = HashMap::default();
    let mut index = HashMap::default();
    let mut levels = Vec::new();
    let mut marks = Vec::new();
    for level in &raw.value {
        let title = required(texts, findings, &level.name, "the level's `name`");
        if !unique_id(findings, &mut seen, &level.id, "level") {
            continue;
        }
        let id = level.id.value.0.clone();
        let mark = match Track::of(&id, &title) {
            Mark::None => None,
            Mark::On(track) => Some(track),
            Mark::Both => {
                findings
                    .error(
                        Code::WrongType,
                        format!(
                            "level `{id}` is marked as both an individual-contributor and a \
                             people-manager level"
                        ),
                        level.id.at,
                    )
                    .help = Some(
                    "an `-ic` id or an `(Individual Contributor)` name marks one track, \
                     `-pm` or `(People Manager)` the other"
                        .to_owned(),
                );
                None
            }
        };
        index.insert(id.clone(), levels.len());
        marks.push((mark, level.id.at));
        levels.push(Level {
            id,
            title,
            after: None,
            track: None,
            description: None,
        });
    }
    let just_marks: Vec<Option<Track>> = marks.iter().map(|(mark, _)| *mark).collect();
    match place(&just_marks) {
        Ok(placed) => {
            for (i, placement) in placed.into_iter().enumerate() {
                levels[i].after = placement.after.map(|after| levels[after].id.clone());
                levels[i].track = placement.starts.map(|track| track.name().to_owned());
            }
        }
        Err(first) => {
            findings
                .error(
                    Code::UnknownLevel,
                    format!(
                        "level `{}`, the first level, is on a track: tracks start after a level \
                         they share",
                        levels[first].id
                    ),
                    marks[first].1,
                )
                .help = Some("list the levels the tracks share first".to_owned());
        }
    }
    describe(&mut levels);
    Levels { index, levels }
}

/// FT describes no level: each is described by its place, the track it is on and the level it
/// follows, so that the ladder is documented and passes `validate --strict` without a word
/// that FT did not write or the file does not say.
fn describe(levels: &mut [Level]) {
    let forks = levels.iter().any(|level| level.after.is_some());
    let mut tracks: Vec<Option<String>> = Vec::new();
    for i in 0..levels.len() {
        let parent = match &levels[i].after {
            Some(after) => levels.iter().position(|l| &l.id == after),
            None => i.checked_sub(1),
        };
        let track = levels[i]
            .track
            .clone()
            .or_else(|| parent.and_then(|p| tracks[p].clone()));
        let description = match (&track, parent) {
            (_, None) => format!(
                "The first level of the job family{}.",
                match forks {
                    true => ", shared by every track",
                    false => "",
                }
            ),
            (Some(track), Some(p)) => {
                format!("On the {track} track, after {}.", levels[p].title)
            }
            (None, Some(p)) if forks => {
                format!("Shared by every track, after {}.", levels[p].title)
            }
            (None, Some(p)) => format!("After {}.", levels[p].title),
        };
        levels[i].description = Some(description);
        tracks.push(track);
    }
}

struct ThemeEntry {
    id: String,
    title: String,
    description: Option<String>,
    at: Position,
}

fn themes(
    findings: &mut Findings,
    texts: &mut Texts,
    raw: &Located<Vec<Theme>>,
) -> Indexed<ThemeEntry> {
    if raw.value.is_empty() {
        findings.error(Code::EmptyArea, "the job family has no themes", raw.at);
    }
    let mut seen = HashMap::default();
    let mut themes = Indexed {
        index: HashMap::default(),
        items: Vec::new(),
    };
    for theme in &raw.value {
        let title = required(texts, findings, &theme.name, "the theme's `name`");
        let description = theme
            .summary
            .as_ref()
            .and_then(|s| texts.read(findings, &s.value, s.at, "the theme's `summary`"))
            .filter(|s| !s.is_empty());
        if !unique_id(findings, &mut seen, &theme.id, "theme") {
            continue;
        }
        themes
            .index
            .insert(theme.id.value.0.clone(), themes.items.len());
        themes.items.push(ThemeEntry {
            id: theme.id.value.0.clone(),
            title,
            description,
            at: theme.id.at,
        });
    }
    themes
}

impl<T> Indexed<T> {
    fn len(&self) -> usize {
        self.items.len()
    }
}

/// The level or theme a statement names, by its id.
/// The level or theme a statement names, by its id, from the `known` ids in file order.
fn find(
    findings: &mut Findings,
    (index, known): (&HashMap<String, usize>, &[&str]),
    name: &Located<Text>,
    what: &str,
) -> Option<usize> {
    let name_text = name.value.0.as_str();
    if let Some(&found) = index.get(name_text) {
        return Some(found);
    }
    let help = findings.suggest(|| {
        let listed = format!("the job family's {what}s");
        wording::unknown_help(name_text, known.iter().copied(), &listed)
    });
    let code = if what == "level" {
        Code::UnknownLevel
    } else {
        Code::UnknownCompetency
    };
    findings
        .error(code, format!("unknown {what} `{name_text}`"), name.at)
        .help = help;
    None
}

fn proficiency(findings: &mut Findings, proficiency: &Located<Text>) -> Option<u32> {
    let written = proficiency.value.0.trim();
    let found = PROFICIENCIES
        .iter()
        .zip(1..)
        .find(|(label, _)| label.eq_ignore_ascii_case(written));
    if found.is_none() {
        findings
            .error(
                Code::ScoreOffScale,
                format!("unknown proficiency `{written}`"),
                proficiency.at,
            )
            .help = Some(format!(
            "FT's proficiencies are {}",
            wording::list(PROFICIENCIES)
        ));
    }
    found.map(|(_, score)| score)
}

/// A statement as a signal: its summary, id, examples and links.
fn signal(
    findings: &mut Findings,
    texts: &mut Texts,
    statement: &Statement,
    ids: &mut HashMap<String, Position>,
) -> Option<Signal> {
    let text = required(
        texts,
        findings,
        &statement.summary,
        "the statement's `summary`",
    );
    let mut ok = !text.is_empty();
    let id = match &statement.id {
        None => None,
        // A signal's id is an id like any other: lowercase kebab-case, as FT's UUIDs are.
        Some(id) if !findings.id(id, "statement") => {
            ok = false;
            None
        }
        Some(id) => {
            if let Some(first) = ids.get(&id.value.0) {
                let line = first.line;
                findings
                    .error(
                        Code::DuplicateId,
                        format!("statement id `{}` is given twice", id.value.0),
                        id.at,
                    )
                    .help = Some(format!("it is first given on line {line}; ids are unique"));
                ok = false;
            } else {
                ids.insert(id.value.0.clone(), id.at);
            }
            Some(id.value.0.clone())
        }
    };
    let mut examples = Vec::new();
    for example in statement.examples.iter().flatten() {
        let example = required(texts, findings, example, "the example");
        ok &= !example.is_empty();
        examples.push(example);
    }
    let mut links = Vec::new();
    for link in statement.supporting_urls.iter().flatten() {
        required(texts, findings, &link.label, "the link's `label`");
        let url = link.url.value.0.trim();
        if !is_link(url) {
            findings
                .error(
                    Code::WrongType,
                    "a link's `url` must be an `http` or `https` address",
                    link.url.at,
                )
                .help = Some(
                "write the whole address, such as `https://example.com/guide`, with spaces and \
                 other characters outside addresses percent-encoded"
                    .to_owned(),
            );
            ok = false;
        }
        links.push(url.to_owned());
    }
    ok.then_some(Signal {
        text,
        id,
        examples,
        links,
    })
}

/// A link a ladder may hold (as the loader checks it): an `http` or `https` address made of
/// the characters an address may hold, so that no format can be made to run or hide anything.
pub fn is_link(url: &str) -> bool {
    let address = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
    ["https://", "http://"]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(address))
}

/// What each theme expects at each level, as the statements give it.
struct Table {
    levels: usize,
    cells: Vec<Option<Given>>,
}

/// What a theme's statements at a level give: the score and where it was first given (`None`
/// while no statement there has a proficiency that can be read), and the signals.
struct Given {
    score: Option<(u32, Position)>,
    signals: Vec<Signal>,
}

impl Table {
    fn new(themes: usize, levels: usize) -> Table {
        Table {
            levels,
            cells: (0..themes * levels).map(|_| None).collect(),
        }
    }

    /// A statement of `theme` at `level`, with its score and signal when they can be read: the
    /// level is then not missing from the theme, whatever else is wrong with the statement.
    fn add(
        &mut self,
        findings: &mut Findings,
        (theme, level): (usize, usize),
        score: Option<(u32, Position)>,
        signal: Option<Signal>,
    ) {
        let given = self.cells[theme * self.levels + level].get_or_insert_with(|| Given {
            score: None,
            signals: Vec::new(),
        });
        match (given.score, score) {
            (Some((first, first_at)), Some((score, at))) if first != score => {
                findings
                    .error(
                        Code::DuplicateKey,
                        format!(
                            "this statement's proficiency, `{}`, differs from `{}`, given to the \
                             same theme and level on line {}",
                            PROFICIENCIES[score as usize - 1],
                            PROFICIENCIES[first as usize - 1],
                            first_at.line
                        ),
                        at,
                    )
                    .help = Some(
                    "a level expects one proficiency of a theme: give its statements the same one"
                        .to_owned(),
                );
                return;
            }
            (None, Some(score)) => given.score = Some(score),
            _ => {}
        }
        given.signals.extend(signal);
    }

    /// A competency for each theme. A level at which a theme has no statement does not expect
    /// it (`~`), which `gaps` records to be told; a theme with no statement at all is an error.
    fn competencies(
        self,
        findings: &mut Findings,
        themes: &Indexed<ThemeEntry>,
        levels: &Levels,
        gaps: &mut Gaps,
    ) -> Vec<Competency> {
        let mut cells = self.cells.into_iter();
        let mut competencies = Vec::with_capacity(themes.len());
        for theme in &themes.items {
            let mut expectations = Vec::with_capacity(levels.len());
            let mut missing: Vec<&str> = Vec::new();
            for level in &levels.levels {
                let given = cells.next().flatten();
                if given.is_none() {
                    missing.push(&level.id);
                }
                let expectation = given.and_then(|given| {
                    let (score, _) = given.score?;
                    Some(Expectation {
                        score,
                        signals: given.signals,
                    })
                });
                expectations.push((level.id.clone(), expectation));
            }
            if !levels.levels.is_empty() && missing.len() == levels.len() {
                findings
                    .error(
                        Code::MissingExpectation,
                        format!("theme `{}` has no statement at any level", theme.id),
                        theme.at,
                    )
                    .help = Some(format!(
                    "add statements with `theme: {}`, or remove the theme",
                    theme.id
                ));
            } else {
                gaps.add(&theme.id, &missing);
            }
            competencies.push(Competency {
                id: theme.id.clone(),
                title: theme.title.clone(),
                description: theme.description.clone(),
                expectations,
            });
        }
        competencies
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IC: Option<Track> = Some(Track::IndividualContributor);
    const PM: Option<Track> = Some(Track::PeopleManager);

    fn placed(marks: &[Option<Track>]) -> Vec<(Option<usize>, Option<Track>)> {
        place(marks)
            .unwrap()
            .into_iter()
            .map(|p| (p.after, p.starts))
            .collect()
    }

    #[test]
    fn levels_are_marked_by_id_or_name() {
        let on = Mark::On;
        assert_eq!(
            Track::of("senior-2-ic", "Senior 2"),
            on(Track::IndividualContributor)
        );
        assert_eq!(
            Track::of("s2", "Senior 2 (People Manager)"),
            on(Track::PeopleManager)
        );
        assert_eq!(
            Track::of("s2", "Senior 2 (individual contributor)"),
            on(Track::IndividualContributor)
        );
        assert_eq!(
            Track::of("tech-director", "Technology Director"),
            Mark::None
        );
        assert_eq!(Track::of("topic", "Topic"), Mark::None);
        assert_eq!(Track::of("x-ic", "X (People Manager)"), Mark::Both);
    }

    #[test]
    fn the_ft_engineering_levels_fork_after_senior_1() {
        // junior, engineer, senior-1, senior-2-ic, senior-2-pm, principal-ic, principal-pm,
        // tech-director
        let marks = [None, None, None, IC, PM, IC, PM, None];
        assert_eq!(
            placed(&marks),
            [
                (None, None),
                (None, None),
                (None, None),
                (None, IC),
                (Some(2), PM),
                (Some(3), None),
                (Some(4), None),
                (None, None),
            ]
        );
    }

    #[test]
    fn an_unmarked_level_after_the_fork_joins_the_track_before_it() {
        // trunk, a-pm, director (joins pm), b-ic, c-pm (after director)
        let marks = [None, PM, None, IC, PM];
        assert_eq!(
            placed(&marks),
            [
                (None, None),
                (None, PM),
                (None, None),
                (Some(0), IC),
                (Some(2), None),
            ]
        );
    }

    #[test]
    fn one_track_or_none() {
        assert_eq!(placed(&[None, None]), [(None, None), (None, None)]);
        assert_eq!(
            placed(&[None, IC, IC]),
            [(None, None), (None, IC), (None, None)]
        );
        assert_eq!(placed(&[]), []);
        assert_eq!(place(&[IC, None]), Err(0));
    }

    #[test]
    fn links_are_web_addresses() {
        assert!(is_link("https://example.com/a?b=c#d"));
        assert!(is_link("http://example.com"));
        for bad in [
            "",
            "https://",
            "javascript:alert(1)",
            "https://a b",
            "ftp://x",
            "https://é",
        ] {
            assert!(!is_link(bad), "{bad:?}");
        }
    }
}
