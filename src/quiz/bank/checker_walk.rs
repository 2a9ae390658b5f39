//! Building the raw shapes by walking `toml`'s spanned document, without serde's map protocol: a fifth of `check`
//! on a big course. `None` for anything but the shapes serde would read without an error; the caller then asks serde,
//! so every error keeps serde's words and span.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{RawBank, RawQuestion, RawTrigger, Text};

pub(in super::super) type Node<'i> = Spanned<DeValue<'i>>;

pub(in crate::quiz::bank) fn bank(text: &str) -> Option<RawBank> {
    let root = DeTable::parse(text).ok()?.into_inner();
    let (mut topic, mut trigger, mut question) = (None, Vec::new(), Vec::new());
    for (key, value) in root {
        match key.get_ref().as_ref() {
            "topic" => topic = Some(string(value)?),
            "trigger" => trigger = tables(value, self::trigger)?,
            "question" => question = tables(value, self::question)?,
            _ => return None,
        }
    }
    Some(RawBank {
        topic: topic?,
        trigger,
        question,
    })
}

fn trigger(table: DeTable<'_>) -> Option<RawTrigger> {
    let (mut id, mut cue, mut answer, mut accept, mut decoys, mut why, mut step) =
        (None, None, None, Vec::new(), None, None, None);
    for (key, value) in table {
        match key.get_ref().as_ref() {
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

fn question(table: DeTable<'_>) -> Option<RawQuestion> {
    let (mut id, mut stem, mut choices, mut correct, mut explain, mut step, mut lab) =
        (None, None, None, None, None, None, None);
    for (key, value) in table {
        match key.get_ref().as_ref() {
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
fn tables<T>(node: Node<'_>, read: fn(DeTable<'_>) -> Option<T>) -> Option<Vec<Spanned<T>>> {
    list(node, |n| {
        let table = table_of(n)?;
        let span = table.span();
        Some(Spanned::new(span, read(table.into_inner())?))
    })
    .map(Spanned::into_inner)
}

pub(in super::super) fn table_of(node: Node<'_>) -> Option<Spanned<DeTable<'_>>> {
    let span = node.span();
    match node.into_inner() {
        DeValue::Table(t) => Some(Spanned::new(span, t)),
        _ => None,
    }
}

pub(in super::super) fn list<'i, T>(
    node: Node<'i>,
    read: impl Fn(Node<'i>) -> Option<T>,
) -> Option<Spanned<Vec<T>>> {
    let span = node.span();
    match node.into_inner() {
        DeValue::Array(a) => {
            let items = a.into_iter().map(read).collect::<Option<Vec<T>>>()?;
            Some(Spanned::new(span, items))
        }
        _ => None,
    }
}

pub(in super::super) fn string(node: Node<'_>) -> Option<Text> {
    let span = node.span();
    match node.into_inner() {
        DeValue::String(s) => Some(Spanned::new(span, s.into_owned())),
        _ => None,
    }
}

pub(in super::super) fn strings(node: Node<'_>) -> Option<Spanned<Vec<Text>>> {
    list(node, string)
}

/// An integer that fits `i64`, as serde reads it into one.
fn integer(node: Node<'_>) -> Option<Spanned<i64>> {
    let span = node.span();
    match node.into_inner() {
        DeValue::Integer(i) => {
            let n = i64::from_str_radix(i.as_str(), i.radix()).ok()?;
            Some(Spanned::new(span, n))
        }
        _ => None,
    }
}

/// A float (or an integer) as serde reads it into `f64`; only plain finite numbers (anything else: serde).
pub(in super::super) fn float(node: Node<'_>) -> Option<f64> {
    let n = match node.into_inner() {
        DeValue::Float(f) => f.as_str().parse::<f64>().ok()?,
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok()? as f64,
        _ => return None,
    };
    n.is_finite().then_some(n)
}
