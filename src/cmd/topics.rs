//! `dea-tutor topics`: one line a topic.

use crate::course::Course;

pub fn table(course: &Course) -> String {
    let mut out = format!("{}\n{}\n\n", course.title, course.phase);
    let width = course
        .topics
        .iter()
        .map(|t| t.title().chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    out.push_str(&format!(
        "{:>3}  {:<width$}  {:>5}  {:>9}  {:>7}\n",
        "#", "Title", "Steps", "Scenarios", "Quiz"
    ));
    for t in &course.topics {
        out.push_str(&format!(
            "{:>3}  {:<width$}  {:>5}  {:>9}  {:>7}\n",
            t.number(),
            t.title(),
            t.step_count(),
            t.scenario_count(),
            t.quiz_items()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::mini_course;

    #[test]
    fn lists_every_topic_with_counts() {
        let out = table(&mini_course());
        assert!(out.contains("Phase 0 — Fixture"));
        assert!(out.contains("  1  Topic Alpha      3          2"), "{out}");
        assert!(out.contains("  2  Topic Beta       3          2"), "{out}");
    }
}
