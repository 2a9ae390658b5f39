//! Helpers shared by the benchmarks: a generator of synthetic course folders (valid under `dea-tutor check`), a
//! generator of learner histories, and the few lines that drive `App` like the event loop does.
//!
//! The synthetic text is made of a small vocabulary, deterministically (a fixed seed), and sized like the built-in
//! course: a lesson of ten steps, two angles and six scenarios is about 25 KB, a quiz of 50 items about 25 KB.
#![allow(dead_code)] // each bench uses its own part of this module

use std::{collections::BTreeMap, fmt::Write as _, fs, io, path::Path};

use chrono::{DateTime, Duration, TimeZone, Utc};
use dea_tutor::{
    course::{Course, CourseFiles},
    quiz::{ItemState, QuizBank, Rating, review},
    session::Session,
    theme::Theme,
    tui::app::App,
};
use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers},
    layout::Rect,
};

/// What a synthetic course holds.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub topics: usize,
    pub triggers: usize,
    pub questions: usize,
    /// Teaching steps per lesson (the wrap-up comes on top).
    pub steps: usize,
    pub scenarios: usize,
    /// When non-zero, the first step of every lesson is a long document of about this many source lines.
    pub long_step_lines: usize,
}

impl Shape {
    /// `topics` topics of 50 quiz items each (25 triggers, 25 questions): 1,000 topics give 50,000 items.
    pub const fn course(topics: usize) -> Self {
        Self {
            topics,
            triggers: 25,
            questions: 25,
            steps: 10,
            scenarios: 6,
            long_step_lines: 0,
        }
    }

    /// One topic whose first step is a document of `lines` source lines.
    pub const fn long_lesson(lines: usize) -> Self {
        Self {
            long_step_lines: lines,
            ..Self::course(1)
        }
    }

    pub fn items(&self) -> usize {
        self.topics * (self.triggers + self.questions)
    }
}

#[rustfmt::skip]
const WORDS: &[&str] = &[
    "pipeline", "partition", "catalog", "crawler", "bucket", "stream", "shard", "schema", "table", "column",
    "workflow", "trigger", "job", "bookmark", "lineage", "quality", "ruleset", "metric", "alarm", "dashboard",
    "encryption", "key", "rotation", "secret", "policy", "role", "principal", "grant", "permission", "tag", "event",
    "rule", "target", "queue", "topic", "retry", "backoff", "state", "machine", "execution", "task", "batch",
    "window", "latency", "throughput", "cost", "replica", "snapshot", "audit", "trail", "query", "warehouse",
    "lake", "format", "parquet", "compaction", "ingestion", "consumer", "producer", "record", "checkpoint",
    "deadline", "owner", "account", "region", "endpoint", "network", "private", "public", "governance", "masking",
    "token", "hash", "sensitive", "classifier", "profile", "anomaly", "threshold",
];

/// A tiny deterministic text source.
struct Text {
    rng: StdRng,
}

impl Text {
    fn new(seed: u64) -> Self {
        Self {
            rng: StdRng::seed_from_u64(seed),
        }
    }

    fn word(&mut self) -> &'static str {
        WORDS.choose(&mut self.rng).copied().unwrap_or("data")
    }

    /// `n` words, with an occasional **bold**, *emphasis* or `code` span when `inline` is set.
    fn words(&mut self, n: usize, inline: bool) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let w = self.word();
            match (inline, self.rng.random_range(0..24)) {
                (true, 0) => write!(s, "**{w}**"),
                (true, 1) => write!(s, "*{w}*"),
                (true, 2) => write!(s, "`{w}`"),
                _ => write!(s, "{w}"),
            }
            .ok();
        }
        s
    }

    fn sentence(&mut self, n: usize) -> String {
        let mut s = self.words(n, false);
        if let Some(first) = s.get(..1) {
            s.replace_range(..1, &first.to_uppercase());
        }
        s
    }

    fn paragraph(&mut self, n: usize) -> String {
        let mut s = self.words(n, true);
        s.insert_str(0, "The ");
        s.push('.');
        s
    }

    fn table(&mut self, cols: usize, rows: usize) -> String {
        let mut s = String::new();
        let header: Vec<String> = (0..cols).map(|_| self.sentence(2)).collect();
        writeln!(s, "| {} |", header.join(" | ")).ok();
        writeln!(s, "|{}", " --- |".repeat(cols)).ok();
        for _ in 0..rows {
            let row: Vec<String> = (0..cols).map(|_| self.words(4, false)).collect();
            writeln!(s, "| {} |", row.join(" | ")).ok();
        }
        s
    }

    fn code(&mut self, lines: usize) -> String {
        let mut s = String::from("```json\n{\n");
        for i in 0..lines {
            let comma = if i + 1 < lines { "," } else { "" };
            writeln!(s, "  \"{}{i}\": \"{}\"{comma}", self.word(), self.word()).ok();
        }
        s.push_str("}\n```\n");
        s
    }
}

pub fn slug(topic: usize) -> String {
    format!("topic-{topic}")
}

fn step(t: &mut Text, n: usize) -> String {
    let mut s = format!("## Step {n}: {}\n\n", t.sentence(3));
    for _ in 0..3 {
        writeln!(s, "{}\n", t.paragraph(55)).ok();
    }
    for _ in 0..4 {
        writeln!(s, "- {}", t.words(10, true)).ok();
    }
    s.push('\n');
    if n.is_multiple_of(3) {
        writeln!(s, "{}", t.table(3, 4)).ok();
    }
    if n.is_multiple_of(4) {
        writeln!(s, "{}", t.code(6)).ok();
    }
    writeln!(s, "> {}", t.paragraph(15)).ok();
    s
}

/// A long document: headings, paragraphs, lists, quotes, tables and code, about `lines` source lines.
fn long_step(t: &mut Text, lines: usize) -> String {
    let mut s = format!("## A long step: {}\n\n", t.sentence(3));
    let mut n = 2;
    let mut block = 0;
    while n < lines {
        block += 1;
        let text = match block % 10 {
            0 => format!("### {}\n", t.sentence(4)),
            1 | 4 | 7 => format!("{}\n", t.paragraph(30)),
            2 | 5 => (0..5)
                .map(|_| format!("- {}\n", t.words(9, true)))
                .collect(),
            3 => format!("> {}\n", t.paragraph(20)),
            6 => t.table(3, 5),
            8 => t.code(6),
            _ => (1..=4)
                .map(|i| format!("{i}. {}\n", t.words(8, true)))
                .collect(),
        };
        n += text.lines().count() + 1;
        s.push_str(&text);
        s.push('\n');
    }
    s
}

fn scenario(t: &mut Text, n: usize) -> String {
    let mut s = format!("## Scenario {n}: {}\n\n", t.sentence(4));
    writeln!(s, "**Situation.** {}\n", t.paragraph(40)).ok();
    writeln!(s, "**Question.** {}?\n", t.sentence(14)).ok();
    writeln!(s, "**Pick.** {}\n", t.paragraph(20)).ok();
    s.push_str("**Why the look-alikes lose.**\n\n");
    for _ in 0..3 {
        writeln!(s, "- {}", t.words(12, false)).ok();
    }
    s
}

pub fn lesson(shape: &Shape, topic: usize) -> String {
    let mut t = Text::new(topic as u64);
    let mut s = format!(
        "+++\nnumber = {topic}\nslug = \"{}\"\ntitle = \"Synthetic topic {topic}: {}\"\ntagline = \"{}\"\n\
         tasks = [\"1.3 Orchestrate data pipelines\", \"4.2 Understand data governance\"]\n\n\
         [[sources]]\ntitle = \"Synthetic page {topic}\"\nurl = \"https://docs.aws.amazon.com/example/{topic}.html\"\n+++\n\n",
        slug(topic),
        t.sentence(3),
        t.sentence(10),
    );
    s.push_str("# Lesson\n\n");
    let steps: Vec<String> = (1..=shape.steps)
        .map(|n| {
            if n == 1 && shape.long_step_lines > 0 {
                long_step(&mut t, shape.long_step_lines)
            } else {
                step(&mut t, n)
            }
        })
        .collect();
    s.push_str(&steps.join("\n---\n\n"));
    s.push_str("\n# Another angle\n\n");
    let angles: Vec<String> = (0..2)
        .map(|_| format!("{}\n\n{}\n", t.paragraph(45), t.paragraph(45)))
        .collect();
    s.push_str(&angles.join("\n---\n\n"));
    s.push_str("\n# Exam scenarios\n\n");
    let scenarios: Vec<String> = (1..=shape.scenarios).map(|n| scenario(&mut t, n)).collect();
    s.push_str(&scenarios.join("\n---\n\n"));
    s.push_str("\n# Exam signals\n\n| Trigger phrase | Answer |\n| --- | --- |\n");
    for _ in 0..8 {
        writeln!(s, "| \"{}\" | {} |", t.words(5, false), t.sentence(3)).ok();
    }
    writeln!(s, "\n# Comparison\n\n{}", t.table(3, 4)).ok();
    writeln!(s, "# Memory hack\n\n{}.", t.sentence(12)).ok();
    s
}

/// A quoted TOML list of `n` texts made by `f`.
fn list(n: usize, mut f: impl FnMut(usize) -> String) -> String {
    let items: Vec<String> = (0..n).map(|i| format!("\"{}\"", f(i))).collect();
    format!("[{}]", items.join(", "))
}

pub fn quiz(shape: &Shape, topic: usize) -> String {
    let mut t = Text::new(1_000_000 + topic as u64);
    let mut s = format!("topic = \"{}\"\n", slug(topic));
    for k in 1..=shape.triggers {
        let cue = t.sentence(16);
        let answer = format!("Service {topic}-{k} {}", t.word());
        let decoys = list(3, |d| format!("Decoy {topic}-{k}-{d} {}", t.word()));
        let why = t.sentence(22);
        write!(
            s,
            "\n[[trigger]]\nid = \"t{topic}-trigger-{k}\"\ncue = \"{cue}\"\nanswer = \"{answer}\"\n\
             accept = [\"service {topic} {k}\"]\ndecoys = {decoys}\nwhy = \"{why}\"\n"
        )
        .ok();
    }
    for k in 1..=shape.questions {
        let stem = format!("{}?", t.sentence(40));
        let choices = list(4, |c| format!("Option {c}: {}", t.sentence(8)));
        let correct = if k.is_multiple_of(4) {
            format!("[{}, {}]", k % 3, k % 3 + 1)
        } else {
            format!("[{}]", k % 4)
        };
        let explain = list(4, |_| t.sentence(14));
        write!(
            s,
            "\n[[question]]\nid = \"t{topic}-question-{k}\"\nstem = \"{stem}\"\nchoices = {choices}\n\
             correct = {correct}\nexplain = {explain}\n"
        )
        .ok();
    }
    s
}

/// Every file of the course, as `(path relative to the course folder, contents)`.
pub fn files(shape: &Shape) -> Vec<(String, String)> {
    let topics: Vec<String> = (1..=shape.topics)
        .map(|i| format!("  \"{}\",\n", slug(i)))
        .collect();
    let mut out = vec![(
        "lessons/course.toml".to_string(),
        format!(
            "title = \"Synthetic course\"\nphase = \"Phase 0 — {} synthetic topics\"\ntopics = [\n{}]\n",
            shape.topics,
            topics.concat()
        ),
    )];
    for i in 1..=shape.topics {
        out.push((format!("lessons/{i:02}-{}.md", slug(i)), lesson(shape, i)));
        if shape.triggers + shape.questions > 0 {
            out.push((format!("quizzes/{i:02}-{}.toml", slug(i)), quiz(shape, i)));
        }
    }
    out
}

/// Writes the course folder `dir` (which may exist); returns the bytes written.
pub fn write(dir: &Path, shape: &Shape) -> io::Result<usize> {
    fs::create_dir_all(dir.join("lessons"))?;
    fs::create_dir_all(dir.join("quizzes"))?;
    let mut bytes = 0;
    for (path, text) in files(shape) {
        bytes += text.len();
        fs::write(dir.join(path), text)?;
    }
    Ok(bytes)
}

/// A course folder in a fresh temporary directory (removed when the guard drops).
pub fn temp_course(shape: &Shape) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    write(dir.path(), shape).expect("write the synthetic course");
    dir
}

/// Dates every file of a course folder an hour back: the index of a folder is cached only once its files have
/// settled (`course::index`), as a teacher's course has.
pub fn age(dir: &Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for sub in ["lessons", "quizzes"] {
        for entry in fs::read_dir(dir.join(sub)).expect("a course folder") {
            let file = fs::File::options()
                .write(true)
                .open(entry.expect("an entry").path());
            file.and_then(|f| f.set_modified(past))
                .expect("settable time");
        }
    }
}

/// Loads a course folder exactly as `dea-tutor --content DIR` does; panics with the diagnostics if it is invalid.
pub fn load(dir: &Path) -> Course {
    match CourseFiles::from_dir(dir).and_then(|f| f.parse()) {
        Ok(c) => c,
        Err(diags) => {
            let shown: Vec<String> = diags.iter().take(10).map(|d| d.to_string()).collect();
            panic!(
                "synthetic course is invalid ({} problems):\n{}",
                diags.len(),
                shown.join("\n")
            )
        }
    }
}

/// The fixed "now" of the quiz benches.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0)
        .single()
        .expect("a valid time")
}

/// A review history for every item of `banks`: one to four reviews each over the last 60 days, about one answer in
/// five wrong, so some items are due, some lapsed, some never wrong.
pub fn histories(banks: &[QuizBank]) -> BTreeMap<String, ItemState> {
    let mut rng = StdRng::seed_from_u64(7);
    let ids = banks.iter().flat_map(|b| {
        (b.triggers.iter().map(|t| t.id.clone())).chain(b.questions.iter().map(|q| q.id.clone()))
    });
    let mut out = BTreeMap::new();
    for id in ids {
        let mut at =
            now() - Duration::days(60) + Duration::minutes(rng.random_range(0..60 * 24 * 30));
        let mut state: Option<ItemState> = None;
        for _ in 0..rng.random_range(1..=4) {
            let rating = match rng.random_range(0..10) {
                0 | 1 => Rating::Again,
                2 => Rating::Hard,
                9 => Rating::Easy,
                _ => Rating::Good,
            };
            let next = review(state.as_ref(), rating, at, None);
            at = next.due.max(at + Duration::minutes(10));
            state = Some(next);
            if at > now() {
                break;
            }
        }
        if let Some(s) = state {
            out.insert(id, s);
        }
    }
    out
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn char_key(ch: char) -> Event {
    key(KeyCode::Char(ch))
}

/// The app at the start of `course`, as `dea-tutor` opens it for a new learner.
pub fn app(course: &Course) -> App<'_> {
    App::new(Session::new(course, None), Theme::monochrome())
}

pub fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}

/// One turn of the event loop after an event: bring the state up to date for the screen, then draw a full frame.
pub fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let area = Rect::new(
        0,
        0,
        terminal.backend().buffer().area.width,
        terminal.backend().buffer().area.height,
    );
    app.prepare(area);
    terminal
        .draw(|f| f.render_widget(&*app, f.area()))
        .expect("draw into the test backend");
}

/// Criterion, short by default: the machine is shared. Command-line flags still override these.
pub fn config() -> criterion::Criterion {
    criterion::Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3))
}
