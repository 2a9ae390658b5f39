//! The study loop as a state machine: commands in, state changes out. Both front ends (TUI and plain) drive this one
//! type, so every behaviour of the loop is testable without a terminal.

use std::collections::BTreeSet;

use crate::{
    command::{self, Command},
    course::{
        Course, Topic,
        search::{self, Hit, Place},
    },
};

/// What the learner is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The phase start screen: what the phase covers and how the loop works (first start only).
    Welcome,
    /// A teaching step; index `steps.len()` is the wrap-up.
    Step(usize),
    /// Step `.0`'s own re-explanation `.1` (`repeat` on a step).
    Again(usize, usize),
    /// Step `.0`'s own example `.1` (`example` on a step).
    Example(usize, usize),
    /// A topic-level angle, shown by `repeat` once the step's own re-explanations are used up.
    Angle(usize),
    /// A topic-level exam scenario; its pick stays hidden until revealed (think first).
    Scenario(usize),
    /// "Topic N complete", naming what comes next.
    Complete,
    Topics,
    Help,
    /// Search results; a number opens a hit.
    Search,
    /// Search hit `i`, previewed: the saved place stays where it was until the learner continues from here.
    Preview(usize),
    /// Re-reading step `.1` of topic `.0` (from a quiz's wrong answer or a list of steps to re-read): the saved
    /// place does not move, and back, continue or Esc return to where the learner was.
    Look(usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The state changed (or a message was set): redraw.
    Redraw,
    /// `done`: show the summary and exit.
    Done,
    /// `quit`: save and exit without the summary.
    Quit,
    /// `quiz`: drill this topic (index), then come back.
    Quiz(usize),
    Stats,
    /// `plan`: the exam-day forecast and today's plan.
    Plan,
    /// `review`: today's reviews and new items.
    Review,
    /// `revise`: the revision sheet of this topic (index).
    Revise(usize),
}

/// Where a learner stopped, as saved in the progress file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub topic: String,
    /// The step index; `step_count()` means the topic was completed.
    pub step: usize,
}

#[derive(Debug, Clone)]
pub struct Session<'c> {
    pub course: &'c Course,
    pub topic: usize,
    /// The current step of this topic (the one `continue` moves on from).
    pub step: usize,
    pub screen: Screen,
    /// Where `repeat` and `example` are in the current step's sequence (`helpings.rs`).
    helping: helpings::Cursor,
    /// Whether the scenario on screen shows its pick and why the look-alikes lose.
    pub revealed: bool,
    pub visited: BTreeSet<String>,
    pub completed: BTreeSet<String>,
    /// One line for the status bar: feedback on the last command.
    pub message: Option<String>,
    /// State machine definitions drawn as JSON source rather than diagrams (`source`).
    pub asl_source: bool,
    /// The last search: its query and hits (the TUI highlights the query after a hit is opened).
    pub find: Option<String>,
    pub hits: Vec<Hit>,
    /// Where a re-read (`Screen::Look`) returns to.
    before_look: Option<Screen>,
    /// The step each topic was left at during this run, so `goto` returns there.
    last_step: std::collections::BTreeMap<usize, usize>,
}

/// The header's facts, for any front end to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub phase: String,
    pub topic_number: u32,
    pub title: String,
    /// "Step 3 of 9", "Another angle 1 of 3", "Scenario 2 of 5", "Complete", ...
    pub place: String,
}

impl<'c> Session<'c> {
    /// A session at the start of the course, or where `resume` says (ignored if it no longer fits the course).
    pub fn new(course: &'c Course, resume: Option<&Position>) -> Self {
        let mut s = Self {
            course,
            topic: 0,
            step: 0,
            screen: Screen::Welcome,
            helping: helpings::Cursor::default(),
            revealed: false,
            visited: BTreeSet::new(),
            completed: BTreeSet::new(),
            message: None,
            asl_source: false,
            find: None,
            hits: Vec::new(),
            last_step: Default::default(),
            before_look: None,
        };
        if let Some(p) = resume
            && let Some(t) = course.topics.iter().position(|t| t.slug() == p.topic)
        {
            s.topic = t;
            let count = course.topics[t].step_count();
            if p.step >= count {
                s.step = count - 1;
                s.screen = Screen::Complete;
            } else {
                s.step = p.step;
                s.screen = Screen::Step(p.step);
            }
            s.message = Some(format!("Welcome back: {}", s.place_name()));
            s.mark_visited();
        }
        s
    }

    pub fn current(&self) -> &'c Topic {
        &self.course.topics[self.topic]
    }

    /// Where to resume next time.
    pub fn position(&self) -> Position {
        let step = if self.screen == Screen::Complete {
            self.current().step_count()
        } else {
            self.step
        };
        Position {
            topic: self.current().slug().to_string(),
            step,
        }
    }

    pub fn apply(&mut self, cmd: Command) -> Outcome {
        self.message = None;
        let outcome = self.apply_command(cmd);
        // A search ends when the learner leaves its list and its hits.
        if !matches!(self.screen, Screen::Search | Screen::Preview(_)) {
            self.find = None;
        }
        outcome
    }

    /// Shows step `step` of topic `topic` to re-read, without moving the learner's place.
    pub fn look(&mut self, topic: usize, step: usize) {
        let Some(t) = self.course.topics.get(topic) else {
            return;
        };
        if !matches!(self.screen, Screen::Look(..)) {
            self.before_look = Some(self.screen);
        }
        self.screen = Screen::Look(topic, step.min(t.step_count().saturating_sub(2)));
        self.message = Some("Re-reading: back (Esc) or continue returns to where you were.".into());
    }

    /// A re-read step and a previewed hit answer some commands themselves; `true` when this one was handled.
    fn aside_handles(&mut self, cmd: &Command) -> bool {
        if let Screen::Look(..) = self.screen {
            match cmd {
                Command::Back | Command::Continue | Command::Empty => {
                    self.screen = self.before_look.take().unwrap_or(Screen::Step(self.step));
                    return true;
                }
                Command::Done | Command::Quit | Command::Help | Command::Unknown { .. } => {}
                _ => {
                    self.message = Some(
                        "You are re-reading a step: back (Esc) returns to where you were first."
                            .into(),
                    );
                    return true;
                }
            }
        }
        if let Screen::Preview(_) = self.screen
            && matches!(cmd, Command::Repeat | Command::Example)
        {
            self.message = Some(format!(
                "This is a search hit: `continue` reads on from here (your place moves), `back` returns to {}.",
                self.place_name()
            ));
            return true;
        }
        false
    }

    fn apply_command(&mut self, cmd: Command) -> Outcome {
        if self.aside_handles(&cmd) {
            return Outcome::Redraw;
        }
        match cmd {
            Command::Continue => self.advance(),
            Command::Repeat => self.help_again(helpings::Kind::Again),
            Command::Example => self.help_again(helpings::Kind::Example),
            Command::Reveal => self.reveal(),
            // Enter on an empty line shows a hidden pick (plain mode; the TUI asks `primary` first).
            Command::Empty if self.hidden_pick() => self.reveal(),
            // Back from a previewed hit is the hit list; from anywhere else, the learner's own step.
            Command::Back if matches!(self.screen, Screen::Preview(_)) => {
                self.screen = Screen::Search
            }
            Command::Back
                if matches!(
                    self.screen,
                    Screen::Step(_) | Screen::Complete | Screen::Welcome
                ) =>
            {
                self.message =
                    Some("Nothing to go back from: done finishes with a summary.".into());
            }
            Command::Back => {
                self.screen = Screen::Step(self.step);
                self.mark_visited();
            }
            Command::Topics => self.screen = Screen::Topics,
            Command::Help => self.screen = Screen::Help,
            Command::Search(query) if query.is_empty() => {
                self.message = Some("Type what to find after the slash: /redrive".into());
            }
            Command::Search(query) => {
                self.hits = search::search(self.course, &query);
                self.find = Some(query);
                self.screen = Screen::Search;
            }
            Command::Goto(n) if self.screen == Screen::Search && n.parse::<usize>().is_ok() => {
                let i: usize = n.parse().unwrap_or(0);
                if !self.open_hit(i.wrapping_sub(1)) {
                    self.message = Some(format!("Hits are numbered 1 to {}.", self.hits.len()));
                }
            }
            Command::Goto(query) => match self.course.find_topic(&query) {
                // The topic the learner is in: back to their step, never to step 1.
                Some(t) if t == self.topic => {
                    self.screen = Screen::Step(self.step);
                    self.mark_visited();
                    self.message = Some(format!("You are here: {}.", self.place_name()));
                }
                Some(t) => {
                    let step = self.last_step.get(&t).copied().unwrap_or(0);
                    self.open_topic(t, step);
                }
                None => self.message = Some(self.no_such_topic(&query)),
            },
            Command::Done => return Outcome::Done,
            Command::Quit => return Outcome::Quit,
            Command::Quiz => return Outcome::Quiz(self.topic),
            Command::Stats => return Outcome::Stats,
            Command::Plan => return Outcome::Plan,
            Command::Review => return Outcome::Review,
            Command::Revise => return Outcome::Revise(self.topic),
            Command::Empty => {}
            Command::Source => {
                self.asl_source = !self.asl_source;
                self.message = Some(if self.asl_source {
                    "State machines as JSON source (`source` again: diagrams).".into()
                } else {
                    "State machines as diagrams (`source` again: JSON).".into()
                });
            }
            Command::Present => {
                self.message = Some(
                    "The projector layout is part of the full-screen tutor (dea-tutor --present)."
                        .into(),
                );
            }
            Command::Unknown { input, suggestion } => {
                self.message = Some(command::unknown_message(&input, suggestion));
            }
        }
        Outcome::Redraw
    }

    /// The current step when staying in the same topic, else the first.
    fn step_if_same(&self, t: usize) -> usize {
        if t == self.topic { self.step } else { 0 }
    }

    /// Opens topic `t` at `step` (clamped), as `goto` and the topic menu do.
    pub fn open_topic(&mut self, t: usize, step: usize) {
        if t != self.topic {
            self.last_step.insert(self.topic, self.step);
        }
        self.topic = t.min(self.course.topics.len() - 1);
        self.step = step.min(self.current().step_count() - 1);
        self.screen = Screen::Step(self.step);
        self.mark_visited();
    }

    /// `continue`: from a step or from an aside (angle, scenario, menu) it moves on from the current step; past the
    /// wrap-up it shows "Topic complete"; only from there does it open the next topic.
    fn advance(&mut self) {
        if let Screen::Preview(i) = self.screen
            && !self.adopt_preview(i)
        {
            return;
        }
        if self.screen == Screen::Welcome {
            // A topic counts as started once its first step is on screen, not while the welcome is.
            self.screen = Screen::Step(self.step);
            self.mark_visited();
        } else if self.screen == Screen::Complete {
            if self.topic + 1 < self.course.topics.len() {
                self.open_topic(self.topic + 1, 0);
            } else {
                self.message = Some(
                    "That was the last topic of the phase. Say done to finish, or topics to revisit one.".into(),
                );
            }
        } else if self.step + 1 >= self.current().step_count() {
            self.completed.insert(self.current().slug().to_string());
            self.screen = Screen::Complete;
        } else {
            self.step += 1;
            self.screen = Screen::Step(self.step);
        }
    }

    fn mark_visited(&mut self) {
        self.visited.insert(self.current().slug().to_string());
    }

    fn no_such_topic(&self, query: &str) -> String {
        let first = self.course.topics.first().map(|t| t.number()).unwrap_or(0);
        let last = self.course.topics.last().map(|t| t.number()).unwrap_or(0);
        let shown: String = query.chars().take(30).collect();
        format!("No topic \"{shown}\". Topics are {first}–{last}: say topics to see them.")
    }

    fn place_name(&self) -> String {
        let t = self.current();
        match self.screen {
            Screen::Complete => format!("topic {} complete", t.number()),
            _ => format!(
                "topic {}, step {} of {}",
                t.number(),
                self.step + 1,
                t.step_count()
            ),
        }
    }
}

mod document;
mod helpings;
mod preview;
mod screens;

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
