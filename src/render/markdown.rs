//! GitHub-flavoured Markdown building blocks: pipe tables, and the escaping of file text.

/// Escapes file text so that Markdown shows it literally (see [`super::safe::markdown`]).
pub fn escape(text: &str) -> String {
    super::safe::markdown(text)
}

/// An id or name as inline code, when that is safe (see [`super::safe::markdown_code`]).
pub fn code(text: &str) -> String {
    super::safe::markdown_code(text)
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
    fn builds_a_pipe_table() {
        let table = table(
            &[("A", Align::Left), ("N", Align::Right)],
            &[vec!["x".into(), "1".into()]],
        );
        assert_eq!(table, "| A | N |\n| --- | ---: |\n| x | 1 |\n");
    }
}
