//! `dea-tutor check [DIR]`: every problem as `path:line: message`, exit 1 if any; a one-line summary otherwise.

use std::{path::Path, process::ExitCode};

use super::{load_course, print_diagnostics};
use crate::course::minimums;

pub fn run(dir: Option<&Path>, strict: bool) -> ExitCode {
    let course = match load_course(dir) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if strict {
        let short = minimums::check(&course);
        if !short.is_empty() {
            print_diagnostics(&short, dir);
            eprintln!("{} topic(s) below the minimums", short.len());
            return ExitCode::from(1);
        }
    }
    let lessons = course.topics.len();
    let steps: usize = course.topics.iter().map(|t| t.step_count()).sum();
    let scenarios: usize = course.topics.iter().map(|t| t.lesson.scenarios.len()).sum();
    let (triggers, questions) = course.banks.iter().fold((0, 0), |(a, b), q| {
        (a + q.triggers.len(), b + q.questions.len())
    });
    outln!(
        "ok: {} ({}) — {lessons} topics, {steps} steps, {scenarios} scenarios, {triggers} triggers, {questions} questions",
        course.origin,
        course.phase
    );
    ExitCode::SUCCESS
}
