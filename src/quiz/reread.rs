//! Mistakes lead back: every quiz item names the teaching step it depends on (`step = N`), so a wrong answer points
//! at the step to re-read, and recent wrong answers add up to a short list of steps worth reading again.

use std::collections::BTreeMap;

use super::{TopicInfo, catalog::Catalog};

/// A step to re-read: the topic's slug, the 0-based teaching step, and how many recent misses point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reread {
    pub topic: String,
    pub step: usize,
    pub misses: usize,
}

/// At most this many steps are listed: a short list gets read.
pub const LIMIT: usize = 5;

/// The steps behind `wrong` item ids, most-missed first (ties in course order), at most [`LIMIT`].
pub fn from_ids<'a>(catalog: &Catalog, wrong: impl IntoIterator<Item = &'a str>) -> Vec<Reread> {
    let order: BTreeMap<&str, usize> = (0..catalog.len()).map(|b| (catalog.topic(b), b)).collect();
    tally(wrong.into_iter().filter_map(|id| {
        let (topic, step) = catalog.step_of(id)?;
        let at = order.get(topic.as_str()).copied().unwrap_or(usize::MAX);
        Some((at, topic, step))
    }))
}

/// The list from the steps behind each wrong answer, as `(topic's place in the course, topic's slug, 0-based step)`:
/// most-missed first (ties in course order), at most [`LIMIT`]. The course index gives them without the banks.
pub fn tally(wrong_steps: impl IntoIterator<Item = (usize, String, usize)>) -> Vec<Reread> {
    let mut counts: BTreeMap<(usize, String, usize), usize> = BTreeMap::new();
    for key in wrong_steps {
        *counts.entry(key).or_default() += 1;
    }
    let mut list: Vec<Reread> = (counts.into_iter())
        .map(|((_, topic, step), misses)| Reread {
            topic,
            step,
            misses,
        })
        .collect();
    // Stable: equal misses keep course order.
    list.sort_by_key(|r| std::cmp::Reverse(r.misses));
    list.truncate(LIMIT);
    list
}

/// The steps behind the learner's recent wrong answers: items whose last answer was wrong. The tutor answers this
/// from the course index (`Course::reread`); this reading of the banks is the tests' reference for it.
#[cfg(test)]
pub fn from_histories(
    catalog: &Catalog,
    histories: &BTreeMap<String, super::ItemState>,
) -> Vec<Reread> {
    from_ids(
        catalog,
        (histories.iter())
            .filter(|(_, s)| !s.last_right())
            .map(|(id, _)| id.as_str()),
    )
}

/// "Topic 11 · step 6: Retry and Catch".
pub fn label(r: &Reread, topics: &[TopicInfo]) -> String {
    let topic = topics.iter().find(|t| t.slug == r.topic);
    let number = topic.map_or_else(|| r.topic.clone(), |t| t.number.to_string());
    let title = topic
        .and_then(|t| t.steps.get(r.step))
        .filter(|s| !s.is_empty())
        .map(|s| format!(": {s}"))
        .unwrap_or_default();
    format!("Topic {number} · step {}{title}", r.step + 1)
}

/// The list as markdown, numbered; `how` says how to open one ("press its number", "dea-tutor --topic …").
pub fn markdown(list: &[Reread], topics: &[TopicInfo], how: &str) -> String {
    if list.is_empty() {
        return String::new();
    }
    let mut md = String::from("## Steps to re-read\n\nFrom your recent wrong answers");
    md.push_str(&format!(" ({how}):\n\n"));
    for (i, r) in list.iter().enumerate() {
        let misses = if r.misses > 1 {
            format!(" — {} misses", r.misses)
        } else {
            String::new()
        };
        md.push_str(&format!("{}. {}{misses}\n", i + 1, label(r, topics)));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{QuizBank, Rating, review, testdata};

    fn linked() -> Vec<QuizBank> {
        let mut banks = testdata::banks();
        for b in &mut banks {
            for (i, t) in b.triggers.iter_mut().enumerate() {
                t.step = Some(crate::quiz::bank::StepRef {
                    step: i % 2 + 1,
                    line: 1,
                });
            }
            for q in &mut b.questions {
                q.step = Some(crate::quiz::bank::StepRef { step: 2, line: 1 });
            }
        }
        banks
    }

    #[test]
    fn wrong_answers_point_at_their_steps_most_missed_first() {
        let banks = linked();
        let ids: Vec<&str> = banks[0].triggers.iter().map(|t| t.id.as_str()).collect();
        assert!(ids.len() >= 2);
        let q = banks[0].questions[0].id.as_str();
        let list = from_ids(&Catalog::parsed(&banks), [ids[0], ids[1], q]);
        assert_eq!(
            list[0],
            Reread {
                topic: banks[0].topic.clone(),
                step: 1,
                misses: 2
            }
        );
        assert_eq!(
            list[1],
            Reread {
                topic: banks[0].topic.clone(),
                step: 0,
                misses: 1
            }
        );
        assert_eq!(
            Catalog::parsed(&testdata::banks()).step_of(ids[0]),
            None,
            "no `step`, no link"
        );
    }

    #[test]
    fn histories_count_only_items_last_answered_wrong() {
        let banks = linked();
        let t0 = chrono::Utc::now();
        let mut h = BTreeMap::new();
        h.insert(
            banks[0].triggers[0].id.clone(),
            review(None, Rating::Again, t0, None),
        );
        h.insert(
            banks[0].triggers[1].id.clone(),
            review(None, Rating::Good, t0, None),
        );
        let list = from_histories(&Catalog::parsed(&banks), &h);
        assert_eq!(list.len(), 1);
        let topics = testdata::topics();
        let md = markdown(&list, &topics, "press its number");
        assert!(md.contains("1. Topic 11 · step 1"), "{md}");
    }
}
