use super::*;
use chrono::TimeZone;

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

#[test]
fn new_item_rated_again_comes_back_in_a_minute() {
    let now = at(2025, 3, 1, 9);
    let s = review(None, Rating::Again, now, None);
    assert_eq!(s.due, now + chrono::Duration::minutes(1));
    assert_eq!(s.phase, Phase::Learning);
    assert_eq!((s.reps, s.right, s.wrong), (1, 0, 1));
    assert_eq!(s.last, Rating::Again);
    assert_eq!(s.stability, 0.4072);
    assert!(is_due(&s, now + chrono::Duration::minutes(1)));
    assert!(!is_due(&s, now));
}

#[test]
fn new_item_rated_good_is_learning_for_ten_minutes() {
    let now = at(2025, 3, 1, 9);
    let s = review(None, Rating::Good, now, None);
    assert_eq!(s.due, now + chrono::Duration::minutes(10));
    assert_eq!(s.phase, Phase::Learning);
    assert_eq!((s.reps, s.right, s.wrong), (1, 1, 0));
    assert_eq!(s.stability, 3.1262);
}

#[test]
fn repeated_good_pushes_the_due_date_further_each_time() {
    let mut now = at(2025, 3, 1, 9);
    let mut state = review(None, Rating::Good, now, None);
    let mut gaps = Vec::new();
    for _ in 0..5 {
        now = state.due;
        state = review(Some(&state), Rating::Good, now, None);
        gaps.push((state.due - now).num_days());
    }
    assert_eq!(state.phase, Phase::Review);
    assert!(gaps[0] >= 1, "first review graduates to days: {gaps:?}");
    assert!(gaps.windows(2).all(|w| w[1] > w[0]), "growing: {gaps:?}");
    assert_eq!(state.reps, 6);
    assert_eq!(state.right, 6);
}

#[test]
fn again_in_review_is_a_lapse() {
    let mut now = at(2025, 3, 1, 9);
    let mut state = review(None, Rating::Good, now, None);
    now = state.due;
    state = review(Some(&state), Rating::Good, now, None);
    assert_eq!(state.phase, Phase::Review);
    now = state.due;
    let lapsed = review(Some(&state), Rating::Again, now, None);
    assert_eq!(lapsed.lapses, 1);
    assert_eq!(lapsed.phase, Phase::Relearning);
    assert_eq!(lapsed.due, now + chrono::Duration::minutes(5));
    assert!(lapsed.stability < state.stability);
}

#[test]
fn exam_date_caps_the_due_date_at_the_day_before() {
    let now = at(2025, 3, 1, 9);
    let exam = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
    let easy = review(None, Rating::Easy, now, None);
    assert!(easy.due > at(2025, 3, 10, 0), "uncapped: {}", easy.due);
    let capped = review(None, Rating::Easy, now, Some(exam));
    assert_eq!(capped.due, at(2025, 3, 3, 0));
    // Sooner reviews are left alone.
    let again = review(None, Rating::Again, now, Some(exam));
    assert_eq!(again.due, now + chrono::Duration::minutes(1));
    // On the day before the exam there is nothing left to cap to.
    let late = at(2025, 3, 3, 8);
    assert!(review(None, Rating::Easy, late, Some(exam)).due > at(2025, 3, 4, 0));
}

#[test]
fn ratings_from_answers() {
    let fast = Duration::from_secs(5);
    let q_mid = Duration::from_secs(60);
    let slow = Duration::from_secs(100);
    assert_eq!(rating_for(false, fast, ItemKind::Trigger), Rating::Again);
    assert_eq!(rating_for(true, fast, ItemKind::Trigger), Rating::Good);
    assert_eq!(rating_for(true, q_mid, ItemKind::Trigger), Rating::Hard);
    assert_eq!(rating_for(true, q_mid, ItemKind::Question), Rating::Good);
    assert_eq!(rating_for(true, slow, ItemKind::Question), Rating::Hard);
    assert_eq!(rating_for(false, slow, ItemKind::Question), Rating::Again);
}

#[test]
fn rating_names_parse() {
    assert_eq!("Hard".parse::<Rating>(), Ok(Rating::Hard));
    assert_eq!("4".parse::<Rating>(), Ok(Rating::Easy));
    assert!("meh".parse::<Rating>().is_err());
}

#[test]
fn weakness_orders_wrong_then_unseen_then_right() {
    let now = at(2025, 3, 1, 9);
    let wrong = review(None, Rating::Again, now, None);
    let right = review(None, Rating::Good, now, None);
    let mut solid = right.clone();
    for _ in 0..4 {
        let t = solid.due;
        solid = review(Some(&solid), Rating::Good, t, None);
    }
    assert!(weakness(Some(&wrong)) > weakness(None));
    assert!(weakness(None) > weakness(Some(&right)));
    assert!(weakness(Some(&right)) > weakness(Some(&solid)));
    let mut wrong_twice = review(Some(&wrong), Rating::Again, now, None);
    wrong_twice.lapses = 2;
    assert!(weakness(Some(&wrong_twice)) > weakness(Some(&wrong)));
}

#[test]
fn state_round_trips_through_compact_toml() {
    let now =
        Utc.with_ymd_and_hms(2025, 3, 1, 9, 30, 15).unwrap() + chrono::Duration::milliseconds(250);
    let mut state = review(None, Rating::Good, now, None);
    state.secs = 7;
    let mut map = std::collections::BTreeMap::new();
    map.insert("sfn-retry-transient".to_string(), state.clone());
    let text = toml::to_string(&map).unwrap();
    assert_eq!(
        text,
        "[sfn-retry-transient]\n\
         due = \"2025-03-01T09:40:15Z\"\n\
         last_review = \"2025-03-01T09:30:15Z\"\n\
         stability = 3.1262\n\
         difficulty = 5.3146\n\
         phase = \"learning\"\n\
         reps = 1\n\
         lapses = 0\n\
         right = 1\n\
         wrong = 0\n\
         last = \"good\"\n\
         secs = 7\n"
    );
    let back: std::collections::BTreeMap<String, ItemState> = toml::from_str(&text).unwrap();
    assert_eq!(back["sfn-retry-transient"], state);
}
