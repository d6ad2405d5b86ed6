//! Sheets: CSV for spreadsheets and trackers. Every cell passes through [`safe::csv`], so that
//! no file text is read as a formula, and the writer quotes what CSV needs quoted.

use super::safe;

/// `header`, then `rows`, as CSV with a line break after every record.
pub fn sheet(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let header = header.iter().map(|title| title.to_string());
    records(std::iter::once(header.collect()).chain(rows))
}

/// `rows` as CSV records, with no header: the rest of a sheet written piece by piece.
pub fn records(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        let cells = row.iter().map(|cell| safe::csv(cell));
        writer
            .write_record(cells)
            .expect("writing CSV to memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_where_csv_needs_it_and_never_compute() {
        let rows = [vec![
            "Craft, code".to_owned(),
            "=1+1".to_owned(),
            "say \"hi\"".to_owned(),
        ]];
        assert_eq!(
            sheet(&["area", "signal", "evidence"], rows),
            "area,signal,evidence\n\"Craft, code\",'=1+1,\"say \"\"hi\"\"\"\n"
        );
    }
}
