//! Renderer tests: one module per concern; shared helpers here.

mod blocks;
mod inline;
mod props;
mod snapshots;
mod tables;
mod wrapping;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{render, to_plain_text};
use crate::theme::Theme;

/// Plain text of a render with the monochrome theme.
pub(super) fn plain(md: &str, width: u16) -> String {
    to_plain_text(&render(md, width, &Theme::monochrome()))
}

/// How many columns ratatui's own buffer uses to draw `line` (the ground truth our measurement must match).
pub(super) fn drawn_width(line: &Line<'_>) -> usize {
    const ROOM: u16 = 2000;
    let mut buf = Buffer::empty(Rect::new(0, 0, ROOM, 1));
    let (x, _) = buf.set_line(0, 0, line, ROOM);
    usize::from(x)
}

/// Every line fits `width` as ratatui draws it, agrees with our own measurement, carries no control character
/// or VS16, and does not end in whitespace.
pub(super) fn assert_fits(lines: &[Line<'_>], width: u16) {
    let width = usize::from(width.max(1));
    for (i, line) in lines.iter().enumerate() {
        let drawn = drawn_width(line);
        assert_eq!(
            drawn,
            super::wrap::line_width(line),
            "line {i} measured differently: {line:?}"
        );
        assert!(
            drawn <= width,
            "line {i} is {drawn} wide at width {width}: {line:?}"
        );
        let last = line.spans.last().map_or("", |s| &*s.content);
        assert!(
            !last.ends_with(char::is_whitespace),
            "trailing space in line {i}: {line:?}"
        );
        for span in &line.spans {
            assert!(
                !span.content.contains(char::is_control),
                "control char in line {i}: {line:?}"
            );
            assert!(
                !span.content.contains('\u{fe0f}'),
                "VS16 in line {i}: {line:?}"
            );
        }
    }
}

/// A document with every construct, emoji, CJK, a 6-column table, a long JSON line and a deep nested list.
pub(super) fn kitchen_sink() -> String {
    // Written raw for readability; the escapes that must be real characters are put in afterwards.
    KITCHEN_SINK
        .replace("\\u{301}", "\u{301}")
        .replace("\\x1b", "\x1b")
}

const KITCHEN_SINK: &str = r#"# Step Functions ⚠️ Warning

Intro with *emphasis*, **strong**, ~~struck~~, `inline code`, a [link](https://docs.aws.amazon.com/step-functions/latest/dg/welcome.html)
and <https://aws.amazon.com>. Emoji ♻️ 👍🏽 👨‍👩‍👧, CJK 数据工程数据工程, accents é and e\u{301}.
A very long word: arn:aws:states:us-east-1:123456789012:stateMachine:NightlyGlueOrchestrationWithRetries.

## Lists

- one
- two with enough words to wrap around at narrow widths, really
  - nested ◦ item
    - deeper ▪ item
      - deeper still
        - and deeper
          - and deeper again
            - the bottom of the deep nested list, with words
- three

1. first
2. second
3. third
4. fourth
5. fifth
6. sixth
7. seventh
8. eighth
9. ninth
10. tenth with a longer text that wraps

> A quote with **bold** text that is long enough to wrap at most widths.
>
> > A nested quote.

### Table

| Service | Scope | Retries | Cost | Limits | 中文 |
| :--- | :---: | ---: | --- | --- | --- |
| Step Functions | any AWS service | `Retry` with backoff | per transition | 25,000 events | 数据工程 |
| Glue workflows | Glue jobs and crawlers | none built in | free | 👍🏽 ok | ⚠️ |

```json
{"StartAt": "RunGlueJob", "States": {"RunGlueJob": {"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "Retry": [{"ErrorEquals": ["Glue.ThrottlingException"], "MaxAttempts": 5}], "End": true}}}
    {
        "indented": "line that is also rather long so that it has to be broken with the continuation marker"
    }
```

    indented code	with a tab

---

<div class="note">Raw <b>HTML</b> block</div>

Inline <kbd>Ctrl</kbd> html and an image: ![state machine diagram](diagram.png)

Hard break here\
next line. Escape: \x1b[31mred\x1b[0m
"#;
