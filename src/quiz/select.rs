//! Which items a session asks, per mode. Items are referred to by position in the catalog's banks; progress by id.
//! Selection reads only the catalog's item lists (the course index), never a bank.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rand::Rng;
use rand::seq::SliceRandom;

use super::bank::ItemKind;
use super::catalog::Catalog;
use super::mode::Mode;
use super::schedule::{ItemState, is_due, weakness};

/// One trigger or question: trigger or question `index` of the catalog's bank `bank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub bank: usize,
    pub kind: ItemKind,
    pub index: usize,
}

/// Every item of the kinds asked for, in bank order, limited to `topic` when given.
pub fn items(catalog: &Catalog, topic: Option<&str>, kinds: &[ItemKind]) -> Vec<ItemRef> {
    let mut out = Vec::new();
    for b in 0..catalog.len() {
        if topic.is_some_and(|t| t != catalog.topic(b)) {
            continue;
        }
        for &kind in kinds {
            out.extend((0..catalog.count(b, kind)).map(|index| ItemRef {
                bank: b,
                kind,
                index,
            }));
        }
    }
    out
}

/// The items of a session, in the order they are asked.
/// - drill / scenario: triggers / questions, shuffled;
/// - exam: questions balanced across topics (round robin over shuffled topics), then shuffled; no lab exercises;
/// - lab: the questions with a lab, in course order;
/// - due: items due now, most overdue first;
/// - cram: all items, weakest first (ties random);
/// - quick: items due now, weakest first, then the weakest of the rest.
pub fn select<R: Rng + ?Sized>(
    mode: Mode,
    catalog: &Catalog,
    topic: Option<&str>,
    histories: &BTreeMap<String, ItemState>,
    count: Option<usize>,
    rng: &mut R,
    now: DateTime<Utc>,
) -> Vec<ItemRef> {
    let count = count.or(mode.default_count()).unwrap_or(usize::MAX);
    let both = [ItemKind::Trigger, ItemKind::Question];
    let state = |item: &ItemRef| histories.get(catalog.id(*item));
    let mut chosen = match mode {
        Mode::Drill | Mode::Scenario => {
            let kind = if mode == Mode::Drill {
                ItemKind::Trigger
            } else {
                ItemKind::Question
            };
            let mut list = items(catalog, topic, &[kind]);
            list.shuffle(rng);
            list
        }
        Mode::Exam => balanced_questions(catalog, topic, count, rng),
        // The lab's exercises in the course's order: they build on each other like the lesson's steps.
        Mode::Lab => (items(catalog, topic, &[ItemKind::Question]).into_iter())
            .filter(|i| catalog.entry(*i).lab)
            .collect(),
        Mode::Due => {
            let mut list: Vec<(DateTime<Utc>, ItemRef)> = (items(catalog, topic, &both)
                .into_iter())
            .filter_map(|i| state(&i).filter(|s| is_due(s, now)).map(|s| (s.due, i)))
            .collect();
            list.shuffle(rng);
            list.sort_by_key(|(due, _)| *due);
            list.into_iter().map(|(_, i)| i).collect()
        }
        Mode::Cram => {
            let mut list = with_states(catalog, histories, items(catalog, topic, &both));
            list.shuffle(rng);
            by_weakness(list)
        }
        Mode::Quick => {
            let mut list = with_states(catalog, histories, items(catalog, topic, &both));
            list.shuffle(rng);
            let (due, rest): (Vec<_>, Vec<_>) =
                (list.into_iter()).partition(|(_, s)| s.is_some_and(|s| is_due(s, now)));
            let mut due = by_weakness(due);
            due.extend(by_weakness(rest));
            due
        }
    };
    chosen.truncate(count);
    chosen
}

/// Each item with its history, looked up once and in bank order (neighbouring ids, so the look-ups stay in cache).
/// Shuffling these pairs gives the same order as shuffling the items alone.
fn with_states<'h>(
    catalog: &Catalog,
    histories: &'h BTreeMap<String, ItemState>,
    list: Vec<ItemRef>,
) -> Vec<(ItemRef, Option<&'h ItemState>)> {
    (list.into_iter())
        .map(|i| (i, histories.get(catalog.id(i))))
        .collect()
}

/// Weakest first. The list comes shuffled, so the stable sort breaks ties at random. Each weakness is computed once,
/// not once per comparison.
fn by_weakness(list: Vec<(ItemRef, Option<&ItemState>)>) -> Vec<ItemRef> {
    let mut keyed: Vec<(f64, ItemRef)> =
        (list.into_iter()).map(|(i, s)| (weakness(s), i)).collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Up to `count` questions spread evenly over topics; topics with fewer questions give what they have.
fn balanced_questions<R: Rng + ?Sized>(
    catalog: &Catalog,
    topic: Option<&str>,
    count: usize,
    rng: &mut R,
) -> Vec<ItemRef> {
    // One pool per bank, from one pass over the items (not one pass per bank).
    let mut pools: Vec<Vec<ItemRef>> = vec![Vec::new(); catalog.len()];
    // Lab exercises need their run after the answer, which a mock exam (no feedback until the end) cannot give.
    for item in items(catalog, topic, &[ItemKind::Question]) {
        if !catalog.entry(item).lab {
            pools[item.bank].push(item);
        }
    }
    for pool in &mut pools {
        pool.shuffle(rng);
    }
    pools.retain(|pool| !pool.is_empty());
    pools.shuffle(rng);
    let mut chosen = Vec::new();
    while chosen.len() < count && pools.iter().any(|p| !p.is_empty()) {
        for pool in &mut pools {
            if chosen.len() < count
                && let Some(item) = pool.pop()
            {
                chosen.push(item);
            }
        }
    }
    chosen.shuffle(rng);
    chosen
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
