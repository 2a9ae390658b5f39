//! Markdown → styled lines wrapped at a width. No terminal I/O: the output is plain data (ratatui `Line`s) that the
//! TUI draws and plain mode prints.
//!
//! Everything is wrapped here, never by ratatui, so the number of returned lines is exactly the scroll height, and
//! every width is measured the way ratatui's buffer measures it (see [`display_width`]).

mod asl;
mod code;
mod layout;
mod markdown;
mod table;
mod tree;
pub mod wrap;

use crate::util::sanitize;

#[cfg(test)]
mod tests;

use ratatui::text::Line;

use crate::theme::Theme;

pub use wrap::{display_width, wrap_spans};

/// Render markdown to lines no wider than `width` display columns (width 0 → treat as 1). The input is sanitised
/// first ([`sanitize::clean`]), so no returned line can carry an escape sequence.
pub fn render(markdown: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    render_with(markdown, width, theme, Options::default())
}

/// Choices a learner makes about how a document is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// Show `asl` blocks as their JSON source instead of a diagram.
    pub asl_source: bool,
}

/// [`render`] with the learner's choices.
pub fn render_with(
    markdown: &str,
    width: u16,
    theme: &Theme,
    options: Options,
) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let clean = sanitize::clean(markdown);
    let blocks = markdown::parse(&clean, theme);
    let mut out = Vec::new();
    let mut layout = layout::Layout::new(theme, width);
    layout.asl_source = options.asl_source;
    layout.blocks(&blocks, width, 0, false, &mut out);
    out
}

/// Whether a markdown document holds a state machine diagram (hints offer the source toggle only then).
pub fn has_diagram(markdown: &str) -> bool {
    markdown
        .lines()
        .any(|l| l.trim_start().strip_prefix("```").is_some_and(asl::is_asl))
}

/// The lines as plain text (symbols only, trailing spaces trimmed, `'\n'`-joined) — for plain mode and tests.
pub fn to_plain_text(lines: &[Line<'_>]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let start = out.len();
        for span in &line.spans {
            out.push_str(&span.content);
        }
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
    }
    out
}
