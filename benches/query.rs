//! Query latency by class on a synthetic archive of 100,000 items, with and
//! without snippets for the top 10.
//!
//! The classes and queries are the bundled set of `protokoll bench`
//! (`testdata/bench_queries.txt`): common word, rare word, two words, phrase,
//! prefix, date-filtered, decisions only. One iteration runs every query of a
//! class once, so criterion's throughput line reads in queries per second;
//! each iteration checks the total of hits against the first run's, so an
//! index or query that silently matches nothing cannot look fast.
//!
//! The index is built once and kept in the target directory
//! (`target/tmp/protokoll-bench/query-<items>-<seed>`), since building 100k
//! items takes longer than the benchmark itself; it is rebuilt when the bench
//! binary changes (a new build of the library) or when deleted.
//! `PROTOKOLL_BENCH_QUERY_ITEMS` sets the size.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use protokoll::index::Archive;
use protokoll::search::Query;

mod support;

const QUERIES: &str = include_str!("../testdata/bench_queries.txt");

/// `CLASS<TAB>QUERY[<TAB>FLAGS]` lines, as `protokoll bench` reads them.
fn query_set(limit: usize, snippets: bool) -> Vec<(String, Query)> {
    let mut out = Vec::new();
    for line in QUERIES.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let (class, text) = (parts.next().unwrap(), parts.next().unwrap());
        let mut q = Query::new(text).limit(limit).snippets(snippets);
        for flag in parts.next().unwrap_or("").split_whitespace() {
            q = match flag.split_once('=') {
                Some(("from", v)) => q.from(v),
                Some(("to", v)) => q.to(v),
                Some(("outcome", v)) => q.outcome(v.parse().unwrap()),
                Some(("body", v)) => q.body(v.replace('_', " ")),
                None if flag == "decisions" => q.decisions_only(true),
                _ => panic!("unknown flag {flag} in bench_queries.txt"),
            };
        }
        out.push((class.to_string(), q));
    }
    out
}

fn archive(items: u64) -> (Archive, Option<tempfile::TempDir>) {
    if !support::benchmarking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = support::corpus(items);
        support::index_corpus(dir.path(), &corpus, support::Chain::Ours);
        return (Archive::open(dir.path()).expect("open"), Some(dir));
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("protokoll-bench")
        .join(format!("query-{items}-{}", support::SEED));
    // The cache is only valid for the code that built it: the bench binary
    // is relinked whenever the library changes, so its modification time
    // stamps the index.
    let stamp = std::env::current_exe()
        .and_then(|exe| exe.metadata())
        .and_then(|m| m.modified())
        .map(|t| format!("{t:?}"))
        .unwrap_or_default();
    let stamp_file = dir.join("built-by");
    let ready = std::fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp)
        && Archive::open(&dir)
            .ok()
            .and_then(|a| a.stats().ok())
            .is_some_and(|s| s.items > 0);
    if !ready {
        let _ = std::fs::remove_dir_all(&dir);
        let corpus = support::corpus(items);
        let start = std::time::Instant::now();
        let n = support::index_corpus(&dir, &corpus, support::Chain::Ours);
        eprintln!(
            "indexed {n} items in {:.1} s into {}",
            start.elapsed().as_secs_f64(),
            dir.display()
        );
        std::fs::write(&stamp_file, &stamp).expect("write the cache stamp");
    }
    (Archive::open(&dir).expect("open"), None)
}

fn queries(c: &mut Criterion) {
    let items = support::size("PROTOKOLL_BENCH_QUERY_ITEMS", 100_000, 300);
    let (archive, _keep) = archive(items);
    for snippets in [false, true] {
        let set = query_set(10, snippets);
        let mut classes: Vec<&str> = set.iter().map(|(c, _)| c.as_str()).collect();
        classes.dedup();
        let name = if snippets { "query_snippets" } else { "query" };
        let mut group = c.benchmark_group(name);
        group.sample_size(20);
        for class in classes {
            let qs: Vec<&Query> = set
                .iter()
                .filter(|(c, _)| c == class)
                .map(|(_, q)| q)
                .collect();
            let run = || -> u64 {
                qs.iter()
                    .map(|q| archive.search(q).expect("search").total as u64)
                    .sum()
            };
            let expected = run();
            // On a full-size archive every class must match something; a
            // tiny test corpus may lack the rare words.
            assert!(
                expected > 0 || !support::benchmarking(),
                "{name}/{class}: no hits at all"
            );
            group.throughput(Throughput::Elements(qs.len() as u64));
            group.bench_function(class, |b| {
                b.iter(|| {
                    let hits = run();
                    assert_eq!(hits, expected);
                    hits
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, queries);
criterion_main!(benches);
