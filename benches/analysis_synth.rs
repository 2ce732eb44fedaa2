//! Analysis throughput (MB/s) on the item text of a synthetic corpus (the
//! seeds alone are in `benches/analysis.rs`): our Swedish chain against
//! tantivy's stock Snowball chain, on the same text in the same run, so the ratio holds even
//! on a noisy machine. `PROTOKOLL_BENCH_ANALYSIS_ITEMS` sets the size
//! (default 10,000 items of item text).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

mod support;

fn count_tokens(analyzer: &mut TextAnalyzer, texts: &[String]) -> u64 {
    let mut n = 0;
    for text in texts {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            n += 1;
        }
    }
    n
}

fn analysis(c: &mut Criterion) {
    let corpus = support::corpus(support::size("PROTOKOLL_BENCH_ANALYSIS_ITEMS", 10_000, 50));
    // The text fields an index analyses: item titles and bodies.
    let texts: Vec<String> = corpus
        .meetings
        .iter()
        .flat_map(|m| m.meeting.items.iter())
        .flat_map(|i| [i.title.clone(), i.text.clone()])
        .collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut group = c.benchmark_group("analysis_synth");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    let chains: [(&str, TextAnalyzer); 2] = [
        ("ours", protokoll::analysis::index_analyzer()),
        ("stock_snowball", support::stock_analyzer()),
    ];
    for (name, mut analyzer) in chains {
        let expected = count_tokens(&mut analyzer, &texts);
        assert!(expected > 0);
        group.bench_function(name, |b| {
            b.iter(|| {
                let n = count_tokens(&mut analyzer, &texts);
                assert_eq!(n, expected);
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
