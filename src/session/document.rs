//! What the learner sees of the session: the header's facts and the current screen's markdown, for either front
//! end to lay out. A previewed search hit shows its own topic while the saved place stays put.

use std::borrow::Cow;

use super::{Header, Screen, Session};
use crate::course::{Topic, search::Place};

impl<'c> Session<'c> {
    /// The topic on screen: the current one, or a previewed hit's.
    pub fn shown_topic(&self) -> usize {
        match self.screen {
            Screen::Preview(i) => self.hits.get(i).map_or(self.topic, |h| h.topic),
            _ => self.topic,
        }
    }

    /// The lesson screen a preview stands for (a step, an angle or a scenario of the hit's topic).
    fn shown_screen(&self) -> Screen {
        match self.screen {
            Screen::Preview(i) => match self.hits.get(i).map(|h| h.place) {
                Some(Place::Step(s)) => Screen::Step(s),
                Some(Place::Angle(a)) => Screen::Angle(a),
                Some(Place::Scenario(e)) => Screen::Scenario(e),
                None => Screen::Step(self.step),
            },
            s => s,
        }
    }

    pub fn header(&self) -> Header {
        let t = &self.course.topics[self.shown_topic()];
        let l = &t.lesson;
        let place = match self.shown_screen() {
            Screen::Step(i) if i == l.steps.len() => {
                format!("Step {} of {} · wrap-up", i + 1, t.step_count())
            }
            Screen::Step(i) => format!("Step {} of {}", i + 1, t.step_count()),
            Screen::Angle(i) => format!("Another angle {} of {}", i + 1, l.angles.len()),
            Screen::Scenario(i) => format!("Exam scenario {} of {}", i + 1, l.scenarios.len()),
            Screen::Complete => "Complete".to_string(),
            Screen::Topics => "Topics".to_string(),
            Screen::Help => "Help".to_string(),
            Screen::Search => crate::util::text::plural(self.hits.len(), "hit"),
            Screen::Welcome => "Welcome".to_string(),
            Screen::Preview(_) => String::new(),
        };
        let place = if matches!(self.screen, Screen::Preview(_)) {
            format!("Search hit · {place}")
        } else {
            place
        };
        Header {
            phase: self.course.phase.clone(),
            topic_number: t.number(),
            title: t.title().to_string(),
            place,
        }
    }

    /// A key that changes exactly when the document shown changes (for render caches).
    pub fn doc_key(&self) -> (usize, Screen) {
        (self.topic, self.screen)
    }

    /// The markdown of the current screen.
    pub fn document(&self) -> Cow<'c, str> {
        let t: &'c Topic = &self.course.topics[self.shown_topic()];
        let l = &t.lesson;
        match self.shown_screen() {
            Screen::Step(i) if i < l.steps.len() => Cow::Borrowed(l.steps[i].markdown.as_str()),
            Screen::Step(_) => Cow::Owned(l.wrap_up()),
            Screen::Angle(i) => Cow::Owned(format!(
                "*Another angle on {} — {} of {}*\n\n{}",
                t.title(),
                i + 1,
                l.angles.len(),
                l.angles[i].markdown
            )),
            Screen::Scenario(i) => Cow::Owned(format!(
                "*Exam scenario {} of {} — {}*\n\n{}",
                i + 1,
                l.scenarios.len(),
                t.title(),
                l.scenarios[i].markdown
            )),
            Screen::Complete => Cow::Owned(self.complete_text()),
            Screen::Topics => Cow::Owned(self.topics_text()),
            Screen::Help => Cow::Owned(crate::command::hints::help_markdown()),
            Screen::Welcome => Cow::Owned(self.welcome_text()),
            Screen::Search => Cow::Owned(self.search_text()),
            Screen::Preview(_) => Cow::Borrowed(""),
        }
    }
}
