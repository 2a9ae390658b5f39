//! The five-minute revision sheet: for every topic its tagline, memory hack, exam-signals table and comparison
//! tables, as one markdown document. `dea-tutor revise` prints it; any view can render it.

use super::{Course, Topic};

/// The revision sheet of the whole course, or of the topic at index `topic`, as markdown.
///
/// ```text
/// # Revision sheet: <phase>
/// *<course title>*
/// ## 11 AWS Step Functions
/// *tagline*
/// > **Memory hack:** ...
/// ### Exam signals
/// ### Comparison
/// ```
pub fn cheatsheet(course: &Course, topic: Option<usize>) -> String {
    let mut md = format!(
        "# Revision sheet: {}\n\n*{}*\n",
        escape_inline(&course.phase),
        escape_inline(&course.title)
    );
    let topics: Vec<&Topic> = match topic {
        Some(i) => course.topics.get(i).into_iter().collect(),
        None => course.topics.iter().collect(),
    };
    for t in topics {
        md.push('\n');
        md.push_str(&topic_section(t));
    }
    md
}

/// One topic's part of the sheet, starting at its `## NN Title` heading.
pub fn topic_section(t: &Topic) -> String {
    let lesson = t.lesson();
    let mut md = format!(
        "## {:02} {}\n\n*{}*\n\n",
        t.number(),
        escape_inline(t.title()),
        escape_inline(&lesson.meta.tagline)
    );
    let hack: Vec<&str> = lesson
        .memory_hack
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    md.push_str(&format!("> **Memory hack:** {}\n", hack.join(" ")));
    md.push_str(&format!(
        "\n### Exam signals\n\n{}\n",
        lesson.signals.trim()
    ));
    md.push_str(&format!(
        "\n### Comparison\n\n{}\n",
        lesson.comparison.trim()
    ));
    md
}

/// Plain text (a title, a tagline) made safe inside markdown emphasis: the characters that would start markup
/// are backslash-escaped.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

    use super::*;
    use crate::course::load::mini_course;

    /// (level-2 headings, level-3 headings, tables, block quotes) as a markdown parser sees them.
    fn shape(md: &str) -> (Vec<String>, usize, usize, usize) {
        let (mut h2, mut h3, mut tables, mut quotes) = (Vec::new(), 0, 0, 0);
        let mut in_h2 = false;
        for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }) => {
                    in_h2 = true;
                    h2.push(String::new());
                }
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                }) => h3 += 1,
                Event::End(pulldown_cmark::TagEnd::Heading(_)) => in_h2 = false,
                Event::Text(t) if in_h2 => h2.last_mut().unwrap().push_str(&t),
                Event::Start(Tag::Table(_)) => tables += 1,
                Event::Start(Tag::BlockQuote(_)) => quotes += 1,
                _ => {}
            }
        }
        (h2, h3, tables, quotes)
    }

    #[test]
    fn mini_course_sheet_is_exactly_this() {
        let md = cheatsheet(&mini_course(), None);
        let alpha = "## 01 Topic Alpha\n\n*The alpha tagline*\n\n> **Memory hack:** Alpha hack line.\n\n\
                     ### Exam signals\n\n| Trigger phrase | Answer |\n| --- | --- |\n| alpha trigger | Alpha answer |\n\n\
                     ### Comparison\n\n| | Alpha | Other |\n| --- | --- | --- |\n| scope | wide | narrow |\n";
        assert!(
            md.starts_with(
                "# Revision sheet: Phase 0 — Fixture\n\n*Mini course*\n\n## 01 Topic Alpha\n"
            ),
            "{md}"
        );
        assert!(md.contains(alpha), "{md}");
        let beta_at = md.find("## 02 Topic Beta").expect("beta is on the sheet");
        assert!(beta_at > md.find(alpha).unwrap());
    }

    #[test]
    fn one_topic_only() {
        let course = mini_course();
        let md = cheatsheet(&course, Some(1));
        let (h2, h3, tables, quotes) = shape(&md);
        assert_eq!(h2, ["02 Topic Beta"]);
        assert_eq!((h3, quotes), (2, 1));
        assert!(tables >= 2);
        assert!(!md.contains("Alpha"), "{md}");
        // An index past the end gives the title alone, never a panic.
        assert_eq!(shape(&cheatsheet(&course, Some(9))).0.len(), 0);
    }

    #[test]
    fn built_in_course_has_every_topic_with_all_four_parts() {
        let course = Course::built_in().expect("built-in course parses");
        let md = cheatsheet(&course, None);
        let (h2, h3, tables, quotes) = shape(&md);
        let expected: Vec<String> = course
            .topics
            .iter()
            .map(|t| format!("{:02} {}", t.number(), t.title()))
            .collect();
        assert_eq!(h2, expected);
        assert_eq!(h3, 2 * course.topics.len());
        assert_eq!(quotes, course.topics.len());
        let lesson_tables: usize = course
            .topics
            .iter()
            .map(|t| 1 + t.lesson().comparison_tables)
            .sum();
        assert!(tables >= lesson_tables, "{tables} < {lesson_tables}");
        for t in &course.topics {
            let hack = t.lesson().memory_hack.trim();
            assert!(
                md.contains(&format!("> **Memory hack:** {hack}\n")),
                "{hack}"
            );
            assert!(md.contains(t.lesson().signals.trim()));
            assert!(md.contains(t.lesson().comparison.trim()));
        }
    }

    #[test]
    fn markup_in_titles_and_taglines_stays_text() {
        let mut course = mini_course();
        course.topics[0].edit_lesson(|l| {
            l.meta.tagline = "*not* bold_ <b>".into();
            l.meta.title = "# Not a heading".into();
        });
        let md = cheatsheet(&course, Some(0));
        assert!(md.contains("*\\*not\\* bold\\_ \\<b\\>*"), "{md}");
        assert_eq!(shape(&md).0, ["01 # Not a heading"]);
    }
}
