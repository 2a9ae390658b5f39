//! One topic: its index entry at once, its lesson parsed the first time it is asked for and then kept.

use std::{borrow::Cow, path::Path, sync::Arc, sync::OnceLock};

use super::{
    Diagnostic, Lesson, Part,
    index::{ItemEntry, QuizEntry, TopicEntry},
    lesson::{self, FrontMatter, outline::RawSection},
    load::{cleaned, read_course_file},
};
use crate::util::embedded;

/// Where a lazily parsed file is read from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// Parsed when the course was loaded: nothing is read later.
    Parsed,
    BuiltIn,
    /// A course folder, read again when a file is first needed.
    Folder(Arc<Path>),
}

impl Origin {
    /// The sections of lesson `rel` when they are known without scanning it: for a built-in one, from build.rs.
    fn outline(&self, rel: &str) -> Option<Vec<RawSection>> {
        let Origin::BuiltIn = self else {
            return None;
        };
        let sections = embedded::outline(rel)?.iter();
        let section = |&(name, heading_at, start, end, rules): &embedded::Section| RawSection {
            name: name.to_string(),
            heading_at,
            start,
            end,
            rules: rules.to_vec(),
        };
        Some(sections.map(section).collect())
    }

    /// The text of the course file `rel`, cleaned as a folder's files are on load (a built-in file is clean as it
    /// stands: a test holds it to it).
    pub(super) fn text(&self, rel: &str) -> Result<Cow<'static, str>, Diagnostic> {
        let gone = || Diagnostic::new(rel, 0, "cannot read: it is no longer there");
        match self {
            Origin::Parsed => Err(gone()),
            Origin::BuiltIn => embedded::file(rel).map(Cow::Borrowed).ok_or_else(gone),
            Origin::Folder(dir) => match read_course_file(&dir.join(rel)) {
                Ok(Some(text)) => Ok(Cow::Owned(cleaned(text))),
                Ok(None) => Err(gone()),
                Err((line, message)) => Err(Diagnostic::new(rel, line, message)),
            },
        }
    }
}

#[derive(Debug, Clone)]
pub struct Topic {
    entry: TopicEntry,
    origin: Origin,
    lesson: OnceLock<Loaded>,
    /// Index of this topic's quiz in `Course::banks()`.
    pub quiz: Option<usize>,
}

/// A lesson as parsed, with what went wrong parsing it late (then the lesson is a stand-in that says so).
#[derive(Debug, Clone)]
struct Loaded {
    lesson: Lesson,
    problems: Vec<Diagnostic>,
}

impl Topic {
    /// A topic whose lesson is parsed already.
    pub(super) fn parsed(lesson: Lesson, entry: TopicEntry, quiz: Option<usize>) -> Self {
        let loaded = Loaded {
            lesson,
            problems: Vec::new(),
        };
        Self {
            entry,
            origin: Origin::Parsed,
            lesson: OnceLock::from(loaded),
            quiz,
        }
    }

    /// A topic known by its index entry; its lesson is read from `origin` when first asked for.
    pub(super) fn indexed(entry: TopicEntry, origin: Origin, quiz: Option<usize>) -> Self {
        Self {
            entry,
            origin,
            lesson: OnceLock::new(),
            quiz,
        }
    }

    pub fn number(&self) -> u32 {
        self.entry.number
    }
    pub fn slug(&self) -> &str {
        &self.entry.slug
    }
    pub fn title(&self) -> &str {
        &self.entry.title
    }
    pub fn tagline(&self) -> &str {
        &self.entry.tagline
    }
    /// Teaching steps plus the wrap-up step.
    pub fn step_count(&self) -> usize {
        self.entry.steps.len() + 1
    }
    /// The teaching steps' titles ("" for one without).
    pub fn step_titles(&self) -> &[String] {
        &self.entry.steps
    }
    /// The exam tasks it teaches (front matter `tasks`).
    pub fn tasks(&self) -> &[String] {
        &self.entry.tasks
    }
    pub fn scenario_count(&self) -> usize {
        self.entry.scenarios
    }
    /// How many quiz items (triggers and questions) its quiz has.
    pub fn quiz_items(&self) -> usize {
        self.entry.quiz.as_ref().map_or(0, |q| q.items.len())
    }
    /// Its quiz items from the index (id, kind, step), triggers first; `None` when it has no quiz.
    pub fn items(&self) -> Option<&[ItemEntry]> {
        self.entry.quiz.as_ref().map(|q| q.items.get())
    }
    pub fn entry(&self) -> &TopicEntry {
        &self.entry
    }

    pub(super) fn into_entry(self) -> TopicEntry {
        self.entry
    }

    /// The lesson, parsed now if it was not yet. A lesson that no longer parses as it was indexed (its file changed
    /// or went while the tutor ran) is a stand-in whose steps say what is wrong; [`Topic::problems`] has it.
    pub fn lesson(&self) -> &Lesson {
        &self.loaded().lesson
    }

    /// Whether the lesson has been parsed (tests hold that a start parses only what it shows).
    pub fn is_parsed(&self) -> bool {
        self.lesson.get().is_some()
    }

    /// What went wrong parsing the lesson late; empty while it is not parsed.
    pub fn problems(&self) -> &[Diagnostic] {
        self.lesson.get().map_or(&[], |l| &l.problems)
    }

    /// Changes the lesson (tests that build odd courses); the index entry follows.
    pub fn edit_lesson(&mut self, edit: impl FnOnce(&mut Lesson)) {
        self.loaded();
        let Some(loaded) = self.lesson.get_mut() else {
            return;
        };
        edit(&mut loaded.lesson);
        let quiz = self.entry.quiz.take();
        self.entry = TopicEntry::of(&loaded.lesson, None);
        self.entry.quiz = quiz;
    }

    fn loaded(&self) -> &Loaded {
        self.lesson.get_or_init(|| {
            let path = &self.entry.lesson;
            let parsed = (self.origin.text(path).map_err(|d| vec![d]))
                .and_then(|text| lesson::parse_outlined(path, &text, self.origin.outline(path)));
            match parsed {
                Ok(lesson) if TopicEntry::of(&lesson, None) == self.entry_without_quiz() => Loaded {
                    lesson,
                    problems: Vec::new(),
                },
                Ok(_) => self.stand_in(vec![Diagnostic::new(
                    path,
                    1,
                    "changed since the course was loaded (its topic or steps differ): restart dea-tutor",
                )]),
                Err(problems) => self.stand_in(problems),
            }
        })
    }

    pub(super) fn set_quiz_entry(&mut self, quiz: Option<QuizEntry>) {
        self.entry.quiz = quiz;
    }

    fn entry_without_quiz(&self) -> TopicEntry {
        TopicEntry {
            quiz: None,
            ..self.entry.clone()
        }
    }

    /// A lesson with the indexed steps, each saying why the real one cannot be shown.
    fn stand_in(&self, problems: Vec<Diagnostic>) -> Loaded {
        let e = &self.entry;
        let why: String = problems.iter().map(|d| format!("- `{d}`\n")).collect();
        let part = |title: &str| Part {
            title: (!title.is_empty()).then(|| title.to_string()),
            markdown: format!("## {title}\n\n**This lesson cannot be read now:**\n\n{why}"),
            line: 1,
        };
        let lesson = Lesson {
            path: e.lesson.clone(),
            meta: FrontMatter {
                number: e.number,
                slug: e.slug.clone(),
                title: e.title.clone(),
                tagline: e.tagline.clone(),
                tasks: e.tasks.clone(),
                sources: Vec::new(),
            },
            steps: e.steps.iter().map(|t| part(t)).collect(),
            angles: Vec::new(),
            scenarios: Vec::new(),
            signals: why.clone(),
            signal_rows: 0,
            comparison: String::new(),
            comparison_tables: 0,
            memory_hack: String::new(),
            section_lines: [0; 6],
            key_lines: [2; 2],
        };
        Loaded { lesson, problems }
    }
}
