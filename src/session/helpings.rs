//! `repeat` and `example` belong to the step on screen. Each walks its own sequence: the step's own pieces first
//! (`### Another way`, `### Example`), then the topic's angles or scenarios that need no later step. On the wrap-up
//! and after the topic every angle and scenario counts. Past the end it says so once, then starts over.

use super::{Screen, Session};

pub use crate::course::pieces::Kind;
use crate::course::pieces::PICK;

/// Where `repeat` and `example` are, for one step of one topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursor {
    /// (topic, step) the positions belong to; another step starts both from the beginning.
    at: (usize, usize),
    again: usize,
    example: usize,
}

impl Session<'_> {
    /// The screens `repeat` (or `example`) walks through at the current step.
    pub fn helpings(&self, kind: Kind) -> Vec<Screen> {
        let l = self.current().lesson();
        let k = self.step;
        // A teaching step, not the wrap-up or "topic complete".
        let teaching = k < l.steps.len() && self.screen != Screen::Complete;
        let mut out = Vec::new();
        if teaching {
            let own = l.steps[k].pieces(kind).len();
            out.extend((0..own).map(|i| match kind {
                Kind::Again => Screen::Again(k, i),
                Kind::Example => Screen::Example(k, i),
            }));
        }
        let parts = match kind {
            Kind::Again => &l.angles,
            Kind::Example => &l.scenarios,
        };
        for (i, p) in parts.iter().enumerate() {
            // An unlinked angle or scenario may use anything: only after the last teaching step.
            let needs = p.needs_step().unwrap_or(l.steps.len());
            if !teaching || needs <= k {
                out.push(match kind {
                    Kind::Again => Screen::Angle(i),
                    Kind::Example => Screen::Scenario(i),
                });
            }
        }
        out
    }

    /// `repeat` or `example`: the next screen of this step's sequence.
    pub(super) fn help_again(&mut self, kind: Kind) {
        if self.screen == Screen::Welcome {
            self.message = Some("Nothing is taught yet: continue opens the first step.".into());
            return;
        }
        let here = (self.topic, self.step);
        if self.helping.at != here {
            self.helping = Cursor {
                at: here,
                ..Cursor::default()
            };
        }
        let seq = self.helpings(kind);
        let pos = match kind {
            Kind::Again => &mut self.helping.again,
            Kind::Example => &mut self.helping.example,
        };
        let (other, what) = match kind {
            Kind::Again => ("example", "re-explanation"),
            Kind::Example => ("repeat", "example"),
        };
        match seq.get(*pos) {
            Some(&screen) => {
                *pos += 1;
                self.screen = screen;
                self.revealed = false;
            }
            None if seq.is_empty() => {
                self.message = Some(format!("No {what} for this step yet: {other} or continue."));
            }
            None => {
                *pos = 0;
                let n = seq.len();
                self.message = Some(format!(
                    "That was every {what} for this step ({n}): {other} for another kind, continue to move on; \
                     once more starts over."
                ));
            }
        }
    }

    /// A scenario on screen whose pick is still hidden.
    pub fn hidden_pick(&self) -> bool {
        // A scenario on screen, or one opened from a search hit.
        let Screen::Scenario(i) = self.shown_screen() else {
            return false;
        };
        let scenarios = &self.course.topics[self.shown_topic()].lesson().scenarios;
        !self.revealed && scenarios.get(i).is_some_and(|p| p.markdown.contains(PICK))
    }

    pub(super) fn reveal(&mut self) {
        if self.hidden_pick() {
            self.revealed = true;
        } else {
            self.message = Some("Nothing hidden here: answer shows a scenario's pick.".into());
        }
    }
}
