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
    // A scenario as `example` shows it: the situation and the question, the pick held back (think first).
    let course = built_in();
    let mut app = App::new(Session::new(&course, None), Theme::monochrome());
    app.run(command::parse("continue"));
    app.session.screen = crate::session::Screen::Scenario(0);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
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

/// The topic with the longest title: every screen is checked at 80×24 with it, where cutting and wrapping bite.
fn longest(course: &Course) -> &crate::course::Topic {
    course
        .topics
        .iter()
        .max_by_key(|t| t.title().chars().count())
        .unwrap()
}

fn fixed() -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn draw(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.prepare(ratatui::layout::Rect::new(0, 0, w, h));
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal.backend().to_string()
}

#[test]
fn lesson_screens_with_the_longest_title_80x24() {
    let course = built_in();
    let t = longest(&course);
    let goto = format!("goto {}", t.number());
    let last = t.step_count();
    let screens: Vec<(&str, Vec<String>)> = vec![
        ("step", vec![goto.clone()]),
        ("repeat", vec![goto.clone(), "repeat".into()]),
        ("example", vec![goto.clone(), "example".into()]),
        (
            "wrap_up",
            std::iter::once(goto.clone())
                .chain((1..last).map(|_| "continue".to_string()))
                .collect(),
        ),
        (
            "complete",
            vec![goto.clone()]
                .into_iter()
                .chain((0..last).map(|_| "continue".to_string()))
                .collect(),
        ),
        ("help", vec![goto.clone(), "help".into()]),
        ("topics", vec![goto.clone(), "topics".into()]),
        ("search", vec![goto.clone(), "/alarm".into()]),
        ("preview", vec![goto.clone(), "/alarm".into(), "2".into()]),
        ("unknown_word", vec![goto.clone(), "what is redrive".into()]),
    ];
    for (name, words) in screens {
        let mut app = App::new(Session::new(&course, None), Theme::monochrome());
        for w in &words {
            app.run(command::parse(w));
        }
        insta::assert_snapshot!(format!("long_{name}_80x24"), draw(&mut app, 80, 24));
    }
}

#[test]
fn quiz_screens_with_the_longest_title_80x24() {
    use crate::quiz::{Mode, QuizOptions, flow::QuizFlow};
    let course = built_in();
    let t = longest(&course);
    let quiz = |mode: Mode, count: usize| {
        let opts = QuizOptions {
            topic: Some(t.slug().to_string()),
            count: Some(count),
            seed: Some(2),
            ..QuizOptions::new(mode)
        };
        let mut app = App::new(Session::new(&course, None), Theme::monochrome());
        app.clock = fixed;
        app.start_quiz(QuizFlow::new(
            course.catalog(None),
            course.topic_infos(),
            &opts,
            &Default::default(),
            fixed(),
        ));
        app
    };
    let steps: Vec<(&str, Mode, Vec<&str>)> = vec![
        ("drill_prompt", Mode::Drill, vec![]),
        ("drill_feedback", Mode::Drill, vec!["b"]),
        ("drill_not_an_answer", Mode::Drill, vec!["next please"]),
        ("quiz_help", Mode::Drill, vec!["?"]),
        ("scenario_prompt", Mode::Scenario, vec![]),
        ("scenario_feedback", Mode::Scenario, vec!["a"]),
        ("exam_question", Mode::Exam, vec!["flag"]),
        ("exam_submit", Mode::Exam, vec!["submit"]),
        ("exam_review", Mode::Exam, vec!["a", "submit", ""]),
        ("finished", Mode::Drill, vec!["a", "", "a", ""]),
    ];
    for (name, mode, lines) in steps {
        let mut app = quiz(mode, 2);
        for l in lines {
            let cmd = app.quiz.as_ref().unwrap().parse(l);
            // A multiple-response scenario takes two letters.
            let cmd = match (&cmd, app.quiz.as_ref().unwrap().expect().pick) {
                (crate::quiz::flow::QuizCommand::Answer(v), 2) if v.len() == 1 => {
                    crate::quiz::flow::QuizCommand::Answer(vec![0, 1])
                }
                _ => cmd,
            };
            app.quiz_command(cmd);
        }
        insta::assert_snapshot!(format!("quiz_{name}_80x24"), draw(&mut app, 80, 24));
    }
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
                app.start_quiz(crate::quiz::flow::QuizFlow::new(
                    course.catalog(None),
                    topics,
                    &opts,
                    &Default::default(),
                    chrono::Utc::now(),
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

#[test]
fn a_quiz_on_the_projector_names_its_scope_not_the_lesson_topic() {
    use crate::quiz::{Mode, QuizOptions, flow::QuizFlow};
    let course = built_in();
    let mut app = App::new(Session::new(&course, None), Theme::monochrome());
    app.set_present(true, Some(Theme::monochrome()));
    app.clock = fixed;
    let opts = QuizOptions {
        topic: Some("lake-formation".into()),
        seed: Some(2),
        count: Some(2),
        ..QuizOptions::new(Mode::Drill)
    };
    app.start_quiz(QuizFlow::new(
        course.catalog(None),
        course.topic_infos(),
        &opts,
        &Default::default(),
        fixed(),
    ));
    let screen = draw(&mut app, 100, 30);
    assert!(
        screen.contains("Trigger drill · Topic 12 · AWS Lake Formation"),
        "{screen}"
    );
    assert!(!screen.contains("Topic 11 Trigger drill"), "{screen}");
}

/// The Plan screen after a drill and a mock exam, the next steps and the misses in the topic with the longest
/// title: its top (forecast and today's list) and its bottom (the table by topic).
#[test]
fn plan_screen_with_the_longest_title_80x24() {
    use crate::forecast::{course::planned, markdown};
    use crate::quiz::{Rating, review};
    let course = built_in();
    let t = longest(&course);
    let mut progress = crate::progress::Progress::default();
    for other in course.topics.iter().take_while(|o| o.slug() != t.slug()) {
        progress.lesson.completed.insert(other.slug().to_string());
    }
    progress.lesson.reach(t.slug(), 1);
    let exam = chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    let at = fixed() - chrono::Duration::hours(2);
    for (i, bank) in course.banks().iter().enumerate() {
        let ids = (bank.triggers.iter().map(|x| &x.id)).chain(bank.questions.iter().map(|q| &q.id));
        for (j, id) in ids
            .enumerate()
            .take(if bank.topic == t.slug() { 30 } else { 6 })
        {
            let rating = if (i + j) % 3 == 0 {
                Rating::Again
            } else {
                Rating::Good
            };
            let mut s = review(None, rating, at, Some(exam));
            s.secs = 20;
            progress.items.insert(id.clone(), s);
        }
    }
    let (f, today) = planned(&course, &progress, exam, fixed());
    let mut app = App::new(Session::new(&course, None), Theme::monochrome());
    app.show_overlay("Plan", markdown::markdown(&f, &today, markdown::Open::Keys));
    app.overlay_links = today.links();
    insta::assert_snapshot!("plan_top_80x24", draw(&mut app, 80, 24));
    app.on_key(command::table::Key::End, None);
    insta::assert_snapshot!("plan_bottom_80x24", draw(&mut app, 80, 24));
    // A digit opens the first step listed: the next one to read in that topic.
    app.on_key(command::table::Key::Digit, Some('1'));
    assert!(app.overlay.is_none());
    let ti = course
        .topics
        .iter()
        .position(|o| o.slug() == t.slug())
        .unwrap();
    assert_eq!(app.session.screen, crate::session::Screen::Look(ti, 2));
}
