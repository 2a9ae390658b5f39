//! The one table of words and keys. The lesson parser, the quiz parser, the TUI's key map, the help screen, the
//! footer hints and plain mode's prompts all read it, so a word or a key is added, renamed or explained here once.
//!
//! The input model (docs/architecture.md): letters always go to the command line, so any word can be typed at any
//! speed. Only keys that cannot start a word act on their own: Enter on an empty line, Esc, the arrows, PgUp/PgDn,
//! Home/End, Tab, `?`, and `j`/`k`/space for scrolling while the line is empty. The one-letter abbreviations are
//! typed like words (`r⏎`).

/// What a word or key asks for, in the lesson or in a quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // The lesson loop.
    Continue,
    Repeat,
    Example,
    Done,
    Back,
    Topics,
    Goto,
    Help,
    Quit,
    Quiz,
    Stats,
    /// The exam-day forecast and today's plan.
    Plan,
    /// Today's session as the plan says: the reviews due, then the new items.
    Review,
    Revise,
    Present,
    Search,
    // A quiz.
    Next,
    Prev,
    Skip,
    Flag,
    Submit,
    Reveal,
    ClearVotes,
    /// Re-read the step the item on screen depends on.
    ReadStep,
    Leave,
    Again,
    Hard,
    Good,
    Easy,
    /// A state machine diagram ↔ its JSON source.
    Source,
    /// A lab exercise's definition, edited and run again.
    Edit,
}

/// Where a word works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Lesson,
    Quiz,
}

/// One command word: its name (shown in help and hints), a one-letter abbreviation typed like a word, and synonyms.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub action: Action,
    pub scope: Scope,
    pub name: &'static str,
    pub short: Option<&'static str>,
    pub aliases: &'static [&'static str],
    /// How it is written in help when it takes an argument (`goto 12`).
    pub usage: &'static str,
    pub help: &'static str,
}

impl Word {
    /// Every spelling that means this word: name, abbreviation, synonyms.
    pub fn spellings(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name)
            .chain(self.short)
            .chain(self.aliases.iter().copied())
    }
}

const fn w(
    action: Action,
    scope: Scope,
    name: &'static str,
    short: Option<&'static str>,
    aliases: &'static [&'static str],
    help: &'static str,
) -> Word {
    Word {
        action,
        scope,
        name,
        short,
        aliases,
        usage: name,
        help,
    }
}

use Action as A;
use Scope::{Lesson as L, Quiz as Q};

#[rustfmt::skip] // one row a word: the table reads as a table
pub const WORDS: &[Word] = &[
    w(A::Continue, L, "continue", Some("c"), &["cont", "next", "n", "go on", "ok"], "the next step; after the last one, the next topic"),
    w(A::Repeat, L, "repeat", Some("r"), &["rep", "again", "re-explain", "reexplain", "explain again"], "the same ideas said another way"),
    w(A::Example, L, "example", Some("e"), &["ex", "eg", "e.g.", "examples", "scenario", "another example"], "an exam scenario that shows it at work"),
    w(A::Reveal, L, "answer", None, &["reveal", "show answer", "pick"], "a scenario's pick and why the look-alikes lose (or Enter)"),
    w(A::Done, L, "done", Some("d"), &["stop", "finish"], "stop: a summary, and your place is saved"),
    w(A::Back, L, "back", Some("b"), &[], "back to your step from an aside, a menu or a search"),
    w(A::Topics, L, "topics", Some("t"), &["menu", "m", "list"], "list the topics"),
    Word { usage: "goto 12", ..w(A::Goto, L, "goto", Some("g"), &["go to", "go", "topic", "open"], "open a topic by number or slug (a bare number works too)") },
    w(A::Quiz, L, "quiz", None, &["drill", "test me"], "drill this topic's trigger words"),
    w(A::Stats, L, "stats", None, &["progress"], "mastery, accuracy, reviews due"),
    w(A::Plan, L, "plan", None, &["forecast", "today"], "the exam-day forecast and today's plan (or F2)"),
    w(A::Review, L, "review", None, &["reviews", "due"], "today's reviews and new items, as the plan says"),
    w(A::Revise, L, "revise", None, &["sheet", "cheat sheet"], "this topic's revision sheet"),
    Word { usage: "/retry", ..w(A::Search, L, "search", None, &["find"], "search every lesson (Tab / Shift-Tab step through the matches)") },
    w(A::Present, L, "present", None, &["projector"], "the projector layout on or off"),
    w(A::Source, L, "source", None, &["diagram", "asl"], "state machine diagrams ↔ their JSON source (or Ctrl-T)"),
    w(A::Help, L, "help", Some("h"), &["?", "commands"], "the commands and keys"),
    w(A::Quit, L, "quit", Some("q"), &["exit"], "save and leave without the summary"),
    // A quiz. Letters answer first: a line that is an option on screen is that option, so no quiz word is a letter
    // a question of the course could offer (A to F).
    w(A::Next, Q, "next", Some("n"), &["continue", "cont"], "the next item (or question)"),
    w(A::Prev, Q, "prev", Some("p"), &["previous", "back"], "the previous question (mock exam)"),
    w(A::Skip, Q, "skip", None, &[], "skip this item: nothing is recorded"),
    w(A::Flag, Q, "flag", None, &["mark"], "flag this question to come back to (mock exam)"),
    Word { usage: "goto 7", ..w(A::Goto, Q, "goto", None, &["go to", "go", "question"], "jump to a question (mock exam; a bare number works too)") },
    w(A::Submit, Q, "submit", None, &["finish"], "hand in the mock exam"),
    w(A::Reveal, Q, "reveal", None, &["show", "answer"], "reveal the answer to the class (projector)"),
    w(A::ClearVotes, Q, "clear", None, &["reset"], "clear the class's votes (projector)"),
    w(A::Again, Q, "again", None, &[], "re-rate the last answer: forgot it"),
    w(A::Hard, Q, "hard", None, &[], "re-rate the last answer: recalled with effort"),
    w(A::Good, Q, "good", None, &[], "re-rate the last answer: recalled"),
    w(A::Easy, Q, "easy", None, &[], "re-rate the last answer: trivial"),
    w(A::Source, Q, "source", None, &["diagram", "asl"], "state machine diagrams ↔ their JSON source (or Ctrl-T)"),
    w(A::Edit, Q, "edit", None, &["change"], "after a lab exercise's answer: change its definition in your editor and run it again (or e⏎)"),
    w(A::ReadStep, Q, "step", None, &["read", "reread", "re-read"], "after an answer: open the step that teaches it, then come back (or Tab)"),
    w(A::Help, Q, "help", Some("h"), &["?", "commands"], "the quiz commands and keys"),
    w(A::Leave, Q, "done", None, &["quit", "stop", "leave", "exit", "q"], "leave the quiz: your score so far is shown and kept"),
];

/// A key that acts on its own. Keys are named abstractly so the core stays free of any terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Enter,
    Esc,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Backspace,
    /// A printable key; only `?`, `j`, `k` and space act alone, and only on an empty line.
    Char(char),
    /// 1 to 9: on an empty line, where a numbered list of steps to re-read is shown, opens that entry (elsewhere a
    /// digit is typed like any character).
    Digit,
    /// A function key (F2 opens the plan): it types nothing, so it may act at any time.
    Function(u8),
    CtrlC,
    CtrlD,
    CtrlT,
}

/// What a key does. `Primary` is the screen's default move: continue a lesson, open the selected topic or hit,
/// submit a picked answer, go to the next quiz item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAct {
    Primary,
    Escape,
    Help,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Tab: completes the word being typed; on an empty line, the next search match.
    Complete,
    PrevMatch,
    PrevQuestion,
    NextQuestion,
    /// Backspace on an empty line: clears the class's votes on the projector.
    ClearVotes,
    /// A digit on a list of steps to re-read.
    PickLink,
    /// State machine diagrams ↔ their JSON source.
    Source,
    /// The Plan screen.
    Plan,
    Quit,
    Done,
}

/// One key of the table. `empty_line_only` keys type into the command line once it has text.
#[derive(Debug, Clone, Copy)]
pub struct KeyRow {
    pub key: Key,
    pub label: &'static str,
    pub act: KeyAct,
    pub empty_line_only: bool,
    pub help: &'static str,
}

const fn k(key: Key, label: &'static str, act: KeyAct, empty: bool, help: &'static str) -> KeyRow {
    KeyRow {
        key,
        label,
        act,
        empty_line_only: empty,
        help,
    }
}

#[rustfmt::skip] // one row a key
pub const KEYS: &[KeyRow] = &[
    k(Key::Enter, "Enter", KeyAct::Primary, true, "on an empty line: continue (next item in a quiz; open the selected topic or hit)"),
    k(Key::Esc, "Esc", KeyAct::Escape, false, "clear the line; on an empty line, back (leaves help, menus, search, a quiz)"),
    k(Key::Char('?'), "?", KeyAct::Help, true, "help (on a projector: show or hide the hint line)"),
    k(Key::Up, "↑", KeyAct::ScrollUp, false, "scroll (move in the topic menu and search hits)"),
    k(Key::Down, "↓", KeyAct::ScrollDown, false, "scroll (move in the topic menu and search hits)"),
    k(Key::Char('k'), "k", KeyAct::ScrollUp, true, "scroll up while the line is empty"),
    k(Key::Char('j'), "j", KeyAct::ScrollDown, true, "scroll down while the line is empty"),
    k(Key::PageUp, "PgUp", KeyAct::PageUp, false, "a page up"),
    k(Key::PageDown, "PgDn", KeyAct::PageDown, false, "a page down"),
    k(Key::Char(' '), "space", KeyAct::PageDown, true, "a page down while the line is empty"),
    k(Key::Home, "Home", KeyAct::Top, true, "the top"),
    k(Key::End, "End", KeyAct::Bottom, true, "the bottom"),
    k(Key::Tab, "Tab", KeyAct::Complete, false, "complete the word being typed; the next search match; after a quiz answer, the step that teaches it"),
    k(Key::BackTab, "Shift-Tab", KeyAct::PrevMatch, true, "the previous search match"),
    k(Key::Left, "←", KeyAct::PrevQuestion, true, "the previous question (mock exam)"),
    k(Key::Right, "→", KeyAct::NextQuestion, true, "the next question (mock exam)"),
    k(Key::Backspace, "Backspace", KeyAct::ClearVotes, true, "clear the class's votes (projector quiz)"),
    k(Key::CtrlT, "Ctrl-T", KeyAct::Source, false, "state machine diagrams ↔ their JSON source"),
    k(Key::Digit, "1–9", KeyAct::PickLink, true, "on a list of steps to re-read (stats, the plan): open that step"),
    k(Key::Function(2), "F2", KeyAct::Plan, false, "the exam-day forecast and today's plan"),
    k(Key::CtrlD, "Ctrl-D", KeyAct::Done, false, "done"),
    k(Key::CtrlC, "Ctrl-C", KeyAct::Quit, false, "save and leave at once"),
];

/// What `key` does with the command line in its current state; `None` means the key edits the line (or nothing).
pub fn key_act(key: Key, line_empty: bool) -> Option<KeyAct> {
    KEYS.iter()
        .find(|r| r.key == key && (line_empty || !r.empty_line_only))
        .map(|r| r.act)
}

/// The key's label as help and hints show it.
pub fn key_label(act: KeyAct) -> &'static str {
    KEYS.iter().find(|r| r.act == act).map_or("", |r| r.label)
}

/// The row of a word.
pub fn word(action: Action, scope: Scope) -> &'static Word {
    WORDS
        .iter()
        .find(|w| w.action == action && w.scope == scope)
        .expect("every action used has a word in its scope")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_spelling_means_two_things_in_one_scope() {
        for scope in [Scope::Lesson, Scope::Quiz] {
            let mut seen = std::collections::HashMap::new();
            for w in WORDS.iter().filter(|w| w.scope == scope) {
                for s in w.spellings() {
                    if let Some(other) = seen.insert(s, w.action) {
                        assert_eq!(other, w.action, "{s:?} is two commands in {scope:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn no_quiz_word_is_an_option_letter() {
        for w in WORDS.iter().filter(|w| w.scope == Scope::Quiz) {
            for s in w.spellings() {
                let letter = s.len() == 1 && ('a'..='f').contains(&s.chars().next().unwrap());
                assert!(!letter, "{s} would shadow an answer letter");
            }
        }
    }

    #[test]
    fn letters_never_act_alone_except_scrolling_on_an_empty_line() {
        for r in KEYS {
            if let Key::Char(c) = r.key {
                assert!(r.empty_line_only, "{c} must type once the line has text");
                assert!(
                    matches!(c, '?' | 'j' | 'k' | ' '),
                    "{c} would collide with typing a word"
                );
            }
        }
        // No command word starts with a letter that acts alone.
        for w in WORDS {
            for s in w.spellings() {
                assert!(!s.starts_with(['j', 'k', ' ']), "{s}");
            }
        }
        assert_eq!(key_act(Key::Char('j'), true), Some(KeyAct::ScrollDown));
        assert_eq!(key_act(Key::Char('j'), false), None);
        assert_eq!(
            key_act(Key::Enter, false),
            None,
            "Enter with text runs the line"
        );
        assert_eq!(key_act(Key::Down, false), Some(KeyAct::ScrollDown));
    }
}
