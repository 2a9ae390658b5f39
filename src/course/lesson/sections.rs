//! The body's sections: found at its top-level `#` headings, then matched against [`SECTIONS`], every unknown,
//! repeated, out-of-order or missing one reported.

use super::{SECTIONS, outline::RawSection};
use crate::util::diagnostic::{Diagnostic, LineIndex};

/// A lesson's body with what its diagnostics need: the file's path and the lines of the whole file.
pub(super) struct Body<'a> {
    pub(super) path: &'a str,
    /// The whole file.
    pub(super) file: &'a str,
    /// The text after the front matter.
    pub(super) text: &'a str,
    /// Byte offset of `text` in `file`.
    offset: usize,
    lines: LineIndex,
}

impl<'a> Body<'a> {
    pub(super) fn new(path: &'a str, file: &'a str, text: &'a str, offset: usize) -> Self {
        Self {
            path,
            file,
            text,
            offset,
            lines: LineIndex::new(file),
        }
    }

    /// 1-based line in the file of a byte offset in the body.
    pub(super) fn at(&self, offset: usize) -> usize {
        self.lines.line_of(self.offset + offset)
    }

    /// A problem at a byte offset in the body.
    pub(super) fn diag(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.path, self.at(offset), message)
    }
}

/// The sections of [`SECTIONS`] found, in that order (`None` for a missing one). Problems go to `diags`.
pub(super) fn place<'s>(
    body: &Body,
    sections: &'s [RawSection],
    diags: &mut Vec<Diagnostic>,
) -> [Option<&'s RawSection>; 6] {
    if let Some(first) = sections.first()
        && !body.text[..first.heading_at].trim().is_empty()
    {
        let stray = body.text.len() - body.text.trim_start().len();
        diags.push(body.diag(
            stray,
            "text before the first section: start the body with `# Lesson`",
        ));
    }
    let found = match_names(body, sections, diags);
    report_missing(body, &found, diags);
    found
}

/// Each section by its name into its slot of [`SECTIONS`]; unknown and repeated ones stay out.
fn match_names<'s>(
    body: &Body,
    sections: &'s [RawSection],
    diags: &mut Vec<Diagnostic>,
) -> [Option<&'s RawSection>; 6] {
    let mut found: [Option<&RawSection>; 6] = Default::default();
    let mut last_index = None;
    for s in sections {
        match SECTIONS.iter().position(|n| *n == s.name) {
            None => diags.push(body.diag(
                s.heading_at,
                format!(
                    "unknown section `# {}`; the sections are {}",
                    s.name,
                    SECTIONS.map(|n| format!("`# {n}`")).join(", ")
                ),
            )),
            Some(i) if found[i].is_some() => diags.push(body.diag(
                s.heading_at,
                format!("section `# {}` appears twice", s.name),
            )),
            Some(i) => {
                if let Some(l) = last_index.filter(|&l| i < l) {
                    diags.push(body.diag(
                        s.heading_at,
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
    found
}

/// Each section of [`SECTIONS`] not found.
fn report_missing(body: &Body, found: &[Option<&RawSection>; 6], diags: &mut Vec<Diagnostic>) {
    for (i, name) in SECTIONS.iter().enumerate() {
        if found[i].is_some() {
            continue;
        }
        // Reported where it belongs: at the next section present, or at the end of the file.
        let next = (i + 1..SECTIONS.len()).find_map(|j| found[j].map(|s| (j, s)));
        let (line, message) = match next {
            Some((j, s)) => (
                body.at(s.heading_at),
                format!(
                    "missing section `# {name}`: it goes before `# {}`",
                    SECTIONS[j]
                ),
            ),
            // Counted only here: counting every lesson's lines was a fortieth of `check` on a big course.
            None => (
                body.file.lines().count().max(1),
                format!("missing section `# {name}`: it goes at the end"),
            ),
        };
        diags.push(Diagnostic::new(body.path, line, message));
    }
}
