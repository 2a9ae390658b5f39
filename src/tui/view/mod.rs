//! Drawing: a pure function of `App`. One file per part of the screen; `layout` is shared with `App::prepare` so
//! the wrap width and the drawn width can never disagree.

mod big;
mod footer;
mod header;
mod pane;
mod search;
mod topics;

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Layout, Rect},
    text::Line,
    widgets::{Paragraph, Widget},
};

use super::app::App;
use crate::session::Screen;

/// Below this the screen shows a "too small" notice instead of the lesson.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// The widest reading column: long lines are hard to follow (and to read off a projector from the back row).
pub const MAX_READING: u16 = 90;
pub const MAX_READING_PRESENT: u16 = 100;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// Where the document's lines go (inside the margins, left of the scrollbar).
    pub text: Rect,
    pub scrollbar: Rect,
    pub message: Rect,
    pub input: Rect,
    pub hint: Rect,
    pub too_small: bool,
}

/// The screen's parts. The projector layout (`present`) has a tall header for the big step counter, wide margins,
/// and keeps the hint line only when asked for.
pub fn layout(area: Rect, present: bool) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    // The big counter needs 5 rows and a border; only where the screen can spare them.
    let tall = present && area.height >= 20;
    let [header, body, message, input, hint] = Layout::vertical([
        Constraint::Length(if tall { 7 } else { 3 }),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // A margin each side (generous on a projector), and the scrollbar in the right margin.
    let margin = if present {
        (area.width / 10).clamp(2, 12)
    } else {
        2
    };
    let [_, text, scrollbar] = Layout::horizontal([
        Constraint::Length(margin),
        Constraint::Min(1),
        Constraint::Length(margin),
    ])
    .areas(body);
    // A reading column near 90 characters on wide terminals, centred; the scrollbar follows its right edge.
    let cap = if present {
        MAX_READING_PRESENT
    } else {
        MAX_READING
    };
    let text = if text.width > cap {
        Rect {
            x: text.x + (text.width - cap) / 2,
            width: cap,
            ..text
        }
    } else {
        text
    };
    let scrollbar = Rect {
        x: (text.x + text.width + 1).min(scrollbar.x + scrollbar.width.saturating_sub(1)),
        width: 1,
        ..scrollbar
    };
    Areas {
        header,
        text,
        scrollbar,
        message,
        input,
        hint,
        too_small: false,
    }
}

impl Widget for &App<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout(area, self.present);
        // Themes with a background (high contrast) paint the whole screen first.
        buf.set_style(area, self.theme.text);
        if areas.too_small {
            too_small(area, buf, self);
            return;
        }
        header::render(self, areas.header, buf);
        let lesson_screen = self.quiz.is_none() && self.overlay.is_none();
        if self.session.screen == Screen::Topics && lesson_screen {
            topics::render(self, areas.text, buf);
        } else if self.session.screen == Screen::Search && lesson_screen {
            search::render(self, areas.text, buf);
        } else {
            pane::render(self, areas.text, areas.scrollbar, buf);
        }
        footer::render(self, &areas, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer, app: &App) {
    let lines = vec![
        Line::styled("Terminal too small", app.theme.warn),
        Line::from(format!(
            "{}×{} — need {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
    ];
    Paragraph::new(lines).render(area, buf);
}

#[cfg(test)]
#[path = "snapshot_tests.rs"]
mod snapshot_tests;
