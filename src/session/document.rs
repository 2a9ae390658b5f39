//! What the learner sees of the session: the header's facts and the current screen's markdown, for either front
//! end to lay out. A previewed search hit shows its own topic while the saved place stays put.

use std::borrow::Cow;

use super::{Header, Screen, Session};
use crate::course::{
    Part, Topic,
    pieces::{Kind, PICK, step_link},
    search::Place,
};

/// A step's own re-explanation or example, under a line naming the step it belongs to.
fn piece(step: &Part, kind: Kind, i: usize) -> String {
    let pieces = step.pieces(kind);
    let Some(p) = pieces.get(i) else {
        return String::new();
    };
    let what = match kind {
        Kind::Again => "said another way",
        Kind::Example => "at work",
    };
    let of = if pieces.len() > 1 {
        format!(" ({} of {})", i + 1, pieces.len())
    } else {
        String::new()
    };
    let step_title = step.title.as_deref().unwrap_or("This step");
    let title = p.title.map(|t| format!("## {t}\n\n")).unwrap_or_default();
    format!("*{step_title} — {what}{of}*\n\n{title}{}\n", p.markdown)
}

impl<'c> Session<'c> {
    /// The topic on screen: the current one, or a previewed hit's.
    pub fn shown_topic(&self) -> usize {
        match self.screen {
            Screen::Preview(i) => self.hits.get(i).map_or(self.topic, |h| h.topic),
            Screen::Look(t, _) => t,
            _ => self.topic,
        }
    }

    /// The lesson screen a preview stands for (a step, an angle or a scenario of the hit's topic).
    pub(super) fn shown_screen(&self) -> Screen {
        match self.screen {
            Screen::Preview(i) => match self.hits.get(i).map(|h| h.place) {
                Some(Place::Step(s)) => Screen::Step(s),
                Some(Place::Angle(a)) => Screen::Angle(a),
                Some(Place::Scenario(e)) => Screen::Scenario(e),
                None => Screen::Step(self.step),
            },
            Screen::Look(_, step) => Screen::Step(step),
            s => s,
        }
    }

    pub fn header(&self) -> Header {
        let t = &self.course.topics[self.shown_topic()];
        let l = t.lesson();
        let place = match self.shown_screen() {
            Screen::Step(i) if i == l.steps.len() => {
                format!("Step {} of {} · wrap-up", i + 1, t.step_count())
            }
            Screen::Step(i) => format!("Step {} of {}", i + 1, t.step_count()),
            Screen::Again(k, i) => format!(
                "Step {} of {} · another way {} of {}",
                k + 1,
                t.step_count(),
                i + 1,
                l.steps[k].pieces(Kind::Again).len()
            ),
            Screen::Example(k, i) => format!(
                "Step {} of {} · example {} of {}",
                k + 1,
                t.step_count(),
                i + 1,
                l.steps[k].pieces(Kind::Example).len()
            ),
            Screen::Angle(i) => format!("Another angle {} of {}", i + 1, l.angles.len()),
            Screen::Scenario(i) => format!("Exam scenario {} of {}", i + 1, l.scenarios.len()),
            Screen::Complete => "Complete".to_string(),
            Screen::Topics => "Topics".to_string(),
            Screen::Help => "Help".to_string(),
            Screen::Search => crate::util::text::plural(self.hits.len(), "hit"),
            Screen::Welcome => "Welcome".to_string(),
            Screen::Preview(_) | Screen::Look(..) => String::new(),
        };
        let place = match self.screen {
            Screen::Preview(_) => format!("Search hit · {place}"),
            Screen::Look(..) => format!("Re-reading · {place}"),
            _ => place,
        };
        Header {
            phase: self.course.phase.clone(),
            topic_number: t.number(),
            title: t.title().to_string(),
            place,
        }
    }

    /// A key that changes exactly when the document shown changes (for render caches).
    pub fn doc_key(&self) -> (usize, Screen, bool) {
        (self.topic, self.screen, self.revealed)
    }

    /// The markdown of the current screen.
    pub fn document(&self) -> Cow<'c, str> {
        let t: &'c Topic = &self.course.topics[self.shown_topic()];
        let l = t.lesson();
        match self.shown_screen() {
            Screen::Step(i) if i < l.steps.len() => Cow::Borrowed(l.steps[i].shown()),
            Screen::Step(_) => Cow::Owned(l.wrap_up()),
            Screen::Again(k, i) => Cow::Owned(piece(&l.steps[k], Kind::Again, i)),
            Screen::Example(k, i) => Cow::Owned(piece(&l.steps[k], Kind::Example, i)),
            Screen::Angle(i) => Cow::Owned(format!(
                "*Another angle on {} — {} of {}*\n\n{}",
                t.title(),
                i + 1,
                l.angles.len(),
                step_link(&l.angles[i].markdown).1
            )),
            Screen::Scenario(i) => {
                let (_, body) = step_link(&l.scenarios[i].markdown);
                // Think first: the pick and why the look-alikes lose wait until the learner asks.
                let shown = match body.find(PICK) {
                    Some(at) if !self.revealed => format!(
                        "{}\n\n*Think it through, then say `answer` (or press Enter on an empty line) for the pick \
                         and why the look-alikes lose.*\n",
                        body[..at].trim_end()
                    ),
                    _ => body,
                };
                Cow::Owned(format!(
                    "*Exam scenario {} of {} — {}*\n\n{shown}",
                    i + 1,
                    l.scenarios.len(),
                    t.title(),
                ))
            }
            Screen::Complete => Cow::Owned(self.complete_text()),
            Screen::Topics => Cow::Owned(self.topics_text()),
            Screen::Help => Cow::Owned(crate::command::hints::help_markdown()),
            Screen::Welcome => Cow::Owned(self.welcome_text()),
            Screen::Search => Cow::Owned(self.search_text()),
            Screen::Preview(_) | Screen::Look(..) => Cow::Borrowed(""),
        }
    }
}
