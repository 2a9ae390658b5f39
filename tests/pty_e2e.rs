//! The real binary in a pseudo-terminal: the full-screen tutor as a learner meets it. It runs on the fixture
//! course, whose steps differ in every cell of a word, because ratatui redraws only the cells that changed.

use std::time::Duration;

use rexpect::session::spawn_command;

fn tutor(progress: &std::path::Path) -> rexpect::session::PtySession {
    // A new pty is 0×0; give it a real size the way a terminal would, then become the tutor.
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("stty cols 100 rows 30 && exec \"$0\" --progress \"$1\" --content \"$2\"")
        .arg(env!("CARGO_BIN_EXE_dea-tutor"))
        .arg(progress)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"))
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    spawn_command(cmd, Some(Duration::from_secs(20).as_millis() as u64)).expect("spawn in a pty")
}

/// Types `keys` and sends them at once (rexpect buffers writes).
fn send(p: &mut rexpect::session::PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Starts the tutor on the fixture course and moves past the welcome screen to the first step.
fn at_first_step(progress: &std::path::Path) -> rexpect::session::PtySession {
    let mut p = tutor(progress);
    p.exp_string("Welcome").unwrap();
    send(&mut p, "c");
    p.exp_string("first").unwrap();
    p
}

#[test]
fn typing_continue_shows_the_next_step_and_done_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    let mut p = at_first_step(&progress);
    // A letter right after a single-key command counts as typing a word; a reader pauses longer than that.
    std::thread::sleep(std::time::Duration::from_millis(800));
    send(&mut p, "continue");
    send(&mut p, "\r");
    p.exp_string("second").unwrap();
    send(&mut p, "done");
    send(&mut p, "\r");
    // The summary is printed after the terminal is restored (leaving the alternate screen: ESC [?1049l).
    p.exp_string("\x1b[?1049l").unwrap();
    p.exp_string("Resume:").unwrap();
    p.exp_string("Progress saved to").unwrap();
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("step = 1"), "{saved}");
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
    send(&mut p, "c");
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
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.process_mut()
        .signal(rexpect::process::Signal::SIGCONT)
        .unwrap();
    // Back in the alternate screen, everything drawn again.
    p.exp_string("\x1b[?1049h").unwrap();
    p.exp_string("Welcome").unwrap();
    send(&mut p, "c");
    p.exp_string("first").unwrap();
    p.process_mut()
        .signal(rexpect::process::Signal::SIGTERM)
        .unwrap();
    p.exp_eof().unwrap();
}
