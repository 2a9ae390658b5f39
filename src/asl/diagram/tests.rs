use std::collections::HashSet;

use unicode_width::UnicodeWidthStr;

use super::*;
use crate::asl::model::Flavour;

fn machine(def: &str) -> Machine {
    crate::asl::parse(def, Flavour::Standard).expect("valid definition")
}

fn none() -> HashSet<&'static str> {
    HashSet::new()
}

fn text(def: &str, width: usize) -> String {
    plain(&machine(def), &none(), width).join("\n")
}

/// Rows that hold a box's name line: `│ Name … Type │`.
fn box_lines<'a>(lines: &'a [String], name: &str) -> Vec<&'a String> {
    lines
        .iter()
        .filter(|l| l.contains(&format!("│ {name} ")) || l.contains(&format!("─ {name} ─")))
        .collect()
}

const LINEAR: &str = r#"{
  "Comment": "Nightly ETL: validate the drop, transform with Glue, refresh the catalog",
  "StartAt": "ValidateInput",
  "States": {
    "ValidateInput": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:validate-drop", "Next": "TransformOrders"},
    "TransformOrders": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "Parameters": {"JobName": "orders-to-parquet"}, "TimeoutSeconds": 3600, "Next": "RefreshCatalog"},
    "RefreshCatalog": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:startCrawler", "Parameters": {"Name": "orders-crawler"}, "Next": "Done"},
    "Done": {"Type": "Succeed"}
  }
}"#;

const RETRY_CATCH: &str = r#"{
  "StartAt": "RunEtlJob",
  "States": {
    "RunEtlJob": {
      "Type": "Task",
      "Resource": "arn:aws:states:::glue:startJobRun.sync",
      "Parameters": {"JobName": "daily-sales-etl"},
      "Retry": [
        {"ErrorEquals": ["Glue.ConcurrentRunsExceededException"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2},
        {"ErrorEquals": ["States.Timeout", "States.TaskFailed"], "IntervalSeconds": 30, "MaxAttempts": 2, "BackoffRate": 1.5, "MaxDelaySeconds": 60}
      ],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "NotifyTeam"}],
      "Next": "UpdateCatalog"
    },
    "UpdateCatalog": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:startCrawler", "Parameters": {"Name": "sales-crawler"}, "End": true},
    "NotifyTeam": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sns:publish",
      "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:etl-alerts", "Message.$": "$.error.Cause"},
      "ResultPath": null,
      "Next": "JobFailed"
    },
    "JobFailed": {"Type": "Fail", "Error": "EtlFailed", "Cause": "The Glue job failed after its retries"}
  }
}"#;

const CHOICE: &str = r#"{
  "StartAt": "RunQualityCheck",
  "States": {
    "RunQualityCheck": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "Parameters": {"JobName": "dq-check"}, "Next": "CheckResult"},
    "CheckResult": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.status", "StringEquals": "FAILED", "Next": "NotifyTeam"},
        {"And": [{"Variable": "$.rows", "NumericGreaterThan": 0}, {"Variable": "$.rejected", "IsPresent": false}], "Next": "LoadRedshift"},
        {"Variable": "$.rows", "NumericGreaterThanEqualsPath": "$.minimum", "Next": "LoadRedshift"}
      ],
      "Default": "NothingToLoad"
    },
    "LoadRedshift": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:redshiftdata:executeStatement", "Parameters": {"Sql": "COPY sales FROM 's3://bucket/clean/'"}, "End": true},
    "NotifyTeam": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"Message": "quality check failed"}, "Next": "WaitAndRetry"},
    "WaitAndRetry": {"Type": "Wait", "Seconds": 300, "Next": "RunQualityCheck"},
    "NothingToLoad": {"Type": "Succeed"}
  }
}"#;

const PARALLEL: &str = r#"{
  "StartAt": "LoadSources",
  "States": {
    "LoadSources": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "LoadOrders", "States": {
          "LoadOrders": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "Parameters": {"JobName": "load-orders"}, "End": true}
        }},
        {"StartAt": "ExportCustomers", "States": {
          "ExportCustomers": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:exportTableToPointInTime", "Parameters": {"TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/customers", "S3Bucket": "exports"}, "Next": "CleanCustomers"},
          "CleanCustomers": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:clean-customers", "End": true}
        }}
      ],
      "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 5, "MaxAttempts": 1}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "NotifyFailure"}],
      "Next": "JoinTables"
    },
    "JoinTables": {"Type": "Task", "Resource": "arn:aws:states:::athena:startQueryExecution.sync", "Parameters": {"QueryString": "INSERT INTO joined SELECT 1"}, "End": true},
    "NotifyFailure": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"Message": "load failed"}, "End": true}
  }
}"#;

const MAP: &str = r#"{
  "StartAt": "ListNewFiles",
  "States": {
    "ListNewFiles": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:listObjectsV2", "Parameters": {"Bucket": "landing"}, "ResultSelector": {"files.$": "$.Contents"}, "Next": "ProcessFiles"},
    "ProcessFiles": {
      "Type": "Map",
      "ItemsPath": "$.files",
      "MaxConcurrency": 5,
      "ToleratedFailurePercentage": 10,
      "ItemProcessor": {
        "ProcessorConfig": {"Mode": "INLINE"},
        "StartAt": "CheckSize",
        "States": {
          "CheckSize": {"Type": "Choice", "Choices": [{"Variable": "$.Size", "NumericGreaterThan": 104857600, "Next": "ConvertWithGlue"}], "Default": "ConvertWithLambda"},
          "ConvertWithGlue": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "Parameters": {"JobName": "csv-to-parquet", "Arguments": {"--key.$": "$.Key"}}, "End": true},
          "ConvertWithLambda": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:csv-to-parquet", "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "MaxAttempts": 6, "BackoffRate": 2, "JitterStrategy": "FULL"}], "End": true}
        }
      },
      "Next": "Summarize"
    },
    "Summarize": {"Type": "Pass", "Result": {"status": "done"}, "End": true}
  }
}"#;

const ALL: [&str; 5] = [LINEAR, RETRY_CATCH, CHOICE, PARALLEL, MAP];

fn names(m: &Machine, out: &mut Vec<String>) {
    for s in &m.states {
        out.push(s.name.clone());
        for (_, inner) in children(s) {
            names(inner, out);
        }
    }
}

#[test]
fn every_state_is_one_box_at_80_columns() {
    for def in ALL {
        let m = machine(def);
        let lines = plain(&m, &none(), 80);
        let mut all = Vec::new();
        names(&m, &mut all);
        for name in all {
            assert_eq!(
                box_lines(&lines, &name).len(),
                1,
                "{name} once in\n{}",
                lines.join("\n")
            );
        }
    }
}

#[test]
fn a_linear_chain_flows_straight_down_and_ends() {
    let t = text(LINEAR, 80);
    assert_eq!(
        t.matches("  ▼").count(),
        4,
        "start mark and three Next arrows:\n{t}"
    );
    assert!(
        !t.contains("─▶"),
        "no labelled edges in a straight chain:\n{t}"
    );
    assert!(t.contains("lambda validate-drop"));
    assert!(t.contains("glue:startJobRun.sync · timeout 3600 s"));
    assert!(t.trim_end().ends_with("◉ end"), "{t}");
}

#[test]
fn retry_and_catch_are_marked_apart_from_the_flow() {
    let t = text(RETRY_CATCH, 80);
    assert!(
        t.contains("↻ retry Glue.ConcurrentRunsExceededException ×3 (2 s, backoff ×2)"),
        "{t}"
    );
    assert!(
        t.contains("↻ retry States.Timeout, States.TaskFailed ×2 (30 s, backoff ×1.5, max 60 s)"),
        "{t}"
    );
    assert!(t.contains("├┄ catch States.ALL ┄▶ NotifyTeam"), "{t}");
    assert!(
        t.contains("│ error EtlFailed ") && t.contains("│ cause The Glue job failed"),
        "{t}"
    );
    let rows = draw(&machine(RETRY_CATCH), &none(), 80);
    assert!(
        rows.iter()
            .flatten()
            .any(|(s, tone)| s.contains("catch States.ALL") && *tone == Tone::Catch)
    );
    assert!(
        rows.iter()
            .flatten()
            .any(|(s, tone)| s.contains("↻ retry") && *tone == Tone::Retry)
    );
}

#[test]
fn choice_rules_are_labelled_and_default_is_otherwise() {
    let t = text(CHOICE, 80);
    assert!(
        t.contains(r#"├─ $.status == "FAILED" ─▶ NotifyTeam"#),
        "{t}"
    );
    assert!(
        t.contains("├─ And($.rows > 0, !IsPresent $.rejected) ─▶ LoadRedshift"),
        "{t}"
    );
    assert!(t.contains("├─ $.rows >= $.minimum ─▶ LoadRedshift"), "{t}");
    assert!(t.contains("└─ otherwise ─▶ NothingToLoad"), "{t}");
    assert!(
        t.contains("└──▶ RunQualityCheck ↑"),
        "the loop back is marked:\n{t}"
    );
    assert!(t.contains("wait 300 s"), "{t}");
}

#[test]
fn a_choice_without_default_says_what_happens() {
    let def = r#"{"StartAt": "C", "States": {
        "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "A"}]},
        "A": {"Type": "Succeed"}}}"#;
    assert!(text(def, 80).contains("└┄ no Default"));
}

#[test]
fn parallel_branches_are_nested_inside_the_frame() {
    let lines = plain(&machine(PARALLEL), &none(), 80);
    let t = lines.join("\n");
    assert!(t.contains("╭─ LoadSources ─"), "{t}");
    assert!(
        t.contains("├╌ branch 1 ╌") && t.contains("├╌ branch 2 ╌"),
        "{t}"
    );
    for inner in ["LoadOrders", "ExportCustomers", "CleanCustomers"] {
        let line = box_lines(&lines, inner)[0];
        assert!(
            line.starts_with("│ │ "),
            "{inner} is inside the frame: {line}"
        );
    }
    assert!(t.contains("├┄ catch States.ALL ┄▶ NotifyFailure"), "{t}");
}

#[test]
fn a_map_shows_its_items_and_a_nested_choice() {
    let lines = plain(&machine(MAP), &none(), 80);
    let t = lines.join("\n");
    assert!(
        t.contains("for each item of $.files (max 5 at once)"),
        "{t}"
    );
    assert!(t.contains("tolerates 10% failed items"), "{t}");
    assert!(box_lines(&lines, "CheckSize")[0].starts_with("│ │ "), "{t}");
    assert!(
        t.contains("│   ├─ $.Size > 104857600 ─▶ ConvertWithGlue"),
        "{t}"
    );
    assert!(t.contains("jitter"), "{t}");
}

#[test]
fn taken_states_are_marked() {
    let m = machine(RETRY_CATCH);
    let taken: HashSet<&str> = [
        "/States/RunEtlJob",
        "/States/NotifyTeam",
        "/States/JobFailed",
    ]
    .into_iter()
    .collect();
    for width in [80, 20] {
        let lines = plain(&m, &taken, width);
        let marked: Vec<&String> = lines.iter().filter(|l| l.contains("✓ ")).collect();
        assert_eq!(marked.len(), 3, "width {width}:\n{}", lines.join("\n"));
        assert!(!lines.iter().any(|l| l.contains("✓ UpdateCatalog")));
    }
    let rows = draw(&m, &taken, 80);
    assert!(
        rows.iter()
            .flatten()
            .any(|(s, t)| s.contains("catch States.ALL") && *t == Tone::Taken)
    );
    assert!(
        rows.iter()
            .flatten()
            .any(|(s, t)| s.starts_with('╭') && *t == Tone::Taken)
    );
}

#[test]
fn narrow_widths_fall_back_to_a_list() {
    let t = text(RETRY_CATCH, 29);
    assert!(
        t.contains("  ↻ retry Glue.Con"),
        "error names keep room before the counts:\n{t}"
    );
    let t = text(PARALLEL, 24);
    assert!(!t.contains('╭'), "{t}");
    assert!(t.contains("LoadSources  Parallel"), "{t}");
    assert!(
        t.contains("    LoadOrders  Task"),
        "nested states are indented:\n{t}"
    );
}

#[test]
fn no_row_is_wider_than_asked() {
    let taken: HashSet<&str> = ["/States/LoadSources", "/States/RunEtlJob"]
        .into_iter()
        .collect();
    for def in ALL {
        let m = machine(def);
        for width in 0..=250 {
            for row in draw(&m, &taken, width) {
                let line: String = row.iter().map(|(s, _)| s.as_str()).collect();
                assert!(line.width() <= width, "{} > {width}: {line}", line.width());
            }
        }
    }
}

#[test]
fn unreachable_states_are_drawn_last_under_a_note() {
    // check refuses such a definition, so the orphan is added in code: the diagram must still cope.
    let mut m = machine(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#);
    let mut orphan = m.states[0].clone();
    orphan.name = "Orphan".into();
    m.states.insert(0, orphan);
    let t = plain(&m, &none(), 80).join("\n");
    let note = t.find("not reachable from StartAt").expect("note");
    assert!(
        t.find("│ A ").unwrap() < note && note < t.find("│ Orphan").unwrap(),
        "{t}"
    );
}

#[test]
fn snapshot_retry_catch_80() {
    insta::assert_snapshot!(text(RETRY_CATCH, 80));
}

#[test]
fn snapshot_parallel_80() {
    insta::assert_snapshot!(text(PARALLEL, 80));
}

#[test]
fn snapshot_map_80() {
    insta::assert_snapshot!(text(MAP, 80));
}

#[test]
fn snapshot_choice_80() {
    insta::assert_snapshot!(text(CHOICE, 80));
}

/// Big and deep machines: bounded output, never wider than asked.
#[path = "tests_large.rs"]
mod large;
