//! The output of `ladder diff`: two levels side by side as a table, Markdown or JSON, and the
//! changes an edit made to a ladder as short text for a reviewer.

use super::Style;
use super::markdown::{self, Align};
use super::safe::{self, Escape};
use super::table::{Grid, Piece};
use super::wrap::{PROSE_WIDTH, Para, prose};
use crate::diff::{Change, LevelDiff, Step, Tally, VersionDiff};
use crate::wording;

/// The widest the signals column grows, so that its lines stay short enough to read.
const SIGNALS_WIDTH: usize = 60;

pub fn levels_table(diff: &LevelDiff, style: Style) -> String {
    let heading = format!(
        "{}: {} ({}) → {} ({})",
        diff.ladder_title, diff.from_title, diff.from, diff.to_title, diff.to
    );
    let mut out = prose(&heading, style.width) + "\n\n";
    if diff.competencies.is_empty() {
        out.push_str(&prose(
            "The two levels expect the same of every competency.",
            style.width,
        ));
        out.push('\n');
    } else {
        out.push_str(&changes_table(diff, style));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&tally_table(diff, style));
    out.push('\n');
    for line in closing_lines(diff, safe::text) {
        out.push('\n');
        out.push_str(&prose(&line, style.width));
    }
    out.push('\n');
    out
}

fn changes_table(diff: &LevelDiff, style: Style) -> String {
    let mut grid = Grid::new(
        style,
        &["Competency", &diff.from, &diff.to, "Change", "Signals"],
    )
    .right_align([1, 2, 3])
    .whole_headers([1, 2])
    .cap(4, SIGNALS_WIDTH);
    for tally in &diff.areas {
        let rows: Vec<&Change> = diff
            .competencies
            .iter()
            .filter(|c| c.area == tally.id)
            .collect();
        if rows.is_empty() {
            continue;
        }
        grid.group(&tally.title);
        for change in rows {
            let signals = signal_lines(change, safe::text)
                .into_iter()
                .map(|(marker, text)| Para::marked(marker, &text))
                .collect();
            grid.row([
                Para::indented(&change.title, 2).into(),
                Piece::figure(expected(change.from)),
                Piece::figure(expected(change.to)),
                Piece::figure(signed(change.change)),
                Piece::new(signals),
            ]);
        }
    }
    grid.render()
}

fn tally_table(diff: &LevelDiff, style: Style) -> String {
    let [up, same, down] = tally_words(diff);
    let mut grid = Grid::new(style, &["Area", up, same, down]).right_align([1, 2, 3]);
    let row = |name: &str, tally: &Tally| {
        let [name, counts @ ..] = tally_cells(name, tally);
        std::iter::once(Piece::text(&name)).chain(counts.map(Piece::figure))
    };
    for tally in &diff.areas {
        grid.row(row(&tally.title, tally));
    }
    grid.row(row("Overall", &diff.summary));
    grid.render()
}

fn tally_cells(name: &str, tally: &Tally) -> [String; 4] {
    [
        name.to_owned(),
        tally.raised.to_string(),
        tally.unchanged.to_string(),
        tally.lowered.to_string(),
    ]
}

/// `+ added signal` and `- removed signal`, one per line, as a marker and the signal made safe
/// by `safe`.
fn signal_lines(change: &Change, safe: Escape) -> Vec<(&'static str, String)> {
    let added = change.added_signals.iter().map(|s| ("+ ", safe(s)));
    let removed = change.removed_signals.iter().map(|s| ("- ", safe(s)));
    let more = |sign: &'static str, n: usize| (n > 0).then(|| (sign, format!("… and {n} more")));
    added
        .chain(more("+ ", change.more_added))
        .chain(removed)
        .chain(more("- ", change.more_removed))
        .collect()
}

/// Marked lines as one string, `separator` between them.
fn joined(lines: Vec<(&str, String)>, separator: &str) -> String {
    let lines: Vec<String> = lines
        .into_iter()
        .map(|(marker, text)| format!("{marker}{text}"))
        .collect();
    lines.join(separator)
}

fn signed(change: i64) -> String {
    if change > 0 {
        format!("+{change}")
    } else {
        change.to_string()
    }
}

/// What the tally's columns are called: a step up or down raises or lowers expectations; a
/// move across tracks finds them higher or lower.
fn tally_words(diff: &LevelDiff) -> [&'static str; 3] {
    match diff.step {
        Step::Across { .. } => ["Higher", "Same", "Lower"],
        _ => ["Raised", "Unchanged", "Lowered"],
    }
}

/// The summary sentence, and a note on what was left out; track names made safe by `safe`.
fn closing_lines(diff: &LevelDiff, safe: Escape) -> Vec<String> {
    let summary = &diff.summary;
    let mut lines = Vec::new();
    let words = match &diff.step {
        Step::Across {
            fork,
            from_track,
            to_track,
        } => {
            let on = |level: &str, track: &Option<String>| match track {
                Some(track) => format!("`{level}` ({} track)", safe(track)),
                None => format!("`{level}`"),
            };
            lines.push(format!(
                "A move across tracks, not a promotion: {} and {} part after `{fork}`.",
                on(&diff.from, from_track),
                on(&diff.to, to_track)
            ));
            ["higher", "the same", "lower"]
        }
        _ => ["raised", "unchanged", "lowered"],
    };
    lines.push(format!(
        "From {} to {}, expected scores: {} {}, {} {}, {} {}.",
        diff.from,
        diff.to,
        summary.raised,
        words[0],
        summary.unchanged,
        words[1],
        summary.lowered,
        words[2]
    ));
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
                expected(change.from),
                expected(change.to),
                signed(change.change),
                joined(signal_lines(change, esc), "<br>"),
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
        .map(|t| tally_cells(&esc(&t.title), t).to_vec())
        .collect();
    rows.push(tally_cells("**Overall**", &diff.summary).to_vec());
    let [up, same, down] = tally_words(diff);
    out.push_str(&markdown::table(
        &[
            ("Area", Align::Left),
            (up, Align::Right),
            (same, Align::Right),
            (down, Align::Right),
        ],
        &rows,
    ));
    for line in closing_lines(diff, markdown::escape) {
        out.push('\n');
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Short text for a reviewer: what the edit changed, or that it changed no expectation.
/// Lines fit `style.width`, a signal's later lines under its text.
pub fn versions_text(diff: &VersionDiff, style: Style) -> String {
    let width = style.width.min(PROSE_WIDTH);
    let lines = |para: Para| para.lines(width).join("\n");
    let mut blocks = vec![lines(Para::prose(&format!(
        "Changes to `{}` from {} to {}",
        diff.ladder, diff.old, diff.new
    )))];
    if diff.is_empty() {
        blocks.push("No changes to expectations.".to_owned());
    }
    let structure = structure_lines(diff, safe::text);
    if !structure.is_empty() {
        let structure: Vec<String> = structure
            .iter()
            .map(|line| lines(Para::prose(line)))
            .collect();
        blocks.push(structure.join("\n"));
    }
    blocks.extend(unchanged_levels(diff).map(|note| lines(Para::prose(&note))));
    for level in diff.levels.iter().filter(|level| !level.changes.is_empty()) {
        let mut block = lines(Para::new(&format!(
            "{} ({}):",
            level.level.id, level.level.title
        )));
        for change in &level.changes {
            let title = format!("{}{}", change.id, score_change(change));
            block.push('\n');
            block.push_str(&lines(Para::hanging("  ", "    ", &title)));
            for (marker, text) in signal_lines(change, safe::text) {
                let under = " ".repeat(4 + marker.chars().count());
                block.push('\n');
                block.push_str(&lines(Para::hanging(
                    &format!("    {marker}"),
                    &under,
                    &text,
                )));
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
    if change.from == change.to {
        String::new()
    } else {
        format!(
            ": {} → {} ({})",
            expected(change.from),
            expected(change.to),
            signed(change.change)
        )
    }
}

/// An expected score, or `-` where the competency is not expected.
fn expected(score: Option<u32>) -> String {
    super::figure_or_dash(score)
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
