//! Text helpers: fitting text into columns (cut with `…`, never mid-grapheme, measured in display columns) and
//! small wordings both front ends share ("1 item", "10 min", "05:00").

use std::time::Duration;

use chrono::{DateTime, Utc};

/// "1 item", "2 items".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Time until `due` for "next review in …": "10 min", "3 h", "1 day", "12 days".
pub fn until(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let mins = (due - now).num_minutes().max(0);
    match mins {
        0..60 => format!("{} min", mins.max(1)),
        60..1440 => format!("{} h", mins / 60),
        _ => plural(usize::try_from(mins / 1440).unwrap_or(usize::MAX), "day"),
    }
}

/// A countdown as "mm:ss" (minutes may exceed 59: "130:00").
pub fn mm_ss(d: Duration) -> String {
    let s = d.as_secs();
    format!("{:02}:{:02}", s / 60, s % 60)
}

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, ending in `…` when it was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `s` shortened to at most `max` columns at a word boundary, ending in `…` when it was shortened: for messages
/// and hints, which may lose their tail but never a word's half.
pub fn shorten_words(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for word in s.split(' ') {
        let sep = usize::from(!out.is_empty());
        if width(&out) + sep + width(word) + 1 > max {
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        return truncate(s, max);
    }
    out.push('…');
    out
}

/// A left part and a right-hand label on one line of `max` columns: the left is cut with `…` so that at least
/// one space always separates it from the label; a label wider than the line is cut too.
pub fn left_right(left: &str, right: &str, max: usize) -> (String, String) {
    let right = truncate(right, max);
    let room = max.saturating_sub(width(&right) + 1);
    (truncate(left, room), right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_with_an_ellipsis_and_keeps_a_space_before_the_label() {
        assert_eq!(truncate("Step Functions", 20), "Step Functions");
        assert_eq!(truncate("Step Functions", 8), "Step Fu…");
        assert_eq!(truncate("数据数据", 5), "数据…");
        assert_eq!(truncate("abc", 0), "");
        let (l, r) = left_right(
            "AWS Glue orchestration: triggers, workflows",
            "Step 1 of 11",
            30,
        );
        assert_eq!(r, "Step 1 of 11");
        assert!(width(&l) + 1 + width(&r) <= 30, "{l}");
        assert!(l.ends_with('…'));
        assert_eq!(
            shorten_words("back returns to your place", 16),
            "back returns to…"
        );
        assert_eq!(shorten_words("short", 16), "short");
        assert_eq!(shorten_words("unbreakableword", 6), "unbre…");
        let (l, r) = left_right("x", "a very long label indeed", 10);
        assert_eq!((l.as_str(), width(&r)), ("", 10));
    }
}

#[cfg(test)]
mod wording_tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn wordings() {
        let t = Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap();
        let later = |m| t + chrono::Duration::minutes(m);
        assert_eq!(until(later(0), t), "1 min");
        assert_eq!(until(later(10), t), "10 min");
        assert_eq!(until(later(150), t), "2 h");
        assert_eq!(until(later(1440), t), "1 day");
        assert_eq!(until(later(1440 * 12 + 5), t), "12 days");
        assert_eq!(mm_ss(Duration::from_secs(7800)), "130:00");
        assert_eq!(mm_ss(Duration::from_secs(65)), "01:05");
        assert_eq!(plural(1, "item"), "1 item");
        assert_eq!(plural(3, "question"), "3 questions");
    }
}
