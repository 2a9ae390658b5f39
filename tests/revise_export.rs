//! `dea-tutor revise` and `dea-tutor export anki` through the real binary.

mod common;

use std::process::Output;

use common::{bin, text};

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

#[test]
fn revise_prints_the_sheet_as_markdown_or_text() {
    let md = run(&["revise", "--format", "markdown"]);
    assert!(md.status.success());
    let md = text(&md.stdout);
    assert!(md.starts_with("# Revision sheet: "), "{md}");
    assert_eq!(md.matches("\n## ").count(), 10);
    assert_eq!(md.matches("> **Memory hack:** ").count(), 10);

    let one = text(
        &run(&[
            "revise",
            "--topic",
            "lake-formation",
            "--format",
            "markdown",
        ])
        .stdout,
    );
    assert_eq!(one.matches("\n## ").count(), 1);
    assert!(one.contains("\n## 12 "), "{one}");
    assert_eq!(
        one,
        text(&run(&["revise", "-t", "12", "-f", "markdown"]).stdout)
    );

    let plain = run(&["revise", "--topic", "11"]);
    assert!(plain.status.success());
    let plain = text(&plain.stdout);
    assert!(!plain.contains('\x1b'), "no colour without a terminal");
    assert!(plain.lines().all(|l| l.chars().count() <= 80), "{plain}");
    assert!(plain.contains("Exam signals"));
}

#[test]
fn revise_and_export_refuse_an_unknown_topic_with_status_2() {
    for args in [
        &["revise", "--topic", "nope"][..],
        &["export", "anki", "--topic", "99"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("no topic"),
            "{}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn export_anki_to_stdout_and_to_a_file() {
    let stdout = run(&["export", "anki", "--topic", "step-functions"]);
    assert!(stdout.status.success());
    let file_text = text(&stdout.stdout);
    assert!(
        file_text.starts_with("#separator:tab\n#html:true\n"),
        "{file_text}"
    );
    assert!(stdout.stderr.is_empty());

    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("sfn.txt");
    let out = run(&[
        "export",
        "anki",
        "-t",
        "11",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, file_text);
    let notes = written.lines().filter(|l| !l.starts_with('#')).count();
    assert_eq!(
        text(&out.stderr).trim(),
        format!("Wrote {notes} notes to {}", path.display())
    );
    assert!(notes >= 27, "{notes}");
}

/// Piped output wraps at `COLUMNS` without asking the terminal: crossterm's size query falls back to running
/// `tput` when there is no terminal, a child process on every start. A `tput` first on PATH tells if it ran;
/// `setsid` takes the controlling terminal away, so that fallback is the one the query would reach.
#[cfg(target_os = "linux")]
#[test]
fn piped_output_wraps_at_columns_and_never_runs_tput() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let marker = tmp.path().join("tput-ran");
    let tput = tmp.path().join("tput");
    std::fs::write(
        &tput,
        format!("#!/bin/sh\ntouch '{}'\necho 33\n", marker.display()),
    )
    .unwrap();
    std::fs::set_permissions(&tput, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        tmp.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("setsid")
        .arg("--wait")
        .arg(env!("CARGO_BIN_EXE_dea-tutor"))
        .args(["revise", "--topic", "11"])
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!marker.exists(), "tput ran");
    let widest = text(&out.stdout)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    assert!((50..=60).contains(&widest), "widest line {widest}");
}
