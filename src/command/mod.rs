//! The learner's words → commands. Forgiving: short forms, synonyms and one-letter typos are understood; anything
//! else becomes `Unknown` with a suggestion, never an error.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Continue,
    Repeat,
    Example,
    /// Show a scenario's pick and why the look-alikes lose.
    Reveal,
    Done,
    /// Back to the current step from an angle, a scenario or a menu.
    Back,
    Topics,
    Goto(String),
    Help,
    Quit,
    Quiz,
    Stats,
    Plan,
    Review,
    /// The revision sheet of the current topic.
    Revise,
    /// Toggle the projector layout.
    Present,
    /// State machine diagrams ↔ their JSON source.
    Source,
    /// `/redrive`, `search redrive`, `find redrive`.
    Search(String),
    Empty,
    Unknown {
        input: String,
        suggestion: Option<&'static str>,
    },
}

pub mod hints;
pub mod table;

use table::{Action, Scope, WORDS};

/// The lesson command an action names (the words with an argument are handled by `parse`).
fn lesson_command(action: Action) -> Option<Command> {
    Some(match action {
        Action::Continue => Command::Continue,
        Action::Repeat => Command::Repeat,
        Action::Example => Command::Example,
        Action::Reveal => Command::Reveal,
        Action::Done => Command::Done,
        Action::Back => Command::Back,
        Action::Topics => Command::Topics,
        Action::Help => Command::Help,
        Action::Quit => Command::Quit,
        Action::Quiz => Command::Quiz,
        Action::Stats => Command::Stats,
        Action::Plan => Command::Plan,
        Action::Review => Command::Review,
        Action::Revise => Command::Revise,
        Action::Present => Command::Present,
        Action::Source => Command::Source,
        _ => return None,
    })
}

/// Every spelling of a lesson word with the command it means.
fn lesson_words() -> impl Iterator<Item = (&'static str, Command)> {
    WORDS
        .iter()
        .filter(|w| w.scope == Scope::Lesson)
        .filter_map(|w| lesson_command(w.action).map(|c| (w, c)))
        .flat_map(|(w, c)| w.spellings().map(move |s| (s, c.clone())))
}

pub fn parse(input: &str) -> Command {
    let text = normalize(input);
    if text.is_empty() {
        return Command::Empty;
    }
    if text == "search" || text == "find" {
        return Command::Search(String::new());
    }
    for prefix in ["/", "search ", "find "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return Command::Search(rest.trim().to_string());
        }
    }
    if let Some((_, cmd)) = lesson_words().find(|(w, _)| *w == text) {
        return cmd;
    }
    // `goto 12`, `go to lake-formation`, `topic 12`, `g 12`, or a bare number.
    if let Some(rest) = argument_of(&text, Action::Goto, Scope::Lesson) {
        return Command::Goto(rest.to_string());
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return Command::Goto(text);
    }
    if table::word(Action::Goto, Scope::Lesson)
        .spellings()
        .any(|s| s == text)
    {
        return Command::Unknown {
            input: input.trim().to_string(),
            suggestion: Some("goto 12"),
        };
    }
    // A one-letter typo of a word of four letters or more ("contineu", "repaet", "exmple").
    let near: Vec<(&str, Command)> = lesson_words()
        .filter(|(w, _)| w.len() >= 4 && edit_distance(w, &text) == 1)
        .collect();
    if let Some((_, cmd)) = near.first()
        && near.iter().all(|(_, c)| c == cmd)
    {
        return cmd.clone();
    }
    // A prefix of a word ("contin", "exam") that names only one command.
    if text.len() >= 3 {
        let starts: Vec<(&str, Command)> = lesson_words()
            .filter(|(w, _)| w.starts_with(&text))
            .collect();
        if let Some((_, cmd)) = starts.first()
            && starts.iter().all(|(_, c)| c == cmd)
        {
            return cmd.clone();
        }
    }
    Command::Unknown {
        input: input.trim().to_string(),
        suggestion: suggest(&text, Scope::Lesson),
    }
}

/// The argument after a word that takes one (`goto 12` → "12"), for any spelling of that word.
pub fn argument_of(text: &str, action: Action, scope: Scope) -> Option<&str> {
    let word = table::word(action, scope);
    word.spellings().find_map(|s| {
        let rest = text.strip_prefix(s)?.strip_prefix(' ')?.trim();
        (!rest.is_empty()).then_some(rest)
    })
}

/// The closest word name of `scope`, if reasonably close.
pub fn suggest(text: &str, scope: Scope) -> Option<&'static str> {
    let first = text.split_whitespace().next().unwrap_or(text);
    WORDS
        .iter()
        .filter(|w| w.scope == scope)
        .map(|w| (edit_distance(w.name, first), w.name))
        .filter(|(d, w)| *d <= 2 && *d < w.len())
        .min()
        .map(|(_, w)| w)
}

/// Tab on a partly typed word: the one word name of `scope` it starts, if only one.
pub fn complete(text: &str, scope: Scope) -> Option<&'static str> {
    let text = text.trim_start().to_lowercase();
    if text.is_empty() || text.contains(' ') {
        return None;
    }
    let mut names = WORDS
        .iter()
        .filter(|w| w.scope == scope && w.name.starts_with(&text))
        .map(|w| w.name);
    let first = names.next()?;
    names.all(|n| n == first).then_some(first)
}

/// One line telling the learner what an unknown word might have meant.
pub fn unknown_message(input: &str, suggestion: Option<&str>) -> String {
    let shown: String = input.chars().take(30).collect();
    match suggestion {
        Some(s) => {
            format!("\"{shown}\" is not a command. Did you mean `{s}`? (help lists them all)")
        }
        None => format!(
            "\"{shown}\" is not a command. Try continue, repeat, example or done (help lists them all)."
        ),
    }
}

fn normalize(input: &str) -> String {
    input
        .trim()
        .trim_end_matches(['.', '!'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), on chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Long inputs are never near a command word; bail out early to keep this O(1) for them.
    if a.len().abs_diff(b.len()) > 3 {
        return a.len().abs_diff(b.len());
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_short_forms() {
        for w in [
            "continue",
            "c",
            "cont",
            "next",
            "Continue",
            "  NEXT  ",
            "continue.",
        ] {
            assert_eq!(parse(w), Command::Continue, "{w}");
        }
        for w in ["repeat", "r", "again"] {
            assert_eq!(parse(w), Command::Repeat, "{w}");
        }
        for w in ["example", "ex", "eg", "e.g.", "e"] {
            assert_eq!(parse(w), Command::Example, "{w}");
        }
        assert_eq!(parse("done"), Command::Done);
        assert_eq!(parse("menu"), Command::Topics);
        assert_eq!(parse("topics"), Command::Topics);
        assert_eq!(parse("?"), Command::Help);
        assert_eq!(parse("q"), Command::Quit);
        assert_eq!(parse(""), Command::Empty);
        assert_eq!(parse("   "), Command::Empty);
    }

    #[test]
    fn goto_forms() {
        assert_eq!(parse("goto 12"), Command::Goto("12".into()));
        assert_eq!(
            parse("go to lake-formation"),
            Command::Goto("lake-formation".into())
        );
        assert_eq!(parse("topic 13"), Command::Goto("13".into()));
        assert_eq!(parse("14"), Command::Goto("14".into()));
        assert_eq!(parse("/Redrive"), Command::Search("redrive".into()));
        assert_eq!(
            parse("search map state"),
            Command::Search("map state".into())
        );
        assert_eq!(parse("/"), Command::Search(String::new()));
        assert!(matches!(
            parse("goto"),
            Command::Unknown {
                suggestion: Some("goto 12"),
                ..
            }
        ));
    }

    #[test]
    fn one_letter_typos() {
        assert_eq!(parse("contineu"), Command::Continue);
        assert_eq!(parse("contnue"), Command::Continue);
        assert_eq!(parse("repaet"), Command::Repeat);
        assert_eq!(parse("exmple"), Command::Example);
        assert_eq!(parse("dnoe"), Command::Done);
        assert_eq!(parse("contin"), Command::Continue);
    }

    #[test]
    fn unknown_words_get_a_suggestion() {
        assert_eq!(
            parse("exampel please"),
            Command::Unknown {
                input: "exampel please".into(),
                suggestion: Some("example")
            }
        );
        assert_eq!(
            parse("xyzzy"),
            Command::Unknown {
                input: "xyzzy".into(),
                suggestion: None
            }
        );
        let msg = unknown_message("xyzzy", None);
        assert!(msg.contains("Try continue, repeat, example or done"));
        assert_eq!(
            unknown_message("contiune now", Some("continue")),
            "\"contiune now\" is not a command. Did you mean `continue`? (help lists them all)"
        );
    }

    #[test]
    fn tab_completes_a_word_only_when_one_fits() {
        assert_eq!(complete("rep", Scope::Lesson), Some("repeat"));
        assert_eq!(complete("ex", Scope::Lesson), Some("example"));
        assert_eq!(complete("s", Scope::Lesson), None, "stats, search");
        assert_eq!(complete("sub", Scope::Quiz), Some("submit"));
        assert_eq!(complete("", Scope::Lesson), None);
        assert_eq!(complete("goto 1", Scope::Lesson), None);
    }

    #[test]
    fn edit_distance_cases() {
        assert_eq!(edit_distance("done", "done"), 0);
        assert_eq!(edit_distance("done", "dnoe"), 1);
        assert_eq!(edit_distance("repeat", "rpeat"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("a", "a very long sentence"), 19);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "\u{0}",
            "🙂",
            "goto 🙂",
            "数据",
            &"x".repeat(10_000),
            "go to    ",
            "1 2 3",
        ] {
            let _ = parse(s);
        }
    }
}
