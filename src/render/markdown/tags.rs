//! Start and end tags of the event walker: containers open and close, inline roles push and pop.

use pulldown_cmark::{Alignment, CodeBlockKind, HeadingLevel, Tag, TagEnd};
use ratatui::style::{Modifier, Style};

use super::{Builder, Kind, TableBuild};
use crate::render::tree::{Block, Table};

impl Builder<'_> {
    pub(super) fn start(&mut self, tag: Tag<'_>) {
        let t = self.theme;
        match tag {
            Tag::Paragraph => self.start_paragraph(),
            Tag::Heading { level, .. } => {
                self.flush_inline();
                self.heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                });
            }
            Tag::BlockQuote(_) => {
                self.open(Kind::Quote);
                self.quote_depth += 1;
            }
            Tag::CodeBlock(kind) => self.start_code_block(kind),
            Tag::HtmlBlock => {
                self.flush_inline();
                self.html = Some(String::new());
            }
            Tag::List(start) => self.open(Kind::List {
                start,
                loose: false,
                items: Vec::new(),
            }),
            Tag::Item => self.open(Kind::Item),
            Tag::Table(aligns) => self.start_table(aligns),
            Tag::TableHead => {
                if let Some(tb) = &mut self.table {
                    tb.in_head = true;
                    tb.row.clear();
                }
            }
            Tag::TableRow => {
                if let Some(tb) = &mut self.table {
                    tb.row.clear();
                }
            }
            Tag::TableCell => self.spans.clear(),
            Tag::Emphasis => self.push_role(t.emphasis),
            Tag::Strong => self.push_role(t.strong),
            Tag::Strikethrough => self.push_role(Style::new().add_modifier(Modifier::CROSSED_OUT)),
            Tag::Superscript | Tag::Subscript => self.push_role(Style::new()),
            Tag::Link { dest_url, .. } => {
                self.push_role(t.link);
                self.links.push((dest_url.to_string(), self.spans.len()));
            }
            Tag::Image { .. } => {
                self.image_depth += 1;
                if self.image.is_none() {
                    self.image = Some(String::new());
                }
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.flush_inline(),
        }
    }

    pub(super) fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush_inline(),
            TagEnd::Heading(_) => {
                let level = self.heading.take().unwrap_or(3);
                let spans = std::mem::take(&mut self.spans);
                self.push_block(Block::Heading(level, spans));
            }
            TagEnd::BlockQuote(_) => {
                self.close();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                if let Some((lang, text)) = self.code.take() {
                    self.push_block(Block::Code { lang, text });
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    self.push_block(Block::Html(html));
                }
            }
            TagEnd::List(_) | TagEnd::Item => self.close(),
            TagEnd::TableHead => {
                if let Some(tb) = &mut self.table {
                    tb.header = std::mem::take(&mut tb.row);
                    tb.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(tb) = &mut self.table {
                    let row = std::mem::take(&mut tb.row);
                    tb.rows.push(row);
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.spans);
                if let Some(tb) = &mut self.table {
                    tb.row.push(cell);
                }
            }
            TagEnd::Table => self.end_table(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {
                self.roles.pop();
            }
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => self.flush_inline(),
        }
    }

    fn start_paragraph(&mut self) {
        self.flush_inline();
        // pulldown-cmark only wraps list item text in paragraphs when the list is loose.
        let n = self.stack.len();
        if n >= 2
            && matches!(self.stack[n - 1].kind, Kind::Item)
            && let Kind::List { loose, .. } = &mut self.stack[n - 2].kind
        {
            *loose = true;
        }
    }

    fn start_code_block(&mut self, kind: CodeBlockKind<'_>) {
        self.flush_inline();
        let lang = match kind {
            // The whole info string: an `asl` block reads its options from it (render::asl).
            CodeBlockKind::Fenced(info) => info.trim().to_string(),
            CodeBlockKind::Indented => String::new(),
        };
        self.code = Some((lang, String::new()));
    }

    fn start_table(&mut self, aligns: Vec<Alignment>) {
        self.flush_inline();
        self.table = Some(TableBuild {
            aligns,
            ..TableBuild::default()
        });
    }

    fn end_table(&mut self) {
        if let Some(tb) = self.table.take() {
            self.push_block(Block::Table(Table {
                aligns: tb.aligns,
                header: tb.header,
                rows: tb.rows,
            }));
        }
    }

    /// Ends a link: its address follows its text, unless the text already is the address.
    fn end_link(&mut self) {
        self.roles.pop();
        if let Some((url, start)) = self.links.pop() {
            let text: String = self
                .spans
                .get(start..)
                .unwrap_or_default()
                .iter()
                .map(|s| &*s.content)
                .collect();
            let same = url == text || url.strip_prefix("mailto:") == Some(text.as_str());
            if !url.is_empty() && !same {
                self.text(&format!(" ({url})"), self.theme.dim);
            }
        }
    }

    /// Ends an image: the outermost one shows as its alt text (a terminal draws no pictures).
    fn end_image(&mut self) {
        self.image_depth = self.image_depth.saturating_sub(1);
        if self.image_depth == 0
            && let Some(alt) = self.image.take()
        {
            let alt = alt.trim();
            let label = if alt.is_empty() {
                "[image]".to_string()
            } else {
                format!("[image: {alt}]")
            };
            self.text(&label, self.style().patch(self.theme.dim));
        }
    }
}
