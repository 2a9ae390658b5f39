//! Practice (drill, scenario, due, cram, quick) and the projector's class vote: answer, re-rate, skip, next.

use chrono::{DateTime, Utc};

use super::{Answered, Effect, QuizCommand, QuizFlow, Stage, screen};
use crate::{
    quiz::{Prompt, grade},
    util::text::until,
};

impl QuizFlow<'_> {
    pub(super) fn practice(&mut self, cmd: QuizCommand, now: DateTime<Utc>) -> Vec<Effect> {
        let Stage::Practice {
            session, answered, ..
        } = &mut self.stage
        else {
            return Vec::new();
        };
        if cmd == QuizCommand::Leave {
            session.stop();
            return vec![Effect::Leave(session.summary())];
        }
        if answered.is_some() {
            return self.after_answer(cmd, now);
        }
        let Some(prompt) = session.prompt().cloned() else {
            return Vec::new();
        };
        if cmd == QuizCommand::Skip {
            self.message = Some("Skipped: nothing recorded.".into());
            self.next_item(now);
            return Vec::new();
        }
        if self.present && !prompt.typed {
            return self.class_vote(cmd, prompt, now);
        }
        match self.answer_line(cmd, &prompt) {
            Some(input) => self.grade(&input, prompt, now),
            None => Vec::new(),
        }
    }

    /// Feedback is on screen: move on, or re-rate; anything else is refused.
    fn after_answer(&mut self, cmd: QuizCommand, now: DateTime<Utc>) -> Vec<Effect> {
        match cmd {
            QuizCommand::Primary | QuizCommand::Next | QuizCommand::Skip => {
                self.next_item(now);
                Vec::new()
            }
            QuizCommand::Rate(r) if !self.present => self.rerate(r, now),
            _ => {
                self.message = Some(
                    "Already answered: Enter for the next item (nothing was recorded).".into(),
                );
                Vec::new()
            }
        }
    }

    fn rerate(&mut self, r: crate::quiz::Rating, now: DateTime<Utc>) -> Vec<Effect> {
        let Stage::Practice {
            session,
            answered: Some(a),
            ..
        } = &mut self.stage
        else {
            return Vec::new();
        };
        match session.override_rating(r) {
            Ok(state) => {
                a.feedback.rating = r;
                a.next_review = until(state.due, now);
                self.message = Some(format!("Rated {r} · next review in {}.", a.next_review));
                a.feedback.state = state.clone();
                vec![Effect::Save(a.feedback.id.clone(), state)]
            }
            Err(e) => {
                self.message = Some(screen::sentence(&e.to_string()));
                Vec::new()
            }
        }
    }

    /// The next item, or the result once there is none.
    fn next_item(&mut self, now: DateTime<Utc>) {
        let Stage::Practice {
            session,
            picked,
            answered,
        } = &mut self.stage
        else {
            return;
        };
        self.tally.clear();
        session.next(now);
        *answered = None;
        picked.clear();
        if session.is_finished() {
            self.stage = Stage::Finished(session.summary());
        }
    }

    /// The answer a command gives, as the session grades it (`None`: a pick, or not an answer — said in a message).
    fn answer_line(&mut self, cmd: QuizCommand, prompt: &Prompt) -> Option<String> {
        let Stage::Practice { picked, .. } = &mut self.stage else {
            return None;
        };
        let picking = |picked: &mut Vec<usize>, choices: Vec<usize>| {
            for i in choices {
                toggle(picked, i);
            }
            Some(screen::picked_line(picked, prompt.pick))
        };
        let (input, message) = match cmd {
            QuizCommand::Text(t) if prompt.typed => (Some(t), None),
            QuizCommand::Answer(v) if prompt.multiple && v.len() < prompt.pick => {
                (None, picking(picked, v))
            }
            QuizCommand::Answer(v) => (Some(grade::letters(&v)), None),
            QuizCommand::Primary if prompt.multiple && picked.len() == prompt.pick => {
                (Some(grade::letters(picked)), None)
            }
            _ => (None, Some(screen::what_now(prompt, picked))),
        };
        self.message = message;
        input
    }

    fn grade(&mut self, input: &str, prompt: Prompt, now: DateTime<Utc>) -> Vec<Effect> {
        let Stage::Practice {
            session, answered, ..
        } = &mut self.stage
        else {
            return Vec::new();
        };
        match session.answer(input, now) {
            Ok(f) => {
                let save = Effect::Save(f.id.clone(), f.state.clone());
                if !f.correct && !self.present {
                    self.wrong.push(f.id.clone());
                }
                let next_review = until(f.state.due, now);
                let step = self.catalog.step_of(&f.id);
                *answered = Some(Box::new(Answered {
                    prompt,
                    feedback: f,
                    next_review,
                    step,
                    edited: None,
                }));
                vec![save]
            }
            Err(e) => {
                self.message = Some(screen::sentence(&e.to_string()));
                Vec::new()
            }
        }
    }

    /// The projector: votes are counted, the presenter reveals; the presenter's own schedule is untouched.
    fn class_vote(&mut self, cmd: QuizCommand, prompt: Prompt, now: DateTime<Utc>) -> Vec<Effect> {
        let Stage::Practice {
            session, answered, ..
        } = &mut self.stage
        else {
            return Vec::new();
        };
        match cmd {
            QuizCommand::Vote(v) | QuizCommand::Answer(v) => {
                self.tally.resize(prompt.options.len(), 0);
                for i in v.into_iter().filter(|&i| i < prompt.options.len()) {
                    self.tally[i] += 1;
                }
            }
            QuizCommand::ClearVotes => self.tally.clear(),
            QuizCommand::Primary | QuizCommand::Reveal => {
                let (class, voted) = match class_answer(&self.tally, prompt.pick) {
                    Some(c) => (c, true),
                    None => ((0..prompt.pick).collect(), false),
                };
                if let Ok(mut f) = session.answer(&grade::letters(&class), now) {
                    if !voted {
                        f.correct = false;
                        for o in &mut f.options {
                            o.picked = false;
                        }
                    }
                    *answered = Some(Box::new(Answered {
                        prompt,
                        feedback: f,
                        next_review: String::new(),
                        step: None,
                        edited: None,
                    }));
                }
            }
            _ => self.message = Some(screen::class_how(prompt.options.len())),
        }
        Vec::new()
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
