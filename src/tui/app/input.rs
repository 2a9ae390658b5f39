//! Keys, mouse and paste → state changes: the command line, single-key commands (and telling them from typed words),
//! scrolling, the menus and the search matches. Drawing never happens here.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

use super::{App, Pending, line_text};
use crate::{
    command::{self, Command},
    session::{Outcome, Screen},
};

/// Two keys closer than this are typing, not two single-key commands.
const TYPING_GAP: std::time::Duration = std::time::Duration::from_millis(700);

impl App<'_> {
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
