//! A small realistic course for tests: two topics, 5 triggers and 5 questions in all (2 multiple response).

use super::bank::{QuizBank, parse};
use super::mode::TopicInfo;

pub const STEP_FUNCTIONS: &str = r#"topic = "step-functions"

[[trigger]]
id = "sfn-retry-transient"
cue = "Transient failures; retry automatically without modifying application code"
answer = "Step Functions Retry"
accept = ["retry", "sfn retry"]
decoys = ["Lambda try/catch", "SQS dead-letter queue", "Glue job bookmarks"]
why = "Retry is declared on the Task state: ErrorEquals, IntervalSeconds, MaxAttempts, BackoffRate."

[[trigger]]
id = "sfn-distributed-map"
cue = "Process millions of S3 objects in parallel from one workflow"
answer = "Distributed Map state"
accept = ["distributed map"]
decoys = ["Parallel state", "Choice state", "Wait state"]
why = "Distributed Map runs up to 10,000 parallel child workflows over items such as S3 objects."

[[trigger]]
id = "sfn-express-high-volume"
cue = "High-volume event processing, each run under five minutes"
answer = "Express workflow"
accept = ["express"]
decoys = ["Standard workflow", "Amazon MWAA", "Glue workflow"]
why = "Express workflows run up to 5 minutes at high event rates, billed by requests and duration."

[[question]]
id = "sfn-standard-long-run"
stem = "A pipeline runs for up to six hours and must never run a step twice. Which workflow type fits?"
choices = ["Standard workflow", "Express workflow (asynchronous)", "Express workflow (synchronous)", "A Lambda function with a long timeout"]
correct = [0]
explain = [
  "Right: Standard runs up to a year with exactly-once execution.",
  "Wrong: Express runs at most 5 minutes, at least once.",
  "Wrong: Express runs at most 5 minutes, at most once.",
  "Wrong: Lambda stops after 15 minutes.",
]

[[question]]
id = "sfn-glue-failure-handling"
stem = "A Task state runs a Glue job that sometimes fails with throttling; a failure after retries must notify the team. Which steps handle this?"
choices = ["Retry with exponential backoff on the Task state", "Catch that routes to a state publishing to Amazon SNS", "A Wait state of 24 hours before the Task", "A Pass state after the Task"]
correct = [0, 1]
explain = [
  "Right: Retry absorbs transient throttling.",
  "Right: Catch handles what retries could not, and SNS notifies.",
  "Wrong: waiting a day fixes nothing.",
  "Wrong: a Pass state only passes input to output.",
]

[[question]]
id = "sfn-human-approval"
stem = "A workflow must pause until a person approves a data release by email. Which integration pattern should the Task use?"
choices = ["Wait for a callback with a task token", "Request Response", "Run a Job (.sync)", "A Wait state of 7 days"]
correct = [0]
explain = [
  "Right: .waitForTaskToken pauses until SendTaskSuccess returns the token.",
  "Wrong: Request Response moves on as soon as the call returns.",
  "Wrong: .sync waits for a job, not a person.",
  "Wrong: a fixed wait cannot know when the person approved.",
]
"#;

pub const LAKE_FORMATION: &str = r#"topic = "lake-formation"

[[trigger]]
id = "lf-column-level"
cue = "Let analysts query only some columns of a data lake table"
answer = "Lake Formation column-level permissions"
accept = ["column-level permissions", "column permissions"]
decoys = ["S3 bucket policy", "IAM policy on the bucket prefix", "Glue crawler exclusions"]
why = "Lake Formation grants SELECT on chosen columns of a Data Catalog table; S3 policies cannot see columns."

[[trigger]]
id = "lf-tag-based"
cue = "Permissions that scale to thousands of tables by classification"
answer = "LF-Tags"
accept = ["lf tags", "tag-based access control", "tbac"]
decoys = ["Named resource grants", "S3 object tags", "IAM resource tags"]
why = "LF-Tags attach to databases, tables and columns; a grant on a tag expression covers new tables too."

[[question]]
id = "lf-row-filter"
stem = "Regional managers may only see their own region's rows in a shared sales table queried with Athena. What is the least effort?"
choices = ["A Lake Formation data filter with a row filter expression", "One copy of the table per region", "An Athena view per region with IAM policies", "S3 Object Lambda"]
correct = [0]
explain = [
  "Right: data filters give row-level security on the one table.",
  "Wrong: copies multiply storage and pipelines.",
  "Wrong: views can be bypassed by querying the table.",
  "Wrong: Object Lambda transforms objects, it does not filter query rows.",
]

[[question]]
id = "lf-cross-account-share"
stem = "A central data lake account shares Data Catalog tables with a consumer account, governed in one place. Which steps are needed?"
choices = ["Grant the table to the consumer account in Lake Formation", "Create a resource link to the shared table in the consumer account", "Copy the S3 objects to the consumer account", "Make the S3 bucket public"]
correct = [0, 1]
explain = [
  "Right: the producer grants through Lake Formation (AWS RAM underneath).",
  "Right: a resource link lets the consumer's Athena query the shared table.",
  "Wrong: copies escape central governance.",
  "Wrong: never; it also bypasses Lake Formation.",
]
"#;

pub fn banks() -> Vec<QuizBank> {
    vec![
        parse("quizzes/11-step-functions.toml", STEP_FUNCTIONS).unwrap(),
        parse("quizzes/12-lake-formation.toml", LAKE_FORMATION).unwrap(),
    ]
}

pub fn topics() -> Vec<TopicInfo> {
    vec![
        TopicInfo {
            slug: "step-functions".into(),
            number: 11,
            title: "AWS Step Functions".into(),
            steps: Vec::new(),
        },
        TopicInfo {
            slug: "lake-formation".into(),
            number: 12,
            title: "AWS Lake Formation".into(),
            steps: Vec::new(),
        },
    ]
}

/// The built-in course's quiz files, `(path, text)`.
pub fn built_in_quiz_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    (crate::util::embedded::FILES.iter())
        .filter(|(path, _)| path.starts_with("quizzes/"))
        .copied()
}
