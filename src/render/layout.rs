//! Block tree → wrapped lines. Containers (quotes, list items) lay their children out at a reduced width and then
//! put their prefix (bar, bullet, hanging indent) in front, so nesting composes and alignment follows for free.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::tree::Block;
use super::wrap::{line_width, spaces, spans_width, take_width, trim_line_end, wrap_spans};
use super::{code, table};
use crate::theme::Theme;

const BULLETS: [&str; 3] = ["• ", "◦ ", "▪ "];

pub(crate) struct Layout<'t> {
    pub theme: &'t Theme,
    /// Columns always left for text however deep the nesting (containers stop indenting below this).
    pub min_text: usize,
    /// `asl` blocks as JSON source rather than diagrams.
    pub asl_source: bool,
}

impl<'t> Layout<'t> {
    pub fn new(theme: &'t Theme, width: usize) -> Self {
        Self {
            theme,
            min_text: (width / 2).clamp(1, 10),
            asl_source: false,
        }
    }

    /// Lay out sibling blocks, separated by one blank line unless `tight`.
    pub fn blocks(
        &self,
        blocks: &[Block],
        width: usize,
        depth: usize,
        tight: bool,
        out: &mut Vec<Line<'static>>,
    ) {
        for (i, block) in blocks.iter().enumerate() {
            if i > 0 && !tight {
                out.push(Line::default());
            }
            self.block(block, width, depth, out);
        }
    }

    fn block(&self, block: &Block, width: usize, depth: usize, out: &mut Vec<Line<'static>>) {
        let t = self.theme;
        match block {
            Block::Paragraph(spans) => out.extend(wrap_spans(spans, width, &[], &[])),
            Block::Html(html) => {
                let text = html.trim_end_matches('\n');
                out.extend(wrap_spans(&[Span::styled(text, t.text)], width, &[], &[]));
            }
            Block::Heading(level, spans) => {
                let lines = wrap_spans(spans, width, &[], &[]);
                let rule_w = lines.iter().map(line_width).max().unwrap_or(0);
                out.extend(lines);
                if *level == 1 && rule_w > 0 {
                    out.push(Line::from(Span::styled("━".repeat(rule_w), t.heading1)));
                }
            }
            Block::Rule => out.push(Line::from(Span::styled("─".repeat(width), t.rule))),
            Block::Code { lang, text } if super::asl::is_asl(lang) => {
                super::asl::render(lang, text, width, self.asl_source, t, out)
            }
            Block::Code { lang, text } => code::render(
                lang.split_whitespace().next().unwrap_or(""),
                text,
                width,
                t,
                out,
            ),
            Block::Table(tb) => table::render(tb, width, t, out),
            Block::Quote(inner) => {
                let k = self.indent(width, 2);
                let bar = take_width(&[Span::styled("│ ", t.quote)], k);
                let mut lines = Vec::new();
                self.blocks(inner, width - k, depth, false, &mut lines);
                prefixed(lines, &bar, &bar, out);
            }
            Block::List {
                start,
                loose,
                items,
            } => {
                self.list(*start, *loose, items, width, depth, out);
            }
        }
    }

    fn list(
        &self,
        start: Option<u64>,
        loose: bool,
        items: &[Vec<Block>],
        width: usize,
        depth: usize,
        out: &mut Vec<Line<'static>>,
    ) {
        let digits = start.map(|s| {
            let last = s.saturating_add(items.len().saturating_sub(1) as u64);
            last.to_string().len()
        });
        for (i, item) in items.iter().enumerate() {
            if i > 0 && loose {
                out.push(Line::default());
            }
            let marker = match (start, digits) {
                (Some(s), Some(d)) => Cow::Owned(format!("{:>d$}. ", s.saturating_add(i as u64))),
                _ => Cow::Borrowed(BULLETS[depth % BULLETS.len()]),
            };
            let marker_w = super::display_width(&marker);
            let k = self.indent(width, marker_w);
            let first = take_width(&[Span::styled(marker, self.theme.accent)], k);
            let rest = vec![Span::raw(spaces(spans_width(&first)))];
            // Too deep to indent once more and keep `min_text`: nested lists then line up with this one (keeping
            // their bullets) instead of vanishing into a clamped indent.
            let flat = (width - k).saturating_sub(2) < self.min_text;
            let mut seg = Vec::new();
            let mut marker_used = false;
            for (j, block) in item.iter().enumerate() {
                if j > 0 && loose {
                    seg.push(Line::default());
                }
                if flat && matches!(block, Block::List { .. }) {
                    flush(&mut seg, &mut marker_used, &first, &rest, out);
                    self.block(block, width, depth + 1, out);
                } else {
                    self.block(block, width - k, depth + 1, &mut seg);
                }
            }
            flush(&mut seg, &mut marker_used, &first, &rest, out);
        }
    }

    /// How much of a wanted indent fits while leaving `min_text` columns.
    fn indent(&self, width: usize, want: usize) -> usize {
        want.min(width.saturating_sub(self.min_text))
    }
}

/// Emit an item's lines gathered so far: the first batch gets the marker (on an empty line if need be, so a
/// bullet is never lost), later batches only the hanging indent.
fn flush(
    seg: &mut Vec<Line<'static>>,
    marker_used: &mut bool,
    first: &[Span<'static>],
    rest: &[Span<'static>],
    out: &mut Vec<Line<'static>>,
) {
    if seg.is_empty() {
        if *marker_used {
            return;
        }
        seg.push(Line::default());
    }
    prefixed(
        std::mem::take(seg),
        if *marker_used { rest } else { first },
        rest,
        out,
    );
    *marker_used = true;
}

/// Put `first` in front of the first line and `rest` in front of the others.
fn prefixed(
    lines: Vec<Line<'static>>,
    first: &[Span<'static>],
    rest: &[Span<'static>],
    out: &mut Vec<Line<'static>>,
) {
    out.reserve(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        let prefix = if i == 0 { first } else { rest };
        let mut spans = Vec::with_capacity(prefix.len() + line.spans.len());
        spans.extend_from_slice(prefix);
        spans.extend(line.spans);
        trim_line_end(&mut spans);
        out.push(Line::from(spans));
    }
}

/// A run of `n` copies of `s` in one style (rules, borders).
pub(crate) fn repeat(s: &str, n: usize, style: Style) -> Span<'static> {
    Span::styled(s.repeat(n), style)
}
