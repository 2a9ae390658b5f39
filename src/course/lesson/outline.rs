//! A lesson's outline: its front matter split off, its top-level sections and the parts they split into, and the
//! titles of those parts — what the course index needs. The full parser (`lesson::parse`) checks everything on top
//! of this; build.rs includes this file to index the built-in course, so it uses nothing but std, memchr and
//! pulldown-cmark.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The section headings, in the order a lesson must give them.
pub const SECTIONS: [&str; 6] = [
    "Lesson",
    "Another angle",
    "Exam scenarios",
    "Exam signals",
    "Comparison",
    "Memory hack",
];

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A section found in the body: its heading and the byte range of its content.
pub struct RawSection {
    pub name: String,
    /// Byte offset of the `#` heading itself.
    pub heading_at: usize,
    /// Content range: from the end of the heading to the next section.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of top-level thematic breaks inside it (where parts split).
    pub rules: Vec<(usize, usize)>,
}

/// Finds the top-level `#` headings and `---` breaks. Only events at nesting depth 0 count, so a `---` inside a
/// list or a `#` inside a code block never splits anything. A line scan answers for the markdown lessons are written
/// in; anything it cannot vouch for gets the parse.
pub fn scan_sections(body: &str) -> Vec<RawSection> {
    quick_sections(body).unwrap_or_else(|| parsed_sections(body))
}

/// [`scan_sections`] a line at a time, without a markdown parse (the parse was a third of `check`'s time on a big
/// course). `None` when a line could mean something the scan does not follow: an HTML block, a fence, heading or
/// break indented by one to three spaces (top level or inside a list, which only a parse tells), a setext heading,
/// a heading, break or fence straight after a non-blank line (a table, a lazy continuation...), a heading with
/// inline markup, a tab, `\r` or NUL. Otherwise every line starting a top-level heading or break starts at column 0
/// after a blank line, outside a fence: a line there closes every list and quote, and a fence opened at column 0
/// holds every line up to its closing one. The tests hold it to the parse on every lesson and on generated bodies.
pub fn quick_sections(body: &str) -> Option<Vec<RawSection>> {
    if memchr::memchr3(b'\t', b'\r', 0, body.as_bytes()).is_some() {
        return None;
    }
    let mut sections: Vec<RawSection> = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let (mut after_blank, mut at) = (true, 0);
    let ends = memchr::memchr_iter(b'\n', body.as_bytes()).chain(Some(body.len()));
    for end in ends {
        if at == body.len() {
            break;
        }
        let (start, text) = (at, &body[at..end]);
        at = (end + 1).min(body.len());
        let rest = text.trim_start_matches(' ');
        let indent = text.len() - rest.len();
        if let Some((mark, len)) = fence {
            if indent < 4 && closes_fence(rest, mark, len) {
                (fence, after_blank) = (None, false);
            }
            continue;
        }
        if rest.trim_end_matches(' ').is_empty() {
            after_blank = true;
            continue;
        }
        let blank_before = std::mem::replace(&mut after_blank, false);
        if indent >= 4 {
            continue;
        }
        let h1 = rest
            .strip_prefix('#')
            .filter(|t| t.is_empty() || t.starts_with(' '));
        let opens = fence_mark(rest);
        let rule = is_rule(rest);
        let setext = rest.trim_end_matches(' ').bytes().all(|b| b == b'=');
        let unsure = rest.starts_with('<') || (setext && !blank_before);
        // A heading, fence or break counts only at column 0 after a blank line.
        let block = h1.is_some() || opens.is_some() || rule;
        if unsure || (block && (indent > 0 || !blank_before)) {
            return None;
        }
        if let Some(open) = opens {
            fence = Some(open?);
        } else if rule {
            if let Some(s) = sections.last_mut() {
                s.rules.push((start, at));
            }
        } else if let Some(title) = h1 {
            if title.contains(|c: char| INLINE_MARKUP.contains(&c) || c.is_control()) {
                return None;
            }
            if let Some(prev) = sections.last_mut() {
                prev.end = start;
            }
            sections.push(RawSection {
                name: title.trim().to_string(),
                heading_at: start,
                start: at,
                end: body.len(),
                rules: Vec::new(),
            });
        }
    }
    Some(sections)
}

/// Characters inline markdown could give a meaning to in a heading's text (or, `#`, close it).
const INLINE_MARKUP: [char; 13] = [
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '!', '~', '#', '|',
];

/// The fence a line (indentation removed) opens: `Some(Some((mark, length)))`; `Some(None)` when it looks like a
/// backtick fence but is not one (a backtick in its info string: inline code), which the scan leaves to the parse.
fn fence_mark(rest: &str) -> Option<Option<(u8, usize)>> {
    let mark = *rest
        .as_bytes()
        .first()
        .filter(|&&b| b == b'`' || b == b'~')?;
    let len = rest.bytes().take_while(|&b| b == mark).count();
    if len < 3 {
        return None;
    }
    Some((mark == b'~' || !rest[len..].contains('`')).then_some((mark, len)))
}

/// Whether a line (indentation of at most three spaces removed) closes a fence of `len` `mark`s.
fn closes_fence(rest: &str, mark: u8, len: usize) -> bool {
    let run = rest.bytes().take_while(|&b| b == mark).count();
    run >= len && rest[run..].bytes().all(|b| b == b' ')
}

/// Whether a line (indentation removed) is a thematic break: three or more of one of `-`, `*`, `_`, with spaces.
fn is_rule(rest: &str) -> bool {
    let Some(&mark @ (b'-' | b'*' | b'_')) = rest.as_bytes().first() else {
        return false;
    };
    rest.bytes().all(|b| b == mark || b == b' ') && rest.bytes().filter(|&b| b == mark).count() >= 3
}

/// [`scan_sections`] by a markdown parse: what a body the line scan cannot vouch for gets, and what it is held to.
pub fn parsed_sections(body: &str) -> Vec<RawSection> {
    let mut sections: Vec<RawSection> = Vec::new();
    let mut depth = 0usize;
    let mut heading: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if depth == 0 => {
                heading = Some((range.start, String::new()));
                depth += 1;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if depth == 1 && heading.is_some() => {
                depth -= 1;
                let (start, name) = heading.take().unwrap_or_default();
                if let Some(prev) = sections.last_mut() {
                    prev.end = start;
                }
                sections.push(RawSection {
                    name: name.trim().to_string(),
                    heading_at: start,
                    start: range.end,
                    end: body.len(),
                    rules: Vec::new(),
                });
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some((_, name)) = heading.as_mut() {
                    name.push_str(&t);
                }
            }
            Event::Rule if depth == 0 => {
                if let Some(s) = sections.last_mut() {
                    s.rules.push((range.start, range.end));
                }
            }
            _ => {}
        }
    }
    sections
}

/// Byte ranges of the parts of a section, split at its top-level rules.
pub fn split_parts(body: &str, s: &RawSection) -> Vec<(usize, usize)> {
    if body[s.start..s.end].trim().is_empty() {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut start = s.start;
    for &(rule_start, rule_end) in &s.rules {
        parts.push((start, rule_start));
        start = rule_end;
    }
    parts.push((start, s.end));
    parts
}

/// The text of the `##` heading a part opens with.
pub fn opening_title(md: &str) -> Option<String> {
    // An ATX heading is one line, so when the part opens with one (as steps and scenarios do) that line alone decides:
    // parsing the whole part again would double the cost of loading a course. Not when the line holds a `[`: it
    // could be a link whose definition comes further down.
    let first_line = md.split('\n').next().unwrap_or(md);
    if let Some(title) = plain_h2(first_line) {
        return title;
    }
    let hashes = first_line.bytes().take_while(|&b| b == b'#').count();
    let atx = (1..=6).contains(&hashes)
        && matches!(first_line.as_bytes().get(hashes), None | Some(b' ' | b'\t'));
    let md = if atx && !first_line.contains('[') {
        first_line
    } else {
        md
    };
    h2_title(md)
}

/// The title of a `## Title` line whose text holds no character inline markdown could give a meaning to (and no
/// closing `#`): that text, trimmed, as a parse would give it, without setting a parser up for one line (which was
/// a fortieth of `check` on a big course). `None`: not such a line.
fn plain_h2(line: &str) -> Option<Option<String>> {
    let text = line.strip_prefix("## ")?;
    let markup = |c: char| INLINE_MARKUP.contains(&c) || c.is_control();
    if text.contains(markup) {
        return None;
    }
    let title = text.trim();
    Some((!title.is_empty()).then(|| title.to_string()))
}

/// The text of the `##` heading `md` starts with, by a markdown parse.
pub fn h2_title(md: &str) -> Option<String> {
    let mut parser = Parser::new_ext(md, options());
    match parser.next() {
        Some(Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            ..
        })) => {}
        _ => return None,
    }
    let mut title = String::new();
    for event in parser {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => title.push_str(&t),
            _ => {}
        }
    }
    let title = title.trim().to_string();
    (!title.is_empty()).then_some(title)
}

/// Splits `+++ toml +++ body`; returns the TOML, the body and the body's byte offset in `text`, or why it cannot
/// (every such problem is on line 1).
pub fn split_front_matter(text: &str) -> Result<(&str, &str, usize), &'static str> {
    if text.trim().is_empty() {
        return Err(
            "the lesson file is empty: it needs TOML front matter between `+++` lines, then the six sections",
        );
    }
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Err(
            "a lesson must start with TOML front matter: a line `+++`, the fields, then `+++`",
        );
    };
    let close = if rest.starts_with("+++\n") || rest == "+++" {
        Some(0)
    } else {
        rest.find("\n+++\n")
            .map(|i| i + 1)
            .or_else(|| rest.ends_with("\n+++").then(|| rest.len() - 3))
    };
    let Some(close) = close else {
        return Err("front matter is not closed: add a line `+++` after its fields");
    };
    let body_start = (4 + close + 4).min(text.len());
    Ok((&rest[..close], &text[body_start..], body_start))
}

// The outline is what build.rs indexes the built-in course with; the crate's tests hold it to the full parse.
/// What the index keeps of a lesson's body: its teaching steps' titles and how many scenarios it has.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub steps: Vec<Option<String>>,
    pub scenarios: usize,
}

/// The outline of a lesson's body (the text after the front matter), as the full parse finds it for a valid lesson.
#[cfg_attr(not(test), allow(dead_code))]
pub fn outline(body: &str) -> Outline {
    let sections = scan_sections(body);
    let section = |name: &str| sections.iter().find(|s| s.name == name);
    // Empty parts are an error of the full parse; an outline skips them as it does.
    let parts = |s: Option<&RawSection>| -> Vec<&str> {
        s.map(|s| split_parts(body, s))
            .unwrap_or_default()
            .into_iter()
            .map(|(start, end)| body[start..end].trim())
            .filter(|md| !md.is_empty())
            .collect()
    };
    Outline {
        steps: (parts(section(SECTIONS[0])).into_iter())
            .map(opening_title)
            .collect(),
        scenarios: parts(section(SECTIONS[2])).len(),
    }
}

#[cfg(test)]
#[path = "outline_tests.rs"]
mod tests;
