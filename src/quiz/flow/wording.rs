//! The quiz flow's sentences: how many letters to type, what was picked, why nothing is asked.

use std::collections::{BTreeMap, HashSet};

use crate::{
    quiz::{ItemState, Mode, Prompt, catalog::Catalog, grade::letter},
    util::text::plural,
};

/// "a letter (A–D)", "2 letters (A–E)".
pub fn letters_wanted(options: usize, pick: usize) -> String {
    format!("{} ({})", letters_count(pick), range(options))
}

pub fn letters_count(pick: usize) -> String {
    if pick == 1 {
        "a letter".into()
    } else {
        plural(pick, "letter")
    }
}

pub(super) fn range(options: usize) -> String {
    format!("A–{}", letter(options.saturating_sub(1)))
}

/// What is picked so far in a multiple-response question.
pub fn picked_line(picked: &[usize], pick: usize) -> String {
    if picked.is_empty() {
        return format!("pick {pick}");
    }
    let list: Vec<String> = picked.iter().map(|&i| letter(i).to_string()).collect();
    let then = if picked.len() == pick {
        ", Enter answers"
    } else {
        ""
    };
    format!("picked {} of {pick}{then}", list.join(" "))
}

/// The reminder after a line that did not answer.
pub fn what_now(p: &Prompt, picked: &[usize]) -> String {
    if p.typed {
        return "Type the answer and press Enter, or skip.".into();
    }
    if p.multiple {
        return format!(
            "Choose {} ({}): {}.",
            letters_count(p.pick),
            range(p.options.len()),
            picked_line(picked, p.pick)
        );
    }
    format!(
        "Type {} and press Enter.",
        letters_wanted(p.options.len(), 1)
    )
}

pub fn class_how(options: usize) -> String {
    format!(
        "Type the class's letters ({}) and Enter to count votes; Enter on an empty line reveals.",
        range(options)
    )
}

/// An error's text as a sentence.
pub fn sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect::<String>() + ".",
        None => String::new(),
    }
}

/// Why nothing is asked: for reviews due, when the next one falls due.
pub fn nothing_to_ask(
    catalog: &Catalog,
    topic: Option<&str>,
    histories: &BTreeMap<String, ItemState>,
    mode: Mode,
) -> String {
    let banks = (0..catalog.len()).filter(|&b| topic.is_none_or(|t| t == catalog.topic(b)));
    let banks: Vec<usize> = banks.collect();
    if let Some(t) = topic
        && banks.is_empty()
    {
        return format!("There is no quiz for topic `{t}`.");
    }
    if mode != Mode::Due {
        return "Nothing to ask now.".into();
    }
    let ids: HashSet<&str> = (banks.iter())
        .flat_map(|&b| catalog.entries(b))
        .map(|e| e.id.as_str())
        .collect();
    let in_scope = |id: &str| ids.contains(id);
    let next = (histories.iter())
        .filter(|(id, _)| in_scope(id))
        .map(|(_, s)| s.due)
        .min();
    match next {
        Some(due) => format!(
            "Nothing is due now. Next review due {}; meanwhile `quiz --mode drill` introduces new items.",
            due.format("%Y-%m-%d %H:%M UTC")
        ),
        None => {
            "Nothing is due: no item has been answered yet. Start with `quiz --mode drill`.".into()
        }
    }
}
