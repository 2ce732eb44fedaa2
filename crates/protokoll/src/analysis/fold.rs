//! Folding away diacritics, for queries typed without å, ä and ö.
//!
//! The analyzers keep å, ä and ö distinct (they are letters of their own in
//! Swedish: "får" and "far" are different words). A user on a foreign
//! keyboard types "hemgangsteamet" or "arbetssatt", though, so the search side
//! can fall back to comparing folded terms: [`fold`] maps å, ä → a, ö → o,
//! é → e, ü → u and so on, by removing combining marks after canonical
//! decomposition, plus the few letters that do not decompose (ø, æ, ß).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// `term` with its diacritics removed: "hemgångsteamet" → "hemgangsteamet".
pub fn fold(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    fold_into(term, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first).
pub fn fold_into(term: &str, out: &mut String) {
    out.clear();
    if term.is_ascii() {
        out.push_str(term);
        return;
    }
    for c in term.chars() {
        match c {
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii() => out.push(c),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    fn check(input: &str, expected: &str) {
        assert_eq!(fold(input), expected);
    }

    #[test]
    fn swedish_letters_fold() {
        check("hemgångsteamet", "hemgangsteamet");
        check("arbetssätt", "arbetssatt");
        check("Åsa Öberg", "Asa Oberg");
        check("idé", "ide");
        check("a\u{30a}", "a");
        check("plain", "plain");
    }
}
