//! Any text as a quiz file: parsing must not panic, problems point at lines of the file, and an accepted bank keeps
//! the rules the quiz engine relies on.
#![no_main]

use dea_tutor::quiz::bank;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let last = text.matches('\n').count() + 1;
    match bank::parse("quizzes/01-alpha.toml", &text) {
        Ok(b) => {
            for q in &b.questions {
                assert!(q.choices.len() >= 2);
                assert!(!q.correct.is_empty());
                assert!(q.correct.iter().all(|&i| i < q.choices.len()));
                assert_eq!(q.explain.len(), q.choices.len());
            }
            for t in &b.triggers {
                assert!(t.decoys.len() >= 3);
            }
            let _ = bank::check_course(&[b], &["alpha".to_string()]);
        }
        Err(diags) => {
            for d in diags {
                assert!(d.line <= last, "{d} (the text has {last} lines)");
            }
        }
    }
});
