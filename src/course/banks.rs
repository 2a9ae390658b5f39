//! The course's quiz banks, in topic order. One topic's bank is parsed the first time a quiz of that topic asks for it
//! (`Banks::one`); all of them the first time a reader of every bank (a quiz across topics, the stats, the plan, an
//! export) asks (`Banks::get`), re-using those parsed already. Both are kept.

use std::sync::OnceLock;

use super::{Diagnostic, Origin};
use crate::quiz::{
    BankSource,
    bank::{self, QuizBank},
};

#[derive(Debug, Clone)]
pub(super) struct Banks {
    origin: Origin,
    /// Each bank's file and the topic it belongs to, in topic order.
    files: Vec<(String, String)>,
    loaded: OnceLock<(Vec<QuizBank>, Vec<Diagnostic>)>,
    /// Each bank parsed alone, with its problems, in the order of `files` (empty for a parsed course).
    each: Vec<OnceLock<(QuizBank, Vec<Diagnostic>)>>,
}

impl Banks {
    pub(super) fn parsed(banks: Vec<QuizBank>) -> Self {
        Self {
            origin: Origin::Parsed,
            files: Vec::new(),
            loaded: OnceLock::from((banks, Vec::new())),
            each: Vec::new(),
        }
    }

    pub(super) fn lazy(origin: Origin, files: Vec<(String, String)>) -> Self {
        Self {
            origin,
            each: files.iter().map(|_| OnceLock::new()).collect(),
            files,
            loaded: OnceLock::new(),
        }
    }

    /// Bank `i` (a topic's `quiz`), parsed alone if the banks are not all parsed yet.
    pub(super) fn one(&self, i: usize) -> Option<&QuizBank> {
        if let Some((banks, _)) = self.loaded.get() {
            return banks.get(i);
        }
        let (path, topic) = self.files.get(i)?;
        Some(&self.each.get(i)?.get_or_init(|| self.parse(path, topic)).0)
    }

    /// Whether bank `i` has been parsed, alone or with the others.
    pub(super) fn is_one_parsed(&self, i: usize) -> bool {
        self.loaded.get().is_some() || self.each.get(i).is_some_and(|b| b.get().is_some())
    }

    pub(super) fn get(&self) -> &[QuizBank] {
        &self.loaded().0
    }

    pub(super) fn is_parsed(&self) -> bool {
        self.loaded.get().is_some()
    }

    pub(super) fn problems(&self) -> Vec<&Diagnostic> {
        match self.loaded.get() {
            Some((_, problems)) => problems.iter().collect(),
            None => (self.each.iter())
                .filter_map(|b| b.get())
                .flat_map(|(_, problems)| problems)
                .collect(),
        }
    }

    pub(super) fn get_mut(&mut self) -> &mut Vec<QuizBank> {
        self.loaded();
        &mut self.loaded.get_mut().expect("loaded just above").0
    }

    fn loaded(&self) -> &(Vec<QuizBank>, Vec<Diagnostic>) {
        self.loaded.get_or_init(|| {
            let mut problems = Vec::new();
            let banks = (self.files.iter().zip(&self.each))
                .map(|((path, topic), each)| {
                    // A bank a topic quiz parsed already is the same bank: not read a second time.
                    let (bank, p) = match each.get() {
                        Some(parsed) => parsed.clone(),
                        None => self.parse(path, topic),
                    };
                    problems.extend(p);
                    bank
                })
                .collect();
            (banks, problems)
        })
    }

    /// One bank read and parsed; a bank with nothing to ask (and the problem) when it cannot be.
    fn parse(&self, path: &str, topic: &str) -> (QuizBank, Vec<Diagnostic>) {
        let parsed = (self.origin.text(path).map_err(|d| vec![d]))
            .and_then(|text| bank::parse_cleaned(path, &text));
        match parsed {
            Ok(b) if b.topic == topic => (b, Vec::new()),
            Ok(_) => (
                empty(path, topic),
                vec![Diagnostic::new(
                    path,
                    1,
                    "changed since the course was loaded (its topic differs): restart dea-tutor",
                )],
            ),
            Err(d) => (empty(path, topic), d),
        }
    }
}

impl BankSource for Banks {
    fn bank(&self, i: usize) -> Option<&QuizBank> {
        self.one(i)
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
