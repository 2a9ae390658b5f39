//! `dea-tutor check [DIR]`: every problem as `path:line: message`, exit 1 if any; a one-line summary otherwise. A
//! placeholder left from `new-topic` is a problem too.

use std::{path::Path, process::ExitCode};

use super::print_diagnostics;
use crate::{
    course::{
        Course, CourseFiles,
        load::{Findings, Pass},
        minimums, pieces, placeholders,
    },
    util::text::plural,
};

pub fn run(dir: Option<&Path>, strict: bool) -> ExitCode {
    let failed = |diags: &[_]| {
        print_diagnostics(diags, dir);
        ExitCode::from(1)
    };
    let (parsed, found) = match dir {
        // A folder is read, parsed and looked at a file at a time on every core.
        Some(dir) => match CourseFiles::parse_dir(dir, Pass::Check) {
            Ok(done) => done,
            Err(diags) => return failed(&diags),
        },
        None => {
            let files = CourseFiles::built_in();
            let mut found = Findings {
                placeholders: placeholders::find(&files),
                ..Findings::default()
            };
            let parsed = files.parse();
            for t in parsed.iter().flat_map(|c| &c.topics) {
                found.lesson(t.lesson());
            }
            (parsed, found)
        }
    };
    let mut problems = found.placeholders;
    match &parsed {
        Err(diags) => problems.extend_from_slice(diags),
        // Only a course that parses has its pieces, links and diagrams reported.
        Ok(course) => {
            problems.extend(found.lessons);
            problems.extend(pieces::check_items(course, false));
        }
    }
    problems.sort();
    let diagram_count = found.diagrams;
    let course = match parsed {
        Ok(c) if problems.is_empty() => c,
        _ => return failed(&problems),
    };
    if strict {
        let short = minimums::check(&course);
        if !short.is_empty() {
            print_diagnostics(&short, dir);
            eprintln!("{} below the minimums", plural(short.len(), "problem"));
            return ExitCode::from(1);
        }
    }
    outln!("{}", summary(&course, diagram_count));
    // The process ends here: the operating system takes the memory back at once, where dropping a big course
    // string by string took a twentieth of `check`.
    std::mem::forget(course);
    ExitCode::SUCCESS
}

/// "ok: DIR (phase) — 10 topics, 1 step, ...": what a valid course holds.
fn summary(course: &Course, diagrams: usize) -> String {
    let steps: usize = course.topics.iter().map(|t| t.step_count()).sum();
    let scenarios: usize = course.topics.iter().map(|t| t.scenario_count()).sum();
    let (triggers, questions) = course.banks().iter().fold((0, 0), |(a, b), q| {
        (a + q.triggers.len(), b + q.questions.len())
    });
    format!(
        "ok: {} ({}) — {}, {}, {}, {}, {}",
        course.origin,
        course.phase,
        plural(course.topics.len(), "topic"),
        plural(steps, "step"),
        plural(scenarios, "scenario"),
        plural(triggers, "trigger"),
        plural(questions, "question"),
    ) + &lab_summary(course, diagrams)
}

/// ", 5 state machine diagrams, 8 lab exercises" when the course has them (every one was checked and run).
fn lab_summary(course: &Course, diagrams: usize) -> String {
    let labs: usize = course
        .banks()
        .iter()
        .map(|b| b.questions.iter().filter(|q| q.lab.is_some()).count())
        .sum();
    let mut s = String::new();
    if diagrams > 0 {
        s.push_str(&format!(", {}", plural(diagrams, "state machine diagram")));
    }
    if labs > 0 {
        s.push_str(&format!(", {}", plural(labs, "lab exercise")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::mini_course;

    #[test]
    fn the_summary_counts_in_the_singular_and_the_plural() {
        let mut course = mini_course();
        assert!(
            summary(&course, 0).ends_with(
                "(Phase 0 — Fixture) — 2 topics, 6 steps, 4 scenarios, 0 triggers, 0 questions"
            ),
            "{}",
            summary(&course, 0)
        );
        course.topics.truncate(1);
        course.topics[0].edit_lesson(|l| l.scenarios.truncate(1));
        let mut built_in = Course::built_in().expect("built-in course is valid");
        let bank = built_in.edit_banks(|banks| {
            banks[0].triggers.truncate(1);
            banks[0].questions.truncate(1);
            banks[0].clone()
        });
        course.edit_banks(|banks| *banks = vec![bank]);
        assert!(
            summary(&course, 0).ends_with("— 1 topic, 3 steps, 1 scenario, 1 trigger, 1 question"),
            "{}",
            summary(&course, 0)
        );
    }
}
