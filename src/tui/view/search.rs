//! The search results: each hit's topic and place, the line it was found on, a cursor moved with the arrows.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::{Paragraph, Widget},
};

use crate::{
    command::hints::fit,
    tui::app::App,
    util::text::plural,
    util::text::{truncate, width},
};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let s = &app.session;
    let query = s.find.as_deref().unwrap_or_default();
    let w = usize::from(area.width);
    let title = format!(
        "Search “{}” · {}",
        truncate(query, 30),
        plural(s.hits.len(), "hit")
    );
    let how = [
        "↑/↓ choose".to_string(),
        "Enter opens".into(),
        "Esc back".into(),
        "or type its number".into(),
    ];
    let mut lines = vec![
        Line::styled(truncate(&title, w), t.heading2),
        Line::styled(fit(&how, w), t.dim),
        Line::default(),
    ];
    if s.hits.is_empty() {
        lines.push(Line::styled("Nothing found. Try a shorter word.", t.text));
    }
    for (i, h) in s.hits.iter().enumerate() {
        let topic = &s.course.topics[h.topic];
        let place = h.place.label(topic.step_count() - 1);
        let style = if i == app.hit_cursor {
            t.selected
        } else {
            t.strong
        };
        let number = format!("{:>3}. {} ", i + 1, topic.number());
        let label = format!(" · {place}");
        let room = w.saturating_sub(width(&number) + width(&label));
        lines.push(Line::from(vec![
            Span::styled(format!("{number}{}", truncate(topic.title(), room)), style),
            Span::styled(label, t.dim),
        ]));
        lines.push(Line::styled(
            format!("     {}", truncate(&h.context, w.saturating_sub(5))),
            t.text,
        ));
    }
    // Keep the cursor's two lines on screen.
    let height = usize::from(area.height).max(1);
    let cursor_row = 3 + app.hit_cursor * 2 + 1;
    let skip = (cursor_row + 1).saturating_sub(height).min(lines.len());
    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).render(area, buf);
}
