//! TEMPORARY stand-in until the renderer lands (same signatures).
pub mod sanitize;
use crate::theme::Theme;
use ratatui::text::{Line, Span};
pub fn render(markdown: &str, width: u16, _theme: &Theme) -> Vec<Line<'static>> {
    let w = width.max(1) as usize;
    let mut out = Vec::new();
    for l in sanitize::clean(markdown).lines() {
        let chars: Vec<char> = l.chars().collect();
        if chars.is_empty() {
            out.push(Line::default());
        }
        for c in chars.chunks(w) {
            out.push(Line::from(c.iter().collect::<String>()));
        }
    }
    out
}
pub fn to_plain_text(lines: &[Line<'_>]) -> String {
    lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
pub fn wrap_spans(
    spans: &[Span<'_>],
    width: usize,
    _a: &[Span<'static>],
    _b: &[Span<'static>],
) -> Vec<Line<'static>> {
    let s: String = spans.iter().map(|s| s.content.as_ref()).collect();
    render(&s, width as u16, &Theme::default())
}
