//! The course model: lessons (front matter, steps, named sections) and their quizzes, loaded from the built-in
//! copy or from a folder, and checked.

mod banks;
pub mod cheatsheet;
pub mod diagrams;
pub mod index;
pub mod lesson;
pub mod load;
pub mod manifest;
pub mod minimums;
pub mod pieces;
pub mod placeholders;
pub mod scaffold;
pub mod search;
mod topic;

pub use crate::util::diagnostic::{self, Diagnostic};
pub use lesson::{Lesson, Part};
pub use load::CourseFiles;
pub use topic::{Origin, Topic};

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use crate::quiz::{
    Catalog, ItemState, TopicInfo,
    bank::QuizBank,
    reread::{self, Reread},
    stats::{self, Stats, TopicItems},
};

pub use crate::util::sanitize::{clean_line, clean_value};

#[derive(Debug, Clone)]
pub struct Course {
    pub title: String,
    pub phase: String,
    /// The welcome screen's paragraph about the course (markdown), from `course.toml`.
    pub blurb: Option<String>,
    /// ASCII art over the welcome screen, from `course.toml`.
    pub banner: Option<String>,
    /// "built-in" or the folder it was read from.
    pub origin: String,
    /// In `course.toml`'s order; each knows its index entry, and parses its lesson when first asked.
    pub topics: Vec<Topic>,
    /// Every quiz file, in topic order, parsed when first asked for; topics point into it.
    banks: banks::Banks,
}

impl Course {
    /// A course parsed in full (`CourseFiles::parse`).
    pub(crate) fn parsed(
        manifest: &manifest::Manifest,
        origin: &str,
        topics: Vec<Topic>,
        banks: Vec<QuizBank>,
    ) -> Self {
        Self {
            title: manifest.title(),
            phase: manifest.phase(),
            blurb: manifest.blurb(),
            banner: manifest.banner(),
            origin: origin.to_string(),
            topics,
            banks: banks::Banks::parsed(banks),
        }
    }

    /// Every quiz bank, in topic order (the quiz engine works on one slice); parsed now if they were not yet.
    pub fn banks(&self) -> &[QuizBank] {
        self.banks.get()
    }

    /// Changes the banks (tests that build odd courses); the topics' index entries are then made from them again, so
    /// the index still describes the banks, as it always does.
    pub fn edit_banks<R>(&mut self, edit: impl FnOnce(&mut Vec<QuizBank>) -> R) -> R {
        let r = edit(self.banks.get_mut());
        let banks = self.banks.get();
        for t in &mut self.topics {
            let quiz = t.quiz.and_then(|i| banks.get(i)).map(index::QuizEntry::of);
            t.set_quiz_entry(quiz);
        }
        r
    }

    /// Whether the quiz banks have been parsed (tests hold that a start parses only what it shows).
    pub fn banks_parsed(&self) -> bool {
        self.banks.is_parsed()
    }

    /// What went wrong parsing lessons or quizzes late (a file changed while the tutor ran); empty otherwise.
    pub fn late_problems(&self) -> Vec<Diagnostic> {
        let lessons = self.topics.iter().flat_map(|t| t.problems());
        lessons.chain(self.banks.problems()).cloned().collect()
    }

    /// The topics as the quiz engine names them ("Topic 11 · AWS Step Functions").
    pub fn topic_infos(&self) -> Vec<TopicInfo> {
        self.topics
            .iter()
            .map(|t| TopicInfo {
                slug: t.slug().to_string(),
                number: t.number(),
                title: t.title().to_string(),
                steps: t.step_titles().to_vec(),
            })
            .collect()
    }

    /// What teaching step `step` (0-based) of the topic `slug` shows, for re-reading.
    pub fn step_markdown(&self, slug: &str, step: usize) -> Option<String> {
        let t = self.topics.iter().find(|t| t.slug() == slug)?;
        let part = t.lesson().steps.get(step)?;
        Some(format!(
            "*Topic {} · step {} of {}*\n\n{}\n",
            t.number(),
            step + 1,
            t.step_count(),
            part.shown()
        ))
    }

    /// The steps behind the learner's recent wrong answers (`quiz::reread::from_histories`), from the index:
    /// the banks are not parsed for it.
    pub fn reread(&self, histories: &BTreeMap<String, ItemState>) -> Vec<Reread> {
        let wrong: BTreeSet<&str> = (histories.iter())
            .filter(|(_, s)| !s.last_right())
            .map(|(id, _)| id.as_str())
            .collect();
        if wrong.is_empty() {
            return Vec::new();
        }
        // One pass over the items, not one a wrong answer: a course may hold 50,000.
        let steps = self.topics.iter().enumerate().flat_map(|(at, t)| {
            (t.items().unwrap_or_default().iter())
                .filter(|i| wrong.contains(i.id.as_str()))
                .filter_map(move |i| Some((at, t.slug().to_string(), i.step_index()?)))
        });
        reread::tally(steps)
    }

    /// The learner's stats from the index: only the banks of the weakest triggers quoted (ten at most) are parsed,
    /// so the stats of a thousand-topic course fit in a few megabytes.
    pub fn stats(&self, histories: &BTreeMap<String, ItemState>, now: DateTime<Utc>) -> Stats {
        let topics: Vec<TopicItems> = (self.topics.iter())
            .filter_map(|t| {
                Some(TopicItems {
                    topic: t.slug(),
                    items: t.items()?,
                })
            })
            .collect();
        stats::stats(&topics, histories, now, |slug, id| {
            let t = self.topics.iter().find(|t| t.slug() == slug)?;
            let bank = self.quiz_of(t)?;
            Some(bank.triggers.iter().find(|x| x.id == id)?.cue.clone())
        })
    }

    /// Every quiz item of the course, or of the topic `topic` (a slug), from the index: no bank is parsed.
    pub fn items(&self, topic: Option<&str>) -> impl Iterator<Item = &index::ItemEntry> {
        (self.topics.iter())
            .filter(move |t| topic.is_none_or(|slug| slug == t.slug()))
            .flat_map(|t| t.items().unwrap_or_default())
    }

    /// A topic's quiz bank; parsed alone if the banks are not all parsed yet (a topic quiz reads one file).
    pub fn quiz_of(&self, topic: &Topic) -> Option<&QuizBank> {
        topic.quiz.and_then(|i| self.banks.one(i))
    }

    /// Whether a topic's quiz bank has been parsed (tests hold that a topic quiz parses only its own).
    pub fn quiz_parsed(&self, topic: &Topic) -> bool {
        topic.quiz.is_some_and(|i| self.banks.is_one_parsed(i))
    }

    /// The banks a quiz of `topic` (a slug) draws from, known by the index and each parsed when first asked from:
    /// that topic's bank alone (none when it has no quiz), or every bank for a quiz across topics (or a slug that
    /// names no topic, which the quiz engine reports). A ten-item quiz across 1,000 topics parses about ten files.
    pub fn catalog(&self, topic: Option<&str>) -> Catalog<'_> {
        let one = topic.and_then(|slug| self.topics.iter().find(|t| t.slug() == slug));
        let topics = match one {
            Some(t) => std::slice::from_ref(t),
            None => self.topics.as_slice(),
        };
        let shelves = (topics.iter()).filter_map(|t| Some((t.quiz?, t.slug(), t.items()?)));
        Catalog::lazy(&self.banks, shelves)
    }

    /// A topic by number (`12`), slug (`lake-formation`) or a unique slug prefix (`lake`).
    pub fn find_topic(&self, query: &str) -> Option<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return None;
        }
        if let Ok(n) = q.parse::<u32>() {
            return self.topics.iter().position(|t| t.number() == n);
        }
        if let Some(i) = self.topics.iter().position(|t| t.slug() == q) {
            return Some(i);
        }
        let matches: Vec<usize> = (0..self.topics.len())
            .filter(|&i| {
                let t = &self.topics[i];
                t.slug().starts_with(&q) || t.title().to_lowercase().contains(&q)
            })
            .collect();
        (matches.len() == 1).then(|| matches[0])
    }
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod catalog_tests;
