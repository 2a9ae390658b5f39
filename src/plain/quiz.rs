//! Plain-text quizzes: lines in, the quiz flow's screens out, for pipes, screen readers and dumb terminals. Every
//! rule lives in `quiz::flow`; this only reads lines, prints what the flow shows, and hands each answer to `sink`
//! the moment it is given.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use chrono::{DateTime, Utc};

use super::Printer;
use crate::quiz::{
    Catalog, ItemState, QuizOptions, QuizSummary, TopicInfo,
    flow::{Effect, QuizFlow},
};

/// Where progress goes: called with each item id and its new state, right after the answer.
pub type Sink<'s> = dyn FnMut(&str, &ItemState) -> io::Result<()> + 's;

/// What a plain quiz reads from and writes to.
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub printer: &'a Printer,
    /// A teaching step's markdown by topic slug and 0-based step, for re-reading after a wrong answer.
    pub step_text: &'a dyn Fn(&str, usize) -> Option<String>,
}

/// Runs one quiz until it ends, the learner leaves, or input ends (which leaves; an exam is then abandoned).
pub fn run(
    io: Io<'_>,
    catalog: Catalog<'_>,
    topics: &[TopicInfo],
    opts: &QuizOptions,
    histories: &mut BTreeMap<String, ItemState>,
    sink: &mut Sink<'_>,
    clock: &mut dyn FnMut() -> DateTime<Utc>,
) -> io::Result<QuizSummary> {
    let Io {
        input,
        out,
        printer,
        step_text,
    } = io;
    let mut flow = QuizFlow::new(catalog, topics.to_vec(), opts, histories, clock());
    let width = usize::from(printer.width);
    writeln!(out, "{}", printer.wrap_plain(&flow.intro))?;
    if let Some(note) = flow.nothing_asked() {
        writeln!(out, "{}", printer.wrap_plain(note))?;
        return Ok(QuizSummary::default());
    }
    let mut shown = None;
    loop {
        // What the last line did, then the screen it led to (printed once; changes within it are messages).
        if let Some(m) = flow.message.take() {
            writeln!(out, "{}", printer.wrap_plain(&m))?;
        }
        let key = (flow.screen_key(), flow.asl_source, flow.edits);
        if shown != Some(key) {
            writeln!(out)?;
            // The screens name their place themselves; the exam's countdown is said before each question.
            if flow.is_timed()
                && let Some(c) = flow.clock_line(clock())
            {
                writeln!(out, "{c}")?;
            }
            let options = crate::render::Options {
                asl_source: flow.asl_source,
            };
            write!(out, "{}", printer.text_with(&flow.markdown(), options))?;
            shown = Some(key);
        }
        // A result with steps to re-read waits for a number (or Enter to leave); any other ends here.
        if flow.is_over() && flow.links().is_empty() {
            let summary = flow.summary();
            writeln!(out, "{}", summary.score_line(&flow.title))?;
            return Ok(summary);
        }
        writeln!(out, "{}", printer.wrap_plain(&flow.next_line(width, false)))?;
        write!(out, "> ")?;
        out.flush()?;
        let mut line = String::new();
        let effects = if input.read_line(&mut line)? == 0 {
            // End of input leaves; an exam left this way is abandoned.
            writeln!(out)?;
            flow.abandon(clock())
        } else {
            let cmd = flow.parse(line.trim_end_matches(['\r', '\n']));
            flow.apply(cmd, clock())
        };
        let to = Out {
            out: &mut *out,
            printer,
            step_text,
        };
        if let Some(summary) = carry_out(&mut flow, effects, to, histories, sink)? {
            return Ok(summary);
        }
    }
}

/// Where a quiz's effects are shown.
struct Out<'a> {
    out: &'a mut dyn Write,
    printer: &'a Printer,
    step_text: &'a dyn Fn(&str, usize) -> Option<String>,
}

/// Saves answers, shows a step to re-read; at the end of the quiz, its score line and summary.
fn carry_out(
    flow: &mut QuizFlow<'_>,
    effects: Vec<Effect>,
    to: Out<'_>,
    histories: &mut BTreeMap<String, ItemState>,
    sink: &mut Sink<'_>,
) -> io::Result<Option<QuizSummary>> {
    let Out {
        out,
        printer,
        step_text,
    } = to;
    for effect in effects {
        match effect {
            Effect::Save(id, state) => {
                histories.insert(id.clone(), state.clone());
                sink(&id, &state)?;
            }
            Effect::OpenStep { topic, step } => {
                if let Some(md) = step_text(&topic, step) {
                    writeln!(out, "\n── Re-reading step {} ──", step + 1)?;
                    write!(out, "{}", printer.text(&md))?;
                    writeln!(out, "── Back to the quiz ──")?;
                }
            }
            // Plain mode has no screen to give away: the editor runs only when a terminal is there for it.
            Effect::Edit(text) => {
                use std::io::IsTerminal;
                let edited = if io::stdin().is_terminal() && io::stdout().is_terminal() {
                    crate::util::editor::edit(&text, ".asl.json")
                } else {
                    Err(io::Error::other(
                        "`edit` opens your editor, which needs a terminal; save the definition to a file and use `dea-tutor lab run FILE` instead",
                    ))
                };
                match edited {
                    Ok(t) => {
                        flow.apply(crate::quiz::flow::QuizCommand::Edited(t), Utc::now());
                    }
                    Err(e) => writeln!(out, "{}", printer.wrap_plain(&e.to_string()))?,
                }
            }
            Effect::Leave(summary) => {
                if let Some(m) = flow.message.take() {
                    writeln!(out, "{}", printer.wrap_plain(&m))?;
                }
                writeln!(out, "{}", summary.score_line(&flow.title))?;
                return Ok(Some(summary));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
#[path = "quiz_tests.rs"]
mod tests;
