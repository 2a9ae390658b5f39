//! The default command: open the lessons where the learner stopped, in the TUI or in plain mode.

use std::{
    io::{self, IsTerminal},
    path::PathBuf,
    process::ExitCode,
};

use super::{load_course, use_color};
use crate::{
    cli::Global,
    plain,
    progress::{Progress, store::Store},
    render,
    session::Session,
    theme::Theme,
    tui::{self, Ending, app::App},
};

pub fn run(global: &Global) -> ExitCode {
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
    let Some(path) = progress_path(global) else {
        eprintln!("dea-tutor: no data folder for this user; pass --progress FILE");
        return ExitCode::from(2);
    };
    let store = Store::new(path);
    let (mut progress, report) = match store.load() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dea-tutor: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(w) = &report.warning {
        eprintln!("dea-tutor: warning: {w}");
    }
    let mut session = Session::new(&course, progress.position().as_ref());
    session
        .visited
        .extend(progress.lesson.visited.iter().cloned());
    session
        .completed
        .extend(progress.lesson.completed.iter().cloned());

    let mut save_failed = None;
    let mut save = |s: &Session| -> Option<String> {
        record(&mut progress, s);
        match store.save(&progress) {
            Ok(merged) => {
                progress = merged;
                None
            }
            Err(e) => {
                let w = format!("progress NOT saved: {e}");
                save_failed = Some(w.clone());
                Some(w)
            }
        }
    };

    let color = use_color();
    let result = if plain_mode {
        let width = terminal_width();
        let opts = plain::lesson::Options { width, color };
        let stdin = io::stdin();
        let mut input = stdin.lock();
        let mut out = io::stdout().lock();
        plain::lesson::run(&mut session, &mut input, &mut out, &opts, &mut save)
            .map(|e| (session, e))
    } else {
        let theme = if color {
            Theme::dark()
        } else {
            Theme::monochrome()
        };
        let mut app = App::new(session, theme);
        app.warning = report.warning.clone();
        tui::run(app, &mut save).map(|(app, e)| (app.session, e))
    };
    let (session, ending) = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dea-tutor: {e}");
            return ExitCode::from(1);
        }
    };
    let saved = match &save_failed {
        Some(w) => format!("Warning: {w}"),
        None => format!("Progress saved to {}.", store.path().display()),
    };
    match ending {
        Ending::Done => {
            let width = terminal_width();
            let theme = if color {
                Theme::dark()
            } else {
                Theme::monochrome()
            };
            let lines = render::render(&session.summary(), width, &theme);
            print!("{}", plain::ansi::write_lines(&lines, color));
            println!("\n{saved}");
        }
        Ending::Quit => println!("{saved} Run dea-tutor again to resume."),
        Ending::Signal(sig) => {
            eprintln!("dea-tutor: stopped by signal {sig}. {saved}");
            return ExitCode::from(128 + sig as u8);
        }
    }
    if save_failed.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn record(progress: &mut Progress, s: &Session) {
    progress.set_position(&s.position());
    progress.lesson.visited.extend(s.visited.iter().cloned());
    progress
        .lesson
        .completed
        .extend(s.completed.iter().cloned());
}

pub fn progress_path(global: &Global) -> Option<PathBuf> {
    global.progress.clone().or_else(Store::default_path)
}

/// The width to wrap plain text at: the terminal's, `COLUMNS`, or 80; kept between 20 and 120 for readability.
pub fn terminal_width() -> u16 {
    let w = ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| w)
        .filter(|_| io::stdout().is_terminal())
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .unwrap_or(80);
    w.clamp(20, 120)
}
