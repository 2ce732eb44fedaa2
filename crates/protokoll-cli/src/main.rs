//! `protokoll`: index and search Swedish meeting minutes from the command line.
//!
//! The binary is glue: flags are parsed into plain structs (one per
//! subcommand, in `cmd/`), turned into library calls, and the result is
//! printed. Errors are printed once, here.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod output;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Make Swedish meeting minutes searchable.
#[derive(Parser, Debug)]
#[command(name = "protokoll", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Index every minutes file (.txt, .md) under the given paths
    Index(cmd::index::Args),
    /// Search the index for agenda items and decisions
    Search(cmd::search::Args),
    /// Show one agenda item in full: SOURCE#ORDINAL
    Show(cmd::show::Args),
    /// Parse one minutes file and print its meeting, items and decisions
    Parse(cmd::parse::Args),
    /// Show how text is split into search tokens
    Analyze(cmd::analyze::Args),
    /// Count what the index holds
    Stats(cmd::stats::Args),
    /// Measure query latency over an existing index
    Bench(cmd::bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("protokoll: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => cmd::index::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Show(args) => cmd::show::run(args),
        Command::Parse(args) => cmd::parse::run(args),
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Stats(args) => cmd::stats::run(args),
        Command::Bench(args) => cmd::bench::run(args),
    }
}
