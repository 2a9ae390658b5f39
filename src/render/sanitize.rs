//! TEMPORARY stand-in.
use std::borrow::Cow;
pub fn clean(s: &str) -> Cow<'_, str> {
    Cow::Owned(
        s.replace("\r\n", "\n")
            .trim_start_matches('\u{feff}')
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect(),
    )
}
