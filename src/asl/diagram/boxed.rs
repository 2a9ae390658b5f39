//! The boxed layout: one box per state, all boxes of a (sub)machine the same width so the column reads as one
//! flow; a Parallel or Map is a frame titled with its name, holding its branches under dashed dividers.

use std::collections::HashSet;

use super::{
    FRAME, MAX_NESTING, Row, TAKEN_MARK, Tail, Tone, children, clip, content, edge_row, edges,
    order, pad, retries, row_width, width,
};
use crate::asl::model::{Machine, State};
use crate::util::text::truncate;

/// The whole diagram: a start mark, then the top-level machine.
pub(super) fn top(m: &Machine, taken: &HashSet<&str>, avail: usize) -> Vec<Row> {
    let mut rows = vec![
        vec![("  ● ".into(), Tone::Edge), ("start".into(), Tone::Muted)],
        vec![("  ▼".into(), Tone::Edge)],
    ];
    rows.extend(machine(m, taken, avail, 0));
    rows
}

/// A (sub)machine in at most `avail` columns.
fn machine(m: &Machine, taken: &HashSet<&str>, avail: usize, level: usize) -> Vec<Row> {
    let ord = order(m);
    let blocks: Vec<Block> = ord
        .states
        .iter()
        .map(|&i| Block::new(&m.states[i], taken, avail, level))
        .collect();
    // Plain boxes share one width so the column reads as one flow; a frame may be wider, never narrower.
    let most = avail.saturating_sub(FRAME);
    let boxes = blocks
        .iter()
        .filter(|b| b.sections.is_empty())
        .map(|b| b.natural)
        .max()
        .unwrap_or(0)
        .min(most);
    let mut rows = Vec::new();
    for (p, block) in blocks.iter().enumerate() {
        if p == ord.unreachable {
            rows.push(vec![("  ⋯ not reachable from StartAt".into(), Tone::Muted)]);
        }
        let inner = if block.sections.is_empty() {
            boxes
        } else {
            block.natural.clamp(boxes, most)
        };
        block.render(inner, &mut rows);
        rows.extend(retries(block.state, "  ", avail));
        let (edges, tail) = edges(m, &ord, p, taken);
        let last = edges.len();
        for (k, e) in edges.iter().enumerate() {
            let spine = if k + 1 == last && tail == Tail::None {
                "└"
            } else {
                "├"
            };
            let (lead, arrow) = match (e.catch, e.label.is_some()) {
                (true, _) => (format!("  {spine}┄ "), "┄▶ "),
                (false, true) => (format!("  {spine}─ "), "─▶ "),
                (false, false) => (format!("  {spine}─"), "─▶ "),
            };
            rows.push(edge_row(e, &lead, arrow, avail));
        }
        match tail {
            Tail::Down { taken } => {
                let tone = if taken { Tone::Taken } else { Tone::Edge };
                rows.push(vec![("  ▼".into(), tone)]);
            }
            Tail::End => rows.push(vec![("  ◉ end".into(), Tone::Muted)]),
            Tail::None => {}
        }
        // A gap where the flow does not simply continue downwards, so each box and its edges read as a group.
        if !matches!(tail, Tail::Down { .. }) && p + 1 < blocks.len() {
            rows.push(Row::new());
        }
    }
    rows
}

/// A state ready to draw: its nested machines already laid out, and the width it would like.
struct Block<'m> {
    state: &'m State,
    taken: bool,
    sections: Vec<(String, Vec<Row>)>,
    /// Columns inside the frame that show everything uncut.
    natural: usize,
}

impl<'m> Block<'m> {
    fn new(state: &'m State, taken: &HashSet<&str>, avail: usize, level: usize) -> Block<'m> {
        let room = avail.saturating_sub(FRAME);
        let sections: Vec<(String, Vec<Row>)> = children(state)
            .into_iter()
            .map(|(heading, inner)| {
                let rows = if level < MAX_NESTING {
                    machine(inner, taken, room, level + 1)
                } else {
                    vec![vec![("… nested too deep".into(), Tone::Muted)]]
                };
                (heading, rows)
            })
            .collect();
        let is_taken = taken.contains(state.pointer.as_str());
        let mark = if is_taken { width(TAKEN_MARK) } else { 0 };
        // Name and type share a line with a gap of 2 in a box, or sit in a frame's top border (5 more glyphs).
        let gap = if sections.is_empty() { 2 } else { 5 };
        let head = mark + width(&state.name) + gap + width(state.kind.type_name());
        let natural = content(state, usize::MAX / 2)
            .iter()
            .map(row_width)
            .chain(sections.iter().flat_map(|(h, rows)| {
                std::iter::once(width(h) + 2).chain(rows.iter().map(row_width))
            }))
            .fold(head, usize::max);
        Block {
            state,
            taken: is_taken,
            sections,
            natural,
        }
    }

    fn frame(&self) -> Tone {
        if self.taken { Tone::Taken } else { Tone::Frame }
    }

    /// The box `inner` columns wide inside its borders.
    fn render(&self, inner: usize, rows: &mut Vec<Row>) {
        let frame = self.frame();
        let side = |content: Row| -> Row {
            let mut mid = clip(content, inner);
            pad(&mut mid, inner);
            let mut row = vec![("│ ".to_string(), frame)];
            row.extend(mid);
            row.push((" │".into(), frame));
            row
        };
        if self.sections.is_empty() {
            rows.push(vec![(format!("╭{}╮", "─".repeat(inner + 2)), frame)]);
            rows.push(side(self.head(inner)));
        } else {
            rows.push(self.title(inner));
        }
        rows.extend(content(self.state, inner).into_iter().map(side));
        for (heading, inner_rows) in &self.sections {
            rows.push(divider(heading, inner, frame));
            rows.extend(inner_rows.iter().cloned().map(side));
        }
        rows.push(vec![(format!("╰{}╯", "─".repeat(inner + 2)), frame)]);
    }

    /// The mark (if taken) and the name, cut to `room` columns.
    fn name(&self, room: usize) -> Row {
        let mut row = Row::new();
        if self.taken {
            row.push((TAKEN_MARK.into(), Tone::Taken));
        }
        let room = room.saturating_sub(row_width(&row));
        row.push((truncate(&self.state.name, room), Tone::Name));
        row
    }

    /// `✓ Name        Task`: a box's first line.
    fn head(&self, inner: usize) -> Row {
        let kind = self.state.kind.type_name();
        let mut row = self.name(inner.saturating_sub(width(kind) + 2));
        pad(&mut row, inner.saturating_sub(width(kind)));
        row.push((kind.into(), Tone::Kind));
        row
    }

    /// `╭─ ✓ Name ─────── Parallel ─╮`: a frame's top border.
    fn title(&self, inner: usize) -> Row {
        let kind = self.state.kind.type_name();
        let frame = self.frame();
        let mut row = vec![("╭─ ".to_string(), frame)];
        let name = self.name(inner.saturating_sub(width(kind) + 5));
        let fill = inner.saturating_sub(row_width(&name) + width(kind) + 4);
        row.extend(name);
        row.push((format!(" {} ", "─".repeat(fill)), frame));
        row.push((kind.into(), Tone::Kind));
        row.push((" ─╮".into(), frame));
        row
    }
}

/// `├╌ branch 1 ╌╌╌╌╌┤`: the heading of one nested machine, across the frame.
fn divider(heading: &str, inner: usize, frame: Tone) -> Row {
    let heading = truncate(heading, inner.saturating_sub(2));
    let fill = inner.saturating_sub(width(&heading) + 1);
    vec![
        ("├╌ ".into(), frame),
        (heading, Tone::Label),
        (format!(" {}┤", "╌".repeat(fill)), frame),
    ]
}
