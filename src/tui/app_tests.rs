use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseEvent, MouseEventKind,
};

use super::*;
use crate::course::load::mini_course;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn enter(app: &mut App) -> Option<Outcome> {
    app.on_event(&key(KeyCode::Enter))
}

/// Types `text` then Enter.
fn say(app: &mut App, text: &str) -> Option<Outcome> {
    typed(app, text);
    enter(app)
}

fn typed(app: &mut App, text: &str) -> Option<Outcome> {
    let mut last = None;
    for ch in text.chars() {
        last = app.on_event(&key(KeyCode::Char(ch)));
    }
    last
}

fn app(course: &crate::course::Course) -> App<'_> {
    let mut a = App::new(Session::new(course, None), Theme::monochrome());
    a.run(Command::Continue);
    a.prepare(Rect::new(0, 0, 80, 24));
    a
}

#[test]
fn typing_a_word_and_enter_runs_it() {
    let course = mini_course();
    let mut a = app(&course);
    typed(&mut a, "continue");
    assert_eq!(a.input, "continue");
    assert_eq!(
        a.session.screen,
        Screen::Step(0),
        "typing alone changes nothing"
    );
    a.on_event(&key(KeyCode::Enter));
    assert_eq!(a.session.screen, Screen::Step(1));
    assert!(a.input.is_empty());
}

#[test]
fn ctrl_c_quits() {
    let course = mini_course();
    let mut a = app(&course);
    let ev = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(a.on_event(&ev), Some(Outcome::Quit));
}

#[test]
fn scrolling_is_clamped_and_a_new_document_starts_at_the_top() {
    let course = mini_course();
    let mut a = app(&course);
    a.run(Command::Help);
    a.prepare(Rect::new(0, 0, 40, 9));
    let max = a.max_scroll();
    assert!(max > 0, "the help screen must overflow a 9-line terminal");
    for _ in 0..max + 20 {
        a.on_event(&key(KeyCode::Down));
    }
    assert_eq!(a.scroll, a.max_scroll());
    a.on_event(&key(KeyCode::Home));
    assert_eq!(a.scroll, 0);
    a.on_event(&key(KeyCode::End));
    assert_eq!(a.scroll, max);
    a.on_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollUp,
        column: 0,
        row: 0,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(a.scroll, max.saturating_sub(3));
    a.run(Command::Continue);
    assert_eq!(a.scroll, 0);
}

#[test]
fn key_release_events_are_ignored() {
    let course = mini_course();
    let mut a = app(&course);
    let release = Event::Key(KeyEvent {
        code: KeyCode::Char('c'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    });
    a.on_event(&release);
    assert_eq!(a.session.screen, Screen::Step(0));
}

#[test]
fn the_projector_layout_toggles_and_hides_the_hint_until_asked() {
    let course = mini_course();
    let mut a = app(&course);
    let hc = Theme::named("high-contrast").unwrap();
    a.set_present(true, Some(hc.clone()));
    assert!(a.present && !a.show_hint);
    assert_eq!(a.theme, hc);
    typed(&mut a, "?");
    assert!(a.show_hint, "? shows the commands");
    assert_eq!(
        a.session.screen,
        Screen::Step(0),
        "and opens no help screen in the projector layout"
    );
    typed(&mut a, "?");
    assert!(!a.show_hint);
    typed(&mut a, "present");
    a.on_event(&key(KeyCode::Enter));
    assert!(!a.present && a.show_hint);
    assert_eq!(a.theme, Theme::monochrome());
}

#[test]
fn any_word_typed_at_speed_goes_to_the_command_line() {
    let course = mini_course();
    let mut a = app(&course);
    typed(&mut a, "blorp");
    assert_eq!(a.input, "blorp");
    assert_eq!(a.session.screen, Screen::Step(0), "letters only type");
    a.on_event(&key(KeyCode::Enter));
    assert!(
        a.session
            .message
            .as_deref()
            .unwrap()
            .starts_with("\"blorp\" is not a command.")
    );
}

#[test]
fn letters_never_act_alone_and_nothing_shown_is_undone() {
    let course = mini_course();
    let mut a = app(&course);
    // `r` then `e`, at any speed: both are letters on the command line; the screen has not moved.
    assert_eq!(typed(&mut a, "r"), None);
    assert_eq!(a.session.screen, Screen::Step(0));
    typed(&mut a, "e");
    assert_eq!(a.input, "re");
    a.on_event(&key(KeyCode::Esc));
    assert!(a.input.is_empty(), "Esc clears the line");
    // The abbreviations with Enter, and the whole words, do the same thing.
    say(&mut a, "r");
    assert_eq!(a.session.screen, Screen::Again(0, 0));
    say(&mut a, "e");
    assert_eq!(a.session.screen, Screen::Example(0, 0));
    say(&mut a, "repeat");
    assert_eq!(a.session.screen, Screen::Angle(0));
    say(&mut a, "example");
    assert_eq!(a.session.screen, Screen::Scenario(0));
    // Think first: Enter on an empty line shows the pick, it does not continue.
    enter(&mut a);
    assert!(a.session.revealed);
    assert_eq!(a.session.screen, Screen::Scenario(0));
    // `c` then `h` (the old misfire): a word, not continue-then-help.
    typed(&mut a, "ch");
    assert_eq!(a.session.screen, Screen::Scenario(0));
    assert_eq!(a.session.step, 0, "nothing moved, so nothing was saved");
}

#[test]
fn enter_on_an_empty_line_continues_and_done_needs_its_word() {
    let course = mini_course();
    let mut a = app(&course);
    assert_eq!(enter(&mut a), None);
    assert_eq!(a.session.screen, Screen::Step(1));
    assert_eq!(
        typed(&mut a, "d"),
        None,
        "a letter alone never ends anything"
    );
    assert_eq!(enter(&mut a), Some(Outcome::Done));
    let mut a = app(&course);
    assert_eq!(say(&mut a, "done"), Some(Outcome::Done));
    let mut a = app(&course);
    assert_eq!(say(&mut a, "q"), Some(Outcome::Quit));
    let ctrl_d = Event::Key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    let mut a = app(&course);
    assert_eq!(a.on_event(&ctrl_d), Some(Outcome::Done));
}

#[test]
fn j_k_and_space_scroll_only_on_an_empty_line() {
    let course = mini_course();
    let mut a = app(&course);
    a.run(Command::Help);
    a.prepare(Rect::new(0, 0, 40, 9));
    typed(&mut a, "j");
    assert_eq!((a.scroll, a.input.as_str()), (1, ""));
    typed(&mut a, "k");
    assert_eq!(a.scroll, 0);
    typed(&mut a, " ");
    assert!(a.scroll > 1, "space pages down");
    typed(&mut a, "go j");
    assert_eq!(a.input, "go j", "once the line has text, j is a letter");
}

#[test]
fn esc_leaves_help_the_menu_search_and_asides() {
    let course = mini_course();
    let mut a = app(&course);
    enter(&mut a);
    for word in ["help", "topics", "/alpha", "repeat", "example"] {
        say(&mut a, word);
        assert_ne!(a.session.screen, Screen::Step(1), "{word}");
        a.on_event(&key(KeyCode::Esc));
        assert_eq!(a.session.screen, Screen::Step(1), "Esc leaves {word}");
    }
    typed(&mut a, "?");
    assert_eq!(
        a.session.screen,
        Screen::Help,
        "? opens help on an empty line"
    );
    a.on_event(&key(KeyCode::Esc));
    assert_eq!(a.session.screen, Screen::Step(1));
}

#[test]
fn topic_menu_and_goto_keep_the_learners_place() {
    let course = mini_course();
    let mut a = app(&course);
    enter(&mut a);
    enter(&mut a);
    assert_eq!(a.session.screen, Screen::Step(2));
    // Enter on the current topic in the menu, and goto the current topic: the same step, never step 1.
    say(&mut a, "t");
    assert_eq!(a.session.screen, Screen::Topics);
    enter(&mut a);
    assert_eq!(a.session.screen, Screen::Step(2));
    say(&mut a, "goto 1");
    assert_eq!(a.session.screen, Screen::Step(2));
    assert!(
        a.session
            .message
            .as_deref()
            .unwrap()
            .starts_with("You are here")
    );
    // Another topic, then back: its step is remembered too.
    say(&mut a, "topics");
    a.on_event(&key(KeyCode::Down));
    enter(&mut a);
    assert_eq!((a.session.topic, a.session.screen), (1, Screen::Step(0)));
    say(&mut a, "goto 1");
    assert_eq!((a.session.topic, a.session.screen), (0, Screen::Step(2)));
}

#[test]
fn a_search_hit_is_a_preview_until_the_learner_continues() {
    let course = mini_course();
    let mut a = app(&course);
    say(&mut a, "/second");
    assert_eq!(a.session.screen, Screen::Search);
    assert!(a.session.hits.len() >= 4);
    a.on_event(&key(KeyCode::Down));
    enter(&mut a);
    assert_eq!(a.session.screen, Screen::Preview(1));
    assert!(a.finding());
    let place = a.session.position();
    a.prepare(Rect::new(0, 0, 80, 24));
    // Tab steps through the matches; letters still type.
    a.on_event(&key(KeyCode::Tab));
    assert_eq!(a.session.screen, Screen::Preview(1));
    // Esc undoes the preview (back to the hits, the same one selected), then leaves the search: the place never
    // moved, and the search is over.
    a.on_event(&key(KeyCode::Esc));
    assert_eq!((a.session.screen, a.hit_cursor), (Screen::Search, 1));
    a.on_event(&key(KeyCode::Esc));
    assert_eq!(a.session.screen, Screen::Step(0));
    assert_eq!(a.session.position(), place);
    assert!(a.session.find.is_none() && !a.finding());
    // Continuing from a previewed step makes it the place and moves on.
    say(&mut a, "/second");
    let step_hit = a
        .session
        .hits
        .iter()
        .position(|h| h.topic == 0 && matches!(h.place, crate::course::search::Place::Step(1)));
    let n = step_hit.expect("alpha's second step mentions second") + 1;
    say(&mut a, &n.to_string());
    assert_eq!(
        a.session.position(),
        place,
        "a preview does not move the place"
    );
    enter(&mut a);
    assert_eq!(a.session.screen, Screen::Step(2));
    assert_eq!(a.session.position().step, 2);
    assert!(
        a.session.find.is_none(),
        "the search ended with the preview"
    );
}

#[test]
fn a_quiz_scrolls_answers_deliberately_and_leaves_with_its_score() {
    let course = crate::course::Course::built_in().unwrap();
    let mut a = App::new(Session::new(&course, None), Theme::monochrome());
    let opts = crate::quiz::QuizOptions {
        seed: Some(3),
        count: Some(3),
        ..crate::quiz::QuizOptions::new(crate::quiz::Mode::Scenario)
    };
    a.start_quiz(crate::quiz::flow::QuizFlow::new(
        course.catalog(None),
        course.topic_infos(),
        &opts,
        &Default::default(),
        chrono::Utc::now(),
    ));
    a.prepare(Rect::new(0, 0, 80, 24));
    // A typed word is never an answer.
    say(&mut a, "done please");
    assert!(a.saves.is_empty());
    say(&mut a, "stat");
    assert!(a.saves.is_empty());
    // A letter selects nothing until Enter.
    typed(&mut a, "a");
    assert!(a.saves.is_empty());
    let answered = if a.quiz.as_ref().unwrap().expect().pick == 1 {
        enter(&mut a);
        true
    } else {
        say(&mut a, "b");
        true
    };
    assert!(
        answered && a.saves.len() == 1,
        "the answer is saved at once"
    );
    // The explanations are reachable from the keyboard.
    a.prepare(Rect::new(0, 0, 80, 24));
    assert!(a.max_scroll() > 0, "a scenario's review overflows 80×24");
    a.on_event(&key(KeyCode::PageDown));
    assert!(a.scroll > 0, "PgDn scrolls a quiz");
    a.on_event(&key(KeyCode::End));
    assert_eq!(a.scroll, a.max_scroll());
    typed(&mut a, "k");
    assert_eq!(a.scroll, a.max_scroll() - 1, "k scrolls on an empty line");
    typed(&mut a, "?");
    assert!(
        a.quiz
            .as_ref()
            .unwrap()
            .markdown()
            .starts_with("# Quiz commands")
    );
    a.on_event(&key(KeyCode::Esc));
    assert!(a.quiz.is_some(), "Esc closes the quiz's help, not the quiz");
    a.on_event(&key(KeyCode::Esc));
    assert!(a.quiz.is_none(), "Esc leaves the quiz");
    let m = a.session.message.as_deref().unwrap();
    assert!(m.ends_with("of 1 right."), "{m}");
}

#[test]
fn tab_after_a_wrong_answer_opens_its_step_and_esc_comes_back_to_the_quiz() {
    let mut course = crate::course::Course::built_in().unwrap();
    course.edit_banks(|banks| {
        for b in banks {
            let step = Some(crate::quiz::bank::StepRef { step: 2, line: 1 });
            b.triggers.iter_mut().for_each(|t| t.step = step);
        }
    });
    let mut a = App::new(Session::new(&course, None), Theme::monochrome());
    a.run(Command::Continue);
    let place = a.session.position();
    let opts = crate::quiz::QuizOptions {
        seed: Some(5),
        count: Some(4),
        topic: Some("lake-formation".into()),
        ..crate::quiz::QuizOptions::new(crate::quiz::Mode::Drill)
    };
    a.start_quiz(crate::quiz::flow::QuizFlow::new(
        course.catalog(None),
        course.topic_infos(),
        &opts,
        &Default::default(),
        chrono::Utc::now(),
    ));
    // Answer until one is wrong (four options, four items: A cannot be right every time).
    let mut wrong = false;
    for _ in 0..4 {
        say(&mut a, "a");
        if a.quiz.as_ref().unwrap().markdown().contains("Not quite") {
            wrong = true;
            break;
        }
        enter(&mut a);
    }
    assert!(wrong, "the seed gives a wrong answer");
    let before = a.quiz.as_ref().unwrap().markdown();
    a.on_event(&key(KeyCode::Tab));
    assert!(a.quiz.is_none(), "the quiz is set aside");
    assert_eq!(a.session.screen, Screen::Look(1, 1));
    assert_eq!(
        a.session.position(),
        place,
        "re-reading does not move the learner's place"
    );
    assert!(
        a.session
            .header()
            .place
            .starts_with("Re-reading · Step 2 of")
    );
    a.on_event(&key(KeyCode::Esc));
    assert_eq!(
        a.quiz.as_ref().unwrap().markdown(),
        before,
        "back where it was"
    );
    assert_eq!(a.session.screen, Screen::Step(0));
}

#[test]
fn a_digit_opens_a_step_to_re_read_from_a_list_and_types_elsewhere() {
    let course = crate::course::Course::built_in().unwrap();
    let mut a = App::new(Session::new(&course, None), Theme::monochrome());
    a.run(Command::Continue);
    // The stats overlay lists steps to re-read: a digit opens one at once.
    a.show_overlay("Stats", "1. Topic 12 · step 3".into());
    a.overlay_links = vec![crate::quiz::reread::Reread {
        topic: "lake-formation".into(),
        step: 2,
        misses: 1,
    }];
    typed(&mut a, "1");
    assert!(a.overlay.is_none());
    assert_eq!(a.session.screen, Screen::Look(1, 2));
    assert!(a.input.is_empty());
    a.on_event(&key(KeyCode::Esc));
    assert_eq!(a.session.screen, Screen::Step(0));
    // Without a list a digit is typed: `12⏎` still goes to topic 12.
    typed(&mut a, "12");
    assert_eq!(a.input, "12");
    enter(&mut a);
    assert_eq!(a.session.topic, 1);
}
