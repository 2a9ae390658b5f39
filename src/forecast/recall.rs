//! How likely an item is to be answered right on exam day: FSRS retrievability, projected through the reviews the
//! scheduler will ask for before then (the learner doing each one when it falls due).

use chrono::{DateTime, NaiveDate, Utc};

use crate::quiz::{ItemState, Phase, Rating, review};

/// FSRS-5's forgetting curve (the one `rs-fsrs` schedules with): R(t, S) = (1 + F·t/S)^D, t and S in days.
const DECAY: f64 = -0.5;
const FACTOR: f64 = 19.0 / 81.0;

/// How many scheduled reviews are followed, each either way (right or wrong, weighted by how likely each is):
/// 2^DEPTH paths an item. Reviews beyond that are not counted, which errs low.
pub const DEPTH: u32 = 5;

/// The probability of recalling an item `days` after its last review, for a memory of `stability` days.
pub fn retrievability(days: f64, stability: f64) -> f64 {
    if stability <= 0.0 {
        return 0.0;
    }
    (1.0 + FACTOR * days.max(0.0) / stability).powf(DECAY)
}

/// Retrievability of `state` at `at`.
pub fn recall_at(state: &ItemState, at: DateTime<Utc>) -> f64 {
    if state.phase == Phase::New {
        return 0.0;
    }
    let days = (at - state.last_review).num_seconds() as f64 / 86_400.0;
    retrievability(days, state.stability)
}

/// When the exam is taken: 09:00 UTC of its day (the core has no time zone; a morning slot is typical).
pub fn exam_moment(exam_date: NaiveDate) -> DateTime<Utc> {
    exam_date
        .and_hms_opt(9, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_default()
}

/// The probability of recalling `state`'s item at the exam, if every review the scheduler asks for before then is
/// done when due (never before `now`): each review is answered right with the item's retrievability at that moment
/// (then rated Good) or wrong (Again), and both futures are followed, weighted.
pub fn projected(state: &ItemState, now: DateTime<Utc>, exam_date: NaiveDate) -> f64 {
    project(state, now, exam_date, DEPTH)
}

fn project(state: &ItemState, now: DateTime<Utc>, exam_date: NaiveDate, depth: u32) -> f64 {
    let exam = exam_moment(exam_date);
    let at = state.due.max(now);
    if depth == 0 || at >= exam {
        return recall_at(state, exam);
    }
    let r = recall_at(state, at);
    let good = review(Some(state), Rating::Good, at, Some(exam_date));
    let again = review(Some(state), Rating::Again, at, Some(exam_date));
    r * project(&good, at, exam_date, depth - 1)
        + (1.0 - r) * project(&again, at, exam_date, depth - 1)
}

/// An item first met at `at` (answered right with probability `first_right`), projected to the exam as above.
pub fn projected_new(first_right: f64, at: DateTime<Utc>, exam_date: NaiveDate) -> f64 {
    let good = review(None, Rating::Good, at, Some(exam_date));
    let again = review(None, Rating::Again, at, Some(exam_date));
    first_right * project(&good, at, exam_date, DEPTH - 1)
        + (1.0 - first_right) * project(&again, at, exam_date, DEPTH - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
    }

    #[test]
    fn retrievability_falls_with_time_and_is_ninety_percent_at_one_stability() {
        let s = 10.0;
        let mut last = 1.0;
        for days in [0.0, 1.0, 5.0, 10.0, 30.0, 100.0] {
            let r = retrievability(days, s);
            assert!(r <= last, "R must not rise with time: {days} days → {r}");
            last = r;
        }
        assert!((retrievability(10.0, 10.0) - 0.9).abs() < 1e-9);
        assert_eq!(retrievability(3.0, 0.0), 0.0);
    }

    #[test]
    fn without_reviews_recall_at_the_exam_falls_as_the_exam_moves_away() {
        let s = review(None, Rating::Good, now(), None);
        let near = recall_at(&s, now() + Duration::days(3));
        let far = recall_at(&s, now() + Duration::days(30));
        assert!(near > far && far > 0.0, "{near} {far}");
    }

    #[test]
    fn a_scheduled_review_lifts_recall_at_the_exam() {
        // Learnt a week ago and due today: left alone it fades by the exam; reviewed today (as the plan schedules)
        // it comes back stronger.
        let mut s = review(None, Rating::Good, now() - Duration::days(8), None);
        s = review(Some(&s), Rating::Good, s.due, None);
        s.due = now();
        let exam = (now() + Duration::days(40)).date_naive();
        let alone = recall_at(&s, exam_moment(exam));
        let planned = projected(&s, now(), exam);
        assert!(
            planned > alone + 0.05,
            "reviews must help: {alone} → {planned}"
        );
        // And the reviewed memory itself is higher right after the review than before it.
        let at_review = recall_at(&s, now());
        let after = review(Some(&s), Rating::Good, now(), Some(exam));
        assert!(recall_at(&after, now() + Duration::hours(1)) > at_review);
    }

    #[test]
    fn projection_stays_a_probability_and_the_day_before_review_keeps_it_high() {
        let exam = (now() + Duration::days(20)).date_naive();
        for rating in Rating::ALL {
            let s = review(None, rating, now(), Some(exam));
            let p = projected(&s, now(), exam);
            assert!((0.0..=1.0).contains(&p), "{rating}: {p}");
        }
        let p = projected_new(1.0, now(), exam);
        assert!(
            p > 0.8,
            "an item known at first sight and reviewed as due: {p}"
        );
        assert!(projected_new(0.0, now(), exam) < p);
    }
}
