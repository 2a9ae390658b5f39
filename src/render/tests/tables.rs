//! GFM tables: natural layout, alignment, wide characters, shrinking and the stacked fallback.

use unicode_segmentation::UnicodeSegmentation;

use super::{assert_fits, plain};
use crate::render::{display_width, render, to_plain_text};
use crate::theme::Theme;

/// Display columns of the box-drawing junctions and bars of a rendered table line.
fn border_cols(line: &str) -> Vec<usize> {
    let mut col = 0;
    let mut cols = Vec::new();
    for g in line.graphemes(true) {
        if "│┼┬┴├┤┌┐└┘".contains(g) {
            cols.push(col);
        }
        col += display_width(g);
    }
    cols
}

fn assert_aligned(text: &str) {
    let first = border_cols(text.lines().next().unwrap_or_default());
    let widths: Vec<usize> = text.lines().map(display_width).collect();
    for line in text.lines() {
        assert_eq!(border_cols(line), first, "misaligned:\n{text}");
        assert_eq!(display_width(line), widths[0], "ragged:\n{text}");
    }
}

#[test]
fn natural_table_with_alignment() {
    let md =
        "| L | C | R |\n|:--|:-:|--:|\n| a | b | c |\n| long left | long center | long right |";
    let expected = "\
┌───────────┬─────────────┬────────────┐
│ L         │      C      │          R │
├───────────┼─────────────┼────────────┤
│ a         │      b      │          c │
│ long left │ long center │ long right │
└───────────┴─────────────┴────────────┘";
    assert_eq!(plain(md, 60), expected);
}

#[test]
fn wide_chars_and_emoji_keep_the_right_border_aligned() {
    let md = "| Term | Note |\n|---|---|\n| 数据工程 | data engineering |\n| ⚠️ Warning | 👍🏽 ok 👨‍👩‍👧 |\n| é | e\u{301} |";
    for width in [80, 30, 24] {
        let text = plain(md, width);
        assert!(text.starts_with('┌'), "{text}");
        assert_aligned(&text);
        assert_fits(&render(md, width, &Theme::dark()), width);
    }
}

#[test]
fn inline_styles_are_kept_in_cells() {
    let theme = Theme::dark();
    let lines = render("| Head |\n|---|\n| `Retry` **now** |", 40, &theme);
    let find = |text: &str| {
        lines
            .iter()
            .flat_map(|l| &l.spans)
            .find(|s| s.content == text)
            .map(|s| s.style)
    };
    assert_eq!(find("Head"), Some(theme.text.patch(theme.table_header)));
    assert_eq!(find("Retry"), Some(theme.text.patch(theme.code)));
    assert_eq!(find("now"), Some(theme.text.patch(theme.strong)));
    assert!(lines[0].spans.iter().all(|s| s.style == theme.border));
}

#[test]
fn wide_table_shrinks_and_wraps_inside_cells() {
    let md = "| Trigger phrase | Answer |\n| --- | --- |\n| \"transient failure\", \"retry without changing code\" | Step Functions `Retry` on the Task state |\n| \"fan out\" | Map state |";
    let text = plain(md, 30);
    assert!(text.starts_with('┌'), "{text}");
    assert_aligned(&text);
    assert!(text.lines().all(|l| display_width(l) <= 30));
    assert!(text.lines().count() > 8, "rows should wrap:\n{text}");
    // Body rows spanning several lines are separated by a rule.
    assert_eq!(
        text.lines().filter(|l| l.starts_with('├')).count(),
        2,
        "{text}"
    );
    // Words that fit are not broken.
    assert!(text.contains("Functions"), "{text}");
}

#[test]
fn too_narrow_table_is_stacked() {
    let md = "| Service | Scope | Cost |\n|---|---|---|\n| Step Functions | any service | per transition |\n| Glue | jobs | free |";
    let expected = "\
Service: Step
  Functions
Scope: any
  service
Cost: per
  transition
──────────────
Service: Glue
Scope: jobs
Cost: free";
    assert_eq!(plain(md, 14), expected);
    let lines = render(md, 14, &Theme::dark());
    assert_fits(&lines, 14);
    for width in 1..=14 {
        assert_fits(&render(md, width, &Theme::dark()), width);
    }
}

#[test]
fn ragged_rows_are_padded() {
    let md = "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |";
    let text = plain(md, 40);
    assert_aligned(&text);
    assert!(text.contains("│ 1 │   │   │"), "{text}");
}

#[test]
fn six_column_table_at_every_width() {
    let md = "| A | B | C | D | E | F |\n|---|:-:|--:|---|---|---|\n| alpha beta | 数据 | 👍🏽 | `x` | **y** | [l](http://e.x) |";
    for width in 1..=80 {
        let lines = render(md, width, &Theme::dark());
        assert_fits(&lines, width);
        let text = to_plain_text(&lines);
        if text.starts_with('┌') {
            assert_aligned(&text);
        } else {
            assert!(
                text.contains("A: alpha") || width < 9,
                "width {width}:\n{text}"
            );
        }
    }
}
