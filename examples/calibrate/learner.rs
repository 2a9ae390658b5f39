//! A synthetic learner: a true memory per item (an FSRS card with the learner's own parameters) and the tutor's
//! record of the answers, which is all the forecast sees.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use dea_tutor::{
    course::Course,
    forecast::GUESS,
    progress::Progress,
    quiz::{Rating, review},
};
use rand::{Rng, rngs::StdRng};
use rs_fsrs::{Card, FSRS, Parameters};

use super::Item;

/// A synthetic learner: true memories and the tutor's record of them.
pub struct Learner {
    fsrs: FSRS,
    ability: f64,
    pub per_day: usize,
    pub diligence: f64,
    cards: BTreeMap<String, Card>,
    pub progress: Progress,
}

fn normal(rng: &mut StdRng) -> f64 {
    let (u, v): (f64, f64) = (rng.random::<f64>().max(1e-12), rng.random());
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

impl Learner {
    pub fn new(rng: &mut StdRng) -> Self {
        let mut p = Parameters {
            enable_fuzz: false,
            enable_short_term: true,
            ..Parameters::default()
        };
        // Memories unlike FSRS's average learner: initial and later stabilities scaled, growth shifted.
        let scale = (0.5 * normal(rng)).exp();
        for w in &mut p.w[0..4] {
            *w *= scale;
        }
        p.w[8] += 0.3 * normal(rng);
        p.w[11] *= (0.4 * normal(rng)).exp();
        Self {
            fsrs: FSRS::new(p),
            ability: rng.random_range(0.1..0.7),
            per_day: rng.random_range(10..=80),
            diligence: rng.random_range(0.5..=1.0),
            cards: BTreeMap::new(),
            progress: Progress::default(),
        }
    }

    fn true_recall(&self, id: &str, at: DateTime<Utc>) -> Option<f64> {
        let c = self.cards.get(id)?;
        let days = (at - c.last_review).num_seconds() as f64 / 86_400.0;
        Some(Parameters::forgetting_curve(
            days.max(0.0),
            c.stability.max(0.01),
        ))
    }

    /// The chance of a right answer at `at`: recall or a guess; unseen items at first sight.
    pub fn p_right(&self, course: &Course, item: &Item, at: DateTime<Utc>) -> f64 {
        match self.true_recall(&item.id, at) {
            Some(r) => r + (1.0 - r) * GUESS,
            None => {
                let t = &course.topics[item.topic];
                let read = self
                    .progress
                    .lesson
                    .reached
                    .get(t.slug())
                    .copied()
                    .unwrap_or(0) as f64
                    / t.lesson().steps.len().max(1) as f64;
                GUESS + (1.0 - GUESS) * self.ability * (0.4 + 0.6 * read.min(1.0))
            }
        }
    }

    /// One answer: drawn from the true memory, recorded by the tutor, learnt from either way.
    pub fn answer(
        &mut self,
        course: &Course,
        item: &Item,
        at: DateTime<Utc>,
        exam: NaiveDate,
        rng: &mut StdRng,
    ) {
        let right = rng.random::<f64>() < self.p_right(course, item, at);
        let rating = if right { Rating::Good } else { Rating::Again };
        let before = self.progress.items.get(&item.id);
        let mut state = review(before, rating, at, Some(exam));
        state.secs = 20;
        self.progress.items.insert(item.id.clone(), state);
        let card = self.cards.remove(&item.id).unwrap_or_else(|| Card {
            due: at,
            last_review: at,
            ..Card::default()
        });
        let fsrs_rating = if right {
            rs_fsrs::Rating::Good
        } else {
            rs_fsrs::Rating::Again
        };
        let next = self.fsrs.next(card, at, fsrs_rating).card;
        self.cards.insert(item.id.clone(), next);
    }

    pub fn read_steps(&mut self, course: &Course, n: usize) {
        let mut left = n;
        for t in &course.topics {
            let total = t.lesson().steps.len();
            let reached = self
                .progress
                .lesson
                .reached
                .get(t.slug())
                .copied()
                .unwrap_or(0);
            if reached < total && left > 0 {
                let to = (reached + left).min(total);
                left -= to - reached;
                self.progress.lesson.reach(t.slug(), to - 1);
            }
        }
    }

    pub fn answers(&self) -> u32 {
        self.progress
            .items
            .values()
            .map(|s| s.right + s.wrong)
            .sum()
    }
}
