//! Keys, mouse and paste → commands. Terminal keys become the table's abstract keys (`command::table`); letters
//! always go to the command line, and Enter hands the line to the lesson's or the quiz's parser — the same parsers
//! plain mode uses. What a key does depends only on the screen and on whether the line is empty, never on timing.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

use super::{App, line_text};
use crate::{
    command::{
        self, Command,
        table::{Key, KeyAct, Scope, key_act},
    },
    quiz::flow::QuizCommand,
    session::{Outcome, Screen},
};

/// The command line holds this many characters; more is refused with a message.
pub const MAX_INPUT: usize = 200;

/// A terminal key as the table names it; `None` for keys the tutor does not use.
pub fn table_key(key: &KeyEvent) -> Option<Key> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Key::CtrlC,
        KeyCode::Char('d') if ctrl => Key::CtrlD,
        KeyCode::Char('t') if ctrl => Key::CtrlT,
        _ if ctrl => return None,
        KeyCode::Char('1'..='9') => Key::Digit,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::F(n) => Key::Function(n),
        _ => return None,
    })
}

impl App<'_> {
    /// Handles one terminal event; returns what the loop must do beyond redrawing.
    pub fn on_event(&mut self, event: &Event) -> Option<Outcome> {
        match event {
            Event::Key(k) if k.kind == KeyEventKind::Press => {
                let ch = match k.code {
                    KeyCode::Char(c) => Some(c),
                    _ => None,
                };
                self.on_key(table_key(k)?, ch)
            }
            Event::Mouse(m) => {
                match m.kind {
                    MouseEventKind::ScrollDown => self.scroll_by(3),
                    MouseEventKind::ScrollUp => self.scroll_by(-3),
                    _ => {}
                }
                None
            }
            Event::Paste(text) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    self.type_char(c);
                }
                None
            }
            _ => None,
        }
    }

    /// `ch`: the character of a printable key (a digit that opens nothing is typed).
    pub fn on_key(&mut self, key: Key, ch: Option<char>) -> Option<Outcome> {
        // While a typed answer is awaited, j, k and space are letters of the answer.
        let typing_answer = self.quiz.as_ref().is_some_and(|q| q.expect().typed);
        let empty =
            self.input.is_empty() && !(typing_answer && matches!(key, Key::Char(_) | Key::Digit));
        match key_act(key, empty) {
            Some(KeyAct::PickLink) => self.pick_link(ch),
            Some(act) => self.act(act),
            None => {
                match key {
                    Key::Char(c) => self.type_char(c),
                    Key::Digit => self.type_char(ch.unwrap_or('0')),
                    Key::Backspace => {
                        self.input.pop();
                    }
                    Key::Enter => return self.submit_line(),
                    _ => {}
                }
                None
            }
        }
    }

    fn type_char(&mut self, c: char) {
        if self.input.chars().count() >= MAX_INPUT {
            // A warning shows over a quiz's messages too.
            self.warning = Some(format!(
                "The command line holds {MAX_INPUT} characters; Esc clears it."
            ));
            return;
        }
        self.input.push(c);
    }

    /// Enter on a line with text: the quiz's parser in a quiz, the lesson's otherwise.
    fn submit_line(&mut self) -> Option<Outcome> {
        let line = std::mem::take(&mut self.input);
        self.warning = None;
        if let Some(q) = &self.quiz {
            let cmd = q.parse(&line);
            return self.quiz_command(cmd);
        }
        let cmd = command::parse(&line);
        if self.overlay.is_some() {
            self.overlay = None;
            if self.standalone {
                return Some(Outcome::Quit);
            }
            if cmd == Command::Back {
                return None;
            }
        }
        self.run(cmd)
    }

    fn act(&mut self, act: KeyAct) -> Option<Outcome> {
        match act {
            KeyAct::Quit => return Some(Outcome::Quit),
            KeyAct::Done if self.quiz.is_some() => return self.quiz_command(QuizCommand::Leave),
            KeyAct::Done => return self.run(Command::Done),
            KeyAct::ScrollUp => self.up(),
            KeyAct::ScrollDown => self.down(),
            KeyAct::PageUp => self.scroll_by(-(self.page.saturating_sub(1).max(1) as isize)),
            KeyAct::PageDown => self.scroll_by(self.page.saturating_sub(1).max(1) as isize),
            KeyAct::Top => self.scroll = 0,
            KeyAct::Bottom => self.scroll = self.max_scroll(),
            KeyAct::Complete if !self.input.is_empty() => self.complete(),
            // In a quiz, after an answer: the step that teaches it.
            KeyAct::Complete if self.quiz.is_some() => {
                return self.quiz_command(QuizCommand::ReadStep);
            }
            KeyAct::Complete if self.finding() => self.find_next(true),
            KeyAct::PrevMatch if self.finding() => self.find_next(false),
            KeyAct::Complete | KeyAct::PrevMatch => {}
            KeyAct::Escape if !self.input.is_empty() => {
                self.input.clear();
                self.warning = None;
            }
            KeyAct::Escape => return self.escape(),
            KeyAct::Help if self.quiz.is_some() => return self.quiz_command(QuizCommand::Help),
            // On a projector the hint line stays hidden until asked for (`help` still opens the help screen).
            KeyAct::Help if self.present => self.show_hint = !self.show_hint,
            KeyAct::Help => return self.run(Command::Help),
            KeyAct::PrevQuestion => return self.quiz_command(QuizCommand::Prev),
            KeyAct::NextQuestion => return self.quiz_command(QuizCommand::Next),
            // Backspace on an empty line means something only to a projector's class vote.
            KeyAct::ClearVotes if self.present => {
                return self.quiz_command(QuizCommand::ClearVotes);
            }
            KeyAct::ClearVotes => {}
            KeyAct::Primary => return self.primary(),
            // Digits reach `pick_link` from `on_key`, with their character.
            KeyAct::PickLink => {}
            KeyAct::Source if self.quiz.is_some() => return self.quiz_command(QuizCommand::Source),
            KeyAct::Source => return self.run(Command::Source),
            // The plan opens over the lesson, not over a quiz in progress.
            KeyAct::Plan if self.quiz.is_none() => {
                self.input.clear();
                self.overlay = None;
                return self.run(Command::Plan);
            }
            KeyAct::Plan => {}
        }
        None
    }

    /// A digit on an empty line: where a numbered list of steps to re-read is shown, opens that step at once;
    /// anywhere else it is typed like any other character.
    fn pick_link(&mut self, ch: Option<char>) -> Option<Outcome> {
        let n = ch.and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
        if let Some(q) = &self.quiz {
            if (1..=q.links().len()).contains(&n) {
                return self.quiz_command(QuizCommand::OpenLink(n - 1));
            }
        } else if self.overlay.is_some() && (1..=self.overlay_links.len()).contains(&n) {
            let r = self.overlay_links[n - 1].clone();
            self.open_step(&r.topic, r.step);
            return None;
        }
        if let Some(c) = ch {
            self.type_char(c);
        }
        None
    }

    /// Enter on an empty line: the screen's default move.
    fn primary(&mut self) -> Option<Outcome> {
        if self.quiz.is_some() {
            return self.quiz_command(QuizCommand::Primary);
        }
        if self.overlay.take().is_some() {
            return self.standalone.then_some(Outcome::Quit);
        }
        match self.session.screen {
            Screen::Topics => self.run(Command::Goto(self.menu_number())),
            Screen::Search if !self.session.hits.is_empty() => {
                self.run(Command::Goto((self.hit_cursor + 1).to_string()))
            }
            _ if self.session.hidden_pick() => self.run(Command::Reveal),
            _ => self.run(Command::Continue),
        }
    }

    /// Esc on an empty line: leave what is on top (a quiz, a sheet, help, a menu, a search, an aside).
    fn escape(&mut self) -> Option<Outcome> {
        if self.quiz.is_some() {
            return self.quiz_command(QuizCommand::Leave);
        }
        if self.overlay.take().is_some() {
            return self.standalone.then_some(Outcome::Quit);
        }
        self.run(Command::Back)
    }

    /// Tab: completes a partly typed command word when only one fits.
    fn complete(&mut self) {
        let scope = if self.quiz.is_some() {
            Scope::Quiz
        } else {
            Scope::Lesson
        };
        if let Some(word) = command::complete(&self.input, scope) {
            self.input = word.to_string();
        }
    }

    /// A search's matches are marked in the previewed hit.
    pub fn finding(&self) -> bool {
        self.session.find.is_some()
            && matches!(self.session.screen, Screen::Preview(_))
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
            (matching.iter().rev())
                .find(|&&i| i < here)
                .or(matching.last())
        };
        match next {
            Some(&i) => self.scroll = i.saturating_sub(2).min(self.max_scroll()),
            None => {
                self.session.message =
                    Some("No match in this text; Esc goes back to the hits.".into())
            }
        }
    }

    /// Indices of the wrapped lines holding the search query.
    pub(super) fn matching_lines(&self) -> Vec<usize> {
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

    fn on_list(&self) -> bool {
        self.quiz.is_none()
            && self.overlay.is_none()
            && matches!(self.session.screen, Screen::Search | Screen::Topics)
    }

    fn up(&mut self) {
        if !self.on_list() {
            self.scroll_by(-1);
        } else if self.session.screen == Screen::Search {
            self.hit_cursor = self.hit_cursor.saturating_sub(1);
        } else {
            self.menu_cursor = self.menu_cursor.saturating_sub(1);
        }
    }

    fn down(&mut self) {
        if !self.on_list() {
            self.scroll_by(1);
        } else if self.session.screen == Screen::Search {
            self.hit_cursor = (self.hit_cursor + 1).min(self.session.hits.len().saturating_sub(1));
        } else {
            self.menu_cursor = (self.menu_cursor + 1).min(self.session.course.topics.len() - 1);
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }
}
