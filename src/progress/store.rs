//! The progress file on disk. Every save is atomic (temporary file, fsync, rename, fsync of the folder) under an
//! exclusive lock, and re-reads the file first so two instances never lose each other's answers. A file that cannot
//! be read is moved aside, never silently overwritten. A store saves one course's progress (`file` keeps the others
//! as they are).

use std::{
    fmt,
    fs::{self, File, OpenOptions},
    io::{self, Read, Write},
    path::{Path, PathBuf},
    sync::{Mutex, PoisonError},
    time::SystemTime,
};

use fs4::fs_std::FileExt;
use thiserror::Error;

use super::{
    Progress, VERSION,
    file::{self, Image},
};

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
    /// The course this store loads and saves: `BUILT_IN` or a `--content` course's key.
    key: String,
    /// The file as this store last read or wrote it, and which version of the file that was. While the file on disk
    /// is still that one (same size, time and inode), a save merges with this copy instead of re-reading and
    /// re-parsing the file, and re-uses the text of every item and course that did not change.
    image: Mutex<Option<(Stamp, Image)>>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (f.debug_struct("Store"))
            .field("path", &self.path)
            .field("key", &self.key)
            .finish()
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

/// What loading found, besides the progress itself: a warning the learner must see.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub warning: Option<String>,
}

impl Store {
    /// The store of course `key`'s progress in the file at `path`.
    pub fn new(path: impl Into<PathBuf>, key: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            key: key.into(),
            image: Mutex::new(None),
        }
    }

    fn set_image(&self, image: Option<(Stamp, Image)>) {
        *self.image.lock().unwrap_or_else(PoisonError::into_inner) = image;
    }

    fn take_image(&self) -> Option<(Stamp, Image)> {
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

    /// Reads this course's progress. Missing (the file, or the course in it) → a fresh start. Unreadable → moved aside to `progress.toml.corrupt-<time>`
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
        match file::parse(&text) {
            Ok(p) if p.version > VERSION => Err(StoreError::TooNew {
                path: self.shown(),
                found: p.version,
            }),
            Ok(mut p) => {
                let ours = p.courses.remove(&self.key).unwrap_or_default();
                self.set_image(Some((stamp, Image::of(&ours, p.courses))));
                Ok((ours, LoadReport::default()))
            }
            Err(why) => {
                let aside = self.corrupt_name();
                fs::rename(&self.path, &aside).map_err(|e| self.io(e))?;
                // The reason may quote the file (a key, a value): never let it carry control characters.
                let why = crate::util::sanitize::clean(&why).replace('\n', " ");
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
        let (merged, image) =
            file::merge(progress, &self.key, disk).map_err(|e| self.io(io::Error::other(e)))?;
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
        self.set_image(result.as_ref().ok().map(|stamp| (stamp.clone(), image)));
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
        if let Some((seen, image)) = remembered
            && seen == stamp
        {
            return image;
        }
        let mut bytes = Vec::new();
        match file
            .read_to_end(&mut bytes)
            .ok()
            .map(|_| file::parse(&bytes))
        {
            Some(Ok(mut disk)) => {
                let ours = disk.courses.remove(&self.key).unwrap_or_default();
                Image::of(&ours, disk.courses)
            }
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

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "store_courses_tests.rs"]
mod courses_tests;
