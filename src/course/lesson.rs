//! One lesson file: TOML front matter between `+++` lines, then the six named sections of the course format
//! (docs/course-format.md). Parsing reports every problem it finds, each with its line.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::{
    clean_line,
    diagnostic::{Diagnostic, LineIndex, line_of},
};
use crate::util::text::plural;

/// The section headings, in the order a lesson must give them.
pub const SECTIONS: [&str; 6] = [
    "Lesson",
    "Another angle",
    "Exam scenarios",
    "Exam signals",
    "Comparison",
    "Memory hack",
];

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub number: u32,
    pub slug: String,
    pub title: String,
    pub tagline: String,
    pub tasks: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl FrontMatter {
    /// Every text field cleaned of control characters (see [`super::clean_value`]) and kept to one line.
    fn cleaned(self) -> Self {
        Self {
            number: self.number,
            slug: clean_line(&self.slug),
            title: clean_line(&self.title),
            tagline: clean_line(&self.tagline),
            tasks: self.tasks.iter().map(|t| clean_line(t)).collect(),
            sources: self
                .sources
                .iter()
                .map(|s| Source {
                    title: clean_line(&s.title),
                    url: clean_line(&s.url),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// A piece of a section shown on its own screen: a step, an angle, a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The text of its opening `##` heading, if it has one.
    pub title: Option<String>,
    pub markdown: String,
    /// 1-based line where it starts in the file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub path: String,
    pub meta: FrontMatter,
    pub steps: Vec<Part>,
    pub angles: Vec<Part>,
    pub scenarios: Vec<Part>,
    pub signals: String,
    /// Body rows of the exam-signals table(s).
    pub signal_rows: usize,
    pub comparison: String,
    pub comparison_tables: usize,
    pub memory_hack: String,
    /// 1-based line of each section's `#` heading, in [`SECTIONS`] order.
    pub section_lines: [usize; 6],
}

impl Lesson {
    /// The markdown of the "Wrap-up" step shown after the last teaching step.
    pub fn wrap_up(&self) -> String {
        format!(
            "## Wrap-up: {}\n\n### Exam signals\n\n{}\n\n### Comparison\n\n{}\n\n### Memory hack\n\n> {}\n",
            self.meta.title,
            self.signals.trim(),
            self.comparison.trim(),
            self.memory_hack.trim()
        )
    }
}

/// A section found in the body: its heading and the byte range of its content.
struct RawSection {
    name: String,
    /// Byte offset of the `#` heading itself.
    heading_at: usize,
    /// Content range: from the end of the heading to the next section.
    start: usize,
    end: usize,
    /// Byte offsets of top-level thematic breaks inside it (where parts split).
    rules: Vec<(usize, usize)>,
}

pub fn parse(path: &str, text: &str) -> Result<Lesson, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let (meta, body, body_offset) = match split_front_matter(path, text) {
        Ok(parts) => parts,
        Err(d) => return Err(vec![d]),
    };
    let meta = match toml::from_str::<FrontMatter>(meta) {
        Ok(m) => Some(m.cleaned()),
        Err(e) => {
            // The front matter starts on line 2 (after the opening `+++`).
            let line = e.span().map(|s| line_of(meta, s.start) + 1).unwrap_or(2);
            diags.push(Diagnostic::new(
                path,
                line,
                format!("front matter: {}", e.message()),
            ));
            None
        }
    };
    if let Some(m) = &meta {
        check_front_matter(path, text, m, &mut diags);
    }
    let lines = LineIndex::new(text);
    let at = |offset: usize| lines.line_of(body_offset + offset);
    let sections = scan_sections(body);

    if let Some(first) = sections.first()
        && !body[..first.heading_at].trim().is_empty()
    {
        let stray = body.len() - body.trim_start().len();
        diags.push(Diagnostic::new(
            path,
            at(stray),
            "text before the first section: start the body with `# Lesson`",
        ));
    }
    let mut found: [Option<&RawSection>; 6] = Default::default();
    let mut last_index = None;
    for s in &sections {
        match SECTIONS.iter().position(|n| *n == s.name) {
            None => diags.push(Diagnostic::new(
                path,
                at(s.heading_at),
                format!(
                    "unknown section `# {}`; the sections are {}",
                    s.name,
                    SECTIONS.map(|n| format!("`# {n}`")).join(", ")
                ),
            )),
            Some(i) if found[i].is_some() => diags.push(Diagnostic::new(
                path,
                at(s.heading_at),
                format!("section `# {}` appears twice", s.name),
            )),
            Some(i) => {
                if let Some(l) = last_index.filter(|&l| i < l) {
                    diags.push(Diagnostic::new(
                        path,
                        at(s.heading_at),
                        format!(
                            "section `# {}` is out of order: it comes after `# {}`; the order is {}",
                            s.name,
                            SECTIONS[l],
                            SECTIONS.join(" → ")
                        ),
                    ));
                }
                last_index = Some(i);
                found[i] = Some(s);
            }
        }
    }
    let end_line = text.lines().count().max(1);
    for (i, name) in SECTIONS.iter().enumerate() {
        if found[i].is_some() {
            continue;
        }
        // Reported where it belongs: at the next section present, or at the end of the file.
        let next = (i + 1..SECTIONS.len()).find_map(|j| found[j].map(|s| (j, s)));
        let (line, message) = match next {
            Some((j, s)) => (
                at(s.heading_at),
                format!(
                    "missing section `# {name}`: it goes before `# {}`",
                    SECTIONS[j]
                ),
            ),
            None => (
                end_line,
                format!("missing section `# {name}`: it goes at the end"),
            ),
        };
        diags.push(Diagnostic::new(path, line, message));
    }

    let parts_of = |i: usize, what: &str, diags: &mut Vec<Diagnostic>| -> Vec<Part> {
        let Some(s) = found[i] else { return Vec::new() };
        let parts = split_parts(body, s);
        if parts.is_empty() {
            diags.push(Diagnostic::new(
                path,
                at(s.heading_at),
                format!("section `# {}` has no {what}", s.name),
            ));
        }
        let count = parts.len();
        parts
            .into_iter()
            .enumerate()
            .filter_map(|(k, (start, end))| {
                let md = body[start..end].trim();
                if md.is_empty() {
                    // Point at the `---` to delete: the one closing the empty part, or for the last part the one
                    // opening it. (A section with no text at all was reported above and has no parts.)
                    let (rule_at, where_) = match k {
                        0 => (end, "between the heading and this `---`"),
                        k if k + 1 == count => (s.rules[k - 1].0, "after this `---`"),
                        _ => (end, "between this `---` and the one before it"),
                    };
                    diags.push(Diagnostic::new(
                        path,
                        at(rule_at),
                        format!("empty {what} in `# {}`: nothing {where_}", s.name),
                    ));
                    return None;
                }
                Some(Part {
                    title: opening_title(md),
                    markdown: md.to_string(),
                    line: at(start + (body[start..end].len() - body[start..end].trim_start().len())),
                })
            })
            .collect()
    };
    let steps = parts_of(0, "step", &mut diags);
    let angles = parts_of(1, "angle", &mut diags);
    let scenarios = parts_of(2, "scenario", &mut diags);
    for s in &scenarios {
        if s.title.is_none() {
            diags.push(Diagnostic::new(
                path,
                s.line,
                "a scenario must open with a `## ` title",
            ));
        }
    }
    let whole = |i: usize| found[i].map(|s| body[s.start..s.end].trim().to_string());
    let signals = whole(3).unwrap_or_default();
    let comparison = whole(4).unwrap_or_default();
    let memory_hack = whole(5).unwrap_or_default();
    let (signal_tables, signal_rows, signal_cols) = table_shape(&signals);
    if let Some(s) = found[3] {
        if signal_tables == 0 || signal_rows == 0 {
            diags.push(Diagnostic::new(
                path,
                at(s.heading_at),
                "`# Exam signals` needs a table: | Trigger phrase | Answer | with at least one row",
            ));
        } else if signal_cols != 2 {
            diags.push(Diagnostic::new(
                path,
                at(s.heading_at),
                format!(
                    "`# Exam signals` table has {}; it needs 2 (trigger phrase, answer)",
                    plural(signal_cols, "column")
                ),
            ));
        }
    }
    let (comparison_tables, _, _) = table_shape(&comparison);
    if let Some(s) = found[4]
        && comparison_tables == 0
    {
        diags.push(Diagnostic::new(
            path,
            at(s.heading_at),
            "`# Comparison` needs at least one table",
        ));
    }
    if let Some(s) = found[5] {
        if memory_hack.is_empty() {
            diags.push(Diagnostic::new(
                path,
                at(s.heading_at),
                "`# Memory hack` is empty",
            ));
        } else if memory_hack.lines().filter(|l| !l.trim().is_empty()).count() > 1 {
            diags.push(Diagnostic::new(
                path,
                at(s.heading_at),
                "`# Memory hack` should be one line",
            ));
        }
    }

    // Every section was found, or parsing failed above.
    let section_lines = found.map(|s| s.map_or(0, |s| at(s.heading_at)));
    match meta {
        Some(meta) if diags.is_empty() => Ok(Lesson {
            path: path.to_string(),
            meta,
            steps,
            angles,
            scenarios,
            signals,
            signal_rows,
            comparison,
            comparison_tables,
            memory_hack,
            section_lines,
        }),
        _ => Err(diags),
    }
}

/// Splits `+++ toml +++ body`; returns the TOML, the body and the body's byte offset in `text`.
pub(super) fn split_front_matter<'a>(
    path: &str,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(
            path,
            1,
            "the lesson file is empty: it needs TOML front matter between `+++` lines, then the six sections",
        ));
    }
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Err(Diagnostic::new(
            path,
            1,
            "a lesson must start with TOML front matter: a line `+++`, the fields, then `+++`",
        ));
    };
    let close = if rest.starts_with("+++\n") || rest == "+++" {
        Some(0)
    } else {
        rest.find("\n+++\n")
            .map(|i| i + 1)
            .or_else(|| rest.ends_with("\n+++").then(|| rest.len() - 3))
    };
    let Some(close) = close else {
        return Err(Diagnostic::new(
            path,
            1,
            "front matter is not closed: add a line `+++` after its fields",
        ));
    };
    let body_start = (4 + close + 4).min(text.len());
    Ok((&rest[..close], &text[body_start..], body_start))
}

fn check_front_matter(path: &str, text: &str, m: &FrontMatter, diags: &mut Vec<Diagnostic>) {
    let file = path.rsplit('/').next().unwrap_or(path);
    let expected = format!("{:02}-{}.md", m.number, m.slug);
    if file != expected {
        // Point at the field that disagrees with the name: the number if the `NN-` part differs, else the slug.
        let key = if file.starts_with(&format!("{:02}-", m.number)) {
            "slug"
        } else {
            "number"
        };
        diags.push(Diagnostic::new(
            path,
            key_line(text, key),
            format!("front matter says number {} and slug `{}`, so the file should be named `{expected}`", m.number, m.slug),
        ));
    }
    if !is_slug(&m.slug) {
        diags.push(Diagnostic::new(
            path,
            key_line(text, "slug"),
            format!("slug `{}` must be lower-case words joined by `-`", m.slug),
        ));
    }
    for (field, value) in [("title", &m.title), ("tagline", &m.tagline)] {
        if value.trim().is_empty() {
            diags.push(Diagnostic::new(
                path,
                key_line(text, field),
                format!("front matter: `{field}` is empty"),
            ));
        }
    }
    if m.tasks.is_empty() {
        diags.push(Diagnostic::new(
            path,
            key_line(text, "tasks"),
            "front matter: `tasks` lists no exam task",
        ));
    }
    for (i, task) in m.tasks.iter().enumerate() {
        if task.trim().is_empty() {
            diags.push(Diagnostic::new(
                path,
                key_line(text, "tasks"),
                format!("front matter: `tasks[{i}]` is empty"),
            ));
        }
    }
    for s in &m.sources {
        if !s.url.starts_with("https://") {
            let line = front_matter_lines(text)
                .find(|(_, l)| l.trim_start().starts_with("url") && l.contains(s.url.as_str()))
                .map_or(2, |(n, _)| n);
            diags.push(Diagnostic::new(
                path,
                line,
                format!(
                    "front matter: source `{}` needs an https:// address",
                    s.title
                ),
            ));
        }
    }
}

/// The front matter's lines with their 1-based line numbers in the file (the opening `+++` is line 1).
fn front_matter_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, l)| *l != "+++")
        .map(|(i, l)| (i + 1, l))
}

/// The line of a top-level front-matter `key = ...` (before any `[table]`), or 2 (the first field line) when the
/// key cannot be found, e.g. because it is missing or written as a dotted or quoted key.
pub fn key_line(text: &str, key: &str) -> usize {
    front_matter_lines(text)
        .take_while(|(_, l)| !l.trim_start().starts_with('['))
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(2, |(n, _)| n)
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Finds the top-level `#` headings and `---` breaks. Only events at nesting depth 0 count, so a `---` inside a
/// list or a `#` inside a code block never splits anything.
fn scan_sections(body: &str) -> Vec<RawSection> {
    let mut sections: Vec<RawSection> = Vec::new();
    let mut depth = 0usize;
    let mut heading: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if depth == 0 => {
                heading = Some((range.start, String::new()));
                depth += 1;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if depth == 1 && heading.is_some() => {
                depth -= 1;
                let (start, name) = heading.take().unwrap_or_default();
                if let Some(prev) = sections.last_mut() {
                    prev.end = start;
                }
                sections.push(RawSection {
                    name: name.trim().to_string(),
                    heading_at: start,
                    start: range.end,
                    end: body.len(),
                    rules: Vec::new(),
                });
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some((_, name)) = heading.as_mut() {
                    name.push_str(&t);
                }
            }
            Event::Rule if depth == 0 => {
                if let Some(s) = sections.last_mut() {
                    s.rules.push((range.start, range.end));
                }
            }
            _ => {}
        }
    }
    sections
}

/// Byte ranges of the parts of a section, split at its top-level rules.
fn split_parts(body: &str, s: &RawSection) -> Vec<(usize, usize)> {
    if body[s.start..s.end].trim().is_empty() {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut start = s.start;
    for &(rule_start, rule_end) in &s.rules {
        parts.push((start, rule_start));
        start = rule_end;
    }
    parts.push((start, s.end));
    parts
}

/// The text of the `##` heading a part opens with.
fn opening_title(md: &str) -> Option<String> {
    // An ATX heading is one line, so when the part opens with one (as steps and scenarios do) that line alone decides:
    // parsing the whole part again would double the cost of loading a course. Not when the line holds a `[`: it
    // could be a link whose definition comes further down.
    let first_line = md.split('\n').next().unwrap_or(md);
    let hashes = first_line.bytes().take_while(|&b| b == b'#').count();
    let atx = (1..=6).contains(&hashes)
        && matches!(first_line.as_bytes().get(hashes), None | Some(b' ' | b'\t'));
    let md = if atx && !first_line.contains('[') {
        first_line
    } else {
        md
    };
    h2_title(md)
}

/// The text of the `##` heading `md` starts with, by a markdown parse.
fn h2_title(md: &str) -> Option<String> {
    let mut parser = Parser::new_ext(md, options());
    match parser.next() {
        Some(Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            ..
        })) => {}
        _ => return None,
    }
    let mut title = String::new();
    for event in parser {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => title.push_str(&t),
            _ => {}
        }
    }
    let title = title.trim().to_string();
    (!title.is_empty()).then_some(title)
}

/// (number of tables, body rows of all tables, columns of the first table).
fn table_shape(md: &str) -> (usize, usize, usize) {
    let (mut tables, mut rows, mut cols) = (0, 0, 0);
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(Tag::Table(align)) => {
                if tables == 0 {
                    cols = align.len();
                }
                tables += 1;
            }
            Event::Start(Tag::TableRow) => rows += 1,
            _ => {}
        }
    }
    (tables, rows, cols)
}

#[cfg(test)]
#[path = "lesson_tests.rs"]
mod tests;
