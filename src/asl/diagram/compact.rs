//! The fallback layout for narrow panes and deep nesting: an indented list, one line per state and per edge.

use std::collections::HashSet;

use super::{
    Edge, MAX_NESTING, Row, TAKEN_MARK, Tail, Tone, children, content, edge_row, edges, order,
    retries,
};
use crate::asl::model::Machine;

pub(super) fn rows(m: &Machine, taken: &HashSet<&str>, width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    list(m, taken, width, 0, &mut out);
    out
}

fn list(m: &Machine, taken: &HashSet<&str>, width: usize, level: usize, out: &mut Vec<Row>) {
    let ord = order(m);
    // Indentation stops at half the width, so the deepest states still show the start of their name.
    let indent = |extra: usize| " ".repeat((level * 4 + extra).min(width / 2));
    for (p, &i) in ord.states.iter().enumerate() {
        let s = &m.states[i];
        if p == ord.unreachable {
            out.push(vec![(
                format!("{}⋯ not reachable from StartAt", indent(0)),
                Tone::Muted,
            )]);
        }
        let here = taken.contains(s.pointer.as_str());
        let mut row = vec![(indent(0), Tone::Plain)];
        if here {
            row.push((TAKEN_MARK.into(), Tone::Taken));
        }
        row.push((s.name.clone(), if here { Tone::Taken } else { Tone::Name }));
        row.push(("  ".into(), Tone::Plain));
        row.push((s.kind.type_name().into(), Tone::Kind));
        out.push(row);
        let sub = indent(2);
        let room = width.saturating_sub(sub.len());
        for line in content(s, room) {
            out.push(
                std::iter::once((sub.clone(), Tone::Plain))
                    .chain(line)
                    .collect(),
            );
        }
        out.extend(retries(s, &sub, width));
        for (heading, inner) in children(s) {
            out.push(vec![(sub.clone(), Tone::Plain), (heading, Tone::Label)]);
            if level < MAX_NESTING {
                list(inner, taken, width, level + 1, out);
            } else {
                out.push(vec![(
                    format!("{}… nested too deep", indent(4)),
                    Tone::Muted,
                )]);
            }
        }
        let (mut edges, tail) = edges(m, &ord, p, taken);
        // The list has no arrow between neighbours: the next state is named like any other edge.
        if let (Tail::Down { taken }, Some(next)) = (&tail, s.next.as_deref()) {
            edges.push(Edge {
                label: None,
                target: next,
                catch: false,
                outcome: false,
                taken: *taken,
                back: false,
            });
        }
        for e in &edges {
            let lead = if e.catch {
                format!("{sub}┄ ")
            } else {
                sub.clone()
            };
            out.push(edge_row(e, &lead, "→ ", width));
        }
        if tail == Tail::End {
            out.push(vec![(format!("{sub}◉ end"), Tone::Muted)]);
        }
    }
}
