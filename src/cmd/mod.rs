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
pub mod lab;
pub mod learner;
pub mod new_topic;
pub mod plan;
pub mod quiz;
pub mod revise;
pub mod study;
pub mod topics;

use std::{io::IsTerminal, path::Path, process::ExitCode};

use crate::course::{Course, Diagnostic};

/// Loads the built-in course or `dir`; on failure prints every problem and gives the exit code to return.
/// The course a command works on, for the rest of the process: it is never dropped, because the operating system
/// takes the memory back at exit at once, where freeing a big course's index string by string was a fifth of a
/// 1,000-topic start (callgrind).
pub fn load_course(dir: Option<&Path>) -> Result<&'static Course, ExitCode> {
    match Course::load(dir) {
        Ok(course) => Ok(Box::leak(Box::new(course))),
        Err(diags) => {
            print_diagnostics(&diags, dir);
            Err(ExitCode::from(1))
        }
    }
}

/// `code`, unless a lesson or quiz parsed late (when first shown) turned out unreadable: a file of the folder
/// changed while the tutor ran. Its problems are printed then, and the exit status is 1.
pub fn late_problems(course: &Course, dir: Option<&Path>, code: ExitCode) -> ExitCode {
    let problems = course.late_problems();
    if problems.is_empty() {
        return code;
    }
    print_diagnostics(&problems, dir);
    ExitCode::from(1)
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

/// The wrap width: the terminal's (asked only `on_terminal`), else `COLUMNS` when it is a positive number, else 80;
/// kept between 20 and 120.
pub fn wrap_width(
    on_terminal: bool,
    terminal: impl FnOnce() -> Option<u16>,
    columns: Option<&str>,
) -> u16 {
    let terminal = on_terminal.then(terminal).flatten();
    let env = columns.and_then(|c| c.trim().parse::<u16>().ok());
    (terminal.filter(|&w| w > 0))
        .or(env.filter(|&w| w > 0))
        .unwrap_or(80)
        .clamp(20, 120)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_a_terminal_the_width_comes_from_columns_and_the_terminal_is_never_asked() {
        let never = || -> Option<u16> { panic!("asked the terminal for its size") };
        assert_eq!(wrap_width(false, never, Some("100")), 100);
        assert_eq!(wrap_width(false, never, Some(" 64 ")), 64);
        for bad in [
            None,
            Some(""),
            Some("wide"),
            Some("0"),
            Some("-5"),
            Some("99999"),
        ] {
            assert_eq!(wrap_width(false, never, bad), 80, "{bad:?}");
        }
        assert_eq!(wrap_width(false, never, Some("10")), 20);
        assert_eq!(wrap_width(false, never, Some("500")), 120);
    }

    #[test]
    fn on_a_terminal_its_width_wins_and_columns_is_the_fallback() {
        assert_eq!(wrap_width(true, || Some(90), Some("50")), 90);
        assert_eq!(wrap_width(true, || Some(300), None), 120);
        assert_eq!(wrap_width(true, || None, Some("50")), 50);
        assert_eq!(wrap_width(true, || Some(0), None), 80);
    }
}
