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

/// Parallel branches and Map item processors nest at most this deep (the top-level machine is level 1). Parsed
/// text never gets near it (JSON nesting stops first); a `Value` or `Machine` built in code might, and the checker,
/// the simulator and the diagram recurse once per level.
pub const MAX_NESTING: usize = 64;

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
        let message = if e.message.starts_with("nested deeper") {
            format!(
                "the JSON is {} (column {}): more than the lab reads",
                e.message, e.column
            )
        } else {
            format!("not valid JSON (column {}): {}", e.column, e.message)
        };
        vec![AslError {
            line: e.line,
            message: crate::util::sanitize::clean_line(&message),
        }]
    })?;
    check::machine(&value, flavour).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| AslError {
                line: lines.of(&p.pointer),
                // Messages quote names and values from JSON strings, whose escapes may decode to control characters.
                message: crate::util::sanitize::clean_line(&p.message),
            })
            .collect()
    })
}
