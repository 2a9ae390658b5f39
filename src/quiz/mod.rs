//! The quiz engine: quiz files, item selection, options, grading, modes and FSRS scheduling. Nothing here knows
//! of terminals; time and randomness are passed in.

pub mod anki;
pub mod bank;
pub mod catalog;
pub mod exam;
pub mod flow;
pub mod grade;
pub mod lab_view;
pub mod mode;
pub mod options;
pub mod present;
pub mod report;
pub mod reread;
pub mod schedule;
pub mod select;
pub mod session;
pub mod stats;
pub mod summary;

#[cfg(test)]
pub(crate) mod testdata;

pub use bank::{ItemKind, Question, QuizBank, Trigger, check_course, parse};
pub use catalog::{BankSource, Catalog};
pub use exam::{ExamQuestion, ExamReport, ExamSession, ReviewItem};
pub use grade::{grade_choices, grade_typed, normalize, parse_letters};
pub use mode::{Mode, QuizOptions, TopicInfo};
pub use options::{
    ShuffledQuestion, TriggerOptions, shuffle_question, trigger_options, trigger_options_from,
};
pub use schedule::{ItemState, Phase, Rating, is_due, rating_for, review, weakness};
pub use select::{ItemRef, select};
pub use session::{AnswerError, Feedback, OptionReview, Prompt, QuizSession, QuizSummary};
pub use stats::{Stats, TopicMastery, WeakTrigger, stats};
