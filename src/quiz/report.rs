//! Progress figures as markdown, so the TUI, plain mode and `dea-tutor stats` show one text through one renderer.

use super::{mode::TopicInfo, session::QuizSummary, stats::Stats};
use crate::util::text::plural;

const BAR: usize = 10;

fn bar(percent: u32) -> String {
    let full = (percent.min(100) as usize * BAR + 50) / 100;
    format!("{}{}", "█".repeat(full), "░".repeat(BAR - full))
}

/// `read`: the steps read of each topic, by slug (read, total); a topic not in it shows no figure.
pub fn stats_markdown(
    s: &Stats,
    topics: &[TopicInfo],
    read: &std::collections::BTreeMap<String, (usize, usize)>,
) -> String {
    let mut md = String::from(
        "# Your progress\n\n| Topic | Read | Mastery | Seen |\n| --- | ---: | --- | ---: |\n",
    );
    for t in &s.per_topic {
        // Short labels keep the table narrow: "11 AWS Step Functions".
        let label = topics
            .iter()
            .find(|i| i.slug == t.topic)
            .map_or_else(|| t.topic.clone(), |i| format!("{} {}", i.number, i.title));
        let steps = read
            .get(&t.topic)
            .map_or_else(|| "—".to_string(), |(r, n)| format!("{r}/{n}"));
        md.push_str(&format!(
            "| {label} | {steps} | `{}` {:>3}% | {}/{} |\n",
            bar(t.percent),
            t.percent,
            t.seen,
            t.items
        ));
    }

    md.push_str("\n*Read = steps of the lesson reached. Mastered = FSRS expects you to recall it for a week or more, and your last answer was right.*\n\n");
    match s.accuracy {
        Some(a) => md.push_str(&format!(
            "**Accuracy:** {a}% ({} of {} answers right)\n\n",
            s.right, s.answers
        )),
        None => md.push_str(
            "**Accuracy:** no answers yet — try `quiz` in a lesson, or `dea-tutor quiz`.\n\n",
        ),
    }
    md.push_str(&format!("**Reviews due today:** {}\n\n", s.due_today));
    md.push_str("**Next 7 days:** ");
    let days: Vec<String> = s
        .due_next_days
        .iter()
        .enumerate()
        .map(|(i, n)| format!("+{}d {n}", i + 1))
        .collect();
    md.push_str(&days.join(" · "));
    md.push_str("\n\n## Weakest trigger phrases\n\n");
    if s.weakest_triggers.is_empty() {
        md.push_str("None yet: no trigger phrase answered wrong so far.\n");
    }
    for (i, w) in s.weakest_triggers.iter().enumerate() {
        md.push_str(&format!(
            "{}. {} *({})*\n",
            i + 1,
            w.cue,
            TopicInfo::label(topics, &w.topic)
        ));
    }
    md
}

/// One paragraph on a finished quiz session, for the end-of-phase summary.
pub fn session_markdown(s: &QuizSummary, topics: &[TopicInfo]) -> String {
    if s.answered == 0 {
        return String::new();
    }
    let mut md = format!(
        "**Quiz this session:** {} of {} right",
        s.right,
        plural(s.answered, "answer")
    );
    let parts: Vec<String> = s
        .per_topic
        .iter()
        .filter(|(_, _, n)| *n > 0)
        .map(|(t, r, n)| format!("{} {r}/{n}", TopicInfo::label(topics, t)))
        .collect();
    if !parts.is_empty() {
        md.push_str(&format!(" ({})", parts.join("; ")));
    }
    md.push('\n');
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::stats::{TopicMastery, WeakTrigger};

    fn topics() -> Vec<TopicInfo> {
        vec![TopicInfo {
            slug: "step-functions".into(),
            number: 11,
            title: "AWS Step Functions".into(),
            steps: Vec::new(),
        }]
    }

    #[test]
    fn bars_round_to_tenths() {
        assert_eq!(bar(0), "░░░░░░░░░░");
        assert_eq!(bar(44), "████░░░░░░");
        assert_eq!(bar(45), "█████░░░░░");
        assert_eq!(bar(100), "██████████");
        assert_eq!(bar(250), "██████████");
    }

    #[test]
    fn stats_text() {
        let s = Stats {
            per_topic: vec![TopicMastery {
                topic: "step-functions".into(),
                items: 37,
                seen: 10,
                mastered: 4,
                percent: 10,
            }],
            accuracy: Some(75),
            right: 3,
            answers: 4,
            due_today: 2,
            due_next_days: [1, 0, 0, 3, 0, 0, 0],
            weakest_triggers: vec![WeakTrigger {
                id: "sfn-retry".into(),
                cue: "Transient failures".into(),
                topic: "step-functions".into(),
                weakness: 3.0,
            }],
        };
        let read = [("step-functions".to_string(), (3, 11))].into();
        let md = stats_markdown(&s, &topics(), &read);
        assert!(
            md.contains("| 11 AWS Step Functions | 3/11 | `█░░░░░░░░░`  10% | 10/37 |"),
            "{md}"
        );
        assert!(md.contains("**Accuracy:** 75% (3 of 4 answers right)"));
        assert!(md.contains("**Reviews due today:** 2"));
        assert!(md.contains("+1d 1 · +2d 0 · +3d 0 · +4d 3"));
        assert!(md.contains("1. Transient failures *(Topic 11 · AWS Step Functions)*"));
    }

    #[test]
    fn session_text() {
        let s = QuizSummary {
            right: 3,
            answered: 4,
            skipped: 0,
            per_topic: vec![("step-functions".into(), 3, 4)],
            exam: None,
        };
        assert_eq!(
            session_markdown(&s, &topics()),
            "**Quiz this session:** 3 of 4 answers right (Topic 11 · AWS Step Functions 3/4)\n"
        );
        assert_eq!(session_markdown(&QuizSummary::default(), &topics()), "");
    }
}
