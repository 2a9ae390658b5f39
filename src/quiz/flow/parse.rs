//! A typed line → a quiz command, read against what the screen shows (how many options, whether the answer is
//! typed, whether the class votes). Words come from the one table (`command::table`); a word is never an answer.

use super::QuizCommand;
use crate::{
    command::{
        self,
        table::{Action, Scope, WORDS},
    },
    quiz::Rating,
};

/// What the screen expects, for reading a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect {
    /// Options on screen (0 for typed recall, a review or a result).
    pub options: usize,
    /// How many to pick.
    pub pick: usize,
    /// A typed-recall answer is awaited: free text answers.
    pub typed: bool,
    /// The class votes on a projector.
    pub votes: bool,
    /// Numbers jump to a question (mock exam).
    pub numbers_jump: bool,
    /// An answer was just given: 1–4 re-rate it.
    pub can_rate: bool,
    /// A result screen lists this many steps to re-read: a number opens one.
    pub links: usize,
    /// An answered lab exercise is on screen: `e` edits it (no option letter is awaited then).
    pub lab: bool,
}

impl super::QuizFlow<'_> {
    /// What a typed line means on the current screen.
    pub fn parse(&self, line: &str) -> QuizCommand {
        parse(line, self.expect())
    }

    /// What the screen expects, for the parser (and for the TUI: `j`/`k` type letters while an answer is typed).
    pub fn expect(&self) -> Expect {
        let mut e = Expect {
            options: 0,
            pick: 1,
            typed: false,
            votes: false,
            numbers_jump: false,
            can_rate: false,
            links: 0,
            lab: self.can_edit(),
        };
        match &self.stage {
            super::Stage::Practice {
                session, answered, ..
            } => match (answered, session.prompt()) {
                (Some(_), _) => e.can_rate = !self.present,
                (None, Some(p)) => {
                    e.options = p.options.len();
                    e.pick = p.pick;
                    e.typed = p.typed;
                    e.votes = self.present && !p.typed;
                }
                (None, None) => {}
            },
            super::Stage::Exam { exam } => {
                if let Some(q) = exam.question(exam.current()) {
                    e.options = q.options.len();
                    e.pick = q.pick;
                }
                e.numbers_jump = true;
            }
            super::Stage::Review(_) | super::Stage::Finished(_) => e.links = self.links().len(),
        }
        e
    }
}

pub fn parse(line: &str, e: Expect) -> QuizCommand {
    let text = line
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if text.is_empty() {
        return QuizCommand::Primary;
    }
    if let Some(cmd) = word(&text) {
        return cmd;
    }
    // The one-letter `e` for edit is read only where no option letter is awaited: `e` is option E elsewhere.
    if e.lab && text == "e" {
        return QuizCommand::Edit;
    }
    if let Some(rest) = command::argument_of(&text, Action::Goto, Scope::Quiz) {
        return rest.parse().map_or_else(
            |_| QuizCommand::Refuse("`goto` takes a question number, like `goto 3`.".into()),
            QuizCommand::Goto,
        );
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        let n: usize = text.parse().unwrap_or(0);
        if e.numbers_jump {
            return QuizCommand::Goto(n);
        }
        if e.can_rate && (1..=4).contains(&n) {
            return QuizCommand::Rate(Rating::ALL[n - 1]);
        }
        if (1..=e.links).contains(&n) {
            return QuizCommand::OpenLink(n - 1);
        }
    }
    if e.typed {
        return QuizCommand::Text(line.trim().to_string());
    }
    if e.options > 0
        && let Some(letters) = letters(&text, e)
    {
        return if e.votes {
            QuizCommand::Vote(letters)
        } else {
            let mut v = letters;
            v.sort_unstable();
            v.dedup();
            QuizCommand::Answer(v)
        };
    }
    QuizCommand::Refuse(not_an_answer(line.trim(), &text, e))
}

/// A quiz word: exact spellings only; near misses are suggested, never guessed.
fn word(text: &str) -> Option<QuizCommand> {
    let w = WORDS
        .iter()
        .filter(|w| w.scope == Scope::Quiz)
        .find(|w| w.spellings().any(|s| s == text))?;
    Some(match w.action {
        Action::Next => QuizCommand::Next,
        Action::Prev => QuizCommand::Prev,
        Action::Skip => QuizCommand::Skip,
        Action::Flag => QuizCommand::Flag,
        Action::Submit => QuizCommand::Submit,
        Action::Reveal => QuizCommand::Reveal,
        Action::ClearVotes => QuizCommand::ClearVotes,
        Action::ReadStep => QuizCommand::ReadStep,
        Action::Help => QuizCommand::Help,
        Action::Leave => QuizCommand::Leave,
        Action::Again => QuizCommand::Rate(Rating::Again),
        Action::Hard => QuizCommand::Rate(Rating::Hard),
        Action::Good => QuizCommand::Rate(Rating::Good),
        Action::Easy => QuizCommand::Rate(Rating::Easy),
        Action::Source => QuizCommand::Source,
        Action::Edit => QuizCommand::Edit,
        // `goto` alone, without its number.
        _ => QuizCommand::Refuse("`goto` takes a question number, like `goto 3`.".into()),
    })
}

/// Option letters, as the learner writes them: `b`, `a c`, `a,c`, or `ac` when exactly that many are asked for.
/// Votes keep repeats (`a a b` is two votes for A). Anything else is not letters: a word like `bad` or `done`
/// never becomes an answer.
fn letters(text: &str, e: Expect) -> Option<Vec<usize>> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '+' | '&'))
        .filter(|t| !t.is_empty())
        .collect();
    let run = tokens.len() == 1 && tokens[0].len() > 1;
    let mut out = Vec::new();
    for t in &tokens {
        let t = t.trim_end_matches([')', '.']);
        if t.len() > 1 && !(run && (e.votes || t.len() == e.pick)) {
            return None;
        }
        for c in t.chars() {
            if !c.is_ascii_lowercase() {
                return None;
            }
            let i = usize::from(c as u8 - b'a');
            if i >= e.options {
                return None;
            }
            out.push(i);
        }
    }
    if run && !e.votes {
        // `ac` for two options: distinct letters only (`add` is a word, not A, D, D).
        let mut d = out.clone();
        d.sort_unstable();
        d.dedup();
        if d.len() != out.len() {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

fn not_an_answer(shown: &str, text: &str, e: Expect) -> String {
    let shown: String = shown.chars().take(30).collect();
    let lesson = WORDS
        .iter()
        .find(|w| w.scope == Scope::Lesson && w.spellings().any(|s| s == text));
    if let Some(w) = lesson {
        return format!(
            "`{}` works in the lesson: leave the quiz first (Esc or `done`). Nothing was recorded.",
            w.name
        );
    }
    let near = command::suggest(text, Scope::Quiz);
    let how = if e.options > 0 {
        format!(
            "Type {} and Enter",
            super::screen::letters_wanted(e.options, e.pick)
        )
    } else {
        "Press Enter".to_string()
    };
    match near {
        Some(n) => format!("“{shown}” is not an answer: nothing was recorded. Did you mean `{n}`?"),
        None => format!("“{shown}” is not an answer: nothing was recorded. {how}, or `help`."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(options: usize, pick: usize) -> Expect {
        Expect {
            options,
            pick,
            typed: false,
            votes: false,
            numbers_jump: false,
            can_rate: false,
            links: 0,
            lab: false,
        }
    }

    #[test]
    fn e_edits_only_where_no_option_letter_is_awaited() {
        let answered_lab = Expect {
            options: 0,
            lab: true,
            ..choice(0, 1)
        };
        assert_eq!(parse("e", answered_lab), QuizCommand::Edit);
        assert_eq!(parse("edit", answered_lab), QuizCommand::Edit);
        assert_eq!(parse("e", choice(5, 1)), QuizCommand::Answer(vec![4]));
        assert_eq!(parse("source", choice(4, 1)), QuizCommand::Source);
    }

    #[test]
    fn letters_answer_in_the_forms_people_type() {
        let e = choice(4, 1);
        assert_eq!(parse("b", e), QuizCommand::Answer(vec![1]));
        assert_eq!(parse(" B ", e), QuizCommand::Answer(vec![1]));
        assert_eq!(parse("b)", e), QuizCommand::Answer(vec![1]));
        let two = choice(5, 2);
        assert_eq!(parse("a c", two), QuizCommand::Answer(vec![0, 2]));
        assert_eq!(parse("C,A", two), QuizCommand::Answer(vec![0, 2]));
        assert_eq!(parse("ca", two), QuizCommand::Answer(vec![0, 2]));
        assert_eq!(parse("a", two), QuizCommand::Answer(vec![0]));
    }

    #[test]
    fn words_are_never_answers() {
        let e = choice(4, 1);
        for line in ["done", "quit", "stop"] {
            assert_eq!(parse(line, e), QuizCommand::Leave, "{line}");
        }
        assert_eq!(parse("help", e), QuizCommand::Help);
        assert_eq!(parse("?", e), QuizCommand::Help);
        for line in [
            "stat",
            "next please",
            "what is redrive",
            "bad",
            "dab",
            "add",
            "ab",
            "e",
            "zz",
        ] {
            assert!(
                matches!(parse(line, e), QuizCommand::Refuse(_)),
                "{line}: {:?}",
                parse(line, e)
            );
        }
        let QuizCommand::Refuse(m) = parse("stats", e) else {
            panic!()
        };
        assert!(m.contains("works in the lesson"), "{m}");
        let QuizCommand::Refuse(m) = parse("sumbit", e) else {
            panic!()
        };
        assert!(m.contains("Did you mean `submit`"), "{m}");
        // Three options asked for: "bad" is a word, not B, A, D, unless it is exactly the letters asked for.
        assert!(matches!(parse("add", choice(4, 3)), QuizCommand::Refuse(_)));
    }

    #[test]
    fn enter_numbers_ratings_and_typed_answers() {
        assert_eq!(parse("", choice(4, 1)), QuizCommand::Primary);
        let exam = Expect {
            numbers_jump: true,
            ..choice(4, 1)
        };
        assert_eq!(parse("7", exam), QuizCommand::Goto(7));
        assert_eq!(parse("goto 3", exam), QuizCommand::Goto(3));
        let rated = Expect {
            can_rate: true,
            ..choice(4, 1)
        };
        assert_eq!(parse("3", rated), QuizCommand::Rate(Rating::Good));
        assert_eq!(parse("hard", rated), QuizCommand::Rate(Rating::Hard));
        assert!(matches!(parse("9", rated), QuizCommand::Refuse(_)));
        let typed = Expect {
            typed: true,
            ..choice(0, 1)
        };
        assert_eq!(
            parse("Never expire", typed),
            QuizCommand::Text("Never expire".into())
        );
        assert_eq!(parse("skip", typed), QuizCommand::Skip);
        assert_eq!(parse("done", typed), QuizCommand::Leave);
    }

    #[test]
    fn the_class_votes_with_repeats() {
        let v = Expect {
            votes: true,
            ..choice(4, 1)
        };
        assert_eq!(parse("a a b", v), QuizCommand::Vote(vec![0, 0, 1]));
        assert_eq!(parse("aab", v), QuizCommand::Vote(vec![0, 0, 1]));
        assert_eq!(parse("reveal", v), QuizCommand::Reveal);
        assert!(matches!(parse("done", v), QuizCommand::Leave));
    }
}
