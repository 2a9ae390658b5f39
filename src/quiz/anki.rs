//! The quizzes as a text file Anki imports (File → Import): one note a line, tab-separated fields, HTML in fields.
//!
//! Rules followed (Anki manual, "Importing → Text Files", https://docs.ankiweb.net/importing/text-files.html, and
//! the "File Headers" table there, Anki 2.1.55+):
//! - UTF-8, one note a line; `#key:value` header lines at the top: `#separator:tab`, `#html:true`,
//!   `#notetype:Basic`, `#deck:...`, `#tags column:3`.
//! - Fields are HTML: `&`, `<`, `>` are written as `&amp;`, `&lt;`, `&gt;`, a new line as `<br>`. Anki reads the
//!   file as CSV with `"` as the quote character and `#` at the start of a line as a comment, so `"` is written as
//!   `&quot;` and a field's leading `#` as `&#35;`. A tab would split a field, so it becomes a space. No raw tab,
//!   new line or carriage return is ever left inside a field.
//! - Tags are separated by spaces, so no tag contains one.
//!
//! No `#columns` header: with one, Anki maps columns to note fields by name, and a Basic note type whose fields are
//! not called "Front" and "Back" (another language) would lose its back; without it, columns map in order.

use super::{
    Question, Trigger,
    grade::{letter, letters},
};
use crate::course::{Course, Topic};

/// The deck the notes go to (when a deck of that name exists; otherwise the one chosen in the import dialog).
pub const DECK: &str = "DEA-C01 Phase 6";
pub const NOTETYPE: &str = "Basic";

/// The header lines, in order, each ending with a new line.
pub fn headers() -> String {
    format!("#separator:tab\n#html:true\n#notetype:{NOTETYPE}\n#deck:{DECK}\n#tags column:3\n")
}

/// One Anki note: the fields already escaped (HTML, one line), the tags joined by spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub front: String,
    pub back: String,
    pub tags: String,
}

impl Note {
    /// The note's line in the file, without the line ending.
    pub fn line(&self) -> String {
        format!("{}\t{}\t{}", self.front, self.back, self.tags)
    }
}

/// Every note of the course (or of the topic at index `topic`): one per trigger, then one per scenario question,
/// topic by topic.
pub fn notes(course: &Course, topic: Option<usize>) -> Vec<Note> {
    let topics: Vec<&Topic> = match topic {
        Some(i) => course.topics.get(i).into_iter().collect(),
        None => course.topics.iter().collect(),
    };
    let mut notes = Vec::new();
    for t in topics {
        let Some(bank) = course.quiz_of(t) else {
            continue;
        };
        let topic_tag = format!("topic-{:02}-{}", t.number(), tag_safe(t.slug()));
        let tags = |kind: &str| format!("dea-c01 phase6 {topic_tag} {kind}");
        notes.extend(
            bank.triggers
                .iter()
                .map(|tr| trigger_note(tr, tags("trigger"))),
        );
        notes.extend(
            bank.questions
                .iter()
                .map(|q| question_note(q, tags("scenario"))),
        );
    }
    notes
}

/// The whole import file: the headers, then one line a note.
pub fn export(course: &Course, topic: Option<usize>) -> String {
    let mut out = headers();
    for note in notes(course, topic) {
        out.push_str(&note.line());
        out.push('\n');
    }
    out
}

fn trigger_note(t: &Trigger, tags: String) -> Note {
    Note {
        front: field(&t.cue),
        back: format!("{}<br><br>{}", field(&t.answer), field(&t.why)),
        tags,
    }
}

fn question_note(q: &Question, tags: String) -> Note {
    let mut front = field(&q.display_stem());
    front.push_str("<br>");
    for (i, choice) in q.choices.iter().enumerate() {
        front.push_str(&format!("<br>{}. {}", letter(i), field(choice)));
    }
    let mut back = format!("Answer: {}", letters(&q.correct));
    for &i in &q.correct {
        if let Some(choice) = q.choices.get(i) {
            back.push_str(&format!("<br>{}. {}", letter(i), field(choice)));
        }
    }
    back.push_str("<br>");
    for (i, why) in q.explain.iter().enumerate() {
        let mark = if q.correct.contains(&i) { '✓' } else { '✗' };
        back.push_str(&format!("<br>{mark} {}. {}", letter(i), field(why)));
    }
    Note { front, back, tags }
}

/// Text as one HTML field: entities for `&`, `<`, `>`, `"`; `<br>` for each line break (`\r\n`, `\n` or `\r`);
/// a space for a tab or any other control character; a leading `#` as `&#35;` (Anki would read the line as a
/// comment).
pub fn field(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '#' if out.is_empty() => out.push_str("&#35;"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A tag has no white space: Anki splits tags at it.
fn tag_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "anki_tests.rs"]
mod tests;
