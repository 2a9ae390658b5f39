//! Quiz files (`quizzes/NN-slug.toml`) parsed into a `QuizBank`, with every rule of docs/course-format.md checked.
//! All problems are reported at once so an author fixes a file in one pass.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::grade::normalize;
use crate::util::{
    diagnostic::{Diagnostic, LineIndex, line_of},
    sanitize::{self, clean_value},
};

/// One topic's quiz: trigger cues and exam-style questions.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizBank {
    /// The file as the author knows it, e.g. `quizzes/11-step-functions.toml`.
    pub path: String,
    /// The lesson slug this quiz belongs to.
    pub topic: String,
    /// Line of the `topic` key, for `check_course`.
    pub topic_line: usize,
    pub triggers: Vec<Trigger>,
    pub questions: Vec<Question>,
}

/// An exam trigger phrase and the service or feature it points to.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub id: String,
    pub cue: String,
    pub answer: String,
    pub accept: Vec<String>,
    pub decoys: Vec<String>,
    pub why: String,
    /// The teaching step that teaches it (`step = 6`, 1-based), and the line of that key.
    pub step: Option<StepRef>,
    pub line: usize,
}

/// An item's `step = N`: the 1-based teaching step as written, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRef {
    pub step: usize,
    pub line: usize,
}

/// An exam-style scenario question; two or more `correct` indices make it multiple response.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub stem: String,
    pub choices: Vec<String>,
    /// 0-based indices into `choices`.
    pub correct: Vec<usize>,
    /// One per choice: why it is right or wrong.
    pub explain: Vec<String>,
    pub step: Option<StepRef>,
    pub line: usize,
}

/// What kind of quiz item; timing thresholds and selection differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Trigger,
    Question,
}

impl Question {
    pub fn is_multiple(&self) -> bool {
        self.correct.len() > 1
    }

    /// The stem as shown: multiple response gets " (Choose TWO.)" etc., as on the exam.
    pub fn display_stem(&self) -> String {
        if self.is_multiple() {
            format!("{} (Choose {}.)", self.stem, count_word(self.correct.len()))
        } else {
            self.stem.clone()
        }
    }
}

fn count_word(n: usize) -> String {
    match n {
        2 => "TWO".into(),
        3 => "THREE".into(),
        4 => "FOUR".into(),
        5 => "FIVE".into(),
        _ => n.to_string(),
    }
}

type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    topic: Text,
    #[serde(default)]
    trigger: Vec<Spanned<RawTrigger>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
}

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
}

/// Collects diagnostics for one file.
struct Checker<'a> {
    path: &'a str,
    lines: LineIndex,
    diags: Vec<Diagnostic>,
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
    fn text(&mut self, label: &str, field: &str, value: Text) -> String {
        let span = value.span();
        let cleaned = clean_owned(value);
        if cleaned.trim().is_empty() {
            self.report(&span, format!("{label}: `{field}` is empty"));
        }
        cleaned
    }

    /// A list of text fields: reports each blank entry by its 0-based index.
    fn texts(&mut self, label: &str, field: &str, values: Vec<Text>) -> Vec<String> {
        // The field's name is formatted only for a report: a course has hundreds of thousands of these.
        (values.into_iter().enumerate())
            .map(|(i, v)| {
                let span = v.span();
                let cleaned = clean_owned(v);
                if cleaned.trim().is_empty() {
                    self.report(&span, format!("{label}: `{field}[{i}]` is empty"));
                }
                cleaned
            })
            .collect()
    }

    /// The item's label for messages, after checking the id.
    fn id(&mut self, kind: &str, ordinal: usize, id: &Text) -> (String, String) {
        let value = id.get_ref().trim();
        if value.is_empty() {
            let label = format!("{kind} #{ordinal}");
            self.report(&id.span(), format!("{label}: `id` is empty"));
            return (String::new(), label);
        }
        if !is_valid_id(value) {
            self.report(
                &id.span(),
                format!("{kind} `{value}`: id must be lower-case words joined by `-`"),
            );
        }
        (value.to_string(), format!("{kind} `{value}`"))
    }

    fn trigger(&mut self, ordinal: usize, raw: Spanned<RawTrigger>) -> Trigger {
        let line = self.line(&raw.span());
        let raw = raw.into_inner();
        let (id, label) = self.id("trigger", ordinal, &raw.id);
        let cue = self.text(&label, "cue", raw.cue);
        let answer = self.text(&label, "answer", raw.answer);
        let key = normalize(&answer);
        // Found before the decoys are moved out; reported in the same place as ever.
        let clashes: Vec<(Range<usize>, String)> = (raw.decoys.get_ref().iter())
            .filter(|d| !key.is_empty() && normalize(d.get_ref()) == key)
            .map(|d| {
                let message = format!("{label}: decoy \"{}\" is the answer", d.get_ref());
                (d.span(), message)
            })
            .collect();
        let accept = self.texts(&label, "accept", raw.accept);
        let decoys_span = raw.decoys.span();
        let decoys = self.texts(&label, "decoys", raw.decoys.into_inner());
        let why = self.text(&label, "why", raw.why);
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
        let step = self.step(&label, raw.step);
        Trigger {
            id,
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
        let (id, label) = self.id("question", ordinal, &raw.id);
        let stem_span = raw.stem.span();
        let stem = self.text(&label, "stem", raw.stem);
        let choices_span = raw.choices.span();
        let choices = self.texts(&label, "choices", raw.choices.into_inner());
        let explain_span = raw.explain.span();
        let explain = self.texts(&label, "explain", raw.explain.into_inner());
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
        let step = self.step(&label, raw.step);
        Question {
            id,
            stem,
            choices,
            correct,
            explain,
            step,
            line,
        }
    }

    /// An item's `step`: a teaching step is numbered from 1 (whether it exists is checked against the lesson).
    fn step(&mut self, label: &str, raw: Option<Spanned<i64>>) -> Option<StepRef> {
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

/// `clean_value` of a parsed string, moving it when it is clean already (nearly always) instead of copying it.
fn clean_owned(value: Text) -> String {
    let cleaned = match sanitize::clean(value.get_ref()) {
        Cow::Owned(c) => Some(c),
        Cow::Borrowed(_) => None,
    };
    cleaned.unwrap_or_else(|| value.into_inner())
}

/// Lower-case ASCII words (letters and digits) joined by single `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// "Choose TWO." or the like written by the author, which the tutor adds itself: a word that normalises to
/// "choose" followed by one that normalises to a count (words that normalise to nothing are skipped).
fn has_choose(stem: &str) -> bool {
    let mut key = String::new();
    let mut after_choose = false;
    for word in stem.split_whitespace() {
        // One buffer for every word: a stem is checked without an allocation per word.
        key.clear();
        key.extend(
            word.chars()
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_alphanumeric()),
        );
        if key.is_empty() {
            continue;
        }
        if after_choose
            && matches!(
                key.as_str(),
                "two" | "three" | "four" | "five" | "2" | "3" | "4" | "5"
            )
        {
            return true;
        }
        after_choose = key == "choose";
    }
    false
}

/// Parses one quiz file. Syntax, type and unknown-field errors come from TOML (one at a time, as the parser stops);
/// past those, every content rule is checked and all breaks are returned, in file order.
pub fn parse(path: &str, text: &str) -> Result<QuizBank, Vec<Diagnostic>> {
    let raw: RawBank = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(text, s.start));
        vec![Diagnostic::new(path, line, e.message().trim())]
    })?;
    let mut checker = Checker {
        path,
        lines: LineIndex::new(text),
        diags: Vec::new(),
    };
    let topic_line = checker.line(&raw.topic.span());
    let topic = clean_value(raw.topic.get_ref()).trim().to_string();
    if topic.is_empty() {
        checker.report(&raw.topic.span(), "`topic` is empty".into());
    }
    let triggers = (raw.trigger.into_iter().enumerate())
        .map(|(i, t)| checker.trigger(i + 1, t))
        .collect();
    let questions = (raw.question.into_iter().enumerate())
        .map(|(i, q)| checker.question(i + 1, q))
        .collect();
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

/// Rules across files: each quiz's topic is a lesson of the course, and ids are unique course-wide
/// (progress is keyed by id). The second occurrence of an id is reported, pointing at the first.
pub fn check_course(banks: &[QuizBank], topic_slugs: &[String]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut seen: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    let slugs: BTreeSet<&str> = topic_slugs.iter().map(String::as_str).collect();
    for bank in banks {
        if !slugs.contains(bank.topic.as_str()) {
            let message = format!("topic `{}` is not a lesson of the course", bank.topic);
            diags.push(Diagnostic::new(&bank.path, bank.topic_line, message));
        }
        let ids = (bank.triggers.iter().map(|t| (t.id.as_str(), t.line)))
            .chain(bank.questions.iter().map(|q| (q.id.as_str(), q.line)));
        for (id, line) in ids {
            if let Some((path, first)) = seen.get(id) {
                let message = format!("duplicate id `{id}` (first used at {path}:{first})");
                diags.push(Diagnostic::new(&bank.path, line, message));
            } else {
                seen.insert(id, (&bank.path, line));
            }
        }
    }
    diags
}

#[cfg(test)]
#[path = "bank_tests.rs"]
mod tests;
