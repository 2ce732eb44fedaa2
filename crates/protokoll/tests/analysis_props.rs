//! Property tests: arbitrary text never panics the analyzer, offsets stay on
//! char boundaries inside the input, positions never decrease.

use proptest::prelude::*;
use protokoll::analysis::{analyze, fold, stem, Side};

fn check_invariants(text: &str, side: Side) {
    let tokens = analyze(text, side);
    let mut last = 0;
    for t in &tokens {
        assert!(t.from <= t.to && t.to <= text.len(), "{t:?} in {text:?}");
        assert!(
            text.is_char_boundary(t.from) && text.is_char_boundary(t.to),
            "{t:?} in {text:?}"
        );
        assert!(t.position >= last, "positions decrease: {tokens:?}");
        assert!(!t.text.is_empty(), "empty token: {tokens:?}");
        last = t.position;
    }
}

/// Swedish-looking text: letters, digits, the separators the tokenizer
/// treats specially, combining marks and odd spaces.
fn swedish_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("och".to_string()),
            Just("barn-".to_string()),
            Just("ungdoms-".to_string()),
            Just(" ".to_string()),
            Just(", ".to_string()),
            Just("-".to_string()),
            Just("/".to_string()),
            Just("\u{a0}".to_string()),
            Just("\u{30a}".to_string()),
            Just("\u{ad}".to_string()),
            Just(":s".to_string()),
            "[0-9]{1,4}",
            "[a-zåäöA-ZÅÄÖ]{1,12}",
            "\\PC{1,3}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn arbitrary_text(text in "\\PC{0,80}") {
        check_invariants(&text, Side::Index);
        check_invariants(&text, Side::Query);
    }

    #[test]
    fn swedish_like_text(text in swedish_like()) {
        check_invariants(&text, Side::Index);
        check_invariants(&text, Side::Query);
    }

    #[test]
    fn any_word_stems_and_folds(word in "\\PC{0,30}") {
        let _ = stem(&word.to_lowercase());
        let _ = fold(&word);
    }
}

#[test]
fn long_and_odd_inputs() {
    check_invariants(&"a".repeat(10_000), Side::Index);
    check_invariants(&"1 ".repeat(1_000), Side::Index);
    check_invariants(&"123 ".repeat(1_000), Side::Index);
    check_invariants(&"x-".repeat(1_000), Side::Index);
    check_invariants(&"barn- ".repeat(100), Side::Index);
    check_invariants("- - -- / // :s", Side::Index);
    check_invariants("\u{30a}\u{308}å", Side::Index);
}
