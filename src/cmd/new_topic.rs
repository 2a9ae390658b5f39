//! `dea-tutor new-topic NN slug "Title"`: scaffold a topic (lesson and quiz) in a course folder and list it in
//! `lessons/course.toml`. Every check happens before anything is written; the two new files are created only if
//! they do not exist.

use std::{
    fs::{self, OpenOptions},
    io::{self, Write},
    path::Path,
    process::ExitCode,
};

use clap::Args;

use crate::{
    cli::{ContentOpt, Global},
    course::{
        load::COURSE_TOML,
        scaffold::{Existing, Scaffold, parse_number, scaffold},
    },
    util::text::plural,
};

#[derive(Debug, Args)]
#[command(
    after_help = "Writes into the course folder given by --content DIR, or the current folder. Refuses, writing nothing, when a file exists or the number or slug is taken."
)]
pub struct NewTopicArgs {
    /// The topic number, 1 to 999 (the NN of lessons/NN-slug.md)
    #[arg(value_name = "NN", allow_hyphen_values = true)]
    pub number: String,
    /// The topic's short name: lower-case words joined by `-` (e.g. glue-streaming)
    pub slug: String,
    /// The topic's title, in quotes
    pub title: String,
    #[command(flatten)]
    pub content: ContentOpt,
}

/// Scaffolds into `--content DIR`, or the current folder.
pub fn run(global: &Global, args: &NewTopicArgs) -> ExitCode {
    let dir = global.content.as_deref().unwrap_or(Path::new("."));
    let refuse = |message: &str| {
        eprintln!("dea-tutor new-topic: {message}");
        ExitCode::from(1)
    };
    let number = match parse_number(&args.number) {
        Ok(n) => n,
        Err(e) => return refuse(&e),
    };
    if dir.exists() && !dir.is_dir() {
        return refuse(&format!("{} is not a folder", dir.display()));
    }
    let existing = match read_existing(dir) {
        Ok(e) => e,
        Err(e) => return refuse(&e),
    };
    let plan = match scaffold(number, &args.slug, &args.title, &existing) {
        Ok(p) => p,
        Err(e) => return refuse(&format!("{}: {e}", dir.display())),
    };
    match write(dir, &plan) {
        Ok(()) => {
            outln!("Wrote {}", dir.join(&plan.lesson_path).display());
            outln!("Wrote {}", dir.join(&plan.quiz_path).display());
            if plan.course_toml.is_some() {
                outln!(
                    "Listed `{}` in {}",
                    args.slug,
                    dir.join(COURSE_TOML).display()
                );
            }
            outln!(
                "Placeholders marked `TODO:` are left on {}: replace each with the real text. \
                 `dea-tutor check {}` fails, listing them, until none is left.",
                plural(plan.placeholder_lines(), "line"),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => refuse(&e),
    }
}

fn read_existing(dir: &Path) -> Result<Existing, String> {
    let names = |sub: &str| -> Result<Vec<String>, String> {
        match fs::read_dir(dir.join(sub)) {
            Ok(entries) => Ok(entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(format!("cannot read {}: {e}", dir.join(sub).display())),
        }
    };
    let course_path = dir.join(COURSE_TOML);
    let course_toml = match fs::read_to_string(&course_path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read {}: {e}", course_path.display())),
    };
    Ok(Existing {
        lessons: names("lessons")?,
        quizzes: names("quizzes")?,
        course_toml,
    })
}

/// Creates the two files (never over an existing one), then updates the course order; on a failure, what was
/// created is removed again.
fn write(dir: &Path, plan: &Scaffold) -> Result<(), String> {
    let lesson = dir.join(&plan.lesson_path);
    let quiz = dir.join(&plan.quiz_path);
    for folder in ["lessons", "quizzes"] {
        fs::create_dir_all(dir.join(folder))
            .map_err(|e| format!("cannot create {}: {e}", dir.join(folder).display()))?;
    }
    create_new(&lesson, &plan.lesson)?;
    if let Err(e) = create_new(&quiz, &plan.quiz) {
        let _ = fs::remove_file(&lesson);
        return Err(e);
    }
    if let Some(text) = &plan.course_toml {
        let path = dir.join(COURSE_TOML);
        if let Err(e) = fs::write(&path, text) {
            let _ = fs::remove_file(&lesson);
            let _ = fs::remove_file(&quiz);
            return Err(format!("cannot write {}: {e}", path.display()));
        }
    }
    Ok(())
}

fn create_new(path: &Path, text: &str) -> Result<(), String> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => {
                format!("{} already exists; nothing written", path.display())
            }
            _ => format!("cannot create {}: {e}", path.display()),
        })?;
    file.write_all(text.as_bytes()).map_err(|e| {
        let _ = fs::remove_file(path);
        format!("cannot write {}: {e}", path.display())
    })
}
