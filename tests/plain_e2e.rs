//! The real binary in plain mode, driven through stdin.

mod common;

use common::{bin, text};
use std::{
    io::Write,
    path::Path,
    process::{Output, Stdio},
};

fn plain(progress: &Path, script: &str, extra: &[&str]) -> Output {
    common::plain_run(progress, extra, script)
}

#[test]
fn continue_repeat_example_done_then_resume() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let out = plain(
        &progress,
        "continue\ncontinue\nrepeat\nexample\ndone\n",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Topic 11 · AWS Step Functions · Step 1 of"),
        "{stdout}"
    );
    assert!(stdout.contains("Step 2 of"), "{stdout}");
    // Step 2's own re-explanation and example.
    assert!(
        stdout.contains("Step 2 of 12 · another way 1 of"),
        "{stdout}"
    );
    assert!(stdout.contains("Step 2 of 12 · example 1 of"), "{stdout}");
    assert!(stdout.contains("Resume:"), "{stdout}");
    assert!(stdout.contains("Progress saved to"), "{stdout}");
    assert!(
        !stdout.contains('\x1b'),
        "no escapes when stdout is not a terminal"
    );
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("topic = \"step-functions\""), "{saved}");
    assert!(saved.contains("step = 1"), "{saved}");

    // The next start opens where the learner stopped.
    let out = plain(&progress, "", &[]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Step 2 of"), "{stdout}");
    assert!(
        stdout.contains("Welcome back: topic 11, step 2 of"),
        "{stdout}"
    );
}

#[test]
fn goto_the_next_topic_through_the_complete_screen() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
    let out = plain(&progress, "c\nc\nc\nc\nc\ndone\n", &["--content", fixture]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Topic 1 complete: Topic Alpha"), "{stdout}");
    assert!(stdout.contains("Next: Topic 2 — Topic Beta"), "{stdout}");
    assert!(stdout.contains("The first beta step."), "{stdout}");
    assert!(stdout.contains("1 Topic Alpha — complete"), "{stdout}");
}

#[test]
fn closed_stdin_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["--plain", "--progress"])
        .arg(dir.path().join("p.toml"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Resume:"));
}

#[test]
fn tui_without_a_terminal_points_to_plain_and_exits_2() {
    let out = bin().stdin(Stdio::null()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--plain"));
}

#[test]
fn usage_errors_exit_2() {
    let out = bin().arg("--no-such-flag").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn topics_lists_ten_topics() {
    let out = bin().arg("topics").output().unwrap();
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    for n in 11..=20 {
        assert!(
            stdout
                .lines()
                .any(|l| l.trim_start().starts_with(&n.to_string())),
            "{n}: {stdout}"
        );
    }
}

#[test]
fn check_is_clean_on_the_built_in_course() {
    let out = bin().arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("ok: built-in"));
}

#[test]
fn check_reports_every_problem_with_path_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::write(
        lessons.join("course.toml"),
        "title = \"T\"\nphase = \"P\"\ntopics = [\"a\", \"missing\"]\n",
    )
    .unwrap();
    std::fs::write(lessons.join("01-a.md"), "+++\nnumber = 1\nslug = \"a\"\ntitle = \"A\"\ntagline = \"t\"\ntasks = [\"1\"]\n+++\n\n# Lesson\n\nHi.\n").unwrap();
    let out = bin().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let shown = dir.path().display().to_string();
    assert!(
        stderr.contains(&format!(
            "{shown}/lessons/course.toml:3: topic `missing` has no lesson file"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{shown}/lessons/01-a.md:11: missing section `# Another angle`"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("missing section `# Memory hack`"),
        "{stderr}"
    );
}

#[test]
fn a_missing_content_folder_is_a_clear_error() {
    let out = bin()
        .args(["--content", "/no/such/dir", "topics"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/no/such/dir: no such course folder"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn topic_and_step_open_straight_there() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let out = plain(&progress, "done\n", &["--topic", "14", "--step", "3"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Topic 14 · "), "{stdout}");
    assert!(
        stdout.replace('\n', " ").contains("· Step 3 of"),
        "{stdout}"
    );
    let out = plain(&progress, "", &["--topic", "14", "--step", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("topic 14 has steps 1 to"),
        "{}",
        text(&out.stderr)
    );
    let out = plain(&progress, "", &["--step", "2"]);
    assert_eq!(out.status.code(), Some(2), "--step needs --topic");
}

#[test]
fn a_read_only_progress_place_warns_at_start_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let out = plain(&blocker.join("p.toml"), "continue\ndone\n", &[]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("progress will NOT be saved"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a session whose progress was lost does not exit 0"
    );
    assert!(
        text(&out.stdout).contains("Warning: progress NOT saved"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    for args in [
        &["topics"][..],
        &["--plain", "quiz", "--count", "3"],
        &["--plain"],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = bin()
            .arg("--progress")
            .arg(dir.path().join("p.toml"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader is gone before anything is written
        let _ = child
            .stdin
            .take()
            .unwrap()
            .write_all(b"A\n\nB\n\ncontinue\n");
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// The whole phase as a learner walks it: every topic from 11 to 20 with `continue`, and `repeat`, `example` and a
/// one-item `quiz` on each.
#[test]
fn walk_the_whole_phase_with_repeat_example_and_quiz_on_every_topic() {
    let course = dea_tutor::course::Course::built_in().unwrap();
    let mut script = String::from("continue\n");
    for t in &course.topics {
        script.push_str("repeat\nexample\nquiz\nA\n\nquit\n");
        // Every step, then past "Topic complete" into the next topic.
        script.push_str(&"continue\n".repeat(t.step_count() + 1));
    }
    script.push_str("done\n");
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let out = plain(&progress, &script, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Lines are wrapped to 80 columns at spaces; joined back, every place line reads whole.
    let stdout = text(&out.stdout).replace('\n', " ");
    for t in &course.topics {
        let n = t.number();
        assert!(
            stdout.contains(&format!(
                "Topic {n} · {} · Step 1 of {} · another way 1 of",
                t.title(),
                t.step_count()
            )),
            "{n}"
        );
        assert!(
            stdout.contains(&format!(
                "Topic {n} · {} · Step 1 of {} · example 1 of",
                t.title(),
                t.step_count()
            )),
            "{n}"
        );
        assert!(
            stdout.contains(&format!("Trigger drill · Topic {n} · ")),
            "{n}"
        );
        assert!(stdout.contains(&format!("Topic {n} complete")), "{n}");
    }
    assert!(
        stdout.contains("That was the last topic of the phase"),
        "the phase ends after topic 20"
    );
    assert!(stdout.contains("20 Catalog governance and data quality — complete"));
    assert!(
        stdout.contains("Quiz this session:"),
        "the summary includes the quiz results"
    );
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert_eq!(
        saved.matches("last_review").count(),
        10,
        "one drill answer per topic, saved"
    );
}

#[test]
fn check_names_files_under_the_folder_given_however_it_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("l");
    std::fs::create_dir_all(course.join("lessons")).unwrap();
    std::fs::write(
        course.join("lessons/course.toml"),
        "title = \"T\"\nphase = \"P\"\nbad\n",
    )
    .unwrap();
    for arg in ["l", "l/"] {
        let out = bin()
            .current_dir(dir.path())
            .args(["check", arg])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            text(&out.stderr),
            "l/lessons/course.toml:3: key with no value, expected `=`\n",
            "{arg}"
        );
    }
}
