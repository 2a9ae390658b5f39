//! Styled lines → text with SGR colour codes, for plain mode on a colour terminal. Content reaching here was
//! sanitised by the renderer, so the only escapes written are the ones made here.

use std::fmt::Write;

use ratatui::{
    style::{Color, Modifier, Style},
    text::Line,
};

pub fn write_lines(lines: &[Line<'_>], color: bool) -> String {
    let mut out = String::new();
    for line in lines {
        for span in &line.spans {
            let style = line.style.patch(span.style);
            if color && style != Style::default() {
                let _ = write!(out, "{}{}\x1b[0m", sgr(style), span.content);
            } else {
                out.push_str(&span.content);
            }
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    out
}

fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    if let Some(c) = style.fg.and_then(fg_code) {
        codes.push(c);
    }
    if codes.is_empty() {
        String::new()
    } else {
        format!("\x1b[{}m", codes.join(";"))
    }
}

fn fg_code(c: Color) -> Option<String> {
    Some(match c {
        Color::Black => "30".into(),
        Color::Red => "31".into(),
        Color::Green => "32".into(),
        Color::Yellow => "33".into(),
        Color::Blue => "34".into(),
        Color::Magenta => "35".into(),
        Color::Cyan => "36".into(),
        Color::Gray => "37".into(),
        Color::DarkGray => "90".into(),
        Color::LightRed => "91".into(),
        Color::LightGreen => "92".into(),
        Color::LightYellow => "93".into(),
        Color::LightBlue => "94".into(),
        Color::LightMagenta => "95".into(),
        Color::LightCyan => "96".into(),
        Color::White => "97".into(),
        Color::Indexed(i) => format!("38;5;{i}"),
        Color::Rgb(r, g, b) => format!("38;2;{r};{g};{b}"),
        Color::Reset => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    #[test]
    fn plain_without_colour_and_sgr_with_it() {
        let lines = vec![Line::from(vec![
            Span::raw("a "),
            Span::styled(
                "bold",
                Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
            ),
            Span::raw("   "),
        ])];
        assert_eq!(write_lines(&lines, false), "a bold\n");
        assert_eq!(write_lines(&lines, true), "a \x1b[1;36mbold\x1b[0m\n");
    }
}
