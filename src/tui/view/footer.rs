//! The bottom three lines: feedback on the last command, the command line, and the line of what to do next. In a
//! quiz that line is the flow's own next-step line, pinned here so it is visible at any size. Every hint is fitted
//! to the width by whole items, never cut mid-word.

use ratatui::{
    buffer::Buffer,
    text::{Line, Span},
    widgets::{Paragraph, Widget},
};

use super::Areas;
use crate::{
    command::{
        hints::{fit, lesson_hints, scroll_hint},
        table::{KeyAct, key_label},
    },
    tui::app::App,
    util::text::{shorten_words, truncate, width},
};

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let t = &app.theme;
    let room = usize::from(areas.message.width).saturating_sub(1);
    let more = app.max_scroll() > 0 && app.scroll < app.max_scroll();
    let message = match (&app.warning, app.message()) {
        (Some(w), _) => Line::styled(
            format!(" ⚠ {}", shorten_words(w, room.saturating_sub(2))),
            t.warn,
        ),
        (None, Some(m)) => Line::styled(format!(" {}", shorten_words(m, room)), t.accent),
        (None, None) if app.finding() => {
            let q = app.session.find.as_deref().unwrap_or_default();
            let items = [
                format!("Matches of “{}” are marked", truncate(q, 20)),
                format!("{} next", key_label(KeyAct::Complete)),
                format!("{} previous", key_label(KeyAct::PrevMatch)),
                format!("{} back to the hits", key_label(KeyAct::Escape)),
            ];
            Line::styled(format!(" {}", fit(&items, room)), t.dim)
        }
        (None, None) if more => {
            let items = [
                "↓ more below".to_string(),
                key_label(KeyAct::PageDown).to_string(),
                format!("j / {}", key_label(KeyAct::ScrollDown)),
                "mouse wheel".into(),
            ];
            Line::styled(format!(" {}", fit(&items, room)), t.dim)
        }
        (None, None) => Line::default(),
    };
    Paragraph::new(message).render(areas.message, buf);

    // The command line shows its end (where the cursor is); a cut start is marked with `…`.
    let room = usize::from(areas.input.width).saturating_sub(4);
    let chars: Vec<char> = app.input.chars().collect();
    let shown: String = if width(&app.input) > room {
        let tail: String = chars[chars.len().saturating_sub(room.saturating_sub(1))..]
            .iter()
            .collect();
        format!("…{tail}")
    } else {
        app.input.clone()
    };
    let input = Line::from(vec![
        Span::styled(" › ", t.accent),
        Span::raw(shown),
        Span::styled(" ", t.selected),
    ]);
    Paragraph::new(input).render(areas.input, buf);

    let room = usize::from(areas.hint.width).saturating_sub(1);
    if let Some(q) = &app.quiz {
        let line = Line::styled(format!(" {}", q.next_line(room, true)), t.strong);
        Paragraph::new(line).render(areas.hint, buf);
        return;
    }
    if !app.show_hint {
        if app.present {
            let hint = format!(" {} shows the commands", key_label(KeyAct::Help));
            Paragraph::new(Line::styled(hint, t.dim)).render(areas.hint, buf);
        }
        return;
    }
    let reading = matches!(app.session.screen, crate::session::Screen::Look(..));
    let items = if app.overlay.is_some() || reading {
        vec![
            format!(
                "{} or {} back",
                key_label(KeyAct::Primary),
                key_label(KeyAct::Escape)
            ),
            scroll_hint(),
        ]
    } else {
        lesson_hints(true, app.session.hidden_pick(), app.diagram_on_screen)
    };
    Paragraph::new(Line::styled(format!(" {}", fit(&items, room)), t.dim)).render(areas.hint, buf);
}
