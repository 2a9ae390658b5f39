//! Plain-text quizzes: every mode as lines in, lines out, for pipes, screen readers and dumb terminals. No ANSI
//! escapes; right and wrong are said in words as well as ✓/✗. Progress is handed to `sink` after every answer.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::quiz::exam::{ExamCommand, ExamReport, ExamSession};
use crate::quiz::grade::{letter, letters};
use crate::quiz::session::{Feedback, OptionReview, Prompt, QuizSession, QuizSummary};
use crate::quiz::text::{mm_ss, plural, until};
use crate::quiz::{ItemKind, ItemState, Mode, QuizBank, QuizOptions, Rating, TopicInfo, select};

/// Where progress goes: called with each item id and its new state, right after the answer.
pub type Sink<'s> = dyn FnMut(&str, &ItemState) -> io::Result<()> + 's;

/// Runs one quiz session in plain text until it ends, the learner quits, or input ends.
#[allow(clippy::too_many_arguments)] // the app's fixed entry point: I/O, content, options, progress, clock
pub fn run(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    banks: &[QuizBank],
    topics: &[TopicInfo],
    opts: &QuizOptions,
    histories: &mut BTreeMap<String, ItemState>,
    sink: &mut Sink<'_>,
    clock: &mut dyn FnMut() -> DateTime<Utc>,
) -> io::Result<QuizSummary> {
    let now = clock();
    let topic = opts.topic.as_deref();
    if let Some(t) = topic
        && !banks.iter().any(|b| b.topic == t)
    {
        writeln!(out, "There is no quiz for topic `{t}`.")?;
        return Ok(QuizSummary::default());
    }
    let scope = topic.map_or_else(|| "all topics".to_string(), |t| TopicInfo::label(topics, t));
    let mut rng = StdRng::seed_from_u64(opts.seed.unwrap_or_else(rand::random));
    let items = select(
        opts.mode, banks, topic, histories, opts.count, &mut rng, now,
    );
    if items.is_empty() {
        writeln!(out, "{} · {scope}: nothing to ask now.", opts.mode.title())?;
        if opts.mode == Mode::Due {
            let in_scope = |id: &str| {
                banks
                    .iter()
                    .any(|b| topic.is_none_or(|t| t == b.topic) && has_id(b, id))
            };
            let next = (histories.iter())
                .filter(|(id, _)| in_scope(id))
                .map(|(_, s)| s.due)
                .min();
            if let Some(due) = next {
                writeln!(out, "Next review due {}.", due.format("%Y-%m-%d %H:%M UTC"))?;
            }
        }
        return Ok(QuizSummary::default());
    }
    let mut io = Io { input, out, topics };
    if opts.mode == Mode::Exam {
        let exam = ExamSession::new(banks, items, histories, &mut rng, now, opts.exam_date);
        return io.exam(exam, now, &scope, histories, sink, clock);
    }
    let n = items.len();
    let typed = opts.typed;
    let session = QuizSession::new(banks, items, histories, typed, opts.exam_date, rng, now);
    let (title, items) = (opts.mode.title(), plural(n, "item"));
    writeln!(io.out, "{title} · {scope} · {items}")?;
    io.quiz(session, histories, sink, clock)
}

fn has_id(bank: &QuizBank, id: &str) -> bool {
    bank.triggers.iter().any(|t| t.id == id) || bank.questions.iter().any(|q| q.id == id)
}

struct Io<'a> {
    input: &'a mut dyn BufRead,
    out: &'a mut dyn Write,
    topics: &'a [TopicInfo],
}

impl Io<'_> {
    /// The next line without its line end; `None` at end of input.
    fn read(&mut self) -> io::Result<Option<String>> {
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\r', '\n']).to_string()))
    }

    fn label(&self, topic: &str) -> String {
        TopicInfo::label(self.topics, topic)
    }

    fn options(&mut self, options: &[String]) -> io::Result<()> {
        for (i, o) in options.iter().enumerate() {
            writeln!(self.out, "  {}) {o}", letter(i))?;
        }
        Ok(())
    }

    /// Each option marked right or wrong, the learner's picks named, explanations below.
    fn reviewed(&mut self, options: &[OptionReview]) -> io::Result<()> {
        for o in options {
            let mark = if o.correct { "✓" } else { "✗" };
            let mine = if o.picked { " (your pick)" } else { "" };
            writeln!(self.out, "  {mark} {}) {}{mine}", o.letter, o.text)?;
            if !o.explain.is_empty() {
                writeln!(self.out, "      {}", o.explain)?;
            }
        }
        Ok(())
    }

    fn prompt(&mut self, p: &Prompt) -> io::Result<()> {
        let kind = match p.kind {
            ItemKind::Trigger => "trigger phrase",
            ItemKind::Question => "scenario",
        };
        writeln!(
            self.out,
            "\n[{}/{}] {} · {kind}",
            p.number,
            p.total,
            self.label(&p.topic)
        )?;
        writeln!(self.out, "{}", p.text)?;
        self.options(&p.options)?;
        self.hint(p)
    }

    fn hint(&mut self, p: &Prompt) -> io::Result<()> {
        let last = letter(p.options.len().saturating_sub(1));
        if p.typed {
            write!(self.out, "Type the answer (skip, quit): ")
        } else if p.multiple {
            write!(
                self.out,
                "Answer ({} letters from A-{last}, like A,C; skip, quit): ",
                p.pick
            )
        } else {
            write!(self.out, "Answer (A-{last}, skip, quit): ")
        }
    }

    fn feedback(&mut self, f: &Feedback, now: DateTime<Utc>) -> io::Result<()> {
        let picked: Vec<&OptionReview> = f.options.iter().filter(|o| o.picked).collect();
        if f.correct {
            writeln!(self.out, "✓ Right: {}", f.answer)?;
        } else if let [one] = picked.as_slice()
            && f.why.is_some()
        {
            let (l, t) = (one.letter, &one.text);
            writeln!(
                self.out,
                "✗ Wrong. You picked {l}) {t}; the answer is {}",
                f.answer
            )?;
        } else {
            writeln!(self.out, "✗ Wrong. The answer is {}", f.answer)?;
        }
        if let Some(why) = &f.why {
            writeln!(self.out, "Why: {why}")?;
        } else {
            self.reviewed(&f.options)?;
        }
        self.rated(f.rating, &f.state, now)
    }

    fn rated(&mut self, rating: Rating, state: &ItemState, now: DateTime<Utc>) -> io::Result<()> {
        let when = until(state.due, now);
        writeln!(self.out, "Rated {rating} · next review in {when}")
    }

    fn quiz(
        &mut self,
        mut session: QuizSession<'_>,
        histories: &mut BTreeMap<String, ItemState>,
        sink: &mut Sink<'_>,
        clock: &mut dyn FnMut() -> DateTime<Utc>,
    ) -> io::Result<QuizSummary> {
        'items: while let Some(p) = session.prompt().cloned() {
            self.prompt(&p)?;
            let (f, now) = loop {
                let Some(line) = self.read()? else {
                    break 'items;
                };
                match line.trim().to_lowercase().as_str() {
                    "quit" | "done" => break 'items,
                    "skip" => {
                        writeln!(self.out, "Skipped.")?;
                        session.next(clock());
                        continue 'items;
                    }
                    _ => {}
                }
                let now = clock();
                match session.answer(&line, now) {
                    Ok(f) => break (f, now),
                    Err(e) => {
                        let e = e.to_string();
                        writeln!(self.out, "{}{}.", e[..1].to_uppercase(), &e[1..])?;
                        self.hint(&p)?;
                    }
                }
            };
            histories.insert(f.id.clone(), f.state.clone());
            sink(&f.id, &f.state)?;
            self.feedback(&f, now)?;
            loop {
                write!(
                    self.out,
                    "Enter = next · again, hard, good, easy = change the rating · quit: "
                )?;
                let Some(line) = self.read()? else {
                    break 'items;
                };
                let cmd = line.trim().to_lowercase();
                if cmd.is_empty() || cmd == "next" {
                    break;
                }
                if cmd == "quit" || cmd == "done" {
                    break 'items;
                }
                if let Ok(rating) = cmd.parse::<Rating>()
                    && let Ok(state) = session.override_rating(rating)
                {
                    histories.insert(f.id.clone(), state.clone());
                    sink(&f.id, &state)?;
                    self.rated(rating, &state, now)?;
                    break;
                }
                writeln!(
                    self.out,
                    "Press Enter for the next item, or type again, hard, good or easy."
                )?;
            }
            session.next(clock());
        }
        session.stop();
        let summary = session.summary();
        self.summary(&summary)?;
        Ok(summary)
    }

    fn summary(&mut self, s: &QuizSummary) -> io::Result<()> {
        if s.answered == 0 {
            return writeln!(self.out, "\nDone: nothing answered.");
        }
        let skipped = if s.skipped > 0 {
            format!(" ({} skipped)", s.skipped)
        } else {
            String::new()
        };
        writeln!(
            self.out,
            "\nDone: {} of {} right{skipped}.",
            s.right, s.answered
        )?;
        for (topic, right, total) in &s.per_topic {
            writeln!(self.out, "  {}: {right} of {total}", self.label(topic))?;
        }
        Ok(())
    }

    fn exam_question(&mut self, exam: &ExamSession<'_>, now: DateTime<Utc>) -> io::Result<()> {
        let Some(q) = exam.question(exam.current()) else {
            return Ok(());
        };
        let flag = if q.flagged { " · flagged" } else { "" };
        let left = mm_ss(exam.remaining(now));
        writeln!(
            self.out,
            "\nQuestion {} of {} · {left} left{flag}",
            q.number, q.total
        )?;
        writeln!(self.out, "{}", self.label(q.topic))?;
        writeln!(self.out, "{}", q.text)?;
        self.options(q.options)?;
        if !q.picked.is_empty() {
            writeln!(self.out, "Your answer: {}", letters(q.picked))?;
        }
        write!(self.out, "> ")
    }

    /// A message, then the prompt again.
    fn say(&mut self, message: &str) -> io::Result<()> {
        writeln!(self.out, "{message}")?;
        write!(self.out, "> ")
    }

    fn exam(
        &mut self,
        mut exam: ExamSession<'_>,
        start: DateTime<Utc>,
        scope: &str,
        histories: &mut BTreeMap<String, ItemState>,
        sink: &mut Sink<'_>,
        clock: &mut dyn FnMut() -> DateTime<Utc>,
    ) -> io::Result<QuizSummary> {
        let n = exam.len();
        let (questions, total) = (plural(n, "question"), mm_ss(exam.remaining(start)));
        writeln!(
            self.out,
            "Mock exam · {scope} · {questions} · {total} on the clock"
        )?;
        writeln!(
            self.out,
            "Commands: letters to answer (A, or A,C) · next · prev · flag · goto K · submit · quit"
        )?;
        self.exam_question(&exam, clock())?;
        let abandoned = "Exam abandoned: nothing was recorded.";
        let now = loop {
            let Some(line) = self.read()? else {
                writeln!(self.out, "\n{abandoned}")?;
                return Ok(QuizSummary::default());
            };
            let now = clock();
            if exam.is_timed_out(now) {
                writeln!(self.out, "\nTime is up: the exam is submitted.")?;
                break now;
            }
            let i = exam.current();
            let Some(q) = exam.question(i) else { break now };
            let (options, pick, multiple) = (q.options.len(), q.pick, q.multiple);
            match ExamCommand::parse(&line, options) {
                ExamCommand::Submit => break now,
                ExamCommand::Quit => {
                    writeln!(self.out, "{abandoned}")?;
                    return Ok(QuizSummary::default());
                }
                ExamCommand::Next if !exam.next_question() => {
                    self.say("This is the last question: type submit when ready.")?;
                }
                ExamCommand::Prev if !exam.prev_question() => {
                    self.say("This is the first question.")?;
                }
                ExamCommand::Next | ExamCommand::Prev => self.exam_question(&exam, clock())?,
                ExamCommand::Flag => {
                    let what = if exam.flag(i) {
                        "flagged for review"
                    } else {
                        "no longer flagged"
                    };
                    self.say(&format!("Question {} {what}.", i + 1))?;
                }
                ExamCommand::Goto(k) if k > 0 && exam.goto(k - 1) => {
                    self.exam_question(&exam, clock())?;
                }
                ExamCommand::Goto(k) => {
                    self.say(&format!("There is no question {k}: 1 to {n}."))?
                }
                ExamCommand::Answer(picked) if picked.len() != pick => {
                    let what = if multiple {
                        format!("{pick} letters, like A,C")
                    } else {
                        "one letter".into()
                    };
                    self.say(&format!("Choose {what}."))?;
                }
                ExamCommand::Answer(picked) => {
                    writeln!(self.out, "Answer: {}.", letters(&picked))?;
                    exam.set_answer(i, picked);
                    if exam.next_question() {
                        self.exam_question(&exam, clock())?;
                    } else {
                        let done = exam.answered_count();
                        self.say(&format!(
                            "That was the last question ({done} of {n} answered): submit, or goto K to review."
                        ))?;
                    }
                }
                ExamCommand::Unknown => {
                    let last = letter(options.saturating_sub(1));
                    self.say(&format!(
                        "Type a letter (A-{last}), next, prev, flag, goto K, submit or quit."
                    ))?;
                }
            }
        };
        let report = exam.submit(now);
        for item in &report.items {
            histories.insert(item.id.clone(), item.state.clone());
            sink(&item.id, &item.state)?;
        }
        self.report(&report)?;
        Ok(QuizSummary {
            right: report.score,
            answered: report.total,
            skipped: 0,
            per_topic: report.per_topic.clone(),
            exam: Some(report),
        })
    }

    fn report(&mut self, r: &ExamReport) -> io::Result<()> {
        writeln!(
            self.out,
            "\nExam result: {} of {} ({}%)",
            r.score, r.total, r.percent
        )?;
        for (topic, right, total) in &r.per_topic {
            writeln!(self.out, "  {}: {right} of {total}", self.label(topic))?;
        }
        writeln!(self.out, "\nReview")?;
        for item in &r.items {
            let verdict = item.verdict();
            let flag = if item.flagged { " · flagged" } else { "" };
            let topic = self.label(&item.topic);
            writeln!(self.out, "\n{}. {verdict} · {topic}{flag}", item.number)?;
            writeln!(self.out, "{}", item.text)?;
            self.reviewed(&item.options)?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "quiz_tests.rs"]
mod tests;
