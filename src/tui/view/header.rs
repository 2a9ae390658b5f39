//! The header: phase · topic N of M on the first line, the topic's title and the place in it on the second.

use ratatui::{
    buffer::Buffer,
    layout::{Alignment, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph, Widget},
};

use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let h = app.header();
    let t = &app.theme;
    let block = Block::new().borders(Borders::BOTTOM).border_style(t.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let top = Line::from(vec![
        Span::styled(format!(" {}", h.phase), t.dim),
        Span::styled(
            format!(" · Topic {} of {}", h.topic_index + 1, h.topic_count),
            t.dim,
        ),
    ]);
    // A quiz's title names its own scope; the lesson's topic number would only confuse it.
    let number = if app.quiz.is_some() {
        " ".to_string()
    } else {
        format!(" {} ", h.topic_number)
    };
    let title = Line::from(vec![
        Span::styled(number, t.accent),
        Span::styled(h.title.clone(), t.heading1),
    ]);
    if app.present && inner.height >= 5 {
        return present(app, &h, inner, buf);
    }
    let rows = ratatui::layout::Layout::vertical([1, 1]).split(inner);
    Paragraph::new(top).render(rows[0], buf);
    Paragraph::new(title).render(rows[1], buf);
    // The place goes on the right of the title line; drawn last so a narrow screen keeps it visible.
    let place = Line::styled(format!("{} ", h.place), t.accent);
    Paragraph::new(place)
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
    let big_w = counter.as_deref().map_or(0, super::big::width);
    let left = Rect {
        width: inner.width.saturating_sub(big_w + 2),
        ..inner
    };
    let lines = vec![
        Line::styled(format!(" {}", h.phase), t.dim),
        Line::default(),
        Line::from(vec![
            Span::styled(format!(" Topic {} ", h.topic_number), t.accent),
            Span::styled(h.title.clone(), t.heading1),
        ]),
        Line::default(),
        Line::styled(format!(" {}", h.place), t.accent),
    ];
    Paragraph::new(lines).render(left, buf);
    if let Some(c) = counter {
        super::big::render(&c, inner, t.accent, buf);
    }
}
