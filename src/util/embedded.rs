//! The files built into the binary by build.rs (the built-in course, its assets and themes).

mod files {
    include!(concat!(env!("OUT_DIR"), "/embedded_course.rs"));
}

pub use files::{FILES, INDEX};

/// A section of a built-in lesson, as build.rs found it: `(name, heading offset, content start, content end, rules)`
/// in its body (the text after the front matter).
pub type Section = (&'static str, usize, usize, usize, &'static [(usize, usize)]);

/// One built-in lesson's sections, in order.
pub type Outline = &'static [Section];

/// The sections of the built-in lesson `path` (`lessons/11-step-functions.md`).
pub fn outline(path: &str) -> Option<Outline> {
    files::OUTLINES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, o)| *o)
}

/// One built-in file by its path (`assets/themes/dark.toml`).
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}
