//! The header: phase · topic N of M on the first line, the topic's title and the place in it on the second.

use ratatui::{
    buffer::Buffer,
    layout::{Alignment, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph, Widget},
};

use crate::{
    tui::app::App,
    util::text::{left_right, truncate},
};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let h = app.header();
    let t = &app.theme;
    let block = Block::new().borders(Borders::BOTTOM).border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    if app.present && inner.height >= 5 {
        return present(app, &h, inner, buf);
    }
    let width = usize::from(inner.width);
    let rows = ratatui::layout::Layout::vertical([1, 1]).split(inner);
    let phase = truncate(&format!(" {}", h.phase), width);
    Paragraph::new(Line::styled(phase, t.dim)).render(rows[0], buf);
    // A quiz's title names its own scope; a lesson's starts with the topic's number (the one numbering).
    let left = if app.quiz.is_some() {
        format!(" {}", h.title)
    } else {
        format!(" {} {}", h.topic_number, h.title)
    };
    let (left, place) = left_right(&left, &format!("{} ", h.place), width);
    let number_len = if app.quiz.is_some() {
        0
    } else {
        h.topic_number.to_string().len() + 1
    };
    let mut cut = number_len.min(left.len());
    while !left.is_char_boundary(cut) {
        cut -= 1;
    }
    let (number, title) = left.split_at(cut);
    let title_line = Line::from(vec![
        Span::styled(number.to_string(), t.accent),
        Span::styled(title.to_string(), t.heading1),
    ]);
    Paragraph::new(title_line).render(rows[1], buf);
    Paragraph::new(Line::styled(place, t.accent))
        .alignment(Alignment::Right)
        .render(rows[1], buf);
}

/// The projector header: phase, topic and place on the left, the step counter in big digits on the right.
fn present(app: &App, h: &crate::session::Header, inner: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let counter = match app.session.screen {
        crate::session::Screen::Step(i) if app.quiz.is_none() && app.overlay.is_none() => {
            Some(format!("{}/{}", i + 1, app.session.current().step_count()))
        }
        _ => None,
    };
    // The big counter gives way when it would leave the title too little room.
    let counter = counter.filter(|c| inner.width >= super::big::width(c) + 30);
    let big_w = counter.as_deref().map_or(0, super::big::width);
    let left = Rect {
        width: inner.width.saturating_sub(big_w + 2),
        ..inner
    };
    let lines = vec![
        Line::styled(format!(" {}", h.phase), t.dim),
        Line::default(),
        Line::from(vec![
            // A quiz's title names its own scope; the lesson's topic number would only confuse it.
            Span::styled(
                if app.quiz.is_some() {
                    " ".to_string()
                } else {
                    format!(" Topic {} ", h.topic_number)
                },
                t.accent,
            ),
            Span::styled(
                truncate(&h.title, usize::from(left.width).saturating_sub(10)),
                t.heading1,
            ),
        ]),
        Line::default(),
        Line::styled(format!(" {}", h.place), t.accent),
    ];
    Paragraph::new(lines).render(left, buf);
    if let Some(c) = counter {
        super::big::render(&c, inner, t.accent, buf);
    }
}
