//! Running states: the clock, the history, and the states that need no module of their own (Pass, Choice, Wait,
//! Succeed, Fail). Task, Parallel and Map run through `recovery` (Retry and Catch), then `task` or `fanout`; `$$`
//! comes from `context`.

use super::context::{Item, START};
use super::dataflow::{not_found, place, select, template};
use super::{Event, Fault, MAX_EVENTS, MAX_PAYLOAD_BYTES, Script, Visit, choice};
use crate::asl::intrinsic;
use crate::asl::json::{self, Value};
use crate::asl::model::*;

pub struct Sim {
    pub t: f64,
    pub events: Vec<Event>,
    pub visits: Vec<Visit>,
    pub script: Script,
    deadline: Option<f64>,
    pub(super) execution_input: Value,
    /// Drives the deterministic UUID and MathRandom intrinsics.
    pub(super) seq: u64,
}

/// Where a state runs: how deep inside branches and iterations, and the item of the Map iteration it is in.
#[derive(Clone, Copy)]
pub(super) struct Scope<'a> {
    pub depth: usize,
    pub item: Option<&'a Item>,
}

pub(super) enum Step {
    Next(String, Value),
    End(Value),
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
    pub(super) fn advance(&mut self, seconds: f64) -> Result<(), Fault> {
        self.t += seconds;
        match self.deadline {
            Some(d) if self.t > d => {
                self.t = d;
                Err(Fault::TimedOut)
            }
            _ => Ok(()),
        }
    }

    /// Runs a state machine (the whole definition, a branch or an iteration) to its end.
    pub fn machine(
        &mut self,
        m: &Machine,
        input: Value,
        depth: usize,
        item: Option<&Item>,
    ) -> Result<Value, Fault> {
        // The checker refuses deeper definitions; a machine built in code must not recurse without end either.
        if depth >= crate::asl::MAX_NESTING {
            return Err(Fault::Stop(format!(
                "stopped: Parallel branches and Map item processors nested more than {} levels deep",
                crate::asl::MAX_NESTING
            )));
        }
        let mut name = m.start_at.clone();
        let mut input = input;
        loop {
            self.guard()?;
            let state = m
                .state(&name)
                .ok_or_else(|| Fault::runtime(format!("no state named '{name}'")))?;
            match self.state(state, input, Scope { depth, item })? {
                Step::Next(n, out) => {
                    name = n;
                    input = out;
                }
                Step::End(out) => return Ok(out),
            }
        }
    }

    fn state(&mut self, s: &State, raw: Value, at: Scope) -> Result<Step, Fault> {
        let kind = s.kind.type_name();
        self.event(&format!("{kind}StateEntered"), Some(&s.name), None);
        let id = self.events.len();
        self.state_body(s, raw, at).map_err(|f| match f {
            Fault::Runtime(detail) => Fault::Error {
                error: "States.Runtime".into(),
                cause: format!("An error occurred while executing the state '{}' (entered at the event id #{id}). {detail}", s.name),
            },
            other => other,
        })
    }

    /// One state's visit: entered, run, its output checked against the lab's and AWS's limits, exited.
    fn state_body(&mut self, s: &State, raw: Value, at: Scope) -> Result<Step, Fault> {
        let kind = s.kind.type_name();
        let entered = self.t;
        self.visits.push(Visit {
            name: s.name.clone(),
            pointer: s.pointer.clone(),
            kind,
            depth: at.depth,
            entered,
            input: raw.clone(),
            output: None,
        });
        let visit = self.visits.len() - 1;
        let ctx = self.context(&s.name, entered, 0, at.item);
        let step = self.run_kind(s, raw, &ctx, at)?;
        let out = match &step {
            Step::Next(_, v) | Step::End(v) => v.clone(),
        };
        check_output(s, &out)?;
        self.visits[visit].output = Some(out);
        let note = match &step {
            Step::Next(n, _) => Some(format!("next: {n}")),
            Step::End(_) => None,
        };
        self.event(&format!("{kind}StateExited"), Some(&s.name), note);
        Ok(step)
    }

    fn run_kind(&mut self, s: &State, raw: Value, ctx: &Value, at: Scope) -> Result<Step, Fault> {
        Ok(match &s.kind {
            Kind::Fail { error, cause } => {
                let error = self
                    .fail_field(error, "ErrorPath", &raw, ctx)?
                    .unwrap_or_default();
                let cause = self
                    .fail_field(cause, "CausePath", &raw, ctx)?
                    .unwrap_or_default();
                return Err(Fault::Error { error, cause });
            }
            Kind::Succeed => {
                let eff = select(&s.input_path, raw, ctx)?;
                Step::End(select(&s.output_path, eff, ctx)?)
            }
            Kind::Choice { rules, default } => {
                let eff = select(&s.input_path, raw, ctx)?;
                let mut next = None;
                for (rule, target) in rules {
                    if choice::matches(rule, &eff, ctx)? {
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
                Step::Next(next, select(&s.output_path, eff, ctx)?)
            }
            Kind::Wait(how) => {
                let eff = select(&s.input_path, raw, ctx)?;
                let seconds = self.wait_seconds(how, &eff)?;
                self.advance(seconds)?;
                self.flow(s, select(&s.output_path, eff, ctx)?)
            }
            Kind::Pass { result } => {
                let eff = select(&s.input_path, raw.clone(), ctx)?;
                let eff = match &s.parameters {
                    Some(p) => template(p, &eff, ctx, &mut self.seq)?,
                    None => eff,
                };
                let result = result.clone().unwrap_or(eff);
                let out = place(&s.result_path, &raw, result)?;
                self.flow(s, select(&s.output_path, out, ctx)?)
            }
            Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_) => {
                self.with_recovery(s, raw, ctx, at)?
            }
        })
    }

    pub(super) fn flow(&self, s: &State, out: Value) -> Step {
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
                Some(v.as_text())
            }
            Some(OrPath::Intrinsic(expr)) => {
                let call = intrinsic::parse(expr).map_err(Fault::runtime)?;
                let v = intrinsic::eval(&call, raw, ctx, &mut self.seq).map_err(Fault::runtime)?;
                Some(v.as_text())
            }
        })
    }

    fn wait_seconds(&self, how: &OrPath<WaitFor>, eff: &Value) -> Result<f64, Fault> {
        let start = chrono::DateTime::parse_from_rfc3339(START).expect("START is RFC 3339");
        let until = |at: chrono::DateTime<chrono::FixedOffset>| {
            ((at - start).num_milliseconds() as f64 / 1000.0 - self.t).max(0.0)
        };
        let (path, seconds) = match how {
            OrPath::Literal(WaitFor::Seconds(s)) => return Ok(*s as f64),
            OrPath::Literal(WaitFor::Timestamp(s)) => {
                return Ok(chrono::DateTime::parse_from_rfc3339(s)
                    .map(until)
                    .unwrap_or(0.0));
            }
            OrPath::Literal(WaitFor::Path { path, seconds }) => (path, *seconds),
            _ => return Ok(0.0),
        };
        let field = if seconds {
            "SecondsPath"
        } else {
            "TimestampPath"
        };
        let v = path
            .select(eff)
            .ok_or_else(|| not_found(path, field, eff))?;
        let shown = v.as_text();
        if seconds {
            match v.as_int() {
                Some(n) if n >= 0 && v.as_f64().is_some_and(|f| f.fract() == 0.0) => Ok(n as f64),
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
}

/// A state's output must read back and fit AWS's payload limit.
fn check_output(s: &State, out: &Value) -> Result<(), Fault> {
    // The output must read back (as `--format json` output, or another run's input): a loop that wraps its
    // input a level at a time stops here, not at a stack overflow.
    if nested_deeper_than(out, json::MAX_DEPTH - 1) {
        return Err(Fault::Stop(format!(
            "stopped: the output of \"{}\" is nested deeper than {} levels, more than the lab reads",
            s.name,
            json::MAX_DEPTH - 1
        )));
    }
    if out.compact().len() > MAX_PAYLOAD_BYTES {
        return Err(Fault::Error {
            error: "States.DataLimitExceeded".into(),
            cause: format!(
                "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                s.name
            ),
        });
    }
    Ok(())
}

/// Whether `v` holds objects or arrays more than `levels` deep (looking no deeper than that).
fn nested_deeper_than(v: &Value, levels: usize) -> bool {
    let below = |v: &Value| nested_deeper_than(v, levels - 1);
    match v {
        Value::Array(items) => levels == 0 || items.iter().any(below),
        Value::Object(map) => levels == 0 || map.0.iter().any(|(_, v)| below(v)),
        _ => false,
    }
}
