//! The quiz engine: quiz files, item selection, options, grading, modes and FSRS scheduling.
pub mod bank;
// TEMPORARY stand-in until the quiz engine lands.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ItemState {
    pub last_review: chrono::DateTime<chrono::Utc>,
    pub reps: u32,
}
