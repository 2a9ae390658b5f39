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
    pub items: Vec<ItemEntry>,
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
        let mut out = format!("{HEADER}\t{}\n", escape(&self.key));
        let mut line = |fields: &[&str]| {
            let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
            out.push_str(&escaped.join("\t"));
            out.push('\n');
        };
        for (path, s) in &self.files {
            line(&["F", path, &s.len.to_string(), &s.nanos.to_string()]);
        }
        for t in &self.topics {
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
            for i in &q.items {
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

    /// The index in `text`; `None` when anything in it is not as [`Index::to_text`] writes it.
    pub fn from_text(text: &str) -> Option<Self> {
        // The lines as `str::lines` gives them: no piece after a final newline, a `\r` before one dropped.
        let lines = split_at(text.strip_suffix('\n').unwrap_or(text), b'\n');
        let mut lines = lines.map(|l| l.strip_suffix('\r').unwrap_or(l));
        let key = lines.next()?.strip_prefix(HEADER)?.strip_prefix('\t')?;
        let mut index = Index {
            key: unescape(key)?,
            ..Index::default()
        };
        for line in lines {
            index.read_line(split_at(line, b'\t'))?;
        }
        Some(index)
    }

    /// One line after the header, its tab-separated fields in order. Numbers and kinds are read in place; only the
    /// texts kept become strings (a big course's index has 50,000 item lines, read at every start).
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
                    items: Vec::new(),
                });
            }
            "I" => {
                let (question, lab) = match raw()? {
                    "t" => (false, false),
                    "q" => (true, false),
                    "l" => (true, true),
                    _ => return None,
                };
                let id = unescape(raw()?)?;
                let step = match raw()? {
                    "" => None,
                    s => Some(s.parse().ok()?),
                };
                let quiz = self.topics.last_mut()?.quiz.as_mut()?;
                quiz.items.push(ItemEntry {
                    id,
                    question,
                    lab,
                    step,
                });
            }
            _ => return None,
        }
        Some(())
    }
}

/// The pieces of `text` between `sep` bytes, as `str::split` gives them, found by a plain byte scan: the standard
/// searcher's set-up per piece was an eighth of a big course's start, which reads 65,000 short lines.
fn split_at(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let (piece, next) = match r.bytes().position(|b| b == sep) {
            Some(i) => (&r[..i], Some(&r[i + 1..])),
            None => (r, None),
        };
        rest = next;
        Some(piece)
    })
}
