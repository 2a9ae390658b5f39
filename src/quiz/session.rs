//! `QuizSession`: the question-by-question state machine behind drill, scenario, due, cram and quick. A front end
//! shows `prompt()`, passes the learner's input to `answer`, shows the `Feedback`, persists its `state`, then
//! calls `next`. Time is passed in, so sessions replay exactly in tests.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rand::rngs::StdRng;
use thiserror::Error;

use super::bank::ItemKind;
use super::catalog::Catalog;
use super::grade::{grade_choices, grade_typed, letter, parse_letters};
use super::options::{shuffle_question, trigger_options_from};
use super::schedule::{ItemState, Rating, rating_for, review};
use super::select::ItemRef;

/// The mock exam lives in `exam.rs`; re-exported so both session kinds are found here.
pub use super::exam::{ExamReport, ExamSession, ReviewItem};
pub use super::summary::QuizSummary;

/// What the learner is asked now.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub id: String,
    pub topic: String,
    pub kind: ItemKind,
    /// 1-based position and the session's length.
    pub number: usize,
    pub total: usize,
    /// The cue, or the stem with " (Choose TWO.)" for multiple response.
    pub text: String,
    /// Lettered options in display order (A first); empty for typed recall.
    pub options: Vec<String>,
    pub multiple: bool,
    /// How many options to pick.
    pub pick: usize,
    /// Typed recall: the learner types the answer.
    pub typed: bool,
    /// A Step Functions lab exercise: the definition and script shown, and run after the answer.
    pub lab: Option<super::bank::Lab>,
}

/// One option after answering, with its explanation (questions) and whether it was right and picked.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionReview {
    pub letter: char,
    pub text: String,
    pub correct: bool,
    pub picked: bool,
    /// Empty for trigger options (triggers have one `why`).
    pub explain: String,
}

/// The result of one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub id: String,
    pub topic: String,
    pub correct: bool,
    /// The right answer as text: "B) Step Functions Retry", "A, C" or the typed-recall answer.
    pub answer: String,
    /// The trigger's `why`.
    pub why: Option<String>,
    /// Every option, for choice prompts.
    pub options: Vec<OptionReview>,
    pub rating: Rating,
    pub elapsed: Duration,
    /// The item's new state: persist it now.
    pub state: ItemState,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    #[error("the session is finished")]
    Finished,
    #[error("this item is already answered")]
    AlreadyAnswered,
    #[error("nothing answered to rate")]
    NothingToRate,
    #[error("type a letter from A to {last}")]
    Unreadable { last: char },
    #[error("choose {expected} options, not {got}")]
    WrongCount { expected: usize, got: usize },
    #[error("type an answer, or skip")]
    Empty,
}

/// How the current prompt is graded.
struct Current {
    prompt: Prompt,
    shown_at: DateTime<Utc>,
    correct: Vec<usize>,
    explain: Vec<String>,
    why: Option<String>,
    answer: String,
}

/// What `override_rating` needs to redo the last review.
struct Answered {
    id: String,
    before: Option<ItemState>,
    at: DateTime<Utc>,
    secs: u32,
}

pub struct QuizSession<'a> {
    catalog: Catalog<'a>,
    items: Vec<ItemRef>,
    pos: usize,
    typed: bool,
    exam_date: Option<NaiveDate>,
    rng: StdRng,
    states: BTreeMap<String, ItemState>,
    current: Option<Current>,
    answered: Option<Answered>,
    results: Vec<(usize, bool)>,
    skipped: usize,
}

impl<'a> QuizSession<'a> {
    /// A session over `items`, the first shown at `now`. `histories` gives each item's state so far.
    pub fn new(
        catalog: Catalog<'a>,
        items: Vec<ItemRef>,
        histories: &BTreeMap<String, ItemState>,
        typed: bool,
        exam_date: Option<NaiveDate>,
        rng: StdRng,
        now: DateTime<Utc>,
    ) -> Self {
        let states = histories_of(&catalog, &items, histories);
        let mut session = QuizSession {
            catalog,
            items,
            pos: 0,
            typed,
            exam_date,
            rng,
            states,
            current: None,
            answered: None,
            results: Vec::new(),
            skipped: 0,
        };
        session.show(now);
        session
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn is_finished(&self) -> bool {
        self.current.is_none()
    }

    /// The item to answer; `None` once finished.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.current.as_ref().map(|c| &c.prompt)
    }

    fn show(&mut self, now: DateTime<Utc>) {
        self.answered = None;
        self.current = None;
        while let Some(item) = self.items.get(self.pos).copied() {
            self.current = self.build(item, now);
            if self.current.is_some() {
                return;
            }
            // Its bank can no longer be had (the file changed while the tutor ran): passed over, not skipped.
            self.pos += 1;
        }
    }

    fn build(&mut self, item: ItemRef, now: DateTime<Utc>) -> Option<Current> {
        let bank = self.catalog.bank(item.bank)?;
        let (number, total) = (self.pos + 1, self.items.len());
        let base = |text: String, options: Vec<String>, pick: usize, typed: bool| Prompt {
            id: self.catalog.id(item).to_string(),
            topic: bank.topic.clone(),
            kind: item.kind,
            number,
            total,
            text,
            options,
            multiple: pick > 1,
            pick,
            typed,
            lab: None,
        };
        match item.kind {
            ItemKind::Trigger => {
                let t = bank.triggers.get(item.index)?;
                if self.typed {
                    let prompt = base(t.cue.clone(), Vec::new(), 1, true);
                    return Some(Current {
                        prompt,
                        shown_at: now,
                        correct: Vec::new(),
                        explain: Vec::new(),
                        why: Some(t.why.clone()),
                        answer: t.answer.clone(),
                    });
                }
                // Fillers: other answers of the same topic first (more plausible), then the rest of the course.
                let same = bank.triggers.iter().filter(|o| o.id != t.id);
                // The rest of the course is fetched bank by bank, only as far as the fillers are read.
                let catalog = &self.catalog;
                let others = (0..catalog.len())
                    .filter(|&b| b != item.bank)
                    .filter_map(|b| catalog.bank(b))
                    .flat_map(|bk| bk.triggers.iter());
                let fillers = same.chain(others).map(|o| o.answer.as_str());
                let o = trigger_options_from(t, fillers, &mut self.rng);
                let answer = format!("{}) {}", letter(o.correct), t.answer);
                Some(Current {
                    prompt: base(t.cue.clone(), o.options, 1, false),
                    shown_at: now,
                    correct: vec![o.correct],
                    explain: Vec::new(),
                    why: Some(t.why.clone()),
                    answer,
                })
            }
            ItemKind::Question => {
                let q = bank.questions.get(item.index)?;
                let s = shuffle_question(q, &mut self.rng);
                let answer = if s.correct.len() == 1 {
                    format!("{}) {}", letter(s.correct[0]), s.choices[s.correct[0]])
                } else {
                    super::grade::letters(&s.correct)
                };
                let mut prompt = base(q.display_stem(), s.choices, q.correct.len(), false);
                prompt.lab = q.lab.clone();
                Some(Current {
                    prompt,
                    shown_at: now,
                    correct: s.correct,
                    explain: s.explain,
                    why: None,
                    answer,
                })
            }
        }
    }

    /// Grades `input` (letters, or text for typed recall), reviews the item with FSRS and returns the feedback.
    /// Unreadable input or the wrong number of letters is an error and changes nothing: ask again.
    pub fn answer(&mut self, input: &str, now: DateTime<Utc>) -> Result<Feedback, AnswerError> {
        if self.answered.is_some() {
            return Err(AnswerError::AlreadyAnswered);
        }
        let cur = self.current.as_ref().ok_or(AnswerError::Finished)?;
        let p = &cur.prompt;
        let (correct, picked) = if p.typed {
            if input.trim().is_empty() {
                return Err(AnswerError::Empty);
            }
            // Shown, so its bank was had.
            let t = (self.catalog.trigger(self.items[self.pos])).ok_or(AnswerError::Finished)?;
            (grade_typed(t, input), Vec::new())
        } else {
            let last = letter(p.options.len().saturating_sub(1));
            let picked =
                parse_letters(input, p.options.len()).ok_or(AnswerError::Unreadable { last })?;
            if picked.len() != p.pick {
                let (expected, got) = (p.pick, picked.len());
                return Err(AnswerError::WrongCount { expected, got });
            }
            (grade_choices(&cur.correct, &picked), picked)
        };
        let elapsed = (now - cur.shown_at).to_std().unwrap_or_default();
        let rating = rating_for(correct, elapsed, p.kind);
        let options = (p.options.iter().enumerate())
            .map(|(i, text)| OptionReview {
                letter: letter(i),
                text: text.clone(),
                correct: cur.correct.contains(&i),
                picked: picked.contains(&i),
                explain: cur.explain.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        let id = p.id.clone();
        let before = self.states.get(&id).cloned();
        let secs = u32::try_from(elapsed.as_secs()).unwrap_or(u32::MAX);
        let mut state = review(before.as_ref(), rating, now, self.exam_date);
        state.secs = secs;
        self.states.insert(id.clone(), state.clone());
        let feedback = Feedback {
            id: id.clone(),
            topic: p.topic.clone(),
            correct,
            answer: cur.answer.clone(),
            why: cur.why.clone(),
            options,
            rating,
            elapsed,
            state,
        };
        self.results.push((self.items[self.pos].bank, correct));
        self.answered = Some(Answered {
            id,
            before,
            at: now,
            secs,
        });
        Ok(feedback)
    }

    /// Replaces the rating of the answer just given; returns the state to persist instead.
    pub fn override_rating(&mut self, rating: Rating) -> Result<ItemState, AnswerError> {
        let a = self.answered.as_ref().ok_or(AnswerError::NothingToRate)?;
        let mut state = review(a.before.as_ref(), rating, a.at, self.exam_date);
        state.secs = a.secs;
        self.states.insert(a.id.clone(), state.clone());
        Ok(state)
    }

    /// Moves on, showing the next item at `now`; an unanswered item counts as skipped.
    pub fn next(&mut self, now: DateTime<Utc>) {
        if self.current.is_none() {
            return;
        }
        if self.answered.is_none() {
            self.skipped += 1;
        }
        self.pos += 1;
        self.show(now);
    }

    /// Ends the session early (quit): the rest is neither answered nor skipped.
    pub fn stop(&mut self) {
        self.current = None;
        self.answered = None;
    }

    /// Right of answered so far, per topic in bank order.
    pub fn summary(&self) -> QuizSummary {
        let right = self.results.iter().filter(|(_, ok)| *ok).count();
        let mut per_topic = Vec::new();
        for b in 0..self.catalog.len() {
            let mine: Vec<bool> = (self.results.iter())
                .filter(|(rb, _)| *rb == b)
                .map(|(_, ok)| *ok)
                .collect();
            if !mine.is_empty() {
                let r = mine.iter().filter(|ok| **ok).count();
                per_topic.push((self.catalog.topic(b).to_string(), r, mine.len()));
            }
        }
        QuizSummary {
            right,
            answered: self.results.len(),
            skipped: self.skipped,
            per_topic,
            exam: None,
        }
    }
}

/// The histories of `items`. A session over a large share of the course (a drill of every trigger) walks both
/// sorted lists once; tens of thousands of tree look-ups in shuffled order took ten times as long.
fn histories_of(
    catalog: &Catalog,
    items: &[ItemRef],
    histories: &BTreeMap<String, ItemState>,
) -> BTreeMap<String, ItemState> {
    let mut ids: Vec<&str> = items.iter().map(|&i| catalog.id(i)).collect();
    if ids.len() * 32 < histories.len() {
        return (ids.into_iter())
            .filter_map(|id| histories.get(id).map(|s| (id.to_string(), s.clone())))
            .collect();
    }
    ids.sort_unstable();
    ids.dedup();
    let mut known = histories.iter().peekable();
    let mut found = Vec::new();
    for id in ids {
        while known.next_if(|(k, _)| k.as_str() < id).is_some() {}
        if let Some((k, s)) = known.next_if(|(k, _)| k.as_str() == id) {
            found.push((k.clone(), s.clone()));
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
