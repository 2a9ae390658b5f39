//! The progress file on disk. Every save is atomic (temporary file, fsync, rename, fsync of the folder) under an
//! exclusive lock, and re-reads the file first so two instances never lose each other's answers. A file that cannot
//! be read is moved aside, never silently overwritten.

use std::{
    collections::BTreeMap,
    fmt,
    fs::{self, File, OpenOptions},
    io::{self, Read, Write},
    ops::Range,
    path::{Path, PathBuf},
    sync::{Mutex, PoisonError},
    time::SystemTime,
};

use fs4::fs_std::FileExt;
use serde::Serialize;
use thiserror::Error;

use super::{LessonProgress, Progress, VERSION};
use crate::{course::diagnostic::line_of, quiz::ItemState};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "{path}: progress file version {found} is newer than this dea-tutor understands ({VERSION}); upgrade dea-tutor, or pass --progress FILE to use another file"
    )]
    TooNew { path: String, found: u32 },
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
}

pub struct Store {
    path: PathBuf,
    /// The file as this store last read or wrote it. While the file on disk is still that one (same size, time and
    /// inode), a save merges with this copy instead of re-reading and re-parsing the file, and re-uses the text of
    /// every item whose state did not change: with 50,000 histories that is what keeps a save within budget.
    image: Mutex<Option<Image>>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// What identifies one version of the file: a save replaces the file by rename, so another instance's save always
/// changes the inode, and an edit in place changes the time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: (meta.dev(), meta.ino()),
        }
    }
}

/// The content of the file as last read or written.
#[derive(Debug, Default)]
struct Image {
    /// `None`: no usable file (missing or unreadable): nothing to merge.
    stamp: Option<Stamp>,
    lesson: LessonProgress,
    items: BTreeMap<String, Entry>,
    /// The file's text when this store wrote it (empty after a load).
    text: String,
}

#[derive(Debug)]
struct Entry {
    state: ItemState,
    /// Where this item's `[items.id]` table is in `Image::text`, when it is there.
    span: Option<Range<usize>>,
}

impl Image {
    fn of(progress: &Progress, stamp: Stamp) -> Self {
        let items = (progress.items.iter())
            .map(|(id, state)| {
                let entry = Entry {
                    state: state.clone(),
                    span: None,
                };
                (id.clone(), entry)
            })
            .collect();
        Self {
            stamp: Some(stamp),
            lesson: progress.lesson.clone(),
            items,
            text: String::new(),
        }
    }
}

/// The part of the file before the items.
#[derive(Serialize)]
struct Head<'a> {
    version: u32,
    lesson: &'a LessonProgress,
}

/// What loading found, besides the progress itself: a warning the learner must see.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub warning: Option<String>,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            image: Mutex::new(None),
        }
    }

    fn set_image(&self, image: Option<Image>) {
        *self.image.lock().unwrap_or_else(PoisonError::into_inner) = image;
    }

    fn take_image(&self) -> Option<Image> {
        self.image
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// The platform data dir's `progress.toml` (e.g. `~/.local/share/dea-tutor/progress.toml`).
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "dea-tutor")
            .map(|d| d.data_dir().join("progress.toml"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn shown(&self) -> String {
        self.path.display().to_string()
    }

    fn io(&self, source: io::Error) -> StoreError {
        StoreError::Io {
            path: self.shown(),
            source,
        }
    }

    /// Reads the progress. Missing → a fresh start. Unreadable → moved aside to `progress.toml.corrupt-<time>`
    /// with a warning, and a fresh start. A newer version → an error (overwriting it would lose data).
    pub fn load(&self) -> Result<(Progress, LoadReport), StoreError> {
        self.set_image(None);
        let (text, stamp) = match read_stamped(&self.path) {
            Ok(read) => read,
            // Nothing saved yet (or a path through a file, which the writability check then reports).
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok((Progress::default(), LoadReport::default()));
            }
            Err(e) => return Err(self.io(e)),
        };
        match parse(&text) {
            Ok(p) if p.version > VERSION => Err(StoreError::TooNew {
                path: self.shown(),
                found: p.version,
            }),
            Ok(p) => {
                self.set_image(Some(Image::of(&p, stamp)));
                Ok((p, LoadReport::default()))
            }
            Err(why) => {
                let aside = self.corrupt_name();
                fs::rename(&self.path, &aside).map_err(|e| self.io(e))?;
                // The reason may quote the file (a key, a value): never let it carry control characters.
                let why = crate::render::sanitize::clean(&why).replace('\n', " ");
                let warning = format!(
                    "{}:{why}; it was moved aside to {} and a fresh progress file will be started",
                    self.shown(),
                    aside.display()
                );
                Ok((
                    Progress::default(),
                    LoadReport {
                        warning: Some(warning),
                    },
                ))
            }
        }
    }

    /// Whether a save could succeed now: the folder can be made and written to. Checked at start so a read-only
    /// place is announced before the learner does any work, not after.
    pub fn check_writable(&self) -> Result<(), StoreError> {
        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let probe = dir.join(format!(".dea-tutor-probe-{}", std::process::id()));
        fs::create_dir_all(&dir)
            .and_then(|_| File::create(&probe))
            .and_then(|_| fs::remove_file(&probe))
            .map_err(|e| self.io(e))?;
        if self.path.exists() {
            OpenOptions::new()
                .append(true)
                .open(&self.path)
                .map_err(|e| self.io(e))?;
        }
        Ok(())
    }

    /// `progress.toml.corrupt-<time>`, or `…-2`, `…-3` if that is taken: a second corrupt file within the same
    /// second must not be renamed over the first (rename replaces its target, which would delete it).
    fn corrupt_name(&self) -> PathBuf {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let name = |n: u32| {
            let mut name = self.path.file_name().unwrap_or_default().to_os_string();
            name.push(format!(".corrupt-{stamp}"));
            if n > 1 {
                name.push(format!("-{n}"));
            }
            self.path.with_file_name(name)
        };
        // `symlink_metadata`, so that even a dangling symlink counts as taken.
        (1..=u32::MAX)
            .map(name)
            .find(|p| fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| name(u32::MAX))
    }

    /// Saves atomically, merging in whatever another instance saved since. Returns the merged progress, which the
    /// caller should adopt.
    pub fn save(&self, progress: &Progress) -> Result<Progress, StoreError> {
        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&dir).map_err(|e| self.io(e))?;
        let lock = self.lock_file(&dir)?;
        let disk = self.disk_image();
        let (merged, mut image) =
            merge(progress, disk).map_err(|e| self.io(io::Error::other(e)))?;
        let tmp = self
            .path
            .with_extension(format!("toml.tmp-{}", std::process::id()));
        let write = || -> io::Result<Stamp> {
            let mut f = File::create(&tmp)?;
            f.write_all(image.text.as_bytes())?;
            f.sync_all()?;
            let stamp = Stamp::of(&f.metadata()?);
            fs::rename(&tmp, &self.path)?;
            // The rename itself must reach the disk too.
            File::open(&dir)?.sync_all()?;
            Ok(stamp)
        };
        let result = write();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        // Remembered only once the file is surely this text; after a failure the next save reads the disk again.
        image.stamp = result.as_ref().ok().cloned();
        self.set_image(result.is_ok().then_some(image));
        drop(lock);
        result.map_err(|e| self.io(e))?;
        Ok(merged)
    }

    /// The file as it is now: the remembered image if the file is still the one it was made from, else read and
    /// parsed. A missing or unreadable file is an empty image (nothing to merge), as before.
    fn disk_image(&self) -> Image {
        let remembered = self.take_image();
        let Ok(mut file) = File::open(&self.path) else {
            return Image::default();
        };
        let Ok(stamp) = file.metadata().map(|m| Stamp::of(&m)) else {
            return Image::default();
        };
        if let Some(image) = remembered
            && image.stamp.as_ref() == Some(&stamp)
        {
            return image;
        }
        let mut bytes = Vec::new();
        match file.read_to_end(&mut bytes).ok().map(|_| parse(&bytes)) {
            Some(Ok(disk)) => Image::of(&disk, stamp),
            _ => Image::default(),
        }
    }

    /// An exclusive lock on a side file (the data file itself is replaced by rename, so it cannot hold a lock).
    fn lock_file(&self, dir: &Path) -> Result<File, StoreError> {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let f = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(name))
            .map_err(|e| self.io(e))?;
        f.lock_exclusive().map_err(|e| self.io(e))?;
        Ok(f)
    }
}

/// The file's bytes and the stamp of the version read (both from one open file, so they agree).
fn read_stamped(path: &Path) -> io::Result<(Vec<u8>, Stamp)> {
    let mut file = File::open(path)?;
    let stamp = Stamp::of(&file.metadata()?);
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok((bytes, stamp))
}

/// `progress` with the file's content folded in, exactly as `Progress::merge_from_disk` does (for each item the more
/// recent review wins; visited and completed topics are united; the position stays ours), and the new file's text.
/// Both maps are sorted by id, so one walk over them does it; an item whose state is unchanged keeps its text.
fn merge(progress: &Progress, disk: Image) -> Result<(Progress, Image), toml::ser::Error> {
    let mut lesson = progress.lesson.clone();
    lesson.visited.extend(disk.lesson.visited);
    lesson.completed.extend(disk.lesson.completed);
    let old_text = disk.text;
    let mut ours = progress.items.iter().peekable();
    let mut theirs = disk.items.into_iter().peekable();
    let mut items = Vec::with_capacity(progress.items.len());
    let mut entries = Vec::with_capacity(progress.items.len());
    loop {
        let order = match (ours.peek(), theirs.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some((a, _)), Some((b, _))) => a.as_str().cmp(b.as_str()),
        };
        let (id, state, span) = match order {
            std::cmp::Ordering::Less => {
                let Some((id, state)) = ours.next() else {
                    break;
                };
                (id.clone(), state.clone(), None)
            }
            std::cmp::Ordering::Greater => {
                let Some((id, entry)) = theirs.next() else {
                    break;
                };
                (id, entry.state, entry.span)
            }
            std::cmp::Ordering::Equal => {
                let (Some((_, state)), Some((id, entry))) = (ours.next(), theirs.next()) else {
                    break;
                };
                if state.last_review >= entry.state.last_review {
                    let span = (*state == entry.state).then_some(entry.span).flatten();
                    (id, state.clone(), span)
                } else {
                    (id, entry.state, entry.span)
                }
            }
        };
        items.push((id.clone(), state.clone()));
        entries.push((id, Entry { state, span }));
    }
    let merged = Progress {
        version: VERSION,
        lesson,
        items: items.into_iter().collect(),
    };
    let mut text = String::with_capacity(old_text.len() + 1024);
    text.push_str(&toml::to_string(&Head {
        version: VERSION,
        lesson: &merged.lesson,
    })?);
    for (id, entry) in &mut entries {
        let start = text.len();
        match entry.span.as_ref().and_then(|r| old_text.get(r.clone())) {
            Some(old) => text.push_str(old),
            None => write_item(&mut text, id, &entry.state)?,
        }
        entry.span = Some(start..text.len());
    }
    let image = Image {
        stamp: None,
        lesson: merged.lesson.clone(),
        items: entries.into_iter().collect(),
        text,
    };
    Ok((merged, image))
}

/// One item's table: `[items.id]` and its fields.
fn write_item(out: &mut String, id: &str, state: &ItemState) -> Result<(), toml::ser::Error> {
    out.push_str("\n[items.");
    push_key(out, id);
    out.push_str("]\n");
    out.push_str(&toml::to_string(state)?);
    Ok(())
}

/// A TOML key: bare when it can be, else a basic string with `"`, `\` and control characters escaped.
fn push_key(out: &mut String, key: &str) {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        out.push_str(key);
        return;
    }
    out.push('"');
    for c in key.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_control() => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses a progress file; the error is `line: message`.
fn parse(bytes: &[u8]) -> Result<Progress, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "0: not UTF-8 text".to_string())?;
    if text.trim().is_empty() {
        return Err("1: the file is empty (a torn write?)".into());
    }
    toml::from_str::<Progress>(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        format!("{line}: {}", e.message().trim())
    })
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
