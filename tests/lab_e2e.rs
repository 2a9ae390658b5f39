//! The Step Functions lab as a learner meets it: `lab run` on a file (text and JSON), the exercises in plain mode
//! (predict, answer, see the run), and in the full-screen tutor (diagram, Ctrl-T to the JSON, edit in $EDITOR).

mod common;

use std::{path::Path, time::Duration};

use common::{bin, plain_run, text};
use dea_tutor::asl::json;

const RETRY_CATCH: &str = r#"{
  "StartAt": "RunJob",
  "States": {
    "RunJob": {
      "Type": "Task",
      "Resource": "arn:aws:states:::glue:startJobRun.sync",
      "Parameters": {"JobName": "nightly-orders"},
      "Retry": [{"ErrorEquals": ["Glue.ConcurrentRunsExceededException"], "IntervalSeconds": 2, "MaxAttempts": 2, "BackoffRate": 2}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "NotifyTeam"}],
      "Next": "Done"
    },
    "NotifyTeam": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"Message.$": "$.error.Cause"}, "ResultPath": null, "Next": "MarkFailed"},
    "MarkFailed": {"Type": "Fail", "Error": "NightlyOrdersFailed"},
    "Done": {"Type": "Succeed"}
  }
}"#;

fn write_definition(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("retry-catch.asl.json");
    std::fs::write(&file, RETRY_CATCH).unwrap();
    file
}

#[test]
fn lab_run_json_shows_backoff_waits_and_the_catch_route() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_definition(dir.path());
    let script = "RunJob=fail:Glue.ConcurrentRunsExceededException,fail:Glue.ConcurrentRunsExceededException,fail:Glue.ConcurrentRunsExceededException:busy";
    let out = bin()
        .args(["lab", "run"])
        .arg(&file)
        .args(["--script", script, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = json::parse(&text(&out.stdout)).expect("JSON out");
    assert_eq!(v.get("status").and_then(|s| s.as_str()), Some("FAILED"));
    assert_eq!(
        v.get("error")
            .and_then(|e| e.get("Error"))
            .and_then(|e| e.as_str()),
        Some("NightlyOrdersFailed")
    );
    let events = v.get("events").and_then(|e| e.as_array()).unwrap();
    // Three attempts, at 0 s, after 2 s and after 4 s more: the Catch route starts at 6 s.
    let scheduled: Vec<f64> = events
        .iter()
        .filter(|e| {
            e.get("type").and_then(|t| t.as_str()) == Some("TaskScheduled")
                && e.get("state").and_then(|s| s.as_str()) == Some("RunJob")
        })
        .map(|e| e.get("t").and_then(|t| t.as_f64()).unwrap())
        .collect();
    assert_eq!(scheduled, [0.0, 2.0, 6.0]);
    let entered: Vec<&str> = events
        .iter()
        .filter(|e| {
            e.get("type")
                .and_then(|t| t.as_str())
                .is_some_and(|t| t.ends_with("StateEntered"))
        })
        .filter_map(|e| e.get("state").and_then(|s| s.as_str()))
        .collect();
    assert_eq!(entered, ["RunJob", "NotifyTeam", "MarkFailed"]);
    assert_eq!(
        events
            .last()
            .and_then(|e| e.get("type"))
            .and_then(|t| t.as_str()),
        Some("ExecutionFailed")
    );
}

#[test]
fn lab_run_text_draws_the_path_taken() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_definition(dir.path());
    let out = bin()
        .args(["lab", "run"])
        .arg(&file)
        .args(["--script", "RunJob=fail:States.TaskFailed"])
        .output()
        .unwrap();
    let shown = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        shown.contains("✓ RunJob") && shown.contains("✓ NotifyTeam") && !shown.contains("✓ Done"),
        "{shown}"
    );
    assert!(shown.contains("catch States.ALL"), "{shown}");
    assert!(
        shown.contains("Result: FAILED after 0 s: NightlyOrdersFailed"),
        "{shown}"
    );
    assert!(
        shown
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80),
        "{shown}"
    );
}

#[test]
fn lab_run_rejects_bad_definitions_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}\n  }\n}\n").unwrap();
    let out = bin().args(["lab", "run"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.json:4:") && err.contains("Nowhere"),
        "{err}"
    );
    let express = bin()
        .args(["lab", "run"])
        .arg(write_definition(dir.path()))
        .args(["--type", "express"])
        .output()
        .unwrap();
    assert_eq!(express.status.code(), Some(1));
    assert!(
        text(&express.stderr).contains(".sync"),
        "{}",
        text(&express.stderr)
    );
}

#[test]
fn plain_lab_asks_first_then_shows_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    // The first exercise of topic 11, answered, then left.
    let out = plain_run(&progress, &["lab", "--topic", "11"], "a\ndone\n");
    let shown = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let asked = shown
        .find("Predict, then run")
        .expect("the exercise asks first");
    let ran = shown.find("The run").expect("then the run");
    assert!(asked < ran, "{shown}");
    assert!(
        shown.contains("History") && shown.contains("ExecutionStarted"),
        "{shown}"
    );
    assert!(
        shown.contains("state machine"),
        "the diagram is drawn: {shown}"
    );
    // It counts like any quiz item: the answer is saved for spaced repetition.
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("sfn-lab-"), "{saved}");
    // `edit` without a terminal says how to run a changed definition instead.
    let out = plain_run(&progress, &["lab", "--topic", "11"], "a\nedit\ndone\n");
    assert!(
        text(&out.stdout).contains("lab run FILE"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn plain_source_shows_the_json_instead_of_the_diagram() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let out = plain_run(
        &progress,
        &["--topic", "11", "--step", "6"],
        "source\ndone\n",
    );
    let shown = text(&out.stdout);
    let (before, after) = shown
        .split_once("JSON source")
        .expect("`source` reprints the step with the JSON");
    assert!(
        before.contains("╭") && before.contains("catch"),
        "a diagram first: {before}"
    );
    assert!(after.contains("\"StartAt\""), "{after}");
}

#[test]
fn tui_lab_diagram_source_toggle_and_edit() {
    use rexpect::session::spawn_command;
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    // An "editor" that renames a state's error: the lab runs the edited definition when it exits.
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nsed -i 's/\"StartAt\"/\"Comment\": \"edited by the learner\", \"StartAt\"/' \"$1\"\n").unwrap();
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("stty cols 100 rows 40 && exec \"$0\" --progress \"$1\" lab --topic 11")
        .arg(env!("CARGO_BIN_EXE_dea-tutor"))
        .arg(&progress)
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("VISUAL", format!("sh {}", editor.display()));
    let mut p = spawn_command(cmd, Some(Duration::from_secs(20).as_millis() as u64)).unwrap();
    // (ratatui redraws only the cells that change, so single words of each screen are matched, in order.)
    p.exp_string("Predict").unwrap();
    p.exp_string("machine").unwrap();
    // Ctrl-T: the JSON source instead of the diagram; again: the diagram.
    p.send("\x14").unwrap();
    p.flush().unwrap();
    p.exp_string("\"StartAt\"").unwrap();
    p.send("\x14a\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Answer").unwrap();
    // `e` then Enter: the editor runs (no key is read behind its back), then the edit is run.
    p.send("e\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Your").unwrap();
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
}
