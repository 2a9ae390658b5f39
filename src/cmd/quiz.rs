//! `dea-tutor quiz` and `dea-tutor stats`.

use std::{
    io::{self, IsTerminal},
    process::ExitCode,
};

use super::{
    learner::{Learner, LearnerHost, Open, stats_markdown},
    load_course,
};
use crate::{
    cli::{Global, QuizArgs},
    course::Course,
    plain,
    quiz::{Mode, QuizOptions, QuizSummary},
    tui,
};

pub fn run(global: &Global, args: &QuizArgs) -> ExitCode {
    let has_terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
    if !global.plain && !has_terminal {
        eprintln!(
            "dea-tutor: the full-screen quiz needs a terminal. Use `dea-tutor --plain quiz ...` for plain text."
        );
        return ExitCode::from(2);
    }
    let course = match load_course(global.content.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let topic = match &args.topic {
        None => None,
        Some(q) => match course.find_topic(q) {
            Some(i) => Some(course.topics[i].slug().to_string()),
            None => {
                eprintln!("dea-tutor: no topic \"{q}\"; `dea-tutor topics` lists them");
                return ExitCode::from(2);
            }
        },
    };
    let mut learner = match Learner::open(global) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let exam_date = learner.exam_date(global);
    if args.mode == Mode::Due
        && !super::plan::any_due(course, topic.as_deref(), &learner.progress.items)
    {
        // Nothing to ask: say when the next review is and what the plan offers instead.
        outln!("{}", super::plan::nothing_due(course, &learner, exam_date));
        return learner.exit_code();
    }
    let opts = QuizOptions {
        mode: args.mode,
        topic,
        count: args.count,
        seed: args.seed,
        exam_date,
        typed: args.typed,
    };
    let result = if global.plain {
        let printer = match super::printer_for(global) {
            Ok(p) => p,
            Err(code) => return code,
        };
        run_plain(
            course,
            &opts,
            &mut learner,
            plain::quiz::Io {
                input: &mut io::stdin().lock(),
                out: &mut io::stdout().lock(),
                printer: &printer,
                step_text: &|t, s| course.step_markdown(t, s),
            },
        )
    } else {
        let mut host = LearnerHost {
            learner: &mut learner,
            course,
            exam_date,
        };
        let look = match super::look_for(global) {
            Ok(l) => l,
            Err(code) => return code,
        };
        let summary = tui::quiz_only(course, &opts, &mut host, look);
        // The full screen is gone: the score stays in the shell.
        if let Ok(s) = &summary {
            outln!("{}", s.score_line(opts.mode.title()));
        }
        summary
    };
    let dir = global.content.as_deref();
    match result {
        Ok(_) => {
            outln!("{}", learner.saved_line());
            super::late_problems(course, dir, learner.exit_code())
        }
        // The reader went away (`| head`): every answer given was saved; nothing to report.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            super::late_problems(course, dir, learner.exit_code())
        }
        Err(e) => {
            eprintln!("dea-tutor: {e}");
            ExitCode::from(1)
        }
    }
}

/// A quiz in plain text; every answer is saved as soon as it is given.
pub fn run_plain(
    course: &Course,
    opts: &QuizOptions,
    learner: &mut Learner,
    io: plain::quiz::Io<'_>,
) -> io::Result<QuizSummary> {
    let topics = course.topic_infos();
    let mut histories = learner.progress.items.clone();
    let mut sink = |id: &str, state: &crate::quiz::ItemState| -> io::Result<()> {
        if let Some(w) = learner.record_item(id, state) {
            eprintln!("dea-tutor: warning: {w}");
        }
        Ok(())
    };
    let mut clock = chrono::Utc::now;
    plain::quiz::run(
        io,
        course.catalog(opts.topic.as_deref()),
        &topics,
        opts,
        &mut histories,
        &mut sink,
        &mut clock,
    )
}

pub fn stats(global: &Global) -> ExitCode {
    let course = match load_course(global.content.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let learner = match Learner::open(global) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let printer = match super::printer_for(global) {
        Ok(p) => p,
        Err(code) => return code,
    };
    out!(
        "{}",
        printer.text(&stats_markdown(course, &learner, Open::Command))
    );
    ExitCode::SUCCESS
}
