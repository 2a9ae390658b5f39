//! Choice rules evaluated against a state's effective input. A comparison of mismatched types is simply false; a
//! Variable that selects nothing is a States.Runtime error, except for `IsPresent`.

use std::cmp::Ordering;

use super::Fault;
use crate::asl::json::Value;
use crate::asl::model::{Operand, Rule};
use crate::asl::path::Path;

pub fn matches(rule: &Rule, input: &Value, context: &Value) -> Result<bool, Fault> {
    match rule {
        Rule::And(rules) => {
            for r in rules {
                if !matches(r, input, context)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Rule::Or(rules) => {
            for r in rules {
                if matches(r, input, context)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Rule::Not(r) => Ok(!matches(r, input, context)?),
        Rule::Compare {
            variable,
            op,
            operand,
        } => {
            let value = lookup(variable, input, context);
            if op == "IsPresent" {
                return Ok(value.is_some() == (operand_value(operand) == Value::Bool(true)));
            }
            let Some(value) = value else {
                return Err(Fault::runtime(format!(
                    "Invalid path '{variable}': The choice state's condition path references an invalid value."
                )));
            };
            let expected = match operand {
                Operand::Value(v) => v.clone(),
                Operand::Path(p) => lookup(p, input, context).ok_or_else(|| {
                    Fault::runtime(format!(
                        "Invalid path '{p}': The choice state's condition path references an invalid value."
                    ))
                })?,
            };
            Ok(compare(op, &value, &expected))
        }
    }
}

fn operand_value(o: &Operand) -> Value {
    match o {
        Operand::Value(v) => v.clone(),
        Operand::Path(_) => Value::Null,
    }
}

fn lookup(p: &Path, input: &Value, context: &Value) -> Option<Value> {
    p.select(if p.context { context } else { input })
}

fn timestamp(v: &Value) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    v.as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
}

fn compare(op: &str, value: &Value, expected: &Value) -> bool {
    let is = |b: bool| expected == &Value::Bool(b);
    let ordered = |want: &[Ordering], ord: Option<Ordering>| ord.is_some_and(|o| want.contains(&o));
    let (family, rel) = split(op);
    let ord = match family {
        "String" => match (value.as_str(), expected.as_str()) {
            (Some(a), Some(b)) if rel == "Matches" => return glob(b, a),
            (Some(a), Some(b)) => Some(a.cmp(b)),
            _ => None,
        },
        "Numeric" => match (value.as_f64(), expected.as_f64()) {
            (Some(a), Some(b)) => a.partial_cmp(&b),
            _ => None,
        },
        "Boolean" => return matches!((value, expected), (Value::Bool(a), Value::Bool(b)) if a == b),
        "Timestamp" => match (timestamp(value), timestamp(expected)) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            _ => None,
        },
        _ => {
            let holds = match op {
                "IsNull" => matches!(value, Value::Null),
                "IsNumeric" => value.is_number(),
                "IsString" => value.as_str().is_some(),
                "IsBoolean" => matches!(value, Value::Bool(_)),
                "IsTimestamp" => timestamp(value).is_some(),
                _ => false,
            };
            return is(holds);
        }
    };
    match rel {
        "Equals" => ordered(&[Ordering::Equal], ord),
        "LessThan" => ordered(&[Ordering::Less], ord),
        "GreaterThan" => ordered(&[Ordering::Greater], ord),
        "LessThanEquals" => ordered(&[Ordering::Less, Ordering::Equal], ord),
        "GreaterThanEquals" => ordered(&[Ordering::Greater, Ordering::Equal], ord),
        _ => false,
    }
}

/// `NumericLessThanEquals` → ("Numeric", "LessThanEquals").
fn split(op: &str) -> (&str, &str) {
    for family in ["String", "Numeric", "Boolean", "Timestamp"] {
        if let Some(rel) = op.strip_prefix(family) {
            return (family, rel);
        }
    }
    (op, "")
}

/// StringMatches: `*` matches any run of characters; `\*` and `\\` are literal.
fn glob(pattern: &str, text: &str) -> bool {
    let mut parts: Vec<(bool, char)> = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => parts.push((false, chars.next().unwrap_or('\\'))),
            '*' => parts.push((true, '*')),
            c => parts.push((false, c)),
        }
    }
    let text: Vec<char> = text.chars().collect();
    // Classic two-pointer wildcard match: linear-ish, no backtracking blow-up.
    let (mut p, mut t, mut star, mut mark) = (0, 0, None, 0);
    while t < text.len() {
        if p < parts.len() && !parts[p].0 && parts[p].1 == text[t] {
            p += 1;
            t += 1;
        } else if p < parts.len() && parts[p].0 {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    parts[p..].iter().all(|(wild, _)| *wild)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_compare_like_aws() {
        let n = |x: f64| Value::Float(x);
        assert!(compare("NumericLessThanEquals", &Value::Int(3), &n(3.0)));
        assert!(!compare(
            "NumericLessThan",
            &Value::String("1".into()),
            &n(3.0)
        ));
        assert!(compare(
            "StringGreaterThan",
            &Value::String("b".into()),
            &Value::String("a".into())
        ));
        assert!(compare(
            "TimestampLessThan",
            &Value::String("2026-01-01T00:00:00Z".into()),
            &Value::String("2026-01-01T00:00:01+00:00".into())
        ));
        assert!(compare("IsNull", &Value::Null, &Value::Bool(true)));
        assert!(compare(
            "IsNumeric",
            &Value::String("1".into()),
            &Value::Bool(false)
        ));
        assert!(compare(
            "BooleanEquals",
            &Value::Bool(true),
            &Value::Bool(true)
        ));
    }

    #[test]
    fn string_matches_wildcards() {
        assert!(glob("log-*.txt", "log-2026.txt"));
        assert!(glob("*", ""));
        assert!(!glob("log-*.txt", "log-2026.csv"));
        assert!(glob("a\\*b", "a*b"));
        assert!(!glob("a\\*b", "axb"));
        assert!(glob(
            "*a*a*a*a*b",
            &"a".repeat(40).to_string().replace("aaaa", "aaab")
        ));
    }
}
