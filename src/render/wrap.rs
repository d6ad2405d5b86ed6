//! Fitting text to a width: lines broken between words (or after a hyphen inside one), a
//! word split only when it is wider than the line, and continuation lines set under the text
//! they continue rather than under the bullet or indent that starts it.

use textwrap::core::display_width;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

use super::safe::plain;

/// The widest a paragraph of prose is set, however wide the terminal: longer lines are hard
/// to follow back to their start.
pub const PROSE_WIDTH: usize = 100;

/// One paragraph: text made safe by [`plain`], with what starts its first line and what starts
/// each line after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    first: String,
    rest: String,
    text: String,
    /// Whether the paragraph may be broken at all; figures such as `2 of 3` may not.
    breaks: bool,
    /// Whether a line may end after a hyphen inside a word: in narrow table cells, yes; in
    /// prose, which names ids such as `legacy-support`, only when a word is wider than a line.
    at_hyphens: bool,
}

/// Indents are no-break spaces, so that a table never trims them away.
fn indent(width: usize) -> String {
    "\u{a0}".repeat(width)
}

impl Para {
    /// File or program text, set flush.
    pub fn new(text: &str) -> Self {
        Self::indented(text, 0)
    }

    /// Text with every line set in by `by` columns.
    pub fn indented(text: &str, by: usize) -> Self {
        Self {
            first: indent(by),
            rest: indent(by),
            text: plain(text).into_owned(),
            breaks: true,
            at_hyphens: true,
        }
    }

    /// `- text`, its later lines under the text rather than the dash.
    pub fn bullet(text: &str) -> Self {
        Self::marked("- ", text)
    }

    /// Text after a marker such as `- ` or `+ `, its later lines under the text.
    pub fn marked(marker: &str, text: &str) -> Self {
        Self {
            first: marker.to_owned(),
            rest: indent(display_width(marker)),
            text: plain(text).into_owned(),
            breaks: true,
            at_hyphens: true,
        }
    }

    /// Text whose first line starts with `first` and each later line with `rest`, such as a
    /// comment in a file.
    pub fn hanging(first: &str, rest: &str, text: &str) -> Self {
        Self {
            first: first.to_owned(),
            rest: rest.to_owned(),
            text: plain(text).into_owned(),
            breaks: true,
            at_hyphens: true,
        }
    }

    /// Prose: broken between words, and inside a word only when it is wider than a line.
    pub fn prose(text: &str) -> Self {
        Self {
            at_hyphens: false,
            ..Self::new(text)
        }
    }

    /// Text that is never broken, such as a figure.
    pub fn whole(text: &str) -> Self {
        Self {
            breaks: false,
            ..Self::new(text)
        }
    }

    fn options(&self, width: usize) -> Options<'_> {
        Options::new(width.max(1))
            .initial_indent(&self.first)
            .subsequent_indent(&self.rest)
            .break_words(true)
            .word_separator(WordSeparator::AsciiSpace)
            .word_splitter(match self.at_hyphens {
                true => WordSplitter::HyphenSplitter,
                false => WordSplitter::NoHyphenation,
            })
            .wrap_algorithm(WrapAlgorithm::FirstFit)
    }

    /// The paragraph's lines at `width`.
    pub fn lines(&self, width: usize) -> Vec<String> {
        if !self.breaks || self.widest() <= width {
            return vec![format!("{}{}", self.first, self.text)];
        }
        textwrap::wrap(&self.text, self.options(width))
            .into_iter()
            // A word split in two could start a line with `::`; the safety rule, applied to
            // each line, keeps any line from reading as a workflow command.
            .map(|line| plain(&line).into_owned())
            .collect()
    }

    /// Its width on one line.
    pub fn widest(&self) -> usize {
        display_width(&self.first) + display_width(&self.text)
    }

    /// The narrowest it can be set without splitting a word.
    pub fn narrowest(&self) -> usize {
        if !self.breaks {
            return self.widest();
        }
        let options = self.options(1).break_words(false);
        textwrap::wrap(&self.text, options)
            .iter()
            .map(|line| display_width(line))
            .max()
            .unwrap_or(0)
            .max(display_width(&self.first))
    }
}

/// Prose lines at `width` (at most [`PROSE_WIDTH`]), one paragraph per line of `text`.
pub fn prose(text: &str, width: usize) -> String {
    Para::prose(text).lines(width.min(PROSE_WIDTH)).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_hyphenated_ids_whole() {
        assert_eq!(
            prose("removed `legacy-support` here", 20),
            "removed\n`legacy-support`\nhere"
        );
        assert_eq!(
            Para::new("removed legacy-support").lines(16),
            ["removed legacy-", "support"]
        );
    }

    #[test]
    fn short_text_is_one_line() {
        assert_eq!(Para::new("Owns a service").lines(20), ["Owns a service"]);
        assert_eq!(Para::indented("Owns", 2).lines(6), ["\u{a0}\u{a0}Owns"]);
    }

    #[test]
    fn lines_break_between_words() {
        assert_eq!(
            Para::new("Owns a service end to end").lines(12),
            ["Owns a", "service end", "to end"]
        );
    }

    #[test]
    fn bullets_hang_under_their_text() {
        assert_eq!(
            Para::bullet("Writes tests with every change").lines(14),
            [
                "- Writes tests",
                "\u{a0}\u{a0}with every",
                "\u{a0}\u{a0}change"
            ]
        );
    }

    #[test]
    fn indents_hold_on_every_line() {
        assert_eq!(
            Para::indented("Code quality matters", 4).lines(12),
            [
                "\u{a0}\u{a0}\u{a0}\u{a0}Code",
                "\u{a0}\u{a0}\u{a0}\u{a0}quality",
                "\u{a0}\u{a0}\u{a0}\u{a0}matters"
            ]
        );
    }

    #[test]
    fn hyphens_break_before_letters_do() {
        assert_eq!(Para::new("tech-director").lines(8), ["tech-", "director"]);
        assert_eq!(Para::new("tech-director").narrowest(), 8);
    }

    #[test]
    fn a_word_wider_than_the_line_is_split() {
        assert_eq!(
            Para::new("Communication").lines(5),
            ["Commu", "nicat", "ion"]
        );
    }

    #[test]
    fn a_split_word_never_starts_a_workflow_command() {
        let lines = Para::new("abc::warning").lines(3);
        assert_eq!(lines, ["abc", "\\u{3a}:w", "arn", "ing"]);
    }

    #[test]
    fn file_text_is_made_safe() {
        assert_eq!(Para::new("a\nb\u{1b}").lines(40), ["a b\\u{1b}"]);
    }

    #[test]
    fn the_narrowest_width_is_the_longest_word_with_its_indent() {
        assert_eq!(Para::new("Owns a service end to end").narrowest(), 7);
        assert_eq!(Para::bullet("Owns a service").narrowest(), 9);
        assert_eq!(Para::indented("a b", 4).narrowest(), 5);
        assert_eq!(Para::new("").narrowest(), 0);
    }

    #[test]
    fn whole_text_is_never_broken() {
        let figure = Para::whole("2 of 3");
        assert_eq!(figure.narrowest(), 6);
        assert_eq!(figure.lines(3), ["2 of 3"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(Para::new("職務 記述").widest(), 9);
        assert_eq!(Para::new("職務 記述").lines(5), ["職務", "記述"]);
    }

    #[test]
    fn prose_stops_at_its_own_width() {
        let long = "word ".repeat(40);
        let lines: Vec<_> = prose(&long, 500).lines().map(str::len).collect();
        assert_eq!(lines, [99, 99]);
        let lines: Vec<_> = prose(&long, 60).lines().map(str::len).collect();
        assert_eq!(lines, [59, 59, 59, 19]);
    }
}
