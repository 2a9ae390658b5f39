//! The sections shown a part at a time (steps, angles, scenarios): split at their top-level `---` breaks, each part
//! checked for text.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{
    Part, options,
    sections::{Body, RawSection},
};
use crate::util::diagnostic::Diagnostic;

/// The parts of `section` (none when it is missing), each part called a `what` in messages. Problems go to `diags`.
pub(super) fn parts_of(
    body: &Body,
    section: Option<&RawSection>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Part> {
    let Some(s) = section else { return Vec::new() };
    let text = body.text;
    let parts = split_parts(text, s);
    if parts.is_empty() {
        diags.push(body.diag(
            s.heading_at,
            format!("section `# {}` has no {what}", s.name),
        ));
    }
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .filter_map(|(k, (start, end))| {
            let part = &text[start..end];
            let md = part.trim();
            if md.is_empty() {
                // Point at the `---` to delete: the one closing the empty part, or for the last part the one
                // opening it. (A section with no text at all was reported above and has no parts.)
                let (rule_at, where_) = match k {
                    0 => (end, "between the heading and this `---`"),
                    k if k + 1 == count => (s.rules[k - 1].0, "after this `---`"),
                    _ => (end, "between this `---` and the one before it"),
                };
                diags.push(body.diag(
                    rule_at,
                    format!("empty {what} in `# {}`: nothing {where_}", s.name),
                ));
                return None;
            }
            Some(Part {
                title: opening_title(md),
                markdown: md.to_string(),
                line: body.at(start + (part.len() - part.trim_start().len())),
            })
        })
        .collect()
}

/// The course format asks every scenario to open with a `## ` title (docs/course-format.md).
pub(super) fn check_scenario_titles(path: &str, scenarios: &[Part], diags: &mut Vec<Diagnostic>) {
    for s in scenarios {
        if s.title.is_none() {
            diags.push(Diagnostic::new(
                path,
                s.line,
                "a scenario must open with a `## ` title",
            ));
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The title as a full parse of the part finds it (what `opening_title` did before it learnt to read one line).
    fn title_by_full_parse(md: &str) -> Option<String> {
        h2_title(md)
    }

    #[test]
    fn opening_title_reads_the_first_line_as_a_full_parse_would() {
        let cases = [
            "## Why `Retry` wins\n\nText.",
            "## Title ##\nmore",
            "##\tTabbed\n",
            "##\n",
            "## ",
            "#x\n---\n",
            "##x\n---",
            "Setext title\n---\n\nBody",
            "# One\n\n## Two",
            "### Three\n",
            "####### seven\n",
            "## See [the docs][d]\n\n[d]: https://example.com\n",
            "## *Emphasis* and **bold**\n",
            "## A &amp; B\n",
            "Plain paragraph.\n",
            "",
        ];
        for md in cases {
            assert_eq!(opening_title(md), title_by_full_parse(md), "{md:?}");
        }
    }
}
