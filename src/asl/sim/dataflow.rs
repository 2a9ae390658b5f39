//! The JSONPath data flow of one state: InputPath → Parameters → (the work) → ResultSelector → ResultPath →
//! OutputPath. A path that selects nothing is a States.Runtime error, as on AWS.

use super::Fault;
use crate::asl::intrinsic;
use crate::asl::json::{Map, Value};
use crate::asl::model::PathField;
use crate::asl::path::Path;

pub fn show(p: &Path) -> String {
    p.to_string()
}

fn invalid(state: &str, field: &str, p: &Path, v: &Value) -> Fault {
    Fault::runtime(format!(
        "An error occurred while executing the state '{state}'. Invalid path '{}' in {field}: the {} has no such field (it is {}).",
        show(p),
        if p.context { "context object" } else { "input" },
        short(v)
    ))
}

fn short(v: &Value) -> String {
    let s = v.compact();
    if s.chars().count() > 60 { format!("{}…", s.chars().take(60).collect::<String>()) } else { s }
}

/// InputPath or OutputPath: absent keeps the value, `null` gives `{}`.
pub fn select(field: &PathField, v: Value, state: &str, name: &str, context: &Value) -> Result<Value, Fault> {
    match field {
        PathField::Default => Ok(v),
        PathField::Null => Ok(Value::object()),
        PathField::Path(p) => {
            let root = if p.context { context } else { &v };
            p.select(root).ok_or_else(|| invalid(state, name, p, root))
        }
    }
}

/// ResultPath: where the result goes in the state's raw input.
pub fn place(field: &PathField, raw: &Value, result: Value, state: &str) -> Result<Value, Fault> {
    match field {
        PathField::Default => Ok(result),
        PathField::Null => Ok(raw.clone()),
        PathField::Path(p) => {
            let mut out = raw.clone();
            p.set(&mut out, result).map_err(|e| {
                Fault::runtime(format!(
                    "An error occurred while executing the state '{state}'. Unable to apply ResultPath '{}': {e}.",
                    show(p)
                ))
            })?;
            Ok(out)
        }
    }
}

/// A payload template (Parameters, ResultSelector, ItemSelector): `.$` keys take a path's value or an intrinsic
/// function's result; other values are copied, nested objects processed the same way.
pub fn template(t: &Value, input: &Value, context: &Value, state: &str, field: &str, seq: &mut u64) -> Result<Value, Fault> {
    match t {
        Value::Object(m) => {
            let mut out = Map::default();
            for (k, v) in m.iter() {
                match k.strip_suffix(".$") {
                    Some(key) => {
                        let expr = v.as_str().unwrap_or_default().trim();
                        let value = if expr.starts_with("States.") {
                            let call = intrinsic::parse(expr).map_err(Fault::runtime)?;
                            intrinsic::eval(&call, input, context, seq).map_err(|e| {
                                Fault::runtime(format!("An error occurred while executing the state '{state}'. {e}"))
                            })?
                        } else {
                            let p = Path::parse(expr).map_err(Fault::runtime)?;
                            let root = if p.context { context } else { input };
                            p.select(root).ok_or_else(|| invalid(state, field, &p, root))?
                        };
                        out.insert(key, value);
                    }
                    None => out.insert(k, template(v, input, context, state, field, seq)?),
                }
            }
            Ok(Value::Object(out))
        }
        Value::Array(items) => Ok(Value::Array(
            items.iter().map(|i| template(i, input, context, state, field, seq)).collect::<Result<_, _>>()?,
        )),
        other => Ok(other.clone()),
    }
}

/// The error object a catcher hands on: `{"Error": …, "Cause": …}`.
pub fn error_object(error: &str, cause: &str) -> Value {
    Value::Object(Map(vec![
        ("Error".into(), Value::String(error.into())),
        ("Cause".into(), Value::String(cause.into())),
    ]))
}
