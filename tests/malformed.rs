//! `dea-tutor check DIR` on broken course folders: each case starts from a small valid two-topic course, breaks one
//! thing, and asserts the exit code and the exact `path:line: message` lines on stderr.
//!
//! The folders are generated in a temporary directory from the table below (invalid UTF-8, CRLF line ends and
//! symlinks survive no checkout reliably, so none are committed). `DIR` in an expected line stands for that folder.

use std::{
    collections::BTreeMap,
    fs,
    path::Path,
    process::{Command, Output},
    sync::mpsc,
    thread,
    time::Duration,
};

type Files = BTreeMap<String, Vec<u8>>;

fn lesson(number: u32, slug: &str, name: &str) -> String {
    format!(
        r#"+++
number = {number}
slug = "{slug}"
title = "Topic {name}"
tagline = "The {slug} tagline"
tasks = ["1.1 Test task"]

[[sources]]
title = "Example page"
url = "https://docs.aws.amazon.com/example.html"
+++

# Lesson

## {name} step one

The first {slug} step.

---

## {name} step two

The second {slug} step.

# Another angle

First {slug} angle.

---

Second {slug} angle.

# Exam scenarios

## {name} scenario one

First {slug} scenario.

---

## {name} scenario two

Second {slug} scenario.

# Exam signals

| Trigger phrase | Answer |
| --- | --- |
| {slug} trigger | {name} answer |

# Comparison

| | {name} | Other |
| --- | --- | --- |
| scope | wide | narrow |

# Memory hack

{name} hack line.
"#
    )
}

fn quiz(slug: &str) -> String {
    format!(
        r#"topic = "{slug}"

[[trigger]]
id = "{slug}-cue"
cue = "A {slug} cue"
answer = "{slug} answer"
accept = ["{slug}"]
decoys = ["Decoy one", "Decoy two", "Decoy three"]
why = "Because of {slug}."

[[question]]
id = "{slug}-question"
stem = "Which one fits {slug}?"
choices = ["First", "Second", "Third"]
correct = [1]
explain = ["Not this.", "This.", "Not this either."]
"#
    )
}

const COURSE_TOML: &str = r#"title = "Malformed course"
phase = "Phase 0 — Fixture"
topics = [
  "alpha",
  "beta",
]
"#;

/// A valid two-topic course.
fn base() -> Files {
    let mut f = Files::new();
    f.insert("lessons/course.toml".into(), COURSE_TOML.into());
    f.insert(
        "lessons/01-alpha.md".into(),
        lesson(1, "alpha", "Alpha").into(),
    );
    f.insert(
        "lessons/02-beta.md".into(),
        lesson(2, "beta", "Beta").into(),
    );
    f.insert("quizzes/01-alpha.toml".into(), quiz("alpha").into());
    f.insert("quizzes/02-beta.toml".into(), quiz("beta").into());
    f
}

/// Replaces the one occurrence of `from` in `file` (the case is wrong if there is not exactly one).
fn edit(f: &mut Files, file: &str, from: &str, to: &str) {
    let text = String::from_utf8(f[file].clone()).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{file}: {from:?}");
    f.insert(file.into(), text.replacen(from, to, 1).into_bytes());
}

fn rename(f: &mut Files, from: &str, to: &str) {
    let bytes = f.remove(from).unwrap();
    f.insert(to.into(), bytes);
}

fn write(dir: &Path, files: &Files) {
    fs::create_dir_all(dir.join("lessons")).unwrap();
    fs::create_dir_all(dir.join("quizzes")).unwrap();
    for (path, bytes) in files {
        fs::write(dir.join(path), bytes).unwrap();
    }
}

/// Runs `dea-tutor ARGS`, killing it (and failing) if it has not finished in 60 s: a hang is a fault too.
fn run(args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dea-tutor"));
    cmd.args(args).env("NO_COLOR", "1");
    let (tx, rx) = mpsc::channel();
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run dea-tutor");
    let id = child.id();
    thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("dea-tutor {args:?} did not finish in 60 s");
        }
    }
}

fn check_dir(dir: &Path) -> Output {
    run(&["check", dir.to_str().unwrap()])
}

/// Exit code 1 and exactly these stderr lines (`DIR` = the course folder).
fn assert_fails(dir: &Path, out: &Output, expected: &[&str]) {
    let shown = dir.display().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&shown, "DIR");
    let got: Vec<&str> = stderr.lines().collect();
    assert_eq!(got, expected, "stderr:\n{stderr}");
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
}

fn assert_case(edit_files: fn(&mut Files), expected: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    let mut files = base();
    edit_files(&mut files);
    write(&dir, &files);
    assert_fails(&dir, &check_dir(&dir), expected);
}

macro_rules! case {
    ($name:ident, $edit:expr, [$($line:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            assert_case($edit, &[$($line),*]);
        }
    };
}

#[test]
fn the_base_course_is_valid() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), &base());
    let out = check_dir(tmp.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("2 topics, 6 steps, 4 scenarios, 2 triggers, 2 questions"),
        "{stdout}"
    );
}

// ---- lessons/course.toml ----

case!(
    missing_course_toml,
    |f| {
        f.remove("lessons/course.toml");
    },
    ["DIR/lessons/course.toml: missing: it gives the course title, phase and topic order",]
);

case!(
    course_toml_syntax_error,
    |f| {
        edit(
            f,
            "lessons/course.toml",
            "phase = \"Phase 0 — Fixture\"",
            "phase = \"Phase 0",
        );
    },
    ["DIR/lessons/course.toml:2: invalid basic string, expected `\"`",]
);

case!(
    course_toml_unknown_field,
    |f| {
        edit(
            f,
            "lessons/course.toml",
            "topics = [",
            "author = \"me\"\ntopics = [",
        );
    },
    [
        "DIR/lessons/course.toml:3: unknown field `author`, expected one of `title`, `phase`, `id`, `blurb`, `banner`, `topics`",
    ]
);

case!(
    topic_listed_twice,
    |f| {
        edit(
            f,
            "lessons/course.toml",
            "  \"beta\",\n",
            "  \"beta\",\n  \"alpha\",\n",
        );
    },
    ["DIR/lessons/course.toml:6: topic `alpha` is listed twice",]
);

case!(
    topic_without_lesson_file,
    |f| {
        edit(
            f,
            "lessons/course.toml",
            "  \"beta\",\n",
            "  \"beta\",\n  \"gamma\",\n",
        );
    },
    ["DIR/lessons/course.toml:6: topic `gamma` has no lesson file (lessons/NN-gamma.md)",]
);

case!(
    lesson_not_listed,
    |f| {
        edit(f, "lessons/course.toml", "  \"beta\",\n", "");
        f.remove("quizzes/02-beta.toml");
    },
    ["DIR/lessons/02-beta.md:3: lesson `beta` is not listed in lessons/course.toml",]
);

case!(
    course_lists_no_topic,
    |f| {
        edit(f, "lessons/course.toml", "  \"alpha\",\n  \"beta\",\n", "");
        f.remove("lessons/01-alpha.md");
        f.remove("lessons/02-beta.md");
        f.remove("quizzes/01-alpha.toml");
        f.remove("quizzes/02-beta.toml");
    },
    ["DIR/lessons/course.toml:1: the course lists no topic",]
);

// ---- front matter ----

case!(
    lesson_without_front_matter,
    |f| {
        f.insert(
            "lessons/02-beta.md".into(),
            lesson(2, "beta", "Beta")
                .split("+++\n")
                .nth(2)
                .unwrap()
                .into(),
        );
    },
    [
        "DIR/lessons/02-beta.md:1: a lesson must start with TOML front matter: a line `+++`, the fields, then `+++`",
    ]
);

case!(
    unclosed_front_matter,
    |f| {
        edit(f, "lessons/02-beta.md", "+++\n\n# Lesson", "\n# Lesson");
    },
    ["DIR/lessons/02-beta.md:1: front matter is not closed: add a line `+++` after its fields",]
);

case!(
    front_matter_wrong_type,
    |f| {
        edit(f, "lessons/02-beta.md", "number = 2", "number = \"two\"");
    },
    ["DIR/lessons/02-beta.md:2: front matter: invalid type: string \"two\", expected u32",]
);

case!(
    front_matter_unknown_field,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "tasks = [",
            "author = \"me\"\ntasks = [",
        );
    },
    [
        "DIR/lessons/02-beta.md:6: front matter: unknown field `author`, expected one of `number`, `slug`, `title`, `tagline`, `tasks`, `sources`",
    ]
);

case!(
    front_matter_missing_field,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "tagline = \"The beta tagline\"\n",
            "",
        );
    },
    ["DIR/lessons/02-beta.md:2: front matter: missing field `tagline`",]
);

case!(
    file_name_does_not_match_number,
    |f| {
        rename(f, "lessons/02-beta.md", "lessons/03-beta.md");
    },
    [
        "DIR/lessons/03-beta.md:2: front matter says number 2 and slug `beta`, so the file should be named `02-beta.md`",
    ]
);

case!(
    file_name_does_not_match_slug,
    |f| {
        rename(f, "lessons/02-beta.md", "lessons/02-bets.md");
    },
    [
        "DIR/lessons/02-bets.md:3: front matter says number 2 and slug `beta`, so the file should be named `02-beta.md`",
        "DIR/lessons/course.toml:5: topic `beta` has no lesson file (lessons/NN-beta.md)",
    ]
);

case!(
    bad_slug,
    |f| {
        edit(f, "lessons/course.toml", "\"beta\"", "\"Beta_2\"");
        edit(
            f,
            "lessons/02-beta.md",
            "slug = \"beta\"",
            "slug = \"Beta_2\"",
        );
        rename(f, "lessons/02-beta.md", "lessons/02-Beta_2.md");
        edit(
            f,
            "quizzes/02-beta.toml",
            "topic = \"beta\"",
            "topic = \"Beta_2\"",
        );
    },
    ["DIR/lessons/02-Beta_2.md:3: slug `Beta_2` must be lower-case words joined by `-`",]
);

case!(
    empty_title,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "title = \"Topic Beta\"",
            "title = \"  \"",
        );
    },
    ["DIR/lessons/02-beta.md:4: front matter: `title` is empty",]
);

case!(
    topic_number_used_twice,
    |f| {
        edit(f, "lessons/02-beta.md", "number = 2", "number = 1");
        rename(f, "lessons/02-beta.md", "lessons/01-beta.md");
    },
    ["DIR/lessons/01-beta.md:2: topic number 1 is also used by lessons/01-alpha.md",]
);

// ---- sections ----

case!(
    missing_section,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "# Memory hack\n\nBeta hack line.\n",
            "",
        );
    },
    ["DIR/lessons/02-beta.md:56: missing section `# Memory hack`: it goes at the end",]
);

case!(
    unknown_section,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "# Memory hack",
            "# Summary\n\nAll of it.\n\n# Memory hack",
        );
    },
    [
        "DIR/lessons/02-beta.md:57: unknown section `# Summary`; the sections are `# Lesson`, `# Another angle`, `# Exam scenarios`, `# Exam signals`, `# Comparison`, `# Memory hack`",
    ]
);

case!(
    sections_out_of_order,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "\n# Memory hack\n\nBeta hack line.\n",
            "",
        );
        edit(
            f,
            "lessons/02-beta.md",
            "# Exam signals",
            "# Memory hack\n\nBeta hack line.\n\n# Exam signals",
        );
    },
    [
        "DIR/lessons/02-beta.md:49: section `# Exam signals` is out of order: it comes after `# Memory hack`; the order is Lesson → Another angle → Exam scenarios → Exam signals → Comparison → Memory hack",
    ]
);

case!(
    missing_middle_section,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "# Another angle\n\nFirst beta angle.\n\n---\n\nSecond beta angle.\n\n",
            "",
        );
    },
    [
        "DIR/lessons/02-beta.md:25: missing section `# Another angle`: it goes before `# Exam scenarios`",
    ]
);

case!(
    trailing_rule_leaves_an_empty_scenario,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "Second beta scenario.\n",
            "Second beta scenario.\n\n---\n",
        );
    },
    ["DIR/lessons/02-beta.md:45: empty scenario in `# Exam scenarios`: nothing after this `---`",]
);

case!(
    front_matter_wrong_type_on_a_later_line,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "tasks = [\"1.1 Test task\"]",
            "tasks = \"1.1 Test task\"",
        );
    },
    [
        "DIR/lessons/02-beta.md:6: front matter: invalid type: string \"1.1 Test task\", expected a sequence",
    ]
);

case!(
    source_without_https,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "url = \"https://docs",
            "url = \"http://docs",
        );
    },
    ["DIR/lessons/02-beta.md:10: front matter: source `Example page` needs an https:// address",]
);

case!(
    number_out_of_range,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "number = 2",
            "number = 99999999999",
        );
    },
    ["DIR/lessons/02-beta.md:2: front matter: invalid value: integer `99999999999`, expected u32",]
);

case!(
    duplicate_section,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "Beta hack line.\n",
            "Beta hack line.\n\n# Another angle\n\nOnce more.\n",
        );
    },
    ["DIR/lessons/02-beta.md:61: section `# Another angle` appears twice",]
);

case!(
    text_before_the_first_section,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "+++\n\n# Lesson",
            "+++\n\nStray intro.\n\n# Lesson",
        );
    },
    ["DIR/lessons/02-beta.md:13: text before the first section: start the body with `# Lesson`",]
);

case!(
    empty_step,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "---\n\n## Beta step two",
            "---\n\n---\n\n## Beta step two",
        );
    },
    [
        "DIR/lessons/02-beta.md:21: empty step in `# Lesson`: nothing between this `---` and the one before it",
    ]
);

case!(
    empty_lesson_section,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "## Beta step one\n\nThe first beta step.\n\n---\n\n## Beta step two\n\nThe second beta step.\n",
            "",
        );
    },
    ["DIR/lessons/02-beta.md:13: section `# Lesson` has no step",]
);

case!(
    scenario_without_title,
    |f| {
        edit(f, "lessons/02-beta.md", "## Beta scenario two\n\n", "");
    },
    ["DIR/lessons/02-beta.md:41: a scenario must open with a `## ` title",]
);

case!(
    exam_signals_with_three_columns,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "| Trigger phrase | Answer |\n| --- | --- |\n| beta trigger | Beta answer |",
            "| Trigger phrase | Answer | Note |\n| --- | --- | --- |\n| beta trigger | Beta answer | x |",
        );
    },
    [
        "DIR/lessons/02-beta.md:45: `# Exam signals` table has 3 columns; it needs 2 (trigger phrase, answer)",
    ]
);

case!(
    exam_signals_without_table,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "| Trigger phrase | Answer |\n| --- | --- |\n| beta trigger | Beta answer |",
            "beta trigger → Beta answer",
        );
    },
    [
        "DIR/lessons/02-beta.md:45: `# Exam signals` needs a table: | Trigger phrase | Answer | with at least one row",
    ]
);

case!(
    comparison_without_table,
    |f| {
        edit(
            f,
            "lessons/02-beta.md",
            "| | Beta | Other |\n| --- | --- | --- |\n| scope | wide | narrow |",
            "Beta is wide, Other is narrow.",
        );
    },
    ["DIR/lessons/02-beta.md:51: `# Comparison` needs at least one table",]
);

case!(
    memory_hack_empty,
    |f| {
        edit(f, "lessons/02-beta.md", "Beta hack line.\n", "");
    },
    ["DIR/lessons/02-beta.md:57: `# Memory hack` is empty",]
);

// ---- quizzes ----

case!(
    quiz_syntax_error,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "why = \"Because of beta.\"",
            "why = Because of beta.",
        );
    },
    ["DIR/quizzes/02-beta.toml:9: string values must be quoted, expected literal string",]
);

case!(
    quiz_unknown_field,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "why = \"Because of beta.\"",
            "why = \"Because of beta.\"\nhint = \"b\"",
        );
    },
    [
        "DIR/quizzes/02-beta.toml:10: unknown field `hint`, expected one of `id`, `cue`, `answer`, `accept`, `decoys`, `why`, `step`",
    ]
);

case!(
    quiz_missing_field,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "why = \"Because of beta.\"\n",
            "",
        );
    },
    ["DIR/quizzes/02-beta.toml:3: missing field `why`",]
);

case!(
    duplicate_quiz_id_across_files,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "id = \"beta-cue\"",
            "id = \"alpha-cue\"",
        );
    },
    [
        "DIR/quizzes/02-beta.toml:3: duplicate id `alpha-cue` (first used at quizzes/01-alpha.toml:3)",
    ]
);

case!(
    unknown_quiz_topic,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "topic = \"beta\"",
            "topic = \"gamma\"",
        );
    },
    ["DIR/quizzes/02-beta.toml:1: topic `gamma` is not a lesson of the course",]
);

case!(
    second_quiz_for_a_topic,
    |f| {
        let text = quiz("beta").replace("beta-", "beta-two-");
        f.insert("quizzes/03-beta-again.toml".into(), text.into());
    },
    ["DIR/quizzes/03-beta-again.toml:1: a second quiz file for topic `beta`",]
);

case!(
    correct_out_of_range,
    |f| {
        edit(f, "quizzes/02-beta.toml", "correct = [1]", "correct = [3]");
    },
    [
        "DIR/quizzes/02-beta.toml:15: question `beta-question`: `correct` index 3 is out of range (3 choices, 0-based)",
    ]
);

case!(
    correct_negative,
    |f| {
        edit(f, "quizzes/02-beta.toml", "correct = [1]", "correct = [-1]");
    },
    [
        "DIR/quizzes/02-beta.toml:15: question `beta-question`: `correct` index -1 is out of range (3 choices, 0-based)",
    ]
);

case!(
    correct_twice,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "correct = [1]",
            "correct = [1, 1]",
        );
    },
    ["DIR/quizzes/02-beta.toml:15: question `beta-question`: `correct` lists index 1 twice",]
);

case!(
    empty_correct,
    |f| {
        edit(f, "quizzes/02-beta.toml", "correct = [1]", "correct = []");
    },
    ["DIR/quizzes/02-beta.toml:15: question `beta-question`: `correct` is empty",]
);

case!(
    explain_count_differs_from_choices,
    |f| {
        edit(f, "quizzes/02-beta.toml", ", \"Not this either.\"]", "]");
    },
    [
        "DIR/quizzes/02-beta.toml:16: question `beta-question`: `explain` has 2 entries for 3 choices",
    ]
);

case!(
    fewer_than_two_choices,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "choices = [\"First\", \"Second\", \"Third\"]",
            "choices = [\"First\"]",
        );
        edit(f, "quizzes/02-beta.toml", "correct = [1]", "correct = [0]");
        edit(
            f,
            "quizzes/02-beta.toml",
            "explain = [\"Not this.\", \"This.\", \"Not this either.\"]",
            "explain = [\"This.\"]",
        );
    },
    ["DIR/quizzes/02-beta.toml:14: question `beta-question`: needs at least 2 choices, has 1",]
);

case!(
    decoy_equal_to_answer,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "\"Decoy two\"",
            "\"Beta  Answer!\"",
        );
    },
    ["DIR/quizzes/02-beta.toml:8: trigger `beta-cue`: decoy \"Beta  Answer!\" is the answer",]
);

case!(
    too_few_decoys,
    |f| {
        edit(f, "quizzes/02-beta.toml", ", \"Decoy three\"", "");
    },
    ["DIR/quizzes/02-beta.toml:8: trigger `beta-cue`: needs at least 3 decoys, has 2",]
);

case!(
    empty_cue,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "cue = \"A beta cue\"",
            "cue = \" \"",
        );
    },
    ["DIR/quizzes/02-beta.toml:5: trigger `beta-cue`: `cue` is empty",]
);

case!(
    bad_quiz_id,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "id = \"beta-cue\"",
            "id = \"Beta Cue\"",
        );
    },
    ["DIR/quizzes/02-beta.toml:4: trigger `Beta Cue`: id must be lower-case words joined by `-`",]
);

case!(
    choose_two_in_stem,
    |f| {
        edit(
            f,
            "quizzes/02-beta.toml",
            "Which one fits beta?",
            "Which fit beta? (Choose TWO.)",
        );
    },
    [
        "DIR/quizzes/02-beta.toml:13: question `beta-question`: remove \"Choose ...\" from the stem; the tutor adds it",
    ]
);

// ---- files ----

case!(
    invalid_utf8_in_a_lesson,
    |f| {
        let mut bytes = f["lessons/02-beta.md"].clone();
        let at = String::from_utf8_lossy(&bytes)
            .find("The first beta step")
            .unwrap();
        bytes[at + 4] = 0xff;
        f.insert("lessons/02-beta.md".into(), bytes);
    },
    ["DIR/lessons/02-beta.md:17: not valid UTF-8 text",]
);

case!(
    invalid_utf8_in_a_quiz,
    |f| {
        let mut bytes = f["quizzes/02-beta.toml"].clone();
        bytes.extend_from_slice(b"# \xc3\x28\n");
        f.insert("quizzes/02-beta.toml".into(), bytes);
    },
    ["DIR/quizzes/02-beta.toml:17: not valid UTF-8 text",]
);

case!(
    empty_lesson_file,
    |f| {
        f.insert("lessons/02-beta.md".into(), Vec::new());
    },
    [
        "DIR/lessons/02-beta.md:1: the lesson file is empty: it needs TOML front matter between `+++` lines, then the six sections",
    ]
);

case!(
    empty_quiz_file,
    |f| {
        f.insert("quizzes/02-beta.toml".into(), Vec::new());
    },
    ["DIR/quizzes/02-beta.toml:1: missing field `topic`",]
);

#[test]
fn bom_and_crlf_lesson_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let mut files = base();
    let crlf = |s: &[u8]| {
        let mut out = b"\xef\xbb\xbf".to_vec();
        out.extend_from_slice(String::from_utf8_lossy(s).replace('\n', "\r\n").as_bytes());
        out
    };
    for file in [
        "lessons/02-beta.md",
        "quizzes/02-beta.toml",
        "lessons/course.toml",
    ] {
        let bytes = crlf(&files[file]);
        files.insert(file.into(), bytes);
    }
    write(tmp.path(), &files);
    let out = check_dir(tmp.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    // The lesson reads the same as its LF twin.
    let listing = run(&["topics", "--content", tmp.path().to_str().unwrap()]);
    assert!(listing.status.success());
    assert!(
        String::from_utf8_lossy(&listing.stdout).contains("  2  Topic Beta       3          2")
    );
}

#[test]
fn missing_content_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nowhere");
    assert_fails(&dir, &check_dir(&dir), &["DIR: no such course folder"]);
    let out = run(&["topics", "--content", dir.to_str().unwrap()]);
    assert_fails(&dir, &out, &["DIR: no such course folder"]);
}

#[test]
fn folder_without_lessons() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    fs::create_dir_all(&dir).unwrap();
    assert_fails(
        &dir,
        &check_dir(&dir),
        &[
            "DIR/lessons: missing: a course folder holds lessons/ (course.toml and one NN-slug.md a topic) and quizzes/",
        ],
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_inside_lessons() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    write(&dir, &base());
    // A file that links to itself, two that link to each other, and a folder that links to its parent.
    symlink("03-loop.md", dir.join("lessons/03-loop.md")).unwrap();
    symlink("05-pong.md", dir.join("lessons/04-ping.md")).unwrap();
    symlink("04-ping.md", dir.join("lessons/05-pong.md")).unwrap();
    symlink(".", dir.join("lessons/again")).unwrap();
    symlink("..", dir.join("quizzes/up.toml")).unwrap();
    let looping = "cannot read: Too many levels of symbolic links (os error 40)";
    assert_fails(
        &dir,
        &check_dir(&dir),
        &[
            &format!("DIR/lessons/03-loop.md: {looping}"),
            &format!("DIR/lessons/04-ping.md: {looping}"),
            &format!("DIR/lessons/05-pong.md: {looping}"),
        ],
    );
}

#[cfg(unix)]
#[test]
fn fifo_inside_lessons_does_not_block() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    write(&dir, &base());
    let made = Command::new("mkfifo")
        .arg(dir.join("lessons/03-pipe.md"))
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !made {
        eprintln!("mkfifo not available; skipped");
        return;
    }
    assert_fails(
        &dir,
        &check_dir(&dir),
        &["DIR/lessons/03-pipe.md: cannot read: not a regular file"],
    );
}

#[cfg(unix)]
#[test]
fn lessons_folder_is_a_symlink_loop() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("lessons", dir.join("lessons")).unwrap();
    assert_fails(
        &dir,
        &check_dir(&dir),
        &["DIR/lessons: cannot read folder: Too many levels of symbolic links (os error 40)"],
    );
}
