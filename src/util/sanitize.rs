//! Untrusted text → text that is safe to draw and measures the same in ratatui as in the terminal.
//!
//! Lesson files come from authors and, eventually, from anywhere; a stray ESC would let text move the cursor or
//! recolour the screen, and zero-width format characters make ratatui's idea of a line's width differ from the
//! terminal's, which misaligns borders.

use std::borrow::Cow;

/// Tab stops every this many columns (CommonMark's own tab stop, so indentation keeps its meaning).
const TAB_STOP: usize = 4;

/// Make untrusted text safe to draw: drop ESC and every other C0/C1 control character and DEL (keep `'\n'`; `'\t'`
/// → spaces to the next multiple of 4), normalise `"\r\n"` and a lone `'\r'` to `"\n"`, drop a leading BOM, drop
/// U+FE0F (variation selector 16: the known ratatui border-misalignment pitfall) and other zero-width format
/// characters that terminals disagree on. ZWJ (U+200D) is kept so emoji ZWJ sequences stay one measurable grapheme.
pub fn clean(s: &str) -> Cow<'_, str> {
    // Most text is plain printable ASCII: one cheap byte scan settles it.
    if plain_ascii(s.as_bytes()) || !s.chars().any(needs_work) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    // Column in chars since the last line break, for tab expansion.
    let mut col = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                col = 0;
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                col = 0;
            }
            '\t' => {
                let n = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            c if is_dropped(c) => {}
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Whether every byte is printable ASCII or `\n`. Checked a block at a time without stopping early inside a block,
/// so the compiler can test many bytes at once: this scan runs over every byte of a course folder.
fn plain_ascii(bytes: &[u8]) -> bool {
    bytes.chunks(64).all(|block| {
        (block.iter()).fold(true, |ok, &b| {
            ok & ((b' '..0x7f).contains(&b) | (b == b'\n'))
        })
    })
}

/// Whether `c` forces a copy (cheap test so clean text is returned borrowed).
fn needs_work(c: char) -> bool {
    matches!(c, '\r' | '\t' | '\u{2028}' | '\u{2029}') || is_dropped(c)
}

/// Characters removed outright. `char::is_control` is exactly Cc: C0, DEL and C1 (which includes CSI U+009B).
fn is_dropped(c: char) -> bool {
    if c == '\n' {
        return false;
    }
    c.is_control()
        || matches!(
            c,
            // soft hyphen: invisible or a hyphen, depending on the terminal
            '\u{00AD}'
            // combining grapheme joiner, Arabic letter mark, Mongolian vowel separator
            | '\u{034F}' | '\u{061C}' | '\u{180E}'
            // ZWSP, ZWNJ, LRM, RLM (not ZWJ U+200D: emoji sequences need it)
            | '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}'
            // bidi embeddings/overrides (also the "trojan source" trick) and isolates
            | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            // word joiner, invisible operators, deprecated format characters
            | '\u{2060}'..='\u{2064}' | '\u{206A}'..='\u{206F}'
            // variation selectors 1–16 (VS16 = U+FE0F makes ratatui count 2 where many terminals draw 1)
            | '\u{FE00}'..='\u{FE0F}'
            // BOM / zero-width no-break space, anywhere
            | '\u{FEFF}'
            // interlinear annotation controls
            | '\u{FFF9}'..='\u{FFFB}'
            // tag characters and variation selectors supplement
            | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}'
        )
}

/// A string value decoded from course TOML (front matter, course.toml, quizzes), made safe to print. The files are
/// cleaned before parsing, but TOML escapes (`"\u001b[2J"`) decode to control characters only after that, so every
/// decoded value passes through here too.
pub fn clean_value(s: &str) -> String {
    clean(s).into_owned()
}

/// [`clean_value`] for a field shown on one line (a title, a tagline): line breaks become spaces.
pub fn clean_line(s: &str) -> String {
    clean_value(s).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::{clean, plain_ascii};
    use std::borrow::Cow;

    #[test]
    fn the_block_scan_is_the_byte_by_byte_rule() {
        let byte_rule = |s: &[u8]| s.iter().all(|&b| b == b'\n' || (b' '..0x7f).contains(&b));
        let long = "x".repeat(200);
        for bad in ["\t", "\r", "\x1b", "\x7f", "é", "\x00"] {
            for at in [0, 63, 64, 65, 199] {
                let mut s = long.clone();
                s.replace_range(at..at + 1, bad);
                assert_eq!(
                    plain_ascii(s.as_bytes()),
                    byte_rule(s.as_bytes()),
                    "{bad:?} at {at}"
                );
                assert!(!plain_ascii(s.as_bytes()));
            }
        }
        assert!(plain_ascii(long.as_bytes()) && plain_ascii(b"") && plain_ascii(b"a\nb"));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            clean("plain text, 数据 👍🏽 é\nnext"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_lose_their_escape() {
        assert_eq!(clean("\x1b[31mred\x1b[0m"), "[31mred[0m");
        assert_eq!(clean("bell\x07!"), "bell!");
        assert_eq!(clean("csi\u{9b}31m"), "csi31m");
        assert_eq!(clean("del\x7f."), "del.");
        assert_eq!(clean("nul\0."), "nul.");
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean("a\u{2028}b"), "a\nb");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(clean("\tx"), "    x");
        assert_eq!(clean("ab\tx"), "ab  x");
        assert_eq!(clean("abcd\tx\n\ty"), "abcd    x\n    y");
    }

    #[test]
    fn bom_and_format_characters_are_dropped() {
        assert_eq!(clean("\u{feff}# Title"), "# Title");
        assert_eq!(clean("⚠\u{fe0f} Warning"), "⚠ Warning");
        assert_eq!(clean("a\u{200b}b\u{202e}c\u{ad}d"), "abcd");
    }

    #[test]
    fn zwj_sequences_and_modifiers_survive() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(clean(family), family);
        assert_eq!(clean("👍🏽"), "👍🏽");
        assert_eq!(clean("e\u{301}"), "e\u{301}");
    }
}
