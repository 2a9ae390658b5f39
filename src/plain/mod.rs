//! The same loops over stdin/stdout, without raw mode: for screen readers, odd terminals, scripts and tests.

pub mod ansi;
pub mod lesson;
pub mod quiz;

use crate::{render, theme::Theme};

/// How markdown becomes terminal text in plain output: one width, one theme, colour codes or none. Every plain
/// screen (lesson steps, stats, the revision sheet, the phase summary) goes through it.
#[derive(Debug, Clone)]
pub struct Printer {
    pub width: u16,
    /// Write SGR colour codes (only on a terminal without NO_COLOR).
    pub color: bool,
    pub theme: Theme,
}

impl Printer {
    /// Plain text without any escape code, for pipes and tests.
    pub fn mono(width: u16) -> Self {
        Self {
            width,
            color: false,
            theme: Theme::monochrome(),
        }
    }

    /// A line of plain text (not markdown), word-wrapped to the width without a trailing newline.
    pub fn wrap_plain(&self, text: &str) -> String {
        let spans = [ratatui::text::Span::raw(text)];
        let lines = render::wrap::wrap_spans(&spans, usize::from(self.width), &[], &[]);
        let mut s = ansi::write_lines(&lines, false);
        s.pop();
        s
    }

    pub fn text(&self, markdown: &str) -> String {
        self.text_with(markdown, render::Options::default())
    }

    /// [`Printer::text`] with the learner's choices (state machines as JSON source).
    pub fn text_with(&self, markdown: &str, options: render::Options) -> String {
        ansi::write_lines(
            &render::render_with(markdown, self.width, &self.theme, options),
            self.color,
        )
    }
}
