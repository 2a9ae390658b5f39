use super::*;
use crate::asl::json;

fn go(def: &str, input: &str, script: &[&str]) -> Run {
    let m = crate::asl::parse(def, Flavour::Standard).unwrap_or_else(|e| panic!("{def}\n{e:?}"));
    run(
        &m,
        Setup {
            flavour: Flavour::Standard,
            input: json::parse(input).unwrap(),
            script: Script::parse(script).unwrap(),
        },
    )
}

const RETRY_CATCH: &str = r#"{
  "StartAt": "RunJob",
  "States": {
    "RunJob": {
      "Type": "Task",
      "Resource": "arn:aws:states:::glue:startJobRun.sync",
      "Parameters": {"JobName": "nightly"},
      "Retry": [
        {"ErrorEquals": ["Glue.ConcurrentRunsExceededException"], "IntervalSeconds": 2, "MaxAttempts": 2, "BackoffRate": 2},
        {"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}
      ],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Notify"}],
      "Next": "Done"
    },
    "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"Message.$": "$.error.Cause"}, "ResultPath": null, "Next": "Failed"},
    "Failed": {"Type": "Fail", "Error": "NightlyFailed"},
    "Done": {"Type": "Succeed"}
  }
}"#;

#[test]
fn retries_wait_with_backoff_then_succeed() {
    let r = go(
        RETRY_CATCH,
        r#"{"day": 1}"#,
        &[
            "RunJob=fail:Glue.ConcurrentRunsExceededException,fail:Glue.ConcurrentRunsExceededException,ok:{\"rows\":10}",
        ],
    );
    assert_eq!(r.status, Status::Succeeded);
    assert_eq!(r.seconds, 6.0, "waits of 2 s and 4 s");
    assert_eq!(r.output.unwrap().compact(), r#"{"rows":10}"#);
    let kinds: Vec<&str> = r.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "TaskScheduled").count(), 3);
    assert_eq!(kinds.first(), Some(&"ExecutionStarted"));
    assert_eq!(kinds.last(), Some(&"ExecutionSucceeded"));
}

#[test]
fn exhausted_retries_go_to_the_catcher_and_keep_the_input() {
    let r = go(
        RETRY_CATCH,
        r#"{"day": 1}"#,
        &[
            "RunJob=fail:Glue.ConcurrentRunsExceededException:busy,fail:Glue.ConcurrentRunsExceededException:busy,fail:Glue.ConcurrentRunsExceededException:busy",
        ],
    );
    assert_eq!(r.status, Status::Failed);
    assert_eq!(r.error, Some(("NightlyFailed".into(), String::new())));
    assert_eq!(r.last_state(), Some("Failed"));
    let notify = r.visits.iter().find(|v| v.name == "Notify").unwrap();
    assert_eq!(
        notify.input.compact(),
        r#"{"day":1,"error":{"Error":"Glue.ConcurrentRunsExceededException","Cause":"busy"}}"#
    );
    assert_eq!(r.seconds, 6.0);
}

#[test]
fn a_retrier_with_max_attempts_zero_never_retries() {
    let r = go(
        RETRY_CATCH,
        "{}",
        &["RunJob=fail:Glue.AccessDeniedException"],
    );
    assert_eq!(r.seconds, 0.0);
    assert_eq!(
        r.events
            .iter()
            .filter(|e| e.kind == "TaskScheduled" && e.state.as_deref() == Some("RunJob"))
            .count(),
        1
    );
    assert_eq!(r.last_state(), Some("Failed"));
}

#[test]
fn states_all_does_not_catch_a_runtime_error() {
    let def = r#"{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.missing",
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}], "End": true},
        "C": {"Type": "Pass", "End": true}}}"#;
    let r = go(def, "{}", &[]);
    assert_eq!(r.status, Status::Failed);
    assert_eq!(r.error.as_ref().unwrap().0, "States.Runtime");
    assert!(r.error.unwrap().1.contains("$.missing"));
}

#[test]
fn choice_default_and_no_match() {
    let def = |default: &str| {
        format!(
            r#"{{"StartAt": "C", "States": {{
        "C": {{"Type": "Choice", "Choices": [{{"Variable": "$.rows", "NumericGreaterThan": 0, "Next": "Load"}}, {{"Variable": "$.rows", "NumericLessThan": 0, "Next": "Skip"}}]{default}}},
        "Load": {{"Type": "Succeed"}}, "Skip": {{"Type": "Succeed"}}}}}}"#
        )
    };
    assert_eq!(
        go(&def(""), r#"{"rows": 5}"#, &[]).last_state(),
        Some("Load")
    );
    assert_eq!(
        go(&def(r#", "Default": "Skip""#), r#"{"rows": 0}"#, &[]).last_state(),
        Some("Skip")
    );
    let r = go(&def(""), r#"{"rows": 0}"#, &[]);
    // AWS reserves States.NoChoiceMatched for future use: no match and no Default is a runtime error.
    let (error, cause) = r.error.unwrap();
    assert_eq!(error, "States.Runtime");
    assert!(cause.contains("no Default"), "{cause}");
}

#[test]
fn parallel_outputs_an_array_and_map_iterates() {
    let def = r#"{"StartAt": "P", "States": {
        "P": {"Type": "Parallel", "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 5, "End": true}}}], "ResultPath": "$.par", "Next": "M"},
        "M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1, "ResultPath": "$.out",
              "ItemSelector": {"i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value"},
              "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 2, "End": true}}}, "End": true}}}"#;
    let r = go(def, r#"{"items": ["x", "y"]}"#, &[]);
    assert_eq!(r.status, Status::Succeeded, "{:?}", r.error);
    // Parallel runs its branches side by side (5 s), Map one item at a time (2 × 2 s).
    assert_eq!(r.seconds, 9.0);
    let out = r.output.unwrap();
    assert_eq!(
        out.get("out").unwrap().compact(),
        r#"[{"i":0,"v":"x"},{"i":1,"v":"y"}]"#
    );
    assert_eq!(
        out.get("par").unwrap().compact(),
        r#"[1,{"items":["x","y"]}]"#
    );
}

#[test]
fn timeouts_advance_the_clock_and_a_loop_is_bounded() {
    let def = r#"{"StartAt": "T", "TimeoutSeconds": 100, "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "TimeoutSeconds": 30,
              "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "L"}], "End": true},
        "L": {"Type": "Wait", "Seconds": 40, "Next": "L2"}, "L2": {"Type": "Wait", "Seconds": 40, "End": true}}}"#;
    let r = go(def, "{}", &["T=fail:States.Timeout"]);
    assert_eq!(r.status, Status::TimedOut);
    assert_eq!(r.seconds, 100.0);
    let looped = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "C"},
        "C": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "End"}], "Default": "A"},
        "End": {"Type": "Succeed"}}}"#;
    let r = go(looped, "{}", &[]);
    assert!(r.stopped.unwrap().contains("25000"));
}

#[test]
fn express_rejects_sync_and_stops_at_five_minutes() {
    let sync = r#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "End": true}}}"#;
    assert!(
        crate::asl::parse(sync, Flavour::Express).unwrap_err()[0]
            .message
            .contains("Express")
    );
    let wait =
        r#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 600, "End": true}}}"#;
    let m = crate::asl::parse(wait, Flavour::Express).unwrap();
    let r = run(
        &m,
        Setup {
            flavour: Flavour::Express,
            ..Setup::default()
        },
    );
    assert_eq!((r.status, r.seconds), (Status::TimedOut, 300.0));
}
