use std::fs;

use super::*;
use crate::{
    course::{CourseFiles, lesson, placeholders},
    quiz::bank,
};

fn empty() -> Existing {
    Existing::default()
}

/// Writes a scaffold into `dir` the way the command does (without its safety checks).
fn write(dir: &std::path::Path, s: &Scaffold) {
    fs::create_dir_all(dir.join("lessons")).unwrap();
    fs::create_dir_all(dir.join("quizzes")).unwrap();
    fs::write(dir.join(&s.lesson_path), &s.lesson).unwrap();
    fs::write(dir.join(&s.quiz_path), &s.quiz).unwrap();
    if let Some(c) = &s.course_toml {
        fs::write(dir.join(COURSE_TOML), c).unwrap();
    }
}

fn existing_in(dir: &std::path::Path) -> Existing {
    let names = |sub: &str| -> Vec<String> {
        fs::read_dir(dir.join(sub))
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    Existing {
        lessons: names("lessons"),
        quizzes: names("quizzes"),
        course_toml: fs::read_to_string(dir.join(COURSE_TOML)).ok(),
    }
}

#[test]
fn the_files_parse_as_a_lesson_and_a_quiz() {
    let s = scaffold(7, "glue-streaming", "AWS Glue \"streaming\" ETL", &empty()).unwrap();
    assert_eq!(s.lesson_path, "lessons/07-glue-streaming.md");
    assert_eq!(s.quiz_path, "quizzes/07-glue-streaming.toml");
    let l = lesson::parse(&s.lesson_path, &s.lesson).expect("the lesson passes");
    assert_eq!(l.meta.number, 7);
    assert_eq!(l.meta.slug, "glue-streaming");
    assert_eq!(l.meta.title, "AWS Glue \"streaming\" ETL");
    assert_eq!(l.steps.len(), 2);
    assert!(l.steps.iter().all(|p| p.title.is_some()));
    assert_eq!((l.angles.len(), l.scenarios.len()), (1, 1));
    assert!(
        l.scenarios[0]
            .markdown
            .contains("**Why the look-alikes lose.**")
    );
    assert_eq!((l.signal_rows, l.comparison_tables), (1, 1));
    assert!(!l.memory_hack.is_empty());
    let q = bank::parse(&s.quiz_path, &s.quiz).expect("the quiz passes");
    assert_eq!(q.topic, "glue-streaming");
    assert_eq!(q.triggers.len(), 1);
    assert_eq!(q.triggers[0].decoys.len(), 3);
    assert_eq!(q.questions.len(), 1);
    assert!(q.triggers[0].id.starts_with("glue-streaming-"));
    assert!(q.questions[0].id.starts_with("glue-streaming-"));
    let c = s.course_toml.as_deref().expect("a new course.toml");
    let t: toml::Table = c.parse().unwrap();
    assert!(t["title"].as_str().is_some() && t["phase"].as_str().is_some());
    assert!(t["blurb"].as_str().is_some_and(|b| b.starts_with("TODO:")));
    // The optional fields it shows in comments are valid once uncommented.
    let mut in_banner = false;
    let uncommented: String = (c.lines())
        .map(|line| {
            let code = line
                .strip_prefix("# ")
                .filter(|l| in_banner || l.starts_with("id = ") || l.starts_with("banner = "));
            let Some(code) = code else {
                return format!("{line}\n");
            };
            in_banner = if in_banner {
                code != "'''"
            } else {
                code.starts_with("banner")
            };
            format!("{code}\n")
        })
        .collect();
    let t: toml::Table = uncommented.parse().unwrap();
    assert_eq!(t["id"].as_str(), Some("my-course"));
    assert!(t["banner"].as_str().is_some_and(|b| b.contains("|__/")));
    assert_eq!(t["topics"].as_array().unwrap().len(), 1);
}

#[test]
fn two_topics_in_an_empty_folder_make_a_valid_course() {
    let dir = tempfile::tempdir().unwrap();
    let a = scaffold(1, "alpha", "Alpha", &existing_in(dir.path())).unwrap();
    write(dir.path(), &a);
    let b = scaffold(2, "beta-two", "Beta two", &existing_in(dir.path())).unwrap();
    write(dir.path(), &b);
    let course = CourseFiles::from_dir(dir.path())
        .and_then(|f| f.parse())
        .unwrap_or_else(|d| panic!("{d:?}"));
    let slugs: Vec<&str> = course.topics.iter().map(|t| t.slug()).collect();
    assert_eq!(slugs, ["alpha", "beta-two"]);
    assert_eq!(course.banks().len(), 2);
    // The same topic again is refused, whatever the title.
    let again = scaffold(2, "beta-two", "Other", &existing_in(dir.path())).unwrap_err();
    assert!(
        again.contains("lessons/02-beta-two.md already exists"),
        "{again}"
    );
}

#[test]
fn every_placeholder_is_listed_until_it_is_replaced() {
    let s = scaffold(7, "glue-streaming", "Glue streaming", &empty()).unwrap();
    let course_toml = s.course_toml.clone().unwrap();
    let files = [
        (COURSE_TOML, course_toml.as_str()),
        (s.lesson_path.as_str(), s.lesson.as_str()),
        (s.quiz_path.as_str(), s.quiz.as_str()),
    ];
    for (path, text) in files {
        let found = placeholders::in_file(path, text);
        // Every line with the marker is listed (the scaffold has none in a comment or in code).
        let marked: Vec<usize> = (text.lines().enumerate())
            .filter(|(_, l)| l.contains(placeholders::MARKER))
            .map(|(i, _)| i + 1)
            .collect();
        assert!(!marked.is_empty(), "{path}");
        assert_eq!(
            found.iter().map(|d| d.line).collect::<Vec<_>>(),
            marked,
            "{path}"
        );
        // With each placeholder replaced by real text, nothing is left and the file still parses.
        let done = text.replace(placeholders::MARKER, "Real:");
        assert_eq!(placeholders::in_file(path, &done), [], "{path}");
    }
    let done = s.lesson.replace(placeholders::MARKER, "Real:");
    lesson::parse(&s.lesson_path, &done).expect("the finished lesson parses");
    let done = s.quiz.replace(placeholders::MARKER, "Real:");
    bank::parse(&s.quiz_path, &done).expect("the finished quiz parses");
}

#[test]
fn refusals() {
    let err = |n: u32, slug: &str, ex: &Existing| scaffold(n, slug, "T", ex).unwrap_err();
    assert!(err(1, "Bad_Slug", &empty()).contains("lower-case words joined by `-`"));
    for bad in ["", "-a", "a-", "a--b", "a b", "é"] {
        assert!(scaffold(1, bad, "T", &empty()).is_err(), "{bad:?}");
    }
    assert!(err(0, "a", &empty()).contains("1 to 999"));
    assert!(err(1000, "a", &empty()).contains("1 to 999"));
    assert!(scaffold(1, "a", "  ", &empty()).is_err());
    assert!(scaffold(1, "a", "two\nlines", &empty()).is_err());

    let ex = Existing {
        lessons: vec!["03-gamma.md".into(), "course.toml".into()],
        quizzes: vec!["04-delta.toml".into()],
        course_toml: Some("title = \"t\"\nphase = \"p\"\ntopics = [\"gamma\"]\n".into()),
    };
    assert!(err(3, "gamma", &ex).contains("lessons/03-gamma.md already exists"));
    assert!(err(5, "gamma", &ex).contains("already used by lessons/03-gamma.md"));
    assert!(err(3, "other", &ex).contains("topic number 3 is already used"));
    assert!(err(4, "delta", &ex).contains("quizzes/04-delta.toml already exists"));
    assert!(err(9, "delta", &ex).contains("already used by quizzes/04-delta.toml"));
    let ok = scaffold(4, "epsilon", "E", &ex).unwrap();
    assert_eq!(
        ok.course_toml.as_deref(),
        Some("title = \"t\"\nphase = \"p\"\ntopics = [\"gamma\", \"epsilon\"]\n")
    );
}

#[test]
fn numbers_from_the_command_line() {
    assert_eq!(parse_number("7"), Ok(7));
    assert_eq!(parse_number("07"), Ok(7));
    assert_eq!(parse_number("999"), Ok(999));
    for bad in ["0", "1000", "-1", "+5", "1.5", "x", ""] {
        assert!(parse_number(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn the_slug_joins_the_topics_list_in_its_own_layout() {
    let add = |text: &str| add_to_course_toml(text, "new").unwrap().unwrap();
    // One a line with a trailing comma, as in the built-in course.
    assert_eq!(
        add("title = \"t\"\nphase = \"p\"\ntopics = [\n  \"a\",\n  \"b\",\n]\n"),
        "title = \"t\"\nphase = \"p\"\ntopics = [\n  \"a\",\n  \"b\",\n  \"new\",\n]\n"
    );
    // One a line without one, and a comment that stays on its line.
    assert_eq!(
        add(
            "topics = [\n    \"a\", # first\n    \"b\"  # second\n]\ntitle = \"t\"\nphase = \"p\"\n"
        ),
        "topics = [\n    \"a\", # first\n    \"b\",  # second\n    \"new\"\n]\ntitle = \"t\"\nphase = \"p\"\n"
    );
    // On one line; with odd characters in strings and comments.
    assert_eq!(
        add("title = \"a ] b\"\nphase = 'p # q'\ntopics = [\"a\", \"b\"] # order [sic]\n"),
        "title = \"a ] b\"\nphase = 'p # q'\ntopics = [\"a\", \"b\", \"new\"] # order [sic]\n"
    );
    assert_eq!(
        add("title = \"t\"\nphase = \"p\"\ntopics = []\n"),
        "title = \"t\"\nphase = \"p\"\ntopics = [\"new\"]\n"
    );
    assert_eq!(
        add("title = \"t\"\nphase = \"p\"\ntopics = [\n  \"a\", \"b\"]\n"),
        "title = \"t\"\nphase = \"p\"\ntopics = [\n  \"a\", \"b\", \"new\"]\n"
    );
    // The built-in course's own file.
    let built_in = include_str!("../../lessons/course.toml");
    let edited = add(built_in);
    assert!(
        edited.ends_with("  \"catalog-quality\",\n  \"new\",\n]\n"),
        "{edited}"
    );

    assert_eq!(
        add_to_course_toml("title = \"t\"\nphase = \"p\"\ntopics = [\"new\"]\n", "new"),
        Ok(None)
    );
    assert!(add_to_course_toml("title = \"t\"\n", "new").is_err());
    assert!(add_to_course_toml("topics = [\"a\"\n", "new").is_err());
    assert!(add_to_course_toml("[x]\ntopics = [\"a\"]\n", "new").is_err());
}
