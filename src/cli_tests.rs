use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, error::ErrorKind};

use super::*;

/// The options a subcommand may take after its name, as `--help` lists them.
const SHARED: [&str; 6] = [
    "--content",
    "--progress",
    "--plain",
    "--present",
    "--theme",
    "--exam-date",
];

fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
    Cli::try_parse_from(std::iter::once("dea-tutor").chain(args.iter().copied()))
}

/// The shared options `dea-tutor ARGS --help` lists.
fn listed(args: &[&str]) -> Vec<&'static str> {
    let mut with_help = args.to_vec();
    with_help.push("--help");
    let err = parse(&with_help).expect_err("--help exits");
    assert_eq!(err.kind(), ErrorKind::DisplayHelp);
    let help = err.to_string();
    let firsts: Vec<&str> = (help.lines())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    SHARED.into_iter().filter(|o| firsts.contains(o)).collect()
}

#[test]
fn the_lessons_help_lists_every_option() {
    assert_eq!(listed(&[]), SHARED);
}

#[test]
fn topics_help_lists_content_only() {
    assert_eq!(listed(&["topics"]), ["--content"]);
}

#[test]
fn quiz_help_lists_every_option() {
    assert_eq!(listed(&["quiz"]), SHARED);
}

#[test]
fn stats_help_lists_content_progress_and_theme() {
    assert_eq!(listed(&["stats"]), ["--content", "--progress", "--theme"]);
}

#[test]
fn check_help_lists_none_of_them() {
    assert_eq!(listed(&["check"]), [] as [&str; 0]);
}

#[test]
fn revise_help_lists_content_plain_present_and_theme() {
    assert_eq!(
        listed(&["revise"]),
        ["--content", "--plain", "--present", "--theme"]
    );
}

#[test]
fn export_anki_help_lists_content_only() {
    assert_eq!(listed(&["export", "anki"]), ["--content"]);
    assert_eq!(listed(&["export"]), [] as [&str; 0]);
}

#[test]
fn new_topic_help_lists_content_only() {
    assert_eq!(listed(&["new-topic"]), ["--content"]);
}

fn global(args: &[&str]) -> Global {
    parse(args)
        .unwrap_or_else(|e| panic!("{args:?}: {e}"))
        .global()
}

#[test]
fn options_before_the_subcommand_still_count_and_after_it_they_win() {
    let date = NaiveDate::from_ymd_opt(2026, 12, 15);
    let before = global(&[
        "--content",
        "a",
        "--progress",
        "p",
        "--plain",
        "--present",
        "--theme",
        "light",
        "--exam-date",
        "2026-12-15",
        "quiz",
    ]);
    let expected = Global {
        content: Some(PathBuf::from("a")),
        progress: Some(PathBuf::from("p")),
        plain: true,
        present: true,
        theme: "light".into(),
        exam_date: date,
    };
    assert_eq!(before, expected);
    let after = global(&[
        "quiz",
        "--content",
        "a",
        "--progress",
        "p",
        "--plain",
        "--present",
        "--theme",
        "light",
        "--exam-date",
        "2026-12-15",
    ]);
    assert_eq!(after, expected);
    let both = global(&[
        "--content",
        "a",
        "--theme",
        "light",
        "stats",
        "--content",
        "b",
        "--theme",
        "high-contrast",
    ]);
    assert_eq!(both.content, Some(PathBuf::from("b")));
    assert_eq!(both.theme, "high-contrast");
    assert_eq!(global(&["stats"]).theme, "dark");
    assert_eq!(global(&[]).theme, "dark");
    // Every option is still taken before a subcommand that has no use for it, as it always was.
    assert_eq!(
        global(&["--content", "x", "--plain", "check"]).content,
        Some(PathBuf::from("x"))
    );
    assert_eq!(
        global(&["export", "anki", "--content", "y"]).content,
        Some(PathBuf::from("y"))
    );
}

#[test]
fn after_its_name_a_subcommand_refuses_an_option_it_does_not_use() {
    for args in [
        &["check", "--plain"][..],
        &["check", "--content", "x"],
        &["topics", "--progress", "p"],
        &["stats", "--plain"],
        &["revise", "--exam-date", "2026-01-01"],
        &["export", "anki", "--theme", "light"],
        &["new-topic", "1", "a", "A", "--present"],
    ] {
        let err = parse(args).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::UnknownArgument, "{args:?}");
    }
}

#[test]
fn plan_help_lists_content_progress_theme_and_the_exam_date() {
    assert_eq!(
        listed(&["plan"]),
        ["--content", "--progress", "--theme", "--exam-date"]
    );
}

#[test]
fn a_date_that_is_no_date_is_refused() {
    let err = parse(&["plan", "--exam-date", "2026-13-45"]).expect_err("month 13");
    assert_eq!(err.kind(), ErrorKind::ValueValidation);
    let ok = parse(&["plan", "--exam-date", "2027-01-15"]).unwrap();
    assert_eq!(ok.global().exam_date, NaiveDate::from_ymd_opt(2027, 1, 15));
}
