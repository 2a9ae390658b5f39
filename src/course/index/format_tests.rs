use super::*;

#[test]
fn find_agrees_with_a_byte_by_byte_search() {
    let text = "I\tq\tsfn-ids\\t\t12\nT\t\u{e9}t\u{e9} \u{1f600}\r\n\tx\\\\y\n\n".repeat(3);
    for start in 0..text.len() {
        let hay = &text.as_bytes()[start..];
        for byte in [b'\n', b'\t', b'\\', b'I', b'y', 0xa9, 0x80, 0] {
            let expected = hay.iter().position(|&b| b == byte);
            assert_eq!(find(hay, byte), expected, "{byte:#x} from {start}");
        }
    }
}

fn index() -> Index {
    let item = |id: &str, question, lab, step| ItemEntry {
        id: id.into(),
        question,
        lab,
        step,
    };
    let topic = |n: u32, items: Vec<ItemEntry>| TopicEntry {
        number: n,
        slug: format!("t{n}"),
        steps: vec!["One".into()],
        quiz: Some(QuizEntry {
            path: format!("quizzes/t{n}.toml"),
            items: items.into(),
        }),
        ..TopicEntry::default()
    };
    Index {
        key: "k".into(),
        files: Vec::new(),
        topics: vec![
            topic(
                1,
                vec![
                    item("a\tb\\c", false, false, Some(1)),
                    item("q", true, true, None),
                ],
            ),
            topic(2, Vec::new()),
            topic(3, vec![item("z", true, false, Some(12))]),
        ],
    }
}

#[test]
fn items_are_read_from_their_lines_when_first_asked_for() {
    let written = index();
    let text = written.to_text();
    for text in [text.clone(), text.replace('\n', "\r\n")] {
        let read = Index::from_text(text).unwrap();
        let items = |t: usize| &read.topics[t].quiz.as_ref().unwrap().items;
        assert!((0..3).all(|t| items(t).read.get().is_none()), "not yet");
        assert_eq!(
            (0..3).map(|t| items(t).len()).collect::<Vec<_>>(),
            [2, 0, 1]
        );
        assert!(
            (0..3).all(|t| items(t).read.get().is_none()),
            "counted, not read"
        );
        assert_eq!(
            items(0).get(),
            written.topics[0].quiz.as_ref().unwrap().items.get()
        );
        assert!(items(1).get().is_empty() && items(2).read.get().is_none());
        assert_eq!(read, written);
    }
}

#[test]
fn an_index_with_a_broken_item_line_is_not_read() {
    let text = index().to_text();
    assert!(Index::from_text(text.clone()).is_some());
    for (from, to) in [
        ("I\tq\tz\t12", "I\tx\tz\t12"),
        ("I\tq\tz\t12", "I\tq\tz\tone"),
        ("I\tq\tz\t12", "I\tq\tz"),
        ("I\tq\tz\t12", "I\tq\tz\t12\tx"),
        ("I\tq\tz\t12", "I\tq\tz\t12\nK\ttask\nI\tt\ty\t"),
        ("I\tq\tz\t12", "I\tq\tz\\q\t12"),
        ("Q\tquizzes/t3.toml\n", ""),
    ] {
        assert!(text.contains(from));
        assert_eq!(Index::from_text(text.replace(from, to)), None, "{to}");
    }
}
