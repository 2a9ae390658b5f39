//! `lessons/course.toml`: the course's title and phase, how its welcome screen introduces it (an optional blurb and
//! banner), its optional `id`, and the topic order. Also the key a course's progress is kept under.

use std::{fs, path::Path};

use serde::Deserialize;
use toml::Spanned;

use super::{
    Diagnostic, clean_line, clean_value,
    diagnostic::line_of,
    lesson::is_slug,
    load::{COURSE_TOML, SourceFile, read_course_file},
};

/// The progress key of the course built into the binary; no `id` may take it.
pub const BUILT_IN_KEY: &str = "built-in";

/// The key a course's progress is kept under: [`BUILT_IN_KEY`] for the course in the binary; for a folder, the `id`
/// of its `course.toml` when it has a valid one (the progress follows the course when the folder moves), else the
/// folder's canonical absolute path (so `my-course`, `./my-course/` and a symlink to it are one course).
pub fn progress_key(dir: Option<&Path>) -> String {
    let Some(dir) = dir else {
        return BUILT_IN_KEY.to_string();
    };
    let id = read_course_file(&dir.join(COURSE_TOML))
        .ok()
        .flatten()
        .and_then(|text| toml::from_str::<Manifest>(&text).ok())
        .and_then(|m| m.id());
    id.unwrap_or_else(|| {
        let path = fs::canonicalize(dir)
            .or_else(|_| std::path::absolute(dir))
            .unwrap_or_else(|_| dir.to_path_buf());
        path.to_string_lossy().into_owned()
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    title: String,
    phase: String,
    /// A name for the course that stays when its folder moves: its progress is kept under it.
    #[serde(default)]
    id: Option<Spanned<String>>,
    /// A paragraph (markdown) for the welcome screen: what the course teaches.
    #[serde(default)]
    blurb: Option<String>,
    /// ASCII art over the welcome screen, shown as it is written.
    #[serde(default)]
    banner: Option<String>,
    /// Topic slugs in teaching order, with where each is written (for messages).
    pub topics: Vec<Spanned<String>>,
}

impl Manifest {
    /// Parses `course.toml`; a problem is reported at its line.
    pub fn parse(file: &SourceFile) -> Result<Self, Diagnostic> {
        toml::from_str::<Self>(&file.text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(&file.text, s.start));
            Diagnostic::new(&file.path, line, e.message())
        })
    }

    /// What is wrong with a field that parsed: an `id` that is not a valid one.
    pub fn problems(&self, file: &SourceFile) -> Vec<Diagnostic> {
        let Some(id) = &self.id else {
            return Vec::new();
        };
        let line = line_of(&file.text, id.span().start);
        let why = if id.get_ref() == BUILT_IN_KEY {
            format!("`id` \"{BUILT_IN_KEY}\" is the built-in course's; choose another")
        } else if !is_slug(id.get_ref()) {
            format!(
                "`id` \"{}\" must be lower-case words joined by `-`, e.g. \"my-course\"",
                id.get_ref()
            )
        } else {
            return Vec::new();
        };
        vec![Diagnostic::new(&file.path, line, why)]
    }

    /// The `id`, when there is a valid one.
    fn id(&self) -> Option<String> {
        let id = self.id.as_ref()?.get_ref();
        (is_slug(id) && id != BUILT_IN_KEY).then(|| id.clone())
    }

    pub fn title(&self) -> String {
        clean_line(&self.title)
    }

    pub fn phase(&self) -> String {
        clean_line(&self.phase)
    }

    /// The blurb, or `None` when there is none or it is blank.
    pub fn blurb(&self) -> Option<String> {
        let blurb = clean_value(self.blurb.as_deref().unwrap_or_default());
        let blurb = blurb.trim();
        (!blurb.is_empty()).then(|| blurb.to_string())
    }

    /// The banner without trailing blank space (leading spaces are part of the art), or `None` when blank.
    pub fn banner(&self) -> Option<String> {
        let banner = clean_value(self.banner.as_deref().unwrap_or_default());
        let lines: Vec<&str> = banner.lines().map(str::trim_end).collect();
        let banner = lines.join("\n");
        let banner = banner.trim_start_matches('\n').trim_end();
        (!banner.is_empty()).then(|| banner.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(text: &str) -> Result<Manifest, String> {
        let file = SourceFile {
            path: "lessons/course.toml".into(),
            text: text.into(),
        };
        Manifest::parse(&file).map_err(|d| d.to_string())
    }

    const REQUIRED: &str = "title = \"T\"\nphase = \"P\"\ntopics = [\"a\"]\n";

    #[test]
    fn blurb_and_banner_are_optional_and_blank_is_none() {
        let m = manifest(REQUIRED).unwrap();
        assert_eq!((m.title(), m.phase()), ("T".into(), "P".into()));
        assert_eq!((m.blurb(), m.banner()), (None, None));
        let m = manifest(&format!("{REQUIRED}blurb = \"  \"\nbanner = '''\n\n'''\n")).unwrap();
        assert_eq!((m.blurb(), m.banner()), (None, None));
    }

    #[test]
    fn the_banner_keeps_its_art_and_the_blurb_its_paragraphs() {
        let text = format!(
            "{REQUIRED}blurb = \"\"\"\nFirst paragraph.\n\nSecond.\n\"\"\"\n\
             banner = '''\n\n  /\\_/\\   \n ( o.o )\n  > ^ <\n\n'''\n"
        );
        let m = manifest(&text).unwrap();
        assert_eq!(m.blurb().as_deref(), Some("First paragraph.\n\nSecond."));
        assert_eq!(m.banner().as_deref(), Some("  /\\_/\\\n ( o.o )\n  > ^ <"));
    }

    #[test]
    fn an_id_is_a_slug_and_not_the_built_in_courses_key() {
        let with = |id: &str| manifest(&format!("{REQUIRED}id = \"{id}\"\n")).unwrap();
        let file = |id: &str| SourceFile {
            path: "lessons/course.toml".into(),
            text: format!("{REQUIRED}id = \"{id}\"\n"),
        };
        let problems = |id: &str| -> Vec<String> {
            (with(id).problems(&file(id)).iter())
                .map(|d| d.to_string())
                .collect()
        };
        assert_eq!(with("my-course-2").id().as_deref(), Some("my-course-2"));
        assert!(problems("my-course-2").is_empty());
        assert_eq!(with("My Course").id(), None);
        assert_eq!(
            problems("My Course"),
            [
                "lessons/course.toml:4: `id` \"My Course\" must be lower-case words joined by `-`, e.g. \"my-course\""
            ]
        );
        assert_eq!(with(BUILT_IN_KEY).id(), None);
        assert_eq!(
            problems(BUILT_IN_KEY),
            ["lessons/course.toml:4: `id` \"built-in\" is the built-in course's; choose another"]
        );
        assert_eq!(manifest(REQUIRED).unwrap().id(), None);
    }

    #[test]
    fn the_progress_key_is_the_id_else_the_folder_however_it_is_named() {
        assert_eq!(progress_key(None), BUILT_IN_KEY);
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("course");
        fs::create_dir_all(dir.join("lessons")).unwrap();
        let canonical = fs::canonicalize(&dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // No course.toml yet, then one without an id: the folder's canonical path, however it is spelled.
        assert_eq!(progress_key(Some(&dir)), canonical);
        fs::write(dir.join(COURSE_TOML), REQUIRED).unwrap();
        assert_eq!(progress_key(Some(&dir.join("lessons/.."))), canonical);
        assert!(Path::new(&canonical).is_absolute());
        fs::write(
            dir.join(COURSE_TOML),
            format!("{REQUIRED}id = \"knives\"\n"),
        )
        .unwrap();
        assert_eq!(progress_key(Some(&dir)), "knives");
        fs::write(
            dir.join(COURSE_TOML),
            format!("{REQUIRED}id = \"{BUILT_IN_KEY}\"\n"),
        )
        .unwrap();
        assert_eq!(progress_key(Some(&dir)), canonical);
    }

    #[test]
    fn escapes_in_values_are_cleaned_and_unknown_fields_are_named() {
        let m = manifest(&format!(
            "{REQUIRED}blurb = \"a\\u001b[2Jb\"\nbanner = \"x\\u0007y\"\n"
        ))
        .unwrap();
        assert!(!m.blurb().unwrap().contains('\u{1b}'));
        assert!(!m.banner().unwrap().contains('\u{7}'));
        let err = manifest(&format!("{REQUIRED}blrub = \"typo\"\n")).unwrap_err();
        assert!(err.starts_with("lessons/course.toml:4: "), "{err}");
        assert!(err.contains("blrub"), "{err}");
    }
}
