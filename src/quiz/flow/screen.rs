//! What the quiz flow shows: the screen as markdown, the place for the header, and the one line that says what to
//! do next (pinned above the footer in the TUI, the prompt in plain mode). Words and keys come from the one table.

use chrono::{DateTime, Utc};

use super::{Answered, Confirm, QuizFlow, Stage};
use crate::{
    command::{
        hints::fit,
        table::{Action, KeyAct, Scope, key_label, word},
    },
    quiz::{
        Prompt,
        grade::letter,
        present::{self, Audience},
    },
    util::text::mm_ss,
};

// The sentences the flow says are in `wording`; callers still reach them as `screen::…`.
pub use super::wording::*;

impl QuizFlow<'_> {
    pub fn markdown(&self) -> String {
        if self.help {
            return crate::command::hints::quiz_help_markdown();
        }
        match &self.stage {
            Stage::Practice {
                session,
                picked,
                answered,
            } => match (answered, session.prompt()) {
                (Some(a), _) => self.feedback(a),
                (None, Some(p)) if self.present && !p.typed => {
                    let mut md = present::prompt(p, &[], &self.topics);
                    md.push_str(&format!("\n{}\n", self.tally_line(p.options.len())));
                    md
                }
                (None, Some(p)) => present::prompt(p, picked, &self.topics),
                (None, None) => present::finished(
                    &session.summary(),
                    &self.title,
                    &self.topics,
                    self.audience(),
                ),
            },
            Stage::Exam { exam } => match exam.question(exam.current()) {
                Some(q) => {
                    present::exam_question(&q, exam.answered_count(), &exam.flagged(), &self.topics)
                }
                None => String::new(),
            },
            Stage::Review(r) => {
                let reread = self.reread_markdown();
                let review = present::exam_review(r, &self.topics);
                // The steps to re-read come before the long review, where they are seen.
                match review.find("\n---\n") {
                    Some(at) if !reread.is_empty() => {
                        format!("{}\n{reread}{}", &review[..at], &review[at..])
                    }
                    _ => review,
                }
            }
            Stage::Finished(s) => {
                let mut md = present::finished(s, &self.title, &self.topics, self.audience());
                if let Some(note) = &self.empty_note {
                    md.push_str(&format!("\n{note}\n"));
                }
                md.push_str(&self.reread_markdown());
                md
            }
        }
    }

    fn audience(&self) -> Audience {
        if self.present {
            Audience::Class
        } else {
            Audience::Learner
        }
    }

    fn reread_markdown(&self) -> String {
        let links = self.links();
        let how = format!("type its number and Enter: 1–{}", links.len());
        crate::quiz::reread::markdown(links, &self.topics, &how)
    }

    fn feedback(&self, a: &Answered) -> String {
        if self.present {
            let mut md =
                present::feedback(&a.prompt, &a.feedback, "", &self.topics, Audience::Class);
            md.push_str(&format!("\n{}\n", self.tally_line(a.prompt.options.len())));
            if let Some(lab) = &a.prompt.lab {
                md.push_str(&crate::quiz::lab_view::after(lab, a.edited.as_deref()));
            }
            md
        } else {
            let when = format!("in {}", a.next_review);
            let mut md = present::feedback(
                &a.prompt,
                &a.feedback,
                &when,
                &self.topics,
                Audience::Learner,
            );
            if let Some(lab) = &a.prompt.lab {
                md.push_str(&crate::quiz::lab_view::after(lab, a.edited.as_deref()));
            }
            md
        }
    }

    fn tally_line(&self, options: usize) -> String {
        let votes: Vec<String> = (0..options)
            .map(|i| format!("{} {}", letter(i), self.tally.get(i).copied().unwrap_or(0)))
            .collect();
        format!("**Class votes:** {}", votes.join(" · "))
    }

    /// "Time left: 37:12" while the exam runs.
    pub fn clock_line(&self, now: DateTime<Utc>) -> Option<String> {
        match &self.stage {
            Stage::Exam { exam } => Some(format!("Time left: {}", mm_ss(exam.remaining(now)))),
            _ => None,
        }
    }

    /// "3 of 12", "Question 4 of 20 · 37:12 left", "Review · 14 of 20", "finished".
    pub fn place(&self, now: DateTime<Utc>) -> String {
        match &self.stage {
            Stage::Practice { session, .. } => match session.prompt() {
                Some(p) => format!("{} of {}", p.number, p.total),
                None => "finished".into(),
            },
            Stage::Exam { exam } => format!(
                "Question {} of {} · {} left",
                exam.current() + 1,
                exam.len(),
                mm_ss(exam.remaining(now))
            ),
            Stage::Review(r) => format!("Review · {} of {}", r.score, r.total),
            Stage::Finished(_) => "finished".into(),
        }
    }

    /// What to do next, as hint items in order of importance (the front end fits what its width allows). With
    /// `keys` false (plain mode) only Enter and words are offered.
    pub fn next_items(&self, keys: bool) -> Vec<String> {
        let l = Labels::new(keys);
        let (enter, esc) = (l.enter, l.esc);
        if self.help {
            return vec![format!("{enter} or {esc} back to the question")];
        }
        match self.confirm {
            Some(Confirm::Submit) => {
                let submit = word(Action::Submit, Scope::Quiz).name;
                return vec![
                    format!("{submit} or {enter} hands it in"),
                    "anything else goes on".into(),
                ];
            }
            Some(Confirm::LeaveExam) => {
                return vec![
                    format!("{esc} again leaves, recording nothing"),
                    "submit scores it".into(),
                ];
            }
            None => {}
        }
        match &self.stage {
            Stage::Practice {
                answered: Some(_), ..
            } if self.present => {
                vec![format!("{enter} next item"), l.leave]
            }
            Stage::Practice {
                answered: Some(a), ..
            } => {
                let mut items = vec![format!("{enter} next item")];
                // Mistakes lead back: the step that teaches it, one key away.
                if let Some((_, step)) = &a.step
                    && !a.feedback.correct
                {
                    items.push(format!("{} re-reads step {}", l.read, step + 1));
                }
                if a.prompt.lab.is_some() {
                    let edit = word(Action::Edit, Scope::Quiz).name;
                    items.push(if keys {
                        format!("e⏎ {edit}")
                    } else {
                        format!("{edit} (e)")
                    });
                    items.push(crate::command::hints::source_hint(keys, Scope::Quiz));
                }
                items.extend([crate::command::hints::rate_hint(), l.leave, l.help]);
                items
            }
            Stage::Practice {
                session, picked, ..
            } => match session.prompt() {
                Some(p) => self.prompt_items(p, picked, l),
                None => vec![format!("{enter} or {esc} goes back")],
            },
            Stage::Exam { exam } => {
                let q = exam.question(exam.current());
                let (options, pick) = q.map_or((0, 1), |q| (q.options.len(), q.pick));
                let n = exam.len();
                let mut items = vec![
                    format!("Type {} and Enter", letters_wanted(options, pick)),
                    format!("{enter} next"),
                    l.prev,
                    word(Action::Flag, Scope::Quiz).name.to_string(),
                ];
                // Only numbers that exist: no jump with a single question.
                if n > 1 {
                    items.push(format!("1–{n} jumps"));
                }
                items.push(word(Action::Submit, Scope::Quiz).name.to_string());
                items.push(l.help);
                items
            }
            Stage::Review(_) | Stage::Finished(_) => {
                let mut items = vec![format!("{enter} or {esc} goes back")];
                let n = self.links().len();
                if n > 0 {
                    items.push(format!("1–{n} re-reads a step"));
                }
                items
            }
        }
    }

    /// The hint items of a question not yet answered.
    fn prompt_items(&self, p: &Prompt, picked: &[usize], l: Labels) -> Vec<String> {
        let skip = word(Action::Skip, Scope::Quiz).name.to_string();
        if p.typed {
            return vec!["Type the answer, then Enter".into(), skip, l.leave, l.help];
        }
        if self.present {
            let votes = format!(
                "Type the class's letters ({}) and Enter to count votes",
                range(p.options.len())
            );
            return vec![
                votes,
                format!("{} on an empty line reveals", l.enter),
                l.leave,
            ];
        }
        let mut items = vec![format!(
            "Type {} and Enter",
            letters_wanted(p.options.len(), p.pick)
        )];
        if p.multiple {
            items.push(picked_line(picked, p.pick));
        }
        items.extend([skip, l.leave, l.help]);
        if p.lab.is_some() {
            items.push(crate::command::hints::source_hint(l.keys, Scope::Quiz));
        }
        items
    }

    /// The next-step line, fitted to `width` columns without cutting an item (`keys`: the TUI's keys are offered).
    pub fn next_line(&self, width: usize, keys: bool) -> String {
        fit(&self.next_items(keys), width)
    }
}

/// How keys and words are named in hints: the TUI offers keys, plain mode only Enter and words.
struct Labels {
    /// How to open the step behind an answer: Tab, or the word.
    read: &'static str,
    enter: &'static str,
    esc: &'static str,
    leave: String,
    help: String,
    prev: String,
    /// Keys are offered (the TUI), not only words.
    keys: bool,
}

impl Labels {
    fn new(keys: bool) -> Self {
        let key_or_word = |act: KeyAct, action: Action| {
            if keys {
                key_label(act)
            } else {
                word(action, Scope::Quiz).name
            }
        };
        let esc = key_or_word(KeyAct::Escape, Action::Leave);
        let help = key_or_word(KeyAct::Help, Action::Help);
        let prev = key_or_word(KeyAct::PrevQuestion, Action::Prev);
        Self {
            read: key_or_word(KeyAct::Complete, Action::ReadStep),
            enter: key_label(KeyAct::Primary),
            esc,
            leave: format!("{esc} leaves"),
            help: if keys {
                format!("{help} help")
            } else {
                help.to_string()
            },
            prev: if keys {
                format!("{prev} previous")
            } else {
                prev.to_string()
            },
            keys,
        }
    }
}
