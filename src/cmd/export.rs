//! `dea-tutor export anki`: the quizzes as a file Anki imports.

use std::{path::PathBuf, process::ExitCode};

use clap::{Args, Subcommand};

use super::{
    load_course,
    revise::{topic_arg, write_stdout},
};
use crate::{
    cli::{ContentOpt, Global},
    quiz::anki,
};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub to: ExportTo,
}

#[derive(Debug, Subcommand)]
pub enum ExportTo {
    /// Every trigger and scenario question as an Anki note (tab-separated text; File → Import in Anki)
    Anki {
        /// A topic number (11) or slug (step-functions); all topics when left out
        #[arg(long, short)]
        topic: Option<String>,
        /// Write to this file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        content: ContentOpt,
    },
}

pub fn run(global: &Global, args: &ExportArgs) -> ExitCode {
    let ExportTo::Anki { topic, out, .. } = &args.to;
    let course = match load_course(global.content.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let topic = match topic_arg(course, topic.as_deref()) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let notes = anki::notes(course, topic);
    if notes.is_empty() {
        eprintln!("dea-tutor: warning: no quiz items to export");
    }
    let text = anki::export(course, topic);
    if !course.late_problems().is_empty() {
        return super::late_problems(course, global.content.as_deref(), ExitCode::SUCCESS);
    }
    match out {
        None => write_stdout(&text),
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => {
                eprintln!("Wrote {} notes to {}", notes.len(), path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("dea-tutor: cannot write {}: {e}", path.display());
                ExitCode::from(1)
            }
        },
    }
}
