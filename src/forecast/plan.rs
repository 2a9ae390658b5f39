//! Today's plan: the reviews due, how many new items to meet today so that the forecast reaches the target by the
//! exam, the next steps to read, the steps to re-read, and the minutes it takes at the learner's own measured pace.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

use super::{
    Forecast, GUESS, Inputs, TARGET_SCORE, recall, score_of, share_for, topic_items, weights,
};
use crate::quiz::{is_due, reread};

/// A new item is answered twice on its first day: FSRS brings it back minutes later (its short-term step).
pub const ANSWERS_PER_NEW_ITEM: f64 = 2.0;
/// Until the learner's own times are measured (this many answers, this many steps): 30 s an item, 3 min a step.
pub const MIN_TIMED_ITEMS: usize = 5;
pub const MIN_TIMED_STEPS: u64 = 3;
pub const ASSUMED_ITEM_SECS: f64 = 30.0;
pub const ASSUMED_STEP_SECS: f64 = 180.0;
/// At most this many next steps are listed.
pub const STEP_LINKS: usize = 3;

/// A duration per unit, measured or assumed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    pub secs: f64,
    /// How many timed answers (or steps) it rests on; 0 = assumed.
    pub basis: usize,
}

/// A step to open from the plan: a next one to read, or one to re-read.
pub type Link = reread::Reread;

#[derive(Debug, Clone, PartialEq)]
pub struct Today {
    pub reviews_due: usize,
    /// New items to meet today, and in all before the exam, for the target.
    pub new_today: usize,
    pub new_needed: usize,
    pub unseen: usize,
    /// Whether meeting every needed item reaches the target; the share forecast if they are all met.
    pub reachable: bool,
    pub share_with_plan: f64,
    /// Steps still to read, and today's part of them.
    pub unread: usize,
    pub steps_today: usize,
    pub next_steps: Vec<Link>,
    pub reread: Vec<Link>,
    pub item_pace: Pace,
    pub step_pace: Pace,
    pub minutes: f64,
    /// The next review to fall due after now, if any.
    pub next_review: Option<DateTime<Utc>>,
    /// Days left for new items: every day before the exam's eve, which is kept for reviews.
    pub learning_days: i64,
}

impl Today {
    /// The steps the plan lists, in the order they are numbered: the next to read, then those to re-read.
    pub fn links(&self) -> Vec<Link> {
        self.next_steps
            .iter()
            .chain(&self.reread)
            .cloned()
            .collect()
    }

    /// Items the `review` session asks today: the reviews due and the new items.
    pub fn session_items(&self) -> usize {
        self.reviews_due + self.new_today
    }
}

/// The learner's seconds per answer (the last answer's time of each item answered) and per step read.
fn paces(inputs: &Inputs) -> (Pace, Pace) {
    let timed: Vec<f64> = (inputs.histories.values())
        .filter(|s| s.secs > 0)
        .map(|s| f64::from(s.secs))
        .collect();
    let item = if timed.len() >= MIN_TIMED_ITEMS {
        Pace {
            secs: timed.iter().sum::<f64>() / timed.len() as f64,
            basis: timed.len(),
        }
    } else {
        Pace {
            secs: ASSUMED_ITEM_SECS,
            basis: 0,
        }
    };
    let step = if inputs.reading_steps >= MIN_TIMED_STEPS {
        Pace {
            secs: inputs.reading_secs as f64 / inputs.reading_steps as f64,
            basis: inputs.reading_steps as usize,
        }
    } else {
        Pace {
            secs: ASSUMED_STEP_SECS,
            basis: 0,
        }
    };
    (item, step)
}

/// How many new items the forecast needs to reach `target` (a share), the best first, and the share once they are
/// all met: each unseen item is counted as met halfway through the days left, answered right at first sight with
/// the unseen-item chance, then reviewed as FSRS schedules.
fn needed(inputs: &Inputs, f: &Forecast, target: f64, learning_days: i64) -> (usize, usize, f64) {
    let items = topic_items(inputs);
    let met_at = f.now + Duration::hours(learning_days.max(0) * 12);
    let mut gains = Vec::new();
    for ((t, list), tf) in f.topics.iter().zip(&items).zip(&f.topics) {
        let p_new = recall::projected_new(t.unseen_p, met_at, f.exam_date);
        let q_new = p_new + (1.0 - p_new) * GUESS;
        for item in list.iter().filter(|i| i.state.is_none()) {
            gains.push(tf.weight * item.weight * (q_new - t.unseen_p).max(0.0));
        }
    }
    let unseen = gains.len();
    // Stable: equal gains keep course order.
    gains.sort_by(|a, b| b.total_cmp(a));
    let mut share = f.share;
    for (n, g) in gains.iter().enumerate() {
        if share >= target {
            return (n, unseen, share);
        }
        share += g;
    }
    (unseen, unseen, share)
}

/// Today's plan for the forecast `f`.
pub fn today(inputs: &Inputs, f: &Forecast) -> Today {
    let now = f.now;
    let learning_days = (f.days_left - 1).max(if f.days_left > 0 { 1 } else { 0 });
    let target = share_for(TARGET_SCORE);
    let (new_needed, unseen, share_with_plan) = needed(inputs, f, target, learning_days);
    let per_day = |n: usize| match learning_days {
        0 => 0,
        d => n.div_ceil(d as usize),
    };
    let new_today = per_day(new_needed);
    let unread_steps: Vec<Link> = (inputs.topics.iter())
        .flat_map(|t| {
            (t.read.min(t.steps.len())..t.steps.len()).map(|step| Link {
                topic: t.slug.clone(),
                step,
                misses: 0,
            })
        })
        .collect();
    let steps_today = per_day(unread_steps.len()).min(unread_steps.len());
    let (item_pace, step_pace) = paces(inputs);
    // The course's ids, once: a history may hold 50,000 of them.
    let ids: HashSet<&str> = (inputs.topics.iter())
        .flat_map(|t| t.items.iter().map(|i| i.id.as_str()))
        .collect();
    let in_course = |id: &String| ids.contains(id.as_str());
    let reviews_due = (inputs.histories.iter())
        .filter(|(id, s)| is_due(s, now) && in_course(id))
        .count();
    let answers = reviews_due as f64 + ANSWERS_PER_NEW_ITEM * new_today as f64;
    let minutes = (answers * item_pace.secs + steps_today as f64 * step_pace.secs) / 60.0;
    let next_review = (inputs.histories.iter())
        .filter(|(id, s)| s.due > now && in_course(id))
        .map(|(_, s)| s.due)
        .min();
    Today {
        reviews_due,
        new_today,
        new_needed,
        unseen,
        reachable: share_with_plan >= target,
        share_with_plan,
        unread: unread_steps.len(),
        steps_today,
        next_steps: unread_steps
            .into_iter()
            .take(steps_today.clamp(1, STEP_LINKS))
            .collect(),
        reread: inputs.reread.to_vec(),
        item_pace,
        step_pace,
        minutes,
        next_review,
        learning_days,
    }
}

/// The score the target stands for, for the text.
pub fn target_score() -> f64 {
    score_of(share_for(TARGET_SCORE))
}

/// Which weights the forecast uses, for the text.
pub fn weights_source() -> &'static str {
    weights::SOURCE
}
