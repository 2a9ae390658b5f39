//! The lesson pane: the visible slice of the wrapped lines, and a scrollbar when they do not fit.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::Line,
    widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget},
};

use crate::{
    render::display_width,
    tui::app::{App, line_text},
};

pub fn render(app: &App, text: Rect, scrollbar: Rect, buf: &mut Buffer) {
    let lines = &app.wrapped.lines;
    let height = usize::from(text.height);
    let start = app.scroll.min(lines.len());
    let end = (start + height).min(lines.len());
    // Lines are already wrapped to this width, so no widget wrapping and no u16 scroll offset are involved.
    Paragraph::new(lines[start..end].to_vec()).render(text, buf);
    if app.finding() {
        highlight(app, &lines[start..end], text, buf);
    }
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

/// Marks every occurrence of the search query on screen: a bar in the margin and the words themselves reversed.
fn highlight(app: &App, lines: &[Line<'_>], text: Rect, buf: &mut Buffer) {
    let Some(q) = app.session.find.as_deref().map(str::to_lowercase) else {
        return;
    };
    for (row, line) in lines.iter().enumerate() {
        let plain = line_text(line);
        let lower = plain.to_lowercase();
        // Lower-casing can change byte lengths (rare outside ASCII); only mark when it did not.
        if lower.len() != plain.len() || !lower.contains(&q) {
            continue;
        }
        let y = text.y + row as u16;
        if text.x >= 2 {
            buf.set_string(text.x - 2, y, "▌", app.theme.accent);
        }
        for (at, _) in lower.match_indices(&q) {
            let x = display_width(&plain[..at]);
            let w = display_width(&plain[at..at + q.len()]);
            let area = Rect::new(text.x + x as u16, y, w as u16, 1).intersection(text);
            buf.set_style(area, app.theme.selected);
        }
    }
}
