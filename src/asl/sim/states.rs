//! Running states: the clock, the history, Retry and Catch, and each state type.

use super::dataflow::{error_object, not_found, place, select, template};
use super::{Event, Fault, MAX_EVENTS, MAX_PAYLOAD_BYTES, Script, Visit, choice};
use crate::asl::json::{Map, Value};
use crate::asl::model::*;
use crate::asl::sim::Outcome;

/// The simulated start, fixed so runs replay exactly.
pub const START: &str = "2026-01-01T00:00:00Z";

pub struct Sim {
    pub t: f64,
    pub events: Vec<Event>,
    pub visits: Vec<Visit>,
    pub script: Script,
    deadline: Option<f64>,
    execution_input: Value,
    seq: u64,
}

/// A Map iteration's place, for `$$.Map.Item`.
#[derive(Clone)]
pub struct Item {
    index: usize,
    value: Value,
}

enum Step {
    Next(String, Value),
    End(Value),
}

/// Errors a retrier or catcher on `States.ALL` does not match.
fn beyond_all(error: &str) -> bool {
    matches!(error, "States.Runtime" | "States.DataLimitExceeded")
}

fn matches(list: &[String], error: &str) -> bool {
    list.iter().any(|e| {
        e == error
            || (e == "States.ALL" && !beyond_all(error))
            || (e == "States.TaskFailed" && !beyond_all(error) && error != "States.Timeout")
    })
}

fn time_text(t: f64) -> String {
    if t.fract() == 0.0 {
        format!("{t:.0} s")
    } else {
        format!("{t:.1} s")
    }
}

impl Sim {
    pub fn new(execution_input: Value, script: Script, deadline: Option<f64>) -> Sim {
        Sim {
            t: 0.0,
            events: Vec::new(),
            visits: Vec::new(),
            script,
            deadline,
            execution_input,
            seq: 0,
        }
    }

    pub fn event(&mut self, kind: &str, state: Option<&str>, note: Option<String>) {
        self.events.push(Event {
            kind: kind.to_string(),
            state: state.map(String::from),
            t: self.t,
            note,
        });
    }

    fn guard(&self) -> Result<(), Fault> {
        if self.events.len() >= MAX_EVENTS {
            return Err(Fault::Stop(format!(
                "stopped after {MAX_EVENTS} events, AWS's history limit for a Standard workflow: a loop without an end, or a Map over very many items"
            )));
        }
        Ok(())
    }

    /// Moves the clock; past the execution's deadline the run times out.
    fn advance(&mut self, seconds: f64) -> Result<(), Fault> {
        self.t += seconds;
        match self.deadline {
            Some(d) if self.t > d => {
                self.t = d;
                Err(Fault::TimedOut)
            }
            _ => Ok(()),
        }
    }

    fn context(&self, state: &str, entered: f64, retries: u64, item: Option<&Item>) -> Value {
        let text = |s: &str| Value::String(s.to_string());
        let stamp = |t: f64| text(&stamp(t));
        let mut ctx = Map(vec![
            (
                "Execution".into(),
                Value::Object(Map(vec![
                    (
                        "Id".into(),
                        text(
                            "arn:aws:states:us-east-1:123456789012:execution:LabStateMachine:lab-run",
                        ),
                    ),
                    ("Input".into(), self.execution_input.clone()),
                    ("Name".into(), text("lab-run")),
                    (
                        "RoleArn".into(),
                        text("arn:aws:iam::123456789012:role/LabStateMachineRole"),
                    ),
                    ("StartTime".into(), stamp(0.0)),
                ])),
            ),
            (
                "State".into(),
                Value::Object(Map(vec![
                    ("EnteredTime".into(), stamp(entered)),
                    ("Name".into(), text(state)),
                    ("RetryCount".into(), Value::Int(retries as i64)),
                ])),
            ),
            (
                "StateMachine".into(),
                Value::Object(Map(vec![
                    (
                        "Id".into(),
                        text("arn:aws:states:us-east-1:123456789012:stateMachine:LabStateMachine"),
                    ),
                    ("Name".into(), text("LabStateMachine")),
                ])),
            ),
            (
                "Task".into(),
                Value::Object(Map(vec![("Token".into(), text("lab-task-token"))])),
            ),
        ]);
        if let Some(item) = item {
            ctx.insert(
                "Map",
                Value::Object(Map(vec![(
                    "Item".into(),
                    Value::Object(Map(vec![
                        ("Index".into(), Value::Int(item.index as i64)),
                        ("Value".into(), item.value.clone()),
                    ])),
                )])),
            );
        }
        Value::Object(ctx)
    }

    /// Runs a state machine (the whole definition, a branch or an iteration) to its end.
    pub fn machine(
        &mut self,
        m: &Machine,
        input: Value,
        depth: usize,
        item: Option<&Item>,
    ) -> Result<Value, Fault> {
        let mut name = m.start_at.clone();
        let mut input = input;
        loop {
            self.guard()?;
            let state = m
                .state(&name)
                .ok_or_else(|| Fault::runtime(format!("no state named '{name}'")))?;
            match self.state(state, input, depth, item)? {
                Step::Next(n, out) => {
                    name = n;
                    input = out;
                }
                Step::End(out) => return Ok(out),
            }
        }
    }

    fn state(
        &mut self,
        s: &State,
        raw: Value,
        depth: usize,
        item: Option<&Item>,
    ) -> Result<Step, Fault> {
        let kind = s.kind.type_name();
        self.event(&format!("{kind}StateEntered"), Some(&s.name), None);
        let id = self.events.len();
        self.state_body(s, raw, depth, item).map_err(|f| match f {
            Fault::Runtime(detail) => Fault::Error {
                error: "States.Runtime".into(),
                cause: format!("An error occurred while executing the state '{}' (entered at the event id #{id}). {detail}", s.name),
            },
            other => other,
        })
    }

    fn state_body(
        &mut self,
        s: &State,
        raw: Value,
        depth: usize,
        item: Option<&Item>,
    ) -> Result<Step, Fault> {
        let kind = s.kind.type_name();
        let entered = self.t;
        self.visits.push(Visit {
            name: s.name.clone(),
            pointer: s.pointer.clone(),
            kind,
            depth,
            entered,
            input: raw.clone(),
            output: None,
        });
        let visit = self.visits.len() - 1;
        let ctx = self.context(&s.name, entered, 0, item);
        let step = match &s.kind {
            Kind::Fail { error, cause } => {
                let error = self
                    .fail_field(error, "ErrorPath", &raw, &ctx)?
                    .unwrap_or_default();
                let cause = self
                    .fail_field(cause, "CausePath", &raw, &ctx)?
                    .unwrap_or_default();
                return Err(Fault::Error { error, cause });
            }
            Kind::Succeed => {
                let eff = select(&s.input_path, raw, &ctx)?;
                Step::End(select(&s.output_path, eff, &ctx)?)
            }
            Kind::Choice { rules, default } => {
                let eff = select(&s.input_path, raw, &ctx)?;
                let mut next = None;
                for (rule, target) in rules {
                    if choice::matches(rule, &eff, &ctx)? {
                        next = Some(target.clone());
                        break;
                    }
                }
                let Some(next) = next.or_else(|| default.clone()) else {
                    // AWS reserves States.NoChoiceMatched for future use and reports this case as a runtime error.
                    return Err(Fault::runtime(
                        "No Choice rule matched the input, and the Choice state has no Default.",
                    ));
                };
                Step::Next(next, select(&s.output_path, eff, &ctx)?)
            }
            Kind::Wait(how) => {
                let eff = select(&s.input_path, raw, &ctx)?;
                let seconds = self.wait_seconds(how, &eff)?;
                self.advance(seconds)?;
                self.flow(s, select(&s.output_path, eff, &ctx)?)
            }
            Kind::Pass { result } => {
                let eff = select(&s.input_path, raw.clone(), &ctx)?;
                let eff = match &s.parameters {
                    Some(p) => template(p, &eff, &ctx, &mut self.seq)?,
                    None => eff,
                };
                let result = result.clone().unwrap_or(eff);
                let out = place(&s.result_path, &raw, result)?;
                self.flow(s, select(&s.output_path, out, &ctx)?)
            }
            Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_) => {
                self.with_recovery(s, raw, &ctx, depth, item)?
            }
        };
        let out = match &step {
            Step::Next(_, v) | Step::End(v) => v.clone(),
        };
        if out.compact().len() > MAX_PAYLOAD_BYTES {
            return Err(Fault::Error {
                error: "States.DataLimitExceeded".into(),
                cause: format!(
                    "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                    s.name
                ),
            });
        }
        self.visits[visit].output = Some(out);
        let note = match &step {
            Step::Next(n, _) => Some(format!("next: {n}")),
            Step::End(_) => None,
        };
        self.event(&format!("{kind}StateExited"), Some(&s.name), note);
        Ok(step)
    }

    fn flow(&self, s: &State, out: Value) -> Step {
        match &s.next {
            Some(n) => Step::Next(n.clone(), out),
            None => Step::End(out),
        }
    }

    fn fail_field(
        &mut self,
        f: &Option<OrPath<String>>,
        field: &str,
        raw: &Value,
        ctx: &Value,
    ) -> Result<Option<String>, Fault> {
        Ok(match f {
            None => None,
            Some(OrPath::Literal(s)) => Some(s.clone()),
            Some(OrPath::Path(p)) => {
                let root = if p.context { ctx } else { raw };
                let v = p.select(root).ok_or_else(|| not_found(p, field, root))?;
                Some(v.as_str().map(String::from).unwrap_or_else(|| v.compact()))
            }
            Some(OrPath::Intrinsic(expr)) => {
                let call = crate::asl::intrinsic::parse(expr).map_err(Fault::runtime)?;
                let v = crate::asl::intrinsic::eval(&call, raw, ctx, &mut self.seq)
                    .map_err(Fault::runtime)?;
                Some(v.as_str().map(String::from).unwrap_or_else(|| v.compact()))
            }
        })
    }

    fn wait_seconds(&self, how: &OrPath<WaitFor>, eff: &Value) -> Result<f64, Fault> {
        let start = chrono::DateTime::parse_from_rfc3339(START).expect("START is RFC 3339");
        let until = |at: chrono::DateTime<chrono::FixedOffset>| {
            ((at - start).num_milliseconds() as f64 / 1000.0 - self.t).max(0.0)
        };
        match how {
            OrPath::Literal(WaitFor::Seconds(s)) => Ok(*s as f64),
            OrPath::Literal(WaitFor::Timestamp(s)) => Ok(chrono::DateTime::parse_from_rfc3339(s)
                .map(until)
                .unwrap_or(0.0)),
            OrPath::Literal(WaitFor::Path { path, seconds }) => {
                let field = if *seconds {
                    "SecondsPath"
                } else {
                    "TimestampPath"
                };
                let v = path
                    .select(eff)
                    .ok_or_else(|| not_found(path, field, eff))?;
                let shown = v.as_str().map(String::from).unwrap_or_else(|| v.compact());
                if *seconds {
                    match v.as_int() {
                        Some(n) if n >= 0 && v.as_f64().is_some_and(|f| f.fract() == 0.0) => {
                            Ok(n as f64)
                        }
                        Some(_) => Err(Fault::runtime(format!(
                            "The SecondsPath parameter references a negative value: {path} == {shown}"
                        ))),
                        None => Err(Fault::runtime(format!(
                            "The SecondsPath parameter cannot be parsed as a long value: {path} == {shown}"
                        ))),
                    }
                } else {
                    match v
                        .as_str()
                        .filter(|s| s.contains('T'))
                        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                    {
                        Some(at) => Ok(until(at)),
                        None => Err(Fault::runtime(format!(
                            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {path} == {shown}"
                        ))),
                    }
                }
            }
            _ => Ok(0.0),
        }
    }

    /// Task, Parallel and Map: attempts, Retry, then Catch.
    fn with_recovery(
        &mut self,
        s: &State,
        raw: Value,
        ctx: &Value,
        depth: usize,
        item: Option<&Item>,
    ) -> Result<Step, Fault> {
        let eff = select(&s.input_path, raw.clone(), ctx)?;
        let mut used = vec![0u64; s.retry.len()];
        let mut retries = 0;
        loop {
            let ctx = self.context(
                &s.name,
                self.visits.last().map_or(0.0, |v| v.entered),
                retries,
                item,
            );
            let eff = match (&s.parameters, &s.kind) {
                (Some(p), Kind::Task(_) | Kind::Parallel { .. }) => {
                    template(p, &eff, &ctx, &mut self.seq)?
                }
                _ => eff.clone(),
            };
            let attempt = match &s.kind {
                Kind::Task(task) => self.task(s, task, &eff),
                Kind::Parallel { branches } => self.parallel(s, branches, &eff, depth),
                Kind::Map(map) => self.map(s, map, &eff, &ctx, depth),
                _ => unreachable!("only Task, Parallel and Map attempt work"),
            };
            let (error, cause) = match attempt {
                Ok(result) => {
                    let result = match &s.result_selector {
                        Some(sel) => template(sel, &result, &ctx, &mut self.seq)?,
                        None => result,
                    };
                    let out = place(&s.result_path, &raw, result)?;
                    return Ok(self.flow(s, select(&s.output_path, out, &ctx)?));
                }
                Err(Fault::Error { error, cause }) if error != "States.Runtime" => (error, cause),
                Err(other) => return Err(other),
            };
            if let Some(i) = s.retry.iter().position(|r| matches(&r.errors, &error))
                && used[i] < s.retry[i].max_attempts
            {
                used[i] += 1;
                retries += 1;
                let r = &s.retry[i];
                let delay = r.delay(used[i]);
                let wait = if r.jitter_full {
                    format!("0–{} (full jitter)", time_text(delay))
                } else {
                    time_text(delay)
                };
                self.events
                    .last_mut()
                    .expect("the failure was recorded")
                    .note = Some(format!(
                    "{error}: retrier {} matches; retry {} of {} in {wait}",
                    i + 1,
                    used[i],
                    r.max_attempts
                ));
                self.advance(delay)?;
                continue;
            }
            // A Map or Parallel attempt that will not be retried is recorded as failed once, here.
            match &s.kind {
                Kind::Map(_) => self.event("MapStateFailed", Some(&s.name), None),
                Kind::Parallel { .. } => self.event("ParallelStateFailed", Some(&s.name), None),
                _ => {}
            }
            if let Some((i, c)) = s
                .catch
                .iter()
                .enumerate()
                .find(|(_, c)| matches(&c.errors, &error))
            {
                let out = place(&c.result_path, &raw, error_object(&error, &cause))?;
                if let Some(e) = self.events.last_mut() {
                    let prefix = e.note.take().map(|n| format!("{n}; ")).unwrap_or_default();
                    e.note = Some(format!(
                        "{prefix}{error}: caught by catcher {} ({}) → {}",
                        i + 1,
                        c.errors.join(", "),
                        c.next
                    ));
                }
                return Ok(Step::Next(c.next.clone(), out));
            }
            return Err(Fault::Error { error, cause });
        }
    }

    fn task(&mut self, s: &State, task: &Task, eff: &Value) -> Result<Value, Fault> {
        let prefix = if task.resource.starts_with("arn:aws:lambda:") {
            "LambdaFunction"
        } else if task.resource.contains(":activity:") {
            "Activity"
        } else {
            "Task"
        };
        self.event(&format!("{prefix}Scheduled"), Some(&s.name), None);
        self.event(&format!("{prefix}Started"), Some(&s.name), None);
        // A timeout field's seconds; `None` when the definition sets none (or its path selects no number).
        let seconds = |f: &Option<OrPath<u64>>| -> Option<f64> {
            match f {
                Some(OrPath::Literal(n)) => Some(*n as f64),
                Some(OrPath::Path(p)) => p.select(eff).and_then(|v| v.as_int()).map(|n| n as f64),
                _ => None,
            }
        };
        match self.script.next(&s.name) {
            None | Some(Outcome::Ok(None)) => {
                self.event(&format!("{prefix}Succeeded"), Some(&s.name), None);
                Ok(eff.clone())
            }
            Some(Outcome::Ok(Some(v))) => {
                self.event(&format!("{prefix}Succeeded"), Some(&s.name), None);
                Ok(v)
            }
            Some(Outcome::Fail { error, cause }) => {
                let timed = matches!(error.as_str(), "States.Timeout" | "States.HeartbeatTimeout");
                let limit = match error.as_str() {
                    "States.Timeout" => seconds(&task.timeout),
                    "States.HeartbeatTimeout" => {
                        seconds(&task.heartbeat).or(seconds(&task.timeout))
                    }
                    _ => None,
                };
                if let Some(secs) = limit {
                    self.advance(secs)?;
                }
                // Without a timeout in the definition AWS would wait on (its docs warn of stuck executions);
                // the lab times the scripted attempt out at once and says so.
                let note = (timed && limit.is_none()).then(|| "no TimeoutSeconds/HeartbeatSeconds in the definition: the lab ends the attempt at once".to_string());
                let kind = if timed { "TimedOut" } else { "Failed" };
                self.event(&format!("{prefix}{kind}"), Some(&s.name), note);
                let cause = cause.unwrap_or_default();
                Err(Fault::Error { error, cause })
            }
        }
    }

    fn parallel(
        &mut self,
        s: &State,
        branches: &[Machine],
        eff: &Value,
        depth: usize,
    ) -> Result<Value, Fault> {
        self.event("ParallelStateStarted", Some(&s.name), None);
        let (start, first) = (self.t, self.events.len());
        let mut end = start;
        let mut outputs = Vec::new();
        let mut failure = None;
        for b in branches {
            self.t = start;
            match self.machine(b, eff.clone(), depth + 1, None) {
                Ok(v) => outputs.push(v),
                Err(f) => {
                    failure = Some(f);
                    break;
                }
            }
            end = end.max(self.t);
        }
        // Branches run side by side: order their events by time, as the history shows them.
        self.events[first..].sort_by(|a, b| a.t.total_cmp(&b.t));
        self.t = if failure.is_some() { self.t } else { end };
        match failure {
            None => {
                self.event("ParallelStateSucceeded", Some(&s.name), None);
                Ok(Value::Array(outputs))
            }
            Some(f) => Err(f),
        }
    }

    fn map(
        &mut self,
        s: &State,
        map: &MapState,
        eff: &Value,
        ctx: &Value,
        depth: usize,
    ) -> Result<Value, Fault> {
        let items = match &map.items_path {
            None => Some(eff.clone()),
            Some(p) => p.select(eff),
        };
        let Some(Value::Array(items)) = items else {
            return Err(Fault::runtime(format!(
                "An error occurred while executing the state '{}'. The ItemsPath field must select a JSON array.",
                s.name
            )));
        };
        let max_concurrency = match &map.max_concurrency_path {
            None => map.max_concurrency,
            Some(p) => match p.select(eff) {
                Some(v) if v.as_int().is_some_and(|n| n >= 0) => v.as_int().unwrap_or(0) as u64,
                Some(v) => {
                    return Err(Fault::runtime(format!(
                        "The MaxConcurrencyPath field refers to value {} which is not a valid integer: {p}",
                        v.compact()
                    )));
                }
                None => return Err(not_found(p, "MaxConcurrencyPath", eff)),
            },
        };
        self.event(
            "MapStateStarted",
            Some(&s.name),
            Some(format!("{} items", items.len())),
        );
        let start = self.t;
        let first = self.events.len();
        let slots = if max_concurrency == 0 {
            items.len().max(1)
        } else {
            max_concurrency as usize
        };
        let mut free = vec![start; slots.min(items.len().max(1))];
        let (mut outputs, mut failed, mut end) = (Vec::new(), 0usize, start);
        let mut failure = None;
        for (index, value) in items.iter().enumerate() {
            let slot = (0..free.len())
                .min_by(|&a, &b| free[a].total_cmp(&free[b]))
                .unwrap_or(0);
            self.t = free[slot];
            let item = Item {
                index,
                value: value.clone(),
            };
            let input = match &map.item_selector {
                Some(sel) => {
                    let ctx = self.with_item(ctx, &item);
                    template(sel, eff, &ctx, &mut self.seq)?
                }
                None => value.clone(),
            };
            self.event(
                "MapIterationStarted",
                Some(&s.name),
                Some(format!("item {index}")),
            );
            match self.machine(&map.processor, input, depth + 1, Some(&item)) {
                Ok(v) => {
                    self.event(
                        "MapIterationSucceeded",
                        Some(&s.name),
                        Some(format!("item {index}")),
                    );
                    outputs.push(v);
                }
                Err(Fault::Error { error, cause }) if error != "States.Runtime" => {
                    self.event(
                        "MapIterationFailed",
                        Some(&s.name),
                        Some(format!("item {index}: {error}")),
                    );
                    failed += 1;
                    outputs.push(error_object(&error, &cause));
                    if failure.is_none() {
                        failure = Some((error, cause));
                    }
                    if !self.tolerates(map, failed, items.len()) {
                        end = end.max(self.t);
                        break;
                    }
                }
                Err(other) => return Err(other),
            }
            free[slot] = self.t;
            end = end.max(self.t);
        }
        self.events[first..].sort_by(|a, b| a.t.total_cmp(&b.t));
        self.t = end;
        if failed > 0 && !self.tolerates(map, failed, items.len()) {
            let (error, cause) = failure.expect("a failure was recorded");
            if map.tolerated_percentage.is_some() || map.tolerated_count.is_some() {
                return Err(Fault::Error {
                    error: "States.ExceedToleratedFailureThreshold".into(),
                    cause: format!(
                        "{failed} of {} items failed, more than the Map state tolerates (first: {error})",
                        items.len()
                    ),
                });
            }
            return Err(Fault::Error { error, cause });
        }
        self.event("MapStateSucceeded", Some(&s.name), None);
        Ok(Value::Array(outputs))
    }

    fn with_item(&self, ctx: &Value, item: &Item) -> Value {
        let mut ctx = ctx.clone();
        if let Value::Object(m) = &mut ctx {
            m.insert(
                "Map",
                Value::Object(Map(vec![(
                    "Item".into(),
                    Value::Object(Map(vec![
                        ("Index".into(), Value::Int(item.index as i64)),
                        ("Value".into(), item.value.clone()),
                    ])),
                )])),
            );
        }
        ctx
    }

    /// ToleratedFailurePercentage / ToleratedFailureCount; without them one failed item fails the Map.
    fn tolerates(&self, map: &MapState, failed: usize, total: usize) -> bool {
        let by_count = map.tolerated_count.map(|c| failed as u64 <= c);
        let by_pct = map
            .tolerated_percentage
            .map(|p| total > 0 && (failed as f64) * 100.0 / (total as f64) <= p);
        match (by_count, by_pct) {
            (None, None) => false,
            (a, b) => a.unwrap_or(false) || b.unwrap_or(false),
        }
    }
}

/// Seconds after the simulated start as an ISO 8601 time, as the context object shows it.
pub fn stamp(t: f64) -> String {
    let start = chrono::DateTime::parse_from_rfc3339(START).expect("START is RFC 3339");
    // Waits, backoff and timeouts can push the clock past the last date chrono holds: stop there, never panic.
    let at = chrono::Duration::try_milliseconds((t * 1000.0) as i64)
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or_else(|| {
            let edge = if t < 0.0 {
                chrono::DateTime::<chrono::Utc>::MIN_UTC
            } else {
                chrono::DateTime::<chrono::Utc>::MAX_UTC
            };
            edge.fixed_offset()
        });
    at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}
