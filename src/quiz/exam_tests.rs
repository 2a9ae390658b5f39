use super::*;
use crate::quiz::bank::ItemKind;
use crate::quiz::{QuizBank, testdata};
use chrono::TimeZone;
use rand::SeedableRng;
use rand::rngs::StdRng;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).unwrap()
}

/// sfn-standard-long-run, sfn-glue-failure-handling (multi), lf-row-filter, lf-cross-account-share (multi).
fn exam(banks: &[QuizBank]) -> ExamSession<'_> {
    let q = |bank, index| ItemRef {
        bank,
        kind: ItemKind::Question,
        index,
    };
    let items = vec![q(0, 0), q(0, 1), q(1, 0), q(1, 1)];
    let mut rng = StdRng::seed_from_u64(3);
    ExamSession::new(
        Catalog::parsed(banks),
        items,
        &BTreeMap::new(),
        &mut rng,
        t0(),
        None,
    )
}

/// Display indices of the options whose text starts with one of `starts`.
fn find(e: &ExamSession<'_>, i: usize, starts: &[&str]) -> Vec<usize> {
    let q = e.question(i).unwrap();
    (0..q.options.len())
        .filter(|&c| starts.iter().any(|s| q.options[c].starts_with(s)))
        .collect()
}

#[test]
fn countdown_is_two_minutes_a_question() {
    let banks = testdata::banks();
    let e = exam(&banks);
    assert_eq!(e.deadline(), t0() + chrono::Duration::minutes(8));
    assert_eq!(e.remaining(t0()), Duration::from_secs(480));
    assert_eq!(
        e.remaining(t0() + chrono::Duration::seconds(475)),
        Duration::from_secs(5)
    );
    assert_eq!(
        e.remaining(t0() + chrono::Duration::minutes(9)),
        Duration::ZERO
    );
    assert!(!e.is_timed_out(t0() + chrono::Duration::seconds(479)));
    assert!(e.is_timed_out(t0() + chrono::Duration::seconds(480)));
}

#[test]
fn navigate_flag_and_select() {
    let banks = testdata::banks();
    let mut e = exam(&banks);
    assert_eq!(e.current(), 0);
    assert!(!e.prev_question());
    assert!(e.next_question());
    assert_eq!(e.current(), 1);
    assert!(e.goto(3));
    assert!(!e.next_question(), "no question 5");
    assert!(!e.goto(4));
    assert_eq!(e.current(), 3);
    assert!(e.flag(1));
    assert!(e.flag(3));
    assert!(!e.flag(3));
    assert_eq!(e.flagged(), [1]);
    assert!(e.question(1).unwrap().flagged);

    let q1 = e.question(1).unwrap();
    assert!(q1.multiple && q1.text.ends_with("(Choose TWO.)"));
    // Multiple response toggles.
    e.select(1, 0);
    e.select(1, 2);
    e.select(1, 0);
    assert_eq!(e.question(1).unwrap().picked, [2]);
    // Single response replaces.
    e.select(0, 1);
    e.select(0, 3);
    assert_eq!(e.question(0).unwrap().picked, [3]);
    e.select(0, 9);
    assert_eq!(e.question(0).unwrap().picked, [3]);
    e.set_answer(2, vec![2, 0, 2, 7]);
    assert_eq!(e.question(2).unwrap().picked, [0, 2]);
    assert_eq!(e.answered_count(), 3);
}

#[test]
fn submit_grades_reviews_and_breaks_down_by_topic() {
    let banks = testdata::banks();
    let mut e = exam(&banks);
    // Q1 right, Q2 right (both picks), Q3 wrong, Q4 unanswered.
    let a = find(&e, 0, &["Standard workflow"]);
    e.set_answer(0, a);
    for c in find(&e, 1, &["Retry", "Catch"]) {
        e.select(1, c);
    }
    let wrong = find(&e, 2, &["One copy"]);
    e.set_answer(2, wrong.clone());
    e.flag(2);
    let r = e.submit(t0() + chrono::Duration::minutes(5));
    assert_eq!(
        (r.score, r.total, r.percent, r.timed_out),
        (2, 4, 50, false)
    );
    assert_eq!(
        r.per_topic,
        [
            ("step-functions".to_string(), 2, 2),
            ("lake-formation".to_string(), 0, 2)
        ]
    );
    let ids: Vec<&str> = r.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sfn-standard-long-run",
            "sfn-glue-failure-handling",
            "lf-row-filter",
            "lf-cross-account-share"
        ]
    );
    let q3 = &r.items[2];
    assert!(q3.answered && !q3.right && q3.flagged);
    let picked: Vec<usize> = (0..4).filter(|&c| q3.options[c].picked).collect();
    assert_eq!(picked, wrong);
    assert!(q3.options.iter().all(|o| !o.explain.is_empty()));
    let right = q3.options.iter().find(|o| o.correct).unwrap();
    assert_eq!(
        right.text,
        "A Lake Formation data filter with a row filter expression"
    );
    assert_eq!(
        right.explain,
        "Right: data filters give row-level security on the one table."
    );
    let q4 = &r.items[3];
    assert!(!q4.answered && !q4.right);
    // One FSRS state per question: right → Good, wrong or unanswered → Again.
    assert_eq!(r.items[0].state.last, Rating::Good);
    assert_eq!(q3.state.last, Rating::Again);
    assert_eq!(q4.state.last, Rating::Again);
    assert_eq!(q4.state.wrong, 1);
}

#[test]
fn submitting_after_the_deadline_is_a_time_out() {
    let banks = testdata::banks();
    let e = exam(&banks);
    let r = e.submit(t0() + chrono::Duration::minutes(8));
    assert!(r.timed_out);
    assert_eq!((r.score, r.total, r.percent), (0, 4, 0));
    assert!(r.items.iter().all(|i| !i.answered && i.state.wrong == 1));
}
