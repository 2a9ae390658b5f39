//! Any typed line: the command parser must not panic, and the edit distance it uses must be symmetric.
#![no_main]

use dea_tutor::command::{self, Command};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    if let Command::Unknown { input, suggestion } = command::parse(&input) {
        let _ = command::unknown_message(&input, suggestion);
    }
    let _ = command::is_word_prefix(&input);
    for word in ["continue", "goto", "e"] {
        assert_eq!(
            command::edit_distance(&input, word),
            command::edit_distance(word, &input)
        );
    }
});
