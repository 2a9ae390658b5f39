//! The terminal front end. One loop owns the terminal; it blocks until something happens (a key, a resize, a
//! signal), updates the state and redraws. Nothing runs while the learner reads.

pub mod app;
pub mod terminal;
pub mod view;

use std::{io, sync::mpsc, thread};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use self::app::App;
use crate::session::{Outcome, Session};

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Done,
    Quit,
    /// SIGTERM, SIGHUP or SIGINT: progress is saved, no summary.
    Signal(i32),
}

enum Msg {
    Term(Event),
    Signal(i32),
    InputFailed(io::Error),
}

/// Called after every command with the session, to save progress; returns a warning to show if saving failed.
pub type Saver<'a> = dyn FnMut(&Session) -> Option<String> + 'a;

/// Runs the lesson loop until `done`, `quit` or a signal. The terminal is restored on every path out.
pub fn run<'c>(mut app: App<'c>, save: &mut Saver) -> io::Result<(App<'c>, Ending)> {
    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    spawn_signals(tx)?;
    let mut guard = terminal::Guard::enter()?;
    let ending = loop {
        let size = guard.terminal.size()?;
        app.prepare(size.into());
        guard.terminal.draw(|f| f.render_widget(&app, f.area()))?;
        let msg = rx
            .recv()
            .map_err(|_| io::Error::other("input thread ended"))?;
        let event = match msg {
            Msg::Term(e) => e,
            Msg::Signal(sig) => {
                save(&app.session);
                break Ending::Signal(sig);
            }
            Msg::InputFailed(e) => return Err(e),
        };
        if let Event::Key(k) = &event
            && k.kind == KeyEventKind::Press
            && k.code == KeyCode::Char('z')
            && k.modifiers.contains(KeyModifiers::CONTROL)
        {
            save(&app.session);
            guard.suspend();
            // Stops the process like Ctrl-Z would outside raw mode; execution resumes here after `fg`.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
            guard.resume()?;
            continue;
        }
        let before = app.session.position();
        let outcome = app.on_event(&event);
        if (app.session.position() != before || outcome.is_some())
            && let Some(w) = save(&app.session)
        {
            app.warning = Some(w);
        }
        match outcome {
            Some(Outcome::Done) => break Ending::Done,
            Some(Outcome::Quit) => break Ending::Quit,
            Some(Outcome::Quiz(_)) | Some(Outcome::Stats) | Some(Outcome::Redraw) | None => {}
        }
    };
    drop(guard);
    Ok((app, ending))
}

fn spawn_input(tx: mpsc::Sender<Msg>) {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(e) => Msg::Term(e),
                    Err(e) => Msg::InputFailed(e),
                };
                let failed = matches!(msg, Msg::InputFailed(_));
                if tx.send(msg).is_err() || failed {
                    break;
                }
            }
        })
        .expect("spawn the input thread");
}

fn spawn_signals(tx: mpsc::Sender<Msg>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if tx.send(Msg::Signal(sig)).is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}
