//! The cross-checks that turn the parsed lessons and quizzes into the course's topics, in `course.toml`'s order.
//! Everything here is linear (maps, not nested scans): a course.toml may list 100,000 topics.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::{Assembled, COURSE_TOML, CourseFiles};
use crate::{
    course::{Lesson, Topic, index::TopicEntry, manifest::Manifest},
    quiz::bank,
    util::{
        diagnostic::{Diagnostic, LineIndex},
        parallel,
    },
};

/// From this many quiz banks on, the course-wide id check and the topics' index entries run side by side: each reads
/// every bank, and one after the other they were a tenth of `check` on a big course, on one core.
const SIDE_BY_SIDE: usize = 100;

impl CourseFiles {
    /// The topics `manifest` lists, each with its lesson, quiz and index entry, and the quiz banks in topic order (the
    /// topics point into them). Problems go to `diags`; the topics are only to be used when there are none.
    pub(super) fn topics<B: Assembled>(
        &self,
        manifest: &Manifest,
        lessons: Vec<Lesson>,
        banks: Vec<B>,
        diags: &mut Vec<Diagnostic>,
    ) -> (Vec<Topic>, Vec<B>) {
        let (topics, unlisted) = self.in_order(manifest, lessons, diags);
        for l in &unlisted {
            diags.push(Diagnostic::new(
                &l.path,
                l.key_lines[0],
                format!("lesson `{}` is not listed in {COURSE_TOML}", l.meta.slug),
            ));
        }
        let mut numbers: HashMap<u32, &str> = HashMap::new();
        for t in &topics {
            if let Some(prev) = numbers.insert(t.meta.number, &t.path) {
                // Keep the first user as the one named.
                numbers.insert(t.meta.number, prev);
                diags.push(Diagnostic::new(
                    &t.path,
                    t.key_lines[1],
                    format!("topic number {} is also used by {prev}", t.meta.number),
                ));
            }
        }
        let slugs: Vec<String> = manifest
            .topics
            .iter()
            .map(|s| s.get_ref().clone())
            .collect();
        let quizzes = quiz_of_each(&topics, &banks, diags);
        let (found, entries) = parallel::join(
            banks.len() >= SIDE_BY_SIDE,
            || bank::check_course(&banks, &slugs),
            || {
                (topics.iter().zip(&quizzes))
                    .map(|(t, q)| TopicEntry::of(t, q.map(|i| banks[i].quiz_entry())))
                    .collect::<Vec<_>>()
            },
        );
        diags.extend(found);
        // The banks in topic order, each topic pointing at its own.
        let mut slots: Vec<Option<B>> = banks.into_iter().map(Some).collect();
        let mut ordered = Vec::new();
        let topics = (topics.into_iter().zip(quizzes).zip(entries))
            .map(|((t, q), entry)| {
                let quiz = q.and_then(|i| slots[i].take()).map(|b| {
                    ordered.push(b);
                    ordered.len() - 1
                });
                Topic::parsed(t, entry, quiz)
            })
            .collect();
        (topics, ordered)
    }

    /// The topics `manifest` lists that have a lesson, in its order, and the lessons it does not list.
    fn in_order(
        &self,
        manifest: &Manifest,
        lessons: Vec<Lesson>,
        diags: &mut Vec<Diagnostic>,
    ) -> (Vec<Lesson>, Vec<Lesson>) {
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
                Some(lesson) => topics.push(lesson),
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

/// Which bank (by its place in `banks`) is each topic's quiz; a topic's second quiz is a problem.
fn quiz_of_each<B: Assembled>(
    topics: &[Lesson],
    banks: &[B],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Option<usize>> {
    // Grouped first: no topics × banks scan.
    let mut by_topic: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in banks.iter().enumerate() {
        by_topic.entry(b.topic().0).or_default().push(i);
    }
    let mut quizzes = Vec::with_capacity(topics.len());
    for t in topics {
        let mine = by_topic.remove(t.meta.slug.as_str()).unwrap_or_default();
        quizzes.push(mine.first().copied());
        for &extra in mine.iter().skip(1) {
            let (path, topic) = (banks[extra].path(), banks[extra].topic().0);
            diags.push(Diagnostic::new(
                path,
                1,
                format!("a second quiz file for topic `{topic}`"),
            ));
        }
    }
    quizzes
}
