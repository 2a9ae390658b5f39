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

/// `has_choose` for an ASCII stem (nearly every one): the same words (ASCII whitespace as `split_whitespace` sees
/// it, vertical tab included), the same keys (letters lower-cased, digits kept, anything else skipped), without a
/// `char::to_lowercase` per letter. A key is packed into a `u64` (only its first 8 bytes; longer keys are neither
/// "choose" nor a count), so a word costs a compare, not a buffer; and only the words that could matter get a key:
/// one right after "choose", or one of six bytes or more whose first letter or digit is `c` (reading every byte's
/// key was a twentieth of `check` on a big course).
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
    let mut after_choose = false;
    for word in stem.split(|b| matches!(b, b' ' | b'\t'..=b'\r')) {
        // Any other word leaves `after_choose` false, whatever its key: its key is not "choose".
        let could_be_choose = word.len() >= 6
            && (word.iter().find(|b| b.is_ascii_alphanumeric())).is_some_and(|&b| b | 0x20 == b'c');
        if !after_choose && !could_be_choose {
            continue;
        }
        let (k, len) = packed_key(word);
        if len == 0 {
            continue;
        }
        let short = len <= 8;
        if after_choose && short && COUNTS.contains(&k) {
            return true;
        }
        after_choose = short && k == CHOOSE;
    }
    false
}

/// A word's key (its letters lower-cased and its digits) packed a byte each into a `u64`, and the key's length.
fn packed_key(word: &[u8]) -> (u64, usize) {
    let (mut k, mut len) = (0u64, 0usize);
    for &b in word.iter().filter(|b| b.is_ascii_alphanumeric()) {
        if len < 8 {
            // `| 0x20` lower-cases a letter and leaves a digit as it is.
            k |= u64::from(b | 0x20) << (8 * len);
        }
        len += 1;
    }
    (k, len)
}
