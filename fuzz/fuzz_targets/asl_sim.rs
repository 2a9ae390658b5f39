//! The first four bytes choose a setup (byte 0: the workflow type and the execution input; bytes 1–3: scripted
//! outcomes for the definition's first states), the rest is a definition. A valid definition's run must end (the
//! event limit stops loops), record at most about `sim::MAX_EVENTS` events, and its `--format json` form must
//! parse back.
#![no_main]

use std::collections::{HashSet, VecDeque};

use dea_tutor::asl::{
    self, Flavour, Machine, json,
    model::Kind,
    sim::{self, Outcome, Script, Setup},
};
use libfuzzer_sys::fuzz_target;

const INPUTS: [&str; 8] = [
    "{}",
    r#"{"items": [1, 2, 3], "x": 1, "done": true}"#,
    r#"{"x": "a", "n": 5, "s": 2, "items": []}"#,
    "[1, 2, 3]",
    r#""text""#,
    "null",
    r#"{"items": [{"a": 1}, {"a": 2}], "ts": "2026-01-01T00:01:00Z"}"#,
    r#"{"rows": 10, "status": "FAILED", "error": {"Error": "X", "Cause": "y"}}"#,
];

fn outcome(n: u8) -> Outcome {
    let fail = |error: &str, cause: Option<&str>| Outcome::Fail {
        error: error.into(),
        cause: cause.map(String::from),
    };
    match n & 7 {
        0 => Outcome::Ok(None),
        1 => Outcome::Ok(Some(json::parse(r#"{"rows": 10}"#).unwrap())),
        2 => fail("States.Timeout", None),
        3 => fail("States.TaskFailed", Some("boom")),
        4 => fail("Glue.ConcurrentRunsExceededException", None),
        5 => fail("States.HeartbeatTimeout", None),
        6 => fail("States.Runtime", Some("odd")),
        _ => Outcome::Ok(Some(json::Value::Array(Vec::new()))),
    }
}

/// Every state name, nested ones too, in definition order.
fn names(m: &Machine, out: &mut Vec<String>) {
    for s in &m.states {
        out.push(s.name.clone());
        match &s.kind {
            Kind::Parallel { branches } => branches.iter().for_each(|b| names(b, out)),
            Kind::Map(map) => names(&map.processor, out),
            _ => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, rest) = data.split_at(4);
    let text = String::from_utf8_lossy(rest);
    let flavour = if head[0] & 1 == 0 {
        Flavour::Standard
    } else {
        Flavour::Express
    };
    let Ok(machine) = asl::parse(&text, flavour) else {
        return;
    };
    let mut states = Vec::new();
    names(&machine, &mut states);
    let mut script = Script::default();
    for (name, &pick) in states.iter().zip(&head[1..]) {
        // Low three bits: the first outcome; the next three: a second one when bit 6 is set.
        let mut queue = VecDeque::from([outcome(pick)]);
        if pick & 0x40 != 0 {
            queue.push_back(outcome(pick >> 3));
        }
        if pick & 0x80 != 0 {
            queue.extend(std::iter::repeat_n(outcome(pick), 3));
        }
        script.0.insert(name.clone(), queue);
    }
    let input = json::parse(INPUTS[usize::from(head[0] >> 1) % INPUTS.len()]).unwrap();
    let run = sim::run(
        &machine,
        Setup {
            flavour,
            input,
            script,
        },
    );
    assert!(
        run.events.len() <= sim::MAX_EVENTS + 4,
        "{} events",
        run.events.len()
    );
    assert!(
        run.stopped.is_some() || run.status != sim::Status::Succeeded || run.output.is_some(),
        "a finished run has an output"
    );
    let back = json::parse(&run.to_json().pretty()).expect("to_json parses back");
    assert_eq!(
        back.get("status").and_then(|s| s.as_str()),
        Some(run.status.name())
    );
    let _ = json::parse(&run.to_json().compact()).expect("compact parses back");
    let _ = asl::diagram::plain(&machine, &run.visited(), 80);
    let _ = asl::report::markdown(&text, &run);
    let _: HashSet<&str> = run.visited();
});
