//! The TUI's state: the study session plus what only a screen needs (the command line, scroll, the wrapped lines
//! of the current document, the menu cursor). Key handling turns keys into session commands; drawing lives in
//! `view` and reads this state only.

use ratatui::{
    crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind},
    layout::Rect,
    text::Line,
};

use super::{
    quiz::{Effect, QuizState},
    view::layout,
};
use crate::{
    command::{self, Command},
    quiz::{ItemState, QuizSummary},
    render,
    session::{Header, Outcome, Screen, Session},
    theme::Theme,
};

/// Which document the pane shows; it changes exactly when the document does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocKey {
    Lesson(usize, Screen),
    Quiz(u64),
    Overlay(u64),
}

/// Lines of the current document, wrapped for one width. Re-made only when the document or the width changes.
#[derive(Debug, Default)]
pub struct Wrapped {
    key: Option<(DocKey, u16)>,
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
    /// The last single key that acted on an empty command line, with the state before it: if the next letter shows
    /// the learner was typing a word ("c" then "o" for "continue"), the action is undone and both letters typed.
    pending: Option<Pending<'c>>,
    /// A quiz running over the lesson; `Esc` in it comes back here.
    pub quiz: Option<QuizState<'c>>,
    /// A read-only screen over the lesson (stats), closed by Esc, Enter or `b`.
    pub overlay: Option<(String, String)>,
    overlay_version: u64,
    /// Answers to write to the progress file, drained by the loop after each event.
    pub saves: Vec<(String, ItemState)>,
    /// What the quizzes of this run added up to, for the phase summary.
    pub quiz_results: QuizSummary,
    /// `dea-tutor quiz` / `revise`: leaving the quiz or the sheet ends the program.
    pub standalone: bool,
    /// Scroll to the first match once the opened hit is wrapped.
    prepare_pending_find: bool,
    /// The projector layout: high contrast, wide margins, a big step counter, the hint hidden until `?`.
    pub present: bool,
    pub show_hint: bool,
    /// The theme to go back to when the projector layout is turned off.
    normal_theme: Theme,
    present_theme: Theme,
}

/// Two keys closer than this are typing, not two single-key commands.
const TYPING_GAP: std::time::Duration = std::time::Duration::from_millis(700);

struct Pending<'c> {
    key: char,
    at: std::time::Instant,
    before: Session<'c>,
    scroll: usize,
    /// `d` and `q` only ask; a second `d`/`q` or Enter confirms.
    confirm: Option<Command>,
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
            pending: None,
            quiz: None,
            overlay: None,
            overlay_version: 0,
            saves: Vec::new(),
            quiz_results: QuizSummary::default(),
            standalone: false,
            prepare_pending_find: false,
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
            DocKey::Quiz(q.version)
        } else if self.overlay.is_some() {
            DocKey::Overlay(self.overlay_version)
        } else {
            let (t, s) = self.session.doc_key();
            DocKey::Lesson(t, s)
        };
        let key = Some((doc, width));
        if self.wrapped.key != key {
            if self.wrapped.key.map(|k| k.0) != Some(doc) {
                self.scroll = 0;
            }
            // The menu and the hit list are drawn as lists, not from the document: nothing to wrap for them.
            let listed = matches!(doc, DocKey::Lesson(_, Screen::Topics | Screen::Search));
            self.wrapped.lines = if listed {
                Vec::new()
            } else {
                let markdown = match (&self.quiz, &self.overlay) {
                    (Some(q), _) => q.markdown().into(),
                    (None, Some((_, md))) => md.as_str().into(),
                    (None, None) => self.session.document(),
                };
                render::render(&markdown, width, &self.theme)
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
            h.place = q.place();
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

    pub fn start_quiz(&mut self, mut quiz: QuizState<'c>) {
        quiz.set_present(self.present);
        self.quiz = Some(quiz);
        self.overlay = None;
    }

    pub fn show_overlay(&mut self, title: &str, markdown: String) {
        self.overlay = Some((title.to_string(), markdown));
        self.overlay_version += 1;
    }

    /// The exam clock; returns true when something on screen changed.
    pub fn tick(&mut self) -> bool {
        match self.quiz.as_mut() {
            Some(q) if q.is_timed() => {
                let effects = q.tick();
                self.apply_effects(effects);
                true
            }
            _ => false,
        }
    }

    fn apply_effects(&mut self, effects: Vec<Effect>) -> Option<Outcome> {
        let mut outcome = None;
        for e in effects {
            match e {
                Effect::Save(id, state) => self.saves.push((id, state)),
                Effect::Leave(summary) => {
                    self.quiz = None;
                    merge(&mut self.quiz_results, summary);
                    if self.standalone {
                        outcome = Some(Outcome::Quit);
                    }
                }
            }
        }
        outcome
    }

    /// Handles one terminal event; returns what the loop must do beyond redrawing.
    pub fn on_event(&mut self, event: &Event) -> Option<Outcome> {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press && self.quiz.is_some() => {
                if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
                    return Some(Outcome::Quit);
                }
                let effects = self
                    .quiz
                    .as_mut()
                    .map(|q| q.on_key(*key))
                    .unwrap_or_default();
                self.apply_effects(effects)
            }
            Event::Key(key) if key.kind == KeyEventKind::Press && self.overlay.is_some() => {
                match key.code {
                    KeyCode::Esc | KeyCode::Enter | KeyCode::Char('b' | 'q') => {
                        self.overlay = None;
                        if self.standalone {
                            return Some(Outcome::Quit);
                        }
                    }
                    KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        return Some(Outcome::Quit);
                    }
                    KeyCode::Up | KeyCode::Char('k') => self.scroll_by(-1),
                    KeyCode::Down | KeyCode::Char('j') => self.scroll_by(1),
                    KeyCode::PageUp => self.scroll_by(-(self.page as isize)),
                    KeyCode::PageDown | KeyCode::Char(' ') => self.scroll_by(self.page as isize),
                    _ => {}
                }
                None
            }
            Event::Key(key) if key.kind == KeyEventKind::Press => self.on_key(*key),
            Event::Mouse(m) => {
                match m.kind {
                    MouseEventKind::ScrollDown => self.scroll_by(3),
                    MouseEventKind::ScrollUp => self.scroll_by(-3),
                    _ => {}
                }
                None
            }
            Event::Paste(text) => {
                self.input
                    .extend(text.chars().filter(|c| !c.is_control()).take(200));
                None
            }
            _ => None,
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Option<Outcome> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if let Some(p) = self.pending.take() {
            match key.code {
                KeyCode::Char(ch) if !ctrl && ch == p.key && p.confirm.is_some() => {
                    return self.run(p.confirm.unwrap_or(Command::Empty));
                }
                KeyCode::Enter if p.confirm.is_some() => {
                    return self.run(p.confirm.unwrap_or(Command::Empty));
                }
                // A letter right after (typing speed), or one that continues a command word: the learner was
                // typing a word, so the single-key action is undone and both letters go to the command line.
                // (The same key again is that command again: c c c skips ahead.)
                KeyCode::Char(ch)
                    if !ctrl
                        && ch.is_alphanumeric()
                        && ch != p.key
                        && (p.at.elapsed() < TYPING_GAP
                            || command::is_word_prefix(&format!("{}{ch}", p.key))) =>
                {
                    self.session = p.before;
                    self.scroll = p.scroll;
                    self.input = format!("{}{ch}", p.key);
                    return None;
                }
                _ if p.confirm.is_some() => self.session.message = None,
                _ => {}
            }
        }
        match key.code {
            KeyCode::Char('c') if ctrl => return Some(Outcome::Quit),
            KeyCode::Char('d') if ctrl => return self.run(Command::Done),
            KeyCode::Up => self.up(),
            KeyCode::Down => self.down(),
            KeyCode::PageUp => self.scroll_by(-(self.page.saturating_sub(1).max(1) as isize)),
            KeyCode::PageDown => self.scroll_by(self.page.saturating_sub(1).max(1) as isize),
            KeyCode::Home if self.input.is_empty() => self.scroll = 0,
            KeyCode::End if self.input.is_empty() => self.scroll = self.max_scroll(),
            KeyCode::Esc if self.input.is_empty() && self.session.find.is_some() => {
                self.session.find = None;
            }
            KeyCode::Esc => self.input.clear(),
            KeyCode::Backspace => {
                self.input.pop();
            }
            KeyCode::Enter => {
                if self.input.trim().is_empty() && self.session.screen == Screen::Topics {
                    return self.run(Command::Goto(self.menu_number()));
                }
                if self.input.trim().is_empty() && self.session.screen == Screen::Search {
                    return self.run(Command::Goto((self.hit_cursor + 1).to_string()));
                }
                let line = std::mem::take(&mut self.input);
                return self.run(command::parse(&line));
            }
            KeyCode::Char(ch @ ('n' | 'N')) if !ctrl && self.input.is_empty() && self.finding() => {
                self.find_next(ch == 'n');
            }
            KeyCode::Char(ch) if !ctrl && self.input.is_empty() => {
                if ch == '?' && self.present {
                    self.show_hint = !self.show_hint;
                    return None;
                }
                if let Some(cmd) = single_key(ch) {
                    return self.single(ch, cmd);
                }
                match ch {
                    'j' => self.down(),
                    'k' => self.up(),
                    ' ' => self.scroll_by(self.page.saturating_sub(1).max(1) as isize),
                    _ => self.input.push(ch),
                }
            }
            KeyCode::Char(ch) if !ctrl && self.input.chars().count() < 200 => {
                self.input.push(ch);
            }
            _ => {}
        }
        None
    }

    /// A single key's command, remembered so that typing a word starting with that letter still works.
    fn single(&mut self, key: char, cmd: Command) -> Option<Outcome> {
        let before = self.session.clone();
        let scroll = self.scroll;
        let confirm = matches!(cmd, Command::Done | Command::Quit).then_some(cmd.clone());
        let outcome = match &confirm {
            Some(c) => {
                let what = if *c == Command::Done {
                    "finish the phase with a summary"
                } else {
                    "save and leave"
                };
                self.session.message = Some(format!(
                    "Press {key} again or Enter to {what}; any other key keeps you here."
                ));
                None
            }
            None => self.run(cmd),
        };
        self.pending = Some(Pending {
            key,
            at: std::time::Instant::now(),
            before,
            scroll,
            confirm,
        });
        outcome
    }

    /// A search query is highlighted in a lesson document (not on the hit list).
    pub fn finding(&self) -> bool {
        self.session.find.is_some()
            && self.session.screen != Screen::Search
            && self.quiz.is_none()
            && self.overlay.is_none()
    }

    /// Scrolls to the next (or previous) line holding the search query, wrapping around.
    fn find_next(&mut self, forward: bool) {
        let matching = self.matching_lines();
        // The match shown is the one two lines below the top of the pane.
        let here = self.scroll + 2;
        let next = if forward {
            matching.iter().find(|&&i| i > here).or(matching.first())
        } else {
            matching
                .iter()
                .rev()
                .find(|&&i| i < here)
                .or(matching.last())
        };
        match next {
            Some(&i) => self.scroll = i.saturating_sub(2).min(self.max_scroll()),
            None => {
                self.session.message = Some(
                    "No match on this screen: n/N find it in the text; Esc clears the search."
                        .into(),
                )
            }
        }
    }

    /// Indices of the wrapped lines holding the search query.
    fn matching_lines(&self) -> Vec<usize> {
        let Some(q) = self.session.find.as_deref().map(str::to_lowercase) else {
            return Vec::new();
        };
        (self.wrapped.lines.iter().enumerate())
            .filter(|(_, l)| line_text(l).to_lowercase().contains(&q))
            .map(|(i, _)| i)
            .collect()
    }

    fn menu_number(&self) -> String {
        self.session.course.topics[self.menu_cursor]
            .number()
            .to_string()
    }

    fn up(&mut self) {
        if self.session.screen == Screen::Search {
            self.hit_cursor = self.hit_cursor.saturating_sub(1);
        } else if self.session.screen == Screen::Topics {
            self.menu_cursor = self.menu_cursor.saturating_sub(1);
        } else {
            self.scroll_by(-1);
        }
    }

    fn down(&mut self) {
        if self.session.screen == Screen::Search {
            self.hit_cursor = (self.hit_cursor + 1).min(self.session.hits.len().saturating_sub(1));
        } else if self.session.screen == Screen::Topics {
            self.menu_cursor = (self.menu_cursor + 1).min(self.session.course.topics.len() - 1);
        } else {
            self.scroll_by(1);
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
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
        let outcome = self.session.apply(cmd);
        if self.session.doc_key() != before {
            self.scroll = 0;
        }
        if self.session.screen == Screen::Topics {
            self.menu_cursor = self.session.topic;
        }
        if self.session.screen == Screen::Search && self.session.doc_key() != before {
            self.hit_cursor = 0;
        }
        // An opened hit shows its first match.
        if before.1 == Screen::Search && self.session.screen != Screen::Search && self.finding() {
            self.prepare_pending_find = true;
        }
        (outcome != Outcome::Redraw).then_some(outcome)
    }
}

/// The text of a wrapped line, for matching.
pub fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Adds one quiz session's results to the run's total.
fn merge(total: &mut QuizSummary, s: QuizSummary) {
    total.right += s.right;
    total.answered += s.answered;
    total.skipped += s.skipped;
    for (topic, right, n) in s.per_topic {
        match total.per_topic.iter_mut().find(|(t, _, _)| *t == topic) {
            Some(entry) => {
                entry.1 += right;
                entry.2 += n;
            }
            None => total.per_topic.push((topic, right, n)),
        }
    }
    if s.exam.is_some() {
        total.exam = s.exam;
    }
}

/// Keys that act on their own when the command line is empty.
fn single_key(ch: char) -> Option<Command> {
    Some(match ch {
        'c' | 'n' => Command::Continue,
        'r' => Command::Repeat,
        'e' => Command::Example,
        'd' => Command::Done,
        'b' => Command::Back,
        't' | 'm' => Command::Topics,
        '?' | 'h' => Command::Help,
        'q' => Command::Quit,
        _ => return None,
    })
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
