//! Placeholders an author has not replaced yet: the marker `TODO:` that `new-topic` writes. `check` reports every
//! line that still holds one, so an unfinished topic is never "ok"; loading a course to study it does not (an author
//! previews a topic while writing it). The rule, in docs/course-format.md: `TODO:` at the start of a word, in any
//! string of `course.toml`, a quiz or a lesson's front matter, or in a lesson's text outside code. TOML comments and
//! code (fenced or inline) may say `TODO:` freely.

use std::{collections::BTreeMap, ops::Range};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use toml::de::{DeTable, DeValue};

use super::{
    CourseFiles, Diagnostic,
    diagnostic::LineIndex,
    lesson::{options as markdown_options, split_front_matter},
    load::PARALLEL_BYTES,
};
use crate::util::parallel;

pub const MARKER: &str = "TODO:";

/// Every line of the course with a placeholder, in file order (a big course's files on all cores).
pub fn find(files: &CourseFiles) -> Vec<Diagnostic> {
    let all: Vec<_> = (files.course_toml.iter())
        .chain(&files.lessons)
        .chain(&files.quizzes)
        .collect();
    let bytes: usize = all.iter().map(|f| f.text.len()).sum();
    (parallel::map(&all, bytes >= PARALLEL_BYTES, |f| in_file(&f.path, &f.text)).into_iter())
        .flatten()
        .collect()
}

/// The lines of one course file (`lessons/*.md` is a lesson, anything else TOML) that hold a placeholder. A file
/// that does not parse has none here: parsing reports it.
pub fn in_file(path: &str, text: &str) -> Vec<Diagnostic> {
    // Every place looked at is a range of the raw text: without the marker anywhere in it, a file has none, and
    // parsing it again to find out was a third of `check` on a big course. (`memmem` uses the machine's widest
    // vectors: `str::contains` was a fiftieth of `check`.)
    if memchr::memmem::find(text.as_bytes(), MARKER.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut found = Found::new(text);
    if path.ends_with(".md") {
        if let Ok((meta, body, body_at)) = split_front_matter(path, text) {
            // The front matter follows the opening `+++` line.
            found.toml(meta, "+++\n".len());
            found.markdown(body, body_at);
        }
    } else {
        found.toml(text, 0);
    }
    (found.lines.into_iter())
        .map(|(line, excerpt)| {
            Diagnostic::new(path, line, format!("placeholder left: `{excerpt}`"))
        })
        .collect()
}

/// The placeholders of one file so far: the first one of each line, as a short excerpt.
struct Found<'t> {
    text: &'t str,
    index: LineIndex,
    lines: BTreeMap<usize, String>,
}

impl<'t> Found<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            index: LineIndex::new(text),
            lines: BTreeMap::new(),
        }
    }

    /// Looks for the marker in `text[range]`, a piece of text a learner reads.
    fn scan(&mut self, range: Range<usize>) {
        let Some(piece) = self.text.get(range.clone()) else {
            return;
        };
        for (at, _) in piece.match_indices(MARKER) {
            let starts_word = piece[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if starts_word {
                let line = self.index.line_of(range.start + at);
                self.lines
                    .entry(line)
                    .or_insert_with(|| excerpt(&piece[at..]));
            }
        }
    }

    /// Every string value of a TOML document that starts at byte `at` of the file.
    fn toml(&mut self, doc: &str, at: usize) {
        if let Ok(table) = DeTable::parse(doc) {
            self.table(table.get_ref(), at);
        }
    }

    fn table(&mut self, table: &DeTable<'_>, at: usize) {
        for value in table.values() {
            self.value(value.get_ref(), value.span(), at);
        }
    }

    fn value(&mut self, value: &DeValue<'_>, span: Range<usize>, at: usize) {
        match value {
            DeValue::String(_) => self.scan(at + span.start..at + span.end),
            DeValue::Array(items) => {
                for item in items {
                    self.value(item.get_ref(), item.span(), at);
                }
            }
            DeValue::Table(table) => self.table(table, at),
            _ => {}
        }
    }

    /// The text of a markdown body that starts at byte `at` of the file; code is skipped.
    fn markdown(&mut self, body: &str, at: usize) {
        let mut in_code = false;
        for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(_)) => in_code = true,
                Event::End(TagEnd::CodeBlock) => in_code = false,
                Event::Text(_) if !in_code => self.scan(at + range.start..at + range.end),
                _ => {}
            }
        }
    }
}

/// The placeholder as the author wrote it, on one line and short: "TODO: the first step's title".
fn excerpt(from_marker: &str) -> String {
    let line = from_marker.lines().next().unwrap_or_default();
    let line = line.trim_end_matches(['"', '\'', ' ']);
    match line.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(path: &str, text: &str) -> Vec<String> {
        in_file(path, text).iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn toml_strings_count_and_comments_do_not() {
        let text = "title = \"TODO: the title\" # TODO: later\n\
                    # TODO: a comment\n\
                    topics = [\"a\", 'TODO: b']\n\
                    phase = \"\"\"\nfine\nTODO: third line\"\"\"\n\
                    [[trigger]]\nwhy = \"XTODO: no; todo: no; TODO:yes\"\n";
        assert_eq!(
            lines("lessons/course.toml", text),
            [
                "lessons/course.toml:1: placeholder left: `TODO: the title`",
                "lessons/course.toml:3: placeholder left: `TODO: b`",
                "lessons/course.toml:6: placeholder left: `TODO: third line`",
                "lessons/course.toml:8: placeholder left: `TODO:yes`",
            ]
        );
        assert!(lines("quizzes/01-a.toml", "not = [toml").is_empty());
    }

    #[test]
    fn lesson_text_counts_and_code_does_not() {
        let text = "+++\ntitle = \"TODO: a title\"\n# TODO: comment\n+++\n\n# Lesson\n\n\
                    ## TODO: step title\n\nText, then **Label.** TODO: more\n\n\
                    ```python\n# TODO: in code\n```\n\nInline `TODO: code` only.\n\n\
                    | A | B |\n| --- | --- |\n| x | TODO: cell |\n";
        let found: Vec<usize> = in_file("lessons/01-a.md", text)
            .iter()
            .map(|d| d.line)
            .collect();
        assert_eq!(found, [2, 8, 10, 20]);
        assert!(lines("lessons/01-a.md", text)[1].contains("`TODO: step title`"));
    }

    #[test]
    fn one_line_is_reported_once_and_long_text_is_cut() {
        let text = format!(
            "a = [\"TODO: x\", \"TODO: y\"]\nb = \"TODO: {}\"\n",
            "z".repeat(100)
        );
        let found = in_file("quizzes/01-a.toml", &text);
        assert_eq!(found.len(), 2);
        assert!(found[0].message.contains("`TODO: x`"));
        assert!(
            found[1]
                .message
                .contains(&format!("`TODO: {}…`", "z".repeat(54)))
        );
    }

    #[test]
    fn the_built_in_course_has_none() {
        assert_eq!(find(&CourseFiles::built_in()), []);
    }
}
