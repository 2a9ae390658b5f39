//! The learner's state, for each course apart: where they stopped in its lessons and the review history of every
//! quiz item. One TOML file, versioned; see `store` for how it reaches the disk safely.

mod file;
pub mod store;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{quiz::ItemState, session::Position};

/// The schema version this build writes and understands. Version 1 held one course (the built-in one); version 2
/// keeps each course under its key (`store` migrates version 1).
pub const VERSION: u32 = 2;

/// One course's progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub lesson: LessonProgress,
    /// Review history by quiz item id. Ids that no longer exist in the course are kept, not dropped: a renamed or
    /// temporarily removed item gets its history back when it returns.
    #[serde(default)]
    pub items: BTreeMap<String, ItemState>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LessonProgress {
    /// Slug of the topic to resume; empty before the first start.
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub step: usize,
    #[serde(default)]
    pub visited: BTreeSet<String>,
    #[serde(default)]
    pub completed: BTreeSet<String>,
}

impl Progress {
    pub fn position(&self) -> Option<Position> {
        (!self.lesson.topic.is_empty()).then(|| Position {
            topic: self.lesson.topic.clone(),
            step: self.lesson.step,
        })
    }

    pub fn set_position(&mut self, p: &Position) {
        self.lesson.topic = p.topic.clone();
        self.lesson.step = p.step;
    }

    /// Folds in what another instance wrote meanwhile: for each item the more recent review wins; visited and
    /// completed topics are united; the lesson position stays ours (this instance is the one saving now).
    pub fn merge_from_disk(&mut self, disk: Progress) {
        for (id, theirs) in disk.items {
            match self.items.get(&id) {
                Some(ours) if ours.last_review >= theirs.last_review => {}
                _ => {
                    self.items.insert(id, theirs);
                }
            }
        }
        self.lesson.visited.extend(disk.lesson.visited);
        self.lesson.completed.extend(disk.lesson.completed);
    }
}
