//! A course folder's index, cached between starts in the user's cache folder (or `DEA_TUTOR_CACHE`; `off` turns it
//! off). It is used only when every `.md`/`.toml` file of the folder has the size and modification time it had when
//! the folder was last parsed in full and found valid, by this very binary; anything else is a miss, and a miss
//! parses and checks the whole folder as before, so a folder with a problem is always reported at start.

use std::{
    fs,
    hash::{Hash, Hasher},
    path::{Path, PathBuf},
    sync::OnceLock,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use super::{Course, Index, Stamp, folder_manifest, folder_origin};
use crate::{course::load::listing, util::parallel};

/// A file changed this recently may change again within the clock's granularity without its stamp changing
/// (git's "racy" entries): a folder holding one is not cached until it has settled.
const SETTLE: Duration = Duration::from_secs(2);

type Files = Vec<(String, Stamp)>;

/// A cached index this big (about 40 topics) or bigger: the folder is listed on a second thread while it is read.
const LIST_BESIDE_BYTES: u64 = 64 << 10;

pub(super) struct Cache {
    file: PathBuf,
    key: String,
    dir: PathBuf,
    /// The folder's files (`None`: it cannot be listed), listed before any was read: by `course`, else by `store`.
    files: OnceLock<Option<Files>>,
    /// From this size of the cached index on, the folder is listed while the index is read.
    list_beside: u64,
}

impl Cache {
    /// The cache entry of the folder `dir`; `None` when caching is off or the folder is not there.
    pub(super) fn open(dir: &Path) -> Option<Self> {
        Self::open_in(&root()?, dir)
    }

    pub(super) fn open_in(root: &Path, dir: &Path) -> Option<Self> {
        let canonical = fs::canonicalize(dir).ok()?;
        // A new build of the tutor may parse differently: its own size and time are part of the key.
        let exe = (std::env::current_exe().and_then(fs::metadata))
            .map(|m| stamp_of(&m))
            .unwrap_or_default();
        let key = format!(
            "{} {}:{} {}",
            env!("CARGO_PKG_VERSION"),
            exe.len,
            exe.nanos,
            canonical.display()
        );
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        canonical.hash(&mut hasher);
        let file = root.join(format!("{:016x}.idx", hasher.finish()));
        Some(Self {
            file,
            key,
            dir: dir.to_path_buf(),
            files: OnceLock::new(),
            list_beside: LIST_BESIDE_BYTES,
        })
    }

    /// Lists the folder on a second thread when the cached index has at least `bytes` (tests take both ways).
    #[cfg(test)]
    pub(super) fn list_beside_from(self, bytes: u64) -> Self {
        Self {
            list_beside: bytes,
            ..self
        }
    }

    /// The course from the cached index, when it is this folder's and no file changed since: every file listed now
    /// has the size and time indexed, and no file came or went.
    pub(super) fn course(&self) -> Option<Course> {
        // Listing a big folder is 2,000 stats of system time, reading its index user time: side by side, the
        // course used only once both are done and agree. A small folder is listed sooner than a thread starts.
        let big = fs::metadata(&self.file).is_ok_and(|m| m.len() >= self.list_beside);
        // The index is read on this thread: read on a new one, its many allocations grew that thread's heap a page
        // at a time (270 more `mprotect`s).
        let (read, listed) = parallel::join(big, || self.read(), || listing(&self.dir));
        let files = self.files.get_or_init(|| listed).as_ref()?;
        let (indexed, course) = read?;
        (indexed == *files).then_some(course)
    }

    /// The course from the cached index if it is this folder's, with the files it was indexed from; not checked
    /// against the folder.
    fn read(&self) -> Option<(Files, Course)> {
        let text = fs::read_to_string(&self.file).ok()?;
        let mut index = Index::from_text(text)?;
        if index.key != self.key {
            return None;
        }
        let manifest = folder_manifest(&self.dir)?;
        let shown = self.dir.display().to_string();
        let files = std::mem::take(&mut index.files);
        let course =
            Course::from_entries(&manifest, &shown, folder_origin(&self.dir), index.topics);
        Some((files, course))
    }

    /// Caches the index of `course`, parsed in full from the files listed (by `course`, before the parse; else now);
    /// best effort (a read-only cache folder only costs the next start a full parse).
    pub(super) fn store(&self, course: &Course) {
        let Some(files) = self.files.get_or_init(|| listing(&self.dir)) else {
            return;
        };
        let settled = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |now| now.saturating_sub(SETTLE).as_nanos());
        if files.iter().any(|(_, s)| s.nanos >= settled) {
            return;
        }
        let text = Index::text_of(&self.key, files, course.topics.iter().map(|t| t.entry()));
        let Some(folder) = self.file.parent() else {
            return;
        };
        // Written aside and renamed: a reader never sees half a file.
        let part = self
            .file
            .with_extension(format!("{}.part", std::process::id()));
        let written = fs::create_dir_all(folder)
            .and_then(|()| fs::write(&part, text))
            .and_then(|()| fs::rename(&part, &self.file));
        if written.is_err() {
            let _ = fs::remove_file(&part);
        }
    }
}

pub fn stamp_of(meta: &fs::Metadata) -> Stamp {
    let since = (meta.modified().ok()).and_then(|m| m.duration_since(UNIX_EPOCH).ok());
    Stamp {
        len: meta.len(),
        nanos: since.map_or(0, |d| d.as_nanos()),
    }
}

/// `DEA_TUTOR_CACHE`, else the user's cache folder; `None` when it is `off` (or empty) or there is none.
fn root() -> Option<PathBuf> {
    match std::env::var_os("DEA_TUTOR_CACHE") {
        Some(v) if v.is_empty() || v == "off" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => {
            directories::ProjectDirs::from("", "", "dea-tutor").map(|d| d.cache_dir().join("index"))
        }
    }
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
