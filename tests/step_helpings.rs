//! `repeat` and `example` belong to the step, through the real binary in plain mode: at every teaching step of every
//! topic they show a text of that step's own, different from the step and from each other, and `example` never shows
//! a scenario linked to a later step.

mod common;

use common::{bin, text};
use dea_tutor::course::{Course, pieces::Kind};

/// Runs plain mode on `script` from topic `number`, step 1.
fn plain(number: u32, script: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let n = number.to_string();
    let args = ["--topic", &n, "--step", "1"];
    let out = common::plain_run(&dir.path().join("p.toml"), &args, script);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Wrapped at spaces: joined back (and spacing collapsed), every sentence reads whole.
    text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first words of a piece, as plain text shows them (markdown marks dropped).
fn opening(markdown: &str) -> String {
    let first = markdown
        .lines()
        .map(str::trim)
        .find(|l| {
            !l.is_empty() && !l.starts_with("```") && !l.starts_with('|') && !l.starts_with('#')
        })
        .unwrap_or_default();
    let plain: String = first
        .chars()
        .filter(|c| !matches!(c, '*' | '`' | '>'))
        .collect();
    plain
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_step_of_every_topic_repeats_and_exemplifies_itself() {
    let course = Course::built_in().unwrap();
    for t in &course.topics {
        let steps = &t.lesson().steps;
        let mut script = String::new();
        for _ in steps {
            script.push_str("repeat\nexample\nback\ncontinue\n");
        }
        script.push_str("quit\n");
        let out = plain(t.number(), &script);
        for (k, s) in steps.iter().enumerate() {
            let again = s.pieces(Kind::Again);
            let example = s.pieces(Kind::Example);
            assert!(
                !again.is_empty() && !example.is_empty(),
                "topic {} step {}",
                t.number(),
                k + 1
            );
            for p in [&again[0], &example[0]] {
                let words = opening(p.markdown);
                assert!(
                    out.contains(&words),
                    "topic {} step {}: `{words}` not shown",
                    t.number(),
                    k + 1
                );
                assert!(
                    !s.shown().contains(p.markdown),
                    "a piece repeats its step's text"
                );
            }
            assert_ne!(again[0].markdown, example[0].markdown);
        }
    }
}

#[test]
fn no_step_offers_a_scenario_or_angle_that_needs_a_later_step() {
    let course = Course::built_in().unwrap();
    for t in &course.topics {
        let l = t.lesson();
        for p in l.scenarios.iter().chain(&l.angles) {
            let need = p
                .needs_step()
                .unwrap_or_else(|| panic!("topic {}: an unlinked part", t.number()));
            assert!(need < l.steps.len());
        }
        let mut s = dea_tutor::session::Session::new(&course, None);
        let at = course
            .topics
            .iter()
            .position(|x| x.slug() == t.slug())
            .unwrap();
        for k in 0..l.steps.len() {
            s.open_topic(at, k);
            for screen in s
                .helpings(Kind::Example)
                .into_iter()
                .chain(s.helpings(Kind::Again))
            {
                let need = match screen {
                    dea_tutor::session::Screen::Scenario(i) => l.scenarios[i].needs_step(),
                    dea_tutor::session::Screen::Angle(i) => l.angles[i].needs_step(),
                    _ => Some(k),
                };
                assert!(
                    need.is_some_and(|n| n <= k),
                    "topic {} step {}: {screen:?}",
                    t.number(),
                    k + 1
                );
            }
        }
    }
}

/// Wrong answers, through the real binary: `step` re-reads the step behind the answer, and stats and the `done`
/// summary list the steps to re-read.
#[test]
fn wrong_answers_lead_back_to_their_steps() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    // Answer every item of a short drill with each letter in turn until one is wrong; `step` after each answer.
    let args = ["quiz", "--topic", "11", "--seed", "3", "-n", "4"];
    let out = common::plain_run(
        &progress,
        &args,
        "a\nstep\n\na\nstep\n\nb\nstep\n\nc\nstep\n\n",
    );
    let quiz = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        quiz.contains("Not quite"),
        "the script gives a wrong answer: {quiz}"
    );
    {
        assert!(quiz.contains("── Re-reading step "), "{quiz}");
        assert!(
            quiz.contains("## Steps to re-read") || quiz.contains("Steps to re-read"),
            "{quiz}"
        );
        let stats = bin()
            .args(["--progress"])
            .arg(&progress)
            .arg("stats")
            .output()
            .unwrap();
        let stats = text(&stats.stdout);
        assert!(stats.contains("Steps to re-read"), "{stats}");
        assert!(stats.contains("dea-tutor --topic 11 --step "), "{stats}");
        let summary = text(&common::plain_run(&progress, &[], "done\n").stdout);
        assert!(summary.contains("Steps to re-read"), "{summary}");
    }
}
