//! Parser throughput in MB/s over the seed minutes and the layout fixtures.
//!
//! The texts are decoded once, outside the timed loop; each iteration parses
//! all of them and checks the item count, so a parser that silently stopped
//! finding items could not look fast.
//!
//! Run with `cargo bench -p protokoll --bench parse`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Every `.txt` and `.md` file in the given testdata folders, decoded.
fn corpus(dirs: &[&str]) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut docs = Vec::new();
    for dir in dirs {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("testdata folder exists")
            .map(|e| e.expect("readable entry").path())
            .filter(|p| protokoll::input::is_minutes_file(p))
            .collect();
        paths.sort();
        for path in paths {
            let text = protokoll::input::read_text(&path).expect("fixture is text");
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            docs.push((name, text));
        }
    }
    docs
}

fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (label, dirs) in [
        ("seeds", &["minutes"][..]),
        ("seeds+fixtures", &["minutes", "fixtures"][..]),
    ] {
        let docs = corpus(dirs);
        let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
        let expected: usize = docs
            .iter()
            .map(|(n, t)| protokoll::parse::parse(t, n).meeting.items.len())
            .sum();
        assert!(expected > 0, "the corpus must have items");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let items: usize = docs
                    .iter()
                    .map(|(n, t)| protokoll::parse::parse(t, n).meeting.items.len())
                    .sum();
                assert_eq!(items, expected);
                items
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
