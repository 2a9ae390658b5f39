//! The mock exam: answer and move on, flag, jump, submit (asked once), leave (asked once), the clock.

use chrono::{DateTime, Utc};

use super::{Confirm, Effect, QuizCommand, QuizFlow, Stage, screen};
use crate::quiz::{QuizSummary, grade};

impl QuizFlow<'_> {
    pub(super) fn exam(
        &mut self,
        cmd: QuizCommand,
        confirm: Option<Confirm>,
        now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let Stage::Exam { exam } = &mut self.stage else {
            return Vec::new();
        };
        let i = exam.current();
        let total = exam.len();
        match cmd {
            QuizCommand::Submit | QuizCommand::Primary if confirm == Some(Confirm::Submit) => {
                return self.submit(now);
            }
            QuizCommand::Leave if confirm == Some(Confirm::LeaveExam) => {
                self.stage = Stage::Finished(QuizSummary::default());
                self.message = Some("Exam abandoned: nothing was recorded.".into());
                return vec![Effect::Leave(QuizSummary::default())];
            }
            QuizCommand::Submit => {
                let left = total - exam.answered_count();
                self.confirm = Some(Confirm::Submit);
                self.message = Some(format!(
                    "Submit with {} unanswered? Type submit again (or Enter) to hand it in; anything else goes on.",
                    left
                ));
            }
            QuizCommand::Leave => {
                self.confirm = Some(Confirm::LeaveExam);
                self.message = Some(
                    "Leave the exam? Nothing would be recorded. Esc again (or done) leaves; submit scores it."
                        .into(),
                );
            }
            QuizCommand::Answer(v) => self.exam_answer(v),
            QuizCommand::Next | QuizCommand::Primary | QuizCommand::Skip => {
                if !exam.next_question() {
                    self.message =
                        Some("This is the last question: type submit when ready.".into());
                }
            }
            QuizCommand::Prev => {
                if !exam.prev_question() {
                    self.message = Some("This is the first question.".into());
                }
            }
            QuizCommand::Flag => {
                let what = if exam.flag(i) {
                    "flagged for review"
                } else {
                    "no longer flagged"
                };
                self.message = Some(format!("Question {} {what}.", i + 1));
            }
            QuizCommand::Goto(n) => {
                if n == 0 || !exam.goto(n - 1) {
                    self.message = Some(format!("There is no question {n}: 1 to {total}."));
                }
            }
            QuizCommand::Rate(_) | QuizCommand::Text(_) => {
                self.message = Some("In the mock exam, answer with letters.".into())
            }
            _ => {
                self.message = Some("That works in practice, not in the mock exam.".into());
            }
        }
        Vec::new()
    }

    pub(super) fn submit(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        let stage = std::mem::replace(&mut self.stage, Stage::Finished(QuizSummary::default()));
        let Stage::Exam { exam } = stage else {
            self.stage = stage;
            return Vec::new();
        };
        let report = exam.submit(now);
        self.wrong.extend(
            report
                .items
                .iter()
                .filter(|i| !i.right)
                .map(|i| i.id.clone()),
        );
        let effects = (report.items.iter())
            .map(|i| Effect::Save(i.id.clone(), i.state.clone()))
            .collect();
        self.version += 1;
        self.stage = Stage::Review(report);
        effects
    }

    /// Letters for the question on screen: all of them answer and move on; fewer toggle (multiple response).
    fn exam_answer(&mut self, v: Vec<usize>) {
        let Stage::Exam { exam } = &mut self.stage else {
            return;
        };
        let i = exam.current();
        let (pick, total) = (exam.question(i).map_or(1, |q| q.pick), exam.len());
        if v.len() > pick {
            self.message = Some(format!("Choose {}.", screen::letters_count(pick)));
        } else if v.len() < pick {
            for c in v {
                exam.select(i, c);
            }
            let picked = exam
                .question(i)
                .map(|q| q.picked.to_vec())
                .unwrap_or_default();
            self.message = Some(screen::picked_line(&picked, pick));
        } else {
            let letters = grade::letters(&v);
            exam.set_answer(i, v);
            self.message = Some(if exam.next_question() {
                format!("Question {}: {letters}.", i + 1)
            } else {
                let done = exam.answered_count();
                format!(
                    "Question {}: {letters}. That was the last ({done} of {total} answered): submit, or goto a number to review.",
                    i + 1
                )
            });
        }
    }
}
