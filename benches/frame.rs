//! One keypress end to end, as the event loop runs it: `App::on_event`, `App::prepare` (re-wraps the document when
//! it changed) and a full frame drawn into a ratatui `Terminal<TestBackend>`.
//!
//! - `keypress/example_back/WxH`: alternately `e` (an exam scenario) and `b` (back to the step): every press
//!   changes the document, so every frame re-renders it;
//! - `keypress/continue/WxH`: `c` again and again, walking through every step of the built-in course;
//! - `keypress/scroll/WxH`: `j`/`k` on the longest step: the frame alone, no re-wrap;
//! - `keypress_1000/...`: the same on the 1,000-topic course, plus `t`/`b` (the topic menu lists 1,000 topics);
//! - `long_lesson/...`: a 5,000-line document: End/Home (a frame at its bottom, then its top) and opening it.
//!
//! `cargo bench --bench frame -- --warm-up-time 1 --measurement-time 3`

mod support;

use std::{hint::black_box, time::Duration};

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use dea_tutor::{
    command::Command,
    course::Course,
    render,
    session::Screen,
    theme::Theme,
    tui::{app::App, view::layout},
};
use ratatui::{crossterm::event::KeyCode, layout::Rect};
use support::{Shape, char_key, frame, key, terminal};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// Benches pressing the keys of `keys` in turn, each followed by a full frame.
fn presses(
    group: &mut BenchmarkGroup<WallTime>,
    name: &str,
    course: &Course,
    (w, h): (u16, u16),
    keys: &[KeyCode],
    setup: impl Fn(&mut App),
) {
    let mut app = support::app(course);
    setup(&mut app);
    let mut term = terminal(w, h);
    frame(&mut app, &mut term);
    let mut i = 0;
    group.bench_function(format!("{name}/{w}x{h}"), |b| {
        b.iter(|| {
            let event = key(keys[i % keys.len()]);
            i += 1;
            black_box(app.on_event(&event));
            frame(&mut app, &mut term);
        })
    });
}

/// Moves the app to the step that wraps to the most lines at this terminal size.
fn open_longest_step(app: &mut App, (w, h): (u16, u16)) {
    let width = layout(Rect::new(0, 0, w, h)).text.width;
    let theme = Theme::monochrome();
    let course = app.session.course;
    let mut best = (0, 0, 0);
    for (t, topic) in course.topics.iter().enumerate() {
        for (s, step) in topic.lesson.steps.iter().enumerate() {
            let lines = render::render(&step.markdown, width, &theme).len();
            if lines > best.0 {
                best = (lines, t, s);
            }
        }
    }
    app.session.open_topic(best.1, best.2);
}

fn built_in(c: &mut Criterion) {
    let course = Course::built_in().expect("the built-in course is valid");
    let mut group = c.benchmark_group("keypress");
    for size in SIZES {
        // Check once that the two keys really alternate documents (a pending single key must not swallow them).
        let mut app = support::app(&course);
        app.on_event(&char_key('e'));
        assert!(matches!(app.session.screen, Screen::Scenario(_)));
        app.on_event(&char_key('b'));
        assert_eq!(app.session.screen, Screen::Step(0));

        let keys = [KeyCode::Char('e'), KeyCode::Char('b')];
        presses(&mut group, "example_back", &course, size, &keys, |_| {});

        let mut app = support::app(&course);
        let mut term = terminal(size.0, size.1);
        frame(&mut app, &mut term);
        let last = course.topics.len() - 1;
        group.bench_function(format!("continue/{}x{}", size.0, size.1), |b| {
            b.iter(|| {
                if app.session.topic == last && app.session.screen == Screen::Complete {
                    app.run(Command::Goto(course.topics[0].number().to_string()));
                }
                black_box(app.on_event(&char_key('c')));
                frame(&mut app, &mut term);
            })
        });

        let keys = [KeyCode::Char('j'), KeyCode::Char('k')];
        presses(&mut group, "scroll", &course, size, &keys, |app| {
            open_longest_step(app, size);
        });
    }
    group.finish();
}

fn thousand_topics(c: &mut Criterion) {
    let dir = support::temp_course(&Shape::course(1000));
    let course = support::load(dir.path());
    let mut group = c.benchmark_group("keypress_1000");
    let size = (200, 60);
    let keys = [KeyCode::Char('e'), KeyCode::Char('b')];
    presses(&mut group, "example_back", &course, size, &keys, |_| {});
    let keys = [KeyCode::Char('t'), KeyCode::Char('b')];
    presses(&mut group, "topics_back", &course, size, &keys, |_| {});
    let keys = [KeyCode::Down, KeyCode::Up];
    presses(&mut group, "menu_cursor", &course, size, &keys, |app| {
        app.run(Command::Topics);
    });
    group.finish();
}

fn long_lesson(c: &mut Criterion) {
    let dir = support::temp_course(&Shape::long_lesson(5000));
    let course = support::load(dir.path());
    let doc = &course.topics[0].lesson.steps[0].markdown;
    let mut group = c.benchmark_group("long_lesson");
    for size in SIZES {
        let width = layout(Rect::new(0, 0, size.0, size.1)).text.width;
        println!(
            "long lesson: {} source lines, {} lines wrapped at {width} columns",
            doc.lines().count(),
            render::render(doc, width, &Theme::monochrome()).len()
        );
        let keys = [KeyCode::End, KeyCode::Home];
        presses(&mut group, "end_home", &course, size, &keys, |_| {});
        let keys = [KeyCode::Char('r'), KeyCode::Char('b')];
        presses(&mut group, "angle_back", &course, size, &keys, |_| {});
    }
    group.finish();
}

fn config() -> Criterion {
    // Short by default: the machine is shared. Command-line flags still override these.
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = built_in, thousand_topics, long_lesson
}
criterion_main!(benches);
