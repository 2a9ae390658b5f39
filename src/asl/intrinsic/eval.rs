//! Evaluating intrinsic functions: arguments first (paths select, nested calls run), then the function. Every
//! error names the function, as AWS's do.

use super::{Arg, Call};
use crate::asl::json::{self, Value};

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
    let f = Fun(&call.name);
    Ok(match call.name.as_str() {
        "Format" => format(&f.string(&args[0])?, &args[1..]).map_err(|e| f.bad(&e))?,
        "StringToJson" => string_to_json(&f, &args[0])?,
        "JsonToString" => Value::String(args[0].compact()),
        "Array" => Value::Array(args),
        "ArrayPartition" => array_partition(&f, &args)?,
        "ArrayContains" => Value::Bool(f.array(&args[0])?.contains(&args[1])),
        "ArrayRange" => array_range(&f, &args)?,
        "ArrayGetItem" => {
            let idx = f.int(&args[1], "the index")?;
            f.array(&args[0])?
                .get(usize::try_from(idx).map_err(|_| f.bad("negative index"))?)
                .cloned()
                .ok_or_else(|| f.bad("index out of range"))?
        }
        "ArrayLength" => Value::Int(f.array(&args[0])?.len() as i64),
        "ArrayUnique" => {
            let mut out: Vec<Value> = Vec::new();
            for v in f.array(&args[0])? {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            Value::Array(out)
        }
        "Base64Encode" => Value::String(base64_encode(f.string(&args[0])?.as_bytes())),
        "Base64Decode" => {
            let bytes =
                base64_decode(&f.string(&args[0])?).ok_or_else(|| f.bad("not valid base64"))?;
            Value::String(
                String::from_utf8(bytes)
                    .map_err(|_| f.bad("the decoded bytes are not UTF-8 text"))?,
            )
        }
        "Hash" => Value::String(hash(&args[0], &f.string(&args[1])?).map_err(|e| f.bad(&e))?),
        "JsonMerge" => json_merge(&f, &args)?,
        "MathRandom" => math_random(&f, &args, seq)?,
        "MathAdd" => math_add(&f, &args)?,
        "StringSplit" => {
            let (s, delims) = (f.string(&args[0])?, f.string(&args[1])?);
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
        _ => return Err(f.bad("unknown function")),
    })
}

/// The function being evaluated (its name after `States.`): its errors and its argument readers.
struct Fun<'a>(&'a str);

impl Fun<'_> {
    fn bad(&self, what: &str) -> String {
        format!("States.{}: {what}", self.0)
    }

    fn int(&self, v: &Value, what: &str) -> Result<i64, String> {
        v.as_int()
            .ok_or_else(|| self.bad(&format!("{what} must be a whole number, not {v}")))
    }

    fn array(&self, v: &Value) -> Result<Vec<Value>, String> {
        v.as_array()
            .cloned()
            .ok_or_else(|| self.bad(&format!("expected an array, not {v}")))
    }

    fn string(&self, v: &Value) -> Result<String, String> {
        v.as_str()
            .map(String::from)
            .ok_or_else(|| self.bad(&format!("expected a string, not {v}")))
    }
}

fn string_to_json(f: &Fun, arg: &Value) -> Result<Value, String> {
    let text = f.string(arg)?;
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    json::parse(&text).map_err(|e| f.bad(&e.message))
}

fn array_partition(f: &Fun, args: &[Value]) -> Result<Value, String> {
    let size = f.int(&args[1], "the chunk size")?;
    if size <= 0 {
        return Err(f.bad("the chunk size must be positive"));
    }
    Ok(Value::Array(
        f.array(&args[0])?
            .chunks(size as usize)
            .map(|c| Value::Array(c.to_vec()))
            .collect(),
    ))
}

fn array_range(f: &Fun, args: &[Value]) -> Result<Value, String> {
    let (a, b, step) = (
        f.int(&args[0], "start")?,
        f.int(&args[1], "end")?,
        f.int(&args[2], "step")?,
    );
    if step == 0 {
        return Err(f.bad("the step cannot be 0"));
    }
    let mut out = Vec::new();
    let mut i = a;
    while (step > 0 && i <= b) || (step < 0 && i >= b) {
        if out.len() >= 1000 {
            return Err(f.bad("the range has more than 1,000 items"));
        }
        out.push(Value::Int(i));
        i += step;
    }
    Ok(Value::Array(out))
}

fn json_merge(f: &Fun, args: &[Value]) -> Result<Value, String> {
    if args[2] != Value::Bool(false) {
        return Err(f.bad("only a shallow merge (false) is supported, as in AWS"));
    }
    let (Value::Object(a), Value::Object(b)) = (&args[0], &args[1]) else {
        return Err(f.bad("both arguments must be objects"));
    };
    let mut merged = a.clone();
    for (k, v) in b.iter() {
        merged.insert(k, v.clone());
    }
    Ok(Value::Object(merged))
}

/// Deterministic (a linear congruential step on `seq`) so that runs replay.
fn math_random(f: &Fun, args: &[Value], seq: &mut u64) -> Result<Value, String> {
    let (lo, hi) = (f.int(&args[0], "start")?, f.int(&args[1], "end")?);
    if hi <= lo {
        return Err(f.bad("end must be greater than start"));
    }
    *seq = seq
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    Ok(Value::Int(lo + ((*seq >> 33) % (hi - lo) as u64) as i64))
}

fn math_add(f: &Fun, args: &[Value]) -> Result<Value, String> {
    // Non-whole numbers are rounded half up first, as AWS does (1.49 + 1.5 = 1 + 2).
    let round = |v: &Value| {
        v.as_f64()
            .map(|x| (x + 0.5).floor() as i64)
            .ok_or_else(|| f.bad(&format!("expected a number, not {v}")))
    };
    Ok(Value::Int(
        round(&args[0])?
            .checked_add(round(&args[1])?)
            .ok_or_else(|| f.bad("overflow"))?,
    ))
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
    let text = data.as_text();
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
