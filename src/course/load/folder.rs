//! Reading a course folder from disk: only regular files of a bounded size, every problem collected.

use std::{
    fs,
    io::{self, Read},
    path::Path,
};

use super::CourseFiles;
use crate::{
    course::index::{Stamp, stamp_of},
    util::{diagnostic::Diagnostic, parallel},
};

/// No lesson or quiz file is anywhere near this big (the built-in ones are under 100 KiB); a bigger file is refused
/// before it is read, so a stray video renamed `.md` or `/dev/zero` behind a symlink cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

impl CourseFiles {
    /// A course folder: `DIR/lessons/course.toml`, `DIR/lessons/*.md`, `DIR/quizzes/*.toml`.
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<Diagnostic>> {
        let shown = dir.display().to_string();
        if !dir.is_dir() {
            return Err(vec![Diagnostic::new(&shown, 0, "no such course folder")]);
        }
        let mut files = Self {
            origin: shown.clone(),
            ..Self::default()
        };
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
            for (name, read) in names.iter().zip(read_all(&folder, &names)) {
                let rel = format!("{sub}/{name}");
                match read {
                    Ok(Some(text)) => files.push(super::SourceFile { path: rel, text }),
                    Ok(None) => {}
                    Err((line, message)) => diags.push(Diagnostic::new(rel, line, message)),
                }
            }
        }
        if diags.is_empty() {
            Ok(files)
        } else {
            Err(diags)
        }
    }
}

type FileRead = Result<Option<String>, (usize, String)>;

/// Below this many files a folder is read on one thread (the built-in-sized course reads faster than threads start).
const PARALLEL_FILES: usize = 200;

/// Each of `names` in `folder` read and cleaned ([`read_course_file`], [`super::cleaned`]), in order; a big folder
/// on all cores (a thousand-topic course is 70 MB: reading and cleaning it was a sixth of `check`).
fn read_all(folder: &Path, names: &[String]) -> Vec<FileRead> {
    parallel::map(names, names.len() >= PARALLEL_FILES, |n| {
        read_course_file(&folder.join(n)).map(|t| t.map(super::cleaned))
    })
}

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
/// Anything else that is not a regular file (a FIFO, a device, a dangling or looping symlink) is reported rather
/// than opened: opening a FIFO would block for ever, and a device may never end.
pub(in crate::course) fn read_course_file(path: &Path) -> Result<Option<String>, (usize, String)> {
    let meta = fs::metadata(path).map_err(|e| (0, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Ok(None);
    }
    if !meta.is_file() {
        return Err((0, "cannot read: not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err((0, too_big(meta.len())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The size may change between the look and the read: read one byte past the limit to notice.
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| (0, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((0, too_big(bytes.len() as u64)));
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (line, "not valid UTF-8 text".into())
    })
}

fn too_big(len: u64) -> String {
    format!(
        "{} MiB is too big for a course file (the limit is {} MiB)",
        len.div_ceil(1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}
