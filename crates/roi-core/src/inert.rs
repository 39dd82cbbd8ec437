//! The characters a text from a project file must not carry raw into any output: they would
//! move a terminal's cursor, retitle its window, or turn a shown text around ("Trojan Source").

/// C0 controls (but tab and line feed), DEL, C1 (U+0080–U+009F), and the bidirectional
/// overrides, embeddings, isolates and marks.
pub fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c) || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// The text without its control characters (tab and line feed kept).
pub fn without_controls(text: &str) -> String {
    text.chars().filter(|c| !is_control(*c)).collect()
}

/// At most this many characters of a text a message quotes back.
pub const EXCERPT_CHARS: usize = 40;

/// What a message quotes of a text it refuses: at most [`EXCERPT_CHARS`] characters, `…` when
/// cut — a megabyte typed or planted in a file is not echoed back whole.
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_bounded() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(1000);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS + 1);
        assert!(excerpt(&long).ends_with('…'));
    }

    #[test]
    fn controls_and_bidi_are_dropped_text_kept() {
        assert_eq!(without_controls("a\u{7f}b\u{85}c\u{202e}d\u{2066}e\u{1b}f\tg\nh😀é"), "abcdef\tg\nh😀é");
    }
}
