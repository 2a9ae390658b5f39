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

    pub fn text(&self, markdown: &str) -> String {
        ansi::write_lines(
            &render::render(markdown, self.width, &self.theme),
            self.color,
        )
    }
}
