//! `protokoll analyze TEXT [--query] [--json]`: the tokens the index (or a
//! query) makes of a piece of Swedish text.

use std::io::Write;
use std::process::ExitCode;

use protokoll::analysis::{analyze, Side};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The text to analyse
    pub text: String,
    /// Use the query-side analysis instead of the index side
    #[arg(long)]
    pub query: bool,
    /// Print the tokens as a JSON array
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let side = if args.query { Side::Query } else { Side::Index };
    let tokens = analyze(&args.text, side);
    if args.json {
        crate::output::print_json(&tokens)?;
    } else {
        let mut out = std::io::stdout().lock();
        for t in &tokens {
            let original = args.text.get(t.from..t.to).unwrap_or("");
            writeln!(
                out,
                "{:>4}  {:<24} {}..{}  {}",
                t.position, t.text, t.from, t.to, original
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
