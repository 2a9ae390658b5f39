//! A quiz drawn from the course index (`Course::catalog`) asks exactly what one over banks parsed whole asks, and
//! parses only the banks it asks from.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::{Course, CourseFiles};
use crate::quiz::{
    Catalog, ItemState, Mode, QuizOptions, Rating,
    flow::{Effect, QuizFlow},
    review,
};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

/// Every third item answered a fortnight ago (due now), right or wrong by turns; the rest never seen.
fn histories(course: &Course) -> BTreeMap<String, ItemState> {
    (course.items(None).step_by(3).enumerate())
        .map(|(n, i)| {
            let rating = if n % 2 == 0 {
                Rating::Good
            } else {
                Rating::Again
            };
            let state = review(None, rating, t0() - Duration::days(14), None);
            (i.id.clone(), state)
        })
        .collect()
}

fn opts(mode: Mode, topic: Option<&str>, seed: u64) -> QuizOptions {
    QuizOptions {
        topic: topic.map(str::to_string),
        count: Some(4),
        seed: Some(seed),
        ..QuizOptions::new(mode)
    }
}

/// What the learner sees and what is saved, over a few answers and moves.
fn transcript(mut q: QuizFlow) -> Vec<(String, Vec<Effect>)> {
    let mut seen = vec![(q.markdown(), Vec::new())];
    for text in ["a", "", "b", "", "next", "submit", "yes", "a", ""] {
        let cmd = q.parse(text);
        let effects = q.apply(cmd, t0());
        seen.push((q.markdown(), effects));
    }
    seen
}

#[test]
fn a_quiz_from_the_index_asks_what_one_over_parsed_banks_asks() {
    let full = CourseFiles::built_in().parse().unwrap();
    let mut saved = 0;
    for topic in [None, Some("step-functions"), Some("no-such-topic")] {
        for mode in Mode::ALL {
            for seed in 1..=2 {
                let lazy = Course::built_in().unwrap();
                let h = histories(&lazy);
                let o = opts(mode, topic, seed);
                let from_index =
                    QuizFlow::new(lazy.catalog(topic), lazy.topic_infos(), &o, &h, t0());
                let parsed = Catalog::parsed(full.banks());
                let from_banks = QuizFlow::new(parsed, full.topic_infos(), &o, &h, t0());
                let seen = transcript(from_index);
                assert_eq!(seen, transcript(from_banks), "{mode} {topic:?} seed {seed}");
                saved += seen.iter().flat_map(|(_, e)| e).count();
            }
        }
    }
    assert!(
        saved > 40,
        "the quizzes answered something: {saved} effects"
    );
}

#[test]
fn a_quiz_across_topics_parses_only_the_banks_it_asks_from() {
    for mode in [Mode::Quick, Mode::Cram, Mode::Exam, Mode::Drill] {
        let course = Course::built_in().unwrap();
        let h = histories(&course);
        let q = QuizFlow::new(
            course.catalog(None),
            course.topic_infos(),
            &opts(mode, None, 3),
            &h,
            t0(),
        );
        transcript(q);
        assert!(!course.banks_parsed(), "{mode}");
        let parsed = (course.topics.iter())
            .filter(|t| course.quiz_parsed(t))
            .count();
        // Four items asked at most (a drill shows three before it ends here); each from one bank.
        assert!((1..=4).contains(&parsed), "{mode}: {parsed} banks parsed");
    }
}
