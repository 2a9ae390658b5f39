//! GFM tables, box-drawn. Columns get their natural width when the table fits; otherwise they shrink (first down
//! to their longest word, then further, but not below `MIN_COL`) and cell text wraps inside the cell. When even
//! the narrowest readable boxed table does not fit, rows are stacked as `Header: value` lines instead.

use pulldown_cmark::Alignment;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::layout::repeat;
use super::tree::{Inline, Table};
use super::wrap::{display_width, grapheme_width, spaces, spans_width, wrap_spans};
use crate::theme::Theme;

/// A shrunk column still gets its longest word, up to this many columns (or its natural width if narrower). When
/// even that does not fit, cell text would be chopped every few letters, and the stacked layout reads better.
const MIN_COL: usize = 8;

/// One row's cells, borrowed from the tree.
type Row<'a> = Vec<&'a [Span<'static>]>;

pub(crate) fn render(table: &Table, width: usize, theme: &Theme, out: &mut Vec<Line<'static>>) {
    let ncols = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.aligns.len(), table.header.len()])
        .max()
        .unwrap_or(0);
    if ncols == 0 {
        return;
    }
    // Header first, every row padded to `ncols` (GFM lets body rows be short).
    let rows: Vec<Row> = std::iter::once(&table.header)
        .chain(&table.rows)
        .map(|r| {
            (0..ncols)
                .map(|c| r.get(c).map_or(&[][..], Vec::as_slice))
                .collect()
        })
        .collect();
    let mut natural = vec![1usize; ncols];
    let mut longest_word = vec![1usize; ncols];
    for row in &rows {
        for (c, spans) in row.iter().enumerate() {
            let (n, w) = metrics(spans);
            natural[c] = natural[c].max(n);
            longest_word[c] = longest_word[c].max(w);
        }
    }
    let overhead = 3 * ncols + 1;
    let words: Vec<usize> = longest_word
        .iter()
        .zip(&natural)
        .map(|(w, n)| *w.min(n))
        .collect();
    let minimum: Vec<usize> = words.iter().map(|&w| w.min(MIN_COL)).collect();
    if overhead + minimum.iter().sum::<usize>() > width {
        stacked(&rows, width, theme, out);
        return;
    }
    let avail = width - overhead;
    let widths = if natural.iter().sum::<usize>() <= avail {
        natural
    } else {
        let mut w = minimum;
        let mut rem = avail - w.iter().sum::<usize>();
        fill(&mut w, &words, &mut rem);
        fill(&mut w, &natural, &mut rem);
        w
    };
    boxed(&rows, &widths, &table.aligns, theme, out);
}

/// Natural (single-line) width and longest space-separated word of a cell.
fn metrics(spans: &[Span<'_>]) -> (usize, usize) {
    let (mut line, mut natural, mut word, mut longest) = (0, 0, 0, 0);
    let mut step = |w: usize, sep: Option<u8>| {
        line += w;
        word += w;
        longest = longest.max(word);
        match sep {
            Some(b' ') => {
                line += 1;
                word = 0;
            }
            Some(_) => {
                natural = natural.max(line);
                line = 0;
                word = 0;
            }
            None => {}
        }
        natural = natural.max(line);
    };
    for span in spans {
        let text: &str = &span.content;
        if text.is_ascii() {
            // Every ASCII byte is its own cluster, so whole words can be measured at once.
            for part in text.split_inclusive([' ', '\n']) {
                match part.as_bytes().last() {
                    Some(&b @ (b' ' | b'\n')) => {
                        step(display_width(&part[..part.len() - 1]), Some(b))
                    }
                    _ => step(display_width(part), None),
                }
            }
        } else {
            for g in text.graphemes(true) {
                match g {
                    " " => step(0, Some(b' ')),
                    "\n" => step(0, Some(b'\n')),
                    _ => step(grapheme_width(g), None),
                }
            }
        }
    }
    (natural, longest)
}

/// Grow `w` towards `target` fairly (water-filling) using at most `rem` columns.
fn fill(w: &mut [usize], target: &[usize], rem: &mut usize) {
    loop {
        let needing = w.iter().zip(target).filter(|(a, b)| a < b).count();
        if needing == 0 || *rem == 0 {
            return;
        }
        let share = (*rem / needing).max(1);
        for (a, b) in w.iter_mut().zip(target) {
            if *a < *b && *rem > 0 {
                let add = share.min(b - *a).min(*rem);
                *a += add;
                *rem -= add;
            }
        }
    }
}

fn boxed(
    rows: &[Row<'_>],
    widths: &[usize],
    aligns: &[Alignment],
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    let b = theme.border;
    let rule = |l: &'static str, m: &'static str, r: &'static str| {
        let mut spans = vec![Span::styled(l, b)];
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(m, b));
            }
            spans.push(repeat("─", w + 2, b));
        }
        spans.push(Span::styled(r, b));
        Line::from(spans)
    };
    let wrapped: Vec<Vec<Vec<Line<'static>>>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(widths)
                .map(|(cell, &w)| wrap_spans(cell, w, &[], &[]))
                .collect()
        })
        .collect();
    // Rules between body rows only help when rows span several lines.
    let separate = wrapped
        .iter()
        .skip(1)
        .any(|row| row.iter().any(|cell| cell.len() > 1));
    out.push(rule("┌", "┬", "┐"));
    for (r, row) in wrapped.iter().enumerate() {
        if r == 1 || (r > 1 && separate) {
            out.push(rule("├", "┼", "┤"));
        }
        let height = row.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            let mut spans = vec![Span::styled("│", b)];
            for (c, cell) in row.iter().enumerate() {
                let content = cell.get(i).map(|l| l.spans.clone()).unwrap_or_default();
                let used = spans_width(&content);
                let pad = widths[c].saturating_sub(used);
                let (left, right) = match aligns.get(c) {
                    Some(Alignment::Right) => (pad, 0),
                    Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                    _ => (0, pad),
                };
                spans.push(Span::styled(spaces(left + 1), theme.text));
                spans.extend(content);
                spans.push(Span::styled(spaces(right + 1), theme.text));
                spans.push(Span::styled("│", b));
            }
            out.push(Line::from(spans));
        }
    }
    out.push(rule("└", "┴", "┘"));
}

/// One `Header: value` line (wrapped, hanging indent) per cell, a thin rule between rows.
fn stacked(rows: &[Row<'_>], width: usize, theme: &Theme, out: &mut Vec<Line<'static>>) {
    let (header, body) = rows
        .split_first()
        .map_or((&[][..], &[][..]), |(h, b)| (&h[..], b));
    if body.is_empty() {
        for cell in header {
            out.extend(wrap_spans(cell, width, &[], &[]));
        }
        return;
    }
    let indent = [Span::raw("  ")];
    for (r, row) in body.iter().enumerate() {
        if r > 0 {
            out.push(Line::from(repeat("─", width, theme.border)));
        }
        for (c, cell) in row.iter().enumerate() {
            let name = header.get(c).filter(|h| spans_width(h) > 0);
            let mut spans: Inline = Vec::new();
            if let Some(name) = name {
                spans.extend(name.iter().cloned());
                spans.push(Span::styled(": ", theme.table_header));
            }
            spans.extend(cell.iter().cloned());
            out.extend(wrap_spans(&spans, width, &[], &indent));
        }
    }
}
