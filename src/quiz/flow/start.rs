//! How a quiz begins: the exam or the practice session over the items chosen, and the line that introduces it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rand::rngs::StdRng;

use super::Stage;
use crate::quiz::{
    ExamSession, ItemRef, ItemState, Mode, QuizOptions, QuizSession, catalog::Catalog,
};

/// The stage a quiz of `items` (not empty) starts on, and the line that introduces it.
pub(super) fn first_stage<'c>(
    (catalog, items, histories): (&Catalog<'c>, Vec<ItemRef>, &BTreeMap<String, ItemState>),
    opts: &QuizOptions,
    mut rng: StdRng,
    now: DateTime<Utc>,
    (title, scope): (&str, &str),
) -> (Stage<'c>, String) {
    use crate::util::text::{mm_ss, plural};
    if opts.mode == Mode::Exam {
        let (exam_date, catalog) = (opts.exam_date, catalog.clone());
        let exam = ExamSession::new(catalog, items, histories, &mut rng, now, exam_date);
        // Counted after the start: a question whose bank can no longer be had is left out.
        let (n, clock) = (exam.len(), mm_ss(exam.remaining(now)));
        let intro = format!(
            "Mock exam · {scope} · {} · {clock} on the clock",
            plural(n, "question")
        );
        let exam = Box::new(exam);
        return (Stage::Exam { exam }, intro);
    }
    let n = items.len();
    let (typed, exam_date) = (opts.typed, opts.exam_date);
    let session = QuizSession::new(
        catalog.clone(),
        items,
        histories,
        typed,
        exam_date,
        rng,
        now,
    );
    let stage = Stage::Practice {
        session: Box::new(session),
        picked: Vec::new(),
        answered: None,
    };
    (stage, format!("{title} · {}", plural(n, "item")))
}
