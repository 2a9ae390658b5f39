//! Quiz files (`quizzes/NN-slug.toml`) parsed into a `QuizBank`, with every rule of docs/course-format.md checked.
//! All problems are reported at once so an author fixes a file in one pass.

use std::collections::{HashMap, HashSet};

mod checker;
mod lab;
mod tree;

use crate::util::diagnostic::Diagnostic;
pub use checker::{parse, parse_cleaned};
pub use lab::Lab;

/// One topic's quiz: trigger cues and exam-style questions.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizBank {
    /// The file as the author knows it, e.g. `quizzes/11-step-functions.toml`.
    pub path: String,
    /// The lesson slug this quiz belongs to.
    pub topic: String,
    /// Line of the `topic` key, for `check_course`.
    pub topic_line: usize,
    pub triggers: Vec<Trigger>,
    pub questions: Vec<Question>,
}

/// An exam trigger phrase and the service or feature it points to.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub id: String,
    pub cue: String,
    pub answer: String,
    pub accept: Vec<String>,
    pub decoys: Vec<String>,
    pub why: String,
    /// The teaching step that teaches it (`step = 6`, 1-based), and the line of that key.
    pub step: Option<StepRef>,
    pub line: usize,
}

/// An item's `step = N`: the 1-based teaching step as written, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRef {
    pub step: usize,
    pub line: usize,
}

/// An exam-style scenario question; two or more `correct` indices make it multiple response.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub stem: String,
    pub choices: Vec<String>,
    /// 0-based indices into `choices`.
    pub correct: Vec<usize>,
    /// One per choice: why it is right or wrong.
    pub explain: Vec<String>,
    pub step: Option<StepRef>,
    pub line: usize,
    /// A Step Functions lab exercise: the run shown after the answer.
    pub lab: Option<Lab>,
}

/// What kind of quiz item; timing thresholds and selection differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Trigger,
    Question,
}

impl Question {
    pub fn is_multiple(&self) -> bool {
        self.correct.len() > 1
    }

    /// The stem as shown: multiple response gets " (Choose TWO.)" etc., as on the exam.
    pub fn display_stem(&self) -> String {
        if self.is_multiple() {
            format!("{} (Choose {}.)", self.stem, count_word(self.correct.len()))
        } else {
            self.stem.clone()
        }
    }
}

fn count_word(n: usize) -> String {
    match n {
        2 => "TWO".into(),
        3 => "THREE".into(),
        4 => "FOUR".into(),
        5 => "FIVE".into(),
        _ => n.to_string(),
    }
}

/// Lower-case ASCII words (letters and digits) joined by single `-`.
pub fn is_valid_id(id: &str) -> bool {
    // Bytes, not `split('-')`: every item of a course is checked. A non-ASCII byte is neither letter nor digit.
    let b = id.as_bytes();
    !b.is_empty()
        && b.first() != Some(&b'-')
        && b.last() != Some(&b'-')
        && !b.windows(2).any(|w| w == b"--")
        && (b.iter()).all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

/// What the course-wide checks read of a quiz file: a parsed bank, or what the course index keeps of one.
pub trait ItemIds {
    fn path(&self) -> &str;
    /// The lesson slug it belongs to, and the line of its `topic` key.
    fn topic(&self) -> (&str, usize);
    /// Its items' ids, each with its line, triggers first.
    fn ids(&self) -> impl Iterator<Item = (&str, usize)>;
    /// How many items.
    fn count(&self) -> usize;
}

impl ItemIds for QuizBank {
    fn path(&self) -> &str {
        &self.path
    }

    fn topic(&self) -> (&str, usize) {
        (&self.topic, self.topic_line)
    }

    fn ids(&self) -> impl Iterator<Item = (&str, usize)> {
        (self.triggers.iter().map(|t| (t.id.as_str(), t.line)))
            .chain(self.questions.iter().map(|q| (q.id.as_str(), q.line)))
    }

    fn count(&self) -> usize {
        self.triggers.len() + self.questions.len()
    }
}

/// Rules across files: each quiz's topic is a lesson of the course, and ids are unique course-wide
/// (progress is keyed by id). The second occurrence of an id is reported, pointing at the first.
pub fn check_course<B: ItemIds>(banks: &[B], topic_slugs: &[String]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // Hashed, not ordered: 50,000 ids in a tree were a tenth of `check` on a big course, all on one core.
    let items = banks.iter().map(ItemIds::count).sum();
    let mut seen: HashMap<&str, (&str, usize)> = HashMap::with_capacity(items);
    let slugs: HashSet<&str> = topic_slugs.iter().map(String::as_str).collect();
    for bank in banks {
        let (topic, topic_line) = bank.topic();
        if !slugs.contains(topic) {
            let message = format!("topic `{topic}` is not a lesson of the course");
            diags.push(Diagnostic::new(bank.path(), topic_line, message));
        }
        for (id, line) in bank.ids() {
            if let Some((path, first)) = seen.get(id) {
                let message = format!("duplicate id `{id}` (first used at {path}:{first})");
                diags.push(Diagnostic::new(bank.path(), line, message));
            } else {
                seen.insert(id, (bank.path(), line));
            }
        }
    }
    diags
}

#[cfg(test)]
#[path = "bank_tests.rs"]
mod tests;
