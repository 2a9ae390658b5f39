//! Retry and Catch: a list of handlers, each matching an error list; `States.ALL` stands alone and last.

use super::{Checker, ptr};
use crate::asl::json::{Map, Value};
use crate::asl::model::{Catcher, Retrier};

const RETRIER_FIELDS: [&str; 7] = [
    "ErrorEquals",
    "IntervalSeconds",
    "MaxAttempts",
    "BackoffRate",
    "MaxDelaySeconds",
    "JitterStrategy",
    "Comment",
];

const CATCHER_FIELDS: [&str; 5] = ["ErrorEquals", "Next", "ResultPath", "Comment", "Assign"];

/// Retry or Catch: the state's field, what one handler is called, and the fields a handler may have.
struct Handlers {
    field: &'static str,
    one: &'static str,
    known: &'static [&'static str],
}

const RETRY: Handlers = Handlers {
    field: "Retry",
    one: "retrier",
    known: &RETRIER_FIELDS,
};

const CATCH: Handlers = Handlers {
    field: "Catch",
    one: "catcher",
    known: &CATCHER_FIELDS,
};

impl Checker {
    pub(super) fn retriers(&mut self, obj: &Map, at: &str) -> Vec<Retrier> {
        self.handlers(obj, at, &RETRY, Self::retrier)
    }

    pub(super) fn catchers(&mut self, obj: &Map, at: &str) -> Vec<Catcher> {
        self.handlers(obj, at, &CATCH, Self::catcher)
    }

    /// The rules every handler list shares; `build` checks the rest of one handler, given its error list.
    fn handlers<T>(
        &mut self,
        obj: &Map,
        at: &str,
        kind: &Handlers,
        mut build: impl FnMut(&mut Self, &Map, &str, Vec<String>) -> Option<T>,
    ) -> Vec<T> {
        let Some(v) = obj.get(kind.field) else {
            return Vec::new();
        };
        let (field, one) = (kind.field, kind.one);
        let at_list = ptr(at, field);
        let Some(list) = v.as_array() else {
            self.bad(&at_list, format!("{field} must be an array of {one}s"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, h) in list.iter().enumerate() {
            let here = format!("{at_list}/{i}");
            let Some(o) = h.as_object() else {
                self.bad(&here, format!("a {one} must be an object"));
                continue;
            };
            self.unknown_fields(o, &here, kind.known, &format!("a {one}"));
            let errors = self.error_list(o, &here, one);
            if errors.iter().any(|e| e == "States.ALL") && i + 1 < list.len() {
                self.bad(
                    &ptr(&here, "ErrorEquals"),
                    format!("a {one} on States.ALL must be the last {one}"),
                );
            }
            out.extend(build(self, o, &here, errors));
        }
        out
    }

    fn error_list(&mut self, obj: &Map, at: &str, what: &str) -> Vec<String> {
        let list = match obj.get("ErrorEquals") {
            Some(Value::Array(a)) if !a.is_empty() && a.iter().all(|e| e.as_str().is_some()) => a
                .iter()
                .filter_map(|e| e.as_str().map(String::from))
                .collect::<Vec<_>>(),
            _ => {
                self.bad(
                    at,
                    format!("a {what} needs ErrorEquals: a non-empty array of error names"),
                );
                return Vec::new();
            }
        };
        if list.len() > 1 && list.iter().any(|e| e == "States.ALL") {
            self.bad(
                &ptr(at, "ErrorEquals"),
                "States.ALL must appear alone in its ErrorEquals",
            );
        }
        list
    }

    fn retrier(&mut self, o: &Map, here: &str, errors: Vec<String>) -> Option<Retrier> {
        let interval = o.get("IntervalSeconds").map_or(Some(1), |v| {
            self.positive_int(v, &ptr(here, "IntervalSeconds"), "IntervalSeconds")
        });
        let max_attempts = o.get("MaxAttempts").map_or(Some(3), |v| {
            self.non_negative_int(v, &ptr(here, "MaxAttempts"), "MaxAttempts")
        });
        let backoff = o.get("BackoffRate").map_or(Some(2.0), |v| {
            self.number_in(
                v,
                &ptr(here, "BackoffRate"),
                "BackoffRate",
                1.0..=f64::INFINITY,
                "a number of 1.0 or more",
            )
        });
        let max_delay = o
            .get("MaxDelaySeconds")
            .and_then(|v| self.positive_int(v, &ptr(here, "MaxDelaySeconds"), "MaxDelaySeconds"));
        let jitter_full = match o.get("JitterStrategy").map(|j| j.as_str()) {
            None | Some(Some("NONE")) => false,
            Some(Some("FULL")) => true,
            Some(_) => {
                self.bad(
                    &ptr(here, "JitterStrategy"),
                    "JitterStrategy must be FULL or NONE",
                );
                false
            }
        };
        Some(Retrier {
            errors,
            interval: interval? as f64,
            max_attempts: max_attempts?,
            backoff: backoff?,
            max_delay: max_delay.map(|d| d as f64),
            jitter_full,
        })
    }

    fn catcher(&mut self, o: &Map, here: &str, errors: Vec<String>) -> Option<Catcher> {
        let result_path = self.path_field(o, here, "ResultPath", true);
        match self.string(o, here, "Next") {
            Some(next) => Some(Catcher {
                errors,
                next,
                result_path,
            }),
            None => {
                if o.get("Next").is_none() {
                    self.bad(here, "a catcher needs Next: the state to go to");
                }
                None
            }
        }
    }
}
