//! Progress figures from the course's quiz items and the learner's item states. Days are UTC days: the core has no
//! time zone. The items come from the course index (ids and kinds), so the stats parse no quiz bank but the few
//! whose weakest triggers they quote.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, Utc};

use super::schedule::{ItemState, weakness};
use crate::course::index::ItemEntry;

/// A topic's quiz items, as the stats read them: its slug and its items (triggers first, as in its file).
#[derive(Debug, Clone, Copy)]
pub struct TopicItems<'a> {
    pub topic: &'a str,
    pub items: &'a [ItemEntry],
}

/// An item counts as mastered when FSRS expects it to last this many days (stability) and its last answer was
/// right: one lucky answer is not mastery, a week of expected recall after a right answer is.
pub const MASTERY_STABILITY_DAYS: f64 = 7.0;

#[derive(Debug, Clone, PartialEq)]
pub struct TopicMastery {
    pub topic: String,
    /// Triggers and questions in the topic's quiz.
    pub items: usize,
    /// Items answered at least once.
    pub seen: usize,
    pub mastered: usize,
    /// mastered / items, 0–100, rounded down so 100% means every item.
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeakTrigger {
    pub id: String,
    pub cue: String,
    pub topic: String,
    pub weakness: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub per_topic: Vec<TopicMastery>,
    /// Right answers over all answers, 0–100; `None` before the first answer.
    pub accuracy: Option<u32>,
    pub right: u32,
    pub answers: u32,
    /// Reviews due by the end of today, overdue included.
    pub due_today: usize,
    /// Reviews falling due on each of the next 7 days (tomorrow first).
    pub due_next_days: [usize; 7],
    /// Up to ten triggers answered wrong at least once, weakest first (a phrase never missed is not weak).
    pub weakest_triggers: Vec<WeakTrigger>,
}

pub fn is_mastered(state: &ItemState) -> bool {
    state.stability >= MASTERY_STABILITY_DAYS && state.last_right()
}

/// The figures for `topics`; `cue(topic, id)` gives the phrase of a trigger quoted among the weakest.
pub fn stats(
    topics: &[TopicItems],
    histories: &BTreeMap<String, ItemState>,
    now: DateTime<Utc>,
    cue: impl Fn(&str, &str) -> Option<String>,
) -> Stats {
    let start_of = |days: u64| {
        let day = now
            .date_naive()
            .checked_add_days(Days::new(days))
            .unwrap_or(now.date_naive());
        day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
    };
    let day_ends: Vec<DateTime<Utc>> = (1..=8).map(start_of).collect();
    let mut per_topic = Vec::new();
    let (mut right, mut answers, mut due_today) = (0u32, 0u32, 0usize);
    let mut due_next_days = [0usize; 7];
    let mut weak = Vec::new();
    for t in topics {
        let (mut items, mut seen, mut mastered) = (0, 0, 0);
        for item in t.items {
            items += 1;
            let Some(s) = histories.get(&item.id) else {
                continue;
            };
            seen += 1;
            mastered += usize::from(is_mastered(s));
            right += s.right;
            answers += s.right + s.wrong;
            if s.due < day_ends[0] {
                due_today += 1;
            } else if let Some(d) = (1..8).find(|&d| s.due < day_ends[d]) {
                due_next_days[d - 1] += 1;
            }
            if !item.question && s.wrong > 0 {
                weak.push((t.topic, item.id.as_str(), weakness(Some(s))));
            }
        }
        let percent = (mastered * 100)
            .checked_div(items)
            .map_or(0, |p| u32::try_from(p).unwrap_or(100));
        per_topic.push(TopicMastery {
            topic: t.topic.to_string(),
            items,
            seen,
            mastered,
            percent,
        });
    }
    // Stable sort on a list in bank order: equally weak triggers keep course order.
    weak.sort_by(|a, b| b.2.total_cmp(&a.2));
    weak.truncate(10);
    // Only the ten quoted need their phrase (a topic's bank is parsed for it).
    let weak = (weak.into_iter())
        .map(|(topic, id, weakness)| WeakTrigger {
            id: id.to_string(),
            cue: cue(topic, id).unwrap_or_else(|| id.to_string()),
            topic: topic.to_string(),
            weakness,
        })
        .collect();
    Stats {
        per_topic,
        accuracy: (answers > 0).then(|| (u64::from(right) * 100 / u64::from(answers)) as u32),
        right,
        answers,
        due_today,
        due_next_days,
        weakest_triggers: weak,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::schedule::{Rating, review};
    use crate::{
        course::index::QuizEntry,
        quiz::{QuizBank, testdata},
    };
    use chrono::TimeZone;

    /// The stats of the test banks, as the course gives them: items from the index, cues from the banks.
    fn of_banks(banks: &[QuizBank], h: &BTreeMap<String, ItemState>, now: DateTime<Utc>) -> Stats {
        let entries: Vec<QuizEntry> = banks.iter().map(QuizEntry::of).collect();
        let topics: Vec<TopicItems> = (banks.iter().zip(&entries))
            .map(|(b, e)| TopicItems {
                topic: &b.topic,
                items: e.items.get(),
            })
            .collect();
        stats(&topics, h, now, |topic, id| {
            let bank = banks.iter().find(|b| b.topic == topic)?;
            Some(bank.triggers.iter().find(|t| t.id == id)?.cue.clone())
        })
    }

    #[test]
    fn stats_from_a_short_history() {
        let banks = testdata::banks();
        let now = Utc.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).unwrap();
        let mut h = BTreeMap::new();
        // A trigger known for weeks: mastered, due in some days.
        let mut solid = review(None, Rating::Good, now - chrono::Duration::days(60), None);
        while solid.stability < MASTERY_STABILITY_DAYS {
            let t = solid.due;
            solid = review(Some(&solid), Rating::Good, t, None);
        }
        solid.due = now + chrono::Duration::days(3);
        h.insert("sfn-retry-transient".to_string(), solid.clone());
        // Answered wrong just now: due in a minute (today), weakest.
        h.insert(
            "sfn-distributed-map".to_string(),
            review(None, Rating::Again, now, None),
        );
        // Right once: due in 10 minutes, not mastered.
        h.insert(
            "lf-tag-based".to_string(),
            review(None, Rating::Good, now, None),
        );
        // Progress of an item no longer in the course is ignored.
        h.insert(
            "old-item".to_string(),
            review(None, Rating::Again, now, None),
        );

        let s = of_banks(&banks, &h, now);
        let sfn = &s.per_topic[0];
        assert_eq!(
            (
                sfn.topic.as_str(),
                sfn.items,
                sfn.seen,
                sfn.mastered,
                sfn.percent
            ),
            ("step-functions", 6, 2, 1, 16)
        );
        let lf = &s.per_topic[1];
        assert_eq!((lf.items, lf.seen, lf.mastered, lf.percent), (4, 1, 0, 0));
        assert_eq!(solid.right, 3, "three Good reviews reach a week");
        assert_eq!((s.right, s.answers, s.accuracy), (4, 5, Some(80)));
        assert_eq!(s.due_today, 2);
        assert_eq!(s.due_next_days, [0, 0, 1, 0, 0, 0, 0]);
        let weak: Vec<&str> = s.weakest_triggers.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(weak, ["sfn-distributed-map"], "only items answered wrong");
        assert_eq!(
            s.weakest_triggers[0].cue,
            "Process millions of S3 objects in parallel from one workflow"
        );
    }

    #[test]
    fn empty_history() {
        let banks = testdata::banks();
        let now = Utc.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).unwrap();
        let s = of_banks(&banks, &BTreeMap::new(), now);
        assert_eq!(s.accuracy, None);
        assert_eq!(s.due_today, 0);
        assert!(s.weakest_triggers.is_empty());
        assert!(s.per_topic.iter().all(|t| t.percent == 0 && t.seen == 0));
    }
}
