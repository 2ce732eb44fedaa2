//! Full indexing throughput: synthetic minutes text through the parser, the
//! Swedish analysis and tantivy into a fresh index on disk, one commit.
//! Measured in MB/s of text; items/s is the corpus's item count (printed on
//! stderr) over the same time. The same pipeline with tantivy's stock
//! Snowball chain runs in the same group, for the ratio.
//!
//! `PROTOKOLL_BENCH_INDEX_ITEMS` sets the size (default 10,000 items).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod support;

use support::Chain;

fn index(c: &mut Criterion) {
    let corpus = support::corpus(support::size("PROTOKOLL_BENCH_INDEX_ITEMS", 10_000, 100));
    let expected = support::parsed_items(&corpus);
    assert!(
        expected > 0,
        "the parser found no items in the synthetic corpus"
    );
    let mut group = c.benchmark_group("index");
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.sample_size(10);
    for (name, chain) in [
        ("ours", Chain::Ours),
        ("stock_snowball", Chain::StockSnowball),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("temp dir"),
                |dir| {
                    let items = support::index_corpus(dir.path(), &corpus, chain);
                    assert_eq!(items, expected);
                    dir // dropped (deleted) outside the timed part
                },
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, index);
criterion_main!(benches);
