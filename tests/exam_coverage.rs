//! docs/exam-coverage.md maps every exam-guide bullet of Phase 6 to the lesson steps that teach it and the quiz
//! items that drill it. `check` cannot prove teaching, so this keeps the map honest: every step and item it names
//! exists in the built-in course, and every bullet of the phase's scope names at least one of each.

use std::collections::{BTreeMap, BTreeSet};

use dea_tutor::course::Course;

const MAP: &str = include_str!("../docs/exam-coverage.md");

/// Code spans of a line: the text between pairs of backticks.
fn spans(line: &str) -> Vec<&str> {
    line.split('`').skip(1).step_by(2).collect()
}

/// Step titles by lesson file name (`11-step-functions.md`).
fn steps(course: &Course) -> BTreeMap<String, BTreeSet<String>> {
    (course.topics.iter())
        .map(|t| {
            let file = format!("{:02}-{}.md", t.number(), t.slug());
            let titles = (t.lesson().steps.iter())
                .filter_map(|p| p.title.clone())
                .collect();
            (file, titles)
        })
        .collect()
}

fn ids(course: &Course) -> BTreeSet<String> {
    (course.banks().iter())
        .flat_map(|b| {
            (b.triggers.iter().map(|t| t.id.clone()))
                .chain(b.questions.iter().map(|q| q.id.clone()))
        })
        .collect()
}

/// A table row's cells, without the outer pipes.
fn cells(line: &str) -> Vec<&str> {
    line.trim()
        .trim_matches('|')
        .split(" | ")
        .map(str::trim)
        .collect()
}

#[test]
fn every_step_and_item_the_map_names_exists() {
    let course = Course::built_in().unwrap();
    let (steps, ids) = (steps(&course), ids(&course));
    let mut missing = Vec::new();
    for (n, line) in MAP.lines().enumerate() {
        for span in spans(line) {
            if let Some((file, title)) = span.split_once(".md#") {
                let file = format!("{file}.md");
                if !steps.get(&file).is_some_and(|t| t.contains(title)) {
                    missing.push(format!("line {}: no step `{span}`", n + 1));
                }
            } else if line.starts_with('|') && !ids.contains(span) {
                missing.push(format!("line {}: no quiz item `{span}`", n + 1));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_bullet_of_the_phase_is_taught_and_drilled() {
    let mut section = "";
    let mut bare = Vec::new();
    let mut bullets = 0;
    for line in MAP.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h;
            continue;
        }
        // The task tables: three columns, bullet | taught in | drilled by.
        if !section.starts_with("Task ") || !line.starts_with('|') || line.starts_with("| ---") {
            continue;
        }
        let c = cells(line);
        if c.len() != 3 || c[0] == "Bullet" {
            continue;
        }
        bullets += 1;
        if c[1].starts_with("outside Phase 6") {
            continue;
        }
        let taught = spans(c[1]).iter().any(|s| s.contains(".md#"));
        let drilled = !spans(c[2]).is_empty();
        if !(taught && drilled) {
            bare.push(format!("{section}: {}", c[0]));
        }
    }
    assert!(
        bullets >= 60,
        "the map lists {bullets} bullets; expected the whole phase"
    );
    assert!(
        bare.is_empty(),
        "bullets without a step or an item:\n{}",
        bare.join("\n")
    );
}
