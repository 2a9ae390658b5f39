//! The quiz engine: quiz files, item selection, options, grading, modes and FSRS scheduling.
pub mod bank;
