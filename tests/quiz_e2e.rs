//! Quizzes through the real binary in plain mode: a seeded drill, a seeded mock exam, stats, and progress that
//! survives SIGKILL at any moment.

mod common;

use common::{bin, text};
use std::{
    io::{Read, Write},
    path::Path,
    process::{Output, Stdio},
    sync::mpsc,
    time::Duration,
};

fn quiz(progress: &Path, args: &[&str], script: &str) -> Output {
    let args: Vec<&str> = std::iter::once("quiz")
        .chain(args.iter().copied())
        .collect();
    common::plain_run(progress, &args, script)
}

/// Answers recorded in the file: every item's right + wrong counts.
/// The built-in course's item histories in the progress file, read as plain TOML.
fn items(progress: &Path) -> toml::Table {
    let saved = std::fs::read_to_string(progress).unwrap_or_default();
    let value: toml::Table = toml::from_str(&saved).expect("the progress file always parses");
    let course = value.get("courses").and_then(|c| c.get("built-in"));
    course
        .and_then(|c| c.get("items"))
        .and_then(|i| i.as_table())
        .cloned()
        .unwrap_or_default()
}

fn answers_in(progress: &Path) -> i64 {
    items(progress)
        .values()
        .map(|v| {
            let n = |k: &str| v.get(k).and_then(|x| x.as_integer()).unwrap_or(0);
            n("right") + n("wrong")
        })
        .sum()
}

fn items_in(progress: &Path) -> usize {
    items(progress).len()
}

#[test]
fn a_seeded_drill_is_reproducible_and_saves_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let a = quiz(
        &dir.path().join("a.toml"),
        &["--topic", "11", "--seed", "42", "-n", "3"],
        "A\n\nB\n\nC\n\n",
    );
    let b = quiz(
        &dir.path().join("b.toml"),
        &["--topic", "step-functions", "--seed", "42", "-n", "3"],
        "A\n\nB\n\nC\n\n",
    );
    assert!(a.status.success(), "{}", text(&a.stderr));
    let out = text(&a.stdout);
    let without_path = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("Progress saved"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        without_path(&out),
        without_path(&text(&b.stdout)),
        "the same seed asks the same items in the same order"
    );
    assert!(
        out.starts_with("Trigger drill · Topic 11 · AWS Step Functions · 3 items"),
        "{out}"
    );
    assert!(out.contains("trigger 3 of 3"), "{out}");
    assert_eq!(out.matches("Why: ").count(), 3, "{out}");
    assert!(out.contains("of 3 right."), "{out}");
    assert!(!out.contains('\x1b'));
    assert_eq!(items_in(&dir.path().join("a.toml")), 3);
}

#[test]
fn a_seeded_mock_exam_runs_to_its_review() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    let out = quiz(
        &p,
        &["--mode", "exam", "-n", "2", "--seed", "5"],
        "A\nflag\nnext\nB\nsubmit\nsubmit\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Question 1 of 2"), "{stdout}");
    assert!(stdout.contains("Question 2 of 2"), "{stdout}");
    assert!(stdout.contains("Mock exam: "), "{stdout}");
    assert_eq!(items_in(&p), 2, "both exam questions are scheduled");
    let stats = bin()
        .args(["--progress"])
        .arg(&p)
        .arg("stats")
        .output()
        .unwrap();
    let stats = text(&stats.stdout);
    assert!(stats.contains("Your progress"), "{stats}");
    assert!(stats.contains("Reviews due today"), "{stats}");
}

#[test]
fn unknown_topic_and_mode_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = quiz(&dir.path().join("p.toml"), &["--topic", "99"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no topic \"99\""));
    let out = quiz(&dir.path().join("p.toml"), &["--mode", "speedrun"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("unknown quiz mode"),
        "{}",
        text(&out.stderr)
    );
}

/// Answers in a loop and is killed with SIGKILL at a random moment, many times: the file always parses and holds
/// every answer that was acknowledged on screen before the kill.
#[test]
fn sigkill_mid_quiz_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.toml");
    let mut seed = 0x9e37_79b9_u32;
    for round in 0..12 {
        let mut child = bin()
            .args(["--plain", "--progress"])
            .arg(&p)
            .args(["quiz", "--mode", "cram", "-n", "40"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            let mut seen = String::new();
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.push_str(&String::from_utf8_lossy(&buf[..n]));
                // "Rated" is printed only after the answer was written to disk.
                let acked = seen.matches("Rated ").count();
                if tx.send(acked).is_err() {
                    break;
                }
            }
        });
        let before = answers_in(&p);
        // xorshift: a different number of answers and a different moment each round.
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let answers = 1 + seed as usize % 5;
        let mut acked = 0;
        for _ in 0..answers {
            let _ = stdin.write_all(b"A\n\n");
            let _ = stdin.flush();
            if let Ok(n) = rx.recv_timeout(Duration::from_secs(10)) {
                acked = acked.max(n);
            }
        }
        std::thread::sleep(Duration::from_millis(u64::from(seed % 7)));
        while let Ok(n) = rx.try_recv() {
            acked = acked.max(n);
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let after = answers_in(&p);
        assert!(
            after >= before + acked as i64 && after <= before + answers as i64,
            "round {round}: {answers} sent, {acked} acknowledged, the file went from {before} to {after} answers"
        );
    }
    assert!(items_in(&p) > 0);
}
