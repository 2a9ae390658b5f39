use super::*;
use crate::quiz::testdata;

const P: &str = "quizzes/11-step-functions.toml";

fn errors(text: &str) -> Vec<String> {
    parse(P, text)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// A valid trigger with one line replaced (lines: 1 topic, 2 blank, 3 header, 4 id, 5 cue, 6 answer, 7 decoys, 8 why).
fn trigger_with(field: &str, line: &str) -> String {
    let mut lines = [
        r#"topic = "step-functions""#,
        "",
        "[[trigger]]",
        r#"id = "sfn-retry""#,
        r#"cue = "Transient failures; retry without code changes""#,
        r#"answer = "Step Functions Retry""#,
        r#"decoys = ["Lambda try/catch", "SQS dead-letter queue", "Glue job bookmarks"]"#,
        r#"why = "Retry is declared on the Task state.""#,
    ];
    let i = lines.iter().position(|l| l.starts_with(field)).unwrap();
    lines[i] = line;
    lines.join("\n") + "\n"
}

/// A valid question with one line replaced (lines: 3 header, 4 id, 5 stem, 6 choices, 7 correct, 8 explain).
fn question_with(field: &str, line: &str) -> String {
    let mut lines = [
        r#"topic = "step-functions""#,
        "",
        "[[question]]",
        r#"id = "sfn-long-run""#,
        r#"stem = "A pipeline runs six hours. Which workflow type fits?""#,
        r#"choices = ["Standard", "Express", "Lambda"]"#,
        "correct = [0]",
        r#"explain = ["Right: up to a year.", "Wrong: 5 minutes.", "Wrong: 15 minutes."]"#,
    ];
    let i = lines.iter().position(|l| l.starts_with(field)).unwrap();
    lines[i] = line;
    lines.join("\n") + "\n"
}

#[test]
fn the_test_course_parses() {
    let banks = testdata::banks();
    let sfn = &banks[0];
    assert_eq!(sfn.topic, "step-functions");
    assert_eq!(sfn.topic_line, 1);
    assert_eq!((sfn.triggers.len(), sfn.questions.len()), (3, 3));
    let t = &sfn.triggers[0];
    assert_eq!(t.id, "sfn-retry-transient");
    assert_eq!(t.line, 3);
    assert_eq!(t.accept, ["retry", "sfn retry"]);
    assert_eq!(sfn.triggers[1].line, 11);
    assert_eq!(sfn.questions[0].line, 27);
    assert_eq!(sfn.questions[1].correct, [0, 1]);
    assert_eq!(banks[1].questions.len(), 2);
}

#[test]
fn multiple_response_stem_gets_choose_appended() {
    let banks = testdata::banks();
    let multi = &banks[0].questions[1];
    assert!(
        multi
            .display_stem()
            .ends_with("Which steps handle this? (Choose TWO.)")
    );
    let single = &banks[0].questions[0];
    assert_eq!(single.display_stem(), single.stem);
}

#[test]
fn toml_syntax_error_has_its_line() {
    let text = "topic = \"step-functions\"\n\n[[trigger]\nid = \"x\"\n";
    assert_eq!(
        errors(text),
        [format!("{P}:3: unclosed array table, expected `]`")]
    );
}

#[test]
fn unknown_field_is_an_error() {
    let text = trigger_with("why", r#"reason = "Retry is declared on the Task state.""#);
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with(&format!("{P}:8: unknown field `reason`, expected one of")),
        "{e:?}"
    );
}

#[test]
fn wrong_type_is_an_error() {
    let text = question_with("correct", r#"correct = "A""#);
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:7: invalid type: string \"A\", expected a sequence"
        )]
    );
}

#[test]
fn missing_field_is_an_error() {
    let text = trigger_with("why", "");
    assert_eq!(errors(&text), [format!("{P}:3: missing field `why`")]);
}

#[test]
fn empty_text_fields() {
    let text = trigger_with("cue", r#"cue = "  ""#);
    assert_eq!(
        errors(&text),
        [format!("{P}:5: trigger `sfn-retry`: `cue` is empty")]
    );
    let text = question_with("choices", r#"choices = ["Standard", "", "Lambda"]"#);
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:6: question `sfn-long-run`: `choices[1]` is empty"
        )]
    );
    let text = trigger_with("topic", r#"topic = """#);
    assert_eq!(errors(&text), [format!("{P}:1: `topic` is empty")]);
}

#[test]
fn empty_id() {
    let text = trigger_with("id", r#"id = """#);
    assert_eq!(errors(&text), [format!("{P}:4: trigger #1: `id` is empty")]);
}

#[test]
fn bad_id_format() {
    for id in ["Sfn-Retry", "sfn_retry", "sfn--retry", "-sfn", "sfn retry"] {
        let text = trigger_with("id", &format!("id = \"{id}\""));
        assert_eq!(
            errors(&text),
            [format!(
                "{P}:4: trigger `{id}`: id must be lower-case words joined by `-`"
            )]
        );
    }
}

#[test]
fn fewer_than_three_decoys() {
    let text = trigger_with(
        "decoys",
        r#"decoys = ["Lambda try/catch", "SQS dead-letter queue"]"#,
    );
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:7: trigger `sfn-retry`: needs at least 3 decoys, has 2"
        )]
    );
}

#[test]
fn decoy_equal_to_answer_after_normalisation() {
    let line = r#"decoys = ["Lambda try/catch", "step-functions RETRY!", "Glue job bookmarks"]"#;
    let text = trigger_with("decoys", line);
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:7: trigger `sfn-retry`: decoy \"step-functions RETRY!\" is the answer"
        )]
    );
}

#[test]
fn fewer_than_two_choices() {
    let text = question_with("choices", r#"choices = ["Standard"]"#).replace(
        r#"explain = ["Right: up to a year.", "Wrong: 5 minutes.", "Wrong: 15 minutes."]"#,
        r#"explain = ["Right."]"#,
    );
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:6: question `sfn-long-run`: needs at least 2 choices, has 1"
        )]
    );
}

#[test]
fn correct_empty() {
    let text = question_with("correct", "correct = []");
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:7: question `sfn-long-run`: `correct` is empty"
        )]
    );
}

#[test]
fn correct_out_of_range() {
    let text = question_with("correct", "correct = [0, 3]");
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:7: question `sfn-long-run`: `correct` index 3 is out of range (3 choices, 0-based)"
        )]
    );
}

#[test]
fn correct_index_twice() {
    let text = question_with("correct", "correct = [1, 1]");
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:7: question `sfn-long-run`: `correct` lists index 1 twice"
        )]
    );
}

#[test]
fn explain_count_differs_from_choices() {
    let text = question_with("explain", r#"explain = ["Right.", "Wrong."]"#);
    assert_eq!(
        errors(&text),
        [format!(
            "{P}:8: question `sfn-long-run`: `explain` has 2 entries for 3 choices"
        )]
    );
}

#[test]
fn choose_written_in_the_stem() {
    for stem in [
        "Which two fit? (Choose TWO.)",
        "Which fit? choose 2",
        "Pick: Choose three.",
    ] {
        let text = question_with("stem", &format!("stem = \"{stem}\""));
        assert_eq!(
            errors(&text),
            [format!(
                "{P}:5: question `sfn-long-run`: remove \"Choose ...\" from the stem; the tutor adds it"
            )]
        );
    }
    let ok = question_with(
        "stem",
        r#"stem = "Which would you choose to run six hours?""#,
    );
    assert!(parse(P, &ok).is_ok());
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let text = r#"topic = "step-functions"

[[trigger]]
id = "Bad_Id"
cue = ""
answer = "Express workflow"
decoys = ["express workflow"]
why = "Short runs."

[[question]]
id = "sfn-q"
stem = "Which? (Choose TWO.)"
choices = ["A"]
correct = []
explain = []
"#;
    assert_eq!(
        errors(text),
        [
            format!("{P}:4: trigger `Bad_Id`: id must be lower-case words joined by `-`"),
            format!("{P}:5: trigger `Bad_Id`: `cue` is empty"),
            format!("{P}:7: trigger `Bad_Id`: needs at least 3 decoys, has 1"),
            format!("{P}:7: trigger `Bad_Id`: decoy \"express workflow\" is the answer"),
            format!(
                "{P}:12: question `sfn-q`: remove \"Choose ...\" from the stem; the tutor adds it"
            ),
            format!("{P}:13: question `sfn-q`: needs at least 2 choices, has 1"),
            format!("{P}:14: question `sfn-q`: `correct` is empty"),
            format!("{P}:15: question `sfn-q`: `explain` has 0 entries for 1 choices"),
        ]
    );
}

#[test]
fn course_check_reports_unknown_topic_and_duplicate_ids() {
    let mut banks = testdata::banks();
    let slugs = vec!["step-functions".to_string(), "lake-formation".to_string()];
    assert_eq!(check_course(&banks, &slugs), []);

    banks[1].topic = "glue".into();
    banks[1].triggers[1].id = "sfn-retry-transient".into();
    banks[1].questions[0].id = "sfn-human-approval".into();
    let diags: Vec<String> = (check_course(&banks, &slugs).iter())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        diags,
        [
            "quizzes/12-lake-formation.toml:1: topic `glue` is not a lesson of the course",
            "quizzes/12-lake-formation.toml:11: duplicate id `sfn-retry-transient` \
             (first used at quizzes/11-step-functions.toml:3)",
            "quizzes/12-lake-formation.toml:19: duplicate id `sfn-human-approval` \
             (first used at quizzes/11-step-functions.toml:51)",
        ]
    );
}

#[test]
fn the_ascii_choose_check_agrees_with_the_general_one() {
    use super::checker::{has_choose_ascii, has_choose_chars};
    let stems = [
        "Which two? (Choose TWO.)",
        "Choose two",
        "choose\x0bthree",
        "c-h-o-o-s-e 2",
        "CHOOSE... (five)",
        "Choose twofold",
        "Choosey two",
        "Choose -- two",
        "Choose\x1ctwo",
        "choose 22",
        "chooses three",
        "pick two; choose",
        "A plain stem with no count.",
        "",
        "   ",
        "Choose\tFOUR",
        "choose\r\n3",
        "Choose 1",
        "abcdefghij choose abcdefghij two",
        "cchoose two",
        "C.hoose two",
        "(c)hoose TWO",
        "ch0ose two",
        "coach choose 4",
    ];
    for stem in stems {
        assert_eq!(
            has_choose_ascii(stem.as_bytes()),
            has_choose_chars(stem),
            "{stem:?}"
        );
    }
    assert!(has_choose_ascii(b"(Choose TWO.)"));
    assert!(!has_choose_ascii(b"Choose wisely, two"));
}

#[test]
fn every_built_in_quiz_file_takes_the_walk_not_serde() {
    let mut n = 0;
    for (path, text) in crate::quiz::testdata::built_in_quiz_files() {
        assert!(
            checker::walk::bank(text).is_some(),
            "{path} fell back to serde"
        );
        n += 1;
    }
    assert!(n >= 10);
}

#[test]
fn the_walk_leaves_every_oddity_to_serde() {
    let good = "topic = \"alpha\"\n";
    assert!(checker::walk::bank(good).is_some());
    for odd in [
        "topic = 1\n",
        "topic = \"alpha\"\nextra = 1\n",
        "[[trigger]]\nid = \"a\"\n",
        "topic = \"a\"\n[[question]]\nid = \"q\"\nstem = \"s\"\nchoices = [\"a\", \"b\"]\ncorrect = [99999999999999999999]\nexplain = [\"a\", \"b\"]\n",
        "topic = \"a\"\n[[question]]\nid = \"q\"\nstem = \"s\"\nchoices = [\"a\", \"b\"]\ncorrect = [0]\nexplain = [\"a\", \"b\"]\n[question.lab]\ndefinition = \"{}\"\n[question.lab.expect]\nseconds = nan\n",
        "topic = \"a\"\ntopic = \"b\"\n",
    ] {
        assert!(checker::walk::bank(odd).is_none(), "{odd}");
    }
}

#[test]
fn a_lab_expect_reads_seconds_as_integer_or_float() {
    let lab = |seconds: &str| {
        format!(
            "topic = \"a\"\n[[question]]\nid = \"q\"\nstem = \"s\"\nchoices = [\"a\", \"b\"]\ncorrect = [0]\n\
             explain = [\"a\", \"b\"]\n[question.lab]\ndefinition = \"{{}}\"\n[question.lab.expect]\nseconds = {seconds}\n"
        )
    };
    for s in ["15", "15.0", "1_5", "0x0f"] {
        assert!(checker::walk::bank(&lab(s)).is_some(), "{s}");
    }
}

proptest::proptest! {
    /// The one-pass ASCII check says what the general one says, on stems made of the words that matter, their
    /// near misses and punctuation.
    #[test]
    fn the_ascii_choose_check_is_the_general_one(
        words in proptest::collection::vec(
            "(choose|Choose|CHOOSE|ch-oose|chooses|two|TWO|Three|four|5|6|twoo|(Two)|x|\\.|--|[a-z]{0,9}|[\\t\\x0b\\r ]{1,2})",
            0..8,
        )
    ) {
        let stem = words.join(" ");
        proptest::prop_assert_eq!(
            super::checker::has_choose_ascii(stem.as_bytes()),
            super::checker::has_choose_chars(&stem),
            "{:?}", stem
        );
    }
}

proptest::proptest! {
    /// The byte test of an id is the rule it states: words of lower-case ASCII letters and digits joined by single `-`.
    #[test]
    fn an_id_is_valid_by_the_words_rule(id in "[a-z0-9A-Zé_ -]{0,8}") {
        let by_words = !id.is_empty()
            && id.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        proptest::prop_assert_eq!(super::is_valid_id(&id), by_words, "{:?}", id);
    }
}

#[test]
fn the_ascii_choose_check_reads_words_opening_with_punctuation() {
    use super::checker::{has_choose_ascii, has_choose_chars};
    for stem in [
        "(choose two)",
        "c.h.o.o.s.e 3",
        "x \"Choose\" -- four",
        "choose. (5)",
        "cc choose two",
        "chose two",
        "Chooses (two)",
        "Catalog choose",
    ] {
        assert_eq!(
            has_choose_ascii(stem.as_bytes()),
            has_choose_chars(stem),
            "{stem:?}"
        );
    }
    assert!(has_choose_ascii(b"(choose two)"));
    assert!(has_choose_ascii(b"c.h.o.o.s.e 3"));
}

#[test]
fn a_cleaned_text_parses_as_any_other() {
    let mut files = 0;
    for (path, text) in testdata::built_in_quiz_files() {
        assert_eq!(parse_cleaned(path, text), parse(path, text), "{path}");
        files += 1;
    }
    assert!(files >= 10);
    // Decoded escapes can make what the cleaner drops or changes: those strings are cleaned all the same.
    for cue in [
        r#"cue = "Retry\u001b[31m when\tthrottled\r\n""#,
        r#"cue = 'Retry when throttled'"#,
        "cue = \"\"\"\nRetry when\nthrottled\"\"\"",
    ] {
        let text = trigger_with("cue", cue);
        assert!(matches!(
            crate::util::sanitize::clean(&text),
            std::borrow::Cow::Borrowed(_)
        ));
        let cleaned = parse_cleaned(P, &text).expect("parses");
        assert_eq!(Ok(&cleaned), parse(P, &text).as_ref(), "{cue}");
        assert!(
            !cleaned.triggers[0]
                .cue
                .contains(['\u{1b}', '\t', '\r', '\u{2028}'])
        );
    }
}
