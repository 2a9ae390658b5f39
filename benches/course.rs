//! Loading courses and rendering lessons.
//!
//! - `course/built_in`: `Course::built_in()`, which parses and cross-checks every lesson and quiz of the binary;
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
    group.bench_function("parse/1000", |b| b.iter(|| files.parse().expect("valid")));
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = built_in, scaling
}
criterion_main!(benches);
