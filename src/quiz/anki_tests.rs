use std::collections::BTreeSet;

use super::*;
use crate::{
    course::{Course, load::mini_course},
    quiz::bank::{QuizBank, parse},
};

/// A note as read back from the file by Anki's rules.
#[derive(Debug)]
struct Read {
    front: String,
    back: String,
    tags: Vec<String>,
}

/// Reads an import file back as Anki would, failing on anything the rules forbid: the header lines come first
/// (each `#key:value`), then every line is a note of exactly 3 tab-separated fields; no field holds a carriage
/// return, starts a CSV quote or a comment, or has a `<` that is not a `<br>`, nor an `&` that does not start an
/// entity; tags hold no white space.
fn read_back(file: &str) -> (Vec<(String, String)>, Vec<Read>) {
    assert!(file.ends_with('\n'), "the last line ends with a new line");
    assert!(!file.contains('\r'), "no carriage return anywhere");
    let mut headers = Vec::new();
    let mut notes = Vec::new();
    for (n, line) in file.lines().enumerate() {
        if notes.is_empty() && line.starts_with('#') {
            let (key, value) = line[1..].split_once(':').expect("a header is #key:value");
            headers.push((key.to_string(), value.to_string()));
            continue;
        }
        assert!(
            !line.starts_with('#'),
            "line {n}: a comment after the notes"
        );
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "line {n}: {line}");
        for f in &fields[..2] {
            assert!(!f.is_empty(), "line {n}: empty field");
            assert!(!f.starts_with('"'), "line {n}: a field opening a CSV quote");
            assert!(!f.contains('"'), "line {n}: a raw double quote");
            for (i, _) in f.match_indices('<') {
                assert!(f[i..].starts_with("<br>"), "line {n}: raw `<` in {f}");
            }
            for (i, _) in f.match_indices('>') {
                assert!(f[..=i].ends_with("<br>"), "line {n}: raw `>` in {f}");
            }
            for (i, _) in f.match_indices('&') {
                let rest = &f[i + 1..];
                let entity = rest.split(';').next().unwrap_or("");
                assert!(
                    rest.contains(';') && matches!(entity, "amp" | "lt" | "gt" | "quot" | "#35"),
                    "line {n}: `&` that starts no entity in {f}"
                );
            }
        }
        let tags: Vec<String> = fields[2].split(' ').map(str::to_string).collect();
        assert!(
            tags.iter()
                .all(|t| !t.is_empty() && !t.contains(char::is_whitespace)),
            "line {n}: tags {:?}",
            fields[2]
        );
        notes.push(Read {
            front: fields[0].to_string(),
            back: fields[1].to_string(),
            tags,
        });
    }
    (headers, notes)
}

fn built_in() -> Course {
    Course::built_in().expect("built-in course parses")
}

#[test]
fn built_in_course_file_reads_back_by_the_rules() {
    let course = built_in();
    let (headers, notes) = read_back(&export(&course, None));
    let keys: Vec<&str> = headers.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        ["separator", "html", "notetype", "deck", "tags column"]
    );
    let value = |k: &str| headers.iter().find(|(key, _)| key == k).unwrap().1.as_str();
    assert_eq!(value("separator"), "tab");
    assert_eq!(value("html"), "true");
    assert_eq!(value("notetype"), "Basic");
    assert_eq!(value("deck"), "DEA-C01 Phase 6");
    assert_eq!(value("tags column"), "3");

    let triggers: usize = course.banks().iter().map(|b| b.triggers.len()).sum();
    let questions: usize = course.banks().iter().map(|b| b.questions.len()).sum();
    assert!(triggers > 100 && questions > 100, "{triggers} {questions}");
    assert_eq!(notes.len(), triggers + questions);
    let kind = |k: &str| notes.iter().filter(|n| n.tags[3] == k).count();
    assert_eq!((kind("trigger"), kind("scenario")), (triggers, questions));

    // Anki spots duplicates by the first field: no two notes share one.
    let fronts: BTreeSet<&str> = notes.iter().map(|n| n.front.as_str()).collect();
    assert_eq!(fronts.len(), notes.len());

    for n in &notes {
        assert_eq!(n.tags.len(), 4, "{:?}", n.tags);
        assert_eq!(&n.tags[..2], ["dea-c01", "phase6"]);
        assert!(n.tags[2].starts_with("topic-"), "{:?}", n.tags);
        assert!(!n.back.is_empty());
    }
    // Every topic contributes its own items under its own tag, in course order.
    let mut at = 0;
    for t in &course.topics {
        let bank = course.quiz_of(t).expect("every built-in topic has a quiz");
        let tag = format!("topic-{:02}-{}", t.number(), t.slug());
        for tr in &bank.triggers {
            assert_eq!(notes[at].tags[2], tag);
            assert_eq!(notes[at].front, field(&tr.cue), "{}", tr.id);
            at += 1;
        }
        for q in &bank.questions {
            assert_eq!(notes[at].tags[2], tag);
            assert!(
                notes[at].front.starts_with(&field(&q.display_stem())),
                "{}",
                q.id
            );
            at += 1;
        }
    }
}

#[test]
fn multiple_response_fronts_say_how_many() {
    let course = built_in();
    let (_, notes) = read_back(&export(&course, None));
    let multiple: usize = (course.banks().iter())
        .flat_map(|b| &b.questions)
        .filter(|q| q.is_multiple())
        .count();
    let said = notes
        .iter()
        .filter(|n| n.front.contains("(Choose TWO.)") || n.front.contains("(Choose THREE.)"))
        .count();
    assert_eq!(said, multiple);
}

#[test]
fn one_topic_only() {
    let course = built_in();
    let i = course.find_topic("lake-formation").unwrap();
    let bank = course.quiz_of(&course.topics[i]).unwrap();
    let (_, notes) = read_back(&export(&course, Some(i)));
    assert_eq!(notes.len(), bank.triggers.len() + bank.questions.len());
    assert!(notes.iter().all(|n| n.tags[2] == "topic-12-lake-formation"));
}

#[test]
fn a_course_without_quizzes_gives_the_headers_alone() {
    assert_eq!(export(&mini_course(), None), headers());
}

/// The mini course with one quiz for its first topic.
fn with_bank(toml: &str) -> Course {
    let mut course = mini_course();
    let bank: QuizBank = parse("quizzes/01-alpha.toml", toml).expect("test quiz parses");
    course.topics[0].quiz = Some(0);
    course.edit_banks(|banks| *banks = vec![bank]);
    course
}

#[test]
fn notes_have_exactly_this_shape() {
    let course = with_bank(
        r#"topic = "alpha"

[[trigger]]
id = "alpha-cue"
cue = "Alpha cue"
answer = "Alpha answer"
decoys = ["One", "Two", "Three"]
why = "Because alpha."

[[question]]
id = "alpha-question"
stem = "Which two?"
choices = ["First", "Second", "Third"]
correct = [2, 0]
explain = ["Right: first.", "Wrong: second.", "Right: third."]
"#,
    );
    let file = export(&course, None);
    let expected = format!(
        "{}{}\n{}\n",
        headers(),
        "Alpha cue\tAlpha answer<br><br>Because alpha.\tdea-c01 phase6 topic-01-alpha trigger",
        "Which two? (Choose TWO.)<br><br>A. First<br>B. Second<br>C. Third\t\
         Answer: A, C<br>A. First<br>C. Third<br><br>✓ A. Right: first.<br>✗ B. Wrong: second.<br>✓ C. Right: third.\t\
         dea-c01 phase6 topic-01-alpha scenario"
    );
    assert_eq!(file, expected);
    assert_eq!(read_back(&file).1.len(), 2);
}

#[test]
fn hostile_text_is_escaped_exactly() {
    assert_eq!(
        field("a\tb\nc\r\nd\re <script>alert(\"x\")</script> &amp; 5 > 3"),
        "a b<br>c<br>d<br>e &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp; 5 &gt; 3"
    );
    assert_eq!(field("#not a comment # here"), "&#35;not a comment # here");
    assert_eq!(field("\"quoted\""), "&quot;quoted&quot;");
    assert_eq!(field("bell\u{7}nul\u{0}"), "bell nul ");
    assert_eq!(field("ünïcödé ✓ — 日本"), "ünïcödé ✓ — 日本");

    // The same text through a whole note (set after parsing, as a hostile course folder could give after any
    // cleaning) still reads back as 3 clean fields.
    let mut course = with_bank(
        r#"topic = "alpha"

[[trigger]]
id = "alpha-cue"
cue = "x"
answer = "y"
decoys = ["One", "Two", "Three"]
why = "z"
"#,
    );
    course.edit_banks(|banks| {
        let t = &mut banks[0].triggers[0];
        t.cue = "#tab\there\nnew <script>".into();
        t.answer = "\"quoted\"\r\n&amp;".into();
        t.why = "\t".into();
    });
    let file = export(&course, None);
    let (_, notes) = read_back(&file);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].front, "&#35;tab here<br>new &lt;script&gt;");
    assert_eq!(notes[0].back, "&quot;quoted&quot;<br>&amp;amp;<br><br> ");
}
