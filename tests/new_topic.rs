//! `dea-tutor new-topic` through the real binary: `check` lists a scaffolded topic's placeholders until they are
//! replaced, and nothing is overwritten.

mod common;

use common::{bin, text};
use std::{fs, path::Path, process::Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    bin().args(args).arg("--content").arg(dir).output().unwrap()
}

/// Every file under `dir` with its contents, to show nothing changed.
fn snapshot(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for sub in ["lessons", "quizzes"] {
        if let Ok(entries) = fs::read_dir(dir.join(sub)) {
            for e in entries {
                let p = e.unwrap().path();
                files.push((p.display().to_string(), fs::read_to_string(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn scaffolded_topics_fail_check_until_every_placeholder_is_replaced_and_are_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-course");
    fs::create_dir(&dir).unwrap();

    let first = run(
        &dir,
        &[
            "new-topic",
            "21",
            "glue-streaming",
            "AWS Glue streaming ETL",
        ],
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("21-glue-streaming.md"));
    assert!(dir.join("lessons/21-glue-streaming.md").is_file());
    assert!(dir.join("quizzes/21-glue-streaming.toml").is_file());
    assert!(dir.join("lessons/course.toml").is_file());

    let second = run(
        &dir,
        &[
            "new-topic",
            "22",
            "data-zone",
            "Amazon \"DataZone\" & friends",
        ],
    );
    assert!(second.status.success(), "{}", text(&second.stderr));

    // Unfinished: every placeholder is a problem, at its line.
    let check = bin().arg("check").arg(&dir).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(check.stdout.is_empty());
    let problems = text(&check.stderr);
    for path in [
        "lessons/course.toml",
        "lessons/21-glue-streaming.md",
        "lessons/22-data-zone.md",
        "quizzes/21-glue-streaming.toml",
        "quizzes/22-data-zone.toml",
    ] {
        let file = fs::read_to_string(dir.join(path)).unwrap();
        let marked: Vec<String> = (file.lines().enumerate())
            .filter(|(_, l)| l.contains("TODO:"))
            .map(|(i, _)| {
                format!(
                    "{}/{path}:{}: placeholder left: `TODO:",
                    dir.display(),
                    i + 1
                )
            })
            .collect();
        assert!(!marked.is_empty(), "{path}");
        for m in &marked {
            assert!(problems.contains(m), "{m} in {problems}");
        }
    }
    assert_eq!(
        problems.lines().count(),
        problems.matches("placeholder left: `TODO:").count(),
        "nothing but placeholders: {problems}"
    );
    assert!(
        text(&first.stdout).contains("`dea-tutor check "),
        "{}",
        text(&first.stdout)
    );
    assert!(
        text(&first.stdout).contains("Placeholders marked `TODO:` are left on "),
        "{}",
        text(&first.stdout)
    );

    // Finished: the same course with real text in every placeholder passes.
    for path in snapshot(&dir).into_iter().map(|(p, _)| p) {
        let done = fs::read_to_string(&path).unwrap().replace("TODO:", "Real:");
        fs::write(&path, done).unwrap();
    }
    let check = bin().arg("check").arg(&dir).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).contains("2 topics, 6 steps, 2 scenarios, 2 triggers, 2 questions"),
        "{}",
        text(&check.stdout)
    );
    let topics = run(&dir, &["topics"]);
    let listed = text(&topics.stdout);
    assert!(listed.contains("AWS Glue streaming ETL"), "{listed}");
    assert!(listed.contains("Amazon \"DataZone\" & friends"), "{listed}");

    // The same topic again, or the same file under another title: refused, exit 1, nothing touched.
    let before = snapshot(&dir);
    for args in [
        [
            "new-topic",
            "21",
            "glue-streaming",
            "AWS Glue streaming ETL",
        ],
        ["new-topic", "21", "glue-streaming", "Another title"],
        ["new-topic", "23", "glue-streaming", "Same slug, new number"],
        ["new-topic", "22", "other-topic", "Same number, new slug"],
    ] {
        let again = run(&dir, &args);
        assert_eq!(again.status.code(), Some(1), "{args:?}");
        assert!(
            text(&again.stderr).contains("nothing written"),
            "{}",
            text(&again.stderr)
        );
        assert!(again.stdout.is_empty());
    }
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn bad_numbers_and_slugs_are_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    for (args, says) in [
        (["new-topic", "0", "ok-slug", "T"], "1 to 999"),
        (["new-topic", "1000", "ok-slug", "T"], "1 to 999"),
        (["new-topic", "x1", "ok-slug", "T"], "1 to 999"),
        (["new-topic", "-1", "ok-slug", "T"], "1 to 999"),
        (
            ["new-topic", "5", "Bad_Slug", "T"],
            "lower-case words joined by `-`",
        ),
        (
            ["new-topic", "5", "two--dashes", "T"],
            "lower-case words joined by `-`",
        ),
        (["new-topic", "5", "ok-slug", " "], "title"),
    ] {
        let out = run(tmp.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn the_folder_defaults_to_the_current_one_and_an_existing_course_toml_keeps_its_layout() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("lessons")).unwrap();
    let course_toml =
        "# My course\ntitle = \"Mine\"\nphase = \"Phase 1\"\ntopics = [\n  # none yet\n]\n";
    fs::write(tmp.path().join("lessons/course.toml"), course_toml).unwrap();
    let out = bin()
        .args(["new-topic", "3", "first", "First topic"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let edited = fs::read_to_string(tmp.path().join("lessons/course.toml")).unwrap();
    assert!(
        edited.starts_with("# My course\ntitle = \"Mine\"\n"),
        "{edited}"
    );
    assert!(edited.contains("\"first\""), "{edited}");
    // The course's own title is real: only the new topic's placeholders are left.
    let check = bin().arg("check").arg(tmp.path()).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let problems = text(&check.stderr);
    assert!(problems.contains("lessons/03-first.md:"), "{problems}");
    assert!(problems.contains("quizzes/03-first.toml:"), "{problems}");
    assert!(!problems.contains("course.toml"), "{problems}");
    assert!(
        problems
            .lines()
            .all(|l| l.contains(": placeholder left: `TODO:")),
        "{problems}"
    );
}
