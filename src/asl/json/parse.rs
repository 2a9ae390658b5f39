//! The parser: one JSON document, with the line of every member by JSON pointer when asked.

use std::collections::HashMap;
use std::fmt::{self, Write};

use super::{MAX_DEPTH, Map, Value};

/// Where a JSON text is malformed: 1-based line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// The line of each member, by JSON pointer (`/States/RunJob/Next`); `""` is the document itself.
#[derive(Debug, Clone, Default)]
pub struct Lines(HashMap<String, usize>);

impl Lines {
    /// The line of the pointer, else of its nearest parent that has one.
    pub fn of(&self, pointer: &str) -> usize {
        let mut p = pointer;
        loop {
            if let Some(&line) = self.0.get(p) {
                return line;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return 1,
            }
        }
    }
}

/// A member name as one JSON pointer token (RFC 6901): `~` and `/` escaped.
pub fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Parses one JSON document.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    Parser::new(text, false).document().map(|(v, _)| v)
}

/// Parses one JSON document and records the line of every member.
pub fn parse_with_lines(text: &str) -> Result<(Value, Lines), JsonError> {
    Parser::new(text, true).document()
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
    lines: Option<Lines>,
    pointer: String,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, track: bool) -> Self {
        Self {
            bytes: text.as_bytes(),
            text,
            pos: 0,
            line: 1,
            line_start: 0,
            lines: track.then(Lines::default),
            pointer: String::new(),
        }
    }

    fn document(mut self) -> Result<(Value, Lines), JsonError> {
        self.skip_ws();
        self.record();
        let v = self.value(0)?;
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return Err(self.error("unexpected text after the JSON value"));
        }
        Ok((v, self.lines.unwrap_or_default()))
    }

    fn error(&self, message: impl Into<String>) -> JsonError {
        // The position may sit inside a character (a bad escape's second byte): count up to the one it is in.
        let mut end = self.pos.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[self.line_start..end].chars().count() + 1;
        JsonError {
            line: self.line,
            column,
            message: message.into(),
        }
    }

    fn record(&mut self) {
        if let Some(lines) = &mut self.lines {
            lines.0.insert(self.pointer.clone(), self.line);
        }
    }

    fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                _ => break,
            }
        }
    }

    // `value`, `object` and `array` recurse once per level of nesting: what is not needed on the way down (error
    // messages, the line bookkeeping) lives in the small functions below them, so each level costs little stack.
    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        match self.bytes.get(self.pos) {
            None => Err(self.error("unexpected end of the text")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a JSON value")),
        }
    }

    fn word(&mut self, word: &str, v: Value) -> Result<Value, JsonError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<(), JsonError> {
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(format!("expected {what}")))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        let mut map = Map::default();
        if self.open(b'}') {
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.error("expected a member name in double quotes"));
            }
            let key_line = self.line;
            let key = self.string()?;
            if map.get(&key).is_some() {
                return Err(self.duplicate(&key));
            }
            self.expect(b':', "':' after the member name")?;
            self.skip_ws();
            let saved = self.pointer.len();
            self.enter_member(&key, key_line);
            let v = self.value(depth + 1)?;
            self.pointer.truncate(saved);
            map.0.push((key, v));
            if self.closed(b'}')? {
                return Ok(Value::Object(map));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        let mut items = Vec::new();
        if self.open(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            let saved = self.pointer.len();
            self.enter_item(items.len());
            items.push(self.value(depth + 1)?);
            self.pointer.truncate(saved);
            if self.closed(b']')? {
                return Ok(Value::Array(items));
            }
        }
    }

    /// Steps over an object's or array's opening bracket; true when `close` follows at once (it is empty).
    fn open(&mut self, close: u8) -> bool {
        self.pos += 1;
        self.skip_ws();
        let empty = self.bytes.get(self.pos) == Some(&close);
        if empty {
            self.pos += 1;
        }
        empty
    }

    /// After a member or an item: a ',' (false: more follow) or `close` (true: the end).
    fn closed(&mut self, close: u8) -> Result<bool, JsonError> {
        self.skip_ws();
        match self.bytes.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                Ok(false)
            }
            Some(&b) if b == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Err(self.separator_error(close)),
        }
    }

    #[cold]
    #[inline(never)]
    fn separator_error(&self, close: u8) -> JsonError {
        self.error(format!("expected ',' or '{}'", close as char))
    }

    #[cold]
    #[inline(never)]
    fn too_deep(&self) -> JsonError {
        self.error(format!("nested deeper than {MAX_DEPTH} levels"))
    }

    #[cold]
    #[inline(never)]
    fn duplicate(&self, key: &str) -> JsonError {
        // The name was decoded from escapes: it may hold control characters, and the message goes to a terminal.
        let key = crate::util::sanitize::clean_line(key);
        self.error(format!("the name \"{key}\" appears twice in one object"))
    }

    /// With lines tracked: the pointer moves to member `key`, whose name is on `line`.
    #[inline(never)]
    fn enter_member(&mut self, key: &str, line: usize) {
        if let Some(lines) = &mut self.lines {
            self.pointer.push('/');
            self.pointer.push_str(&pointer_token(key));
            lines.0.insert(self.pointer.clone(), line);
        }
    }

    /// With lines tracked: the pointer moves to array item `index`, which starts on the current line.
    #[inline(never)]
    fn enter_item(&mut self, index: usize) {
        if self.lines.is_some() {
            let _ = write!(self.pointer, "/{index}");
            self.record();
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[start..self.pos]);
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("control character inside a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return Err(self.error("unterminated string"));
        };
        self.pos += 1;
        match b {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let hi = self.hex4()?;
                let c =
                    if (0xD800..0xDC00).contains(&hi) && self.text[self.pos..].starts_with("\\u") {
                        self.pos += 2;
                        let lo = self.hex4()?;
                        char::from_u32(
                            0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF),
                        )
                    } else {
                        char::from_u32(hi)
                    };
                out.push(c.unwrap_or('\u{FFFD}'));
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("unknown escape in a string"));
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("bad \\u escape"))?;
        let n = u32::from_str_radix(digits, 16).map_err(|_| self.error("bad \\u escape"))?;
        self.pos += 4;
        Ok(n)
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        let mut float = false;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'0'..=b'9' | b'-' | b'+' => {}
                b'.' | b'e' | b'E' => float = true,
                _ => break,
            }
            self.pos += 1;
        }
        let s = &self.text[start..self.pos];
        let bad = || JsonError {
            line: self.line,
            column: start - self.line_start + 1,
            message: format!("bad number {s}"),
        };
        let digits = s.trim_start_matches('-');
        if digits.len() > 1
            && digits.starts_with('0')
            && !digits.starts_with("0.")
            && !digits.starts_with("0e")
        {
            return Err(bad());
        }
        if !float && let Ok(i) = s.parse::<i64>() {
            return Ok(Value::Int(i));
        }
        if s.starts_with('+') || s.ends_with('.') || s.contains("-.") || s.contains(".e") {
            return Err(bad());
        }
        s.parse::<f64>().map(Value::Float).map_err(|_| bad())
    }
}
