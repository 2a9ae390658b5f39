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

/// `has_choose` for an ASCII stem (nearly every one), in one pass over the bytes: the same words (ASCII whitespace
/// as `split_whitespace` sees it, vertical tab included), the same keys (letters lower-cased, digits kept, anything
/// else skipped), without a `char::to_lowercase` per letter. A key is packed into a `u64` as it is read (only its
/// first 8 bytes; longer keys are neither "choose" nor a count), so a word costs a compare, not a buffer.
pub(in crate::quiz::bank) fn has_choose_ascii(stem: &[u8]) -> bool {
    const fn key(word: &[u8]) -> u64 {
        let mut k = 0u64;
        let mut i = 0;
        while i < word.len() {
            k |= (word[i] as u64) << (8 * i);
            i += 1;
        }
        k
    }
    const CHOOSE: u64 = key(b"choose");
    const COUNTS: [u64; 8] = [
        key(b"two"),
        key(b"three"),
        key(b"four"),
        key(b"five"),
        key(b"2"),
        key(b"3"),
        key(b"4"),
        key(b"5"),
    ];
    let (mut after_choose, mut k, mut len) = (false, 0u64, 0usize);
    // A space after the last byte ends the last word.
    for &b in stem.iter().chain([&b' ']) {
        if matches!(b, b' ' | b'\t'..=b'\r') {
            if len > 0 {
                let short = len <= 8;
                if after_choose && short && COUNTS.contains(&k) {
                    return true;
                }
                after_choose = short && k == CHOOSE;
            }
            (k, len) = (0, 0);
        } else if b.is_ascii_alphanumeric() {
            if len < 8 {
                // `| 0x20` lower-cases a letter and leaves a digit as it is.
                k |= u64::from(b | 0x20) << (8 * len);
            }
            len += 1;
        }
    }
    false
}
