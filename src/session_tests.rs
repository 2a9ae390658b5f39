use super::*;
use crate::command::Command;
use crate::course::load::mini_course;

/// A new learner's session, past the welcome screen.
fn started(course: &crate::course::Course) -> Session<'_> {
    let mut s = Session::new(course, None);
    assert_eq!(s.screen, Screen::Welcome);
    s.apply(Command::Continue);
    assert_eq!(s.screen, Screen::Step(0));
    s
}

#[test]
fn the_first_start_welcomes_with_the_phase_and_the_loop() {
    let course = mini_course();
    let s = Session::new(&course, None);
    assert_eq!(s.header().place, "Welcome");
    let doc = s.document();
    assert!(doc.contains("# Phase 0 — Fixture"), "{doc}");
    assert!(
        doc.contains("- **1** Topic Alpha — *The alpha tagline*"),
        "{doc}"
    );
    assert!(doc.contains("`continue` → the next step"), "{doc}");
    assert!(doc.contains("`done` → stop the phase"), "{doc}");
    assert_eq!(
        s.position(),
        Position {
            topic: "alpha".into(),
            step: 0
        }
    );
}

fn run(s: &mut Session, words: &[&str]) -> Outcome {
    let mut last = Outcome::Redraw;
    for w in words {
        last = s.apply(command::parse(w));
    }
    last
}

#[test]
fn continue_walks_steps_then_wrap_up_then_complete_then_next_topic() {
    let course = mini_course();
    let mut s = started(&course);
    assert_eq!(s.screen, Screen::Step(0));
    assert!(s.document().contains("first alpha step"));
    assert_eq!(s.header().place, "Step 1 of 3");
    run(&mut s, &["c"]);
    assert_eq!(s.screen, Screen::Step(1));
    run(&mut s, &["next"]);
    assert_eq!(s.screen, Screen::Step(2));
    assert_eq!(s.header().place, "Step 3 of 3 · wrap-up");
    assert!(s.document().contains("Alpha hack line."));
    assert!(s.document().contains("alpha trigger"));
    run(&mut s, &["continue"]);
    assert_eq!(s.screen, Screen::Complete);
    assert!(s.document().contains("Topic 1 complete"));
    assert!(s.document().contains("Next: Topic 2 — Topic Beta"));
    // Still topic 1: nothing moves to the next topic until the learner says so.
    assert_eq!(s.topic, 0);
    run(&mut s, &["continue"]);
    assert_eq!((s.topic, s.screen), (1, Screen::Step(0)));
    assert!(s.document().contains("first beta step"));
}

#[test]
fn last_topic_complete_says_so() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["goto 2", "c", "c", "c"]);
    assert_eq!(s.screen, Screen::Complete);
    assert!(s.document().contains("last topic of the phase"));
    run(&mut s, &["c"]);
    assert_eq!(s.screen, Screen::Complete);
    assert!(s.message.as_deref().unwrap().contains("last topic"));
}

#[test]
fn repeat_and_example_belong_to_the_step_and_never_run_ahead() {
    let course = mini_course();
    let mut s = started(&course);
    // Step 1: its own re-explanation, then the angle that needs only step 1; the one needing step 2 waits.
    run(&mut s, &["repeat"]);
    assert_eq!(s.screen, Screen::Again(0, 0));
    assert!(s.document().contains("Alpha one, said again."));
    assert!(
        !s.document().contains("The first alpha step"),
        "the step's own text is not repeated"
    );
    assert_eq!(s.header().place, "Step 1 of 3 · another way 1 of 1");
    run(&mut s, &["again"]);
    assert_eq!(s.screen, Screen::Angle(0));
    assert!(s.document().contains("First alpha angle"));
    assert!(
        !s.document().contains("Step: 1"),
        "the link line is for authors"
    );
    run(&mut s, &["r"]);
    assert_eq!(s.screen, Screen::Angle(0), "run out: the screen stays");
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("That was every re-explanation for this step (2)")
    );
    run(&mut s, &["r"]);
    assert_eq!(s.screen, Screen::Again(0, 0), "once more starts over");
    // Example: the step's own, then the scenario that needs step 1 only.
    run(&mut s, &["example"]);
    assert_eq!(s.screen, Screen::Example(0, 0));
    assert!(s.document().contains("Alpha one at work."));
    run(&mut s, &["eg"]);
    assert_eq!(s.header().place, "Exam scenario 1 of 2");
    // Think first: the pick waits until asked for.
    assert!(s.document().contains("First alpha scenario"));
    assert!(!s.document().contains("The first pick"));
    assert!(s.hidden_pick());
    run(&mut s, &[""]);
    assert!(
        s.document().contains("The first pick"),
        "Enter on an empty line reveals"
    );
    run(&mut s, &["ex"]);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("That was every example")
    );
    assert!(
        !s.document().contains("Second alpha scenario"),
        "it needs step 2"
    );
    // Step 2: its own re-explanation; no example of its own, so the scenarios up to step 2.
    run(&mut s, &["back", "continue", "example"]);
    assert_eq!(s.screen, Screen::Scenario(0));
    run(&mut s, &["answer"]);
    assert!(s.document().contains("The first pick"));
    run(&mut s, &["example"]);
    assert!(s.document().contains("Second alpha scenario"));
    run(&mut s, &["answer"]);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("Nothing hidden here")
    );
    run(&mut s, &["back", "back", "back"]);
    assert_eq!(s.screen, Screen::Step(1));
    // The wrap-up: every angle and scenario.
    run(&mut s, &["continue", "repeat", "repeat"]);
    assert!(s.document().contains("Second alpha angle"));
    run(&mut s, &["back"]);
    assert_eq!(s.screen, Screen::Step(2));
}

#[test]
fn continue_moves_on_from_an_aside() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["repeat", "example"]);
    run(&mut s, &["back"]);
    assert_eq!(s.screen, Screen::Step(0));
    run(&mut s, &["example", "continue"]);
    assert_eq!(s.screen, Screen::Step(1));
}

#[test]
fn goto_by_number_slug_and_prefix_and_bad_topic() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["goto beta"]);
    assert_eq!(s.topic, 1);
    run(&mut s, &["1"]);
    assert_eq!(s.topic, 0);
    run(&mut s, &["go to bet"]);
    assert_eq!(s.topic, 1);
    run(&mut s, &["goto 99"]);
    assert_eq!(s.topic, 1);
    assert_eq!(
        s.message.as_deref(),
        Some("No topic \"99\". Topics are 1–2: say topics to see them.")
    );
}

#[test]
fn unknown_words_set_a_message_and_change_nothing() {
    let course = mini_course();
    let mut s = started(&course);
    assert_eq!(run(&mut s, &["banana"]), Outcome::Redraw);
    assert_eq!(s.screen, Screen::Step(0));
    assert!(s.message.as_deref().unwrap().contains("is not a command"));
    run(&mut s, &["c"]);
    assert_eq!(s.message, None);
}

#[test]
fn done_quit_quiz_outcomes() {
    let course = mini_course();
    let mut s = started(&course);
    assert_eq!(run(&mut s, &["done"]), Outcome::Done);
    assert_eq!(run(&mut s, &["quit"]), Outcome::Quit);
    assert_eq!(run(&mut s, &["goto 2", "quiz"]), Outcome::Quiz(1));
}

#[test]
fn position_round_trips_through_resume() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["c"]);
    let p = s.position();
    assert_eq!(
        p,
        Position {
            topic: "alpha".into(),
            step: 1
        }
    );
    let again = Session::new(&course, Some(&p));
    assert_eq!((again.topic, again.screen), (0, Screen::Step(1)));
    assert_eq!(
        again.message.as_deref(),
        Some("Welcome back: topic 1, step 2 of 3")
    );

    run(&mut s, &["c", "c"]);
    let p = s.position();
    assert_eq!(p.step, 3);
    let again = Session::new(&course, Some(&p));
    assert_eq!(again.screen, Screen::Complete);

    // A position that no longer fits the course starts at the beginning.
    let stale = Position {
        topic: "gone".into(),
        step: 4,
    };
    assert_eq!(Session::new(&course, Some(&stale)).screen, Screen::Welcome);
}

#[test]
fn summary_lists_covered_topics_resume_point_and_next() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["c", "c", "c", "c"]);
    let sum = s.summary();
    assert!(sum.contains("- 1 Topic Alpha — complete"), "{sum}");
    assert!(sum.contains("- 2 Topic Beta — up to step 1 of 3"), "{sum}");
    assert!(sum.contains("**Resume:** topic 2, step 1 of 3"), "{sum}");
    assert!(sum.contains("**Next:** Topic 2 — Topic Beta"), "{sum}");
}

#[test]
fn help_and_topics_screens() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["help"]);
    assert!(s.document().contains("| `continue` |"));
    run(&mut s, &["menu"]);
    assert!(s.document().contains("**2** Topic Beta"));
    assert!(s.document().contains("◂ you are here"));
}

#[test]
fn a_search_hit_on_a_scenario_keeps_think_first_and_continue_shows_its_step() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["continue", "/first alpha scenario"]);
    let i = s
        .hits
        .iter()
        .position(|h| matches!(h.place, crate::course::search::Place::Scenario(0)))
        .expect("the scenario is a hit");
    run(&mut s, &[&(i + 1).to_string()]);
    assert!(s.hidden_pick(), "a previewed scenario hides its pick too");
    assert!(!s.document().contains("The first pick"));
    run(&mut s, &["answer"]);
    assert!(s.document().contains("The first pick"));
    // Continue from a scenario hit of the learner's own topic shows their step, not the one after it.
    run(&mut s, &["continue"]);
    assert_eq!(s.screen, Screen::Step(1));
}

#[test]
fn re_reading_a_step_refuses_other_moves_until_back() {
    let course = mini_course();
    let mut s = started(&course);
    run(&mut s, &["continue"]);
    s.look(1, 0);
    run(&mut s, &["repeat"]);
    assert_eq!(s.screen, Screen::Look(1, 0));
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("You are re-reading a step")
    );
    run(&mut s, &["back"]);
    assert_eq!(s.screen, Screen::Step(1));
    run(&mut s, &["back"]);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("Nothing to go back from")
    );
}
