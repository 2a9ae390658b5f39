//! Small wordings shared by the TUI and plain mode, so both say the same thing.

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

#[cfg(test)]
mod tests {
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
