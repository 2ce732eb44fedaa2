//! Folding away diacritics, for queries typed without å, ä and ö.
//!
//! The analyzers keep å, ä and ö distinct (they are letters of their own in
//! Swedish: "får" and "far" are different words). A user on a foreign
//! keyboard types "hemgangsteamet" or "arbetssatt", though, so the search side
//! can fall back to comparing folded terms: [`fold`] maps å, ä → a, ö → o,
//! é → e, ü → u and so on, by removing combining marks after canonical
//! decomposition, plus the few letters that do not decompose (ø, æ, ß).

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Token filter that folds each token with [`fold`]. In the folded analyzer
/// it runs before the stemmer, so that a word typed without å, ä, ö and the
/// correctly spelt word go through the stemmer as the same letters and come
/// out as the same term.
#[derive(Clone, Copy, Debug, Default)]
pub struct SwedishFold;

impl TokenFilter for SwedishFold {
    type Tokenizer<T: Tokenizer> = SwedishFoldFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SwedishFoldFilter<T> {
        SwedishFoldFilter {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct SwedishFoldFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for SwedishFoldFilter<T> {
    type TokenStream<'a> = SwedishFoldStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SwedishFoldStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

pub struct SwedishFoldStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for SwedishFoldStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !token.text.is_ascii() {
            fold_into(&token.text, self.buffer);
            mem::swap(&mut token.text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

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
