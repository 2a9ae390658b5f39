//! ASL rules: a definition either becomes a [`Machine`] or gives every problem found, each at a JSON pointer that
//! `Lines` turns into a line. The rules follow the Amazon States Language specification for the JSONPath query
//! language; tests/asl/validator holds the corpus that keeps them in step with an independent validator.

use std::collections::{HashMap, HashSet};

use super::intrinsic;
use super::json::{Map, Value};
use super::model::*;
use super::path::Path;

/// One broken rule, at a JSON pointer inside the definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub pointer: String,
    pub message: String,
}

const COMMON: [&str; 3] = ["Type", "Comment", "QueryLanguage"];
const FLOW: [&str; 2] = ["Next", "End"];
const IO: [&str; 2] = ["InputPath", "OutputPath"];
const RESULT: [&str; 4] = ["ResultPath", "Parameters", "ResultSelector", "Retry"];

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
    if matches!(kind, "Task" | "Pass" | "Wait" | "Parallel" | "Map") {
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

/// Checks a whole definition and builds it.
pub fn machine(root: &Value, flavour: Flavour) -> Result<Machine, Vec<Problem>> {
    let mut c = Checker {
        problems: Vec::new(),
        flavour,
        variables: false,
    };
    let mut m = c.machine(root, "", true);
    if let Some(m) = &mut m {
        m.uses_variables = c.variables;
        let mut seen = HashMap::new();
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
}

/// Timestamps as Step Functions reads them: RFC 3339 with an upper-case `T` and `Z`.
pub fn is_timestamp(s: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(s).is_ok() && !s.contains(['t', 'z'])
}

fn ptr(base: &str, key: &str) -> String {
    format!("{base}/{}", key.replace('~', "~0").replace('/', "~1"))
}

impl Checker {
    fn bad(&mut self, pointer: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            pointer: pointer.to_string(),
            message: message.into(),
        });
    }

    fn machine(&mut self, v: &Value, at: &str, top: bool) -> Option<Machine> {
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
        let start_at = match obj.get("StartAt") {
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
        };
        let states_at = ptr(at, "States");
        let states_obj = match obj.get("States") {
            Some(Value::Object(m)) if !m.0.is_empty() => Some(m),
            Some(Value::Object(_)) => {
                self.bad(
                    &states_at,
                    "States is empty: a state machine needs at least one state",
                );
                None
            }
            Some(other) => {
                self.bad(
                    &states_at,
                    format!("States must be an object, not {}", other.kind()),
                );
                None
            }
            None => {
                self.bad(at, "States is missing");
                None
            }
        };
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
        self.transitions(
            &states,
            &names,
            states_obj.is_some() && states.len() == names.len(),
        );
        if let (Some(start), true) = (&start_at, self.problems.is_empty()) {
            self.reachable(start, &states);
        }
        let terminal = states
            .iter()
            .any(|s| s.next.is_none() && !matches!(s.kind, Kind::Choice { .. }));
        if !states.is_empty() && states.len() == names.len() && !terminal {
            self.bad(
                at,
                "no state ends the machine: one needs \"End\": true, or a Succeed or Fail state",
            );
        }
        Some(Machine {
            start_at: start_at?,
            states,
            timeout_seconds,
            uses_variables: false,
        })
    }

    /// State names are unique across the whole definition, branches and item processors included.
    fn unique_names(&mut self, m: &Machine, seen: &mut HashMap<String, String>) {
        for s in &m.states {
            if let Some(first) = seen.insert(s.name.clone(), s.pointer.clone()) {
                let _ = first;
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

    fn transitions(&mut self, states: &[State], names: &HashSet<&str>, complete: bool) {
        if !complete {
            return;
        }
        for s in states {
            let mut targets: Vec<(&str, String)> = Vec::new();
            if let Some(n) = &s.next {
                targets.push((n, ptr(&s.pointer, "Next")));
            }
            for (i, c) in s.catch.iter().enumerate() {
                targets.push((&c.next, format!("{}/Catch/{i}/Next", s.pointer)));
            }
            if let Kind::Choice { rules, default } = &s.kind {
                for (i, (_, n)) in rules.iter().enumerate() {
                    targets.push((n, format!("{}/Choices/{i}/Next", s.pointer)));
                }
                if let Some(d) = default {
                    targets.push((d, ptr(&s.pointer, "Default")));
                }
            }
            for (t, at) in targets {
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
            let mut next: Vec<&str> = s.next.iter().map(String::as_str).collect();
            next.extend(s.catch.iter().map(|c| c.next.as_str()));
            if let Kind::Choice { rules, default } = &s.kind {
                next.extend(rules.iter().map(|(_, n)| n.as_str()));
                next.extend(default.iter().map(String::as_str));
            }
            for t in next {
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

    fn query_language(&mut self, obj: &Map, at: &str) {
        if let Some(q) = obj.get("QueryLanguage")
            && q.as_str() != Some("JSONPath")
        {
            self.bad(
                &ptr(at, "QueryLanguage"),
                "the lab simulates the JSONPath query language only",
            );
        }
    }

    fn unknown_fields(&mut self, obj: &Map, at: &str, known: &[&str], what: &str) {
        for k in obj.keys() {
            if !known.contains(&k) {
                self.bad(&ptr(at, k), format!("\"{k}\" is not a field of {what}"));
            }
        }
    }

    fn positive_int(&mut self, v: &Value, at: &str, field: &str) -> Option<u64> {
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

    fn non_negative_int(&mut self, v: &Value, at: &str, field: &str) -> Option<u64> {
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

    fn string(&mut self, obj: &Map, at: &str, field: &str) -> Option<String> {
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

    fn path(&mut self, v: &Value, at: &str, field: &str, reference: bool) -> Option<Path> {
        let Some(s) = v.as_str() else {
            self.bad(
                at,
                format!("{field} must be a path string, not {}", v.kind()),
            );
            return None;
        };
        match Path::parse(s) {
            Ok(p) if reference && !p.is_reference() => {
                self.bad(
                    at,
                    format!("{field} must be a reference path (no * or slices): {s}"),
                );
                None
            }
            Ok(p) => Some(p),
            Err(e) => {
                self.bad(at, format!("{field}: {e}"));
                None
            }
        }
    }

    fn path_field(&mut self, obj: &Map, at: &str, field: &str, reference: bool) -> PathField {
        match obj.get(field) {
            None => PathField::Default,
            Some(Value::Null) => PathField::Null,
            Some(v) => self
                .path(v, &ptr(at, field), field, reference)
                .map(PathField::Path)
                .unwrap_or_default(),
        }
    }

    /// Payload templates: a key ending in `.$` must hold a path or an intrinsic function.
    fn template(&mut self, v: &Value, at: &str) {
        match v {
            Value::Object(m) => {
                for (k, child) in m.iter() {
                    if let Some(plain) = k.strip_suffix(".$")
                        && m.get(plain).is_some()
                    {
                        self.bad(
                            &ptr(at, k),
                            format!("\"{plain}\" and \"{k}\" both give the field \"{plain}\""),
                        );
                    }
                    let here = ptr(at, k);
                    if k.ends_with(".$") {
                        match child.as_str() {
                            Some(s) if s.trim_start().starts_with('$') => match Path::parse(s) {
                                Ok(p) => self.variables |= p.variable.is_some(),
                                Err(e) => self.bad(&here, format!("{k}: {e}")),
                            },
                            Some(s) if s.trim_start().starts_with("States.") => {
                                if let Err(e) = intrinsic::parse(s) {
                                    self.bad(&here, format!("{k}: {e}"));
                                }
                            }
                            _ => self.bad(&here, format!("\"{k}\" ends in .$, so its value must be a path or an intrinsic function, not {child}")),
                        }
                    } else {
                        self.template(child, &here);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.template(item, &format!("{at}/{i}"));
                }
            }
            _ => {}
        }
    }

    fn state(&mut self, name: &str, v: &Value, at: &str) -> Option<State> {
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
        if !matches!(kind, "Task" | "Pass" | "Wait" | "Parallel" | "Map") {
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
            "Parallel" => {
                let at_b = ptr(at, "Branches");
                let branches = match obj.get("Branches") {
                    Some(Value::Array(b)) if !b.is_empty() => b
                        .iter()
                        .enumerate()
                        .filter_map(|(i, m)| self.machine(m, &format!("{at_b}/{i}"), false))
                        .collect(),
                    _ => {
                        self.bad(
                            at,
                            "a Parallel state needs Branches: a non-empty array of state machines",
                        );
                        return None;
                    }
                };
                Kind::Parallel { branches }
            }
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

    fn seconds_or_path(&mut self, obj: &Map, at: &str, field: &str) -> Option<OrPath<u64>> {
        let path_field = format!("{field}Path");
        match (obj.get(field), obj.get(&path_field)) {
            (Some(_), Some(_)) => {
                self.bad(at, format!("{field} and {path_field} cannot both be set"));
                None
            }
            (Some(v), None) => self
                .positive_int(v, &ptr(at, field), field)
                .map(OrPath::Literal),
            (None, Some(v)) => self
                .path(v, &ptr(at, &path_field), &path_field, true)
                .map(OrPath::Path),
            (None, None) => None,
        }
    }

    fn literal_or_path(&mut self, obj: &Map, at: &str, field: &str) -> Option<OrPath<String>> {
        let path_field = format!("{field}Path");
        match (obj.get(field), obj.get(&path_field)) {
            (Some(_), Some(_)) => {
                self.bad(at, format!("{field} and {path_field} cannot both be set"));
                None
            }
            (Some(_), None) => self.string(obj, at, field).map(OrPath::Literal),
            (None, Some(v)) => {
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
            (None, None) => None,
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

    fn map(&mut self, obj: &Map, at: &str) -> Option<MapState> {
        let (processor_v, field) = match (obj.get("ItemProcessor"), obj.get("Iterator")) {
            (Some(_), Some(_)) => {
                self.bad(
                    at,
                    "a Map state has ItemProcessor or the older Iterator, not both",
                );
                return None;
            }
            (Some(p), None) => (p, "ItemProcessor"),
            (None, Some(p)) => (p, "Iterator"),
            (None, None) => {
                self.bad(
                    at,
                    "a Map state needs an ItemProcessor (or the older Iterator)",
                );
                return None;
            }
        };
        let distributed = processor_v
            .get("ProcessorConfig")
            .and_then(|c| c.get("Mode"))
            .and_then(Value::as_str)
            == Some("DISTRIBUTED");
        if let Some(mode) = processor_v
            .get("ProcessorConfig")
            .and_then(|c| c.get("Mode"))
            && !matches!(mode.as_str(), Some("INLINE" | "DISTRIBUTED"))
        {
            self.bad(
                &format!("{at}/{field}/ProcessorConfig/Mode"),
                format!("Mode must be INLINE or DISTRIBUTED, not {mode}"),
            );
        }
        if distributed
            && !matches!(
                processor_v
                    .get("ProcessorConfig")
                    .and_then(|c| c.get("ExecutionType"))
                    .and_then(Value::as_str),
                Some("STANDARD" | "EXPRESS")
            )
        {
            self.bad(&format!("{at}/{field}/ProcessorConfig"), "a Distributed Map needs ExecutionType: STANDARD or EXPRESS (its child workflows' type)");
        }
        let processor = self.machine(processor_v, &ptr(at, field), false)?;
        if obj.get("ItemSelector").is_some() && obj.get("Parameters").is_some() {
            self.bad(
                at,
                "a Map state has ItemSelector or the older Parameters, not both",
            );
        }
        let item_selector = obj.get("ItemSelector").or(obj.get("Parameters")).cloned();
        if let Some(s) = obj.get("ItemSelector") {
            self.template(s, &ptr(at, "ItemSelector"));
        }
        let max_concurrency = match obj.get("MaxConcurrency") {
            Some(v) => self.non_negative_int(v, &ptr(at, "MaxConcurrency"), "MaxConcurrency")?,
            None => 0,
        };
        let max_concurrency_path = match obj.get("MaxConcurrencyPath") {
            Some(v) => Some(self.path(
                v,
                &ptr(at, "MaxConcurrencyPath"),
                "MaxConcurrencyPath",
                true,
            )?),
            None => None,
        };
        let tolerated_percentage = match obj.get("ToleratedFailurePercentage") {
            Some(v) => match v.as_f64() {
                Some(p) if (0.0..=100.0).contains(&p) => Some(p),
                _ => {
                    self.bad(
                        &ptr(at, "ToleratedFailurePercentage"),
                        format!(
                            "ToleratedFailurePercentage must be a number from 0 to 100, not {v}"
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let tolerated_count = match obj.get("ToleratedFailureCount") {
            Some(v) => self.non_negative_int(
                v,
                &ptr(at, "ToleratedFailureCount"),
                "ToleratedFailureCount",
            ),
            None => None,
        };
        let items_path = match obj.get("ItemsPath") {
            Some(v) => Some(self.path(v, &ptr(at, "ItemsPath"), "ItemsPath", true)?),
            None => None,
        };
        Some(MapState {
            processor,
            items_path,
            item_selector,
            max_concurrency,
            max_concurrency_path,
            tolerated_percentage,
            tolerated_count,
            distributed,
        })
    }

    fn choice(&mut self, obj: &Map, at: &str) -> Option<Kind> {
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

    fn retriers(&mut self, obj: &Map, at: &str) -> Vec<Retrier> {
        let Some(v) = obj.get("Retry") else {
            return Vec::new();
        };
        let at_r = ptr(at, "Retry");
        let Some(list) = v.as_array() else {
            self.bad(&at_r, "Retry must be an array of retriers");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, r) in list.iter().enumerate() {
            let here = format!("{at_r}/{i}");
            let Some(o) = r.as_object() else {
                self.bad(&here, "a retrier must be an object");
                continue;
            };
            self.unknown_fields(
                o,
                &here,
                &[
                    "ErrorEquals",
                    "IntervalSeconds",
                    "MaxAttempts",
                    "BackoffRate",
                    "MaxDelaySeconds",
                    "JitterStrategy",
                    "Comment",
                ],
                "a retrier",
            );
            let errors = self.error_list(o, &here, "retrier");
            if errors.iter().any(|e| e == "States.ALL") && i + 1 < list.len() {
                self.bad(
                    &ptr(&here, "ErrorEquals"),
                    "a retrier on States.ALL must be the last retrier",
                );
            }
            let interval = o.get("IntervalSeconds").map_or(Some(1), |v| {
                self.positive_int(v, &ptr(&here, "IntervalSeconds"), "IntervalSeconds")
            });
            let max_attempts = o.get("MaxAttempts").map_or(Some(3), |v| {
                self.non_negative_int(v, &ptr(&here, "MaxAttempts"), "MaxAttempts")
            });
            let backoff = match o.get("BackoffRate") {
                None => Some(2.0),
                Some(v) => match v.as_f64() {
                    Some(b) if b >= 1.0 => Some(b),
                    _ => {
                        self.bad(
                            &ptr(&here, "BackoffRate"),
                            format!("BackoffRate must be a number of 1.0 or more, not {v}"),
                        );
                        None
                    }
                },
            };
            let max_delay = o.get("MaxDelaySeconds").and_then(|v| {
                self.positive_int(v, &ptr(&here, "MaxDelaySeconds"), "MaxDelaySeconds")
            });
            let jitter_full = match o.get("JitterStrategy").map(|j| j.as_str()) {
                None | Some(Some("NONE")) => false,
                Some(Some("FULL")) => true,
                Some(_) => {
                    self.bad(
                        &ptr(&here, "JitterStrategy"),
                        "JitterStrategy must be FULL or NONE",
                    );
                    false
                }
            };
            if let (Some(interval), Some(max_attempts), Some(backoff)) =
                (interval, max_attempts, backoff)
            {
                out.push(Retrier {
                    errors,
                    interval: interval as f64,
                    max_attempts,
                    backoff,
                    max_delay: max_delay.map(|d| d as f64),
                    jitter_full,
                });
            }
        }
        out
    }

    fn catchers(&mut self, obj: &Map, at: &str) -> Vec<Catcher> {
        let Some(v) = obj.get("Catch") else {
            return Vec::new();
        };
        let at_c = ptr(at, "Catch");
        let Some(list) = v.as_array() else {
            self.bad(&at_c, "Catch must be an array of catchers");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, c) in list.iter().enumerate() {
            let here = format!("{at_c}/{i}");
            let Some(o) = c.as_object() else {
                self.bad(&here, "a catcher must be an object");
                continue;
            };
            self.unknown_fields(
                o,
                &here,
                &["ErrorEquals", "Next", "ResultPath", "Comment", "Assign"],
                "a catcher",
            );
            let errors = self.error_list(o, &here, "catcher");
            if errors.iter().any(|e| e == "States.ALL") && i + 1 < list.len() {
                self.bad(
                    &ptr(&here, "ErrorEquals"),
                    "a catcher on States.ALL must be the last catcher",
                );
            }
            let result_path = self.path_field(o, &here, "ResultPath", true);
            match self.string(o, &here, "Next") {
                Some(next) => out.push(Catcher {
                    errors,
                    next,
                    result_path,
                }),
                None if o.get("Next").is_none() => {
                    self.bad(&here, "a catcher needs Next: the state to go to")
                }
                None => {}
            }
        }
        out
    }
}
