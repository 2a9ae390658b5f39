//! The learner's script: what each Task attempt does, in order (`RunJob=fail:Glue.ConcurrentRunsExceededException,ok:{"rows":10}`).

use std::collections::{HashMap, VecDeque};

use crate::asl::json::{self, Value};

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Succeeds with this result, or (None) with the task's effective input.
    Ok(Option<Value>),
    Fail {
        error: String,
        cause: Option<String>,
    },
}

/// Outcomes per state name, used up one per attempt.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Script(pub HashMap<String, VecDeque<Outcome>>);

impl Script {
    /// Parses `STATE=OUTCOME[,OUTCOME…]` entries; a state may appear in several entries (outcomes append).
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<Script, String> {
        let mut script = Script::default();
        for entry in entries {
            let entry = entry.as_ref();
            let (state, outcomes) = entry
                .split_once('=')
                .ok_or_else(|| format!("'{entry}': a script entry is STATE=OUTCOME[,OUTCOME…]"))?;
            let state = state.trim();
            if state.is_empty() {
                return Err(format!("'{entry}': the state name is missing before '='"));
            }
            let queue = script.0.entry(state.to_string()).or_default();
            for part in split_outcomes(outcomes) {
                queue.push_back(outcome(part.trim()).map_err(|e| format!("{state}: {e}"))?);
            }
        }
        Ok(script)
    }

    pub fn next(&mut self, state: &str) -> Option<Outcome> {
        self.0.get_mut(state).and_then(VecDeque::pop_front)
    }

    /// Outcomes nobody used (a misspelt state name, or more outcomes than attempts).
    pub fn unused(&self) -> Vec<(String, usize)> {
        let mut v: Vec<(String, usize)> = self
            .0
            .iter()
            .filter(|(_, q)| !q.is_empty())
            .map(|(k, q)| (k.clone(), q.len()))
            .collect();
        v.sort();
        v
    }
}

fn outcome(text: &str) -> Result<Outcome, String> {
    if text == "ok" {
        return Ok(Outcome::Ok(None));
    }
    if let Some(j) = text.strip_prefix("ok:") {
        return json::parse(j)
            .map(|v| Outcome::Ok(Some(v)))
            .map_err(|e| format!("ok:JSON has bad JSON ({e})"));
    }
    if let Some(rest) = text.strip_prefix("fail:") {
        let (error, cause) = match rest.split_once(':') {
            Some((e, c)) => (e, Some(c.to_string())),
            None => (rest, None),
        };
        if error.is_empty() {
            return Err("fail: needs an error name, e.g. fail:States.TaskFailed".into());
        }
        return Ok(Outcome::Fail {
            error: error.to_string(),
            cause,
        });
    }
    Err(format!(
        "'{text}' is not an outcome: use ok, ok:JSON, fail:ERROR or fail:ERROR:CAUSE"
    ))
}

/// Splits at commas outside JSON brackets and quotes that start a new outcome (`,ok` or `,fail`), so JSON
/// results and causes may contain commas.
fn split_outcomes(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut in_str, mut escaped, mut start) = (0i32, false, false, 0);
    for (i, c) in text.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ',' if depth == 0
                && (text[i + 1..].trim_start().starts_with("ok")
                    || text[i + 1..].trim_start().starts_with("fail:")) =>
            {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_in_order_with_json_and_causes() {
        let mut s = Script::parse(&[
            r#"RunJob=fail:Glue.ConcurrentRunsExceededException,ok:{"rows":10,"b":[1,2]}"#,
            "Other=fail:E:a cause, with a comma",
        ])
        .unwrap();
        assert_eq!(
            s.next("RunJob"),
            Some(Outcome::Fail {
                error: "Glue.ConcurrentRunsExceededException".into(),
                cause: None
            })
        );
        assert_eq!(
            s.next("RunJob"),
            Some(Outcome::Ok(Some(
                json::parse(r#"{"rows":10,"b":[1,2]}"#).unwrap()
            )))
        );
        assert_eq!(s.next("RunJob"), None);
        assert_eq!(
            s.next("Other"),
            Some(Outcome::Fail {
                error: "E".into(),
                cause: Some("a cause, with a comma".into())
            })
        );
    }

    #[test]
    fn bad_entries_say_why() {
        assert!(
            Script::parse(&["RunJob"])
                .unwrap_err()
                .contains("STATE=OUTCOME")
        );
        assert!(
            Script::parse(&["RunJob=maybe"])
                .unwrap_err()
                .contains("not an outcome")
        );
        assert!(
            Script::parse(&["RunJob=ok:{bad"])
                .unwrap_err()
                .contains("bad JSON")
        );
        assert!(Script::parse(&["=ok"]).is_err());
    }
}
