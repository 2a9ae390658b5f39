//! A teaching step's own re-explanations and examples, and the step a scenario or an angle needs (see
//! docs/course-format.md). They are read from the parts' markdown on demand: a step's pieces sit at its end under
//! `### Another way` / `### Example` headings, and a scenario or angle names its step on a `Step: N` first line, so an
//! author sees all of it in any markdown editor.

use super::{Course, Lesson, Part};
use crate::util::diagnostic::Diagnostic;

/// The heading of a re-explanation.
pub const AGAIN: &str = "### Another way";
/// The heading of an example.
pub const EXAMPLE: &str = "### Example";

/// Where a scenario's answer starts: from here on it waits until the learner asks (think first).
pub const PICK: &str = "**Pick.**";

/// Which of a step's own pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Again,
    Example,
}

/// One re-explanation or example of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub kind: Kind,
    /// The text after the heading's colon (`### Example: a retry that gives up`), if any.
    pub title: Option<&'a str>,
    pub markdown: &'a str,
    /// 0-based line of its heading within the part.
    pub line: usize,
}

/// Byte offsets of each line start in `s`, with the line's text.
fn lines(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_inclusive('\n').scan(0, |at, l| {
        let start = *at;
        *at += l.len();
        Some((start, l.trim_end_matches(['\n', '\r'])))
    })
}

/// The piece a heading line opens, if it is one of ours (`### Example`, `### Example: title`).
fn heading(line: &str) -> Option<(Kind, Option<&str>)> {
    for (h, kind) in [(AGAIN, Kind::Again), (EXAMPLE, Kind::Example)] {
        if let Some(rest) = line.strip_prefix(h) {
            let rest = rest.trim();
            if rest.is_empty() {
                return Some((kind, None));
            }
            if let Some(title) = rest.strip_prefix(':') {
                return Some((kind, Some(title.trim()).filter(|t| !t.is_empty())));
            }
        }
    }
    None
}

/// A step split into what it shows and its pieces. Pieces start at the first of our headings outside a code fence.
pub fn split(markdown: &str) -> (&str, Vec<Piece<'_>>) {
    // Without either heading anywhere there is no piece: two fast searches instead of a look at every line (most
    // steps of a big course have none).
    let has =
        |heading: &str| memchr::memmem::find(markdown.as_bytes(), heading.as_bytes()).is_some();
    if !has(AGAIN) && !has(EXAMPLE) {
        return (markdown, Vec::new());
    }
    split_lines(markdown)
}

/// [`split`] by a look at every line.
fn split_lines(markdown: &str) -> (&str, Vec<Piece<'_>>) {
    let mut fence: Option<&str> = None;
    let mut starts = Vec::new();
    for (n, (at, line)) in lines(markdown).enumerate() {
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            continue;
        }
        if let Some((kind, title)) = heading(line) {
            starts.push((at, at + line.len(), n, kind, title));
        }
    }
    let Some(&(first, ..)) = starts.first() else {
        return (markdown, Vec::new());
    };
    let pieces = (starts.iter().enumerate())
        .map(|(i, &(_, body, line, kind, title))| {
            let end = starts.get(i + 1).map_or(markdown.len(), |s| s.0);
            Piece {
                kind,
                title,
                markdown: markdown[body..end].trim(),
                line,
            }
        })
        .collect();
    (markdown[..first].trim_end(), pieces)
}

/// The step a scenario or an angle names on its `Step: N` line (1-based, as given), and the markdown without that
/// line. The line is the first non-blank line after the part's `##` heading (or the first line of an untitled part).
pub fn step_link(markdown: &str) -> (Option<StepLink>, String) {
    let link = link_of(markdown);
    let mut out = String::with_capacity(markdown.len());
    for (n, (_, line)) in lines(markdown).enumerate() {
        if link.is_some_and(|l| l.line == n) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    (link, out)
}

/// The `Step: N` line of [`step_link`] alone, without copying the markdown (`check` reads every part's).
fn link_of(markdown: &str) -> Option<StepLink> {
    let (n, t) = (lines(markdown).enumerate())
        .map(|(n, (_, line))| (n, line.trim()))
        .find(|(_, t)| !t.is_empty() && !t.starts_with("## "))?;
    let rest = t.strip_prefix("Step:")?;
    Some(StepLink {
        step: rest.trim().parse().ok(),
        line: n,
    })
}

/// A `Step: N` line: the number if it parses, and its 0-based line within the part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepLink {
    pub step: Option<usize>,
    pub line: usize,
}

impl Part {
    /// What the step shows: its markdown without its own pieces.
    pub fn shown(&self) -> &str {
        split(&self.markdown).0
    }

    pub fn pieces(&self, kind: Kind) -> Vec<Piece<'_>> {
        let (_, all) = split(&self.markdown);
        all.into_iter().filter(|p| p.kind == kind).collect()
    }

    /// The 0-based teaching step this scenario or angle needs; `None` without a (valid) `Step:` line.
    pub fn needs_step(&self) -> Option<usize> {
        link_of(&self.markdown)?.step?.checked_sub(1)
    }
}

/// Problems with pieces and step links, as `path:line`. `strict` also wants every teaching step to have both kinds
/// of piece and every scenario and angle a step link.
pub fn check(course: &Course, strict: bool) -> Vec<Diagnostic> {
    let mut out: Vec<_> = (course.topics.iter())
        .flat_map(|t| check_lesson(t.lesson(), strict))
        .collect();
    out.extend(check_items(course, strict));
    out
}

/// [`check`] of one lesson: its pieces and its scenarios' and angles' step links (not its quiz items').
pub fn check_lesson(l: &Lesson, strict: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let n = l.steps.len();
    for s in &l.steps {
        let (_, pieces) = split(&s.markdown);
        for p in &pieces {
            if p.markdown.is_empty() {
                out.push(Diagnostic::new(
                    &l.path,
                    s.line + p.line,
                    "an empty piece: write its text under the heading",
                ));
            }
        }
        for kind in [Kind::Again, Kind::Example] {
            if strict && !pieces.iter().any(|p| p.kind == kind) {
                let what = if kind == Kind::Again { AGAIN } else { EXAMPLE };
                let title = s.title.as_deref().unwrap_or("a step");
                out.push(Diagnostic::new(
                    &l.path,
                    s.line,
                    format!("step \"{title}\" has no `{what}`"),
                ));
            }
        }
    }
    for (what, parts) in [("scenario", &l.scenarios), ("angle", &l.angles)] {
        for p in parts.iter() {
            match link_of(&p.markdown) {
                Some(StepLink { step: Some(k), .. }) if (1..=n).contains(&k) => {}
                Some(StepLink { line, .. }) => out.push(Diagnostic::new(
                    &l.path,
                    p.line + line,
                    format!("`Step:` must name a teaching step, 1 to {n}"),
                )),
                None if strict => out.push(Diagnostic::new(
                    &l.path,
                    p.line,
                    format!("this {what} names no step: add a `Step: N` line after its heading"),
                )),
                None => {}
            }
        }
    }
    out
}

/// Every quiz item names the teaching step it depends on: an unknown step is a problem; a missing one is, strictly.
pub fn check_items(course: &Course, strict: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Each topic points at its own bank (no topics × banks scan).
    for topic in &course.topics {
        let Some(bank) = topic.quiz.and_then(|i| course.banks().get(i)) else {
            continue;
        };
        let n = topic.lesson().steps.len();
        let items = (bank.triggers.iter().map(|t| (&t.id, t.step, t.line)))
            .chain(bank.questions.iter().map(|q| (&q.id, q.step, q.line)));
        for (id, step, line) in items {
            match step {
                Some(s) if s.step > n => out.push(Diagnostic::new(
                    &bank.path,
                    s.line,
                    format!(
                        "{id}: `step` {} is not a teaching step of this topic (1 to {n})",
                        s.step
                    ),
                )),
                None if strict => out.push(Diagnostic::new(
                    &bank.path,
                    line,
                    format!("{id}: no `step`: name the teaching step that teaches it (`step = N`)"),
                )),
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "pieces_tests.rs"]
mod tests;
