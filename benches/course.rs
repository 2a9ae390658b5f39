//! Loading courses and rendering lessons.
//!
//! - `course/built_in`: `Course::built_in()`, which reads the index build.rs made (nothing else is parsed);
//! - `course/built_in_full`: the built-in course parsed and cross-checked in full, as `dea-tutor check` does;
//! - `course/index/N`, `course/open_step/N`: a synthetic folder of N topics loaded from its cached index, then also
//!   the middle topic's lesson parsed and its first step rendered at 80 columns (what `--topic T --step 1` does);
//! - `render/built_in_steps/W`: every teaching step and wrap-up of the built-in course rendered at W columns;
//! - `course/from_dir/N`: a synthetic folder of N topics (50 quiz items each) read and parsed, as `--content DIR`
//!   and `dea-tutor check DIR` do; `course/read/1000` and `course/parse/1000` split the largest one.
//!
//! `cargo bench --bench course -- --warm-up-time 1 --measurement-time 3`

mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dea_tutor::{
    course::{Course, CourseFiles},
    render,
    theme::Theme,
};
use support::Shape;

fn built_in(c: &mut Criterion) {
    c.bench_function("course/built_in", |b| {
        b.iter(|| Course::built_in().expect("the built-in course is valid"))
    });
    c.bench_function("course/built_in_full", |b| {
        b.iter(|| CourseFiles::built_in().parse().expect("valid"))
    });

    let course = Course::built_in().expect("the built-in course is valid");
    let docs: Vec<String> = (course.topics.iter())
        .flat_map(|t| {
            (t.lesson().steps.iter().map(|s| s.markdown.clone())).chain([t.lesson().wrap_up()])
        })
        .collect();
    let theme = Theme::monochrome();
    let mut group = c.benchmark_group("render/built_in_steps");
    group.throughput(Throughput::Elements(docs.len() as u64));
    for width in [80u16, 160] {
        group.bench_with_input(BenchmarkId::from_parameter(width), &width, |b, &w| {
            b.iter(|| {
                for d in &docs {
                    black_box(render::render(d, w, &theme));
                }
            })
        });
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("course/from_dir");
    group.sample_size(10);
    for topics in [10usize, 100, 1000] {
        let dir = support::temp_course(&Shape::course(topics));
        // Fail here, not in the timed loop, if the generator ever writes an invalid course.
        assert_eq!(support::load(dir.path()).topics.len(), topics);
        group.throughput(Throughput::Elements(topics as u64));
        group.bench_with_input(BenchmarkId::from_parameter(topics), dir.path(), |b, dir| {
            b.iter(|| {
                CourseFiles::from_dir(dir)
                    .and_then(|f| f.parse())
                    .expect("valid")
            })
        });
    }
    group.finish();

    let dir = support::temp_course(&Shape::course(1000));
    let files = CourseFiles::from_dir(dir.path()).expect("readable");
    let mut group = c.benchmark_group("course");
    group.sample_size(10);
    group.bench_function("read/1000", |b| {
        b.iter(|| CourseFiles::from_dir(dir.path()).expect("readable"))
    });
    // The parse consumes the files (it frees each quiz text once parsed): each run gets a copy, made untimed.
    group.bench_function("parse/1000", |b| {
        b.iter_batched(
            || files.clone(),
            |f| f.parse().expect("valid"),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn lazy(c: &mut Criterion) {
    let theme = Theme::monochrome();
    let mut index = c.benchmark_group("course/index");
    let dirs: Vec<_> = [10usize, 100, 1000]
        .into_iter()
        .map(|topics| {
            let dir = support::temp_course(&Shape::course(topics));
            support::age(dir.path());
            // The first load parses and checks everything, and caches the index for the others.
            Course::load(Some(dir.path())).expect("valid");
            (topics, dir)
        })
        .collect();
    for (topics, dir) in &dirs {
        index.bench_with_input(BenchmarkId::from_parameter(topics), dir.path(), |b, dir| {
            b.iter(|| Course::load(Some(dir)).expect("valid"))
        });
    }
    index.finish();
    let mut open = c.benchmark_group("course/open_step");
    for (topics, dir) in &dirs {
        open.bench_with_input(BenchmarkId::from_parameter(topics), dir.path(), |b, dir| {
            b.iter(|| {
                let course = Course::load(Some(dir)).expect("valid");
                let t = &course.topics[course.topics.len() / 2];
                assert!(!course.banks_parsed());
                black_box(render::render(&t.lesson().steps[0].markdown, 80, &theme))
            })
        });
    }
    open.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = built_in, scaling, lazy
}
criterion_main!(benches);
