//! The events of a plain quiz file, found by one scan of its bytes: what `toml_parser`'s lexer and event parser give
//! (layout left out) for the few shapes quiz files are written in: `[table]` and `[[array]]` headers of bare keys,
//! `key = value` lines, one-line strings, decimal integers, booleans, flat arrays, comments. A string is skipped with `memchr`, not a byte at a time: the lexer and the event parser were
//! a quarter of reading a quiz file. `None` for anything else; then `toml_parser` reads the file. Tests hold the
//! events equal to `toml_parser`'s on every file this scan reads.

use memchr::{memchr, memchr2, memchr3};
use toml_parser::{
    Span,
    decoder::Encoding,
    parser::{Event, EventKind},
};

/// The non-layout events of `text` pushed to `out`; `None` when `text` is not in the shapes read here.
pub(super) fn events(text: &str, out: &mut Vec<Event>) -> Option<()> {
    let mut s = Scan {
        b: text.as_bytes(),
        at: 0,
        out,
    };
    loop {
        s.spaces();
        match s.peek() {
            None => return Some(()),
            Some(b'\n') => s.at += 1,
            Some(b'#') => s.comment()?,
            Some(b'[') => s.header()?,
            Some(_) => s.key_value()?,
        }
    }
}

struct Scan<'t, 'o> {
    b: &'t [u8],
    at: usize,
    out: &'o mut Vec<Event>,
}

impl Scan<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    /// An event of `len` bytes here, stepped over.
    fn push(&mut self, kind: EventKind, encoding: Option<Encoding>, len: usize) {
        let span = Span::new_unchecked(self.at, self.at + len);
        self.out.push(Event::new_unchecked(kind, encoding, span));
        self.at += len;
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// A comment up to its newline; one holding a control character is left to `toml_parser`.
    fn comment(&mut self) -> Option<()> {
        let rest = &self.b[self.at..];
        let len = memchr(b'\n', rest).unwrap_or(rest.len());
        (!has_control(&rest[..len])).then(|| self.at += len)
    }

    /// The rest of a line: spaces, a comment, then a newline or the end of the text.
    fn end_of_line(&mut self) -> Option<()> {
        self.spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(_) => None,
        }
    }

    /// A bare key (a quoted one is left to `toml_parser`).
    fn key(&mut self) -> Option<()> {
        let len = (self.b[self.at..].iter())
            .take_while(|b| matches!(b, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-'))
            .count();
        (len > 0).then(|| self.push(EventKind::SimpleKey, None, len))
    }

    /// `[a.b]` or `[[a.b]]` and the rest of its line.
    fn header(&mut self) -> Option<()> {
        let array = self.b.get(self.at + 1) == Some(&b'[');
        let (open, close, len) = if array {
            (EventKind::ArrayTableOpen, EventKind::ArrayTableClose, 2)
        } else {
            (EventKind::StdTableOpen, EventKind::StdTableClose, 1)
        };
        self.push(open, None, len);
        loop {
            self.spaces();
            self.key()?;
            self.spaces();
            match self.peek()? {
                b'.' => self.push(EventKind::KeySep, None, 1),
                b']' => break,
                _ => return None,
            }
        }
        let closing: &[u8] = if array { b"]]" } else { b"]" };
        if !self.b[self.at..].starts_with(closing) {
            return None;
        }
        self.push(close, None, len);
        self.end_of_line()
    }

    /// `key = value` and the rest of its line (a dotted key is left to `toml_parser`).
    fn key_value(&mut self) -> Option<()> {
        self.key()?;
        self.spaces();
        if self.peek()? != b'=' {
            return None;
        }
        self.push(EventKind::KeyValSep, None, 1);
        self.spaces();
        self.value(false)?;
        self.end_of_line()
    }

    /// A string, an integer, a boolean, or (outside an array) a flat array.
    fn value(&mut self, in_array: bool) -> Option<()> {
        match self.peek()? {
            b'"' => self.string(b'"', Encoding::BasicString),
            b'\'' => self.string(b'\'', Encoding::LiteralString),
            b'[' if !in_array => self.array(),
            b'0'..=b'9' | b'+' | b'-' => self.integer(),
            b't' | b'f' => self.boolean(),
            _ => None,
        }
    }

    /// A one-line string (its escapes and characters are decoded and checked when the tree is built).
    fn string(&mut self, quote: u8, encoding: Encoding) -> Option<()> {
        let rest = &self.b[self.at + 1..];
        // `""` followed by a quote opens a multi-line string.
        if rest.first() == Some(&quote) && rest.get(1) == Some(&quote) {
            return None;
        }
        let mut end = 0;
        let close = loop {
            let i = end
                + if quote == b'"' {
                    memchr3(quote, b'\\', b'\n', &rest[end..])?
                } else {
                    memchr2(quote, b'\n', &rest[end..])?
                };
            match rest[i] {
                // An escape: its next byte is never the end of the string (nor a line break, as in a multi-line one).
                b'\\' if !matches!(rest.get(i + 1), None | Some(b'\n')) => end = i + 2,
                b'\n' | b'\\' => return None,
                _ => break i,
            }
        };
        self.push(EventKind::Scalar, Some(encoding), close + 2);
        Some(())
    }

    /// A decimal integer without underscores (a float, a date, `0x1f`: `toml_parser`).
    fn integer(&mut self) -> Option<()> {
        let sign = usize::from(matches!(self.peek(), Some(b'+' | b'-')));
        let digits = &self.b[self.at + sign..];
        let n = digits.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 || (n > 1 && digits[0] == b'0') {
            return None;
        }
        self.bare(sign + n)
    }

    fn boolean(&mut self) -> Option<()> {
        let rest = &self.b[self.at..];
        let len = [&b"true"[..], b"false"]
            .into_iter()
            .find(|w| rest.starts_with(w))?
            .len();
        self.bare(len)
    }

    /// A bare scalar of `len` bytes, which must end at a space, a comma, a bracket or the line's end.
    fn bare(&mut self, len: usize) -> Option<()> {
        match self.b.get(self.at + len) {
            None | Some(b' ' | b'\t' | b'\n' | b',' | b']') => {
                self.push(EventKind::Scalar, None, len);
                Some(())
            }
            Some(_) => None,
        }
    }

    /// `[a, b, ...]` over any number of lines, with comments and a trailing comma; no array inside.
    fn array(&mut self) -> Option<()> {
        self.push(EventKind::ArrayOpen, None, 1);
        loop {
            self.layout()?;
            if self.peek()? == b']' {
                break;
            }
            self.value(true)?;
            self.layout()?;
            match self.peek()? {
                b',' => self.push(EventKind::ValueSep, None, 1),
                b']' => break,
                _ => return None,
            }
        }
        self.push(EventKind::ArrayClose, None, 1);
        Some(())
    }

    /// Spaces, newlines and comments inside an array.
    fn layout(&mut self) -> Option<()> {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'\n') => self.at += 1,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }
}

/// A control character TOML allows in no comment (a tab is allowed).
fn has_control(bytes: &[u8]) -> bool {
    (bytes.iter()).fold(false, |found, &b| {
        found | ((b < 0x20) & (b != b'\t')) | (b == 0x7f)
    })
}
