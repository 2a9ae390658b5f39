//! The course's quiz banks, in topic order: parsed together the first time a quiz, the stats or the scheduler asks
//! for them (the quiz engine works on one slice), then kept.

use std::sync::OnceLock;

use super::{Diagnostic, Origin};
use crate::quiz::bank::{self, QuizBank};

#[derive(Debug, Clone)]
pub(super) struct Banks {
    origin: Origin,
    /// Each bank's file and the topic it belongs to, in topic order.
    files: Vec<(String, String)>,
    loaded: OnceLock<(Vec<QuizBank>, Vec<Diagnostic>)>,
}

impl Banks {
    pub(super) fn parsed(banks: Vec<QuizBank>) -> Self {
        Self {
            origin: Origin::Parsed,
            files: Vec::new(),
            loaded: OnceLock::from((banks, Vec::new())),
        }
    }

    pub(super) fn lazy(origin: Origin, files: Vec<(String, String)>) -> Self {
        Self {
            origin,
            files,
            loaded: OnceLock::new(),
        }
    }

    pub(super) fn get(&self) -> &[QuizBank] {
        &self.loaded().0
    }

    pub(super) fn is_parsed(&self) -> bool {
        self.loaded.get().is_some()
    }

    pub(super) fn problems(&self) -> &[Diagnostic] {
        self.loaded.get().map_or(&[], |l| &l.1)
    }

    pub(super) fn get_mut(&mut self) -> &mut Vec<QuizBank> {
        self.loaded();
        &mut self.loaded.get_mut().expect("loaded just above").0
    }

    fn loaded(&self) -> &(Vec<QuizBank>, Vec<Diagnostic>) {
        self.loaded.get_or_init(|| {
            let mut problems = Vec::new();
            let banks = (self.files.iter())
                .map(|(path, topic)| {
                    let parsed = (self.origin.text(path).map_err(|d| vec![d]))
                        .and_then(|text| bank::parse(path, &text));
                    match parsed {
                        Ok(b) if &b.topic == topic => b,
                        Ok(_) => {
                            problems.push(Diagnostic::new(
                                path,
                                1,
                                "changed since the course was loaded (its topic differs): restart dea-tutor",
                            ));
                            empty(path, topic)
                        }
                        Err(d) => {
                            problems.extend(d);
                            empty(path, topic)
                        }
                    }
                })
                .collect();
            (banks, problems)
        })
    }
}

/// A bank with nothing to ask, in place of one that cannot be read: the other topics' quizzes still work.
fn empty(path: &str, topic: &str) -> QuizBank {
    QuizBank {
        path: path.to_string(),
        topic: topic.to_string(),
        topic_line: 1,
        triggers: Vec::new(),
        questions: Vec::new(),
    }
}
