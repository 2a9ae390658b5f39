//! Task, Parallel and Map: each attempt, then Retry (backoff on the clock) and Catch (to another state).

use super::Fault;
use super::dataflow::{error_object, place, select, template};
use super::seconds_text;
use super::states::{Scope, Sim, Step};
use crate::asl::json::Value;
use crate::asl::model::*;

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

impl Sim {
    /// Task, Parallel and Map: attempts, Retry, then Catch.
    pub(super) fn with_recovery(
        &mut self,
        s: &State,
        raw: Value,
        ctx: &Value,
        at: Scope,
    ) -> Result<Step, Fault> {
        let eff = select(&s.input_path, raw.clone(), ctx)?;
        let mut used = vec![0u64; s.retry.len()];
        let mut retries = 0;
        loop {
            let ctx = self.context(
                &s.name,
                self.visits.last().map_or(0.0, |v| v.entered),
                retries,
                at.item,
            );
            let (error, cause) = match self.attempt(s, &eff, &ctx, at.depth) {
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
            if self.retry(s, &mut used, &error)? {
                retries += 1;
                continue;
            }
            return self.catch(s, &raw, error, cause);
        }
    }

    /// One attempt: Parameters (Task and Parallel; a Map's are its ItemSelector), then the work.
    fn attempt(
        &mut self,
        s: &State,
        eff: &Value,
        ctx: &Value,
        depth: usize,
    ) -> Result<Value, Fault> {
        let eff = match (&s.parameters, &s.kind) {
            (Some(p), Kind::Task(_) | Kind::Parallel { .. }) => {
                template(p, eff, ctx, &mut self.seq)?
            }
            _ => eff.clone(),
        };
        match &s.kind {
            Kind::Task(task) => self.task(s, task, &eff),
            Kind::Parallel { branches } => self.parallel(s, branches, &eff, depth),
            Kind::Map(map) => self.map(s, map, &eff, ctx, depth),
            _ => unreachable!("only Task, Parallel and Map attempt work"),
        }
    }

    /// Whether a retrier takes the failed attempt: then the clock moves by its delay and the failure's event says
    /// so. `used` counts each retrier's retries.
    fn retry(&mut self, s: &State, used: &mut [u64], error: &str) -> Result<bool, Fault> {
        let Some(i) = s.retry.iter().position(|r| matches(&r.errors, error)) else {
            return Ok(false);
        };
        let r = &s.retry[i];
        if used[i] >= r.max_attempts {
            return Ok(false);
        }
        used[i] += 1;
        let delay = r.delay(used[i]);
        let wait = if r.jitter_full {
            format!("0–{} (full jitter)", seconds_text(delay))
        } else {
            seconds_text(delay)
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
        Ok(true)
    }

    /// After the last attempt: a matching catcher goes on to its state, with the error placed at its ResultPath.
    fn catch(
        &mut self,
        s: &State,
        raw: &Value,
        error: String,
        cause: String,
    ) -> Result<Step, Fault> {
        // A Map or Parallel attempt that will not be retried is recorded as failed once, here.
        match &s.kind {
            Kind::Map(_) => self.event("MapStateFailed", Some(&s.name), None),
            Kind::Parallel { .. } => self.event("ParallelStateFailed", Some(&s.name), None),
            _ => {}
        }
        let Some((i, c)) = s
            .catch
            .iter()
            .enumerate()
            .find(|(_, c)| matches(&c.errors, &error))
        else {
            return Err(Fault::Error { error, cause });
        };
        let out = place(&c.result_path, raw, error_object(&error, &cause))?;
        if let Some(e) = self.events.last_mut() {
            let prefix = e.note.take().map(|n| format!("{n}; ")).unwrap_or_default();
            e.note = Some(format!(
                "{prefix}{error}: caught by catcher {} ({}) → {}",
                i + 1,
                c.errors.join(", "),
                c.next
            ));
        }
        Ok(Step::Next(c.next.clone(), out))
    }
}
