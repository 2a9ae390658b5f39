//! The topic menu: every topic with its state, a cursor moved with the arrows, Enter to open.

use ratatui::{
    buffer::Buffer,
    layout::Rect,
    text::{Line, Span},
    widgets::{Paragraph, Widget},
};

use crate::{
    command::hints::fit,
    tui::app::App,
    util::text::{truncate, width},
};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let s = &app.session;
    let mut lines = vec![
        Line::styled(s.course.phase.clone(), t.heading2),
        Line::styled(
            fit(
                &[
                    "↑/↓ choose".to_string(),
                    "Enter opens".into(),
                    "or type a number".into(),
                    "Esc back".into(),
                ],
                usize::from(area.width),
            ),
            t.dim,
        ),
        Line::default(),
    ];
    // Only the rows that fit are built, so a course of a thousand topics costs no more than ten.
    let height = usize::from(area.height).max(1);
    let room = height.saturating_sub(lines.len()).max(1);
    let first = (app.menu_cursor + 1).saturating_sub(room);
    for (i, topic) in s.course.topics.iter().enumerate().skip(first).take(room) {
        let state = if s.completed.contains(topic.slug()) {
            "✓ complete"
        } else if i == s.topic {
            "◂ current"
        } else if s.visited.contains(topic.slug()) {
            "started"
        } else {
            ""
        };
        let style = if i == app.menu_cursor {
            t.selected
        } else {
            t.text
        };
        // A long title is cut, never its state.
        let label = if state.is_empty() {
            format!(" {} steps", topic.step_count())
        } else {
            format!(" {} steps · {state}", topic.step_count())
        };
        let number = format!(" {:>3}  ", topic.number());
        let room = usize::from(area.width).saturating_sub(width(&number) + width(&label) + 1);
        lines.push(Line::from(vec![
            Span::styled(format!("{number}{} ", truncate(topic.title(), room)), style),
            Span::styled(label, t.dim),
        ]));
    }
    Paragraph::new(lines).render(area, buf);
}
