//! A search hit opened as a preview: the saved place moves only when the learner continues from it.

use super::{Place, Screen, Session};

impl Session<'_> {
    /// Previews search hit `i` (0-based); false when there is none. The saved place does not move.
    pub fn open_hit(&mut self, i: usize) -> bool {
        if i >= self.hits.len() {
            return false;
        }
        self.screen = Screen::Preview(i);
        self.revealed = false;
        self.message =
            Some("A search hit: continue reads on from here; back returns to the hits.".into());
        true
    }

    /// Continuing from a previewed hit makes it the learner's place, then moves on as from any step.
    /// Returns whether to move on from there: from a previewed step, yes; from an angle or a scenario, the step it
    /// belongs beside is shown first (it may never have been read).
    pub(super) fn adopt_preview(&mut self, i: usize) -> bool {
        let Some(hit) = self.hits.get(i).cloned() else {
            self.screen = Screen::Step(self.step);
            return false;
        };
        match hit.place {
            Place::Step(s) => {
                self.open_topic(hit.topic, s);
                true
            }
            Place::Angle(_) | Place::Scenario(_) => {
                self.open_topic(hit.topic, self.step_if_same(hit.topic));
                false
            }
        }
    }
}
