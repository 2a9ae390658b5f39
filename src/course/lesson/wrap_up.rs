//! The sections the wrap-up step shows whole (exam signals, comparison, memory hack), with their checks.

use pulldown_cmark::{Event, Parser, Tag};

use super::{options, outline::RawSection, sections::Body};
use crate::util::{diagnostic::Diagnostic, text::plural};

/// The wrap-up sections' text and what the checks measured of it.
pub(super) struct WrapUp {
    pub(super) signals: String,
    /// Body rows of the exam-signals table(s).
    pub(super) signal_rows: usize,
    pub(super) comparison: String,
    pub(super) comparison_tables: usize,
    pub(super) memory_hack: String,
}

/// Reads the exam signals, comparison and memory hack sections (empty text for a missing one). Problems go to
/// `diags`, each at its section's heading.
pub(super) fn read(
    body: &Body,
    [signals_at, comparison_at, memory_hack_at]: [Option<&RawSection>; 3],
    diags: &mut Vec<Diagnostic>,
) -> WrapUp {
    let whole = |s: Option<&RawSection>| {
        s.map(|s| body.text[s.start..s.end].trim().to_string())
            .unwrap_or_default()
    };
    let signals = whole(signals_at);
    let comparison = whole(comparison_at);
    let memory_hack = whole(memory_hack_at);
    let (signal_tables, signal_rows, signal_cols) = table_shape(&signals);
    let (comparison_tables, _, _) = table_shape(&comparison);
    let problems = [
        (
            signals_at,
            signals_problem(signal_tables, signal_rows, signal_cols),
        ),
        (
            comparison_at,
            (comparison_tables == 0).then(|| "`# Comparison` needs at least one table".to_string()),
        ),
        (memory_hack_at, memory_hack_problem(&memory_hack)),
    ];
    for (section, problem) in problems {
        if let (Some(s), Some(message)) = (section, problem) {
            diags.push(body.diag(s.heading_at, message));
        }
    }
    WrapUp {
        signals,
        signal_rows,
        comparison,
        comparison_tables,
        memory_hack,
    }
}

fn signals_problem(tables: usize, rows: usize, cols: usize) -> Option<String> {
    if tables == 0 || rows == 0 {
        Some(
            "`# Exam signals` needs a table: | Trigger phrase | Answer | with at least one row"
                .to_string(),
        )
    } else if cols != 2 {
        Some(format!(
            "`# Exam signals` table has {}; it needs 2 (trigger phrase, answer)",
            plural(cols, "column")
        ))
    } else {
        None
    }
}

fn memory_hack_problem(memory_hack: &str) -> Option<String> {
    if memory_hack.is_empty() {
        Some("`# Memory hack` is empty".to_string())
    } else if memory_hack.lines().filter(|l| !l.trim().is_empty()).count() > 1 {
        Some("`# Memory hack` should be one line".to_string())
    } else {
        None
    }
}

/// (number of tables, body rows of all tables, columns of the first table).
fn table_shape(md: &str) -> (usize, usize, usize) {
    let (mut tables, mut rows, mut cols) = (0, 0, 0);
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(Tag::Table(align)) => {
                if tables == 0 {
                    cols = align.len();
                }
                tables += 1;
            }
            Event::Start(Tag::TableRow) => rows += 1,
            _ => {}
        }
    }
    (tables, rows, cols)
}
