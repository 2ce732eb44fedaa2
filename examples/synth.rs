//! Writing a synthetic minutes corpus to disk.
//!
//! This example shows how to use [`protokoll::synth`] to build a corpus of any
//! size in the four layouts of the seed files, for benchmarking `protokoll
//! index` and `protokoll bench` on an archive larger than the one you have.
//!
//! ```text
//! cargo run --release --example synth -- --items 100000 --out /tmp/corpus-100k
//! cargo run --release --example synth -- --meetings 500 --seed 7 --out /tmp/small
//! cargo run --release --example synth -- --items 1000000 --pool /tmp/pool-full --out /tmp/c1m
//! ```
//!
//! Files go into sub-folders of 1,000 (`000/`, `001/`, ...) so no directory
//! grows unwieldy. The same flags always write the same bytes.

use std::io::Write;
use std::path::PathBuf;

use protokoll::synth::{Pool, Synth, SynthOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // --- Flags -------------------------------------------------------------
    let mut out: Option<PathBuf> = None;
    let (mut meetings, mut items, mut seed, mut pool_path) = (None, None, 42u64, None);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--meetings" => meetings = Some(value()?.parse::<u64>()?),
            "--items" => items = Some(value()?.parse::<u64>()?),
            "--seed" => seed = value()?.parse()?,
            "--pool" => pool_path = Some(PathBuf::from(value()?)),
            _ => return Err(format!("unknown flag {flag}: use --out DIR, --meetings N, --items N, --seed N, --pool DIR|FILE.jsonl").into()),
        }
    }
    let out = out.ok_or("--out DIR is required")?;

    // --- The text pool: bundled, a pool directory, or a plain .jsonl corpus --
    let owned;
    let pool = match pool_path {
        None => Pool::bundled(),
        Some(p) if p.is_dir() => {
            owned = Pool::from_dir(&p)?;
            &owned
        }
        Some(p) => {
            owned = Pool::from_jsonl(&p)?;
            &owned
        }
    };

    // --- Generate and write ------------------------------------------------
    let mut synth = Synth::new(pool, SynthOptions::seed(seed));
    synth = match (meetings, items) {
        (Some(m), _) => synth.meetings(m),
        (None, Some(i)) => synth.items(i),
        (None, None) => synth.meetings(100),
    };
    let (mut files, mut n_items, mut bytes) = (0u64, 0u64, 0u64);
    for m in synth {
        let dir = out.join(format!("{:03}", files / 1000));
        if files % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        std::fs::write(dir.join(&m.file_name), &m.text)?;
        files += 1;
        n_items += m.meeting.items.len() as u64;
        bytes += m.text.len() as u64;
    }
    writeln!(
        std::io::stderr(),
        "{files} meetings, {n_items} items, {:.1} MB of text in {}",
        bytes as f64 / 1e6,
        out.display()
    )?;
    Ok(())
}
