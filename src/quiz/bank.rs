//! TEMPORARY stand-in until the quiz engine lands (same signatures).
use crate::course::Diagnostic;

#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub id: String,
    pub cue: String,
    pub answer: String,
    pub accept: Vec<String>,
    pub decoys: Vec<String>,
    pub why: String,
    pub line: usize,
}
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub stem: String,
    pub choices: Vec<String>,
    pub correct: Vec<usize>,
    pub explain: Vec<String>,
    pub line: usize,
}
#[derive(Debug, Clone, PartialEq)]
pub struct QuizBank {
    pub path: String,
    pub topic: String,
    pub triggers: Vec<Trigger>,
    pub questions: Vec<Question>,
}
pub fn parse(path: &str, text: &str) -> Result<QuizBank, Vec<Diagnostic>> {
    let v: toml::Table =
        toml::from_str(text).map_err(|e| vec![Diagnostic::new(path, 1, e.message())])?;
    Ok(QuizBank {
        path: path.into(),
        topic: v
            .get("topic")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .into(),
        triggers: vec![],
        questions: vec![],
    })
}
pub fn check_course(_banks: &[QuizBank], _slugs: &[String]) -> Vec<Diagnostic> {
    vec![]
}
