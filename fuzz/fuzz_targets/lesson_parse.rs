//! Any text as a lesson file: parsing must not panic, and every problem must point at a line of the file.
#![no_main]

use dea_tutor::course::lesson;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let last = text.matches('\n').count() + 1;
    match lesson::parse("lessons/01-alpha.md", &text) {
        Ok(l) => {
            for part in l.steps.iter().chain(&l.angles).chain(&l.scenarios) {
                assert!(
                    (1..=last).contains(&part.line),
                    "part at line {}",
                    part.line
                );
            }
            let _ = l.wrap_up();
        }
        Err(diags) => {
            for d in diags {
                assert!(d.line <= last, "{d} (the text has {last} lines)");
            }
        }
    }
});
