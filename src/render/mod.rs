//! Turning results into text: tables for terminals, Markdown for documents, JSON for programs,
//! and located diagnostics for people fixing files. Nothing here prints.

pub mod compare;
pub mod diagnostics;
pub mod diff;
pub mod findings;
pub mod html;
pub mod ladder;
pub mod markdown;
pub mod plan;
pub mod report;
pub mod safe;
pub mod sheet;
pub mod svg;
pub mod table;
pub mod team;
pub mod template;
pub mod wrap;
pub mod yaml;

/// How output should look where it is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to emit colour escape codes.
    pub color: bool,
    /// The width to fit tables and prose into.
    pub width: usize,
}

impl Style {
    /// The width assumed when output is not a terminal and `COLUMNS` is not set.
    pub const DEFAULT_WIDTH: usize = 100;
}

impl Default for Style {
    fn default() -> Self {
        Self {
            color: false,
            width: Self::DEFAULT_WIDTH,
        }
    }
}

/// A figure, or `-` where there is none (a score not given, a level that expects nothing).
pub fn figure_or_dash(figure: Option<impl ToString>) -> String {
    figure.map_or_else(|| "-".to_owned(), |figure| figure.to_string())
}

/// A mean difference, signed, to two decimals: `+0.24`, `-1.00`, and `0.00` for none.
pub fn lean(mean: f64) -> String {
    match format!("{mean:+.2}") {
        zero if zero[1..] == *"0.00" => zero[1..].to_owned(),
        signed => signed,
    }
}

/// A ratio from 0 to 1 as a percentage with at most one decimal: `0.8889` → `88.9%`.
pub fn percent(ratio: f64) -> String {
    // Rounding never claims a whole that is not there, nor hides a part that is.
    let tenths = match (ratio * 1000.0).round() / 10.0 {
        t if t >= 100.0 && ratio < 1.0 => 99.9,
        t if t <= 0.0 && ratio > 0.0 => 0.1,
        t => t,
    };
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}%")
    } else {
        format!("{tenths:.1}%")
    }
}

/// Pretty JSON with a final newline, safe for any log (see [`safe::json`]).
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    safe::json(value)
}

#[cfg(test)]
mod tests {
    use super::{lean, percent};

    #[test]
    fn percentages_keep_one_decimal_when_needed() {
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(56.0 / 63.0), "88.9%");
        assert_eq!(percent(0.5), "50%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.9996), "99.9%");
        assert_eq!(percent(0.0001), "0.1%");
    }

    #[test]
    fn leans_are_signed_unless_nothing() {
        assert_eq!(lean(5.0 / 21.0), "+0.24");
        assert_eq!(lean(-1.0), "-1.00");
        assert_eq!(lean(-0.001), "0.00");
        assert_eq!(lean(0.0), "0.00");
    }
}
