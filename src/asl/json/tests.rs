use super::*;

#[test]
fn round_trips_and_keeps_key_order() {
    let text = r#"{"b": [1, 2.5, "x\n\"y\""], "a": {"c": null, "d": true}, "e": -3e2}"#;
    let v = parse(text).unwrap();
    assert_eq!(
        v.compact(),
        r#"{"b":[1,2.5,"x\n\"y\""],"a":{"c":null,"d":true},"e":-300}"#
    );
    assert_eq!(parse(&v.pretty()).unwrap(), v);
}

#[test]
fn equality_is_by_json_meaning() {
    assert_eq!(
        parse(r#"{"a":1,"b":2}"#).unwrap(),
        parse(r#"{"b":2.0,"a":1}"#).unwrap()
    );
    assert_ne!(parse("[1,2]").unwrap(), parse("[2,1]").unwrap());
}

#[test]
fn remembers_lines_of_members() {
    let text = "{\n  \"States\": {\n    \"A\": {\n      \"Next\": \"B\"\n    }\n  }\n}";
    let (_, lines) = parse_with_lines(text).unwrap();
    assert_eq!(lines.of("/States/A/Next"), 4);
    assert_eq!(lines.of("/States/A/Missing"), 3);
    assert_eq!(lines.of(""), 1);
}

#[test]
fn errors_name_line_and_column() {
    let e = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
    assert_eq!((e.line, e.column), (3, 7));
    assert!(
        parse(r#"{"a":1,"a":2}"#)
            .unwrap_err()
            .message
            .contains("twice")
    );
    assert!(parse("[1,]").is_err());
    assert!(parse("01").is_err());
    assert!(parse("-").is_err());
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000);
    assert!(parse(&deep).unwrap_err().message.contains("deeper"));
}

#[test]
fn a_bad_escape_before_a_wide_character_is_an_error() {
    let e = parse("{\n \"\\\u{e9}t\": 1}").unwrap_err();
    assert_eq!((e.line, e.column), (2, 4), "{e}");
    assert!(e.message.contains("escape"));
    assert!(parse("\"\\\u{1F600}\"").is_err());
}

#[test]
fn unicode_escapes() {
    assert_eq!(
        parse(r#""\u00e9\ud83d\ude00""#).unwrap(),
        Value::String("é😀".into())
    );
}
