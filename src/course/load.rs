//! Reading a course: the built-in copy compiled into the binary, or a folder of the same layout. Everything that can
//! fail happens here, before any terminal mode is entered, and every problem is collected, not just the first.

use std::{
    borrow::Cow,
    collections::{HashMap, HashSet},
    fs,
    io::{self, Read},
    path::Path,
};

use toml::Spanned;

use super::{Course, Diagnostic, Lesson, Topic, diagnostic::LineIndex, lesson, manifest::Manifest};
use crate::{
    quiz::bank::{self, QuizBank},
    util::sanitize,
};

use crate::util::embedded;

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

/// No lesson or quiz file is anywhere near this big (the built-in ones are under 100 KiB); a bigger file is refused
/// before it is read, so a stray video renamed `.md` or `/dev/zero` behind a symlink cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

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

    fn add(&mut self, path: String, text: String) {
        // Clean text comes back borrowed: keep the string read rather than copy it.
        let cleaned = match sanitize::clean(&text) {
            Cow::Owned(c) => Some(c),
            Cow::Borrowed(_) => None,
        };
        let text = cleaned.unwrap_or(text);
        self.push(SourceFile { path, text });
    }

    fn push(&mut self, file: SourceFile) {
        if file.path == COURSE_TOML {
            self.course_toml = Some(file);
        } else if file.path.starts_with("lessons/") && file.path.ends_with(".md") {
            self.lessons.push(file);
        } else if file.path.starts_with("quizzes/") && file.path.ends_with(".toml") {
            self.quizzes.push(file);
        }
    }

    /// A course folder: `DIR/lessons/course.toml`, `DIR/lessons/*.md`, `DIR/quizzes/*.toml`.
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<Diagnostic>> {
        let shown = dir.display().to_string();
        if !dir.is_dir() {
            return Err(vec![Diagnostic::new(&shown, 0, "no such course folder")]);
        }
        let mut files = Self {
            origin: shown.clone(),
            ..Self::default()
        };
        let mut diags = Vec::new();
        for sub in ["lessons", "quizzes"] {
            let folder = dir.join(sub);
            let entries = match fs::read_dir(&folder) {
                Ok(e) => e,
                Err(_) if sub == "quizzes" => continue,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    diags.push(Diagnostic::new(
                        format!("{shown}/{sub}"),
                        0,
                        "missing: a course folder holds lessons/ (course.toml and one NN-slug.md a topic) and quizzes/",
                    ));
                    continue;
                }
                Err(e) => {
                    diags.push(Diagnostic::new(
                        format!("{shown}/{sub}"),
                        0,
                        format!("cannot read folder: {e}"),
                    ));
                    continue;
                }
            };
            // Only the names are listed here; nothing is followed into sub-folders, so a symlinked folder (even
            // one that points back at its parent) is never walked.
            let mut names: Vec<_> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md") || n.ends_with(".toml"))
                .collect();
            names.sort();
            for name in names {
                let rel = format!("{sub}/{name}");
                match read_course_file(&folder.join(&name)) {
                    Ok(Some(text)) => files.add(rel, text),
                    Ok(None) => {}
                    Err((line, message)) => diags.push(Diagnostic::new(rel, line, message)),
                }
            }
        }
        if diags.is_empty() {
            Ok(files)
        } else {
            Err(diags)
        }
    }

    /// Parses and cross-checks everything; every problem found is returned.
    pub fn parse(&self) -> Result<Course, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let course_toml = match &self.course_toml {
            None => {
                diags.push(Diagnostic::new(
                    COURSE_TOML,
                    0,
                    "missing: it gives the course title, phase and topic order",
                ));
                None
            }
            Some(f) => match Manifest::parse(f) {
                Ok(m) => {
                    diags.extend(m.problems(f));
                    Some(m)
                }
                Err(d) => {
                    diags.push(d);
                    None
                }
            },
        };
        let mut lessons = Vec::new();
        for parsed in parse_each(&self.lessons, lesson::parse, PARALLEL_BYTES) {
            match parsed {
                Ok(l) => lessons.push(l),
                Err(d) => diags.extend(d),
            }
        }
        let mut banks = Vec::new();
        for parsed in parse_each(&self.quizzes, bank::parse, PARALLEL_BYTES) {
            match parsed {
                Ok(b) => banks.push(b),
                Err(d) => diags.extend(d),
            }
        }
        let Some(course_toml) = course_toml else {
            return Err(diags);
        };
        // Everything below is linear (maps, not nested scans): a course.toml may list 100,000 topics.
        let course_lines =
            LineIndex::new(self.course_toml.as_ref().map_or("", |f| f.text.as_str()));
        let order_line = |slug: &Spanned<String>| course_lines.line_of(slug.span().start);
        let mut by_slug: HashMap<String, usize> = HashMap::new();
        for (i, l) in lessons.iter().enumerate() {
            by_slug.entry(l.meta.slug.clone()).or_insert(i);
        }
        // File names of lessons that failed to parse still tell which slugs have a file.
        let named: HashSet<&str> = self
            .lessons
            .iter()
            .filter_map(|f| f.path.strip_suffix(".md"))
            .filter_map(|p| p.rsplit('/').next())
            .filter_map(|name| name.split_once('-').map(|(_, slug)| slug))
            .collect();
        let mut lessons: Vec<Option<Lesson>> = lessons.into_iter().map(Some).collect();
        let mut listed = HashSet::new();
        let mut topics = Vec::new();
        for spanned in &course_toml.topics {
            let slug = spanned.get_ref();
            if !listed.insert(slug.as_str()) {
                diags.push(Diagnostic::new(
                    COURSE_TOML,
                    order_line(spanned),
                    format!("topic `{slug}` is listed twice"),
                ));
                continue;
            }
            match by_slug.get(slug).and_then(|&i| lessons[i].take()) {
                Some(lesson) => topics.push(Topic { lesson, quiz: None }),
                None if named.contains(slug.as_str()) => {}
                None => diags.push(Diagnostic::new(
                    COURSE_TOML,
                    order_line(spanned),
                    format!("topic `{slug}` has no lesson file (lessons/NN-{slug}.md)"),
                )),
            }
        }
        let texts: HashMap<&str, &str> = self
            .lessons
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str()))
            .collect();
        let key_line =
            |path: &str, key: &str| texts.get(path).map_or(2, |t| lesson::key_line(t, key));
        for l in lessons.iter().flatten() {
            diags.push(Diagnostic::new(
                &l.path,
                key_line(&l.path, "slug"),
                format!("lesson `{}` is not listed in {COURSE_TOML}", l.meta.slug),
            ));
        }
        let mut numbers: HashMap<u32, &str> = HashMap::new();
        for t in &topics {
            if let Some(prev) = numbers.insert(t.lesson.meta.number, &t.lesson.path) {
                // Keep the first user as the one named.
                numbers.insert(t.lesson.meta.number, prev);
                diags.push(Diagnostic::new(
                    &t.lesson.path,
                    key_line(&t.lesson.path, "number"),
                    format!(
                        "topic number {} is also used by {prev}",
                        t.lesson.meta.number
                    ),
                ));
            }
        }
        let slugs: Vec<String> = course_toml
            .topics
            .iter()
            .map(|s| s.get_ref().clone())
            .collect();
        diags.extend(bank::check_course(&banks, &slugs));
        // Banks in topic order, each topic pointing at its own (grouped first: no topics × banks scan).
        let mut by_topic: HashMap<String, Vec<QuizBank>> = HashMap::new();
        for b in banks {
            by_topic.entry(b.topic.clone()).or_default().push(b);
        }
        let mut ordered = Vec::new();
        for t in topics.iter_mut() {
            let Some(mine) = by_topic.remove(&t.lesson.meta.slug) else {
                continue;
            };
            let mut mine = mine.into_iter();
            if let Some(b) = mine.next() {
                t.quiz = Some(ordered.len());
                ordered.push(b);
            }
            for extra in mine {
                diags.push(Diagnostic::new(
                    &extra.path,
                    1,
                    format!("a second quiz file for topic `{}`", extra.topic),
                ));
            }
        }
        if topics.is_empty() && diags.is_empty() {
            diags.push(Diagnostic::new(COURSE_TOML, 1, "the course lists no topic"));
        }
        if !diags.is_empty() {
            diags.sort();
            diags.dedup();
            return Err(diags);
        }
        Ok(Course {
            title: course_toml.title(),
            phase: course_toml.phase(),
            blurb: course_toml.blurb(),
            banner: course_toml.banner(),
            origin: self.origin.clone(),
            topics,
            banks: ordered,
        })
    }
}

/// Below this many bytes a course is parsed on one thread: the built-in course (about 0.5 MB) parses faster than
/// threads start.
const PARALLEL_BYTES: usize = 4 << 20;

/// `parse` applied to every file, in order; from `min_bytes` of text on, the files are split over the machine's cores
/// (each file is independent), so a thousand-topic course loads in a fraction of the time.
fn parse_each<T: Send>(
    files: &[SourceFile],
    parse: fn(&str, &str) -> Result<T, Vec<Diagnostic>>,
    min_bytes: usize,
) -> Vec<Result<T, Vec<Diagnostic>>> {
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let parse_all = |files: &[SourceFile]| -> Vec<_> {
        files.iter().map(|f| parse(&f.path, &f.text)).collect()
    };
    if threads < 2 || bytes < min_bytes {
        return parse_all(files);
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (files.chunks(chunk))
            .map(|part| scope.spawn(move || parse_all(part)))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Reads one `.md`/`.toml` entry of a course folder. `Ok(None)`: a folder that merely has such a name, skipped.
/// Anything else that is not a regular file (a FIFO, a device, a dangling or looping symlink) is reported rather
/// than opened: opening a FIFO would block for ever, and a device may never end.
pub(super) fn read_course_file(path: &Path) -> Result<Option<String>, (usize, String)> {
    let meta = fs::metadata(path).map_err(|e| (0, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Ok(None);
    }
    if !meta.is_file() {
        return Err((0, "cannot read: not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err((0, too_big(meta.len())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The size may change between the look and the read: read one byte past the limit to notice.
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| (0, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((0, too_big(bytes.len() as u64)));
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (line, "not valid UTF-8 text".into())
    })
}

fn too_big(len: u64) -> String {
    format!(
        "{} MiB is too big for a course file (the limit is {} MiB)",
        len.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
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
        let one = parse_each(&quizzes, bank::parse, usize::MAX);
        let many = parse_each(&quizzes, bank::parse, 0);
        assert_eq!(one, many);
        assert!(many[3].is_err());
        let one = parse_each(&files.lessons, lesson::parse, usize::MAX);
        let many = parse_each(&files.lessons, lesson::parse, 0);
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
