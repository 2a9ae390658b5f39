//! Any text at any width from 0 to 255 (the first byte): the renderer must not panic, every line must fit the width
//! (at least one column), and no span may carry a control character to the terminal.
#![no_main]

use dea_tutor::{render::render, theme::Theme};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|data: &[u8]| {
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let md = String::from_utf8_lossy(rest);
    let lines = render(&md, u16::from(width), &Theme::monochrome());
    let fits = usize::from(width).max(1);
    for line in &lines {
        let mut drawn = 0;
        for span in &line.spans {
            assert!(
                !span.content.chars().any(char::is_control),
                "control character in {:?}",
                span.content
            );
            drawn += span.content.width();
        }
        assert!(
            drawn <= fits,
            "a line of {drawn} columns at width {width}: {line:?}"
        );
    }
});
