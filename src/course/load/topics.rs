//! The cross-checks that turn the parsed lessons and quizzes into the course's topics, in `course.toml`'s order.
//! Everything here is linear (maps, not nested scans): a course.toml may list 100,000 topics.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::{COURSE_TOML, CourseFiles};
use crate::{
    course::{Lesson, manifest::Manifest},
    quiz::bank::{self, QuizBank},
    util::diagnostic::{Diagnostic, LineIndex},
};

/// A listed lesson and the index of its quiz in the banks, before they become a `Topic`.
pub(super) struct Parsed {
    pub(super) lesson: Lesson,
    pub(super) quiz: Option<usize>,
}

impl CourseFiles {
    /// The topics `manifest` lists, each with its lesson and quiz, and the quiz banks in topic order (the topics
    /// point into them). Problems go to `diags`.
    pub(super) fn topics(
        &self,
        manifest: &Manifest,
        lessons: Vec<Lesson>,
        banks: Vec<QuizBank>,
        diags: &mut Vec<Diagnostic>,
    ) -> (Vec<Parsed>, Vec<QuizBank>) {
        let (mut topics, unlisted) = self.in_order(manifest, lessons, diags);
        for l in &unlisted {
            diags.push(Diagnostic::new(
                &l.path,
                l.key_lines[0],
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
                    t.lesson.key_lines[1],
                    format!(
                        "topic number {} is also used by {prev}",
                        t.lesson.meta.number
                    ),
                ));
            }
        }
        let slugs: Vec<String> = manifest
            .topics
            .iter()
            .map(|s| s.get_ref().clone())
            .collect();
        diags.extend(bank::check_course(&banks, &slugs));
        let banks = attach_quizzes(&mut topics, banks, diags);
        (topics, banks)
    }

    /// The topics `manifest` lists that have a lesson, in its order, and the lessons it does not list.
    fn in_order(
        &self,
        manifest: &Manifest,
        lessons: Vec<Lesson>,
        diags: &mut Vec<Diagnostic>,
    ) -> (Vec<Parsed>, Vec<Lesson>) {
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
        for spanned in &manifest.topics {
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
                Some(lesson) => topics.push(Parsed { lesson, quiz: None }),
                None if named.contains(slug.as_str()) => {}
                None => diags.push(Diagnostic::new(
                    COURSE_TOML,
                    order_line(spanned),
                    format!("topic `{slug}` has no lesson file (lessons/NN-{slug}.md)"),
                )),
            }
        }
        (topics, lessons.into_iter().flatten().collect())
    }
}

/// The banks in topic order, each topic pointing at its own; a topic's second quiz is a problem.
fn attach_quizzes(
    topics: &mut [Parsed],
    banks: Vec<QuizBank>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<QuizBank> {
    // Grouped first: no topics × banks scan.
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
    ordered
}
