use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::{markdown::Open, plan::*, *};
use crate::{
    course::index::QuizEntry,
    quiz::{QuizBank, Rating, reread, review, testdata},
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn exam() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

fn topics() -> Vec<TopicInput> {
    let t = |slug: &str, number, task: &str, steps: usize| TopicInput {
        slug: slug.into(),
        number,
        title: format!("Title {number}"),
        tasks: vec![task.into()],
        steps: (1..=steps).map(|i| format!("Step {i}")).collect(),
        read: 0,
        items: (testdata::banks().iter())
            .find(|b| b.topic == slug)
            .map_or_else(Vec::new, QuizEntry::entries),
    };
    vec![
        t("step-functions", 11, "1.3 Orchestrate data pipelines", 4),
        t(
            "lake-formation",
            12,
            "4.2 Apply authorization mechanisms",
            3,
        ),
    ]
}

fn inputs<'a>(
    banks: &'a [QuizBank],
    topics: &'a [TopicInput],
    h: &'a BTreeMap<String, ItemState>,
) -> Inputs<'a> {
    Inputs {
        topics,
        // Made per call and kept for the test's life: `Inputs` borrows it, as it borrows the rest.
        reread: Box::leak(
            reread::from_histories(&crate::quiz::Catalog::parsed(banks), h).into_boxed_slice(),
        ),
        histories: h,
        reading_secs: 0,
        reading_steps: 0,
    }
}

/// Every item of the test course answered `rating` `n` times, each review when due, ending just before now.
fn drilled(banks: &[QuizBank], rating: Rating, secs: u32) -> BTreeMap<String, ItemState> {
    let mut h = BTreeMap::new();
    for b in banks {
        let ids = (b.triggers.iter().map(|t| &t.id)).chain(b.questions.iter().map(|q| &q.id));
        for id in ids {
            let mut s = review(None, rating, now() - Duration::days(6), Some(exam()));
            while s.due < now() - Duration::hours(1) {
                let at = s.due;
                s = review(Some(&s), rating, at, Some(exam()));
            }
            s.secs = secs;
            h.insert(id.clone(), s);
        }
    }
    h
}

#[test]
fn a_fresh_learner_gets_the_prior_no_verdict_and_a_first_step() {
    let banks = testdata::banks();
    let topics = topics();
    let h = BTreeMap::new();
    let i = inputs(&banks, &topics, &h);
    let f = forecast(&i, now(), exam());
    assert_eq!((f.answers, f.seen, f.days_left), (0, 0, 30));
    assert!((f.share - prior_mean(0.0)).abs() < 1e-9, "{}", f.share);
    assert!(f.low < f.share && f.share < f.high);
    let t = today(&i, &f);
    assert_eq!(t.reviews_due, 0);
    assert_eq!(t.next_review, None);
    assert!(t.new_today > 0);
    assert_eq!(t.next_steps[0].topic, "step-functions");
    assert_eq!(t.next_steps[0].step, 0);
    let md = markdown::markdown(&f, &t, Open::Commands);
    assert!(
        md.contains("not enough data yet: no answers so far"),
        "{md}"
    );
    assert!(md.contains("`dea-tutor --topic 11 --step 1`"), "{md}");
    assert!(!md.contains("of 1000"), "no score without data: {md}");
}

#[test]
fn knowing_the_items_raises_the_forecast_and_forgetting_lowers_it() {
    let banks = testdata::banks();
    let topics = topics();
    let good = drilled(&banks, Rating::Good, 12);
    let bad = drilled(&banks, Rating::Again, 12);
    let fg = forecast(&inputs(&banks, &topics, &good), now(), exam());
    let fb = forecast(&inputs(&banks, &topics, &bad), now(), exam());
    assert!(fg.share > 0.85, "{}", fg.share);
    assert!(fb.share < fg.share, "{} {}", fb.share, fg.share);
    assert_eq!(fg.seen, fg.items);
    // The further away the exam, the lower the projection of the same memories without new study.
    let later = forecast(
        &inputs(&banks, &topics, &good),
        now(),
        exam() + Duration::days(200),
    );
    assert!(later.share < fg.share, "{} {}", later.share, fg.share);
}

#[test]
fn first_answers_move_the_unseen_prior() {
    let none = FirstSight { right: 0, seen: 0 };
    let strong = FirstSight {
        right: 60,
        seen: 60,
    };
    let weak = FirstSight { right: 0, seen: 60 };
    assert!((none.unseen(0.5) - prior_mean(0.5)).abs() < 1e-12);
    assert!(strong.unseen(0.0) > 0.85);
    assert!(weak.unseen(0.0) < 0.15);
    assert!(
        none.unseen(1.0) > none.unseen(0.0),
        "reading lifts the prior"
    );
    // The record: a wrong answer that is not a lapse was given while the item was new.
    let first_wrong = review(None, Rating::Again, now(), None);
    assert!(!FirstSight::first_right(&first_wrong));
    let first_right = review(None, Rating::Good, now(), None);
    assert!(FirstSight::first_right(&first_right));
}

#[test]
fn the_plan_s_arithmetic() {
    let banks = testdata::banks();
    let topics = topics();
    let h = BTreeMap::new();
    let i = inputs(&banks, &topics, &h);
    let f = forecast(&i, now(), exam());
    let t = today(&i, &f);
    // 30 days to the exam: 29 for new items, the eve for reviews.
    assert_eq!(t.learning_days, 29);
    assert_eq!(t.new_today, t.new_needed.div_ceil(29));
    assert!(t.new_needed <= t.unseen && t.unseen == f.items);
    assert_eq!((t.unread, t.steps_today), (7, 1));
    // Paces are assumed until measured; minutes follow from them.
    assert_eq!(
        t.item_pace,
        Pace {
            secs: ASSUMED_ITEM_SECS,
            basis: 0
        }
    );
    let expect =
        (ANSWERS_PER_NEW_ITEM * t.new_today as f64 * ASSUMED_ITEM_SECS + ASSUMED_STEP_SECS) / 60.0;
    assert!((t.minutes - expect).abs() < 1e-9, "{} {expect}", t.minutes);
    // Measured paces replace the assumptions.
    let drilled = drilled(&banks, Rating::Good, 12);
    let mut i2 = inputs(&banks, &topics, &drilled);
    (i2.reading_secs, i2.reading_steps) = (600, 4);
    let t2 = today(&i2, &forecast(&i2, now(), exam()));
    assert_eq!(
        t2.item_pace,
        Pace {
            secs: 12.0,
            basis: 10
        }
    );
    assert_eq!(
        t2.step_pace,
        Pace {
            secs: 150.0,
            basis: 4
        }
    );
    assert_eq!(t2.new_today, 0, "nothing left to meet");
    assert!(t2.next_review.is_some());
}

#[test]
fn a_target_out_of_reach_says_so_and_the_exam_day_asks_nothing_new() {
    let banks = testdata::banks();
    let topics = topics();
    let bad = drilled(&banks, Rating::Again, 12);
    let i = inputs(&banks, &topics, &bad);
    let f = forecast(&i, now(), exam());
    let t = today(&i, &f);
    assert_eq!((t.unseen, t.new_needed, t.reachable), (0, 0, false));
    let md = markdown::markdown(&f, &t, Open::Keys);
    assert!(md.contains("below the pass mark"), "{md}");
    assert!(md.contains("Press a number (1–"), "{md}");
    let on_the_day = forecast(&i, now(), now().date_naive());
    assert_eq!(on_the_day.days_left, 0);
    assert_eq!(today(&i, &on_the_day).new_today, 0);
}

#[test]
fn scores_map_linearly_and_back() {
    assert_eq!(score_of(0.0), 100.0);
    assert_eq!(score_of(1.0), 1000.0);
    assert!((share_for(720.0) - 620.0 / 900.0).abs() < 1e-12);
    assert!((score_of(share_for(760.0)) - 760.0).abs() < 1e-9);
}
