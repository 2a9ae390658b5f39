//! Searching every lesson: titles, steps, angles, scenarios and the exam signals. Case-insensitive; each hit
//! names where it is and shows the line it was found on.

use super::Course;

/// Where in a topic a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A teaching step; `steps.len()` is the wrap-up (signals, comparison, memory hack).
    Step(usize),
    Angle(usize),
    Scenario(usize),
}

impl Place {
    /// "step 3", "wrap-up", "another angle 2", "scenario 1" — for a topic of `steps` teaching steps.
    pub fn label(self, steps: usize) -> String {
        match self {
            Place::Step(k) if k == steps => "wrap-up".to_string(),
            Place::Step(k) => format!("step {}", k + 1),
            Place::Angle(k) => format!("another angle {}", k + 1),
            Place::Scenario(k) => format!("scenario {}", k + 1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub topic: usize,
    pub place: Place,
    /// The line the match is on, trimmed of markdown marks, shortened around the match.
    pub context: String,
}

/// At most this many hits are listed: a query like "s" should not build a list of thousands.
pub const MAX_HITS: usize = 200;

pub fn search(course: &Course, query: &str) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (t, topic) in course.topics.iter().enumerate() {
        let l = topic.lesson();
        let title = format!("{} {}", topic.number(), topic.title());
        if title.to_lowercase().contains(&needle) {
            hits.push(Hit {
                topic: t,
                place: Place::Step(0),
                context: title,
            });
        }
        let wrap_up = l.wrap_up();
        let parts = l
            .steps
            .iter()
            .enumerate()
            .map(|(i, p)| (Place::Step(i), p.markdown.as_str()))
            .chain(std::iter::once((
                Place::Step(l.steps.len()),
                wrap_up.as_str(),
            )))
            .chain(
                l.angles
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (Place::Angle(i), p.markdown.as_str())),
            )
            .chain(
                l.scenarios
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (Place::Scenario(i), p.markdown.as_str())),
            );
        for (place, md) in parts {
            // One hit per part: the first line that matches.
            if let Some(line) = md
                .lines()
                .find(|line| line.to_lowercase().contains(&needle))
            {
                hits.push(Hit {
                    topic: t,
                    place,
                    context: context(line, &needle),
                });
            }
            if hits.len() >= MAX_HITS {
                return hits;
            }
        }
    }
    hits
}

/// The line without markdown marks, cut to about 70 characters around the match.
fn context(line: &str, needle: &str) -> String {
    let clean: String = line
        .trim()
        .trim_start_matches(['#', '-', '*', '>', '|', ' '])
        .chars()
        .filter(|c| !matches!(c, '*' | '`' | '|'))
        .collect();
    let chars: Vec<char> = clean.chars().collect();
    let lower: Vec<char> = clean.to_lowercase().chars().collect();
    let n: Vec<char> = needle.chars().collect();
    let at = (0..lower.len().saturating_sub(n.len() - 1))
        .find(|&i| lower[i..].starts_with(&n))
        .unwrap_or(0);
    let start = at.saturating_sub(30);
    let end = (at + n.len() + 40).min(chars.len());
    let mut s: String = chars[start.min(end)..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::mini_course;

    #[test]
    fn finds_steps_angles_scenarios_and_titles_case_insensitively() {
        let course = mini_course();
        let hits = search(&course, "SECOND");
        let places: Vec<(usize, Place)> = hits.iter().map(|h| (h.topic, h.place)).collect();
        assert!(places.contains(&(0, Place::Step(1))), "{hits:?}");
        assert!(places.contains(&(0, Place::Angle(1))), "{hits:?}");
        assert!(places.contains(&(0, Place::Scenario(1))), "{hits:?}");
        assert!(places.contains(&(1, Place::Step(1))), "{hits:?}");
        let hits = search(&course, "topic beta");
        assert_eq!(hits[0].place, Place::Step(0));
        assert_eq!(hits[0].context, "2 Topic Beta");
        // The wrap-up (signals) is searched too.
        let hits = search(&course, "alpha trigger");
        assert_eq!(hits[0].place, Place::Step(2));
        assert!(search(&course, "  ").is_empty());
        assert!(search(&course, "no such words").is_empty());
    }

    #[test]
    fn the_built_in_course_finds_redrive() {
        let course = Course::built_in().unwrap();
        let hits = search(&course, "redrive");
        assert!(!hits.is_empty());
        assert!(
            hits.iter()
                .all(|h| h.context.to_lowercase().contains("redrive")),
            "{hits:?}"
        );
        assert!(search(&course, "e").len() <= MAX_HITS);
    }

    #[test]
    fn context_is_cut_around_the_match() {
        let line = format!("{} needle {}", "a".repeat(100), "b".repeat(100));
        let c = context(&line, "needle");
        assert!(
            c.starts_with('…') && c.ends_with('…') && c.contains("needle"),
            "{c}"
        );
        assert!(c.chars().count() < 90);
        assert_eq!(context("- **Redrive** a run", "redrive"), "Redrive a run");
    }
}
