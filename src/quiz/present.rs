//! Quiz screens as markdown: the prompt, the feedback, an exam question, the exam review, the end of a session.
//! The TUI renders these through the lesson renderer, so quizzes wrap, scroll and theme like lessons.

use std::fmt::Write;

use crate::util::text::plural;

use super::{
    exam::{ExamQuestion, ExamReport},
    grade::letter,
    mode::TopicInfo,
    session::{Feedback, OptionReview, Prompt, QuizSummary},
};

/// Markdown-escape text from a quiz file so `*`, `_`, `|`, `#` in a cue show as typed.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Who answers: the learner, or a class voting on a projector (answers revealed by the presenter, not scheduled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Learner,
    Class,
}

pub fn prompt(p: &Prompt, picked: &[usize], topics: &[TopicInfo]) -> String {
    let mut md = format!(
        "*{} · {} {} of {}*\n\n### {}\n\n",
        TopicInfo::label(topics, &p.topic),
        if p.kind == super::ItemKind::Trigger {
            "trigger"
        } else {
            "question"
        },
        p.number,
        p.total,
        esc(&p.text)
    );
    if let Some(lab) = &p.lab {
        md.push_str(&super::lab_view::before(lab));
    }
    if p.typed {
        md.push_str("*Type the answer, then Enter.*\n");
        return md;
    }
    for (i, o) in p.options.iter().enumerate() {
        let mark = if picked.contains(&i) { "●" } else { "○" };
        let _ = writeln!(md, "- {mark} **{})** {}", letter(i), esc(o));
    }
    md
}

fn options_review(md: &mut String, options: &[OptionReview], mine: &str) {
    for o in options {
        let mark = match (o.correct, o.picked) {
            (true, _) => "✓",
            (false, true) => "✗",
            (false, false) => "·",
        };
        let picked = if o.picked { mine } else { "" };
        let _ = writeln!(md, "- {mark} **{})** {}{picked}", o.letter, esc(&o.text));
        if !o.explain.is_empty() {
            let _ = writeln!(md, "\n  {}\n", esc(&o.explain));
        }
    }
}

pub fn feedback(
    p: &Prompt,
    f: &Feedback,
    next_review: &str,
    topics: &[TopicInfo],
    who: Audience,
) -> String {
    let verdict = if f.correct {
        "✓ Right"
    } else {
        "✗ Not quite"
    };
    let mut md = format!(
        "*{} · {} of {}*\n\n### {}\n\n## {verdict}\n\n**Answer:** {}\n\n",
        TopicInfo::label(topics, &p.topic),
        p.number,
        p.total,
        esc(&p.text),
        esc(&f.answer)
    );
    if let Some(why) = &f.why {
        let _ = write!(md, "**Why:** {}\n\n", esc(why));
    }
    match who {
        Audience::Learner => {
            options_review(&mut md, &f.options, " *(your answer)*");
            let _ = write!(md, "\n*Rated {} · next review {next_review}.*\n", f.rating);
        }
        Audience::Class => options_review(&mut md, &f.options, " *(the class's answer)*"),
    }
    md
}

pub fn exam_question(
    q: &ExamQuestion<'_>,
    answered: usize,
    flagged: &[usize],
    topics: &[TopicInfo],
) -> String {
    let flag = if q.flagged { " · ⚑ flagged" } else { "" };
    let mut md = format!(
        "*Question {} of {} · {}{flag}*\n\n### {}\n\n",
        q.number,
        q.total,
        TopicInfo::label(topics, q.topic),
        esc(&q.text)
    );
    for (i, o) in q.options.iter().enumerate() {
        let mark = if q.picked.contains(&i) { "●" } else { "○" };
        let _ = writeln!(md, "- {mark} **{})** {}", letter(i), esc(o));
    }
    let flags = if flagged.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = flagged.iter().map(|i| (i + 1).to_string()).collect();
        format!(" · flagged: {}", list.join(", "))
    };
    let _ = write!(md, "\n*{answered} of {} answered{flags}.*\n", q.total);
    md
}

pub fn exam_review(r: &ExamReport, topics: &[TopicInfo]) -> String {
    let how = if r.timed_out {
        " — time ran out, so it was submitted for you"
    } else {
        ""
    };
    let mut md = format!(
        "# Mock exam: {} of {} ({}%){how}\n\n| Topic | Right |\n| --- | ---: |\n",
        r.score, r.total, r.percent
    );
    for (t, right, total) in &r.per_topic {
        let _ = writeln!(md, "| {} | {right}/{total} |", TopicInfo::label(topics, t));
    }
    md.push_str(
        "\n*The real exam is scaled 100–1,000 with 720 to pass; this is a raw percentage.*\n",
    );
    for item in &r.items {
        let verdict = item.verdict();
        let flag = if item.flagged { " · ⚑" } else { "" };
        let _ = write!(
            md,
            "\n---\n\n### {}. {verdict}{flag}\n\n*{}*\n\n{}\n\n",
            item.number,
            TopicInfo::label(topics, &item.topic),
            esc(&item.text)
        );
        options_review(&mut md, &item.options, " *(your answer)*");
    }
    md
}

pub fn finished(s: &QuizSummary, title: &str, topics: &[TopicInfo], who: Audience) -> String {
    if s.answered == 0 {
        return format!("# {title}\n\nNothing answered this time.\n");
    }
    let mut md = format!(
        "# {title}: {} of {} right\n\n",
        s.right,
        plural(s.answered, "answer")
    );
    for (t, right, total) in &s.per_topic {
        if *total > 0 {
            let _ = writeln!(md, "- {}: {right} of {total}", TopicInfo::label(topics, t));
        }
    }
    md.push_str(match who {
        Audience::Learner => {
            "\nEvery answer is saved and scheduled for review (`dea-tutor quiz --mode due`).\n"
        }
        // The presenter answered for the class: their own schedule was left alone.
        Audience::Class => "\nThe class's answers; nothing was scheduled for the presenter.\n",
    });
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_in_quiz_text() {
        assert_eq!(esc("a*b_c|d"), "a\\*b\\_c\\|d");
        assert_eq!(esc("plain"), "plain");
    }
}
