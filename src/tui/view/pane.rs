//! The lesson pane: the visible slice of the wrapped lines, and a scrollbar when they do not fit.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget},
};

use crate::tui::app::App;

pub fn render(app: &App, text: Rect, scrollbar: Rect, buf: &mut Buffer) {
    let lines = &app.wrapped.lines;
    let height = usize::from(text.height);
    let start = app.scroll.min(lines.len());
    let end = (start + height).min(lines.len());
    // Lines are already wrapped to this width, so no widget wrapping and no u16 scroll offset are involved.
    Paragraph::new(lines[start..end].to_vec()).render(text, buf);
    if lines.len() > height {
        let mut state = ScrollbarState::new(lines.len().saturating_sub(height)).position(start);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(app.theme.accent)
            .track_style(app.theme.border)
            .render(scrollbar, buf, &mut state);
    }
}
