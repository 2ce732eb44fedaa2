//! `protokoll parse FILE [--json]`: what the parser reads in one file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use protokoll::parse::parse_file;
use protokoll::Meeting;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The minutes file (.txt or .md, any common encoding)
    pub file: PathBuf,
    /// Print the meeting as JSON (the format other tools rely on)
    #[arg(long)]
    pub json: bool,
    /// Also print what the parser could not place
    #[arg(long, short)]
    pub verbose: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let parsed = parse_file(&args.file)?;
    if args.json {
        crate::output::print_json(&protokoll::parse::ContractView::new(&parsed.meeting))?;
    } else {
        let mut out = std::io::stdout().lock();
        outline(&mut out, &parsed.meeting)?;
        if args.verbose {
            for d in &parsed.diagnostics {
                writeln!(out, "  line {}: {}", d.line, d.message)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A readable outline: the header, then each item with its presenters,
/// sections and decisions.
fn outline(out: &mut impl Write, m: &Meeting) -> std::io::Result<()> {
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
    writeln!(out, "{}", m.source)?;
    writeln!(out, "  kind:      {}", or_dash(&m.kind))?;
    writeln!(out, "  body:      {}", or_dash(&m.body))?;
    writeln!(
        out,
        "  date:      {}  time: {}",
        or_dash(&m.date),
        or_dash(&m.time)
    )?;
    writeln!(out, "  place:     {}", or_dash(&m.place))?;
    if m.reference.is_some() {
        writeln!(out, "  reference: {}", or_dash(&m.reference))?;
    }
    writeln!(
        out,
        "  chair:     {}  secretary: {}",
        or_dash(&m.chair),
        or_dash(&m.secretary)
    )?;
    let names = |people: &[protokoll::Person]| {
        people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "  present:   {} ({})",
        m.present.len(),
        names(&m.present)
    )?;
    writeln!(
        out,
        "  absent:    {} ({})",
        m.absent.len(),
        names(&m.absent)
    )?;
    for item in &m.items {
        writeln!(out)?;
        match &item.number {
            Some(n) => writeln!(out, "{:>3}. [{}] {}", item.ordinal, n, item.title)?,
            None => writeln!(out, "{:>3}. {}", item.ordinal, item.title)?,
        }
        if !item.presenters.is_empty() {
            writeln!(out, "       presented by {}", item.presenters.join(", "))?;
        }
        for s in &item.sections {
            if s.presenters.is_empty() {
                writeln!(out, "       - {}", s.title)?;
            } else {
                writeln!(out, "       - {} ({})", s.title, s.presenters.join(", "))?;
            }
        }
        for d in &item.decisions {
            let subject = d
                .subject
                .as_deref()
                .map(|s| format!(" [{s}]"))
                .unwrap_or_default();
            writeln!(out, "       => {}{}: {}", d.outcome, subject, d.text)?;
        }
    }
    Ok(())
}
