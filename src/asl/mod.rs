//! Amazon States Language (the JSONPath query language): the definition checked and typed (`check`, `model`), its
//! paths and intrinsic functions, a simulator of executions (`sim`) and a flow diagram (`diagram`). Imports only
//! `util`: lessons, quizzes and both front ends use it, and it knows none of them.

pub mod check;
pub mod diagram;
pub mod intrinsic;
pub mod json;
pub mod model;
pub mod path;
pub mod report;
pub mod sim;

pub use model::{Flavour, Machine};

/// A definition problem at a 1-based line of the definition's own text.
#[derive(Debug, Clone, PartialEq)]
pub struct AslError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for AslError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Definitions over 1 MB are refused before parsing: AWS's own limit for a state machine definition.
pub const MAX_DEFINITION_BYTES: usize = 1024 * 1024;

/// Parses and checks a definition's text; every problem comes back at once, each with its line.
pub fn parse(text: &str, flavour: Flavour) -> Result<Machine, Vec<AslError>> {
    if text.len() > MAX_DEFINITION_BYTES {
        return Err(vec![AslError {
            line: 1,
            message: format!(
                "the definition is {} bytes; Step Functions accepts at most 1 MB",
                text.len()
            ),
        }]);
    }
    let (value, lines) = json::parse_with_lines(text).map_err(|e| {
        vec![AslError {
            line: e.line,
            message: format!("not valid JSON (column {}): {}", e.column, e.message),
        }]
    })?;
    check::machine(&value, flavour).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| AslError {
                line: lines.of(&p.pointer),
                message: p.message,
            })
            .collect()
    })
}
