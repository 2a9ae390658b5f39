//! Simulated executions on a simulated clock: no service is called; the learner's [`Script`] says what each Task
//! attempt does. The history uses the event types of the GetExecutionHistory API, so a run reads like the console.

mod choice;
mod dataflow;
mod script;
mod states;

use std::collections::HashSet;

use super::json::{Map, Value};
use super::model::{Flavour, Machine};
pub use script::{Outcome, Script};

/// The most events a run may record: AWS's history limit for a Standard workflow. A cycle without an end, or a
/// Map over a huge array, stops here with a message instead of running forever.
pub const MAX_EVENTS: usize = 25_000;

/// An Express workflow runs for at most five minutes.
pub const EXPRESS_LIMIT_SECONDS: f64 = 300.0;

/// Payloads above 256 KiB fail with States.DataLimitExceeded.
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Succeeded,
    Failed,
    TimedOut,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Succeeded => "SUCCEEDED",
            Status::Failed => "FAILED",
            Status::TimedOut => "TIMED_OUT",
        }
    }
}

/// One history event: its API type, the state it concerns, when, and a short human note (not part of AWS's event).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: String,
    pub state: Option<String>,
    pub t: f64,
    pub note: Option<String>,
}

/// One state as it ran: what went in, what came out, when.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub name: String,
    /// The state's JSON pointer in the definition: names repeat across branches, pointers do not.
    pub pointer: String,
    pub kind: &'static str,
    /// Nesting: 0 at the top, 1 inside a branch or iteration, …
    pub depth: usize,
    pub entered: f64,
    pub input: Value,
    pub output: Option<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub flavour: Flavour,
    pub status: Status,
    pub output: Option<Value>,
    /// (Error, Cause) when the run failed or timed out.
    pub error: Option<(String, String)>,
    pub events: Vec<Event>,
    pub visits: Vec<Visit>,
    /// Seconds from start to the last event.
    pub seconds: f64,
    /// Why the run was cut short, when the lab's own limits stopped it (not an AWS outcome).
    pub stopped: Option<String>,
    /// Script outcomes that no attempt used.
    pub unused: Vec<(String, usize)>,
}

impl Run {
    /// Pointers of the states the run entered, for marking the diagram.
    pub fn visited(&self) -> HashSet<&str> {
        self.visits.iter().map(|v| v.pointer.as_str()).collect()
    }

    /// The last state entered at the top level.
    pub fn last_state(&self) -> Option<&str> {
        self.visits
            .iter()
            .rev()
            .find(|v| v.depth == 0)
            .map(|v| v.name.as_str())
    }

    /// `{"status", "output", "error", "events": [{"type", "state", "t"}]}`, for scripts and tests.
    pub fn to_json(&self) -> Value {
        let mut m = Map::default();
        m.insert("status", Value::String(self.status.name().into()));
        m.insert("output", self.output.clone().unwrap_or(Value::Null));
        m.insert(
            "error",
            match &self.error {
                Some((e, c)) => Value::Object(Map(vec![
                    ("Error".into(), Value::String(e.clone())),
                    ("Cause".into(), Value::String(c.clone())),
                ])),
                None => Value::Null,
            },
        );
        let events = self
            .events
            .iter()
            .map(|e| {
                Value::Object(Map(vec![
                    ("type".into(), Value::String(e.kind.clone())),
                    (
                        "state".into(),
                        e.state.clone().map(Value::String).unwrap_or(Value::Null),
                    ),
                    ("t".into(), seconds_value(e.t)),
                ]))
            })
            .collect();
        m.insert("events", Value::Array(events));
        if let Some(s) = &self.stopped {
            m.insert("stopped", Value::String(s.clone()));
        }
        Value::Object(m)
    }
}

fn seconds_value(t: f64) -> Value {
    if t.fract() == 0.0 {
        Value::Int(t as i64)
    } else {
        Value::Float((t * 1000.0).round() / 1000.0)
    }
}

/// Everything a run needs besides the definition.
#[derive(Debug, Clone)]
pub struct Setup {
    pub flavour: Flavour,
    pub input: Value,
    pub script: Script,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            flavour: Flavour::Standard,
            input: Value::object(),
            script: Script::default(),
        }
    }
}

/// How a run ends early.
#[derive(Debug, Clone, PartialEq)]
enum Fault {
    /// An error with its name and cause; `runtime` errors (States.Runtime) are never retried or caught.
    Error { error: String, cause: String },
    /// The execution's TimeoutSeconds (or Express's five minutes) passed.
    TimedOut,
    /// The lab's own limit.
    Stop(String),
    /// A States.Runtime error inside the running state, before `state()` names the state and its event id.
    Runtime(String),
}

impl Fault {
    fn runtime(detail: impl Into<String>) -> Fault {
        Fault::Runtime(detail.into())
    }
}

/// Runs a checked definition.
pub fn run(machine: &Machine, setup: Setup) -> Run {
    if machine.uses_variables {
        return Run {
            flavour: setup.flavour,
            status: Status::Failed,
            output: None,
            error: None,
            events: Vec::new(),
            visits: Vec::new(),
            seconds: 0.0,
            stopped: Some("this definition uses workflow variables (Assign, $name): valid ASL, but the lab does not simulate them".into()),
            unused: Vec::new(),
        };
    }
    let deadline = match (machine.timeout_seconds, setup.flavour) {
        (Some(t), Flavour::Express) => Some((t as f64).min(EXPRESS_LIMIT_SECONDS)),
        (Some(t), Flavour::Standard) => Some(t as f64),
        (None, Flavour::Express) => Some(EXPRESS_LIMIT_SECONDS),
        (None, Flavour::Standard) => None,
    };
    let mut sim = states::Sim::new(setup.input.clone(), setup.script, deadline);
    sim.event("ExecutionStarted", None, None);
    let result = sim.machine(machine, setup.input, 0, None);
    let (status, output, error, stopped) = match result {
        Ok(out) => {
            sim.event("ExecutionSucceeded", None, None);
            (Status::Succeeded, Some(out), None, None)
        }
        Err(Fault::Error { error, cause }) => {
            let note = if cause.is_empty() {
                error.clone()
            } else {
                format!("{error}: {cause}")
            };
            sim.event("ExecutionFailed", None, Some(note));
            (Status::Failed, None, Some((error, cause)), None)
        }
        Err(Fault::TimedOut) => {
            if let Some(d) = deadline {
                sim.t = d;
            }
            sim.event("ExecutionTimedOut", None, None);
            let cause = match setup.flavour {
                Flavour::Express
                    if machine
                        .timeout_seconds
                        .is_none_or(|t| t as f64 >= EXPRESS_LIMIT_SECONDS) =>
                {
                    "an Express workflow runs for at most five minutes"
                }
                _ => "the execution ran past the state machine's TimeoutSeconds",
            };
            (
                Status::TimedOut,
                None,
                Some(("States.Timeout".to_string(), cause.to_string())),
                None,
            )
        }
        Err(Fault::Stop(why)) => (Status::Failed, None, None, Some(why)),
        Err(Fault::Runtime(detail)) => {
            sim.event("ExecutionFailed", None, None);
            (
                Status::Failed,
                None,
                Some(("States.Runtime".to_string(), detail)),
                None,
            )
        }
    };
    Run {
        flavour: setup.flavour,
        status,
        output,
        error,
        seconds: sim.events.last().map_or(0.0, |e| e.t),
        unused: sim.script.unused(),
        events: sim.events,
        visits: sim.visits,
        stopped,
    }
}

#[cfg(test)]
mod tests;
