//! The default command: open the lessons where the learner stopped, in the TUI or in plain mode.

use std::{
    io::{self, IsTerminal},
    process::ExitCode,
};

use super::{
    learner::{Learner, LearnerHost, Open, stats_markdown},
    load_course, quiz,
};
use crate::{
    cli::Global,
    course::{Course, cheatsheet::cheatsheet},
    plain::{self, Printer},
    quiz::{QuizOptions, QuizSummary, report},
    session::{Outcome, Session},
    tui::{self, Ending, app::App},
};

pub fn run(global: &Global, topic: Option<&str>, step: Option<usize>) -> ExitCode {
    let plain_mode = global.plain;
    let has_terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
    // Everything fallible happens before the terminal changes mode.
    if !plain_mode && !has_terminal {
        eprintln!(
            "dea-tutor: the full-screen tutor needs a terminal (stdin and stdout are not both a terminal).\n\
             Use `dea-tutor --plain` to study over plain text (pipes, scripts, screen readers)."
        );
        return ExitCode::from(2);
    }
    let course = match load_course(global.content.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut learner = match Learner::open(global) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut session = match start_session(course, &learner, topic, step) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let printer = match super::printer_for(global) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let result = if plain_mode {
        run_plain(global, &mut session, &mut learner, &printer)
    } else {
        run_tui(global, session, &mut learner, &printer)
    };
    let (session, quizzes, ending) = match result {
        Ok(r) => r,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            return super::late_problems(course, global.content.as_deref(), learner.exit_code());
        }
        Err(e) => {
            eprintln!("dea-tutor: {e}");
            return ExitCode::from(1);
        }
    };
    let saved = learner.saved_line();
    match ending {
        Ending::Done => {
            let mut md = session.summary();
            // The topics' labels only when a quiz was answered: a big course has a thousand to copy.
            if quizzes.answered > 0 {
                md.push('\n');
                md.push_str(&report::session_markdown(&quizzes, &course.topic_infos()));
            }
            let reread =
                super::learner::reread_markdown(course, &learner, super::learner::Open::Command);
            if !reread.is_empty() {
                md.push('\n');
                md.push_str(&reread);
            }
            out!("{}", printer.text(&md));
            outln!("\n{saved}");
        }
        Ending::Quit => outln!("{saved} Run dea-tutor again to resume."),
        Ending::Signal(sig) => {
            eprintln!("dea-tutor: stopped by signal {sig}. {saved}");
            return ExitCode::from(128 + sig as u8);
        }
    }
    super::late_problems(course, global.content.as_deref(), learner.exit_code())
}

/// The session where the learner stopped, or at `step` (1-based) of `topic` when one is asked for; `Err` when either
/// does not exist (reported on stderr).
fn start_session<'c>(
    course: &'c Course,
    learner: &Learner,
    topic: Option<&str>,
    step: Option<usize>,
) -> Result<Session<'c>, ExitCode> {
    let mut session = Session::new(course, learner.progress.position().as_ref());
    session
        .visited
        .extend(learner.progress.lesson.visited.iter().cloned());
    session
        .completed
        .extend(learner.progress.lesson.completed.iter().cloned());
    let Some(q) = topic else {
        return Ok(session);
    };
    let Some(t) = course.find_topic(q) else {
        eprintln!("dea-tutor: no topic \"{q}\"; `dea-tutor topics` lists them");
        return Err(ExitCode::from(2));
    };
    let count = course.topics[t].step_count();
    let step = step.unwrap_or(1);
    if step == 0 || step > count {
        eprintln!(
            "dea-tutor: topic {} has steps 1 to {count}",
            course.topics[t].number()
        );
        return Err(ExitCode::from(2));
    }
    session.open_topic(t, step - 1);
    session.message = None;
    Ok(session)
}

/// The full-screen tutor, from `session` until the learner leaves.
fn run_tui<'c>(
    global: &Global,
    session: Session<'c>,
    learner: &mut Learner,
    printer: &Printer,
) -> io::Result<(Session<'c>, QuizSummary, Ending)> {
    let course = session.course;
    let mut app = App::new(session, printer.theme.clone());
    app.set_present(global.present, Some(super::projector_theme()));
    app.warning = learner.load_warning.clone();
    let exam_date = learner.exam_date(global);
    let mut host = LearnerHost {
        learner,
        course,
        exam_date,
    };
    tui::run(app, &mut host).map(|(app, e)| (app.session, app.quiz_results, e))
}

/// The lesson loop in plain text; `quiz`, `stats` and `revise` run in between and come back to the lesson.
fn run_plain<'c>(
    global: &Global,
    session: &mut Session<'c>,
    learner: &mut Learner,
    printer: &Printer,
) -> io::Result<(Session<'c>, QuizSummary, Ending)> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = io::stdout().lock();
    let mut quizzes = QuizSummary::default();
    loop {
        let mut save = |s: &Session| learner.record_lesson(s);
        let outcome = plain::lesson::run(session, &mut input, &mut out, printer, &mut save)?;
        let course = session.course;
        let shown = match outcome {
            Outcome::Done | Outcome::Redraw => return Ok((session.clone(), quizzes, Ending::Done)),
            Outcome::Quit => return Ok((session.clone(), quizzes, Ending::Quit)),
            Outcome::Quiz(t) => {
                let opts = QuizOptions::drill(course.topics[t].slug(), learner.exam_date(global));
                let io = plain::quiz::Io {
                    input: &mut input,
                    out: &mut out,
                    printer,
                    step_text: &|t, s| course.step_markdown(t, s),
                };
                quizzes.absorb(quiz::run_plain(course, &opts, learner, io)?);
                continue;
            }
            Outcome::Revise(t) => cheatsheet(course, Some(t)),
            Outcome::Stats => stats_markdown(course, learner, Open::Command),
            Outcome::Plan => super::plan::markdown(
                course,
                &learner.progress,
                learner.exam_date(global),
                chrono::Utc::now(),
                crate::forecast::markdown::Open::Commands,
            ),
            Outcome::Review => {
                let n = super::plan::screen(course, &learner.progress, learner.exam_date(global))
                    .session_items;
                if n == 0 {
                    "Nothing to review or meet today; `plan` shows why.\n".to_string()
                } else {
                    let opts = QuizOptions {
                        count: Some(n),
                        exam_date: learner.exam_date(global),
                        ..QuizOptions::new(crate::quiz::Mode::Quick)
                    };
                    let io = plain::quiz::Io {
                        input: &mut input,
                        out: &mut out,
                        printer,
                        step_text: &|t, s| course.step_markdown(t, s),
                    };
                    quizzes.absorb(quiz::run_plain(course, &opts, learner, io)?);
                    continue;
                }
            }
        };
        io::Write::write_all(&mut out, printer.text(&shown).as_bytes())?;
    }
}

/// The width to wrap plain text at: the terminal's, `COLUMNS`, or 80; kept between 20 and 120 for readability. The
/// terminal is asked only when stdout is one: crossterm's fallback runs `tput cols` in a child process otherwise.
pub fn terminal_width() -> u16 {
    let terminal = || ratatui::crossterm::terminal::size().ok().map(|(w, _)| w);
    let columns = std::env::var("COLUMNS").ok();
    super::wrap_width(io::stdout().is_terminal(), terminal, columns.as_deref())
}
