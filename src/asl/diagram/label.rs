//! Short human wordings of a state's parts for the diagram: a Choice rule as `$.rows > 0`, a retrier as
//! `retry Glue.X ×3 (2 s, backoff ×2)`, a resource ARN without its boilerplate.

use std::fmt::Write;

use crate::asl::model::{Catcher, Kind, MapState, Operand, OrPath, Retrier, Rule, State, WaitFor};

/// Rule labels stop growing here: a label is cut to a line anyway, and a huge And must not cost a huge string.
const RULE_CAP: usize = 400;

/// A Choice rule as a short condition: `$.rows > 0`, `$.status == "FAILED"`, `IsPresent $.x`, `And(…, …)`.
pub fn rule(r: &Rule) -> String {
    let mut out = String::new();
    write_rule(&mut out, r);
    out
}

fn write_rule(out: &mut String, r: &Rule) {
    if out.len() > RULE_CAP {
        return;
    }
    let (name, parts) = match r {
        Rule::Compare {
            variable,
            op,
            operand,
        } => {
            let operand = match operand {
                Operand::Value(v) => v.compact(),
                Operand::Path(p) => p.to_string(),
            };
            if op.starts_with("Is") {
                let not = if operand == "false" { "!" } else { "" };
                let _ = write!(out, "{not}{op} {variable}");
            } else {
                let _ = write!(out, "{variable} {} {operand}", symbol(op));
            }
            return;
        }
        Rule::And(rules) => ("And", rules.iter().collect::<Vec<_>>()),
        Rule::Or(rules) => ("Or", rules.iter().collect()),
        Rule::Not(rule) => ("Not", vec![rule.as_ref()]),
    };
    out.push_str(name);
    out.push('(');
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_rule(out, part);
    }
    out.push(')');
}

/// Comparison operators as the symbols a learner reads fastest; `StringMatches` keeps its word.
fn symbol(op: &str) -> &str {
    const ENDINGS: [(&str, &str); 5] = [
        ("GreaterThanEquals", ">="),
        ("LessThanEquals", "<="),
        ("GreaterThan", ">"),
        ("LessThan", "<"),
        ("Equals", "=="),
    ];
    if op == "StringMatches" {
        return "matches";
    }
    ENDINGS
        .iter()
        .find(|(end, _)| op.ends_with(end))
        .map_or(op, |(_, sym)| sym)
}

/// `catch States.ALL`, `catch Glue.A, Glue.B`.
pub fn catch(c: &Catcher) -> String {
    format!("catch {}", c.errors.join(", "))
}

/// A retrier as (error names, summary): the names may be cut to fit, the summary is kept whole.
pub fn retry(r: &Retrier) -> (String, String) {
    let errors = r.errors.join(", ");
    if r.max_attempts == 0 {
        return (errors, " never retried".to_string());
    }
    let mut summary = format!(" ×{} ({} s", r.max_attempts, num(r.interval));
    if r.backoff != 1.0 {
        let _ = write!(summary, ", backoff ×{}", num(r.backoff));
    }
    if let Some(cap) = r.max_delay {
        let _ = write!(summary, ", max {} s", num(cap));
    }
    if r.jitter_full {
        summary.push_str(", jitter");
    }
    summary.push(')');
    (errors, summary)
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn or_path<T: std::fmt::Display>(v: &OrPath<T>, unit: &str) -> String {
    match v {
        OrPath::Literal(x) => format!("{x}{unit}"),
        OrPath::Path(p) => p.to_string(),
        OrPath::Intrinsic(s) => s.clone(),
    }
}

/// A Task resource without the ARN boilerplate: `glue:startJobRun.sync`, `lambda ValidateFiles`.
pub fn resource(r: &str) -> String {
    if let Some(service) = r.strip_prefix("arn:aws:states:::") {
        return service.to_string();
    }
    let parts: Vec<&str> = r.split(':').collect();
    match parts.as_slice() {
        ["arn", _, "lambda", _, _, "function", name, ..] => format!("lambda {name}"),
        ["arn", _, "states", _, _, "activity", name, ..] => format!("activity {name}"),
        _ => r.to_string(),
    }
}

/// The lines under a state's name that say what it does, if anything is worth a line.
pub fn detail(s: &State) -> Vec<String> {
    let line = match &s.kind {
        Kind::Task(t) => {
            let mut out = resource(&t.resource);
            if let Some(timeout) = &t.timeout {
                let _ = write!(out, " · timeout {}", or_path(timeout, " s"));
            }
            if let Some(beat) = &t.heartbeat {
                let _ = write!(out, " · heartbeat {}", or_path(beat, " s"));
            }
            out
        }
        Kind::Wait(OrPath::Path(p)) => format!("wait {p}"),
        Kind::Wait(OrPath::Intrinsic(f)) => format!("wait {f}"),
        Kind::Wait(OrPath::Literal(w)) => match w {
            WaitFor::Seconds(n) => format!("wait {n} s"),
            WaitFor::Timestamp(t) => format!("wait until {t}"),
            WaitFor::Path {
                path,
                seconds: true,
            } => format!("wait {path} s"),
            WaitFor::Path { path, .. } => format!("wait until {path}"),
        },
        // Error and cause each get a line: the error name is what a Catch or a learner matches on.
        Kind::Fail { error, cause } => {
            return [("error", error), ("cause", cause)]
                .into_iter()
                .filter_map(|(word, v)| v.as_ref().map(|v| format!("{word} {}", or_path(v, ""))))
                .collect();
        }
        // A huge Result is cut to a line later; compact JSON is what the learner wrote, minus the spaces.
        Kind::Pass { result: Some(v) } => format!("result {}", v.compact()),
        Kind::Map(map) => return tolerance(map).into_iter().collect(),
        _ => return Vec::new(),
    };
    vec![line]
}

/// `for each item of $.files (max 5 at once)`: the heading of a Map's item processor.
pub fn map_heading(m: &MapState) -> String {
    let items = m
        .items_path
        .as_ref()
        .map_or_else(|| "$".to_string(), |p| p.to_string());
    let at_once = match (&m.max_concurrency_path, m.max_concurrency) {
        (Some(p), _) => format!("max {p} at once"),
        (None, 0) => "no limit at once".to_string(),
        (None, 1) => "one at a time".to_string(),
        (None, n) => format!("max {n} at once"),
    };
    let mode = if m.distributed { "distributed: " } else { "" };
    format!("{mode}for each item of {items} ({at_once})")
}

/// `tolerates 10% failed items`, when the Map tolerates any.
fn tolerance(m: &MapState) -> Option<String> {
    match (m.tolerated_percentage, m.tolerated_count) {
        (Some(p), _) if p > 0.0 => Some(format!("tolerates {}% failed items", num(p))),
        (_, Some(n)) if n > 0 => Some(format!("tolerates {n} failed items")),
        _ => None,
    }
}
