//! The line scan of a lesson's sections is held to the markdown parse.

use super::*;

/// A section as comparable data: name, heading, content range, breaks.
type Seen = (String, usize, usize, usize, Vec<(usize, usize)>);

fn seen(sections: Vec<RawSection>) -> Vec<Seen> {
    sections
        .into_iter()
        .map(|s| (s.name, s.heading_at, s.start, s.end, s.rules))
        .collect()
}

#[test]
fn the_scan_reads_every_built_in_lesson_as_the_parse_does() {
    let mut lessons = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let (_, body, _) = split_front_matter(&text).unwrap();
        let quick = quick_sections(body).unwrap_or_else(|| panic!("{} fell back", path.display()));
        assert_eq!(quick.len(), SECTIONS.len(), "{}", path.display());
        assert_eq!(
            seen(quick),
            seen(parsed_sections(body)),
            "{}",
            path.display()
        );
        lessons += 1;
    }
    assert!(lessons >= 10, "{lessons} lessons");
}

#[test]
fn what_only_a_parse_can_tell_is_left_to_it() {
    for body in [
        "Foo\n===\n",                 // a setext heading
        "# A\n\nFoo\n---\n",          // a setext underline, not a break
        "# A\n\n  ```\n# x\n  ```\n", // an indented fence: top level or in a list?
        "# A\n\n<!--\n\n# x\n-->\n",  // an HTML block runs past blank lines
        "# A\n\n  # B\n",             // an indented heading
        "# A\n\n  ---\n",             // an indented break
        "# A\n| a |\n# B\n",          // straight after a table row
        "# A\n\n> q\n---\n",          // straight after a quote
        "# A *b*\n",                  // inline markup in a heading
        "# A\n\n``` a`b\n# B\n",      // not a fence: inline code
        "#\tA\n",                     // a tab
        "# A\r\n",                    // a carriage return
    ] {
        assert!(quick_sections(body).is_none(), "{body:?}");
    }
}

#[test]
fn a_fence_at_column_0_holds_headings_and_breaks_until_it_closes() {
    let body = "# A\n\n```md\n# not\n---\n  ```\n\n---\n\n# B\n\n~~~~\n# unclosed\n";
    assert_eq!(
        quick_sections(body).map(seen),
        Some(seen(parsed_sections(body)))
    );
    let sections = quick_sections(body).unwrap();
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0].rules.len(), 1);
}

/// Lines a lesson could hold, the tricky ones above all.
const LINES: &[&str] = &[
    "",
    " ",
    "    ",
    "# Lesson",
    "# Another angle",
    "#",
    "#  Spaced  ",
    "# A *b*",
    "# A #",
    "#x",
    "## Step",
    "### Deep",
    "  # indented",
    "    # code",
    "---",
    "***",
    "* * *",
    "- - -",
    "___",
    "---  ",
    "  ---",
    "    ---",
    "--",
    "-",
    "===",
    "=",
    "Foo",
    "text `code` and *em*",
    "- item",
    "  - nested",
    "- ---",
    "* # x",
    "1. one",
    "   continued",
    "> quote",
    "> # in quote",
    "> ---",
    ">",
    "```",
    "```json",
    "~~~",
    "````",
    "  ```",
    "    ```",
    "``` a`b",
    "<div>",
    "<!--",
    "-->",
    "  <p>",
    "| a | b |",
    "|---|---|",
    "| --- |",
    "a | b",
    "---|---",
    "[x]: /url",
    "    code",
    "\t# tab",
    "x\r",
    "\u{a0}# nbsp",
    "# ✓ done",
    "- ```",
    "  > q",
    "> ```",
    "1. ```",
    "   ```",
    "~~~ x",
    "``",
    "> <!--",
    "- <div>",
    "* * * *",
];

#[test]
fn wherever_the_scan_answers_it_answers_as_the_parse() {
    use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};
    // Safe lines only, then every line: the first half must mostly be answered, so the check is not vacuous.
    let safe: Vec<&str> = LINES
        .iter()
        .copied()
        .filter(|l| quick_sections(l).is_some())
        .collect();
    let mut rng = StdRng::seed_from_u64(15);
    let (mut answered, mut sections, mut rules) = (0, 0, 0);
    for round in 0..20_000 {
        let pool = if round % 2 == 0 { &safe[..] } else { LINES };
        // Lessons keep blocks apart with blank lines; so does every other body here, line by line.
        let mut lines = Vec::new();
        for _ in 0..rng.random_range(0..40) {
            lines.push(*pool.choose(&mut rng).unwrap());
            if rng.random_bool(0.7) {
                lines.push("");
            }
        }
        let mut body = lines.join("\n");
        if rng.random() {
            body.push('\n');
        }
        if let Some(quick) = quick_sections(&body) {
            answered += 1;
            sections += quick.len();
            rules += quick.iter().map(|s| s.rules.len()).sum::<usize>();
            assert_eq!(seen(quick), seen(parsed_sections(&body)), "{body:?}");
        }
    }
    assert!(
        answered > 5_000 && sections > 2_000 && rules > 500,
        "{answered} answered, {sections} sections, {rules} breaks"
    );
}
