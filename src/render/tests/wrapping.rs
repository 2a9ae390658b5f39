//! `wrap_spans` on its own (other screens use it directly) and `to_plain_text`.

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::{assert_fits, drawn_width};
use crate::render::{to_plain_text, wrap_spans};

fn text(lines: &[Line<'_>]) -> String {
    to_plain_text(lines)
}

#[test]
fn hanging_indent_prefixes() {
    let spans = [Span::raw("alpha beta gamma delta")];
    let first = [Span::raw("- ")];
    let rest = [Span::raw("  ")];
    let lines = wrap_spans(&spans, 12, &first, &rest);
    assert_eq!(text(&lines), "- alpha beta\n  gamma\n  delta");
}

#[test]
fn styles_survive_wrapping() {
    let red = Style::new().fg(Color::Red);
    let spans = [Span::raw("plain "), Span::styled("red words here", red)];
    let lines = wrap_spans(&spans, 10, &[], &[]);
    assert_eq!(text(&lines), "plain red\nwords here");
    assert_eq!(lines[0].spans[1], Span::styled("red", red));
    assert_eq!(lines[1].spans, vec![Span::styled("words here", red)]);
}

#[test]
fn long_words_break_by_grapheme() {
    let lines = wrap_spans(&[Span::raw("ab abcdefghij")], 4, &[], &[]);
    assert_eq!(text(&lines), "ab\nabcd\nefgh\nij");
    let lines = wrap_spans(&[Span::raw("e\u{301}e\u{301}e\u{301}")], 2, &[], &[]);
    assert_eq!(text(&lines), "e\u{301}e\u{301}\ne\u{301}");
}

#[test]
fn no_trailing_spaces_and_hard_breaks() {
    let lines = wrap_spans(&[Span::raw("one   \n  two  three   ")], 40, &[], &[]);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].spans, vec![Span::raw("one")]);
    assert_eq!(text(&lines), "one\n  two  three");
    for line in wrap_spans(
        &[Span::raw("aaa bbb ccc ddd")],
        4,
        &[Span::raw("> ")],
        &[Span::raw("> ")],
    ) {
        assert!(
            !line.spans.last().is_some_and(|s| s.content.ends_with(' ')),
            "{line:?}"
        );
    }
}

#[test]
fn empty_input_gives_the_prefix_line() {
    let lines = wrap_spans(&[], 10, &[Span::raw("• ")], &[]);
    assert_eq!(text(&lines), "•");
    assert_eq!(lines.len(), 1);
}

#[test]
fn prefixes_wider_than_the_width_are_cut() {
    let lines = wrap_spans(
        &[Span::raw("text")],
        3,
        &[Span::raw("12345")],
        &[Span::raw("     ")],
    );
    assert_fits(&lines, 3);
    assert_eq!(text(&lines), "12t\n  e\n  x\n  t");
    let lines = wrap_spans(&[Span::raw("xy")], 0, &[Span::raw("> ")], &[]);
    assert_fits(&lines, 1);
    assert_eq!(text(&lines), "x\ny");
}

#[test]
fn spans_are_not_merged_into_wider_clusters() {
    // "⚠" then a lone VS16 in another span: ratatui measures them separately (1 + 0); merged they would be 2.
    let spans = [Span::raw("⚠"), Span::raw("\u{fe0f}x")];
    let lines = wrap_spans(&spans, 2, &[], &[]);
    assert_eq!(lines.iter().map(drawn_width).max(), Some(2));
    // Same for a control character between them inside one span.
    let lines = wrap_spans(&[Span::raw("⚠\x07\u{fe0f}x")], 2, &[], &[]);
    assert_eq!(lines.iter().map(drawn_width).max(), Some(2));
}

#[test]
fn plain_text_trims_and_joins() {
    let lines = vec![
        Line::from(vec![Span::raw("a "), Span::raw("b  ")]),
        Line::default(),
        Line::from("c"),
    ];
    assert_eq!(to_plain_text(&lines), "a b\n\nc");
}
