//! `protokoll search [options] QUERY...`: the best agenda items and decisions
//! for a query. Exit status 0 with hits, 1 without, 2 on error (as grep).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use protokoll::index::Archive;
use protokoll::search::{Hit, HitKind, Query, SearchResults};
use protokoll::Outcome;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub index: super::IndexLocation,
    /// Print the results as JSON
    #[arg(long)]
    pub json: bool,
    /// Show at most N hits
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Skip the first N hits
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Only meetings on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only meetings on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only meetings of a group whose name has these words
    #[arg(long, value_name = "TEXT")]
    pub body: Option<String>,
    /// Only decisions, not agenda items
    #[arg(long)]
    pub decisions: bool,
    /// Only decisions with this outcome: approved, rejected, postponed, noted or other
    #[arg(long, value_name = "OUTCOME", value_parser = parse_outcome)]
    pub outcome: Option<Outcome>,
    /// When to color the output
    #[arg(long, value_name = "WHEN", default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
    /// Words to look for: "a phrase", -word, a OR b, prefix*
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
}

fn parse_outcome(s: &str) -> Result<Outcome, String> {
    s.parse::<Outcome>().map_err(|e| e.to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = args.query.join(" ");
    let filtered = args.from.is_some()
        || args.to.is_some()
        || args.body.is_some()
        || args.decisions
        || args.outcome.is_some();
    if text.trim().is_empty() && !filtered {
        anyhow::bail!(
            "give a query, a filter (--from, --to, --body, --decisions, --outcome) or both"
        );
    }
    let mut query = Query::new(text)
        .limit(args.limit)
        .offset(args.offset)
        .decisions_only(args.decisions);
    if let Some(d) = &args.from {
        query = query.from(d.as_str());
    }
    if let Some(d) = &args.to {
        query = query.to(d.as_str());
    }
    if let Some(b) = &args.body {
        query = query.body(b.as_str());
    }
    if let Some(o) = args.outcome {
        query = query.outcome(o);
    }
    let results = Archive::open(&args.index.dir)?.search(&query)?;
    if args.json {
        crate::output::print_json(&results)?;
    } else {
        let color = match args.color.as_str() {
            "always" => true,
            "never" => false,
            _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        let mut out = std::io::stdout().lock();
        print(&mut out, &results, args.offset, color)?;
        out.flush()?;
    }
    Ok(if results.hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// ANSI styles, or nothing when the output is not colored.
struct Style {
    title: &'static str,
    dim: &'static str,
    mark: &'static str,
    reset: &'static str,
}

fn print(
    out: &mut impl Write,
    r: &SearchResults,
    offset: usize,
    color: bool,
) -> std::io::Result<()> {
    let s = if color {
        Style {
            title: "\x1b[1m",
            dim: "\x1b[2m",
            mark: "\x1b[1;31m",
            reset: "\x1b[0m",
        }
    } else {
        Style {
            title: "",
            dim: "",
            mark: "",
            reset: "",
        }
    };
    for (i, hit) in r.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        print_hit(out, offset + i + 1, hit, &s, color)?;
    }
    if r.total > r.hits.len() {
        writeln!(out)?;
        writeln!(
            out,
            "{}{} of {} hits (--offset {} for more){}",
            s.dim,
            r.hits.len(),
            r.total,
            offset + r.hits.len(),
            s.reset
        )?;
    }
    Ok(())
}

fn print_hit(
    out: &mut impl Write,
    n: usize,
    hit: &Hit,
    s: &Style,
    color: bool,
) -> std::io::Result<()> {
    let number = hit
        .item
        .number
        .as_deref()
        .map(|n| format!("{n}. "))
        .unwrap_or_default();
    let label = match hit.kind {
        HitKind::Item => String::new(),
        HitKind::Decision => " [beslut]".to_string(),
    };
    writeln!(
        out,
        "{n:>3}. {}{number}{}{}{label}",
        s.title, hit.item.title, s.reset
    )?;
    let meta: Vec<&str> = [
        hit.meeting.body.as_deref(),
        hit.meeting.date.as_deref(),
        hit.meeting.kind.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    writeln!(
        out,
        "     {}{} · {}#{}{}",
        s.dim,
        meta.join(" · "),
        hit.source,
        hit.item.ordinal,
        s.reset
    )?;
    if !hit.snippet.text.is_empty() {
        write!(out, "     ")?;
        for (piece, marked) in hit.snippet.fragments() {
            if marked && color {
                write!(out, "{}{piece}{}", s.mark, s.reset)?;
            } else {
                write!(out, "{piece}")?;
            }
        }
        writeln!(out)?;
    }
    match &hit.decision {
        Some(d) => writeln!(out, "     => {}", d.outcome)?,
        None => {
            for d in &hit.decisions {
                let text: String = d.text.chars().take(160).collect();
                let more = if d.text.chars().count() > 160 {
                    "…"
                } else {
                    ""
                };
                writeln!(out, "     => {}: {text}{more}", d.outcome)?;
            }
        }
    }
    Ok(())
}
