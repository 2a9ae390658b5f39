//! Reading a course: the built-in copy compiled into the binary, or a folder of the same layout. Everything that can
//! fail happens here, before any terminal mode is entered, and every problem is collected, not just the first.

use std::{fs, path::Path};

use serde::Deserialize;

use super::{Course, Diagnostic, Topic, diagnostic::line_of, lesson};
use crate::{quiz::bank, render::sanitize};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_course.rs"));
}

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseToml {
    title: String,
    phase: String,
    topics: Vec<String>,
}

pub const COURSE_TOML: &str = "lessons/course.toml";

impl CourseFiles {
    /// The course compiled into the binary.
    pub fn built_in() -> Self {
        Self::from_pairs("built-in", embedded::FILES.iter().map(|(p, t)| (*p, *t)))
    }

    /// Files of the built-in `assets/` folder (banner, themes).
    pub fn asset(path: &str) -> Option<&'static str> {
        embedded::FILES
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, t)| *t)
    }

    fn from_pairs<'a>(origin: &str, pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut files = Self {
            origin: origin.to_string(),
            ..Self::default()
        };
        for (path, text) in pairs {
            files.add(path.to_string(), text.to_string());
        }
        files
    }

    fn add(&mut self, path: String, text: String) {
        let text = sanitize::clean(&text).into_owned();
        let file = SourceFile { path, text };
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
                Err(e) => {
                    diags.push(Diagnostic::new(
                        format!("{shown}/{sub}"),
                        0,
                        format!("cannot read folder: {e}"),
                    ));
                    continue;
                }
            };
            let mut names: Vec<_> = entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md") || n.ends_with(".toml"))
                .collect();
            names.sort();
            for name in names {
                let rel = format!("{sub}/{name}");
                match fs::read(folder.join(&name)) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => files.add(rel, text),
                        Err(e) => {
                            let offset = e.utf8_error().valid_up_to();
                            let line = line_of(
                                &String::from_utf8_lossy(&e.into_bytes()[..offset]),
                                offset,
                            );
                            diags.push(Diagnostic::new(rel, line, "not valid UTF-8 text"));
                        }
                    },
                    Err(e) => diags.push(Diagnostic::new(rel, 0, format!("cannot read: {e}"))),
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
            Some(f) => match toml::from_str::<CourseToml>(&f.text) {
                Ok(c) => Some(c),
                Err(e) => {
                    let line = e.span().map(|s| line_of(&f.text, s.start)).unwrap_or(1);
                    diags.push(Diagnostic::new(&f.path, line, e.message()));
                    None
                }
            },
        };
        let mut lessons = Vec::new();
        for f in &self.lessons {
            match lesson::parse(&f.path, &f.text) {
                Ok(l) => lessons.push(l),
                Err(d) => diags.extend(d),
            }
        }
        let mut banks = Vec::new();
        for f in &self.quizzes {
            match bank::parse(&f.path, &f.text) {
                Ok(b) => banks.push(b),
                Err(d) => diags.extend(d),
            }
        }
        let Some(course_toml) = course_toml else {
            return Err(diags);
        };
        let order_line = |slug: &str| {
            self.course_toml
                .as_ref()
                .and_then(|f| {
                    f.text
                        .find(&format!("\"{slug}\""))
                        .map(|o| line_of(&f.text, o))
                })
                .unwrap_or(1)
        };
        let mut topics = Vec::new();
        for (i, slug) in course_toml.topics.iter().enumerate() {
            if course_toml.topics[..i].contains(slug) {
                diags.push(Diagnostic::new(
                    COURSE_TOML,
                    order_line(slug),
                    format!("topic `{slug}` is listed twice"),
                ));
                continue;
            }
            match lessons.iter().position(|l| &l.meta.slug == slug) {
                Some(at) => topics.push(Topic {
                    lesson: lessons.swap_remove(at),
                    quiz: None,
                }),
                None if self
                    .lessons
                    .iter()
                    .any(|f| f.path.ends_with(&format!("-{slug}.md"))) => {}
                None => diags.push(Diagnostic::new(
                    COURSE_TOML,
                    order_line(slug),
                    format!("topic `{slug}` has no lesson file (lessons/NN-{slug}.md)"),
                )),
            }
        }
        for l in &lessons {
            diags.push(Diagnostic::new(
                &l.path,
                1,
                format!("lesson `{}` is not listed in {COURSE_TOML}", l.meta.slug),
            ));
        }
        for (i, t) in topics.iter().enumerate() {
            if let Some(prev) = topics[..i]
                .iter()
                .find(|p| p.lesson.meta.number == t.lesson.meta.number)
            {
                diags.push(Diagnostic::new(
                    &t.lesson.path,
                    2,
                    format!(
                        "topic number {} is also used by {}",
                        t.lesson.meta.number, prev.lesson.path
                    ),
                ));
            }
        }
        let slugs = course_toml.topics.clone();
        diags.extend(bank::check_course(&banks, &slugs));
        // Banks in topic order, each topic pointing at its own.
        let mut ordered = Vec::new();
        for t in topics.iter_mut() {
            let mut mine = banks.iter().filter(|b| b.topic == t.lesson.meta.slug);
            if let Some(b) = mine.next() {
                t.quiz = Some(ordered.len());
                ordered.push(b.clone());
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
            title: course_toml.title,
            phase: course_toml.phase,
            origin: self.origin.clone(),
            topics,
            banks: ordered,
        })
    }
}

/// The two-topic fixture course in `tests/fixtures/mini`, for tests of the loop and the views.
#[cfg(test)]
pub fn mini_course() -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    CourseFiles::from_dir(&dir)
        .and_then(|f| f.parse())
        .expect("fixture course is valid")
}
