//! The context object (`$$`): the execution, the state, the state machine, the task token and, inside a Map
//! iteration, the item. Names and ARNs are fixed so that runs replay exactly.

use super::states::Sim;
use crate::asl::json::{Map, Value};

/// The simulated start, fixed so runs replay exactly.
pub const START: &str = "2026-01-01T00:00:00Z";

/// A Map iteration's place, for `$$.Map.Item`.
#[derive(Clone)]
pub struct Item {
    pub index: usize,
    pub value: Value,
}

impl Item {
    /// Sets `Map.Item` in a context object (an outer iteration's item gives way to this one).
    fn place_in(&self, ctx: &mut Map) {
        ctx.insert(
            "Map",
            Value::Object(Map(vec![(
                "Item".into(),
                Value::Object(Map(vec![
                    ("Index".into(), Value::Int(self.index as i64)),
                    ("Value".into(), self.value.clone()),
                ])),
            )])),
        );
    }
}

impl Sim {
    pub(super) fn context(
        &self,
        state: &str,
        entered: f64,
        retries: u64,
        item: Option<&Item>,
    ) -> Value {
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
            item.place_in(&mut ctx);
        }
        Value::Object(ctx)
    }
}

/// `ctx` as an iteration of a Map sees it: with `$$.Map.Item` set to `item`.
pub(super) fn with_item(ctx: &Value, item: &Item) -> Value {
    let mut ctx = ctx.clone();
    if let Value::Object(m) = &mut ctx {
        item.place_in(m);
    }
    ctx
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
