//! A question's `[question.lab]`: a state machine definition, its input and a script of Task outcomes, run by the
//! Step Functions lab after the learner answers ("predict, then run"). `[question.lab.expect]` states what the run
//! must show, so the answer key and the simulator are checked against each other on every `check`.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::asl::{self, Flavour, json, sim};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLab {
    #[serde(rename = "type")]
    flavour: Option<Spanned<String>>,
    input: Option<Spanned<String>>,
    script: Option<Spanned<Vec<String>>>,
    definition: Spanned<String>,
    expect: Option<Spanned<RawExpect>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    status: Option<String>,
    seconds: Option<f64>,
    last_state: Option<String>,
    output: Option<String>,
    error: Option<String>,
}

/// `[question.lab]` read from the spanned document (`checker::walk`); `None` for anything serde must word.
pub(super) fn walk(table: super::tree::Table<'_>) -> Option<RawLab> {
    use super::checker::walk::{float, list, string, table_of};
    let (mut flavour, mut input, mut script, mut definition, mut expect) =
        (None, None, None, None, None);
    for (key, value) in table {
        match key.as_ref() {
            "type" => flavour = Some(string(value)?),
            "input" => input = Some(string(value)?),
            "script" => script = Some(list(value, |n| string(n).map(Spanned::into_inner))?),
            "definition" => definition = Some(string(value)?),
            "expect" => {
                let table = table_of(value)?;
                let span = table.span();
                let mut e = RawExpect {
                    status: None,
                    seconds: None,
                    last_state: None,
                    output: None,
                    error: None,
                };
                for (key, value) in table.into_inner() {
                    let text = |v| string(v).map(Spanned::into_inner);
                    match key.as_ref() {
                        "status" => e.status = Some(text(value)?),
                        "seconds" => e.seconds = Some(float(value)?),
                        "last_state" => e.last_state = Some(text(value)?),
                        "output" => e.output = Some(text(value)?),
                        "error" => e.error = Some(text(value)?),
                        _ => return None,
                    }
                }
                expect = Some(Spanned::new(span, e));
            }
            _ => return None,
        }
    }
    Some(RawLab {
        flavour,
        input,
        script,
        definition: definition?,
        expect,
    })
}

/// A lab exercise's run, as written and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Lab {
    pub definition: String,
    pub flavour: Flavour,
    /// The execution input (JSON text; `{}` when not given).
    pub input: String,
    pub script: Vec<String>,
}

impl Lab {
    /// Parses and runs the lab as written; `definition` replaces the written one (the learner's edit).
    pub fn run(&self, definition: Option<&str>) -> Result<(asl::Machine, sim::Run), String> {
        let text = definition.unwrap_or(&self.definition);
        let machine = asl::parse(text, self.flavour).map_err(|errors| {
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        let input = json::parse(&self.input).map_err(|e| format!("the input is not JSON: {e}"))?;
        let script = sim::Script::parse(&self.script)?;
        let run = sim::run(
            &machine,
            sim::Setup {
                flavour: self.flavour,
                input,
                script,
            },
        );
        Ok((machine, run))
    }

    /// Describes the script in words, as the question shows it before the learner answers.
    pub fn script_in_words(&self) -> Vec<String> {
        let Ok(script) = sim::Script::parse(&self.script) else {
            return Vec::new();
        };
        let mut names: Vec<&String> = script.0.keys().collect();
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let steps: Vec<String> = script.0[name]
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let what = match o {
                            sim::Outcome::Ok(None) => "succeeds".to_string(),
                            sim::Outcome::Ok(Some(v)) => format!("succeeds with `{}`", v.compact()),
                            sim::Outcome::Fail {
                                error,
                                cause: Some(c),
                            } if !c.is_empty() => {
                                format!("fails with `{error}` (\"{c}\")")
                            }
                            sim::Outcome::Fail { error, .. } => format!("fails with `{error}`"),
                        };
                        format!("attempt {} {what}", i + 1)
                    })
                    .collect();
                format!("`{name}`: {}", steps.join("; "))
            })
            .collect()
    }
}

/// Checks a lab and returns it with every problem at its line (1-based, in the quiz file).
pub(super) fn check(
    raw: RawLab,
    label: impl std::fmt::Display,
    line_of: impl Fn(&Range<usize>) -> usize,
    text: &str,
) -> (Option<Lab>, Vec<(usize, String)>) {
    let mut problems = Vec::new();
    let flavour = match &raw.flavour {
        None => Flavour::Standard,
        Some(f) => Flavour::parse(f.get_ref()).unwrap_or_else(|| {
            problems.push((
                line_of(&f.span()),
                format!(
                    "{label}: lab `type` is standard or express, not {:?}",
                    f.get_ref()
                ),
            ));
            Flavour::Standard
        }),
    };
    // The JSON's first line: a multi-line string's opening quotes are followed by a newline TOML drops.
    let span = raw.definition.span();
    let opener = text.get(span.start..).unwrap_or_default();
    let first = line_of(&span)
        + usize::from(
            opener.starts_with("'''\n")
                || opener.starts_with("\"\"\"\n")
                || opener.starts_with("'''\r\n")
                || opener.starts_with("\"\"\"\r\n"),
        );
    if let Err(errors) = asl::parse(raw.definition.get_ref(), flavour) {
        for e in errors {
            problems.push((
                first + e.line - 1,
                format!("{label}: lab definition: {}", e.message),
            ));
        }
    }
    let input = raw
        .input
        .as_ref()
        .map_or_else(|| "{}".to_string(), |i| i.get_ref().clone());
    if let (Some(i), Err(e)) = (&raw.input, json::parse(&input)) {
        problems.push((
            line_of(&i.span()),
            format!("{label}: lab `input` is not JSON: {e}"),
        ));
    }
    let script = raw
        .script
        .as_ref()
        .map_or_else(Vec::new, |s| s.get_ref().clone());
    if let (Some(s), Err(e)) = (&raw.script, sim::Script::parse(&script)) {
        problems.push((line_of(&s.span()), format!("{label}: lab `script`: {e}")));
    }
    let lab = Lab {
        definition: raw.definition.into_inner(),
        flavour,
        input,
        script,
    };
    if !problems.is_empty() {
        return (None, problems);
    }
    if let Some(expect) = raw.expect {
        let line = line_of(&expect.span());
        for p in disagreements(&lab, expect.get_ref()) {
            problems.push((
                line,
                format!("{label}: the lab's run disagrees with `expect`: {p}"),
            ));
        }
    }
    (Some(lab), problems)
}

fn disagreements(lab: &Lab, e: &RawExpect) -> Vec<String> {
    let Ok((_, run)) = lab.run(None) else {
        return vec!["the lab does not run".into()];
    };
    let mut out = Vec::new();
    if let Some(why) = &run.stopped {
        out.push(format!("the run stopped: {why}"));
    }
    if !run.unused.is_empty() {
        let unused: Vec<String> = run
            .unused
            .iter()
            .map(|(s, n)| format!("{s} ({n})"))
            .collect();
        out.push(format!("script outcomes never used: {}", unused.join(", ")));
    }
    if let Some(s) = &e.status
        && s != run.status.name()
    {
        out.push(format!("status {} (expected {s})", run.status.name()));
    }
    if let Some(s) = e.seconds
        && (s - run.seconds).abs() > 1e-9
    {
        out.push(format!(
            "{} s from start to end (expected {s})",
            run.seconds
        ));
    }
    if let Some(s) = &e.last_state
        && run.last_state() != Some(s.as_str())
    {
        out.push(format!(
            "last state {:?} (expected {s})",
            run.last_state().unwrap_or("none")
        ));
    }
    if let Some(o) = &e.output {
        match json::parse(o) {
            Ok(want) if run.output.as_ref() == Some(&want) => {}
            Ok(want) => out.push(format!(
                "output {} (expected {})",
                run.output.as_ref().map_or("none".into(), |v| v.compact()),
                want.compact()
            )),
            Err(err) => out.push(format!("expect.output is not JSON: {err}")),
        }
    }
    if let Some(err) = &e.error {
        let got = run
            .error
            .as_ref()
            .map(|(e, _)| e.as_str())
            .unwrap_or("none");
        if got != err {
            out.push(format!("error {got} (expected {err})"));
        }
    }
    out
}
