//! `protokoll show SOURCE#ORDINAL [--json]`: one agenda item in full, with
//! its meeting.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use protokoll::index::{Archive, ItemView};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub index: super::IndexLocation,
    /// The item: file name (as in search results), '#', and the item's ordinal
    #[arg(value_name = "SOURCE#ORDINAL")]
    pub item: String,
    /// Print the item and its meeting as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (source, ordinal) = args
        .item
        .rsplit_once('#')
        .and_then(|(s, o)| Some((s, o.trim().parse::<u32>().ok()?)))
        .with_context(|| {
            format!(
                "{:?}: name an item as SOURCE#ORDINAL, e.g. 000_67a42eaf90787138.txt#2",
                args.item
            )
        })?;
    let archive = Archive::open(&args.index.dir)?;
    let Some(view) = archive.item(source, ordinal)? else {
        eprintln!("protokoll: no item {ordinal} in {source} in the index");
        return Ok(ExitCode::from(1));
    };
    if args.json {
        crate::output::print_json(&view)?;
    } else {
        let mut out = std::io::stdout().lock();
        print(&mut out, &view)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print(out: &mut impl Write, v: &ItemView) -> std::io::Result<()> {
    let m = &v.meeting;
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".to_string());
    writeln!(out, "{}#{}", v.source, v.item.ordinal)?;
    writeln!(
        out,
        "{} · {} · {}",
        opt(&m.body),
        opt(&m.date),
        opt(&m.kind)
    )?;
    if let Some(p) = &m.place {
        writeln!(out, "Plats: {p}")?;
    }
    if let Some(r) = &m.reference {
        writeln!(out, "Dnr: {r}")?;
    }
    writeln!(out)?;
    let it = &v.item;
    match &it.number {
        // "3. Title", but "§ 22 Title" and "Punkt 3 Title" as the minutes write them.
        Some(n) if n.starts_with(|c: char| c.is_ascii_digit()) => {
            writeln!(out, "{n}. {}", it.title)?
        }
        Some(n) => writeln!(out, "{n} {}", it.title)?,
        None => writeln!(out, "{}", it.title)?,
    }
    // The item's text keeps its own presenter line where the minutes had one;
    // print the presenters only when the text does not already say them.
    if !it.presenters.is_empty() && !it.text.contains("Föredragande") {
        writeln!(out, "Föredragande: {}", it.presenters.join(", "))?;
    }
    for s in &it.sections {
        if s.presenters.is_empty() {
            writeln!(out, "  - {}", s.title)?;
        } else {
            writeln!(out, "  - {} ({})", s.title, s.presenters.join(", "))?;
        }
    }
    if !it.text.trim().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", it.text.trim_end())?;
    }
    for d in &it.decisions {
        writeln!(out)?;
        match &d.subject {
            Some(s) => writeln!(out, "Beslut ({}, {s}): {}", d.outcome, d.text)?,
            None => writeln!(out, "Beslut ({}): {}", d.outcome, d.text)?,
        }
    }
    Ok(())
}
