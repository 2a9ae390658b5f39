//! How a Step Functions lab exercise looks in a quiz: before the answer, the definition as a diagram, the input and
//! the script in words; after it, the run that shows why (and the learner's own edit, run the same way).

use std::fmt::Write;

use super::bank::Lab;
use crate::asl::report;

/// Shown with the question, before the learner answers.
pub fn before(lab: &Lab) -> String {
    let mut md = String::new();
    let express = if lab.flavour == crate::asl::Flavour::Express {
        " express"
    } else {
        ""
    };
    let _ = writeln!(
        md,
        "\n```asl{express}\n{}\n```\n",
        lab.definition.trim_end()
    );
    let _ = writeln!(
        md,
        "**Workflow:** {} · **input:** `{}`\n",
        lab.flavour.name(),
        lab.input.replace('`', "'")
    );
    let words = lab.script_in_words();
    if words.is_empty() {
        md.push_str("**Script:** every Task succeeds at once, returning its input.\n\n");
    } else {
        md.push_str("**Script** (a Task attempt takes no time; unscripted attempts succeed with their input):\n\n");
        for w in words {
            // `*`, not `-`: the options list that follows (`-`) must stay a list of its own.
            let _ = writeln!(md, "* {w}");
        }
        md.push('\n');
    }
    md
}

/// Shown after the answer: the run, and the learner's edit when there is one.
pub fn after(lab: &Lab, edited: Option<&str>) -> String {
    let mut md = String::from("\n---\n\n### The run\n\n");
    md.push_str(&run_markdown(lab, None));
    if let Some(text) = edited {
        md.push_str("\n---\n\n### Your edit, run with the same input and script\n\n");
        md.push_str(&run_markdown(lab, Some(text)));
    }
    md
}

fn run_markdown(lab: &Lab, definition: Option<&str>) -> String {
    match lab.run(definition) {
        Ok((_, run)) => report::markdown(definition.unwrap_or(&lab.definition), &run),
        Err(problems) => {
            let mut md = String::from("**Not valid ASL, so nothing ran:**\n\n");
            for p in problems.lines() {
                let _ = writeln!(md, "- {}", p.replace('`', "'"));
            }
            let _ = writeln!(
                md,
                "\n```json\n{}\n```",
                definition.unwrap_or_default().trim_end()
            );
            md
        }
    }
}
