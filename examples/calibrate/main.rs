//! Calibration of the exam-day forecast (docs/forecast.md, "Calibration"): synthetic learners study the built-in
//! course, the forecast is made from what the tutor records, and each learner then sits an exam drawn from the
//! course's items on the exam date.
//!
//! `cargo run --release --example calibrate` (optionally `-- SEED LEARNERS`; defaults 1 and 200) prints the figures
//! docs/forecast.md reports. Seeded: the same arguments give the same figures.
//!
//! - Memory: each learner's true memory is an FSRS card with the learner's own parameters (the default FSRS-5
//!   weights scaled or shifted at random), answering right with its retrievability or by a guess (1 in 4). The
//!   tutor only sees the answers and schedules with the default weights, as the real one does.
//! - Unseen items: answered right at first sight with 0.25 + 0.75 × ability × (0.4 + 0.6 × share of the topic read).
//! - Effort: answers a day at most (10–80) and the chance of studying on a given day (50–100%).
//! - The exam: 50 scored items, topics by the forecast's weights, three in four a question, one in four a trigger.

mod learner;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use dea_tutor::{
    course::Course,
    forecast::{Forecast, course::planned, score_of, weights},
};
use learner::Learner;
use rand::{Rng, SeedableRng, rngs::StdRng};

const EXAM_DAYS: i64 = 45;
const EXAM_ITEMS: usize = 50;
const CHECKPOINT_ANSWERS: u32 = 100;

/// One item of the course: its id, topic index, and whether it is a question.
pub struct Item {
    pub id: String,
    pub topic: usize,
    pub question: bool,
}

#[derive(Clone, PartialEq)]
enum Strategy {
    /// Today's plan: the reviews due, then the plan's new items, within the day's answers; the plan's steps.
    Plan,
    /// The answers and steps a plan follower gave each day (`None`: a day off), on items picked at random, seen
    /// or not: the same effort without a plan.
    Random(Vec<Option<(usize, usize)>>),
    /// Studies like `Plan` until 100 answers plus a random stretch, then only does reviews as they fall due:
    /// the forecast's own premise, for its calibration.
    ReviewsOnly,
}

fn session_time(start: DateTime<Utc>, day: i64) -> DateTime<Utc> {
    start + Duration::days(day) + Duration::hours(9)
}

struct Outcome {
    /// The forecast at the checkpoint (100 answers) and on the exam's eve.
    checkpoint: Option<Forecast>,
    eve: Forecast,
    /// The exam: items asked (topic, right) and the true expected share.
    asked: Vec<(usize, bool)>,
    expected: f64,
    /// Answers and steps given each day (`None`: a day off).
    effort: Vec<Option<(usize, usize)>>,
}

/// Learner `who` (its memory and effort drawn from `who` alone, so each strategy meets the same learners).
fn simulate(
    course: &Course,
    items: &[Item],
    strategy: &Strategy,
    who: u64,
    rng: &mut StdRng,
) -> Outcome {
    let start = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    let exam = (start + Duration::days(EXAM_DAYS)).date_naive();
    let mut l = Learner::new(&mut StdRng::seed_from_u64(who));
    let mut checkpoint = None;
    let mut learning_until = None;
    let mut effort = Vec::new();
    for day in 0..EXAM_DAYS {
        let at = session_time(start, day);
        let studying = rng.random::<f64>() < l.diligence;
        if checkpoint.is_none() && l.answers() >= CHECKPOINT_ANSWERS {
            checkpoint = Some(planned(course, &l.progress, exam, at).0);
            learning_until = Some(day + rng.random_range(0..10));
        }
        let reviews_only = learning_until.is_some_and(|d| day >= d);
        let done = match strategy {
            Strategy::Random(profile) => {
                profile
                    .get(day as usize)
                    .copied()
                    .flatten()
                    .map(|(answers, steps)| {
                        for _ in 0..answers {
                            let i = rng.random_range(0..items.len());
                            l.answer(course, &items[i], at, exam, rng);
                        }
                        l.read_steps(course, steps);
                        (answers, steps)
                    })
            }
            _ if !studying => None,
            Strategy::ReviewsOnly if reviews_only => {
                let due: Vec<usize> = (0..items.len())
                    .filter(|&i| {
                        l.progress
                            .items
                            .get(&items[i].id)
                            .is_some_and(|s| s.due <= at)
                    })
                    .collect();
                for &i in &due {
                    l.answer(course, &items[i], at, exam, rng);
                }
                Some((due.len(), 0))
            }
            Strategy::Plan | Strategy::ReviewsOnly => {
                Some(follow_plan(course, items, &mut l, at, exam, rng))
            }
        };
        effort.push(done);
    }
    let eve_at = session_time(start, EXAM_DAYS - 1) + Duration::hours(12);
    let eve = planned(course, &l.progress, exam, eve_at).0;
    let exam_at = dea_tutor::forecast::recall::exam_moment(exam);
    let (asked, expected) = sit_exam(course, items, &l, &eve, exam_at, rng);
    Outcome {
        checkpoint,
        eve,
        asked,
        expected,
        effort,
    }
}

/// One day of the plan, within the learner's answers a day: the reviews due, the plan's new items, its steps.
fn follow_plan(
    course: &Course,
    items: &[Item],
    l: &mut Learner,
    at: DateTime<Utc>,
    exam: NaiveDate,
    rng: &mut StdRng,
) -> (usize, usize) {
    let today = planned(course, &l.progress, exam, at).1;
    let due: Vec<usize> = (0..items.len())
        .filter(|&i| {
            l.progress
                .items
                .get(&items[i].id)
                .is_some_and(|s| s.due <= at)
        })
        .take(l.per_day)
        .collect();
    for &i in &due {
        l.answer(course, &items[i], at, exam, rng);
    }
    let new: Vec<usize> = (0..items.len())
        .filter(|&i| !l.progress.items.contains_key(&items[i].id))
        .take(today.new_today.min(l.per_day - due.len()))
        .collect();
    for &i in &new {
        l.answer(course, &items[i], at, exam, rng);
    }
    l.read_steps(course, today.steps_today);
    (due.len() + new.len(), today.steps_today)
}

/// Fifty items: topics by weight, three questions to one trigger; and the learner's true expected share.
fn sit_exam(
    course: &Course,
    items: &[Item],
    l: &Learner,
    f: &Forecast,
    at: DateTime<Utc>,
    rng: &mut StdRng,
) -> (Vec<(usize, bool)>, f64) {
    let mut asked = Vec::new();
    let pick_topic = |rng: &mut StdRng| {
        let mut x = rng.random::<f64>();
        for (i, t) in f.topics.iter().enumerate() {
            x -= t.weight;
            if x < 0.0 {
                return i;
            }
        }
        f.topics.len() - 1
    };
    for _ in 0..EXAM_ITEMS {
        let topic = pick_topic(rng);
        let question = rng.random::<f64>() < dea_tutor::forecast::QUESTION_SHARE;
        let pool: Vec<&Item> = (items.iter())
            .filter(|i| i.topic == topic && i.question == question)
            .collect();
        let Some(item) = pool.get(rng.random_range(0..pool.len().max(1))) else {
            continue;
        };
        let right = rng.random::<f64>() < l.p_right(course, item, at);
        asked.push((topic, right));
    }
    let mut expected = 0.0;
    for (ti, t) in f.topics.iter().enumerate() {
        let share = |question: bool| {
            let pool: Vec<&Item> = (items.iter())
                .filter(|i| i.topic == ti && i.question == question)
                .collect();
            pool.iter().map(|i| l.p_right(course, i, at)).sum::<f64>() / pool.len().max(1) as f64
        };
        let q = dea_tutor::forecast::QUESTION_SHARE;
        expected += t.weight * (q * share(true) + (1.0 - q) * share(false));
    }
    (asked, expected)
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn score(asked: &[(usize, bool)]) -> f64 {
    score_of(asked.iter().filter(|a| a.1).count() as f64 / asked.len().max(1) as f64)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seed: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(1);
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(200);
    let course = Course::built_in().expect("the built-in course loads");
    let items: Vec<Item> = (course.topics.iter().enumerate())
        .filter_map(|(ti, t)| course.quiz_of(t).map(|b| (ti, b)))
        .flat_map(|(ti, b)| {
            let triggers = b.triggers.iter().map(move |x| Item {
                id: x.id.clone(),
                topic: ti,
                question: false,
            });
            let questions = b.questions.iter().map(move |x| Item {
                id: x.id.clone(),
                topic: ti,
                question: true,
            });
            triggers.chain(questions).collect::<Vec<_>>()
        })
        .collect();
    println!(
        "Calibration: seed {seed}, {n} learners per group, exam in {EXAM_DAYS} days, {EXAM_ITEMS} items."
    );
    println!("Weights: {}.", weights::SOURCE);
    calibration(&course, &items, seed, n);
    plan_against_no_plan(&course, &items, seed, n);
}

/// The forecast made at 100 answers against the exam sat, learners then doing only their reviews as they fall due.
fn calibration(course: &Course, items: &[Item], seed: u64, n: usize) {
    // 1. The forecast's premise: made at 100 answers, then only the reviews as they fall due.
    let mut rng = StdRng::seed_from_u64(seed);
    let mut errors = Vec::new();
    let mut expected_errors = Vec::new();
    let mut sampling = Vec::new();
    let mut covered = 0;
    let mut bins = [(0.0f64, 0.0f64, 0usize); 10];
    for who in 0..n as u64 {
        let o = simulate(
            course,
            items,
            &Strategy::ReviewsOnly,
            seed * 1_000_000 + who,
            &mut rng,
        );
        let Some(f) = o.checkpoint else { continue };
        let actual = score(&o.asked);
        errors.push((f.score() - actual).abs());
        expected_errors.push((f.score() - score_of(o.expected)).abs());
        sampling.push((score_of(o.expected) - actual).abs());
        covered += usize::from(score_of(f.low) <= actual && actual <= score_of(f.high));
        for &(topic, right) in &o.asked {
            let p = f.topics[topic].share;
            let b = ((p * 10.0) as usize).min(9);
            bins[b].0 += p;
            bins[b].1 += f64::from(u8::from(right));
            bins[b].2 += 1;
        }
    }
    println!(
        "\nForecast made at {CHECKPOINT_ANSWERS} answers, reviews done as due afterwards ({} learners):",
        errors.len()
    );
    println!(
        "  mean absolute error vs the exam sat:      {:.0} points",
        mean(&errors)
    );
    println!(
        "  mean absolute error vs the expected score: {:.0} points",
        mean(&expected_errors)
    );
    println!(
        "  (the exam's own sampling: expected vs sat   {:.0} points)",
        mean(&sampling)
    );
    println!(
        "  90% range holds the score sat:            {:.0}%",
        100.0 * covered as f64 / errors.len().max(1) as f64
    );
    println!("  per-topic calibration (exam items by the topic's predicted share):");
    println!("    predicted | observed | items");
    for (p, o, c) in bins.iter().filter(|b| b.2 > 0) {
        println!(
            "    {:>8.0}% | {:>7.0}% | {c}",
            100.0 * p / *c as f64,
            100.0 * o / *c as f64
        );
    }
}

/// Each learner follows the plan, then (the same learner afresh) gives the same answers and steps on the same days,
/// on items picked at random.
fn plan_against_no_plan(course: &Course, items: &[Item], seed: u64, n: usize) {
    let mut rng = StdRng::seed_from_u64(seed + 1);
    let mut groups = [Group::default(), Group::default()];
    for who in 0..n as u64 {
        let learner = seed * 1_000_000 + who;
        let plan = simulate(course, items, &Strategy::Plan, learner, &mut rng);
        let random = simulate(
            course,
            items,
            &Strategy::Random(plan.effort.clone()),
            learner,
            &mut rng,
        );
        groups[0].add(&plan);
        groups[1].add(&random);
    }
    for (name, g) in ["following the plan", "same effort, no plan"]
        .iter()
        .zip(&groups)
    {
        println!(
            "\n{name}: predicted ≥ 720 on the exam's eve {:.0}%, scored ≥ 720 {:.0}%, expected score ≥ 720 {:.0}%, \
             mean score {:.0}, answers {:.0}, eve forecast error {:.0} points",
            g.pct(g.predicted_pass),
            g.pct(g.passed),
            g.pct(g.expected_pass),
            mean(&g.scores),
            mean(&g.answers),
            mean(&g.eve_errors),
        );
    }
}

#[derive(Default)]
struct Group {
    n: usize,
    predicted_pass: usize,
    passed: usize,
    expected_pass: usize,
    scores: Vec<f64>,
    answers: Vec<f64>,
    eve_errors: Vec<f64>,
}

impl Group {
    fn add(&mut self, o: &Outcome) {
        let actual = score(&o.asked);
        self.n += 1;
        self.predicted_pass += usize::from(o.eve.score() >= 720.0);
        self.passed += usize::from(actual >= 720.0);
        self.expected_pass += usize::from(score_of(o.expected) >= 720.0);
        self.scores.push(actual);
        self.answers
            .push(o.effort.iter().flatten().map(|e| e.0 as f64).sum());
        self.eve_errors
            .push((o.eve.score() - score_of(o.expected)).abs());
    }

    fn pct(&self, k: usize) -> f64 {
        100.0 * k as f64 / self.n.max(1) as f64
    }
}
