//! Intrinsic functions (`States.Format('{} rows', $.rows)`) in payload templates: parsed when the definition is
//! checked, evaluated when a state runs. Random ones (UUID, MathRandom) are deterministic here so that runs replay.

use super::json::{self, Value};
use super::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Literal(Value),
    Path(Path),
    Call(Call),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Arg>,
}

const FUNCTIONS: [(&str, usize, usize); 18] = [
    ("Format", 1, usize::MAX),
    ("StringToJson", 1, 1),
    ("JsonToString", 1, 1),
    ("Array", 0, usize::MAX),
    ("ArrayPartition", 2, 2),
    ("ArrayContains", 2, 2),
    ("ArrayRange", 3, 3),
    ("ArrayGetItem", 2, 2),
    ("ArrayLength", 1, 1),
    ("ArrayUnique", 1, 1),
    ("Base64Encode", 1, 1),
    ("Base64Decode", 1, 1),
    ("Hash", 2, 2),
    ("JsonMerge", 3, 3),
    ("MathRandom", 2, 3),
    ("MathAdd", 2, 2),
    ("StringSplit", 2, 2),
    ("UUID", 0, 0),
];

/// Parses `States.Name(args…)`.
pub fn parse(text: &str) -> Result<Call, String> {
    let mut p = P {
        s: text.trim(),
        pos: 0,
        depth: 0,
    };
    let call = p.call()?;
    if p.pos != p.s.len() {
        return Err(format!(
            "unexpected text after the intrinsic function: {}",
            &p.s[p.pos..]
        ));
    }
    Ok(call)
}

struct P<'a> {
    s: &'a str,
    pos: usize,
    depth: usize,
}

impl P<'_> {
    fn rest(&self) -> &str {
        &self.s[self.pos..]
    }

    fn skip_ws(&mut self) {
        while self.rest().starts_with(' ') {
            self.pos += 1;
        }
    }

    fn call(&mut self) -> Result<Call, String> {
        self.depth += 1;
        if self.depth > 32 {
            return Err("intrinsic functions nested too deeply".into());
        }
        let rest = self.rest();
        let Some(after) = rest.strip_prefix("States.") else {
            return Err(format!(
                "expected an intrinsic function (States.…), found '{rest}'"
            ));
        };
        let open = after
            .find('(')
            .ok_or("an intrinsic function needs '(' after its name")?;
        let name = after[..open].to_string();
        let Some(&(_, min, max)) = FUNCTIONS.iter().find(|(n, _, _)| *n == name) else {
            return Err(format!("States.{name} is not an intrinsic function"));
        };
        self.pos += "States.".len() + open + 1;
        let mut args = Vec::new();
        self.skip_ws();
        if self.rest().starts_with(')') {
            self.pos += 1;
        } else {
            loop {
                self.skip_ws();
                args.push(self.arg()?);
                self.skip_ws();
                match self.rest().chars().next() {
                    Some(',') => self.pos += 1,
                    Some(')') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(format!("States.{name}: expected ',' or ')'")),
                }
            }
        }
        if args.len() < min || args.len() > max {
            return Err(format!(
                "States.{name} takes {} arguments, not {}",
                if min == max {
                    min.to_string()
                } else if max == usize::MAX {
                    format!("at least {min}")
                } else {
                    format!("{min} to {max}")
                },
                args.len()
            ));
        }
        self.depth -= 1;
        Ok(Call { name, args })
    }

    fn arg(&mut self) -> Result<Arg, String> {
        let rest = self.rest();
        if rest.starts_with("States.") {
            return self.call().map(Arg::Call);
        }
        if let Some(body) = rest.strip_prefix('\'') {
            let mut out = String::new();
            let mut chars = body.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some((_, e)) => {
                            if !matches!(e, '\'' | '\\') {
                                out.push('\\');
                            }
                            out.push(e);
                        }
                        None => break,
                    },
                    '\'' => {
                        self.pos += 1 + i + 1;
                        return Ok(Arg::Literal(Value::String(out)));
                    }
                    c => out.push(c),
                }
            }
            return Err("unterminated string in an intrinsic function".into());
        }
        // A path or a number/true/false/null runs to the next ',' or ')' outside brackets and quotes.
        let mut depth = 0;
        let mut quote = None;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '[') => depth += 1,
                (None, ']') => depth -= 1,
                (None, ',' | ')') if depth == 0 => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let token = rest[..end].trim().to_string();
        self.pos += end;
        let token = token.as_str();
        if token.starts_with('$') {
            return Path::parse(token).map(Arg::Path);
        }
        json::parse(token)
            .map(Arg::Literal)
            .map_err(|_| format!("'{token}' is not a valid argument"))
    }
}

/// Evaluates a call; `input` and `context` are what `$` and `$$` select from.
pub fn eval(call: &Call, input: &Value, context: &Value, seq: &mut u64) -> Result<Value, String> {
    let mut args = Vec::with_capacity(call.args.len());
    for a in &call.args {
        args.push(match a {
            Arg::Literal(v) => v.clone(),
            Arg::Path(p) => p
                .select(if p.context { context } else { input })
                .ok_or_else(|| format!("States.{}: the path {} selects nothing", call.name, p))?,
            Arg::Call(c) => eval(c, input, context, seq)?,
        });
    }
    let name = call.name.as_str();
    let bad = |what: &str| format!("States.{name}: {what}");
    let int = |v: &Value, what: &str| {
        v.as_int()
            .ok_or_else(|| bad(&format!("{what} must be a whole number, not {v}")))
    };
    let array = |v: &Value| {
        v.as_array()
            .cloned()
            .ok_or_else(|| bad(&format!("expected an array, not {v}")))
    };
    let string = |v: &Value| {
        v.as_str()
            .map(String::from)
            .ok_or_else(|| bad(&format!("expected a string, not {v}")))
    };
    Ok(match name {
        "Format" => format(&string(&args[0])?, &args[1..]).map_err(|e| bad(&e))?,
        "StringToJson" => {
            let text = string(&args[0])?;
            if text.trim().is_empty() {
                Value::Null
            } else {
                json::parse(&text).map_err(|e| bad(&e.message))?
            }
        }
        "JsonToString" => Value::String(args[0].compact()),
        "Array" => Value::Array(args),
        "ArrayPartition" => {
            let size = int(&args[1], "the chunk size")?;
            if size <= 0 {
                return Err(bad("the chunk size must be positive"));
            }
            Value::Array(
                array(&args[0])?
                    .chunks(size as usize)
                    .map(|c| Value::Array(c.to_vec()))
                    .collect(),
            )
        }
        "ArrayContains" => Value::Bool(array(&args[0])?.contains(&args[1])),
        "ArrayRange" => {
            let (a, b, step) = (
                int(&args[0], "start")?,
                int(&args[1], "end")?,
                int(&args[2], "step")?,
            );
            if step == 0 {
                return Err(bad("the step cannot be 0"));
            }
            let mut out = Vec::new();
            let mut i = a;
            while (step > 0 && i <= b) || (step < 0 && i >= b) {
                if out.len() >= 1000 {
                    return Err(bad("the range has more than 1,000 items"));
                }
                out.push(Value::Int(i));
                i += step;
            }
            Value::Array(out)
        }
        "ArrayGetItem" => {
            let idx = int(&args[1], "the index")?;
            array(&args[0])?
                .get(usize::try_from(idx).map_err(|_| bad("negative index"))?)
                .cloned()
                .ok_or_else(|| bad("index out of range"))?
        }
        "ArrayLength" => Value::Int(array(&args[0])?.len() as i64),
        "ArrayUnique" => {
            let mut out: Vec<Value> = Vec::new();
            for v in array(&args[0])? {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            Value::Array(out)
        }
        "Base64Encode" => Value::String(base64_encode(string(&args[0])?.as_bytes())),
        "Base64Decode" => {
            let bytes = base64_decode(&string(&args[0])?).ok_or_else(|| bad("not valid base64"))?;
            Value::String(
                String::from_utf8(bytes)
                    .map_err(|_| bad("the decoded bytes are not UTF-8 text"))?,
            )
        }
        "Hash" => Value::String(hash(&args[0], &string(&args[1])?).map_err(|e| bad(&e))?),
        "JsonMerge" => {
            if args[2] != Value::Bool(false) {
                return Err(bad("only a shallow merge (false) is supported, as in AWS"));
            }
            let (Value::Object(a), Value::Object(b)) = (&args[0], &args[1]) else {
                return Err(bad("both arguments must be objects"));
            };
            let mut merged = a.clone();
            for (k, v) in b.iter() {
                merged.insert(k, v.clone());
            }
            Value::Object(merged)
        }
        "MathRandom" => {
            let (lo, hi) = (int(&args[0], "start")?, int(&args[1], "end")?);
            if hi <= lo {
                return Err(bad("end must be greater than start"));
            }
            *seq = seq
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            Value::Int(lo + ((*seq >> 33) % (hi - lo) as u64) as i64)
        }
        "MathAdd" => {
            // Non-whole numbers are rounded half up first, as AWS does (1.49 + 1.5 = 1 + 2).
            let round = |v: &Value| {
                v.as_f64()
                    .map(|f| (f + 0.5).floor() as i64)
                    .ok_or_else(|| bad(&format!("expected a number, not {v}")))
            };
            Value::Int(
                round(&args[0])?
                    .checked_add(round(&args[1])?)
                    .ok_or_else(|| bad("overflow"))?,
            )
        }
        "StringSplit" => {
            let (s, delims) = (string(&args[0])?, string(&args[1])?);
            Value::Array(
                s.split(|c| delims.contains(c))
                    .filter(|t| !t.is_empty())
                    .map(|t| Value::String(t.into()))
                    .collect(),
            )
        }
        "UUID" => {
            *seq += 1;
            Value::String(format!("00000000-0000-4000-8000-{:012x}", *seq))
        }
        _ => return Err(bad("unknown function")),
    })
}

/// `States.Format`: each `{}` takes the next argument; `\{` and `\}` are literal braces.
fn format(template: &str, args: &[Value]) -> Result<Value, String> {
    let mut out = String::new();
    let mut used = 0;
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('{' | '}' | '\\' | '\'')) => {
                out.push(chars.next().unwrap_or('\\'))
            }
            '{' if chars.peek() == Some(&'}') => {
                chars.next();
                let arg = args.get(used).ok_or("more {} than arguments")?;
                used += 1;
                out.push_str(&java_text(arg));
            }
            c => out.push(c),
        }
    }
    if used != args.len() {
        return Err(format!(
            "{} arguments but {used} {{}} in the template",
            args.len()
        ));
    }
    Ok(Value::String(out))
}

/// How AWS's States.Format prints an argument: strings bare, objects and arrays as Java maps and lists do
/// (`{Arg1=1, Arg2=[]}`).
fn java_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(java_text).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{k}={}", java_text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.compact(),
    }
}

fn hash(data: &Value, algorithm: &str) -> Result<String, String> {
    use sha2::Digest;
    let text = data
        .as_str()
        .map(String::from)
        .unwrap_or_else(|| data.compact());
    let bytes = text.as_bytes();
    let digest: Vec<u8> = match algorithm {
        "MD5" => md5::Md5::digest(bytes).to_vec(),
        "SHA-1" => sha1::Sha1::digest(bytes).to_vec(),
        "SHA-256" => sha2::Sha256::digest(bytes).to_vec(),
        "SHA-384" => sha2::Sha384::digest(bytes).to_vec(),
        "SHA-512" => sha2::Sha512::digest(bytes).to_vec(),
        other => {
            return Err(format!(
                "'{other}' is not an algorithm: MD5, SHA-1, SHA-256, SHA-384 or SHA-512"
            ));
        }
    };
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let clean: Vec<u8> = text.bytes().filter(|&b| b != b'=').collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &b) in chunk.iter().enumerate() {
            let v = B64.iter().position(|&c| c == b)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i) & 0xFF) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(expr: &str, input: &str) -> Result<String, String> {
        let call = parse(expr)?;
        eval(&call, &json::parse(input).unwrap(), &Value::Null, &mut 0).map(|v| v.compact())
    }

    #[test]
    fn evaluates_the_documented_examples() {
        assert_eq!(
            run(
                "States.Format('Hello, my name is {}.', $.name)",
                r#"{"name":"Arnav"}"#
            )
            .unwrap(),
            r#""Hello, my name is Arnav.""#
        );
        assert_eq!(
            run("States.Array('Foo', 2020, $.x, null)", r#"{"x":true}"#).unwrap(),
            r#"["Foo",2020,true,null]"#
        );
        assert_eq!(
            run("States.ArrayPartition($.a, 4)", r#"{"a":[1,2,3,4,5,6,7]}"#).unwrap(),
            "[[1,2,3,4],[5,6,7]]"
        );
        assert_eq!(
            run("States.ArrayRange(1, 9, 2)", "{}").unwrap(),
            "[1,3,5,7,9]"
        );
        assert_eq!(
            run("States.ArrayUnique($.a)", r#"{"a":[1,2,3,3,3,3,3,3,4]}"#).unwrap(),
            "[1,2,3,4]"
        );
        assert_eq!(
            run("States.Base64Encode('Data to encode')", "{}").unwrap(),
            r#""RGF0YSB0byBlbmNvZGU=""#
        );
        assert_eq!(
            run("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "{}").unwrap(),
            r#""Data to encode""#
        );
        assert_eq!(
            run("States.StringSplit('1,2,3,4,5', ',')", "{}").unwrap(),
            r#"["1","2","3","4","5"]"#
        );
        assert_eq!(
            run("States.MathAdd($.v, -1)", r#"{"v":111}"#).unwrap(),
            "110"
        );
        assert_eq!(
            run("States.JsonToString($.o)", r#"{"o":{"a":1}}"#).unwrap(),
            r#""{\"a\":1}""#
        );
        assert_eq!(
            run("States.StringToJson($.s)", r#"{"s":"{\"a\":1}"}"#).unwrap(),
            r#"{"a":1}"#
        );
        assert_eq!(
            run("States.ArrayLength(States.Array(1, 2))", "{}").unwrap(),
            "2"
        );
        assert_eq!(
            run("States.Format('\\{{}\\}', 'x')", "{}").unwrap(),
            r#""{x}""#
        );
    }

    #[test]
    fn parse_errors_are_clear() {
        assert!(
            parse("States.Nope(1)")
                .unwrap_err()
                .contains("not an intrinsic")
        );
        assert!(
            parse("States.ArrayLength(1, 2)")
                .unwrap_err()
                .contains("takes 1")
        );
        assert!(parse("States.Format('x").is_err());
        assert!(run("States.Format('{} {}', 1)", "{}").is_err());
    }
}
