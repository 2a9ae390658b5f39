//! The lesson loop in plain text: the current screen as wrapped text, then a `> ` prompt. End of input means
//! `done`.

use std::io::{self, BufRead, Write};

use super::Printer;
use crate::{
    command::{
        self,
        hints::{fit, lesson_hints},
    },
    session::{Outcome, Session},
};

/// Runs until `done`, `quit`, `quiz`, `stats` or end of input (which is `done`); `save` is called after each
/// command that moved the learner. The caller runs a quiz or shows stats and calls this again to come back.
pub fn run(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    printer: &Printer,
    save: &mut dyn FnMut(&Session) -> Option<String>,
) -> io::Result<Outcome> {
    let mut show = true;
    loop {
        if show {
            print_screen(session, out, printer)?;
        }
        if let Some(m) = session.message.take() {
            writeln!(out, "{}", printer.wrap_plain(&m))?;
        }
        write!(out, "> ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            save(session);
            return Ok(Outcome::Done);
        }
        let before = (session.doc_key(), session.position());
        let cmd = command::parse(&line);
        // A new search shows its hits even on the hit list it replaces.
        let search = matches!(cmd, command::Command::Search(ref q) if !q.is_empty())
            || cmd == command::Command::Source;
        let outcome = session.apply(cmd);
        show = search || session.doc_key() != before.0;
        if (session.position() != before.1 || outcome != Outcome::Redraw)
            && let Some(w) = save(session)
        {
            writeln!(out, "warning: {w}")?;
        }
        if outcome != Outcome::Redraw {
            return Ok(outcome);
        }
    }
}

fn print_screen(session: &Session, out: &mut dyn Write, printer: &Printer) -> io::Result<()> {
    let h = session.header();
    let rule = "─".repeat(usize::from(printer.width).min(80));
    writeln!(out, "{rule}")?;
    let place = format!("Topic {} · {} · {}", h.topic_number, h.title, h.place);
    writeln!(out, "{}", printer.wrap_plain(&place))?;
    writeln!(out, "{rule}")?;
    // Plain text is read by screen readers and scripts: the welcome's ASCII-art banner is noise there.
    let document = if session.screen == crate::session::Screen::Welcome {
        session.welcome(false).into()
    } else {
        session.document()
    };
    let options = crate::render::Options {
        asl_source: session.asl_source,
    };
    write!(out, "{}", printer.text_with(&document, options))?;
    writeln!(out)?;
    let hint = format!(
        "[{}]",
        fit(
            &lesson_hints(
                false,
                session.hidden_pick(),
                crate::render::has_diagram(&document)
            ),
            usize::from(printer.width) - 2
        )
    );
    writeln!(out, "{hint}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::mini_course;

    fn drive(script: &str) -> (String, Outcome, usize) {
        let course = mini_course();
        let mut s = Session::new(&course, None);
        let mut out = Vec::new();
        let mut saves = 0;
        let ending = run(
            &mut s,
            &mut script.as_bytes(),
            &mut out,
            &Printer::mono(60),
            &mut |_| {
                saves += 1;
                None
            },
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), ending, saves)
    }

    #[test]
    fn continue_repeat_example_done() {
        let (out, ending, saves) = drive("continue\ncontinue\nrepeat\nexample\ndone\n");
        assert_eq!(ending, Outcome::Done);
        assert!(out.contains("Step 1 of 3"));
        assert!(out.contains("The first alpha step."));
        assert!(out.contains("The second alpha step."));
        assert!(
            out.contains("Alpha two, said again."),
            "step 2's own re-explanation"
        );
        assert!(
            out.contains("First alpha scenario."),
            "step 2 has no example: a scenario it covers"
        );
        assert!(!out.contains('\x1b'));
        // Welcome → step 1 keeps the saved position (topic 1, step 1); step 1 → 2 saves; done saves.
        assert_eq!(saves, 2);
    }

    #[test]
    fn end_of_input_is_done_and_unknown_words_get_a_line() {
        let (out, ending, _) = drive("blah\n");
        assert_eq!(ending, Outcome::Done);
        assert!(out.contains("\"blah\" is not a command."));
    }
}
