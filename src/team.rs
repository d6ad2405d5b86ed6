//! `ladder team`: every assessment of a team, grouped by person. Who is ready (each person's
//! latest assessment: level reached, met, coverage), where the team is weakest (each
//! competency: how many people are below it, and the mean gap), where self-assessments and
//! other assessors disagree (calibration), and who moved since the last assessment by the same
//! assessor (progress). Pure arithmetic over reports.

use foldhash::{HashMap, HashSet};

use serde::Serialize;

use crate::assess::{Report, SELF, Status};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Team {
    /// One per person, from their latest assessment, the readiest first.
    pub people: Vec<Person>,
    /// Every competency of the people's latest assessments, in ladder order.
    pub competencies: Vec<Weakness>,
    /// Every area of them, in ladder order.
    pub areas: Vec<AreaWeakness>,
    /// Per person with a self-assessment and another assessor's: the latest of each, in the
    /// order of `people`.
    pub calibrated: Vec<Pairing>,
    /// Per such person and competency both scored: the two scores, in the order of
    /// `calibrated`, then ladder order.
    pub calibration: Vec<Difference>,
    /// Per person and assessor with two or more dated assessments: the previous and the latest,
    /// in the order of `people`.
    pub progress: Vec<Progress>,
    /// Assessments left out because another of the same person, by the same assessor (or both
    /// by others than the person), has the same date and came later.
    pub left_out: Vec<LeftOut>,
}

/// An assessment the team does not read, and the one it reads instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    pub person: String,
    pub file: String,
    pub date: Option<String>,
    pub instead: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub person: String,
    pub file: String,
    pub assessor: Option<String>,
    /// `self`, or the assessor: as the assessment is labelled everywhere.
    pub assessed_by: String,
    pub date: Option<String>,
    pub target: String,
    pub reached: Option<String>,
    pub target_reached: bool,
    pub met: usize,
    pub total: usize,
    pub coverage: f64,
    /// The scored competency furthest from the target, if any is below it.
    pub largest_gap: Option<String>,
    /// The latest assessment's rows, in ladder order.
    #[serde(skip)]
    pub cells: Vec<Cell>,
}

/// One competency of one person's latest assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub id: String,
    pub area: String,
    pub area_title: String,
    pub title: String,
    pub score: Option<u32>,
    pub gap: u32,
    pub status: Status,
}

impl Person {
    /// The gap to this person's target in competency `id`: `Some(None)` when unscored, `None`
    /// when their target does not count it.
    pub fn gap(&self, id: &str) -> Option<Option<u32>> {
        let cell = self.cells.iter().find(|cell| cell.id == id)?;
        Some(cell.score.map(|_| cell.gap))
    }
}

/// A competency across the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weakness {
    pub id: String,
    pub area: String,
    pub area_title: String,
    pub title: String,
    /// People below their target's expectation in it, or not scored in it.
    pub below: usize,
    /// The mean gap over the people scored in it.
    pub mean_gap: f64,
    /// The mean of self-assessed score less the other assessor's, over the people whose latest
    /// of each both scored it: above 0 when self-assessments rate higher. `None` when no one's
    /// did.
    pub self_lean: Option<f64>,
}

/// An area across the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaWeakness {
    pub id: String,
    pub title: String,
    /// People below their target's expectation, or not scored, in any of its competencies.
    pub below: usize,
    /// The mean gap over its competencies' scored cells, every person's.
    pub mean_gap: f64,
}

/// One person's latest self-assessment set against the latest assessment by someone else.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pairing {
    pub person: String,
    pub self_file: String,
    pub self_date: Option<String>,
    pub other_file: String,
    pub other_assessor: String,
    pub other_date: Option<String>,
    /// The competencies both scored.
    pub compared: usize,
    /// The mean of self less other over them; `None` when there are none.
    pub lean: Option<f64>,
    /// How many of them the two score differently.
    pub differ: usize,
    /// Where its rows are in the team's `calibration`.
    #[serde(skip)]
    pub rows: std::ops::Range<usize>,
}

/// One competency both of a person's pairing scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    pub person: String,
    pub competency: String,
    pub title: String,
    #[serde(rename = "self")]
    pub self_score: u32,
    pub other: u32,
    pub assessor: String,
    /// Self less other.
    pub difference: i64,
}

/// One person's previous and latest dated assessments by one assessor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub person: String,
    pub assessor: String,
    pub from: String,
    pub to: String,
    pub target_before: String,
    pub target_after: String,
    pub met_before: usize,
    pub met_after: usize,
    pub total_before: usize,
    pub total_after: usize,
    pub reached_before: Option<String>,
    pub reached_after: Option<String>,
}

/// What a team keeps of one assessment: made from its report where the report is made, so
/// that gathering is only a matter of keeping or dropping it.
pub struct Seen {
    key: String,
    mark: Option<Mark>,
    person: Person,
}

impl From<Report> for Seen {
    fn from(report: Report) -> Self {
        let subject = &report.subject;
        let mark = subject.date.clone().map(|date| Mark {
            date,
            file: subject.file.clone(),
            target: subject.target.clone(),
            met: report.summary.met,
            total: report.summary.total,
            reached: report.placement.reached.clone(),
        });
        Seen {
            key: subject.person.trim().to_lowercase(),
            mark,
            person: person(report),
        }
    }
}

/// What a team keeps of each person as assessments come in, so that a team of any number of
/// files holds a few small records per person, never every report.
#[derive(Default)]
pub struct Gather {
    folders: Vec<Folder>,
    index: HashMap<String, usize>,
    /// The files left out, in the order found, and the same as a set: a file may be found left
    /// out twice (as a person's latest, and as an assessor's).
    left_out: Vec<LeftOut>,
    left_out_files: HashSet<String>,
}

#[derive(Default)]
struct Folder {
    /// The latest self-assessment and the latest by anyone else, by date, the one come last
    /// among equals.
    own: Option<Person>,
    other: Option<Person>,
    /// Per assessor, in the order first met: the two latest dated assessments.
    by_assessor: Vec<Dated>,
}

impl Folder {
    /// Whether the latest assessment by date is the self-assessment: on one date, another
    /// assessor's comes first.
    fn own_is_latest(&self) -> bool {
        match (&self.own, &self.other) {
            (Some(own), Some(other)) => own.date > other.date,
            (_, other) => other.is_none(),
        }
    }

    fn latest(&self) -> &Person {
        let latest = if self.own_is_latest() {
            &self.own
        } else {
            &self.other
        };
        latest.as_ref().expect("a folder is made for an assessment")
    }

    fn into_latest(self) -> Person {
        let latest = if self.own_is_latest() {
            self.own
        } else {
            self.other
        };
        latest.expect("a folder is made for an assessment")
    }
}

/// Where one assessment placed a person, for progress.
struct Mark {
    date: String,
    file: String,
    target: String,
    met: usize,
    total: usize,
    reached: Option<String>,
}

struct Dated {
    /// As first written, and as compared: trimmed, in lower case.
    assessor: String,
    key: String,
    previous: Option<Mark>,
    latest: Mark,
}

impl Dated {
    /// Takes `mark` in: the latest when it is as late as the latest (the one come last among
    /// equals), else the previous when it is later than that. Returns the file of a mark
    /// replaced by one of the same date, with the file kept instead.
    fn add(&mut self, mark: Mark) -> Option<(String, String)> {
        let same_date = |kept: &Mark, mark: &Mark| kept.date == mark.date;
        if mark.date >= self.latest.date {
            let tie = same_date(&self.latest, &mark)
                .then(|| (self.latest.file.clone(), mark.file.clone()));
            let latest = std::mem::replace(&mut self.latest, mark);
            if latest.date < self.latest.date {
                self.previous = Some(latest);
            }
            tie
        } else if self.previous.as_ref().is_none_or(|p| mark.date >= p.date) {
            let tie = self
                .previous
                .as_ref()
                .filter(|p| same_date(p, &mark))
                .map(|p| (p.file.clone(), mark.file.clone()));
            self.previous = Some(mark);
            tie
        } else {
            None
        }
    }
}

impl Gather {
    pub fn add(&mut self, seen: Seen) {
        let i = *self.index.entry(seen.key).or_insert_with(|| {
            self.folders.push(Folder::default());
            self.folders.len() - 1
        });
        let folder = &mut self.folders[i];
        let (name, date) = (seen.person.person.clone(), seen.person.date.clone());
        let mut ties = Vec::new();
        if let Some(mark) = seen.mark {
            let key = seen.person.assessed_by.to_lowercase();
            match folder.by_assessor.iter_mut().find(|d| d.key == key) {
                Some(dated) => ties.extend(dated.add(mark)),
                None => folder.by_assessor.push(Dated {
                    assessor: seen.person.assessed_by.clone(),
                    key,
                    previous: None,
                    latest: mark,
                }),
            }
        }
        let kept = match seen.person.assessed_by == SELF {
            true => &mut folder.own,
            false => &mut folder.other,
        };
        match kept {
            Some(kept) if seen.person.date < kept.date => {}
            Some(kept) => {
                // Two on one date (or both undated): the later one is read, and the other
                // is told of, not dropped unsaid.
                if seen.person.date == kept.date {
                    ties.push((kept.file.clone(), seen.person.file.clone()));
                }
                *kept = seen.person;
            }
            None => *kept = Some(seen.person),
        }
        for (file, instead) in ties {
            if self.left_out_files.insert(file.clone()) {
                self.left_out.push(LeftOut {
                    person: name.clone(),
                    file,
                    date: date.clone(),
                    instead,
                });
            }
        }
    }

    pub fn team(self) -> Team {
        let mut folders = self.folders;
        // The readiest first: target reached, then some level reached, then the most
        // expectations met, then coverage.
        folders.sort_by(|a, b| {
            let (a, b) = (a.latest(), b.latest());
            b.target_reached
                .cmp(&a.target_reached)
                .then(b.reached.is_some().cmp(&a.reached.is_some()))
                .then(b.met.cmp(&a.met))
                .then(b.coverage.total_cmp(&a.coverage))
        });
        let mut calibrated = Vec::new();
        let mut calibration = Vec::new();
        let mut progress = Vec::new();
        for folder in &folders {
            let name = folder.latest().person.as_str();
            if let (Some(own), Some(other)) = (&folder.own, &folder.other) {
                let differences = differences(name, own, other);
                let start = calibration.len();
                calibrated.push(pairing(name, own, other, &differences, start));
                calibration.extend(differences);
            }
            progress.extend(folder.by_assessor.iter().filter_map(|dated| {
                let before = dated.previous.as_ref()?;
                Some(moved(name, &dated.assessor, before, &dated.latest))
            }));
        }
        let people: Vec<Person> = folders.into_iter().map(Folder::into_latest).collect();
        Team {
            competencies: weaknesses(&people, &calibration),
            areas: area_weaknesses(&people),
            people,
            calibrated,
            calibration,
            progress,
            left_out: self.left_out,
        }
    }
}

fn person(report: Report) -> Person {
    let largest_gap = report.largest_gaps.into_iter().next().map(|gap| gap.title);
    let areas = report.areas;
    let cells = report
        .competencies
        .into_iter()
        .map(|row| Cell {
            area_title: areas
                .iter()
                .find(|area| area.id == row.area)
                .map_or_else(|| row.area.clone(), |area| area.title.clone()),
            id: row.id,
            area: row.area,
            title: row.title,
            score: row.score,
            gap: row.gap,
            status: row.status,
        })
        .collect();
    let subject = report.subject;
    Person {
        person: subject.person.trim().to_owned(),
        assessed_by: subject.assessor_label(),
        file: subject.file,
        assessor: subject.assessor,
        date: subject.date,
        target: subject.target,
        reached: report.placement.reached,
        target_reached: report.placement.target_reached,
        met: report.summary.met,
        total: report.summary.total,
        coverage: report.summary.coverage,
        largest_gap,
        cells,
    }
}

/// Every competency both `own` and `other` scored, in `other`'s order.
fn differences(person: &str, own: &Person, other: &Person) -> Vec<Difference> {
    let own: HashMap<&str, u32> = own
        .cells
        .iter()
        .filter_map(|cell| Some((cell.id.as_str(), cell.score?)))
        .collect();
    let assessor = &other.assessed_by;
    other
        .cells
        .iter()
        .filter_map(|cell| {
            let (mine, theirs) = (*own.get(cell.id.as_str())?, cell.score?);
            Some(Difference {
                person: person.to_owned(),
                competency: cell.id.clone(),
                title: cell.title.clone(),
                self_score: mine,
                other: theirs,
                assessor: assessor.clone(),
                difference: i64::from(mine) - i64::from(theirs),
            })
        })
        .collect()
}

/// The pairing of `own` and `other`, whose `differences` will stand in the team's calibration
/// from `start`.
fn pairing(
    person: &str,
    own: &Person,
    other: &Person,
    differences: &[Difference],
    start: usize,
) -> Pairing {
    let lean = mean(differences.iter().map(|d| d.difference as f64));
    Pairing {
        person: person.to_owned(),
        self_file: own.file.clone(),
        self_date: own.date.clone(),
        other_file: other.file.clone(),
        other_assessor: other.assessed_by.clone(),
        other_date: other.date.clone(),
        compared: differences.len(),
        lean,
        differ: differences.iter().filter(|d| d.difference != 0).count(),
        rows: start..start + differences.len(),
    }
}

fn moved(person: &str, assessor: &str, before: &Mark, after: &Mark) -> Progress {
    Progress {
        person: person.to_owned(),
        assessor: assessor.to_owned(),
        from: before.date.clone(),
        to: after.date.clone(),
        target_before: before.target.clone(),
        target_after: after.target.clone(),
        met_before: before.met,
        met_after: after.met,
        total_before: before.total,
        total_after: after.total,
        reached_before: before.reached.clone(),
        reached_after: after.reached.clone(),
    }
}

/// The mean of `values`, `None` when there are none.
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0_u32), |(sum, n), v| (sum + v, n + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// Each competency any person's latest assessment has, in the order first met, with the
/// team's self-rating lean in it from `calibration`.
fn weaknesses(people: &[Person], calibration: &[Difference]) -> Vec<Weakness> {
    let mut order: Vec<Weakness> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    let mut gaps: Vec<(u32, u32)> = Vec::new();
    for cell in people.iter().flat_map(|person| &person.cells) {
        let i = *index.entry(cell.id.as_str()).or_insert_with(|| {
            order.push(Weakness {
                id: cell.id.clone(),
                area: cell.area.clone(),
                area_title: cell.area_title.clone(),
                title: cell.title.clone(),
                below: 0,
                mean_gap: 0.0,
                self_lean: None,
            });
            gaps.push((0, 0));
            order.len() - 1
        });
        if !cell.status.is_met() {
            order[i].below += 1;
        }
        if cell.status != Status::Missing {
            gaps[i].0 += cell.gap;
            gaps[i].1 += 1;
        }
    }
    let mut leans: HashMap<&str, Vec<f64>> = HashMap::default();
    for difference in calibration {
        let lean = leans.entry(difference.competency.as_str()).or_default();
        lean.push(difference.difference as f64);
    }
    for (weakness, (sum, count)) in order.iter_mut().zip(gaps) {
        weakness.mean_gap = mean_gap(sum, count);
        let lean = leans.get(weakness.id.as_str());
        weakness.self_lean = mean(lean.into_iter().flatten().copied());
    }
    order
}

/// A sum of gaps over `count` cells as a mean; 0 over none.
fn mean_gap(sum: u32, count: u32) -> f64 {
    match count {
        0 => 0.0,
        n => f64::from(sum) / f64::from(n),
    }
}

/// Each area of any person's latest assessment, in the order first met.
fn area_weaknesses(people: &[Person]) -> Vec<AreaWeakness> {
    let mut order: Vec<AreaWeakness> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    let mut gaps: Vec<(u32, u32)> = Vec::new();
    for person in people {
        let mut below: Vec<usize> = Vec::new();
        for cell in &person.cells {
            let i = *index.entry(cell.area.as_str()).or_insert_with(|| {
                order.push(AreaWeakness {
                    id: cell.area.clone(),
                    title: cell.area_title.clone(),
                    below: 0,
                    mean_gap: 0.0,
                });
                gaps.push((0, 0));
                order.len() - 1
            });
            if !cell.status.is_met() && !below.contains(&i) {
                below.push(i);
            }
            if cell.status != Status::Missing {
                gaps[i].0 += cell.gap;
                gaps[i].1 += 1;
            }
        }
        for i in below {
            order[i].below += 1;
        }
    }
    for (area, (sum, count)) in order.iter_mut().zip(gaps) {
        area.mean_gap = mean_gap(sum, count);
    }
    order
}

/// The items most people are below, then with the largest mean gap, leaving out those no one
/// is below: at most `n`.
fn weakest_first<T>(items: &[T], n: usize, figures: impl Fn(&T) -> (usize, f64)) -> Vec<&T> {
    let mut weakest: Vec<&T> = items.iter().filter(|item| figures(item).0 > 0).collect();
    weakest.sort_by(|a, b| {
        let ((a_below, a_gap), (b_below, b_gap)) = (figures(a), figures(b));
        b_below.cmp(&a_below).then(b_gap.total_cmp(&a_gap))
    });
    weakest.truncate(n);
    weakest
}

impl Team {
    /// The competencies most people are below, then with the largest mean gap: at most `n`.
    pub fn weakest(&self, n: usize) -> Vec<&Weakness> {
        weakest_first(&self.competencies, n, |w| (w.below, w.mean_gap))
    }

    /// The areas most people are below in, then with the largest mean gap: at most `n`.
    pub fn weakest_areas(&self, n: usize) -> Vec<&AreaWeakness> {
        weakest_first(&self.areas, n, |a| (a.below, a.mean_gap))
    }

    /// The differences of a pairing, the largest first (ties in ladder order), leaving out
    /// agreement: at most `n`.
    pub fn differs_most(&self, pairing: &Pairing, n: usize) -> Vec<&Difference> {
        let rows = self.calibration[pairing.rows.clone()].iter();
        let mut differs: Vec<&Difference> = rows.filter(|d| d.difference != 0).collect();
        differs.sort_by_key(|d| std::cmp::Reverse(d.difference.abs()));
        differs.truncate(n);
        differs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(date: &str, met: usize) -> Mark {
        Mark {
            date: date.to_owned(),
            file: format!("{date}-{met}.yaml"),
            target: "manager".to_owned(),
            met,
            total: 21,
            reached: None,
        }
    }

    fn dated(marks: &[(&str, usize)]) -> (Option<(String, usize)>, (String, usize)) {
        let mut dated = Dated {
            assessor: "self".to_owned(),
            key: "self".to_owned(),
            previous: None,
            latest: mark(marks[0].0, marks[0].1),
        };
        for &(date, met) in &marks[1..] {
            dated.add(mark(date, met));
        }
        (
            dated.previous.map(|p| (p.date, p.met)),
            (dated.latest.date, dated.latest.met),
        )
    }

    #[test]
    fn progress_keeps_the_two_latest_dates_in_any_order() {
        let at = |date: &str, met| (date.to_owned(), met);
        assert_eq!(dated(&[("2026-04-01", 1)]), (None, at("2026-04-01", 1)));
        assert_eq!(
            dated(&[("2026-10-01", 3), ("2026-01-01", 1), ("2026-04-01", 2)]),
            (Some(at("2026-04-01", 2)), at("2026-10-01", 3))
        );
        assert_eq!(
            dated(&[("2026-01-01", 1), ("2026-04-01", 2), ("2026-10-01", 3)]),
            (Some(at("2026-04-01", 2)), at("2026-10-01", 3))
        );
        // Two on the latest date: the one come last is the latest, and the date before it
        // stays the previous one; one date twice is no progress.
        assert_eq!(
            dated(&[("2026-04-01", 1), ("2026-10-01", 2), ("2026-10-01", 3)]),
            (Some(at("2026-04-01", 1)), at("2026-10-01", 3))
        );
        assert_eq!(
            dated(&[("2026-10-01", 2), ("2026-10-01", 3)]),
            (None, at("2026-10-01", 3))
        );
    }

    #[test]
    fn one_date_twice_names_the_file_left_out() {
        let mut dated = Dated {
            assessor: "Bob".to_owned(),
            key: "bob".to_owned(),
            previous: None,
            latest: mark("2026-04-01", 1),
        };
        assert_eq!(dated.add(mark("2026-10-01", 2)), None);
        let tie = |left: &str, kept: &str| Some((left.to_owned(), kept.to_owned()));
        assert_eq!(
            dated.add(mark("2026-10-01", 3)),
            tie("2026-10-01-2.yaml", "2026-10-01-3.yaml")
        );
        assert_eq!(
            dated.add(mark("2026-04-01", 4)),
            tie("2026-04-01-1.yaml", "2026-04-01-4.yaml")
        );
        assert_eq!(dated.add(mark("2026-01-01", 5)), None);
    }

    #[test]
    fn a_mean_of_nothing_is_none() {
        assert_eq!(mean(std::iter::empty()), None);
        assert_eq!(mean([1.0, -2.0, 4.0].into_iter()), Some(1.0));
    }
}
