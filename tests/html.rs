//! HTML pages parse as HTML, stand alone (no script, no outside address, the picture inline)
//! and hold the report: headings, tables, evidence and signals; file text stays text.

mod common;

use common::{ladder, stdout};
use scraper::{Html, Selector};

fn html(args: &[&str]) -> Html {
    let page = stdout(ladder().args(args).args(["--format", "html"]));
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"en\">"),
        "{page}"
    );
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert_self_contained(&doc);
    doc
}

fn all(doc: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    doc.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// No script anywhere, and nothing that would fetch from outside the page.
fn assert_self_contained(doc: &Html) {
    let any = Selector::parse("*").unwrap();
    for element in doc.select(&any) {
        let name = element.value().name();
        assert_ne!(name, "script");
        assert!(
            !matches!(name, "iframe" | "object" | "embed" | "link" | "img"),
            "{name}"
        );
        for (attribute, value) in element.value().attrs() {
            assert!(!attribute.starts_with("on"), "{name} {attribute}");
            let lowered = value.to_ascii_lowercase();
            assert!(
                !matches!(attribute, "href" | "src" | "xlink:href" | "action")
                    || !(lowered.contains("//") || lowered.starts_with("javascript:")),
                "{name} {attribute}={value}"
            );
        }
    }
    let style = all(doc, "style").concat();
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "{style}"
    );
}

#[test]
fn an_assessment_page_holds_the_report_and_its_picture() {
    let doc = html(&["assess", "examples/self-assessment.yaml"]);
    assert_eq!(
        all(&doc, "head title"),
        ["Ada Lovelace: Senior Engineering Manager"]
    );
    assert_eq!(
        all(&doc, "h1"),
        ["Ada Lovelace: Senior Engineering Manager"]
    );
    assert_eq!(all(&doc, "p.byline"), ["self-assessment of 2026-11-01"]);
    assert_eq!(
        all(&doc, "h2"),
        ["Gaps", "Summary", "Evidence and what to show"]
    );
    // The radar, inline, with its shapes.
    assert_eq!(all(&doc, "figure svg g.shapes path").len(), 3);
    // The gap table: four area rows and 21 competencies.
    assert_eq!(all(&doc, "tr.area").len(), 4);
    assert_eq!(all(&doc, "td.below").len(), 10);
    assert!(
        all(&doc, "dd")
            .iter()
            .any(|d| d.starts_with("Reaches Engineering Manager;"))
    );
    // Evidence and the signals left to show, under each gap.
    let details = all(&doc, "h3");
    assert!(
        details.contains(&"Managing managers".to_owned()),
        "{details:?}"
    );
    assert!(
        all(&doc, "li")
            .iter()
            .any(|li| li.starts_with("Manages at least one other manager"))
    );
    assert!(all(&doc, "p").iter().any(
        |p| p == "Meets 11 of 21 expectations of Senior Engineering Manager (85.5% coverage)."
    ));
}

#[test]
fn a_team_page_holds_people_heatmap_calibration_and_progress() {
    let doc = html(&["team", "examples/team"]);
    assert_eq!(
        all(&doc, "h2"),
        [
            "People",
            "Gaps to each person's target",
            "Calibration",
            "Progress"
        ]
    );
    assert_eq!(all(&doc, "table").len(), 3);
    assert_eq!(all(&doc, "figure svg g.cells rect").len(), 105);
    let people = all(&doc, "table:first-of-type tbody tr td:first-child");
    assert_eq!(people[0], "Barbara Liskov");
    assert_eq!(people.len(), 5);
}

#[test]
fn file_text_stays_text_in_a_page() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::write(
        repo.path().join("x.yaml"),
        "person: \"<script>alert(1)</script><img src=https://e.example/x>\"\nassessor: \"Bob \\uFFFE\\uFDD0\"\ntarget: manager\nscores:\n  one-on-ones: {score: 3, evidence: \"<a href='javascript:x'>see</a> &amp; \\\"quoted\\\"\"}\n",
    )
    .unwrap();
    let page = stdout(
        ladder()
            .current_dir(repo.path())
            .args(["assess", "x.yaml", "--format", "html"]),
    );
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("<a "));
    // Noncharacters, which the loader lets through, reach no page.
    assert!(!page.contains('\u{FFFE}') && !page.contains('\u{FDD0}'));
    assert!(page.contains("Bob \u{FFFD}\u{FFFD}"));
    let doc = Html::parse_document(&page);
    assert_self_contained(&doc);
    assert_eq!(
        all(&doc, "h1"),
        ["<script>alert(1)</script><img src=https://e.example/x>: Engineering Manager"]
    );
    let evidence = all(&doc, "p")
        .into_iter()
        .find(|p| p.starts_with("Evidence:"))
        .unwrap();
    assert_eq!(
        evidence,
        "Evidence: <a href='javascript:x'>see</a> &amp; \"quoted\""
    );
}

#[test]
fn the_same_input_writes_the_same_page() {
    let page = |args: &[&str]| stdout(ladder().args(args).args(["--format", "html"]));
    let args = ["team", "examples/team"];
    assert_eq!(page(&args), page(&args));
}

#[test]
fn a_comparison_page_holds_the_radar_and_every_score() {
    let doc = html(&[
        "compare",
        "examples/team/grace-2026-10-self.yaml",
        "examples/team/grace-2026-10-review.yaml",
    ]);
    assert_eq!(
        all(&doc, "h1"),
        [
            "Grace Hopper: 2 assessments against Engineering Manager (manager), Engineering Management"
        ]
    );
    assert_eq!(all(&doc, "figure svg g.shapes path").len(), 3);
    assert_eq!(all(&doc, "tr.area").len(), 4);
    let header = all(&doc, "table:first-of-type thead th");
    assert_eq!(
        header,
        [
            "Competency",
            "Expected",
            "self 2026-10-01",
            "Mary Jackson 2026-10-15",
            "Spread",
            "Change"
        ]
    );
    // Coaching: Grace 2 against the director's 3.
    let coaching = all(&doc, "table:first-of-type tbody tr:nth-child(3) td");
    assert_eq!(coaching, ["Coaching and growth", "3", "2", "3", "1", "+1"]);
}

#[test]
fn a_plan_page_lists_the_gaps_first_with_the_signals_to_show() {
    let doc = html(&["plan", "examples/self-assessment.yaml"]);
    let headings = all(&doc, "h3");
    assert_eq!(headings[0], "1. Managing managers: 2 → 4");
    assert_eq!(all(&doc, "h2"), ["Gaps, most important first", "Strengths"]);
    assert_eq!(all(&doc, "figure svg g.shapes path").len(), 3);
    assert!(
        all(&doc, "ul.tasks li")
            .iter()
            .all(|li| li.starts_with("☐ "))
    );
}
