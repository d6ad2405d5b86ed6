//! GitHub-flavoured Markdown building blocks: escaping and pipe tables.

/// Escapes text so that Markdown shows it literally, in a paragraph or a table cell.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\r' | '\n' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Text shown as inline code; backticks inside are avoided by choosing a longer fence.
pub fn code(text: &str) -> String {
    let fence = if text.contains('`') { "`` " } else { "`" };
    let close: String = fence.chars().rev().collect();
    format!("{fence}{}{close}", text.replace(['\r', '\n'], " "))
}

/// Column alignment in a pipe table.
#[derive(Debug, Clone, Copy)]
pub enum Align {
    Left,
    Right,
}

/// A pipe table; cells must already be escaped.
pub fn table(header: &[(&str, Align)], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |cells: Vec<&str>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(header.iter().map(|(name, _)| *name).collect()));
    out.push_str(&line(
        header
            .iter()
            .map(|(_, align)| match align {
                Align::Left => "---",
                Align::Right => "---:",
            })
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_interpret() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("*bold* _x_ `c`"), "\\*bold\\* \\_x\\_ \\`c\\`");
        assert_eq!(escape("line\nbreak"), "line break");
    }

    #[test]
    fn code_survives_backticks() {
        assert_eq!(code("id"), "`id`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }

    #[test]
    fn builds_a_pipe_table() {
        let table = table(
            &[("A", Align::Left), ("N", Align::Right)],
            &[vec!["x".into(), "1".into()]],
        );
        assert_eq!(table, "| A | N |\n| --- | ---: |\n| x | 1 |\n");
    }
}
