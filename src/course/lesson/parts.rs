//! The sections shown a part at a time (steps, angles, scenarios): split at their top-level `---` breaks, each part
//! checked for text.

use super::{
    Part,
    outline::{RawSection, opening_title, split_parts},
    sections::Body,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::lesson::outline::h2_title;

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

    #[test]
    fn every_built_in_part_has_the_title_a_full_parse_gives() {
        let course = crate::course::Course::built_in().expect("built-in course is valid");
        for t in &course.topics {
            let l = t.lesson();
            for p in l.steps.iter().chain(&l.angles).chain(&l.scenarios) {
                assert_eq!(p.title, title_by_full_parse(&p.markdown), "{}", p.markdown);
            }
        }
    }

    proptest::proptest! {
        /// A `##` line of plain words or of markdown's special characters, alone or followed by more text: the
        /// title read from its line is the one a parse of the whole part finds.
        #[test]
        fn a_title_line_reads_as_a_full_parse_would(
            title in "[a-zA-Z0-9 :,.()'\"?/=+%\\`*_\\[\\]<>&!~#|\t\u{3000}é-]{0,16}",
            rest in "(\n\n[a-z ]{0,8}|\n[-=]{1,3}|\n\n\\[x\\]: /u\n|)",
        ) {
            let md = format!("## {title}{rest}");
            proptest::prop_assert_eq!(opening_title(&md), title_by_full_parse(&md), "{:?}", md);
        }
    }
}
