//! What a quiz added up to: right of answered, skipped, per topic, and the exam report for a mock exam.

use super::exam::ExamReport;

/// A finished (or stopped) session: `right` of `answered`, per topic in bank order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuizSummary {
    pub right: usize,
    pub answered: usize,
    pub skipped: usize,
    pub per_topic: Vec<(String, usize, usize)>,
    /// Set for a submitted mock exam.
    pub exam: Option<ExamReport>,
}

impl QuizSummary {
    /// Adds another session's results to these: the run's total for the end-of-phase summary.
    pub fn absorb(&mut self, s: QuizSummary) {
        self.right += s.right;
        self.answered += s.answered;
        self.skipped += s.skipped;
        for (topic, right, n) in s.per_topic {
            match self.per_topic.iter_mut().find(|(t, _, _)| *t == topic) {
                Some(entry) => {
                    entry.1 += right;
                    entry.2 += n;
                }
                None => self.per_topic.push((topic, right, n)),
            }
        }
        if s.exam.is_some() {
            self.exam = s.exam;
        }
    }
}

impl QuizSummary {
    /// The one line the shell shows after a quiz: "Trigger drill · Topic 11: 3 of 5 right (1 skipped)."
    pub fn score_line(&self, title: &str) -> String {
        if let Some(r) = &self.exam {
            return format!(
                "{title}: {} of {} right ({}%).",
                r.score, r.total, r.percent
            );
        }
        if self.answered == 0 {
            return format!("{title}: nothing answered.");
        }
        let skipped = if self.skipped > 0 {
            format!(" ({} skipped)", self.skipped)
        } else {
            String::new()
        };
        format!(
            "{title}: {} of {} right{skipped}.",
            self.right, self.answered
        )
    }
}
