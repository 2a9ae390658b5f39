//! A problem found in course content, reported as `path:line: message`.

use std::{cell::Cell, fmt};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file as the author knows it (e.g. `lessons/11-step-functions.md`).
    pub path: String,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            line,
            message: message.into(),
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
    newlines(&text.as_bytes()[..offset.min(text.len())]) + 1
}

/// Line numbers for many offsets of one text, asked mostly in increasing order (as a parser meets them): each answer
/// counts only the newlines since the previous one, so a file costs one pass, not one pass per item as `line_of` per
/// item did (O(n²) for a quiz of n items). An offset before the previous one is counted from the start.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// The last offset answered and its line.
    at: Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            at: Cell::new((0, 1)),
        }
    }

    /// 1-based line number of a byte offset; the same as `line_of(text, offset)`.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let (from, line) = self.at.get();
        let line = if offset >= from {
            line + newlines(&self.text.as_bytes()[from..offset])
        } else {
            line_of(self.text, offset)
        };
        self.at.set((offset, line));
        line
    }
}

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
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
        for text in ["", "a", "\n", "a\nb\nc", "\n\nx\n", "é\nü\n\n"] {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    index.line(offset),
                    line_of(text, offset),
                    "{text:?} at {offset}"
                );
            }
            // Backwards and jumping about too.
            for offset in (0..=text.len() + 2).rev().chain([0, 3, 1, 5, 2]) {
                assert_eq!(
                    index.line(offset),
                    line_of(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }
}
