//! A small JSON value with ordered objects, and a parser that remembers the line of every member. Why not serde_json:
//! ASL errors must name `path:line`, objects must keep the author's key order (AWS prints outputs in that order),
//! and a hostile definition (deep nesting, huge input) must get a clear error rather than a stack overflow.

use std::collections::HashMap;
use std::fmt::{self, Write};

/// Nesting deeper than this is refused: AWS itself limits definitions and payloads far below it.
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members in the order written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map(pub Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Replaces the value of an existing key in place, else appends.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.get_mut(&key) {
            Some(slot) => *slot = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl PartialEq for Value {
    /// Numbers compare by value (`1` equals `1.0`), objects regardless of key order, as JSON means them.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Array(a), Value::Array(b)) => a == b,
            (Value::Object(a), Value::Object(b)) => {
                a.0.len() == b.0.len() && a.iter().all(|(k, v)| b.get(k) == Some(v))
            }
            (a, b) => match (a.as_f64(), b.as_f64()) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            },
        }
    }
}

impl Value {
    pub fn object() -> Value {
        Value::Object(Map::default())
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Float(_))
    }

    /// A whole number, whether written `3` or `3.0`.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(*f as i64),
            _ => None,
        }
    }

    /// The JSON type's name, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// Compact JSON, as Step Functions prints payloads.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, None, 0);
        out
    }

    /// Two-space indented JSON.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(2), 0);
        out
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.compact())
    }
}

fn write_value(out: &mut String, v: &Value, indent: Option<usize>, level: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => write_float(out, *f),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            write_seq(out, indent, level, '[', ']', items.len(), |out, i, lvl| {
                write_value(out, &items[i], indent, lvl)
            });
        }
        Value::Object(map) => {
            write_seq(out, indent, level, '{', '}', map.0.len(), |out, i, lvl| {
                let (k, v) = &map.0[i];
                write_string(out, k);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, v, indent, lvl);
            });
        }
    }
}

fn write_seq(
    out: &mut String,
    indent: Option<usize>,
    level: usize,
    open: char,
    close: char,
    len: usize,
    mut item: impl FnMut(&mut String, usize, usize),
) {
    out.push(open);
    for i in 0..len {
        if i > 0 {
            out.push(',');
        }
        if let Some(n) = indent {
            out.push('\n');
            out.push_str(&" ".repeat(n * (level + 1)));
        }
        item(out, i, level + 1);
    }
    if let (Some(n), true) = (indent, len > 0) {
        out.push('\n');
        out.push_str(&" ".repeat(n * level));
    }
    out.push(close);
}

fn write_float(out: &mut String, f: f64) {
    if !f.is_finite() {
        out.push_str("null");
    } else if f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else {
        let _ = write!(out, "{f}");
    }
}

pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

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
        let column = self.text[self.line_start..self.pos.min(self.text.len())]
            .chars()
            .count()
            + 1;
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
        self.pos += 1;
        let mut map = Map::default();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
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
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            let saved = self.pointer.len();
            self.enter_item(items.len());
            items.push(self.value(depth + 1)?);
            self.pointer.truncate(saved);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn too_deep(&self) -> JsonError {
        self.error(format!("nested deeper than {MAX_DEPTH} levels"))
    }

    #[cold]
    #[inline(never)]
    fn duplicate(&self, key: &str) -> JsonError {
        self.error(format!("the name \"{key}\" appears twice in one object"))
    }

    /// With lines tracked: the pointer moves to member `key`, whose name is on `line`.
    #[inline(never)]
    fn enter_member(&mut self, key: &str, line: usize) {
        if let Some(lines) = &mut self.lines {
            self.pointer.push('/');
            self.pointer
                .push_str(&key.replace('~', "~0").replace('/', "~1"));
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
            _ => return Err(self.error("unknown escape in a string")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_key_order() {
        let text = r#"{"b": [1, 2.5, "x\n\"y\""], "a": {"c": null, "d": true}, "e": -3e2}"#;
        let v = parse(text).unwrap();
        assert_eq!(
            v.compact(),
            r#"{"b":[1,2.5,"x\n\"y\""],"a":{"c":null,"d":true},"e":-300}"#
        );
        assert_eq!(parse(&v.pretty()).unwrap(), v);
    }

    #[test]
    fn equality_is_by_json_meaning() {
        assert_eq!(
            parse(r#"{"a":1,"b":2}"#).unwrap(),
            parse(r#"{"b":2.0,"a":1}"#).unwrap()
        );
        assert_ne!(parse("[1,2]").unwrap(), parse("[2,1]").unwrap());
    }

    #[test]
    fn remembers_lines_of_members() {
        let text = "{\n  \"States\": {\n    \"A\": {\n      \"Next\": \"B\"\n    }\n  }\n}";
        let (_, lines) = parse_with_lines(text).unwrap();
        assert_eq!(lines.of("/States/A/Next"), 4);
        assert_eq!(lines.of("/States/A/Missing"), 3);
        assert_eq!(lines.of(""), 1);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 7));
        assert!(
            parse(r#"{"a":1,"a":2}"#)
                .unwrap_err()
                .message
                .contains("twice")
        );
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
        assert!(parse("-").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }

    #[test]
    fn unicode_escapes() {
        assert_eq!(
            parse(r#""\u00e9\ud83d\ude00""#).unwrap(),
            Value::String("é😀".into())
        );
    }
}
