//! Lettered options: four for a trigger (its answer and decoys, topped up with other answers), and a shuffled
//! order for a question's choices that keeps the mapping to explanations and correct indices.

use rand::Rng;
use rand::seq::SliceRandom;

use super::bank::{Question, Trigger};
use super::grade::normalize;

/// How many options a trigger drill shows, as on the exam.
pub const OPTION_COUNT: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerOptions {
    pub options: Vec<String>,
    /// Index of the answer in `options`.
    pub correct: usize,
}

/// The answer plus up to three distinct decoys (a random three when the author wrote more), then `fillers`
/// (other triggers' answers, in the caller's order of preference) when decoys run short; shuffled. No two
/// options are equal after normalisation.
pub fn trigger_options<R: Rng + ?Sized>(
    trigger: &Trigger,
    fillers: &[&str],
    rng: &mut R,
) -> TriggerOptions {
    trigger_options_from(trigger, fillers.iter().copied(), rng)
}

/// `trigger_options` with the fillers as an iterator, read only as far as needed (usually not at all: most triggers
/// have three decoys). A session passes every other answer of the course, which is tens of thousands on a big one.
pub fn trigger_options_from<'f, R: Rng + ?Sized>(
    trigger: &'f Trigger,
    fillers: impl IntoIterator<Item = &'f str>,
    rng: &mut R,
) -> TriggerOptions {
    let mut options = vec![trigger.answer.clone()];
    let mut keys = vec![normalize(&trigger.answer)];
    let mut decoys: Vec<&str> = trigger.decoys.iter().map(String::as_str).collect();
    decoys.shuffle(rng);
    for text in decoys.into_iter().chain(fillers) {
        if options.len() == OPTION_COUNT {
            break;
        }
        let key = normalize(text);
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
            options.push(text.to_string());
        }
    }
    options.shuffle(rng);
    let correct = (options.iter())
        .position(|o| *o == trigger.answer)
        .unwrap_or_default();
    TriggerOptions { options, correct }
}

/// A question with its choices in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct ShuffledQuestion {
    /// `order[shown] = original index` into the question's `choices`.
    pub order: Vec<usize>,
    pub choices: Vec<String>,
    /// Display indices of the right choices, sorted.
    pub correct: Vec<usize>,
    /// Explanations in display order.
    pub explain: Vec<String>,
}

pub fn shuffle_question<R: Rng + ?Sized>(question: &Question, rng: &mut R) -> ShuffledQuestion {
    let mut order: Vec<usize> = (0..question.choices.len()).collect();
    order.shuffle(rng);
    let choices = order.iter().map(|&i| question.choices[i].clone()).collect();
    let explain = (order.iter())
        .map(|&i| question.explain.get(i).cloned().unwrap_or_default())
        .collect();
    let mut correct: Vec<usize> = (order.iter().enumerate())
        .filter(|(_, original)| question.correct.contains(original))
        .map(|(shown, _)| shown)
        .collect();
    correct.sort_unstable();
    ShuffledQuestion {
        order,
        choices,
        correct,
        explain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn trigger(decoys: &[&str]) -> Trigger {
        Trigger {
            id: "sfn-retry-transient".into(),
            cue: "Transient failures; retry automatically".into(),
            answer: "Step Functions Retry".into(),
            accept: vec![],
            decoys: decoys.iter().map(|s| s.to_string()).collect(),
            why: "Retry on the Task state.".into(),
            step: None,
            line: 1,
        }
    }

    const DECOYS: [&str; 3] = [
        "Lambda try/catch",
        "SQS dead-letter queue",
        "Glue job bookmarks",
    ];

    #[test]
    fn answer_lands_in_every_position_over_seeds() {
        let t = trigger(&DECOYS);
        let mut seen = [0usize; OPTION_COUNT];
        for seed in 0..200 {
            let o = trigger_options(&t, &[], &mut StdRng::seed_from_u64(seed));
            assert_eq!(o.options.len(), 4);
            assert_eq!(o.options[o.correct], "Step Functions Retry");
            seen[o.correct] += 1;
        }
        assert!(seen.iter().all(|&n| n > 20), "positions: {seen:?}");
    }

    #[test]
    fn never_duplicate_options_even_with_look_alike_fillers() {
        let t = trigger(&["Lambda try/catch", "lambda TRY catch", "SQS DLQ"]);
        let fillers = [
            "step functions retry!",
            "SQS DLQ",
            "Amazon EventBridge",
            "AWS Glue workflows",
        ];
        for seed in 0..100 {
            let o = trigger_options(&t, &fillers, &mut StdRng::seed_from_u64(seed));
            assert_eq!(o.options.len(), 4);
            let mut keys: Vec<String> = o.options.iter().map(|s| normalize(s)).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), 4, "{:?}", o.options);
            assert!(o.options.contains(&"Amazon EventBridge".to_string()));
        }
    }

    #[test]
    fn more_than_three_decoys_picks_three_of_them() {
        let t = trigger(&["a1", "b2", "c3", "d4", "e5"]);
        let mut used = std::collections::BTreeSet::new();
        for seed in 0..50 {
            let o = trigger_options(&t, &["filler"], &mut StdRng::seed_from_u64(seed));
            assert_eq!(o.options.len(), 4);
            assert!(!o.options.contains(&"filler".to_string()));
            used.extend(o.options);
        }
        assert_eq!(used.len(), 6, "every decoy gets its turn: {used:?}");
    }

    #[test]
    fn too_few_texts_gives_fewer_options() {
        let t = trigger(&["Lambda try/catch"]);
        let o = trigger_options(&t, &[], &mut StdRng::seed_from_u64(1));
        assert_eq!(o.options.len(), 2);
    }

    #[test]
    fn question_shuffle_keeps_the_mapping() {
        let q = Question {
            id: "q".into(),
            stem: "Which two?".into(),
            choices: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            correct: vec![0, 2],
            explain: vec!["ea".into(), "eb".into(), "ec".into(), "ed".into()],
            step: None,
            line: 1,
            lab: None,
        };
        let mut first_positions = std::collections::BTreeSet::new();
        for seed in 0..100 {
            let s = shuffle_question(&q, &mut StdRng::seed_from_u64(seed));
            for (shown, &orig) in s.order.iter().enumerate() {
                assert_eq!(s.choices[shown], q.choices[orig]);
                assert_eq!(s.explain[shown], q.explain[orig]);
            }
            let right: Vec<&str> = s.correct.iter().map(|&i| s.choices[i].as_str()).collect();
            let mut right = right;
            right.sort();
            assert_eq!(right, ["a", "c"]);
            first_positions.insert(s.order.iter().position(|&o| o == 0).unwrap());
        }
        assert_eq!(first_positions.len(), 4);
    }

    proptest::proptest! {
        #[test]
        fn options_are_distinct_and_hold_the_answer(
            answer in "[A-Za-z][A-Za-z /.-]{0,11}",
            decoys in proptest::collection::vec("[A-Za-z /.-]{0,12}", 0..6),
            fillers in proptest::collection::vec("[A-Za-z /.-]{0,12}", 0..6),
            seed in proptest::prelude::any::<u64>(),
        ) {
            let mut t = trigger(&[]);
            t.answer = answer;
            t.decoys = decoys;
            let fillers: Vec<&str> = fillers.iter().map(String::as_str).collect();
            let o = trigger_options(&t, &fillers, &mut StdRng::seed_from_u64(seed));
            proptest::prop_assert!(!o.options.is_empty() && o.options.len() <= OPTION_COUNT);
            proptest::prop_assert_eq!(&o.options[o.correct], &t.answer);
            let mut keys: Vec<String> = o.options.iter().map(|s| normalize(s)).collect();
            keys.sort();
            keys.dedup();
            proptest::prop_assert_eq!(keys.len(), o.options.len());
        }
    }
}
