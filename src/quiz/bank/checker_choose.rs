//! "Choose TWO." written into a stem by an author: the tutor adds it itself, so it is a problem.

/// "Choose TWO." or the like written by the author, which the tutor adds itself: a word that normalises to
/// "choose" followed by one that normalises to a count (words that normalise to nothing are skipped).
pub(super) fn has_choose(stem: &str) -> bool {
    if stem.is_ascii() {
        has_choose_ascii(stem.as_bytes())
    } else {
        has_choose_chars(stem)
    }
}

/// `has_choose` for any text.
pub(in crate::quiz::bank) fn has_choose_chars(stem: &str) -> bool {
    let mut key = String::new();
    let mut after_choose = false;
    for word in stem.split_whitespace() {
        // One buffer for every word: a stem is checked without an allocation per word.
        key.clear();
        key.extend(
            word.chars()
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_alphanumeric()),
        );
        if key.is_empty() {
            continue;
        }
        if after_choose
            && matches!(
                key.as_str(),
                "two" | "three" | "four" | "five" | "2" | "3" | "4" | "5"
            )
        {
            return true;
        }
        after_choose = key == "choose";
    }
    false
}

/// `has_choose` for an ASCII stem (nearly every one), byte by byte: the same words (ASCII whitespace as
/// `split_whitespace` sees it, vertical tab included), the same keys, without a `char::to_lowercase` per letter.
pub(in crate::quiz::bank) fn has_choose_ascii(stem: &[u8]) -> bool {
    let mut after_choose = false;
    let words = stem.split(|b| matches!(b, b' ' | b'\t'..=b'\r'));
    for word in words.filter(|w| !w.is_empty()) {
        let mut key = [0u8; 6];
        let mut len = 0;
        for b in word.iter().filter(|b| b.is_ascii_alphanumeric()) {
            // Longer than "choose" or "three": neither a count nor "choose".
            if len == key.len() {
                len += 1;
                break;
            }
            key[len] = b.to_ascii_lowercase();
            len += 1;
        }
        if len == 0 {
            continue;
        }
        let key = key.get(..len).unwrap_or_default();
        if after_choose
            && matches!(
                key,
                b"two" | b"three" | b"four" | b"five" | b"2" | b"3" | b"4" | b"5"
            )
        {
            return true;
        }
        after_choose = key == b"choose";
    }
    false
}
