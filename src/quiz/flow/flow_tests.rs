use chrono::TimeZone;

use super::*;
use crate::course::Course;
use crate::quiz::Mode;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
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

fn flow<'c>(course: &'c Course, o: &QuizOptions) -> QuizFlow<'c> {
    QuizFlow::new(
        course.catalog(None),
        course.topic_infos(),
        o,
        &BTreeMap::new(),
        t0(),
    )
}

/// Types `text` and Enter, as either front end would.
fn line(q: &mut QuizFlow, text: &str) -> Vec<Effect> {
    let cmd = q.parse(text);
    q.apply(cmd, t0())
}

fn saves(effects: &[Effect]) -> usize {
    (effects.iter())
        .filter(|e| matches!(e, Effect::Save(..)))
        .count()
}

#[test]
fn a_drill_answers_saves_rerates_and_leaves_with_a_summary() {
    let course = Course::built_in().unwrap();
    let mut q = flow(&course, &opts(Mode::Drill, Some(2)));
    assert!(q.markdown().contains("trigger 1 of 2"));
    assert!(!q.is_timed());
    assert_eq!(
        saves(&line(&mut q, "a")),
        1,
        "every answer is saved at once"
    );
    assert!(q.markdown().contains("**Answer:**"));
    assert_eq!(saves(&line(&mut q, "4")), 1, "a re-rating is saved too");
    assert!(q.markdown().contains("Rated easy"));
    assert_eq!(saves(&line(&mut q, "good")), 1);
    assert!(q.markdown().contains("Rated good"));
    line(&mut q, "");
    assert!(q.markdown().contains("trigger 2 of 2"));
    assert!(line(&mut q, "z").is_empty());
    assert!(q.message.as_deref().unwrap().contains("is not an answer"));
    line(&mut q, "b");
    line(&mut q, "");
    assert!(
        q.markdown()
            .contains("Trigger drill · Topic 11 · AWS Step Functions:")
    );
    match &line(&mut q, "")[..] {
        [Effect::Leave(s)] => assert_eq!(s.answered, 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn typed_words_never_record_an_answer() {
    let course = Course::built_in().unwrap();
    let mut q = flow(&course, &opts(Mode::Drill, Some(3)));
    for word in [
        "stat",
        "next please",
        "what is redrive",
        "stats",
        "bad",
        "e",
    ] {
        assert!(line(&mut q, word).is_empty(), "{word}");
        assert!(q.summary().answered == 0, "{word} answered something");
        assert!(q.message.is_some(), "{word} says why");
    }
    // `next` before answering is not a skip in disguise either.
    assert!(line(&mut q, "next").is_empty());
    assert_eq!(q.summary().skipped, 0);
    // `done` leaves with what was answered (nothing).
    match &line(&mut q, "done")[..] {
        [Effect::Leave(s)] => assert_eq!((s.answered, s.right), (0, 0)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn help_shows_the_quiz_commands_and_goes_back() {
    let course = Course::built_in().unwrap();
    let mut q = flow(&course, &opts(Mode::Drill, Some(2)));
    for h in ["?", "h", "help"] {
        line(&mut q, h);
        assert!(q.markdown().starts_with("# Quiz commands"), "{h}");
        line(&mut q, "");
        assert!(q.markdown().contains("trigger 1 of 2"), "{h}");
    }
    // Esc (leave) on the help screen closes help, not the quiz.
    line(&mut q, "?");
    assert!(q.apply(QuizCommand::Leave, t0()).is_empty());
    assert!(q.markdown().contains("trigger 1 of 2"));
}

#[test]
fn skip_records_nothing_and_counts_as_skipped() {
    let course = Course::built_in().unwrap();
    let mut q = flow(&course, &opts(Mode::Drill, Some(2)));
    assert!(line(&mut q, "skip").is_empty());
    assert!(q.markdown().contains("trigger 2 of 2"));
    line(&mut q, "a");
    line(&mut q, "");
    let s = q.summary();
    assert_eq!((s.answered, s.skipped), (1, 1));
    assert!(s.score_line("Drill").contains("(1 skipped)"));
}

#[test]
fn multiple_response_takes_both_letters_or_one_at_a_time() {
    let course = Course::built_in().unwrap();
    let mut q = flow(&course, &opts(Mode::Scenario, None));
    for _ in 0..40 {
        if q.markdown().contains("(Choose TWO.)") {
            break;
        }
        line(&mut q, "skip");
    }
    assert!(q.markdown().contains("(Choose TWO.)"));
    assert!(line(&mut q, "a").is_empty(), "one letter of two is a pick");
    assert!(q.markdown().contains("● **A)**"));
    assert!(line(&mut q, "").is_empty(), "Enter with one of two picked");
    assert!(
        q.message
            .as_deref()
            .unwrap()
            .starts_with("Choose 2 letters")
    );
    line(&mut q, "c");
    assert!(
        q.next_line(200, true)
            .contains("picked A C of 2, Enter answers")
    );
    assert_eq!(saves(&line(&mut q, "")), 1);
    assert!(q.markdown().contains("*(your answer)*"));
    // The next multiple-response question in one line.
    line(&mut q, "");
    for _ in 0..40 {
        if q.markdown().contains("(Choose TWO.)") {
            break;
        }
        line(&mut q, "skip");
    }
    if q.markdown().contains("(Choose TWO.)") {
        assert_eq!(saves(&line(&mut q, "b d")), 1);
    }
}

#[test]
fn the_exam_answers_moves_flags_jumps_and_submits_when_time_is_up() {
    let course = Course::built_in().unwrap();
    let mut o = opts(Mode::Exam, Some(3));
    o.topic = None;
    let mut q = flow(&course, &o);
    assert!(q.is_timed());
    assert!(q.place(t0()).starts_with("Question 1 of 3 · 06:00 left"));
    line(&mut q, "flag");
    assert_eq!(q.message.as_deref(), Some("Question 1 flagged for review."));
    // A one-letter answer to a one-answer question moves on.
    let picks = q.expect().pick;
    let answer = if picks == 1 { "a" } else { "a b" };
    line(&mut q, answer);
    assert!(q.place(t0()).starts_with("Question 2 of 3"));
    line(&mut q, "3");
    assert!(q.place(t0()).starts_with("Question 3 of 3"));
    line(&mut q, "9");
    assert_eq!(
        q.message.as_deref(),
        Some("There is no question 9: 1 to 3.")
    );
    line(&mut q, "prev");
    assert!(q.place(t0()).starts_with("Question 2 of 3"));
    assert!(
        q.next_line(200, true).contains("1–3 jumps"),
        "{}",
        q.next_line(200, true)
    );
    let late = t0() + chrono::Duration::minutes(7);
    let effects = q.tick(late);
    assert_eq!(saves(&effects), 3, "every question is scheduled at submit");
    assert!(q.markdown().starts_with("# Mock exam: "));
    assert!(q.markdown().contains("time ran out"));
    assert!(q.is_over());
    match &line(&mut q, "")[..] {
        [Effect::Leave(s)] => assert!(s.exam.is_some()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn submit_and_leaving_an_exam_ask_once() {
    let course = Course::built_in().unwrap();
    let mut o = opts(Mode::Exam, Some(2));
    o.topic = None;
    let mut q = flow(&course, &o);
    line(&mut q, "submit");
    assert!(
        q.message
            .as_deref()
            .unwrap()
            .starts_with("Submit with 2 unanswered?")
    );
    line(&mut q, "next");
    assert!(q.is_timed(), "anything else goes on");
    line(&mut q, "submit");
    assert_eq!(saves(&line(&mut q, "")), 2, "Enter confirms");
    let mut q = flow(&course, &o);
    assert!(
        q.apply(QuizCommand::Leave, t0()).is_empty(),
        "Esc asks first"
    );
    assert!(
        q.next_line(200, true)
            .contains("Esc again leaves, recording nothing")
    );
    match &q.apply(QuizCommand::Leave, t0())[..] {
        [Effect::Leave(s)] => assert_eq!(s.answered, 0, "an abandoned exam records nothing"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn nothing_due_says_when_the_next_review_is() {
    let course = Course::built_in().unwrap();
    let q = flow(&course, &opts(Mode::Due, None));
    assert!(q.intro.ends_with("nothing to ask now."));
    assert!(q.markdown().contains("no item has been answered yet"));
    let mut histories = BTreeMap::new();
    let state = crate::quiz::review(None, Rating::Good, t0(), None);
    histories.insert("sfn-retry-transient".to_string(), state.clone());
    let q = QuizFlow::new(
        course.catalog(None),
        course.topic_infos(),
        &QuizOptions {
            topic: None,
            ..opts(Mode::Due, None)
        },
        &histories,
        t0(),
    );
    let due = state.due.format("%Y-%m-%d %H:%M UTC").to_string();
    assert!(
        q.markdown().contains(&format!("Next review due {due}")),
        "{}",
        q.markdown()
    );
}

#[test]
fn a_class_votes_then_the_presenter_reveals_and_nothing_is_scheduled() {
    let course = Course::built_in().unwrap();
    let mut q = flow(&course, &opts(Mode::Drill, Some(2)));
    q.set_present(true);
    assert!(line(&mut q, "b b a").is_empty(), "votes are not answers");
    assert!(line(&mut q, "b").is_empty());
    assert!(line(&mut q, "done please").is_empty());
    let md = q.markdown();
    assert!(
        md.contains("**Class votes:** A 1 · B 3 · C 0 · D 0"),
        "{md}"
    );
    assert!(
        !md.contains("**Answer:**"),
        "the answer stays hidden until revealed"
    );
    assert!(
        line(&mut q, "").is_empty(),
        "the presenter's schedule is untouched"
    );
    let md = q.markdown();
    assert!(md.contains("**Answer:**"), "{md}");
    assert!(md.contains("*(the class's answer)*"), "{md}");
    line(&mut q, "");
    assert!(
        q.markdown().contains("**Class votes:** A 0 · B 0"),
        "the tally starts again"
    );
    line(&mut q, "a");
    line(&mut q, "");
    line(&mut q, "");
    assert!(q.is_over());
    let md = q.markdown();
    assert!(
        md.contains("nothing was scheduled for the presenter"),
        "{md}"
    );
    assert!(!md.contains("Every answer is saved"), "{md}");
}

#[test]
fn typed_recall_takes_text_but_not_command_words() {
    let course = Course::built_in().unwrap();
    let mut o = opts(Mode::Drill, Some(1));
    o.typed = true;
    let mut q = flow(&course, &o);
    assert!(q.expect().typed);
    assert!(line(&mut q, "help").is_empty());
    assert!(q.markdown().starts_with("# Quiz commands"));
    line(&mut q, "");
    assert_eq!(saves(&line(&mut q, "something else entirely")), 1);
    assert!(q.markdown().contains("**Answer:**"));
}

#[test]
fn hints_offer_only_what_exists_and_fit() {
    let course = Course::built_in().unwrap();
    let mut o = opts(Mode::Exam, Some(1));
    o.topic = None;
    let q = flow(&course, &o);
    assert!(
        !q.next_line(200, true).contains("jumps"),
        "one question: nothing to jump to"
    );
    let q = flow(&course, &opts(Mode::Drill, Some(2)));
    let l = q.next_line(40, true);
    assert!(l.chars().count() <= 40);
    assert!(l.starts_with("Type a letter (A–D) and Enter"), "{l}");
}

/// The built-in course with every item of topic 11 linked to step 3 (the content links its own; this pins it).
fn linked() -> Course {
    let mut course = Course::built_in().unwrap();
    course.edit_banks(|banks| {
        for b in banks.iter_mut().filter(|b| b.topic == "step-functions") {
            let step = Some(crate::quiz::bank::StepRef { step: 3, line: 1 });
            b.triggers.iter_mut().for_each(|t| t.step = step);
            b.questions.iter_mut().for_each(|q| q.step = step);
        }
    });
    course
}

#[test]
fn a_wrong_answer_leads_back_to_its_step_and_the_result_lists_it() {
    let course = linked();
    let mut q = flow(&course, &opts(Mode::Drill, Some(2)));
    // Before answering, re-reading would give the answer away.
    assert!(line(&mut q, "step").is_empty());
    assert!(q.message.as_deref().unwrap().starts_with("Answer first"));
    // Find a wrong letter: answer, and if right, the next item.
    let mut wrong = false;
    for _ in 0..2 {
        let e = line(&mut q, "a");
        assert_eq!(saves(&e), 1);
        if q.markdown().contains("Not quite") {
            wrong = true;
            break;
        }
        line(&mut q, "");
    }
    assert!(wrong, "the seed gives a wrong answer among the first two");
    assert!(
        q.next_line(200, true).contains("Tab re-reads step 3"),
        "{}",
        q.next_line(200, true)
    );
    assert!(q.next_line(200, false).contains("step re-reads step 3"));
    assert_eq!(
        q.apply(QuizCommand::ReadStep, t0()),
        [Effect::OpenStep {
            topic: "step-functions".into(),
            step: 2
        }]
    );
    // The result screen lists the step, and its number opens it.
    while !q.is_over() {
        line(&mut q, "");
        if !q.is_over() && q.expect().options > 0 {
            line(&mut q, "a");
        }
    }
    assert!(
        q.markdown().contains("## Steps to re-read"),
        "{}",
        q.markdown()
    );
    assert!(
        q.markdown()
            .contains("1. Topic 11 · step 3: The eight state types")
    );
    assert_eq!(q.expect().links, 1);
    assert_eq!(
        line(&mut q, "1"),
        [Effect::OpenStep {
            topic: "step-functions".into(),
            step: 2
        }]
    );
}

#[test]
fn no_quiz_word_is_a_typed_answer_of_the_course() {
    // In typed recall a quiz word wins over the text: none may be a right answer.
    let course = Course::built_in().unwrap();
    let words: Vec<String> = (crate::command::table::WORDS.iter())
        .filter(|w| w.scope == crate::command::table::Scope::Quiz)
        .flat_map(|w| w.spellings())
        .map(crate::quiz::normalize)
        .collect();
    for b in course.banks() {
        for t in &b.triggers {
            for a in std::iter::once(&t.answer).chain(&t.accept) {
                let a = crate::quiz::normalize(a);
                assert!(!words.contains(&a), "{}: `{a}` is a quiz word", t.id);
            }
        }
    }
}

#[test]
fn an_exam_question_asked_once_is_answered_by_the_next_line_whatever_it_is() {
    let course = Course::built_in().unwrap();
    let mut o = opts(Mode::Exam, Some(2));
    o.topic = None;
    let mut q = flow(&course, &o);
    line(&mut q, "submit");
    line(&mut q, "xyz");
    assert!(q.message.as_deref().unwrap().contains("not an answer"));
    assert!(
        line(&mut q, "").is_empty(),
        "Enter after another line is not a confirmation"
    );
    assert!(q.is_timed(), "the exam goes on");
}
