//! Executions recorded on AWS (tests/asl/conformance: each case names the recorded snapshot it comes from) replayed
//! through the lab's simulator: status, output or error, the history's event types and the states entered.

use std::fs;

use dea_tutor::asl::{self, Flavour, json, sim};

#[derive(serde::Deserialize)]
struct Case {
    source: String,
    what: String,
    #[serde(rename = "type", default)]
    flavour: Option<String>,
    definition: String,
    #[serde(default)]
    input: Option<String>,
    #[serde(default)]
    script: Vec<String>,
    expect: Expect,
}

#[derive(serde::Deserialize)]
struct Expect {
    status: String,
    output: Option<String>,
    error: Option<String>,
    cause: Option<String>,
    cause_contains: Option<String>,
    /// AWS recorded ExecutionFailed with no error (or cause) at all: the lab shows that as an empty name.
    #[serde(default)]
    error_absent: bool,
    #[serde(default)]
    cause_absent: bool,
    #[serde(default)]
    events: Vec<String>,
    order: Option<String>,
    #[serde(default)]
    entered: Vec<String>,
}

fn check(path: &std::path::Path) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case: Case = toml::from_str(&text).map_err(|e| format!("bad fixture: {e}"))?;
    assert!(
        !case.source.is_empty() && !case.what.is_empty(),
        "{}: every case names its source",
        path.display()
    );
    let flavour =
        Flavour::parse(case.flavour.as_deref().unwrap_or("standard")).ok_or("bad type")?;
    let machine =
        asl::parse(&case.definition, flavour).map_err(|e| format!("definition rejected: {e:?}"))?;
    let input = json::parse(case.input.as_deref().unwrap_or("{}")).map_err(|e| e.to_string())?;
    let script = sim::Script::parse(&case.script)?;
    let run = sim::run(
        &machine,
        sim::Setup {
            flavour,
            input,
            script,
        },
    );
    let e = &case.expect;
    let mut problems = Vec::new();
    if run.status.name() != e.status {
        problems.push(format!(
            "status {} (expected {}) {:?} {:?}",
            run.status.name(),
            e.status,
            run.error,
            run.stopped
        ));
    }
    if let Some(out) = &e.output {
        let want = json::parse(out).map_err(|e| e.to_string())?;
        if run.output.as_ref() != Some(&want) {
            problems.push(format!(
                "output {} (expected {})",
                run.output.as_ref().map_or("none".into(), |o| o.compact()),
                want.compact()
            ));
        }
    }
    let (error, cause) = run.error.clone().unwrap_or_default();
    if let Some(want) = &e.error
        && &error != want
    {
        problems.push(format!("error {error:?} (expected {want:?})"));
    }
    if (e.error_absent && !error.is_empty()) || (e.cause_absent && !cause.is_empty()) {
        problems.push(format!("error {error:?} / cause {cause:?} (expected none)"));
    }
    if let Some(want) = &e.cause
        && &cause != want
    {
        problems.push(format!("cause {cause:?} (expected {want:?})"));
    }
    if let Some(want) = &e.cause_contains
        && !cause.contains(want.as_str())
    {
        problems.push(format!("cause {cause:?} (expected to contain {want:?})"));
    }
    let mut got: Vec<String> = run.events.iter().map(|ev| ev.kind.clone()).collect();
    let mut want = e.events.clone();
    if !want.is_empty() {
        if e.order.as_deref() == Some("any") {
            got.sort();
            want.sort();
        }
        if got != want {
            problems.push(format!("events\n    got  {got:?}\n    want {want:?}"));
        }
    }
    let entered: Vec<&str> = run.visits.iter().map(|v| v.name.as_str()).collect();
    if !e.entered.is_empty() && entered != e.entered && e.order.as_deref() != Some("any") {
        problems.push(format!("entered {entered:?} (expected {:?})", e.entered));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n  "))
    }
}

/// Cases the simulator does not reproduce yet, each with the reason. Kept short and explained in the README.
const KNOWN: &[(&str, &str)] = &[];

#[test]
fn every_recorded_execution_replays() {
    let mut paths: Vec<_> = fs::read_dir("tests/asl/conformance")
        .expect("the conformance corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 40,
        "at least 40 conformance cases, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    for p in &paths {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        match (check(p), KNOWN.iter().find(|(k, _)| *k == name)) {
            (Err(e), None) => failures.push(format!("{name}:\n  {e}")),
            (Ok(()), Some(_)) => failures.push(format!("{name}: passes now; remove it from KNOWN")),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}
