//! Parallel and Map: state machines run side by side on the simulated clock. Branches and iterations run one after
//! another here, each from its own start time, and their events are then ordered by time, as the history shows them.

use super::Fault;
use super::context::{Item, with_item};
use super::dataflow::{error_object, not_found, template};
use super::states::Sim;
use crate::asl::json::Value;
use crate::asl::model::{Machine, MapState, State};

/// What a Map's iterations have given so far.
struct Tally {
    /// How many items the Map has.
    total: usize,
    outputs: Vec<Value>,
    failed: usize,
    /// The first failure's error and cause.
    failure: Option<(String, String)>,
}

/// The array a Map iterates over: the effective input, or what ItemsPath selects (from it or from `$$`).
fn map_items(map: &MapState, eff: &Value, ctx: &Value) -> Result<Vec<Value>, Fault> {
    let items = match &map.items_path {
        None => Some(eff.clone()),
        Some(p) => p.select(if p.context { ctx } else { eff }),
    };
    let Some(Value::Array(items)) = items else {
        return Err(Fault::runtime(
            "The ItemsPath field must select a JSON array.",
        ));
    };
    Ok(items)
}

/// MaxConcurrency, or what MaxConcurrencyPath selects; 0 means no limit.
fn max_concurrency(map: &MapState, eff: &Value) -> Result<u64, Fault> {
    Ok(match &map.max_concurrency_path {
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
    })
}

/// ToleratedFailurePercentage / ToleratedFailureCount; without them one failed item fails the Map.
fn tolerates(map: &MapState, failed: usize, total: usize) -> bool {
    let by_count = map.tolerated_count.map(|c| failed as u64 <= c);
    let by_pct = map
        .tolerated_percentage
        .map(|p| total > 0 && (failed as f64) * 100.0 / (total as f64) <= p);
    match (by_count, by_pct) {
        (None, None) => false,
        (a, b) => a.unwrap_or(false) || b.unwrap_or(false),
    }
}

impl Sim {
    pub(super) fn parallel(
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

    pub(super) fn map(
        &mut self,
        s: &State,
        map: &MapState,
        eff: &Value,
        ctx: &Value,
        depth: usize,
    ) -> Result<Value, Fault> {
        let items = map_items(map, eff, ctx)?;
        let max_concurrency = max_concurrency(map, eff)?;
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
        // When each concurrency slot is free again: an iteration starts in the one free first.
        let mut free = vec![start; slots.min(items.len().max(1))];
        let mut end = start;
        let mut tally = Tally {
            total: items.len(),
            outputs: Vec::new(),
            failed: 0,
            failure: None,
        };
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
                Some(sel) => template(sel, eff, &with_item(ctx, &item), &mut self.seq)?,
                None => value.clone(),
            };
            let go_on = self.iteration(s, map, input, depth, &item, &mut tally)?;
            end = end.max(self.t);
            if !go_on {
                break;
            }
            free[slot] = self.t;
        }
        self.events[first..].sort_by(|a, b| a.t.total_cmp(&b.t));
        self.t = end;
        self.map_outcome(s, map, tally)
    }

    /// One iteration, its outcome added to `tally`; false when a failure it cannot tolerate ends the Map.
    fn iteration(
        &mut self,
        s: &State,
        map: &MapState,
        input: Value,
        depth: usize,
        item: &Item,
        tally: &mut Tally,
    ) -> Result<bool, Fault> {
        let index = item.index;
        self.event(
            "MapIterationStarted",
            Some(&s.name),
            Some(format!("item {index}")),
        );
        match self.machine(&map.processor, input, depth + 1, Some(item)) {
            Ok(v) => {
                self.event(
                    "MapIterationSucceeded",
                    Some(&s.name),
                    Some(format!("item {index}")),
                );
                tally.outputs.push(v);
                Ok(true)
            }
            Err(Fault::Error { error, cause }) if error != "States.Runtime" => {
                self.event(
                    "MapIterationFailed",
                    Some(&s.name),
                    Some(format!("item {index}: {error}")),
                );
                tally.failed += 1;
                tally.outputs.push(error_object(&error, &cause));
                if tally.failure.is_none() {
                    tally.failure = Some((error, cause));
                }
                Ok(tolerates(map, tally.failed, tally.total))
            }
            Err(other) => Err(other),
        }
    }

    /// The Map's result once its iterations have run: their outputs, or the failure they could not tolerate.
    fn map_outcome(&mut self, s: &State, map: &MapState, tally: Tally) -> Result<Value, Fault> {
        let (failed, total) = (tally.failed, tally.total);
        if failed > 0 && !tolerates(map, failed, total) {
            let (error, cause) = tally.failure.expect("a failure was recorded");
            if map.tolerated_percentage.is_some() || map.tolerated_count.is_some() {
                return Err(Fault::Error {
                    error: "States.ExceedToleratedFailureThreshold".into(),
                    cause: format!(
                        "{failed} of {total} items failed, more than the Map state tolerates (first: {error})"
                    ),
                });
            }
            return Err(Fault::Error { error, cause });
        }
        self.event("MapStateSucceeded", Some(&s.name), None);
        Ok(Value::Array(tally.outputs))
    }
}
