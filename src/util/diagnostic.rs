//! A problem found in course content, reported as `path:line: message`.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file as the author knows it (e.g. `lessons/11-step-functions.md`).
    pub path: String,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    /// Messages quote content (ids, slugs, section names) and paths come from file names: both are cleaned of
    /// control characters so that printing a diagnostic can never send an escape sequence to the terminal.
    pub fn new(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Self {
            path: super::sanitize::clean_line(&path.into()),
            line,
            message: super::sanitize::clean_line(&message.into()),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        }
    }
}

/// 1-based line number of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Line numbers of many offsets in one text: one pass to find the line starts, then a binary search each. Asking
/// [`line_of`] once per item of a big file is quadratic (100,000 quiz items took hours).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the start of each line: 0, then one past each `\n`.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self { starts }
    }

    /// The same as [`line_of`] on the text this index was built from.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_and_without_line() {
        assert_eq!(Diagnostic::new("a.md", 3, "bad").to_string(), "a.md:3: bad");
        assert_eq!(Diagnostic::new("a.md", 0, "bad").to_string(), "a.md: bad");
    }

    #[test]
    fn line_of_counts_newlines() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }

    #[test]
    fn line_index_agrees_with_line_of() {
        for text in ["", "\n", "a", "a\nb\nc", "\n\nx\n", "héllo\nwörld\n\n"] {
            let index = LineIndex::new(text);
            for offset in 0..text.len() + 3 {
                assert_eq!(
                    index.line_of(offset),
                    line_of(text, offset),
                    "{text:?} {offset}"
                );
            }
        }
    }
}
