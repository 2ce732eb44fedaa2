//! What the benchmarks share: corpus sizes, synthetic corpora, indexes.
//!
//! Every bench runs in two modes. `cargo bench` passes `--bench` and gets the
//! full sizes (10k items to index, 100k items to query, or what the
//! `PROTOKOLL_BENCH_*` variables say). `cargo test --workspace` runs each
//! bench binary once in criterion's test mode; it gets tiny corpora so the
//! benches cannot rot without slowing the test suite down.

#![allow(dead_code)] // each bench uses its own part of this module

use std::path::Path;

use protokoll::index::Archive;
use protokoll::synth::{Pool, Synth, SynthMeeting, SynthOptions};

/// The seed of every benchmark corpus, so figures can be compared across runs.
pub const SEED: u64 = 20_240_412;

/// Whether this is a real benchmark run (`cargo bench`), not a test run.
pub fn benchmarking() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

/// A size from the environment variable `var`, else `bench` when
/// benchmarking and `test` otherwise.
pub fn size(var: &str, bench: u64, test: u64) -> u64 {
    match std::env::var(var)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
    {
        Some(n) if benchmarking() => n,
        _ if benchmarking() => bench,
        _ => test,
    }
}

/// A synthetic corpus of exactly `items` agenda items.
pub struct Corpus {
    pub meetings: Vec<SynthMeeting>,
    pub items: u64,
    pub bytes: u64,
}

pub fn corpus(items: u64) -> Corpus {
    let meetings: Vec<SynthMeeting> = Synth::new(Pool::bundled(), SynthOptions::seed(SEED))
        .items(items)
        .collect();
    let bytes = meetings.iter().map(|m| m.text.len() as u64).sum();
    eprintln!(
        "corpus: {} meetings, {items} items, {:.1} MB of text (seed {SEED})",
        meetings.len(),
        bytes as f64 / 1e6
    );
    Corpus {
        meetings,
        items,
        bytes,
    }
}

/// Which analysis chain an index is built with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chain {
    /// `protokoll::analysis` as the library registers it.
    Ours,
    /// tantivy's stock chain: SimpleTokenizer, LowerCaser, Snowball Swedish.
    StockSnowball,
}

pub fn stock_analyzer() -> tantivy::tokenizer::TextAnalyzer {
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

/// The stock chain's number for the pair tap (ours is 0).
const STOCK_CHAIN: u64 = 1;

/// The stock chain for the fields with a pair field: the same tokens, their
/// pairs recorded for the pair field, as in ours.
fn stock_paired_analyzer() -> tantivy::tokenizer::TextAnalyzer {
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .filter(protokoll::analysis::PairTap::new(STOCK_CHAIN))
        .build()
}

/// Parses and indexes `corpus` into a new index in `dir`, the whole pipeline
/// a user runs: text, parser, analysis, tantivy, one commit. Returns the
/// number of items the index holds afterwards.
pub fn index_corpus(dir: &Path, corpus: &Corpus, chain: Chain) -> u64 {
    let archive = Archive::open_or_create(dir).expect("create index");
    if chain == Chain::StockSnowball {
        // Registered after opening, so they replace our analyzers for this
        // writer only; the schema names the tokenizers, not the chains.
        // Every text field gets the stock chain, the pair fields the pairs
        // of its tokens, recorded as ours are.
        use protokoll::analysis::{WordPairs, INDEX_TOKENIZER, PAIRED_TOKENIZER, PAIR_TOKENIZER};
        let tokenizers = archive.index().tokenizers();
        tokenizers.register(INDEX_TOKENIZER, stock_analyzer());
        tokenizers.register(PAIRED_TOKENIZER, stock_paired_analyzer());
        tokenizers.register(
            PAIR_TOKENIZER,
            WordPairs::new(stock_analyzer(), STOCK_CHAIN),
        );
    }
    let mut writer = archive.writer().expect("writer");
    for m in &corpus.meetings {
        let parsed = protokoll::parse::parse(&m.text, &m.file_name);
        let hash = blake3::hash(m.text.as_bytes()).to_hex();
        writer.add_meeting(&parsed.meeting, &hash).expect("add");
    }
    writer.commit().expect("commit");
    writer.finish().expect("finish");
    archive.stats().expect("stats").items
}

/// The number of items the parser finds in `corpus` (what an index of it
/// must hold).
pub fn parsed_items(corpus: &Corpus) -> u64 {
    corpus
        .meetings
        .iter()
        .map(|m| {
            protokoll::parse::parse(&m.text, &m.file_name)
                .meeting
                .items
                .len() as u64
        })
        .sum()
}
