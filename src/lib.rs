#![forbid(unsafe_code)]
//! dea-tutor: an interactive terminal tutor for the AWS DEA-C01 exam, Phase 6.
//!
//! Everything but `tui` and `plain` is the core: it knows nothing of terminals and is tested without one.

pub mod asl;
pub mod cli;
pub mod cmd;
pub mod command;
pub mod course;
pub mod forecast;
pub mod plain;
pub mod progress;
pub mod quiz;
pub mod render;
pub mod session;
pub mod theme;
pub mod tui;
pub mod util;
