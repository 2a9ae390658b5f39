//! The text of the screens the loop makes itself (not from a lesson): welcome, topic complete, the topic list,
//! search results, the end-of-phase summary and help — as markdown, for either front end to render.

use super::{Screen, Session};

impl Session<'_> {
    pub(super) fn search_text(&self) -> String {
        let query = self.find.as_deref().unwrap_or_default();
        let mut s = format!("# Search: “{query}”\n\n");
        if self.hits.is_empty() {
            s.push_str("Nothing found. Try a shorter word, or `topics` to browse.\n");
            return s;
        }
        for (i, h) in self.hits.iter().enumerate() {
            let t = &self.course.topics[h.topic];
            let place = h.place.label(t.step_count() - 1);
            s.push_str(&format!(
                "{}. **{} {}** · {place}  \n   {}\n",
                i + 1,
                t.number(),
                t.title(),
                h.context.replace(['*', '`', '_', '#', '|'], "")
            ));
        }
        s.push_str(
            "\nType a hit's number to open it (↑/↓ and Enter in the full screen), or `back`.\n",
        );
        s
    }

    pub(super) fn welcome_text(&self) -> String {
        self.welcome(true)
    }

    /// The first screen: the course's banner (left out with `banner: false`, as a screen reader would only spell it
    /// out), phase, title and blurb, its topics, and how the loop works. All of it from the course's `course.toml`.
    pub fn welcome(&self, banner: bool) -> String {
        let course = self.course;
        let mut s = String::new();
        if let Some(art) = course.banner.as_deref().filter(|_| banner) {
            // A fence longer than any run of backticks in the art, which would otherwise close it.
            let run = art.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(run.max(2) + 1);
            s.push_str(&format!("{fence}\n{art}\n{fence}\n\n"));
        }
        s.push_str(&format!("# {}\n\n*{}*\n\n", course.phase, course.title));
        if let Some(blurb) = &course.blurb {
            s.push_str(blurb);
            s.push(' ');
        }
        let topics = crate::util::text::plural(course.topics.len(), "topic");
        s.push_str(&format!("{topics}:\n\n"));
        for t in &course.topics {
            s.push_str(&format!(
                "- **{}** {} — *{}*\n",
                t.number(),
                t.title(),
                t.tagline()
            ));
        }
        let goto = course.topics.last().map_or(1, |t| t.number());
        s.push_str(&format!(
            "\n## How it works\n\nOne step at a time, and nothing moves on until you say so:\n\n\
             - `continue` → the next step (and, after a topic, the next topic)\n\
             - `repeat` → the same ideas from another angle\n\
             - `example` → another exam scenario\n\
             - `done` → stop the phase: a summary, and your place is saved\n\n\
             Also `quiz`, `topics`, `goto {goto}` and `help`. Say **continue** to begin.\n",
        ));
        s
    }

    pub(super) fn complete_text(&self) -> String {
        let t = self.current();
        let next = match self.course.topics.get(self.topic + 1) {
            Some(n) => format!(
                "**Next: Topic {} — {}**\n\n*{}*\n\nNothing moves on until you say so.",
                n.number(),
                n.title(),
                n.tagline()
            ),
            None => {
                "**That was the last topic of the phase.** Say `done` for your summary.".to_string()
            }
        };
        format!(
            "# Topic {} complete: {}\n\n> {}\n\n{next}\n\n\
             - `continue` → move ahead\n- `repeat` → re-explain this topic\n\
             - `example` → more exam scenarios\n- `quiz` → drill this topic's trigger words\n\
             - `done` → stop the phase here\n",
            t.number(),
            t.title(),
            t.lesson().memory_hack.trim()
        )
    }

    pub(super) fn topics_text(&self) -> String {
        let mut s = format!("# {}\n\n", self.course.phase);
        for (i, t) in self.course.topics.iter().enumerate() {
            let mark = if self.completed.contains(t.slug()) {
                " ✓"
            } else if i == self.topic {
                " ◂ you are here"
            } else {
                ""
            };
            s.push_str(&format!("- **{}** {}{mark}\n", t.number(), t.title()));
        }
        s.push_str("\nType `goto` and a number (or a slug) to open a topic, or `back`.\n");
        s
    }

    /// The end-of-phase summary, as markdown.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "# Where you are: {}\n\n**Topics covered this time and before:**\n\n",
            self.course.phase
        );
        let mut any = false;
        for t in &self.course.topics {
            let state = if self.completed.contains(t.slug()) {
                "complete".to_string()
            } else if t.slug() == self.current().slug() {
                format!("up to step {} of {}", self.step + 1, t.step_count())
            } else if self.visited.contains(t.slug()) {
                "started".to_string()
            } else {
                continue;
            };
            any = true;
            s.push_str(&format!("- {} {} — {state}\n", t.number(), t.title()));
        }
        if !any {
            s.push_str("- none yet\n");
        }
        s.push_str(&format!(
            "\n**Resume:** {} — the next start opens there.\n",
            self.place_name()
        ));
        let next = if self.screen == Screen::Complete {
            self.course.topics.get(self.topic + 1)
        } else {
            Some(self.current())
        };
        match next {
            Some(n) => s.push_str(&format!(
                "\n**Next:** Topic {} — {}\n",
                n.number(),
                n.title()
            )),
            None => {
                s.push_str("\n**Next:** the phase is complete — revise and drill the quizzes.\n")
            }
        }
        s
    }
}
