//! Quiz modes and the options a front end passes in.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

/// The quiz modes of the product spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Trigger cues of one topic or all.
    Drill,
    /// Exam-style questions of one topic or all.
    Scenario,
    /// Timed mock exam across topics, questions only.
    Exam,
    /// FSRS reviews due now.
    Due,
    /// Weakest items first, due or not.
    Cram,
    /// Ten items, due and weakest first, mixed.
    Quick,
    /// The Step Functions lab's exercises: predict, then run.
    Lab,
}

impl Mode {
    pub const ALL: [Mode; 7] = [
        Mode::Drill,
        Mode::Scenario,
        Mode::Exam,
        Mode::Due,
        Mode::Cram,
        Mode::Quick,
        Mode::Lab,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Drill => "drill",
            Mode::Scenario => "scenario",
            Mode::Exam => "exam",
            Mode::Due => "due",
            Mode::Cram => "cram",
            Mode::Quick => "quick",
            Mode::Lab => "lab",
        }
    }

    /// Heading shown at the start of a session.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Drill => "Trigger drill",
            Mode::Scenario => "Scenario questions",
            Mode::Exam => "Mock exam",
            Mode::Due => "Reviews due",
            Mode::Cram => "Cram: weakest first",
            Mode::Quick => "Quick review",
            Mode::Lab => "Step Functions lab: predict, then run",
        }
    }

    /// How many items a session has when the learner gives no count (`None` = all that qualify).
    pub fn default_count(self) -> Option<usize> {
        match self {
            Mode::Drill | Mode::Scenario | Mode::Due | Mode::Lab => None,
            Mode::Exam | Mode::Cram => Some(20),
            Mode::Quick => Some(10),
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        Mode::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| {
                format!(
                    "unknown quiz mode `{s}`: use drill, scenario, exam, due, cram, quick or lab"
                )
            })
    }
}

/// What the front ends need to know of a lesson to label quiz items: "Topic 11 · AWS Step Functions".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInfo {
    pub slug: String,
    pub number: u32,
    pub title: String,
    /// The titles of its teaching steps, for "steps to re-read".
    pub steps: Vec<String>,
}

impl TopicInfo {
    /// The label of `slug`, or the bare slug for a topic not in `topics`.
    pub fn label(topics: &[TopicInfo], slug: &str) -> String {
        topics.iter().find(|t| t.slug == slug).map_or_else(
            || slug.to_string(),
            |t| format!("Topic {} · {}", t.number, t.title),
        )
    }
}

/// A quiz session as asked for on the command line or in the TUI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOptions {
    pub mode: Mode,
    /// A topic slug; `None` = all topics.
    pub topic: Option<String>,
    /// Items (or exam questions); `None` = the mode's default.
    pub count: Option<usize>,
    /// Makes selection and shuffling reproducible.
    pub seed: Option<u64>,
    /// Caps every due date at the day before the exam.
    pub exam_date: Option<NaiveDate>,
    /// Trigger drills as typed recall instead of multiple choice.
    pub typed: bool,
}

impl QuizOptions {
    /// The drill a lesson's `quiz` command starts: the topic's trigger cues, all of them, four options each.
    pub fn drill(topic: &str, exam_date: Option<NaiveDate>) -> Self {
        Self {
            mode: Mode::Drill,
            topic: Some(topic.to_string()),
            count: None,
            seed: None,
            exam_date,
            typed: false,
        }
    }
}

impl QuizOptions {
    pub fn new(mode: Mode) -> Self {
        QuizOptions {
            mode,
            topic: None,
            count: None,
            seed: None,
            exam_date: None,
            typed: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_by_name() {
        for m in Mode::ALL {
            assert_eq!(m.name().parse::<Mode>(), Ok(m));
        }
        assert_eq!("EXAM".parse::<Mode>(), Ok(Mode::Exam));
        assert!("test".parse::<Mode>().is_err());
    }

    #[test]
    fn topic_labels() {
        let topics = [TopicInfo {
            slug: "step-functions".into(),
            number: 11,
            title: "AWS Step Functions".into(),
            steps: Vec::new(),
        }];
        assert_eq!(
            TopicInfo::label(&topics, "step-functions"),
            "Topic 11 · AWS Step Functions"
        );
        assert_eq!(TopicInfo::label(&topics, "glue"), "glue");
    }
}
