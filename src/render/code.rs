//! Code blocks: never word-wrapped (JSON and state machine definitions must keep their shape); a line longer than
//! the width is cut hard at the width and continues on the next line after a `↪` marker, at the original line's
//! indent when there is room for it.

use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::wrap::{display_width, grapheme_width, spaces, take_width, trim_line_end};
use crate::theme::Theme;

const BAR: &str = "│ ";
const CONTINUED: &str = "↪";
/// Shown for a grapheme wider than the whole room (a CJK character at width 1).
const PLACEHOLDER: &str = "…";

pub(crate) fn render(
    lang: &str,
    text: &str,
    width: usize,
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    // The bar only when it leaves a useful width.
    let bar = width >= 4;
    let avail = if bar { width - 2 } else { width };
    if !lang.is_empty() {
        let label = if bar {
            format!("┌─ {lang}")
        } else {
            lang.to_string()
        };
        push_line(out, take_width(&[Span::styled(label, theme.dim)], width));
    }
    let start = out.len();
    for src in text.lines() {
        let src = src.trim_end();
        if display_width(src) <= avail {
            let mut spans = bar_spans(bar, theme);
            if !src.is_empty() {
                spans.push(Span::styled(src.to_string(), theme.code_block));
            }
            push_line(out, spans);
        } else {
            push_cut(src, bar, avail, theme, out);
        }
    }
    if out.len() == start {
        push_line(out, bar_spans(bar, theme));
    }
}

/// A line wider than `avail`, cut into as many rows as it takes: each continuation starts with the marker.
fn push_cut(src: &str, bar: bool, avail: usize, theme: &Theme, out: &mut Vec<Line<'static>>) {
    let indent = src.len() - src.trim_start_matches(' ').len();
    let marker_w = usize::from(avail >= 2);
    // Keep the indent only if at least half the room is left for the text itself.
    let cont_indent = if indent + marker_w + (avail / 2).max(1) <= avail {
        indent
    } else {
        0
    };
    let mut rest = src;
    let mut first = true;
    while !rest.is_empty() {
        let mut spans = bar_spans(bar, theme);
        let room = if first {
            avail
        } else {
            if cont_indent > 0 {
                spans.push(Span::raw(spaces(cont_indent)));
            }
            if marker_w > 0 {
                spans.push(Span::styled(CONTINUED, theme.dim));
            }
            avail - cont_indent - marker_w
        };
        let (mut chunk, mut tail) = split_at_width(rest, room);
        // Spaces at a cut move to the continuation, after the marker, where they stay visible.
        let kept = chunk.trim_end_matches(' ').len();
        if kept > 0 && !tail.is_empty() {
            (chunk, tail) = rest.split_at(kept);
        }
        if chunk.is_empty() {
            // Not even one grapheme fits: show a placeholder and move on, so the loop always progresses.
            let g_len = rest.graphemes(true).next().map_or(rest.len(), str::len);
            spans.push(Span::styled(PLACEHOLDER, theme.code_block));
            rest = &rest[g_len..];
        } else {
            spans.push(Span::styled(chunk.to_string(), theme.code_block));
            rest = tail;
        }
        push_line(out, spans);
        first = false;
    }
}

/// The start of every row: the bar, or nothing when there is no room for it.
fn bar_spans(bar: bool, theme: &Theme) -> Vec<Span<'static>> {
    if bar {
        vec![Span::styled(BAR, theme.dim)]
    } else {
        Vec::new()
    }
}

fn push_line(out: &mut Vec<Line<'static>>, mut spans: Vec<Span<'static>>) {
    trim_line_end(&mut spans);
    out.push(Line::from(spans));
}

/// The longest prefix of `s` (whole graphemes) no wider than `room`, and the remainder.
fn split_at_width(s: &str, room: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > room {
            return s.split_at(i);
        }
        used += w;
    }
    (s, "")
}
