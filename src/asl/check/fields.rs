//! Plain field readers: each reports a wrong field at its pointer and gives `None`, so a caller keeps checking.

use super::{Checker, ptr};
use crate::asl::json::{Map, Value};

impl Checker {
    pub(super) fn query_language(&mut self, obj: &Map, at: &str) {
        if let Some(q) = obj.get("QueryLanguage")
            && q.as_str() != Some("JSONPath")
        {
            self.bad(
                &ptr(at, "QueryLanguage"),
                "the lab simulates the JSONPath query language only",
            );
        }
    }

    pub(super) fn unknown_fields(&mut self, obj: &Map, at: &str, known: &[&str], what: &str) {
        for k in obj.keys() {
            if !known.contains(&k) {
                self.bad(&ptr(at, k), format!("\"{k}\" is not a field of {what}"));
            }
        }
    }

    pub(super) fn positive_int(&mut self, v: &Value, at: &str, field: &str) -> Option<u64> {
        match v.as_int() {
            Some(i) if i > 0 => Some(i as u64),
            _ => {
                self.bad(
                    at,
                    format!("{field} must be a positive whole number, not {v}"),
                );
                None
            }
        }
    }

    pub(super) fn non_negative_int(&mut self, v: &Value, at: &str, field: &str) -> Option<u64> {
        match v.as_int() {
            Some(i) if i >= 0 => Some(i as u64),
            _ => {
                self.bad(
                    at,
                    format!("{field} must be a whole number of 0 or more, not {v}"),
                );
                None
            }
        }
    }

    /// A number field that must lie in `range` (`what` says so in the message).
    pub(super) fn number_in(
        &mut self,
        v: &Value,
        at: &str,
        field: &str,
        range: std::ops::RangeInclusive<f64>,
        what: &str,
    ) -> Option<f64> {
        match v.as_f64() {
            Some(n) if range.contains(&n) => Some(n),
            _ => {
                self.bad(at, format!("{field} must be {what}, not {v}"));
                None
            }
        }
    }

    pub(super) fn string(&mut self, obj: &Map, at: &str, field: &str) -> Option<String> {
        match obj.get(field) {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.bad(
                    &ptr(at, field),
                    format!("{field} must be a string, not {}", other.kind()),
                );
                None
            }
        }
    }
}
