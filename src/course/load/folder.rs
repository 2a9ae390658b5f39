//! Reading a course folder from disk: only regular files of a bounded size, every problem collected.

use std::{
    fs,
    io::{self, Read},
    path::{Path, PathBuf},
};

use super::{CourseFiles, Findings, Kind, Parsed, lesson};
use crate::{
    course::{
        Course, Lesson,
        index::{BankOutline, Stamp, folder_origin, stamp_of},
    },
    quiz::bank::{self, QuizBank},
    util::{diagnostic::Diagnostic, parallel, sanitize},
};

/// No lesson or quiz file is anywhere near this big (the built-in ones are under 100 KiB); a bigger file is refused
/// before it is read, so a stray video renamed `.md` or `/dev/zero` behind a symlink cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

impl CourseFiles {
    /// A course folder: `DIR/lessons/course.toml`, `DIR/lessons/*.md`, `DIR/quizzes/*.toml`.
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<Diagnostic>> {
        let (mut files, names) = Self::names(dir)?;
        let mut diags = Vec::new();
        let read = parallel::map(&names, names.len() >= PARALLEL_FILES, |(folder, name)| {
            read_course_file(&folder.join(name)).map(|t| t.map(super::cleaned))
        });
        for (rel, read) in names.iter().map(relative).zip(read) {
            match read {
                Ok(Some(text)) => files.push(super::SourceFile { path: rel, text }),
                Ok(None) => {}
                Err((line, message)) => diags.push(Diagnostic::new(rel, line, message)),
            }
        }
        if diags.is_empty() {
            Ok(files)
        } else {
            Err(diags)
        }
    }

    /// [`Self::from_dir`] and [`Self::parse`] in one pass over the files: each file is read into a buffer its core
    /// keeps, cleaned and parsed while it is in the cache, then dropped, so no phase waits for the slowest core and
    /// no text is held. [`Pass::Check`] also finds what `check` looks for besides ([`Findings`]); [`Pass::Index`]
    /// keeps of each file only what the index reads. `Err`: the folder or a file could not be read (what `from_dir`
    /// reports); else the course or its problems.
    pub fn parse_dir(
        dir: &Path,
        pass: Pass,
    ) -> Result<(Parsed<Course>, Findings), Vec<Diagnostic>> {
        let (mut files, names) = Self::names(dir)?;
        if names.len() >= PARALLEL_FILES {
            keep_freed_memory();
        }
        let done = parallel::map(&names, names.len() >= PARALLEL_FILES, |entry| {
            read_and_parse(entry, pass)
        });
        let (mut diags, mut found) = (Vec::new(), Findings::default());
        let (mut lessons, mut banks, mut outlines) = (Vec::new(), Vec::new(), Vec::new());
        for (rel, done) in names.iter().map(relative).zip(done) {
            let (file, findings) = match done {
                Ok(Some(done)) => done,
                Ok(None) => continue,
                Err((line, message)) => {
                    diags.push(Diagnostic::new(rel, line, message));
                    continue;
                }
            };
            found.add(findings);
            // The texts of lessons and quizzes are parsed already: only their paths are kept.
            let path = super::SourceFile {
                path: rel,
                text: String::new(),
            };
            match file {
                Done::CourseToml(text) => {
                    files.course_toml = Some(super::SourceFile { text, ..path })
                }
                Done::Lesson(l) => {
                    files.lessons.push(path);
                    lessons.push(*l);
                }
                Done::Quiz(b) => {
                    files.quizzes.push(path);
                    banks.push(b);
                }
                Done::Outline(b) => {
                    files.quizzes.push(path);
                    outlines.push(b);
                }
                Done::Other => {}
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let course = match pass {
            Pass::Check => files.assemble(lessons, banks),
            Pass::Index => files.assemble_index(lessons, outlines, folder_origin(dir)),
        };
        Ok((course, found))
    }

    /// The course's files, `(folder, file name)` in order (`lessons/` then `quizzes/`, each sorted), and an empty
    /// course of `dir` to fill; `Err` when a folder is missing or unreadable.
    fn names(dir: &Path) -> Result<(Self, Vec<Entry>), Vec<Diagnostic>> {
        let shown = dir.display().to_string();
        if !dir.is_dir() {
            return Err(vec![Diagnostic::new(&shown, 0, "no such course folder")]);
        }
        let mut all = Vec::new();
        let mut diags = Vec::new();
        for sub in ["lessons", "quizzes"] {
            let folder = dir.join(sub);
            let entries = match fs::read_dir(&folder) {
                Ok(e) => e,
                Err(_) if sub == "quizzes" => continue,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    diags.push(Diagnostic::new(
                        format!("{shown}/{sub}"),
                        0,
                        "missing: a course folder holds lessons/ (course.toml and one NN-slug.md a topic) and quizzes/",
                    ));
                    continue;
                }
                Err(e) => {
                    diags.push(Diagnostic::new(
                        format!("{shown}/{sub}"),
                        0,
                        format!("cannot read folder: {e}"),
                    ));
                    continue;
                }
            };
            // Only the names are listed here; nothing is followed into sub-folders, so a symlinked folder (even
            // one that points back at its parent) is never walked.
            let mut names: Vec<_> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md") || n.ends_with(".toml"))
                .collect();
            names.sort();
            all.extend(names.into_iter().map(|n| (folder.clone(), n)));
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let files = Self {
            origin: shown,
            ..Self::default()
        };
        Ok((files, all))
    }
}

/// What [`CourseFiles::parse_dir`] keeps and finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Everything, and what `check` reports besides ([`Findings`]).
    Check,
    /// Of each file only what the course index and the cross-checks read (`Lesson::into_outline`,
    /// [`BankOutline`]), the rest dropped once checked; the course is used from its index, its files read again
    /// when asked for (a 1,000-topic course kept whole was 110 MB).
    Index,
}

/// A file of a course folder: the folder (`DIR/lessons` or `DIR/quizzes`) and the file's name.
type Entry = (PathBuf, String);

/// `lessons/NAME` or `quizzes/NAME`: a file's path in the course, as messages give it.
fn relative((folder, name): &Entry) -> String {
    let sub = folder
        .file_name()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    format!("{sub}/{name}")
}

/// Asks glibc's malloc to keep freed memory for the next parse instead of handing it back to the system: freeing
/// one big block (mapped, never touched) raises its thresholds for returning memory (to twice the block) and for
/// mapping a block on its own. Another allocator just allocates and frees it.
fn keep_freed_memory() {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(32 << 20)));
}

/// Grows this thread's heap once by a block it then frees (untouched, so no page is used): glibc grows a thread's
/// heap by just what each allocation lacks, a system call each time that also holds up the other core's page
/// faults. With [`keep_freed_memory`]: 5,400 → 3,350 `brk`/`mprotect` calls and `check` about 7 % faster on
/// 1,000 topics.
fn reserve_heap() {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(24 << 20)));
}

/// A file read and parsed by [`CourseFiles::parse_dir`].
enum Done {
    /// Kept whole: the cross-checks read its lines.
    CourseToml(String),
    /// Boxed: a lesson is several times the size of the other variants.
    Lesson(Box<Parsed<Lesson>>),
    Quiz(Parsed<QuizBank>),
    /// What the index keeps of a quiz file ([`Pass::Index`]).
    Outline(Parsed<BankOutline>),
    /// A `.md`/`.toml` file the course does not read (read all the same: an unreadable one is a problem).
    Other,
}

thread_local! {
    /// The read buffer each core keeps from file to file: a fresh one per file touched 70 MB of new memory on a
    /// big course.
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A file of `parse_dir` done, with what `check` found in it; `Ok(None)` for a folder with a file's name.
type Outcome = Result<Option<(Done, Findings)>, (usize, String)>;

/// One file of `parse_dir`: read, cleaned, parsed, and looked at for what `check` reports besides or kept only as
/// far as the index reads it, as `pass` asks.
fn read_and_parse(entry: &Entry, pass: Pass) -> Outcome {
    let check = pass == Pass::Check;
    let rel = relative(entry);
    BUFFER.with_borrow_mut(|buffer| {
        if buffer.capacity() == 0 {
            reserve_heap();
        }
        if !read_into(&entry.0.join(&entry.1), buffer)? {
            return Ok(None);
        }
        let text = sanitize::clean(utf8(buffer)?);
        let mut found = Findings::default();
        if check {
            found.placeholders = crate::course::placeholders::in_file(&rel, &text);
        }
        let done = match Kind::of(&rel) {
            Some(Kind::CourseToml) => Done::CourseToml(text.into_owned()),
            Some(Kind::Lesson) => {
                let lesson = lesson::parse(&rel, &text);
                if let (true, Ok(l)) = (check, &lesson) {
                    found.lesson(l);
                }
                let lesson = match pass {
                    Pass::Check => lesson,
                    Pass::Index => lesson.map(Lesson::into_outline),
                };
                Done::Lesson(Box::new(lesson))
            }
            Some(Kind::Quiz) => {
                let bank = bank::parse_cleaned(&rel, &text);
                match pass {
                    Pass::Check => Done::Quiz(bank),
                    Pass::Index => Done::Outline(bank.map(|b| BankOutline::of(&b))),
                }
            }
            None => Done::Other,
        };
        Ok(Some((done, found)))
    })
}

type FileRead = Result<Option<String>, (usize, String)>;

/// Below this many files a folder is read on one thread (the built-in-sized course reads faster than threads start).
const PARALLEL_FILES: usize = 200;

/// Every `.md`/`.toml` file of `DIR/lessons` and `DIR/quizzes` (paths relative to `dir`, sorted) with its size and
/// modification time, without reading any; `None` when one is not a plain readable file (a full load reports it).
pub(in crate::course) fn listing(dir: &Path) -> Option<Vec<(String, Stamp)>> {
    let mut files = Vec::new();
    for sub in ["lessons", "quizzes"] {
        let entries = match fs::read_dir(dir.join(sub)) {
            Ok(e) => e,
            Err(_) if sub == "quizzes" => continue,
            Err(_) => return None,
        };
        for entry in entries {
            let entry = entry.ok()?;
            let name = entry.file_name().into_string().ok()?;
            if !(name.ends_with(".md") || name.ends_with(".toml")) {
                continue;
            }
            // Looked at from the open folder (no path walk per file: 2,000 of them on a big course); a symlink is
            // followed, as reading the file would.
            let meta = match entry.metadata().ok()? {
                m if m.file_type().is_symlink() => fs::metadata(entry.path()).ok()?,
                m => m,
            };
            if !meta.is_file() {
                return None;
            }
            files.push((format!("{sub}/{name}"), stamp_of(&meta)));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Some(files)
}

/// Reads one `.md`/`.toml` entry of a course folder. `Ok(None)`: a folder that merely has such a name, skipped.
pub(in crate::course) fn read_course_file(path: &Path) -> FileRead {
    let mut bytes = Vec::new();
    if !read_into(path, &mut bytes)? {
        return Ok(None);
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| not_utf8(e.as_bytes(), e.utf8_error()))
}

/// Reads one `.md`/`.toml` entry of a course folder into `bytes` (replacing what it held); `false`: a folder that
/// merely has such a name, skipped. Anything else that is not a regular file (a FIFO, a device, a dangling or
/// looping symlink) is reported rather than opened: opening a FIFO would block for ever, and a device may never end.
fn read_into(path: &Path, bytes: &mut Vec<u8>) -> Result<bool, (usize, String)> {
    let meta = fs::metadata(path).map_err(|e| (0, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Ok(false);
    }
    if !meta.is_file() {
        return Err((0, "cannot read: not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err((0, too_big(meta.len())));
    }
    bytes.clear();
    bytes.reserve(usize::try_from(meta.len()).unwrap_or(0));
    // The size may change between the look and the read: read one byte past the limit to notice.
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(bytes))
        .map_err(|e| (0, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((0, too_big(bytes.len() as u64)));
    }
    Ok(true)
}

/// The bytes of a file as text, or the line of its first byte that is not UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, (usize, String)> {
    std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e))
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> (usize, String) {
    let offset = e.valid_up_to();
    let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
    (line, "not valid UTF-8 text".into())
}

fn too_big(len: u64) -> String {
    format!(
        "{} MiB is too big for a course file (the limit is {} MiB)",
        len.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}
