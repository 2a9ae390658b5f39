//! The search results: each hit's topic and place, the line it was found on, a cursor moved with the arrows.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::{Paragraph, Widget},
};

use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let s = &app.session;
    let query = s.find.as_deref().unwrap_or_default();
    let mut lines = vec![
        Line::styled(
            format!("Search “{query}” · {} hits", s.hits.len()),
            t.heading2,
        ),
        Line::styled(
            "↑/↓ to choose, Enter to open (n/N then step through the matches) · b to go back",
            t.dim,
        ),
        Line::default(),
    ];
    if s.hits.is_empty() {
        lines.push(Line::styled("Nothing found. Try a shorter word.", t.text));
    }
    for (i, h) in s.hits.iter().enumerate() {
        let topic = &s.course.topics[h.topic];
        let place = h.place.label(topic.lesson.steps.len());
        let style = if i == app.hit_cursor {
            t.selected
        } else {
            t.strong
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:>3}. {} {}", i + 1, topic.number(), topic.title()),
                style,
            ),
            Span::styled(format!(" · {place}"), t.dim),
        ]));
        lines.push(Line::styled(format!("     {}", h.context), t.text));
    }
    // Keep the cursor's two lines on screen.
    let height = usize::from(area.height).max(1);
    let cursor_row = 3 + app.hit_cursor * 2 + 1;
    let skip = (cursor_row + 1).saturating_sub(height).min(lines.len());
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(area, buf);
}
