//! `ExamSession`: the timed mock exam. Answers can be changed, questions flagged and revisited until the learner
//! submits or the countdown (2 minutes a question, fixed at the start) runs out. Only then is anything graded.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rand::Rng;

use super::catalog::Catalog;
use super::grade::{grade_choices, letter};
use super::options::{ShuffledQuestion, shuffle_question};
use super::schedule::{ItemState, Rating, review};
use super::select::ItemRef;
use super::session::OptionReview;

/// Exam time per question (DEA-C01: 130 minutes for 65 questions).
pub const SECONDS_PER_QUESTION: i64 = 120;

/// One exam question as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamQuestion<'s> {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    pub id: &'s str,
    pub topic: &'s str,
    /// The stem, with " (Choose TWO.)" for multiple response.
    pub text: String,
    pub options: &'s [String],
    pub multiple: bool,
    pub pick: usize,
    /// Display indices chosen so far.
    pub picked: &'s [usize],
    pub flagged: bool,
}

/// One question in the review after submitting.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem {
    pub number: usize,
    pub id: String,
    pub topic: String,
    pub text: String,
    /// Every option with its explanation, right ones and the learner's picks marked.
    pub options: Vec<OptionReview>,
    pub answered: bool,
    pub right: bool,
    pub flagged: bool,
    /// The question's new FSRS state (unanswered = wrong): persist it.
    pub state: ItemState,
}

impl ReviewItem {
    /// "✓ Right", "✗ Wrong" or "— Not answered".
    pub fn verdict(&self) -> &'static str {
        match (self.answered, self.right) {
            (_, true) => "✓ Right",
            (true, false) => "✗ Wrong",
            (false, false) => "— Not answered",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExamReport {
    pub score: usize,
    pub total: usize,
    /// Rounded to the nearest whole percent.
    pub percent: u32,
    /// (topic, right, total) in bank order.
    pub per_topic: Vec<(String, usize, usize)>,
    pub items: Vec<ReviewItem>,
    /// Submitted by the clock rather than the learner.
    pub timed_out: bool,
}

pub struct ExamSession<'a> {
    catalog: Catalog<'a>,
    items: Vec<ItemRef>,
    shown: Vec<ShuffledQuestion>,
    answers: Vec<Vec<usize>>,
    flags: Vec<bool>,
    current: usize,
    deadline: DateTime<Utc>,
    exam_date: Option<NaiveDate>,
    histories: BTreeMap<String, ItemState>,
}

impl<'a> ExamSession<'a> {
    /// Starts the exam at `now` over `items` (questions); choices are shuffled once with `rng`. A question whose bank
    /// can no longer be had (its file changed while the tutor ran) is left out.
    pub fn new<R: Rng + ?Sized>(
        catalog: Catalog<'a>,
        mut items: Vec<ItemRef>,
        histories: &BTreeMap<String, ItemState>,
        rng: &mut R,
        now: DateTime<Utc>,
        exam_date: Option<NaiveDate>,
    ) -> Self {
        items.retain(|&i| catalog.question(i).is_some());
        let shown = (items.iter())
            .filter_map(|&i| Some(shuffle_question(catalog.question(i)?, rng)))
            .collect();
        let n = items.len();
        let histories = (items.iter())
            .filter_map(|&i| {
                let id = catalog.id(i);
                histories.get(id).map(|s| (id.to_string(), s.clone()))
            })
            .collect();
        let seconds = SECONDS_PER_QUESTION * i64::try_from(n).unwrap_or(i64::MAX / 1000);
        ExamSession {
            catalog,
            items,
            shown,
            answers: vec![Vec::new(); n],
            flags: vec![false; n],
            current: 0,
            deadline: now + chrono::Duration::seconds(seconds),
            exam_date,
            histories,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// 0-based index of the question on screen.
    pub fn current(&self) -> usize {
        self.current
    }

    pub fn question(&self, i: usize) -> Option<ExamQuestion<'_>> {
        let item = *self.items.get(i)?;
        let q = self.catalog.question(item)?;
        Some(ExamQuestion {
            number: i + 1,
            total: self.items.len(),
            id: &q.id,
            topic: self.catalog.topic(item.bank),
            text: q.display_stem(),
            options: &self.shown[i].choices,
            multiple: q.is_multiple(),
            pick: q.correct.len(),
            picked: &self.answers[i],
            flagged: self.flags[i],
        })
    }

    /// Shows question `i` (0-based); false when out of range.
    pub fn goto(&mut self, i: usize) -> bool {
        let ok = i < self.items.len();
        if ok {
            self.current = i;
        }
        ok
    }

    pub fn next_question(&mut self) -> bool {
        self.goto(self.current + 1)
    }

    pub fn prev_question(&mut self) -> bool {
        self.current > 0 && self.goto(self.current - 1)
    }

    /// Clicks option `choice` of question `i`: toggles it for multiple response, replaces the pick otherwise.
    pub fn select(&mut self, i: usize, choice: usize) {
        let Some(q) = self.question(i) else { return };
        if choice >= q.options.len() {
            return;
        }
        let multiple = q.multiple;
        let picked = &mut self.answers[i];
        if let Some(at) = picked.iter().position(|&c| c == choice) {
            picked.remove(at);
        } else if multiple {
            picked.push(choice);
            picked.sort_unstable();
        } else {
            *picked = vec![choice];
        }
    }

    /// Sets question `i`'s whole answer at once (plain mode types "A,C"); out-of-range letters are dropped.
    pub fn set_answer(&mut self, i: usize, mut picked: Vec<usize>) {
        let Some(n) = self.shown.get(i).map(|s| s.choices.len()) else {
            return;
        };
        picked.retain(|&c| c < n);
        picked.sort_unstable();
        picked.dedup();
        self.answers[i] = picked;
    }

    /// Toggles the review flag of question `i`; returns whether it is now flagged.
    pub fn flag(&mut self, i: usize) -> bool {
        match self.flags.get_mut(i) {
            Some(f) => {
                *f = !*f;
                *f
            }
            None => false,
        }
    }

    pub fn deadline(&self) -> DateTime<Utc> {
        self.deadline
    }

    pub fn remaining(&self, now: DateTime<Utc>) -> Duration {
        (self.deadline - now).to_std().unwrap_or_default()
    }

    pub fn is_timed_out(&self, now: DateTime<Utc>) -> bool {
        now >= self.deadline
    }

    pub fn answered_count(&self) -> usize {
        self.answers.iter().filter(|a| !a.is_empty()).count()
    }

    /// 0-based indices of flagged questions.
    pub fn flagged(&self) -> Vec<usize> {
        (0..self.flags.len()).filter(|&i| self.flags[i]).collect()
    }

    /// Grades everything and reviews each question with FSRS: right → Good, wrong or unanswered → Again.
    pub fn submit(self, now: DateTime<Utc>) -> ExamReport {
        let mut items = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            // Every question kept at the start has its bank.
            let Some(q) = self.catalog.question(*item) else {
                continue;
            };
            let s = &self.shown[i];
            let picked = &self.answers[i];
            let right = grade_choices(&s.correct, picked);
            let rating = if right { Rating::Good } else { Rating::Again };
            let state = review(self.histories.get(&q.id), rating, now, self.exam_date);
            let options = (s.choices.iter().enumerate())
                .map(|(c, text)| OptionReview {
                    letter: letter(c),
                    text: text.clone(),
                    correct: s.correct.contains(&c),
                    picked: picked.contains(&c),
                    explain: s.explain[c].clone(),
                })
                .collect();
            items.push(ReviewItem {
                number: i + 1,
                id: q.id.clone(),
                topic: self.catalog.topic(item.bank).to_string(),
                text: q.display_stem(),
                options,
                answered: !picked.is_empty(),
                right,
                flagged: self.flags[i],
                state,
            });
        }
        let mut per_topic: Vec<(String, usize, usize)> = Vec::new();
        for topic in (0..self.catalog.len()).map(|b| self.catalog.topic(b)) {
            let mine = items.iter().filter(|r| r.topic == topic);
            let (right, total) = mine.fold((0, 0), |(r, t), i| (r + usize::from(i.right), t + 1));
            if total > 0 && !per_topic.iter().any(|(t, _, _)| t == topic) {
                per_topic.push((topic.to_string(), right, total));
            }
        }
        let score = items.iter().filter(|r| r.right).count();
        let total = items.len();
        let percent = if total == 0 {
            0
        } else {
            u32::try_from((score * 200 + total) / (2 * total)).unwrap_or(100)
        };
        ExamReport {
            score,
            total,
            percent,
            per_topic,
            items,
            timed_out: now >= self.deadline,
        }
    }
}

#[cfg(test)]
#[path = "exam_tests.rs"]
mod tests;
