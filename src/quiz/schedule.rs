//! Spaced repetition with FSRS (the `rs-fsrs` crate, FSRS-5 default weights, no fuzz so runs are reproducible).
//! `ItemState` is what the learner's progress file keeps per item id.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use rs_fsrs::{Card, FSRS, Parameters, State};
use serde::{Deserialize, Serialize};

use super::bank::ItemKind;

/// Answering a trigger cue slower than this rates Hard instead of Good: recall should be instant.
pub const SLOW_TRIGGER: Duration = Duration::from_secs(20);
/// A scenario question is read and reasoned about: Hard only past 90 s (the exam allows about 2 min).
pub const SLOW_QUESTION: Duration = Duration::from_secs(90);

/// How well the learner knew an item, as FSRS rates a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    fn fsrs(self) -> rs_fsrs::Rating {
        match self {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Rating {
    type Err = String;

    /// "again"/"hard"/"good"/"easy" in any case, or 1–4 as in Anki.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "again" | "1" => Ok(Rating::Again),
            "hard" | "2" => Ok(Rating::Hard),
            "good" | "3" => Ok(Rating::Good),
            "easy" | "4" => Ok(Rating::Easy),
            other => Err(format!(
                "unknown rating `{other}`: use again, hard, good or easy"
            )),
        }
    }
}

/// FSRS card phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

/// One item's review history, stored in the progress TOML under its id. Times are whole seconds and floats are
/// rounded to 4 places to keep the file short; `right`/`wrong` count answers rated other than / as Again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemState {
    pub due: DateTime<Utc>,
    pub last_review: DateTime<Utc>,
    pub stability: f64,
    pub difficulty: f64,
    pub phase: Phase,
    pub reps: u32,
    pub lapses: u32,
    #[serde(default)]
    pub right: u32,
    #[serde(default)]
    pub wrong: u32,
    /// The last rating given.
    pub last: Rating,
    /// Seconds the last answer took.
    #[serde(default)]
    pub secs: u32,
}

impl ItemState {
    /// Whether the last answer was right (not rated Again).
    pub fn last_right(&self) -> bool {
        self.last != Rating::Again
    }
}

fn fsrs() -> FSRS {
    FSRS::new(Parameters {
        enable_fuzz: false,
        enable_short_term: true,
        ..Parameters::default()
    })
}

fn whole_seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_nanosecond(0).unwrap_or(t)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn to_card(state: Option<&ItemState>, now: DateTime<Utc>) -> Card {
    let Some(s) = state else {
        return Card {
            due: now,
            last_review: now,
            ..Card::default()
        };
    };
    Card {
        due: s.due,
        stability: s.stability,
        difficulty: s.difficulty,
        elapsed_days: 0, // recomputed by the scheduler from last_review
        scheduled_days: 0,
        reps: i32::try_from(s.reps).unwrap_or(i32::MAX),
        lapses: i32::try_from(s.lapses).unwrap_or(i32::MAX),
        state: match s.phase {
            Phase::New => State::New,
            Phase::Learning => State::Learning,
            Phase::Review => State::Review,
            Phase::Relearning => State::Relearning,
        },
        last_review: s.last_review,
    }
}

/// The start (UTC) of the day before the exam: the latest an item may fall due, so everything is seen once more.
/// No cap once that moment has passed.
fn exam_cap(exam_date: Option<NaiveDate>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let day_before = exam_date?.pred_opt()?;
    let cap = day_before.and_hms_opt(0, 0, 0)?.and_utc();
    (cap > now).then_some(cap)
}

/// The state after reviewing an item (`None` = first time seen) with `rating` at `now`.
pub fn review(
    state: Option<&ItemState>,
    rating: Rating,
    now: DateTime<Utc>,
    exam_date: Option<NaiveDate>,
) -> ItemState {
    let now = whole_seconds(now);
    let card = fsrs().next(to_card(state, now), now, rating.fsrs()).card;
    let mut due = whole_seconds(card.due);
    if let Some(cap) = exam_cap(exam_date, now) {
        due = due.min(cap);
    }
    let (right, wrong) = state.map_or((0, 0), |s| (s.right, s.wrong));
    let again = rating == Rating::Again;
    ItemState {
        due,
        last_review: now,
        stability: round4(card.stability),
        difficulty: round4(card.difficulty),
        phase: match card.state {
            State::New => Phase::New,
            State::Learning => Phase::Learning,
            State::Review => Phase::Review,
            State::Relearning => Phase::Relearning,
        },
        reps: u32::try_from(card.reps).unwrap_or_default(),
        lapses: u32::try_from(card.lapses).unwrap_or_default(),
        right: right + u32::from(!again),
        wrong: wrong + u32::from(again),
        last: rating,
        secs: state.map_or(0, |s| s.secs),
    }
}

/// The rating an answer earns: wrong → Again; right → Good, or Hard when slow for its kind.
pub fn rating_for(correct: bool, elapsed: Duration, kind: ItemKind) -> Rating {
    let slow = match kind {
        ItemKind::Trigger => SLOW_TRIGGER,
        ItemKind::Question => SLOW_QUESTION,
    };
    match (correct, elapsed > slow) {
        (false, _) => Rating::Again,
        (true, true) => Rating::Hard,
        (true, false) => Rating::Good,
    }
}

pub fn is_due(state: &ItemState, now: DateTime<Utc>) -> bool {
    state.due <= now
}

/// How weak an item is; higher = practise sooner. Bands keep the order the tutor promises:
/// last answer wrong (2–3.5) > never seen (1) > last answer right (0–1). Within a band, a high share of wrong
/// answers, lapses and low stability (in days) weigh in.
pub fn weakness(state: Option<&ItemState>) -> f64 {
    let Some(s) = state else { return 1.0 };
    let answers = f64::from((s.right + s.wrong).max(1));
    let wrong_ratio = f64::from(s.wrong) / answers;
    let fragility = 1.0 / (1.0 + s.stability.max(0.0));
    if s.last_right() {
        0.5 * wrong_ratio + 0.5 * fragility * (1.0 - wrong_ratio).max(0.0)
    } else {
        2.0 + 0.5 * wrong_ratio + 0.5 * fragility + 0.1 * f64::from(s.lapses.min(5))
    }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
