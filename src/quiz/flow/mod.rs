//! The quiz flow: one state machine for practice (drill, scenario, due, cram, quick), the timed mock exam and the
//! projector's class vote. Commands in (typed lines parsed by `parse`, keys mapped by the TUI), effects out (answers
//! to save at once, the end of the quiz), and the screen as markdown plus a line that says what to do next. Both
//! front ends drive this one type; no rule of a quiz lives in a front end.

mod exam;
mod lab;
mod parse;
mod practice;
mod screen;
mod start;
mod wording;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rand::{SeedableRng, rngs::StdRng};

pub use parse::{Expect, parse};

use super::{
    ExamReport, ExamSession, Feedback, ItemState, Prompt, QuizOptions, QuizSession, QuizSummary,
    Rating, TopicInfo, catalog::Catalog, select,
};

/// What the learner asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizCommand {
    /// Option letters (0-based, sorted).
    Answer(Vec<usize>),
    /// A typed-recall answer.
    Text(String),
    Rate(Rating),
    Next,
    Prev,
    Skip,
    Flag,
    /// A 1-based question number.
    Goto(usize),
    Submit,
    /// The class's votes, one letter each (repeats count).
    Vote(Vec<usize>),
    ClearVotes,
    Reveal,
    /// Open the step the answered item depends on.
    ReadStep,
    /// Open entry `.0` (0-based) of the result screen's steps to re-read.
    OpenLink(usize),
    Help,
    Leave,
    /// Open the answered lab exercise's definition in an editor (`edit`, or `e` once answered).
    Edit,
    /// The editor closed with this definition: run it.
    Edited(String),
    /// State machine diagrams ↔ their JSON source.
    Source,
    /// Enter on an empty line: the screen's default move.
    Primary,
    /// A line that is neither an answer nor a command here: the message says why; nothing is recorded.
    Refuse(String),
}

/// What the front end must do after a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this answer to the progress file now.
    Save(String, ItemState),
    /// The quiz is over; the summary goes into the phase summary (and the shell's score line).
    Leave(QuizSummary),
    /// Show teaching step `step` (0-based) of topic `topic` (a slug), then come back to the quiz where it was.
    OpenStep { topic: String, step: usize },
    /// Let the learner edit this definition; hand the result back as `QuizCommand::Edited`.
    Edit(String),
}

/// A question answered in practice, with its feedback and when it comes back.
struct Answered {
    prompt: Prompt,
    feedback: Feedback,
    next_review: String,
    /// The step that teaches it (topic slug, 0-based step), found once when answered.
    step: Option<(String, usize)>,
    /// A lab exercise's definition as the learner last edited it.
    edited: Option<String>,
}

enum Stage<'c> {
    Practice {
        session: Box<QuizSession<'c>>,
        /// Options turned on so far (multiple response).
        picked: Vec<usize>,
        answered: Option<Box<Answered>>,
    },
    Exam {
        exam: Box<ExamSession<'c>>,
    },
    Review(ExamReport),
    Finished(QuizSummary),
}

/// A question the flow asks before acting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirm {
    Submit,
    LeaveExam,
}

pub struct QuizFlow<'c> {
    catalog: Catalog<'c>,
    /// Ids answered wrong in this quiz: the result screen's steps to re-read.
    wrong: Vec<String>,
    links: std::cell::OnceCell<Vec<super::reread::Reread>>,
    pub title: String,
    /// "Trigger drill · Topic 11 · AWS Step Functions · 18 items": the first line in plain mode.
    pub intro: String,
    topics: Vec<TopicInfo>,
    stage: Stage<'c>,
    /// Feedback on the last command, for the message line.
    pub message: Option<String>,
    /// Bumped whenever the screen's markdown changes, so front ends re-render (or re-print) only then.
    pub version: u64,
    present: bool,
    tally: Vec<u32>,
    help: bool,
    confirm: Option<Confirm>,
    /// Why there is nothing to ask (nothing due: when the next review is).
    empty_note: Option<String>,
    /// Draw state machine definitions as JSON source instead of diagrams.
    pub asl_source: bool,
    /// Lab edits run so far: plain mode prints the screen again after each.
    pub edits: u32,
}

impl<'c> QuizFlow<'c> {
    pub fn new(
        catalog: Catalog<'c>,
        topics: Vec<TopicInfo>,
        opts: &QuizOptions,
        histories: &BTreeMap<String, ItemState>,
        now: DateTime<Utc>,
    ) -> Self {
        let mut rng = StdRng::seed_from_u64(opts.seed.unwrap_or_else(rand::random));
        let topic = opts.topic.as_deref();
        let scope = topic.map_or_else(
            || "all topics".to_string(),
            |t| TopicInfo::label(&topics, t),
        );
        let title = format!("{} · {scope}", opts.mode.title());
        let items = select(
            opts.mode, &catalog, topic, histories, opts.count, &mut rng, now,
        );
        let mut empty_note = None;
        let (stage, intro) = if items.is_empty() {
            empty_note = Some(screen::nothing_to_ask(
                &catalog, topic, histories, opts.mode,
            ));
            (
                Stage::Finished(QuizSummary::default()),
                format!("{title}: nothing to ask now."),
            )
        } else {
            let session = (&catalog, items, histories);
            start::first_stage(session, opts, rng, now, (&title, &scope))
        };
        Self {
            catalog,
            wrong: Vec::new(),
            links: std::cell::OnceCell::new(),
            title,
            intro,
            topics,
            stage,
            message: None,
            version: 0,
            present: false,
            tally: Vec::new(),
            help: false,
            confirm: None,
            empty_note,
            asl_source: false,
            edits: 0,
        }
    }

    /// The projector: letters count the class's votes, Enter reveals, nothing is scheduled for the presenter.
    pub fn set_present(&mut self, on: bool) {
        self.present = on;
        self.tally.clear();
        self.version += 1;
    }

    /// Which screen is up, ignoring what changes within it (picks, votes, a re-rating): plain mode prints a
    /// screen once and reports changes within it as messages.
    pub fn screen_key(&self) -> (u8, usize, bool) {
        let (stage, at, answered) = match &self.stage {
            Stage::Practice {
                session, answered, ..
            } => (
                0,
                session.prompt().map_or(usize::MAX, |p| p.number),
                answered.is_some(),
            ),
            Stage::Exam { exam } => (1, exam.current(), false),
            Stage::Review(_) => (2, 0, false),
            Stage::Finished(_) => (3, 0, false),
        };
        (stage + 4 * u8::from(self.help), at, answered)
    }

    /// Why nothing was asked (nothing due, no quiz for the topic), when that is the case.
    pub fn nothing_asked(&self) -> Option<&str> {
        self.empty_note.as_deref()
    }

    /// Whether a countdown is on screen (the TUI then wakes once a second).
    pub fn is_timed(&self) -> bool {
        matches!(self.stage, Stage::Exam { .. })
    }

    /// Whether the flow has ended (a result or review is on screen, or nothing was asked).
    pub fn is_over(&self) -> bool {
        matches!(self.stage, Stage::Review(_) | Stage::Finished(_))
    }

    /// The steps to re-read that the result screen lists, from this quiz's wrong answers.
    pub fn links(&self) -> &[super::reread::Reread] {
        if !self.is_over() {
            return &[];
        }
        // Nothing is answered once the quiz is over, so the list is worked out once (it is shown every frame).
        self.links.get_or_init(|| {
            super::reread::from_ids(&self.catalog, self.wrong.iter().map(String::as_str))
        })
    }

    /// `step` (or Tab) after an answer: the step that teaches the item on screen.
    fn read_step(&mut self) -> Vec<Effect> {
        let Stage::Practice {
            answered: Some(a), ..
        } = &self.stage
        else {
            self.message =
                Some("Answer first; then `step` (or Tab) opens the step that teaches it.".into());
            return Vec::new();
        };
        match a.step.clone() {
            Some((topic, step)) => vec![Effect::OpenStep { topic, step }],
            None => {
                self.message = Some("This item names no step to re-read.".into());
                Vec::new()
            }
        }
    }

    /// The exam clock: submits when time is up.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        match &self.stage {
            Stage::Exam { exam } if exam.is_timed_out(now) => self.submit(now),
            _ => Vec::new(),
        }
    }

    pub fn apply(&mut self, cmd: QuizCommand, now: DateTime<Utc>) -> Vec<Effect> {
        let effects = self.apply_inner(cmd, now);
        // The projector's presenter answers for the class: nothing goes into the presenter's own schedule.
        if self.present {
            return effects
                .into_iter()
                .filter(|e| !matches!(e, Effect::Save(..)))
                .collect();
        }
        effects
    }

    /// Ends the quiz now, as end of input does: an exam is abandoned without asking, practice keeps its answers.
    pub fn abandon(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        if self.is_timed() {
            self.confirm = Some(Confirm::LeaveExam);
        }
        self.apply(QuizCommand::Leave, now)
    }

    fn apply_inner(&mut self, cmd: QuizCommand, now: DateTime<Utc>) -> Vec<Effect> {
        self.version += 1;
        self.message = None;
        // A question asked once (submit? leave?) is answered by the very next line, whatever it is.
        let confirm = self.confirm.take();
        let effects = self.tick(now);
        if !effects.is_empty() {
            self.message = Some("Time is up: the exam was submitted.".into());
            return effects;
        }
        if self.help {
            self.help = false;
            if matches!(
                cmd,
                QuizCommand::Help | QuizCommand::Leave | QuizCommand::Primary
            ) {
                return Vec::new();
            }
        }
        if cmd == QuizCommand::Help {
            self.help = true;
            return Vec::new();
        }
        if let QuizCommand::Refuse(m) = cmd {
            self.message = Some(m);
            return Vec::new();
        }
        if cmd == QuizCommand::ReadStep {
            return self.read_step();
        }
        match cmd {
            QuizCommand::Edit => return self.edit(),
            QuizCommand::Edited(text) => return self.edited(text),
            QuizCommand::Source => {
                self.asl_source = !self.asl_source;
                return Vec::new();
            }
            _ => {}
        }
        if let QuizCommand::OpenLink(i) = cmd {
            return match self.links().get(i) {
                Some(r) => vec![Effect::OpenStep {
                    topic: r.topic.clone(),
                    step: r.step,
                }],
                None => {
                    self.message = Some("No step with that number.".into());
                    Vec::new()
                }
            };
        }
        match self.stage {
            Stage::Practice { .. } => self.practice(cmd, now),
            Stage::Exam { .. } => self.exam(cmd, confirm, now),
            Stage::Review(_) | Stage::Finished(_) => match cmd {
                QuizCommand::Primary | QuizCommand::Leave | QuizCommand::Next => {
                    vec![Effect::Leave(self.summary())]
                }
                _ => {
                    self.message = Some("The quiz is over: Enter or Esc goes back.".into());
                    Vec::new()
                }
            },
        }
    }

    /// The results so far: what leaving now would record.
    pub fn summary(&self) -> QuizSummary {
        match &self.stage {
            Stage::Practice { session, .. } => session.summary(),
            Stage::Exam { .. } => QuizSummary::default(),
            Stage::Review(r) => QuizSummary {
                right: r.score,
                answered: r.total,
                per_topic: r.per_topic.clone(),
                exam: Some(r.clone()),
                ..QuizSummary::default()
            },
            Stage::Finished(s) => s.clone(),
        }
    }
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
