//! The course model: lessons (front matter, steps, named sections) and their quizzes, loaded from the built-in
//! copy or from a folder, and checked.

pub mod diagnostic;

pub use diagnostic::Diagnostic;
