//! The text of a new topic's files, every placeholder marked `TODO:`.

/// A TOML basic string, quoted and escaped.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

pub(super) fn course_toml(slug: &str) -> String {
    format!(
        r#"title = "TODO: the course title, e.g. AWS Certified Data Engineer – Associate (DEA-C01)"
phase = "TODO: the phase title, e.g. Phase 6 — Orchestration, Automation & Governance"
blurb = "TODO: a paragraph for the welcome screen: what this course teaches, and for whom"
topics = [
  "{slug}",
]

# Optional: a name your learners' progress is kept under, so it follows the course when the folder moves
# (lower-case words joined by `-`). Without it, progress belongs to this folder.
# id = "my-course"

# Optional: ASCII art over the welcome screen, shown as written between the ''' lines.
# banner = '''
#  __  __
# |  \/  |_  _
# | |\/| | || |
# |_|  |_|\_, |
#         |__/
# '''
"#
    )
}

pub(super) fn lesson(number: u32, slug: &str, title: &str) -> String {
    format!(
        r#"+++
number = {number}
slug = "{slug}"
title = {title}
tagline = "TODO: one line under the title that says what the topic is for"
tasks = ["TODO: the exam guide task this topic serves, e.g. 1.3 Orchestrate data pipelines"]

[[sources]]
title = "TODO: the AWS documentation page you checked the facts against"
url = "https://docs.aws.amazon.com/"
+++

# Lesson

## TODO: the first step's title

TODO: one idea per step. Start with why the service exists and the exam mindset. Steps are split at a line
`---` with a blank line before it, and each step opens with a `## ` title.

### Another way

TODO: this step's idea said differently (an analogy, the other side of it); nothing a later step teaches.

### Example

TODO: this step's idea at work: a short policy, ASL snippet, CLI call, log line or two-line mini-scenario.

---

## TODO: the second step's title

TODO: the next idea. Use `##` and `###` headings, lists, block quotes, tables and fenced code.

### Another way

TODO: the second step said differently.

### Example

TODO: the second step at work.

# Another angle

Step: 2

TODO: the same ideas again from another angle (an analogy, a picture in words), never the lesson's own words.
Separate several angles with `---`; each names the last step it needs on a `Step: N` first line.

# Exam scenarios

## TODO: a scenario title

Step: 1

**Situation.** TODO: what the company has and what goes wrong.

**Question.** TODO: what the exam asks.

**Pick.** TODO: the answer, and the words in the question that point to it.

**Why the look-alikes lose.**
- TODO: a look-alike service and why it loses.
- TODO: another look-alike and why it loses.

# Exam signals

| Trigger phrase | Answer |
| --- | --- |
| "TODO: a phrase the exam uses" | TODO: the service or feature it points to |

# Comparison

| | TODO: service A | TODO: service B |
| --- | --- | --- |
| TODO: what differs | TODO: how A does it | TODO: how B does it |

# Memory hack

TODO: one line that is easy to remember.
"#,
        title = toml_string(title)
    )
}

pub(super) fn quiz(slug: &str) -> String {
    format!(
        r#"topic = "{slug}"

# Ids are stable: progress is kept by id, so edit the text freely but keep the id.

[[trigger]]
id = "{slug}-trigger-1"
step = 1
cue = "TODO: a trigger phrase as the exam words it"
answer = "TODO: the service or feature it points to"
accept = ["TODO: a shorter answer also accepted when typed"]
decoys = ["TODO: first look-alike", "TODO: second look-alike", "TODO: third look-alike"]
why = "TODO: why the answer fits the cue and the look-alikes do not"

[[question]]
id = "{slug}-question-1"
step = 1
stem = "TODO: a scenario as the exam tells it, ending in a question"
choices = [
  "TODO: the right choice",
  "TODO: a wrong choice",
  "TODO: another wrong choice",
  "TODO: a third wrong choice",
]
correct = [0]   # 0-based; list two or more for a multiple-response question
explain = [
  "TODO: why the first choice is right",
  "TODO: why the second choice is wrong",
  "TODO: why the third choice is wrong",
  "TODO: why the fourth choice is wrong",
]
"#
    )
}
