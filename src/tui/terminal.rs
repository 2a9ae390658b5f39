//! Owning the terminal: raw mode, the alternate screen and mouse capture go on together and always come off
//! together — on return, on error (the guard's `Drop`), and on panic (a hook that runs before the default one).

use std::{
    io::{self, Stdout, stdout},
    sync::Once,
};

use ratatui::{
    Terminal,
    backend::CrosstermBackend,
    crossterm::{
        cursor::Show,
        event::{DisableMouseCapture, EnableMouseCapture},
        execute,
        terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
    },
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

pub struct Guard {
    pub terminal: Term,
}

static HOOK: Once = Once::new();

impl Guard {
    pub fn enter() -> io::Result<Self> {
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        enable_raw_mode()?;
        let entered = execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
            .and_then(|_| Terminal::new(CrosstermBackend::new(stdout())));
        match entered {
            Ok(terminal) => Ok(Self { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Gives the terminal back (for Ctrl-Z) and takes it again after `fg`.
    pub fn suspend(&mut self) {
        restore();
    }

    pub fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        // Not `clear()`: it asks the terminal for the cursor position, and the answer would be read by the
        // input thread instead. `resize` clears and forces a full redraw without asking anything.
        let area = self.terminal.size()?.into();
        self.terminal.resize(area)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undo everything `enter` did. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
}
