//! What the end-to-end tests share: the real binary, set up for predictable plain output.
#![allow(dead_code)] // each test file uses its own part

use std::process::Command;

/// The built binary, with no colour and an 80-column wrap.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dea-tutor"));
    c.env("NO_COLOR", "1").env("COLUMNS", "80");
    c
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs `dea-tutor --plain --progress PROGRESS ARGS…` with `script` on stdin and waits for it.
pub fn plain_run(progress: &std::path::Path, args: &[&str], script: &str) -> std::process::Output {
    use std::{io::Write, process::Stdio};
    let mut child = bin()
        .args(["--plain", "--progress"])
        .arg(progress)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dea-tutor");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}
