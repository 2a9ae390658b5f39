//! What the table says to the learner: the hint items of each screen (fitted to a width by whole items), and the
//! help screen. Generated from `table`, so a renamed word or key changes every hint and the help at once.

use super::table::{Action, KEYS, KeyAct, Scope, WORDS, key_label, word};

/// How the quickest way to a word is written in hints: `r⏎ repeat`, or the word alone.
pub fn hint(action: Action, scope: Scope) -> String {
    let w = word(action, scope);
    match w.short {
        Some(s) => format!("{s}⏎ {}", w.name),
        None => w.name.to_string(),
    }
}

/// The lesson's hint items, most important first. With `keys` (the TUI) the quickest key or abbreviation comes
/// first (`r⏎ repeat`); in plain mode the word comes first and its abbreviation after (`repeat (r)`).
/// `pick_hidden`: a scenario's pick waits on screen, so Enter (and `answer`) shows it rather than continuing.
/// `diagram`: a state machine diagram is on screen, so its JSON source is offered.
pub fn lesson_hints(keys: bool, pick_hidden: bool, diagram: bool) -> Vec<String> {
    let enter = key_label(KeyAct::Primary);
    let lesson = |a| word(a, Scope::Lesson);
    // A command word as this front end offers it: its quickest key or abbreviation first, or the word first.
    let offer = |a| {
        let w = lesson(a);
        match (keys, w.short) {
            (true, _) => hint(a, Scope::Lesson),
            (false, Some(s)) => format!("{} ({s})", w.name),
            (false, None) => w.name.to_string(),
        }
    };
    let mut items = Vec::new();
    if pick_hidden {
        let answer = lesson(Action::Reveal).name;
        items.push(if keys {
            format!("{enter} shows the pick")
        } else {
            format!("{answer} ({enter}) shows the pick")
        });
    }
    // Continue is Enter unless a hidden pick has Enter.
    let c = lesson(Action::Continue);
    items.push(match (keys, pick_hidden) {
        (true, false) => format!("{enter} continue"),
        (true, true) => offer(Action::Continue),
        (false, _) => format!("{} ({enter} or {})", c.name, c.short.unwrap_or_default()),
    });
    items.extend([Action::Repeat, Action::Example, Action::Done].map(offer));
    if diagram {
        items.push(source_hint(keys, Scope::Lesson));
    }
    if keys {
        items.push(format!("{} help", key_label(KeyAct::Help)));
        items.push(scroll_hint());
    }
    items.extend([Action::Topics, Action::Quiz].map(|a| lesson(a).name.to_string()));
    if !keys {
        items.push(lesson(Action::Help).name.to_string());
    }
    items
}

/// "Ctrl-T source" (the TUI) or "source" (plain mode): diagrams ↔ JSON.
pub fn source_hint(keys: bool, scope: Scope) -> String {
    let name = word(Action::Source, scope).name;
    if keys {
        format!("{} {name}", key_label(KeyAct::Source))
    } else {
        name.to_string()
    }
}

/// "↑↓ PgDn scroll", from the keys that scroll.
pub fn scroll_hint() -> String {
    format!(
        "{}{} {} scroll",
        key_label(KeyAct::ScrollUp),
        key_label(KeyAct::ScrollDown),
        key_label(KeyAct::PageDown)
    )
}

/// "1–4 or again/hard/good/easy re-rate", from the rating words.
pub fn rate_hint() -> String {
    let words: Vec<&str> = [Action::Again, Action::Hard, Action::Good, Action::Easy]
        .map(|a| word(a, Scope::Quiz).name)
        .to_vec();
    format!("1–{} or {} re-rate", words.len(), words.join("/"))
}

/// Fits hint items (most important first) on `width` columns, joined by ` · `, dropping whole items from the end
/// rather than cutting one.
pub fn fit(items: &[String], width: usize) -> String {
    let mut out = String::new();
    for item in items {
        let extra = if out.is_empty() { 0 } else { 3 };
        if unicode_width::UnicodeWidthStr::width(out.as_str())
            + extra
            + unicode_width::UnicodeWidthStr::width(item.as_str())
            > width
        {
            break;
        }
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(item);
    }
    out
}

/// The help screen, as markdown: every word and key of both scopes, from this table.
pub fn help_markdown() -> String {
    let mut md = String::from(
        "# Commands\n\nType a word and press Enter. Nothing moves on unless you say so; letters always go to the \
         command line, so a word typed at any speed does exactly what it says.\n\n",
    );
    md.push_str("| In a lesson | Short | Also | What it does |\n| --- | --- | --- | --- |\n");
    words_table(&mut md, Scope::Lesson);
    md.push('\n');
    quiz_words(&mut md, "# In a quiz");
    md.push_str("\n# Keys\n\n| Key | What it does |\n| --- | --- |\n");
    for r in KEYS {
        md.push_str(&format!("| {} | {} |\n", r.label, r.help));
    }
    md.push_str("\nEsc or `back` leaves this screen.\n");
    md
}

/// The quiz's own help screen: its words, and how answers are typed.
pub fn quiz_help_markdown() -> String {
    let mut md = String::new();
    quiz_words(&mut md, "# Quiz commands");
    md.push_str(
        "\nScroll with ↑/↓, PgUp/PgDn, Home/End, `j`/`k` on an empty line, or the mouse wheel. In the mock exam ←/→ \
         move between questions. Enter or Esc goes back to the question.\n",
    );
    md
}

fn quiz_words(md: &mut String, heading: &str) {
    md.push_str(heading);
    md.push_str(
        "\n\nAnswer with letters and Enter: `b⏎`; two at once `a c⏎` (or one at a time, then Enter). A word is \
         never taken as an answer.\n\n| Word | Short | Also | What it does |\n| --- | --- | --- | --- |\n",
    );
    words_table(md, Scope::Quiz);
}

fn words_table(md: &mut String, scope: Scope) {
    for w in WORDS.iter().filter(|w| w.scope == scope) {
        let short = w.short.map(|s| format!("`{s}`")).unwrap_or_default();
        let also: Vec<String> = w.aliases.iter().take(3).map(|a| format!("`{a}`")).collect();
        md.push_str(&format!(
            "| `{}` | {short} | {} | {} |\n",
            w.usage,
            also.join(", "),
            w.help
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_fit_without_cutting_a_word() {
        let items = [
            "Enter continue".to_string(),
            "r⏎ repeat".into(),
            "e⏎ example".into(),
        ];
        assert_eq!(fit(&items, 80), "Enter continue · r⏎ repeat · e⏎ example");
        assert_eq!(fit(&items, 30), "Enter continue · r⏎ repeat");
        assert_eq!(fit(&items, 5), "");
        assert_eq!(hint(Action::Repeat, Scope::Lesson), "r⏎ repeat");
        assert_eq!(hint(Action::Quiz, Scope::Lesson), "quiz");
    }

    #[test]
    fn scroll_and_rate_hints_come_from_the_table() {
        assert_eq!(scroll_hint(), "↑↓ PgDn scroll");
        assert_eq!(rate_hint(), "1–4 or again/hard/good/easy re-rate");
    }

    #[test]
    fn help_lists_every_word_and_key() {
        let md = help_markdown();
        for w in WORDS {
            assert!(md.contains(&format!("`{}`", w.usage)), "{}", w.name);
        }
        // Each key has its own row: its label in the first cell and its help in the second.
        for r in KEYS {
            let row = format!("| {} | {} |", r.label, r.help);
            assert!(md.contains(&row), "{row}");
        }
    }
}
