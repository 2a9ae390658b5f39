//! The block tree between parsing (`markdown.rs`) and layout (`layout.rs`, `table.rs`, `code.rs`).

use pulldown_cmark::Alignment;
use ratatui::text::Span;

/// Inline content: styled spans, a `"\n"` span being a hard line break.
pub(crate) type Inline = Vec<Span<'static>>;

#[derive(Debug)]
pub(crate) enum Block {
    Paragraph(Inline),
    /// Level 1–3 (deeper levels are folded into 3).
    Heading(u8, Inline),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        loose: bool,
        items: Vec<Vec<Block>>,
    },
    Code {
        lang: String,
        text: String,
    },
    /// Raw HTML, shown literally.
    Html(String),
    Table(Table),
    Rule,
}

#[derive(Debug)]
pub(crate) struct Table {
    pub aligns: Vec<Alignment>,
    pub header: Vec<Inline>,
    pub rows: Vec<Vec<Inline>>,
}
