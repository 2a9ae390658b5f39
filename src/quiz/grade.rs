//! Grading: typed recall (forgiving of case, spacing and punctuation) and lettered choices (all or nothing).

use super::bank::Trigger;

/// The comparison key of a text: lower case, letters and digits only, so "Step-Functions retry!" and
/// "step functions Retry" are the same answer.
pub fn normalize(text: &str) -> String {
    // ASCII (nearly every answer and decoy `check` compares) has one-byte lower cases and no combining marks: the
    // same key without a Unicode case lookup per letter (which was a fiftieth of `check` on a big course).
    if text.is_ascii() {
        let mut key = Vec::with_capacity(text.len());
        key.extend(
            (text.bytes())
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase()),
        );
        // ASCII bytes are always UTF-8.
        return String::from_utf8(key).unwrap_or_default();
    }
    unicode_key(text)
}

/// [`normalize`] of any text, a character at a time.
fn unicode_key(text: &str) -> String {
    // Lower-case first: some capitals lower to a letter plus a combining mark, which is then dropped.
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Typed answers may also drop the "AWS"/"Amazon" prefix of a service name.
fn typed_key(text: &str) -> String {
    let key = normalize(text);
    for prefix in ["amazon", "aws"] {
        if let Some(rest) = key.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return rest.to_string();
        }
    }
    key
}

/// Typed recall: right when the input matches the answer or any `accept` entry.
pub fn grade_typed(trigger: &Trigger, input: &str) -> bool {
    let given = typed_key(input);
    !given.is_empty()
        && std::iter::once(&trigger.answer)
            .chain(&trigger.accept)
            .any(|a| typed_key(a) == given)
}

/// Choices: right only when the picked set equals the correct set (no partial credit, as on the exam).
pub fn grade_choices(correct: &[usize], picked: &[usize]) -> bool {
    let mut a = correct.to_vec();
    let mut b = picked.to_vec();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    a == b
}

/// The letter shown for option `i`: A, B, C, ...
pub fn letter(i: usize) -> char {
    u8::try_from(i)
        .ok()
        .filter(|&i| i < 26)
        .map_or('?', |i| char::from(b'A' + i))
}

/// Letters joined for display: "A, C".
pub fn letters(indices: &[usize]) -> String {
    let parts: Vec<String> = indices.iter().map(|&i| letter(i).to_string()).collect();
    parts.join(", ")
}

/// Reads a plain-mode choice answer — "B", "a, c", "AC", "a c", "B)" — into sorted indices below `n`.
/// `None` when anything else is in the input or a letter is out of range.
pub fn parse_letters(input: &str, n: usize) -> Option<Vec<usize>> {
    let mut picked = Vec::new();
    for c in input.chars() {
        if c.is_whitespace() || matches!(c, ',' | ';' | '/' | '&' | '+' | ')' | '.') {
            continue;
        }
        if !c.is_ascii_alphabetic() {
            return None;
        }
        let i = usize::from(c.to_ascii_lowercase() as u8 - b'a');
        if i >= n {
            return None;
        }
        picked.push(i);
    }
    picked.sort_unstable();
    picked.dedup();
    (!picked.is_empty()).then_some(picked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retry() -> Trigger {
        Trigger {
            id: "sfn-retry-transient".into(),
            cue: "Transient failures; retry automatically".into(),
            answer: "Step Functions Retry".into(),
            accept: vec!["retry".into(), "sfn retry".into()],
            decoys: vec![],
            why: "Retry on the Task state.".into(),
            step: None,
            line: 1,
        }
    }

    #[test]
    fn normalize_drops_case_spacing_and_punctuation() {
        assert_eq!(
            normalize("  Step-Functions   RETRY! "),
            "stepfunctionsretry"
        );
        assert_eq!(normalize("Lambda try/catch"), "lambdatrycatch");
        assert_eq!(normalize("S3 (Glacier)"), "s3glacier");
        assert_eq!(normalize("..."), "");
        assert_eq!(normalize("İ"), "i");
    }

    #[test]
    fn typed_recall_accepts_answer_and_accept_list() {
        let t = retry();
        assert!(grade_typed(&t, "step functions retry"));
        assert!(grade_typed(&t, "Step-Functions Retry."));
        assert!(grade_typed(&t, "stepfunctionsretry"));
        assert!(grade_typed(&t, " RETRY "));
        assert!(grade_typed(&t, "SFN-retry"));
        assert!(!grade_typed(&t, "catch"));
        assert!(!grade_typed(&t, ""));
        assert!(!grade_typed(&t, "?!"));
    }

    #[test]
    fn typed_recall_ignores_service_prefix() {
        let mut t = retry();
        t.answer = "Amazon Athena".into();
        assert!(grade_typed(&t, "athena"));
        assert!(grade_typed(&t, "AWS Athena"));
        assert!(!grade_typed(&t, "amazon"));
    }

    #[test]
    fn single_response_grading() {
        assert!(grade_choices(&[1], &[1]));
        assert!(!grade_choices(&[1], &[0]));
        assert!(!grade_choices(&[1], &[]));
        assert!(!grade_choices(&[1], &[1, 2]));
    }

    #[test]
    fn multiple_response_needs_the_exact_set() {
        assert!(grade_choices(&[0, 2], &[2, 0]));
        assert!(grade_choices(&[0, 2], &[0, 2, 2]));
        assert!(!grade_choices(&[0, 2], &[0]), "no partial credit");
        assert!(!grade_choices(&[0, 2], &[0, 1, 2]));
    }

    #[test]
    fn letters_parse_in_every_plain_form() {
        assert_eq!(parse_letters("B", 4), Some(vec![1]));
        assert_eq!(parse_letters("a, c", 4), Some(vec![0, 2]));
        assert_eq!(parse_letters("AC", 4), Some(vec![0, 2]));
        assert_eq!(parse_letters("c a", 4), Some(vec![0, 2]));
        assert_eq!(parse_letters("b)", 4), Some(vec![1]));
        assert_eq!(parse_letters("E", 4), None);
        assert_eq!(parse_letters("E", 5), Some(vec![4]));
        assert_eq!(parse_letters("", 4), None);
        assert_eq!(parse_letters("1", 4), None);
        assert_eq!(parse_letters("skip", 4), None);
    }

    #[test]
    fn letter_names() {
        assert_eq!(letter(0), 'A');
        assert_eq!(letter(3), 'D');
        assert_eq!(letters(&[0, 2]), "A, C");
    }

    proptest::proptest! {
        #[test]
        fn letters_round_trip(mut picked in proptest::collection::vec(0usize..6, 1..6)) {
            picked.sort_unstable();
            picked.dedup();
            proptest::prop_assert_eq!(parse_letters(&letters(&picked), 6), Some(picked.clone()));
            let joined: String = picked.iter().map(|&i| letter(i).to_ascii_lowercase()).collect();
            proptest::prop_assert_eq!(parse_letters(&joined, 6), Some(picked));
        }

        #[test]
        fn normalize_of_ascii_is_the_unicode_key(text in "[ -~\\t\\n]{0,40}") {
            proptest::prop_assert_eq!(normalize(&text), unicode_key(&text));
        }

        #[test]
        fn normalize_is_idempotent(text in "\\PC{0,20}") {
            let once = normalize(&text);
            proptest::prop_assert_eq!(normalize(&once), once);
        }
    }
}
