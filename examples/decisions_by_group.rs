//! # The decisions of one group in a date range
//!
//! You will learn how to open an existing index and list documents by
//! filters alone: an empty query text with `body`, `from`, `to` and
//! `decisions_only` lists every matching decision, oldest first.
//!
//! ```text
//! protokoll index testdata/minutes
//! cargo run --example decisions_by_group -- Ledningsgrupp 2020-01-01 2020-12-31
//! ```
//! The index is read from `$PROTOKOLL_INDEX`, else `./protokoll-index`.

use std::path::PathBuf;

use protokoll::index::Archive;
use protokoll::search::Query;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [group, from, to] = args.as_slice() else {
        return Err("usage: decisions_by_group GROUP FROM TO (dates as YYYY-MM-DD)".into());
    };
    let dir = std::env::var_os("PROTOKOLL_INDEX")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("protokoll-index"));

    // # Open the index that `protokoll index` built.
    let archive = Archive::open(&dir)?;

    // # Filters only: no words to rank by, so hits come in date order.
    let query = Query::new("")
        .body(group.as_str())
        .from(from.as_str())
        .to(to.as_str())
        .decisions_only(true)
        .snippets(false)
        .limit(10_000);
    let results = archive.search(&query)?;

    // # Print one line per decision, with the item it was taken under.
    for hit in &results.hits {
        let Some(decision) = &hit.decision else {
            continue;
        };
        println!(
            "{}  {:<9}  {}: {}",
            hit.meeting.date.as_deref().unwrap_or("-"),
            decision.outcome.as_str(),
            hit.item.title,
            decision.text
        );
    }
    println!("{} decisions", results.total);
    Ok(())
}
