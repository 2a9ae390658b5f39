//! What each command-line entry point does, once the arguments are parsed.

/// `println!`/`print!` that ignore a closed stdout (`dea-tutor topics | head`): a reader that stops early is not
/// an error, and must not turn into a panic.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

pub mod check;
pub mod export;
pub mod learner;
pub mod new_topic;
pub mod quiz;
pub mod revise;
pub mod study;
pub mod topics;

use std::{io::IsTerminal, path::Path, process::ExitCode};

use crate::course::{Course, CourseFiles, Diagnostic};

/// Loads the built-in course or `dir`; on failure prints every problem and gives the exit code to return.
pub fn load_course(dir: Option<&Path>) -> Result<Course, ExitCode> {
    let parsed = match dir {
        Some(d) => CourseFiles::from_dir(d).and_then(|f| f.parse()),
        None => Course::built_in(),
    };
    parsed.map_err(|diags| {
        print_diagnostics(&diags, dir);
        ExitCode::from(1)
    })
}

pub fn print_diagnostics(diags: &[Diagnostic], dir: Option<&Path>) {
    for d in diags {
        match dir {
            // Paths inside the course are relative to it; compare by component, not by text ("l" is no prefix
            // of "lessons/...").
            Some(dir) if !Path::new(&d.path).starts_with(dir) => {
                let shown = Diagnostic {
                    path: dir.join(&d.path).display().to_string(),
                    ..d.clone()
                };
                eprintln!("{shown}");
            }
            _ => eprintln!("{d}"),
        }
    }
}

/// The theme asked for, or monochrome when colour is off; an unknown name is a usage error.
pub fn theme_for(global: &crate::cli::Global) -> Result<crate::theme::Theme, ExitCode> {
    let theme = crate::theme::Theme::named(&global.theme).map_err(|e| {
        eprintln!("dea-tutor: {e}");
        ExitCode::from(2)
    })?;
    Ok(if use_color() {
        theme
    } else {
        crate::theme::Theme::monochrome()
    })
}

/// The printer for plain output: the terminal's width, the theme asked for, colour only where it is wanted.
pub fn printer_for(global: &crate::cli::Global) -> Result<crate::plain::Printer, ExitCode> {
    Ok(crate::plain::Printer {
        width: study::terminal_width(),
        color: use_color(),
        theme: theme_for(global)?,
    })
}

/// The screen's look for the full-screen commands: the theme asked for, and the projector's with `--present`.
pub fn look_for(global: &crate::cli::Global) -> Result<crate::tui::Look, ExitCode> {
    Ok(crate::tui::Look {
        theme: theme_for(global)?,
        projector: global.present.then(projector_theme),
    })
}

/// The projector's theme: high contrast, unless colour is off.
pub fn projector_theme() -> crate::theme::Theme {
    if use_color() {
        crate::theme::Theme::named("high-contrast").unwrap_or_default()
    } else {
        crate::theme::Theme::monochrome()
    }
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
