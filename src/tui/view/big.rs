//! Big digits for the projector's step counter: 3×5 cells of block characters, readable from the back of a room.

use ratatui::{buffer::Buffer, layout::Rect, style::Style};

/// Rows of each glyph, top to bottom.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => [" █ ", "██ ", " █ ", " █ ", "███"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", "███", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        '/' => ["  █", "  █", " █ ", "█  ", "█  "],
        _ => ["   ", "   ", "   ", "   ", "   "],
    }
}

/// Width in cells of `text` drawn big (glyphs 3 wide, one space between).
pub fn width(text: &str) -> u16 {
    let n = text.chars().count() as u16;
    (n * 4).saturating_sub(1)
}

/// Draws `text` big with its top-right corner at the top-right of `area`; nothing if it does not fit.
pub fn render(text: &str, area: Rect, style: Style, buf: &mut Buffer) {
    let w = width(text);
    if area.width < w || area.height < 5 {
        return;
    }
    let x0 = area.x + area.width - w;
    for row in 0..5u16 {
        let line: Vec<String> = text
            .chars()
            .map(|c| glyph(c)[usize::from(row)].to_string())
            .collect();
        buf.set_string(x0, area.y + row, line.join(" "), style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_counter_right_aligned() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 5));
        render("3/12", Rect::new(0, 0, 20, 5), Style::new(), &mut buf);
        let top: String = (0..20).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(top, "     ███   █  █  ███");
        assert_eq!(width("3/12"), 15);
        // Too small: nothing drawn, no panic.
        let mut small = Buffer::empty(Rect::new(0, 0, 5, 3));
        render("3/12", Rect::new(0, 0, 5, 3), Style::new(), &mut small);
    }
}
