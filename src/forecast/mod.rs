//! Ready by exam day: a forecast of the learner's score on the exam date and today's plan to reach the pass mark.
//! The model is described in docs/forecast.md; every constant below is named there. Time is passed in: the core has
//! no clock and no time zone (days are UTC days).

pub mod course;
pub mod markdown;
pub mod plan;
pub mod recall;
pub mod weights;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{
    course::index::ItemEntry,
    quiz::{ItemState, reread::Reread},
};

/// A four-option question is answered right by a guess this often.
pub const GUESS: f64 = 0.25;
/// The exam asks scenario questions; a trigger phrase is what a scenario hides. A topic's share is three parts its
/// questions and one part its triggers (each asked as a four-option question).
pub const QUESTION_SHARE: f64 = 0.75;
/// Scored questions on the exam (65 asked, 15 of them unscored): the exam's own sampling noise.
pub const SCORED_QUESTIONS: f64 = 50.0;
/// The pass mark on the 100–1000 scale.
pub const PASS_SCORE: f64 = 720.0;
/// What the plan aims at: the pass mark and a margin about the size of the forecast's typical error.
pub const TARGET_SCORE: f64 = 760.0;
/// Items never seen: the prior counts as this many first answers.
pub const PRIOR_STRENGTH: f64 = 10.0;
/// Fewer answers than these and the forecast says "not enough data yet" (overall, per topic).
pub const MIN_ANSWERS: u32 = 20;
pub const MIN_TOPIC_ANSWERS: u32 = 5;
/// The two-sided 90% range of a normal spread.
const Z90: f64 = 1.645;
/// How unsure the projection of a seen item is, as a share of q(1−q): FSRS's default parameters are not the
/// learner's own.
const MEMORY_SPREAD: f64 = 0.4;

/// The approximate scaled score of a share of questions right. AWS does not publish its mapping; this is the
/// straight line from 0% → 100 to 100% → 1000 (so 720 ≈ 68.9% right).
pub fn score_of(share: f64) -> f64 {
    100.0 + 900.0 * share.clamp(0.0, 1.0)
}

/// The share of questions right that [`score_of`] maps to `score`.
pub fn share_for(score: f64) -> f64 {
    ((score - 100.0) / 900.0).clamp(0.0, 1.0)
}

/// The prior for an item never seen, before the learner's own first answers: a guess, general knowledge, and
/// what reading the topic's steps adds (`read` = share of its steps read).
pub fn prior_mean(read: f64) -> f64 {
    0.4 + 0.2 * read.clamp(0.0, 1.0)
}

/// One topic as the forecast needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicInput {
    pub slug: String,
    pub number: u32,
    pub title: String,
    /// The exam tasks it serves ("1.3 Orchestrate data pipelines").
    pub tasks: Vec<String>,
    /// Titles of its teaching steps.
    pub steps: Vec<String>,
    /// Steps read: the furthest step reached.
    pub read: usize,
    /// Its quiz items (ids, kinds and steps, from the course index: the banks are not parsed for a forecast).
    pub items: Vec<ItemEntry>,
}

/// Everything the forecast rests on.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub topics: &'a [TopicInput],
    /// The steps behind the learner's recent wrong answers (`Course::reread`).
    pub reread: &'a [Reread],
    pub histories: &'a BTreeMap<String, ItemState>,
    /// Measured reading: seconds and steps timed.
    pub reading_secs: u64,
    pub reading_steps: u64,
}

/// One quiz item of a topic, with its history.
#[derive(Debug, Clone, Copy)]
struct Item<'a> {
    state: Option<&'a ItemState>,
    /// Its weight within its topic's share (a topic's items sum to 1).
    weight: f64,
}

/// The learner's first answers, which move the prior for unseen items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FirstSight {
    /// Items whose first answer was (by the record) right, of `seen`.
    pub right: usize,
    pub seen: usize,
}

impl FirstSight {
    /// The chance of answering an unseen item right, for a topic read to `read`: the prior mean, moved toward the
    /// learner's first-answer rate as first answers accumulate (a beta prior of [`PRIOR_STRENGTH`] answers).
    pub fn unseen(&self, read: f64) -> f64 {
        (PRIOR_STRENGTH * prior_mean(read) + self.right as f64)
            / (PRIOR_STRENGTH + self.seen as f64)
    }

    /// The standard deviation of that estimate (the beta posterior's).
    fn spread(&self, read: f64) -> f64 {
        let m = self.unseen(read);
        (m * (1.0 - m) / (PRIOR_STRENGTH + self.seen as f64 + 1.0)).sqrt()
    }

    /// Whether an item's first answer was right, from what the record keeps: FSRS counts a lapse only for a wrong
    /// answer once an item is in review, so wrong answers beyond the lapses were given while it was being learnt —
    /// the first answer among them.
    pub fn first_right(state: &ItemState) -> bool {
        state.wrong <= state.lapses
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicForecast {
    pub slug: String,
    pub number: u32,
    pub title: String,
    /// Its share of the exam (the topic weights sum to 1).
    pub weight: f64,
    pub steps: usize,
    pub read: usize,
    pub items: usize,
    pub seen: usize,
    /// Answers given to its items.
    pub answers: u32,
    /// Predicted share of its exam-style questions right on exam day, and a 90% range of that estimate.
    pub share: f64,
    pub low: f64,
    pub high: f64,
    /// The share the unseen items carry at the prior, and the prior's spread: the plan's arithmetic.
    pub unseen_p: f64,
    estimate_sd: f64,
}

impl TopicForecast {
    pub fn enough(&self) -> bool {
        self.answers >= MIN_TOPIC_ANSWERS
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub now: DateTime<Utc>,
    pub exam_date: NaiveDate,
    /// Whole days from today to the exam day (0 = the exam is today).
    pub days_left: i64,
    pub topics: Vec<TopicForecast>,
    pub answers: u32,
    pub items: usize,
    pub seen: usize,
    pub first_sight: FirstSight,
    /// Predicted share right over the weighted topics, and a 90% range.
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Forecast {
    pub fn enough(&self) -> bool {
        self.answers >= MIN_ANSWERS
    }
    pub fn score(&self) -> f64 {
        score_of(self.share)
    }
}

/// The items of each topic (in `topics` order), weighted within the topic.
fn topic_items<'a>(inputs: &Inputs<'a>) -> Vec<Vec<Item<'a>>> {
    (inputs.topics.iter())
        .map(|t| {
            let nq = t.items.iter().filter(|i| i.question).count() as f64;
            let nt = t.items.len() as f64 - nq;
            let (wt, wq) = match (nt > 0.0, nq > 0.0) {
                (true, true) => ((1.0 - QUESTION_SHARE) / nt, QUESTION_SHARE / nq),
                (true, false) => (1.0 / nt, 0.0),
                (false, _) => (0.0, 1.0 / nq.max(1.0)),
            };
            (t.items.iter())
                .map(|x| Item {
                    state: inputs.histories.get(&x.id),
                    weight: if x.question { wq } else { wt },
                })
                .collect()
        })
        .collect()
}

/// The chance a seen item is answered right on exam day: projected recall, or a guess.
fn exam_right(state: &ItemState, now: DateTime<Utc>, exam_date: NaiveDate) -> f64 {
    let p = recall::projected(state, now, exam_date);
    p + (1.0 - p) * GUESS
}

fn read_share(t: &TopicInput) -> f64 {
    if t.steps.is_empty() {
        return 1.0;
    }
    t.read.min(t.steps.len()) as f64 / t.steps.len() as f64
}

/// The forecast for `exam_date`, made at `now`, if the learner does every review as it falls due and learns
/// nothing new (today's plan says what new items would add).
pub fn forecast(inputs: &Inputs, now: DateTime<Utc>, exam_date: NaiveDate) -> Forecast {
    let items = topic_items(inputs);
    let weights = weights::topic_weights(
        &(inputs.topics.iter())
            .map(|t| t.tasks.clone())
            .collect::<Vec<_>>(),
    );
    let seen_states = || items.iter().flatten().filter_map(|i| i.state);
    let first_sight = FirstSight {
        right: seen_states().filter(|s| FirstSight::first_right(s)).count(),
        seen: seen_states().count(),
    };
    let mut topics = Vec::new();
    for ((t, list), &weight) in inputs.topics.iter().zip(&items).zip(&weights) {
        let read = read_share(t);
        let unseen_p = first_sight.unseen(read);
        let (mut share, mut unseen_w, mut memory_sd) = (0.0, 0.0, 0.0);
        for item in list {
            match item.state {
                Some(s) => {
                    let q = exam_right(s, now, exam_date);
                    share += item.weight * q;
                    memory_sd += item.weight * MEMORY_SPREAD * q * (1.0 - q);
                }
                None => {
                    share += item.weight * unseen_p;
                    unseen_w += item.weight;
                }
            }
        }
        if list.is_empty() {
            share = unseen_p;
            unseen_w = 1.0;
        }
        // The topic's range is the estimate's: the handful of questions the exam asks of one topic would make any
        // range 0–100%; the exam's sampling enters the overall range.
        let estimate_sd = unseen_w * first_sight.spread(read) + memory_sd;
        let sd = estimate_sd;
        topics.push(TopicForecast {
            slug: t.slug.clone(),
            number: t.number,
            title: t.title.clone(),
            weight,
            steps: t.steps.len(),
            read: t.read.min(t.steps.len()),
            items: list.len(),
            seen: list.iter().filter(|i| i.state.is_some()).count(),
            answers: list
                .iter()
                .filter_map(|i| i.state)
                .map(|s| s.right + s.wrong)
                .sum(),
            share,
            low: (share - Z90 * sd).max(0.0),
            high: (share + Z90 * sd).min(1.0),
            unseen_p,
            estimate_sd,
        });
    }
    let (share, low, high) = overall(&topics);
    Forecast {
        now,
        exam_date,
        days_left: (exam_date - now.date_naive()).num_days(),
        answers: topics.iter().map(|t| t.answers).sum(),
        items: topics.iter().map(|t| t.items).sum(),
        seen: topics.iter().map(|t| t.seen).sum(),
        topics,
        first_sight,
        share,
        low,
        high,
    }
}

/// The weighted share and its 90% range: the exam's sampling noise adds up over topics as independent; the
/// estimate's uncertainty (one learner, one prior) is taken as moving every topic together.
fn overall(topics: &[TopicForecast]) -> (f64, f64, f64) {
    let share: f64 = topics.iter().map(|t| t.weight * t.share).sum();
    let sampling: f64 = (topics.iter())
        .map(|t| t.weight * t.share * (1.0 - t.share) / SCORED_QUESTIONS)
        .sum();
    let estimate: f64 = topics.iter().map(|t| t.weight * t.estimate_sd).sum();
    let sd = (sampling + estimate * estimate).sqrt();
    (
        share,
        (share - Z90 * sd).max(0.0),
        (share + Z90 * sd).min(1.0),
    )
}

#[cfg(test)]
mod tests;
