//! Task attempts: the learner's script says what each one does; the history names the integration's events
//! (LambdaFunction…, Activity…, Task…) and a timeout moves the clock by the definition's seconds.

use super::Fault;
use super::script::Outcome;
use super::states::Sim;
use crate::asl::json::Value;
use crate::asl::model::{OrPath, State, Task};

impl Sim {
    pub(super) fn task(&mut self, s: &State, task: &Task, eff: &Value) -> Result<Value, Fault> {
        let prefix = if task.resource.starts_with("arn:aws:lambda:") {
            "LambdaFunction"
        } else if task.resource.contains(":activity:") {
            "Activity"
        } else {
            "Task"
        };
        self.event(&format!("{prefix}Scheduled"), Some(&s.name), None);
        self.event(&format!("{prefix}Started"), Some(&s.name), None);
        // A timeout field's seconds; `None` when the definition sets none (or its path selects no number).
        let seconds = |f: &Option<OrPath<u64>>| -> Option<f64> {
            match f {
                Some(OrPath::Literal(n)) => Some(*n as f64),
                // Only a positive whole number is a timeout (anything else would move the clock back).
                Some(OrPath::Path(p)) => p
                    .select(eff)
                    .and_then(|v| v.as_int())
                    .filter(|n| *n > 0)
                    .map(|n| n as f64),
                _ => None,
            }
        };
        match self.script.next(&s.name) {
            None | Some(Outcome::Ok(None)) => {
                self.event(&format!("{prefix}Succeeded"), Some(&s.name), None);
                Ok(eff.clone())
            }
            Some(Outcome::Ok(Some(v))) => {
                self.event(&format!("{prefix}Succeeded"), Some(&s.name), None);
                Ok(v)
            }
            Some(Outcome::Fail { error, cause }) => {
                let timed = matches!(error.as_str(), "States.Timeout" | "States.HeartbeatTimeout");
                let limit = match error.as_str() {
                    "States.Timeout" => seconds(&task.timeout),
                    "States.HeartbeatTimeout" => {
                        seconds(&task.heartbeat).or(seconds(&task.timeout))
                    }
                    _ => None,
                };
                if let Some(secs) = limit {
                    self.advance(secs)?;
                }
                // Without a timeout in the definition AWS would wait on (its docs warn of stuck executions);
                // the lab times the scripted attempt out at once and says so.
                let note = (timed && limit.is_none()).then(|| "no TimeoutSeconds/HeartbeatSeconds in the definition: the lab ends the attempt at once".to_string());
                let kind = if timed { "TimedOut" } else { "Failed" };
                self.event(&format!("{prefix}{kind}"), Some(&s.name), note);
                let cause = cause.unwrap_or_default();
                Err(Fault::Error { error, cause })
            }
        }
    }
}
