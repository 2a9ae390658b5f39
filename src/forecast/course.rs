//! The forecast's inputs from a course and the learner's progress file.

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    Forecast, Inputs, TopicInput, forecast,
    plan::{Today, today},
};
use crate::{
    course::Course,
    progress::{LessonProgress, Progress},
};

/// Steps of topic `i` read: all once it is completed, else the furthest reached (the saved place counts).
pub fn steps_read(course: &Course, i: usize, lesson: &LessonProgress) -> usize {
    let t = &course.topics[i];
    let total = t.step_titles().len();
    if lesson.completed.contains(t.slug()) {
        return total;
    }
    let here = (lesson.topic == t.slug()).then_some(lesson.step + 1);
    let reached = lesson.reached.get(t.slug()).copied();
    reached.max(here).unwrap_or(0).min(total)
}

/// The topics as the forecast needs them, in course order.
pub fn topic_inputs(course: &Course, lesson: &LessonProgress) -> Vec<TopicInput> {
    (course.topics.iter().enumerate())
        .map(|(i, t)| TopicInput {
            slug: t.slug().to_string(),
            number: t.number(),
            title: t.title().to_string(),
            tasks: t.tasks().to_vec(),
            steps: t.step_titles().to_vec(),
            read: steps_read(course, i, lesson),
            items: t.items().unwrap_or_default().to_vec(),
        })
        .collect()
}

/// The forecast and today's plan for `exam_date`, made at `now`.
pub fn planned(
    course: &Course,
    progress: &Progress,
    exam_date: NaiveDate,
    now: DateTime<Utc>,
) -> (Forecast, Today) {
    let topics = topic_inputs(course, &progress.lesson);
    let reread = course.reread(&progress.items);
    let inputs = Inputs {
        topics: &topics,
        reread: &reread,
        histories: &progress.items,
        reading_secs: progress.lesson.reading_secs,
        reading_steps: progress.lesson.reading_steps,
    };
    let f = forecast(&inputs, now, exam_date);
    let t = today(&inputs, &f);
    (f, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_read_count_the_completed_the_reached_and_the_saved_place() {
        let course = Course::built_in().unwrap();
        let mut lesson = LessonProgress::default();
        assert_eq!(steps_read(&course, 0, &lesson), 0);
        lesson.topic = course.topics[0].slug().into();
        lesson.step = 2;
        assert_eq!(steps_read(&course, 0, &lesson), 3);
        lesson.reach(course.topics[1].slug(), 4);
        assert_eq!(steps_read(&course, 1, &lesson), 5);
        lesson.completed.insert(course.topics[2].slug().into());
        assert_eq!(
            steps_read(&course, 2, &lesson),
            course.topics[2].lesson().steps.len()
        );
    }
}
