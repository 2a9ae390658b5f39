//! Embeds the course (`lessons/`, `quizzes/`, `assets/`) into the binary so `cargo install` gives a tutor that works
//! from any folder. Generates a table of `(relative path, include_str!)` pairs; cargo re-runs this when they change.
//! Also indexes the course (docs/architecture.md, "The course index"), so a start parses only what it shows.

use std::{collections::HashMap, env, fs, path::Path};

// Shared with the crate, so the index is read as it is written and outlined as the full parser splits a lesson.
#[allow(dead_code)]
#[path = "src/course/index/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "src/course/lesson/outline.rs"]
mod outline;

use format::{Index, ItemEntry, QuizEntry, TopicEntry};

const KEPT: [&str; 3] = [".md", ".toml", ".txt"];

fn collect(root: &Path, rel: &str, out: &mut Vec<String>) {
    println!("cargo:rerun-if-changed={rel}");
    let Ok(read) = fs::read_dir(root.join(rel)) else {
        return;
    };
    let mut entries: Vec<_> = read.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let path = format!("{rel}/{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect(root, &path, out),
            Ok(t) if t.is_file() && KEPT.iter().any(|ext| name.ends_with(ext)) => out.push(path),
            _ => {}
        }
    }
}

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for dir in ["lessons", "quizzes", "assets"] {
        collect(Path::new(&root), dir, &mut files);
    }
    let rows: String = files
        .iter()
        .map(|p| {
            format!("    ({p:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{p}\"))),\n")
        })
        .collect();
    // A course that does not index (an author's typo) gets an empty index: the tutor then parses it all, and
    // `check` reports the typo, rather than the build failing with a worse message.
    let index = index(Path::new(&root), &files).map_or_else(String::new, |i| i.to_text());
    let outlines = outlines(Path::new(&root), &files);
    let code = format!(
        "/// Every file of the built-in course, as `(path relative to the crate, contents)`.\n\
         pub static FILES: &[(&str, &str)] = &[\n{rows}];\n\
         /// The built-in course's index (`course::index`), empty when it could not be made.\n\
         pub static INDEX: &str = {index:?};\n\
         /// Each built-in lesson's top-level sections (`course::lesson::outline::RawSection`: name, heading, \n\
         /// content range, rules), so a lesson opened is not scanned for them again.\n\
         pub static OUTLINES: &[(&str, super::Outline)] = &[\n{outlines}];\n"
    );
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_course.rs");
    fs::write(out, code).expect("write embedded_course.rs");
}

/// The rows of `OUTLINES`: every lesson's sections as the full parser's first pass finds them.
fn outlines(root: &Path, files: &[String]) -> String {
    let mut rows = String::new();
    for path in files
        .iter()
        .filter(|p| p.starts_with("lessons/") && p.ends_with(".md"))
    {
        let Ok(text) = fs::read_to_string(root.join(path)) else {
            continue;
        };
        let Ok((_, body, _)) = outline::split_front_matter(&text) else {
            continue;
        };
        let sections: Vec<String> = (outline::scan_sections(body).iter())
            .map(|s| {
                let (name, at, start, end, rules) =
                    (&s.name, s.heading_at, s.start, s.end, &s.rules);
                format!("({name:?}, {at}, {start}, {end}, &{rules:?})")
            })
            .collect();
        rows.push_str(&format!("    ({path:?}, &[{}]),\n", sections.join(", ")));
    }
    rows
}

/// The index of the course in `root`: the topics in `course.toml`'s order, each with its quiz.
fn index(root: &Path, files: &[String]) -> Option<Index> {
    let read = |p: &str| fs::read_to_string(root.join(p)).ok();
    let manifest: toml::Table = read("lessons/course.toml")?.parse().ok()?;
    let mut lessons: HashMap<String, TopicEntry> = HashMap::new();
    let mut quizzes: HashMap<String, QuizEntry> = HashMap::new();
    for path in files {
        if path.starts_with("lessons/") && path.ends_with(".md") {
            let entry = lesson_entry(path, &read(path)?)?;
            lessons.insert(entry.slug.clone(), entry);
        } else if path.starts_with("quizzes/") && path.ends_with(".toml") {
            let (topic, entry) = quiz_entry(path, &read(path)?)?;
            quizzes.insert(topic, entry);
        }
    }
    let mut topics = Vec::new();
    for slug in manifest.get("topics")?.as_array()? {
        let mut t = lessons.remove(slug.as_str()?)?;
        t.quiz = quizzes.remove(&t.slug);
        topics.push(t);
    }
    Some(Index {
        key: "built-in".into(),
        files: Vec::new(),
        topics,
    })
}

fn lesson_entry(path: &str, text: &str) -> Option<TopicEntry> {
    let (fields, body, _) = outline::split_front_matter(text).ok()?;
    let meta: toml::Table = fields.parse().ok()?;
    let field = |k: &str| meta.get(k)?.as_str().map(str::to_string);
    let outline = outline::outline(body);
    Some(TopicEntry {
        number: u32::try_from(meta.get("number")?.as_integer()?).ok()?,
        slug: field("slug")?,
        title: field("title")?,
        tagline: field("tagline")?,
        scenarios: outline.scenarios,
        lesson: path.to_string(),
        tasks: (meta.get("tasks")?.as_array()?.iter())
            .map(|t| t.as_str().map(str::to_string))
            .collect::<Option<_>>()?,
        steps: (outline.steps.into_iter())
            .map(Option::unwrap_or_default)
            .collect(),
        quiz: None,
    })
}

fn quiz_entry(path: &str, text: &str) -> Option<(String, QuizEntry)> {
    let quiz: toml::Table = text.parse().ok()?;
    let mut items = Vec::new();
    for (key, question) in [("trigger", false), ("question", true)] {
        let Some(list) = quiz.get(key) else { continue };
        for item in list.as_array()? {
            let step = match item.get("step") {
                Some(s) => Some(usize::try_from(s.as_integer()?).ok()?),
                None => None,
            };
            let id = item.get("id")?.as_str()?.to_string();
            let lab = question && item.get("lab").is_some();
            items.push(ItemEntry {
                id,
                question,
                lab,
                step,
            });
        }
    }
    let topic = quiz.get("topic")?.as_str()?.to_string();
    let path = path.to_string();
    let items = items.into();
    Some((topic, QuizEntry { path, items }))
}
