//! pulldown-cmark events → a small block tree with inline text already styled.
//!
//! A tree (rather than drawing while streaming) because layout needs things the stream only tells at the end: a
//! table's column widths, the widest number of an ordered list, whether a list is loose.

use pulldown_cmark::{Alignment, Event, Options, Parser};
use ratatui::style::Style;
use ratatui::text::Span;

use super::tree::{Block, Inline};
use crate::theme::Theme;

mod tags;

/// Parse (already sanitised) markdown into blocks.
pub(crate) fn parse(markdown: &str, theme: &Theme) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut b = Builder::new(theme);
    for event in Parser::new_ext(markdown, options) {
        b.event(event);
    }
    b.finish()
}

enum Kind {
    Root,
    Quote,
    List {
        start: Option<u64>,
        loose: bool,
        items: Vec<Vec<Block>>,
    },
    Item,
}

struct Open {
    kind: Kind,
    blocks: Vec<Block>,
}

#[derive(Default)]
struct TableBuild {
    aligns: Vec<Alignment>,
    header: Vec<Inline>,
    rows: Vec<Vec<Inline>>,
    row: Vec<Inline>,
    in_head: bool,
}

struct Builder<'t> {
    theme: &'t Theme,
    stack: Vec<Open>,
    spans: Inline,
    /// Inline style roles in effect (emphasis, strong, link, ...). Each entry is already combined with the ones
    /// below it, so the style of a text costs one patch however deep the nesting (`push_role`).
    roles: Vec<Style>,
    /// Open links: destination and where their text starts in `spans`.
    links: Vec<(String, usize)>,
    /// Alt text of the open image (nested images just add their alt text).
    image: Option<String>,
    image_depth: usize,
    code: Option<(String, String)>,
    html: Option<String>,
    table: Option<TableBuild>,
    heading: Option<u8>,
    quote_depth: usize,
    /// Containers opened beyond `MAX_DEPTH` and not tracked (their content joins the deepest tracked one).
    suppressed: usize,
}

/// Deepest container nesting kept; deeper markdown ("- - - - ..." or "> > > ...", thousands deep) is flattened so
/// layout recursion stays shallow.
const MAX_DEPTH: usize = 128;

impl<'t> Builder<'t> {
    fn new(theme: &'t Theme) -> Self {
        Self {
            theme,
            stack: vec![Open {
                kind: Kind::Root,
                blocks: Vec::new(),
            }],
            spans: Vec::new(),
            roles: Vec::new(),
            links: Vec::new(),
            image: None,
            image_depth: 0,
            code: None,
            html: None,
            table: None,
            heading: None,
            quote_depth: 0,
            suppressed: 0,
        }
    }

    fn base(&self) -> Style {
        let t = self.theme;
        let mut base = t.text;
        if self.quote_depth > 0 {
            base = base.patch(t.quote);
        }
        match self.heading {
            Some(1) => base.patch(t.heading1),
            Some(2) => base.patch(t.heading2),
            Some(_) => base.patch(t.heading3),
            None if self.table.as_ref().is_some_and(|t| t.in_head) => base.patch(t.table_header),
            None => base,
        }
    }

    fn style(&self) -> Style {
        match self.roles.last() {
            Some(r) => self.base().patch(*r),
            None => self.base(),
        }
    }

    /// Opens an inline role on top of the ones in effect.
    fn push_role(&mut self, role: Style) {
        let combined = match self.roles.last() {
            Some(below) => below.patch(role),
            None => role,
        };
        self.roles.push(combined);
    }

    fn text(&mut self, text: &str, style: Style) {
        if let Some(alt) = &mut self.image {
            alt.push_str(text);
            return;
        }
        // Only a hard break may end an inline line; stray newlines (e.g. from inline HTML) become spaces.
        let text = if text.contains('\n') {
            text.replace('\n', " ")
        } else {
            text.to_string()
        };
        self.spans.push(Span::styled(text, style));
    }

    fn push_block(&mut self, block: Block) {
        if let Some(top) = self.stack.last_mut() {
            top.blocks.push(block);
        }
    }

    fn push_blocks(&mut self, blocks: Vec<Block>) {
        if let Some(top) = self.stack.last_mut() {
            top.blocks.extend(blocks);
        }
    }

    /// Text outside a paragraph (tight list items) becomes a paragraph when a block boundary comes.
    fn flush_inline(&mut self) {
        if !self.spans.is_empty() && self.table.is_none() && self.heading.is_none() {
            let spans = std::mem::take(&mut self.spans);
            self.push_block(Block::Paragraph(spans));
        }
    }

    fn open(&mut self, kind: Kind) {
        self.flush_inline();
        // An item always opens inside a tracked list, so untracked content never lands in a list's own blocks.
        let item_of_list = matches!(kind, Kind::Item)
            && matches!(
                self.stack.last(),
                Some(Open {
                    kind: Kind::List { .. },
                    ..
                })
            );
        if self.stack.len() > MAX_DEPTH && !item_of_list {
            self.suppressed += 1;
            return;
        }
        self.stack.push(Open {
            kind,
            blocks: Vec::new(),
        });
    }

    fn close(&mut self) {
        self.flush_inline();
        if self.suppressed > 0 {
            self.suppressed -= 1;
            return;
        }
        if self.stack.len() < 2 {
            return;
        }
        let Some(open) = self.stack.pop() else { return };
        let block = match open.kind {
            Kind::Root => return,
            Kind::Quote => Block::Quote(open.blocks),
            Kind::List {
                start,
                loose,
                items,
            } => Block::List {
                start,
                loose,
                items,
            },
            Kind::Item => {
                if let Some(Open {
                    kind: Kind::List { items, .. },
                    ..
                }) = self.stack.last_mut()
                {
                    items.push(open.blocks);
                } else {
                    self.push_blocks(open.blocks);
                }
                return;
            }
        };
        self.push_block(block);
    }

    fn event(&mut self, event: Event<'_>) {
        let t = self.theme;
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some((_, code)) = &mut self.code {
                    code.push_str(&text);
                } else if let Some(html) = &mut self.html {
                    html.push_str(&text);
                } else {
                    self.text(&text, self.style());
                }
            }
            Event::Code(code) => self.text(&code, self.style().patch(t.code)),
            Event::Html(html) => match &mut self.html {
                Some(buf) => buf.push_str(&html),
                None => self.text(&html, self.style()),
            },
            Event::InlineHtml(html) => self.text(&html, self.style()),
            Event::SoftBreak => self.text(" ", self.style()),
            Event::HardBreak => {
                if let Some(alt) = &mut self.image {
                    alt.push(' ');
                } else {
                    self.spans.push(Span::styled("\n", self.style()));
                }
            }
            Event::Rule => {
                self.flush_inline();
                self.push_block(Block::Rule);
            }
            // Not enabled in the parser options; shown literally should they ever appear.
            Event::FootnoteReference(s) => self.text(&format!("[^{s}]"), self.style()),
            Event::InlineMath(s) | Event::DisplayMath(s) => self.text(&s, self.style()),
            Event::TaskListMarker(done) => {
                self.text(if done { "[x] " } else { "[ ] " }, self.style())
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush_inline();
        while self.stack.len() > 1 {
            self.close();
        }
        self.stack.pop().map(|o| o.blocks).unwrap_or_default()
    }
}
