//! Inline styles, links, sanitising and grapheme widths.

use ratatui::style::Modifier;

use super::{assert_fits, plain};
use crate::render::{display_width, render, to_plain_text};
use crate::theme::Theme;

fn span_style(md: &str, text: &str, theme: &Theme) -> Option<ratatui::style::Style> {
    let lines = render(md, 80, theme);
    lines
        .iter()
        .flat_map(|l| &l.spans)
        .find(|s| s.content == text)
        .map(|s| s.style)
}

#[test]
fn inline_styles_use_theme_roles() {
    let theme = Theme::dark();
    let md = "*it* **bold** ~~gone~~ `code` ***both***";
    assert_eq!(plain(md, 80), "it bold gone code both");
    assert_eq!(
        span_style(md, "it", &theme),
        Some(theme.text.patch(theme.emphasis))
    );
    assert_eq!(
        span_style(md, "bold", &theme),
        Some(theme.text.patch(theme.strong))
    );
    let gone = span_style(md, "gone", &theme).unwrap_or_default();
    assert!(gone.add_modifier.contains(Modifier::CROSSED_OUT));
    assert_eq!(
        span_style(md, "code", &theme),
        Some(theme.text.patch(theme.code))
    );
    let both = span_style(md, "both", &theme).unwrap_or_default();
    assert!(
        both.add_modifier
            .contains(Modifier::BOLD | Modifier::ITALIC)
    );
}

#[test]
fn links_show_text_and_url_only_when_different() {
    let theme = Theme::dark();
    let md = "[AWS docs](https://docs.aws.amazon.com) and <https://aws.amazon.com>";
    assert_eq!(
        plain(md, 200),
        "AWS docs (https://docs.aws.amazon.com) and https://aws.amazon.com"
    );
    assert_eq!(
        span_style(md, "AWS docs", &theme),
        Some(theme.text.patch(theme.link))
    );
    assert_eq!(
        span_style(md, " (https://docs.aws.amazon.com)", &theme),
        Some(theme.dim)
    );
    assert_eq!(plain("<me@example.com>", 80), "me@example.com");
}

#[test]
fn long_url_is_broken_not_overflowing() {
    let md = "See [the guide](https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).";
    let lines = render(md, 20, &Theme::dark());
    assert_fits(&lines, 20);
    let text: String = to_plain_text(&lines).lines().collect();
    assert!(text.contains("concepts-error-handling.html)."), "{text}");
}

#[test]
fn escape_sequences_are_stripped() {
    assert_eq!(plain("\x1b[31mred\x1b[0m", 40), "[31mred[0m");
    assert_eq!(plain("bell\x07 ring", 40), "bell ring");
    assert_eq!(plain("csi\u{9b}2J here", 40), "csi2J here");
    assert_eq!(plain("```\n\x1b]0;title\x07\n```", 40), "│ ]0;title");
    for md in [
        "\x1b[2J",
        "a\u{9b}b",
        "`\x1b[1m`",
        "| \x1b | b |\n|---|---|\n| \x07 | \u{85} |",
    ] {
        assert_fits(&render(md, 30, &Theme::dark()), 30);
    }
}

#[test]
fn grapheme_widths_match_ratatui() {
    assert_eq!(display_width("abc"), 3);
    assert_eq!(display_width("数据工程"), 8);
    assert_eq!(display_width("e\u{301}"), 1);
    assert_eq!(display_width("é"), 1);
    assert_eq!(display_width("👍🏽"), 2);
    assert_eq!(display_width("👨\u{200d}👩\u{200d}👧"), 2);
    assert_eq!(display_width("⚠ Warning"), 9);
    // Halfwidth katakana + handakuten: ratatui adds a column for the mark; whatever it does, we agree.
    let kana = ratatui::text::Line::from("ﾊﾟ");
    assert_eq!(display_width("ﾊﾟ"), super::drawn_width(&kana));
    assert_eq!(display_width("a\x1bb"), 2);
    // The glyphs the renderer draws are all one column wide.
    for g in ["•", "◦", "▪", "│", "─", "━", "↪", "…", "┌", "┼", "┘"] {
        assert_eq!(display_width(g), 1, "{g}");
    }
}

#[test]
fn emoji_and_cjk_render_within_width() {
    let md = "⚠️ Warning ♻️ recycle 👍🏽 ok 👨‍👩‍👧 family 数据工程 é e\u{301}";
    for width in 1..=40 {
        let lines = render(md, width, &Theme::dark());
        assert_fits(&lines, width);
    }
    let text = plain(md, 80);
    assert_eq!(
        text,
        "⚠ Warning ♻ recycle 👍🏽 ok 👨‍👩‍👧 family 数据工程 é e\u{301}"
    );
}

#[test]
fn wide_grapheme_never_split_or_overflowing() {
    assert_eq!(plain("数据工程", 5), "数据\n工程");
    assert_eq!(plain("数据工程", 1), "…\n…\n…\n…");
    assert_eq!(plain("a数", 2), "a\n数");
}
