//! Colours and text attributes, by role. The renderer and the views ask for a role, never a colour, so themes
//! (and `NO_COLOR`) change the look without touching drawing code.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub heading1: Style,
    pub heading2: Style,
    pub heading3: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub code_block: Style,
    pub quote: Style,
    pub link: Style,
    pub border: Style,
    pub rule: Style,
    pub table_header: Style,
    pub good: Style,
    pub bad: Style,
    pub warn: Style,
    pub selected: Style,
}

impl Theme {
    pub fn dark() -> Self {
        let bold = Modifier::BOLD;
        Self {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Cyan).add_modifier(bold),
            heading1: Style::new().fg(Color::Yellow).add_modifier(bold),
            heading2: Style::new().fg(Color::Cyan).add_modifier(bold),
            heading3: Style::new().fg(Color::Green).add_modifier(bold),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(bold),
            code: Style::new().fg(Color::LightMagenta),
            code_block: Style::new().fg(Color::LightGreen),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            border: Style::new().fg(Color::DarkGray),
            rule: Style::new().fg(Color::DarkGray),
            table_header: Style::new().add_modifier(bold),
            good: Style::new().fg(Color::Green).add_modifier(bold),
            bad: Style::new().fg(Color::Red).add_modifier(bold),
            warn: Style::new().fg(Color::Yellow),
            selected: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// No colours at all (for `NO_COLOR` and plain output); attributes that carry meaning stay.
    pub fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            text: Style::new(),
            dim: Style::new(),
            accent: bold,
            heading1: bold,
            heading2: bold,
            heading3: bold,
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: bold,
            code: Style::new(),
            code_block: Style::new(),
            quote: Style::new(),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            border: Style::new(),
            rule: Style::new(),
            table_header: bold,
            good: bold,
            bad: bold,
            warn: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}
