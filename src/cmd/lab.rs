//! `dea-tutor lab`: the Step Functions lab's exercises (a quiz in "predict, then run" mode), and `lab run FILE`,
//! which simulates any definition with a scripted set of Task outcomes.

use std::{fs, path::PathBuf, process::ExitCode};

use clap::{Args, Subcommand, ValueEnum};

use crate::{
    asl::{self, Flavour, json, report, sim},
    cli::{AllOptions, Global, QuizArgs},
    quiz::Mode,
};

#[derive(Debug, Args)]
pub struct LabArgs {
    #[command(subcommand)]
    pub action: Option<LabAction>,
    /// A topic number or slug for the exercises (all topics' lab exercises when left out)
    #[arg(long, short)]
    pub topic: Option<String>,
    #[command(flatten)]
    pub options: AllOptions,
}

#[derive(Debug, Subcommand)]
pub enum LabAction {
    /// Simulate an execution of a state machine definition (a JSON file of Amazon States Language)
    Run(RunArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WorkflowType {
    Standard,
    Express,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The definition (JSON); `-` reads standard input
    pub file: PathBuf,
    /// The workflow type: Express rejects .sync and .waitForTaskToken and stops at five minutes
    #[arg(long = "type", value_enum, default_value = "standard")]
    pub flavour: WorkflowType,
    /// The execution input (JSON)
    #[arg(long, default_value = "{}")]
    pub input: String,
    /// What a Task's attempts do, in order: STATE=OUTCOME[,OUTCOME…] with OUTCOME fail:ERROR[:CAUSE] or ok[:JSON]
    /// (repeat the option for more states). An unscripted attempt succeeds with its input.
    #[arg(long, value_name = "STATE=OUTCOMES")]
    pub script: Vec<String>,
    /// text (the diagram with the path taken, the history, each state's input and output) or json
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

pub fn run(global: &Global, args: &LabArgs) -> ExitCode {
    match &args.action {
        Some(LabAction::Run(r)) => run_file(global, r),
        None => {
            let quiz = QuizArgs {
                topic: args.topic.clone(),
                mode: Mode::Lab,
                count: None,
                seed: None,
                typed: false,
                options: args.options.clone(),
            };
            super::quiz::run(global, &quiz)
        }
    }
}

fn read(file: &PathBuf) -> Result<String, String> {
    if file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("standard input: {e}"))?;
        return Ok(s);
    }
    let meta = fs::metadata(file).map_err(|e| format!("{}: {e}", file.display()))?;
    if meta.len() > asl::MAX_DEFINITION_BYTES as u64 {
        return Err(format!(
            "{}: {} bytes; Step Functions accepts definitions of at most 1 MB",
            file.display(),
            meta.len()
        ));
    }
    fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))
}

fn run_file(global: &Global, args: &RunArgs) -> ExitCode {
    let name = args.file.display().to_string();
    let text = match read(&args.file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("dea-tutor: {e}");
            return ExitCode::from(2);
        }
    };
    let flavour = match args.flavour {
        WorkflowType::Standard => Flavour::Standard,
        WorkflowType::Express => Flavour::Express,
    };
    let machine = match asl::parse(&text, flavour) {
        Ok(m) => m,
        Err(errors) => {
            for e in errors {
                eprintln!("{name}:{}: {}", e.line, e.message);
            }
            return ExitCode::from(1);
        }
    };
    let input = match json::parse(&args.input) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("dea-tutor: --input is not JSON: {e}");
            return ExitCode::from(2);
        }
    };
    let script = match sim::Script::parse(&args.script) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dea-tutor: --script: {e}");
            return ExitCode::from(2);
        }
    };
    let run = sim::run(
        &machine,
        sim::Setup {
            flavour,
            input,
            script,
        },
    );
    match args.format {
        Format::Json => outln!("{}", run.to_json().pretty()),
        Format::Text => {
            let printer = match super::printer_for(global) {
                Ok(p) => p,
                Err(code) => return code,
            };
            out!("{}", printer.text(&report::markdown(&text, &run)));
        }
    }
    for (state, n) in &run.unused {
        eprintln!(
            "dea-tutor: warning: {n} scripted outcome(s) for \"{state}\" were never used (is the name right?)"
        );
    }
    if run.stopped.is_some() {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}
