//! The course index (docs/architecture.md, "The course index"): each topic's number, slug, title, tagline, step
//! titles and quiz item ids, enough for the menu, `topics`, search's first pass and the lists of steps to re-read.
//! A course built from it parses a topic's lesson when it is first shown and the quiz banks when first quizzed.
//! The built-in course's index is made at build time (build.rs); a folder's is made by a full parse (which checks
//! it) and cached by size and modification time (`cache`).

mod cache;
mod format;

use std::{path::Path, sync::Arc};

pub use cache::stamp_of;
pub use format::{Index, ItemEntry, Items, QuizEntry, Stamp, TopicEntry};

use super::{
    Course, Diagnostic, Lesson, Origin,
    load::{COURSE_TOML, CourseFiles, Pass, SourceFile},
    manifest::Manifest,
};
use crate::{
    quiz::bank::{ItemIds, QuizBank},
    util::embedded,
};

impl TopicEntry {
    /// The entry of a parsed lesson and its quiz's.
    pub fn of(lesson: &Lesson, quiz: Option<QuizEntry>) -> Self {
        let m = &lesson.meta;
        Self {
            number: m.number,
            slug: m.slug.clone(),
            title: m.title.clone(),
            tagline: m.tagline.clone(),
            scenarios: lesson.scenarios.len(),
            lesson: lesson.path.clone(),
            tasks: m.tasks.clone(),
            steps: (lesson.steps.iter())
                .map(|s| s.title.clone().unwrap_or_default())
                .collect(),
            quiz,
        }
    }
}

/// What the load that indexes a folder keeps of a quiz file: its index entry, and what the course-wide checks read
/// (its topic and each item's line). A parsed bank of a big course is many times the size.
#[derive(Debug)]
pub struct BankOutline {
    pub topic: String,
    pub topic_line: usize,
    pub entry: QuizEntry,
    /// Each item's line, in the order of the entry's items.
    lines: Vec<usize>,
}

impl BankOutline {
    pub fn of(bank: &QuizBank) -> Self {
        Self {
            topic: bank.topic.clone(),
            topic_line: bank.topic_line,
            entry: QuizEntry::of(bank),
            lines: bank.ids().map(|(_, line)| line).collect(),
        }
    }
}

impl ItemIds for BankOutline {
    fn path(&self) -> &str {
        &self.entry.path
    }

    fn topic(&self) -> (&str, usize) {
        (&self.topic, self.topic_line)
    }

    fn ids(&self) -> impl Iterator<Item = (&str, usize)> {
        (self.entry.items.get().iter())
            .map(|i| i.id.as_str())
            .zip(self.lines.iter().copied())
    }

    fn count(&self) -> usize {
        self.lines.len()
    }
}

impl ItemEntry {
    /// The 0-based teaching step it names.
    pub fn step_index(&self) -> Option<usize> {
        self.step?.checked_sub(1)
    }
}

impl QuizEntry {
    pub fn of(bank: &QuizBank) -> Self {
        Self {
            path: bank.path.clone(),
            items: Self::entries(bank).into(),
        }
    }

    /// A bank's item entries: triggers, then questions, in file order.
    pub fn entries(bank: &QuizBank) -> Vec<ItemEntry> {
        let step = |s: &Option<crate::quiz::bank::StepRef>| s.map(|s| s.step);
        let triggers = (bank.triggers.iter()).map(|t| ItemEntry {
            id: t.id.clone(),
            question: false,
            lab: false,
            step: step(&t.step),
        });
        let questions = (bank.questions.iter()).map(|q| ItemEntry {
            id: q.id.clone(),
            question: true,
            lab: q.lab.is_some(),
            step: step(&q.step),
        });
        triggers.chain(questions).collect()
    }
}

impl Course {
    /// The built-in course, from the index build.rs made: nothing is parsed but `course.toml`. Should the index be
    /// missing (a lesson that does not outline), everything is parsed, which reports the problem.
    pub fn built_in() -> Result<Self, Vec<Diagnostic>> {
        let indexed = Index::from_text(embedded::INDEX).and_then(|index| {
            let manifest = SourceFile {
                path: COURSE_TOML.into(),
                text: embedded::file(COURSE_TOML)?.to_string(),
            };
            let manifest = Manifest::parse(&manifest).ok()?;
            Some(Self::from_entries(
                &manifest,
                "built-in",
                Origin::BuiltIn,
                index.topics,
            ))
        });
        indexed.map_or_else(|| CourseFiles::built_in().parse(), Ok)
    }

    /// The built-in course, or the folder `dir`: from its cached index when no file changed since it was made,
    /// else parsed and checked in full, keeping only its index (which is cached for the next start).
    pub fn load(dir: Option<&Path>) -> Result<Self, Vec<Diagnostic>> {
        let Some(dir) = dir else {
            return Self::built_in();
        };
        Self::from_folder(dir, cache::Cache::open(dir))
    }

    /// The folder `dir` through `cache` (none when there is no place for one).
    fn from_folder(dir: &Path, cache: Option<cache::Cache>) -> Result<Self, Vec<Diagnostic>> {
        if let Some(course) = cache.as_ref().and_then(cache::Cache::course) {
            return Ok(course);
        }
        // Read, checked and indexed a file at a time on every core, as `check` does, keeping of each file only what
        // the index holds; the course is then used from its index, as on every later start.
        let course = CourseFiles::parse_dir(dir, Pass::Index)?.0?;
        if let Some(cache) = cache {
            cache.store(&course);
        }
        Ok(course)
    }

    /// A course whose topics are known by their index entries and parsed on demand from `origin`.
    pub(super) fn from_entries(
        manifest: &Manifest,
        shown: &str,
        origin: Origin,
        entries: Vec<TopicEntry>,
    ) -> Self {
        let mut banks = Vec::new();
        let topics = (entries.into_iter())
            .map(|entry| {
                let quiz = entry.quiz.as_ref().map(|q| {
                    banks.push((q.path.clone(), entry.slug.clone()));
                    banks.len() - 1
                });
                super::Topic::indexed(entry, origin.clone(), quiz)
            })
            .collect();
        Self {
            title: manifest.title(),
            phase: manifest.phase(),
            blurb: manifest.blurb(),
            banner: manifest.banner(),
            origin: shown.to_string(),
            topics,
            banks: super::banks::Banks::lazy(origin, banks),
        }
    }

    /// The index of this course (for the cache and the tests).
    pub fn index(&self) -> Vec<TopicEntry> {
        self.topics.iter().map(|t| t.entry().clone()).collect()
    }
}

/// `course.toml` of a folder, read now.
fn folder_manifest(dir: &Path) -> Option<Manifest> {
    let text = super::load::read_course_file(&dir.join(COURSE_TOML)).ok()??;
    let file = SourceFile {
        path: COURSE_TOML.into(),
        text: super::load::cleaned(text),
    };
    Manifest::parse(&file).ok()
}

/// Where a course folder's files are read from: shared by its topics.
pub(super) fn folder_origin(dir: &Path) -> Origin {
    Origin::Folder(Arc::from(dir))
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
