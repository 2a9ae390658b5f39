//! Reading a course: the built-in copy compiled into the binary, or a folder of the same layout. Everything that can
//! fail happens here, before any terminal mode is entered, and every problem is collected, not just the first.

use std::{borrow::Cow, path::Path};

use super::{
    Course, Diagnostic, Origin, Topic, diagrams,
    index::{BankOutline, QuizEntry},
    lesson,
    manifest::Manifest,
    pieces,
};
use crate::{
    quiz::bank,
    util::{embedded, parallel, sanitize},
};

mod folder;
mod topics;

pub use folder::{MAX_FILE_BYTES, Pass};
pub(super) use folder::{listing, read_course_file};

/// One file of a course, by its path relative to the course folder.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// The files that make up a course, before parsing.
#[derive(Debug, Clone, Default)]
pub struct CourseFiles {
    /// Shown in messages: "built-in" or the folder given.
    pub origin: String,
    pub course_toml: Option<SourceFile>,
    pub lessons: Vec<SourceFile>,
    pub quizzes: Vec<SourceFile>,
}

pub const COURSE_TOML: &str = "lessons/course.toml";

/// What a file of a course folder is, by its path; `None` for a file the course does not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    CourseToml,
    Lesson,
    Quiz,
}

impl Kind {
    pub(super) fn of(path: &str) -> Option<Self> {
        if path == COURSE_TOML {
            Some(Self::CourseToml)
        } else if path.starts_with("lessons/") && path.ends_with(".md") {
            Some(Self::Lesson)
        } else if path.starts_with("quizzes/") && path.ends_with(".toml") {
            Some(Self::Quiz)
        } else {
            None
        }
    }
}

/// A quiz file as assembly reads it: a parsed bank, or what the index keeps of one.
pub(super) trait Assembled: bank::ItemIds + Sync {
    fn quiz_entry(&self) -> QuizEntry;
}

impl Assembled for bank::QuizBank {
    fn quiz_entry(&self) -> QuizEntry {
        QuizEntry::of(self)
    }
}

impl Assembled for BankOutline {
    fn quiz_entry(&self) -> QuizEntry {
        self.entry.clone()
    }
}

/// One file parsed: its value, or every problem found in it.
pub(super) type Parsed<T> = Result<T, Vec<Diagnostic>>;

/// What `check` looks for besides the parse: placeholders, and each lesson's pieces, step links and diagrams (a
/// folder's are found on the core that parsed the file, while it is in the cache).
#[derive(Debug, Default)]
pub struct Findings {
    pub placeholders: Vec<Diagnostic>,
    /// The lessons' pieces, step links and diagrams: `check` reports them only when the course parses.
    pub lessons: Vec<Diagnostic>,
    /// The state machine diagrams checked.
    pub diagrams: usize,
}

impl Findings {
    /// One parsed lesson's pieces, step links and diagrams.
    pub fn lesson(&mut self, l: &lesson::Lesson) {
        self.lessons.extend(pieces::check_lesson(l, false));
        let (found, count) = diagrams::check_lesson(l);
        self.lessons.extend(found);
        self.diagrams += count;
    }

    fn add(&mut self, other: Self) {
        self.placeholders.extend(other.placeholders);
        self.lessons.extend(other.lessons);
        self.diagrams += other.diagrams;
    }
}

impl CourseFiles {
    /// The course compiled into the binary.
    pub fn built_in() -> Self {
        Self::from_pairs("built-in", embedded::FILES.iter().map(|(p, t)| (*p, *t)))
    }

    /// The course in `dir`, or the built-in one.
    pub fn read(dir: Option<&Path>) -> Result<Self, Vec<Diagnostic>> {
        dir.map_or_else(|| Ok(Self::built_in()), Self::from_dir)
    }

    /// Files of the built-in `assets/` folder (themes).
    pub fn asset(path: &str) -> Option<&'static str> {
        embedded::file(path)
    }

    fn from_pairs<'a>(origin: &str, pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut files = Self {
            origin: origin.to_string(),
            ..Self::default()
        };
        // The built-in files are clean already (a test holds them to it): they skip the sanitiser, which was a
        // tenth of `dea-tutor check`.
        for (path, text) in pairs {
            files.push(SourceFile {
                path: path.to_string(),
                text: text.to_string(),
            });
        }
        files
    }

    pub(super) fn push(&mut self, file: SourceFile) {
        match Kind::of(&file.path) {
            Some(Kind::CourseToml) => self.course_toml = Some(file),
            Some(Kind::Lesson) => self.lessons.push(file),
            Some(Kind::Quiz) => self.quizzes.push(file),
            None => {}
        }
    }

    /// Parses and cross-checks everything; every problem found is returned. Each file's text is freed as soon as
    /// it is parsed, so what is parsed next reuses its memory (on a big course, touching fresh memory page by page
    /// was a fifth of `check`).
    pub fn parse(mut self) -> Result<Course, Vec<Diagnostic>> {
        let lessons = parse_each(&mut self.lessons, lesson::parse, PARALLEL_BYTES);
        let banks = parse_each(&mut self.quizzes, bank::parse, PARALLEL_BYTES);
        self.assemble(lessons, banks)
    }

    /// The course from its lessons and banks parsed (in the order of `self.lessons` and `self.quizzes`, whose texts
    /// are no longer needed): `course.toml` parsed and every cross-check made; every problem found is returned.
    pub(super) fn assemble(
        self,
        lessons: Vec<Parsed<lesson::Lesson>>,
        banks: Vec<Parsed<bank::QuizBank>>,
    ) -> Result<Course, Vec<Diagnostic>> {
        let (manifest, topics, banks) = self.cross_checked(lessons, banks)?;
        Ok(Course::parsed(&manifest, &self.origin, topics, banks))
    }

    /// [`Self::assemble`] from what the index keeps of each file (`Lesson::into_outline`, [`BankOutline`]): the
    /// same checks and problems, and a course used from its index, its files read from `origin` when asked for.
    pub(super) fn assemble_index(
        self,
        lessons: Vec<Parsed<lesson::Lesson>>,
        banks: Vec<Parsed<BankOutline>>,
        origin: Origin,
    ) -> Result<Course, Vec<Diagnostic>> {
        let (manifest, topics, _) = self.cross_checked(lessons, banks)?;
        let entries = topics.into_iter().map(Topic::into_entry).collect();
        Ok(Course::from_entries(
            &manifest,
            &self.origin,
            origin,
            entries,
        ))
    }

    /// `course.toml` parsed, the topics it lists each with its lesson, quiz and index entry, and the banks in topic
    /// order; or every problem found.
    fn cross_checked<B: Assembled>(
        &self,
        lessons: Vec<Parsed<lesson::Lesson>>,
        banks: Vec<Parsed<B>>,
    ) -> Result<(Manifest, Vec<Topic>, Vec<B>), Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let manifest = self.manifest(&mut diags);
        let lessons = successes(lessons, &mut diags);
        let banks = successes(banks, &mut diags);
        let Some(manifest) = manifest else {
            return Err(diags);
        };
        let (topics, banks) = self.topics(&manifest, lessons, banks, &mut diags);
        if topics.is_empty() && diags.is_empty() {
            diags.push(Diagnostic::new(COURSE_TOML, 1, "the course lists no topic"));
        }
        if !diags.is_empty() {
            diags.sort();
            diags.dedup();
            return Err(diags);
        }
        Ok((manifest, topics, banks))
    }

    /// `course.toml`, parsed and checked; `None` when it is missing or does not parse.
    fn manifest(&self, diags: &mut Vec<Diagnostic>) -> Option<Manifest> {
        let Some(f) = &self.course_toml else {
            diags.push(Diagnostic::new(
                COURSE_TOML,
                0,
                "missing: it gives the course title, phase and topic order",
            ));
            return None;
        };
        match Manifest::parse(f) {
            Ok(m) => {
                diags.extend(m.problems(f));
                Some(m)
            }
            Err(d) => {
                diags.push(d);
                None
            }
        }
    }
}

/// A folder's file as the course reads it: cleaned of control characters (docs/course-format.md).
pub(super) fn cleaned(text: String) -> String {
    // Clean text comes back borrowed: keep the string read rather than copy it.
    match sanitize::clean(&text) {
        Cow::Owned(c) => c,
        Cow::Borrowed(_) => text,
    }
}

/// The values of the files that parsed; the problems of the others go to `diags`.
fn successes<T>(parsed: Vec<Parsed<T>>, diags: &mut Vec<Diagnostic>) -> Vec<T> {
    let mut values = Vec::new();
    for p in parsed {
        match p {
            Ok(v) => values.push(v),
            Err(d) => diags.extend(d),
        }
    }
    values
}

/// Below this many bytes a course is parsed on one thread: the built-in course (about 0.5 MB) parses faster than
/// threads start.
pub(super) const PARALLEL_BYTES: usize = 4 << 20;

/// `parse` applied to every file, in order; from `min_bytes` of text on, the files are split over the machine's cores
/// (each file is independent), so a thousand-topic course loads in a fraction of the time. Each text is freed (left
/// empty) once parsed, on the thread that parsed it.
fn parse_each<T: Send>(
    files: &mut [SourceFile],
    parse: fn(&str, &str) -> Parsed<T>,
    min_bytes: usize,
) -> Vec<Parsed<T>> {
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    parallel::map_mut(files, bytes >= min_bytes, |f| {
        let parsed = parse(&f.path, &f.text);
        f.text = String::new();
        parsed
    })
}

/// The two-topic fixture course in `tests/fixtures/mini`, for tests of the loop and the views.
#[cfg(test)]
pub fn mini_course() -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    CourseFiles::from_dir(&dir)
        .and_then(|f| f.parse())
        .expect("fixture course is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_on_several_threads_gives_the_same_results_in_the_same_order() {
        let files = CourseFiles::built_in();
        let mut quizzes = files.quizzes.clone();
        // A broken file among good ones: its diagnostics come back in its place.
        quizzes.insert(
            3,
            SourceFile {
                path: "quizzes/99-broken.toml".into(),
                text: "topic = 1".into(),
            },
        );
        let one = parse_each(&mut quizzes.clone(), bank::parse, usize::MAX);
        let many = parse_each(&mut quizzes, bank::parse, 0);
        assert_eq!(one, many);
        assert!(many[3].is_err());
        assert!(
            quizzes.iter().all(|f| f.text.is_empty()),
            "freed once parsed"
        );
        let lessons = &files.lessons;
        let one = parse_each(&mut lessons.clone(), lesson::parse, usize::MAX);
        let many = parse_each(&mut lessons.clone(), lesson::parse, 0);
        assert_eq!(one, many);
    }

    #[test]
    fn built_in_files_are_clean_so_they_skip_the_sanitiser() {
        for (path, text) in embedded::FILES {
            assert!(
                matches!(sanitize::clean(text), Cow::Borrowed(_)),
                "{path} has characters the sanitiser would change or drop (a tab, a CR, a control or zero-width \
                 character): remove them, the built-in course is loaded without cleaning"
            );
        }
    }
}
