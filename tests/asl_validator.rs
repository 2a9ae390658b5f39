//! The lab's ASL checks against an independent validator: every definition in tests/asl/validator/cases is valid or
//! invalid as its folder says; where the recorded asl-validator verdict (verdicts.json, re-recorded by record.sh)
//! differs from that, the README explains why AWS's rules side with the folder.

use std::fs;

use dea_tutor::asl::{self, Flavour, json};

#[test]
fn the_lab_agrees_with_the_corpus_and_every_difference_is_documented() {
    let root = "tests/asl/validator";
    let verdicts =
        json::parse(&fs::read_to_string(format!("{root}/verdicts.json")).unwrap()).unwrap();
    let cases = verdicts
        .get("cases")
        .and_then(|c| c.as_object())
        .expect("verdicts.json has cases");
    let readme = fs::read_to_string(format!("{root}/README.md")).unwrap();
    let differences = readme
        .split("## Where asl-validator and AWS differ")
        .nth(1)
        .expect("the README documents differences");
    let mut problems = Vec::new();
    let (mut valid, mut invalid) = (0, 0);
    for folder in ["valid", "invalid"] {
        let mut names: Vec<_> = fs::read_dir(format!("{root}/cases/{folder}"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        for name in names {
            let key = format!("{folder}/{name}");
            let text = fs::read_to_string(format!("{root}/cases/{key}")).unwrap();
            let ours = asl::parse(&text, Flavour::Standard);
            let intended = folder == "valid";
            if intended {
                valid += 1
            } else {
                invalid += 1
            }
            match (&ours, intended) {
                (Ok(_), false) => problems.push(format!("{key}: the lab accepts it")),
                (Err(e), true) => problems.push(format!("{key}: the lab rejects it: {e:?}")),
                _ => {}
            }
            let recorded = cases
                .get(&key)
                .and_then(|c| c.get("valid"))
                .unwrap_or_else(|| panic!("{key} has no recorded verdict"));
            let stem = name.trim_end_matches(".json");
            if recorded != &json::Value::Bool(intended) && !differences.contains(stem) {
                problems.push(format!("{key}: asl-validator says {recorded}, the folder says otherwise, and the README does not explain it"));
            }
        }
    }
    assert!(
        valid >= 40 && invalid >= 40,
        "at least 40 of each: {valid} valid, {invalid} invalid"
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_problem_names_a_line() {
    let text =
        fs::read_to_string("tests/asl/validator/cases/invalid/002-startat-unknown-state.json")
            .unwrap();
    let errors = asl::parse(&text, Flavour::Standard).unwrap_err();
    assert!(errors.iter().all(|e| e.line >= 1));
}
