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
fn single_keys_act_on_an_empty_line() {
    let course = mini_course();
    let mut a = app(&course);
    typed(&mut a, "c");
    assert_eq!(a.session.screen, Screen::Step(1));
    a.on_event(&key(KeyCode::Esc));
    typed(&mut a, "r");
    assert_eq!(a.session.screen, Screen::Angle(0));
    a.on_event(&key(KeyCode::Esc));
    typed(&mut a, "e");
    assert_eq!(a.session.screen, Screen::Scenario(0));
    a.on_event(&key(KeyCode::Esc));
    typed(&mut a, "?");
    assert_eq!(a.session.screen, Screen::Help);
}

#[test]
fn a_single_key_followed_by_a_word_letter_is_undone_and_typed() {
    let course = mini_course();
    let mut a = app(&course);
    typed(&mut a, "r");
    assert_eq!(a.session.screen, Screen::Angle(0));
    typed(&mut a, "e");
    // "re" starts "repeat": the learner was typing, so the single-key action is undone.
    assert_eq!(a.session.screen, Screen::Step(0));
    assert_eq!(a.input, "re");
    typed(&mut a, "peat");
    a.on_event(&key(KeyCode::Enter));
    assert_eq!(a.session.screen, Screen::Angle(0));
}

#[test]
fn d_and_q_ask_before_leaving() {
    let course = mini_course();
    let mut a = app(&course);
    assert_eq!(typed(&mut a, "d"), None);
    assert!(
        a.session
            .message
            .as_deref()
            .unwrap()
            .contains("Press d again or Enter")
    );
    assert_eq!(typed(&mut a, "d"), Some(Outcome::Done));
    let mut a = app(&course);
    typed(&mut a, "q");
    assert_eq!(a.on_event(&key(KeyCode::Enter)), Some(Outcome::Quit));
    // Any other key keeps the learner here.
    let mut a = app(&course);
    typed(&mut a, "q");
    assert_eq!(a.on_event(&key(KeyCode::Down)), None);
    assert_eq!(a.session.message, None);
    // And "do"/"qu" are the start of typed words.
    let mut a = app(&course);
    typed(&mut a, "done");
    assert_eq!(a.input, "done");
    assert_eq!(a.on_event(&key(KeyCode::Enter)), Some(Outcome::Done));
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
fn topic_menu_moves_with_arrows_and_opens_with_enter() {
    let course = mini_course();
    let mut a = app(&course);
    typed(&mut a, "t");
    assert_eq!(a.session.screen, Screen::Topics);
    a.on_event(&key(KeyCode::Down));
    a.on_event(&key(KeyCode::Enter));
    assert_eq!((a.session.topic, a.session.screen), (1, Screen::Step(0)));
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
fn search_lists_hits_opens_one_and_marks_matches() {
    let course = mini_course();
    let mut a = app(&course);
    typed(&mut a, "/second");
    a.on_event(&key(KeyCode::Enter));
    assert_eq!(a.session.screen, Screen::Search);
    assert!(a.session.hits.len() >= 4);
    a.on_event(&key(KeyCode::Down));
    a.on_event(&key(KeyCode::Enter));
    assert_eq!(
        a.session.screen,
        Screen::Angle(1),
        "the second hit is alpha's second angle"
    );
    assert!(a.finding());
    a.prepare(Rect::new(0, 0, 80, 24));
    // n and N step through matches instead of continuing.
    typed(&mut a, "n");
    assert_eq!(a.session.screen, Screen::Angle(1));
    a.on_event(&key(KeyCode::Esc));
    assert!(!a.finding());
    typed(&mut a, "n");
    assert_eq!(
        a.session.screen,
        Screen::Step(1),
        "without a search, n is continue again"
    );
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
    assert_eq!(a.session.screen, Screen::Step(0), "the b (back) was undone");
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
fn the_same_key_again_is_the_command_again() {
    let course = mini_course();
    let mut a = app(&course);
    typed(&mut a, "cc");
    assert_eq!(a.session.screen, Screen::Step(2));
    assert!(a.input.is_empty());
}
