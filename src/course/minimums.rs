//! The floors every topic of the built-in course is held to (docs/course-format.md, "Minimums"). `check` applies
//! them with `--strict`; a test applies them to the built-in course so the content cannot silently erode.

use super::{Course, Diagnostic};

pub fn check(course: &Course) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for t in &course.topics {
        let l = &t.lesson;
        let mut short = |what: String| out.push(Diagnostic::new(&l.path, 0, what));
        let steps = l.steps.len();
        if !(6..=12).contains(&steps) {
            short(format!("{steps} teaching steps; a topic needs 6 to 12"));
        }
        if l.angles.is_empty() {
            short("no angle in `# Another angle`".into());
        }
        if l.scenarios.len() < 5 {
            short(format!(
                "{} exam scenarios; a topic needs 5 or more",
                l.scenarios.len()
            ));
        }
        if l.signal_rows < 8 {
            short(format!(
                "{} exam-signal rows; a topic needs 8 or more",
                l.signal_rows
            ));
        }
        if l.comparison_tables < 1 {
            short("no comparison table".into());
        }
        if l.memory_hack.trim().is_empty() {
            short("no memory hack".into());
        }
        if l.meta.sources.is_empty() {
            short("no `sources` in the front matter".into());
        }
        match course.quiz_of(t) {
            None => short(format!(
                "no quiz file (quizzes/{:02}-{}.toml)",
                t.number(),
                t.slug()
            )),
            Some(q) => {
                let path = q.path.clone();
                let mut short = |what: String| out.push(Diagnostic::new(&path, 0, what));
                if q.triggers.len() < 12 {
                    short(format!(
                        "{} triggers; a topic needs 12 or more",
                        q.triggers.len()
                    ));
                }
                if q.questions.len() < 15 {
                    short(format!(
                        "{} questions; a topic needs 15 or more",
                        q.questions.len()
                    ));
                }
                let multi = q.questions.iter().filter(|x| x.correct.len() > 1).count();
                if multi < 4 {
                    short(format!(
                        "{multi} multiple-response questions; a topic needs 4 or more"
                    ));
                }
            }
        }
    }
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

    #[test]
    fn a_thin_course_is_reported() {
        let short: Vec<String> = check(&mini_course())
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert!(
            short.contains(
                &"lessons/01-alpha.md: 2 teaching steps; a topic needs 6 to 12".to_string()
            ),
            "{short:?}"
        );
        assert!(
            short
                .contains(&"lessons/01-alpha.md: no quiz file (quizzes/01-alpha.toml)".to_string()),
            "{short:?}"
        );
    }
}
