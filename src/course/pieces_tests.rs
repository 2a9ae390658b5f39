use super::*;

const STEP: &str = "## Retry\n\nRetry re-runs a failed state.\n\n```text\n### Example inside a fence\n```\n\n\
                    ### Another way\n\nLike a redial.\n\n### Example: backoff\n\nWaits 2 s, 4 s, 8 s.\n\n\
                    ### Another way\n\nA second picture.\n";

#[test]
fn a_step_splits_into_what_it_shows_and_its_pieces() {
    let (shown, pieces) = split(STEP);
    assert!(shown.ends_with("```"), "{shown}");
    assert!(
        shown.contains("### Example inside a fence"),
        "a heading in a code fence is text"
    );
    let kinds: Vec<Kind> = pieces.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [Kind::Again, Kind::Example, Kind::Again]);
    assert_eq!(pieces[0].markdown, "Like a redial.");
    assert_eq!(pieces[1].title, Some("backoff"));
    assert_eq!(pieces[1].markdown, "Waits 2 s, 4 s, 8 s.");
    assert_eq!(pieces[2].markdown, "A second picture.");
    assert_eq!(
        STEP.lines().nth(pieces[1].line),
        Some("### Example: backoff")
    );
    // A heading that only starts like ours is the author's own.
    let (shown, pieces) = split("## S\n\n### Examples of use\n\ntext\n");
    assert!(pieces.is_empty() && shown.contains("Examples of use"));
}

#[test]
fn a_step_without_pieces_is_all_shown() {
    assert_eq!(split("## S\n\nBody.\n"), ("## S\n\nBody.\n", Vec::new()));
}

#[test]
fn step_links_are_read_and_removed() {
    let (link, rest) = step_link("## Nightly job\n\nStep: 6\n\n**Situation.** A job fails.\n");
    assert_eq!(
        link,
        Some(StepLink {
            step: Some(6),
            line: 2
        })
    );
    assert_eq!(rest, "## Nightly job\n\n\n**Situation.** A job fails.\n");
    let (link, _) = step_link("Step: six\n\nText");
    assert_eq!(link.unwrap().step, None);
    // Only the first line of text counts: a later "Step:" is prose.
    let (link, rest) = step_link("## T\n\nText.\n\nStep: 3\n");
    assert!(link.is_none() && rest.contains("Step: 3"));
}

fn course_with(step: &str, scenario: &str) -> Course {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini/lessons");
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    for f in ["course.toml", "02-beta.md"] {
        std::fs::copy(src.join(f), lessons.join(f)).unwrap();
    }
    let alpha = std::fs::read_to_string(src.join("01-alpha.md"))
        .unwrap()
        .replace("The first alpha step.", step)
        .replace("Step: 1\n\n**Situation.** First alpha scenario.", scenario);
    std::fs::write(lessons.join("01-alpha.md"), alpha).unwrap();
    super::super::CourseFiles::from_dir(dir.path())
        .and_then(|f| f.parse())
        .unwrap()
}

#[test]
fn check_points_at_the_line_of_each_problem() {
    let course = course_with(
        "The first alpha step.\n\n### Another way\n\n### Example\n\nAn example.",
        "Step: 9\n\nFirst alpha scenario.",
    );
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mini/lessons/01-alpha.md"),
    )
    .unwrap();
    let diags = check(&course, false);
    let messages: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
    assert_eq!(diags.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("an empty piece"));
    assert!(messages[1].starts_with("`Step:` must name a teaching step, 1 to 2"));
    // The empty piece is on the line of its heading in the edited file.
    let edited = text.replace(
        "The first alpha step.",
        "The first alpha step.\n\n### Another way\n\n### Example\n\nAn example.",
    );
    assert_eq!(
        edited.lines().nth(diags[0].line - 1),
        Some("### Another way")
    );
    // Strict: every step wants both pieces, every scenario and angle a link.
    let strict = check(&course, true);
    assert!(
        strict
            .iter()
            .any(|d| d.message.contains("has no `### Another way`"))
    );
    assert!(strict.iter().any(|d| d.message.contains("names no step")));
}

#[test]
fn every_built_in_part_splits_as_its_lines_say() {
    let course = Course::built_in().expect("built-in course is valid");
    for t in &course.topics {
        let l = t.lesson();
        for p in l.steps.iter().chain(&l.angles).chain(&l.scenarios) {
            assert_eq!(
                split(&p.markdown),
                split_lines(&p.markdown),
                "{}",
                p.markdown
            );
        }
    }
}

proptest::proptest! {
    /// The search for either heading before the look at every line never changes the split.
    #[test]
    fn the_search_first_splits_as_the_lines_say(
        lines in proptest::collection::vec(
            "(### Another way|### Example|### Example: t|### Examples|```|~~~|text|  ### Example|)",
            0..8,
        )
    ) {
        let md = lines.join("\n");
        proptest::prop_assert_eq!(split(&md), split_lines(&md), "{:?}", md);
    }
}
