//! The files built into the binary by build.rs (the built-in course, its assets and themes).

mod files {
    include!(concat!(env!("OUT_DIR"), "/embedded_course.rs"));
}

pub use files::{FILES, INDEX};

/// One built-in file by its path (`assets/themes/dark.toml`).
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}
