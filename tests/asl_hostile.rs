//! Hostile Step Functions definitions through the real `dea-tutor lab run`: a cycle without a Wait, a Map over
//! 10,000 items, deep nesting, a definition over 1 MB, malformed JSON, unknown fields, bad arguments, states that
//! never end. Each gets a clear error or a bounded run (exit 3 and `stopped` naming the lab's limit), never a hang,
//! a panic or a stack overflow. There are no timing assertions: a test that returns has not hung.

use std::{
    fmt::Write as _,
    fs,
    path::Path,
    process::{Command, Output},
};

use dea_tutor::asl::{self, Flavour, json, sim};

const BIN: &str = env!("CARGO_BIN_EXE_dea-tutor");

struct Lab {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Lab {
    fn json(&self) -> json::Value {
        json::parse(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    fn stopped(&self) -> String {
        self.json()
            .get("stopped")
            .and_then(|s| s.as_str())
            .unwrap_or_default()
            .to_string()
    }

    /// The simulated seconds of the last event.
    fn seconds(&self) -> f64 {
        let v = self.json();
        let events = v.get("events").and_then(|e| e.as_array()).expect("events");
        events
            .last()
            .and_then(|e| e.get("t"))
            .and_then(|t| t.as_f64())
            .expect("a last event with t")
    }

    fn events(&self) -> usize {
        self.json()
            .get("events")
            .and_then(|e| e.as_array())
            .map_or(0, |e| e.len())
    }

    fn status(&self) -> String {
        self.json()
            .get("status")
            .and_then(|s| s.as_str())
            .unwrap_or_default()
            .to_string()
    }

    /// No panic message, no overflow: the process ended by itself with one of the documented codes.
    fn assert_clean(&self) {
        assert!(
            (0..=3).contains(&self.code),
            "exit {}\nstderr: {}",
            self.code,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("overflow"),
            "{}",
            self.stderr
        );
    }
}

fn finish(out: Output) -> Lab {
    let lab = Lab {
        // A signal (a stack overflow aborts) has no code: -1 fails every assertion on codes.
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    lab.assert_clean();
    lab
}

/// Writes the definition to `dir/name` and runs `lab run` on it with the extra arguments.
fn lab(dir: &Path, name: &str, definition: &str, args: &[&str]) -> Lab {
    let file = dir.join(name);
    fs::write(&file, definition).unwrap();
    let out = Command::new(BIN)
        .args(["lab", "run"])
        .arg(&file)
        .args(args)
        .env("NO_COLOR", "1")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .expect("the binary runs");
    finish(out)
}

fn json_lab(dir: &Path, name: &str, definition: &str, args: &[&str]) -> Lab {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    lab(dir, name, definition, &all)
}

const CYCLE: &str = r#"{
  "Comment": "Pass and Choice forever: $.stop is never set",
  "StartAt": "Loop",
  "States": {
    "Loop": { "Type": "Pass", "Next": "Check" },
    "Check": {
      "Type": "Choice",
      "Choices": [{ "Variable": "$.stop", "IsPresent": true, "Next": "Done" }],
      "Default": "Loop"
    },
    "Done": { "Type": "Succeed" }
  }
}"#;

// (a) A cycle without a Wait stops at the event limit, with a message saying so.
#[test]
fn a_cycle_without_a_wait_stops_at_the_event_limit() {
    let dir = tempfile::tempdir().unwrap();
    assert!(asl::parse(CYCLE, Flavour::Standard).is_ok(), "valid ASL");
    let run = json_lab(dir.path(), "cycle.json", CYCLE, &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let stopped = run.stopped();
    assert!(
        stopped.contains(&sim::MAX_EVENTS.to_string()) && stopped.contains("events"),
        "{stopped}"
    );
    assert!(run.events() <= sim::MAX_EVENTS + 2, "{}", run.events());
    // Express too: no Wait, so the clock never reaches five minutes; the event limit ends it.
    let run = json_lab(dir.path(), "cycle.json", CYCLE, &["--type", "express"]);
    assert_eq!(run.code, 3);
    assert!(run.stopped().contains("events"));
    // The text report says the same, in words.
    let run = lab(dir.path(), "cycle.json", CYCLE, &[]);
    assert_eq!(run.code, 3);
    assert!(
        run.stdout.contains(&sim::MAX_EVENTS.to_string()),
        "{}",
        run.stdout
    );
}

fn map_definition(processor: &str, max_concurrency: usize) -> String {
    format!(
        r#"{{
  "StartAt": "Each",
  "States": {{
    "Each": {{
      "Type": "Map",
      "ItemsPath": "$.items",
      "MaxConcurrency": {max_concurrency},
      "ItemProcessor": {{
        "ProcessorConfig": {{ "Mode": "INLINE" }},
        "StartAt": "Work",
        "States": {{ {processor} }}
      }},
      "End": true
    }}
  }}
}}"#
    )
}

fn items(n: usize) -> String {
    let mut s = String::from(r#"{"items": ["#);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, "{i}");
    }
    s.push_str("]}");
    s
}

// (b) A Map over 10,000 items ends: at the event limit, or done.
#[test]
fn a_map_over_ten_thousand_items_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let def = map_definition(r#""Work": { "Type": "Pass", "End": true }"#, 0);
    let input = items(10_000);
    let run = json_lab(dir.path(), "map.json", &def, &["--input", &input]);
    match run.code {
        3 => assert!(run.stopped().contains("events"), "{}", run.stopped()),
        0 => assert_eq!(run.status(), "SUCCEEDED"),
        c => panic!("exit {c}: {}", run.stderr),
    }
    assert!(run.events() <= sim::MAX_EVENTS + 2);
}

// (b) 1,000 items that each wait 2 s, ten at a time: 100 rounds of 2 s.
#[test]
fn map_concurrency_sets_the_simulated_time() {
    let dir = tempfile::tempdir().unwrap();
    let (n, concurrency, wait) = (1_000usize, 10usize, 2u64);
    let def = map_definition(
        &format!(r#""Work": {{ "Type": "Wait", "Seconds": {wait}, "End": true }}"#),
        concurrency,
    );
    let run = json_lab(dir.path(), "map.json", &def, &["--input", &items(n)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.status(), "SUCCEEDED");
    let expected = (n.div_ceil(concurrency) as u64 * wait) as f64;
    assert_eq!(run.seconds(), expected);
    let output = run.json();
    let output = output.get("output").and_then(|o| o.as_array()).unwrap();
    assert_eq!(output.len(), n);
    // Unbounded concurrency: every item waits at once.
    let def = map_definition(
        &format!(r#""Work": {{ "Type": "Wait", "Seconds": {wait}, "End": true }}"#),
        0,
    );
    let run = json_lab(dir.path(), "map0.json", &def, &["--input", &items(n)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.seconds(), wait as f64);
}

/// `levels` Parallel states, each the only state of its parent's one branch, around a Pass.
fn nested_parallel(levels: usize) -> String {
    let mut s = String::from(r#"{"StartAt": "P0", "States": {"P0": "#);
    for i in 0..levels {
        let _ = write!(
            s,
            r#"{{"Type": "Parallel", "End": true, "Branches": [{{"StartAt": "P{}", "States": {{"P{}": "#,
            i + 1,
            i + 1
        );
    }
    s.push_str(r#"{"Type": "Pass", "End": true}"#);
    for _ in 0..levels {
        s.push_str("}}]}");
    }
    s.push_str("}}");
    s
}

/// `levels` Not around one comparison, in a Choice.
fn nested_not(levels: usize) -> String {
    let rule = format!(
        "{}{}{}",
        r#"{"Not": "#.repeat(levels),
        r#"{"Variable": "$.x", "IsPresent": true}"#,
        "}".repeat(levels)
    );
    let rule = rule.replacen('{', r#"{"Next": "Done", "#, 1);
    format!(
        r#"{{"StartAt": "C", "States": {{"C": {{"Type": "Choice", "Choices": [{rule}], "Default": "Done"}}, "Done": {{"Type": "Succeed"}}}}}}"#
    )
}

// (c) 200 nested Parallel states: valid ASL, but deeper than the lab reads: a clear error naming the limit.
#[test]
fn two_hundred_nested_parallels_get_a_clear_answer() {
    let dir = tempfile::tempdir().unwrap();
    let def = nested_parallel(200);
    let run = json_lab(dir.path(), "deep.json", &def, &[]);
    match run.code {
        0 => assert_eq!(run.status(), "SUCCEEDED"),
        1 => assert!(
            run.stderr.contains("deep.json:1:") && run.stderr.contains("nested deeper than"),
            "{}",
            run.stderr
        ),
        c => panic!("exit {c}: {}", run.stderr),
    }
}

// (c) The deepest nesting the parser accepts still runs, is drawn and is reported.
#[test]
fn the_deepest_accepted_nesting_runs_and_draws() {
    let dir = tempfile::tempdir().unwrap();
    let deepest = (1..200)
        .take_while(|&n| asl::parse(&nested_parallel(n), Flavour::Standard).is_ok())
        .last()
        .expect("one Parallel is fine");
    assert!(deepest >= 8, "{deepest}");
    let def = nested_parallel(deepest);
    let run = json_lab(dir.path(), "deepest.json", &def, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = lab(dir.path(), "deepest.json", &def, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let machine = asl::parse(&def, Flavour::Standard).unwrap();
    for width in [0, 1, 20, 80, 200] {
        for line in asl::diagram::plain(&machine, &Default::default(), width) {
            assert!(unicode_width_of(&line) <= width.max(1), "{width}: {line:?}");
        }
    }
    let not = (1..300)
        .take_while(|&n| asl::parse(&nested_not(n), Flavour::Standard).is_ok())
        .last()
        .expect("one Not is fine");
    assert!(not >= 8, "{not}");
    let run = json_lab(dir.path(), "not.json", &nested_not(not), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn unicode_width_of(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

// (c) 10,000 nested arrays: "nested deeper", exit 1, no stack overflow.
#[test]
fn ten_thousand_nested_arrays_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let def = format!(
        "{{\n  \"StartAt\": \"A\",\n  \"States\": {{\"A\": {{\"Type\": \"Pass\", \"Result\": {}{}, \"End\": true}}}}\n}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let run = lab(dir.path(), "arrays.json", &def, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("arrays.json:3:") && run.stderr.contains("nested deeper than"),
        "{}",
        run.stderr
    );
}

// (c) The parser, the checker, the simulator and the diagram on a 256 KiB stack: nothing recurses per character
// or per level without a limit.
#[test]
fn parsing_deep_input_needs_little_stack() {
    let arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let objects = r#"{"a":"#.repeat(10_000) + &"}".repeat(10_000);
    let parallels = nested_parallel(200);
    let nots = nested_not(200);
    let result = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut messages = Vec::new();
            for text in [&arrays, &objects, &parallels, &nots] {
                for flavour in [Flavour::Standard, Flavour::Express] {
                    let e = asl::parse(text, flavour).unwrap_err();
                    assert_eq!(e.len(), 1, "{e:?}");
                    messages.push(e[0].message.clone());
                }
                assert!(json::parse(text).is_err());
            }
            messages
        })
        .unwrap()
        .join()
        .expect("no stack overflow, no panic");
    for m in result {
        assert!(m.contains("nested deeper than"), "{m}");
    }
}

#[test]
fn the_deepest_accepted_nesting_needs_little_stack() {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(|| {
            for make in [nested_parallel as fn(usize) -> String, nested_not] {
                let mut n = 1;
                while let Ok(m) = asl::parse(&make(n + 1), Flavour::Standard) {
                    n += 1;
                    let run = sim::run(&m, sim::Setup::default());
                    assert_eq!(run.status, sim::Status::Succeeded);
                    let _ = asl::diagram::plain(&m, &run.visited(), 80);
                    let _ = asl::diagram::draw(&m, &run.visited(), 80);
                    let _ = run.to_json().pretty();
                }
            }
        })
        .unwrap()
        .join()
        .expect("no stack overflow, no panic");
}

// (d) Over 1 MB: refused before parsing, with the limit named.
#[test]
fn a_definition_over_one_megabyte_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let padding = "x".repeat(asl::MAX_DEFINITION_BYTES);
    let def = format!(
        r#"{{"Comment": "{padding}", "StartAt": "A", "States": {{"A": {{"Type": "Pass", "End": true}}}}}}"#
    );
    let run = lab(dir.path(), "big.json", &def, &[]);
    assert!(run.code == 2 || run.code == 1, "{}", run.code);
    assert!(
        run.stderr.contains("1 MB") && run.stderr.contains("big.json"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.lines().count() <= 2, "{}", run.stderr);
    // From standard input the size is only known after reading: the parser refuses it.
    let out = Command::new(BIN)
        .args(["lab", "run", "-"])
        .env("HOME", dir.path())
        .stdin(fs::File::open(dir.path().join("big.json")).unwrap())
        .output()
        .unwrap();
    let run = finish(out);
    assert!(run.code == 2 || run.code == 1, "{}", run.code);
    assert!(run.stderr.contains("1 MB"), "{}", run.stderr);
    // Just under the limit is read and run.
    let padding = "x".repeat(asl::MAX_DEFINITION_BYTES - 200);
    let def = format!(
        r#"{{"Comment": "{padding}", "StartAt": "A", "States": {{"A": {{"Type": "Pass", "End": true}}}}}}"#
    );
    let run = json_lab(dir.path(), "under.json", &def, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// (e) Malformed JSON: exit 1, FILE:LINE: at the line of the mistake.
#[test]
fn malformed_json_points_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        // A bad literal on line 5.
        (
            "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\n      \"Type\": \"Pass\", \"Result\": {\"a\": tru},\n      \"End\": true\n    }\n  }\n}",
            5,
        ),
        // A trailing comma: the '}' on line 6 is where a member name was expected.
        (
            "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"End\": true},\n  },\n}",
            5,
        ),
        // An unterminated string on line 2 runs to the end of the text.
        ("{\n  \"StartAt\": \"A,\n  \"States\": {}\n}", 2),
        // Truncated: the text ends on line 4.
        (
            "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\"",
            4,
        ),
        // A single quote on line 3.
        ("{\n  \"StartAt\": \"A\",\n  'States': {}\n}", 3),
        // A duplicate member on line 4.
        (
            "{\n  \"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}},\n  \"StartAt\": \"B\"\n}",
            4,
        ),
        // Not JSON at all.
        ("StartAt: A\n", 1),
        // Empty.
        ("", 1),
    ];
    for (i, (text, line)) in cases.iter().enumerate() {
        let name = format!("bad{i}.json");
        let run = lab(dir.path(), &name, text, &[]);
        assert_eq!(run.code, 1, "case {i}: {}", run.stderr);
        assert!(
            run.stderr
                .starts_with(&format!("{}:{line}: ", dir.path().join(&name).display())),
            "case {i}: want line {line}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("JSON"), "case {i}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    // Not UTF-8.
    let file = dir.path().join("latin1.json");
    fs::write(&file, b"{\"Comment\": \"caf\xe9\"}").unwrap();
    let out = Command::new(BIN)
        .args(["lab", "run"])
        .arg(&file)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let run = finish(out);
    assert!(run.code == 1 || run.code == 2, "{}", run.stderr);
    assert!(run.stderr.contains("latin1.json"), "{}", run.stderr);
}

// (f) Unknown fields: each reported at its own line.
#[test]
fn unknown_fields_are_each_reported_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let def = r#"{
  "StartAt": "A",
  "Colour": "blue",
  "States": {
    "A": {
      "Type": "Pass",
      "Retry": [],
      "Next": "B"
    },
    "B": {
      "Type": "Succeed",
      "Resultpath": "$.x"
    }
  }
}"#;
    let run = lab(dir.path(), "unknown.json", def, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let file = dir.path().join("unknown.json").display().to_string();
    for (line, field) in [(3, "Colour"), (7, "Retry"), (12, "Resultpath")] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(&format!("{file}:{line}: ")) && l.contains(field)),
            "{field} at line {line}:\n{}",
            run.stderr
        );
    }
    assert_eq!(run.stderr.lines().count(), 3, "{}", run.stderr);
}

// (g) Bad --script and --input: exit 2 with a message saying which and why.
#[test]
fn bad_script_and_input_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let def = r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "End": true}}}"#;
    for script in [
        "A",
        "=ok",
        "A=explode",
        "A=ok:{not json",
        "A=fail",
        "A=ok,,fail:X",
        "A=fail:",
    ] {
        let run = lab(dir.path(), "task.json", def, &["--script", script]);
        assert_eq!(run.code, 2, "{script}: {}", run.stderr);
        assert!(run.stderr.contains("--script"), "{script}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{script}");
    }
    let deep = "[".repeat(10_000);
    for input in ["{not json", "", "{\"a\": 1} trailing", &deep] {
        let run = lab(dir.path(), "task.json", def, &["--input", input]);
        assert_eq!(run.code, 2, "{input:.20}: {}", run.stderr);
        assert!(
            run.stderr.contains("--input"),
            "{input:.20}: {}",
            run.stderr
        );
        assert!(run.stderr.len() < 500, "{}", run.stderr);
    }
    // Bad arguments beat a bad definition only when the definition is fine: an unreadable file is exit 2 too.
    let out = Command::new(BIN)
        .args(["lab", "run"])
        .arg(dir.path().join("missing.json"))
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let run = finish(out);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.json"), "{}", run.stderr);
}

// (h) A Wait loop never ends by itself: Standard stops at the event limit; Express times out at five minutes.
#[test]
fn a_wait_loop_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let def = r#"{
  "StartAt": "Tick",
  "States": {
    "Tick": { "Type": "Wait", "Seconds": 1, "Next": "Tock" },
    "Tock": { "Type": "Pass", "Next": "Tick" }
  }
}"#;
    // A loop with no way out is not valid ASL (no terminal state): the checker may say so.
    let terminal = def.replace(
        r#""Tock": { "Type": "Pass", "Next": "Tick" }"#,
        r#""Tock": { "Type": "Choice", "Choices": [{"Variable": "$.done", "IsPresent": true, "Next": "End"}], "Default": "Tick" },
    "End": { "Type": "Succeed" }"#,
    );
    for text in [def, &terminal] {
        let run = json_lab(dir.path(), "tick.json", text, &[]);
        if run.code == 1 {
            assert!(run.stderr.contains("tick.json:"), "{}", run.stderr);
            continue;
        }
        assert_eq!(run.code, 3, "{}", run.stderr);
        assert!(run.stopped().contains("events"), "{}", run.stopped());
        assert!(run.events() <= sim::MAX_EVENTS + 2);
        assert!(run.seconds() > 1000.0, "{}", run.seconds());
        let run = json_lab(dir.path(), "tick.json", text, &["--type", "express"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.status(), "TIMED_OUT");
        assert_eq!(run.seconds(), sim::EXPRESS_LIMIT_SECONDS);
    }
}

// The clock far in the future: huge waits, backoff and timeouts end the run without overflowing the date.
#[test]
fn huge_times_do_not_overflow_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let waits = r#"{
  "StartAt": "Long",
  "States": {
    "Long": { "Type": "Wait", "Seconds": 99999999, "Next": "Later" },
    "Later": { "Type": "Wait", "Timestamp": "9999-12-31T23:59:59Z", "Next": "Path" },
    "Path": { "Type": "Wait", "SecondsPath": "$.s", "Next": "Again" },
    "Again": { "Type": "Pass", "Parameters": {"t.$": "$$.State.EnteredTime", "s": 9223372036854775807}, "Next": "Long2" },
    "Long2": { "Type": "Wait", "Seconds": 99999999, "Next": "Done" },
    "Done": { "Type": "Pass", "Parameters": {"t.$": "$$.State.EnteredTime", "s.$": "$$.Execution.StartTime"}, "End": true }
  }
}"#;
    for s in [
        "0",
        "99999999",
        "9223372036854775807",
        "1e300",
        "-1",
        "\"1\"",
    ] {
        let input = format!(r#"{{"s": {s}}}"#);
        let run = json_lab(dir.path(), "waits.json", waits, &["--input", &input]);
        assert!(run.code == 0 || run.code == 3, "{s}: {}", run.stderr);
    }
    let backoff = r#"{
  "StartAt": "Job",
  "States": {
    "Job": {
      "Type": "Task",
      "Resource": "arn:aws:states:::glue:startJobRun.sync",
      "TimeoutSeconds": 99999999,
      "Retry": [{ "ErrorEquals": ["States.ALL"], "IntervalSeconds": 99999999, "MaxAttempts": 99999999, "BackoffRate": 99999999 }],
      "Next": "After"
    },
    "After": { "Type": "Pass", "Parameters": {"t.$": "$$.State.EnteredTime"}, "End": true }
  }
}"#;
    if asl::parse(backoff, Flavour::Standard).is_ok() {
        let fails = vec!["fail:States.Timeout"; 40].join(",");
        let script = format!("Job={fails}");
        let run = json_lab(dir.path(), "backoff.json", backoff, &["--script", &script]);
        assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
        let run = lab(dir.path(), "backoff.json", backoff, &["--script", &script]);
        assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
    }
}
