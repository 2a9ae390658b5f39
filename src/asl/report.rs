//! A run told as markdown: the diagram with the path taken (an `asl` code block whose info string lists the states
//! entered), the result, the event history on the simulated clock and what each state took in and gave out. The
//! lesson renderer draws the block; plain mode prints the same.

use std::fmt::Write;

use super::json::Value;
use super::sim::{Run, Status};

/// Rows of the history shown before "… N more events": enough for any exercise, bounded for a 10,000-item Map.
const MAX_ROWS: usize = 120;

/// The info string of a diagram block marking the states a run entered: `asl taken=/States/A|/States/B`.
pub fn taken_info(run: &Run) -> String {
    let mut pointers: Vec<&str> = run.visited().into_iter().collect();
    pointers.sort_unstable();
    let list: Vec<String> = pointers.iter().map(|p| escape(p)).collect();
    format!("asl{} taken={}", flavour_word(run), list.join("|"))
}

fn flavour_word(run: &Run) -> &'static str {
    match run.flavour {
        super::Flavour::Standard => "",
        super::Flavour::Express => " express",
    }
}

/// Pointers travel in a code block's info string, which ends at a space or backtick: those (and the separator)
/// are percent-escaped.
fn escape(p: &str) -> String {
    let mut out = String::new();
    for c in p.chars() {
        match c {
            '%' | ' ' | '|' | '`' | '\t' | '\n' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Reads `taken=` back from an info string.
pub fn taken_from_info(info: &str) -> Vec<String> {
    let Some(list) = info
        .split_whitespace()
        .find_map(|w| w.strip_prefix("taken="))
    else {
        return Vec::new();
    };
    list.split('|')
        .filter(|p| !p.is_empty())
        .map(unescape)
        .collect()
}

fn unescape(p: &str) -> String {
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = p
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn seconds(t: f64) -> String {
    if t.fract() == 0.0 {
        format!("{t:.0} s")
    } else {
        format!("{t:.1} s")
    }
}

/// One line: "SUCCEEDED after 6 s", "FAILED after 6 s: NightlyFailed (cause)".
pub fn verdict(run: &Run) -> String {
    if let Some(why) = &run.stopped {
        return format!("Stopped by the lab: {why}");
    }
    let mut s = format!("{} after {}", run.status.name(), seconds(run.seconds));
    if let Some((error, cause)) = &run.error {
        let error = if error.is_empty() {
            "(no error name)"
        } else {
            error
        };
        let _ = write!(s, ": {error}");
        if !cause.is_empty() {
            let _ = write!(s, " — {cause}");
        }
    }
    s
}

/// The whole run as markdown; `definition` is the text that ran.
pub fn markdown(definition: &str, run: &Run) -> String {
    let mut md = String::new();
    let _ = writeln!(
        md,
        "```{}\n{}\n```\n",
        taken_info(run),
        definition.trim_end()
    );
    let _ = writeln!(md, "**Result:** {}\n", code_safe(&verdict(run)));
    if run.status == Status::Succeeded
        && let Some(out) = &run.output
    {
        let _ = writeln!(md, "**Output:** `{}`\n", code_safe(&short(out, 300)));
    }
    if let Some(last) = run.last_state() {
        let _ = writeln!(md, "**Last state entered:** `{last}`\n");
    }
    if run.flavour == super::Flavour::Express {
        md.push_str("*An Express workflow keeps no execution history in Step Functions: with logging turned on, these events go to CloudWatch Logs.*\n\n");
    }
    history(&mut md, run);
    states(&mut md, run);
    if !run.unused.is_empty() {
        let unused: Vec<String> = run
            .unused
            .iter()
            .map(|(s, n)| format!("`{s}` ({n})"))
            .collect();
        let _ = writeln!(
            md,
            "\n*Script outcomes never used: {}. Is a state name misspelt?*",
            unused.join(", ")
        );
    }
    md
}

fn history(md: &mut String, run: &Run) {
    md.push_str("**History** (the events of GetExecutionHistory, on a simulated clock)\n\n");
    for e in run.events.iter().take(MAX_ROWS) {
        let state = e
            .state
            .as_deref()
            .map(|s| format!(" `{}`", code_safe(s)))
            .unwrap_or_default();
        let note = e
            .note
            .as_deref()
            .map(|n| format!(" — {}", code_safe(n)))
            .unwrap_or_default();
        let _ = writeln!(md, "- **{}** {}{state}{note}", seconds(e.t), e.kind);
    }
    if run.events.len() > MAX_ROWS {
        let _ = writeln!(md, "\n*… {} more events.*", run.events.len() - MAX_ROWS);
    }
    md.push('\n');
}

fn states(md: &mut String, run: &Run) {
    md.push_str("**Each state, in and out**\n\n");
    for v in run.visits.iter().take(MAX_ROWS) {
        let indent = "  ".repeat(v.depth.min(6));
        let out = v.output.as_ref().map_or("—".to_string(), |o| {
            format!("`{}`", code_safe(&short(o, 120)))
        });
        let _ = writeln!(
            md,
            "{indent}- `{}` ({}, at {}): in `{}` → out {out}",
            code_safe(&v.name),
            v.kind,
            seconds(v.entered),
            code_safe(&short(&v.input, 120))
        );
    }
    if run.visits.len() > MAX_ROWS {
        let _ = writeln!(md, "- … {} more", run.visits.len() - MAX_ROWS);
    }
}

fn short(v: &Value, max: usize) -> String {
    let s = v.compact();
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max).collect::<String>())
    } else {
        s
    }
}

/// Inline code cannot hold a backtick; table cells cannot hold a pipe.
fn code_safe(s: &str) -> String {
    s.replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_pointers_survive_the_info_string() {
        let names = ["/States/Run job", "/States/a|b", "/States/100%"];
        let list: Vec<String> = names.iter().map(|p| escape(p)).collect();
        let info = format!("asl taken={}", list.join("|"));
        assert_eq!(info.split_whitespace().count(), 2, "one word after asl");
        assert_eq!(taken_from_info(&info), names);
    }
}
