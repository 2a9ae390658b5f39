//! Choice states: their rules, nested with And, Or and Not, and the comparisons at the leaves.

use super::{Checker, is_timestamp, ptr};
use crate::asl::json::{Map, Value};
use crate::asl::model::{Kind, OPERATORS, Operand, Rule};

impl Checker {
    pub(super) fn choice(&mut self, obj: &Map, at: &str) -> Option<Kind> {
        let default = self.string(obj, at, "Default");
        let at_c = ptr(at, "Choices");
        let Some(Value::Array(list)) = obj
            .get("Choices")
            .filter(|c| c.as_array().is_some_and(|a| !a.is_empty()))
        else {
            self.bad(
                at,
                "a Choice state needs Choices: a non-empty array of rules",
            );
            return None;
        };
        let mut rules = Vec::new();
        for (i, r) in list.iter().enumerate() {
            let here = format!("{at_c}/{i}");
            let next = match r.get("Next") {
                Some(Value::String(n)) => Some(n.clone()),
                _ => {
                    self.bad(
                        &here,
                        "each Choice rule needs Next: the state to go to when it matches",
                    );
                    None
                }
            };
            let rule = self.rule(r, &here, true);
            if let (Some(rule), Some(next)) = (rule, next) {
                rules.push((rule, next));
            }
        }
        (rules.len() == list.len()).then_some(Kind::Choice { rules, default })
    }

    fn rule(&mut self, v: &Value, at: &str, top: bool) -> Option<Rule> {
        let Some(obj) = v.as_object() else {
            self.bad(at, "a Choice rule must be an object");
            return None;
        };
        let ops: Vec<&str> = obj
            .keys()
            .filter(|k| !matches!(*k, "Variable" | "Next" | "Comment" | "Assign"))
            .collect();
        if !top && obj.get("Next").is_some() {
            self.bad(
                &ptr(at, "Next"),
                "only a top-level Choice rule has Next; a nested rule inside And/Or/Not has none",
            );
        }
        if ops.len() != 1 {
            self.bad(
                at,
                format!(
                    "a Choice rule needs exactly one operator (found {}: {})",
                    ops.len(),
                    ops.join(", ")
                ),
            );
            return None;
        }
        let op = ops[0];
        let here = ptr(at, op);
        let operand = obj.get(op)?;
        match op {
            "And" | "Or" => {
                let Some(list) = operand.as_array().filter(|a| !a.is_empty()) else {
                    self.bad(&here, format!("{op} needs a non-empty array of rules"));
                    return None;
                };
                let rules: Vec<Rule> = list
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| self.rule(r, &format!("{here}/{i}"), false))
                    .collect();
                (rules.len() == list.len()).then(|| {
                    if op == "And" {
                        Rule::And(rules)
                    } else {
                        Rule::Or(rules)
                    }
                })
            }
            "Not" => self
                .rule(operand, &here, false)
                .map(|r| Rule::Not(Box::new(r))),
            _ => self.comparison(obj, at, op, operand),
        }
    }

    fn comparison(&mut self, obj: &Map, at: &str, op: &str, operand: &Value) -> Option<Rule> {
        let here = ptr(at, op);
        let Some(variable) = obj.get("Variable") else {
            self.bad(at, format!("{op} compares a Variable, which is missing"));
            return None;
        };
        let variable = self.path(variable, &ptr(at, "Variable"), "Variable", false)?;
        let base = op.strip_suffix("Path").unwrap_or(op);
        let Some((_, ty)) = OPERATORS.iter().find(|(name, _)| *name == base) else {
            self.bad(&here, format!("\"{op}\" is not a Choice operator"));
            return None;
        };
        if op.ends_with("Path") && !base.starts_with("Is") && base != "StringMatches" {
            return self.path(operand, &here, op, false).map(|p| Rule::Compare {
                variable,
                op: base.to_string(),
                operand: Operand::Path(p),
            });
        }
        let ok = match *ty {
            "string" => operand.as_str().is_some(),
            "number" => operand.is_number(),
            "boolean" => matches!(operand, Value::Bool(_)),
            _ => operand.as_str().is_some_and(is_timestamp),
        };
        if !ok || op.ends_with("Path") {
            let want = if *ty == "timestamp" {
                "an RFC 3339 timestamp string".to_string()
            } else {
                format!("a {ty}")
            };
            self.bad(&here, format!("{op} takes {want}, not {operand}"));
            return None;
        }
        Some(Rule::Compare {
            variable,
            op: op.to_string(),
            operand: Operand::Value(operand.clone()),
        })
    }
}
