//! Swedish text analysis: text in, search tokens out.
//!
//! (Being written: see issue 3. For now a plain tokenize, lowercase, stem chain.)

use serde::Serialize;
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream, TokenizerManager,
};

/// The name under which the index-side analyzer is registered with tantivy.
pub const INDEX_TOKENIZER: &str = "sv_index";
/// The name under which the query-side analyzer is registered with tantivy.
pub const QUERY_TOKENIZER: &str = "sv_query";

/// The analyzer applied to text as it is indexed.
pub fn index_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

/// The analyzer applied to query text.
pub fn query_analyzer() -> TextAnalyzer {
    index_analyzer()
}

/// Registers both analyzers under [`INDEX_TOKENIZER`] and [`QUERY_TOKENIZER`].
pub fn register(manager: &TokenizerManager) {
    manager.register(INDEX_TOKENIZER, index_analyzer());
    manager.register(QUERY_TOKENIZER, query_analyzer());
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
}

/// Runs the analyzer of `side` over `text` and collects its tokens.
pub fn analyze(text: &str, side: Side) -> Vec<AnalyzedToken> {
    let mut analyzer = match side {
        Side::Index => index_analyzer(),
        Side::Query => query_analyzer(),
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
