//! The store with several courses in one file: each keeps its own place and history, and a version 1 file (one
//! course, the built-in one) is migrated.

use super::{
    tests::{built_in, course_on_disk, item, many, on_disk},
    *,
};
use crate::session::Position;

#[test]
fn a_version_1_file_is_the_built_in_courses_and_becomes_version_2_on_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let state = item(1_700_000_000, 2);
    // Exactly what version 1 wrote: one position and one item map, at the top level.
    let v1 = format!(
        "version = 1\n\n[lesson]\ntopic = \"lake-formation\"\nstep = 3\nvisited = [\"step-functions\"]\n\
         completed = []\n\n[items.sfn-retry]\n{}",
        toml::to_string(&state).unwrap()
    );
    fs::write(&path, &v1).unwrap();
    let mut old = Progress::default();
    old.set_position(&Position {
        topic: "lake-formation".into(),
        step: 3,
    });
    old.lesson.visited.insert("step-functions".into());
    old.items.insert("sfn-retry".into(), state.clone());
    assert_eq!(built_in(&path).load().unwrap().0, old);

    // Another course starts empty, and its first save keeps the built-in course's progress.
    let mine = Store::new(&path, "my-course");
    let (fresh, report) = mine.load().unwrap();
    assert_eq!((fresh, report.warning), (Progress::default(), None));
    let mut ours = Progress::default();
    ours.set_position(&Position {
        topic: "alpha".into(),
        step: 1,
    });
    ours.items
        .insert("sfn-retry".into(), item(1_800_000_000, 1));
    mine.save(&ours).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("version = 2\n"), "{text}");
    assert!(!text.contains("\n[lesson]"), "{text}");
    assert_eq!(on_disk(&path), old);
    assert_eq!(course_on_disk(&path, "my-course"), ours);
    assert_eq!(built_in(&path).load().unwrap().0, old);
    assert_eq!(Store::new(&path, "my-course").load().unwrap().0, ours);
}

#[test]
fn an_empty_version_1_file_migrates_to_no_course() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    fs::write(&path, "version = 1\n").unwrap();
    Store::new(&path, "other")
        .save(&Progress::default())
        .unwrap();
    let parsed = file::parse(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(parsed.courses.keys().collect::<Vec<_>>(), ["other"]);
}

/// Two courses in one file, each saved by its own instance, interleaved: neither overwrites the other's place, and
/// an item id both courses use keeps a history in each.
#[test]
fn two_courses_keep_their_own_place_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let key = "/home/me/my \"course\"";
    let a = built_in(&path);
    let b = Store::new(&path, key);
    let mut pa = a.load().unwrap().0;
    let mut pb = b.load().unwrap().0;
    for round in 0..3u32 {
        pa.set_position(&Position {
            topic: "lake-formation".into(),
            step: round as usize,
        });
        pa.items
            .insert("shared-id".into(), item(1_700_000_000, 1 + round));
        pa.items
            .insert(format!("a-{round}"), item(1_700_000_000, 1));
        pa = a.save(&pa).unwrap();
        pb.set_position(&Position {
            topic: "alpha".into(),
            step: 10 + round as usize,
        });
        pb.items.insert("shared-id".into(), item(1_600_000_000, 1));
        pb.lesson.completed.insert(format!("topic-{round}"));
        pb = b.save(&pb).unwrap();
    }
    assert_eq!(on_disk(&path), pa);
    assert_eq!(course_on_disk(&path, key), pb);
    assert_eq!(pa.position().unwrap().step, 2);
    assert_eq!(pb.position().unwrap().step, 12);
    // The older review of the same id in the other course did not replace this course's.
    assert_eq!(pa.items["shared-id"], item(1_700_000_000, 3));
    assert_eq!(pb.items["shared-id"], item(1_600_000_000, 1));
    assert_eq!(pb.items.len(), 1);
    assert_eq!(built_in(&path).load().unwrap().0, pa);
    assert_eq!(Store::new(&path, key).load().unwrap().0, pb);
}

/// Two instances of one course merge as they always did, while another course in the file stays as it was, whether
/// the store re-uses its remembered text or reads the file again.
#[test]
fn merging_one_course_leaves_the_others_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let other = Store::new(&path, "other-course");
    let theirs = other.save(&many(20)).unwrap();
    let a = built_in(&path);
    let b = built_in(&path);
    let mut pa = a.load().unwrap().0;
    let mut pb = b.load().unwrap().0;
    for round in 0..3u32 {
        pa.items
            .insert(format!("from-a-{round}"), item(1_900_000_000, 1));
        pa = a.save(&pa).unwrap();
        pb.items
            .insert(format!("from-b-{round}"), item(1_900_000_000, 1));
        pb.lesson.completed.insert(format!("beta-{round}"));
        pb = b.save(&pb).unwrap();
        assert_eq!(
            course_on_disk(&path, "other-course"),
            theirs,
            "round {round}"
        );
    }
    let merged = on_disk(&path);
    assert_eq!(merged.items.len(), 6);
    assert_eq!(merged.lesson.completed.len(), 3);
    assert_eq!(other.load().unwrap().0, theirs);
}
