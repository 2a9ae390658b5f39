//! Parallel and Map: the states that run whole state machines inside them (branches, an item processor).

use super::{Checker, ptr};
use crate::asl::json::{Map, Value};
use crate::asl::model::{Kind, Machine, MapState};

impl Checker {
    pub(super) fn parallel(&mut self, obj: &Map, at: &str) -> Option<Kind> {
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
        Some(Kind::Parallel { branches })
    }

    pub(super) fn map(&mut self, obj: &Map, at: &str) -> Option<MapState> {
        let (processor, distributed) = self.processor(obj, at)?;
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
        let max_concurrency_path = self.optional_path(obj, at, "MaxConcurrencyPath")?;
        let tolerated_percentage = obj.get("ToleratedFailurePercentage").and_then(|v| {
            self.number_in(
                v,
                &ptr(at, "ToleratedFailurePercentage"),
                "ToleratedFailurePercentage",
                0.0..=100.0,
                "a number from 0 to 100",
            )
        });
        let tolerated_count = obj.get("ToleratedFailureCount").and_then(|v| {
            self.non_negative_int(
                v,
                &ptr(at, "ToleratedFailureCount"),
                "ToleratedFailureCount",
            )
        });
        let items_path = self.optional_path(obj, at, "ItemsPath")?;
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

    /// The item processor (or the older Iterator), and whether it runs as a Distributed Map.
    fn processor(&mut self, obj: &Map, at: &str) -> Option<(Machine, bool)> {
        let (processor, field) = match (obj.get("ItemProcessor"), obj.get("Iterator")) {
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
        let config = processor.get("ProcessorConfig");
        let mode = config.and_then(|c| c.get("Mode"));
        let distributed = mode.and_then(Value::as_str) == Some("DISTRIBUTED");
        if let Some(mode) = mode
            && !matches!(mode.as_str(), Some("INLINE" | "DISTRIBUTED"))
        {
            self.bad(
                &format!("{at}/{field}/ProcessorConfig/Mode"),
                format!("Mode must be INLINE or DISTRIBUTED, not {mode}"),
            );
        }
        if distributed
            && !matches!(
                config
                    .and_then(|c| c.get("ExecutionType"))
                    .and_then(Value::as_str),
                Some("STANDARD" | "EXPRESS")
            )
        {
            self.bad(&format!("{at}/{field}/ProcessorConfig"), "a Distributed Map needs ExecutionType: STANDARD or EXPRESS (its child workflows' type)");
        }
        let processor = self.machine(processor, &ptr(at, field), false)?;
        Some((processor, distributed))
    }
}
