//! A quiz inside the TUI: drills, scenarios and reviews through `QuizSession`, the mock exam through
//! `ExamSession`. Keys in, markdown out (see `quiz::present`); every answer becomes a `Save` for the loop to write
//! at once, so a kill loses nothing already answered.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rand::{SeedableRng, rngs::StdRng};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::quiz::{
    ExamSession, Feedback, ItemState, Mode, Prompt, QuizBank, QuizOptions, QuizSession,
    QuizSummary, Rating, TopicInfo, present,
    present::Audience,
    select,
    text::{mm_ss, until},
};

/// What the loop must do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Save(String, ItemState),
    /// The learner left the quiz; the summary goes into the phase summary.
    Leave(QuizSummary),
}

enum Stage<'c> {
    Practice {
        session: Box<QuizSession<'c>>,
        picked: Vec<usize>,
        typed: String,
        /// The prompt and its feedback, once answered.
        answered: Option<Box<(Prompt, Feedback)>>,
    },
    Exam {
        exam: Box<ExamSession<'c>>,
        jump: String,
        confirm_submit: bool,
    },
    Review(crate::quiz::ExamReport),
    Finished(QuizSummary),
}

pub struct QuizState<'c> {
    pub title: String,
    topics: Vec<TopicInfo>,
    stage: Stage<'c>,
    /// Bumped on every change, so the wrapped lines are re-made only when the screen changes.
    pub version: u64,
    pub message: Option<String>,
    clock: fn() -> DateTime<Utc>,
    /// Classroom: letters count the class's votes, space reveals, nothing is scheduled for the presenter.
    present: bool,
    tally: Vec<u32>,
}

impl<'c> QuizState<'c> {
    pub fn new(
        banks: &'c [QuizBank],
        topics: Vec<TopicInfo>,
        opts: &QuizOptions,
        histories: &BTreeMap<String, ItemState>,
        clock: fn() -> DateTime<Utc>,
    ) -> Self {
        let now = clock();
        let mut rng = StdRng::seed_from_u64(opts.seed.unwrap_or_else(rand::random));
        let topic = opts.topic.as_deref();
        let scope = topic.map_or_else(
            || "all topics".to_string(),
            |t| TopicInfo::label(&topics, t),
        );
        let title = format!("{} · {scope}", opts.mode.title());
        let items = select(
            opts.mode, banks, topic, histories, opts.count, &mut rng, now,
        );
        let stage = if items.is_empty() {
            Stage::Finished(QuizSummary::default())
        } else if opts.mode == Mode::Exam {
            Stage::Exam {
                exam: Box::new(ExamSession::new(
                    banks,
                    items,
                    histories,
                    &mut rng,
                    now,
                    opts.exam_date,
                )),
                jump: String::new(),
                confirm_submit: false,
            }
        } else {
            Stage::Practice {
                session: Box::new(QuizSession::new(
                    banks,
                    items,
                    histories,
                    opts.typed,
                    opts.exam_date,
                    rng,
                    now,
                )),
                picked: Vec::new(),
                typed: String::new(),
                answered: None,
            }
        };
        let message = matches!(stage, Stage::Finished(_))
            .then(|| format!("{}: nothing to ask now.", opts.mode.title()));
        Self {
            title,
            topics,
            stage,
            version: 0,
            message,
            clock,
            present: false,
            tally: Vec::new(),
        }
    }

    pub fn set_present(&mut self, on: bool) {
        self.present = on;
        self.tally.clear();
        self.version += 1;
    }

    fn tally_line(&self, options: usize) -> String {
        let votes: Vec<String> = (0..options)
            .map(|i| {
                format!(
                    "{} {}",
                    crate::quiz::grade::letter(i),
                    self.tally.get(i).copied().unwrap_or(0)
                )
            })
            .collect();
        format!("**Class votes:** {}", votes.join(" · "))
    }

    /// The one-line hint of the keys that work now.
    pub fn hint(&self) -> &'static str {
        match &self.stage {
            Stage::Practice { .. } if self.present => {
                " letters count votes · space reveals · Enter next · ↑/↓ scroll · Esc leaves the quiz"
            }
            Stage::Practice { .. } => {
                " letters answer · Enter next · 1–4 re-rate · ↑/↓ scroll · Esc leaves the quiz"
            }
            Stage::Exam { .. } => {
                " letters choose · ←/→ move · f flag · 7 Enter jumps to 7 · s submit · ↑/↓ scroll"
            }
            Stage::Review(_) | Stage::Finished(_) => " ↑/↓ scroll · Enter or Esc to leave",
        }
    }

    /// Whether a countdown is on screen (the loop then wakes once a second).
    pub fn is_timed(&self) -> bool {
        matches!(self.stage, Stage::Exam { .. })
    }

    /// "Trigger drill · 3 of 12", "Question 4 of 20 · 37:12 left", ...
    pub fn place(&self) -> String {
        match &self.stage {
            Stage::Practice { session, .. } => match session.prompt() {
                Some(p) => format!("{} of {}", p.number, p.total),
                None => "finished".into(),
            },
            Stage::Exam { exam, .. } => format!(
                "Question {} of {} · {} left",
                exam.current() + 1,
                exam.len(),
                mm_ss(exam.remaining((self.clock)()))
            ),
            Stage::Review(r) => format!("Review · {} of {}", r.score, r.total),
            Stage::Finished(_) => "finished".into(),
        }
    }

    pub fn markdown(&self) -> String {
        match &self.stage {
            Stage::Practice {
                session,
                picked,
                typed,
                answered,
            } => match (answered, session.prompt()) {
                (Some(pf), _) if self.present => {
                    let (p, f) = &**pf;
                    let mut md = present::feedback(p, f, "", &self.topics, Audience::Class);
                    md.push_str(&format!("\n{}\n", self.tally_line(p.options.len())));
                    md
                }
                (Some(pf), _) => {
                    let (p, f) = &**pf;
                    let when = until(f.state.due, (self.clock)());
                    present::feedback(p, f, &format!("in {when}"), &self.topics, Audience::Learner)
                }
                (None, Some(p)) if self.present && !p.typed => {
                    let mut md = present::prompt(p, &[], "", &self.topics, Audience::Class);
                    md.push_str(&format!("\n{}\n", self.tally_line(p.options.len())));
                    md
                }
                (None, Some(p)) => {
                    present::prompt(p, picked, typed, &self.topics, Audience::Learner)
                }
                (None, None) => present::finished(&session.summary(), &self.title, &self.topics),
            },
            Stage::Exam { exam, .. } => match exam.question(exam.current()) {
                Some(q) => {
                    present::exam_question(&q, exam.answered_count(), &exam.flagged(), &self.topics)
                }
                None => String::new(),
            },
            Stage::Review(r) => present::exam_review(r, &self.topics),
            Stage::Finished(s) => present::finished(s, &self.title, &self.topics),
        }
    }

    /// The exam clock: submits when time is up. Returns the saves it caused.
    pub fn tick(&mut self) -> Vec<Effect> {
        let now = (self.clock)();
        match &self.stage {
            Stage::Exam { exam, .. } if exam.is_timed_out(now) => self.submit(now),
            // Otherwise only the countdown changed, which the next frame shows.
            _ => Vec::new(),
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.version += 1;
        self.message = None;
        let now = (self.clock)();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let mut effects = self.tick();
        if !effects.is_empty() {
            return effects;
        }
        match &mut self.stage {
            Stage::Finished(s) => {
                if matches!(key.code, KeyCode::Enter | KeyCode::Esc | KeyCode::Char('q')) {
                    effects.push(Effect::Leave(s.clone()));
                }
            }
            Stage::Review(r) => {
                if matches!(key.code, KeyCode::Enter | KeyCode::Esc | KeyCode::Char('q')) {
                    let mut s = QuizSummary {
                        right: r.score,
                        answered: r.total,
                        per_topic: r.per_topic.clone(),
                        ..QuizSummary::default()
                    };
                    s.exam = Some(r.clone());
                    effects.push(Effect::Leave(s));
                }
            }
            Stage::Practice {
                session,
                picked,
                typed,
                answered,
            } => {
                if key.code == KeyCode::Esc {
                    session.stop();
                    effects.push(Effect::Leave(session.summary()));
                    return effects;
                }
                if let Some(pf) = answered {
                    let f = &mut pf.1;
                    match key.code {
                        KeyCode::Char(c @ '1'..='4') if !self.present => {
                            let rating = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy]
                                [c as usize - '1' as usize];
                            match session.override_rating(rating) {
                                Ok(state) => {
                                    f.rating = rating;
                                    f.state = state.clone();
                                    effects.push(Effect::Save(f.id.clone(), state));
                                }
                                Err(e) => self.message = Some(e.to_string()),
                            }
                        }
                        KeyCode::Enter
                        | KeyCode::Char(' ')
                        | KeyCode::Char('n')
                        | KeyCode::Right => {
                            self.tally.clear();
                            session.next(now);
                            *answered = None;
                            picked.clear();
                            typed.clear();
                            if session.is_finished() {
                                let summary = session.summary();
                                self.stage = Stage::Finished(summary);
                            }
                        }
                        KeyCode::Char('q') => {
                            session.stop();
                            effects.push(Effect::Leave(session.summary()));
                        }
                        _ => {}
                    }
                    return effects;
                }
                let Some(prompt) = session.prompt().cloned() else {
                    return effects;
                };
                if self.present && !prompt.typed {
                    // The class votes first; the presenter reveals. The presenter's own schedule is untouched.
                    match key.code {
                        KeyCode::Char(c) if c.is_ascii_alphabetic() => {
                            let i = usize::from(c.to_ascii_lowercase() as u8 - b'a');
                            if i < prompt.options.len() {
                                self.tally.resize(prompt.options.len(), 0);
                                self.tally[i] += 1;
                            }
                        }
                        KeyCode::Backspace => self.tally.clear(),
                        KeyCode::Char(' ') | KeyCode::Enter => {
                            let (class, voted) = match class_answer(&self.tally, prompt.pick) {
                                Some(c) => (c, true),
                                None => ((0..prompt.pick).collect(), false),
                            };
                            if let Ok(mut f) =
                                session.answer(&crate::quiz::grade::letters(&class), now)
                            {
                                if !voted {
                                    f.correct = false;
                                    for o in &mut f.options {
                                        o.picked = false;
                                    }
                                }
                                *answered = Some(Box::new((prompt, f)));
                            }
                        }
                        _ => {}
                    }
                    return effects;
                }
                let input = if prompt.typed {
                    match key.code {
                        KeyCode::Char(c) if !ctrl => {
                            typed.push(c);
                            None
                        }
                        KeyCode::Backspace => {
                            typed.pop();
                            None
                        }
                        KeyCode::Enter => Some(typed.clone()),
                        _ => None,
                    }
                } else {
                    match key.code {
                        KeyCode::Char(c) if c.is_ascii_alphabetic() => {
                            let i = (c.to_ascii_lowercase() as u8 - b'a') as usize;
                            if i >= prompt.options.len() {
                                self.message = Some(format!(
                                    "Choose a letter from A to {}.",
                                    crate::quiz::grade::letter(prompt.options.len() - 1)
                                ));
                                None
                            } else if prompt.multiple {
                                toggle(picked, i);
                                None
                            } else {
                                Some(crate::quiz::grade::letter(i).to_string())
                            }
                        }
                        KeyCode::Enter if prompt.multiple => {
                            Some(crate::quiz::grade::letters(picked))
                        }
                        _ => None,
                    }
                };
                if let Some(input) = input {
                    match session.answer(&input, now) {
                        Ok(f) => {
                            effects.push(Effect::Save(f.id.clone(), f.state.clone()));
                            *answered = Some(Box::new((prompt, f)));
                        }
                        Err(e) => self.message = Some(capitalise(&e.to_string())),
                    }
                }
            }
            Stage::Exam {
                exam,
                jump,
                confirm_submit,
            } => {
                let confirming = std::mem::take(confirm_submit);
                let i = exam.current();
                let options = exam.question(i).map_or(0, |q| q.options.len());
                match key.code {
                    KeyCode::Char(c) if c.is_ascii_digit() => jump.push(c),
                    KeyCode::Backspace => {
                        jump.pop();
                    }
                    KeyCode::Enter if !jump.is_empty() => {
                        let n: usize = std::mem::take(jump).parse().unwrap_or(0);
                        if n == 0 || !exam.goto(n - 1) {
                            self.message = Some(format!("Questions are 1 to {}.", exam.len()));
                        }
                    }
                    KeyCode::Enter | KeyCode::Char('s') if confirming => return self.submit(now),
                    KeyCode::Right => {
                        exam.next_question();
                    }
                    KeyCode::Left => {
                        exam.prev_question();
                    }
                    // Option letters come first; the letters after them are commands.
                    KeyCode::Char(c) if c.is_ascii_alphabetic() => {
                        let lower = c.to_ascii_lowercase();
                        let choice = usize::from(lower as u8 - b'a');
                        if choice < options {
                            exam.select(i, choice);
                        } else {
                            match lower {
                                'n' => {
                                    exam.next_question();
                                }
                                'p' => {
                                    exam.prev_question();
                                }
                                'f' => {
                                    exam.flag(i);
                                }
                                's' => {
                                    *confirm_submit = true;
                                    let left = exam.len() - exam.answered_count();
                                    self.message = Some(format!(
                                        "Submit with {left} unanswered? Press s again or Enter to submit; any other key goes on."
                                    ));
                                }
                                _ => {}
                            }
                        }
                    }
                    KeyCode::Esc => {
                        self.message = Some(
                            "The exam is running: s submits it (unanswered count as wrong). Ctrl-C leaves without recording it."
                                .into(),
                        );
                    }
                    _ => {}
                }
            }
        }
        effects
    }

    fn submit(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        let stage = std::mem::replace(&mut self.stage, Stage::Finished(QuizSummary::default()));
        let Stage::Exam { exam, .. } = stage else {
            self.stage = stage;
            return Vec::new();
        };
        let report = exam.submit(now);
        let effects = report
            .items
            .iter()
            .map(|i| Effect::Save(i.id.clone(), i.state.clone()))
            .collect();
        self.version += 1;
        self.stage = Stage::Review(report);
        effects
    }
}

/// The class's answer: the most-voted options, as many as the prompt asks for. `None` without votes.
fn class_answer(tally: &[u32], pick: usize) -> Option<Vec<usize>> {
    if tally.iter().all(|&v| v == 0) {
        return None;
    }
    let mut order: Vec<usize> = (0..tally.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(tally[i]), i));
    let mut top: Vec<usize> = order.into_iter().take(pick.max(1)).collect();
    top.sort_unstable();
    Some(top)
}

fn toggle(picked: &mut Vec<usize>, i: usize) {
    if let Some(at) = picked.iter().position(|&p| p == i) {
        picked.remove(at);
    } else {
        picked.push(i);
        picked.sort_unstable();
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect::<String>() + ".",
        None => String::new(),
    }
}

#[cfg(test)]
#[path = "quiz_tests.rs"]
mod tests;
