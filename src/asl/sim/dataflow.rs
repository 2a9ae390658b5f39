//! The JSONPath data flow of one state: InputPath → Parameters → (the work) → ResultSelector → ResultPath →
//! OutputPath. A path that selects nothing is a States.Runtime error, as on AWS.

use super::Fault;
use crate::asl::intrinsic;
use crate::asl::json::{Map, Value};
use crate::asl::model::PathField;
use crate::asl::path::Path;

/// AWS's wording for an InputPath/OutputPath that selects nothing: the whole path when only its last step is
/// missing, else the path up to the first missing step.
fn invalid(p: &Path, root: &Value) -> Fault {
    use crate::asl::path::Seg;
    let mut cur = Some(root);
    let mut brackets = String::from(if p.context { "$$" } else { "$" });
    for (i, seg) in p.segs.iter().enumerate() {
        match seg {
            Seg::Field(f) => brackets.push_str(&format!("['{f}']")),
            Seg::Index(n) => brackets.push_str(&format!("[{n}]")),
            _ => {
                return Fault::runtime(format!(
                    "Invalid path '{p}' : No results for path: {brackets}"
                ));
            }
        }
        cur = cur.and_then(|v| match seg {
            Seg::Field(f) => v.get(f),
            Seg::Index(n) => v
                .as_array()
                .and_then(|a| usize::try_from(*n).ok().and_then(|n| a.get(n))),
            _ => None,
        });
        if cur.is_none() && i + 1 < p.segs.len() {
            return Fault::runtime(format!(
                "Invalid path '{p}' : Missing property in path {brackets}"
            ));
        }
    }
    Fault::runtime(format!(
        "Invalid path '{p}' : No results for path: {brackets}"
    ))
}

/// AWS's wording for a template or `…Path` field whose path selects nothing.
pub fn not_found(p: &Path, field: &str, root: &Value) -> Fault {
    Fault::runtime(format!(
        "The JSONPath '{p}' specified for the field '{field}' could not be found in the input '{}'",
        root.compact()
    ))
}

/// InputPath or OutputPath: absent keeps the value, `null` gives `{}`.
pub fn select(field: &PathField, v: Value, context: &Value) -> Result<Value, Fault> {
    match field {
        PathField::Default => Ok(v),
        PathField::Null => Ok(Value::object()),
        PathField::Path(p) => {
            let root = if p.context { context } else { &v };
            p.select(root).ok_or_else(|| invalid(p, root))
        }
    }
}

/// ResultPath: where the result goes in the state's raw input.
pub fn place(field: &PathField, raw: &Value, result: Value) -> Result<Value, Fault> {
    match field {
        PathField::Default => Ok(result),
        PathField::Null => Ok(raw.clone()),
        PathField::Path(p) => {
            let mut out = raw.clone();
            p.set(&mut out, result)
                .map_err(|e| Fault::runtime(format!("Unable to apply ResultPath '{p}': {e}.")))?;
            Ok(out)
        }
    }
}

/// A payload template (Parameters, ResultSelector, ItemSelector): `.$` keys take a path's value or an intrinsic
/// function's result; other values are copied, nested objects processed the same way.
pub fn template(t: &Value, input: &Value, context: &Value, seq: &mut u64) -> Result<Value, Fault> {
    match t {
        Value::Object(m) => {
            let mut out = Map::default();
            for (k, v) in m.iter() {
                match k.strip_suffix(".$") {
                    Some(key) => {
                        let expr = v.as_str().unwrap_or_default().trim();
                        let value = if expr.starts_with("States.") {
                            let call = intrinsic::parse(expr).map_err(Fault::runtime)?;
                            intrinsic::eval(&call, input, context, seq).map_err(Fault::runtime)?
                        } else {
                            let p = Path::parse(expr).map_err(Fault::runtime)?;
                            let root = if p.context { context } else { input };
                            p.select(root).ok_or_else(|| not_found(&p, k, root))?
                        };
                        out.insert(key, value);
                    }
                    None => out.insert(k, template(v, input, context, seq)?),
                }
            }
            Ok(Value::Object(out))
        }
        Value::Array(items) => Ok(Value::Array(
            items
                .iter()
                .map(|i| template(i, input, context, seq))
                .collect::<Result<_, _>>()?,
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
