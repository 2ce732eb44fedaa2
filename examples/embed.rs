//! # Embedding protokoll in your own program
//!
//! You will learn how to create an index, fill it with the minutes files of
//! a folder, and search it with a typed query. The index lives in a
//! temporary directory, so running this leaves nothing behind.
//!
//! ```text
//! cargo run --example embed -- testdata/minutes "psykisk hälsa"
//! ```

use std::path::PathBuf;

use protokoll::index::{index_paths, Archive, IndexOptions};
use protokoll::search::Query;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().unwrap_or_else(|| "testdata/minutes".into()));
    let words = args.next().unwrap_or_else(|| "psykisk hälsa".into());

    // # Open (or create) an index: a directory on disk.
    let dir = tempfile::tempdir()?;
    let archive = Archive::open_or_create(dir.path())?;

    // # Index a folder. A bad file is reported and skipped, never fatal.
    let report = index_paths(&archive, &[folder], &IndexOptions::default(), &mut |_| {})?;
    println!(
        "{} files: {} items, {} decisions",
        report.files_indexed, report.items, report.decisions
    );
    for (path, reason) in &report.failures {
        eprintln!("skipped {}: {reason}", path.display());
    }

    // # Search. Filters and paging are builder methods on `Query`.
    let results = archive.search(&Query::new(words).limit(5))?;
    println!("{} hits for {:?}", results.total, results.query);
    for hit in &results.hits {
        let date = hit.meeting.date.as_deref().unwrap_or("-");
        println!(
            "{date}  {}#{}  {}",
            hit.source, hit.item.ordinal, hit.item.title
        );
        println!("            {}", hit.snippet.text);
    }
    Ok(())
}
