//! Hostile course content: huge files, huge quizzes, absurd nesting, escape sequences. Each must load (or be refused
//! with a message) in bounded time and memory, and nothing that reaches the screen may carry a control character.
//!
//! There are no timing assertions: the times are printed (`cargo test --test hostile -- --nocapture`) so a slow
//! regression shows, but a loaded CI machine cannot fail the suite.

use std::{fmt::Write as _, fs, path::Path, process::Command, time::Instant};

use dea_tutor::{
    course::{Course, CourseFiles, lesson},
    quiz::bank,
    render,
    theme::Theme,
    util::sanitize,
};
use ratatui::text::Line;

const FRONT: &str = r#"+++
number = 1
slug = "alpha"
title = "Topic Alpha"
tagline = "The alpha tagline"
tasks = ["1.1 Test task"]
+++
"#;

const TAIL: &str = r#"
# Another angle

An angle.

# Exam scenarios

## A scenario

The scenario.

# Exam signals

| Trigger phrase | Answer |
| --- | --- |
| trigger | answer |

# Comparison

| | A | B |
| --- | --- | --- |
| scope | wide | narrow |

# Memory hack

One line.
"#;

/// A lesson whose `# Lesson` section is `steps` joined by `---`.
fn lesson_with_steps(steps: &[String]) -> String {
    format!("{FRONT}\n# Lesson\n\n{}\n{TAIL}", steps.join("\n\n---\n\n"))
}

fn write_course(dir: &Path, lesson: &str, quiz: Option<&str>) {
    fs::create_dir_all(dir.join("lessons")).unwrap();
    fs::create_dir_all(dir.join("quizzes")).unwrap();
    fs::write(
        dir.join("lessons/course.toml"),
        "title = \"Hostile\"\nphase = \"Phase 0\"\ntopics = [\"alpha\"]\n",
    )
    .unwrap();
    fs::write(dir.join("lessons/01-alpha.md"), lesson).unwrap();
    if let Some(q) = quiz {
        fs::write(dir.join("quizzes/01-alpha.toml"), q).unwrap();
    }
}

fn load(dir: &Path) -> Course {
    CourseFiles::from_dir(dir)
        .and_then(|f| f.parse())
        .unwrap_or_else(|d| panic!("{d:?}"))
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{what}: {:.2?}", start.elapsed());
    out
}

fn render_mono(md: &str, width: u16) -> Vec<Line<'static>> {
    render::render(md, width, &Theme::monochrome())
}

fn text_of(lines: &[Line<'_>]) -> String {
    lines
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| s.content.as_ref()))
        .collect()
}

/// Runs `f` on a thread with a small stack (512 KiB, a quarter of a test thread's default), so code that recurses
/// once per nesting level overflows here long before it could in the real binary's main thread.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no panic, no stack overflow")
}

/// One block of varied markdown, about 1 KiB.
fn block(i: usize) -> String {
    format!(
        "Paragraph {i} with **bold**, *emphasis*, `code`, ~~struck~~ and a [link](https://docs.aws.amazon.com/{i}). \
         Step Functions retries a Task with `Retry`; Lake Formation grants LF-tags; MWAA runs Airflow DAGs.\n\n\
         - item one of {i}\n- item two with a longer text that will need to be wrapped at eighty columns at least once\n  \
         - nested item\n\n> A quote {i} that also runs on long enough to wrap in a narrow terminal window.\n\n\
         | Col A | Col B |\n| --- | --- |\n| a{i} | b{i} |\n\n```json\n{{ \"StartAt\": \"S{i}\", \"States\": {{}} }}\n```\n\n"
    )
}

#[test]
fn ten_megabyte_lesson_loads_and_renders() {
    const STEP_BYTES: usize = 1_350_000;
    let steps: Vec<String> = (0..8)
        .map(|s| {
            let mut step = format!("## Huge step {s}\n\n");
            let mut i = 0;
            while step.len() < STEP_BYTES {
                step.push_str(&block(s * 100_000 + i));
                i += 1;
            }
            step
        })
        .collect();
    let text = lesson_with_steps(&steps);
    assert!(text.len() > 10 * 1024 * 1024, "{}", text.len());
    let tmp = tempfile::tempdir().unwrap();
    write_course(tmp.path(), &text, None);
    eprintln!("lesson size: {} bytes", text.len());

    let course = timed("10 MB lesson: load", || load(tmp.path()));
    let lesson = course.topics[0].lesson();
    assert_eq!(lesson.steps.len(), 8);
    let biggest = lesson
        .steps
        .iter()
        .max_by_key(|s| s.markdown.len())
        .unwrap();
    let lines = timed(
        "10 MB lesson: render the biggest step at 80 columns",
        || render_mono(&biggest.markdown, 80),
    );
    assert!(lines.len() > 1000, "{}", lines.len());
    assert!(text_of(&lines).contains("Huge step"));
    let _ = timed("10 MB lesson: render at width 1", || {
        render_mono(&biggest.markdown, 1)
    });
}

#[test]
fn course_file_over_the_size_limit_is_refused_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = lesson_with_steps(&["## Step\n\nText.".to_string()]);
    text.push_str(&"x".repeat(17 * 1024 * 1024));
    write_course(tmp.path(), &text, None);
    let diags = CourseFiles::from_dir(tmp.path()).unwrap_err();
    let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        shown,
        ["lessons/01-alpha.md: 18 MiB is too big for a course file (the limit is 16 MiB)"]
    );
}

#[cfg(unix)]
#[test]
fn endless_device_behind_a_symlink_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    write_course(tmp.path(), &lesson_with_steps(&["## S\n\nT.".into()]), None);
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("lessons/02-zero.md")).unwrap();
    let diags = CourseFiles::from_dir(tmp.path()).unwrap_err();
    let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        shown,
        ["lessons/02-zero.md: cannot read: not a regular file"]
    );
}

fn big_quiz(triggers: usize, id: impl Fn(usize) -> String) -> String {
    let mut q = String::with_capacity(triggers * 120);
    q.push_str("topic = \"alpha\"\n");
    for i in 0..triggers {
        let _ = write!(
            q,
            "\n[[trigger]]\nid = \"{}\"\ncue = \"Cue {i}\"\nanswer = \"Answer {i}\"\n\
             decoys = [\"Decoy a\", \"Decoy b\", \"Decoy c\"]\nwhy = \"Why {i}.\"\n",
            id(i)
        );
    }
    q
}

/// Diagnostics, shortened for an assertion message (a failing test must not print 100,000 of them).
fn first_few(diags: &[dea_tutor::course::Diagnostic]) -> String {
    let shown: Vec<String> = diags.iter().take(3).map(|d| d.to_string()).collect();
    format!("{} diagnostics, first: {shown:?}", diags.len())
}

#[test]
fn quiz_with_100_000_triggers_parses() {
    let text = big_quiz(100_000, |i| format!("t-{i}"));
    eprintln!("quiz size: {} bytes", text.len());
    let bank = timed("100,000 triggers: bank::parse", || {
        bank::parse("quizzes/01-alpha.toml", &text).unwrap_or_else(|d| panic!("{}", first_few(&d)))
    });
    assert_eq!(bank.triggers.len(), 100_000);
    // Lines: 1 topic, 2 blank, then 7 a trigger starting with its `[[trigger]]` header.
    assert_eq!(bank.triggers[99_999].line, 7 * 99_999 + 3);
    let banks = [bank];
    let diags = timed("100,000 triggers: check_course", || {
        bank::check_course(&banks, &["alpha".to_string()])
    });
    assert!(diags.is_empty(), "{}", first_few(&diags));
}

#[test]
fn quiz_with_100_000_copies_of_one_id_reports_each() {
    let text = big_quiz(100_000, |_| "same-id".into());
    let bank = timed("100,000 triggers, one id: bank::parse", || {
        bank::parse("quizzes/01-alpha.toml", &text).unwrap_or_else(|d| panic!("{}", first_few(&d)))
    });
    let diags = timed("100,000 triggers, one id: check_course", || {
        bank::check_course(&[bank], &["alpha".to_string()])
    });
    assert_eq!(diags.len(), 99_999, "{}", first_few(&diags));
    assert_eq!(
        diags[0].to_string(),
        "quizzes/01-alpha.toml:10: duplicate id `same-id` (first used at quizzes/01-alpha.toml:3)"
    );
}

#[test]
fn quiz_with_100_000_broken_triggers_reports_each_line() {
    // Every trigger lacks decoys: one diagnostic a trigger, each needing a line number.
    let text = big_quiz(100_000, |i| format!("t-{i}")).replace(
        "decoys = [\"Decoy a\", \"Decoy b\", \"Decoy c\"]",
        "decoys = []",
    );
    let diags = timed("100,000 broken triggers: bank::parse", || {
        bank::parse("quizzes/01-alpha.toml", &text).unwrap_err()
    });
    assert_eq!(diags.len(), 100_000, "{}", first_few(&diags));
    assert_eq!(
        diags[99_999].to_string(),
        format!(
            "quizzes/01-alpha.toml:{}: trigger `t-99999`: needs at least 3 decoys, has 0",
            7 * 99_999 + 7
        )
    );
}

#[test]
fn lesson_with_100_000_empty_steps_reports_each_line() {
    let rules = "---\n\n".repeat(100_000);
    let text = format!("{FRONT}\n# Lesson\n\n## Step\n\nText.\n\n{rules}{TAIL}");
    let diags = timed("100,000 empty steps: lesson::parse", || {
        lesson::parse("lessons/01-alpha.md", &text).unwrap_err()
    });
    assert_eq!(diags.len(), 100_000, "{}", first_few(&diags));
}

#[test]
fn deeply_nested_lists_and_quotes_do_not_overflow_the_stack() {
    let cases = [
        ("5,000 nested lists", "- ".repeat(5_000) + "deep"),
        ("10,000 nested quotes", "> ".repeat(10_000) + "deep"),
        (
            "10,000 nested quotes, no spaces",
            ">".repeat(10_000) + " deep",
        ),
        ("5,000 quote-list pairs", "> - ".repeat(5_000) + "deep"),
        (
            "1,000 indented list levels",
            (0..1_000)
                .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            "10,000 open brackets",
            "[".repeat(10_000) + "x" + &"](u)".repeat(10_000),
        ),
        (
            "10,000 emphasis runs",
            "*a ".repeat(10_000) + &"b* ".repeat(10_000),
        ),
        (
            "10,000 backtick runs",
            "text ".to_string() + &"`".repeat(10_000) + "x",
        ),
        ("5,000 code spans", "`a` ".repeat(5_000)),
        (
            "5,000 nested inline links",
            "[a ".repeat(5_000) + &"](https://x) ".repeat(5_000),
        ),
        (
            "10,000 table columns",
            format!(
                "|{}\n|{}\n|{}\n",
                "a|".repeat(10_000),
                "-|".repeat(10_000),
                "b|".repeat(10_000)
            ),
        ),
    ];
    for (what, deep) in cases {
        let text = lesson_with_steps(&[format!("## Deep\n\n{deep}\n"), "## Two\n\nOk.".into()]);
        let size = text.len();
        let (lines, parse, render) = on_small_stack(move || {
            let start = Instant::now();
            let lesson = lesson::parse("lessons/01-alpha.md", &text).expect("valid");
            let parse = start.elapsed();
            let start = Instant::now();
            let lines = render_mono(&lesson.steps[0].markdown, 80);
            let _ = render_mono(&lesson.steps[0].markdown, 3);
            (lines.len(), parse, start.elapsed())
        });
        eprintln!(
            "{what} ({size} bytes): parse {parse:.2?}, render x2 {render:.2?}, {lines} lines"
        );
        assert!(lines > 0, "{what}");
    }
}

#[test]
fn deeply_nested_toml_is_an_error_not_a_crash() {
    let nested = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let inline = |n: usize| format!("{}{}", "{ a = ".repeat(n), "1 }".repeat(n));
    for (what, value) in [
        ("10,000 nested arrays", nested(10_000)),
        ("10,000 nested inline tables", inline(10_000)),
    ] {
        let quiz = format!("topic = \"alpha\"\nextra = {value}\n");
        let front = FRONT.replace("tasks = [", &format!("extra = {value}\ntasks = ["));
        let lesson_text = lesson_with_steps(&["## S\n\nT.".into()]).replace(FRONT, &front);
        let course =
            format!("title = \"t\"\nphase = \"p\"\ntopics = [\"alpha\"]\nextra = {value}\n");
        let took = on_small_stack(move || {
            let start = Instant::now();
            assert!(bank::parse("quizzes/01-alpha.toml", &quiz).is_err());
            assert!(lesson::parse("lessons/01-alpha.md", &lesson_text).is_err());
            let files = CourseFiles {
                origin: "test".into(),
                course_toml: Some(dea_tutor::course::load::SourceFile {
                    path: "lessons/course.toml".into(),
                    text: course,
                }),
                lessons: Vec::new(),
                quizzes: Vec::new(),
            };
            assert!(files.parse().is_err());
            start.elapsed()
        });
        eprintln!("{what}: {took:.2?}");
    }
}

/// Every control character a hostile file might carry on one line: ESC sequences (CSI, OSC with BEL and ST, DCS),
/// the other C0 controls, DEL, and C1 controls including the one-byte CSI U+009B. Not `\r`: a lone CR is a line
/// break to the sanitiser (as to a terminal), which would split table rows; see [`hostile_lines`].
fn hostile_text() -> String {
    let mut s = String::from(
        "\x1b[2J\x1b[H\x1b[31mred\x1b[0m \x1b]0;pwned title\x07 \x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\ \
         \x1bP+q\x1b\\ \u{9b}31m c1-csi \u{9d}osc\u{9c} \x07bell \x08back \x7fdel \x00nul ",
    );
    for c in (0u32..0x20).chain(0x7f..0xa0) {
        if c != u32::from(b'\n') && c != u32::from(b'\r') {
            s.push(char::from_u32(c).unwrap());
        }
        s.push('x');
    }
    s
}

/// Hostile text that also breaks lines in odd ways: lone CRs, CR LF, and the Unicode line and paragraph separators.
fn hostile_lines() -> String {
    hostile_text() + "\rcr\r\rcr-lf\r\nls\u{2028}ps\u{2029}end"
}

fn assert_no_controls(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        panic!("{what}: control character U+{:04X} in {s:?}", u32::from(c));
    }
}

fn assert_lines_clean(what: &str, lines: &[Line<'_>]) {
    for line in lines {
        for span in &line.spans {
            assert_no_controls(what, &span.content);
        }
    }
}

#[test]
fn escape_sequences_and_controls_never_reach_the_screen() {
    let h = hostile_text();
    let esc = r"\u001b]0;pwned\u0007\u009b2J\u0000";
    let front = format!(
        "+++\nnumber = 1\nslug = \"alpha\"\ntitle = \"Topic {esc} Alpha\"\ntagline = \"Tag {esc}\"\n\
         tasks = [\"1.1 {esc}\"]\n\n[[sources]]\ntitle = \"Src {esc}\"\nurl = \"https://docs.aws.amazon.com/{esc}\"\n+++\n"
    );
    let lines = hostile_lines();
    let body = format!(
        "\n# Lesson\n\n## Step {h} one\n\n{lines}\n\n- {h}\n\n> {h}\n\n| a | b |\n| --- | --- |\n| {h} | `{h}` |\n\n\
         ```\n{h}\n```\n\n    {h}\n\n[{h}](https://x/{h})\n\n---\n\n## Two\n\n*{h}* **{h}**\n\n# Another angle\n\n{h}\n\n\
         # Exam scenarios\n\n## Scenario {h}\n\n{h}\n\n# Exam signals\n\n| Trigger phrase | Answer |\n| --- | --- |\n\
         | {h} | {h} |\n\n# Comparison\n\n| | A {h} | B |\n| --- | --- | --- |\n| {h} | x | y |\n\n# Memory hack\n\n{h}\n"
    );
    let quiz = format!(
        "topic = \"alpha\"\n\n[[trigger]]\nid = \"cue-one\"\ncue = \"Cue {esc}\"\nanswer = \"Answer {esc}\"\n\
         accept = [\"acc {esc}\"]\ndecoys = [\"d1 {esc}\", \"d2\", \"d3\"]\nwhy = \"Why {esc}\"\n\n\
         [[question]]\nid = \"q-one\"\nstem = \"Stem {esc}\"\nchoices = [\"c0 {esc}\", \"c1\"]\ncorrect = [0]\n\
         explain = [\"e0 {esc}\", \"e1\"]\n"
    );
    let tmp = tempfile::tempdir().unwrap();
    write_course(tmp.path(), &format!("{front}{body}"), Some(&quiz));
    fs::write(
        tmp.path().join("lessons/course.toml"),
        format!("title = \"Hostile {esc}\"\nphase = \"Phase {esc}\"\ntopics = [\"alpha\"]\n"),
    )
    .unwrap();

    let course = load(tmp.path());
    assert_no_controls("course title", &course.title);
    assert_no_controls("course phase", &course.phase);
    let topic = &course.topics[0];
    let m = &topic.lesson().meta;
    for (what, s) in [
        ("title", &m.title),
        ("tagline", &m.tagline),
        ("task", &m.tasks[0]),
    ] {
        assert_no_controls(what, s);
    }
    assert_no_controls("source title", &m.sources[0].title);
    assert_no_controls("source url", &m.sources[0].url);
    assert_eq!(m.title, "Topic ]0;pwned2J Alpha");
    let quiz = course.quiz_of(topic).unwrap();
    let t = &quiz.triggers[0];
    for s in [&t.cue, &t.answer, &t.accept[0], &t.decoys[0], &t.why] {
        assert_no_controls("trigger field", s);
    }
    let q = &quiz.questions[0];
    for s in [&q.stem, &q.choices[0], &q.explain[0]] {
        assert_no_controls("question field", s);
    }

    let l = topic.lesson();
    let parts = l.steps.iter().chain(&l.angles).chain(&l.scenarios);
    for part in parts {
        assert_no_controls("part title", part.title.as_deref().unwrap_or(""));
        for width in [80, 20, 1] {
            assert_lines_clean("rendered part", &render_mono(&part.markdown, width));
        }
    }
    assert_lines_clean("wrap-up", &render_mono(&l.wrap_up(), 80));
    // The renderer cleans on its own too: raw hostile text straight in.
    assert_lines_clean("raw", &render_mono(&h, 80));
    assert_lines_clean("raw lines", &render_mono(&hostile_lines(), 80));
    assert_no_controls(
        "sanitize::clean",
        &sanitize::clean(&hostile_lines()).replace('\n', ""),
    );

    // What the binary prints about this course.
    let bin = env!("CARGO_BIN_EXE_dea-tutor");
    let dir = tmp.path().to_str().unwrap();
    for args in [vec!["topics", "--content", dir], vec!["check", dir]] {
        let out = Command::new(bin)
            .args(&args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_no_controls(&format!("{args:?}"), &stdout.replace('\n', ""));
    }
}

#[test]
fn diagnostics_never_carry_controls() {
    let tmp = tempfile::tempdir().unwrap();
    let esc = r"\u001b[31m\u009b";
    let lesson_text = lesson_with_steps(&["## S\n\nT.".into()])
        .replace("slug = \"alpha\"", &format!("slug = \"al{esc}pha\""))
        .replace("# Memory hack", "# Memory \x1b[5m hack");
    let quiz = format!(
        "topic = \"zz{esc}\"\n\n[[trigger]]\nid = \"id{esc}\"\ncue = \"{esc}\"\nanswer = \"a\"\n\
         decoys = [\"a{esc}\"]\nwhy = \"w\"\n"
    );
    write_course(tmp.path(), &lesson_text, Some(&quiz));
    fs::write(
        tmp.path().join("lessons/course.toml"),
        format!("title = \"t\"\nphase = \"p\"\ntopics = [\"al{esc}pha\"]\n"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dea-tutor"))
        .args(["check", tmp.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.lines().count() >= 5, "{stderr}");
    assert_no_controls("check's stderr", &stderr.replace('\n', ""));
}

#[test]
fn built_in_course_load_time() {
    let course = timed("built-in course: parse", || {
        Course::built_in().expect("valid")
    });
    assert_eq!(course.topics.len(), 10);
}
