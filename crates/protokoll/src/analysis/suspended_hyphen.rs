//! Suspended hyphens: "missbruks- och beroendemottagning" means
//! missbruksmottagning and beroendemottagning.
//!
//! The tokenizer marks a word that ends in a hyphen ("missbruks-"). This
//! filter reads ahead past further marked words and conjunctions ("och",
//! "eller", "samt", "respektive") to the word that completes them, takes that
//! word's head (the last part of its compound split: "mottagning" in
//! "beroendemottagning"), and emits, at the position of each marked word:
//!
//! 1. the marked word as a first part, linking morpheme removed and stemmed
//!    ("missbruks-" → "missbruk", "hälso-" → "häls"), then
//! 2. the completed compound, stemmed ("missbruksmottagning" →
//!    "missbruksmottagn"), exactly as the written-out word would stem.
//!
//! The filter runs after the stemmer, so the completing word arrives as a
//! stem; a compound stems like its head, so joining the written first part
//! to the head's stem gives the stem of the joined word.

use std::collections::VecDeque;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::compound_splitter::{left_part, split};
use super::lexicon::{Lexicon, LEXICON};
use super::swedish_stemmer::{nchars, stem_into};

/// Token filter that completes suspended compounds.
#[derive(Clone, Copy, Debug, Default)]
pub struct SuspendedHyphen;

impl TokenFilter for SuspendedHyphen {
    type Tokenizer<T: Tokenizer> = SuspendedHyphenFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SuspendedHyphenFilter<T> {
        SuspendedHyphenFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct SuspendedHyphenFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for SuspendedHyphenFilter<T> {
    type TokenStream<'a> = SuspendedHyphenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SuspendedHyphenStream {
            tail: self.inner.token_stream(text),
            pending: VecDeque::new(),
            current: Token::default(),
            from_pending: false,
        }
    }
}

pub struct SuspendedHyphenStream<T> {
    tail: T,
    pending: VecDeque<Token>,
    current: Token,
    from_pending: bool,
}

/// A list longer than this ("a-, b-, c-, … och d") is not read ahead further.
const MAX_LOOKAHEAD: usize = 12;

const CONJUNCTIONS: &[&str] = &["och", "eller", "samt", "respektive", "resp", "el"];

impl<T: TokenStream> TokenStream for SuspendedHyphenStream<T> {
    fn advance(&mut self) -> bool {
        if let Some(token) = self.pending.pop_front() {
            self.current = token;
            self.from_pending = true;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        if !is_suspended(&self.tail.token().text) {
            self.from_pending = false;
            return true;
        }
        // Read ahead to the completing word.
        let mut run = vec![self.tail.token().clone()];
        while run.len() < MAX_LOOKAHEAD && self.tail.advance() {
            let token = self.tail.token().clone();
            let more = is_suspended(&token.text) || CONJUNCTIONS.contains(&token.text.as_str());
            run.push(token);
            if !more {
                break;
            }
        }
        let head = run
            .last()
            .filter(|t| !is_suspended(&t.text) && !CONJUNCTIONS.contains(&t.text.as_str()))
            .and_then(|t| head_of(&t.text, &LEXICON));
        for token in run {
            if !is_suspended(&token.text) {
                self.pending.push_back(token);
                continue;
            }
            let written = token.text.trim_end_matches('-').to_string();
            let mut first = token.clone();
            first.text = first_part(&written, &LEXICON);
            self.pending.push_back(first);
            if let Some(head) = &head {
                let mut joined = token;
                joined.text.clear();
                joined.text.push_str(&written);
                joined.text.push_str(head);
                self.pending.push_back(joined);
            }
        }
        match self.pending.pop_front() {
            Some(token) => {
                self.current = token;
                self.from_pending = true;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        if self.from_pending {
            &self.current
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.from_pending {
            &mut self.current
        } else {
            self.tail.token_mut()
        }
    }
}

fn is_suspended(text: &str) -> bool {
    text.len() > 1 && text.ends_with('-')
}

/// The stem of the head of a (stemmed) compound: "beroendemottagn" →
/// "mottagn". Where the splitter finds no split, the longest known stem at
/// the end with at least two letters before it will do: the hyphen already
/// says the word is a compound ("in- och utskrivning").
pub(crate) fn head_of(stem: &str, lex: &Lexicon) -> Option<String> {
    if let Some(s) = split(stem, lex) {
        return Some(stem[s.head_start..].to_string());
    }
    for (n, (i, _)) in stem.char_indices().enumerate() {
        if n < 2 {
            continue;
        }
        let tail = &stem[i..];
        if nchars(tail) < 3 {
            break;
        }
        if lex.stem(tail) >= 10 {
            return Some(tail.to_string());
        }
    }
    None
}

/// The suspended word as a part of its own: "missbruks" → "missbruk",
/// "hälso" → "häls", "barn" → "barn".
fn first_part(written: &str, lex: &Lexicon) -> String {
    if let Some((stem, _)) = left_part(written, lex) {
        return stem;
    }
    let mut out = String::new();
    stem_into(written, lex, &mut out);
    out
}
