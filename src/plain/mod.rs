//! The same loops over stdin/stdout, without raw mode: for screen readers, odd terminals, scripts and tests.

pub mod ansi;
pub mod lesson;
pub mod quiz;
