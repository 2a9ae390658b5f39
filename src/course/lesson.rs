//! One lesson file: TOML front matter between `+++` lines, then the six named sections of the course format
//! (docs/course-format.md). Parsing reports every problem it finds, each with its line.

use super::diagnostic::Diagnostic;

mod front_matter;
pub(super) mod outline;
mod parts;
mod sections;
mod wrap_up;

pub(super) use front_matter::split_front_matter;
pub use front_matter::{FrontMatter, Source, is_slug, key_line};
pub use outline::SECTIONS;
pub(super) use outline::options;
use sections::Body;

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
    /// 1-based lines of the front matter's `slug` and `number` keys, for the course's cross-checks (kept here so
    /// the file's text can be freed once parsed).
    pub key_lines: [usize; 2],
}

impl Lesson {
    /// What the course index and the course's cross-checks read of a lesson (its front matter, lines, and its parts'
    /// titles and lines), its text dropped: for the load that indexes a folder, whose course reads a lesson again when
    /// it is first shown.
    pub(super) fn into_outline(mut self) -> Self {
        for part in (self.steps.iter_mut())
            .chain(&mut self.angles)
            .chain(&mut self.scenarios)
        {
            part.markdown = String::new();
        }
        self.signals = String::new();
        self.comparison = String::new();
        self.memory_hack = String::new();
        self
    }

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

pub fn parse(path: &str, text: &str) -> Result<Lesson, Vec<Diagnostic>> {
    parse_outlined(path, text, None)
}

/// [`parse`], given the sections of the body when they are known already (a built-in lesson: build.rs found them
/// in this very text), which saves the pass over the whole body that finds them.
pub(super) fn parse_outlined(
    path: &str,
    text: &str,
    known: Option<Vec<outline::RawSection>>,
) -> Result<Lesson, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let (meta, body, body_offset) = match split_front_matter(path, text) {
        Ok(parts) => parts,
        Err(d) => return Err(vec![d]),
    };
    let meta = front_matter::parse(path, text, meta, &mut diags);
    let body = Body::new(path, text, body, body_offset);
    let sections = known.unwrap_or_else(|| outline::scan_sections(body.text));
    let found = sections::place(&body, &sections, &mut diags);
    let steps = parts::parts_of(&body, found[0], "step", &mut diags);
    let angles = parts::parts_of(&body, found[1], "angle", &mut diags);
    let scenarios = parts::parts_of(&body, found[2], "scenario", &mut diags);
    parts::check_scenario_titles(path, &scenarios, &mut diags);
    let whole = wrap_up::read(&body, [found[3], found[4], found[5]], &mut diags);

    // Every section was found, or parsing failed above.
    let section_lines = found.map(|s| s.map_or(0, |s| body.at(s.heading_at)));
    match meta {
        Some(meta) if diags.is_empty() => Ok(Lesson {
            path: path.to_string(),
            meta,
            steps,
            angles,
            scenarios,
            signals: whole.signals,
            signal_rows: whole.signal_rows,
            comparison: whole.comparison,
            comparison_tables: whole.comparison_tables,
            memory_hack: whole.memory_hack,
            section_lines,
            key_lines: [key_line(text, "slug"), key_line(text, "number")],
        }),
        _ => Err(diags),
    }
}

#[cfg(test)]
#[path = "lesson_tests.rs"]
mod tests;
