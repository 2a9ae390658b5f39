//! `dea-tutor revise`: the five-minute revision sheet, rendered for the terminal or as raw markdown.

use std::{
    io::{self, IsTerminal, Write},
    process::ExitCode,
};

use clap::{Args, ValueEnum};

use super::load_course;
use crate::{
    cli::{ContentOpt, Global, PlainOpt, PresentOpt, ThemeOpt},
    course::Course,
    course::cheatsheet::cheatsheet,
};

#[derive(Debug, Args)]
pub struct ReviseArgs {
    /// A topic number (11) or slug (step-functions); all topics when left out
    #[arg(long, short)]
    pub topic: Option<String>,
    /// text (rendered at the terminal width) or markdown (raw, e.g. `> sheet.md`)
    #[arg(long, short, value_enum, default_value_t = SheetFormat::Text)]
    pub format: SheetFormat,
    #[command(flatten)]
    pub content: ContentOpt,
    #[command(flatten)]
    pub plain: PlainOpt,
    #[command(flatten)]
    pub present: PresentOpt,
    #[command(flatten)]
    pub theme: ThemeOpt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    Text,
    Markdown,
}

pub fn run(global: &Global, args: &ReviseArgs) -> ExitCode {
    let course = match load_course(global.content.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let topic = match topic_arg(course, args.topic.as_deref()) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let md = cheatsheet(course, topic);
    // A lesson that could not be parsed when the sheet asked for it: its problem, not a sheet with a hole.
    if !course.late_problems().is_empty() {
        return super::late_problems(course, global.content.as_deref(), ExitCode::SUCCESS);
    }
    match args.format {
        SheetFormat::Markdown => write_stdout(&md),
        // On a terminal the sheet opens scrollable in the full screen; --plain or a pipe prints it.
        SheetFormat::Text
            if !global.plain && io::stdin().is_terminal() && io::stdout().is_terminal() =>
        {
            let look = match super::look_for(global) {
                Ok(l) => l,
                Err(code) => return code,
            };
            match crate::tui::overlay_only(course, "Revision sheet", md, look) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("dea-tutor: {e}");
                    ExitCode::from(1)
                }
            }
        }
        SheetFormat::Text => match super::printer_for(global) {
            Ok(printer) => write_stdout(&printer.text(&md)),
            Err(code) => code,
        },
    }
}

/// Writes `text` to standard output; a reader that stops early (`| head`) is not an error.
pub fn write_stdout(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("dea-tutor: cannot write to standard output: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// `--topic` by number or slug; an unknown one is reported and gives exit status 2.
pub fn topic_arg(course: &Course, query: Option<&str>) -> Result<Option<usize>, ExitCode> {
    match query {
        None => Ok(None),
        Some(q) => match course.find_topic(q) {
            Some(i) => Ok(Some(i)),
            None => {
                eprintln!("dea-tutor: no topic \"{q}\"; `dea-tutor topics` lists them");
                Err(ExitCode::from(2))
            }
        },
    }
}
