//! The course index as text: what the menu, `topics`, search's first pass and the quiz lists need of each topic,
//! without its lesson's markdown or its quiz's TOML. One format for the built-in course's index (written by
//! build.rs, which includes this file, so it may use nothing but std) and for a course folder's cached index.
//!
//! ```text
//! dea-tutor-index 3 → KEY                   the format, then what the index was made by (a stale key is a miss)
//! F → PATH → LEN → NANOS                    a file of the folder, as it was when indexed (none for the built-in)
//! T → NUMBER → SLUG → TITLE → TAGLINE → SCENARIOS → LESSON-PATH
//! K → TASK                                  one an exam task of the front matter's `tasks`, in order
//! S → TITLE                                 one a teaching step, in order ("" when it has no `##` title)
//! Q → PATH                                  the topic's quiz file
//! I → t|q|l → ID → STEP                     one a trigger (t), question (q) or question with a lab exercise (l);
//!                                           STEP is 1-based, "" when none
//! ```
//! Fields are separated by a tab (→ above); `\`, tab and newline in a field are written `\\`, `\t`, `\n`.

use std::{
    fmt,
    ops::Range,
    sync::{Arc, OnceLock},
};

pub const HEADER: &str = "dea-tutor-index 3";

/// A file's size and modification time (nanoseconds since the epoch): when both are as indexed, the file is taken
/// to be unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    pub len: u64,
    pub nanos: u128,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopicEntry {
    pub number: u32,
    pub slug: String,
    pub title: String,
    pub tagline: String,
    /// Parts of `# Exam scenarios`.
    pub scenarios: usize,
    /// The lesson file, relative to the course (`lessons/11-step-functions.md`).
    pub lesson: String,
    /// The exam tasks it teaches (front matter `tasks`), for the forecast.
    pub tasks: Vec<String>,
    /// Teaching step titles, in order; "" for a step without one.
    pub steps: Vec<String>,
    pub quiz: Option<QuizEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizEntry {
    pub path: String,
    /// Triggers first, then questions.
    pub items: Items,
}

/// A quiz's item entries. Read from an index, they stay its `I` lines (checked when it was read) until first asked
/// for: a big course's index has 50,000, and a start that shows one step needs none of them.
#[derive(Clone, Default)]
pub struct Items {
    /// The index's text and where in it this quiz's `I` lines are.
    lines: Option<(Arc<String>, Range<usize>)>,
    /// How many (`topics` counts every quiz's without reading them).
    len: usize,
    read: OnceLock<Vec<ItemEntry>>,
}

impl Items {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self) -> &[ItemEntry] {
        self.read.get_or_init(|| {
            let mut entries = Vec::with_capacity(self.len);
            if let Some((text, at)) = &self.lines {
                // Every line was checked when the index was read: each gives its entry.
                walk_items(&text[..at.end], at.start, |item| {
                    entries.extend(item.entry())
                });
            }
            entries
        })
    }
}

impl From<Vec<ItemEntry>> for Items {
    fn from(items: Vec<ItemEntry>) -> Self {
        Self {
            lines: None,
            len: items.len(),
            read: OnceLock::from(items),
        }
    }
}

impl PartialEq for Items {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Items {}

impl fmt::Debug for Items {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemEntry {
    pub id: String,
    pub question: bool,
    /// A question with a lab exercise (`[question.lab]`): the lab asks these, a mock exam never does.
    pub lab: bool,
    /// The 1-based teaching step it names (`step = N`).
    pub step: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Index {
    pub key: String,
    pub files: Vec<(String, Stamp)>,
    pub topics: Vec<TopicEntry>,
}

fn escape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(field: &str) -> Option<String> {
    if !field.as_bytes().contains(&b'\\') {
        return Some(field.to_string());
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            _ => return None,
        });
    }
    Some(out)
}

impl Index {
    pub fn to_text(&self) -> String {
        Self::text_of(&self.key, &self.files, &self.topics)
    }

    /// The text of an index of `topics` (which need not be owned by an `Index`: a big course's are not copied to
    /// be written).
    pub fn text_of<'t>(
        key: &str,
        files: &[(String, Stamp)],
        topics: impl IntoIterator<Item = &'t TopicEntry>,
    ) -> String {
        let mut out = format!("{HEADER}\t{}\n", escape(key));
        let mut line = |fields: &[&str]| {
            let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
            out.push_str(&escaped.join("\t"));
            out.push('\n');
        };
        for (path, s) in files {
            line(&["F", path, &s.len.to_string(), &s.nanos.to_string()]);
        }
        for t in topics {
            let number = t.number.to_string();
            let scenarios = t.scenarios.to_string();
            line(&[
                "T", &number, &t.slug, &t.title, &t.tagline, &scenarios, &t.lesson,
            ]);
            for k in &t.tasks {
                line(&["K", k]);
            }
            for s in &t.steps {
                line(&["S", s]);
            }
            let Some(q) = &t.quiz else { continue };
            line(&["Q", &q.path]);
            for i in q.items.get() {
                let kind = match (i.question, i.lab) {
                    (false, _) => "t",
                    (true, false) => "q",
                    (true, true) => "l",
                };
                let step = i.step.map(|s| s.to_string()).unwrap_or_default();
                line(&["I", kind, &i.id, &step]);
            }
        }
        out
    }

    /// The index in `text`; `None` when anything in it is not as [`Index::to_text`] writes it. The item lines are
    /// checked now and read into entries when first asked for ([`Items::get`]).
    pub fn from_text(text: impl Into<String>) -> Option<Self> {
        let text = Arc::new(text.into());
        let (header, mut at) = line_at(&text, 0);
        let key = header.strip_prefix(HEADER)?.strip_prefix('\t')?;
        let mut index = Index {
            key: unescape(key)?,
            ..Index::default()
        };
        while at < text.len() {
            if !text[at..].starts_with("I\t") {
                let (line, next) = line_at(&text, at);
                index.read_line(split_at(line, b'\t'))?;
                at = next;
                continue;
            }
            let items = &mut index.topics.last_mut()?.quiz.as_mut()?.items;
            // A quiz's item lines come together, after its `Q` line.
            if items.lines.is_some() {
                return None;
            }
            let mut len = 0;
            let end = walk_items(&text, at, |_| len += 1)?;
            *items = Items {
                lines: Some((text.clone(), at..end)),
                len,
                read: OnceLock::new(),
            };
            at = end;
        }
        Some(index)
    }

    /// One line after the header but an item's, its tab-separated fields in order. Numbers and kinds are read in
    /// place; only the texts kept become strings.
    fn read_line<'t>(&mut self, mut fields: impl Iterator<Item = &'t str>) -> Option<()> {
        let kind = fields.next()?;
        let mut raw = || fields.next();
        match kind {
            "F" => {
                let path = unescape(raw()?)?;
                let len = raw()?.parse().ok()?;
                let nanos = raw()?.parse().ok()?;
                self.files.push((path, Stamp { len, nanos }));
            }
            "T" => self.topics.push(TopicEntry {
                number: raw()?.parse().ok()?,
                slug: unescape(raw()?)?,
                title: unescape(raw()?)?,
                tagline: unescape(raw()?)?,
                scenarios: raw()?.parse().ok()?,
                lesson: unescape(raw()?)?,
                tasks: Vec::new(),
                steps: Vec::new(),
                quiz: None,
            }),
            "K" => self.topics.last_mut()?.tasks.push(unescape(raw()?)?),
            "S" => self.topics.last_mut()?.steps.push(unescape(raw()?)?),
            "Q" => {
                let path = unescape(raw()?)?;
                self.topics.last_mut()?.quiz = Some(QuizEntry {
                    path,
                    items: Items::default(),
                });
            }
            _ => return None,
        }
        Some(())
    }
}

/// An `I` line's fields, its id still escaped.
struct RawItem<'t> {
    question: bool,
    lab: bool,
    id: &'t str,
    step: Option<usize>,
}

/// Reads the item lines from `at` in `text` up to the first line that is not one, handing each to `each`; returns
/// where that line starts (or the end of `text`), `None` at a broken item line. A big course's index has 50,000, all
/// checked at every start: one pass, and a string only for an id with an escape.
fn walk_items<'t>(
    text: &'t str,
    mut at: usize,
    mut each: impl FnMut(RawItem<'t>),
) -> Option<usize> {
    while text[at..].starts_with("I\t") {
        let (line, next) = line_at(text, at);
        each(item(line)?);
        at = next;
    }
    Some(at)
}

/// The fields of an item's line (`I → KIND → ID → STEP`); `None` when it is not one or its id does not unescape.
fn item(line: &str) -> Option<RawItem<'_>> {
    let (question, lab) = match line.as_bytes().get(..4)? {
        b"I\tt\t" => (false, false),
        b"I\tq\t" => (true, false),
        b"I\tl\t" => (true, true),
        _ => return None,
    };
    let rest = &line[4..];
    let tab = find(rest.as_bytes(), b'\t')?;
    let id = &rest[..tab];
    if find(id.as_bytes(), b'\\').is_some() && unescape(id).is_none() {
        return None;
    }
    // A field after the step (`to_text` writes none) is taken as part of it, which then does not parse.
    let step = match &rest[tab + 1..] {
        "" => None,
        s => Some(s.parse().ok()?),
    };
    Some(RawItem {
        question,
        lab,
        id,
        step,
    })
}

impl RawItem<'_> {
    fn entry(&self) -> Option<ItemEntry> {
        Some(ItemEntry {
            id: unescape(self.id)?,
            question: self.question,
            lab: self.lab,
            step: self.step,
        })
    }
}

/// The line of `text` from `at`, as `str::lines` gives it (without its `\n`, nor a `\r` before that), and where the
/// next one starts.
fn line_at(text: &str, at: usize) -> (&str, usize) {
    let rest = &text[at..];
    let (line, next) = match find(rest.as_bytes(), b'\n') {
        Some(i) => (&rest[..i], at + i + 1),
        None => (rest, text.len()),
    };
    (line.strip_suffix('\r').unwrap_or(line), next)
}

/// The pieces of `text` between `sep` bytes, as `str::split` gives them, found by a plain scan: the standard
/// searcher's set-up per piece was an eighth of a big course's start, which reads 65,000 short lines.
fn split_at(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let (piece, next) = match find(r.as_bytes(), sep) {
            Some(i) => (&r[..i], Some(&r[i + 1..])),
            None => (r, None),
        };
        rest = next;
        Some(piece)
    })
}

/// Where `byte` first is in `hay`, looked for eight bytes at a time (a byte at a time cost a 1,000-topic start 7.5 M
/// of its 51.7 M instructions): a word's bytes equal to `byte` become zero, and the lowest byte whose top bit survives
/// `(w - 0x01…) & !w & 0x80…` is the first zero one (a borrow only marks bytes above it).
fn find(hay: &[u8], byte: u8) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const TOPS: u64 = ONES << 7;
    let mut words = hay.chunks_exact(8);
    for (n, chunk) in words.by_ref().enumerate() {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(chunk);
        let w = u64::from_le_bytes(bytes) ^ (ONES * u64::from(byte));
        let zero = w.wrapping_sub(ONES) & !w & TOPS;
        if zero != 0 {
            return Some(n * 8 + zero.trailing_zeros() as usize / 8);
        }
    }
    let tail = words.remainder();
    let at = hay.len() - tail.len();
    tail.iter().position(|&b| b == byte).map(|i| at + i)
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
