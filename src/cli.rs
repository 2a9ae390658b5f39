//! Command-line arguments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::quiz::Mode;

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
    /// Open this topic (number or slug) instead of where you stopped — for a class resuming mid-topic
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// With --topic: open at this step (1 = the first)
    #[arg(long, value_name = "N", requires = "topic")]
    pub step: Option<usize>,
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
    /// Projector layout for a class: high contrast, wide margins, a big step counter, quiz answers hidden until
    /// revealed (the `present` command toggles it)
    #[arg(long, global = true)]
    pub present: bool,
    /// Colour theme: dark, light or high-contrast (NO_COLOR turns colour off whatever the theme)
    #[arg(long, value_name = "NAME", global = true, default_value = "dark")]
    pub theme: String,
    /// Your exam day (YYYY-MM-DD): reviews are scheduled so every item comes back before it
    #[arg(long, value_name = "DATE", global = true)]
    pub exam_date: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List the topics: number, title, steps and scenarios
    Topics,
    /// Drill trigger words, answer exam scenarios, sit a timed mock exam, or review what is due
    Quiz(QuizArgs),
    /// Mastery per topic, accuracy, reviews due, the weakest trigger phrases
    Stats,
    /// Validate a course folder (the built-in course by default); every problem as path:line: message
    Check {
        /// The course folder (with lessons/ and quizzes/)
        dir: Option<PathBuf>,
        /// Also hold every topic to the built-in course's minimums (steps, scenarios, quiz items)
        #[arg(long)]
        strict: bool,
    },
    /// The five-minute revision sheet: taglines, memory hacks, exam signals and comparisons of every topic
    Revise(crate::cmd::revise::ReviseArgs),
    /// Export the quizzes for another tool: `export anki` writes a file Anki imports
    Export(crate::cmd::export::ExportArgs),
    /// Scaffold a topic for a course author: lessons/NN-slug.md and quizzes/NN-slug.toml, listed in course.toml
    NewTopic(crate::cmd::new_topic::NewTopicArgs),
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// A topic number (11) or slug (step-functions); all topics when left out
    #[arg(long, short)]
    pub topic: Option<String>,
    /// drill (trigger words) · scenario (exam questions) · exam (timed mock) · due (reviews due) ·
    /// cram (weakest first) · quick (ten items, about five minutes)
    #[arg(long, short, default_value = "drill")]
    pub mode: Mode,
    /// How many items (default: all for drill/scenario/due, 20 for exam and cram, 10 for quick)
    #[arg(long, short = 'n')]
    pub count: Option<usize>,
    /// Make the order and the options reproducible
    #[arg(long)]
    pub seed: Option<u64>,
    /// Type the answer to trigger cues instead of picking from four options
    #[arg(long)]
    pub typed: bool,
}
