//! What a quiz draws from: each bank's topic and item list (id, kind, lab mark, step), which the course index holds
//! without parsing a quiz file, and each bank itself, fetched the first time one of its items is shown. Choosing a
//! quiz across 1,000 topics reads the index; a ten-item quiz then parses at most the ten banks it asks from (and,
//! rarely, the next banks in course order when a trigger needs fillers).
//!
//! A bank fetched late must still be the bank the index describes: one whose items differ (its file changed while the
//! tutor ran) or that cannot be read is left out, and its items are not asked; the course reports the problem at exit.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;

use super::bank::{ItemKind, Question, QuizBank, Trigger};
use super::select::ItemRef;
use crate::course::index::{ItemEntry, QuizEntry};

/// Where a catalog's banks come from when first needed.
pub trait BankSource {
    /// Bank `i`, parsed now if it was not yet; `None` when it cannot be had.
    fn bank(&self, i: usize) -> Option<&QuizBank>;
}

#[derive(Clone, Copy)]
enum Source<'c> {
    Parsed(&'c [QuizBank]),
    Lazy(&'c dyn BankSource),
}

/// One bank as the quiz sees it before asking from it.
struct Shelf<'c> {
    topic: Cow<'c, str>,
    /// Its place in the source.
    at: usize,
    /// Triggers first, then questions, each in file order (as the index lists them).
    items: Cow<'c, [ItemEntry]>,
    triggers: usize,
    /// The bank, once fetched and found to agree with `items`.
    bank: OnceCell<Option<&'c QuizBank>>,
}

/// A quiz's banks: cheap to clone (the sessions and the flow share one).
#[derive(Clone)]
pub struct Catalog<'c>(Rc<Inner<'c>>);

struct Inner<'c> {
    shelves: Vec<Shelf<'c>>,
    source: Source<'c>,
}

impl<'c> Catalog<'c> {
    /// Banks parsed already (tests, a course parsed whole): the item lists come from the banks themselves.
    pub fn parsed(banks: &'c [QuizBank]) -> Self {
        let shelves = (banks.iter().enumerate())
            .map(|(at, b)| {
                Shelf::new(
                    Cow::Borrowed(&b.topic),
                    at,
                    Cow::Owned(QuizEntry::entries(b)),
                )
            })
            .collect();
        Self(Rc::new(Inner {
            shelves,
            source: Source::Parsed(banks),
        }))
    }

    /// Banks known by their index entries `(place in source, topic, items)`, each fetched from `source` when needed.
    pub fn lazy(
        source: &'c dyn BankSource,
        shelves: impl IntoIterator<Item = (usize, &'c str, &'c [ItemEntry])>,
    ) -> Self {
        let shelves = (shelves.into_iter())
            .map(|(at, topic, items)| Shelf::new(Cow::Borrowed(topic), at, Cow::Borrowed(items)))
            .collect();
        Self(Rc::new(Inner {
            shelves,
            source: Source::Lazy(source),
        }))
    }

    /// How many banks.
    pub fn len(&self) -> usize {
        self.0.shelves.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.shelves.is_empty()
    }

    /// Bank `b`'s topic (a slug).
    pub fn topic(&self, b: usize) -> &str {
        &self.0.shelves[b].topic
    }

    /// Bank `b`'s items: triggers first, then questions.
    pub fn entries(&self, b: usize) -> &[ItemEntry] {
        &self.0.shelves[b].items
    }

    /// How many items of `kind` bank `b` has.
    pub fn count(&self, b: usize, kind: ItemKind) -> usize {
        let s = &self.0.shelves[b];
        match kind {
            ItemKind::Trigger => s.triggers,
            ItemKind::Question => s.items.len() - s.triggers,
        }
    }

    /// The index entry of `item`.
    pub fn entry(&self, item: ItemRef) -> &ItemEntry {
        let s = &self.0.shelves[item.bank];
        match item.kind {
            ItemKind::Trigger => &s.items[item.index],
            ItemKind::Question => &s.items[s.triggers + item.index],
        }
    }

    pub fn id(&self, item: ItemRef) -> &str {
        &self.entry(item).id
    }

    /// Bank `b`, fetched now if it was not yet; `None` when it cannot be had or no longer has the items listed.
    pub fn bank(&self, b: usize) -> Option<&'c QuizBank> {
        let shelf = &self.0.shelves[b];
        *shelf.bank.get_or_init(|| {
            let bank = match self.0.source {
                Source::Parsed(banks) => banks.get(shelf.at),
                Source::Lazy(source) => source.bank(shelf.at),
            }?;
            agrees(bank, &shelf.items).then_some(bank)
        })
    }

    pub fn trigger(&self, item: ItemRef) -> Option<&'c Trigger> {
        self.bank(item.bank)?.triggers.get(item.index)
    }

    pub fn question(&self, item: ItemRef) -> Option<&'c Question> {
        self.bank(item.bank)?.questions.get(item.index)
    }

    /// The step item `id` depends on: its topic's slug and the 0-based teaching step.
    pub fn step_of(&self, id: &str) -> Option<(String, usize)> {
        self.0.shelves.iter().find_map(|s| {
            let step = s.items.iter().find(|i| i.id == id)?.step_index()?;
            Some((s.topic.to_string(), step))
        })
    }
}

impl<'c> Shelf<'c> {
    fn new(topic: Cow<'c, str>, at: usize, items: Cow<'c, [ItemEntry]>) -> Self {
        let triggers = items.iter().take_while(|i| !i.question).count();
        Self {
            topic,
            at,
            items,
            triggers,
            bank: OnceCell::new(),
        }
    }
}

/// Whether `bank` has exactly the items `items` lists, in order (the index was made from this bank).
fn agrees(bank: &QuizBank, items: &[ItemEntry]) -> bool {
    let triggers = bank.triggers.iter().map(|t| (&t.id, false, false));
    let questions = (bank.questions.iter()).map(|q| (&q.id, true, q.lab.is_some()));
    bank.triggers.len() + bank.questions.len() == items.len()
        && (triggers.chain(questions).zip(items))
            .all(|((id, question, lab), e)| *id == e.id && question == e.question && lab == e.lab)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testdata;

    struct Changed(Vec<QuizBank>);

    impl BankSource for Changed {
        fn bank(&self, i: usize) -> Option<&QuizBank> {
            self.0.get(i)
        }
    }

    #[test]
    fn a_parsed_catalog_lists_every_item_in_bank_order() {
        let banks = testdata::banks();
        let c = Catalog::parsed(&banks);
        assert_eq!(c.len(), banks.len());
        for (b, bank) in banks.iter().enumerate() {
            assert_eq!(c.topic(b), bank.topic);
            assert_eq!(c.count(b, ItemKind::Trigger), bank.triggers.len());
            assert_eq!(c.count(b, ItemKind::Question), bank.questions.len());
            for (index, q) in bank.questions.iter().enumerate() {
                let item = ItemRef {
                    bank: b,
                    kind: ItemKind::Question,
                    index,
                };
                assert_eq!(c.id(item), q.id);
                assert_eq!(c.entry(item).lab, q.lab.is_some());
                assert_eq!(c.question(item), Some(q));
            }
        }
    }

    #[test]
    fn a_bank_that_no_longer_has_the_indexed_items_is_left_out() {
        let banks = testdata::banks();
        let entries: Vec<QuizEntry> = banks.iter().map(QuizEntry::of).collect();
        let (mut swapped, mut renamed) = (banks[1].clone(), banks[0].clone());
        swapped.triggers.swap(0, 1);
        renamed.triggers[0].id.push('x');
        let source = Changed(vec![banks[0].clone(), swapped, renamed]);
        let shelf = |at: usize, b: usize| (at, banks[b].topic.as_str(), entries[b].items.get());
        let c = Catalog::lazy(
            &source,
            [shelf(0, 0), shelf(1, 1), shelf(2, 0), shelf(3, 1)],
        );
        assert_eq!(c.bank(0), Some(&banks[0]));
        assert!(c.bank(1).is_none(), "order changed");
        assert!(c.bank(2).is_none(), "an id changed");
        assert!(c.bank(3).is_none(), "gone");
        // What selection reads still comes from the index.
        assert_eq!(c.count(3, ItemKind::Trigger), banks[1].triggers.len());
    }

    #[test]
    fn the_step_of_an_item_comes_from_its_entry() {
        let banks = testdata::banks();
        let c = Catalog::parsed(&banks);
        for b in &banks {
            for t in &b.triggers {
                let expected = t
                    .step
                    .and_then(|s| Some((b.topic.clone(), s.step.checked_sub(1)?)));
                assert_eq!(c.step_of(&t.id), expected);
            }
        }
        assert_eq!(c.step_of("no-such-id"), None);
    }
}
