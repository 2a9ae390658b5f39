//! ASL rules: a definition either becomes a [`Machine`] or gives every problem found, each at a JSON pointer that
//! `Lines` turns into a line. The rules follow the Amazon States Language specification for the JSONPath query
//! language; tests/asl/validator holds the corpus that keeps them in step with an independent validator.
//!
//! This module checks a machine as a whole (its fields, transitions, reachability, unique names); `state` checks
//! one state and its kind, `fanout` Parallel and Map, `choice` Choice rules, `recovery` Retry and Catch, `paths`
//! path fields and payload templates, `fields` the plain field readers they all share.

mod choice;
mod fanout;
mod fields;
mod paths;
mod recovery;
mod state;

use std::collections::{HashMap, HashSet};

use super::MAX_NESTING;
use super::json::{Map, Value, pointer_token};
use super::model::*;

/// One broken rule, at a JSON pointer inside the definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub pointer: String,
    pub message: String,
}

/// Checks a whole definition and builds it.
pub fn machine(root: &Value, flavour: Flavour) -> Result<Machine, Vec<Problem>> {
    let mut c = Checker {
        problems: Vec::new(),
        flavour,
        variables: false,
        nesting: 0,
    };
    let mut m = c.machine(root, "", true);
    if let Some(m) = &mut m {
        m.uses_variables = c.variables;
        let mut seen = HashSet::new();
        c.unique_names(m, &mut seen);
    }
    match m {
        Some(m) if c.problems.is_empty() => Ok(m),
        _ => Err(c.problems),
    }
}

struct Checker {
    problems: Vec<Problem>,
    flavour: Flavour,
    variables: bool,
    /// How many machines (the definition, branches, item processors) enclose the one being checked.
    nesting: usize,
}

/// Timestamps as Step Functions reads them: RFC 3339 with an upper-case `T` and `Z`.
pub fn is_timestamp(s: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(s).is_ok() && !s.contains(['t', 'z'])
}

/// The pointer to member `key` of the value at `base`.
fn ptr(base: &str, key: &str) -> String {
    format!("{base}/{}", pointer_token(key))
}

/// Where a state may go next, each target with the pointer of the field that names it.
fn targets(s: &State) -> Vec<(&str, String)> {
    let mut out: Vec<(&str, String)> = Vec::new();
    if let Some(n) = &s.next {
        out.push((n, ptr(&s.pointer, "Next")));
    }
    for (i, c) in s.catch.iter().enumerate() {
        out.push((&c.next, format!("{}/Catch/{i}/Next", s.pointer)));
    }
    if let Kind::Choice { rules, default } = &s.kind {
        for (i, (_, n)) in rules.iter().enumerate() {
            out.push((n, format!("{}/Choices/{i}/Next", s.pointer)));
        }
        if let Some(d) = default {
            out.push((d, ptr(&s.pointer, "Default")));
        }
    }
    out
}

impl Checker {
    fn bad(&mut self, pointer: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            pointer: pointer.to_string(),
            message: message.into(),
        });
    }

    /// The definition, a Parallel branch or a Map item processor; past `MAX_NESTING` levels it is refused.
    fn machine(&mut self, v: &Value, at: &str, top: bool) -> Option<Machine> {
        if self.nesting >= MAX_NESTING {
            self.bad(
                at,
                format!(
                    "Parallel branches and Map item processors are nested more than {MAX_NESTING} levels deep, more than the lab reads"
                ),
            );
            return None;
        }
        self.nesting += 1;
        let m = self.machine_body(v, at, top);
        self.nesting -= 1;
        m
    }

    fn machine_body(&mut self, v: &Value, at: &str, top: bool) -> Option<Machine> {
        let Some(obj) = v.as_object() else {
            self.bad(
                at,
                format!("a state machine must be an object, not {}", v.kind()),
            );
            return None;
        };
        let known: &[&str] = if top {
            &[
                "Comment",
                "StartAt",
                "States",
                "TimeoutSeconds",
                "Version",
                "QueryLanguage",
            ]
        } else {
            &["Comment", "StartAt", "States", "ProcessorConfig"]
        };
        self.unknown_fields(
            obj,
            at,
            known,
            if top { "the definition" } else { "a branch" },
        );
        self.query_language(obj, at);
        let timeout_seconds = match obj.get("TimeoutSeconds") {
            Some(t) => self.positive_int(t, &ptr(at, "TimeoutSeconds"), "TimeoutSeconds"),
            None => None,
        };
        let start_at = self.start_at(obj, at);
        let states_at = ptr(at, "States");
        let states_obj = self.states_object(obj, at, &states_at);
        let states: Vec<State> = states_obj
            .map(|m| {
                m.iter()
                    .filter_map(|(name, s)| self.state(name, s, &ptr(&states_at, name)))
                    .collect()
            })
            .unwrap_or_default();
        let names: HashSet<&str> = states_obj.map(|m| m.keys().collect()).unwrap_or_default();
        if let (Some(start), Some(_)) = (&start_at, states_obj)
            && !names.contains(start.as_str())
        {
            self.bad(
                &ptr(at, "StartAt"),
                format!("StartAt names \"{start}\", which is not a state here"),
            );
        }
        self.graph(
            at,
            start_at.as_deref(),
            &states,
            &names,
            states_obj.is_some(),
        );
        Some(Machine {
            start_at: start_at?,
            states,
            timeout_seconds,
            uses_variables: false,
        })
    }

    fn start_at(&mut self, obj: &Map, at: &str) -> Option<String> {
        match obj.get("StartAt") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.bad(
                    &ptr(at, "StartAt"),
                    format!("StartAt must be a string, not {}", other.kind()),
                );
                None
            }
            None => {
                self.bad(at, "StartAt is missing: it names the first state");
                None
            }
        }
    }

    fn states_object<'a>(&mut self, obj: &'a Map, at: &str, states_at: &str) -> Option<&'a Map> {
        match obj.get("States") {
            Some(Value::Object(m)) if !m.0.is_empty() => Some(m),
            Some(Value::Object(_)) => {
                self.bad(
                    states_at,
                    "States is empty: a state machine needs at least one state",
                );
                None
            }
            Some(other) => {
                self.bad(
                    states_at,
                    format!("States must be an object, not {}", other.kind()),
                );
                None
            }
            None => {
                self.bad(at, "States is missing");
                None
            }
        }
    }

    /// The machine's states as a graph: every target exists, every state is reached, one state ends it. Each
    /// check needs the one before to hold (every state built, then no problem at all) to say anything useful.
    fn graph(
        &mut self,
        at: &str,
        start_at: Option<&str>,
        states: &[State],
        names: &HashSet<&str>,
        has_states: bool,
    ) {
        let complete = states.len() == names.len();
        if has_states && complete {
            self.transitions(states, names);
        }
        if let (Some(start), true) = (start_at, self.problems.is_empty()) {
            self.reachable(start, states);
        }
        let terminal = states
            .iter()
            .any(|s| s.next.is_none() && !matches!(s.kind, Kind::Choice { .. }));
        if !states.is_empty() && complete && !terminal {
            self.bad(
                at,
                "no state ends the machine: one needs \"End\": true, or a Succeed or Fail state",
            );
        }
    }

    /// State names are unique across the whole definition, branches and item processors included.
    fn unique_names(&mut self, m: &Machine, seen: &mut HashSet<String>) {
        for s in &m.states {
            if !seen.insert(s.name.clone()) {
                self.bad(&s.pointer, format!("the state name \"{}\" is used twice; names must be unique in the whole state machine, branches included", s.name));
            }
            match &s.kind {
                Kind::Parallel { branches } => {
                    branches.iter().for_each(|b| self.unique_names(b, seen))
                }
                Kind::Map(map) => self.unique_names(&map.processor, seen),
                _ => {}
            }
        }
    }

    fn transitions(&mut self, states: &[State], names: &HashSet<&str>) {
        for s in states {
            for (t, at) in targets(s) {
                if !names.contains(t) {
                    self.bad(
                        &at,
                        format!("\"{}\" goes to \"{t}\", which is not a state here", s.name),
                    );
                }
            }
        }
    }

    fn reachable(&mut self, start: &str, states: &[State]) {
        let by_name: HashMap<&str, &State> = states.iter().map(|s| (s.name.as_str(), s)).collect();
        let mut seen = HashSet::from([start]);
        let mut todo = vec![start];
        while let Some(n) = todo.pop() {
            let Some(s) = by_name.get(n) else { continue };
            for (t, _) in targets(s) {
                if seen.insert(t) {
                    todo.push(t);
                }
            }
        }
        for s in states {
            if !seen.contains(s.name.as_str()) {
                self.bad(
                    &s.pointer,
                    format!("\"{}\" can never be reached from StartAt", s.name),
                );
            }
        }
    }
}
