//! One state: its fields for its type, its flow (Next or End), and the simple kinds (Task, Wait, Fail); Choice,
//! Parallel and Map have modules of their own.

use super::{Checker, is_timestamp, ptr};
use crate::asl::intrinsic;
use crate::asl::json::{Map, Value};
use crate::asl::model::*;

const COMMON: [&str; 3] = ["Type", "Comment", "QueryLanguage"];
const FLOW: [&str; 2] = ["Next", "End"];
const IO: [&str; 2] = ["InputPath", "OutputPath"];
const RESULT: [&str; 4] = ["ResultPath", "Parameters", "ResultSelector", "Retry"];

/// The fields a state of type `kind` may have; `None` when it is not a state type.
fn allowed(kind: &str) -> Option<Vec<&'static str>> {
    let mut v: Vec<&str> = COMMON.to_vec();
    let extra: &[&str] = match kind {
        "Task" => &[
            "Resource",
            "TimeoutSeconds",
            "TimeoutSecondsPath",
            "HeartbeatSeconds",
            "HeartbeatSecondsPath",
            "Credentials",
            "Catch",
        ],
        "Pass" => &["Result", "ResultPath", "Parameters"],
        "Choice" => &["Choices", "Default"],
        "Wait" => &["Seconds", "SecondsPath", "Timestamp", "TimestampPath"],
        "Succeed" => &[],
        "Fail" => &["Error", "ErrorPath", "Cause", "CausePath"],
        "Parallel" => &["Branches", "Catch"],
        "Map" => &[
            "Iterator",
            "ItemProcessor",
            "ItemsPath",
            "ItemSelector",
            "MaxConcurrency",
            "MaxConcurrencyPath",
            "ItemReader",
            "ItemBatcher",
            "ResultWriter",
            "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath",
            "ToleratedFailureCount",
            "ToleratedFailureCountPath",
            "Label",
            "Catch",
        ],
        _ => return None,
    };
    v.extend_from_slice(extra);
    if has_flow(kind) {
        v.extend_from_slice(&FLOW);
    }
    if kind != "Fail" {
        v.extend_from_slice(&IO);
    }
    if matches!(kind, "Task" | "Parallel" | "Map") {
        v.extend_from_slice(&RESULT);
    }
    if matches!(
        kind,
        "Task" | "Pass" | "Choice" | "Wait" | "Parallel" | "Map"
    ) {
        v.push("Assign");
    }
    Some(v)
}

/// Whether a state of type `kind` goes on with Next or ends with End (Choice, Succeed and Fail do neither).
fn has_flow(kind: &str) -> bool {
    matches!(kind, "Task" | "Pass" | "Wait" | "Parallel" | "Map")
}

/// A field given either as itself (`TimeoutSeconds`) or as a path (`TimeoutSecondsPath`).
enum Given<'a> {
    Literal(&'a Value),
    /// The value and the `…Path` field's name.
    Path(&'a Value, String),
}

impl Checker {
    pub(super) fn state(&mut self, name: &str, v: &Value, at: &str) -> Option<State> {
        if name.chars().count() > 80 {
            self.bad(
                at,
                format!("state name \"{name}\" is longer than 80 characters"),
            );
        }
        let Some(obj) = v.as_object() else {
            self.bad(at, format!("state \"{name}\" must be an object"));
            return None;
        };
        let Some(kind_name) = self.string(obj, at, "Type") else {
            if obj.get("Type").is_none() {
                self.bad(at, format!("state \"{name}\" has no Type"));
            }
            return None;
        };
        let Some(known) = allowed(&kind_name) else {
            self.bad(&ptr(at, "Type"), format!("\"{kind_name}\" is not a state type (Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map)"));
            return None;
        };
        self.unknown_fields(obj, at, &known, &format!("a {kind_name} state"));
        self.query_language(obj, at);
        if let Some(assign) = obj.get("Assign") {
            self.variables = true;
            self.template(assign, &ptr(at, "Assign"));
        }
        let next = self.flow(obj, at, name, &kind_name);
        let kind = self.kind(&kind_name, obj, at)?;
        let parameters = obj.get("Parameters").cloned();
        if let Some(p) = &parameters {
            self.template(p, &ptr(at, "Parameters"));
        }
        let result_selector = obj.get("ResultSelector").cloned();
        if let Some(p) = &result_selector {
            self.template(p, &ptr(at, "ResultSelector"));
        }
        Some(State {
            name: name.to_string(),
            next,
            input_path: self.path_field(obj, at, "InputPath", false),
            output_path: self.path_field(obj, at, "OutputPath", false),
            result_path: self.path_field(obj, at, "ResultPath", true),
            parameters,
            result_selector,
            retry: self.retriers(obj, at),
            catch: self.catchers(obj, at),
            pointer: at.to_string(),
            kind,
        })
    }

    fn flow(&mut self, obj: &Map, at: &str, name: &str, kind: &str) -> Option<String> {
        if !has_flow(kind) {
            return None;
        }
        let next = self.string(obj, at, "Next");
        let end = match obj.get("End") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.bad(
                    &ptr(at, "End"),
                    format!("End must be true or false, not {other}"),
                );
                false
            }
        };
        match (&next, end) {
            (Some(_), true) => self.bad(
                at,
                format!("\"{name}\" has both Next and End: true; keep one"),
            ),
            (None, false) if obj.get("Next").is_none() => {
                self.bad(at, format!("\"{name}\" needs Next or \"End\": true"))
            }
            _ => {}
        }
        next
    }

    fn kind(&mut self, kind: &str, obj: &Map, at: &str) -> Option<Kind> {
        Some(match kind {
            "Task" => Kind::Task(self.task(obj, at)?),
            "Pass" => Kind::Pass {
                result: obj.get("Result").cloned(),
            },
            "Choice" => self.choice(obj, at)?,
            "Wait" => Kind::Wait(self.wait(obj, at)?),
            "Succeed" => Kind::Succeed,
            "Fail" => Kind::Fail {
                error: self.literal_or_path(obj, at, "Error"),
                cause: self.literal_or_path(obj, at, "Cause"),
            },
            "Parallel" => self.parallel(obj, at)?,
            "Map" => Kind::Map(Box::new(self.map(obj, at)?)),
            _ => return None,
        })
    }

    fn task(&mut self, obj: &Map, at: &str) -> Option<Task> {
        let Some(resource) = self.string(obj, at, "Resource") else {
            if obj.get("Resource").is_none() {
                self.bad(
                    at,
                    "a Task state needs a Resource (the service integration's ARN)",
                );
            }
            return None;
        };
        if !resource.starts_with("arn:") {
            self.bad(
                &ptr(at, "Resource"),
                format!("Resource must be an ARN, not \"{resource}\""),
            );
        }
        if self.flavour == Flavour::Express
            && (resource.ends_with(".sync")
                || resource.contains(".sync:")
                || resource.ends_with(".waitForTaskToken"))
        {
            self.bad(&ptr(at, "Resource"), format!("Express workflows support neither .sync (Run a Job) nor .waitForTaskToken; \"{resource}\" needs a Standard workflow"));
        }
        let timeout = self.seconds_or_path(obj, at, "TimeoutSeconds");
        let heartbeat = self.seconds_or_path(obj, at, "HeartbeatSeconds");
        if let (Some(OrPath::Literal(t)), Some(OrPath::Literal(h))) = (&timeout, &heartbeat)
            && h >= t
        {
            self.bad(
                &ptr(at, "HeartbeatSeconds"),
                "HeartbeatSeconds must be smaller than TimeoutSeconds",
            );
        }
        Some(Task {
            resource,
            timeout,
            heartbeat,
        })
    }

    /// `field` or `{field}Path`, not both: which one is given, if either.
    fn given<'a>(&mut self, obj: &'a Map, at: &str, field: &str) -> Option<Given<'a>> {
        let path_field = format!("{field}Path");
        match (obj.get(field), obj.get(&path_field)) {
            (Some(_), Some(_)) => {
                self.bad(at, format!("{field} and {path_field} cannot both be set"));
                None
            }
            (Some(v), None) => Some(Given::Literal(v)),
            (None, Some(v)) => Some(Given::Path(v, path_field)),
            (None, None) => None,
        }
    }

    fn seconds_or_path(&mut self, obj: &Map, at: &str, field: &str) -> Option<OrPath<u64>> {
        match self.given(obj, at, field)? {
            Given::Literal(v) => self
                .positive_int(v, &ptr(at, field), field)
                .map(OrPath::Literal),
            Given::Path(v, path_field) => self
                .path(v, &ptr(at, &path_field), &path_field, true)
                .map(OrPath::Path),
        }
    }

    /// Fail's Error and Cause: a string, or a path or intrinsic function in ErrorPath and CausePath.
    fn literal_or_path(&mut self, obj: &Map, at: &str, field: &str) -> Option<OrPath<String>> {
        match self.given(obj, at, field)? {
            Given::Literal(_) => self.string(obj, at, field).map(OrPath::Literal),
            Given::Path(v, path_field) => {
                let s = v.as_str().unwrap_or_default();
                if s.starts_with("States.") {
                    return match intrinsic::parse(s) {
                        Ok(_) => Some(OrPath::Intrinsic(s.to_string())),
                        Err(e) => {
                            self.bad(&ptr(at, &path_field), e);
                            None
                        }
                    };
                }
                self.path(v, &ptr(at, &path_field), &path_field, false)
                    .map(OrPath::Path)
            }
        }
    }

    fn wait(&mut self, obj: &Map, at: &str) -> Option<OrPath<WaitFor>> {
        let given: Vec<&str> = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"]
            .into_iter()
            .filter(|f| obj.get(f).is_some())
            .collect();
        if given.len() != 1 {
            self.bad(at, format!("a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath (found {})", given.len()));
            return None;
        }
        let f = given[0];
        let v = obj.get(f)?;
        let here = ptr(at, f);
        Some(OrPath::Literal(match f {
            "Seconds" => WaitFor::Seconds(self.non_negative_int(v, &here, f)?),
            "Timestamp" => {
                let s = v.as_str().unwrap_or_default();
                if !is_timestamp(s) {
                    self.bad(&here, format!("Timestamp must be an RFC 3339 time such as 2026-12-01T02:00:00Z, not {v}"));
                    return None;
                }
                WaitFor::Timestamp(s.to_string())
            }
            _ => WaitFor::Path {
                path: self.path(v, &here, f, true)?,
                seconds: f == "SecondsPath",
            },
        }))
    }
}
