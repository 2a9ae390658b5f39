//! Width measurement and word wrapping of styled spans.
//!
//! Every width here is measured the way ratatui 0.30's `Buffer::set_stringn` lays text out: the span's text is
//! split into extended grapheme clusters *per span*, clusters containing a control character are skipped, a
//! single-byte cluster is 1 column, any other cluster is `unicode-width`'s string width plus one for each halfwidth
//! katakana (han)dakuten (ratatui's terminal-compatibility fix), and zero-width clusters are skipped. Because the
//! segmentation is per span, text from two different input spans is never merged into one output span: that could
//! form a new cluster (say "⚠" + U+FE0F) that measures wider than its parts.

use std::borrow::Cow;

use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Drawn instead of a wide grapheme that cannot fit even on an empty line (e.g. a CJK character at width 1).
const PLACEHOLDER: &str = "…";

/// Columns one grapheme cluster occupies in a ratatui buffer (see the module comment).
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else if g.len() == 1 {
        1
    } else {
        let marks = g
            .chars()
            .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
            .count();
        g.width() + marks
    }
}

/// Display width of a string exactly as ratatui's buffer will lay it out (per grapheme).
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        // Fast path: every printable ASCII byte is one cluster of width 1 ("\r\n" is a control cluster either way).
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// Display width of a whole line, span by span (as the buffer draws it).
pub fn line_width(line: &Line<'_>) -> usize {
    spans_width(&line.spans)
}

pub(crate) fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| display_width(&s.content)).sum()
}

/// The leftmost graphemes of `spans` that fit in `max` columns (spans that fit whole are cloned, which costs
/// nothing for the borrowed `'static` text prefixes are made of).
pub(crate) fn take_width(spans: &[Span<'static>], max: usize) -> Vec<Span<'static>> {
    let mut out = Vec::with_capacity(spans.len());
    let mut used = 0;
    for span in spans {
        let w = display_width(&span.content);
        if used + w <= max {
            out.push(span.clone());
            used += w;
            continue;
        }
        let mut text = String::new();
        for g in span.content.graphemes(true) {
            let gw = grapheme_width(g);
            if used + gw > max {
                break;
            }
            text.push_str(g);
            used += gw;
        }
        if !text.is_empty() {
            out.push(Span::styled(text, span.style));
        }
        break;
    }
    out
}

/// `n` spaces, borrowed from a static string when short (indents and cell padding are drawn on every line).
pub(crate) fn spaces(n: usize) -> Cow<'static, str> {
    const SPACES: &str = "                                                                ";
    match SPACES.get(..n) {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(" ".repeat(n)),
    }
}

/// Remove trailing whitespace (and then-empty spans) so lines never end in spaces that bleed background colour.
pub(crate) fn trim_line_end(spans: &mut Vec<Span<'static>>) {
    while let Some(last) = spans.last_mut() {
        let kept = last.content.trim_end().len();
        if kept == 0 {
            spans.pop();
            continue;
        }
        if kept < last.content.len() {
            last.content.to_mut().truncate(kept);
        }
        break;
    }
}

/// Wrap already-styled spans to `width` (word wrap on spaces, long words broken between graphemes), with
/// `first_prefix` spans on the first line and `rest_prefix` on the following ones (hanging indent). A `'\n'` in
/// the text is a hard line break. Prefixes are cut so that at least one column is left for text; a grapheme wider
/// than the room on an empty line becomes a one-column placeholder. Lines carry no trailing whitespace. Empty input
/// gives one line holding just the first prefix.
pub fn wrap_spans(
    spans: &[Span<'_>],
    width: usize,
    first_prefix: &[Span<'static>],
    rest_prefix: &[Span<'static>],
) -> Vec<Line<'static>> {
    let width = width.max(1);
    let first = take_width(first_prefix, width - 1);
    let rest = take_width(rest_prefix, width - 1);
    let mut w = Wrapper::new(spans, width, first, rest);
    for src in 0..spans.len() {
        w.push_span(src);
    }
    w.finish()
}

/// A run of text inside one input span (`src`), by byte range; kept as offsets so words are never copied twice.
#[derive(Clone, Copy)]
struct Piece {
    src: usize,
    start: usize,
    end: usize,
}

struct Wrapper<'a> {
    input: &'a [Span<'a>],
    width: usize,
    rest_prefix: Vec<Span<'static>>,
    rest_w: usize,
    lines: Vec<Line<'static>>,
    cur: Vec<Span<'static>>,
    /// Where `cur`'s last span ends in the input, if text contiguous with it may be appended to it.
    cur_tail: Option<(usize, usize)>,
    cur_w: usize,
    /// Whether `cur` holds anything beyond its prefix.
    has_text: bool,
    /// Right after a soft wrap: spaces at the break are dropped.
    soft_start: bool,
    spaces: Vec<Piece>,
    spaces_w: usize,
    word: Vec<Piece>,
    word_w: usize,
}

impl<'a> Wrapper<'a> {
    fn new(
        input: &'a [Span<'a>],
        width: usize,
        first: Vec<Span<'static>>,
        rest: Vec<Span<'static>>,
    ) -> Self {
        let prefix_w = spans_width(&first);
        Self {
            input,
            width,
            rest_w: spans_width(&rest),
            rest_prefix: rest,
            lines: Vec::new(),
            cur: first,
            cur_tail: None,
            cur_w: prefix_w,
            has_text: false,
            soft_start: false,
            spaces: Vec::new(),
            spaces_w: 0,
            word: Vec::new(),
            word_w: 0,
        }
    }

    fn push_span(&mut self, src: usize) {
        let text: &str = &self.input[src].content;
        let bytes = text.as_bytes();
        if bytes
            .iter()
            .all(|&b| b == b'\n' || (b.is_ascii() && !b.is_ascii_control()))
        {
            // Fast path (most lesson text): every byte is a one-column grapheme, so whole words move at once.
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\n' => self.hard_break(),
                    b' ' => self.space(src, i),
                    _ => {
                        let len = bytes[i..].iter().position(|&b| b == b' ' || b == b'\n');
                        let end = len.map_or(bytes.len(), |n| i + n);
                        push_piece(&mut self.word, Piece { src, start: i, end });
                        self.word_w += end - i;
                        i = end;
                        continue;
                    }
                }
                i += 1;
            }
            return;
        }
        for (i, g) in text.grapheme_indices(true) {
            if g == "\n" || g == "\r\n" {
                self.hard_break();
            } else if g == " " {
                self.space(src, i);
            } else if !g.contains(char::is_control) {
                // (A skipped control cluster leaves a gap, so its neighbours are never merged into one cluster.)
                let end = i + g.len();
                push_piece(&mut self.word, Piece { src, start: i, end });
                self.word_w += grapheme_width(g);
            }
        }
    }

    fn text(&self, p: Piece) -> &'a str {
        let input = self.input;
        &input[p.src].content[p.start..p.end]
    }

    fn hard_break(&mut self) {
        self.commit_word();
        self.break_line(false);
    }

    fn space(&mut self, src: usize, at: usize) {
        self.commit_word();
        push_piece(
            &mut self.spaces,
            Piece {
                src,
                start: at,
                end: at + 1,
            },
        );
        self.spaces_w += 1;
    }

    fn commit_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let spaces = std::mem::take(&mut self.spaces);
        let spaces_w = std::mem::replace(&mut self.spaces_w, 0);
        let word = std::mem::take(&mut self.word);
        let word_w = std::mem::replace(&mut self.word_w, 0);
        let space_w = if self.soft_start { 0 } else { spaces_w };
        if self.cur_w + space_w + word_w <= self.width {
            if !self.soft_start {
                for &p in &spaces {
                    // Spaces are single-byte clusters: one column each.
                    self.append(p, p.end - p.start);
                }
            }
            self.emit_word(&word);
        } else if word_w <= self.width - self.rest_w && self.has_text {
            self.break_line(true);
            self.emit_word(&word);
        } else if self.cur_w + word_w <= self.width {
            // Nothing on the line yet, only the leading spaces do not fit: drop them.
            self.emit_word(&word);
        } else {
            if self.has_text {
                self.break_line(true);
            }
            self.emit_broken(&word);
        }
        self.soft_start = false;
        // Hand the buffers back to reuse their allocations.
        self.spaces = spaces;
        self.spaces.clear();
        self.word = word;
        self.word.clear();
    }

    fn emit_word(&mut self, word: &[Piece]) {
        for &p in word {
            self.append(p, display_width(self.text(p)));
        }
    }

    /// Emit a word too long for any line, filling each line; the cut goes after URL/ARN punctuation when that
    /// wastes less than half the line, else between any two graphemes.
    fn emit_broken(&mut self, word: &[Piece]) {
        let mut gs: Vec<(Piece, usize)> = Vec::new();
        for &p in word {
            for (i, g) in self.text(p).grapheme_indices(true) {
                let start = p.start + i;
                let piece = Piece {
                    src: p.src,
                    start,
                    end: start + g.len(),
                };
                gs.push((piece, grapheme_width(g)));
            }
        }
        let mut i = 0;
        while i < gs.len() {
            let room = self.width - self.cur_w;
            let (mut end, mut used) = (i, 0);
            while end < gs.len() && used + gs[end].1 <= room {
                used += gs[end].1;
                end += 1;
            }
            if end == i {
                if self.has_text {
                    self.break_line(true);
                } else {
                    // Too wide even for an empty line: a one-column stand-in (the prefix always leaves one).
                    let style = self.input[gs[i].0.src].style;
                    self.cur.push(Span::styled(PLACEHOLDER, style));
                    self.cur_tail = None;
                    self.cur_w += 1;
                    self.has_text = true;
                    i += 1;
                }
                continue;
            }
            let mut cut = end;
            if end < gs.len() {
                let mut w = 0;
                for (j, &(p, gw)) in gs.iter().enumerate().take(end).skip(i) {
                    w += gw;
                    if w * 2 >= room && is_soft_break(self.text(p)) {
                        cut = j + 1;
                    }
                }
            }
            for &(p, gw) in &gs[i..cut] {
                self.append(p, gw);
            }
            i = cut;
            if i < gs.len() {
                self.break_line(true);
            }
        }
    }

    fn append(&mut self, p: Piece, w: usize) {
        let text = self.text(p);
        match self.cur.last_mut() {
            Some(last) if self.cur_tail == Some((p.src, p.start)) => {
                last.content.to_mut().push_str(text)
            }
            _ => self
                .cur
                .push(Span::styled(text.to_string(), self.input[p.src].style)),
        }
        self.cur_tail = Some((p.src, p.end));
        self.cur_w += w;
        self.has_text = true;
    }

    fn break_line(&mut self, soft: bool) {
        let mut done = std::mem::replace(&mut self.cur, self.rest_prefix.clone());
        trim_line_end(&mut done);
        self.lines.push(Line::from(done));
        self.cur_tail = None;
        self.cur_w = self.rest_w;
        self.has_text = false;
        self.soft_start = soft;
        if !soft {
            self.spaces.clear();
            self.spaces_w = 0;
        }
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        self.commit_word();
        let mut done = std::mem::take(&mut self.cur);
        trim_line_end(&mut done);
        self.lines.push(Line::from(done));
        self.lines
    }
}

/// Punctuation after which a long URL, path or ARN may be cut.
fn is_soft_break(g: &str) -> bool {
    matches!(g, "/" | "-" | ":" | "." | "_" | "?" | "&" | "=" | "," | ";")
}

/// Add a piece, extending the previous one when it is contiguous in the same input span.
fn push_piece(pieces: &mut Vec<Piece>, p: Piece) {
    match pieces.last_mut() {
        Some(last) if last.src == p.src && last.end == p.start => last.end = p.end,
        _ => pieces.push(p),
    }
}
