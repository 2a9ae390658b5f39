//! The terminal front end. One loop owns the terminal; it blocks until something happens (a key, a resize, a
//! signal) and only then updates the state and redraws. The one timer is the mock exam's countdown, which wakes the
//! loop once a second while an exam is on screen. Nothing runs while the learner reads.

pub mod app;
pub mod terminal;
pub mod view;

use std::{
    collections::BTreeMap,
    io,
    sync::mpsc::{self, RecvTimeoutError},
    thread,
    time::Duration,
};

use chrono::{NaiveDate, Utc};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM};

use self::app::App;
use crate::{
    course::Course,
    quiz::{ItemState, QuizOptions, flow::QuizFlow},
    session::{Outcome, Session},
    theme::Theme,
};

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Done,
    Quit,
    /// SIGTERM, SIGHUP or SIGINT: progress is saved, no summary.
    Signal(i32),
}

/// What the loop needs from the rest of the program: saving, the learner's history, the stats text.
pub trait Host {
    /// Saves the lesson position; returns a warning to show if saving failed.
    fn save_lesson(&mut self, s: &Session) -> Option<String>;
    /// Saves one quiz answer; returns a warning to show if saving failed.
    fn save_item(&mut self, id: &str, state: &ItemState) -> Option<String>;
    fn histories(&self) -> &BTreeMap<String, ItemState>;
    fn stats_markdown(&self) -> String;
    /// The steps to re-read that the stats list, in their order (a digit opens one).
    fn reread(&self) -> Vec<crate::quiz::reread::Reread>;
    fn exam_date(&self) -> Option<NaiveDate>;
    /// The Plan screen as of now.
    fn plan(&self) -> PlanScreen;
}

/// What the Plan screen shows and offers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanScreen {
    pub markdown: String,
    /// The steps it lists, in their numbers' order (a digit opens one).
    pub links: Vec<crate::quiz::reread::Reread>,
    /// How many items `review` asks today: the reviews due, then the new items.
    pub session_items: usize,
}

enum Msg {
    Term(Event),
    Signal(i32),
    InputFailed(io::Error),
}

/// Runs the loop until `done`, `quit` or a signal. The terminal is restored on every path out.
pub fn run<'c>(mut app: App<'c>, host: &mut dyn Host) -> io::Result<(App<'c>, Ending)> {
    let (tx, rx) = mpsc::channel();
    // The input thread reads the next key only when the loop says it is done with the last one, so that while an
    // editor has the terminal no key is read behind its back.
    let (ack, acks) = mpsc::channel();
    spawn_input(tx.clone(), acks);
    spawn_signals(tx)?;
    let mut guard = terminal::Guard::enter()?;
    let mut suspended = false;
    let ending = loop {
        let size = guard.terminal.size()?;
        app.prepare(size.into());
        guard.terminal.draw(|f| f.render_widget(&app, f.area()))?;
        let timed = app.quiz.as_ref().is_some_and(|q| q.is_timed());
        let msg = if timed {
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    app.tick();
                    flush_saves(&mut app, host);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("input thread ended"));
                }
            }
        } else {
            rx.recv()
                .map_err(|_| io::Error::other("input thread ended"))?
        };
        let event = match msg {
            Msg::Term(e) => e,
            // `fg` after Ctrl-Z: take the terminal back and redraw everything.
            Msg::Signal(SIGCONT) => {
                if std::mem::take(&mut suspended) {
                    guard.resume()?;
                }
                continue;
            }
            Msg::Signal(sig) => {
                flush_saves(&mut app, host);
                host.save_lesson(&app.session);
                break Ending::Signal(sig);
            }
            Msg::InputFailed(e) => return Err(e),
        };
        if let Event::Key(k) = &event
            && k.kind == KeyEventKind::Press
            && k.code == KeyCode::Char('z')
            && k.modifiers.contains(KeyModifiers::CONTROL)
        {
            host.save_lesson(&app.session);
            guard.suspend();
            suspended = true;
            // Stops the process as Ctrl-Z would outside raw mode; `fg` sends SIGCONT, handled above.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
            let _ = ack.send(());
            continue;
        }
        let before = app.session.position();
        let outcome = app.on_event(&event);
        flush_saves(&mut app, host);
        if let Some(text) = app.pending_edit.take() {
            edit_in_terminal(&mut app, &mut guard, &text)?;
        }
        let _ = ack.send(());
        if (app.session.position() != before || outcome.is_some())
            && let Some(w) = host.save_lesson(&app.session)
        {
            app.warning = Some(w);
        }
        match outcome {
            Some(Outcome::Done) => break Ending::Done,
            Some(Outcome::Quit) => break Ending::Quit,
            Some(o) => open_over_lesson(&mut app, host, o),
            None => {}
        }
    };
    drop(guard);
    // Left mid-quiz (Ctrl-C, a signal): what was recorded so far counts, and is what the shell is told.
    for q in [app.quiz.take(), app.paused.take()].into_iter().flatten() {
        app.quiz_results.absorb(q.summary());
    }
    Ok((app, ending))
}

/// How a screen looks: the theme, and the projector's theme when the projector layout is on.
pub struct Look {
    pub theme: Theme,
    pub projector: Option<Theme>,
}

/// A quiz, the stats or the revision sheet over the lesson, as the lesson's outcome asks.
fn open_over_lesson(app: &mut App, host: &mut dyn Host, outcome: Outcome) {
    let course = app.session.course;
    match outcome {
        Outcome::Quiz(topic) => {
            let opts = QuizOptions::drill(course.topics[topic].slug(), host.exam_date());
            // The topic's bank alone: a lesson's quiz parses one quiz file (fillers come from it too).
            let quiz = QuizFlow::new(
                course.catalog(opts.topic.as_deref()),
                course.topic_infos(),
                &opts,
                host.histories(),
                (app.clock)(),
            );
            app.start_quiz(quiz);
        }
        Outcome::Stats => {
            app.show_overlay("Stats", host.stats_markdown());
            app.overlay_links = host.reread();
        }
        Outcome::Plan => {
            let plan = host.plan();
            app.show_overlay("Plan", plan.markdown);
            app.overlay_links = plan.links;
        }
        Outcome::Review => {
            let n = host.plan().session_items;
            if n == 0 {
                app.session.message =
                    Some("Nothing to review or meet today; `plan` shows why.".into());
                return;
            }
            let opts = QuizOptions {
                count: Some(n),
                exam_date: host.exam_date(),
                ..QuizOptions::new(crate::quiz::Mode::Quick)
            };
            let quiz = QuizFlow::new(
                course.catalog(None),
                course.topic_infos(),
                &opts,
                host.histories(),
                (app.clock)(),
            );
            app.start_quiz(quiz);
        }
        Outcome::Revise(t) => {
            let sheet = crate::course::cheatsheet::cheatsheet(course, Some(t));
            app.show_overlay("Revision sheet", sheet);
        }
        Outcome::Done | Outcome::Quit | Outcome::Redraw => {}
    }
}

/// `dea-tutor quiz` in the TUI: the quiz alone; leaving it ends the program.
pub fn quiz_only(
    course: &Course,
    opts: &QuizOptions,
    host: &mut dyn Host,
    look: Look,
) -> io::Result<crate::quiz::QuizSummary> {
    let mut app = App::new(Session::new(course, None), look.theme);
    app.standalone = true;
    app.set_present(look.projector.is_some(), look.projector);
    app.start_quiz(QuizFlow::new(
        course.catalog(opts.topic.as_deref()),
        course.topic_infos(),
        opts,
        host.histories(),
        Utc::now(),
    ));
    let (app, _) = run(app, &mut QuizOnly(host))?;
    Ok(app.quiz_results)
}

/// `dea-tutor revise` in the TUI: one scrollable document; leaving it ends the program.
pub fn overlay_only(course: &Course, title: &str, markdown: String, look: Look) -> io::Result<()> {
    let mut app = App::new(Session::new(course, None), look.theme);
    app.standalone = true;
    app.set_present(look.projector.is_some(), look.projector);
    app.show_overlay(title, markdown);
    run(app, &mut ReadOnly).map(|_| ())
}

/// A host for screens that record nothing.
struct ReadOnly;

impl Host for ReadOnly {
    fn save_lesson(&mut self, _: &Session) -> Option<String> {
        None
    }
    fn save_item(&mut self, _: &str, _: &ItemState) -> Option<String> {
        None
    }
    fn histories(&self) -> &BTreeMap<String, ItemState> {
        static EMPTY: BTreeMap<String, ItemState> = BTreeMap::new();
        &EMPTY
    }
    fn stats_markdown(&self) -> String {
        String::new()
    }
    fn reread(&self) -> Vec<crate::quiz::reread::Reread> {
        Vec::new()
    }
    fn exam_date(&self) -> Option<NaiveDate> {
        None
    }
    fn plan(&self) -> PlanScreen {
        PlanScreen::default()
    }
}

/// A host that keeps the lesson position untouched: a quiz from the shell is not a lesson move.
struct QuizOnly<'h>(&'h mut dyn Host);

impl Host for QuizOnly<'_> {
    fn save_lesson(&mut self, _: &Session) -> Option<String> {
        None
    }
    fn save_item(&mut self, id: &str, state: &ItemState) -> Option<String> {
        self.0.save_item(id, state)
    }
    fn histories(&self) -> &BTreeMap<String, ItemState> {
        self.0.histories()
    }
    fn stats_markdown(&self) -> String {
        self.0.stats_markdown()
    }
    fn reread(&self) -> Vec<crate::quiz::reread::Reread> {
        self.0.reread()
    }
    fn exam_date(&self) -> Option<NaiveDate> {
        self.0.exam_date()
    }
    fn plan(&self) -> PlanScreen {
        self.0.plan()
    }
}

fn flush_saves(app: &mut App, host: &mut dyn Host) {
    for (id, state) in std::mem::take(&mut app.saves) {
        if let Some(w) = host.save_item(&id, &state) {
            app.warning = Some(w);
        }
    }
}

fn spawn_input(tx: mpsc::Sender<Msg>, acks: mpsc::Receiver<()>) {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(e) => Msg::Term(e),
                    Err(e) => Msg::InputFailed(e),
                };
                let failed = matches!(msg, Msg::InputFailed(_));
                if tx.send(msg).is_err() || failed || acks.recv().is_err() {
                    break;
                }
            }
        })
        .expect("spawn the input thread");
}

/// `edit` on a lab exercise: the terminal goes to the learner's editor and comes back; the quiz runs the result.
fn edit_in_terminal(app: &mut App, guard: &mut terminal::Guard, text: &str) -> io::Result<()> {
    guard.suspend();
    let edited = crate::util::editor::edit(text, ".asl.json");
    guard.resume()?;
    match edited {
        Ok(t) => {
            app.quiz_command(crate::quiz::flow::QuizCommand::Edited(t));
        }
        Err(e) => app.warning = Some(e.to_string()),
    }
    Ok(())
}

fn spawn_signals(tx: mpsc::Sender<Msg>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGCONT])?;
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
