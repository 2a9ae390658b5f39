//! Command-line arguments. Each option is its own small struct, flattened into the top level (where every option is
//! accepted, as the lessons use them all) and into each subcommand that uses it, so a subcommand's `--help` lists
//! only its own options. [`Cli::global`] folds the two places into one [`Global`]: the later one wins.

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
    pub options: AllOptions,
    /// Open this topic (number or slug) instead of where you stopped — for a class resuming mid-topic
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// With --topic: open at this step (1 = the first)
    #[arg(long, value_name = "N", requires = "topic")]
    pub step: Option<usize>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// The options in effect for a run, wherever on the command line they were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Global {
    pub content: Option<PathBuf>,
    pub progress: Option<PathBuf>,
    pub plain: bool,
    pub present: bool,
    pub theme: String,
    pub exam_date: Option<NaiveDate>,
}

// No doc comments on the option structs: clap may take one for the about text of a command it joins.

#[derive(Debug, Clone, Default, Args)]
pub struct ContentOpt {
    /// Read the course from this folder (lessons/ and quizzes/) instead of the built-in one
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct ProgressOpt {
    /// Keep progress in this file instead of the platform data folder
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct PlainOpt {
    /// Plain text over stdin/stdout: no full-screen interface (screen readers, scripts)
    #[arg(long)]
    pub plain: bool,
}

#[derive(Debug, Clone, Default, Args)]
pub struct PresentOpt {
    /// Projector layout for a class: high contrast, wide margins, a big step counter, quiz answers hidden until
    /// revealed (the `present` command toggles it)
    #[arg(long)]
    pub present: bool,
}

#[derive(Debug, Clone, Default, Args)]
pub struct ThemeOpt {
    /// Colour theme: dark (the default), light or high-contrast (NO_COLOR turns colour off whatever the theme)
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct ExamDateOpt {
    /// Your exam day (YYYY-MM-DD), remembered once given: reviews are scheduled so every item comes back before
    /// it, and `plan` counts down to it
    #[arg(long, value_name = "DATE")]
    pub exam_date: Option<NaiveDate>,
}

/// Every option a run can use: the top level accepts all of them, and so does `quiz`, which uses all of them.
#[derive(Debug, Clone, Default, Args)]
pub struct AllOptions {
    #[command(flatten)]
    pub content: ContentOpt,
    #[command(flatten)]
    pub progress: ProgressOpt,
    #[command(flatten)]
    pub plain: PlainOpt,
    #[command(flatten)]
    pub present: PresentOpt,
    #[command(flatten)]
    pub theme: ThemeOpt,
    #[command(flatten)]
    pub exam_date: ExamDateOpt,
}

impl AllOptions {
    fn given(&self) -> Vec<&dyn Given> {
        vec![
            &self.content,
            &self.progress,
            &self.plain,
            &self.present,
            &self.theme,
            &self.exam_date,
        ]
    }
}

/// An option as given in one place on the command line, laid over what was given before it.
trait Given {
    fn apply(&self, g: &mut Global);
}

impl Given for ContentOpt {
    fn apply(&self, g: &mut Global) {
        if let Some(c) = &self.content {
            g.content = Some(c.clone());
        }
    }
}
impl Given for ProgressOpt {
    fn apply(&self, g: &mut Global) {
        if let Some(p) = &self.progress {
            g.progress = Some(p.clone());
        }
    }
}
impl Given for PlainOpt {
    fn apply(&self, g: &mut Global) {
        g.plain |= self.plain;
    }
}
impl Given for PresentOpt {
    fn apply(&self, g: &mut Global) {
        g.present |= self.present;
    }
}
impl Given for ThemeOpt {
    fn apply(&self, g: &mut Global) {
        if let Some(t) = &self.theme {
            g.theme = t.clone();
        }
    }
}
impl Given for ExamDateOpt {
    fn apply(&self, g: &mut Global) {
        if self.exam_date.is_some() {
            g.exam_date = self.exam_date;
        }
    }
}

impl Cli {
    /// The options before the subcommand, overridden by those after it.
    pub fn global(&self) -> Global {
        let mut g = Global {
            content: None,
            progress: None,
            plain: false,
            present: false,
            theme: "dark".into(),
            exam_date: None,
        };
        let before = self.options.given();
        let after = self.command.as_ref().map(Cmd::options).unwrap_or_default();
        for o in before.into_iter().chain(after) {
            o.apply(&mut g);
        }
        g
    }
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List the topics: number, title, steps and scenarios
    Topics(ContentOpt),
    /// Drill trigger words, answer exam scenarios, sit a timed mock exam, or review what is due
    Quiz(QuizArgs),
    /// Mastery and lessons read per topic, accuracy, reviews due, the weakest trigger phrases
    Stats(StatsArgs),
    /// Ready by exam day: your forecast score on the exam date and today's plan to reach the pass mark
    Plan(PlanArgs),
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
    /// The Step Functions lab: predict a run, then watch it (`lab run FILE` simulates any definition)
    Lab(crate::cmd::lab::LabArgs),
}

impl Cmd {
    /// The options this subcommand takes after its name.
    fn options(&self) -> Vec<&dyn Given> {
        match self {
            Cmd::Topics(content) => vec![content],
            Cmd::Quiz(a) => a.options.given(),
            Cmd::Stats(a) => vec![&a.content, &a.progress, &a.theme],
            Cmd::Plan(a) => vec![&a.content, &a.progress, &a.theme, &a.exam_date],
            Cmd::Check { .. } => vec![],
            Cmd::Revise(a) => vec![&a.content, &a.plain, &a.present, &a.theme],
            Cmd::Export(a) => {
                let crate::cmd::export::ExportTo::Anki { content, .. } = &a.to;
                vec![content]
            }
            Cmd::NewTopic(a) => vec![&a.content],
            Cmd::Lab(a) => a.options.given(),
        }
    }
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// A topic number (11) or slug (step-functions); all topics when left out
    #[arg(long, short)]
    pub topic: Option<String>,
    /// drill (trigger words) · scenario (exam questions) · exam (timed mock) · due (reviews due) ·
    /// cram (weakest first) · quick (ten items, about five minutes) · lab (Step Functions runs: predict, then run)
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
    #[command(flatten)]
    pub options: AllOptions,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub content: ContentOpt,
    #[command(flatten)]
    pub progress: ProgressOpt,
    #[command(flatten)]
    pub theme: ThemeOpt,
}

/// `dea-tutor plan`: the exam date is remembered once given.
#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub content: ContentOpt,
    #[command(flatten)]
    pub progress: ProgressOpt,
    #[command(flatten)]
    pub theme: ThemeOpt,
    #[command(flatten)]
    pub exam_date: ExamDateOpt,
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
