//! The JSONPath subset that Step Functions' JSONPath query language uses: `$` (the state's input) or `$$` (the
//! context object), then `.name`, `['name']`, `[n]`, `[*]`/`.*` and `[a:b]`. Paths with a wildcard or a slice
//! select many values and give an array; a *reference path* (ResultPath, Variable) may not use them.

use super::json::{Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Field(String),
    Index(i64),
    Wildcard,
    Slice(Option<i64>, Option<i64>),
    /// `[?(@.status == 0)]`: the elements whose field compares true (or, with no comparison, exists).
    Filter(Filter),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub field: Vec<String>,
    pub compare: Option<(String, Value)>,
}

impl std::fmt::Display for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "@")?;
        for name in &self.field {
            write!(f, ".{name}")?;
        }
        if let Some((op, v)) = &self.compare {
            write!(f, " {op} {v}")?;
        }
        Ok(())
    }
}

impl Filter {
    fn parse(body: &str) -> Result<Filter, String> {
        let body = body.trim();
        let ops = ["==", "!=", "<=", ">=", "<", ">"];
        let (lhs, compare) = match ops.iter().find_map(|op| body.find(op).map(|i| (i, *op))) {
            Some((i, op)) => {
                let lit = body[i + op.len()..].trim().replace('\'', "\"");
                let v = crate::asl::json::parse(&lit)
                    .map_err(|_| format!("bad value in filter: {lit}"))?;
                (body[..i].trim(), Some((op.to_string(), v)))
            }
            None => (body, None),
        };
        let rest = lhs.strip_prefix('@').ok_or("a filter starts with @")?;
        let field: Vec<String> = rest
            .split('.')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        Ok(Filter { field, compare })
    }

    fn keeps(&self, v: &Value) -> bool {
        let mut cur = v;
        for name in &self.field {
            match cur.get(name) {
                Some(next) => cur = next,
                None => return false,
            }
        }
        let Some((op, lit)) = &self.compare else {
            return true;
        };
        let ord = match (cur.as_f64(), lit.as_f64(), cur.as_str(), lit.as_str()) {
            (Some(a), Some(b), _, _) => a.partial_cmp(&b),
            (_, _, Some(a), Some(b)) => Some(a.cmp(b)),
            _ => None,
        };
        match op.as_str() {
            "==" => cur == lit,
            "!=" => cur != lit,
            "<" => ord == Some(std::cmp::Ordering::Less),
            "<=" => matches!(
                ord,
                Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
            ),
            ">" => ord == Some(std::cmp::Ordering::Greater),
            _ => matches!(
                ord,
                Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
            ),
        }
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.context { "$$" } else { "$" })?;
        if let Some(v) = &self.variable {
            f.write_str(v)?;
        }
        for seg in &self.segs {
            match seg {
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
                Seg::Wildcard => write!(f, "[*]")?,
                Seg::Slice(a, b) => write!(
                    f,
                    "[{}:{}]",
                    a.map(|a| a.to_string()).unwrap_or_default(),
                    b.map(|b| b.to_string()).unwrap_or_default()
                )?,
                Seg::Filter(flt) => write!(f, "[?({flt})]")?,
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// `$$`: the context object rather than the input.
    pub context: bool,
    /// `$name…`: a workflow variable (the lab checks these but does not simulate them).
    pub variable: Option<String>,
    pub segs: Vec<Seg>,
}

impl Path {
    pub fn parse(text: &str) -> Result<Path, String> {
        let t = text.trim();
        let mut variable = None;
        let (context, mut rest) = if let Some(r) = t.strip_prefix("$$") {
            (true, r)
        } else if let Some(r) = t.strip_prefix('$') {
            let name_len = r
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(r.len());
            if name_len > 0 && r.starts_with(|c: char| c.is_alphabetic() || c == '_') {
                variable = Some(r[..name_len].to_string());
            }
            (false, &r[name_len..])
        } else {
            return Err(format!("'{text}' is not a path: a path starts with $"));
        };
        let mut segs = Vec::new();
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("..") {
                let _ = r;
                return Err(format!("'{text}': recursive descent (..) is not supported"));
            } else if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let name = &r[..end];
                if name.is_empty() {
                    return Err(format!("'{text}': a name is missing after '.'"));
                }
                segs.push(if name == "*" {
                    Seg::Wildcard
                } else {
                    Seg::Field(name.to_string())
                });
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let (seg, after) = bracket(r).map_err(|e| format!("'{text}': {e}"))?;
                segs.push(seg);
                rest = after;
            } else {
                return Err(format!("'{text}': expected '.' or '[' at '{rest}'"));
            }
        }
        Ok(Path {
            context,
            variable,
            segs,
        })
    }

    /// A reference path selects one place: no wildcard, no slice.
    pub fn is_reference(&self) -> bool {
        self.segs
            .iter()
            .all(|s| matches!(s, Seg::Field(_) | Seg::Index(_)))
    }

    /// The value(s) the path selects; `None` when a reference path's target is missing.
    pub fn select(&self, root: &Value) -> Option<Value> {
        if self.is_reference() {
            let mut cur = root;
            for seg in &self.segs {
                cur = step(cur, seg)?;
            }
            return Some(cur.clone());
        }
        let mut cur: Vec<&Value> = vec![root];
        for seg in &self.segs {
            let mut next = Vec::new();
            for v in cur {
                match seg {
                    Seg::Wildcard => match v {
                        Value::Array(a) => next.extend(a.iter()),
                        Value::Object(m) => next.extend(m.0.iter().map(|(_, v)| v)),
                        _ => {}
                    },
                    Seg::Slice(a, b) => {
                        if let Value::Array(items) = v {
                            let len = items.len() as i64;
                            let norm = |i: i64| if i < 0 { (len + i).max(0) } else { i.min(len) };
                            let (from, to) = (norm(a.unwrap_or(0)), norm(b.unwrap_or(len)));
                            if from < to {
                                next.extend(items[from as usize..to as usize].iter());
                            }
                        }
                    }
                    Seg::Filter(flt) => match v {
                        Value::Array(a) => next.extend(a.iter().filter(|x| flt.keeps(x))),
                        Value::Object(m) => {
                            next.extend(m.0.iter().map(|(_, x)| x).filter(|x| flt.keeps(x)))
                        }
                        _ => {}
                    },
                    other => next.extend(step(v, other)),
                }
            }
            cur = next;
        }
        Some(Value::Array(cur.into_iter().cloned().collect()))
    }

    /// Puts `value` where the reference path points inside `root`, creating objects on the way (ResultPath).
    pub fn set(&self, root: &mut Value, value: Value) -> Result<(), String> {
        let Some((last, init)) = self.segs.split_last() else {
            *root = value;
            return Ok(());
        };
        let mut cur = root;
        for seg in init {
            cur = match seg {
                Seg::Field(name) => {
                    let Value::Object(map) = cur else {
                        return Err(format!("cannot set a field inside {}", cur.kind()));
                    };
                    if map.get(name).is_none() {
                        map.insert(name.clone(), Value::object());
                    }
                    map.get_mut(name).expect("just inserted")
                }
                Seg::Index(i) => match cur {
                    Value::Array(a) if *i >= 0 && (*i as usize) < a.len() => &mut a[*i as usize],
                    _ => return Err(format!("no element [{i}] to set inside")),
                },
                _ => return Err("a ResultPath must be a reference path".into()),
            };
        }
        match (last, cur) {
            (Seg::Field(name), Value::Object(map)) => {
                map.insert(name.clone(), value);
                Ok(())
            }
            (Seg::Index(i), Value::Array(a)) if *i >= 0 && (*i as usize) < a.len() => {
                a[*i as usize] = value;
                Ok(())
            }
            (_, other) => Err(format!("cannot set a value inside {}", other.kind())),
        }
    }
}

fn step<'v>(v: &'v Value, seg: &Seg) -> Option<&'v Value> {
    match (seg, v) {
        (Seg::Field(name), Value::Object(m)) => m.get(name),
        (Seg::Index(i), Value::Array(a)) => {
            let i = if *i < 0 { a.len() as i64 + i } else { *i };
            usize::try_from(i).ok().and_then(|i| a.get(i))
        }
        _ => None,
    }
}

fn bracket(r: &str) -> Result<(Seg, &str), String> {
    if let Some(q) = r.strip_prefix('\'').or_else(|| r.strip_prefix('"')) {
        let quote = r.as_bytes()[0] as char;
        let end = q.find(quote).ok_or("unterminated quoted name")?;
        let after = q[end + 1..]
            .strip_prefix(']')
            .ok_or("expected ']' after a quoted name")?;
        return Ok((Seg::Field(q[..end].to_string()), after));
    }
    let end = r.find(']').ok_or("expected ']'")?;
    let inner = r[..end].trim();
    let after = &r[end + 1..];
    if inner == "*" {
        return Ok((Seg::Wildcard, after));
    }
    if let Some(f) = inner.strip_prefix("?(").and_then(|f| f.strip_suffix(')')) {
        return Filter::parse(f).map(|f| (Seg::Filter(f), after));
    }
    if inner.starts_with('?') || inner.starts_with('(') {
        return Err("only filters of the form [?(@.field == value)] are supported".into());
    }
    if let Some((a, b)) = inner.split_once(':') {
        let num = |s: &str| -> Result<Option<i64>, String> {
            let s = s.trim();
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse()
                    .map(Some)
                    .map_err(|_| format!("bad slice bound '{s}'"))
            }
        };
        return Ok((
            Seg::Slice(num(a)?, num(b.split(':').next().unwrap_or(""))?),
            after,
        ));
    }
    inner
        .parse::<i64>()
        .map(|i| (Seg::Index(i), after))
        .map_err(|_| format!("bad index '{inner}'"))
}

/// Builds `{"a": {"b": v}}` style objects for tests and templates.
pub fn object(members: Vec<(&str, Value)>) -> Value {
    Value::Object(Map(members
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::json::parse;

    fn sel(path: &str, doc: &str) -> Option<String> {
        Path::parse(path)
            .unwrap()
            .select(&parse(doc).unwrap())
            .map(|v| v.compact())
    }

    #[test]
    fn selects_fields_indices_and_many() {
        let doc = r#"{"a": {"b": [10, 20, 30]}, "c d": 1}"#;
        assert_eq!(sel("$.a.b[1]", doc).as_deref(), Some("20"));
        assert_eq!(sel("$.a.b[-1]", doc).as_deref(), Some("30"));
        assert_eq!(sel("$['c d']", doc).as_deref(), Some("1"));
        assert_eq!(sel("$.a.b[*]", doc).as_deref(), Some("[10,20,30]"));
        assert_eq!(sel("$.a.b[0:2]", doc).as_deref(), Some("[10,20]"));
        assert_eq!(
            sel("$", doc).as_deref(),
            Some(&*parse(doc).unwrap().compact())
        );
        assert_eq!(sel("$.missing", doc), None);
    }

    #[test]
    fn rejects_what_is_not_a_path() {
        assert!(Path::parse("a.b").is_err());
        assert!(Path::parse("$.").is_err());
        assert!(Path::parse("$..a").is_err());
        assert!(Path::parse("$[(@.length-1)]").is_err());
        assert_eq!(
            sel("$.u[?(@.s == 0)]", r#"{"u":[{"s":0},{"s":1}]}"#).as_deref(),
            Some(r#"[{"s":0}]"#)
        );
        assert_eq!(
            sel("$.u[?(@.n > 'b')]", r#"{"u":[{"n":"a"},{"n":"c"}]}"#).as_deref(),
            Some(r#"[{"n":"c"}]"#)
        );
        assert!(Path::parse("$$.Execution.Input").unwrap().context);
        assert!(!Path::parse("$.a[*]").unwrap().is_reference());
    }

    #[test]
    fn set_creates_objects_on_the_way() {
        let mut doc = parse(r#"{"x": 1}"#).unwrap();
        Path::parse("$.error.info")
            .unwrap()
            .set(&mut doc, Value::Int(2))
            .unwrap();
        assert_eq!(doc.compact(), r#"{"x":1,"error":{"info":2}}"#);
        Path::parse("$")
            .unwrap()
            .set(&mut doc, Value::Null)
            .unwrap();
        assert_eq!(doc, Value::Null);
        let mut s = parse(r#"{"x": "text"}"#).unwrap();
        assert!(
            Path::parse("$.x.y")
                .unwrap()
                .set(&mut s, Value::Int(1))
                .is_err()
        );
    }
}
