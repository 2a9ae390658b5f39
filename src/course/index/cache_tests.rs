use std::fs;

use super::*;
use crate::course::{
    CourseFiles,
    index::tests::{age, settled_copy},
};

/// The course from the cached index of `dir`, as a start reads it.
fn cached(root: &Path, dir: &Path) -> Option<Course> {
    Cache::open_in(root, dir)?.course()
}

/// `dir` parsed in full and its index cached in `root`.
fn indexed(root: &Path, dir: &Path) {
    let full = CourseFiles::from_dir(dir).unwrap().parse().unwrap();
    Cache::open_in(root, dir).unwrap().store(&full);
    assert!(cached(root, dir).is_some());
}

#[test]
fn a_file_gone_since_indexing_is_a_miss() {
    let (dir, root) = (settled_copy(), tempfile::tempdir().unwrap());
    indexed(root.path(), dir.path());
    fs::remove_file(dir.path().join("lessons/02-beta.md")).unwrap();
    assert!(cached(root.path(), dir.path()).is_none());
    fs::remove_dir_all(dir.path().join("lessons")).unwrap();
    let cache = Cache::open_in(root.path(), dir.path()).unwrap();
    assert!(cache.course().is_none(), "a folder that cannot be listed");
}

#[test]
fn the_index_is_stored_with_the_files_as_listed_before_the_parse() {
    let (dir, root) = (settled_copy(), tempfile::tempdir().unwrap());
    let cache = Cache::open_in(root.path(), dir.path()).unwrap();
    assert!(cache.course().is_none(), "nothing cached yet");
    let full = CourseFiles::from_dir(dir.path()).unwrap().parse().unwrap();
    // Changed after the listing (as while the folder is parsed): its index must not vouch for the new text.
    let lesson = dir.path().join("lessons/01-alpha.md");
    let text = fs::read_to_string(&lesson).unwrap();
    fs::write(&lesson, format!("{text}\n")).unwrap();
    age(&lesson);
    cache.store(&full);
    assert!(cached(root.path(), dir.path()).is_none());
    indexed(root.path(), dir.path());
}
