//! Building the raw shapes by walking the file's TOML tree (`tree.rs`), without serde's map protocol: a fifth of
//! `check` on a big course. `None` for anything but the shapes serde would read without an error; the caller then
//! asks serde, so every error keeps serde's words and span.

use toml::Spanned;

use super::super::tree::{self, Node, Table, Value};
use super::{RawBank, RawQuestion, RawTrigger, Text};

/// The raw bank, and whether every string in it is the file's text as written (no escape decoded).
pub(in crate::quiz::bank) fn bank(text: &str) -> Option<(RawBank, bool)> {
    let root = tree::parse(text)?;
    let as_written = tree::as_written(&root);
    let (mut topic, mut trigger, mut question) = (None, Vec::new(), Vec::new());
    for (key, value) in root {
        match key.as_ref() {
            "topic" => topic = Some(string(value)?),
            "trigger" => trigger = tables(value, self::trigger)?,
            "question" => question = tables(value, self::question)?,
            _ => return None,
        }
    }
    let raw = RawBank {
        topic: topic?,
        trigger,
        question,
    };
    Some((raw, as_written))
}

fn trigger(table: Table<'_>) -> Option<RawTrigger> {
    let (mut id, mut cue, mut answer, mut accept, mut decoys, mut why, mut step) =
        (None, None, None, Vec::new(), None, None, None);
    for (key, value) in table {
        match key.as_ref() {
            "id" => id = Some(string(value)?),
            "cue" => cue = Some(string(value)?),
            "answer" => answer = Some(string(value)?),
            "accept" => accept = strings(value)?.into_inner(),
            "decoys" => decoys = Some(strings(value)?),
            "why" => why = Some(string(value)?),
            "step" => step = Some(integer(value)?),
            _ => return None,
        }
    }
    Some(RawTrigger {
        id: id?,
        cue: cue?,
        answer: answer?,
        accept,
        decoys: decoys?,
        why: why?,
        step,
    })
}

fn question(table: Table<'_>) -> Option<RawQuestion> {
    let (mut id, mut stem, mut choices, mut correct, mut explain, mut step, mut lab) =
        (None, None, None, None, None, None, None);
    for (key, value) in table {
        match key.as_ref() {
            "id" => id = Some(string(value)?),
            "stem" => stem = Some(string(value)?),
            "choices" => choices = Some(strings(value)?),
            "correct" => correct = Some(list(value, integer)?),
            "explain" => explain = Some(strings(value)?),
            "step" => step = Some(integer(value)?),
            "lab" => lab = Some(super::super::lab::walk(table_of(value)?.into_inner())?),
            _ => return None,
        }
    }
    Some(RawQuestion {
        id: id?,
        stem: stem?,
        choices: choices?,
        correct: correct?,
        explain: explain?,
        step,
        lab,
    })
}

/// An array of tables, each read by `read`.
fn tables<T>(node: Node<'_>, read: fn(Table<'_>) -> Option<T>) -> Option<Vec<Spanned<T>>> {
    list(node, |n| {
        let table = table_of(n)?;
        let span = table.span();
        Some(Spanned::new(span, read(table.into_inner())?))
    })
    .map(Spanned::into_inner)
}

pub(in super::super) fn table_of(node: Node<'_>) -> Option<Spanned<Table<'_>>> {
    match node.value {
        Value::Table(t) => Some(Spanned::new(node.span, t)),
        _ => None,
    }
}

pub(in super::super) fn list<'i, T>(
    node: Node<'i>,
    read: impl Fn(Node<'i>) -> Option<T>,
) -> Option<Spanned<Vec<T>>> {
    match node.value {
        Value::Array(a) => {
            // Sized at once (collecting through `Option` grows the vector a push at a time).
            let mut items = Vec::with_capacity(a.len());
            for n in a {
                items.push(read(n)?);
            }
            Some(Spanned::new(node.span, items))
        }
        _ => None,
    }
}

pub(in super::super) fn string(node: Node<'_>) -> Option<Text> {
    match node.value {
        Value::Str(s) => Some(Spanned::new(node.span, s.into_owned())),
        _ => None,
    }
}

pub(in super::super) fn strings(node: Node<'_>) -> Option<Spanned<Vec<Text>>> {
    list(node, string)
}

/// An integer that fits `i64`, as serde reads it into one.
fn integer(node: Node<'_>) -> Option<Spanned<i64>> {
    match node.value {
        Value::Int(n) => Some(Spanned::new(node.span, n?)),
        _ => None,
    }
}

/// A float (or an integer) as serde reads it into `f64`; only plain finite numbers (anything else: serde).
pub(in super::super) fn float(node: Node<'_>) -> Option<f64> {
    let n = match node.value {
        Value::Float(f) => f?,
        Value::Int(i) => i? as f64,
        _ => return None,
    };
    n.is_finite().then_some(n)
}
