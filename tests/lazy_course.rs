//! A `--content` folder starts from its cached index (docs/architecture.md, "The course index"); what is parsed late
//! and turns out broken is reported with its line and a failing exit status, and `check` never trusts the cache.

mod common;

use common::{bin, text};
use std::{
    fs,
    io::{Read, Write},
    path::Path,
    process::Stdio,
    time::{Duration, SystemTime},
};

/// A copy of the two-topic fixture whose files are an hour old: settled, so its index is cached.
fn settled_course() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini/lessons");
    fs::create_dir_all(tmp.path().join("lessons")).unwrap();
    for e in fs::read_dir(&from).unwrap() {
        let to = tmp.path().join("lessons").join(e.unwrap().file_name());
        fs::copy(from.join(to.file_name().unwrap()), &to).unwrap();
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        let f = fs::File::options().write(true).open(&to).unwrap();
        f.set_modified(hour_ago).unwrap();
    }
    tmp
}

fn cached_files(cache: &Path) -> usize {
    fs::read_dir(cache).map_or(0, |d| d.count())
}

#[test]
fn a_lesson_broken_after_the_start_is_reported_at_its_line_and_fails_the_run() {
    let course = settled_course();
    let cache = tempfile::tempdir().unwrap();
    let progress = cache.path().join("p.toml");
    let out = bin()
        .env("DEA_TUTOR_CACHE", cache.path())
        .args(["topics", "--content"])
        .arg(course.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(cached_files(cache.path()), 1, "the index is cached");

    let mut child = bin()
        .env("DEA_TUTOR_CACHE", cache.path())
        .args(["--plain", "--progress"])
        .arg(&progress)
        .args(["--content"])
        .arg(course.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Started (the welcome screen is out) from the index: now topic 2's lesson loses its sections.
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !text(&seen).contains("> ") {
        let n = stdout.read(&mut buf).unwrap();
        assert!(n > 0, "ended early: {}", text(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    let beta = course.path().join("lessons/02-beta.md");
    let front = fs::read_to_string(&beta).unwrap();
    let front = front.split("\n+++\n").next().unwrap().to_string();
    fs::write(&beta, format!("{front}\n+++\n\nNo sections any more.\n")).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"goto 2\n").unwrap();
    drop(stdin);
    stdout.read_to_end(&mut seen).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(text(&seen).contains("cannot be read"), "{}", text(&seen));
    assert!(stderr.contains("lessons/02-beta.md:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn check_parses_every_file_even_when_the_cache_would_do() {
    let course = settled_course();
    let cache = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        bin()
            .env("DEA_TUTOR_CACHE", cache.path())
            .args(args)
            .arg(course.path())
            .output()
            .unwrap()
    };
    assert!(run(&["topics", "--content"]).status.success());
    // Broken in place, with the size and time it had: the stamps still match the cache.
    let alpha = course.path().join("lessons/01-alpha.md");
    let meta = fs::metadata(&alpha).unwrap();
    let old = fs::read_to_string(&alpha).unwrap();
    let broken = old.replacen("# Lesson", "# Lessen", 1);
    assert_eq!(broken.len(), old.len());
    fs::write(&alpha, broken).unwrap();
    let f = fs::File::options().write(true).open(&alpha).unwrap();
    f.set_modified(meta.modified().unwrap()).unwrap();
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("01-alpha.md:"),
        "{}",
        text(&out.stderr)
    );
}
