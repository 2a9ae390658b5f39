use proptest::prelude::*;

use super::*;

/// `toml`'s reading of `text` as a tree, entries sorted as `toml` keeps them.
fn by_toml(text: &str) -> Option<Table<'_>> {
    Some(from_de(DeTable::parse(text).ok()?.into_inner()))
}

/// The tree with every table's entries sorted by key, to compare with `toml`'s.
fn sorted(mut table: Table<'_>) -> Table<'_> {
    table.sort_by(|a, b| a.0.cmp(&b.0));
    (table.into_iter())
        .map(|(k, n)| (k, sort_node(n)))
        .collect()
}

fn sort_node(node: Node<'_>) -> Node<'_> {
    let value = match node.value {
        Value::Table(t) => Value::Table(sorted(t)),
        Value::Array(a) => Value::Array(a.into_iter().map(sort_node).collect()),
        v => v,
    };
    Node {
        span: node.span,
        value,
    }
}

/// The fast reader either gives exactly `toml`'s tree (values and spans) or leaves the file to `toml`.
fn agrees(text: &str) -> bool {
    match read(text) {
        Some(fast) => {
            assert_eq!(Some(sorted(fast)), by_toml(text), "{text}");
            true
        }
        None => false,
    }
}

#[test]
fn every_built_in_quiz_file_is_read_fast_and_as_toml_reads_it() {
    let mut n = 0;
    for (path, text) in crate::quiz::testdata::built_in_quiz_files() {
        assert!(agrees(text), "{path} was left to toml");
        n += 1;
    }
    assert!(n >= 10);
}

#[test]
fn the_subset_it_reads_matches_toml() {
    for text in [
        "",
        "# only a comment\n",
        "topic = \"a\"\n",
        "topic = 'literal \\ kept'\n",
        "\"quoted key\" = 1\n'lit' = true\n",
        "n = 1_000\nh = 0x0f\no = 0o17\nb = 0b101\nf = 1.5e3\ng = -0.0\nt = false\n",
        "d = 1979-05-27T07:32:00Z\n",
        "big = 99999999999999999999\n",
        "s = \"tab\\there \\u00e9 \\\"quoted\\\"\"\n",
        "s = \"\"\"\nmulti\nline\"\"\"\nl = '''\nraw\\n'''\n",
        "a = [1, [2, 3], [], [\"x\",],]\n",
        "a = [\n  \"one\", # a comment\n  \"two\",\n]\n",
        "[[t]]\nid = \"a\"\n[[t]]\nid = \"b\"\n[t.lab]\nx = 1\n[t.lab.expect]\ny = 2\n[[t]]\nid = \"c\"\n",
        "top = 1\n[s]\nk = \"v\"\n[s.inner]\nz = 0\n",
        "\"é\" = \"non-ASCII key\"\nv = \"naïve — text ✓\"\n",
    ] {
        assert!(agrees(text), "left to toml: {text}");
    }
}

#[test]
fn anything_else_is_left_to_toml_which_reads_it_the_same_through_parse() {
    for text in [
        "a.b = 1\n",
        "t = { x = 1 }\n",
        "[a.b]\nx = 1\n",
        "[a]\n[a]\n",
        "a = 1\na = 2\n",
        "a = []\n[[a]]\n",
        "a = [1]\n[[a]]\n",
        "[a]\nx = 1\n[[a]]\n",
        "[[a]]\n[a]\n",
        &format!("a = {}1{}\n", "[".repeat(17), "]".repeat(17)),
    ] {
        assert!(read(text).is_none(), "read fast: {text}");
        assert_eq!(parse(text).map(sorted), by_toml(text), "{text}");
    }
    for broken in [
        "a = \"unclosed\n",
        "a = \"bad \\q escape\"\n",
        "a = \"bell \u{7}\"\n",
        "a = 'bell \u{7}'\n",
        "= 1\n",
        "[a\n",
        "a = [1,,2]\n",
        "a = 1 b = 2\n",
        "a = 1 # a bell \u{7} in a comment\n",
        &format!("a = {}1{}\n", "[".repeat(100), "]".repeat(100)),
    ] {
        assert_eq!(read(broken), None, "{broken:?}");
        assert_eq!(parse(broken), None, "{broken:?}");
    }
}

proptest! {
    /// One-line strings of any characters (escapes, quotes, controls, non-ASCII): read fast exactly as `toml`
    /// reads them, or left to it.
    #[test]
    fn strings_read_fast_match_toml(s in "[ -~\t\\\\\"'\u{1}\u{7f}é✓]{0,24}", literal in any::<bool>()) {
        let quote = if literal { '\'' } else { '"' };
        let text = format!("k = {quote}{s}{quote}\nl = [{quote}{s}{quote}]\n");
        let fast = read(&text).map(sorted);
        if fast.is_some() {
            prop_assert_eq!(fast, by_toml(&text));
        } else {
            prop_assert_eq!(parse(&text).map(sorted), by_toml(&text));
        }
    }
}

/// `toml_parser`'s events of `text`, layout left out; `None` on a syntax error.
fn parser_events(text: &str) -> Option<Vec<Event>> {
    let (mut tokens, mut events) = (Vec::new(), Vec::new());
    parse_events(&Source::new(text), &mut tokens, &mut events)?;
    Some(events.iter().filter(is_content).copied().collect())
}

/// The one-pass scan's events of `text`, when it reads it: always exactly `toml_parser`'s.
fn scanned(text: &str) -> Option<Vec<Event>> {
    let mut events = Vec::new();
    scan::events(text, &mut events)?;
    assert_eq!(Some(&events), parser_events(text).as_ref(), "{text:?}");
    Some(events)
}

#[test]
fn every_built_in_quiz_file_without_multi_line_strings_is_scanned_as_toml_parser_reads_it() {
    let mut n = 0;
    for (path, text) in crate::quiz::testdata::built_in_quiz_files() {
        let multi_line = text.contains("'''") || text.contains("\"\"\"");
        assert!(
            scanned(text).is_some() || multi_line,
            "{path} was left to toml_parser"
        );
        n += usize::from(!multi_line);
    }
    assert!(n >= 9);
}

/// Lines of quiz files and their near misses: the scan reads some and leaves the rest to `toml_parser`.
const LINES: &[&str] = &[
    "",
    "# a comment ✓",
    "  # indented comment",
    "[[trigger]]",
    "[[ trigger ]]  # spaced",
    "[question.lab]",
    "[ question . lab ]",
    "[[a]",
    "[a]]",
    "[a.\"b\"]",
    "id = \"t1-trigger-1\"",
    "id=\"x\"",
    "\tk\t=\t\"tab\tinside\"",
    "k = 'literal \\ kept'",
    "k = \"escape \\n\"",
    "k = \"quote \\\" inside\"",
    "k = \"bad \\q escape\"",
    "k = \"ends \\",
    "k = \"\\\\\"",
    "k = \"\"",
    "k = ''",
    "k = \"\"\"multi\"\"\"",
    "k = '''multi'''",
    "k = \"unclosed",
    "k = \"bell \u{7}\"",
    "k = \"naïve — ✓\"",
    "k = \"x\" y",
    "k = \"x\"# tight comment",
    "n = 0",
    "n = -12",
    "n = +7",
    "n = 012",
    "n = 1_0",
    "n = 1.5",
    "n = 3#c",
    "n = -",
    "n = 99999999999999999999",
    "b = true",
    "b = falsey",
    "a = [1, 2,]",
    "a = [",
    "\"x\", # inside",
    "]",
    "a = []",
    "a = [,]",
    "a = [[1]]",
    "a = [\"a\" \"b\"]",
    "a.b = 1",
    "\"q\" = 1",
    "k = {}",
    "= 1",
    "k = \r",
];

proptest! {
    /// Any file made of those lines: when the scan reads it, its events are `toml_parser`'s, so the tree built from
    /// them is the one `toml_parser`'s events give.
    #[test]
    fn the_scan_reads_only_what_toml_parser_reads_the_same(
        lines in proptest::collection::vec(proptest::sample::select(LINES), 0..10),
        newline_at_end in any::<bool>(),
    ) {
        let mut text = lines.join("\n");
        if newline_at_end {
            text.push('\n');
        }
        scanned(&text);
    }
}

#[test]
fn the_scan_reads_the_usual_shapes() {
    for text in [
        "topic = \"a\"\n\n[[trigger]]\nid = \"x\"\naccept = [\"y\"]\nstep = 2\n",
        "[[question]]\ncorrect = [1, 2]\nexplain = [\n  \"a\", # why\n  \"b\",\n]\n[question.lab]\nok = true",
    ] {
        assert!(scanned(text).is_some(), "{text}");
    }
}
