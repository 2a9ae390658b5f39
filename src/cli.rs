//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "dea-tutor",
    version,
    about = "Study AWS DEA-C01 Phase 6 (Orchestration, Automation & Governance) in your terminal",
    after_help = "Without a subcommand, opens the lessons where you left off. In a lesson type continue, repeat, example or done."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Read the course from this folder (lessons/ and quizzes/) instead of the built-in one
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,
    /// Keep progress in this file instead of the platform data folder
    #[arg(long, value_name = "FILE", global = true)]
    pub progress: Option<PathBuf>,
    /// Plain text over stdin/stdout: no full-screen interface (screen readers, scripts)
    #[arg(long, global = true)]
    pub plain: bool,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List the topics: number, title, steps and scenarios
    Topics,
    /// Validate a course folder (the built-in course by default); every problem as path:line: message
    Check {
        /// The course folder (with lessons/ and quizzes/)
        dir: Option<PathBuf>,
        /// Also hold every topic to the built-in course's minimums (steps, scenarios, quiz items)
        #[arg(long)]
        strict: bool,
    },
}
