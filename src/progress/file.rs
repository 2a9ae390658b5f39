//! The progress file's text. Reading it (a version 1 file is migrated: its one position and item map were the
//! built-in course's), merging one course with what is on disk, and writing the text again while re-using the text
//! of every item and every other course that did not change — with 50,000 histories that is what keeps a save within
//! budget.
//!
//! ```toml
//! version = 2
//!
//! [courses.built-in.lesson]
//! topic = "lake-formation"
//! step = 3
//! visited = ["step-functions"]
//! completed = []
//!
//! [courses.built-in.items.sfn-retry]
//! due = 2025-03-04T09:00:00Z
//! ...
//!
//! [courses."/home/me/my-course".lesson]
//! ...
//! ```

use std::{cmp::Ordering, collections::BTreeMap, ops::Range};

use serde::Deserialize;

use super::{LessonProgress, Progress, VERSION};
use crate::{course::manifest::BUILT_IN_KEY, quiz::ItemState, util::diagnostic::line_of};

/// Every course of a file, by key, and the version it was written in.
#[derive(Debug)]
pub struct Parsed {
    pub version: u32,
    pub courses: BTreeMap<String, Progress>,
}

/// The file as serde reads it, either version.
#[derive(Deserialize)]
struct OnDisk {
    version: u32,
    #[serde(default)]
    courses: BTreeMap<String, Progress>,
    /// Version 1: the one course, at the top level.
    #[serde(default)]
    lesson: Option<LessonProgress>,
    #[serde(default)]
    items: BTreeMap<String, ItemState>,
}

/// Parses a progress file of any version; the error is `line: message`.
pub fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "0: not UTF-8 text".to_string())?;
    if text.trim().is_empty() {
        return Err("1: the file is empty (a torn write?)".into());
    }
    let disk = toml::from_str::<OnDisk>(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        format!("{line}: {}", e.message().trim())
    })?;
    let mut courses = disk.courses;
    if disk.version < 2 && (disk.lesson.is_some() || !disk.items.is_empty()) {
        // Before courses had keys there was only the built-in one.
        let old = Progress {
            lesson: disk.lesson.unwrap_or_default(),
            items: disk.items,
        };
        courses.entry(BUILT_IN_KEY.to_string()).or_insert(old);
    }
    Ok(Parsed {
        version: disk.version,
        courses,
    })
}

/// The file as last read or written, seen from one course: its own progress, item by item, and the other courses.
#[derive(Debug, Default)]
pub struct Image {
    pub lesson: LessonProgress,
    pub items: BTreeMap<String, Entry>,
    pub others: BTreeMap<String, Other>,
    /// The file's text when this store wrote it (empty after a read).
    pub text: String,
}

#[derive(Debug)]
pub struct Entry {
    pub state: ItemState,
    /// Where this item's table is in `Image::text`, when it is there.
    pub span: Option<Range<usize>>,
}

/// A course this store does not save for: written back as it was found.
#[derive(Debug)]
pub struct Other {
    pub progress: Progress,
    /// Where all of its tables are in `Image::text`, when they are there.
    pub span: Option<Range<usize>>,
}

impl Image {
    /// `ours` (a copy of it) and the `others`, as read from a file.
    pub fn of(ours: &Progress, others: BTreeMap<String, Progress>) -> Self {
        let entry = |state: &ItemState| Entry {
            state: state.clone(),
            span: None,
        };
        Self {
            lesson: ours.lesson.clone(),
            items: (ours.items.iter())
                .map(|(id, s)| (id.clone(), entry(s)))
                .collect(),
            others: (others.into_iter())
                .map(|(key, progress)| {
                    (
                        key,
                        Other {
                            progress,
                            span: None,
                        },
                    )
                })
                .collect(),
            text: String::new(),
        }
    }
}

/// `progress` (course `key`) with the file's content folded in, exactly as `Progress::merge_from_disk` does (for each
/// item the more recent review wins; visited and completed topics are united; the position stays ours), and the new
/// file's text with every other course as it was, all in key order.
pub fn merge(
    progress: &Progress,
    key: &str,
    disk: Image,
) -> Result<(Progress, Image), toml::ser::Error> {
    let mut lesson = progress.lesson.clone();
    lesson.absorb(disk.lesson);
    let mut entries = merge_items(&progress.items, disk.items);
    let merged = Progress {
        lesson,
        items: (entries.iter())
            .map(|(id, e)| (id.clone(), e.state.clone()))
            .collect(),
    };
    let old = disk.text;
    let mut text = String::with_capacity(old.len() + 1024);
    text.push_str(&format!("version = {VERSION}\n"));
    let mut before = disk.others;
    let mut after = before.split_off(key);
    write_others(&mut text, &mut before, &old)?;
    write_lesson(&mut text, key, &merged.lesson)?;
    for (id, entry) in &mut entries {
        let start = text.len();
        match entry.span.as_ref().and_then(|r| old.get(r.clone())) {
            Some(old) => text.push_str(old),
            None => write_item(&mut text, key, id, &entry.state)?,
        }
        entry.span = Some(start..text.len());
    }
    write_others(&mut text, &mut after, &old)?;
    before.append(&mut after);
    let image = Image {
        lesson: merged.lesson.clone(),
        items: entries.into_iter().collect(),
        others: before,
        text,
    };
    Ok((merged, image))
}

/// Ours and theirs by id, in id order (both maps are sorted, so one walk does it): for an id in both, the more recent
/// review wins, and its text is kept when the state is the one on disk.
fn merge_items(
    ours: &BTreeMap<String, ItemState>,
    theirs: BTreeMap<String, Entry>,
) -> Vec<(String, Entry)> {
    let mut ours = ours.iter().peekable();
    let mut theirs = theirs.into_iter().peekable();
    let mut out = Vec::with_capacity(ours.len());
    loop {
        let order = match (ours.peek(), theirs.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some((a, _)), Some((b, _))) => a.as_str().cmp(b.as_str()),
        };
        let next = match order {
            Ordering::Less => ours.next().map(|(id, state)| {
                let entry = Entry {
                    state: state.clone(),
                    span: None,
                };
                (id.clone(), entry)
            }),
            Ordering::Greater => theirs.next(),
            Ordering::Equal => match (ours.next(), theirs.next()) {
                (Some((_, state)), Some((id, entry))) => {
                    if state.last_review >= entry.state.last_review {
                        let span = (*state == entry.state).then_some(entry.span).flatten();
                        let state = state.clone();
                        Some((id, Entry { state, span }))
                    } else {
                        Some((id, entry))
                    }
                }
                _ => None,
            },
        };
        match next {
            Some(item) => out.push(item),
            None => break,
        }
    }
    out
}

/// Other courses, each as its old text when there is one, and where each now is.
fn write_others(
    text: &mut String,
    others: &mut BTreeMap<String, Other>,
    old: &str,
) -> Result<(), toml::ser::Error> {
    for (key, other) in others.iter_mut() {
        let start = text.len();
        match other.span.as_ref().and_then(|r| old.get(r.clone())) {
            Some(old) => text.push_str(old),
            None => {
                write_lesson(text, key, &other.progress.lesson)?;
                for (id, state) in &other.progress.items {
                    write_item(text, key, id, state)?;
                }
            }
        }
        other.span = Some(start..text.len());
    }
    Ok(())
}

/// A course's `[courses.KEY.lesson]` table; it is written even when empty, so every course has one.
fn write_lesson(
    out: &mut String,
    key: &str,
    lesson: &LessonProgress,
) -> Result<(), toml::ser::Error> {
    out.push_str("\n[courses.");
    push_key(out, key);
    out.push_str(".lesson]\n");
    out.push_str(&toml::to_string(lesson)?);
    Ok(())
}

/// One item's table: `[courses.KEY.items.ID]` and its fields.
fn write_item(
    out: &mut String,
    key: &str,
    id: &str,
    state: &ItemState,
) -> Result<(), toml::ser::Error> {
    out.push_str("\n[courses.");
    push_key(out, key);
    out.push_str(".items.");
    push_key(out, id);
    out.push_str("]\n");
    out.push_str(&toml::to_string(state)?);
    Ok(())
}

/// A TOML key: bare when it can be, else a basic string with `"`, `\` and control characters escaped.
fn push_key(out: &mut String, key: &str) {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        out.push_str(key);
        return;
    }
    out.push('"');
    for c in key.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_control() => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
