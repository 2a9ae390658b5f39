//! Path fields (`InputPath`, `ItemsPath`, a comparison's `Variable`, …) and payload templates (`Parameters`,
//! `ResultSelector`, `ItemSelector`, `Assign`).

use super::{Checker, ptr};
use crate::asl::intrinsic;
use crate::asl::json::{Map, Value};
use crate::asl::model::PathField;
use crate::asl::path::Path;

impl Checker {
    /// A path string; a `reference` path (ResultPath, ItemsPath, …) selects one node, so no `*` or slices.
    pub(super) fn path(
        &mut self,
        v: &Value,
        at: &str,
        field: &str,
        reference: bool,
    ) -> Option<Path> {
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

    /// An optional reference-path field: `Some(None)` when absent, `None` when present but broken.
    pub(super) fn optional_path(
        &mut self,
        obj: &Map,
        at: &str,
        field: &str,
    ) -> Option<Option<Path>> {
        match obj.get(field) {
            None => Some(None),
            Some(v) => self.path(v, &ptr(at, field), field, true).map(Some),
        }
    }

    /// InputPath, OutputPath and ResultPath, where `null` means something of its own.
    pub(super) fn path_field(
        &mut self,
        obj: &Map,
        at: &str,
        field: &str,
        reference: bool,
    ) -> PathField {
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
    pub(super) fn template(&mut self, v: &Value, at: &str) {
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
                        self.dynamic_value(k, child, &here);
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

    /// The value of a template key `k` ending in `.$`.
    fn dynamic_value(&mut self, k: &str, child: &Value, here: &str) {
        match child.as_str() {
            Some(s) if s.trim_start().starts_with('$') => match Path::parse(s) {
                Ok(p) => self.variables |= p.variable.is_some(),
                Err(e) => self.bad(here, format!("{k}: {e}")),
            },
            Some(s) if s.trim_start().starts_with("States.") => {
                if let Err(e) = intrinsic::parse(s) {
                    self.bad(here, format!("{k}: {e}"));
                }
            }
            _ => self.bad(here, format!("\"{k}\" ends in .$, so its value must be a path or an intrinsic function, not {child}")),
        }
    }
}
