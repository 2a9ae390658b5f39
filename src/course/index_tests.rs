use std::{
    fs,
    path::{Path, PathBuf},
    time::{Duration, SystemTime},
};

use super::{cache::Cache, *};
use crate::course::{Course, CourseFiles, lesson};

fn mini_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// A copy of `tests/fixtures/mini` whose files are an hour old (settled: the cache takes them).
pub(super) fn settled_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for sub in ["lessons", "quizzes"] {
        let Ok(entries) = fs::read_dir(mini_dir().join(sub)) else {
            continue;
        };
        fs::create_dir_all(tmp.path().join(sub)).unwrap();
        for e in entries {
            let to = tmp.path().join(sub).join(e.unwrap().file_name());
            fs::copy(mini_dir().join(sub).join(to.file_name().unwrap()), &to).unwrap();
            age(&to);
        }
    }
    tmp
}

pub(super) fn age(path: &Path) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

#[test]
fn the_built_in_index_agrees_with_a_full_parse() {
    assert!(
        !embedded::INDEX.is_empty(),
        "build.rs could not index the course"
    );
    let lazy = Course::built_in().unwrap();
    let full = CourseFiles::built_in().parse().unwrap();
    assert_eq!(lazy.index(), full.index());
    assert_eq!(
        (
            &lazy.title,
            &lazy.phase,
            &lazy.blurb,
            &lazy.banner,
            &lazy.origin
        ),
        (
            &full.title,
            &full.phase,
            &full.blurb,
            &full.banner,
            &full.origin
        )
    );
    assert_eq!(lazy.banks(), full.banks());
    for (l, f) in lazy.topics.iter().zip(&full.topics) {
        assert_eq!(l.lesson(), f.lesson());
        assert_eq!(l.quiz, f.quiz);
    }
    assert!(lazy.late_problems().is_empty());
}

#[test]
fn the_outline_agrees_with_a_full_parse_of_every_lesson() {
    let mut files = CourseFiles::built_in();
    files
        .lessons
        .extend(CourseFiles::from_dir(&mini_dir()).unwrap().lessons);
    for f in &files.lessons {
        let full = lesson::parse(&f.path, &f.text).unwrap();
        let (_, body, _) = lesson::outline::split_front_matter(&f.text).unwrap();
        let outline = lesson::outline::outline(body);
        let titles: Vec<_> = full.steps.iter().map(|s| s.title.clone()).collect();
        assert_eq!(outline.steps, titles, "{}", f.path);
        assert_eq!(outline.scenarios, full.scenarios.len(), "{}", f.path);
    }
}

#[test]
fn the_index_reads_back_as_it_was_written() {
    let mut index = Index {
        key: "k\tey \\ one\nline".into(),
        files: vec![("lessons/01-a.md".into(), Stamp { len: 3, nanos: 7 })],
        topics: Course::built_in().unwrap().index(),
    };
    index.topics[0].title = "tab\there \\t and\nnewline".into();
    index.topics[0].steps.push(String::new());
    assert_eq!(Index::from_text(index.to_text()), Some(index.clone()));
    let text = index.to_text();
    for broken in [
        String::new(),
        text.replace(format::HEADER, "dea-tutor-index 0"),
        text.replacen("\nT\t", "\nT\tx", 1),
        format!("{text}Z\tunknown\n"),
        text.replacen("\\t", "\\x", 1),
    ] {
        assert_eq!(Index::from_text(&broken), None, "{broken:.80}");
    }
}

#[test]
fn a_folder_loads_from_its_cached_index_as_from_a_full_parse() {
    let dir = settled_copy();
    let root = tempfile::tempdir().unwrap();
    let cache = Cache::open_in(root.path(), dir.path()).unwrap();
    assert!(cache.course().is_none(), "nothing cached yet");
    let full = CourseFiles::from_dir(dir.path()).unwrap().parse().unwrap();
    cache.store(&full);
    let cached = Cache::open_in(root.path(), dir.path())
        .unwrap()
        .course()
        .expect("the cached index");
    assert_eq!(cached.index(), full.index());
    assert_eq!(cached.origin, full.origin);
    assert!(cached.topics.iter().all(|t| !t.is_parsed()));
    for (c, f) in cached.topics.iter().zip(&full.topics) {
        assert_eq!(c.lesson(), f.lesson());
    }
    assert_eq!(cached.banks(), full.banks());
}

/// The built-in course as a folder whose files are old enough to be indexed: lessons, quizzes and labs.
fn settled_built_in() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let files = CourseFiles::built_in();
    let all = (files.course_toml.iter())
        .chain(&files.lessons)
        .chain(&files.quizzes);
    for f in all {
        let to = tmp.path().join(&f.path);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::write(&to, &f.text).unwrap();
        age(&to);
    }
    tmp
}

#[test]
fn a_first_start_uses_the_course_from_its_index_and_caches_it() {
    let dir = settled_built_in();
    let root = tempfile::tempdir().unwrap();
    let full = CourseFiles::from_dir(dir.path()).unwrap().parse().unwrap();
    for cache in [None, Cache::open_in(root.path(), dir.path())] {
        let cached = cache.is_some();
        let first = Course::from_folder(dir.path(), cache).expect("a valid folder");
        assert_eq!(first.index(), full.index());
        assert_eq!((&first.origin, &first.title), (&full.origin, &full.title));
        // Nothing of the parse is kept: each lesson and bank is read again, whole, when asked for.
        assert!(first.topics.iter().all(|t| !t.is_parsed()));
        for (t, f) in first.topics.iter().zip(&full.topics) {
            assert_eq!(t.lesson(), f.lesson());
        }
        assert_eq!(first.banks(), full.banks());
        assert!(
            first
                .banks()
                .iter()
                .any(|b| b.questions.iter().any(|q| q.lab.is_some()))
        );
        let again = Cache::open_in(root.path(), dir.path()).unwrap().course();
        assert_eq!(
            again.is_some(),
            cached,
            "the index is cached when there is a place for it"
        );
    }
    // A folder that does not check is refused with the problems a full parse finds: here a bank that repeats
    // another's ids (the course-wide check, read from the outlines) and one that does not parse.
    let sfn = fs::read_to_string(dir.path().join("quizzes/11-step-functions.toml")).unwrap();
    let twin = sfn.replacen("topic = \"step-functions\"", "topic = \"mwaa\"", 1);
    fs::write(dir.path().join("quizzes/13-mwaa.toml"), twin).unwrap();
    fs::write(
        dir.path().join("quizzes/12-lake-formation.toml"),
        "topic = 1\n",
    )
    .unwrap();
    let full = CourseFiles::from_dir(dir.path())
        .unwrap()
        .parse()
        .unwrap_err();
    assert!(full.iter().any(|d| d.message.starts_with("duplicate id")));
    assert_eq!(Course::from_folder(dir.path(), None).unwrap_err(), full);
}

#[test]
fn an_outline_gives_the_ids_and_lines_of_its_bank() {
    for b in CourseFiles::built_in().parse().unwrap().banks() {
        let outline = BankOutline::of(b);
        assert_eq!(
            outline.ids().collect::<Vec<_>>(),
            b.ids().collect::<Vec<_>>()
        );
        assert_eq!((outline.path(), outline.topic()), (b.path(), b.topic()));
        assert_eq!(outline.entry, QuizEntry::of(b));
    }
}

#[test]
fn a_stale_cache_is_never_used() {
    let dir = settled_copy();
    let root = tempfile::tempdir().unwrap();
    let full = CourseFiles::from_dir(dir.path()).unwrap().parse().unwrap();
    Cache::open_in(root.path(), dir.path())
        .unwrap()
        .store(&full);
    // The folder listed beside reading the index and after it: the same answer.
    let cached = || {
        let open = || Cache::open_in(root.path(), dir.path()).unwrap();
        let beside = open().list_beside_from(0).course();
        let after = open().list_beside_from(u64::MAX).course();
        assert_eq!(beside.is_some(), after.is_some());
        beside
    };
    assert!(cached().is_some());
    let lesson = fs::read_dir(dir.path().join("lessons"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    let text = fs::read_to_string(&lesson).unwrap();
    // Same size, other time: a miss.
    fs::write(&lesson, &text).unwrap();
    assert!(cached().is_none(), "a newer file");
    // Same time, other size: a miss.
    fs::write(&lesson, format!("{text}\n")).unwrap();
    age(&lesson);
    assert!(cached().is_none(), "a longer file");
    fs::write(&lesson, &text).unwrap();
    age(&lesson);
    Cache::open_in(root.path(), dir.path())
        .unwrap()
        .store(&full);
    assert!(cached().is_some());
    // A file more or less: a miss.
    let extra = dir.path().join("lessons/99-extra.md");
    fs::write(&extra, "x").unwrap();
    age(&extra);
    assert!(cached().is_none(), "a new file");
    fs::remove_file(&extra).unwrap();
    assert!(cached().is_some());
    // A just-written file is not cached (its time may not change with its next edit).
    let fresh = settled_copy();
    fs::write(&lesson, &text).unwrap();
    let full = CourseFiles::from_dir(fresh.path())
        .unwrap()
        .parse()
        .unwrap();
    let just = fresh
        .path()
        .join("lessons")
        .join(lesson.file_name().unwrap());
    fs::write(&just, &text).unwrap();
    Cache::open_in(root.path(), fresh.path())
        .unwrap()
        .store(&full);
    assert!(
        Cache::open_in(root.path(), fresh.path())
            .unwrap()
            .course()
            .is_none()
    );
}

#[test]
fn a_lesson_parses_once_when_first_asked_and_quizzes_when_first_quizzed() {
    let course = Course::built_in().unwrap();
    assert!(course.topics.iter().all(|t| !t.is_parsed()));
    assert!(!course.banks_parsed());
    let first: *const _ = course.topics[2].lesson();
    let again: *const _ = course.topics[2].lesson();
    assert_eq!(first, again, "kept, not parsed again");
    let parsed: Vec<bool> = course.topics.iter().map(|t| t.is_parsed()).collect();
    assert_eq!(parsed.iter().filter(|&&p| p).count(), 1);
    assert!(parsed[2]);
    assert!(!course.banks_parsed());
    let bank = course.quiz_of(&course.topics[2]).unwrap();
    assert_eq!(bank.topic, course.topics[2].slug());
    assert!(!course.banks_parsed(), "a topic's quiz parses its own bank");
    let quizzed: Vec<bool> = course
        .topics
        .iter()
        .map(|t| course.quiz_parsed(t))
        .collect();
    assert_eq!(quizzed.iter().filter(|&&p| p).count(), 1);
    assert!(quizzed[2]);
    let again: *const _ = course.quiz_of(&course.topics[2]).unwrap();
    assert_eq!(again, bank as *const _, "kept, not parsed again");
    let one = course.catalog(Some(course.topics[2].slug()));
    assert_eq!(one.len(), 1);
    assert!(
        std::ptr::eq(one.bank(0).unwrap(), bank),
        "a quiz asks from that bank"
    );
    assert!(!course.banks_parsed());
    let all = course.banks();
    assert!(course.banks_parsed());
    assert_eq!(
        all[2], *bank,
        "the bank parsed alone is the one every reader sees"
    );
    assert_eq!(course.catalog(None).len(), all.len());
    assert_eq!(course.catalog(Some("no-such-topic")).len(), all.len());
}

#[test]
fn a_file_broken_after_indexing_is_reported_not_panicked_on() {
    let dir = settled_copy();
    let root = tempfile::tempdir().unwrap();
    let full = CourseFiles::from_dir(dir.path()).unwrap().parse().unwrap();
    Cache::open_in(root.path(), dir.path())
        .unwrap()
        .store(&full);
    let course = Cache::open_in(root.path(), dir.path())
        .unwrap()
        .course()
        .unwrap();
    // Changed while the tutor runs: the lesson loses its sections, the quiz its topic.
    let t = &course.topics[0];
    fs::write(dir.path().join(&t.entry().lesson), "+++\nnumber = 1\n+++\n").unwrap();
    if let Some(q) = &t.entry().quiz {
        fs::write(dir.path().join(&q.path), "topic = [").unwrap();
    }
    let lesson = t.lesson();
    assert_eq!(
        lesson.steps.len() + 1,
        t.step_count(),
        "the steps the index promised"
    );
    assert!(lesson.steps[0].markdown.contains("cannot be read"));
    let problems = course.late_problems();
    assert!(!problems.is_empty());
    assert!(
        problems[0].to_string().starts_with(&t.entry().lesson),
        "{problems:?}"
    );
    assert_eq!(course.banks().len(), full.banks().len());
}

#[test]
fn the_steps_to_reread_come_from_the_index_as_from_the_banks() {
    use crate::quiz::{Rating, reread};
    let course = Course::built_in().unwrap();
    let full = CourseFiles::built_in().parse().unwrap();
    let now = chrono::Utc::now();
    let mut histories = std::collections::BTreeMap::new();
    for (n, b) in full.banks().iter().enumerate() {
        for (k, t) in b.triggers.iter().enumerate().take(n + 1) {
            let rating = if k % 3 == 0 {
                Rating::Good
            } else {
                Rating::Again
            };
            let state = crate::quiz::review(None, rating, now, None);
            histories.insert(t.id.clone(), state);
        }
    }
    histories.insert(
        "no-such-item".into(),
        crate::quiz::review(None, Rating::Again, now, None),
    );
    let expected = reread::from_histories(&crate::quiz::Catalog::parsed(full.banks()), &histories);
    assert!(expected.len() > 1);
    assert_eq!(course.reread(&histories), expected);
    assert!(!course.banks_parsed());
}

#[test]
fn a_symlinked_file_is_stamped_by_what_it_points_at() {
    let dir = settled_copy();
    let root = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("lessons/01-alpha.md");
    let target = outside.path().join("alpha.md");
    fs::rename(&lesson, &target).unwrap();
    std::os::unix::fs::symlink(&target, &lesson).unwrap();
    let full = CourseFiles::from_dir(dir.path()).unwrap().parse().unwrap();
    Cache::open_in(root.path(), dir.path())
        .unwrap()
        .store(&full);
    let cached = || Cache::open_in(root.path(), dir.path()).unwrap().course();
    assert!(cached().is_some());
    let text = fs::read_to_string(&target).unwrap();
    fs::write(&target, format!("{text}\n")).unwrap();
    age(&target);
    assert!(cached().is_none(), "the file behind the link changed");
}

#[test]
fn every_built_in_lesson_has_the_sections_a_scan_finds() {
    for f in CourseFiles::built_in().lessons {
        let (_, body, _) = lesson::outline::split_front_matter(&f.text).unwrap();
        let scanned = lesson::outline::scan_sections(body);
        let known = crate::util::embedded::outline(&f.path).expect("build.rs outlined it");
        assert_eq!(known.len(), scanned.len(), "{}", f.path);
        for (&(name, at, start, end, rules), s) in known.iter().zip(&scanned) {
            assert_eq!(
                (name, at, start, end, rules),
                (
                    s.name.as_str(),
                    s.heading_at,
                    s.start,
                    s.end,
                    s.rules.as_slice()
                ),
                "{}",
                f.path
            );
        }
    }
}

#[test]
fn a_quiz_broken_after_indexing_and_parsed_alone_is_reported_once() {
    let dir = settled_copy();
    let quiz_file = dir.path().join("quizzes/01-alpha.toml");
    fs::create_dir_all(dir.path().join("quizzes")).unwrap();
    fs::write(
        &quiz_file,
        "topic = \"alpha\"\n\n[[trigger]]\nid = \"alpha-cue\"\ncue = \"A cue\"\nanswer = \"Alpha\"\n\
         decoys = [\"Beta\", \"Gamma\", \"Delta\"]\nwhy = \"Because.\"\n",
    )
    .unwrap();
    age(&quiz_file);
    let root = tempfile::tempdir().unwrap();
    let full = CourseFiles::from_dir(dir.path()).unwrap().parse().unwrap();
    Cache::open_in(root.path(), dir.path())
        .unwrap()
        .store(&full);
    let course = Cache::open_in(root.path(), dir.path())
        .unwrap()
        .course()
        .unwrap();
    let t = (course.topics.iter())
        .find(|t| t.entry().quiz.is_some())
        .expect("the fixture has a quiz");
    let quiz = t.entry().quiz.as_ref().unwrap();
    fs::write(dir.path().join(&quiz.path), "topic = [").unwrap();
    let bank = course.quiz_of(t).unwrap();
    assert!(bank.triggers.is_empty() && bank.questions.is_empty());
    assert!(!course.banks_parsed());
    let problems = course.late_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].to_string().starts_with(&quiz.path));
    assert_eq!(course.banks().len(), full.banks().len());
    assert_eq!(
        course.late_problems(),
        problems,
        "the same problem, not read twice"
    );
}
