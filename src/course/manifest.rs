//! `lessons/course.toml`: the course's title and phase, how its welcome screen introduces it (an optional blurb and
//! banner), and the topic order.

use serde::Deserialize;
use toml::Spanned;

use super::{Diagnostic, clean_line, clean_value, diagnostic::line_of, load::SourceFile};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    title: String,
    phase: String,
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
