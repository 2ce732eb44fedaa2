//! `protokoll index [--index DIR] [--prune] PATH...`: add every minutes file
//! under the paths to the index, skipping files it already holds unchanged.

use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};
use protokoll::index::{index_paths, Archive, IndexOptions, Progress};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub index: super::IndexLocation,
    /// Also remove indexed files that are gone, or no longer under the given folders
    #[arg(long)]
    pub prune: bool,
    /// Commit after this many changed files (a killed run loses at most one batch)
    #[arg(long, value_name = "N", default_value_t = 4096)]
    pub batch_size: usize,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
    /// Files or folders of minutes (.txt, .md), searched recursively
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let archive = Archive::open_or_create(&args.index.dir)?;
    let opts = IndexOptions {
        prune: args.prune,
        batch_size: args.batch_size,
        ..IndexOptions::default()
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {binary_bytes} ({binary_bytes_per_sec})  {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let mut on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.files_total as u64);
            bar.set_position(p.files_done as u64);
            if let Some(name) = p.path.file_name() {
                bar.set_message(name.to_string_lossy().into_owned());
            }
        }
    };
    let report = quiet_panics(|| index_paths(&archive, &args.paths, &opts, &mut on_progress))?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }

    for (path, reason) in &report.failures {
        eprintln!("protokoll: skipped {}: {reason}", path.display());
    }
    if args.json {
        crate::output::print_json(&report)?;
    } else {
        let secs = report.elapsed.as_secs_f64();
        let mb = report.bytes as f64 / 1_000_000.0;
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{} files: {} indexed, {} unchanged, {} removed, {} skipped",
            report.files_seen,
            report.files_indexed,
            report.files_unchanged,
            report.files_removed,
            report.failures.len()
        )?;
        writeln!(
            out,
            "{} items, {} decisions, {mb:.1} MB in {secs:.2} s ({:.1} MB/s) into {}",
            report.items,
            report.decisions,
            if secs > 0.0 { mb / secs } else { 0.0 },
            archive.dir().display()
        )?;
    }
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs `f` with a panic hook that only remembers the message. A bug in the
/// minutes parser costs one file: the library catches the panic and names
/// the file with the panic's message as its reason, so the default hook's
/// report in the middle of the run would only be noise. A panic that is not
/// caught still gets its message, then unwinds as before.
fn quiet_panics<T>(f: impl FnOnce() -> T) -> T {
    static LAST: Mutex<Option<String>> = Mutex::new(None);
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST.lock() {
            *last = Some(info.to_string());
        }
    }));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(default_hook);
    match result {
        Ok(value) => value,
        Err(payload) => {
            if let Some(message) = LAST.lock().ok().and_then(|mut last| last.take()) {
                eprintln!("protokoll: {message}");
            }
            std::panic::resume_unwind(payload)
        }
    }
}
