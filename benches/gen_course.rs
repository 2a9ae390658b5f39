//! Not a benchmark: writes a synthetic course folder, for measuring the whole binary on a large course.
//!
//! ```sh
//! cargo bench --bench gen_course -- /tmp/course-1000 1000     # 1,000 topics, 50,000 quiz items
//! cargo bench --bench gen_course -- /tmp/long-lesson long 5000 # one topic whose first step has 5,000 lines
//! dea-tutor check /tmp/course-1000
//! ```
//!
//! Without a folder (as `cargo bench` runs every bench target) it checks that a 20-topic course is valid and exits.

mod support;

use std::path::PathBuf;

use support::Shape;

fn main() {
    // `cargo bench` passes `--bench` (and filters); only plain words are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let number = |i: usize, default: usize| {
        args.get(i)
            .map(|a| a.parse().expect("a number"))
            .unwrap_or(default)
    };
    let Some(dir) = args.first().map(PathBuf::from) else {
        let dir = support::temp_course(&Shape::course(20));
        let course = support::load(dir.path());
        assert_eq!(course.topics.len(), 20);
        println!("gen_course: a 20-topic synthetic course is valid; pass a folder to write one");
        return;
    };
    let shape = if args.get(1).map(String::as_str) == Some("long") {
        Shape::long_lesson(number(2, 5000))
    } else {
        Shape::course(number(1, 1000))
    };
    let bytes = support::write(&dir, &shape).expect("write the course");
    let course = support::load(&dir);
    println!(
        "wrote {}: {} topics, {} quiz items, {:.1} MB",
        dir.display(),
        course.topics.len(),
        shape.items(),
        bytes as f64 / 1e6
    );
}
