//! Which characters may not stand in text as it is shown: the one list that loading (which
//! refuses them in a file's text values) and printing (which escapes them wherever file text
//! is shown) share.

/// Controls (C0, DEL and C1, such as U+009B, a one-byte CSI) change what a terminal does;
/// invisible and direction-changing marks hide or reorder what text says.
pub fn is_control_or_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Characters that end a line, or move to the next one, in some terminal or viewer.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_marks_and_breaks() {
        for c in [
            '\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{feff}',
        ] {
            assert!(is_control_or_invisible(c), "{c:?}");
        }
        for c in ['a', 'é', ' ', '\u{a0}', '→'] {
            assert!(!is_control_or_invisible(c), "{c:?}");
        }
        assert!(is_line_break('\u{2028}') && !is_control_or_invisible('\u{2028}'));
    }
}
