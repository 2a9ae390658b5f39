//! `dea-tutor check` through the real binary: what it counts and where it points.

mod common;

use common::{bin, text};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

#[test]
fn strict_counts_problems_and_gives_each_a_line() {
    let out = bin().args(["check", "--strict", MINI]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let (last, problems) = lines.split_last().unwrap();
    assert_eq!(
        *last,
        format!("{} problems below the minimums", problems.len())
    );
    for p in problems {
        let (path, rest) = p.split_once(".md:").unwrap_or_else(|| panic!("{p}"));
        assert!(path.starts_with(&format!("{MINI}/lessons/0")), "{p}");
        let (line, _) = rest.split_once(": ").unwrap_or_else(|| panic!("{p}"));
        assert!(line.parse::<usize>().is_ok_and(|n| n > 0), "{p}");
    }
    assert!(
        stderr.contains(&format!(
            "{MINI}/lessons/01-alpha.md:67: 1 exam-signal row; a topic needs 8 or more"
        )),
        "{stderr}"
    );
}

#[test]
fn one_problem_is_one_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // One built-in topic (it meets every minimum) without its `[[sources]]`.
    std::fs::create_dir_all(dir.join("lessons")).unwrap();
    std::fs::create_dir_all(dir.join("quizzes")).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let quiz = std::fs::read_to_string(format!("{root}/quizzes/11-step-functions.toml")).unwrap();
    std::fs::write(dir.join("quizzes/11-step-functions.toml"), quiz).unwrap();
    let lesson = std::fs::read_to_string(format!("{root}/lessons/11-step-functions.md")).unwrap();
    let (before, after) = lesson.split_once("[[sources]]").unwrap();
    let (_, rest) = after.split_once("\n+++\n").unwrap();
    std::fs::write(
        dir.join("lessons/11-step-functions.md"),
        format!("{before}+++\n{rest}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("lessons/course.toml"),
        "title = \"T\"\nphase = \"P\"\ntopics = [\"step-functions\"]\n",
    )
    .unwrap();
    let out = bin().args(["check", "--strict"]).arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}/lessons/11-step-functions.md:1: no `sources` in the front matter\n\
             1 problem below the minimums\n",
            dir.display()
        )
    );
    // Without --strict the course is fine, and one topic is one topic.
    let out = bin().arg("check").arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("(P) — 1 topic, "),
        "{}",
        text(&out.stdout)
    );
}

/// Topic 11 copied into a course folder of its own, with `edit` applied to the lesson and `quiz_edit` to the quiz.
fn topic_11_with(
    dir: &std::path::Path,
    edit: impl Fn(&str) -> String,
    quiz_edit: impl Fn(&str) -> String,
) {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::create_dir_all(dir.join("lessons")).unwrap();
    std::fs::create_dir_all(dir.join("quizzes")).unwrap();
    let lesson = std::fs::read_to_string(format!("{root}/lessons/11-step-functions.md")).unwrap();
    let quiz = std::fs::read_to_string(format!("{root}/quizzes/11-step-functions.toml")).unwrap();
    std::fs::write(dir.join("lessons/11-step-functions.md"), edit(&lesson)).unwrap();
    std::fs::write(dir.join("quizzes/11-step-functions.toml"), quiz_edit(&quiz)).unwrap();
    std::fs::write(
        dir.join("lessons/course.toml"),
        "title = \"T\"\nphase = \"P\"\ntopics = [\"step-functions\"]\n",
    )
    .unwrap();
}

#[test]
fn a_broken_diagram_is_a_problem_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // The first diagram's first `"Next"` goes to a state that does not exist.
    topic_11_with(
        dir,
        |lesson| {
            let at = lesson.find("```asl").unwrap();
            let next = at + lesson[at..].find("\"Next\": \"").unwrap() + "\"Next\": \"".len();
            let rest = &lesson[next..];
            format!(
                "{}Nowhere{}",
                &lesson[..next],
                &rest[rest.find('"').unwrap()..]
            )
        },
        |q: &str| q.to_string(),
    );
    let lesson = std::fs::read_to_string(dir.join("lessons/11-step-functions.md")).unwrap();
    let bad_line = lesson
        .lines()
        .position(|l| l.contains("\"Nowhere\""))
        .unwrap()
        + 1;
    let out = bin().arg("check").arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "lessons/11-step-functions.md:{bad_line}: state machine diagram:"
        )) && err.contains("Nowhere"),
        "{err}"
    );
}

#[test]
fn a_lab_that_disagrees_with_its_answer_key_is_a_problem_at_its_expect_table() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    topic_11_with(
        dir,
        |l: &str| l.to_string(),
        |quiz| quiz.replacen("seconds = 15", "seconds = 16", 1),
    );
    let quiz = std::fs::read_to_string(dir.join("quizzes/11-step-functions.toml")).unwrap();
    let header = quiz
        .lines()
        .position(|l| l.contains("seconds = 16"))
        .unwrap();
    let header = quiz
        .lines()
        .take(header)
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.contains("[question.lab.expect]"))
        .unwrap()
        + 1;
    let out = bin().arg("check").arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("quizzes/11-step-functions.toml:{header}: question `sfn-lab-backoff-waits`: the lab's run disagrees with `expect`: 15 s from start to end (expected 16)")),
        "{err}"
    );
}
