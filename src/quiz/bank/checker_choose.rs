//! "Choose TWO." written into a stem by an author: the tutor adds it itself, so it is a problem.

use crate::quiz::grade::normalize;

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
    let mut after_choose = false;
    for word in stem.split_whitespace() {
        let key = normalize(word);
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
/// "choose" nor a count), so a word costs a compare, not a buffer. Only a word whose first letter or digit is a `c`
/// can be "choose", so the scan jumps from one `c` to the next with `memchr` and reads the words around it alone
/// (reading every byte's word was a thirtieth of `check` on a big course).
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
    const CHOOSE: (u64, usize) = (key(b"choose"), 6);
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
    let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let mut from = 0;
    while let Some(i) = memchr::memchr2(b'c', b'C', &stem[from..]) {
        let at = from + i;
        // A key that starts at this `c` and is "choose" goes on with an `h`: a letter or digit straight after it
        // that is not one rules it out before the word is looked for (nearly every `c` of a stem).
        if stem
            .get(at + 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() && b | 0x20 != b'h')
        {
            from = at + 1;
            continue;
        }
        let start = stem[..at].iter().rposition(space).map_or(0, |s| s + 1);
        let end = stem[at..]
            .iter()
            .position(space)
            .map_or(stem.len(), |e| at + e);
        from = end;
        // A letter or digit before this `c` in its word: the word's key does not start with it (nor with a later
        // `c` of the word).
        if stem[start..at].iter().any(u8::is_ascii_alphanumeric)
            || packed_key(&stem[start..end]) != CHOOSE
        {
            continue;
        }
        // "choose": the next word with a key decides (one without, such as "--", is skipped).
        let next = (stem[end..].split(space))
            .map(packed_key)
            .find(|&(_, len)| len > 0);
        if next.is_some_and(|(k, len)| len <= 8 && COUNTS.contains(&k)) {
            return true;
        }
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
