//! Pages: one self-contained HTML document per report, to attach to a promotion case or open
//! from a CI artifact. The picture is inline, the style is inline, and there is no script and
//! no address of anything outside the page, so it reads the same offline and prints as it
//! shows. Written with `maud`, which escapes every spliced value; file text is made plain
//! first (see [`super::safe::plain`]), as everywhere.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::safe::{markup_text, plain};
use super::{compare as compare_view, figure_or_dash, percent, report, team as team_view};
use crate::assess::{Report, Row};
use crate::compare::Comparison;
use crate::plan::{Plan, Step};
use crate::team::Team;

/// Printable and plain: system fonts, no colour that carries meaning alone.
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\
color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}\
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;\
text-align:left;vertical-align:top}td.n,th.n{text-align:right}tr.area td{font-weight:bold;\
background:#f4f4f4}.below,.missing{font-weight:bold}.byline{color:#555;margin-top:0}\
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}dt{font-weight:bold}\
dd{margin:0 0 .5rem 0}@media print{body{margin:0;max-width:none}h2{break-after:avoid}\
table,figure{break-inside:avoid}}";

/// File text, safe for a text node (see [`markup_text`]), for `maud` to escape.
fn t(text: &str) -> String {
    markup_text(text)
}

fn page(title: &str, body: Markup) -> String {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t(title)) }
                style { (PreEscaped(STYLE)) }
            }
            body { main { (body) } }
        }
    };
    page.into_string() + "\n"
}

/// A table of plain cells under `header`, the columns `right` set flush right.
fn table<const N: usize>(
    header: &[&str],
    right: &[usize],
    rows: impl Iterator<Item = [String; N]>,
) -> Markup {
    let class = |i: usize| right.contains(&i).then_some("n");
    html! {
        table {
            thead { tr { @for (i, name) in header.iter().enumerate() { th class=[class(i)] { (t(name)) } } } }
            tbody {
                @for row in rows {
                    tr { @for (i, cell) in row.iter().enumerate() { td class=[class(i)] { (t(cell)) } } }
                }
            }
        }
    }
}

/// An inline picture, drawn by [`super::svg`], with its title as the caption.
fn figure(svg: &str, caption: &str) -> Markup {
    html! {
        figure {
            (PreEscaped(svg))
            figcaption { (t(caption)) }
        }
    }
}

/// One assessment: who and against what, where it places the person, the radar `svg`, the
/// gaps, the evidence and the signals to show, and the summary.
pub fn assessment(report: &Report, svg: &str) -> String {
    let subject = &report.subject;
    let title = format!("{}: {}", subject.person.trim(), subject.target_title);
    let byline = report::byline(report);
    let safe = |text: &str| plain(text).into_owned();
    let body = html! {
        h1 { (t(&title)) }
        @if !byline.is_empty() { p.byline { (t(byline.trim_start_matches(", "))) } }
        dl {
            dt { "Ladder" } dd { (t(&subject.ladder_title)) " (" code { (t(&subject.ladder)) } ")" }
            dt { "Target" }
            dd { (t(&subject.target_title)) " (" code { (t(&subject.target)) } ")" (t(&report::on_track(subject, safe))) }
            dt { "Placement" }
            dd { (t(&report::placement_line(&report.placement, &subject.target_title, safe))) }
        }
        (figure(svg, "Scores against the target's expectations, and the level reached."))
        h2 { "Gaps" }
        table {
            thead { tr { th { "Competency" } th.n { "Score" } th.n { "Expected" } th.n { "Gap" } th { "Status" } } }
            tbody {
                @for area in &report.areas {
                    tr.area { td colspan="5" { (t(&area.title)) } }
                    @for row in report.competencies.iter().filter(|r| r.area == area.id) {
                        tr {
                            td { (t(&row.title)) }
                            td.n { (super::figure_or_dash(row.score)) }
                            td.n { (row.expected) }
                            td.n { (row.gap) }
                            td class=(row.status.as_str()) { (row.status.as_str()) }
                        }
                    }
                }
            }
        }
        h2 { "Summary" }
        (table(&["Area", "Met", "Coverage"], &[1, 2], report.areas.iter().chain([&report.summary]).map(|tally| {
            let name = if tally.title.is_empty() { "Overall" } else { &tally.title };
            [name.to_owned(), format!("{} of {}", tally.met, tally.total), percent(tally.coverage)]
        })))
        @for line in report::verdict(report) { p { (t(&line)) } }
        @let details: Vec<&Row> = report.competencies.iter().filter(|r| r.evidence.is_some() || !r.to_show.is_empty()).collect();
        @if !details.is_empty() {
            h2 { "Evidence and what to show" }
            @for row in details {
                h3 { (t(&row.title)) }
                p {
                    (row.score.map_or("Not scored".to_owned(), |s| format!("Score {s}")))
                    ", expected " (row.expected) " (" (row.status.as_str()) ")."
                }
                @if let Some(evidence) = &row.evidence { p { strong { "Evidence: " } (t(evidence)) } }
                @if !row.to_show.is_empty() {
                    p { strong { "To show:" } }
                    ul { @for signal in &row.to_show { li { (t(signal)) } } }
                }
            }
        }
    };
    page(&title, body)
}

/// The team: people, the heatmap `svg`, calibration and progress.
pub fn team(team: &Team, svg: &str) -> String {
    let body = html! {
        h1 { "Team" }
        h2 { "People" }
        (table(&team_view::PEOPLE_HEADER, &[3, 4], team.people.iter().map(team_view::person_cells)))
        h2 { "Gaps to each person's target" }
        (figure(svg, "Each cell is the gap to the person's target: 0 when met, ? when not scored."))
        p { (t(&team_view::closing(team))) }
        h2 { "Calibration" }
        @if team.calibrated.is_empty() {
            p { (t(&team_view::sentence(team_view::NO_CALIBRATION))) }
        } @else {
            p { (t(&team_view::sentence(team_view::CALIBRATION_ABOUT))) }
            (table(&team_view::CALIBRATION_HEADER, &[3, 4], team.calibrated.iter().map(|p| team_view::calibration_cells(team, p))))
            @if let Some(sentence) = team_view::team_lean(team) { p { (t(&sentence)) } }
        }
        h2 { "Progress" }
        @if team.progress.is_empty() {
            p { (t(&team_view::sentence(team_view::NO_PROGRESS))) }
        } @else {
            p { (t(&team_view::sentence(team_view::PROGRESS_ABOUT))) }
            (table(&team_view::PROGRESS_HEADER, &[], team.progress.iter().map(team_view::progress_cells)))
        }
    };
    page("Team", body)
}

/// Assessments of one person side by side: the radar `svg`, the scores, and each file's figures.
pub fn comparison(comparison: &Comparison, svg: &str) -> String {
    let title = compare_view::heading(comparison);
    let columns = comparison.assessments.len();
    let body = html! {
        h1 { (t(&title)) }
        (figure(svg, "The target's expectations and each assessment's scores."))
        table {
            thead { tr {
                th { "Competency" } th.n { "Expected" }
                @for column in &comparison.assessments { th.n { (t(&column.label)) } }
                th.n { "Spread" } th.n { "Change" }
            } }
            tbody {
                @for (i, line) in comparison.competencies.iter().enumerate() {
                    @if i == 0 || comparison.competencies[i - 1].area != line.area {
                        tr.area { td colspan=(columns + 4) { (t(&line.area_title)) } }
                    }
                    tr {
                        td { (t(&line.title)) }
                        @for cell in compare_view::figures(line) { td.n { (cell) } }
                    }
                }
            }
        }
        (table(&["Assessment", "File", "Met", "Coverage", "Reached"], &[2, 3], comparison.assessments.iter().map(|a| [
            a.label.clone(),
            a.file.clone(),
            format!("{} of {}", a.met, a.total),
            percent(a.coverage),
            a.reached.clone().unwrap_or_else(|| "none".to_owned()),
        ])))
        @for line in compare_view::closing(comparison) { p { (t(&line)) } }
    };
    page(&title, body)
}

/// A step of a plan: where it stands, the evidence so far, and what is left to show, as a
/// list to tick off on paper.
fn step(heading: &str, step: &Step) -> Markup {
    html! {
        h3 { (t(heading)) }
        @if step.score.is_some() { p { "Gap " (step.gap) ", weight " (step.weight) "." } }
        @if let Some(evidence) = &step.evidence { p { strong { "Evidence so far: " } (t(evidence)) } }
        @if !step.to_show.is_empty() {
            ul.tasks { @for signal in &step.to_show { li { "☐ " (t(signal)) } } }
        }
    }
}

/// A growth plan: where the person stands (the radar `svg`), the gaps in the order to work on
/// them, the strengths, and what is not scored.
pub fn plan(plan: &Plan, svg: &str) -> String {
    let subject = &plan.subject;
    let title = format!(
        "Growth plan: {} towards {}",
        subject.person.trim(),
        subject.target_title
    );
    let safe = |text: &str| plain(text).into_owned();
    let body = html! {
        h1 { (t(&title)) }
        p { (t(&report::placement_line(&plan.placement, &subject.target_title, safe))) }
        (figure(svg, "Scores against the target's expectations, and the level reached."))
        h2 { "Gaps, most important first" }
        @if plan.gaps.is_empty() { p { "No scored competency is below the target." } }
        @for (n, gap) in plan.gaps.iter().enumerate() {
            (step(&format!("{}. {}: {} → {}", n + 1, gap.title, figure_or_dash(gap.score), gap.expected), gap))
        }
        @if !plan.strengths.is_empty() {
            h2 { "Strengths" }
            ul { @for strength in &plan.strengths {
                li {
                    strong { (t(&strength.title)) } ": " (figure_or_dash(strength.score))
                    ", above the " (strength.expected) " expected."
                    @if let Some(evidence) = &strength.evidence { " Evidence: " (t(evidence)) }
                }
            } }
        }
        @if !plan.unscored.is_empty() {
            h2 { "Not scored yet" }
            @for unscored in &plan.unscored {
                (step(&format!("{}: expected {}", unscored.title, unscored.expected), unscored))
            }
        }
    };
    page(&title, body)
}
