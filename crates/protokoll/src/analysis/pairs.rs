//! Word pairs: a phrase that starts with a very common word, answered from
//! one posting list instead of two words' positions.
//!
//! A phrase query reads, in every document holding all its words, every
//! position of every word. When its first word is one of the most frequent
//! words of Swedish ("till handlingarna", "i uppdrag"), nearly every document
//! holding the second word holds the first too, several times: at 1M items,
//! "till handlingarna" read the positions of "till" in 350,000 documents and
//! took 38 ms where a rare word takes 1.
//!
//! So the index also keeps, for each phrase field that needs it, a field of
//! pairs: at each position whose word is one of [`PAIR_WORDS`], the word
//! joined by a space to each token at the next position (the whole word and
//! its alternatives, see the token convention in [`super`]). The pair
//! "till handling" occurs in a document exactly as often as the phrase
//! "till handling" does, so the search side can answer that phrase from the
//! pair's postings and its frequencies, with the phrase's own BM25 weight,
//! and get the same documents with the same scores.
//!
//! Only two words start pairs, because pairs cost index space and the
//! index must stay smaller than the text it holds (at 100k items it was
//! 95.1 MB for 97.7 MB of text). Pairs after the eight most frequent
//! prepositions and markers (att, av, för, i, med, om, på, till) took the
//! postings from 22.0 to 28.0 MB and the index to 101.5 MB; pairs after
//! "i" and "till" take them to 23.5 MB, the index to 96.6 MB (0.99×). Those
//! two are the second and the tenth most frequent words of the Riksdag
//! corpus and begin the phrases minutes are searched for most ("till
//! handlingarna", "i uppdrag", "till kommunfullmäktige", "i enlighet med").
//! Phrases that start with other words read positions as before.
//!
//! # Analysing the text once
//!
//! The pair field is indexed from the same text as its source field, and
//! analysing that text a second time would cost nearly as much again as
//! the analysis does now (28 % of indexing's instructions). The
//! source field's analyzer ([`PairTap`] at the end of the index chain)
//! therefore records, per thread, the pairs of each text it analyses, and
//! the pair field's tokenizer ([`WordPairs`]) takes them when it is handed
//! the same text. tantivy indexes a document's fields in field order on one
//! thread, and the pair fields come after their sources in the schema, so
//! the recorded pairs are there; when they are not (any other order, any
//! other caller), the pair tokenizer analyses the text itself. Either way
//! it emits the same pairs: correctness never depends on the order.

use std::cell::RefCell;
use std::collections::VecDeque;

use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// The words that start pairs, as the analyzer outputs them (see the
/// module documentation for why these two). Sorted.
pub const PAIR_WORDS: [&str; 2] = ["i", "till"];

/// Whether an analysed token starts pairs.
pub fn is_pair_word(token: &str) -> bool {
    pair_word(token).is_some()
}

fn pair_word(token: &str) -> Option<&'static str> {
    PAIR_WORDS.iter().copied().find(|w| *w == token)
}

/// The pair term of two analysed tokens: `first` must be a pair word.
pub fn pair_term(first: &str, second: &str) -> String {
    let mut s = String::with_capacity(first.len() + 1 + second.len());
    push_pair(&mut s, first, second);
    s
}

fn push_pair(out: &mut String, first: &str, second: &str) {
    out.push_str(first);
    out.push(' ');
    out.push_str(second);
}

/// Pairs of one text, one after another, each ended by a newline (no token
/// holds one: the tokenizer splits at white space).
type Pairs = String;

/// Turns a stream of analysed tokens into pairs: feed it every token in
/// order.
#[derive(Default)]
struct Pairing {
    /// The position of the tokens in `current`, if any yet.
    position: Option<usize>,
    /// The pair words at `position`.
    current: Vec<&'static str>,
    /// The pair words at `position - 1`.
    previous: Vec<&'static str>,
}

impl Pairing {
    fn push(&mut self, token: &Token, out: &mut Pairs) {
        if self.position != Some(token.position) {
            let adjacent = self.position.is_some_and(|p| p + 1 == token.position);
            std::mem::swap(&mut self.previous, &mut self.current);
            self.current.clear();
            if !adjacent {
                self.previous.clear();
            }
            self.position = Some(token.position);
        }
        for first in &self.previous {
            push_pair(out, first, &token.text);
            out.push('\n');
        }
        if let Some(w) = pair_word(&token.text) {
            self.current.push(w);
        }
    }
}

/// What [`PairTap`] recorded of one text.
struct Tapped {
    /// Which stream recorded it.
    id: u64,
    /// The chain that analysed it (see [`PairTap::new`]).
    chain: u64,
    text: String,
    pairs: Pairs,
    /// Whether the stream ran to its end (a partial record is never used).
    done: bool,
}

/// The most texts a thread keeps recorded: a document's values of the
/// source fields until its pair fields take them. Beyond that the oldest
/// go, and their pair fields analyse again.
const MAX_TAPPED: usize = 64;

/// The longest text recorded (a longer one, rare in minutes, is analysed
/// again by its pair field): it bounds the records at 4 MB a thread.
const MAX_TAPPED_BYTES: usize = 64 * 1024;

thread_local! {
    static TAPPED: RefCell<VecDeque<Tapped>> = const { RefCell::new(VecDeque::new()) };
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A filter that passes every token through and records the text's pairs
/// for [`WordPairs`]: the last filter of a pair field's source.
#[derive(Clone, Copy, Debug)]
pub struct PairTap {
    chain: u64,
}

impl PairTap {
    /// A tap at the end of the chain numbered `chain`: only a [`WordPairs`]
    /// over the same chain, given the same number, takes its records.
    pub fn new(chain: u64) -> PairTap {
        PairTap { chain }
    }
}

impl TokenFilter for PairTap {
    type Tokenizer<T: Tokenizer> = PairTapFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PairTapFilter<T> {
        PairTapFilter {
            inner: tokenizer,
            chain: self.chain,
        }
    }
}

#[derive(Clone)]
pub struct PairTapFilter<T> {
    inner: T,
    chain: u64,
}

impl<T: Tokenizer> Tokenizer for PairTapFilter<T> {
    type TokenStream<'a> = PairTapStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        let record = text.len() <= MAX_TAPPED_BYTES;
        if record {
            TAPPED.with(|t| {
                let mut t = t.borrow_mut();
                if t.len() == MAX_TAPPED {
                    t.pop_front();
                }
                t.push_back(Tapped {
                    id,
                    chain: self.chain,
                    text: text.to_string(),
                    pairs: Pairs::new(),
                    done: false,
                });
            });
        }
        PairTapStream {
            inner: self.inner.token_stream(text),
            pairing: Pairing::default(),
            pairs: Pairs::new(),
            id,
            // Nothing to hand over when nothing was recorded.
            recorded: !record,
        }
    }
}

pub struct PairTapStream<T> {
    inner: T,
    pairing: Pairing,
    pairs: Pairs,
    id: u64,
    /// Whether the end was reached and the pairs handed over.
    recorded: bool,
}

impl<T: TokenStream> TokenStream for PairTapStream<T> {
    fn advance(&mut self) -> bool {
        if self.inner.advance() {
            if !self.recorded {
                self.pairing.push(self.inner.token(), &mut self.pairs);
            }
            return true;
        }
        if !self.recorded {
            self.recorded = true;
            let pairs = std::mem::take(&mut self.pairs);
            let id = self.id;
            TAPPED.with(|t| {
                if let Some(rec) = t.borrow_mut().iter_mut().rev().find(|r| r.id == id) {
                    rec.pairs = pairs;
                    rec.done = true;
                }
            });
        }
        false
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

/// The pair field's tokenizer: the pairs of its text, as [`PairTap`]
/// recorded them or, failing that, from its own analysis.
#[derive(Clone)]
pub struct WordPairs {
    analyzer: TextAnalyzer,
    chain: u64,
}

impl WordPairs {
    /// Pairs of the tokens `analyzer` gives: the source field's chain, so
    /// that the pairs are those of the source field, numbered `chain` as
    /// the [`PairTap`] at its end is.
    pub fn new(analyzer: TextAnalyzer, chain: u64) -> WordPairs {
        WordPairs { analyzer, chain }
    }
}

impl Tokenizer for WordPairs {
    type TokenStream<'a> = PairStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream {
        let recorded = TAPPED.with(|t| {
            let mut t = t.borrow_mut();
            let chain = self.chain;
            let i = t
                .iter()
                .position(|r| r.done && r.chain == chain && r.text == text)?;
            t.remove(i).map(|r| r.pairs)
        });
        let pairs = recorded.unwrap_or_else(|| {
            let mut pairs = Pairs::new();
            let mut pairing = Pairing::default();
            let mut stream = self.analyzer.token_stream(text);
            while stream.advance() {
                pairing.push(stream.token(), &mut pairs);
            }
            pairs
        });
        PairStream {
            pairs,
            at: 0,
            // Its position is usize::MAX, so `advance` numbers the pairs
            // from 0.
            token: Token::default(),
        }
    }
}

pub struct PairStream {
    pairs: Pairs,
    /// Where the next pair starts in `pairs`.
    at: usize,
    token: Token,
}

impl TokenStream for PairStream {
    fn advance(&mut self) -> bool {
        let rest = &self.pairs[self.at..];
        let Some(end) = rest.find('\n') else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push_str(&rest[..end]);
        self.at += end + 1;
        // The field keeps no positions, but tantivy adds them up all the
        // same: the default (usize::MAX) overflows in a debug build.
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::index_analyzer;

    fn pairs_of(text: &str) -> Vec<String> {
        pairs_with(&mut WordPairs::new(index_analyzer(), 0), text)
    }

    #[test]
    fn a_pair_word_pairs_with_every_token_of_the_next_word() {
        assert_eq!(
            pairs_of("Informationen läggs till handlingarna."),
            ["till handl"]
        );
        assert_eq!(
            pairs_of("ger förvaltningen i uppdrag, till exempel en plan"),
            ["i uppdrag", "till exempl"]
        );
        // The whole word, then its compound parts.
        assert_eq!(
            pairs_of("läggs till handlingsplanen"),
            ["till handlingsplan", "till handl", "till plan"]
        );
        // Two pair words in a row pair with each other.
        assert_eq!(pairs_of("till i morgon"), ["till i", "i morgon"]);
    }

    /// Runs `analyzer` over `text` to its end, as tantivy does.
    fn run(analyzer: &mut TextAnalyzer, text: &str) {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {}
    }

    fn pairs_with(tokenizer: &mut WordPairs, text: &str) -> Vec<String> {
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn recorded_pairs_go_only_to_the_same_chain_and_only_once() {
        use crate::analysis::SwedishTokenizer;
        // A chain without the stemmer, numbered 7: its pairs are unstemmed,
        // so which pairs come out tells whether the record was used.
        let mut unstemmed = TextAnalyzer::builder(SwedishTokenizer::default())
            .filter(PairTap::new(7))
            .build();
        let text = "Informationen läggs till handlingarna.";
        run(&mut unstemmed, text);
        let mut ours = WordPairs::new(index_analyzer(), 0);
        assert_eq!(pairs_with(&mut ours, text), ["till handl"]);
        let mut sevens = WordPairs::new(index_analyzer(), 7);
        assert_eq!(pairs_with(&mut sevens, text), ["till handlingarna"]);
        // Taken: the next time the pair field analyses the text itself.
        assert_eq!(pairs_with(&mut sevens, text), ["till handl"]);
        // A stream left before its end records nothing usable.
        let mut stream = unstemmed.token_stream(text);
        assert!(stream.advance());
        drop(stream);
        assert_eq!(pairs_with(&mut sevens, text), ["till handl"]);
    }

    #[test]
    fn a_long_text_is_not_recorded() {
        use crate::analysis::SwedishTokenizer;
        let mut unstemmed = TextAnalyzer::builder(SwedishTokenizer::default())
            .filter(PairTap::new(8))
            .build();
        let text = "läggs till handlingarna ".repeat(MAX_TAPPED_BYTES / 20);
        assert!(text.len() > MAX_TAPPED_BYTES);
        run(&mut unstemmed, &text);
        let pairs = pairs_with(&mut WordPairs::new(index_analyzer(), 8), &text);
        assert_eq!(pairs.len(), MAX_TAPPED_BYTES / 20);
        assert!(pairs.iter().all(|p| p == "till handl"), "{:?}", &pairs[..3]);
        TAPPED.with(|t| assert!(t.borrow().iter().all(|r| r.chain != 8)));
    }

    #[test]
    fn no_pair_across_a_gap_or_a_value() {
        assert!(pairs_of("").is_empty());
        assert!(pairs_of("till").is_empty());
        assert!(pairs_of("beslut i").is_empty());
    }
}
