//! Width guarantees over every width and over generated input.

use proptest::prelude::*;
use ratatui::text::Span;

use super::{assert_fits, drawn_width, kitchen_sink};
use crate::render::{display_width, render, to_plain_text, wrap_spans};
use crate::theme::Theme;

#[test]
fn kitchen_sink_fits_every_width() {
    let md = kitchen_sink();
    let theme = Theme::dark();
    for width in 1..=200 {
        let lines = render(&md, width, &theme);
        assert_fits(&lines, width);
        assert!(!lines.is_empty());
    }
    assert_fits(&render(&md, 0, &theme), 1);
}

#[test]
fn kitchen_sink_keeps_its_content() {
    let text = to_plain_text(&render(&kitchen_sink(), 100, &Theme::monochrome()));
    for needle in [
        "Step Functions ⚠ Warning",
        "(https://docs.aws.amazon.com/step-functions/latest/dg/welcome.html)",
        "┌─ json",
        "[image: state machine diagram]",
        "<div class=\"note\">Raw <b>HTML</b> block</div>",
        "│ indented code   with a tab",
        "10. tenth",
        "│ │ A nested quote.",
        "[31mred[0m",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(!text.contains('\x1b') && !text.contains('\u{fe0f}'));
}

/// Markdown syntax fragments mixed with text, emoji, CJK and hostile characters.
fn markdownish() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        4 => prop::sample::select(vec![
            "# ", "## ", "### ", "- ", "  - ", "    - ", "* ", "1. ", "10. ", "> ", "> > ", "```json\n", "```\n",
            "    ", "\n", "\n\n", "| a | b |\n|---|:-:|\n", "| 数据 | 👍🏽 |\n", "| ", " |", "|---|", "**", "*", "_",
            "`", "~~", "[", "](http://x.y/z)", ")", "![", "<b>", "</b>", "<div>\n", "---\n", "***", "\\\n", "  \n",
            "数据工程", "👨\u{200d}👩\u{200d}👧", "👍🏽", "⚠\u{fe0f}", "e\u{301}", "\t", "\x1b[31m", "\u{9b}", "\r\n",
            "ﾊﾟ", "\u{200b}", "\u{feff}", "{\"k\": [1, 2, 3]}",
        ]).prop_map(str::to_string),
        3 => "[a-z ]{0,40}",
        1 => "\\PC{0,20}",
        1 => any::<String>(),
    ];
    prop::collection::vec(fragment, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string_fits_any_width(s in any::<String>(), width in 0u16..=300) {
        assert_fits(&render(&s, width, &Theme::dark()), width);
    }

    #[test]
    fn markdownish_input_fits_any_width(s in markdownish(), width in 0u16..=300) {
        assert_fits(&render(&s, width, &Theme::dark()), width);
    }

    #[test]
    fn display_width_matches_the_buffer(s in "\\PC{0,40}", raw in any::<String>()) {
        for s in [s, raw] {
            let line = ratatui::text::Line::from(Span::raw(s.as_str()));
            prop_assert_eq!(display_width(&s), drawn_width(&line));
        }
    }

    #[test]
    fn wrap_spans_fits(s in "\\PC{0,80}", t in "[a-z 数👍🏽]{0,40}", width in 0usize..=60) {
        let spans = [Span::raw(s), Span::raw(t)];
        let lines = wrap_spans(&spans, width, &[Span::raw("• ")], &[Span::raw("  ")]);
        for line in &lines {
            prop_assert!(drawn_width(line) <= width.max(1));
        }
    }
}
