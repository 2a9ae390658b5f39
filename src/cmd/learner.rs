//! The learner's progress for one run of a command: loaded once before any terminal mode, saved after every change
//! (every lesson move, every quiz answer) through the atomic, merging store.

use std::{collections::BTreeMap, path::PathBuf, process::ExitCode, time::Instant};

use chrono::NaiveDate;

use crate::{
    cli::Global,
    course::{Course, manifest::progress_key},
    progress::{LessonProgress, Progress, store::Store},
    quiz::{ItemState, report, reread},
    session::Session,
    tui::Host,
};

pub struct Learner {
    pub store: Store,
    pub progress: Progress,
    /// Set once a save failed; shown at exit and makes the exit status non-zero.
    pub save_failed: Option<String>,
    /// A warning from loading (a corrupt file moved aside), shown at start.
    pub load_warning: Option<String>,
    /// The place last saved and when: the time to the next step is the time spent reading this one.
    last_move: Option<(crate::session::Position, Instant)>,
    /// The lesson part of the progress as the file holds it (loaded from it or saved to it); `None` while the file
    /// does not exist.
    on_disk: Option<LessonProgress>,
}

/// A step read for longer than this was left open, not read: its time is not counted.
const LONGEST_READ: std::time::Duration = std::time::Duration::from_secs(15 * 60);

impl Learner {
    pub fn open(global: &Global) -> Result<Self, ExitCode> {
        let Some(path) = progress_path(global) else {
            eprintln!("dea-tutor: no data folder for this user; pass --progress FILE");
            return Err(ExitCode::from(2));
        };
        // Each course keeps its own place and quiz history in the file.
        let store = Store::new(path, progress_key(global.content.as_deref()));
        let (progress, report) = store.load().map_err(|e| {
            eprintln!("dea-tutor: {e}");
            ExitCode::from(1)
        })?;
        let mut warning = report.warning;
        if let Err(e) = store.check_writable() {
            let w = format!(
                "progress will NOT be saved: {e}. Use --progress FILE to keep it somewhere writable."
            );
            warning = Some(match warning {
                Some(first) => format!("{first}; {w}"),
                None => w,
            });
        }
        if let Some(w) = &warning {
            eprintln!("dea-tutor: warning: {w}");
        }
        let on_disk = store.path().is_file().then(|| progress.lesson.clone());
        let mut progress = progress;
        // A date given on any command is remembered (saved with the next change); a past one is not.
        if let Some(date) = global.exam_date
            && date >= chrono::Utc::now().date_naive()
        {
            progress.lesson.exam_date = Some(date);
        }
        Ok(Self {
            store,
            progress,
            save_failed: None,
            load_warning: warning,
            last_move: None,
            on_disk,
        })
    }

    /// Saves now; returns a warning for the screen if it failed.
    pub fn save(&mut self) -> Option<String> {
        match self.store.save(&self.progress) {
            Ok(merged) => {
                self.progress = merged;
                self.on_disk = Some(self.progress.lesson.clone());
                None
            }
            Err(e) => {
                let w = format!("progress NOT saved: {e}");
                self.save_failed = Some(w.clone());
                Some(w)
            }
        }
    }

    /// The exam date given on the command line, else the one remembered.
    pub fn exam_date(&self, global: &Global) -> Option<NaiveDate> {
        global.exam_date.or(self.progress.lesson.exam_date)
    }

    /// Saves the lesson's place, marks and reading time; when they are what the file holds already, nothing is
    /// written (opening the step where the learner already is costs no file write and fsync).
    pub fn record_lesson(&mut self, s: &Session) -> Option<String> {
        let here = s.position();
        self.progress.set_position(&here);
        self.progress.lesson.reach(&here.topic, here.step);
        self.time_reading(here);
        self.progress
            .lesson
            .visited
            .extend(s.visited.iter().cloned());
        self.progress
            .lesson
            .completed
            .extend(s.completed.iter().cloned());
        if self.on_disk.as_ref() == Some(&self.progress.lesson) && self.save_failed.is_none() {
            return None;
        }
        self.save()
    }

    /// Moving on by one step adds the time spent on the step left to the learner's reading time.
    fn time_reading(&mut self, here: crate::session::Position) {
        let now = Instant::now();
        if let Some((before, at)) = &self.last_move
            && before.topic == here.topic
            && here.step == before.step + 1
        {
            let spent = now.duration_since(*at);
            if spent <= LONGEST_READ {
                self.progress.lesson.reading_secs += spent.as_secs();
                self.progress.lesson.reading_steps += 1;
            }
        }
        if self.last_move.as_ref().is_none_or(|(p, _)| *p != here) {
            self.last_move = Some((here, now));
        }
    }

    pub fn record_item(&mut self, id: &str, state: &ItemState) -> Option<String> {
        self.progress.items.insert(id.to_string(), state.clone());
        self.save()
    }

    /// The line printed at exit: where progress went, or loudly that it did not.
    pub fn saved_line(&self) -> String {
        match &self.save_failed {
            Some(w) => format!("Warning: {w}"),
            None => format!("Progress saved to {}.", self.store.path().display()),
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        if self.save_failed.is_some() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

pub fn progress_path(global: &Global) -> Option<PathBuf> {
    global.progress.clone().or_else(Store::default_path)
}

/// The TUI's view of the learner: progress to save, history to schedule from, stats to show.
pub struct LearnerHost<'a> {
    pub learner: &'a mut Learner,
    pub course: &'a Course,
    pub exam_date: Option<NaiveDate>,
}

impl Host for LearnerHost<'_> {
    fn save_lesson(&mut self, s: &Session) -> Option<String> {
        self.learner.record_lesson(s)
    }
    fn save_item(&mut self, id: &str, state: &ItemState) -> Option<String> {
        self.learner.record_item(id, state)
    }
    fn histories(&self) -> &BTreeMap<String, ItemState> {
        &self.learner.progress.items
    }
    fn stats_markdown(&self) -> String {
        stats_markdown(self.course, self.learner, Open::Key)
    }
    fn reread(&self) -> Vec<reread::Reread> {
        self.course.reread(&self.learner.progress.items)
    }
    fn exam_date(&self) -> Option<NaiveDate> {
        self.exam_date
    }
    fn plan(&self) -> crate::tui::PlanScreen {
        super::plan::screen(self.course, &self.learner.progress, self.exam_date)
    }
}

/// How a listed step to re-read is opened: by its number on the full screen, by a command from plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    Key,
    Command,
}

/// The stats, with the steps to re-read.
pub fn stats_markdown(course: &Course, learner: &Learner, open: Open) -> String {
    let s = course.stats(&learner.progress.items, chrono::Utc::now());
    let lesson = &learner.progress.lesson;
    let read = (course.topics.iter().enumerate())
        .map(|(i, t)| {
            let read = crate::forecast::course::steps_read(course, i, lesson);
            (t.slug().to_string(), (read, t.step_titles().len()))
        })
        .collect();
    let mut md = report::stats_markdown(&s, &course.topic_infos(), &read);
    md.push('\n');
    md.push_str(&reread_markdown(course, learner, open));
    md
}

/// The steps to re-read from the learner's recent wrong answers, and how to open them.
pub fn reread_markdown(course: &Course, learner: &Learner, open: Open) -> String {
    let list = course.reread(&learner.progress.items);
    // Nothing to list: no need of the topics' labels (a big course has a thousand to copy).
    let Some(r) = list.first() else {
        return String::new();
    };
    let how = match open {
        Open::Key => "press its number".to_string(),
        Open::Command => {
            let n = course
                .topics
                .iter()
                .find(|t| t.slug() == r.topic)
                .map_or(0, |t| t.number());
            format!(
                "open one with `dea-tutor --topic {n} --step {}`",
                r.step + 1
            )
        }
    };
    reread::markdown(&list, &course.topic_infos(), &how)
}
