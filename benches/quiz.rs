//! The quiz engine and the progress file at scale: a 1,000-topic course of 50,000 items, every one with a history.
//!
//! - `quiz/select/MODE`: choosing a session's items (`quiz::select`, default count of the mode);
//! - `quiz/start/MODE`: that, then `QuizSession::new` (or `ExamSession::new`) and the first prompt with its options;
//! - `quiz/next`: moving on to the next trigger of a running drill (`QuizSession::next`: the next prompt and its four
//!   options, from the decoys and other answers of the course);
//! - `quiz/trigger_options`: `trigger_options` alone, with every other answer of the course as fillers;
//! - `quiz/review`: one FSRS update;
//! - `progress/save/50000` and `progress/load/50000`: the progress file with 50,000 item histories (every save
//!   re-reads the file to merge another instance's answers, writes a temporary file, fsyncs and renames).
//!
//! `cargo bench --bench quiz -- --warm-up-time 1 --measurement-time 3`

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dea_tutor::{
    course::manifest::BUILT_IN_KEY,
    progress::{Progress, store::Store},
    quiz::{
        ExamSession, ItemKind, Mode, QuizSession, Rating, review, select, select::items,
        trigger_options,
    },
};
use rand::{SeedableRng, rngs::StdRng};
use support::Shape;

fn quiz(c: &mut Criterion) {
    let dir = support::temp_course(&Shape::course(1000));
    let course = support::load(dir.path());
    let banks = course.banks();
    let catalog = course.catalog(None);
    let histories = support::histories(banks);
    assert_eq!(histories.len(), 50_000);
    let now = support::now();

    let mut group = c.benchmark_group("quiz");
    group.sample_size(20);
    for mode in [Mode::Drill, Mode::Due, Mode::Cram, Mode::Quick, Mode::Exam] {
        let mut seed = 0;
        group.bench_function(format!("select/{mode}"), |b| {
            b.iter(|| {
                seed += 1;
                let mut rng = StdRng::seed_from_u64(seed);
                select(mode, &catalog, None, &histories, None, &mut rng, now)
            })
        });
        group.bench_function(format!("start/{mode}"), |b| {
            b.iter(|| {
                seed += 1;
                let mut rng = StdRng::seed_from_u64(seed);
                let items = select(mode, &catalog, None, &histories, None, &mut rng, now);
                if mode == Mode::Exam {
                    let exam =
                        ExamSession::new(catalog.clone(), items, &histories, &mut rng, now, None);
                    black_box(exam.len());
                } else {
                    let s =
                        QuizSession::new(catalog.clone(), items, &histories, false, None, rng, now);
                    black_box(s.prompt().map(|p| p.options.len()));
                }
            })
        });
    }

    let drill = || {
        let mut rng = StdRng::seed_from_u64(1);
        let items = select(Mode::Drill, &catalog, None, &histories, None, &mut rng, now);
        QuizSession::new(catalog.clone(), items, &histories, false, None, rng, now)
    };
    let mut session = drill();
    group.bench_function("next", |b| {
        b.iter(|| {
            if session.is_finished() {
                session = drill();
            }
            session.next(now);
            black_box(session.prompt().map(|p| p.options.len()))
        })
    });

    let bank = &banks[500];
    let trigger = &bank.triggers[3];
    let fillers: Vec<&str> = (bank.triggers.iter().filter(|t| t.id != trigger.id))
        .chain(banks.iter().flat_map(|b| b.triggers.iter()))
        .map(|t| t.answer.as_str())
        .collect();
    let mut rng = StdRng::seed_from_u64(3);
    group.bench_function("trigger_options", |b| {
        b.iter(|| trigger_options(trigger, &fillers, &mut rng))
    });

    let any = items(&catalog, None, &[ItemKind::Trigger])[0];
    let state = histories.get(catalog.id(any)).cloned();
    group.bench_function("review", |b| {
        b.iter(|| review(state.as_ref(), Rating::Good, now, None))
    });
    group.finish();

    let tmp = tempfile::tempdir().expect("a temporary directory");
    let store = Store::new(tmp.path().join("progress.toml"), BUILT_IN_KEY);
    let ids: Vec<String> = histories.keys().cloned().collect();
    let mut progress = Progress {
        items: histories,
        ..Progress::default()
    };
    // The file exists from the start, as it does after the first answer of a run.
    progress = store.save(&progress).expect("first save");
    let mut group = c.benchmark_group("progress");
    group.sample_size(10);
    let mut i = 0u32;
    group.bench_function("save/50000", |b| {
        b.iter(|| {
            // One answer changed since the last save, as after each answer in a quiz.
            i += 1;
            if let Some(s) = progress.items.get_mut(&ids[i as usize % ids.len()]) {
                s.secs = i;
            }
            progress = store.save(&progress).expect("save");
        })
    });
    group.bench_function("load/50000", |b| b.iter(|| store.load().expect("load")));
    // The parts of a save, for docs/performance.md.
    group.bench_function("clone/50000", |b| b.iter(|| progress.clone()));
    group.bench_function("to_toml/50000", |b| {
        b.iter(|| toml::to_string(&progress).expect("serialise"))
    });
    let text = toml::to_string(&progress).expect("serialise");
    println!(
        "progress file with 50,000 histories: {:.1} MB",
        text.len() as f64 / 1e6
    );
    group.bench_function("from_toml/50000", |b| {
        b.iter(|| toml::from_str::<Progress>(&text).expect("parse"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = quiz
}
criterion_main!(benches);
