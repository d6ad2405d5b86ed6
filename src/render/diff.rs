//! The output of `ladder diff`: two levels side by side as a table, Markdown or JSON, and the
//! changes an edit made to a ladder as short text for a reviewer.

use comfy_table::{Cell, ColumnConstraint, Width};

use super::Style;
use super::markdown::{self, Align};
use super::report::{new_table, right_align};
use super::safe::{self, Escape, plain};
use crate::diff::{Change, LevelDiff, Tally, VersionDiff};
use crate::wording;

/// The widest the signals column grows before wrapping, so that the table stays readable even
/// when its width is not known.
const SIGNALS_WIDTH: u16 = 60;

pub fn levels_table(diff: &LevelDiff, style: Style) -> String {
    let mut out = format!(
        "{}: {} ({}) → {} ({})\n\n",
        plain(&diff.ladder_title),
        plain(&diff.from_title),
        diff.from,
        plain(&diff.to_title),
        diff.to
    );
    if diff.competencies.is_empty() {
        out.push_str("The two levels expect the same of every competency.\n");
    } else {
        out.push_str(&changes_table(diff, style));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&tally_table(diff, style));
    out.push('\n');
    for line in closing_lines(diff) {
        out.push('\n');
        out.push_str(&line);
    }
    out.push('\n');
    out
}

fn changes_table(diff: &LevelDiff, style: Style) -> String {
    let mut table = new_table(
        style,
        &["Competency", &diff.from, &diff.to, "Change", "Signals"],
    );
    for tally in &diff.areas {
        let rows: Vec<&Change> = diff
            .competencies
            .iter()
            .filter(|c| c.area == tally.id)
            .collect();
        if rows.is_empty() {
            continue;
        }
        table.add_row(vec![super::report::area_cell(&tally.title)]);
        for change in rows {
            table.add_row(vec![
                Cell::new(format!("\u{a0}\u{a0}{}", plain(&change.title))),
                Cell::new(change.from),
                Cell::new(change.to),
                Cell::new(signed(change.change)),
                Cell::new(signal_lines(change, safe::text).join("\n")),
            ]);
        }
    }
    right_align(&mut table, &[1, 2, 3]);
    if let Some(column) = table.column_mut(4) {
        column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(SIGNALS_WIDTH)));
    }
    table.to_string()
}

fn tally_table(diff: &LevelDiff, style: Style) -> String {
    let mut table = new_table(style, &["Area", "Raised", "Unchanged", "Lowered"]);
    for tally in &diff.areas {
        table.add_row(tally_cells(&plain(&tally.title), tally));
    }
    table.add_row(tally_cells("Overall", &diff.summary));
    right_align(&mut table, &[1, 2, 3]);
    table.to_string()
}

fn tally_cells(name: &str, tally: &Tally) -> Vec<String> {
    vec![
        name.to_owned(),
        tally.raised.to_string(),
        tally.unchanged.to_string(),
        tally.lowered.to_string(),
    ]
}

/// `+ added signal` and `- removed signal`, one per line, each signal made safe by `safe`.
fn signal_lines(change: &Change, safe: Escape) -> Vec<String> {
    let added = change
        .added_signals
        .iter()
        .map(|s| format!("+ {}", safe(s)));
    let removed = change
        .removed_signals
        .iter()
        .map(|s| format!("- {}", safe(s)));
    let more = |sign: char, n: usize| (n > 0).then(|| format!("{sign} … and {n} more"));
    added
        .chain(more('+', change.more_added))
        .chain(removed)
        .chain(more('-', change.more_removed))
        .collect()
}

fn signed(change: i64) -> String {
    if change > 0 {
        format!("+{change}")
    } else {
        change.to_string()
    }
}

/// The summary sentence, and a note on what was left out.
fn closing_lines(diff: &LevelDiff) -> Vec<String> {
    let summary = &diff.summary;
    let mut lines = vec![format!(
        "From {} to {}, expected scores: {} raised, {} unchanged, {} lowered.",
        diff.from, diff.to, summary.raised, summary.unchanged, summary.lowered
    )];
    if diff.omitted > 0 {
        lines.push(format!(
            "{} the same at both levels; `--all` shows {}.",
            match diff.omitted {
                1 => "1 competency expects".to_owned(),
                n => format!("{n} competencies expect"),
            },
            if diff.omitted == 1 { "it" } else { "them" }
        ));
    }
    lines
}

pub fn levels_markdown(diff: &LevelDiff) -> String {
    let esc = markdown::escape;
    let mut out = format!("# {} → {}\n\n", esc(&diff.from_title), esc(&diff.to_title));
    out.push_str(&format!(
        "Ladder: {} ({}), from {} to {}.\n\n",
        esc(&diff.ladder_title),
        markdown::code(&diff.ladder),
        markdown::code(&diff.from),
        markdown::code(&diff.to)
    ));
    let area_title = |id: &str| {
        let area = diff.areas.iter().find(|a| a.id == id);
        area.map_or_else(|| id.to_owned(), |a| a.title.clone())
    };
    let rows: Vec<Vec<String>> = diff
        .competencies
        .iter()
        .map(|change| {
            vec![
                esc(&area_title(&change.area)),
                esc(&change.title),
                change.from.to_string(),
                change.to.to_string(),
                signed(change.change),
                signal_lines(change, esc).join("<br>"),
            ]
        })
        .collect();
    let (from, to) = (markdown::code(&diff.from), markdown::code(&diff.to));
    if !rows.is_empty() {
        out.push_str(&markdown::table(
            &[
                ("Area", Align::Left),
                ("Competency", Align::Left),
                (&from, Align::Right),
                (&to, Align::Right),
                ("Change", Align::Right),
                ("Signals", Align::Left),
            ],
            &rows,
        ));
        out.push('\n');
    }
    let mut rows: Vec<Vec<String>> = diff
        .areas
        .iter()
        .map(|t| tally_cells(&esc(&t.title), t))
        .collect();
    rows.push(tally_cells("**Overall**", &diff.summary));
    out.push_str(&markdown::table(
        &[
            ("Area", Align::Left),
            ("Raised", Align::Right),
            ("Unchanged", Align::Right),
            ("Lowered", Align::Right),
        ],
        &rows,
    ));
    for line in closing_lines(diff) {
        out.push('\n');
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Short text for a reviewer: what the edit changed, or that it changed no expectation.
pub fn versions_text(diff: &VersionDiff) -> String {
    let mut blocks = vec![format!(
        "Changes to `{}` from {} to {}",
        plain(&diff.ladder),
        plain(&diff.old),
        plain(&diff.new)
    )];
    if diff.is_empty() {
        blocks.push("No changes to expectations.".to_owned());
    }
    let structure = structure_lines(diff, safe::text);
    if !structure.is_empty() {
        blocks.push(structure.join("\n"));
    }
    blocks.extend(unchanged_levels(diff));
    for level in diff.levels.iter().filter(|level| !level.changes.is_empty()) {
        let mut block = format!("{} ({}):", level.level.id, plain(&level.level.title));
        for change in &level.changes {
            block.push_str(&format!("\n  {}{}", change.id, score_change(change)));
            for line in signal_lines(change, safe::text) {
                block.push_str(&format!("\n    {line}"));
            }
        }
        blocks.push(block);
    }
    blocks.join("\n\n") + "\n"
}

/// Which levels kept every expected score and signal, said once instead of level by level.
fn unchanged_levels(diff: &VersionDiff) -> Option<String> {
    let unchanged: Vec<&str> = diff
        .levels
        .iter()
        .filter(|level| level.changes.is_empty())
        .map(|level| level.level.id.as_str())
        .collect();
    match unchanged.len() {
        0 => None,
        _ if diff.is_empty() => None,
        n if n > 1 && n == diff.levels.len() => {
            Some("Scores and signals are unchanged at every level.".to_owned())
        }
        _ => Some(format!(
            "Scores and signals are unchanged at {}.",
            wording::list(&unchanged)
        )),
    }
}

/// `: 3 → 4 (+1)` when the score moved, nothing when only signals did.
fn score_change(change: &Change) -> String {
    if change.change == 0 {
        String::new()
    } else {
        format!(
            ": {} → {} ({})",
            change.from,
            change.to,
            signed(change.change)
        )
    }
}

/// One line each for the ladder, its levels, its scale and its competencies, when they changed;
/// titles and labels made safe by `safe`. Ids are checked kebab-case, safe in any format.
fn structure_lines(diff: &VersionDiff, safe: Escape) -> Vec<String> {
    [
        ("Ladder", ladder_items(diff, safe)),
        ("Levels", level_items(diff)),
        ("Scale", scale_items(diff, safe)),
        ("Competencies", competency_items(diff)),
        ("Wording", wording_items(diff, safe)),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .map(|(name, items)| format!("{name}: {}.", items.join("; ")))
    .collect()
}

fn ladder_items(diff: &VersionDiff, safe: Escape) -> Vec<String> {
    let Some(renamed) = &diff.renamed else {
        return Vec::new();
    };
    let mut items = Vec::new();
    if renamed.from.id != renamed.to.id {
        items.push(format!("id `{}` → `{}`", renamed.from.id, renamed.to.id));
    }
    if renamed.from.title != renamed.to.title {
        items.push(format!(
            "title {} → {}",
            safe(&renamed.from.title),
            safe(&renamed.to.title)
        ));
    }
    items
}

fn level_items(diff: &VersionDiff) -> Vec<String> {
    let ids = |ids: &[String]| {
        ids.iter()
            .map(|id| format!("`{id}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut items = Vec::new();
    if !diff.levels_added.is_empty() {
        items.push(format!("added {}", ids(&diff.levels_added)));
    }
    if !diff.levels_removed.is_empty() {
        items.push(format!("removed {}", ids(&diff.levels_removed)));
    }
    if let Some(order) = &diff.levels_reordered {
        items.push(format!("reordered, now {}", ids(order)));
    }
    items
}

fn scale_items(diff: &VersionDiff, safe: Escape) -> Vec<String> {
    let numbers = |scores: &[u32]| {
        scores
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut items = Vec::new();
    if !diff.scale.added.is_empty() {
        items.push(format!("added {}", numbers(&diff.scale.added)));
    }
    if !diff.scale.removed.is_empty() {
        items.push(format!("removed {}", numbers(&diff.scale.removed)));
    }
    items.extend(diff.scale.relabelled.iter().map(|r| {
        let (from, to) = (safe(&r.from), safe(&r.to));
        format!("relabelled {} from {from} to {to}", r.score)
    }));
    items
}

/// Titles with their old and new words; descriptions only named, as they are long.
fn wording_items(diff: &VersionDiff, safe: Escape) -> Vec<String> {
    diff.reworded
        .iter()
        .map(|r| {
            if r.what.starts_with("title") {
                format!("{}: {} → {}", r.what, safe(&r.from), safe(&r.to))
            } else {
                format!("{} rewritten", r.what)
            }
        })
        .collect()
}

fn competency_items(diff: &VersionDiff) -> Vec<String> {
    let added = diff.competencies_added.iter().map(|added| {
        let expected: Vec<String> = added
            .expected
            .iter()
            .map(|e| format!("{} {}", e.level, e.score))
            .collect();
        format!(
            "added `{}` in `{}` ({})",
            added.id,
            added.area,
            expected.join(", ")
        )
    });
    let removed = diff
        .competencies_removed
        .iter()
        .map(|removed| format!("removed `{}`", removed.id));
    let moved = diff.competencies_moved.iter().map(|moved| {
        format!(
            "moved `{}` from `{}` to `{}`",
            moved.id, moved.from_area, moved.to_area
        )
    });
    let reweighted = diff
        .weights_changed
        .iter()
        .map(|w| format!("weight of `{}` {} → {}", w.id, w.from, w.to));
    added
        .chain(removed)
        .chain(moved)
        .chain(reweighted)
        .collect()
}

pub fn versions_markdown(diff: &VersionDiff) -> String {
    let mut out = format!(
        "# Changes to {}\n\nFrom {} to {}.\n\n",
        markdown::code(&diff.ladder),
        markdown::code(&diff.old),
        markdown::code(&diff.new)
    );
    if diff.is_empty() {
        out.push_str("No changes to expectations.\n");
        return out;
    }
    for line in structure_lines(diff, markdown::escape) {
        out.push_str(&format!("- {line}\n"));
    }
    if let Some(note) = unchanged_levels(diff) {
        out.push_str(&format!("\n{note}\n"));
    }
    for level in diff.levels.iter().filter(|level| !level.changes.is_empty()) {
        out.push_str(&format!(
            "\n## {} ({})\n\n",
            markdown::escape(&level.level.title),
            markdown::code(&level.level.id)
        ));
        for change in &level.changes {
            out.push_str(&format!(
                "- {}{}\n",
                markdown::code(&change.id),
                score_change(change)
            ));
            for signal in &change.added_signals {
                out.push_str(&format!("  - added: {}\n", markdown::escape(signal)));
            }
            if change.more_added > 0 {
                out.push_str(&format!("  - added: … and {} more\n", change.more_added));
            }
            for signal in &change.removed_signals {
                out.push_str(&format!("  - removed: {}\n", markdown::escape(signal)));
            }
            if change.more_removed > 0 {
                out.push_str(&format!(
                    "  - removed: … and {} more\n",
                    change.more_removed
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_changes() {
        assert_eq!(signed(2), "+2");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(-1), "-1");
    }
}
