//! `new-topic`: the files of a new topic for a course author — a lesson with every section and a quiz with one
//! trigger and one question, in placeholder text marked `TODO:` (it parses, but `dea-tutor check` lists every
//! placeholder until it is replaced: see `placeholders`) — and the course order with the topic added. Pure: the
//! caller reads the folder and writes the files.

use super::{lesson::is_slug, load::COURSE_TOML, placeholders};

mod templates;

/// What to write for a new topic. Paths are relative to the course folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaffold {
    pub lesson_path: String,
    pub lesson: String,
    pub quiz_path: String,
    pub quiz: String,
    /// The new text of `lessons/course.toml`; `None` when it already lists the slug.
    pub course_toml: Option<String>,
}

impl Scaffold {
    /// How many lines of the files to write hold a placeholder (`check` lists each).
    pub fn placeholder_lines(&self) -> usize {
        let course_toml = self.course_toml.as_deref().map(|t| (COURSE_TOML, t));
        [
            (&*self.lesson_path, &*self.lesson),
            (&*self.quiz_path, &*self.quiz),
        ]
        .into_iter()
        .chain(course_toml)
        .map(|(path, text)| placeholders::in_file(path, text).len())
        .sum()
    }
}

/// What the course folder holds already, as far as a new topic cares.
#[derive(Debug, Clone, Default)]
pub struct Existing {
    /// File names in `lessons/` (`11-step-functions.md`, `course.toml`, ...).
    pub lessons: Vec<String>,
    /// File names in `quizzes/`.
    pub quizzes: Vec<String>,
    /// The text of `lessons/course.toml`, if there is one.
    pub course_toml: Option<String>,
}

/// The topic number from the command line: digits only, 1 to 999.
pub fn parse_number(s: &str) -> Result<u32, String> {
    let s = s.trim();
    match s.parse::<u32>() {
        Ok(n) if (1..=999).contains(&n) && s.chars().all(|c| c.is_ascii_digit()) => Ok(n),
        _ => Err(format!(
            "topic number `{s}` must be a whole number from 1 to 999"
        )),
    }
}

/// The files of topic `number`/`slug`/`title`, or why not (nothing is to be written then).
pub fn scaffold(
    number: u32,
    slug: &str,
    title: &str,
    existing: &Existing,
) -> Result<Scaffold, String> {
    if !(1..=999).contains(&number) {
        return Err(format!(
            "topic number {number} must be a whole number from 1 to 999"
        ));
    }
    if !is_slug(slug) {
        return Err(format!(
            "slug `{slug}` must be lower-case words joined by `-` (letters and digits), e.g. `step-functions`"
        ));
    }
    let title = title.trim();
    if title.is_empty() || title.contains(['\n', '\r']) {
        return Err("the title must be one non-empty line".to_string());
    }
    let stem = format!("{number:02}-{slug}");
    let lesson_path = format!("lessons/{stem}.md");
    let quiz_path = format!("quizzes/{stem}.toml");
    for (path, names, ext) in [
        (&lesson_path, &existing.lessons, ".md"),
        (&quiz_path, &existing.quizzes, ".toml"),
    ] {
        let file = format!("{stem}{ext}");
        if names.contains(&file) {
            return Err(format!("{path} already exists; nothing written"));
        }
        for name in names {
            let Some((n, s)) = split_name(name, ext) else {
                continue;
            };
            if s == slug {
                return Err(format!(
                    "the slug `{slug}` is already used by {}/{name}; nothing written",
                    path.split('/').next().unwrap_or_default()
                ));
            }
            if n == number && ext == ".md" {
                return Err(format!(
                    "topic number {number} is already used by lessons/{name}; nothing written"
                ));
            }
        }
    }
    let course_toml = match &existing.course_toml {
        None => Some(templates::course_toml(slug)),
        Some(text) => add_to_course_toml(text, slug)?,
    };
    Ok(Scaffold {
        lesson: templates::lesson(number, slug, title),
        lesson_path,
        quiz: templates::quiz(slug),
        quiz_path,
        course_toml,
    })
}

/// `NN-slug.md` → (NN, slug).
fn split_name<'a>(name: &'a str, ext: &str) -> Option<(u32, &'a str)> {
    let (n, slug) = name.strip_suffix(ext)?.split_once('-')?;
    Some((n.parse().ok()?, slug))
}

/// `text` with `slug` appended to its `topics` list, keeping everything else (comments, layout) as it was;
/// `None` when the list has it already.
pub fn add_to_course_toml(text: &str, slug: &str) -> Result<Option<String>, String> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("{COURSE_TOML}: {}", e.message().trim()))?;
    let Some(topics) = table.get("topics").and_then(|v| v.as_array()) else {
        return Err(format!("{COURSE_TOML} has no `topics = [...]` list"));
    };
    let mut expected: Vec<String> = topics
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    if expected.iter().any(|s| s == slug) {
        return Ok(None);
    }
    expected.push(slug.to_string());
    let edited = insert_into_topics(text, slug)
        .ok_or_else(|| format!("cannot find the `topics` list in {COURSE_TOML}"))?;
    // Trust the edit only when the file still reads the same, plus the one slug.
    let check: Option<toml::Table> = edited.parse().ok();
    let same = check.is_some_and(|t| {
        let topics: Option<Vec<String>> = t.get("topics").and_then(|v| v.as_array()).map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        });
        let others_same = table
            .iter()
            .filter(|(k, _)| *k != "topics")
            .all(|(k, v)| t.get(k) == Some(v))
            && t.len() == table.len();
        others_same && topics.as_ref() == Some(&expected)
    });
    if same {
        Ok(Some(edited))
    } else {
        Err(format!(
            "could not add `{slug}` to the topics of {COURSE_TOML}; add it by hand"
        ))
    }
}

/// Inserts `"slug"` as the last element of the top-level `topics = [...]` array, in the array's own layout.
fn insert_into_topics(text: &str, slug: &str) -> Option<String> {
    let open = find_topics_array(text)?;
    let (close, last) = scan_array(text, open)?;
    let item = format!("\"{slug}\"");
    let mut out = String::with_capacity(text.len() + item.len() + 8);
    let multi_line = text[open..close].contains('\n');
    match last {
        None => {
            out.push_str(&text[..=open]);
            out.push_str(&item);
            out.push_str(&text[open + 1..]);
        }
        Some(last) => {
            let comma = text[last..].starts_with(',');
            let line_end = text[last..close].find('\n').map(|i| last + i);
            match (multi_line, line_end) {
                (true, Some(nl)) => {
                    // One element a line: a new line after the last one, with its indentation.
                    let line_start = text[..last].rfind('\n').map_or(0, |i| i + 1);
                    let indent: String = text[line_start..]
                        .chars()
                        .take_while(|c| *c == ' ' || *c == '\t')
                        .collect();
                    let indent = if line_start <= open {
                        "  ".to_string()
                    } else {
                        indent
                    };
                    out.push_str(&text[..=last]);
                    if !comma {
                        out.push(',');
                    }
                    out.push_str(&text[last + 1..=nl]);
                    out.push_str(&format!("{indent}{item}{}\n", if comma { "," } else { "" }));
                    out.push_str(&text[nl + 1..]);
                }
                _ => {
                    out.push_str(&text[..=last]);
                    out.push_str(&if comma {
                        format!(" {item},")
                    } else {
                        format!(", {item}")
                    });
                    out.push_str(&text[last + 1..]);
                }
            }
        }
    }
    Some(out)
}

/// Byte offset of the `[` of a top-level `topics = [` (before any `[table]` header).
fn find_topics_array(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            return None; // a table header: top-level keys end here
        }
        let key_len = ["topics", "\"topics\"", "'topics'"]
            .iter()
            .find(|k| trimmed.starts_with(*k))
            .map(|k| k.len());
        if let Some(k) = key_len {
            let after = trimmed[k..].trim_start();
            if let Some(rest) = after.strip_prefix('=') {
                let value = rest.trim_start();
                if value.starts_with('[') {
                    return Some(offset + line.len() - value.len());
                }
            }
        }
        offset += line.len();
    }
    None
}

/// From the `[` at `open`: (offset of the matching `]`, offset of the last character of the last element or of
/// a trailing comma — `None` for an empty array). Strings and comments are skipped.
fn scan_array(text: &str, open: usize) -> Option<(usize, Option<usize>)> {
    let bytes = text.as_bytes();
    let mut i = open + 1;
    let mut depth = 0usize;
    let mut last = None;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            q @ (b'"' | b'\'') => {
                let triple = text[i..].starts_with(if q == b'"' { "\"\"\"" } else { "'''" });
                let delim: &[u8] = if triple {
                    &bytes[i..i + 3]
                } else {
                    &bytes[i..=i]
                };
                let mut j = i + delim.len();
                loop {
                    if j >= bytes.len() {
                        return None;
                    }
                    if q == b'"' && bytes[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if bytes[j..].starts_with(delim) {
                        break;
                    }
                    j += 1;
                }
                i = j + delim.len();
                last = Some(i - 1);
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' if depth == 0 => return Some((i, last)),
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if !bytes[i].is_ascii_whitespace() {
            last = Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
#[path = "scaffold_tests.rs"]
mod tests;
