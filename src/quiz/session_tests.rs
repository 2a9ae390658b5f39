use super::*;
use crate::quiz::grade::letters;
use crate::quiz::{QuizBank, testdata};
use chrono::TimeZone;
use rand::SeedableRng;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).unwrap()
}

fn secs(n: i64) -> DateTime<Utc> {
    t0() + chrono::Duration::seconds(n)
}

fn item(bank: usize, kind: ItemKind, index: usize) -> ItemRef {
    ItemRef { bank, kind, index }
}

fn session(banks: &[QuizBank], items: Vec<ItemRef>, typed: bool) -> QuizSession<'_> {
    let rng = StdRng::seed_from_u64(42);
    QuizSession::new(
        Catalog::parsed(banks),
        items,
        &BTreeMap::new(),
        typed,
        None,
        rng,
        t0(),
    )
}

/// The letters of the options whose text is in `right`.
fn letters_of(p: &Prompt, right: &[&str]) -> String {
    let idx: Vec<usize> = (0..p.options.len())
        .filter(|&i| right.contains(&p.options[i].as_str()))
        .collect();
    letters(&idx)
}

#[test]
fn drill_right_then_wrong_then_summary() {
    let banks = testdata::banks();
    let items = vec![item(0, ItemKind::Trigger, 0), item(1, ItemKind::Trigger, 0)];
    let mut s = session(&banks, items, false);
    let p = s.prompt().unwrap().clone();
    assert_eq!(
        (p.number, p.total, p.pick, p.multiple, p.typed),
        (1, 2, 1, false, false)
    );
    assert_eq!(
        p.text,
        "Transient failures; retry automatically without modifying application code"
    );
    assert_eq!(p.options.len(), 4);
    let right = letters_of(&p, &["Step Functions Retry"]);
    let f = s.answer(&right.to_lowercase(), secs(5)).unwrap();
    assert!(f.correct);
    assert_eq!(f.answer, format!("{right}) Step Functions Retry"));
    assert_eq!(f.rating, Rating::Good);
    assert_eq!((f.state.right, f.state.wrong, f.state.secs), (1, 0, 5));
    assert!(
        f.why
            .unwrap()
            .starts_with("Retry is declared on the Task state")
    );
    assert_eq!(
        f.options.iter().filter(|o| o.correct && o.picked).count(),
        1
    );
    assert_eq!(s.answer("A", secs(6)), Err(AnswerError::AlreadyAnswered));

    s.next(secs(10));
    let p = s.prompt().unwrap().clone();
    assert_eq!(p.id, "lf-column-level");
    let wrong = letters_of(&p, &["S3 bucket policy"]);
    let f = s.answer(&wrong, secs(12)).unwrap();
    assert!(!f.correct);
    assert_eq!(f.rating, Rating::Again);
    assert_eq!(f.state.wrong, 1);
    s.next(secs(13));
    assert!(s.is_finished());
    assert_eq!(s.answer("A", secs(14)), Err(AnswerError::Finished));
    let sum = s.summary();
    assert_eq!((sum.right, sum.answered, sum.skipped), (1, 2, 0));
    assert_eq!(
        sum.per_topic,
        [
            ("step-functions".to_string(), 1, 1),
            ("lake-formation".to_string(), 0, 1)
        ]
    );
}

#[test]
fn slow_right_answer_is_hard_and_the_learner_can_override() {
    let banks = testdata::banks();
    let mut s = session(&banks, vec![item(0, ItemKind::Trigger, 1)], false);
    assert_eq!(
        s.override_rating(Rating::Easy),
        Err(AnswerError::NothingToRate)
    );
    let p = s.prompt().unwrap().clone();
    let right = letters_of(&p, &["Distributed Map state"]);
    let f = s.answer(&right, secs(25)).unwrap();
    assert_eq!(f.rating, Rating::Hard);
    assert_eq!(f.state.last, Rating::Hard);
    let easy = s.override_rating(Rating::Easy).unwrap();
    assert_eq!(easy.last, Rating::Easy);
    assert_eq!(
        (easy.reps, easy.right, easy.secs),
        (1, 1, 25),
        "replaces, not adds, the review"
    );
    assert!(easy.due > f.state.due);
    let again = s.override_rating(Rating::Again).unwrap();
    assert_eq!((again.right, again.wrong), (0, 1));
}

#[test]
fn unreadable_input_changes_nothing() {
    let banks = testdata::banks();
    let mut s = session(&banks, vec![item(0, ItemKind::Question, 1)], false);
    let p = s.prompt().unwrap().clone();
    assert!(p.text.ends_with("(Choose TWO.)"));
    assert_eq!((p.pick, p.multiple), (2, true));
    assert_eq!(
        s.answer("Z", secs(3)),
        Err(AnswerError::Unreadable { last: 'D' })
    );
    assert_eq!(
        s.answer("hello", secs(3)),
        Err(AnswerError::Unreadable { last: 'D' })
    );
    assert_eq!(
        s.answer("A", secs(3)),
        Err(AnswerError::WrongCount {
            expected: 2,
            got: 1
        })
    );
    assert_eq!(
        s.answer("A,B,C", secs(3)),
        Err(AnswerError::WrongCount {
            expected: 2,
            got: 3
        })
    );
    let right = letters_of(
        &p,
        &[
            "Retry with exponential backoff on the Task state",
            "Catch that routes to a state publishing to Amazon SNS",
        ],
    );
    let f = s.answer(&right, secs(100)).unwrap();
    assert!(f.correct);
    assert_eq!(f.rating, Rating::Hard, "over 90 s on a question");
    assert_eq!(f.answer, right);
    for o in &f.options {
        let expect = if o.text.starts_with("Retry") {
            "Right: Retry absorbs transient throttling."
        } else if o.text.starts_with("A Pass") {
            "Wrong: a Pass state only passes input to output."
        } else {
            continue;
        };
        assert_eq!(o.explain, expect);
    }
}

#[test]
fn typed_recall() {
    let banks = testdata::banks();
    let items = vec![item(0, ItemKind::Trigger, 0), item(0, ItemKind::Trigger, 2)];
    let mut s = session(&banks, items, true);
    let p = s.prompt().unwrap();
    assert!(p.typed && p.options.is_empty());
    assert_eq!(s.answer("  ", secs(1)), Err(AnswerError::Empty));
    let f = s.answer("SFN-Retry", secs(4)).unwrap();
    assert!(f.correct);
    assert_eq!(f.answer, "Step Functions Retry");
    s.next(secs(5));
    let f = s.answer("standard workflow", secs(9)).unwrap();
    assert!(!f.correct);
    assert_eq!(f.answer, "Express workflow");
}

#[test]
fn skipping_and_stopping() {
    let banks = testdata::banks();
    let items = vec![
        item(0, ItemKind::Trigger, 0),
        item(0, ItemKind::Trigger, 1),
        item(1, ItemKind::Question, 0),
    ];
    let mut s = session(&banks, items, false);
    s.next(secs(1));
    assert_eq!(s.prompt().unwrap().number, 2);
    s.stop();
    assert!(s.is_finished());
    let sum = s.summary();
    assert_eq!((sum.right, sum.answered, sum.skipped), (0, 0, 1));
}

#[test]
fn same_seed_same_options() {
    let banks = testdata::banks();
    let items = vec![item(1, ItemKind::Question, 1)];
    let a = session(&banks, items.clone(), false)
        .prompt()
        .unwrap()
        .clone();
    let b = session(&banks, items, false).prompt().unwrap().clone();
    assert_eq!(a, b);
}

#[test]
fn histories_of_finds_the_same_states_by_walk_and_by_look_up() {
    use crate::quiz::{review, select::items};
    let banks = testdata::banks();
    let c = Catalog::parsed(&banks);
    let all = items(&c, None, &[ItemKind::Trigger, ItemKind::Question]);
    let mut histories = BTreeMap::new();
    for (n, i) in all.iter().enumerate().filter(|(n, _)| n % 3 != 0) {
        histories.insert(
            c.id(*i).to_string(),
            review(None, Rating::Good, secs(n as i64), None),
        );
    }
    // Ids the course no longer has, before, between and after the real ones.
    for id in ["0-gone", "m-gone", "zz-gone"] {
        histories.insert(id.to_string(), review(None, Rating::Again, t0(), None));
    }
    let expected = |list: &[ItemRef]| -> BTreeMap<String, ItemState> {
        (list.iter())
            .filter_map(|i| {
                histories
                    .get(c.id(*i))
                    .map(|s| (c.id(*i).to_string(), s.clone()))
            })
            .collect()
    };
    let mut shuffled = all.clone();
    shuffled.reverse();
    shuffled.push(all[1]); // an item twice
    for list in [&shuffled[..], &all[..1], &all[..2], &[][..]] {
        assert_eq!(histories_of(&c, list, &histories), expected(list));
    }
    // Few items among many histories: looked up one by one; same answer.
    let mut many = histories.clone();
    for n in 0..200 {
        many.insert(format!("other-{n}"), review(None, Rating::Good, t0(), None));
    }
    assert_eq!(histories_of(&c, &all[..2], &many), expected(&all[..2]));
}
