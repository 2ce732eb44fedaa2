//! `protokoll bench`: query latency over an existing index.
//!
//! Runs a query set against the index, after a warm-up, and reports latency
//! percentiles (p50/p95/p99, in milliseconds per query), queries per second
//! and hits, overall and per query class. It is meant for users tuning their
//! own archive: the bundled set (`testdata/bench_queries.txt`, compiled in)
//! mixes common and rare words, two-word queries, phrases, prefixes, date
//! filters and decisions-only queries; `--queries FILE` runs the user's own
//! queries instead, one per line.
//!
//! Queries run one after another on one thread, so `qps` is the throughput of
//! a single searcher, and the latency is what one user waits for.
//!
//! The timing and statistics (`measure`, `Summary`) do not depend on the
//! index: they take any `FnMut(usize, &QuerySpec) -> Result<u64>` so they
//! can be tested on their own.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::Serialize;

/// The bundled mixed query set.
pub const BUNDLED_QUERIES: &str = include_str!("../../../../testdata/bench_queries.txt");

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub index: super::IndexLocation,

    /// Queries to run, one per line (or CLASS<TAB>QUERY<TAB>FLAGS as in the
    /// bundled set); default: the bundled mixed set
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,

    /// Timed passes over the query set
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub runs: u32,

    /// Untimed passes first, to load the index into the page cache
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub warmup: u32,

    /// Build a highlighted snippet for every hit returned
    #[arg(long)]
    pub snippets: bool,

    /// Hits fetched per query
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = match &args.queries {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the query file", path.display()))?,
        None => BUNDLED_QUERIES.to_string(),
    };
    let specs = parse_query_set(&text)?;
    if specs.is_empty() {
        anyhow::bail!("the query set is empty: give one query per line");
    }
    if args.runs == 0 {
        anyhow::bail!("--runs must be at least 1");
    }
    let report = run_on_index(&args, &specs)?;
    let report = Report {
        index: args.index.dir.display().to_string(),
        snippets: args.snippets,
        limit: args.limit,
        ..report
    };
    if args.json {
        crate::output::print_json(&report)?;
    } else {
        write_table(&mut std::io::stdout().lock(), &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the index and times the query set against it.
fn run_on_index(args: &Args, specs: &[QuerySpec]) -> anyhow::Result<Report> {
    let archive = protokoll::index::Archive::open(&args.index.dir)?;
    let queries: Vec<_> = specs
        .iter()
        .map(|s| s.to_query(args.limit, args.snippets))
        .collect();
    measure(specs, args.runs, args.warmup, |i, spec| {
        let results = archive
            .search(&queries[i])
            .with_context(|| format!("query {:?}", spec.text))?;
        Ok(results.total as u64)
    })
}

/// One query of the set: its class, its text and its filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuerySpec {
    pub class: String,
    pub text: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub decisions: bool,
    pub outcome: Option<protokoll::Outcome>,
    pub body: Option<String>,
}

impl QuerySpec {
    /// The library query for this spec.
    pub fn to_query(&self, limit: usize, snippets: bool) -> protokoll::search::Query {
        let mut q = protokoll::search::Query::new(&self.text)
            .limit(limit)
            .snippets(snippets)
            .decisions_only(self.decisions);
        if let Some(from) = &self.from {
            q = q.from(from.as_str());
        }
        if let Some(to) = &self.to {
            q = q.to(to.as_str());
        }
        if let Some(outcome) = self.outcome {
            q = q.outcome(outcome);
        }
        if let Some(body) = &self.body {
            q = q.body(body.as_str());
        }
        q
    }
}

/// Reads a query set: `CLASS<TAB>QUERY[<TAB>FLAGS]` lines, or plain lines
/// (one query each, class "query"). Blank lines and `#` comments are skipped.
pub fn parse_query_set(text: &str) -> anyhow::Result<Vec<QuerySpec>> {
    let mut specs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let spec = match (parts.next(), parts.next(), parts.next()) {
            (Some(class), Some(query), flags) => {
                let mut spec = QuerySpec {
                    class: class.trim().to_string(),
                    text: query.trim().to_string(),
                    ..QuerySpec::default()
                };
                for flag in flags.unwrap_or("").split_whitespace() {
                    let (key, value) = flag.split_once('=').unwrap_or((flag, ""));
                    match key {
                        "from" => spec.from = Some(value.to_string()),
                        "to" => spec.to = Some(value.to_string()),
                        "decisions" => spec.decisions = true,
                        "outcome" => spec.outcome = Some(value.parse()?),
                        "body" => spec.body = Some(value.replace('_', " ")),
                        _ => anyhow::bail!(
                            "query set line {}: unknown flag {flag:?}: use from=, to=, decisions, outcome=, body=",
                            n + 1
                        ),
                    }
                }
                spec
            }
            _ => QuerySpec {
                class: "query".to_string(),
                text: line.trim().to_string(),
                ..QuerySpec::default()
            },
        };
        if spec.text.is_empty() {
            anyhow::bail!("query set line {}: empty query", n + 1);
        }
        specs.push(spec);
    }
    Ok(specs)
}

/// Latency statistics of a set of timed queries.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Timed query executions (the set's size times the runs).
    pub queries: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub mean_ms: f64,
    pub max_ms: f64,
    /// Executions per second of search time.
    pub qps: f64,
    /// Mean number of matching documents per query.
    pub hits: f64,
    /// Executions that matched nothing.
    pub empty: usize,
}

impl Summary {
    /// Summarises latencies (in any order) and the hit counts that go with them.
    pub fn of(latencies: &[Duration], hits: &[u64]) -> Summary {
        if latencies.is_empty() {
            return Summary::default();
        }
        let mut ms: Vec<f64> = latencies.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        let total: f64 = ms.iter().sum();
        Summary {
            queries: ms.len(),
            p50_ms: round3(percentile(&ms, 50.0)),
            p95_ms: round3(percentile(&ms, 95.0)),
            p99_ms: round3(percentile(&ms, 99.0)),
            mean_ms: round3(total / ms.len() as f64),
            max_ms: round3(ms[ms.len() - 1]),
            qps: if total > 0.0 {
                (ms.len() as f64 / (total / 1e3)).round()
            } else {
                0.0
            },
            hits: round3(hits.iter().sum::<u64>() as f64 / hits.len().max(1) as f64),
            empty: hits.iter().filter(|&&h| h == 0).count(),
        }
    }
}

/// The `p`th percentile of sorted values, by linear interpolation between the
/// closest ranks (as numpy's default), so p50 of [1, 2] is 1.5.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        1 => sorted[0],
        n => {
            let rank = (p / 100.0).clamp(0.0, 1.0) * (n - 1) as f64;
            let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
            sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo as f64)
        }
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The spread of one statistic over the timed runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Run {
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub qps: f64,
}

/// What `protokoll bench` prints: the overall summary flattened at the top
/// (the keys of CONTRACT.md), then per class and per run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub overall: Summary,
    pub runs: u32,
    pub warmup: u32,
    pub distinct_queries: usize,
    pub snippets: bool,
    pub limit: usize,
    pub index: String,
    pub classes: BTreeMap<String, Summary>,
    pub per_run: Vec<Run>,
}

/// Runs every query `warmup` times untimed, then `runs` timed passes over
/// the whole set, and summarises. `search` gets the query's position in
/// `specs` and the query, and returns the number of hits.
pub fn measure<F>(
    specs: &[QuerySpec],
    runs: u32,
    warmup: u32,
    mut search: F,
) -> anyhow::Result<Report>
where
    F: FnMut(usize, &QuerySpec) -> anyhow::Result<u64>,
{
    for _ in 0..warmup {
        for (i, spec) in specs.iter().enumerate() {
            search(i, spec)?;
        }
    }
    let mut all = (Vec::new(), Vec::new());
    let mut classes: BTreeMap<&str, (Vec<Duration>, Vec<u64>)> = BTreeMap::new();
    let mut per_run = Vec::with_capacity(runs as usize);
    for _ in 0..runs {
        let mut this_run = Vec::with_capacity(specs.len());
        for (i, spec) in specs.iter().enumerate() {
            let start = Instant::now();
            let hits = search(i, spec)?;
            let took = start.elapsed();
            this_run.push(took);
            all.1.push(hits);
            let class = classes.entry(&spec.class).or_default();
            class.0.push(took);
            class.1.push(hits);
        }
        let s = Summary::of(&this_run, &[]);
        per_run.push(Run {
            p50_ms: s.p50_ms,
            p99_ms: s.p99_ms,
            qps: s.qps,
        });
        all.0.extend(this_run);
    }
    Ok(Report {
        overall: Summary::of(&all.0, &all.1),
        runs,
        warmup,
        distinct_queries: specs.len(),
        classes: classes
            .into_iter()
            .map(|(c, (lat, hits))| (c.to_string(), Summary::of(&lat, &hits)))
            .collect(),
        per_run,
        ..Report::default()
    })
}

/// The report as a table for people.
pub fn write_table(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "{} queries ({} distinct x {} runs, {} warm-up), limit {}, snippets {}",
        r.overall.queries,
        r.distinct_queries,
        r.runs,
        r.warmup,
        r.limit,
        if r.snippets { "on" } else { "off" }
    )?;
    writeln!(
        out,
        "{:<12} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}",
        "class", "queries", "p50 ms", "p95 ms", "p99 ms", "max ms", "qps", "mean hits"
    )?;
    let row = |out: &mut dyn Write, name: &str, s: &Summary| {
        writeln!(
            out,
            "{:<12} {:>7} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.0} {:>10.1}",
            name, s.queries, s.p50_ms, s.p95_ms, s.p99_ms, s.max_ms, s.qps, s.hits
        )
    };
    for (class, s) in &r.classes {
        row(out, class, s)?;
    }
    row(out, "all", &r.overall)?;
    if r.per_run.len() > 1 {
        let p50: Vec<String> = r
            .per_run
            .iter()
            .map(|x| format!("{:.3}", x.p50_ms))
            .collect();
        let p99: Vec<String> = r
            .per_run
            .iter()
            .map(|x| format!("{:.3}", x.p99_ms))
            .collect();
        writeln!(out, "p50 per run: {}", p50.join(" "))?;
        writeln!(out, "p99 per run: {}", p99.join(" "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[f64], p: f64, expected: f64) {
        let mut v = input.to_vec();
        v.sort_by(f64::total_cmp);
        assert!(
            (percentile(&v, p) - expected).abs() < 1e-9,
            "p{p} of {input:?}"
        );
    }

    #[test]
    fn percentiles_interpolate_between_ranks() {
        check(&[], 50.0, 0.0);
        check(&[3.0], 99.0, 3.0);
        check(&[1.0, 2.0], 50.0, 1.5);
        check(&[5.0, 1.0, 3.0, 2.0, 4.0], 50.0, 3.0);
        check(&[5.0, 1.0, 3.0, 2.0, 4.0], 100.0, 5.0);
        check(&[5.0, 1.0, 3.0, 2.0, 4.0], 0.0, 1.0);
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        check(&hundred, 99.0, 99.01);
        check(&hundred, 95.0, 95.05);
    }

    #[test]
    fn the_bundled_set_parses_into_every_class() {
        let specs = parse_query_set(BUNDLED_QUERIES).unwrap();
        let classes: std::collections::BTreeSet<&str> =
            specs.iter().map(|s| s.class.as_str()).collect();
        assert_eq!(
            classes.into_iter().collect::<Vec<_>>(),
            [
                "common",
                "date",
                "decisions",
                "phrase",
                "prefix",
                "rare",
                "two"
            ]
        );
        assert!(specs.len() >= 70);
        let date = specs.iter().find(|s| s.class == "date").unwrap();
        assert_eq!(
            (date.from.as_deref(), date.to.as_deref()),
            (Some("2020-01-01"), Some("2020-12-31"))
        );
        assert!(specs
            .iter()
            .filter(|s| s.class == "decisions")
            .all(|s| s.decisions));
        assert!(specs
            .iter()
            .any(|s| s.outcome == Some(protokoll::Outcome::Approved)));
    }

    #[test]
    fn a_user_file_is_one_query_per_line() {
        let specs =
            parse_query_set("# mina frågor\npsykisk hälsa\n\n\"till handlingarna\"\r\n").unwrap();
        let texts: Vec<_> = specs
            .iter()
            .map(|s| (s.class.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("query", "psykisk hälsa"),
                ("query", "\"till handlingarna\"")
            ]
        );
        assert!(parse_query_set("x\tbudget\tsoon=1").is_err());
    }

    #[test]
    fn measure_warms_up_then_times_every_run_per_class() {
        let specs = parse_query_set("a\tett\nb\ttvå\nb\ttre\n").unwrap();
        let mut calls = 0;
        let report = measure(&specs, 4, 2, |_, s| {
            calls += 1;
            std::thread::sleep(Duration::from_micros(if s.class == "a" {
                200
            } else {
                2000
            }));
            Ok(if s.text == "tre" { 0 } else { 7 })
        })
        .unwrap();
        assert_eq!(calls, 3 * (2 + 4));
        assert_eq!(report.overall.queries, 12);
        assert_eq!(report.per_run.len(), 4);
        assert_eq!(report.classes["a"].queries, 4);
        assert_eq!(report.classes["b"].queries, 8);
        assert_eq!(report.classes["b"].empty, 4);
        assert_eq!(report.classes["b"].hits, 3.5);
        assert!(report.classes["a"].p50_ms < report.classes["b"].p50_ms);
        assert!(report.overall.p50_ms <= report.overall.p99_ms);
        assert!(report.overall.qps > 0.0);
    }

    #[test]
    fn json_has_the_contract_keys_at_the_top() {
        let specs = parse_query_set("a\tett\n").unwrap();
        let report = measure(&specs, 1, 0, |_, _| Ok(1)).unwrap();
        let json = serde_json::to_value(&report).unwrap();
        for key in ["queries", "p50_ms", "p95_ms", "p99_ms", "qps", "classes"] {
            assert!(json.get(key).is_some(), "{key} missing in {json}");
        }
        let mut table = Vec::new();
        write_table(&mut table, &report).unwrap();
        assert!(String::from_utf8(table).unwrap().contains("\nall "));
    }
}
