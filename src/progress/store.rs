//! The progress file on disk. Every save is atomic (temporary file, fsync, rename, fsync of the folder) under an
//! exclusive lock, and re-reads the file first so two instances never lose each other's answers. A file that cannot
//! be read is moved aside, never silently overwritten.

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
};

use fs4::fs_std::FileExt;
use thiserror::Error;

use super::{Progress, VERSION};
use crate::course::diagnostic::line_of;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "{path}: progress file version {found} is newer than this dea-tutor understands ({VERSION}); upgrade dea-tutor, or pass --progress FILE to use another file"
    )]
    TooNew { path: String, found: u32 },
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
}

#[derive(Debug)]
pub struct Store {
    path: PathBuf,
}

/// What loading found, besides the progress itself: a warning the learner must see.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub warning: Option<String>,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
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
        let text = match fs::read(&self.path) {
            Ok(bytes) => bytes,
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
            Ok(p) => Ok((p, LoadReport::default())),
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
        let mut merged = progress.clone();
        if let Ok(bytes) = fs::read(&self.path)
            && let Ok(disk) = parse(&bytes)
        {
            merged.merge_from_disk(disk);
        }
        merged.version = VERSION;
        let text = toml::to_string(&merged).map_err(|e| self.io(io::Error::other(e)))?;
        let tmp = self
            .path
            .with_extension(format!("toml.tmp-{}", std::process::id()));
        let write = || -> io::Result<()> {
            let mut f = File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            fs::rename(&tmp, &self.path)?;
            // The rename itself must reach the disk too.
            File::open(&dir)?.sync_all()
        };
        let result = write();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        drop(lock);
        result.map_err(|e| self.io(e))?;
        Ok(merged)
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
