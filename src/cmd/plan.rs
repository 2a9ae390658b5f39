//! `dea-tutor plan`: the exam-day forecast and today's plan (docs/forecast.md), the same text the Plan screen shows,
//! and what `quiz --mode due` offers when nothing is due.

use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};

use super::{learner::Learner, load_course};
use crate::{
    cli::Global,
    course::Course,
    forecast::{self, course::planned, markdown::Open},
    progress::Progress,
};

/// What to say when no exam date is known yet.
pub const NO_DATE: &str = "# Plan for exam day\n\nNo exam date yet. Give it once with \
    `dea-tutor plan --exam-date YYYY-MM-DD` (or `--exam-date` on any command): it is remembered, and the plan \
    counts down to it.\n";

/// The Plan screen's text, or how to give the date.
pub fn markdown(
    course: &Course,
    progress: &Progress,
    exam_date: Option<NaiveDate>,
    now: DateTime<Utc>,
    open: Open,
) -> String {
    match exam_date {
        Some(date) => {
            let (f, t) = planned(course, progress, date, now);
            forecast::markdown::markdown(&f, &t, open)
        }
        None => NO_DATE.to_string(),
    }
}

/// The Plan screen of the TUI: the text with numbered steps, the steps, and today's session size (without an exam
/// date: the reviews due).
pub fn screen(
    course: &Course,
    progress: &Progress,
    exam_date: Option<NaiveDate>,
) -> crate::tui::PlanScreen {
    let now = Utc::now();
    match exam_date {
        Some(date) => {
            let (f, t) = planned(course, progress, date, now);
            crate::tui::PlanScreen {
                markdown: forecast::markdown::markdown(&f, &t, Open::Keys),
                links: t.links(),
                session_items: t.session_items(),
            }
        }
        None => crate::tui::PlanScreen {
            markdown: NO_DATE.to_string(),
            links: Vec::new(),
            session_items: (progress.items.values())
                .filter(|s| crate::quiz::is_due(s, now))
                .count(),
        },
    }
}

/// A date the learner gave: refused when it has passed.
pub fn check_date(date: NaiveDate, today: NaiveDate) -> Result<(), String> {
    if date < today {
        return Err(format!(
            "the exam date {date} has passed (today is {today}); give a date from today on, as YYYY-MM-DD"
        ));
    }
    Ok(())
}

/// Whether any item of `topic` (all topics: `None`) is due now.
pub fn any_due(
    course: &Course,
    topic: Option<&str>,
    histories: &std::collections::BTreeMap<String, crate::quiz::ItemState>,
) -> bool {
    let now = Utc::now();
    (course.items(topic))
        .any(|item| (histories.get(&item.id)).is_some_and(|s| crate::quiz::is_due(s, now)))
}

/// When `quiz --mode due` has nothing to ask: when the next review is, and what the plan says to do instead.
pub fn nothing_due(course: &Course, learner: &Learner, exam_date: Option<NaiveDate>) -> String {
    let now = Utc::now();
    let Some(date) = exam_date else {
        return format!(
            "{} For a plan of what to do each day, give your exam date: `dea-tutor plan --exam-date YYYY-MM-DD`.",
            next_review_line(course, learner, now)
        );
    };
    let (f, t) = planned(course, &learner.progress, date, now);
    let mut offers = Vec::new();
    if t.new_today > 0 {
        offers.push(format!(
            "meet {} new items with `dea-tutor quiz --mode quick -n {}`",
            t.new_today, t.new_today
        ));
    }
    if let Some(l) = t.reread.first().or(t.next_steps.first()) {
        let n = f
            .topics
            .iter()
            .find(|x| x.slug == l.topic)
            .map_or(0, |x| x.number);
        offers.push(format!(
            "read topic {n} step {} with `dea-tutor --topic {n} --step {}`",
            l.step + 1,
            l.step + 1
        ));
    }
    let instead = if offers.is_empty() {
        "nothing new is needed today; `dea-tutor plan` shows the forecast.".to_string()
    } else {
        format!(
            "{}; `dea-tutor plan` shows the whole plan.",
            offers.join(", then ")
        )
    };
    format!(
        "{} The plan for today instead: {instead}",
        next_review_line(course, learner, now)
    )
}

fn next_review_line(course: &Course, learner: &Learner, now: DateTime<Utc>) -> String {
    let ids: std::collections::HashSet<&str> = course.items(None).map(|i| i.id.as_str()).collect();
    let in_course = |id: &str| ids.contains(id);
    let next = (learner.progress.items.iter())
        .filter(|(id, s)| s.due > now && in_course(id))
        .map(|(_, s)| s.due)
        .min();
    match next {
        Some(due) => format!(
            "Nothing is due now. The next review is due {} (in {}).",
            due.format("%Y-%m-%d %H:%M UTC"),
            crate::util::text::until(due, now)
        ),
        None => "Nothing is due: no item has been answered yet.".to_string(),
    }
}

pub fn run(global: &Global) -> ExitCode {
    let course = match load_course(global.content.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut learner = match Learner::open(global) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let printer = match super::printer_for(global) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let now = Utc::now();
    if let Some(date) = global.exam_date {
        if let Err(e) = check_date(date, now.date_naive()) {
            eprintln!("dea-tutor: {e}");
            return ExitCode::from(2);
        }
        // Remembered from now on (`Learner::open` took it in; this writes it).
        learner.progress.lesson.exam_date = Some(date);
        if let Some(w) = learner.save() {
            eprintln!("dea-tutor: warning: {w}");
        }
    }
    let Some(date) = learner.exam_date(global) else {
        out!("{}", printer.text(NO_DATE));
        return ExitCode::from(2);
    };
    if let Err(e) = check_date(date, now.date_naive()) {
        eprintln!("dea-tutor: {e}. Give the new one with --exam-date YYYY-MM-DD.");
        return ExitCode::from(2);
    }
    let md = markdown(course, &learner.progress, Some(date), now, Open::Commands);
    out!("{}", printer.text(&md));
    learner.exit_code()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_past_date_is_refused_and_today_is_not() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert!(check_date(today, today).is_ok());
        let e = check_date(today.pred_opt().unwrap(), today).unwrap_err();
        assert!(e.contains("has passed"), "{e}");
    }
}
