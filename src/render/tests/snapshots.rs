//! Snapshots of a realistic lesson step, so layout changes are reviewed by eye.

use super::plain;

pub(super) const STEP: &str = r#"## Retry and Catch: recovering from failure

A **Task** state can fail for reasons that have nothing to do with your code: the Glue API throttles, a Lambda
cold-starts past its timeout. Step Functions lets you declare what to do *in the state machine*, so the job itself
stays simple.

- `Retry` re-runs the same state after a delay
  - `IntervalSeconds`: the first wait
  - `BackoffRate`: how much each wait grows
- `Catch` sends the execution to a fallback state once retries are spent

| Field | Meaning | Default |
| :--- | :--- | ---: |
| `ErrorEquals` | which errors this rule handles | required |
| `MaxAttempts` | retries before giving up | 3 |
| `BackoffRate` | multiplier applied to the wait | 2.0 |

```json
{
  "Type": "Task",
  "Resource": "arn:aws:states:::glue:startJobRun.sync",
  "Retry": [{"ErrorEquals": ["Glue.ThrottlingException"], "IntervalSeconds": 2, "MaxAttempts": 5}],
  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "NotifyFailure"}]
}
```

> **Exam tip.** "Recover without changing the job's code" points to `Retry` on the Task state, not to a
> rewritten Glue script.

See [Error handling in Step Functions](https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
"#;

#[test]
fn lesson_step_at_60() {
    insta::assert_snapshot!("lesson_step_60", plain(STEP, 60));
}

#[test]
fn lesson_step_at_24() {
    insta::assert_snapshot!("lesson_step_24", plain(STEP, 24));
}
