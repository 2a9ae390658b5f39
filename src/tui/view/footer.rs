//! The bottom three lines: the last command's feedback, the command line, and a one-line hint of the commands.

use ratatui::{
    buffer::Buffer,
    text::{Line, Span},
    widgets::{Paragraph, Widget},
};

use super::Areas;
use crate::tui::app::App;

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let t = &app.theme;
    let message = match (&app.warning, app.message()) {
        (Some(w), _) => Line::styled(format!(" ⚠ {w}"), t.warn),
        (None, Some(m)) => Line::styled(format!(" {m}"), t.accent),
        (None, None) if app.finding() => Line::styled(
            format!(
                " Matches of “{}” are marked: n next · N previous · Esc clears",
                app.session.find.as_deref().unwrap_or_default()
            ),
            t.dim,
        ),
        (None, None) if app.max_scroll() > 0 && app.scroll < app.max_scroll() => {
            Line::styled(" ↓ more below: j / ↓ / PgDn / mouse wheel", t.dim)
        }
        (None, None) => Line::default(),
    };
    Paragraph::new(message).render(areas.message, buf);

    // Show the end of a long input; the block cursor is drawn as a reversed space.
    let room = usize::from(areas.input.width).saturating_sub(4);
    let chars: Vec<char> = app.input.chars().collect();
    let shown: String = chars[chars.len().saturating_sub(room)..].iter().collect();
    let input = Line::from(vec![
        Span::styled(" › ", t.accent),
        Span::raw(shown),
        Span::styled(" ", t.selected),
    ]);
    Paragraph::new(input).render(areas.input, buf);

    if !app.show_hint {
        if app.present {
            Paragraph::new(Line::styled(" ? shows the commands", t.dim)).render(areas.hint, buf);
        }
        return;
    }
    if app.quiz.is_some() || app.overlay.is_some() {
        let hint = if let Some(q) = &app.quiz {
            q.hint()
        } else {
            " ↑/↓ scroll · Esc, Enter or b to go back"
        };
        Paragraph::new(Line::styled(hint, t.dim)).render(areas.hint, buf);
        return;
    }
    let hint = Line::from(vec![
        Span::styled(" continue", t.strong),
        Span::styled(" · ", t.dim),
        Span::styled("repeat", t.strong),
        Span::styled(" · ", t.dim),
        Span::styled("example", t.strong),
        Span::styled(" · ", t.dim),
        Span::styled("done", t.strong),
        Span::styled(
            "   topics · quiz · help   keys: c r e d ? · j/k scroll",
            t.dim,
        ),
    ]);
    Paragraph::new(hint).render(areas.hint, buf);
}
