//! Handing a text to the learner's editor (`$VISUAL`, `$EDITOR`, else `vi`) and reading it back when it closes.

use std::{
    fs, io,
    path::PathBuf,
    process::Command,
    sync::atomic::{AtomicU32, Ordering},
};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The editor command: `$VISUAL`, then `$EDITOR` (either may carry arguments, e.g. `code -w`), else `vi`.
pub fn editor_command() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|s| s.split_whitespace().map(String::from).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// Writes `text` to a temporary file named `*{suffix}`, runs the editor on it and returns what was saved. The
/// caller gives the terminal to the editor first (the TUI leaves raw mode and stops reading keys).
pub fn edit(text: &str, suffix: &str) -> io::Result<String> {
    edit_with(&editor_command(), text, suffix)
}

/// [`edit`] with a given editor command.
pub fn edit_with(words: &[String], text: &str, suffix: &str) -> io::Result<String> {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let path: PathBuf =
        std::env::temp_dir().join(format!("dea-tutor-{}-{n}{suffix}", std::process::id()));
    fs::write(&path, text)?;
    let Some((program, args)) = words.split_first() else {
        return Err(io::Error::other("no editor command"));
    };
    let status = Command::new(program).args(args).arg(&path).status();
    let result = match status {
        Ok(s) if s.success() => fs::read_to_string(&path),
        Ok(s) => Err(io::Error::other(format!(
            "the editor ({}) exited with {s}; nothing ran",
            words.join(" ")
        ))),
        Err(e) => Err(io::Error::other(format!(
            "could not start the editor ({}): {e}; set $EDITOR",
            words.join(" ")
        ))),
    };
    let _ = fs::remove_file(&path);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_editor_saves_comes_back_and_a_failing_editor_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("ed.sh");
        fs::write(&script, "#!/bin/sh\necho ' edited' >> \"$1\"\n").unwrap();
        let ed = ["sh".to_string(), script.display().to_string()];
        assert_eq!(edit_with(&ed, "{}", ".json").unwrap(), "{} edited\n");
        let fails = ["sh".to_string(), "-c".to_string(), "exit 3".to_string()];
        assert!(
            edit_with(&fails, "{}", ".json")
                .unwrap_err()
                .to_string()
                .contains("nothing ran")
        );
        let missing = ["/no/such/editor".to_string()];
        assert!(
            edit_with(&missing, "{}", ".json")
                .unwrap_err()
                .to_string()
                .contains("$EDITOR")
        );
    }
}
