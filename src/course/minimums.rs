//! The floors every topic of the built-in course is held to (docs/course-format.md, "Minimums"). `check` applies
//! them with `--strict`; a test applies them to the built-in course so the content cannot silently erode.

use super::{Course, Diagnostic};
use crate::util::text::plural;

/// Every shortfall, each at the line to work on: the section's heading, the front matter, or the quiz items.
pub fn check(course: &Course) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for t in &course.topics {
        let l = t.lesson();
        let [lesson, angles, scenarios, signals, comparison, hack] = l.section_lines;
        let mut short = |line: usize, what: String| out.push(Diagnostic::new(&l.path, line, what));
        let steps = l.steps.len();
        if !(6..=12).contains(&steps) {
            short(
                lesson,
                format!("{}; a topic needs 6 to 12", plural(steps, "teaching step")),
            );
        }
        if l.angles.is_empty() {
            short(angles, "no angle in `# Another angle`".into());
        }
        if l.scenarios.len() < 5 {
            let n = plural(l.scenarios.len(), "exam scenario");
            short(scenarios, format!("{n}; a topic needs 5 or more"));
        }
        if l.signal_rows < 8 {
            let n = plural(l.signal_rows, "exam-signal row");
            short(signals, format!("{n}; a topic needs 8 or more"));
        }
        if l.comparison_tables < 1 {
            short(comparison, "no comparison table".into());
        }
        if l.memory_hack.trim().is_empty() {
            short(hack, "no memory hack".into());
        }
        // The front matter opens the file: `[[sources]]` goes there.
        if l.meta.sources.is_empty() {
            short(1, "no `sources` in the front matter".into());
        }
        match course.quiz_of(t) {
            None => short(
                1,
                format!("no quiz file (quizzes/{:02}-{}.toml)", t.number(), t.slug()),
            ),
            Some(q) => {
                let mut short =
                    |line: usize, what: String| out.push(Diagnostic::new(&q.path, line, what));
                // Where more items go: after the last of their kind, or after `topic` when there is none.
                let last_trigger = q.triggers.last().map_or(q.topic_line, |x| x.line);
                let last_question = q.questions.last().map_or(q.topic_line, |x| x.line);
                if q.triggers.len() < 12 {
                    let n = plural(q.triggers.len(), "trigger");
                    short(last_trigger, format!("{n}; a topic needs 12 or more"));
                }
                if q.questions.len() < 15 {
                    let n = plural(q.questions.len(), "question");
                    short(last_question, format!("{n}; a topic needs 15 or more"));
                }
                let multi = q.questions.iter().filter(|x| x.correct.len() > 1).count();
                if multi < 4 {
                    let n = plural(multi, "multiple-response question");
                    short(last_question, format!("{n}; a topic needs 4 or more"));
                }
            }
        }
    }
    // Each step's own re-explanation and example, and every step link (the non-strict problems were reported by
    // `check` before the minimums are looked at).
    out.extend(super::pieces::check(course, true));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::mini_course;

    #[test]
    fn the_built_in_course_meets_every_minimum() {
        let course = Course::built_in().expect("built-in course is valid");
        assert_eq!(course.topics.len(), 10);
        let numbers: Vec<u32> = course.topics.iter().map(|t| t.number()).collect();
        assert_eq!(numbers, (11..=20).collect::<Vec<_>>());
        let short = check(&course);
        assert!(short.is_empty(), "{short:#?}");
    }

    /// Every shortfall names a line, and counts of one are singular.
    #[test]
    fn a_thin_course_is_reported() {
        let short: Vec<String> = check(&mini_course())
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert!(
            short.contains(
                &"lessons/01-alpha.md:13: 2 teaching steps; a topic needs 6 to 12".to_string()
            ),
            "{short:?}"
        );
        assert!(
            short.contains(
                &"lessons/01-alpha.md:1: no quiz file (quizzes/01-alpha.toml)".to_string()
            ),
            "{short:?}"
        );
        assert!(
            short.contains(
                &"lessons/01-alpha.md:67: 1 exam-signal row; a topic needs 8 or more".to_string()
            ),
            "{short:?}"
        );
        assert!(
            short.contains(
                &"lessons/01-alpha.md:49: 2 exam scenarios; a topic needs 5 or more".to_string()
            ),
            "{short:?}"
        );
    }

    #[test]
    fn a_thin_quiz_is_reported_at_its_last_items() {
        let mut course = Course::built_in().expect("built-in course is valid");
        course.topics.truncate(1);
        let bank = course.topics[0].quiz.expect("a quiz");
        let (path, trigger, question) = course.edit_banks(|banks| {
            let q = &mut banks[bank];
            q.triggers.truncate(1);
            q.questions.retain(|x| x.is_multiple());
            q.questions.truncate(1);
            (q.path.clone(), q.triggers[0].line, q.questions[0].line)
        });
        let short: Vec<String> = check(&course).iter().map(|d| d.to_string()).collect();
        assert_eq!(
            short,
            [
                format!("{path}:{trigger}: 1 trigger; a topic needs 12 or more"),
                format!("{path}:{question}: 1 question; a topic needs 15 or more"),
                format!("{path}:{question}: 1 multiple-response question; a topic needs 4 or more"),
            ]
        );
    }
}
