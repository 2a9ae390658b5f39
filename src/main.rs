#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use dea_tutor::{
    cli::{Cli, Cmd},
    cmd,
};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        None => cmd::study::run(&cli.global, cli.topic.as_deref(), cli.step),
        Some(Cmd::Topics) => match cmd::load_course(cli.global.content.as_deref()) {
            Ok(course) => cmd::revise::write_stdout(&cmd::topics::table(&course)),
            Err(code) => code,
        },
        Some(Cmd::Quiz(args)) => cmd::quiz::run(&cli.global, args),
        Some(Cmd::Stats) => cmd::quiz::stats(&cli.global),
        Some(Cmd::Check { dir, strict }) => {
            cmd::check::run(dir.as_deref().or(cli.global.content.as_deref()), *strict)
        }
        Some(Cmd::Revise(args)) => cmd::revise::run(&cli.global, args),
        Some(Cmd::Export(args)) => cmd::export::run(&cli.global, args),
        Some(Cmd::NewTopic(args)) => cmd::new_topic::run(&cli.global, args),
    }
}
