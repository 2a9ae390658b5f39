use ratatui::{Terminal, backend::TestBackend};

use crate::{
    command,
    course::{Course, load::mini_course},
    session::Session,
    theme::Theme,
    tui::app::App,
};

fn screen(course: &Course, words: &[&str], w: u16, h: u16) -> String {
    let mut app = App::new(Session::new(course, None), Theme::monochrome());
    for word in words {
        app.run(command::parse(word));
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.prepare(ratatui::layout::Rect::new(0, 0, w, h));
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    terminal.backend().to_string()
}

fn built_in() -> Course {
    Course::built_in().expect("built-in course is valid")
}

#[test]
fn welcome_80x24() {
    insta::assert_snapshot!(screen(&built_in(), &[], 80, 24));
}

#[test]
fn lesson_step_80x24() {
    insta::assert_snapshot!(screen(&built_in(), &["continue"], 80, 24));
}

#[test]
fn lesson_step_120x40() {
    insta::assert_snapshot!(screen(
        &built_in(),
        &["continue", "continue", "continue"],
        120,
        40
    ));
}

#[test]
fn scenario_80x24() {
    insta::assert_snapshot!(screen(&built_in(), &["example"], 80, 24));
}

#[test]
fn topic_complete_120x40() {
    let course = mini_course();
    insta::assert_snapshot!(screen(&course, &["c", "c", "c", "c"], 120, 40));
}

#[test]
fn topics_menu_80x24() {
    insta::assert_snapshot!(screen(&built_in(), &["goto 12", "topics"], 80, 24));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(&mini_course(), &["c"], 29, 7));
}

#[test]
fn every_size_draws_without_panic() {
    let course = built_in();
    let mut app = App::new(Session::new(&course, None), Theme::monochrome());
    let screens: [&[&str]; 8] = [
        &[],
        &["c"],
        &["example"],
        &["topics"],
        &["help"],
        &["/retry"],
        &["present"],
        &["quiz"],
    ];
    for words in screens {
        for word in words {
            if let Some(crate::session::Outcome::Quiz(t)) = app.run(command::parse(word)) {
                let opts = crate::quiz::QuizOptions {
                    mode: crate::quiz::Mode::Drill,
                    topic: Some(course.topics[t].slug().to_string()),
                    count: None,
                    seed: Some(1),
                    exam_date: None,
                    typed: false,
                };
                let topics = course.topic_infos();
                app.start_quiz(crate::tui::quiz::QuizState::new(
                    &course.banks,
                    topics,
                    &opts,
                    &Default::default(),
                    chrono::Utc::now,
                ));
            }
        }
        // Every width at a few heights, and every height at a few widths (all 20,000 sizes per screen would make
        // this test minutes long in a debug build without finding more: layout depends on each axis alone).
        let sizes = (0..=250u16)
            .flat_map(|w| [0, 1, 7, 8, 9, 24, 80].map(move |h| (w, h)))
            .chain((0..=80u16).flat_map(|h| [0, 1, 29, 30, 31, 80, 250].map(move |w| (w, h))));
        for (w, h) in sizes {
            {
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                app.prepare(ratatui::layout::Rect::new(0, 0, w, h));
                terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
            }
        }
    }
}

#[test]
fn projector_layout_100x30() {
    let course = built_in();
    let mut app = App::new(Session::new(&course, None), Theme::monochrome());
    app.set_present(true, Some(Theme::monochrome()));
    app.run(command::parse("goto 12"));
    app.run(command::parse("c"));
    app.run(command::parse("c"));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    app.prepare(ratatui::layout::Rect::new(0, 0, 100, 30));
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    insta::assert_snapshot!(terminal.backend().to_string());
}
