//! Analysis speed: our Swedish analyzer against tantivy's stock Snowball
//! chain (SimpleTokenizer + RemoveLongFilter + LowerCaser + Stemmer(Swedish)),
//! in the same run, over the text of the seed minutes. Criterion reports
//! MB/s for each; ours should stay at half the stock chain's speed or better.
//!
//! `cargo bench -p protokoll --bench analysis`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use protokoll::analysis::{index_analyzer, query_analyzer};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

const SEEDS: [&str; 5] = [
    include_str!("../testdata/minutes/000_67a42eaf90787138.txt"),
    include_str!("../testdata/minutes/001_073eddb9c8413486.txt"),
    include_str!("../testdata/minutes/002_d8d31b6384eb660f.txt"),
    include_str!("../testdata/minutes/003_96daaff200470e67.txt"),
    include_str!("../testdata/minutes/004_5b5c273a366711ff.txt"),
];

fn stock() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

/// Runs the analyzer over every seed and counts the tokens.
fn count(analyzer: &mut TextAnalyzer) -> usize {
    let mut n = 0;
    for text in SEEDS {
        let mut stream = analyzer.token_stream(black_box(text));
        while stream.advance() {
            n += black_box(stream.token()).text.len().min(1);
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    // The lexicon loads (and stems its 54k forms) on first use: report it once.
    let start = std::time::Instant::now();
    assert_eq!(protokoll::analysis::stem("protokollet"), "protokoll");
    eprintln!("lexicon loaded in {:?}", start.elapsed());
    let bytes: usize = SEEDS.iter().map(|s| s.len()).sum();
    // Token counts checked inside the loop, so a broken pipeline cannot look fast.
    let expected_stock = count(&mut stock());
    let expected_ours = count(&mut index_analyzer());
    assert!(
        expected_stock > 3_000,
        "stock chain: {expected_stock} tokens"
    );
    assert!(
        expected_ours >= expected_stock,
        "ours: {expected_ours} tokens"
    );

    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes as u64));
    let mut analyzer = stock();
    group.bench_function("stock_snowball", |b| {
        b.iter(|| assert_eq!(count(&mut analyzer), expected_stock))
    });
    let mut analyzer = index_analyzer();
    group.bench_function("swedish_index", |b| {
        b.iter(|| assert_eq!(count(&mut analyzer), expected_ours))
    });
    let mut analyzer = query_analyzer();
    group.bench_function("swedish_query", |b| {
        b.iter(|| assert_eq!(count(&mut analyzer), expected_ours))
    });
    // Without the per-analyzer caches' help: a fresh analyzer per pass, as
    // when every document met a new analyzer.
    group.bench_function("swedish_index_cold", |b| {
        b.iter(|| assert_eq!(count(&mut index_analyzer()), expected_ours))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
