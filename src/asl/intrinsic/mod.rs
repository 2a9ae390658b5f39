//! Intrinsic functions (`States.Format('{} rows', $.rows)`) in payload templates: parsed when the definition is
//! checked, evaluated when a state runs. Random ones (UUID, MathRandom) are deterministic here so that runs replay.

mod eval;

pub use eval::eval;

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

#[cfg(test)]
mod tests;
