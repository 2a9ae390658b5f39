//! The first byte is a width (0–255), the rest a Step Functions definition: parsing and checking it (Standard and
//! Express) must not panic, every error must point at a line of the text (or the one just past its end), and the
//! diagram of a valid definition must fit the width (at least one column); no message or diagram line may carry a
//! control character to the terminal.
#![no_main]

use std::collections::HashSet;

use dea_tutor::asl::{self, Flavour};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|data: &[u8]| {
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let lines = text.matches('\n').count() + 1;
    for flavour in [Flavour::Standard, Flavour::Express] {
        match asl::parse(&text, flavour) {
            Ok(machine) => {
                let fits = usize::from(width).max(1);
                for line in asl::diagram::plain(&machine, &HashSet::new(), usize::from(width)) {
                    assert!(
                        line.width() <= fits,
                        "a line of {} columns at width {width}: {line:?}",
                        line.width()
                    );
                    assert!(!line.chars().any(char::is_control), "{line:?}");
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "an invalid definition says why");
                for e in errors {
                    assert!(!e.message.chars().any(char::is_control), "{e:?}");
                    assert!(
                        e.line >= 1 && e.line <= lines + 1,
                        "{e} (the text has {lines} lines)"
                    );
                }
            }
        }
    }
});
