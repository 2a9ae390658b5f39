//! Colours and text attributes, by role. The renderer and the views ask for a role, never a colour, so themes
//! (`assets/themes/*.toml`, `--theme NAME`) and `NO_COLOR` change the look without touching drawing code.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};

use crate::util::diagnostic::{Diagnostic, line_of};

/// Declares the roles once: the struct, and the loader that fills every field from a theme file.
macro_rules! roles {
    ($($role:ident),* $(,)?) => {
        #[derive(Debug, Clone, PartialEq)]
        pub struct Theme {
            $(pub $role: Style,)*
        }

        const ROLES: &[&str] = &[$(stringify!($role)),*];

        impl Theme {
            fn from_map(path: &str, text: &str, map: &BTreeMap<String, String>) -> Result<Self, Vec<Diagnostic>> {
                let mut diags = Vec::new();
                let mut get = |role: &str| -> Style {
                    match map.get(role) {
                        Some(spec) => parse_style(spec).unwrap_or_else(|e| {
                            let line = text.find(&format!("{role} ")).map(|o| line_of(text, o)).unwrap_or(0);
                            diags.push(Diagnostic::new(path, line, format!("`{role}`: {e}")));
                            Style::new()
                        }),
                        None => {
                            diags.push(Diagnostic::new(path, 0, format!("missing role `{role}`")));
                            Style::new()
                        }
                    }
                };
                let theme = Self { $($role: get(stringify!($role)),)* };
                if diags.is_empty() { Ok(theme) } else { Err(diags) }
            }

            /// Every role without colour: for `NO_COLOR`. Attributes that carry meaning stay.
            pub fn monochrome() -> Self {
                let mut t = Self { $($role: Style::new(),)* };
                for s in [&mut t.accent, &mut t.heading1, &mut t.heading2, &mut t.heading3, &mut t.strong,
                          &mut t.table_header, &mut t.good, &mut t.bad, &mut t.warn] {
                    *s = Style::new().add_modifier(Modifier::BOLD);
                }
                t.emphasis = Style::new().add_modifier(Modifier::ITALIC);
                t.link = Style::new().add_modifier(Modifier::UNDERLINED);
                t.selected = Style::new().add_modifier(Modifier::REVERSED);
                t
            }
        }
    };
}

roles!(
    text,
    dim,
    accent,
    heading1,
    heading2,
    heading3,
    emphasis,
    strong,
    code,
    code_block,
    quote,
    link,
    border,
    rule,
    table_header,
    good,
    bad,
    warn,
    selected,
);

/// The themes built into the binary, by name.
pub const BUILT_IN: &[&str] = &["dark", "light", "high-contrast"];

impl Theme {
    /// A theme file: one `role = "style"` line per role; unknown roles are an error.
    pub fn parse(path: &str, text: &str) -> Result<Self, Vec<Diagnostic>> {
        let map: BTreeMap<String, String> = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            vec![Diagnostic::new(path, line, e.message())]
        })?;
        let unknown: Vec<Diagnostic> = map
            .keys()
            .filter(|k| !ROLES.contains(&k.as_str()))
            .map(|k| {
                let line = text.find(k.as_str()).map(|o| line_of(text, o)).unwrap_or(0);
                Diagnostic::new(
                    path,
                    line,
                    format!("unknown role `{k}`; the roles are {}", ROLES.join(", ")),
                )
            })
            .collect();
        if !unknown.is_empty() {
            return Err(unknown);
        }
        Self::from_map(path, text, &map)
    }

    /// A built-in theme by name.
    pub fn named(name: &str) -> Result<Self, String> {
        let path = format!("assets/themes/{name}.toml");
        let text = crate::util::embedded::file(&path)
            .ok_or_else(|| format!("no theme `{name}`; the themes are {}", BUILT_IN.join(", ")))?;
        Self::parse(&path, text).map_err(|d| {
            d.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    pub fn dark() -> Self {
        Self::named("dark").expect("the built-in dark theme is valid")
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}

/// `"cyan bold"`, `"white on black"`, `"#ff8800 italic"`, `"245"`, `""` (the terminal's default).
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = spec.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let modifier = match word.to_lowercase().as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underlined" | "underline" => Some(Modifier::UNDERLINED),
            "reversed" | "reverse" => Some(Modifier::REVERSED),
            "crossed-out" | "strikethrough" => Some(Modifier::CROSSED_OUT),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
        } else if word.eq_ignore_ascii_case("on") {
            let bg = words.next().ok_or("`on` needs a colour after it")?;
            style = style.bg(color(bg)?);
        } else {
            style = style.fg(color(word)?);
        }
    }
    Ok(style)
}

fn color(word: &str) -> Result<Color, String> {
    word.parse::<Color>()
        .map_err(|_| format!("`{word}` is not a colour or a modifier"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_parses() {
        for name in BUILT_IN {
            Theme::named(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        assert_eq!(
            Theme::dark().heading1,
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        );
        assert_eq!(
            Theme::named("high-contrast").unwrap().text,
            Style::new().fg(Color::White).bg(Color::Black)
        );
    }

    #[test]
    fn style_specs() {
        assert_eq!(parse_style("").unwrap(), Style::new());
        assert_eq!(
            parse_style("cyan bold on black").unwrap(),
            Style::new()
                .fg(Color::Cyan)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(
            parse_style("#ff8800").unwrap(),
            Style::new().fg(Color::Rgb(255, 136, 0))
        );
        assert_eq!(
            parse_style("blurple").unwrap_err(),
            "`blurple` is not a colour or a modifier"
        );
        assert!(parse_style("red on").is_err());
    }

    #[test]
    fn bad_theme_files_name_the_line() {
        let e = Theme::parse("t.toml", "text = \"\"\nshiny = \"red\"\n").unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("t.toml:2: unknown role `shiny`"),
            "{}",
            e[0]
        );
        let full = crate::util::embedded::file("assets/themes/dark.toml").unwrap();
        let e = Theme::parse(
            "t.toml",
            &full.replace("darkgray\"\naccent", "nocolour\"\naccent"),
        )
        .unwrap_err();
        assert!(
            e[0].to_string()
                .contains("`dim`: `nocolour` is not a colour"),
            "{}",
            e[0]
        );
        let e = Theme::parse("t.toml", "text = \"\"\n").unwrap_err();
        assert!(
            e.iter()
                .any(|d| d.to_string() == "t.toml: missing role `dim`")
        );
    }

    #[test]
    fn no_colour_in_monochrome() {
        let m = Theme::monochrome();
        for s in [m.text, m.dim, m.accent, m.code, m.heading1, m.border] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
    }
}
