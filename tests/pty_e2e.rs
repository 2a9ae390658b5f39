//! The real binary in a pseudo-terminal: the full-screen tutor as a learner meets it. Most tests run on the fixture
//! course, whose steps differ in every cell of a word, because ratatui redraws only the cells that changed; the quiz
//! tests use the built-in course.

use std::{path::Path, time::Duration};

use rexpect::session::{PtySession, spawn_command};

/// The tutor in a pty of `cols`×`rows`, with `args` after the progress file.
fn spawn(progress: &Path, cols: u16, rows: u16, args: &[&str]) -> PtySession {
    // A new pty is 0×0; give it a real size the way a terminal would, then become the tutor.
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "stty cols {cols} rows {rows} && exec \"$0\" --progress \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_dea-tutor"))
        .arg(progress)
        .args(args)
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    spawn_command(cmd, Some(Duration::from_secs(20).as_millis() as u64)).expect("spawn in a pty")
}

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

fn tutor(progress: &Path) -> PtySession {
    spawn(progress, 100, 30, &["--content", MINI])
}

/// Types `keys` and sends them at once (rexpect buffers writes).
fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Starts the tutor on the fixture course and moves past the welcome screen to the first step (Enter continues).
fn at_first_step(progress: &Path) -> PtySession {
    let mut p = tutor(progress);
    p.exp_string("Welcome").unwrap();
    send(&mut p, "\r");
    p.exp_string("first").unwrap();
    p
}

fn quit(mut p: PtySession) {
    p.process_mut()
        .signal(rexpect::process::Signal::SIGTERM)
        .unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn typing_continue_shows_the_next_step_and_done_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = at_first_step(&progress);
    // No pause needed: letters only ever type.
    send(&mut p, "continue\r");
    p.exp_string("second").unwrap();
    send(&mut p, "done\r");
    // The summary is printed after the terminal is restored (leaving the alternate screen: ESC [?1049l).
    p.exp_string("\x1b[?1049l").unwrap();
    p.exp_string("Resume:").unwrap();
    p.exp_string("Progress saved to").unwrap();
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("step = 1"), "{saved}");
}

#[test]
fn repeat_then_example_at_any_speed_and_nothing_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = at_first_step(&progress);
    // The quickest way (the footer's `r⏎`, `e⏎`), typed back to back with no pause.
    // (ratatui redraws only the cells that changed, so the distinct words of each screen are matched, in order.)
    send(&mut p, "r\re\r");
    p.exp_string("again.").unwrap();
    p.exp_string("work.").unwrap();
    // Whole words, a letter at a time with reading-speed pauses in between: the same.
    for word in ["repeat\r", "example\r"] {
        for ch in word.chars() {
            send(&mut p, &ch.to_string());
            std::thread::sleep(Duration::from_millis(150));
        }
    }
    p.exp_string("angle").unwrap();
    p.exp_string("Exam scenario").unwrap();
    // `r` then `e` a second apart: a line reading "re", nothing done and nothing undone.
    send(&mut p, "r");
    std::thread::sleep(Duration::from_millis(1000));
    send(&mut p, "e\r");
    p.exp_string("\"re\" is not a command").unwrap();
    quit(p);
}

#[test]
fn the_last_step_then_h_does_not_complete_the_topic() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = at_first_step(&progress);
    send(&mut p, "\r");
    p.exp_string("second").unwrap();
    send(&mut p, "\r");
    // The wrap-up (step 3 of 3): `c` then `h` type "ch"; Esc clears it. The topic is not completed.
    p.exp_string("Step 3 of 3").unwrap();
    send(&mut p, "ch");
    std::thread::sleep(Duration::from_millis(300));
    send(&mut p, "\x1b");
    std::thread::sleep(Duration::from_millis(300));
    send(&mut p, "quit\r");
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(!saved.contains("completed = [\"alpha\"]"), "{saved}");
    assert!(saved.contains("step = 2"), "{saved}");
}

#[test]
fn goto_the_current_topic_keeps_the_step() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = at_first_step(&progress);
    send(&mut p, "\r");
    p.exp_string("second").unwrap();
    send(&mut p, "goto 1\r");
    p.exp_string("You are here").unwrap();
    send(&mut p, "quit\r");
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("step = 1"), "{saved}");
}

#[test]
fn typing_done_in_a_drill_records_nothing_and_pgdn_reaches_the_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = spawn(
        &progress,
        80,
        24,
        &[
            "quiz", "--topic", "11", "--mode", "scenario", "--seed", "4", "-n", "2",
        ],
    );
    p.exp_string("Scenario questions").unwrap();
    send(&mut p, "stat\r");
    p.exp_string("is not an answer").unwrap();
    send(&mut p, "next please\r");
    std::thread::sleep(Duration::from_millis(300));
    send(&mut p, "done\r");
    p.exp_string("\x1b[?1049l").unwrap();
    p.exp_string("nothing answered").unwrap();
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap_or_default();
    assert!(
        !saved.contains(".items."),
        "typed words recorded answers: {saved}"
    );

    // Answer, then PgDn / End to the explanation of the last option.
    let mut p = spawn(
        &progress,
        80,
        24,
        &[
            "quiz", "--topic", "11", "--mode", "scenario", "--seed", "4", "-n", "1",
        ],
    );
    p.exp_string("Scenario questions").unwrap();
    send(&mut p, "a\r");
    // A one-answer question is answered; a two-answer one has A picked and takes one more letter.
    let (_, seen) = p.exp_regex("Answer:|picked A").unwrap();
    if seen == "picked A" {
        send(&mut p, "b\r");
        p.exp_string("Answer:").unwrap();
    }
    send(&mut p, "\x1b[F"); // End
    p.exp_string("Rated").unwrap();
    send(&mut p, "\x1b");
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains(".items."), "the answer was saved: {saved}");
}

#[test]
fn at_80_columns_a_long_title_is_cut_before_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = spawn(&progress, 80, 24, &["--topic", "15"]);
    // "…" then a gap (a space, or the cursor moving past one), then the place: never "…and wStep 1 of 11".
    // (rexpect reads the pty byte by byte, so "…" arrives as its three UTF-8 bytes.)
    p.exp_regex("\u{e2}\u{80}\u{a6}(\x1b\\[[0-9;]+H| )Step 1 of")
        .unwrap();
    quit(p);
}

#[test]
fn sighup_restores_the_terminal_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = at_first_step(&progress);
    p.process_mut()
        .signal(rexpect::process::Signal::SIGHUP)
        .unwrap();
    p.exp_string("\x1b[?1049l").unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("topic = \"alpha\""), "{saved}");
}

#[test]
fn sigterm_restores_the_terminal_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = at_first_step(&progress);
    send(&mut p, "\r");
    p.exp_string("second").unwrap();
    p.process_mut()
        .signal(rexpect::process::Signal::SIGTERM)
        .unwrap();
    p.exp_string("\x1b[?1049l").unwrap();
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("step = 1"), "{saved}");
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_sigcont_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = tutor(&progress);
    p.exp_string("Welcome").unwrap();
    send(&mut p, "\x1a"); // Ctrl-Z
    // The alternate screen is left before the process stops.
    p.exp_string("\x1b[?1049l").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.process_mut()
        .signal(rexpect::process::Signal::SIGCONT)
        .unwrap();
    // Back in the alternate screen, everything drawn again.
    p.exp_string("\x1b[?1049h").unwrap();
    p.exp_string("Welcome").unwrap();
    send(&mut p, "\r");
    p.exp_string("first").unwrap();
    quit(p);
}

#[test]
fn f2_and_the_word_plan_open_the_plan_over_the_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let date = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
    let mut p = spawn(&progress, 80, 24, &["--exam-date", &date]);
    p.exp_string("Welcome").unwrap();
    // F2 as xterm sends it: it types nothing, so it acts at once.
    send(&mut p, "\x1bOQ");
    p.exp_string("Plan for exam day").unwrap();
    send(&mut p, "\x1b");
    send(&mut p, "plan\r");
    // Only changed cells are redrawn: a short word is what arrives whole.
    p.exp_string("Forecast:").unwrap();
    quit(p);
}
