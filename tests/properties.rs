//! Property tests over untrusted input: the learner's typed words, course files, and the progress file on disk.

use std::fs;

use dea_tutor::{
    command::{self, edit_distance},
    course::{lesson, manifest::BUILT_IN_KEY},
    progress::store::Store,
    quiz::bank,
};
use proptest::prelude::*;

/// Pieces of the two course formats, so generated files get past the first check often and reach the deeper ones.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+++\n".to_string()),
        Just("+++".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("# ".to_string()),
        Just("## ".to_string()),
        Just("---\n".to_string()),
        Just("\n---\n\n".to_string()),
        Just("|".to_string()),
        Just("| --- | --- |\n".to_string()),
        Just("[[trigger]]\n".to_string()),
        Just("[[question]]\n".to_string()),
        Just("[[sources]]\n".to_string()),
        Just("=".to_string()),
        Just(" = ".to_string()),
        Just("\"".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("- ".to_string()),
        Just("> ".to_string()),
        Just("```".to_string()),
        Just("\u{feff}".to_string()),
        Just("\x1b[31m".to_string()),
        Just("Lesson\n".to_string()),
        Just("Another angle\n".to_string()),
        Just("Exam scenarios\n".to_string()),
        Just("Exam signals\n".to_string()),
        Just("Comparison\n".to_string()),
        Just("Memory hack\n".to_string()),
        Just("number = 1\n".to_string()),
        Just("slug = \"alpha\"\n".to_string()),
        Just("title = \"T\"\ntagline = \"t\"\ntasks = [\"1.1\"]\n".to_string()),
        Just("topic = \"alpha\"\n".to_string()),
        Just("id = \"a-b\"\n".to_string()),
        Just(
            "cue = \"c\"\nanswer = \"a\"\ndecoys = [\"x\", \"y\", \"z\"]\nwhy = \"w\"\n"
                .to_string()
        ),
        Just(
            "stem = \"s\"\nchoices = [\"a\", \"b\"]\ncorrect = [0]\nexplain = [\"e\", \"f\"]\n"
                .to_string()
        ),
        Just("correct = [-1, 99999999999999999999]\n".to_string()),
        "[a-z0-9 -]{0,8}",
        "\\PC{0,4}",
        any::<char>().prop_map(String::from),
    ]
}

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..60).prop_map(|v| v.concat())
}

/// A small valid lesson, so mutations of it stay close to the format.
const LESSON: &str = "+++\nnumber = 1\nslug = \"alpha\"\ntitle = \"T\"\ntagline = \"t\"\ntasks = [\"1.1\"]\n+++\n\n\
# Lesson\n\n## One\n\nText.\n\n---\n\n## Two\n\nMore.\n\n# Another angle\n\nAngle.\n\n# Exam scenarios\n\n## S\n\nS.\n\n\
# Exam signals\n\n| Trigger phrase | Answer |\n| --- | --- |\n| t | a |\n\n# Comparison\n\n| | A | B |\n| --- | --- | --- |\n\
| x | y | z |\n\n# Memory hack\n\nHack.\n";

const QUIZ: &str = "topic = \"alpha\"\n\n[[trigger]]\nid = \"t-one\"\ncue = \"c\"\nanswer = \"a\"\n\
decoys = [\"x\", \"y\", \"z\"]\nwhy = \"w\"\n\n[[question]]\nid = \"q-one\"\nstem = \"s\"\nchoices = [\"a\", \"b\"]\n\
correct = [0]\nexplain = [\"e\", \"f\"]\n";

/// A valid file with one byte range replaced by generated text.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    (0..=base.len(), 0..=base.len(), fragments()).prop_map(move |(a, b, insert)| {
        let (mut a, mut b) = (a.min(b), a.max(b));
        while !base.is_char_boundary(a) {
            a -= 1;
        }
        while !base.is_char_boundary(b) {
            b -= 1;
        }
        format!("{}{insert}{}", &base[..a], &base[b..])
    })
}

/// Diagnostics point at a line of the file (or 0 for the whole file), never past its end.
fn assert_lines_in_range(text: &str, diags: &[dea_tutor::course::Diagnostic]) {
    let last = text.matches('\n').count() + 1;
    for d in diags {
        assert!(d.line <= last, "{d} (the text has {last} lines)");
        assert!(!d.message.is_empty());
        assert!(!d.message.contains(|c: char| c.is_control()), "{d:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn command_parse_never_panics(s in "\\PC*") {
        let _ = command::parse(&s);
    }

    #[test]
    fn command_parse_never_panics_on_any_chars(s in any::<String>()) {
        let _ = command::parse(&s);
        let _ = command::complete(&s, command::table::Scope::Lesson);
        for expect in [(0, 1, false, false, false, false), (4, 1, false, false, true, true), (5, 2, false, true, false, false), (0, 1, true, false, false, false)] {
            let (options, pick, typed, votes, numbers_jump, can_rate) = expect;
            let e = dea_tutor::quiz::flow::Expect { options, pick, typed, votes, numbers_jump, can_rate, links: 2, lab: false };
            let _ = dea_tutor::quiz::flow::parse(&s, e);
        }
    }

    #[test]
    fn command_parse_never_panics_on_command_like_input(
        s in "(go ?to|goto|g|topic|open|continue|repeat|exmple|d|\\?)? {0,3}[0-9a-zA-Z .!-]{0,12}"
    ) {
        let _ = command::parse(&s);
    }

    #[test]
    fn edit_distance_is_symmetric(a in "[abc]{0,7}", b in "[abc]{0,7}") {
        prop_assert_eq!(edit_distance(&a, &b), edit_distance(&b, &a));
    }

    #[test]
    fn edit_distance_is_symmetric_on_any_text(a in "\\PC{0,10}", b in "\\PC{0,10}") {
        prop_assert_eq!(edit_distance(&a, &b), edit_distance(&b, &a));
    }

    #[test]
    fn edit_distance_is_zero_only_for_equal_strings(a in "[ab\u{e9}]{0,6}", b in "[ab\u{e9}]{0,6}") {
        let d = edit_distance(&a, &b);
        prop_assert_eq!(d == 0, a == b);
        prop_assert_eq!(edit_distance(&a, &a), 0);
        prop_assert!(d <= a.chars().count().max(b.chars().count()));
    }

    #[test]
    fn lesson_parse_never_panics(s in any::<String>()) {
        if let Err(d) = lesson::parse("lessons/01-alpha.md", &s) {
            assert_lines_in_range(&s, &d);
        }
    }

    #[test]
    fn lesson_parse_never_panics_on_format_fragments(s in fragments()) {
        if let Err(d) = lesson::parse("lessons/01-alpha.md", &s) {
            assert_lines_in_range(&s, &d);
        }
    }

    #[test]
    fn lesson_parse_never_panics_on_mutated_lessons(s in mutated(LESSON)) {
        match lesson::parse("lessons/01-alpha.md", &s) {
            Ok(l) => {
                let last = s.matches('\n').count() + 1;
                for part in l.steps.iter().chain(&l.angles).chain(&l.scenarios) {
                    prop_assert!(part.line >= 1 && part.line <= last);
                    prop_assert!(!part.markdown.trim().is_empty());
                }
            }
            Err(d) => assert_lines_in_range(&s, &d),
        }
    }

    #[test]
    fn quiz_parse_never_panics(s in any::<String>()) {
        if let Err(d) = bank::parse("quizzes/01-alpha.toml", &s) {
            assert_lines_in_range(&s, &d);
        }
    }

    #[test]
    fn quiz_parse_never_panics_on_format_fragments(s in fragments()) {
        if let Err(d) = bank::parse("quizzes/01-alpha.toml", &s) {
            assert_lines_in_range(&s, &d);
        }
    }

    #[test]
    fn quiz_parse_never_panics_on_mutated_quizzes(s in mutated(QUIZ)) {
        match bank::parse("quizzes/01-alpha.toml", &s) {
            Ok(b) => {
                for q in &b.questions {
                    prop_assert!(q.correct.iter().all(|&i| i < q.choices.len()));
                    prop_assert_eq!(q.explain.len(), q.choices.len());
                }
                for t in &b.triggers {
                    prop_assert!(t.decoys.len() >= 3);
                }
            }
            Err(d) => assert_lines_in_range(&s, &d),
        }
    }
}

/// Bytes for a progress file: anything, or pieces of a real one so some parse and the rest fail late.
fn progress_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"version = 1\n".to_vec()),
        Just(b"version = 99\n".to_vec()),
        Just(b"[lesson]\ntopic = \"alpha\"\nstep = 2\n".to_vec()),
        Just(b"visited = [\"alpha\"]\n".to_vec()),
        Just(b"[items.t-one]\n".to_vec()),
        Just(b"version = 2\n".to_vec()),
        Just(b"[courses.built-in.lesson]\n".to_vec()),
        Just(b"[courses.\"/a b\".items.t-one]\n".to_vec()),
        Just(b"reps = 3\n".to_vec()),
        Just(b"last_review = 2025-03-01T09:00:00Z\n".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\n".to_vec()),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat()),
    ]
}

/// Every file in `dir` with its bytes.
fn files_in(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Loading never panics, and the bytes on disk are never lost: the file is either left exactly as it was (it
    /// parsed, or it is from a newer version) or moved, unchanged, to one `progress.toml.corrupt-…` beside it.
    #[test]
    fn progress_load_never_panics_and_never_deletes(bytes in progress_bytes()) {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("progress.toml");
        fs::write(&path, &bytes).unwrap();
        let result = Store::new(&path, BUILT_IN_KEY).load();
        let files = files_in(tmp.path());
        prop_assert_eq!(files.len(), 1, "{:?}", files);
        let (name, kept) = &files[0];
        prop_assert_eq!(kept, &bytes);
        match result {
            Ok((_, report)) if report.warning.is_some() => {
                prop_assert!(name.starts_with("progress.toml.corrupt-"), "{}", name);
                let warning = report.warning.unwrap();
                prop_assert!(!warning.contains(|c: char| c.is_control()), "{:?}", warning);
            }
            Ok(_) | Err(_) => prop_assert_eq!(name.as_str(), "progress.toml"),
        }
    }

    /// Two corrupt files in a row (within the same second, so with the same time stamp) are both kept.
    #[test]
    fn corrupt_files_in_a_row_are_all_kept(
        a in prop::collection::vec(any::<u8>(), 1..64),
        b in prop::collection::vec(any::<u8>(), 1..64),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("progress.toml");
        let store = Store::new(&path, BUILT_IN_KEY);
        let mut expected = Vec::new();
        for bytes in [&a, &b, &a] {
            // Start every file with a bad byte so none parses.
            let mut bytes = bytes.clone();
            bytes.insert(0, 0xff);
            fs::write(&path, &bytes).unwrap();
            let (_, report) = store.load().unwrap();
            prop_assert!(report.warning.is_some());
            expected.push(bytes);
        }
        let mut kept: Vec<Vec<u8>> = files_in(tmp.path()).into_iter().map(|(_, b)| b).collect();
        kept.sort();
        expected.sort();
        prop_assert_eq!(kept, expected);
    }
}
