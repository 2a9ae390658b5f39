//! An `asl` code block (a Step Functions definition) drawn as a flow diagram, or shown as its JSON source when the
//! learner asks (`Options::asl_source`). A definition that is not valid ASL shows its problems above the source,
//! never a diagram. The info string may add `express` (check it as an Express workflow) and `taken=…` (the states a
//! lab run entered, marked on the diagram).

use std::collections::HashSet;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::code;
use super::wrap::take_width;
use crate::asl::{self, Flavour, diagram::Tone, report};
use crate::theme::Theme;

pub(crate) fn is_asl(info: &str) -> bool {
    info.split_whitespace().next() == Some("asl")
}

pub(crate) fn render(
    info: &str,
    text: &str,
    width: usize,
    source: bool,
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    let flavour = if info.split_whitespace().any(|w| w == "express") {
        Flavour::Express
    } else {
        Flavour::Standard
    };
    if source {
        code::render("asl · JSON source", text, width, theme, out);
        return;
    }
    match asl::parse(text, flavour) {
        Ok(machine) => {
            let taken = report::taken_from_info(info);
            let taken: HashSet<&str> = taken.iter().map(String::as_str).collect();
            let label = format!(
                "┌─ state machine{}",
                if flavour == Flavour::Express {
                    " · Express"
                } else {
                    ""
                }
            );
            out.push(take_width(&[Span::styled(label, theme.dim)], width).into());
            for row in asl::diagram::draw(&machine, &taken, width) {
                let spans: Vec<Span<'static>> = row
                    .into_iter()
                    .map(|(t, tone)| Span::styled(t, style(tone, theme)))
                    .collect();
                out.push(Line::from(spans));
            }
        }
        Err(errors) => {
            let head = format!("Not valid ASL ({}), so no diagram:", errors.len());
            out.push(take_width(&[Span::styled(head, theme.warn)], width).into());
            for e in &errors {
                let line = format!("  line {}: {}", e.line, e.message);
                out.extend(super::wrap_spans(
                    &[Span::styled(line, theme.warn)],
                    width,
                    &[],
                    &[],
                ));
            }
            code::render("asl", text, width, theme, out);
        }
    }
}

fn style(tone: Tone, t: &Theme) -> Style {
    match tone {
        Tone::Plain | Tone::Edge => t.text,
        Tone::Frame => t.border,
        Tone::Name => t.strong,
        Tone::Kind | Tone::Muted => t.dim,
        Tone::Label => t.emphasis,
        Tone::Catch => t.warn,
        Tone::Retry => t.accent,
        Tone::Taken => t.good,
    }
}
