//! The learner's state, for each course apart: where they stopped in its lessons and the review history of every
//! quiz item. One TOML file, versioned; see `store` for how it reaches the disk safely.

mod file;
pub mod store;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
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
    /// The learner's exam day, once given (`--exam-date`); the plan and the forecast count down to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exam_date: Option<NaiveDate>,
    /// Per topic slug, how many of its steps the learner has reached (the furthest step opened, 1-based). Written
    /// as `[["slug", n], …]`: the lesson is one flat table in the file (a nested table would land outside it).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", with = "pairs")]
    pub reached: BTreeMap<String, usize>,
    /// Seconds spent reading steps, measured from one step to the next (long pauses left out), and how many steps
    /// were timed: the plan's minutes come from them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub reading_secs: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub reading_steps: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A map of counts as an array of `[key, count]` pairs.
mod pairs {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        map: &BTreeMap<String, usize>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(map.iter())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, usize>, D::Error> {
        Ok(Vec::<(String, usize)>::deserialize(d)?
            .into_iter()
            .collect())
    }
}

impl LessonProgress {
    /// Folds in another instance's lesson record: visited and completed topics united, the furthest step of each
    /// topic kept, the exam date ours unless we have none, the longer reading record kept (two instances' times
    /// cannot be told apart, so they are not added). The position stays ours.
    pub fn absorb(&mut self, disk: LessonProgress) {
        self.visited.extend(disk.visited);
        self.completed.extend(disk.completed);
        self.exam_date = self.exam_date.or(disk.exam_date);
        for (topic, n) in disk.reached {
            let ours = self.reached.entry(topic).or_default();
            *ours = (*ours).max(n);
        }
        if disk.reading_steps > self.reading_steps {
            self.reading_secs = disk.reading_secs;
            self.reading_steps = disk.reading_steps;
        }
    }

    /// Records that step `step` (0-based) of `topic` was opened.
    pub fn reach(&mut self, topic: &str, step: usize) {
        let n = self.reached.entry(topic.to_string()).or_default();
        *n = (*n).max(step + 1);
    }
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
        self.lesson.absorb(disk.lesson);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_s_lesson_fields_stay_in_the_lesson_table_and_round_trip() {
        let mut l = LessonProgress::default();
        l.reach("step-functions", 3);
        l.reach("step-functions", 1);
        (l.reading_secs, l.reading_steps) = (240, 2);
        l.exam_date = NaiveDate::from_ymd_opt(2027, 1, 5);
        let text = toml::to_string(&l).unwrap();
        assert!(!text.contains("\n["), "no nested table: {text}");
        assert!(
            text.contains(r#"reached = [["step-functions", 4]]"#),
            "{text}"
        );
        assert_eq!(toml::from_str::<LessonProgress>(&text).unwrap(), l);
        // An old lesson table has none of them.
        let old: LessonProgress = toml::from_str("topic = \"mwaa\"\nstep = 2\n").unwrap();
        assert_eq!(
            (old.exam_date, old.reached.len(), old.reading_steps),
            (None, 0, 0)
        );
    }

    #[test]
    fn absorbing_keeps_the_furthest_step_our_date_and_the_longer_reading_record() {
        let mut ours = LessonProgress {
            exam_date: NaiveDate::from_ymd_opt(2027, 1, 5),
            ..Default::default()
        };
        ours.reach("mwaa", 2);
        let mut disk = LessonProgress {
            exam_date: NaiveDate::from_ymd_opt(2027, 2, 1),
            reading_secs: 600,
            reading_steps: 5,
            ..Default::default()
        };
        disk.reach("mwaa", 0);
        disk.reach("lake-formation", 4);
        ours.absorb(disk);
        assert_eq!(ours.exam_date, NaiveDate::from_ymd_opt(2027, 1, 5));
        assert_eq!(ours.reached["mwaa"], 3);
        assert_eq!(ours.reached["lake-formation"], 5);
        assert_eq!((ours.reading_secs, ours.reading_steps), (600, 5));
    }
}
