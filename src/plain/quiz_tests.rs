use super::*;
use crate::quiz::{Mode, Rating, testdata};
use chrono::TimeZone;
use std::io::Cursor;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).unwrap()
}

struct Run {
    out: String,
    summary: QuizSummary,
    saved: Vec<(String, ItemState)>,
    histories: BTreeMap<String, ItemState>,
}

/// Runs a session on the test course with scripted input; the clock advances `step` seconds a call.
fn run_with(opts: &QuizOptions, input: &str, step: i64) -> Run {
    run_from(BTreeMap::new(), opts, input, step)
}

fn run_from(
    mut histories: BTreeMap<String, ItemState>,
    opts: &QuizOptions,
    input: &str,
    step: i64,
) -> Run {
    let banks = testdata::banks();
    let topics = testdata::topics();
    let mut saved = Vec::new();
    let mut out = Vec::new();
    let mut calls = 0;
    let mut clock = || {
        calls += 1;
        t0() + chrono::Duration::seconds(step * (calls - 1))
    };
    let mut sink = |id: &str, s: &ItemState| {
        saved.push((id.to_string(), s.clone()));
        Ok(())
    };
    let printer = Printer::mono(80);
    let io = Io {
        input: &mut Cursor::new(input.as_bytes()),
        out: &mut out,
        printer: &printer,
        step_text: &|_, _| None,
    };
    let summary = run(
        io,
        crate::quiz::Catalog::parsed(&banks),
        &topics,
        opts,
        &mut histories,
        &mut sink,
        &mut clock,
    )
    .unwrap();
    Run {
        out: String::from_utf8(out).unwrap(),
        summary,
        saved,
        histories,
    }
}

fn opts(mode: Mode, topic: Option<&str>, count: Option<usize>) -> QuizOptions {
    QuizOptions {
        topic: topic.map(String::from),
        count,
        seed: Some(7),
        ..QuizOptions::new(mode)
    }
}

fn no_ansi(out: &str) {
    assert!(!out.contains('\x1b'), "plain mode never writes escapes");
}

const DRILL: &str = r#"Trigger drill · Topic 11 · AWS Step Functions · 2 items

Topic 11 · AWS Step Functions · trigger 1 of 2

Process millions of S3 objects in parallel from one workflow

• ○ A) Parallel state
• ○ B) Wait state
• ○ C) Distributed Map state
• ○ D) Choice state
Type a letter (A–D) and Enter · skip · done leaves · help
> 
Topic 11 · AWS Step Functions · 1 of 2

Process millions of S3 objects in parallel from one workflow

✓ Right

Answer: C) Distributed Map state

Why: Distributed Map runs up to 10,000 parallel child workflows over items such
as S3 objects.

• · A) Parallel state
• · B) Wait state
• ✓ C) Distributed Map state (your answer)
• · D) Choice state

Rated good · next review in 10 min.
Enter next item · 1–4 or again/hard/good/easy re-rate · done leaves · help
> 
Topic 11 · AWS Step Functions · trigger 2 of 2

High-volume event processing, each run under five minutes

• ○ A) Glue workflow
• ○ B) Amazon MWAA
• ○ C) Express workflow
• ○ D) Standard workflow
Type a letter (A–D) and Enter · skip · done leaves · help
> “Z” is not an answer: nothing was recorded. Type a letter (A–D) and Enter, or
`help`.
Type a letter (A–D) and Enter · skip · done leaves · help
> 
Topic 11 · AWS Step Functions · 2 of 2

High-volume event processing, each run under five minutes

✗ Not quite

Answer: C) Express workflow

Why: Express workflows run up to 5 minutes at high event rates, billed by
requests and duration.

• ✗ A) Glue workflow (your answer)
• · B) Amazon MWAA
• ✓ C) Express workflow
• · D) Standard workflow

Rated again · next review in 1 min.
Enter next item · 1–4 or again/hard/good/easy re-rate · done leaves · help
> Rated hard · next review in 5 min.
Enter next item · 1–4 or again/hard/good/easy re-rate · done leaves · help
> 
Trigger drill · Topic 11 · AWS Step Functions: 1 of 2 right.
"#;

#[test]
fn drill_with_scripted_input_and_fixed_clock() {
    // Right (C), Enter; unreadable (Z), wrong (A), then the learner rates it hard.
    let r = run_with(
        &opts(Mode::Drill, Some("step-functions"), Some(2)),
        "C\n\nZ\nA\nhard\n",
        0,
    );
    assert_eq!(r.out, DRILL);
    no_ansi(&r.out);
    assert_eq!(
        (r.summary.right, r.summary.answered, r.summary.skipped),
        (1, 2, 0)
    );
    // Saved after each answer, and again after the override.
    let saved: Vec<(&str, Rating)> = r
        .saved
        .iter()
        .map(|(id, s)| (id.as_str(), s.last))
        .collect();
    assert_eq!(
        saved,
        [
            ("sfn-distributed-map", Rating::Good),
            ("sfn-express-high-volume", Rating::Again),
            ("sfn-express-high-volume", Rating::Hard),
        ]
    );
    assert_eq!(r.histories.len(), 2);
    assert_eq!(r.histories["sfn-express-high-volume"].last, Rating::Hard);
    assert_eq!(r.histories["sfn-express-high-volume"].reps, 1);
}

#[test]
fn sink_is_called_once_per_answer() {
    let r = run_with(
        &opts(Mode::Drill, None, None),
        "C\n\nskip\nA\n\nB\n\nD\n\n",
        0,
    );
    assert_eq!(r.summary.answered, 4);
    assert_eq!(r.summary.skipped, 1);
    assert_eq!(r.saved.len(), 4);
    let mut ids: Vec<&str> = r.saved.iter().map(|(id, _)| id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 4, "one save per answered item");
    assert!(r.out.contains("Skipped: nothing recorded."));
    // The last Enter shows the result screen, per topic, and the score line.
    assert!(r.out.contains(&format!(
        "Topic 11 · AWS Step Functions: {} of {}\n",
        r.summary.per_topic[0].1, r.summary.per_topic[0].2,
    )));
    assert!(r.out.ends_with(&format!(
        "Trigger drill · all topics: {} of 4 right (1 skipped).\n",
        r.summary.right
    )));
}

#[test]
fn quit_and_end_of_input_stop_keeping_what_was_answered() {
    let r = run_with(&opts(Mode::Drill, None, None), "C\nquit\n", 0);
    assert_eq!((r.summary.answered, r.saved.len()), (1, 1));
    assert!(
        r.out.ends_with(
            "Rated good · next review in 10 min.\n\
         Enter next item · 1–4 or again/hard/good/easy re-rate · done leaves · help\n\
         > Trigger drill · all topics: 1 of 1 right.\n"
        ),
        "{}",
        r.out
    );
    for ending in ["", "stop\n", "done\n"] {
        let r = run_with(&opts(Mode::Drill, None, None), ending, 0);
        assert!(
            r.out
                .ends_with("Trigger drill · all topics: nothing answered.\n"),
            "{ending:?}: {}",
            r.out
        );
        assert!(r.saved.is_empty());
    }
}

#[test]
fn typed_recall_drill() {
    let mut o = opts(Mode::Drill, Some("step-functions"), Some(1));
    o.typed = true;
    let r = run_with(&o, "\ndistributed-MAP\n\n", 0);
    no_ansi(&r.out);
    assert!(
        r.out
            .contains("> Type the answer and press Enter, or skip.\n"),
        "{}",
        r.out
    );
    assert!(
        r.out.contains("✓ Right\n\nAnswer: Distributed Map state\n"),
        "{}",
        r.out
    );
    assert_eq!((r.summary.right, r.saved.len()), (1, 1));
}

#[test]
fn scenario_multiple_response_needs_the_right_count() {
    let r = run_with(
        &opts(Mode::Scenario, Some("lake-formation"), None),
        "A\nA,B\n\nA\n\n",
        0,
    );
    no_ansi(&r.out);
    let multi = "governed in one place. Which steps are needed? (Choose TWO.)";
    assert!(r.out.contains(multi), "{}", r.out);
    // One letter of two is a pick, not an answer; the next line answers with both.
    assert!(r.out.contains("> picked A of 2\n"), "{}", r.out);
    assert_eq!((r.summary.answered, r.saved.len()), (2, 2));
    // Every option's explanation is shown after a question.
    assert!(
        r.out
            .contains("Wrong: never; it also bypasses Lake Formation.\n")
    );
    assert!(
        r.out
            .contains("Wrong: copies multiply storage and pipelines.\n")
    );
}

#[test]
fn slow_answers_are_rated_hard() {
    // The clock moves 30 s a call: the answer comes 30 s after the prompt, over the 20 s trigger threshold.
    let r = run_with(
        &opts(Mode::Drill, Some("step-functions"), Some(1)),
        "C\n\n",
        30,
    );
    assert!(
        r.out
            .contains("✓ Right\n\nAnswer: C) Distributed Map state\n"),
        "{}",
        r.out
    );
    assert!(r.out.contains("Rated hard · next review in 5 min.\n"));
    assert_eq!(r.saved[0].1.secs, 30);
}

const EXAM: &str = r#"Mock exam · all topics · 3 questions · 06:00 on the clock

Time left: 06:00
Question 1 of 3 · Topic 11 · AWS Step Functions

A pipeline runs for up to six hours and must never run a step twice. Which
workflow type fits?

• ○ A) Express workflow (synchronous)
• ○ B) A Lambda function with a long timeout
• ○ C) Standard workflow
• ○ D) Express workflow (asynchronous)

0 of 3 answered.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> Question 1: C.

Time left: 06:00
Question 2 of 3 · Topic 11 · AWS Step Functions

A workflow must pause until a person approves a data release by email. Which
integration pattern should the Task use?

• ○ A) A Wait state of 7 days
• ○ B) Request Response
• ○ C) Run a Job (.sync)
• ○ D) Wait for a callback with a task token

1 of 3 answered.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> Question 2 flagged for review.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> Question 2: A.

Time left: 06:00
Question 3 of 3 · Topic 12 · AWS Lake Formation

Regional managers may only see their own region's rows in a shared sales table
queried with Athena. What is the least effort?

• ○ A) One copy of the table per region
• ○ B) A Lake Formation data filter with a row filter expression
• ○ C) S3 Object Lambda
• ○ D) An Athena view per region with IAM policies

2 of 3 answered · flagged: 2.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> Choose a letter.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> Question 3: B. That was the last (3 of 3 answered): submit, or goto a number to
review.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> 
Time left: 06:00
Question 2 of 3 · Topic 11 · AWS Step Functions · ⚑ flagged

A workflow must pause until a person approves a data release by email. Which
integration pattern should the Task use?

• ● A) A Wait state of 7 days
• ○ B) Request Response
• ○ C) Run a Job (.sync)
• ○ D) Wait for a callback with a task token

3 of 3 answered · flagged: 2.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> 
Time left: 06:00
Question 3 of 3 · Topic 12 · AWS Lake Formation

Regional managers may only see their own region's rows in a shared sales table
queried with Athena. What is the least effort?

• ○ A) One copy of the table per region
• ● B) A Lake Formation data filter with a row filter expression
• ○ C) S3 Object Lambda
• ○ D) An Athena view per region with IAM policies

3 of 3 answered · flagged: 2.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> There is no question 9: 1 to 3.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> 
Time left: 06:00
Question 1 of 3 · Topic 11 · AWS Step Functions

A pipeline runs for up to six hours and must never run a step twice. Which
workflow type fits?

• ○ A) Express workflow (synchronous)
• ○ B) A Lambda function with a long timeout
• ● C) Standard workflow
• ○ D) Express workflow (asynchronous)

3 of 3 answered · flagged: 2.
Type a letter (A–D) and Enter · Enter next · prev · flag · 1–3 jumps · submit
> Submit with 0 unanswered? Type submit again (or Enter) to hand it in; anything
else goes on.
submit or Enter hands it in · anything else goes on
> 
Mock exam: 2 of 3 (67%)
━━━━━━━━━━━━━━━━━━━━━━━

┌───────────────────────────────┬───────┐
│ Topic                         │ Right │
├───────────────────────────────┼───────┤
│ Topic 11 · AWS Step Functions │   1/2 │
│ Topic 12 · AWS Lake Formation │   1/1 │
└───────────────────────────────┴───────┘

The real exam is scaled 100–1,000 with 720 to pass; this is a raw percentage.

────────────────────────────────────────────────────────────────────────────────

1. ✓ Right

Topic 11 · AWS Step Functions

A pipeline runs for up to six hours and must never run a step twice. Which
workflow type fits?

• · A) Express workflow (synchronous)

  Wrong: Express runs at most 5 minutes, at most once.

• · B) A Lambda function with a long timeout

  Wrong: Lambda stops after 15 minutes.

• ✓ C) Standard workflow (your answer)

  Right: Standard runs up to a year with exactly-once execution.

• · D) Express workflow (asynchronous)

  Wrong: Express runs at most 5 minutes, at least once.

────────────────────────────────────────────────────────────────────────────────

2. ✗ Wrong · ⚑

Topic 11 · AWS Step Functions

A workflow must pause until a person approves a data release by email. Which
integration pattern should the Task use?

• ✗ A) A Wait state of 7 days (your answer)

  Wrong: a fixed wait cannot know when the person approved.

• · B) Request Response

  Wrong: Request Response moves on as soon as the call returns.

• · C) Run a Job (.sync)

  Wrong: .sync waits for a job, not a person.

• ✓ D) Wait for a callback with a task token

  Right: .waitForTaskToken pauses until SendTaskSuccess returns the token.

────────────────────────────────────────────────────────────────────────────────

3. ✓ Right

Topic 12 · AWS Lake Formation

Regional managers may only see their own region's rows in a shared sales table
queried with Athena. What is the least effort?

• · A) One copy of the table per region

  Wrong: copies multiply storage and pipelines.

• ✓ B) A Lake Formation data filter with a row filter expression (your answer)

  Right: data filters give row-level security on the one table.

• · C) S3 Object Lambda

  Wrong: Object Lambda transforms objects, it does not filter query rows.

• · D) An Athena view per region with IAM policies

  Wrong: views can be bypassed by querying the table.
Mock exam · all topics: 2 of 3 right (67%).
"#;

#[test]
fn exam_with_flag_navigation_and_review() {
    let input = "C\nflag\nA\nA,B\nB\nprev\nnext\ngoto 9\ngoto 1\nsubmit\n\n";
    let r = run_with(&opts(Mode::Exam, None, Some(3)), input, 0);
    assert_eq!(r.out, EXAM);
    no_ansi(&r.out);
    let report = r.summary.exam.as_ref().unwrap();
    assert_eq!(
        (report.score, report.total, report.percent, report.timed_out),
        (2, 3, 67, false)
    );
    assert_eq!(
        r.summary.per_topic,
        [
            ("step-functions".to_string(), 1, 2),
            ("lake-formation".to_string(), 1, 1)
        ]
    );
    // One saved state per question, right → good, wrong → again.
    let saved: Vec<(&str, Rating)> = r
        .saved
        .iter()
        .map(|(id, s)| (id.as_str(), s.last))
        .collect();
    assert_eq!(
        saved,
        [
            ("sfn-standard-long-run", Rating::Good),
            ("sfn-human-approval", Rating::Again),
            ("lf-row-filter", Rating::Good),
        ]
    );
}

#[test]
fn exam_times_out_at_the_next_input() {
    // 2 questions = 4 minutes. Clock calls: start 0 s, show Q1 50 s, "C" 100 s, show Q2 150 s, "A" 200 s,
    // "next" 250 s: past the deadline, so the exam is submitted instead.
    let r = run_with(&opts(Mode::Exam, None, Some(2)), "C\nA\nnext\nsubmit\n", 50);
    no_ansi(&r.out);
    assert!(
        r.out
            .contains("Mock exam · all topics · 2 questions · 04:00 on the clock\n")
    );
    assert!(r.out.contains("Time left: 03:10\n"), "{}", r.out);
    assert!(r.out.contains("Time left: 01:30\n"), "{}", r.out);
    assert!(
        r.out.contains("Time is up: the exam was submitted.\n"),
        "{}",
        r.out
    );
    assert!(r.out.contains("Mock exam: 1 of 2 (50%)"), "{}", r.out);
    let report = r.summary.exam.unwrap();
    assert!(report.timed_out);
    assert_eq!((report.score, report.total), (1, 2));
    assert!(report.items.iter().all(|i| i.answered));
    assert_eq!(r.saved.len(), 2);
}

#[test]
fn exam_quit_and_end_of_input_abandon() {
    // Leaving asks once; the second `quit` leaves.
    let r = run_with(&opts(Mode::Exam, None, Some(2)), "C\nquit\nquit\n", 0);
    assert!(
        r.out.contains("Leave the exam? Nothing would be recorded."),
        "{}",
        r.out
    );
    assert!(
        r.out.ends_with(
            "> Exam abandoned: nothing was recorded.\nMock exam · all topics: nothing answered.\n"
        ),
        "{}",
        r.out
    );
    assert!(r.saved.is_empty() && r.summary.exam.is_none());
    let r = run_with(&opts(Mode::Exam, None, Some(2)), "C\n", 0);
    assert!(
        r.out.ends_with(
            "\nExam abandoned: nothing was recorded.\nMock exam · all topics: nothing answered.\n"
        ),
        "{}",
        r.out
    );
    assert!(r.saved.is_empty());
}

#[test]
fn nothing_due_and_unknown_topic() {
    let r = run_with(&opts(Mode::Due, None, None), "", 0);
    assert_eq!(
        r.out,
        "Reviews due · all topics: nothing to ask now.\n\
         Nothing is due: no item has been answered yet. Start with `quiz --mode drill`.\n"
    );
    let r = run_with(&opts(Mode::Drill, Some("glue"), None), "", 0);
    assert!(
        r.out.ends_with("\nThere is no quiz for topic `glue`.\n"),
        "{}",
        r.out
    );
}

#[test]
fn due_mode_says_when_the_next_review_is() {
    let mut h = BTreeMap::new();
    h.insert(
        "lf-row-filter".to_string(),
        crate::quiz::review(None, Rating::Good, t0(), None),
    );
    let r = run_from(h.clone(), &opts(Mode::Due, None, None), "", 0);
    assert_eq!(
        r.out,
        "Reviews due · all topics: nothing to ask now.\nNothing is due now. Next review due 2025-03-10 09:10 UTC; meanwhile `quiz --mode\ndrill` introduces new items.\n"
    );
    // Ten minutes later it is due and asked.
    let later = QuizOptions {
        seed: Some(1),
        ..opts(Mode::Due, None, None)
    };
    let mut h2 = h;
    h2.get_mut("lf-row-filter").unwrap().due = t0() - chrono::Duration::minutes(1);
    let r = run_from(h2, &later, "quit\n", 0);
    assert!(
        r.out.starts_with(
            "Reviews due · all topics · 1 item\n\nTopic 12 · AWS Lake Formation · question 1 of 1\n"
        ),
        "{}",
        r.out
    );
}
