//! Block constructs: headings, paragraphs, lists, quotes, code, rules, HTML.

use super::{assert_fits, plain};
use crate::render::render;
use crate::theme::Theme;

#[test]
fn headings_have_no_marks_and_blank_lines_around() {
    let md = "# Title\n\nText.\n\n## Sub\nMore.\n\n### Third\n\n#### Fourth";
    assert_eq!(
        plain(md, 40),
        "Title\n━━━━━\n\nText.\n\nSub\n\nMore.\n\nThird\n\nFourth"
    );
}

#[test]
fn heading_styles_come_from_the_theme() {
    let theme = Theme::dark();
    let lines = render("# One\n\n## Two\n\n### Three\n\n##### Five", 40, &theme);
    let style_of = |text: &str| {
        lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.content == text)
            .map(|s| s.style)
    };
    assert_eq!(style_of("One"), Some(theme.text.patch(theme.heading1)));
    assert_eq!(style_of("Two"), Some(theme.text.patch(theme.heading2)));
    assert_eq!(style_of("Three"), Some(theme.text.patch(theme.heading3)));
    assert_eq!(style_of("Five"), Some(theme.text.patch(theme.heading3)));
}

#[test]
fn long_heading_wraps_and_rule_spans_its_text() {
    assert_eq!(
        plain("# Orchestration and automation", 16),
        "Orchestration\nand automation\n━━━━━━━━━━━━━━"
    );
}

#[test]
fn paragraphs_soft_and_hard_breaks() {
    assert_eq!(
        plain("one\ntwo\n\nthree  \nfour\\\nfive", 40),
        "one two\n\nthree\nfour\nfive"
    );
}

#[test]
fn paragraph_wraps_on_words() {
    assert_eq!(
        plain("the quick brown fox jumps over the lazy dog", 15),
        "the quick brown\nfox jumps over\nthe lazy dog"
    );
}

#[test]
fn tight_nested_list_has_hanging_indent() {
    let md =
        "- one two three four five six\n  - nested words that wrap here\n    - third level\n- last";
    let expected = "\
• one two three
  four five six
  ◦ nested words
    that wrap here
    ▪ third level
• last";
    assert_eq!(plain(md, 18), expected);
}

#[test]
fn loose_list_items_are_separated() {
    assert_eq!(
        plain("- a\n\n- b\n\n  second para\n- c", 20),
        "• a\n\n• b\n\n  second para\n\n• c"
    );
}

#[test]
fn ordered_list_numbers_are_right_aligned() {
    let md: String = (1..=10).map(|i| format!("{i}. item {i}\n")).collect();
    let text = plain(&md, 30);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], " 1. item 1");
    assert_eq!(lines[9], "10. item 10");
    assert_eq!(
        plain("3. c\n4. d with more words", 10),
        "3. c\n4. d with\n   more\n   words"
    );
}

#[test]
fn deep_nesting_is_clamped() {
    let mut md = String::new();
    for depth in 0..40 {
        md.push_str(&"  ".repeat(depth));
        md.push_str("- level item text\n");
    }
    for width in [1u16, 5, 12, 30, 80] {
        let lines = render(&md, width, &Theme::monochrome());
        assert_fits(&lines, width);
        let text = crate::render::to_plain_text(&lines);
        assert!(
            width < 12 || text.contains("level item"),
            "width {width}: {text}"
        );
    }
    // At 30 columns min(30 / 2, 10) = 10 columns stay for text: indentation stops growing at column 20, and the
    // deeper items line up there, each keeping its bullet.
    let text = plain(&md, 30);
    let bullets = text
        .lines()
        .filter(|l| l.trim_start().starts_with(['•', '◦', '▪']))
        .count();
    assert_eq!(bullets, 40, "{text}");
    let deepest = text
        .lines()
        .map(|l| l.len() - l.trim_start().len())
        .max()
        .unwrap_or(0);
    assert_eq!(deepest, 20, "{text}");
}

#[test]
fn quotes_get_a_bar_on_every_line_and_nest() {
    let md = "> quoted text that wraps around\n>\n> > nested one";
    assert_eq!(
        plain(md, 16),
        "│ quoted text\n│ that wraps\n│ around\n│\n│ │ nested one"
    );
    let theme = Theme::dark();
    let lines = render("> hi", 10, &theme);
    assert_eq!(lines[0].spans[0].style, theme.quote);
}

#[test]
fn list_inside_quote_and_quote_inside_list() {
    assert_eq!(plain("> - a\n> - b", 20), "│ • a\n│ • b");
    assert_eq!(plain("- item\n\n  > quoted", 20), "• item\n\n  │ quoted");
}

#[test]
fn code_block_keeps_lines_and_breaks_long_ones_hard() {
    let json = r#"{"StartAt": "RunGlueJob", "States": {"RunGlueJob": {"Type": "Task"}}}"#;
    let md = format!("```json\n{json}\n  \"x\": 1\n```");
    let lines = render(&md, 30, &Theme::monochrome());
    assert_fits(&lines, 30);
    let text = crate::render::to_plain_text(&lines);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "┌─ json");
    assert_eq!(rows[1], r#"│ {"StartAt": "RunGlueJob", "S"#);
    assert!(rows[2].starts_with("│ ↪"), "{text}");
    assert_eq!(*rows.last().unwrap_or(&""), "│   \"x\": 1");
    // Nothing is lost: the pieces put back together are the original line.
    let joined: String = rows[1..rows.len() - 1]
        .iter()
        .map(|r| r.trim_start_matches("│ ").trim_start_matches('↪'))
        .collect();
    assert_eq!(joined, json);
}

#[test]
fn code_continuation_keeps_the_indent() {
    let md = "```\n        \"key\": \"a long value that must be cut\"\n```";
    let text = plain(md, 30);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "│         \"key\": \"a long value");
    assert_eq!(rows[1], "│         ↪ that must be cut\"");
}

#[test]
fn code_cut_at_spaces_keeps_them_on_the_continuation() {
    assert_eq!(
        plain("```\naaaa    bbbb\n```", 8),
        "│ aaaa\n│ ↪    b\n│ ↪bbb"
    );
}

#[test]
fn code_with_inner_spaces_at_tiny_width() {
    // Found by proptest: chunks of only spaces must not leave trailing whitespace.
    let lines = render("    - a a  aa      a", 0, &Theme::dark());
    assert_fits(&lines, 1);
    assert_eq!(
        lines.len(),
        16,
        "one line per column of \"- a a  aa      a\""
    );
}

#[test]
fn indented_code_and_tabs() {
    assert_eq!(plain("    let x\tbe;\n", 30), "│ let x   be;");
}

#[test]
fn code_block_with_wide_chars_at_tiny_width() {
    let lines = render("```\n数据工程\n```", 1, &Theme::monochrome());
    assert_fits(&lines, 1);
    assert_eq!(lines.len(), 4);
}

#[test]
fn thematic_break_spans_the_width() {
    assert_eq!(plain("a\n\n---\n\nb", 8), "a\n\n────────\n\nb");
}

#[test]
fn html_is_shown_literally() {
    assert_eq!(
        plain("<div class=\"x\">\n<b>hi</b>\n</div>", 40),
        "<div class=\"x\">\n<b>hi</b>\n</div>"
    );
    assert_eq!(
        plain("a <script>alert(1)</script> b", 60),
        "a <script>alert(1)</script> b"
    );
}

#[test]
fn images_show_their_alt_text() {
    assert_eq!(
        plain("See ![the *state* diagram](d.png) here", 60),
        "See [image: the state diagram] here"
    );
    assert_eq!(plain("![](d.png)", 60), "[image]");
}

#[test]
fn empty_and_whitespace_documents() {
    assert!(render("", 20, &Theme::monochrome()).is_empty());
    assert!(render("  \n\n \t\n", 20, &Theme::monochrome()).is_empty());
    assert_eq!(plain("-", 20), "•");
}

#[test]
fn absurd_nesting_does_not_overflow_the_stack() {
    let lists = format!("{}x", "- ".repeat(5000));
    let quotes = format!("{} x", ">".repeat(5000));
    let mixed = format!("{}x", "> - 1. ".repeat(2000));
    let emphasis = format!("{}x{}", "*_".repeat(3000), "_*".repeat(3000));
    let links = format!("{}x{}", "[".repeat(3000), "](u)".repeat(3000));
    for md in [lists, quotes, mixed, emphasis, links] {
        let lines = render(&md, 80, &Theme::dark());
        assert_fits(&lines, 80);
        let text = crate::render::to_plain_text(&lines);
        assert!(
            text.contains('x'),
            "{}: {}",
            &md[..20],
            &text[text.len().saturating_sub(300)..]
        );
    }
}
