use super::*;

#[test]
fn a_long_chain_draws_in_bounded_output() {
    let n = 2000;
    let states: Vec<String> = (0..n)
        .map(|i| {
            let end = if i + 1 == n { r#""End": true"#.to_string() } else { format!(r#""Next": "Step{}""#, i + 1) };
            format!(r#""Step{i}": {{"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "Parameters": {{"JobName": "job-{i}"}}, {end}}}"#)
        })
        .collect();
    let def = format!(
        r#"{{"StartAt": "Step0", "States": {{{}}}}}"#,
        states.join(",")
    );
    let m = machine(&def);
    for width in [80, 20] {
        let rows = draw(&m, &none(), width);
        assert!(rows.len() <= n * 6, "{} rows", rows.len());
    }
}

#[test]
fn deep_nesting_falls_back_and_stays_in_width() {
    // Built in code: 30 nested Parallels, deeper than 80 columns of frames can hold.
    let mut inner =
        machine(r#"{"StartAt": "Leaf", "States": {"Leaf": {"Type": "Pass", "End": true}}}"#);
    for level in 0..30 {
        let mut wrapper = machine(
            r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}], "End": true}}}"#,
        );
        wrapper.states[0].name = format!("Level{level}");
        wrapper.start_at = format!("Level{level}");
        wrapper.states[0].kind = Kind::Parallel {
            branches: vec![inner],
        };
        inner = wrapper;
    }
    for width in [0, 1, 10, 30, 80, 130, 250] {
        let rows = draw(&inner, &none(), width);
        assert!(rows.len() < 200, "{} rows at {width}", rows.len());
        assert!(rows.iter().all(|r| row_width(r) <= width));
    }
    assert!(
        plain(&inner, &none(), 80)
            .iter()
            .any(|l| l.contains("Leaf"))
    );
    assert!(
        plain(&inner, &none(), 250)
            .iter()
            .any(|l| l.contains("╭─ Level0 ─"))
    );
}
