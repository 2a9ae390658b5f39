//! A quiz file's TOML as a small tree of spanned nodes, read straight from `toml_parser`'s events: what the walk
//! (`checker_walk.rs`) builds the raw shapes from. `toml`'s own document parse was two thirds of reading a quiz file,
//! most of it decoding strings byte by byte and building maps; quiz files use a small part of TOML, so that part is
//! read here, a plain string is borrowed whole, and anything else (inline tables, dotted keys, implicit or repeated
//! tables, any syntax error) is handed to `toml`'s document parse and converted, so every file gets TOML's meaning.

use std::{borrow::Cow, ops::Range};

use toml::de::{DeTable, DeValue};
use toml_parser::{
    ParseError, Source,
    decoder::{Encoding, ScalarKind},
    lexer::Token,
    parser::{Event, EventKind, RecursionGuard, ValidateWhitespace},
};

/// A value and the bytes it spans, as `toml`'s spanned document gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'i> {
    pub span: Range<usize>,
    pub value: Value<'i>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'i> {
    Str(Cow<'i, str>),
    /// `None`: an integer that does not fit `i64`.
    Int(Option<i64>),
    /// `None`: a float Rust does not read (such as `nan` with a sign it keeps).
    Float(Option<f64>),
    Bool(bool),
    Datetime,
    Array(Vec<Node<'i>>),
    Table(Table<'i>),
}

/// A table's entries in the order written (`toml`'s are sorted; the walk does not depend on order).
pub type Table<'i> = Vec<(Cow<'i, str>, Node<'i>)>;

thread_local! {
    static SCRATCH: std::cell::RefCell<(Vec<Token>, Vec<Event>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// The document's root table; `None` when it is not valid TOML.
pub fn parse(text: &str) -> Option<Table<'_>> {
    read(text).or_else(|| Some(from_de(DeTable::parse(text).ok()?.into_inner())))
}

/// The fast path: `None` for anything outside the subset it reads (then `toml` reads it) or not valid TOML.
pub(super) fn read(text: &str) -> Option<Table<'_>> {
    let source = Source::new(text);
    // The token and event buffers are kept from file to file (per thread): growing fresh ones for every file of a
    // big course was a quarter of this reader's time.
    SCRATCH.with_borrow_mut(|(tokens, events)| {
        events.clear();
        // A plain quiz file is scanned in one pass; anything else goes through `toml_parser`'s lexer and parser.
        if scan::events(text, events).is_none() {
            events.clear();
            parse_events(&source, tokens, events)?;
        }
        build(&source, events.iter().filter(is_content).copied())
    })
}

/// `toml_parser`'s events of the document into `events` (`None` on a syntax error), as `toml` reads a document:
/// whitespace and comments validated, nesting refused past its limit (the event parser recurses once a level).
fn parse_events(
    source: &Source<'_>,
    tokens: &mut Vec<Token>,
    events: &mut Vec<Event>,
) -> Option<()> {
    tokens.clear();
    tokens.extend(source.lex());
    let mut error: Option<ParseError> = None;
    let mut push = |e: Event| events.push(e);
    let mut receiver = ValidateWhitespace::new(&mut push, *source);
    let mut receiver = RecursionGuard::new(&mut receiver, MAX_DEPTH);
    toml_parser::parser::parse_document(tokens, &mut receiver, &mut error);
    error.is_none().then_some(())
}

/// Not layout (whitespace, a comment, a newline): what the tree is built from.
fn is_content(e: &&Event) -> bool {
    !matches!(
        e.kind(),
        EventKind::Whitespace | EventKind::Comment | EventKind::Newline
    )
}

/// The root table from the document's events (layout left out).
fn build<'i>(source: &Source<'i>, mut events: impl Iterator<Item = Event>) -> Option<Table<'i>> {
    let mut root: Table<'_> = Vec::new();
    // The header the key/value lines below belong to: none (the root), `[path]` or `[[path]]`.
    let mut current: Vec<Cow<'_, str>> = Vec::new();
    while let Some(event) = events.next() {
        match event.kind() {
            EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                let array = event.kind() == EventKind::ArrayTableOpen;
                let (path, span) = header(source, event.span().start(), &mut events)?;
                open(&mut root, &path, array, span)?;
                current = path;
            }
            EventKind::SimpleKey => {
                let key = key(source, &event)?;
                let sep = events.next()?;
                if sep.kind() != EventKind::KeyValSep {
                    return None; // a dotted key
                }
                let value = value(source, events.next()?, &mut events)?;
                let table = table_at(&mut root, &current)?;
                if table.iter().any(|(k, _)| *k == key) {
                    return None; // a duplicate key: `toml` words the error
                }
                table.push((key, value));
            }
            _ => return None,
        }
    }
    Some(root)
}

/// The keys of a `[a.b]` / `[[a.b]]` header after its opening event, and the header's span.
fn header<'i>(
    source: &Source<'i>,
    start: usize,
    events: &mut impl Iterator<Item = Event>,
) -> Option<(Vec<Cow<'i, str>>, Range<usize>)> {
    let mut path = Vec::new();
    for event in events {
        match event.kind() {
            EventKind::SimpleKey => path.push(key(source, &event)?),
            EventKind::KeySep => {}
            EventKind::StdTableClose | EventKind::ArrayTableClose => {
                return Some((path, start..event.span().end()));
            }
            _ => return None,
        }
    }
    None
}

/// Opens the table a header names. Only what needs no implicit table and redefines nothing is read here: a
/// `[[name]]` appends to an array of tables (or starts one), a `[a.b]` adds a new table under an existing one.
fn open<'i>(
    root: &mut Table<'i>,
    path: &[Cow<'i, str>],
    array: bool,
    span: Range<usize>,
) -> Option<()> {
    let (last, parent) = path.split_last()?;
    let parent = table_at(root, parent)?;
    let existing = parent.iter_mut().find(|(k, _)| k == last);
    // Room for an item's keys (a trigger has seven): one allocation, not a growth from four.
    let table = Node {
        span: span.clone(),
        value: Value::Table(Vec::with_capacity(8)),
    };
    match (existing, array) {
        (None, false) => parent.push((last.clone(), table)),
        (None, true) => parent.push((
            last.clone(),
            Node {
                span,
                value: Value::Array(vec![table]),
            },
        )),
        // Only an array of tables made by an earlier `[[name]]` (never empty, tables all through: a written array
        // of tables would need inline tables, which this reader leaves to `toml`).
        (Some((_, node)), true) => match &mut node.value {
            Value::Array(items) if matches!(items.first(), Some(n) if matches!(n.value, Value::Table(_))) => {
                items.push(table)
            }
            _ => return None,
        },
        (Some(_), false) => return None,
    }
    Some(())
}

/// The table at `path` from the root, each array of tables on the way standing for its last table.
fn table_at<'t, 'i>(root: &'t mut Table<'i>, path: &[Cow<'i, str>]) -> Option<&'t mut Table<'i>> {
    let mut table = root;
    for key in path {
        let node = &mut table.iter_mut().find(|(k, _)| k == key)?.1;
        table = match &mut node.value {
            Value::Table(t) => t,
            Value::Array(items) => match &mut items.last_mut()?.value {
                Value::Table(t) => t,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(table)
}

fn key<'i>(source: &Source<'i>, event: &Event) -> Option<Cow<'i, str>> {
    let raw = source.get(event)?;
    // A valid bare key is its own text, as the decoder gives it (checked here at a compare a byte: the decoder's
    // general path was a twentieth of reading a quiz file).
    let bare = raw
        .as_str()
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if event.encoding().is_none() && !raw.as_str().is_empty() && bare {
        return Some(Cow::Borrowed(raw.as_str()));
    }
    let mut out = Cow::Borrowed("");
    let mut error: Option<ParseError> = None;
    raw.decode_key(&mut out, &mut error);
    error.is_none().then_some(out)
}

/// Arrays nested deeper than this are refused by the event parser's guard (then `toml` reads the file, and refuses
/// absurd nesting with an error: its limit is 80), so the recursion of the parser and of [`value`] stays shallow.
const MAX_DEPTH: u32 = 16;

/// A value starting at `first`: a scalar or an array (of scalars and arrays; an inline table is left to `toml`).
fn value<'i>(
    source: &Source<'i>,
    first: Event,
    events: &mut impl Iterator<Item = Event>,
) -> Option<Node<'i>> {
    match first.kind() {
        EventKind::Scalar => scalar(source, &first),
        EventKind::ArrayOpen => {
            let start = first.span().start();
            let mut items = Vec::new();
            loop {
                let event = events.next()?;
                match event.kind() {
                    EventKind::ArrayClose => {
                        return Some(Node {
                            span: start..event.span().end(),
                            value: Value::Array(items),
                        });
                    }
                    EventKind::ValueSep => {}
                    _ => items.push(value(source, event, events)?),
                }
            }
        }
        _ => None,
    }
}

fn scalar<'i>(source: &Source<'i>, event: &Event) -> Option<Node<'i>> {
    let raw = source.get(event)?;
    let span = event.span().start()..event.span().end();
    if let Some(s) = plain_string(raw.as_str(), event.encoding()) {
        return Some(Node {
            span,
            value: Value::Str(Cow::Borrowed(s)),
        });
    }
    let mut out = Cow::Borrowed("");
    let mut error: Option<ParseError> = None;
    let kind = raw.decode_scalar(&mut out, &mut error);
    if error.is_some() {
        return None;
    }
    let value = match kind {
        ScalarKind::String => Value::Str(out),
        ScalarKind::Boolean(b) => Value::Bool(b),
        ScalarKind::DateTime => Value::Datetime,
        ScalarKind::Float => Value::Float(out.parse().ok()),
        ScalarKind::Integer(radix) => Value::Int(i64::from_str_radix(&out, radix.value()).ok()),
    };
    Some(Node { span, value })
}

/// A one-line string with nothing to decode (no escape, no control character): its text between the quotes, as
/// the decoder would give it. Checking for those bytes is a fast scan; the decoder goes a character at a time.
fn plain_string(raw: &str, encoding: Option<Encoding>) -> Option<&str> {
    let quote = match encoding? {
        Encoding::BasicString => b'"',
        Encoding::LiteralString => b'\'',
        Encoding::MlBasicString | Encoding::MlLiteralString => return None,
    };
    let inner = raw
        .strip_prefix(quote as char)?
        .strip_suffix(quote as char)?;
    // The lexer ended the string at its first unescaped quote, so only an escape or a control character can be
    // left: one branch-free pass (it vectorises) over a string with neither.
    let control = (inner.bytes()).fold(false, |found, b| {
        found | ((b < 0x20) & (b != b'\t')) | (b == 0x7f)
    });
    let escape = quote == b'"' && memchr::memchr(b'\\', inner.as_bytes()).is_some();
    let clean = !control && !escape;
    clean.then_some(inner)
}

/// Whether every string of a table (nested ones too) is a piece of the file's text as written, none decoded.
pub fn as_written(table: &Table<'_>) -> bool {
    fn node(n: &Node<'_>) -> bool {
        match &n.value {
            Value::Str(s) => matches!(s, Cow::Borrowed(_)),
            Value::Array(items) => items.iter().all(node),
            Value::Table(t) => as_written(t),
            _ => true,
        }
    }
    table.iter().all(|(_, n)| node(n))
}

/// `toml`'s spanned document as a tree.
fn from_de(table: DeTable<'_>) -> Table<'_> {
    (table.into_iter())
        .map(|(k, v)| (k.into_inner(), node(v)))
        .collect()
}

fn node(value: toml::Spanned<DeValue<'_>>) -> Node<'_> {
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::String(s) => Value::Str(s),
        DeValue::Integer(i) => Value::Int(i64::from_str_radix(i.as_str(), i.radix()).ok()),
        DeValue::Float(f) => Value::Float(f.as_str().parse().ok()),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(_) => Value::Datetime,
        DeValue::Array(a) => Value::Array(a.into_iter().map(node).collect()),
        DeValue::Table(t) => Value::Table(from_de(t)),
    };
    Node { span, value }
}

#[path = "tree_scan.rs"]
mod scan;

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
