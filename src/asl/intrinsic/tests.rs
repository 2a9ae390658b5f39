use super::*;

fn run(expr: &str, input: &str) -> Result<String, String> {
    let call = parse(expr)?;
    eval(&call, &json::parse(input).unwrap(), &Value::Null, &mut 0).map(|v| v.compact())
}

#[test]
fn evaluates_the_documented_examples() {
    assert_eq!(
        run(
            "States.Format('Hello, my name is {}.', $.name)",
            r#"{"name":"Arnav"}"#
        )
        .unwrap(),
        r#""Hello, my name is Arnav.""#
    );
    assert_eq!(
        run("States.Array('Foo', 2020, $.x, null)", r#"{"x":true}"#).unwrap(),
        r#"["Foo",2020,true,null]"#
    );
    assert_eq!(
        run("States.ArrayPartition($.a, 4)", r#"{"a":[1,2,3,4,5,6,7]}"#).unwrap(),
        "[[1,2,3,4],[5,6,7]]"
    );
    assert_eq!(
        run("States.ArrayRange(1, 9, 2)", "{}").unwrap(),
        "[1,3,5,7,9]"
    );
    assert_eq!(
        run("States.ArrayUnique($.a)", r#"{"a":[1,2,3,3,3,3,3,3,4]}"#).unwrap(),
        "[1,2,3,4]"
    );
    assert_eq!(
        run("States.Base64Encode('Data to encode')", "{}").unwrap(),
        r#""RGF0YSB0byBlbmNvZGU=""#
    );
    assert_eq!(
        run("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "{}").unwrap(),
        r#""Data to encode""#
    );
    assert_eq!(
        run("States.StringSplit('1,2,3,4,5', ',')", "{}").unwrap(),
        r#"["1","2","3","4","5"]"#
    );
    assert_eq!(
        run("States.MathAdd($.v, -1)", r#"{"v":111}"#).unwrap(),
        "110"
    );
    assert_eq!(
        run("States.JsonToString($.o)", r#"{"o":{"a":1}}"#).unwrap(),
        r#""{\"a\":1}""#
    );
    assert_eq!(
        run("States.StringToJson($.s)", r#"{"s":"{\"a\":1}"}"#).unwrap(),
        r#"{"a":1}"#
    );
    assert_eq!(
        run("States.ArrayLength(States.Array(1, 2))", "{}").unwrap(),
        "2"
    );
    assert_eq!(
        run("States.Format('\\{{}\\}', 'x')", "{}").unwrap(),
        r#""{x}""#
    );
}

#[test]
fn parse_errors_are_clear() {
    assert!(
        parse("States.Nope(1)")
            .unwrap_err()
            .contains("not an intrinsic")
    );
    assert!(
        parse("States.ArrayLength(1, 2)")
            .unwrap_err()
            .contains("takes 1")
    );
    assert!(parse("States.Format('x").is_err());
    assert!(run("States.Format('{} {}', 1)", "{}").is_err());
}
