use chrono::TimeZone;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::course::Course;

fn fixed() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn late() -> DateTime<Utc> {
    fixed() + chrono::Duration::hours(5)
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn opts(mode: Mode, count: Option<usize>) -> QuizOptions {
    QuizOptions {
        mode,
        topic: Some("step-functions".into()),
        count,
        seed: Some(7),
        exam_date: None,
        typed: false,
    }
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Save(..)))
        .count()
}

#[test]
fn a_drill_answers_saves_rerates_and_leaves_with_a_summary() {
    let course = Course::built_in().unwrap();
    let mut q = QuizState::new(
        &course.banks,
        course.topic_infos(),
        &opts(Mode::Drill, Some(2)),
        &BTreeMap::new(),
        fixed,
    );
    assert!(q.markdown().contains("trigger 1 of 2"));
    assert!(!q.is_timed());
    let effects = q.on_key(key(KeyCode::Char('a')));
    assert_eq!(saves(&effects), 1, "every answer is saved at once");
    assert!(q.markdown().contains("**Answer:**"));
    let effects = q.on_key(key(KeyCode::Char('4')));
    assert_eq!(saves(&effects), 1, "a re-rating is saved too");
    assert!(q.markdown().contains("Rated easy"));
    q.on_key(key(KeyCode::Enter));
    assert!(q.markdown().contains("trigger 2 of 2"));
    // A letter past the options is refused with a message, not an answer.
    assert!(q.on_key(key(KeyCode::Char('z'))).is_empty());
    assert_eq!(q.message.as_deref(), Some("Choose a letter from A to D."));
    q.on_key(key(KeyCode::Char('b')));
    q.on_key(key(KeyCode::Enter));
    assert!(
        q.markdown()
            .contains("Trigger drill · Topic 11 · AWS Step Functions:")
    );
    let effects = q.on_key(key(KeyCode::Enter));
    match &effects[..] {
        [Effect::Leave(s)] => assert_eq!(s.answered, 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn multiple_response_needs_enter_and_the_right_count() {
    let course = Course::built_in().unwrap();
    let mut q = QuizState::new(
        &course.banks,
        course.topic_infos(),
        &opts(Mode::Scenario, None),
        &BTreeMap::new(),
        fixed,
    );
    // Find a multiple-response question by pressing through.
    for _ in 0..40 {
        if q.markdown().contains("(Choose TWO.)") {
            break;
        }
        q.on_key(key(KeyCode::Char('a')));
        q.on_key(key(KeyCode::Enter));
    }
    assert!(q.markdown().contains("(Choose TWO.)"));
    assert!(
        q.on_key(key(KeyCode::Char('a'))).is_empty(),
        "a toggle is not an answer"
    );
    assert!(q.markdown().contains("● **A)**"));
    q.on_key(key(KeyCode::Enter));
    assert_eq!(q.message.as_deref(), Some("Choose 2 options, not 1."));
    q.on_key(key(KeyCode::Char('c')));
    assert_eq!(saves(&q.on_key(key(KeyCode::Enter))), 1);
    assert!(q.markdown().contains("*(your answer)*"));
}

#[test]
fn the_exam_counts_down_flags_moves_and_submits_when_time_is_up() {
    let course = Course::built_in().unwrap();
    let mut o = opts(Mode::Exam, Some(3));
    o.topic = None;
    let mut q = QuizState::new(
        &course.banks,
        course.topic_infos(),
        &o,
        &BTreeMap::new(),
        fixed,
    );
    assert!(q.is_timed());
    assert_eq!(q.place(), "Question 1 of 3 · 06:00 left");
    q.on_key(key(KeyCode::Char('a')));
    q.on_key(key(KeyCode::Char('f')));
    assert!(q.markdown().contains("⚑ flagged"));
    q.on_key(key(KeyCode::Right));
    assert_eq!(q.place(), "Question 2 of 3 · 06:00 left");
    q.on_key(key(KeyCode::Char('3')));
    q.on_key(key(KeyCode::Enter));
    assert_eq!(q.place(), "Question 3 of 3 · 06:00 left");
    assert!(q.tick().is_empty(), "time is not up yet");
    // The clock runs out: the next tick submits and saves every question.
    q.clock = late;
    let effects = q.tick();
    assert_eq!(saves(&effects), 3);
    assert!(q.markdown().contains("time ran out"));
    assert!(!q.is_timed());
    match &q.on_key(key(KeyCode::Esc))[..] {
        [Effect::Leave(s)] => assert!(s.exam.is_some()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn submit_asks_once() {
    let course = Course::built_in().unwrap();
    let mut o = opts(Mode::Exam, Some(2));
    o.topic = None;
    let mut q = QuizState::new(
        &course.banks,
        course.topic_infos(),
        &o,
        &BTreeMap::new(),
        fixed,
    );
    q.on_key(key(KeyCode::Char('s')));
    assert!(
        q.message
            .as_deref()
            .unwrap()
            .starts_with("Submit with 2 unanswered?")
    );
    q.on_key(key(KeyCode::Down));
    assert!(q.is_timed(), "any other key goes on");
    q.on_key(key(KeyCode::Char('s')));
    assert_eq!(saves(&q.on_key(key(KeyCode::Char('s')))), 2);
    assert!(q.markdown().starts_with("# Mock exam: "));
}

#[test]
fn nothing_due_says_so() {
    let course = Course::built_in().unwrap();
    let q = QuizState::new(
        &course.banks,
        course.topic_infos(),
        &opts(Mode::Due, None),
        &BTreeMap::new(),
        fixed,
    );
    assert_eq!(
        q.message.as_deref(),
        Some("Reviews due: nothing to ask now.")
    );
    assert!(q.markdown().contains("Nothing answered this time."));
}

#[test]
fn a_class_votes_then_the_presenter_reveals_and_nothing_is_scheduled() {
    let course = Course::built_in().unwrap();
    let mut q = QuizState::new(
        &course.banks,
        course.topic_infos(),
        &opts(Mode::Drill, Some(2)),
        &BTreeMap::new(),
        fixed,
    );
    q.set_present(true);
    for c in ['b', 'b', 'a', 'b', 'z'] {
        assert!(
            q.on_key(key(KeyCode::Char(c))).is_empty(),
            "votes are not answers"
        );
    }
    let md = q.markdown();
    assert!(
        md.contains("**Class votes:** A 1 · B 3 · C 0 · D 0"),
        "{md}"
    );
    assert!(
        !md.contains("**Answer:**"),
        "the answer stays hidden until revealed"
    );
    let effects = q.on_key(key(KeyCode::Char(' ')));
    assert!(effects.is_empty(), "the presenter's schedule is untouched");
    let md = q.markdown();
    assert!(md.contains("**Answer:**"), "{md}");
    assert!(
        md.contains("✓") && md.contains("*(the class's answer)*"),
        "{md}"
    );
    assert!(md.contains("**Class votes:** A 1 · B 3"), "{md}");
    q.on_key(key(KeyCode::Enter));
    assert!(
        q.markdown().contains("**Class votes:** A 0 · B 0"),
        "the tally starts again"
    );
}
