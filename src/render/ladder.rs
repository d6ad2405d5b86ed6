//! A ladder for reading: what one level expects, every level side by side, a page to publish,
//! and the list of ladders available.

use serde::Serialize;

use super::markdown::{self, Align};
use super::safe::{self, Escape};
use super::sheet::sheet;
use super::table::{Grid, Piece, frame};
use super::wrap::{Para, prose};
use super::{Style, json};
use crate::model::{Area, Competency, Ladder, Level, Signal, SignalMode};

/// The widest the signals column grows, so that its lines stay short enough to read.
const SIGNALS_WIDTH: usize = 70;

/// The widest the column of competencies and their descriptions grows: the signals beside it
/// are what a reader came for.
const COMPETENCY_WIDTH: usize = 36;

/// `4 Advanced`: a score with its label, the label made safe by `safe`; `-` where the level
/// does not expect the competency.
fn labelled(ladder: &Ladder, competency: &Competency, level: &Level, safe: Escape) -> String {
    match competency.expected(level) {
        Some(score) => format!("{score} {}", safe(competency.label(&ladder.scale, score))),
        None => NOT_EXPECTED.to_owned(),
    }
}

/// What stands for a score where a level does not expect a competency.
const NOT_EXPECTED: &str = "-";

/// What one level expects, competency by competency: the one view the table, Markdown and
/// JSON printers of `show LEVEL` read.
pub struct LevelReport<'a> {
    ladder: &'a Ladder,
    level: &'a Level,
    /// With `--new`, the level it is compared with, whose expectations are left out; `None`
    /// for the most junior level, where everything is new.
    below: Option<&'a Level>,
    only_new: bool,
    areas: Vec<(&'a Area, Vec<LevelRow<'a>>)>,
    /// The competencies the level does not expect (`~`), which its rows leave out.
    not_expected: Vec<&'a Competency>,
}

struct LevelRow<'a> {
    competency: &'a Competency,
    /// Each signal the level shows, with the level that lists it first, when that is another.
    signals: Vec<(&'a Signal, Option<&'a Level>)>,
}

/// What `level` expects; with `only_new`, only what it adds to the level below: competencies
/// whose score or signals change, and the signals that are new.
pub fn level_report<'a>(ladder: &'a Ladder, level: &'a Level, only_new: bool) -> LevelReport<'a> {
    let below = only_new.then(|| ladder.below(level)).flatten();
    let row = |competency: &'a Competency| {
        competency.expected(level)?;
        let mut signals: Vec<(&Signal, Option<&Level>)> = competency
            .signals_from(level)
            .into_iter()
            .map(|(signal, rank)| (signal, (rank != level.rank).then(|| &ladder.levels[rank])))
            .collect();
        if let Some(below) = below {
            let shown: foldhash::HashSet<&str> = competency.signals_at(below).into_iter().collect();
            signals.retain(|(signal, _)| !shown.contains(signal.text.as_str()));
            let same = competency.expected(below) == competency.expected(level);
            if signals.is_empty() && same {
                return None;
            }
        }
        Some(LevelRow {
            competency,
            signals,
        })
    };
    let areas = ladder
        .areas
        .iter()
        .map(|area| {
            (
                area,
                area.competencies.iter().filter_map(row).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    let not_expected = ladder
        .competencies()
        .map(|(_, competency)| competency)
        .filter(|competency| competency.expected(level).is_none())
        .collect();
    LevelReport {
        ladder,
        level,
        below,
        only_new,
        areas,
        not_expected,
    }
}

impl LevelReport<'_> {
    /// `Senior Engineer (senior), Platform Engineering`, with the track it is on in a ladder
    /// that forks, and with `--new` what it is compared to.
    fn heading(&self, safe: Escape) -> String {
        let what = match (self.only_new, self.below) {
            (true, Some(below)) => {
                format!(": what it adds to {} ({})", safe(&below.title), below.id)
            }
            (true, None) => ": all of it, as the first level".to_owned(),
            (false, _) => String::new(),
        };
        let track = match self.ladder.track_of(self.level) {
            Some(track) => format!(", {} track", safe(track)),
            None => String::new(),
        };
        format!(
            "{} ({}), {}{track}{what}",
            safe(&self.level.title),
            self.level.id,
            safe(&self.ladder.title)
        )
    }

    fn expected(&self, row: &LevelRow, safe: Escape) -> String {
        labelled(self.ladder, row.competency, self.level, safe)
    }

    /// `Not expected at `engineer`: Hiring, Budgets.`, when some competency is not.
    fn not_expected_line(&self, safe: Escape) -> Option<String> {
        let titles: Vec<String> = self.not_expected.iter().map(|c| safe(&c.title)).collect();
        (!titles.is_empty()).then(|| {
            format!(
                "Not expected at `{}`: {}.",
                self.level.id,
                crate::wording::titles(&titles)
            )
        })
    }

    /// Each signal, with `(engineer)` after one that a level below lists first.
    fn signal_lines(&self, row: &LevelRow, safe: Escape) -> Vec<String> {
        row.signals
            .iter()
            .map(|(signal, from)| match from {
                Some(from) => format!("{} ({})", safe(&signal.text), from.id),
                None => safe(&signal.text),
            })
            .collect()
    }
}

pub fn level_table(report: &LevelReport, style: Style) -> String {
    let mut grid = Grid::new(style, &["Competency", "Expected", "Signals"])
        .cap(0, COMPETENCY_WIDTH)
        .cap(2, SIGNALS_WIDTH);
    for (area, rows) in &report.areas {
        grid.group(&area.title);
        for row in rows {
            let competency = row.competency;
            let mut name = vec![Para::indented(&competency.title, 2)];
            if !competency.description.is_empty() {
                // Set in further than the title, so that the two read apart.
                name.push(Para::indented(&competency.description, 4));
            }
            let signals = report.signal_lines(row, safe::text);
            grid.row([
                Piece::new(name),
                Piece::figure(report.expected(row, safe::text)),
                Piece::new(signals.iter().map(|line| Para::bullet(line)).collect()),
            ]);
        }
    }
    let body = if grid.is_empty() {
        prose("It expects what the level below expects.", style.width)
    } else {
        grid.render()
    };
    let mut out = format!(
        "{}\n{}\n\n{body}\n",
        prose(&report.heading(safe::text), style.width),
        prose(&report.level.description, style.width)
    );
    if let Some(line) = report.not_expected_line(safe::text) {
        out.push_str(&format!("\n{}\n", prose(&line, style.width)));
    }
    out
}

/// Every level's expected scores side by side; in a ladder that forks, one table for the
/// levels every track shares and one for each track, each under a line naming it. When a
/// table's levels do not all fit the width with their ids whole, they are set in several
/// tables one under another, each as wide as fits.
pub fn matrix_table(ladder: &Ladder, style: Style) -> String {
    let mut blocks = vec![prose(
        &format!("{} ({})", ladder.title, ladder.id),
        style.width,
    )];
    for branch in branches(ladder) {
        if let Some(title) = branch.title(ladder, safe::text) {
            blocks.push(prose(&title, style.width));
        }
        blocks.push(folded_matrix(ladder, &branch.levels, style));
    }
    let scale: Vec<String> = ladder
        .scale
        .points()
        .iter()
        .map(|p| format!("{} {}", p.score, p.label))
        .collect();
    blocks.push(format!(
        "{}\n{}\n",
        prose(&format!("Scale: {}.", scale.join(", ")), style.width),
        prose(
            "`ladder show LEVEL` lists the signals behind each score.",
            style.width
        ),
    ));
    blocks.join("\n\n")
}

/// `levels` side by side, in as many tables as it takes to fit the width.
fn folded_matrix(ladder: &Ladder, levels: &[&Level], style: Style) -> String {
    let least = matrix_grid(ladder, levels, style).least_widths();
    let mut tables = Vec::new();
    let mut rest = levels;
    let mut widths = &least[1..];
    while !rest.is_empty() {
        let mut used = frame(1) + least[0];
        let fits = widths
            .iter()
            .take_while(|&&width| {
                used += width + 3;
                used <= style.width
            })
            .count()
            .max(1);
        tables.push(matrix_grid(ladder, &rest[..fits], style).render());
        rest = &rest[fits..];
        widths = &widths[fits..];
    }
    tables.join("\n\n")
}

/// A run of levels each following the one before it: the shared trunk of a ladder, or a track
/// (or the part of one after a fork within it).
pub struct Branch<'a> {
    /// The level the first one follows; `None` for the trunk.
    pub after: Option<&'a Level>,
    pub levels: Vec<&'a Level>,
}

impl Branch<'_> {
    /// `People track, after `senior``, or `Shared by every track` for the trunk of a ladder that
    /// forks; `None` for a ladder that does not.
    pub fn title(&self, ladder: &Ladder, safe: Escape) -> Option<String> {
        if !ladder.has_tracks() {
            return None;
        }
        Some(match (self.after, ladder.track_of(self.levels[0])) {
            (None, _) => "Shared by every track".to_owned(),
            (Some(after), Some(track)) => format!("{} track, after `{}`", safe(track), after.id),
            (Some(after), None) => format!("After `{}`", after.id),
        })
    }
}

/// The ladder's levels, branch by branch: each level's followers are visited in file order,
/// depth first, and a branch ends where a level is followed by more than one.
pub fn branches(ladder: &Ladder) -> Vec<Branch<'_>> {
    let mut branches: Vec<Branch> = Vec::new();
    let mut stack: Vec<(&Level, bool)> = vec![(&ladder.levels[0], true)];
    while let Some((level, starts)) = stack.pop() {
        match branches.last_mut() {
            Some(branch) if !starts => branch.levels.push(level),
            _ => branches.push(Branch {
                after: ladder.below(level),
                levels: vec![level],
            }),
        }
        let above: Vec<&Level> = ladder.above(level).collect();
        let forks = above.len() > 1;
        stack.extend(above.into_iter().rev().map(|next| (next, forks)));
    }
    branches
}

fn matrix_grid(ladder: &Ladder, levels: &[&Level], style: Style) -> Grid {
    let mut header = vec!["Competency"];
    header.extend(levels.iter().map(|level| level.id.as_str()));
    let mut grid = Grid::new(style, &header)
        .right_align(1..=levels.len())
        .whole_headers(1..=levels.len());
    for area in &ladder.areas {
        grid.group(&area.title);
        for competency in &area.competencies {
            let scores = levels.iter().map(|level| match competency.expected(level) {
                Some(score) => Piece::figure(score),
                None => Piece::figure(NOT_EXPECTED),
            });
            grid.row(std::iter::once(Para::indented(&competency.title, 2).into()).chain(scores));
        }
    }
    grid
}

/// The level as a tracker sheet: one row per signal it shows (one for a competency with none),
/// each with an empty evidence column to fill in.
pub fn level_csv(report: &LevelReport) -> String {
    let header = [
        "area",
        "competency",
        "title",
        "expected",
        "label",
        "signal",
        "from",
        "evidence",
    ];
    let mut rows = Vec::new();
    for (area, competencies) in &report.areas {
        for row in competencies {
            let competency = row.competency;
            let score = competency.expected(report.level);
            let cells = |signal: &str, from: &str| {
                vec![
                    area.id.to_string(),
                    competency.id.to_string(),
                    competency.title.clone(),
                    score.map_or_else(String::new, |s| s.to_string()),
                    score
                        .map_or("", |s| competency.label(&report.ladder.scale, s))
                        .to_owned(),
                    signal.to_owned(),
                    from.to_owned(),
                    String::new(),
                ]
            };
            if row.signals.is_empty() {
                rows.push(cells("", ""));
            }
            for (signal, from) in &row.signals {
                rows.push(cells(
                    &signal.text,
                    from.unwrap_or(report.level).id.as_str(),
                ));
            }
        }
    }
    sheet(&header, rows)
}

/// Every level's expected score, one row per competency; a level that does not expect a
/// competency leaves its cell empty.
pub fn matrix_csv(ladder: &Ladder) -> String {
    let mut header = vec!["area", "competency", "title"];
    header.extend(ladder.level_ids());
    let rows = ladder.competencies().map(|(area, competency)| {
        let mut row = vec![
            area.id.to_string(),
            competency.id.to_string(),
            competency.title.clone(),
        ];
        row.extend(ladder.levels.iter().map(|level| {
            competency
                .expected(level)
                .map_or_else(String::new, |score| score.to_string())
        }));
        row
    });
    sheet(&header, rows)
}

pub fn level_markdown(report: &LevelReport) -> String {
    let esc = markdown::escape;
    let (ladder, level) = (report.ladder, report.level);
    let mut out = format!(
        "# {}\n\n{}\n\nLevel {} of {} ({}).\n",
        esc(&level.title),
        esc(&level.description),
        markdown::code(level.id.as_str()),
        esc(&ladder.title),
        markdown::code(ladder.id.as_str())
    );
    if report.only_new {
        out.push_str(&format!("\n{}.\n", report.heading(esc)));
    }
    if let Some(line) = report.not_expected_line(esc) {
        out.push_str(&format!("\n{line}\n"));
    }
    for (area, rows) in &report.areas {
        out.push_str(&format!("\n## {}\n\n", esc(&area.title)));
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                let competency = row.competency;
                let mut name = format!("**{}**", esc(&competency.title));
                if !competency.description.is_empty() {
                    name.push_str(&format!("<br>{}", esc(&competency.description)));
                }
                vec![
                    name,
                    report.expected(row, esc),
                    report
                        .signal_lines(row, esc)
                        .iter()
                        .zip(&row.signals)
                        .map(|(line, (signal, _))| format!("- {line}{}", signal_extras(signal)))
                        .collect::<Vec<_>>()
                        .join("<br>"),
                ]
            })
            .collect();
        out.push_str(&markdown::table(
            &[
                ("Competency", Align::Left),
                ("Expected", Align::Left),
                ("Signals", Align::Left),
            ],
            &rows,
        ));
    }
    out
}

/// The whole ladder as a page for a wiki or a docs site.
pub fn ladder_markdown(ladder: &Ladder) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "# {}\n\n{}\n\n",
        esc(&ladder.title),
        esc(&ladder.description)
    );
    out.push_str(&scale_section(ladder));
    out.push_str(&levels_section(ladder));
    for area in &ladder.areas {
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n",
            esc(&area.title),
            esc(&area.description)
        ));
        out.push_str(&area_matrix(ladder, area));
        for competency in &area.competencies {
            out.push_str(&competency_section(ladder, competency));
        }
    }
    out
}

fn scale_section(ladder: &Ladder) -> String {
    let esc = markdown::escape;
    let rows: Vec<Vec<String>> = ladder
        .scale
        .points()
        .iter()
        .map(|p| vec![p.score.to_string(), esc(&p.label), esc(&p.description)])
        .collect();
    let header = [
        ("Score", Align::Right),
        ("Label", Align::Left),
        ("Meaning", Align::Left),
    ];
    format!("## Scale\n\n{}", markdown::table(&header, &rows))
}

fn levels_section(ladder: &Ladder) -> String {
    let esc = markdown::escape;
    let levels: String = ladder
        .levels
        .iter()
        .map(|level| {
            let id = markdown::code(level.id.as_str());
            let place = match (ladder.has_tracks(), ladder.below(level)) {
                (false, _) | (true, None) => String::new(),
                (true, Some(below)) => {
                    let after = format!(", after {}", markdown::code(below.id.as_str()));
                    match ladder.track_of(level) {
                        Some(track) => format!("{after}, {} track", esc(track)),
                        None => after,
                    }
                }
            };
            format!(
                "- **{}** ({id}{place}): {}\n",
                esc(&level.title),
                esc(&level.description)
            )
        })
        .collect();
    format!(
        "\n## Levels\n\n{levels}\n{}\n",
        match ladder.signals {
            SignalMode::Cumulative =>
                "Signals add up: each level is expected to show its own signals and \
                                       those of the levels before it.",
            SignalMode::PerLevel => "Each level lists every signal it is expected to show.",
        }
    )
}

/// An area's competencies against every level, as a table of expected scores.
fn area_matrix(ladder: &Ladder, area: &Area) -> String {
    let titles: Vec<String> = ladder
        .levels
        .iter()
        .map(|l| markdown::escape(&l.title))
        .collect();
    let mut header = vec![("Competency", Align::Left)];
    header.extend(titles.iter().map(|title| (title.as_str(), Align::Right)));
    let rows: Vec<Vec<String>> = area
        .competencies
        .iter()
        .map(|competency| {
            let mut row = vec![markdown::escape(&competency.title)];
            row.extend(
                ladder
                    .levels
                    .iter()
                    .map(|level| labelled(ladder, competency, level, markdown::escape)),
            );
            row
        })
        .collect();
    markdown::table(&header, &rows)
}

/// ` (e.g. one; two) <https://…>`: a signal's examples and links, for a Markdown table cell.
fn signal_extras(signal: &Signal) -> String {
    let mut extras = String::new();
    if !signal.examples.is_empty() {
        let examples: Vec<String> = signal
            .examples
            .iter()
            .map(|e| markdown::escape(e))
            .collect();
        extras.push_str(&format!(" (*e.g.* {})", examples.join("; ")));
    }
    for link in &signal.links {
        extras.push(' ');
        extras.push_str(&markdown_link(link));
    }
    extras
}

/// A checked link (an `http` or `https` address of address characters only) as a Markdown
/// autolink; the output-safety rule still applies, so that no address reads as a log command.
fn markdown_link(link: &str) -> String {
    format!("<{}>", super::safe::plain(link))
}

/// A competency's description, then each level's expected score and own signals.
fn competency_section(ladder: &Ladder, competency: &Competency) -> String {
    let esc = markdown::escape;
    let mut out = format!(
        "\n### {}\n\n{}\n",
        esc(&competency.title),
        esc(&competency.description)
    );
    for level in &ladder.levels {
        let Some(expectation) = competency.expectation(level) else {
            out.push_str(&format!("\n**{}**: not expected.\n", esc(&level.title)));
            continue;
        };
        let own = &expectation.signals;
        out.push_str(&format!(
            "\n**{}** ({}):\n\n",
            esc(&level.title),
            labelled(ladder, competency, level, esc)
        ));
        if own.is_empty() {
            out.push_str(match ladder.signals {
                SignalMode::Cumulative => "- No further signals.\n",
                SignalMode::PerLevel => "- No signals listed.\n",
            });
        }
        for signal in own {
            out.push_str(&format!("- {}\n", esc(&signal.text)));
            for example in &signal.examples {
                out.push_str(&format!("  - *For example:* {}\n", esc(example)));
            }
            for link in &signal.links {
                out.push_str(&format!("  - *See:* {}\n", markdown_link(link)));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct LadderView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    signals: SignalMode,
    scale: Vec<ScaleView<'a>>,
    levels: Vec<LevelView<'a>>,
    areas: Vec<AreaView<'a>>,
}

#[derive(Serialize)]
struct ScaleView<'a> {
    score: u32,
    label: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct LevelView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    /// The level it follows; `null` for the first.
    after: Option<&'a str>,
    /// The track it is on, by the nearest name given on the way up to it.
    track: Option<&'a str>,
}

#[derive(Serialize)]
struct AreaView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    competencies: Vec<CompetencyView<'a>>,
}

#[derive(Serialize)]
struct CompetencyView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    weight: f64,
    /// One per level shown: the level's own signals for the whole ladder, every signal
    /// the level shows (its own and its juniors') for a single level.
    expectations: Vec<ExpectationView<'a>>,
}

#[derive(Serialize)]
struct ExpectationView<'a> {
    level: &'a str,
    /// `null` where the level does not expect the competency.
    score: Option<u32>,
    label: Option<&'a str>,
    signals: Vec<SignalView<'a>>,
}

#[derive(Serialize)]
struct SignalView<'a> {
    /// For one level: the level that lists the signal first.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(flatten)]
    signal: &'a Signal,
}

impl<'a> SignalView<'a> {
    fn new(signal: &'a Signal) -> Self {
        SignalView { from: None, signal }
    }
}

fn view<'a>(ladder: &'a Ladder, levels: &[&'a Level], cumulative: bool) -> LadderView<'a> {
    LadderView {
        id: ladder.id.as_str(),
        title: &ladder.title,
        description: &ladder.description,
        signals: ladder.signals,
        scale: ladder
            .scale
            .points()
            .iter()
            .map(|p| ScaleView {
                score: p.score.value(),
                label: &p.label,
                description: &p.description,
            })
            .collect(),
        levels: levels
            .iter()
            .map(|l| LevelView {
                id: l.id.as_str(),
                title: &l.title,
                description: &l.description,
                after: ladder.below(l).map(|below| below.id.as_str()),
                track: ladder.track_of(l),
            })
            .collect(),
        areas: ladder
            .areas
            .iter()
            .map(|area| AreaView {
                id: area.id.as_str(),
                title: &area.title,
                description: &area.description,
                competencies: area
                    .competencies
                    .iter()
                    .map(|c| competency_view(ladder, c, levels, cumulative))
                    .collect(),
            })
            .collect(),
    }
}

fn competency_view<'a>(
    ladder: &'a Ladder,
    c: &'a Competency,
    levels: &[&'a Level],
    cumulative: bool,
) -> CompetencyView<'a> {
    CompetencyView {
        id: c.id.as_str(),
        title: &c.title,
        description: &c.description,
        weight: c.weight,
        expectations: levels
            .iter()
            .map(|level| {
                let expectation = c.expectation(level);
                let score = expectation.map(|e| e.score);
                ExpectationView {
                    level: level.id.as_str(),
                    score: score.map(|s| s.value()),
                    label: score.map(|score| c.label(&ladder.scale, score)),
                    signals: match (cumulative, expectation) {
                        (_, None) => Vec::new(),
                        (true, Some(_)) => c
                            .signals_from(level)
                            .into_iter()
                            .map(|(signal, _)| SignalView::new(signal))
                            .collect(),
                        (false, Some(e)) => e.signals.iter().map(SignalView::new).collect(),
                    },
                }
            })
            .collect(),
    }
}

pub fn ladder_json(ladder: &Ladder) -> String {
    let levels: Vec<&Level> = ladder.levels.iter().collect();
    json(&view(ladder, &levels, false))
}

pub fn level_json(report: &LevelReport) -> String {
    let (ladder, level) = (report.ladder, report.level);
    let mut view = view(ladder, &[level], true);
    view.areas = report
        .areas
        .iter()
        .map(|(area, rows)| AreaView {
            id: area.id.as_str(),
            title: &area.title,
            description: &area.description,
            competencies: rows
                .iter()
                .map(|row| {
                    let mut competency = competency_view(ladder, row.competency, &[level], true);
                    let expectation = &mut competency.expectations[0];
                    expectation.signals = row
                        .signals
                        .iter()
                        .map(|(signal, from)| SignalView {
                            from: Some(from.unwrap_or(level).id.as_str()),
                            signal,
                        })
                        .collect();
                    competency
                })
                .collect(),
        })
        .collect();
    json(&view)
}

/// A ladder that can be named, and where it comes from.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub id: String,
    pub title: String,
    pub levels: Vec<String>,
    /// `built-in`, or the file.
    pub source: String,
    /// A built-in ladder that a file in `./ladders/` with the same id stands in for.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub shadowed: bool,
    /// Why the ladder cannot be used, when it cannot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

pub fn list_table(listed: &[Listed], style: Style) -> String {
    let mut grid = Grid::new(style, &["Id", "Title", "Levels", "Source"]);
    for entry in listed {
        let levels = match &entry.problem {
            Some(problem) => problem.clone(),
            None => entry.levels.join(", "),
        };
        let source = if entry.shadowed {
            format!("{} (the file above is used)", entry.source)
        } else {
            entry.source.clone()
        };
        grid.row([&entry.id, &entry.title, &levels, &source].map(|text| Piece::text(text)));
    }
    format!("{}\n", grid.render())
}

pub fn list_markdown(listed: &[Listed]) -> String {
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|entry| {
            vec![
                markdown::code(&entry.id),
                markdown::escape(&entry.title),
                entry
                    .problem
                    .as_deref()
                    .map(markdown::escape)
                    .unwrap_or_else(|| {
                        entry
                            .levels
                            .iter()
                            .map(|l| markdown::code(l))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }),
                markdown::escape(&entry.source)
                    + if entry.shadowed {
                        " (the file above is used)"
                    } else {
                        ""
                    },
            ]
        })
        .collect();
    markdown::table(
        &[
            ("Id", Align::Left),
            ("Title", Align::Left),
            ("Levels", Align::Left),
            ("Source", Align::Left),
        ],
        &rows,
    )
}

pub fn list_json(listed: &[Listed]) -> String {
    json(listed)
}
