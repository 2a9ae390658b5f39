//! Reading one quiz file: the raw TOML shapes and the checks of every rule, each problem at its line.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{Question, QuizBank, StepRef, Trigger, is_valid_id};
use crate::{
    quiz::grade::normalize,
    util::{
        diagnostic::{Diagnostic, LineIndex, line_of},
        sanitize::{self, clean_value},
    },
};

type Text = Spanned<String>;

/// The raw shapes, as serde reads them (for the wording of errors) and as `walk` builds them (the fast path).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBank {
    topic: Text,
    #[serde(default)]
    trigger: Vec<Spanned<RawTrigger>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
}

#[path = "checker_choose.rs"]
mod choose;
/// Building the raw shapes by walking `toml`'s spanned document, without serde's map protocol: a fifth of `check`
/// on a big course. `None` for anything but the shapes serde would read without an error; the caller then asks serde,
/// so every error keeps serde's words and span.
#[path = "checker_walk.rs"]
pub(super) mod walk;
use choose::has_choose;
#[cfg(test)]
pub(super) use choose::{has_choose_ascii, has_choose_chars};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    id: Text,
    cue: Text,
    answer: Text,
    #[serde(default)]
    accept: Vec<Text>,
    decoys: Spanned<Vec<Text>>,
    why: Text,
    /// Signed, so 0 or a negative number is reported as out of range rather than as a TOML type error.
    step: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Text,
    stem: Text,
    choices: Spanned<Vec<Text>>,
    /// Signed, so a negative index is reported as out of range rather than as a TOML type error.
    correct: Spanned<Vec<Spanned<i64>>>,
    explain: Spanned<Vec<Text>>,
    step: Option<Spanned<i64>>,
    /// A Step Functions lab exercise: predict, then run (`lab.rs`).
    lab: Option<super::lab::RawLab>,
}

/// An item's name in messages: "trigger `an-id`", or "trigger #3" when its id is blank. Written only into a
/// message: formatting one for each of a big course's 50,000 items was a thirtieth of `check`.
#[derive(Clone, Copy)]
struct Label<'a> {
    kind: &'static str,
    /// Trimmed; empty when the item has no id.
    id: &'a str,
    ordinal: usize,
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            write!(f, "{} #{}", self.kind, self.ordinal)
        } else {
            write!(f, "{} `{}`", self.kind, self.id)
        }
    }
}

/// Collects diagnostics for one file.
pub(super) struct Checker<'a> {
    path: &'a str,
    text: &'a str,
    lines: LineIndex,
    diags: Vec<Diagnostic>,
    /// Every string is a piece of a text `sanitize::clean` left as it was: cleaning it again would change nothing.
    clean: bool,
}

impl Checker<'_> {
    fn line(&self, span: &Range<usize>) -> usize {
        self.lines.line_of(span.start)
    }

    fn report(&mut self, span: &Range<usize>, message: String) {
        let line = self.line(span);
        self.diags.push(Diagnostic::new(self.path, line, message));
    }

    /// A required text field: reports when blank. The value is cleaned of control characters first (TOML escapes
    /// can encode them), so a field made only of them counts as empty.
    fn text(&mut self, label: Label, field: &str, value: Text) -> String {
        let span = value.span();
        let cleaned = self.cleaned(value);
        if cleaned.trim().is_empty() {
            self.report(&span, format!("{label}: `{field}` is empty"));
        }
        cleaned
    }

    /// A string of the file, cleaned unless it is clean already.
    fn cleaned(&self, value: Text) -> String {
        if self.clean {
            value.into_inner()
        } else {
            clean_owned(value)
        }
    }

    /// A list of text fields: reports each blank entry by its 0-based index.
    fn texts(&mut self, label: Label, field: &str, values: Vec<Text>) -> Vec<String> {
        // The field's name is formatted only for a report: a course has hundreds of thousands of these.
        kept(values, |(i, v)| {
            let span = v.span();
            let cleaned = self.cleaned(v);
            if cleaned.trim().is_empty() {
                self.report(&span, format!("{label}: `{field}[{i}]` is empty"));
            }
            cleaned
        })
    }

    /// The item's label for messages, after checking the id.
    fn id<'r>(&mut self, kind: &'static str, ordinal: usize, id: &'r Text) -> Label<'r> {
        let label = Label {
            kind,
            id: id.get_ref().trim(),
            ordinal,
        };
        if label.id.is_empty() {
            self.report(&id.span(), format!("{label}: `id` is empty"));
        } else if !is_valid_id(label.id) {
            self.report(
                &id.span(),
                format!("{label}: id must be lower-case words joined by `-`"),
            );
        }
        label
    }

    fn trigger(&mut self, ordinal: usize, raw: Spanned<RawTrigger>) -> Trigger {
        let line = self.line(&raw.span());
        let raw = raw.into_inner();
        let label = self.id("trigger", ordinal, &raw.id);
        let cue = self.text(label, "cue", raw.cue);
        let answer = self.text(label, "answer", raw.answer);
        let key = normalize(&answer);
        // Found before the decoys are moved out; reported in the same place as ever.
        let clashes: Vec<(Range<usize>, String)> = (raw.decoys.get_ref().iter())
            .filter(|d| !key.is_empty() && normalize(d.get_ref()) == key)
            .map(|d| {
                let message = format!("{label}: decoy \"{}\" is the answer", d.get_ref());
                (d.span(), message)
            })
            .collect();
        let accept = self.texts(label, "accept", raw.accept);
        let decoys_span = raw.decoys.span();
        let decoys = self.texts(label, "decoys", raw.decoys.into_inner());
        let why = self.text(label, "why", raw.why);
        if decoys.len() < 3 {
            let n = decoys.len();
            self.report(
                &decoys_span,
                format!("{label}: needs at least 3 decoys, has {n}"),
            );
        }
        for (span, message) in clashes {
            self.report(&span, message);
        }
        let step = self.step(label, raw.step);
        Trigger {
            id: label.id.to_string(),
            cue,
            answer,
            accept,
            decoys,
            why,
            step,
            line,
        }
    }

    fn question(&mut self, ordinal: usize, raw: Spanned<RawQuestion>) -> Question {
        let line = self.line(&raw.span());
        let raw = raw.into_inner();
        let label = self.id("question", ordinal, &raw.id);
        let stem_span = raw.stem.span();
        let stem = self.text(label, "stem", raw.stem);
        let choices_span = raw.choices.span();
        let choices = self.texts(label, "choices", raw.choices.into_inner());
        let explain_span = raw.explain.span();
        let explain = self.texts(label, "explain", raw.explain.into_inner());
        if has_choose(&stem) {
            let message =
                format!("{label}: remove \"Choose ...\" from the stem; the tutor adds it");
            self.report(&stem_span, message);
        }
        let n = choices.len();
        if n < 2 {
            self.report(
                &choices_span,
                format!("{label}: needs at least 2 choices, has {n}"),
            );
        }
        if raw.correct.get_ref().is_empty() {
            self.report(&raw.correct.span(), format!("{label}: `correct` is empty"));
        }
        let mut correct = Vec::new();
        for index in raw.correct.get_ref() {
            let Some(i) = usize::try_from(*index.get_ref()).ok().filter(|&i| i < n) else {
                let i = index.get_ref();
                let message =
                    format!("{label}: `correct` index {i} is out of range ({n} choices, 0-based)");
                self.report(&index.span(), message);
                continue;
            };
            if correct.contains(&i) {
                self.report(
                    &index.span(),
                    format!("{label}: `correct` lists index {i} twice"),
                );
            } else {
                correct.push(i);
            }
        }
        correct.sort_unstable();
        if explain.len() != n {
            let e = explain.len();
            let message = format!("{label}: `explain` has {e} entries for {n} choices");
            self.report(&explain_span, message);
        }
        let step = self.step(label, raw.step);
        let lab = raw.lab.and_then(|l| {
            let (lab, problems) = super::lab::check(l, label, |s| self.line(s), self.text);
            for (line, message) in problems {
                self.diags.push(Diagnostic::new(self.path, line, message));
            }
            lab
        });
        Question {
            lab,
            id: label.id.to_string(),
            stem,
            choices,
            correct,
            explain,
            step,
            line,
        }
    }

    /// An item's `step`: a teaching step is numbered from 1 (whether it exists is checked against the lesson).
    fn step(&mut self, label: Label, raw: Option<Spanned<i64>>) -> Option<StepRef> {
        let raw = raw?;
        let line = self.line(&raw.span());
        match usize::try_from(*raw.get_ref()).ok().filter(|&n| n >= 1) {
            Some(step) => Some(StepRef { step, line }),
            None => {
                let n = raw.get_ref();
                self.report(
                    &raw.span(),
                    format!("{label}: `step` {n} is not a teaching step (they start at 1)"),
                );
                None
            }
        }
    }
}

/// `raw`'s items (with their 0-based index) made into what the bank keeps, in a vector of exactly their number.
/// Not collected in place: a collect would keep the raw shapes' bigger allocation for as long as the course lives
/// (a fifth of a big course's memory, all of it touched page by page).
fn kept<T, U>(raw: Vec<T>, read: impl FnMut((usize, T)) -> U) -> Vec<U> {
    let mut out = Vec::with_capacity(raw.len());
    out.extend(raw.into_iter().enumerate().map(read));
    out
}

/// `clean_value` of a parsed string, moving it when it is clean already (nearly always) instead of copying it.
fn clean_owned(value: Text) -> String {
    let cleaned = match sanitize::clean(value.get_ref()) {
        Cow::Owned(c) => Some(c),
        Cow::Borrowed(_) => None,
    };
    cleaned.unwrap_or_else(|| value.into_inner())
}

/// Parses one quiz file. Syntax, type and unknown-field errors come from TOML (one at a time, as the parser stops);
/// past those, every content rule is checked and all breaks are returned, in file order.
pub fn parse(path: &str, text: &str) -> Result<QuizBank, Vec<Diagnostic>> {
    parse_with(path, text, false)
}

/// [`parse`] of a text `sanitize::clean` returned (a course folder's file as read): a string taken from it as it
/// stands is clean already and is not cleaned again (a string for every field of a big course, a twentieth of
/// `check`). A string with an escape decoded is cleaned as ever.
pub fn parse_cleaned(path: &str, text: &str) -> Result<QuizBank, Vec<Diagnostic>> {
    parse_with(path, text, true)
}

fn parse_with(path: &str, text: &str, text_clean: bool) -> Result<QuizBank, Vec<Diagnostic>> {
    // The walk of the spanned document reads every well-formed file; anything else (a syntax, type or unknown-field
    // error, or a shape serde would accept that the walk does not know) goes through serde, which words the error.
    let (raw, as_written) = match walk::bank(text) {
        Some(walked) => walked,
        None => (
            toml::from_str::<RawBank>(text).map_err(|e| {
                let line = e.span().map_or(0, |s| line_of(text, s.start));
                vec![Diagnostic::new(path, line, e.message().trim())]
            })?,
            false,
        ),
    };
    let mut checker = Checker {
        path,
        text,
        lines: LineIndex::new(text),
        diags: Vec::new(),
        clean: text_clean && as_written,
    };
    let topic_line = checker.line(&raw.topic.span());
    let topic = clean_value(raw.topic.get_ref()).trim().to_string();
    if topic.is_empty() {
        checker.report(&raw.topic.span(), "`topic` is empty".into());
    }
    let triggers = kept(raw.trigger, |(i, t)| checker.trigger(i + 1, t));
    let questions = kept(raw.question, |(i, q)| checker.question(i + 1, q));
    if !checker.diags.is_empty() {
        let mut diags = checker.diags;
        diags.sort_by_key(|d| d.line);
        return Err(diags);
    }
    Ok(QuizBank {
        path: path.to_string(),
        topic,
        topic_line,
        triggers,
        questions,
    })
}
