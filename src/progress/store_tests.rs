use std::collections::BTreeMap;

use serde::Serialize;

use super::*;
use crate::{
    course::manifest::BUILT_IN_KEY,
    quiz::{ItemState, Rating, review},
    session::Position,
};

/// The store of the built-in course's progress.
pub(super) fn built_in(path: impl Into<PathBuf>) -> Store {
    Store::new(path, BUILT_IN_KEY)
}

/// An item reviewed `reps` times, the last time at `secs` since the epoch.
pub(super) fn item(secs: i64, reps: u32) -> ItemState {
    let mut state = None;
    for i in 0..reps {
        let at =
            chrono::DateTime::from_timestamp(secs - i64::from(reps - 1 - i) * 86_400, 0).unwrap();
        state = Some(review(state.as_ref(), Rating::Good, at, None));
    }
    state.expect("reps > 0")
}

#[test]
fn missing_file_is_a_fresh_start_and_round_trip_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let store = built_in(dir.path().join("sub/progress.toml"));
    let (p, report) = store.load().unwrap();
    assert_eq!(p, Progress::default());
    assert_eq!(report.warning, None);

    let mut p = Progress::default();
    p.set_position(&Position {
        topic: "lake-formation".into(),
        step: 3,
    });
    p.lesson.visited.insert("step-functions".into());
    p.items.insert("sfn-retry".into(), item(1_700_000_000, 2));
    p.items
        .insert("id-no-longer-in-course".into(), item(1_600_000_000, 1));
    store.save(&p).unwrap();
    let (back, _) = store.load().unwrap();
    assert_eq!(back, p);
    assert_eq!(
        back.position(),
        Some(Position {
            topic: "lake-formation".into(),
            step: 3
        })
    );
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().contains(".tmp-")),
        "{names:?}"
    );
}

#[test]
fn corrupt_file_is_moved_aside_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, "version = 1\n[lesson\ntopic = ").unwrap();
    let store = built_in(&path);
    let (p, report) = store.load().unwrap();
    assert_eq!(p, Progress::default());
    let warning = report.warning.unwrap();
    assert!(
        warning.starts_with(&format!("{}:2: ", path.display())),
        "{warning}"
    );
    assert!(warning.contains("moved aside to"), "{warning}");
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("progress.toml.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        "version = 1\n[lesson\ntopic = "
    );
    assert!(!path.exists());
}

#[test]
fn empty_and_truncated_files_count_as_corrupt() {
    for text in ["", "version = 1\n[items.a]\nlast_review = 2024-01-0"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.toml");
        fs::write(&path, text).unwrap();
        let (_, report) = built_in(&path).load().unwrap();
        assert!(report.warning.is_some(), "{text:?}");
    }
}

#[test]
fn a_newer_version_is_refused_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, "version = 99\n").unwrap();
    let err = built_in(&path).load().unwrap_err();
    assert!(
        err.to_string()
            .contains("progress file version 99 is newer"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "version = 99\n");
}

#[test]
fn two_instances_keep_each_others_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let a = built_in(&path);
    let b = built_in(&path);
    let mut pa = a.load().unwrap().0;
    let mut pb = b.load().unwrap().0;
    pa.items.insert("x".into(), item(100, 1));
    pa.lesson.completed.insert("alpha".into());
    a.save(&pa).unwrap();
    pb.items.insert("y".into(), item(200, 1));
    // B also holds an older view of x; the newer review on disk wins.
    pb.items.insert("x".into(), item(50, 7));
    let merged = b.save(&pb).unwrap();
    assert_eq!(merged.items["x"], item(100, 1));
    let (disk, _) = a.load().unwrap();
    assert_eq!(disk.items.len(), 2);
    assert_eq!(disk.items["y"], item(200, 1));
    assert!(disk.lesson.completed.contains("alpha"));
}

#[test]
fn saving_into_an_unwritable_place_is_an_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "").unwrap();
    let store = built_in(blocker.join("progress.toml"));
    let err = store.save(&Progress::default()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&blocker.join("progress.toml").display().to_string()),
        "{err}"
    );
}

/// Many items, some with keys that need quoting.
pub(super) fn many(n: u32) -> Progress {
    let mut p = Progress::default();
    for i in 0..n {
        p.items.insert(
            format!("item-{i}"),
            item(1_700_000_000 + i64::from(i), 1 + i % 3),
        );
    }
    for key in [
        "",
        "a.b",
        "with space",
        "quo\"te",
        "back\\slash",
        "tab\there",
        "nl\nx",
        "ünï-cödé",
        "del\u{7f}",
    ] {
        p.items.insert(key.into(), item(1_650_000_000, 2));
    }
    p.lesson.visited.insert("alpha".into());
    p
}

/// Course `key` as the file on disk holds it, read without a store.
pub(super) fn course_on_disk(path: &Path, key: &str) -> Progress {
    let parsed = file::parse(&fs::read(path).unwrap()).unwrap();
    assert_eq!(parsed.version, VERSION);
    parsed.courses.get(key).cloned().unwrap_or_default()
}

pub(super) fn on_disk(path: &Path) -> Progress {
    course_on_disk(path, BUILT_IN_KEY)
}

/// A version 2 file's text, written by serde rather than by the store.
fn file_text(courses: &[(&str, &Progress)]) -> String {
    #[derive(Serialize)]
    struct V2<'a> {
        version: u32,
        courses: BTreeMap<&'a str, &'a Progress>,
    }
    let courses = courses.iter().copied().collect();
    toml::to_string(&V2 {
        version: 2,
        courses,
    })
    .unwrap()
}

#[test]
fn the_written_file_reads_back_as_the_merged_progress_save_after_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let store = built_in(&path);
    let mut p = many(50);
    for round in 0..4u32 {
        // Change one item, add one, as answers do; the unchanged items' text is re-used.
        p.items.get_mut("item-7").unwrap().secs = round;
        p.items
            .insert(format!("new-{round}"), item(1_800_000_000, 1));
        p.set_position(&Position {
            topic: format!("topic-{round}"),
            step: round as usize,
        });
        let merged = store.save(&p).unwrap();
        assert_eq!(merged, p);
        assert_eq!(on_disk(&path), p, "round {round}");
        assert_eq!(built_in(&path).load().unwrap().0, p);
        p = merged;
    }
}

#[test]
fn a_save_after_another_instance_saved_merges_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let a = built_in(&path);
    let b = built_in(&path);
    let mut pa = a.save(&many(5)).unwrap();
    let mut pb = b.load().unwrap().0;
    pb.items.insert("from-b".into(), item(1_900_000_000, 1));
    pb.lesson.completed.insert("beta".into());
    b.save(&pb).unwrap();
    // A remembers the file it wrote; the file changed since, so A must read it again.
    pa.items.insert("from-a".into(), item(1_900_000_100, 1));
    let merged = a.save(&pa).unwrap();
    assert!(merged.items.contains_key("from-b"));
    assert!(merged.lesson.completed.contains("beta"));
    assert_eq!(on_disk(&path), merged);
}

#[test]
fn a_file_changed_in_place_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let store = built_in(&path);
    let p = store.save(&many(3)).unwrap();
    // Another program rewrites the file in place (same inode) with one more item.
    let mut other = p.clone();
    other
        .items
        .insert("edited-in".into(), item(1_900_000_000, 1));
    let text = file_text(&[(BUILT_IN_KEY, &other)]);
    let mut f = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&path)
        .unwrap();
    f.write_all(text.as_bytes()).unwrap();
    drop(f);
    let merged = store.save(&p).unwrap();
    assert!(merged.items.contains_key("edited-in"));
    assert_eq!(on_disk(&path), merged);
}

#[test]
fn the_merge_keeps_the_newer_review_of_each_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let store = built_in(&path);
    let mut first = many(4);
    first.items.insert("x".into(), item(200, 1));
    first.items.insert("only-on-disk".into(), item(300, 1));
    store.save(&first).unwrap();
    let mut ours = many(4);
    ours.items.insert("x".into(), item(100, 5));
    ours.items.insert("only-ours".into(), item(400, 1));
    let mut expected = ours.clone();
    expected.merge_from_disk(first);
    let merged = store.save(&ours).unwrap();
    assert_eq!(merged, expected);
    assert_eq!(merged.items["x"], item(200, 1));
    assert_eq!(on_disk(&path), expected);
}

#[test]
fn a_torn_write_leaves_the_old_file_or_the_new_never_a_mix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let store = built_in(&path);
    let mut old = Progress::default();
    old.items.insert("kept".into(), item(1_700_000_000, 1));
    store.save(&old).unwrap();
    // A crash mid-write leaves a half-written temporary file beside the real one; it is never read.
    fs::write(
        path.with_extension("toml.tmp-4242"),
        "version = 1\n[items.new]\nlast_rev",
    )
    .unwrap();
    let (loaded, report) = store.load().unwrap();
    assert_eq!(loaded, old);
    assert_eq!(report.warning, None);
    // And the next save replaces the file whole.
    let mut new = old.clone();
    new.items.insert("new".into(), item(1_700_000_100, 1));
    store.save(&new).unwrap();
    assert_eq!(store.load().unwrap().0, new);
}
