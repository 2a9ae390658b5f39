//! The TUI's state: the study session plus what only a screen needs (the command line, scroll, the wrapped lines
//! of the current document, the menu cursor). Key handling turns keys into session commands; drawing lives in
//! `view` and reads this state only.

use ratatui::{layout::Rect, text::Line};

use chrono::{DateTime, Utc};

use super::view::layout;
use crate::{
    command::Command,
    quiz::{
        ItemState, QuizSummary,
        flow::{Effect, QuizCommand, QuizFlow},
    },
    render,
    session::{Header, Outcome, Screen, Session},
    theme::Theme,
};

/// Which document the pane shows; it changes exactly when the document does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocKey {
    /// Topic, screen, and whether a scenario's pick is revealed.
    Lesson(usize, Screen, bool),
    /// The quiz's version (any change) and its screen (what scrolls back to the top when it changes).
    Quiz(u64, (u8, usize, bool)),
    Overlay(u64),
}

impl DocKey {
    /// The screen alone, without what may change on it.
    fn screen(self) -> Self {
        match self {
            DocKey::Lesson(t, s, _) => DocKey::Lesson(t, s, false),
            DocKey::Quiz(_, screen) => DocKey::Quiz(0, screen),
            other => other,
        }
    }
}

/// Lines of the current document, wrapped for one width. Re-made only when the document or the width changes.
#[derive(Debug, Default)]
pub struct Wrapped {
    /// The document, the width, and whether state machines show as JSON source.
    key: Option<(DocKey, u16, bool)>,
    pub lines: Vec<Line<'static>>,
}

pub struct App<'c> {
    pub session: Session<'c>,
    pub theme: Theme,
    pub input: String,
    pub scroll: usize,
    pub wrapped: Wrapped,
    /// Height of the lesson pane at the last layout, for paging.
    pub page: usize,
    pub menu_cursor: usize,
    pub hit_cursor: usize,
    /// A warning that stays until dismissed by the next command (e.g. progress could not be saved).
    pub warning: Option<String>,
    /// A quiz running over the lesson; leaving it comes back here.
    pub quiz: Option<QuizFlow<'c>>,
    /// The time, for quizzes (tests pass a fixed clock).
    pub clock: fn() -> DateTime<Utc>,
    /// A read-only screen over the lesson (stats), closed by Esc, Enter or `b`.
    pub overlay: Option<(String, String)>,
    overlay_version: u64,
    /// The steps to re-read an overlay lists (stats), opened by their number.
    pub overlay_links: Vec<crate::quiz::reread::Reread>,
    /// A quiz set aside while the learner re-reads the step behind an answer; it comes back when they leave the step.
    pub paused: Option<QuizFlow<'c>>,
    /// Answers to write to the progress file, drained by the loop after each event.
    pub saves: Vec<(String, ItemState)>,
    /// What the quizzes of this run added up to, for the phase summary.
    pub quiz_results: QuizSummary,
    /// `dea-tutor quiz` / `revise`: leaving the quiz or the sheet ends the program.
    pub standalone: bool,
    /// Scroll to the first match once the opened hit is wrapped.
    prepare_pending_find: bool,
    /// A lab definition to open in the learner's editor (the loop does it: it owns the terminal).
    pub pending_edit: Option<String>,
    /// The document on screen holds a state machine diagram (the footer then offers its JSON source).
    pub diagram_on_screen: bool,
    /// The projector layout: high contrast, wide margins, a big step counter, the hint hidden until `?`.
    pub present: bool,
    pub show_hint: bool,
    /// The theme to go back to when the projector layout is turned off.
    normal_theme: Theme,
    present_theme: Theme,
}

impl<'c> App<'c> {
    /// Turns the projector layout on or off; `projector_theme` is used while it is on.
    pub fn set_present(&mut self, on: bool, projector_theme: Option<Theme>) {
        if let Some(t) = projector_theme {
            self.present_theme = t;
        }
        self.present = on;
        self.show_hint = !on;
        self.theme = if on {
            self.present_theme.clone()
        } else {
            self.normal_theme.clone()
        };
        self.wrapped = Wrapped::default();
        if let Some(q) = self.quiz.as_mut() {
            q.set_present(on);
        }
    }

    pub fn new(session: Session<'c>, theme: Theme) -> Self {
        let menu_cursor = session.topic;
        Self {
            session,
            theme: theme.clone(),
            input: String::new(),
            scroll: 0,
            wrapped: Wrapped::default(),
            page: 1,
            menu_cursor,
            hit_cursor: 0,
            warning: None,
            quiz: None,
            clock: Utc::now,
            overlay: None,
            overlay_version: 0,
            overlay_links: Vec::new(),
            paused: None,
            saves: Vec::new(),
            quiz_results: QuizSummary::default(),
            standalone: false,
            prepare_pending_find: false,
            pending_edit: None,
            diagram_on_screen: false,
            present: false,
            show_hint: true,
            normal_theme: theme.clone(),
            present_theme: theme,
        }
    }

    /// Brings the wrapped lines and the scroll position up to date for a frame of `area`. Called before each draw,
    /// so drawing itself stays a pure function of the state.
    pub fn prepare(&mut self, area: Rect) {
        let areas = layout(area, self.present);
        let width = areas.text.width;
        let doc = if let Some(q) = &self.quiz {
            DocKey::Quiz(q.version, q.screen_key())
        } else if self.overlay.is_some() {
            DocKey::Overlay(self.overlay_version)
        } else {
            let (t, s, r) = self.session.doc_key();
            DocKey::Lesson(t, s, r)
        };
        let source = self
            .quiz
            .as_ref()
            .map_or(self.session.asl_source, |q| q.asl_source);
        let key = Some((doc, width, source));
        if self.wrapped.key != key {
            // A new screen starts at its top; the same screen changed (a pick revealed, a message, a re-rating)
            // keeps the learner where they were reading.
            if self.wrapped.key.map(|k| k.0.screen()) != Some(doc.screen()) {
                self.scroll = 0;
            }
            // The menu and the hit list are drawn as lists, not from the document: nothing to wrap for them.
            let listed = matches!(doc, DocKey::Lesson(_, Screen::Topics | Screen::Search, _));
            self.wrapped.lines = if listed {
                self.diagram_on_screen = false;
                Vec::new()
            } else {
                let markdown = match (&self.quiz, &self.overlay) {
                    (Some(q), _) => q.markdown().into(),
                    (None, Some((_, md))) => md.as_str().into(),
                    (None, None) => self.session.document(),
                };
                self.diagram_on_screen = render::has_diagram(&markdown);
                render::render_with(
                    &markdown,
                    width,
                    &self.theme,
                    render::Options { asl_source: source },
                )
            };
            self.wrapped.key = key;
        }
        self.page = usize::from(areas.text.height).max(1);
        if std::mem::take(&mut self.prepare_pending_find)
            && let Some(i) = self.matching_lines().first()
        {
            self.scroll = i.saturating_sub(2);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn max_scroll(&self) -> usize {
        self.wrapped.lines.len().saturating_sub(self.page)
    }

    /// The header's facts: the lesson's, or the quiz's title and place while a quiz runs.
    pub fn header(&self) -> Header {
        let mut h = self.session.header();
        if let Some(q) = &self.quiz {
            h.title = q.title.clone();
            h.place = q.place((self.clock)());
        } else if let Some((title, _)) = &self.overlay {
            h.place = title.clone();
        }
        h
    }

    /// The status line's message, from the quiz or the lesson.
    pub fn message(&self) -> Option<&str> {
        match &self.quiz {
            Some(q) => q.message.as_deref(),
            None => self.session.message.as_deref(),
        }
    }

    pub fn start_quiz(&mut self, mut quiz: QuizFlow<'c>) {
        quiz.set_present(self.present);
        self.quiz = Some(quiz);
        self.overlay = None;
    }

    pub fn show_overlay(&mut self, title: &str, markdown: String) {
        self.overlay = Some((title.to_string(), markdown));
        self.overlay_version += 1;
        self.overlay_links.clear();
    }

    /// Opens step `step` of the topic with slug `topic` to re-read, setting a running quiz aside until the learner
    /// leaves the step.
    pub fn open_step(&mut self, topic: &str, step: usize) {
        let Some(t) = self
            .session
            .course
            .topics
            .iter()
            .position(|t| t.slug() == topic)
        else {
            return;
        };
        if let Some(q) = self.quiz.take() {
            self.paused = Some(q);
        }
        self.overlay = None;
        self.session.look(t, step);
    }

    /// The exam clock: submits a mock exam whose time is up (the loop calls it once a second during an exam).
    pub fn tick(&mut self) {
        if let Some(q) = self.quiz.as_mut() {
            let effects = q.tick((self.clock)());
            self.apply_effects(effects);
        }
    }

    /// Runs a quiz command and carries out what it asks of the loop.
    pub fn quiz_command(&mut self, cmd: QuizCommand) -> Option<Outcome> {
        let now = (self.clock)();
        let effects = self.quiz.as_mut().map(|q| q.apply(cmd, now))?;
        self.apply_effects(effects)
    }

    fn apply_effects(&mut self, effects: Vec<Effect>) -> Option<Outcome> {
        let mut outcome = None;
        for e in effects {
            match e {
                Effect::Save(id, state) => self.saves.push((id, state)),
                Effect::Leave(summary) => {
                    let title = self.quiz.take().map(|q| q.title).unwrap_or_default();
                    // Back in the lesson, the score stays in view.
                    self.session.message = Some(summary.score_line(&title));
                    self.quiz_results.absorb(summary);
                    if self.standalone {
                        outcome = Some(Outcome::Quit);
                    }
                }
                Effect::OpenStep { topic, step } => self.open_step(&topic, step),
                // The loop owns the terminal: it hands it to the editor, then runs what comes back.
                Effect::Edit(text) => self.pending_edit = Some(text),
            }
        }
        outcome
    }

    /// Applies a command to the session; a new document starts at its top.
    pub fn run(&mut self, cmd: Command) -> Option<Outcome> {
        let before = self.session.doc_key();
        self.warning = None;
        if cmd == Command::Present {
            let on = !self.present;
            self.set_present(on, None);
            return None;
        }
        let search = matches!(cmd, Command::Search(_));
        let outcome = self.session.apply(cmd);
        // Every search starts at its first hit.
        if search {
            self.hit_cursor = 0;
        }
        // Leaving a re-read step brings back the quiz it was opened from, where it was.
        if !matches!(self.session.screen, Screen::Look(..))
            && let Some(q) = self.paused.take()
        {
            self.quiz = Some(q);
        }
        if self.session.doc_key().1 != before.1 || self.session.doc_key().0 != before.0 {
            self.scroll = 0;
        }
        if self.session.screen == Screen::Topics {
            self.menu_cursor = self.session.topic;
        }
        // An opened hit shows its first match.
        if matches!(self.session.screen, Screen::Preview(_)) && self.session.doc_key() != before {
            self.prepare_pending_find = true;
        }
        (outcome != Outcome::Redraw).then_some(outcome)
    }
}

/// The text of a wrapped line, for matching.
pub fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

mod input;

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
