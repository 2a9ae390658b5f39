#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use dea_tutor::{
    cli::{Cli, Cmd},
    cmd,
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let global = cli.global();
    match &cli.command {
        None => cmd::study::run(&global, cli.topic.as_deref(), cli.step),
        Some(Cmd::Topics(_)) => match cmd::load_course(global.content.as_deref()) {
            Ok(course) => cmd::revise::write_stdout(&cmd::topics::table(course)),
            Err(code) => code,
        },
        Some(Cmd::Quiz(args)) => cmd::quiz::run(&global, args),
        Some(Cmd::Stats(_)) => cmd::quiz::stats(&global),
        Some(Cmd::Plan(_)) => cmd::plan::run(&global),
        // `dea-tutor --content DIR check` checks DIR, as before `check` took a folder of its own.
        Some(Cmd::Check { dir, strict }) => {
            cmd::check::run(dir.as_deref().or(global.content.as_deref()), *strict)
        }
        Some(Cmd::Revise(args)) => cmd::revise::run(&global, args),
        Some(Cmd::Export(args)) => cmd::export::run(&global, args),
        Some(Cmd::NewTopic(args)) => cmd::new_topic::run(&global, args),
        Some(Cmd::Lab(args)) => cmd::lab::run(&global, args),
    }
}
