//! Every picture `ladder` draws parses as SVG, renders, and holds what it should: spokes,
//! shapes, labels and tooltips; the same bytes for the same input; file text escaped; and no
//! label crowding another at 60 competencies.

mod common;

use common::{ladder, stdout};
use roxmltree::{Document, Node};

fn svg(args: &[&str]) -> String {
    stdout(ladder().args(args).args(["--format", "svg"]))
}

/// Parses `text` and renders it with resvg, which must draw something.
fn parse_and_render(text: &str) -> Document<'_> {
    let tree = resvg::usvg::Tree::from_str(text, &resvg::usvg::Options::default())
        .unwrap_or_else(|error| panic!("{error}:\n{text}"));
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let inked = pixmap.pixels().iter().filter(|p| p.red() < 200).count();
    assert!(inked > 1_000, "only {inked} dark pixels");
    Document::parse(text).unwrap()
}

/// The elements `tag` inside the group of class `class`.
fn in_group<'a>(doc: &'a Document<'a>, class: &str, tag: &str) -> Vec<Node<'a, 'a>> {
    let group = doc
        .descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("class") == Some(class))
        .unwrap_or_else(|| panic!("no group {class}"));
    group
        .descendants()
        .filter(|n| n.has_tag_name(tag))
        .collect()
}

/// A text element's own text, without its tooltip.
fn shown(node: &Node) -> String {
    node.children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect::<String>()
        .trim()
        .to_owned()
}

fn titles(doc: &Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .map(str::to_owned)
        .collect()
}

#[test]
fn an_assessment_is_a_radar_of_target_reached_level_and_scores() {
    let text = svg(&["assess", "examples/self-assessment.yaml"]);
    let doc = parse_and_render(&text);
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text(),
        Some("Ada Lovelace against Senior Engineering Manager, 2026-11-01")
    );
    let desc = root.children().find(|n| n.has_tag_name("desc")).unwrap();
    assert!(desc.text().unwrap().contains("meets 11 of 21"), "{desc:?}");
    // 21 spokes, numbered; five rings, labelled with the scale.
    assert_eq!(in_group(&doc, "spokes", "line").len(), 21);
    let numbers: Vec<String> = in_group(&doc, "spokes", "text").iter().map(shown).collect();
    assert_eq!(numbers.first().map(String::as_str), Some("1"));
    assert_eq!(numbers.last().map(String::as_str), Some("21"));
    let rings: Vec<String> = in_group(&doc, "rings", "text").iter().map(shown).collect();
    assert_eq!(
        rings,
        [
            "1 Learning",
            "2 Developing",
            "3 Proficient",
            "4 Advanced",
            "5 Leading"
        ]
    );
    // Three shapes: the target's expectations, the level reached (Engineering Manager) and
    // the scores, named in the legend in that order.
    assert_eq!(in_group(&doc, "shapes", "path").len(), 3);
    let legend: Vec<String> = in_group(&doc, "legend", "text").iter().map(shown).collect();
    assert_eq!(
        legend,
        [
            "Senior Engineering Manager (target)",
            "Engineering Manager (reached)",
            "Ada Lovelace"
        ]
    );
    // The key names every competency under its area.
    let key: Vec<String> = in_group(&doc, "key", "text").iter().map(shown).collect();
    assert!(key.starts_with(&["People".into(), "1".into(), "One-on-ones".into()]));
    assert_eq!(key.iter().filter(|k| k.as_str() == "Strategic").count(), 1);
    // A dot per score, each saying what it is.
    assert!(titles(&doc).contains(&"Ada Lovelace: Managing managers 2".to_owned()));
}

#[test]
fn the_same_input_draws_the_same_bytes() {
    let args = ["assess", "examples/self-assessment.yaml"];
    assert_eq!(svg(&args), svg(&args));
    let team = ["team", "examples/team"];
    assert_eq!(svg(&team), svg(&team));
}

#[test]
fn unscored_competencies_are_marked_and_break_the_line() {
    let repo = tempfile::tempdir().unwrap();
    let file = repo.path().join("half.yaml");
    std::fs::write(
        &file,
        "person: Ada Lovelace\ntarget: manager\nscores:\n  one-on-ones: 3\n  coaching: 3\n  \
         feedback-performance:\n  hiring: 2\n",
    )
    .unwrap();
    let text =
        stdout(
            ladder()
                .current_dir(repo.path())
                .args(["assess", "half.yaml", "--format", "svg"]),
        );
    let doc = parse_and_render(&text);
    let paths = in_group(&doc, "shapes", "path");
    // The target's line goes all the way round; the scores' breaks at every gap: three
    // scored runs (1-2, 4, none after) make two moves.
    let scores = paths.last().unwrap().attribute("d").unwrap();
    assert_eq!(scores.matches('M').count(), 2, "{scores}");
    assert!(!paths[0].attribute("d").unwrap().contains(" M"));
    let tips = titles(&doc);
    assert!(tips.contains(&"Ada Lovelace: Feedback and performance not scored".to_owned()));
    assert_eq!(
        tips.iter().filter(|t| t.ends_with("not scored")).count(),
        18
    );
    assert!(
        doc.descendants()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap()
            .ends_with("meets 1 of 21, 18 not scored.")
    );
}

#[test]
fn compare_draws_a_shape_per_assessment() {
    let text = svg(&[
        "compare",
        "examples/team/grace-2026-04-review.yaml",
        "examples/team/grace-2026-10-self.yaml",
        "examples/team/grace-2026-10-review.yaml",
    ]);
    let doc = parse_and_render(&text);
    assert_eq!(in_group(&doc, "shapes", "path").len(), 4);
    let legend: Vec<String> = in_group(&doc, "legend", "text").iter().map(shown).collect();
    assert_eq!(
        legend,
        [
            "Engineering Manager (target)",
            "Mary Jackson 2026-04-15",
            "self 2026-10-01",
            "Mary Jackson 2026-10-15"
        ]
    );
    // Each shape is drawn differently: no two share a colour and a dash.
    let styles: std::collections::HashSet<(String, String)> = in_group(&doc, "shapes", "path")
        .iter()
        .map(|p| {
            let get = |a| p.attribute(a).unwrap().to_owned();
            (get("stroke"), get("stroke-dasharray"))
        })
        .collect();
    assert_eq!(styles.len(), 4);
}

#[test]
fn show_draws_every_level_or_one() {
    let doc_text = svg(&["show"]);
    let doc = parse_and_render(&doc_text);
    assert_eq!(in_group(&doc, "shapes", "path").len(), 2);
    let one = svg(&["show", "manager"]);
    let doc = parse_and_render(&one);
    assert_eq!(in_group(&doc, "shapes", "path").len(), 1);
}

#[test]
fn the_team_heatmap_has_a_cell_per_person_and_competency() {
    let text = svg(&["team", "examples/team"]);
    let doc = parse_and_render(&text);
    assert_eq!(in_group(&doc, "cells", "rect").len(), 21 * 5);
    let people: Vec<String> = in_group(&doc, "people", "text").iter().map(shown).collect();
    assert_eq!(
        people,
        [
            "Barbara Liskov",
            "Alan Turing",
            "Edsger Dijkstra",
            "Grace Hopper",
            "Ada Lovelace",
            "Below"
        ]
    );
    assert!(titles(&doc).contains(&"Edsger Dijkstra, One-on-ones: gap 3".to_owned()));
    let legend: Vec<String> = in_group(&doc, "legend", "text").iter().map(shown).collect();
    assert_eq!(
        legend,
        ["0 met", "gap 1", "gap 2", "gap 3 or more", "? not scored"]
    );
}

/// A ladder of `n` competencies in three areas, with long titles.
fn wide_ladder(n: usize) -> String {
    let mut text = "id: wide\ntitle: Wide\ndescription: Many competencies.\nscale:\n".to_owned();
    for (score, label) in [(1, "One"), (2, "Two"), (3, "Three")] {
        text += &format!("  - {{score: {score}, label: {label}, description: Score {score}.}}\n");
    }
    text += "levels:\n  - {id: junior, title: Junior, description: New.}\n  - {id: senior, title: Senior, description: Seasoned.}\nareas:\n";
    for area in 0..3 {
        text += &format!(
            "  - id: area-{area}\n    title: Area {area} with a title long enough to need cutting short\n    description: An area.\n    competencies:\n"
        );
        for c in (area * n / 3)..((area + 1) * n / 3) {
            text += &format!(
                "      - id: c-{c}\n        title: Competency {c}, whose title is long enough to be cut in a key\n        description: Something.\n        expectations:\n          junior: {{score: 1, signals: [Does a thing]}}\n          senior: {{score: {}, signals: [Does more]}}\n",
                2 + c % 2
            );
        }
    }
    text
}

#[test]
fn sixty_competencies_keep_their_labels_apart() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::write(repo.path().join("wide.yaml"), wide_ladder(60)).unwrap();
    let text = stdout(ladder().current_dir(repo.path()).args([
        "show",
        "--ladder",
        "wide.yaml",
        "--format",
        "svg",
    ]));
    let doc = parse_and_render(&text);
    let numbers = in_group(&doc, "spokes", "text");
    assert_eq!(numbers.len(), 60);
    let at = |n: &Node| -> (f64, f64) {
        let get = |a| n.attribute(a).unwrap().parse::<f64>().unwrap();
        (get("x"), get("y"))
    };
    // Neighbouring spoke numbers stand at least a line apart, all the way round.
    for i in 0..60 {
        let ((x0, y0), (x1, y1)) = (at(&numbers[i]), at(&numbers[(i + 1) % 60]));
        let apart = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        assert!(
            apart >= 14.0,
            "spokes {i} and {} are {apart:.1} apart",
            i + 1
        );
    }
    // Key lines are a line apart, and a long title is cut with its whole text in a tooltip.
    let key = in_group(&doc, "key", "text");
    let ys: Vec<f64> = key.iter().map(|n| at(n).1).collect();
    assert!(ys.windows(2).all(|w| w[1] >= w[0]));
    let cut: Vec<&Node> = key.iter().filter(|n| shown(n).ends_with('…')).collect();
    assert_eq!(cut.len(), 63, "every competency and area title is cut");
    for node in cut {
        assert!(shown(node).chars().count() <= 44);
        let whole = node.children().find(|c| c.has_tag_name("title")).unwrap();
        let stem = shown(node).trim_end_matches('…').to_owned();
        assert!(whole.text().unwrap().starts_with(&stem));
    }
    // The picture grows to hold them: the key's last line is inside it.
    let height: f64 = doc
        .root_element()
        .attribute("height")
        .unwrap()
        .parse()
        .unwrap();
    assert!(ys.last().unwrap() < &height);
}

#[test]
fn file_text_cannot_become_markup() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::write(
        repo.path().join("x.yaml"),
        "person: \"Ada <script>alert(1)</script> & \\\"Co\\\" ]]>\"\ntarget: manager\nscores:\n  one-on-ones: 3\n",
    )
    .unwrap();
    let text = stdout(
        ladder()
            .current_dir(repo.path())
            .args(["assess", "x.yaml", "--format", "svg"]),
    );
    assert!(!text.contains("<script"), "{text}");
    let doc = parse_and_render(&text);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("script"))
            .count(),
        0
    );
    let title = doc.root_element().first_element_child().unwrap();
    assert!(
        title
            .text()
            .unwrap()
            .starts_with("Ada <script>alert(1)</script> & \"Co\"")
    );
}

#[test]
fn several_files_are_refused_with_a_pointer_to_compare_and_team() {
    for format in ["svg", "html"] {
        let output = ladder()
            .args(["assess", "examples/team", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(output.stdout, b"");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!(
                "error: `--format {format}` draws one assessment: give one file (`ladder \
                 compare` draws several of one person, `ladder team` a team's heatmap)\n"
            )
        );
    }
}

/// The pictures the README shows, drawn from the shipped examples: a stale one fails, and
/// `TRYCMD=overwrite cargo test` (which refreshes every snapshot) redraws them.
#[test]
fn the_readme_pictures_are_current() {
    let pictures = [
        (
            "examples/pictures/self-assessment.svg",
            svg(&["assess", "examples/self-assessment.yaml"]),
        ),
        (
            "examples/pictures/team-heatmap.svg",
            svg(&["team", "examples/team"]),
        ),
    ];
    let overwrite = std::env::var_os("TRYCMD").is_some_and(|mode| mode == "overwrite");
    for (path, drawn) in pictures {
        if overwrite {
            std::fs::write(path, &drawn).unwrap();
        }
        let kept = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            kept == drawn,
            "{path} is stale: run `TRYCMD=overwrite cargo test --test svg` and commit it"
        );
    }
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("](examples/pictures/self-assessment.svg)"));
    assert!(readme.contains("](examples/pictures/team-heatmap.svg)"));
}

#[test]
fn areas_are_named_beside_their_spokes() {
    let doc_text = svg(&["assess", "examples/self-assessment.yaml"]);
    let doc = parse_and_render(&doc_text);
    let names: Vec<String> = in_group(&doc, "area-names", "text")
        .iter()
        .map(shown)
        .collect();
    assert_eq!(names, ["People", "Delivery", "Tactical", "Strategic"]);
    // People (spokes 1 to 5) and Delivery sit on the right, so their names are set flush left;
    // Tactical (bottom left) and Strategic (left), flush right.
    let anchors: Vec<&str> = in_group(&doc, "area-names", "text")
        .iter()
        .map(|n| n.attribute("text-anchor").unwrap())
        .collect();
    assert_eq!(anchors, ["start", "start", "end", "end"]);
}

#[test]
fn neighbouring_areas_are_never_both_shaded() {
    // Four areas: the first and third shaded. Three: the first only, since the third is next
    // to it round the circle.
    let four = svg(&["assess", "examples/self-assessment.yaml"]);
    let doc = parse_and_render(&four);
    assert_eq!(in_group(&doc, "areas", "path").len(), 2);
    let repo = tempfile::tempdir().unwrap();
    std::fs::write(repo.path().join("wide.yaml"), wide_ladder(9)).unwrap();
    let three = stdout(ladder().current_dir(repo.path()).args([
        "show",
        "--ladder",
        "wide.yaml",
        "--format",
        "svg",
    ]));
    let doc = parse_and_render(&three);
    let shaded: Vec<String> = in_group(&doc, "areas", "title")
        .iter()
        .map(|n| n.text().unwrap().to_owned())
        .collect();
    assert_eq!(
        shaded,
        ["Area 0 with a title long enough to need cutting short"]
    );
}
