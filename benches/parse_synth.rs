//! Parser throughput (MB/s of minutes text) on a synthetic corpus in the four
//! seed layouts (`benches/parse.rs` measures the seeds and fixtures). `PROTOKOLL_BENCH_PARSE_ITEMS` sets the size (default 10,000).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod support;

fn parse(c: &mut Criterion) {
    let corpus = support::corpus(support::size("PROTOKOLL_BENCH_PARSE_ITEMS", 10_000, 50));
    let expected = support::parsed_items(&corpus);
    assert!(
        expected > 0,
        "the parser found no items in the synthetic corpus"
    );
    let mut group = c.benchmark_group("parse_synth");
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.sample_size(10);
    group.bench_function("synthetic", |b| {
        b.iter(|| {
            let items = support::parsed_items(&corpus);
            assert_eq!(items, expected);
            items
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
