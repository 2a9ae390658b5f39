//! A state machine drawn as a vertical text flow diagram: a box per state, its outgoing edges under it (Choice
//! rules labelled with their condition, Catch edges dashed), Parallel branches and Map processors nested inside
//! their state's frame. Too narrow or too deep for boxes, it falls back to an indented list; either way no row is
//! wider than asked, whatever the machine.

mod boxed;
mod compact;
mod label;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use unicode_width::UnicodeWidthStr;

use super::model::{Kind, Machine, State};
use crate::util::text::truncate;

/// What a piece of the diagram is, so the renderer can colour it; plain mode ignores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Frame,
    Name,
    Kind,
    Edge,
    Label,
    Catch,
    Retry,
    Taken,
    Muted,
}

/// One line of the diagram: pieces of text with their tone. Its display width never exceeds the width asked for.
pub type Row = Vec<(String, Tone)>;

/// Narrower than this, boxes leave too little room for names: the list is drawn instead.
const MIN_BOXED_WIDTH: usize = 30;
/// Columns a frame takes around what it holds: `│ ` and ` │`.
const FRAME: usize = 4;
/// The narrowest room the innermost nested machine may get before the list is drawn instead.
const MIN_INNER: usize = 22;
/// Deeper nesting is cut short: parsing limits JSON depth, but a machine built in code might not be.
const MAX_NESTING: usize = 64;
/// The mark before the name of a state the run entered.
const TAKEN_MARK: &str = "✓ ";

/// Draws `machine` at most `width` columns wide. `taken` holds the JSON pointers (State::pointer) of states a run
/// entered: their boxes are drawn in Tone::Taken with a mark, so a learner sees the path taken.
pub fn draw(machine: &Machine, taken: &HashSet<&str>, width: usize) -> Vec<Row> {
    let depth = nesting(machine, 0);
    let rows =
        if width >= MIN_BOXED_WIDTH && depth <= MAX_NESTING && width >= depth * FRAME + MIN_INNER {
            boxed::top(machine, taken, width)
        } else {
            compact::rows(machine, taken, width)
        };
    // The layouts keep to `width` themselves; clipping again is the guarantee, not the layout.
    rows.into_iter().map(|r| clip(r, width)).collect()
}

/// The same as plain text lines (for plain mode and tests).
pub fn plain(machine: &Machine, taken: &HashSet<&str>, width: usize) -> Vec<String> {
    draw(machine, taken, width)
        .iter()
        .map(|row| {
            let line: String = row.iter().map(|(s, _)| s.as_str()).collect();
            line.trim_end().to_string()
        })
        .collect()
}

/// How many Parallel/Map frames deep the machine goes (counting stops past `MAX_NESTING`).
fn nesting(m: &Machine, level: usize) -> usize {
    if level > MAX_NESTING {
        return level;
    }
    m.states
        .iter()
        .map(|s| {
            children(s)
                .iter()
                .map(|(_, inner)| 1 + nesting(inner, level + 1))
                .max()
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0)
}

/// The machines nested in a state, each with its heading: `branch 1`, …, or the Map's `for each item of …`.
fn children(s: &State) -> Vec<(String, &Machine)> {
    match &s.kind {
        Kind::Parallel { branches } => branches
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("branch {}", i + 1), b))
            .collect(),
        Kind::Map(map) => vec![(label::map_heading(map), &map.processor)],
        _ => Vec::new(),
    }
}

fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn row_width(row: &Row) -> usize {
    row.iter().map(|(s, _)| width(s)).sum()
}

/// `row` cut to `max` columns, ending in `…` where it was cut.
fn clip(row: Row, max: usize) -> Row {
    if row_width(&row) <= max {
        return row;
    }
    let mut out = Row::new();
    let mut used = 0;
    for (text, tone) in row {
        let w = width(&text);
        if used + w <= max {
            used += w;
            out.push((text, tone));
        } else {
            out.push((truncate(&text, max - used), tone));
            break;
        }
    }
    out
}

/// Spaces after `row` up to `to` columns, so a frame's right border lines up.
fn pad(row: &mut Row, to: usize) {
    let w = row_width(row);
    if w < to {
        row.push((" ".repeat(to - w), Tone::Plain));
    }
}

/// The order states are drawn in: the main path first (depth-first from StartAt along Next, Choices and
/// Default), then what only a Catch reaches, then what nothing reaches (from `unreachable`).
struct Order<'m> {
    index: HashMap<&'m str, usize>,
    states: Vec<usize>,
    /// Position of each state (by index in `Machine::states`) in `states`.
    position: Vec<usize>,
    unreachable: usize,
}

fn order(m: &Machine) -> Order<'_> {
    let index: HashMap<&str, usize> = m
        .states
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), i))
        .collect();
    let mut seen = vec![false; m.states.len()];
    let mut states = Vec::with_capacity(m.states.len());
    let walk = |from: Option<&usize>, seen: &mut Vec<bool>, states: &mut Vec<usize>| {
        // An explicit stack: a 2,000-state chain must not recurse 2,000 deep.
        let mut stack: Vec<usize> = from.copied().into_iter().collect();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            states.push(i);
            let flow = flow_targets(&m.states[i]);
            stack.extend(
                flow.iter()
                    .rev()
                    .filter_map(|t| index.get(t))
                    .filter(|&&j| !seen[j]),
            );
        }
    };
    walk(index.get(m.start_at.as_str()), &mut seen, &mut states);
    let mut k = 0;
    while k < states.len() {
        for c in &m.states[states[k]].catch {
            walk(index.get(c.next.as_str()), &mut seen, &mut states);
        }
        k += 1;
    }
    let unreachable = states.len();
    for i in 0..m.states.len() {
        walk(Some(&i), &mut seen, &mut states);
    }
    let mut position = vec![0; m.states.len()];
    for (p, &i) in states.iter().enumerate() {
        position[i] = p;
    }
    Order {
        index,
        states,
        position,
        unreachable,
    }
}

/// Where normal flow goes from `s`: Next, each Choices rule's Next, Default.
fn flow_targets(s: &State) -> Vec<&str> {
    let mut out: Vec<&str> = s.next.as_deref().into_iter().collect();
    if let Kind::Choice { rules, default } = &s.kind {
        out.extend(rules.iter().map(|(_, t)| t.as_str()));
        out.extend(default.as_deref());
    }
    out
}

/// One edge out of a state, as drawn under its box.
struct Edge<'m> {
    label: Option<String>,
    target: &'m str,
    /// A Catch edge: dashed and in Tone::Catch.
    catch: bool,
    /// Not a state but what happens (a Choice that matches no rule fails): drawn muted.
    outcome: bool,
    /// Both ends were entered by the run.
    taken: bool,
    /// The target is drawn above: a loop.
    back: bool,
}

/// What ends a state's edge list: the next box drawn right below it, the end of the (sub)machine, or nothing.
#[derive(PartialEq)]
enum Tail {
    Down { taken: bool },
    End,
    None,
}

/// The edges out of the state at position `p` of the drawing order.
fn edges<'m>(
    m: &'m Machine,
    ord: &Order,
    p: usize,
    taken: &HashSet<&str>,
) -> (Vec<Edge<'m>>, Tail) {
    let s = &m.states[ord.states[p]];
    let here = taken.contains(s.pointer.as_str());
    let find = |name: &str| {
        let i = *ord.index.get(name)?;
        Some((
            taken.contains(m.states[i].pointer.as_str()),
            ord.position[i],
        ))
    };
    let edge = |label: Option<String>, target: &'m str, catch: bool| {
        let (there, at) = find(target).unwrap_or((false, usize::MAX));
        Edge {
            label,
            target,
            catch,
            outcome: false,
            taken: here && there,
            back: at <= p,
        }
    };
    let mut out = Vec::new();
    if let Kind::Choice { rules, default } = &s.kind {
        out.extend(
            rules
                .iter()
                .map(|(r, t)| edge(Some(label::rule(r)), t, false)),
        );
        match default {
            Some(d) => out.push(edge(Some("otherwise".into()), d, false)),
            // Only the fact, not its consequence: what a Choice with no match does is a question the lab asks.
            None => out.push(Edge {
                outcome: true,
                ..edge(Some("no Default".into()), "", true)
            }),
        }
    }
    out.extend(
        s.catch
            .iter()
            .map(|c| edge(Some(label::catch(c)), &c.next, true)),
    );
    let below = ord.states.get(p + 1).map(|&i| m.states[i].name.as_str());
    let tail = match s.next.as_deref() {
        Some(n) if Some(n) == below => Tail::Down {
            taken: edge(None, n, false).taken,
        },
        Some(n) => {
            out.push(edge(None, n, false));
            Tail::None
        }
        None if matches!(s.kind, Kind::Choice { .. }) => Tail::None,
        None => Tail::End,
    };
    (out, tail)
}

/// An edge as one row: `lead` (indent and spine), the label, `arrow`, the target. The target keeps at least half
/// the room a label would take from it; what does not fit is cut with `…`.
fn edge_row(e: &Edge, lead: &str, arrow: &str, avail: usize) -> Row {
    let (line, label_tone) = match (e.taken, e.catch) {
        (true, _) => (Tone::Taken, Tone::Taken),
        (false, true) => (Tone::Catch, Tone::Catch),
        (false, false) => (Tone::Edge, Tone::Label),
    };
    let back = if e.back { " ↑" } else { "" };
    let label = e.label.as_deref().unwrap_or("");
    // A fact with nowhere to point (a Choice without Default): the label alone, no arrow.
    if e.target.is_empty() {
        let room = avail.saturating_sub(width(lead));
        return vec![
            (lead.to_string(), line),
            (truncate(label, room), Tone::Muted),
        ];
    }
    let fixed = width(lead) + width(arrow) + width(back) + usize::from(!label.is_empty());
    let room = avail.saturating_sub(fixed);
    let (label_w, target_w) = (width(label), width(e.target));
    let target_room = if label_w + target_w <= room {
        target_w
    } else {
        target_w.min(room.saturating_sub(label_w).max(room / 2))
    };
    let target_tone = if e.outcome {
        Tone::Muted
    } else if e.taken {
        Tone::Taken
    } else {
        Tone::Name
    };
    let mut row = vec![(lead.to_string(), line)];
    if !label.is_empty() {
        row.push((
            truncate(label, room.saturating_sub(target_room)),
            label_tone,
        ));
        row.push((" ".into(), Tone::Plain));
    }
    row.push((arrow.to_string(), line));
    row.push((truncate(e.target, target_room), target_tone));
    if e.back {
        row.push((back.to_string(), Tone::Muted));
    }
    clip(row, avail)
}

/// A state's lines under its name (what it does), each cut to `room` columns.
fn content(s: &State, room: usize) -> Vec<Row> {
    label::detail(s)
        .iter()
        .map(|line| vec![(truncate(line, room), Tone::Muted)])
        .collect()
}

/// One `↻ retry …` line per retrier, `lead` first, in `room` columns: error names are cut before the counts.
fn retries(s: &State, lead: &str, room: usize) -> Vec<Row> {
    let lead = format!("{lead}↻ retry ");
    s.retry
        .iter()
        .map(|r| {
            let (errors, summary) = label::retry(r);
            // Error names are what a learner matches a failure against: they keep at least half the room.
            let rest = room.saturating_sub(width(&lead));
            let errors_room = rest.saturating_sub(width(&summary)).max(rest / 2);
            let row = vec![
                (lead.clone(), Tone::Retry),
                (truncate(&errors, errors_room), Tone::Retry),
                (summary, Tone::Retry),
            ];
            clip(row, room)
        })
        .collect()
}
