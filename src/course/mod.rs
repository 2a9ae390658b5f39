//! The course model: lessons (front matter, steps, named sections) and their quizzes, loaded from the built-in
//! copy or from a folder, and checked.

pub mod cheatsheet;
pub mod diagrams;
pub mod lesson;
pub mod load;
pub mod manifest;
pub mod minimums;
pub mod pieces;
pub mod placeholders;
pub mod scaffold;
pub mod search;

pub use crate::util::diagnostic::{self, Diagnostic};
pub use lesson::{Lesson, Part};
pub use load::CourseFiles;

use crate::quiz::{TopicInfo, bank::QuizBank};

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
    pub topics: Vec<Topic>,
    /// Every quiz file, in topic order; topics point into it (the quiz engine works on one slice).
    pub banks: Vec<QuizBank>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub lesson: Lesson,
    /// Index of this topic's quiz in `Course::banks`.
    pub quiz: Option<usize>,
}

impl Topic {
    pub fn number(&self) -> u32 {
        self.lesson.meta.number
    }
    pub fn slug(&self) -> &str {
        &self.lesson.meta.slug
    }
    pub fn title(&self) -> &str {
        &self.lesson.meta.title
    }
    /// Teaching steps plus the wrap-up step.
    pub fn step_count(&self) -> usize {
        self.lesson.steps.len() + 1
    }
}

impl Course {
    pub fn built_in() -> Result<Self, Vec<Diagnostic>> {
        CourseFiles::built_in().parse()
    }

    /// The topics as the quiz engine names them ("Topic 11 · AWS Step Functions").
    pub fn topic_infos(&self) -> Vec<TopicInfo> {
        self.topics
            .iter()
            .map(|t| TopicInfo {
                slug: t.slug().to_string(),
                number: t.number(),
                title: t.title().to_string(),
                steps: (t.lesson.steps.iter())
                    .map(|p| p.title.clone().unwrap_or_default())
                    .collect(),
            })
            .collect()
    }

    /// What teaching step `step` (0-based) of the topic `slug` shows, for re-reading.
    pub fn step_markdown(&self, slug: &str, step: usize) -> Option<String> {
        let t = self.topics.iter().find(|t| t.slug() == slug)?;
        let part = t.lesson.steps.get(step)?;
        Some(format!(
            "*Topic {} · step {} of {}*\n\n{}\n",
            t.number(),
            step + 1,
            t.step_count(),
            part.shown()
        ))
    }

    pub fn quiz_of(&self, topic: &Topic) -> Option<&QuizBank> {
        topic.quiz.map(|i| &self.banks[i])
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
