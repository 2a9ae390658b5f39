//! The study loop as a state machine: commands in, state changes out. Both front ends (TUI and plain) drive this one
//! type, so every behaviour of the loop is testable without a terminal.

use std::{borrow::Cow, collections::BTreeSet};

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
    Angle(usize),
    Scenario(usize),
    /// "Topic N complete", naming what comes next.
    Complete,
    Topics,
    Help,
    /// Search results; a number opens a hit.
    Search,
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
    next_angle: usize,
    next_scenario: usize,
    pub visited: BTreeSet<String>,
    pub completed: BTreeSet<String>,
    /// One line for the status bar: feedback on the last command.
    pub message: Option<String>,
    /// The last search: its query and hits (the TUI highlights the query after a hit is opened).
    pub find: Option<String>,
    pub hits: Vec<Hit>,
}

/// The header's facts, for any front end to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub phase: String,
    pub topic_number: u32,
    pub topic_index: usize,
    pub topic_count: usize,
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
            next_angle: 0,
            next_scenario: 0,
            visited: BTreeSet::new(),
            completed: BTreeSet::new(),
            message: None,
            find: None,
            hits: Vec::new(),
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
        }
        s.mark_visited();
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
        match cmd {
            Command::Continue => self.advance(),
            Command::Repeat => {
                let n = self.current().lesson.angles.len();
                self.screen = Screen::Angle(self.next_angle % n);
                self.next_angle = (self.next_angle + 1) % n;
            }
            Command::Example => {
                let n = self.current().lesson.scenarios.len();
                self.screen = Screen::Scenario(self.next_scenario % n);
                self.next_scenario = (self.next_scenario + 1) % n;
            }
            Command::Back => self.screen = Screen::Step(self.step),
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
                Some(t) => self.open_topic(t, 0),
                None => self.message = Some(self.no_such_topic(&query)),
            },
            Command::Done => return Outcome::Done,
            Command::Quit => return Outcome::Quit,
            Command::Quiz => return Outcome::Quiz(self.topic),
            Command::Stats => return Outcome::Stats,
            Command::Revise => return Outcome::Revise(self.topic),
            Command::Empty => {}
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

    /// Opens search hit `i` (0-based); false when there is none.
    pub fn open_hit(&mut self, i: usize) -> bool {
        let Some(hit) = self.hits.get(i).cloned() else {
            return false;
        };
        match hit.place {
            Place::Step(s) => self.open_topic(hit.topic, s),
            Place::Angle(a) => {
                self.open_topic(hit.topic, self.step_if_same(hit.topic));
                self.screen = Screen::Angle(a);
                self.next_angle = a + 1;
            }
            Place::Scenario(e) => {
                self.open_topic(hit.topic, self.step_if_same(hit.topic));
                self.screen = Screen::Scenario(e);
                self.next_scenario = e + 1;
            }
        }
        true
    }

    /// The current step when staying in the same topic, else the first.
    fn step_if_same(&self, t: usize) -> usize {
        if t == self.topic { self.step } else { 0 }
    }

    /// Opens topic `t` at `step` (clamped), as `goto` and the topic menu do.
    pub fn open_topic(&mut self, t: usize, step: usize) {
        if t != self.topic {
            self.next_angle = 0;
            self.next_scenario = 0;
        }
        self.topic = t.min(self.course.topics.len() - 1);
        self.step = step.min(self.current().step_count() - 1);
        self.screen = Screen::Step(self.step);
        self.mark_visited();
    }

    /// `continue`: from a step or from an aside (angle, scenario, menu) it moves on from the current step; past the
    /// wrap-up it shows "Topic complete"; only from there does it open the next topic.
    fn advance(&mut self) {
        if self.screen == Screen::Welcome {
            self.screen = Screen::Step(self.step);
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

    pub fn header(&self) -> Header {
        let t = self.current();
        let l = &t.lesson;
        let place = match self.screen {
            Screen::Step(i) if i == l.steps.len() => {
                format!("Step {} of {} · wrap-up", i + 1, t.step_count())
            }
            Screen::Step(i) => format!("Step {} of {}", i + 1, t.step_count()),
            Screen::Angle(i) => format!("Another angle {} of {}", i + 1, l.angles.len()),
            Screen::Scenario(i) => format!("Exam scenario {} of {}", i + 1, l.scenarios.len()),
            Screen::Complete => "Complete".to_string(),
            Screen::Topics => "Topics".to_string(),
            Screen::Help => "Help".to_string(),
            Screen::Search => format!("Search · {} hits", self.hits.len()),
            Screen::Welcome => "Welcome".to_string(),
        };
        Header {
            phase: self.course.phase.clone(),
            topic_number: t.number(),
            topic_index: self.topic,
            topic_count: self.course.topics.len(),
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
        let t = self.current();
        let l = &t.lesson;
        match self.screen {
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
            Screen::Help => Cow::Borrowed(HELP),
            Screen::Welcome => Cow::Owned(self.welcome_text()),
            Screen::Search => Cow::Owned(self.search_text()),
        }
    }

    fn search_text(&self) -> String {
        let query = self.find.as_deref().unwrap_or_default();
        let mut s = format!("# Search: “{query}”\n\n");
        if self.hits.is_empty() {
            s.push_str("Nothing found. Try a shorter word, or `topics` to browse.\n");
            return s;
        }
        for (i, h) in self.hits.iter().enumerate() {
            let t = &self.course.topics[h.topic];
            let place = h.place.label(t.lesson.steps.len());
            s.push_str(&format!(
                "{}. **{} {}** · {place}  \n   {}\n",
                i + 1,
                t.number(),
                t.title(),
                h.context.replace(['*', '`', '_', '#', '|'], "")
            ));
        }
        s.push_str(
            "\nType a hit's number to open it (↑/↓ and Enter in the full screen), or `back`.\n",
        );
        s
    }

    fn welcome_text(&self) -> String {
        let banner = crate::course::CourseFiles::asset("assets/banner.txt").unwrap_or_default();
        let mut s = format!(
            "```\n{}\n```\n\n# {}\n\n*{}*\n\nThis phase teaches what the exam tests about running pipelines: who orchestrates, \
             what starts them, who may touch the data, and how you prove it. {} topics:\n\n",
            banner.trim_end(),
            self.course.phase,
            self.course.title,
            self.course.topics.len()
        );
        for t in &self.course.topics {
            s.push_str(&format!(
                "- **{}** {} — *{}*\n",
                t.number(),
                t.title(),
                t.lesson.meta.tagline
            ));
        }
        s.push_str(
            "\n## How it works\n\nOne step at a time, and nothing moves on until you say so:\n\n\
             - `continue` → the next step (and, after a topic, the next topic)\n\
             - `repeat` → the same ideas from another angle\n\
             - `example` → another exam scenario\n\
             - `done` → stop the phase: a summary, and your place is saved\n\n\
             Also `quiz`, `topics`, `goto 14` and `help`. Say **continue** to begin.\n",
        );
        s
    }

    fn complete_text(&self) -> String {
        let t = self.current();
        let next = match self.course.topics.get(self.topic + 1) {
            Some(n) => format!(
                "**Next: Topic {} — {}**\n\n*{}*\n\nNothing moves on until you say so.",
                n.number(),
                n.title(),
                n.lesson.meta.tagline
            ),
            None => {
                "**That was the last topic of the phase.** Say `done` for your summary.".to_string()
            }
        };
        format!(
            "# Topic {} complete: {}\n\n> {}\n\n{next}\n\n\
             - `continue` → move ahead\n- `repeat` → re-explain this topic\n\
             - `example` → more exam scenarios\n- `quiz` → drill this topic's trigger words\n\
             - `done` → stop the phase here\n",
            t.number(),
            t.title(),
            t.lesson.memory_hack.trim()
        )
    }

    fn topics_text(&self) -> String {
        let mut s = format!("# {}\n\n", self.course.phase);
        for (i, t) in self.course.topics.iter().enumerate() {
            let mark = if self.completed.contains(t.slug()) {
                " ✓"
            } else if i == self.topic {
                " ◂ you are here"
            } else {
                ""
            };
            s.push_str(&format!("- **{}** {}{mark}\n", t.number(), t.title()));
        }
        s.push_str("\nType `goto` and a number (or a slug) to open a topic, or `back`.\n");
        s
    }

    /// The end-of-phase summary, as markdown.
    pub fn summary(&self) -> String {
        let mut s = String::from(
            "# Phase 6 — where you are\n\n**Topics covered this time and before:**\n\n",
        );
        let mut any = false;
        for t in &self.course.topics {
            let state = if self.completed.contains(t.slug()) {
                "complete".to_string()
            } else if t.slug() == self.current().slug() {
                format!("up to step {} of {}", self.step + 1, t.step_count())
            } else if self.visited.contains(t.slug()) {
                "started".to_string()
            } else {
                continue;
            };
            any = true;
            s.push_str(&format!("- {} {} — {state}\n", t.number(), t.title()));
        }
        if !any {
            s.push_str("- none yet\n");
        }
        s.push_str(&format!(
            "\n**Resume:** {} — the next start opens there.\n",
            self.place_name()
        ));
        let next = if self.screen == Screen::Complete {
            self.course.topics.get(self.topic + 1)
        } else {
            Some(self.current())
        };
        match next {
            Some(n) => s.push_str(&format!(
                "\n**Next:** Topic {} — {}\n",
                n.number(),
                n.title()
            )),
            None => {
                s.push_str("\n**Next:** the phase is complete — revise and drill the quizzes.\n")
            }
        }
        s
    }
}

const HELP: &str = "# Commands

Type a word and press Enter. Nothing moves on unless you say so.

| Command | Short | What it does |
| --- | --- | --- |
| `continue` | `c`, `next` | the next step; after the last one, the next topic |
| `repeat` | `r`, `again` | the same ideas from another angle |
| `example` | `e`, `ex`, `eg` | another exam scenario |
| `done` | `d` | stop the phase: summary, progress saved |
| `back` | `b` | back to the step you were on |
| `topics` | `menu`, `t` | list the topics |
| `goto 12` | `12` | open a topic by number or slug |
| `quiz` | | drill this topic's trigger words |
| `stats` | | mastery, accuracy, reviews due |
| `revise` | `sheet` | this topic's revision sheet: memory hack, signals, comparison |
| `/retry` | `search retry` | search every lesson; n/N step through the matches |
| `present` | | the projector layout on or off |
| `help` | `?` | this screen |
| `quit` | `q` | save and leave without the summary |

# Keys

With the command line empty, single keys act: `c` `r` `e` `d` `b` `t`, `?` for help, `q` to quit.
Scroll with `j`/`k`, the arrows, PgUp/PgDn, Home/End or the mouse wheel.
";

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
