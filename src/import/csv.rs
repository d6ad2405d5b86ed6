//! `ladder import csv`: a ladder kept in a spreadsheet, exported as CSV. A header row names the
//! columns `area`, `competency`, `level`, `score` and `signal` (`signal` may be left out), in
//! any order and any case; then one row per signal, or, with the signal left empty, a row that
//! gives a score alone. Areas, competencies and levels are named by their titles, in the order
//! they are first met, each with an id made from its title ([`super::slug`]). Scores are whole
//! numbers; the scale is every score from the smallest to the largest met (or named by
//! `--scale`), labelled by their number unless `--scale` names them. A competency with no row
//! for a level is not expected there (`~`), and the user is told.
//!
//! Read with the `csv` crate, one record at a time: the file's size cap bounds the rows, and
//! every step is a look-up by key, so the cost is linear in the file.

use foldhash::HashMap;
use std::sync::Arc;

use super::slug::Ids;
use super::{
    Area, Competency, Draft, Expectation, Gaps, Imported, Level, Point, Signal, Signals, Texts,
    forbidden_character, tidy,
};
use crate::diagnostic::{At, Code, Diagnostic};
use crate::error::Error;
use crate::load::Source;
use crate::load::check::Findings;
use crate::load::ladder::MAX_LEVELS;
use crate::load::source::Position;
use crate::wording;

/// The most scores a scale may span: a scale is every score from the smallest to the largest,
/// so a file with the scores 1 and 4,000,000,000 must not make four billion of them.
pub const MAX_SCALE_SCORES: u32 = 100;

/// What the command line adds to the file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Labels for scores, from `--scale "1=Learning,2=Practising"`.
    pub labels: Vec<(u32, String)>,
    /// Each level lists everything expected of it (`signals: per-level`).
    pub per_level: bool,
}

/// Parses `--scale`: `SCORE=LABEL` pairs, separated by commas, each score once.
pub fn parse_scale(text: &str) -> Result<Vec<(u32, String)>, String> {
    let mut labels: Vec<(u32, String)> = Vec::new();
    for pair in text.split(',') {
        let Some((score, label)) = pair.split_once('=') else {
            return Err(format!(
                "`{}` is not SCORE=LABEL, such as `1=Learning`",
                pair.trim()
            ));
        };
        let score = parse_score(score.trim()).map_err(|why| format!("{why}, in `{pair}`"))?;
        let label = tidy(label);
        if label.is_empty() {
            return Err(format!("score {score} is given no label"));
        }
        if let Some(c) = forbidden_character(&label) {
            return Err(format!(
                "the label of score {score} holds the control or invisible character U+{:04X}",
                u32::from(c)
            ));
        }
        if labels.iter().any(|(seen, _)| *seen == score) {
            return Err(format!("score {score} is labelled twice"));
        }
        labels.push((score, label));
    }
    labels.sort_by_key(|(score, _)| *score);
    let (Some(first), Some(last)) = (labels.first(), labels.last()) else {
        return Err("name at least one score".to_owned());
    };
    if last.0 - first.0 >= MAX_SCALE_SCORES {
        return Err(format!(
            "a scale spans at most {MAX_SCALE_SCORES} scores, not {} to {}",
            first.0, last.0
        ));
    }
    Ok(labels)
}

/// A score as a spreadsheet cell holds it: decimal digits, no sign, no leading zero.
fn parse_score(text: &str) -> Result<u32, String> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` is not a whole number from 0 up"));
    }
    if text.len() > 1 && text.starts_with('0') {
        return Err(format!("`{text}` has a leading zero"));
    }
    text.parse::<u32>()
        .map_err(|_| format!("`{}` is far too large", abbreviated(text)))
}

fn abbreviated(text: &str) -> String {
    if text.len() > 24 {
        format!("{}… ({} digits)", &text[..20], text.len())
    } else {
        text.to_owned()
    }
}

/// The columns a file may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Area,
    Competency,
    Level,
    Score,
    Signal,
}

const COLUMNS: [(&str, Column); 5] = [
    ("area", Column::Area),
    ("competency", Column::Competency),
    ("level", Column::Level),
    ("score", Column::Score),
    ("signal", Column::Signal),
];

/// Where each column is in a row.
struct Header {
    area: usize,
    competency: usize,
    level: usize,
    score: usize,
    signal: Option<usize>,
    len: usize,
}

/// A cell's text and where it is in the file.
struct Cell {
    text: String,
    at: Position,
}

/// A competency being gathered.
struct Gathered {
    area: usize,
    id: String,
    title: String,
}

/// What a competency's rows at a level give: the score and the line it was first given on
/// (`None` while no row there has a score that can be read), and the signals.
struct Slot {
    score: Option<(u32, usize)>,
    signals: Vec<Signal>,
}

/// Everything met so far.
struct Gathering {
    texts: Texts,
    levels: Vec<Level>,
    level_index: HashMap<String, usize>,
    level_ids: Ids,
    too_many_levels: bool,
    areas: Vec<(String, String)>,
    area_index: HashMap<String, usize>,
    area_ids: Ids,
    competencies: Vec<Gathered>,
    competency_index: HashMap<(usize, String), usize>,
    competency_ids: Ids,
    /// What each competency expects at each level so far, by competency and level: only
    /// those the rows name, so that memory grows with the rows, not with competencies × levels.
    slots: HashMap<(usize, usize), Slot>,
    /// The smallest and the largest score met, and where.
    lowest: Option<(u32, Position)>,
    highest: Option<(u32, Position)>,
    rows: usize,
}

/// Converts the CSV file in `source` into a ladder with the id `id` and the title `title`.
pub fn import(
    source: &Arc<Source>,
    id: &str,
    title: &str,
    options: &Options,
) -> Result<Imported, Error> {
    let text = source.text();
    if text.trim().is_empty() {
        return Err(Error::invalid(Diagnostic::error(
            Code::EmptyDocument,
            "empty file: no header row",
            At::File(source.clone()),
        )));
    }
    let mut findings = Findings::new(source, &crate::policy::NONE);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header = None;
    let mut header_at = Position::default();
    let mut gathering = Gathering::new(source);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                // The text is UTF-8 and rows may differ in length, so this is not expected;
                // said where the reader was, and the reading stops.
                let at = error.position().map_or(Position::default(), |p| Position {
                    line: usize::try_from(p.line()).unwrap_or(0),
                    column: 1,
                    ..Position::default()
                });
                findings.error(
                    Code::WrongType,
                    format!("cannot read this row: {error}"),
                    at,
                );
                break;
            }
        }
        // A row with nothing in it holds nothing to lose.
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        let row = Row {
            text,
            start,
            line: record
                .position()
                .and_then(|p| usize::try_from(p.line()).ok())
                .unwrap_or(0),
        };
        match &header {
            None => match read_header(&mut findings, &record, &row) {
                Some(read) => {
                    header = Some(read);
                    header_at = row.at();
                }
                // A header that cannot be read leaves no row to make sense of.
                None => break,
            },
            Some(header) => gathering.row(&mut findings, header, &record, &row),
        }
    }
    match &header {
        Some(_) if gathering.rows == 0 => {
            findings.error(Code::EmptyDocument, "no rows under the header", header_at);
        }
        // Every row was empty: there is not even a header.
        None if !findings.has_errors() => {
            return Err(Error::invalid(Diagnostic::error(
                Code::EmptyDocument,
                "every row is empty: no header row",
                At::File(source.clone()),
            )));
        }
        _ => {}
    }
    let mut notes: Vec<String> = gathering.texts.note().into_iter().collect();
    let mut gaps = Gaps::default();
    let draft = gathering.finish(&mut findings, &mut gaps, (id, title), options);
    notes.extend(gaps.note("a competency has no row"));
    Imported::checked(findings, draft, notes)
}

/// A row of the file, to find its cells in the text.
struct Row<'a> {
    text: &'a str,
    /// The byte where the row starts.
    start: usize,
    line: usize,
}

impl Row<'_> {
    /// The position of the row's first cell, for what concerns the whole row.
    fn at(&self) -> Position {
        self.cell_at(0)
    }

    /// Where cell `index` is written: found by walking the row's text from its start, as CSV
    /// reads it (a quoted cell runs to its closing quote; `""` is a quote inside one). Done
    /// only for a cell a finding is about, at a cost bounded by the row's length.
    fn cell_at(&self, index: usize) -> Position {
        let bytes = self.text.as_bytes();
        let mut at = self.start.min(bytes.len());
        // The reader may place a row just before it, on the line break that ends the last.
        while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        for _ in 0..index {
            at = cell_end(bytes, at);
            match bytes.get(at) {
                Some(b',') => at += 1,
                _ => break,
            }
        }
        let end = cell_end(bytes, at);
        Position {
            line: self.line,
            column: 0,
            byte_offset: Some(at),
            byte_len: end - at,
        }
    }
}

/// Where the cell starting at `at` ends: at the `,` or line break after it, or the end.
fn cell_end(bytes: &[u8], mut at: usize) -> usize {
    if bytes.get(at) == Some(&b'"') {
        at += 1;
        while at < bytes.len() {
            if bytes[at] == b'"' {
                if bytes.get(at + 1) == Some(&b'"') {
                    at += 2;
                    continue;
                }
                at += 1;
                break;
            }
            at += 1;
        }
    }
    while at < bytes.len() && !matches!(bytes[at], b',' | b'\n' | b'\r') {
        at += 1;
    }
    at
}

/// The separator a header cell was written with, when it is not a comma: a spreadsheet set
/// for a language that writes decimals with a comma saves `area;competency;…`.
fn other_separator(cell: &str) -> Option<char> {
    [';', '\t', '|'].into_iter().find(|&separator| {
        let names: Vec<&str> = cell.split(separator).map(str::trim).collect();
        names.len() > 1
            && names
                .iter()
                .all(|name| COLUMNS.iter().any(|(n, _)| n == name))
    })
}

/// The header row: every column named once, the four that are needed there, no other.
fn read_header(findings: &mut Findings, record: &csv::StringRecord, row: &Row) -> Option<Header> {
    let mut found: [Option<usize>; 5] = [None; 5];
    let mut ok = true;
    for (index, cell) in record.iter().enumerate() {
        let name = tidy(cell).to_lowercase();
        let known = COLUMNS.iter().position(|(column, _)| *column == name);
        let Some(known) = known else {
            let message = if name.is_empty() {
                format!("column {} has no name", index + 1)
            } else {
                format!("unknown column `{}`", tidy(cell))
            };
            if let Some(separator) = other_separator(&name) {
                // One cell holding every name: the rest would say only that they are missing.
                findings
                    .error(Code::UnknownField, message, row.cell_at(index))
                    .help = Some(format!(
                    "the cells are separated by `{}`: save the file as comma-separated values",
                    separator.escape_default()
                ));
                return None;
            }
            let help = wording::did_you_mean(&name, COLUMNS.iter().map(|(n, _)| *n))
                .unwrap_or_else(|| {
                    format!(
                        "the columns are {}",
                        wording::list(COLUMNS.iter().map(|(n, _)| n))
                    )
                });
            findings
                .error(Code::UnknownField, message, row.cell_at(index))
                .help = Some(help);
            ok = false;
            continue;
        };
        if let Some(first) = found[known] {
            findings
                .error(
                    Code::DuplicateKey,
                    format!("column `{name}` is given twice"),
                    row.cell_at(index),
                )
                .help = Some(format!("it is column {} too; keep one", first + 1));
            ok = false;
            continue;
        }
        found[known] = Some(index);
    }
    for (i, (name, column)) in COLUMNS.iter().enumerate() {
        if found[i].is_none() && *column != Column::Signal {
            findings
                .error(
                    Code::MissingField,
                    format!("the header has no `{name}` column"),
                    row.at(),
                )
                .help = Some(format!(
                "the header names {}, and may name `signal`",
                wording::list(COLUMNS[..4].iter().map(|(n, _)| n))
            ));
            ok = false;
        }
    }
    let [
        Some(area),
        Some(competency),
        Some(level),
        Some(score),
        signal,
    ] = found
    else {
        return None;
    };
    ok.then_some(Header {
        area,
        competency,
        level,
        score,
        signal,
        len: record.len(),
    })
}

impl Gathering {
    fn new(source: &Arc<Source>) -> Gathering {
        Gathering {
            texts: Texts::new(source),
            levels: Vec::new(),
            level_index: HashMap::default(),
            level_ids: Ids::default(),
            too_many_levels: false,
            areas: Vec::new(),
            area_index: HashMap::default(),
            area_ids: Ids::default(),
            competencies: Vec::new(),
            competency_index: HashMap::default(),
            competency_ids: Ids::default(),
            slots: HashMap::default(),
            lowest: None,
            highest: None,
            rows: 0,
        }
    }

    fn row(
        &mut self,
        findings: &mut Findings,
        header: &Header,
        record: &csv::StringRecord,
        row: &Row,
    ) {
        self.rows += 1;
        if record.len() != header.len {
            findings
                .error(
                    Code::WrongType,
                    format!(
                        "this row has {}; the header names {}",
                        wording::plural(record.len(), "cell"),
                        wording::plural(header.len, "column")
                    ),
                    row.at(),
                )
                .help = Some("give every row one cell for each column".to_owned());
            return;
        }
        let texts = &mut self.texts;
        let mut cell = |index: usize, what: &str, required: bool| -> Option<Cell> {
            text_cell(findings, texts, record, row, (index, what), required)
        };
        let area = cell(header.area, "area", true);
        let competency = cell(header.competency, "competency", true);
        let level = cell(header.level, "level", true);
        let score = cell(header.score, "score", true);
        let signal = header.signal.and_then(|i| cell(i, "signal", false));
        let (Some(area), Some(competency), Some(level), Some(score)) =
            (area, competency, level, score)
        else {
            return;
        };
        let level = self.level(findings, &level);
        let score = match parse_score(&score.text) {
            Ok(value) => Some((value, score.at)),
            Err(why) => {
                findings
                    .error(Code::WrongType, format!("score {why}"), score.at)
                    .help = Some("write the score in decimal digits, such as `3`".to_owned());
                None
            }
        };
        let area = self.area(&area);
        let competency = self.competency(area, &competency);
        let Some(level) = level else {
            return;
        };
        if let Some((score, at)) = score {
            self.note_score(score, at);
        }
        // A row names the level for its competency, whatever else is wrong with it.
        let slot = self
            .slots
            .entry((competency, level))
            .or_insert_with(|| Slot {
                score: None,
                signals: Vec::new(),
            });
        let Some((score, score_at)) = score else {
            return;
        };
        match slot.score {
            None => slot.score = Some((score, row.line)),
            Some((first, line)) if first != score => {
                let gathered = &self.competencies[competency];
                findings
                    .error(
                        Code::DuplicateKey,
                        format!(
                            "`{}` is given score {score} at `{}` here, and score {first} on line {line}",
                            gathered.title, self.levels[level].title
                        ),
                        score_at,
                    )
                    .help = Some("a competency expects one score at each level".to_owned());
                return;
            }
            Some(_) => {}
        }
        if let Some(signal) = signal.filter(|s| !s.text.is_empty()) {
            slot.signals.push(Signal::text(signal.text));
        }
    }

    fn note_score(&mut self, score: u32, at: Position) {
        if self.lowest.is_none_or(|(lowest, _)| score < lowest) {
            self.lowest = Some((score, at));
        }
        if self.highest.is_none_or(|(highest, _)| score > highest) {
            self.highest = Some((score, at));
        }
    }

    /// The level a cell names, first met now or before; `None` past the most levels a
    /// ladder may have.
    fn level(&mut self, findings: &mut Findings, cell: &Cell) -> Option<usize> {
        if let Some(&index) = self.level_index.get(&cell.text) {
            return Some(index);
        }
        if self.levels.len() >= MAX_LEVELS {
            if !self.too_many_levels {
                findings
                    .error(
                        Code::TooManyLevels,
                        format!(
                            "level `{}` is one more than the {MAX_LEVELS} levels a ladder may have",
                            cell.text
                        ),
                        cell.at,
                    )
                    .help = Some(
                    "a ladder has a handful of levels; give another track a ladder of its own"
                        .to_owned(),
                );
                self.too_many_levels = true;
            }
            return None;
        }
        let index = self.levels.len();
        self.levels.push(Level {
            id: self.level_ids.unique(&cell.text, "level"),
            title: cell.text.clone(),
            after: None,
            description: None,
            track: None,
        });
        self.level_index.insert(cell.text.clone(), index);
        Some(index)
    }

    fn area(&mut self, cell: &Cell) -> usize {
        if let Some(&index) = self.area_index.get(&cell.text) {
            return index;
        }
        let index = self.areas.len();
        let id = self.area_ids.unique(&cell.text, "area");
        self.areas.push((id, cell.text.clone()));
        self.area_index.insert(cell.text.clone(), index);
        index
    }

    fn competency(&mut self, area: usize, cell: &Cell) -> usize {
        let key = (area, cell.text.clone());
        if let Some(&index) = self.competency_index.get(&key) {
            return index;
        }
        let index = self.competencies.len();
        self.competencies.push(Gathered {
            area,
            id: self.competency_ids.unique(&cell.text, "competency"),
            title: cell.text.clone(),
        });
        self.competency_index.insert(key, index);
        index
    }

    /// The ladder, once every row is read: the scale, and every competency's expectation at
    /// every level, `~` (not expected) where it has no row, which `gaps` records to be told.
    fn finish(
        mut self,
        findings: &mut Findings,
        gaps: &mut Gaps,
        (id, title): (&str, &str),
        options: &Options,
    ) -> Draft {
        let scale = scale(findings, self.lowest, self.highest, &options.labels);
        let levels = self.levels.len();
        if let Some(error) =
            super::too_many_expectations(&self.texts.source(), self.competencies.len(), levels)
        {
            findings.push(error);
            self.competencies.clear();
        }
        let mut areas: Vec<Area> = self
            .areas
            .into_iter()
            .map(|(id, title)| Area {
                id,
                title,
                description: None,
                competencies: Vec::new(),
            })
            .collect();
        for (index, gathered) in self.competencies.into_iter().enumerate() {
            let by_level: Vec<Option<Slot>> = (0..levels)
                .map(|level| self.slots.remove(&(index, level)))
                .collect();
            let missing: Vec<&str> = self
                .levels
                .iter()
                .zip(&by_level)
                .filter(|(_, slot)| slot.is_none())
                .map(|(level, _)| level.id.as_str())
                .collect();
            gaps.add(&gathered.id, &missing);
            let expectations = self
                .levels
                .iter()
                .zip(by_level)
                .map(|(level, slot)| {
                    let expectation = slot.and_then(|slot| {
                        let (score, _) = slot.score?;
                        Some(Expectation {
                            score,
                            signals: slot.signals,
                        })
                    });
                    (level.id.clone(), expectation)
                })
                .collect();
            areas[gathered.area].competencies.push(Competency {
                id: gathered.id,
                title: gathered.title,
                description: None,
                expectations,
            });
        }
        Draft {
            id: id.to_owned(),
            title: title.to_owned(),
            description: None,
            signals: if options.per_level {
                Signals::PerLevel
            } else {
                Signals::Cumulative
            },
            scale,
            levels: self.levels,
            areas,
        }
    }
}

/// A cell's text, read by `texts`; `None`, and said, when it cannot be a ladder's text, or is
/// empty where text is required.
fn text_cell(
    findings: &mut Findings,
    texts: &mut Texts,
    record: &csv::StringRecord,
    row: &Row,
    (index, what): (usize, &str),
    required: bool,
) -> Option<Cell> {
    let raw = record.get(index).unwrap_or_default();
    let at = row.cell_at(index);
    let what = format!("the {what}");
    let text = if required {
        texts.required(findings, raw, at, &what)?
    } else {
        texts.read(findings, raw, at, &what)?
    };
    Some(Cell { text, at })
}

/// Every score from the smallest to the largest, met or labelled, each labelled by `--scale`
/// or by its number.
fn scale(
    findings: &mut Findings,
    lowest: Option<(u32, Position)>,
    highest: Option<(u32, Position)>,
    labels: &[(u32, String)],
) -> Vec<Point> {
    let (Some((low, _)), Some((high, high_at))) = (lowest, highest) else {
        return Vec::new();
    };
    let low = labels.first().map_or(low, |(score, _)| low.min(*score));
    let high_labelled = labels.last().map_or(0, |(score, _)| *score);
    let high = high.max(high_labelled);
    if high - low >= MAX_SCALE_SCORES {
        let at = if high_labelled == high {
            lowest.map_or(high_at, |(_, at)| at)
        } else {
            high_at
        };
        findings
            .error(
                Code::ScoreOffScale,
                format!(
                    "the scores run from {low} to {high}: a scale has at most {MAX_SCALE_SCORES} scores"
                ),
                at,
            )
            .help = Some("scores are steps on a short scale, such as 1 to 5".to_owned());
        return Vec::new();
    }
    let named: HashMap<u32, &str> = labels.iter().map(|(s, l)| (*s, l.as_str())).collect();
    (low..=high)
        .map(|score| Point {
            score,
            label: named
                .get(&score)
                .map_or_else(|| score.to_string(), |label| (*label).to_owned()),
            description: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str, options: &Options) -> Result<Draft, Vec<(Code, usize, String)>> {
        let source = Source::from_text("t.csv", text);
        import(&source, "t", "T", options)
            .map(|imported| imported.draft)
            .map_err(|error| match error {
                Error::Invalid(found) => found
                    .kept
                    .iter()
                    .map(|d| {
                        (
                            d.code,
                            d.location().map_or(0, |l| l.line),
                            d.message.clone(),
                        )
                    })
                    .collect(),
                other => panic!("{other:?}"),
            })
    }

    #[test]
    fn the_scale_is_every_score_between_the_smallest_and_largest() {
        let text = "area,competency,level,score\nA,C,One,2\nA,C,Two,5\n";
        let scale = draft(text, &Options::default()).unwrap().scale;
        let labels: Vec<(u32, &str)> = scale.iter().map(|p| (p.score, p.label.as_str())).collect();
        assert_eq!(labels, [(2, "2"), (3, "3"), (4, "4"), (5, "5")]);
        let options = Options {
            labels: parse_scale("1=Learning, 3=Fluent ,6=Teaching").unwrap(),
            per_level: false,
        };
        let scale = draft(text, &options).unwrap().scale;
        let labels: Vec<(u32, &str)> = scale.iter().map(|p| (p.score, p.label.as_str())).collect();
        assert_eq!(
            labels,
            [
                (1, "Learning"),
                (2, "2"),
                (3, "Fluent"),
                (4, "4"),
                (5, "5"),
                (6, "Teaching")
            ]
        );
    }

    #[test]
    fn a_scale_is_short() {
        let text = "area,competency,level,score\nA,C,One,0\nA,C,Two,4000000000\n";
        let errors = draft(text, &Options::default()).unwrap_err();
        assert_eq!(errors[0].0, Code::ScoreOffScale);
        assert_eq!(errors[0].1, 3);
        assert!(parse_scale("0=a,100=b").is_err());
        assert!(parse_scale("0=a,99=b").is_ok());
    }

    #[test]
    fn scale_labels_are_checked() {
        assert_eq!(
            parse_scale("2=Practising,1=Learning"),
            Ok(vec![
                (1, "Learning".to_owned()),
                (2, "Practising".to_owned())
            ])
        );
        for bad in [
            "",
            "1",
            "1=",
            "x=Learning",
            "1=A,1=B",
            "-1=A",
            "01=A",
            "1=\u{1b}[2J",
        ] {
            assert!(parse_scale(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn scores_are_plain_whole_numbers() {
        assert_eq!(parse_score("0"), Ok(0));
        assert_eq!(parse_score("42"), Ok(42));
        for bad in ["", "+3", "-1", "3.0", "03", "=1+2", "1e3", "99999999999"] {
            assert!(parse_score(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_header_with_another_separator_says_so() {
        let errors = draft(
            "area;competency;level;score\nA;C;L;1\n",
            &Options::default(),
        );
        assert_eq!(errors.unwrap_err()[0].0, Code::UnknownField);
        assert_eq!(other_separator("area;competency;level;score"), Some(';'));
        assert_eq!(other_separator("area\tlevel"), Some('\t'));
        assert_eq!(other_separator("notes;area"), None);
        assert_eq!(other_separator("area"), None);
        let errors = draft(",,,\n , ,\n", &Options::default()).unwrap_err();
        assert_eq!(errors[0].0, Code::EmptyDocument);
        let errors = draft("area,competency,level,score\n,,,\n", &Options::default()).unwrap_err();
        assert_eq!(errors[0].2, "no rows under the header");
    }

    #[test]
    fn cells_are_found_where_they_are_written() {
        let text = "a,\"b,\"\"c\"\"\",d\r\nx,y\n";
        let row = Row {
            text,
            start: 0,
            line: 1,
        };
        let slice = |p: Position| &text[p.byte_offset.unwrap()..][..p.byte_len];
        assert_eq!(slice(row.cell_at(0)), "a");
        assert_eq!(slice(row.cell_at(1)), "\"b,\"\"c\"\"\"");
        assert_eq!(slice(row.cell_at(2)), "d");
        // Past the last cell: the end of the row.
        assert_eq!(slice(row.cell_at(5)), "");
    }
}
