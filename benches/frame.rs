//! One keypress end to end, as the event loop runs it: `App::on_event`, `App::prepare` (re-wraps the document when
//! it changed) and a full frame drawn into a ratatui `Terminal<TestBackend>`.
//!
//! Keys are pressed as a learner would: letters type into the command line (untimed: they only redraw it) and
//! Enter runs the line, or, on an empty line, continues. The timed press is the one that acts.
//!
//! - `keypress/continue/WxH`: Enter on an empty line again and again, walking through every step of the course;
//! - `keypress/example/WxH`: `e` then Enter again and again, through the step's examples and scenarios;
//! - `keypress/topics_enter/WxH`: `t` Enter (the topic menu), then Enter (back into the topic), in turn;
//! - `keypress/scroll/WxH`: `j`/`k` on the longest step: the frame alone, no re-wrap;
//! - `keypress_1000/...`: the same on the 1,000-topic course, plus Down/Up in its 1,000-line topic menu;
//! - `long_lesson/...`: a 5,000-line document: End/Home (a frame at its bottom, then its top), and Enter from the
//!   topic menu (opening it: the whole document is wrapped; only the Enter is timed).
//!
//! Every document change re-renders through `dea_tutor::render::render`, whichever renderer the tree has.
//!
//! `cargo bench --bench frame -- --warm-up-time 1 --measurement-time 3`

mod support;

use std::{
    hint::black_box,
    time::{Duration, Instant},
};

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use dea_tutor::{command::Command, course::Course, session::Screen, tui::app::App};
use ratatui::{crossterm::event::KeyCode, layout::Rect};
use support::{Shape, frame, key, terminal};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// Benches pressing `keys` in turn, each followed by a full frame; only the presses marked `true` are timed (the
/// others set the next one up). `before` runs untimed before every press.
fn presses(
    group: &mut BenchmarkGroup<WallTime>,
    name: &str,
    course: &Course,
    (w, h): (u16, u16),
    keys: &[(KeyCode, bool)],
    setup: impl Fn(&mut App),
    before: impl Fn(&mut App),
) {
    let mut app = support::app(course);
    setup(&mut app);
    let mut term = terminal(w, h);
    frame(&mut app, &mut term);
    let mut i = 0;
    group.bench_function(format!("{name}/{w}x{h}"), |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            let mut done = 0;
            while done < iters {
                before(&mut app);
                let (code, counted) = keys[i % keys.len()];
                i += 1;
                let start = Instant::now();
                black_box(app.on_event(&key(code)));
                frame(&mut app, &mut term);
                if counted {
                    timed += start.elapsed();
                    done += 1;
                }
            }
            timed
        })
    });
}

/// Presses `keys` once each on a fresh app and returns the screens shown after each: a check that the keys do what
/// the bench says they do.
fn screens(course: &Course, keys: &[KeyCode]) -> Vec<Screen> {
    let mut app = support::app(course);
    keys.iter()
        .map(|&k| {
            app.on_event(&key(k));
            app.session.screen
        })
        .collect()
}

/// Moves the app to the step that wraps to the most lines at this terminal size (measured through `App::prepare`,
/// so the bench needs nothing of the view's layout).
fn open_longest_step(app: &mut App, (w, h): (u16, u16)) {
    let area = Rect::new(0, 0, w, h);
    let course = app.session.course;
    let mut best = (0, 0, 0);
    for (t, topic) in course.topics.iter().enumerate() {
        for s in 0..topic.lesson().steps.len() {
            app.session.open_topic(t, s);
            app.prepare(area);
            if app.wrapped.lines.len() > best.0 {
                best = (app.wrapped.lines.len(), t, s);
            }
        }
    }
    app.session.open_topic(best.1, best.2);
}

/// Back to the first topic once the last one is complete, so Enter can go on for ever.
fn wrap_around(app: &mut App) {
    let course = app.session.course;
    if app.session.topic + 1 == course.topics.len() && app.session.screen == Screen::Complete {
        app.run(Command::Goto(course.topics[0].number().to_string()));
    }
}

const ENTER: KeyCode = KeyCode::Enter;
const E: KeyCode = KeyCode::Char('e');
const T: KeyCode = KeyCode::Char('t');

fn common(group: &mut BenchmarkGroup<WallTime>, course: &Course, size: (u16, u16)) {
    let none = |_: &mut App| {};
    presses(
        group,
        "continue",
        course,
        size,
        &[(ENTER, true)],
        none,
        wrap_around,
    );
    let keys = [(E, false), (ENTER, true)];
    presses(group, "example", course, size, &keys, none, none);
    let keys = [(T, false), (ENTER, true), (ENTER, true)];
    presses(group, "topics_enter", course, size, &keys, none, none);
}

fn built_in(c: &mut Criterion) {
    let course = Course::built_in().expect("the built-in course is valid");
    // A new learner starts on the welcome screen.
    assert_eq!(
        screens(&course, &[ENTER, ENTER]),
        [Screen::Step(0), Screen::Step(1)]
    );
    assert_eq!(
        screens(&course, &[ENTER, E, ENTER]),
        [Screen::Step(0), Screen::Step(0), Screen::Example(0, 0)]
    );
    assert_eq!(
        screens(&course, &[ENTER, T, ENTER, ENTER]),
        [
            Screen::Step(0),
            Screen::Step(0),
            Screen::Topics,
            Screen::Step(0)
        ]
    );
    let mut group = c.benchmark_group("keypress");
    for size in SIZES {
        common(&mut group, &course, size);
        let keys = [(KeyCode::Char('j'), true), (KeyCode::Char('k'), true)];
        let longest = |app: &mut App| open_longest_step(app, size);
        presses(&mut group, "scroll", &course, size, &keys, longest, |_| {});
    }
    group.finish();
}

fn thousand_topics(c: &mut Criterion) {
    let dir = support::temp_course(&Shape::course(1000));
    let course = support::load(dir.path());
    let mut group = c.benchmark_group("keypress_1000");
    let size = (200, 60);
    common(&mut group, &course, size);
    let keys = [(KeyCode::Down, true), (KeyCode::Up, true)];
    let menu = |app: &mut App| {
        app.run(Command::Topics);
    };
    presses(
        &mut group,
        "menu_cursor",
        &course,
        size,
        &keys,
        menu,
        |_| {},
    );
    group.finish();
}

fn long_lesson(c: &mut Criterion) {
    let dir = support::temp_course(&Shape::long_lesson(5000));
    let course = support::load(dir.path());
    let doc = &course.topics[0].lesson().steps[0].markdown;
    let mut group = c.benchmark_group("long_lesson");
    for size in SIZES {
        let mut app = support::app(&course);
        app.session.open_topic(0, 0);
        app.prepare(Rect::new(0, 0, size.0, size.1));
        println!(
            "long lesson: {} source lines, {} lines on a {}x{} screen",
            doc.lines().count(),
            app.wrapped.lines.len(),
            size.0,
            size.1
        );
        let none = |_: &mut App| {};
        let keys = [(KeyCode::End, true), (KeyCode::Home, true)];
        presses(&mut group, "end_home", &course, size, &keys, none, none);
        let keys = [(T, false), (ENTER, false), (ENTER, true)];
        presses(&mut group, "open", &course, size, &keys, none, none);
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = built_in, thousand_topics, long_lesson
}
criterion_main!(benches);
