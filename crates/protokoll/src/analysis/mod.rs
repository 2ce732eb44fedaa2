//! Swedish text analysis: text in, search tokens out.
//!
//! The standard Swedish chain (tokenize, lowercase, Snowball stemmer) misses
//! much of what a Swedish reader takes for the same word: definite forms
//! ("protokollet"), derivations ("rekrytering"/"rekrytera"), compound parts
//! ("team" in "vaccinationsteamet"), suspended hyphens ("barn- och
//! ungdomshälsa"), and numbers written with spaces ("5 162 844"). This module
//! builds the analyzer that gets them right, as a tantivy [`TextAnalyzer`].
//!
//! # The pipeline, in order
//!
//! 1. [`SwedishTokenizer`] (`tokenizer.rs`): UAX #29 word segmentation, NFC,
//!    lowercase; joins digit groups ("5 162 844" → "5162844"), keeps hyphen
//!    and slash groups whole ("covid-19", "hab/rehab") and marks suspended
//!    forms ("missbruks-").
//! 2. [`SwedishStemmer`] (`swedish_stemmer.rs`): strips inflections and the
//!    `-era`/`-ering`/`-ning` derivations, guided by the corpus lexicon
//!    (`lexicon.rs`, `data/lexicon.tsv`) so that an ending is only removed
//!    when the word has other attested forms.
//! 3. [`SuspendedHyphen`] (`suspended_hyphen.rs`): completes "missbruks- och
//!    beroendemottagning" with "missbruksmottagning".
//! 4. [`CompoundSplitter`] (`compound_splitter.rs`): adds the parts of
//!    compounds (Koehn & Knight on corpus frequencies) and of hyphen groups.
//!
//! The query side runs the very same chain ([`query_analyzer`]), so a query
//! word and an indexed word meet exactly when their analyses share a term.
//!
//! A third chain, [`folded_analyzer`], inserts [`SwedishFold`] (`fold.rs`)
//! after the tokenizer: å, ä → a, ö → o before stemming. Index a second field
//! with it and query that field with it too, as the "typed without å/ä/ö"
//! fallback: "hemgangsteamet" and "hemgångsteamet" both analyze to the same
//! folded terms there, while the main field keeps "får" and "far" apart.
//! [`fold`] and [`is_stop_word`] are helpers for the search side.
//!
//! # The token convention
//!
//! The search side relies on this:
//!
//! - Tokens come in position order; positions never decrease. One position
//!   is one word of the input (a joined number or a hyphen group is one word).
//! - At each position the **first token is the whole word**, normalized and
//!   stemmed ("protokollet" → "protokoll", "IT-attacken" → "itattack",
//!   "hab/rehab" → "hab/rehab", "missbruks-" → "missbruk").
//! - Any **further tokens at the same position are alternatives** derived from
//!   it, in this order: a suspended-hyphen completion ("missbruksmottagn" at
//!   the position of "missbruks-"), then compound parts, stemmed, in the order
//!   they are written ("hemsjukvård" → "hem", "sjukvård"; "vaccinationsteamet"
//!   → "vaccination", "team"), or the segments of a hyphen or slash group
//!   ("covid", "19"; "hab", "rehab"). A text never repeats at one position.
//! - Numbers: digit groups separated by single spaces are **replaced** by one
//!   token of the joined digits ("1 760 585" → "1760585"; a decimal comma
//!   stays: "6 250,5" → "6250,5", "6,4" → "6,4"), so the query "1760585" and
//!   the query "5 162 844 kr" both find the written number.
//! - Offsets are byte offsets into the input, on char boundaries, covering the
//!   original word (for an alternative: the word it came from).
//!
//! Nothing is removed for being common: stop words stay (phrase queries and
//! positions need them); [`is_stop_word`] lets the search side decide.

mod compound_splitter;
mod fold;
mod lexicon;
mod suspended_hyphen;
mod swedish_stemmer;
mod tokenizer;

use serde::Serialize;
use tantivy::tokenizer::{TextAnalyzer, TokenStream, TokenizerManager};

pub use compound_splitter::CompoundSplitter;
pub use fold::{fold, fold_into, SwedishFold};
pub use suspended_hyphen::SuspendedHyphen;
pub use swedish_stemmer::SwedishStemmer;
pub use tokenizer::SwedishTokenizer;

/// The name under which the index-side analyzer is registered with tantivy.
pub const INDEX_TOKENIZER: &str = "sv_index";
/// The name under which the query-side analyzer is registered with tantivy.
pub const QUERY_TOKENIZER: &str = "sv_query";
/// The name under which the folded analyzer (both sides of the å/ä/ö
/// fallback field) is registered with tantivy.
pub const FOLDED_TOKENIZER: &str = "sv_folded";

/// The analyzer applied to text as it is indexed.
pub fn index_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SwedishTokenizer::default())
        .filter(SwedishStemmer)
        .filter(SuspendedHyphen)
        .filter(CompoundSplitter)
        .build()
}

/// The analyzer applied to query text: the same chain as the index side, so
/// that query words are normalized, stemmed and split exactly like the text
/// they should find ("Ensamhets strategi" in the minutes, the query
/// "ensamhetsstrategi": the query's parts "ensamhet", "strategi" are the
/// indexed words).
pub fn query_analyzer() -> TextAnalyzer {
    index_analyzer()
}

/// The analyzer for the diacritic-folded fallback field, on both the index
/// and the query side: the main chain with å, ä, ö (and é, ü, ...) folded
/// away before stemming.
pub fn folded_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SwedishTokenizer::default())
        .filter(SwedishFold)
        .filter(SwedishStemmer)
        .filter(SuspendedHyphen)
        .filter(CompoundSplitter)
        .build()
}

/// Registers the analyzers under [`INDEX_TOKENIZER`], [`QUERY_TOKENIZER`]
/// and [`FOLDED_TOKENIZER`].
pub fn register(manager: &TokenizerManager) {
    manager.register(INDEX_TOKENIZER, index_analyzer());
    manager.register(QUERY_TOKENIZER, query_analyzer());
    manager.register(FOLDED_TOKENIZER, folded_analyzer());
}

/// One token as `protokoll analyze` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnalyzedToken {
    pub text: String,
    pub position: usize,
    /// Byte offset of the token's start in the input.
    pub from: usize,
    /// Byte offset of the token's end in the input.
    pub to: usize,
}

/// Which side of the analysis to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    Index,
    Query,
    /// The diacritic-folded chain ([`folded_analyzer`]).
    Folded,
}

/// Runs the analyzer of `side` over `text` and collects its tokens.
pub fn analyze(text: &str, side: Side) -> Vec<AnalyzedToken> {
    let mut analyzer = match side {
        Side::Index => index_analyzer(),
        Side::Query => query_analyzer(),
        Side::Folded => folded_analyzer(),
    };
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push(AnalyzedToken {
            text: t.text.clone(),
            position: t.position,
            from: t.offset_from,
            to: t.offset_to,
        });
    }
    out
}

/// The stem of one word, as the analyzers stem it ("protokollet" →
/// "protokoll", "Rekrytering" → "rekryter"). The word is put in NFC and
/// lowercased first.
pub fn stem(word: &str) -> String {
    let mut normalized = String::new();
    tokenizer::normalize_into(word, &mut normalized);
    let mut out = String::new();
    swedish_stemmer::stem_into(&normalized, &lexicon::LEXICON, &mut out);
    out
}

/// How often words with this stem occur in the lexicon's corpus (0 when
/// unknown). The search side can use it to tell a rare or misspelt term
/// (a candidate for the typo-tolerant fallback) from a common one.
pub fn stem_frequency(stem: &str) -> u32 {
    lexicon::LEXICON.stem(stem)
}

/// Whether `term` (lowercase, unstemmed or stemmed) is a Swedish function
/// word that carries little meaning on its own ("och", "att", "för").
pub fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.binary_search(&term).is_ok()
}

/// Snowball's Swedish stop words, sorted.
const STOP_WORDS: &[&str] = &[
    "alla", "allt", "att", "av", "blev", "bli", "blir", "blivit", "de", "dem", "den", "denna",
    "deras", "dess", "dessa", "det", "detta", "dig", "din", "dina", "ditt", "du", "där", "då",
    "efter", "ej", "eller", "en", "er", "era", "ert", "ett", "från", "för", "ha", "hade", "han",
    "hans", "har", "henne", "hennes", "hon", "honom", "hur", "här", "i", "icke", "ingen", "inom",
    "inte", "jag", "ju", "kan", "kunde", "man", "med", "mellan", "men", "mig", "min", "mina",
    "mitt", "mot", "mycket", "ni", "nu", "när", "någon", "något", "några", "och", "om", "oss",
    "på", "samma", "sedan", "sig", "sin", "sina", "sitta", "själv", "skulle", "som", "så", "sådan",
    "sådana", "sådant", "till", "under", "upp", "ut", "utan", "vad", "var", "vara", "varför",
    "varit", "varje", "vars", "vart", "vem", "vi", "vid", "vilka", "vilkas", "vilken", "vilket",
    "vår", "våra", "vårt", "än", "är", "åt", "över",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Each position's tokens, "first|alt|alt", space-separated.
    fn check(input: &str, expected: &str) {
        let tokens = analyze(input, Side::Index);
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut last = usize::MAX;
        for t in &tokens {
            if t.position != last {
                groups.push(Vec::new());
                last = t.position;
            }
            groups.last_mut().unwrap().push(t.text.clone());
        }
        let got: Vec<String> = groups.iter().map(|g| g.join("|")).collect();
        assert_eq!(got.join(" "), expected, "{input}");
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("och"));
        assert!(!is_stop_word("beslut"));
    }

    #[test]
    fn pipeline() {
        check("Protokollet justeras", "protokoll juster");
        check(
            "missbruks- och beroendemottagning",
            "missbruk|missbruksmottag|mottag och beroendemottag|beroend|mottag",
        );
        check("5 162 844 kr", "5162844 kr");
        check("Covid-19", "covid19|covid|19");
        check("Läns-gemensam", "länsgemensam|län|gemensam");
        check("hab/rehab", "hab/rehab|hab|rehab");
    }
}

#[cfg(test)]
mod debug {
    /// `DEBUG_WORDS="a b c" cargo test -p protokoll --lib debug -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn show() {
        let words = std::env::var("DEBUG_WORDS").unwrap_or_default();
        for w in words.split(',') {
            let toks = super::analyze(w, super::Side::Index);
            let s: Vec<String> = toks
                .iter()
                .map(|t| format!("{}@{}", t.text, t.position))
                .collect();
            let f: Vec<String> = toks
                .iter()
                .map(|t| format!("{}={}", t.text, super::stem_frequency(&t.text)))
                .collect();
            eprintln!("{w:30} {}   [{}]", s.join(" "), f.join(" "));
        }
    }
}
