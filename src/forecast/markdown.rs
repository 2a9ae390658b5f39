//! The forecast and today's plan as markdown, so the Plan screen, plain mode and `dea-tutor plan` show one text
//! through one renderer. Every figure says what it rests on, or that there is not enough data yet.

use super::{
    Forecast, MIN_ANSWERS, PASS_SCORE, TopicForecast,
    plan::{self, Pace, Today},
    score_of, share_for,
};
use crate::util::text::{plural, until};

/// How the listed steps and the review session are opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// The Plan screen: a digit opens a step, the word `review` starts the session.
    Keys,
    /// Plain text and the shell: commands to run.
    Commands,
}

fn pct(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

fn range(low: f64, high: f64) -> String {
    format!("{:.0}–{:.0}%", 100.0 * low, 100.0 * high)
}

/// The whole Plan screen.
pub fn markdown(f: &Forecast, t: &Today, open: Open) -> String {
    let mut md = format!(
        "# Plan for exam day {} ({})\n\n",
        f.exam_date,
        match f.days_left {
            0 => "today".to_string(),
            d => format!("{} left", plural(d.max(0) as usize, "day")),
        }
    );
    md.push_str(&forecast_paragraph(f, t.reviews_due));
    md.push_str("\n## Today\n\n");
    md.push_str(&today_list(f, t, open));
    md.push_str("\n## By topic\n\n");
    md.push_str(&topic_table(f));
    md.push_str(&format!(
        "\n*Exam day: the share of the topic's exam-style questions you would answer right, with a 90% range, \
         if you do each review as it falls due. Topics weighted by the {}; the forecast covers the part of the \
         exam this course teaches. See docs/forecast.md.*\n",
        plan::weights_source()
    ));
    md
}

fn forecast_paragraph(f: &Forecast, due_now: usize) -> String {
    if f.answers == 0 {
        return "**Forecast:** not enough data yet: no answers so far. Read a topic's first steps, then answer \
                its drill: after 20 answers the forecast has something to rest on.\n"
            .into();
    }
    let basis = format!("based on {}", plural(f.answers as usize, "answer"));
    if !f.enough() {
        return format!(
            "**Forecast:** not enough data yet ({basis}; {MIN_ANSWERS} needed). Keep answering drills.\n"
        );
    }
    let verdict = if score_of(f.low) >= PASS_SCORE {
        "above the pass mark even at the low end"
    } else if f.score() >= PASS_SCORE {
        "above the pass mark, but the range reaches below it"
    } else {
        "below the pass mark"
    };
    format!(
        "**Forecast:** {:.0} of 1000 (range {:.0}–{:.0}; pass mark {PASS_SCORE:.0}), {verdict}: {} of exam-style \
         questions right (range {}), {basis} and {} of {} items seen{}.\n\n\
         *AWS does not publish how a share of right answers becomes its 100–1000 score; this forecast uses the \
         straight line 100 + 900 × share (720 ≈ {} right).*\n",
        f.score(),
        score_of(f.low),
        score_of(f.high),
        pct(f.share),
        range(f.low, f.high),
        f.seen,
        f.items,
        match due_now {
            0 => String::new(),
            n => format!(", if you do the {} due now", plural(n, "review")),
        },
        pct(share_for(PASS_SCORE)),
    )
}

fn pace(p: Pace, unit: &str) -> String {
    if p.basis == 0 {
        format!("{:.0} s {unit}, assumed: not enough data yet", p.secs)
    } else {
        format!(
            "{:.0} s {unit}, based on {}",
            p.secs,
            plural(p.basis, "timed one")
        )
    }
}

fn step_label(f: &Forecast, l: &plan::Link) -> (u32, String) {
    let t = f.topics.iter().find(|t| t.slug == l.topic);
    (
        t.map_or(0, |t| t.number),
        t.map_or_else(|| l.topic.clone(), |t| t.title.clone()),
    )
}

fn today_list(f: &Forecast, t: &Today, open: Open) -> String {
    let mut md = String::new();
    if f.days_left <= 0 {
        md.push_str(
            "The exam is today: no new items. A light look at the steps below, then rest.\n\n",
        );
    }
    let session = match open {
        Open::Keys => "type `review`".to_string(),
        Open::Commands => format!(
            "`dea-tutor quiz --mode quick -n {}` (in a lesson: `review`)",
            t.session_items().max(1)
        ),
    };
    md.push_str(&format!("- **Reviews due:** {}", t.reviews_due));
    if t.reviews_due == 0 {
        match t.next_review {
            Some(due) => md.push_str(&format!(" (the next in {})", until(due, f.now))),
            None => md.push_str(" (nothing answered yet)"),
        }
    }
    md.push('\n');
    md.push_str(&new_items_line(f, t));
    if t.session_items() > 0 {
        md.push_str(&format!(
            "- **Start:** {session} asks the reviews due, then new items\n"
        ));
    }
    md.push_str(&step_lists(f, t, open));
    md.push_str(&format!(
        "\n**Time today:** about {:.0} min ({}; {}).\n",
        t.minutes.ceil(),
        pace(t.item_pace, "an answer"),
        pace(t.step_pace, "a step"),
    ));
    md
}

/// How many new items to meet today, and why that many.
fn new_items_line(f: &Forecast, t: &Today) -> String {
    let mut md = String::new();
    let target = plan::target_score();
    if f.days_left > 0 {
        md.push_str(&format!("- **New items today:** {}", t.new_today));
        if t.new_needed == 0 {
            md.push_str(&format!(
                " — the forecast already reaches {target:.0} if you keep up the reviews"
            ));
        } else if t.reachable {
            md.push_str(&format!(
                " — {} in all over the next {}, to reach {target:.0} (pass mark {PASS_SCORE:.0} plus a margin)",
                t.new_needed,
                plural(t.learning_days as usize, "day"),
            ));
        } else {
            md.push_str(&format!(
                " — all {} unseen items over the next {}: even then the forecast is {:.0}, short of {target:.0}",
                t.unseen,
                plural(t.learning_days as usize, "day"),
                score_of(t.share_with_plan),
            ));
        }
        md.push('\n');
    }
    md
}

/// The next steps to read and those to re-read, numbered on the Plan screen, with commands in plain text.
fn step_lists(f: &Forecast, t: &Today, open: Open) -> String {
    let mut md = String::new();
    let number = |i: usize| match open {
        Open::Keys => format!("{}.", i + 1),
        Open::Commands => "-".to_string(),
    };
    let how = |l: &plan::Link| match open {
        Open::Keys => String::new(),
        Open::Commands => {
            let (n, _) = step_label(f, l);
            format!(" — `dea-tutor --topic {n} --step {}`", l.step + 1)
        }
    };
    let mut i = 0;
    if !t.next_steps.is_empty() {
        md.push_str(&format!(
            "- **Read next** ({} today, {} still to read):\n",
            t.steps_today, t.unread
        ));
        for l in &t.next_steps {
            let (n, title) = step_label(f, l);
            md.push_str(&format!(
                "    {} Topic {n} · {title}, step {}{}\n",
                number(i),
                l.step + 1,
                how(l)
            ));
            i += 1;
        }
    }
    if !t.reread.is_empty() {
        md.push_str("- **Re-read** (your recent wrong answers point here):\n");
        for l in &t.reread {
            let (n, title) = step_label(f, l);
            md.push_str(&format!(
                "    {} Topic {n} · {title}, step {} ({}){}\n",
                number(i),
                l.step + 1,
                if l.misses == 1 {
                    "1 miss".to_string()
                } else {
                    format!("{} misses", l.misses)
                },
                how(l)
            ));
            i += 1;
        }
    }
    if open == Open::Keys && i > 0 {
        md.push_str(&format!("\nPress a number (1–{i}) to open that step.\n"));
    }
    md
}

fn topic_cell(t: &TopicForecast) -> String {
    if t.enough() {
        format!(
            "{} ({}), {}",
            pct(t.share),
            range(t.low, t.high),
            plural(t.answers as usize, "answer")
        )
    } else {
        format!(
            "not enough data yet ({})",
            plural(t.answers as usize, "answer")
        )
    }
}

fn topic_table(f: &Forecast) -> String {
    let mut md = String::from("| Topic | Read | Seen | Exam day |\n| --- | ---: | ---: | --- |\n");
    for t in &f.topics {
        md.push_str(&format!(
            "| {} {} | {}/{} | {}/{} | {} |\n",
            t.number,
            t.title,
            t.read,
            t.steps,
            t.seen,
            t.items,
            topic_cell(t)
        ));
    }
    md
}
