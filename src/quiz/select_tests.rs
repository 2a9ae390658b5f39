use super::*;
use crate::quiz::catalog::Catalog;
use crate::quiz::schedule::{Rating, review};
use crate::quiz::testdata;
use chrono::TimeZone;
use rand::SeedableRng;
use rand::rngs::StdRng;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).unwrap()
}

fn ids(catalog: &Catalog, items: &[ItemRef]) -> Vec<String> {
    items.iter().map(|&i| catalog.id(i).to_string()).collect()
}

fn pick(
    mode: Mode,
    topic: Option<&str>,
    h: &BTreeMap<String, ItemState>,
    count: Option<usize>,
    seed: u64,
) -> Vec<String> {
    let banks = testdata::banks();
    let catalog = Catalog::parsed(&banks);
    let mut rng = StdRng::seed_from_u64(seed);
    ids(
        &catalog,
        &select(mode, &catalog, topic, h, count, &mut rng, now()),
    )
}

#[test]
fn drill_is_the_topics_triggers_shuffled() {
    let h = BTreeMap::new();
    let mut got = pick(Mode::Drill, Some("step-functions"), &h, None, 1);
    got.sort();
    assert_eq!(
        got,
        [
            "sfn-distributed-map",
            "sfn-express-high-volume",
            "sfn-retry-transient"
        ]
    );
    assert_eq!(pick(Mode::Drill, None, &h, None, 1).len(), 5);
    assert_eq!(pick(Mode::Drill, None, &h, Some(2), 1).len(), 2);
    let orders: std::collections::BTreeSet<Vec<String>> = (0..20)
        .map(|s| pick(Mode::Drill, None, &h, None, s))
        .collect();
    assert!(orders.len() > 5, "shuffled");
    assert_eq!(
        pick(Mode::Drill, None, &h, None, 7),
        pick(Mode::Drill, None, &h, None, 7),
        "seeded"
    );
}

#[test]
fn scenario_is_questions_only() {
    let got = pick(
        Mode::Scenario,
        Some("lake-formation"),
        &BTreeMap::new(),
        None,
        3,
    );
    let mut got = got;
    got.sort();
    assert_eq!(got, ["lf-cross-account-share", "lf-row-filter"]);
}

#[test]
fn exam_is_balanced_across_topics() {
    let h = BTreeMap::new();
    for seed in 0..20 {
        let got = pick(Mode::Exam, None, &h, Some(4), seed);
        let sfn = got.iter().filter(|id| id.starts_with("sfn-")).count();
        assert_eq!((got.len(), sfn), (4, 2), "{got:?}");
        assert!(
            got.iter()
                .all(|id| !id.contains("retry") && !id.contains("column")),
            "questions only"
        );
    }
    // Asking for more than there are gives them all; 20 is the default.
    assert_eq!(pick(Mode::Exam, None, &h, None, 1).len(), 5);
    let three = pick(Mode::Exam, None, &h, Some(3), 5);
    assert_eq!(three.len(), 3);
}

#[test]
fn due_is_only_items_due_now_most_overdue_first() {
    let mut h = BTreeMap::new();
    let t = now();
    let mut late = review(None, Rating::Again, t, None);
    late.due = t - chrono::Duration::days(2);
    let mut later = late.clone();
    later.due = t - chrono::Duration::hours(1);
    let future = review(None, Rating::Good, t, None);
    h.insert("lf-row-filter".to_string(), later);
    h.insert("sfn-express-high-volume".to_string(), late);
    h.insert("sfn-retry-transient".to_string(), future);
    assert_eq!(
        pick(Mode::Due, None, &h, None, 1),
        ["sfn-express-high-volume", "lf-row-filter"]
    );
    assert_eq!(
        pick(Mode::Due, Some("lake-formation"), &h, None, 1),
        ["lf-row-filter"]
    );
    assert!(pick(Mode::Due, None, &BTreeMap::new(), None, 1).is_empty());
}

#[test]
fn cram_puts_wrong_first_then_unseen_then_known() {
    let mut h = BTreeMap::new();
    let t = now();
    for id in [
        "sfn-retry-transient",
        "sfn-distributed-map",
        "lf-row-filter",
        "lf-tag-based",
    ] {
        h.insert(id.to_string(), review(None, Rating::Good, t, None));
    }
    h.insert(
        "sfn-human-approval".to_string(),
        review(None, Rating::Again, t, None),
    );
    let got = pick(Mode::Cram, None, &h, None, 4);
    assert_eq!(got.len(), 10);
    assert_eq!(got[0], "sfn-human-approval");
    let unseen = &got[1..6];
    assert!(unseen.iter().all(|id| !h.contains_key(id)), "{got:?}");
    assert_eq!(pick(Mode::Cram, None, &h, Some(3), 4).len(), 3);
}

#[test]
fn quick_takes_due_first_then_weakest_and_ten_at_most() {
    let mut h = BTreeMap::new();
    let t = now();
    let mut due_known = review(None, Rating::Good, t, None);
    due_known.due = t - chrono::Duration::hours(1);
    h.insert("lf-tag-based".to_string(), due_known);
    let mut wrong_not_due = review(None, Rating::Again, t, None);
    wrong_not_due.due = t + chrono::Duration::hours(1);
    h.insert("sfn-standard-long-run".to_string(), wrong_not_due);
    let got = pick(Mode::Quick, None, &h, None, 9);
    assert_eq!(got.len(), 10);
    assert_eq!(&got[..2], ["lf-tag-based", "sfn-standard-long-run"]);
    assert!(
        got.iter().any(|id| id.starts_with("lf-")) && got.iter().any(|id| id.starts_with("sfn-"))
    );
}
