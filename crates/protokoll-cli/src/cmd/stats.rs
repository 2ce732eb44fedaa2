//! `protokoll stats [--json]`: what the index holds now.

use std::io::Write;
use std::process::ExitCode;

use protokoll::index::Archive;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub index: super::IndexLocation,
    /// Print the counts as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stats = Archive::open(&args.index.dir)?.stats()?;
    if args.json {
        crate::output::print_json(&stats)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "meetings:  {}", stats.meetings)?;
    writeln!(out, "items:     {}", stats.items)?;
    writeln!(out, "decisions: {}", stats.decisions)?;
    let or_dash = |d: &Option<String>| d.clone().unwrap_or_else(|| "-".to_string());
    writeln!(
        out,
        "dates:     {} to {}",
        or_dash(&stats.first_date),
        or_dash(&stats.last_date)
    )?;
    writeln!(
        out,
        "index:     {:.1} MB in {} segments",
        stats.index_bytes as f64 / 1_000_000.0,
        stats.segments
    )?;
    writeln!(out, "groups:    {}", stats.bodies.len())?;
    for b in &stats.bodies {
        writeln!(out, "  {:>4}  {}", b.meetings, b.body)?;
    }
    Ok(ExitCode::SUCCESS)
}
