//! The TOML front matter between the `+++` lines that open a lesson: its fields, and their checks (the file's name
//! must agree with the number and slug).

use serde::Deserialize;

use crate::util::{
    diagnostic::{Diagnostic, line_of},
    sanitize::clean_line,
};

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub number: u32,
    pub slug: String,
    pub title: String,
    pub tagline: String,
    pub tasks: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl FrontMatter {
    /// Every text field cleaned of control characters (see [`crate::course::clean_value`]) and kept to one line.
    fn cleaned(self) -> Self {
        Self {
            number: self.number,
            slug: clean_line(&self.slug),
            title: clean_line(&self.title),
            tagline: clean_line(&self.tagline),
            tasks: self.tasks.iter().map(|t| clean_line(t)).collect(),
            sources: self
                .sources
                .iter()
                .map(|s| Source {
                    title: clean_line(&s.title),
                    url: clean_line(&s.url),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// The fields in `fields` (the front matter of the lesson file `text`), cleaned and checked; `None` when they do not
/// parse. Problems go to `diags`.
pub(super) fn parse(
    path: &str,
    text: &str,
    fields: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let meta = match toml::from_str::<FrontMatter>(fields) {
        Ok(m) => m.cleaned(),
        Err(e) => {
            // The front matter starts on line 2 (after the opening `+++`).
            let line = e.span().map(|s| line_of(fields, s.start) + 1).unwrap_or(2);
            diags.push(Diagnostic::new(
                path,
                line,
                format!("front matter: {}", e.message()),
            ));
            return None;
        }
    };
    check_front_matter(path, text, &meta, diags);
    Some(meta)
}

/// Splits `+++ toml +++ body`; returns the TOML, the body and the body's byte offset in `text`.
pub(in crate::course) fn split_front_matter<'a>(
    path: &str,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), Diagnostic> {
    super::outline::split_front_matter(text).map_err(|why| Diagnostic::new(path, 1, why))
}

fn check_front_matter(path: &str, text: &str, m: &FrontMatter, diags: &mut Vec<Diagnostic>) {
    let file = path.rsplit('/').next().unwrap_or(path);
    let expected = format!("{:02}-{}.md", m.number, m.slug);
    if file != expected {
        // Point at the field that disagrees with the name: the number if the `NN-` part differs, else the slug.
        let key = if file.starts_with(&format!("{:02}-", m.number)) {
            "slug"
        } else {
            "number"
        };
        diags.push(Diagnostic::new(
            path,
            key_line(text, key),
            format!("front matter says number {} and slug `{}`, so the file should be named `{expected}`", m.number, m.slug),
        ));
    }
    if !is_slug(&m.slug) {
        diags.push(Diagnostic::new(
            path,
            key_line(text, "slug"),
            format!("slug `{}` must be lower-case words joined by `-`", m.slug),
        ));
    }
    for (field, value) in [("title", &m.title), ("tagline", &m.tagline)] {
        if value.trim().is_empty() {
            diags.push(Diagnostic::new(
                path,
                key_line(text, field),
                format!("front matter: `{field}` is empty"),
            ));
        }
    }
    if m.tasks.is_empty() {
        diags.push(Diagnostic::new(
            path,
            key_line(text, "tasks"),
            "front matter: `tasks` lists no exam task",
        ));
    }
    for (i, task) in m.tasks.iter().enumerate() {
        if task.trim().is_empty() {
            diags.push(Diagnostic::new(
                path,
                key_line(text, "tasks"),
                format!("front matter: `tasks[{i}]` is empty"),
            ));
        }
    }
    for s in &m.sources {
        if !s.url.starts_with("https://") {
            let line = front_matter_lines(text)
                .find(|(_, l)| l.trim_start().starts_with("url") && l.contains(s.url.as_str()))
                .map_or(2, |(n, _)| n);
            diags.push(Diagnostic::new(
                path,
                line,
                format!(
                    "front matter: source `{}` needs an https:// address",
                    s.title
                ),
            ));
        }
    }
}

/// The front matter's lines with their 1-based line numbers in the file (the opening `+++` is line 1).
fn front_matter_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, l)| *l != "+++")
        .map(|(i, l)| (i + 1, l))
}

/// The line of a top-level front-matter `key = ...` (before any `[table]`), or 2 (the first field line) when the
/// key cannot be found, e.g. because it is missing or written as a dotted or quoted key.
pub fn key_line(text: &str, key: &str) -> usize {
    front_matter_lines(text)
        .take_while(|(_, l)| !l.trim_start().starts_with('['))
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(2, |(n, _)| n)
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("step-functions"));
        assert!(is_slug("s3"));
        assert!(!is_slug("Step"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }
}
