use super::*;

const GOOD: &str = "+++
number = 11
slug = \"step-functions\"
title = \"AWS Step Functions\"
tagline = \"The conductor\"
tasks = [\"1.3\"]
+++

# Lesson

## Why it exists

First step.

---

## Eight states

- Task
- Choice

  ---

  (a rule inside a list item does not split)

# Another angle

An orchestra.

---

A kitchen.

# Exam scenarios

## Flaky job

Retry it.

# Exam signals

| Trigger phrase | Answer |
| --- | --- |
| transient failure | Retry |
| thousands of objects | Distributed Map |

# Comparison

| | SFN | Glue |
| --- | --- | --- |
| scope | any | Glue |

# Memory hack

Glue moves data; Step Functions decides.
";

fn errors(text: &str) -> Vec<String> {
    parse("lessons/11-step-functions.md", text)
        .expect_err("should fail")
        .iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn parses_a_good_lesson() {
    let l = parse("lessons/11-step-functions.md", GOOD).expect("valid");
    assert_eq!(l.meta.number, 11);
    assert_eq!(l.steps.len(), 2);
    assert_eq!(l.steps[0].title.as_deref(), Some("Why it exists"));
    assert_eq!(l.steps[0].line, 11);
    assert!(l.steps[1].markdown.contains("does not split"));
    assert_eq!(l.angles.len(), 2);
    assert_eq!(l.scenarios.len(), 1);
    assert_eq!(l.scenarios[0].title.as_deref(), Some("Flaky job"));
    assert_eq!(l.signal_rows, 2);
    assert_eq!(l.comparison_tables, 1);
    assert_eq!(l.memory_hack, "Glue moves data; Step Functions decides.");
    assert!(l.wrap_up().contains("Distributed Map"));
    let heading_lines = SECTIONS.map(|name| {
        let heading = format!("# {name}");
        1 + GOOD.lines().position(|l| l == heading).unwrap()
    });
    assert_eq!(l.section_lines, heading_lines);
    assert_eq!(l.section_lines[0], 9);
}

#[test]
fn missing_front_matter() {
    assert_eq!(
        errors("# Lesson\n"),
        [
            "lessons/11-step-functions.md:1: a lesson must start with TOML front matter: a line `+++`, the fields, then `+++`"
        ]
    );
}

#[test]
fn unclosed_front_matter() {
    assert_eq!(
        errors("+++\nnumber = 11\n"),
        [
            "lessons/11-step-functions.md:1: front matter is not closed: add a line `+++` after its fields"
        ]
    );
}

#[test]
fn front_matter_type_error_names_its_line() {
    let bad = GOOD.replace("number = 11", "number = \"eleven\"");
    let errs = errors(&bad);
    assert!(
        errs[0].starts_with("lessons/11-step-functions.md:2: front matter: invalid type"),
        "{errs:?}"
    );
}

#[test]
fn unknown_front_matter_field() {
    let bad = GOOD.replace("tasks = [\"1.3\"]", "tasks = [\"1.3\"]\nauthor = \"me\"");
    let errs = errors(&bad);
    assert!(
        errs[0].starts_with("lessons/11-step-functions.md:7: front matter: unknown field `author`"),
        "{errs:?}"
    );
}

#[test]
fn file_name_must_match() {
    let errs: Vec<String> = parse("lessons/12-x.md", GOOD)
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        errs,
        [
            "lessons/12-x.md:2: front matter says number 11 and slug `step-functions`, so the file should be named `11-step-functions.md`"
        ]
    );
}

#[test]
fn missing_and_unknown_sections_are_all_reported() {
    let bad = GOOD.replace("# Comparison", "# Compare").replace(
        "# Memory hack\n\nGlue moves data; Step Functions decides.\n",
        "",
    );
    let errs = errors(&bad);
    assert!(
        errs.iter()
            .any(|e| e.contains(":47: unknown section `# Compare`")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.ends_with("missing section `# Comparison`: it goes at the end")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.ends_with("missing section `# Memory hack`: it goes at the end")),
        "{errs:?}"
    );
}

#[test]
fn out_of_order_and_duplicate_sections() {
    let bad = GOOD.replace(
        "# Another angle",
        "# Exam signals\n\n| a | b |\n|---|---|\n| c | d |\n\n# Another angle",
    );
    let errs = errors(&bad);
    assert!(
        errs.iter()
            .any(|e| e.contains("section `# Another angle` is out of order")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("section `# Exam signals` appears twice")),
        "{errs:?}"
    );
}

#[test]
fn scenario_needs_a_title_and_empty_parts_are_flagged() {
    let bad = GOOD
        .replace("## Flaky job\n", "")
        .replace("First step.\n\n---\n", "First step.\n\n---\n\n---\n");
    let errs = errors(&bad);
    assert!(
        errs.iter()
            .any(|e| e.ends_with("a scenario must open with a `## ` title")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("empty step in `# Lesson`")),
        "{errs:?}"
    );
}

#[test]
fn signals_need_a_two_column_table() {
    let bad = GOOD.replace(
        "| Trigger phrase | Answer |\n| --- | --- |",
        "| A | B | C |\n| --- | --- | --- |",
    );
    let errs = errors(&bad);
    assert!(
        errs.iter().any(|e| e.ends_with(
            "`# Exam signals` table has 3 columns; it needs 2 (trigger phrase, answer)"
        )),
        "{errs:?}"
    );
    let one = GOOD.replace(
        "| Trigger phrase | Answer |\n| --- | --- |\n| transient failure | Retry |\n| thousands of objects | Distributed Map |",
        "| Trigger phrase |\n| --- |\n| transient failure |",
    );
    let errs = errors(&one);
    assert!(
        errs.iter().any(|e| e
            .ends_with("`# Exam signals` table has 1 column; it needs 2 (trigger phrase, answer)")),
        "{errs:?}"
    );
    let bad = GOOD.replace(
        "| | SFN | Glue |\n| --- | --- | --- |\n| scope | any | Glue |",
        "no table",
    );
    assert!(
        errors(&bad)
            .iter()
            .any(|e| e.ends_with("`# Comparison` needs at least one table"))
    );
}

#[test]
fn text_before_first_section() {
    let bad = GOOD.replace("# Lesson", "Stray intro.\n\n# Lesson");
    assert!(
        errors(&bad)
            .iter()
            .any(|e| e.ends_with("text before the first section: start the body with `# Lesson`"))
    );
}

#[test]
fn hash_inside_code_is_not_a_section() {
    let ok = GOOD.replace("First step.", "```\n# not a heading\n---\n```");
    let l = parse("lessons/11-step-functions.md", &ok).expect("valid");
    assert_eq!(l.steps.len(), 2);
}
