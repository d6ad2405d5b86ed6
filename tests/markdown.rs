//! Every Markdown output parses as GitHub-flavoured Markdown whose tables keep their shape:
//! a `|` inside a cell (as in the fixtures' "Lin | Chen" and "Mentoring | pairing") is escaped.

mod common;

use common::{ladder, stdout};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn markdown(args: &[&str]) -> String {
    stdout(ladder().args(args).args(["--format", "markdown"]))
}

/// The number of cells in each row of each table, header first.
fn table_shapes(text: &str) -> Vec<Vec<usize>> {
    let mut tables = Vec::new();
    let mut cells = 0;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                tables.last_mut().unwrap().push(cells)
            }
            _ => {}
        }
    }
    tables
}

fn assert_tables_keep_their_shape(args: &[&str], tables: usize) {
    let text = markdown(args);
    let shapes = table_shapes(&text);
    assert_eq!(shapes.len(), tables, "{args:?}:\n{text}");
    for shape in shapes {
        assert!(shape.len() > 1, "{args:?}: a table with no rows");
        assert!(
            shape.iter().all(|&cells| cells == shape[0]),
            "{args:?}: ragged table {shape:?}\n{text}"
        );
    }
}

#[test]
fn markdown_tables_keep_their_shape() {
    assert_tables_keep_their_shape(&["assess", "tests/fixtures/platform-me.yaml"], 2);
    assert_tables_keep_their_shape(&["assess", "examples/self-assessment.yaml"], 2);
    assert_tables_keep_their_shape(&["diff", "manager", "senior-manager"], 2);
    assert_tables_keep_their_shape(
        &[
            "diff",
            "engineer",
            "staff",
            "--ladder",
            "tests/fixtures/three-levels.yaml",
        ],
        2,
    );
    assert_tables_keep_their_shape(&["show", "--ladder", "tests/fixtures/three-levels.yaml"], 3);
    assert_tables_keep_their_shape(
        &[
            "show",
            "senior",
            "--ladder",
            "tests/fixtures/three-levels.yaml",
        ],
        2,
    );
    assert_tables_keep_their_shape(&["show"], 5);
    assert_tables_keep_their_shape(&["list"], 1);
    assert_tables_keep_their_shape(&["team", "examples/team"], 4);
    // "Lin | Chen" heads a heatmap column.
    assert_tables_keep_their_shape(&["team", "tests/fixtures/platform-me.yaml"], 2);
}

#[test]
fn pipes_and_markup_in_text_are_escaped() {
    let report = markdown(&["assess", "tests/fixtures/platform-me.yaml"]);
    assert!(
        report.starts_with("# Lin \\| Chen: Senior Engineer\n"),
        "{report}"
    );
    assert!(
        report.contains("| Impact | Mentoring \\| pairing | - | 2 | 2 | missing |\n"),
        "{report}"
    );
    let page = markdown(&["show", "--ladder", "tests/fixtures/three-levels.yaml"]);
    assert!(page.contains("\n### Mentoring \\| pairing\n"), "{page}");
}
