//! State machine diagrams in lessons: every ```asl block must hold a valid definition, each problem reported at its
//! line in the lesson file (the renderer would otherwise show the errors in place of the diagram).

use super::{Diagnostic, Lesson};
use crate::asl::{self, Flavour};

/// One ```asl block of a lesson: its info string, its text and the file line of its first text line.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub info: String,
    pub text: String,
    pub line: usize,
}

/// The ```asl blocks in `markdown`, whose first line is line `first` of its file.
pub fn blocks(markdown: &str, first: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<(String, String, usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut open {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    let fence = "```".to_string();
                    open = Some((info.trim().to_string(), String::new(), first + i + 1, fence));
                }
            }
            Some((info, text, line_no, fence)) => {
                if trimmed.starts_with(fence.as_str()) && trimmed.trim_end() == fence.as_str() {
                    if info.split_whitespace().next() == Some("asl") {
                        out.push(Block {
                            info: info.clone(),
                            text: std::mem::take(text),
                            line: *line_no,
                        });
                    }
                    open = None;
                } else {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    out
}

/// Every diagram of a lesson's parts (steps, angles, scenarios), checked; and how many there are (the summary's
/// count, found in the same pass).
pub fn check_lesson(l: &Lesson) -> (Vec<Diagnostic>, usize) {
    let mut diags = Vec::new();
    let mut count = 0;
    // Most parts hold no diagram: a fast search for its info word (`asl`, after a fence and any spaces) skips
    // the line-by-line pass.
    let parts = (l.steps.iter().chain(&l.angles).chain(&l.scenarios))
        .filter(|p| p.markdown.contains("asl"));
    for part in parts {
        for b in blocks(&part.markdown, part.line) {
            count += 1;
            let flavour = if b.info.split_whitespace().any(|w| w == "express") {
                Flavour::Express
            } else {
                Flavour::Standard
            };
            if let Err(errors) = asl::parse(&b.text, flavour) {
                for e in errors {
                    diags.push(Diagnostic::new(
                        &l.path,
                        b.line + e.line - 1,
                        format!("state machine diagram: {}", e.message),
                    ));
                }
            }
        }
    }
    (diags, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_asl_blocks_and_their_lines() {
        let md = "text\n```asl\n{\"a\": 1}\n```\n```json\n{}\n```\n```asl express\n{}\n```\n";
        let b = blocks(md, 10);
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].line, b[0].text.as_str()), (12, "{\"a\": 1}\n"));
        assert_eq!((b[1].line, b[1].info.as_str()), (18, "asl express"));
    }
}
