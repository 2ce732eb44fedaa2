//! Property tests that complete the ones beside the parser and analyzer
//! (`parse_layouts.rs`, `analysis_props.rs`): the query parser and the
//! whole search over a real index never panic on arbitrary Unicode or on
//! soups of query operators, and finish within a bound; the analyzer keeps
//! its token invariants on any `String` (control characters included, which
//! `\PC` leaves out) and on long inputs.
//!
//! The bounds are generous for a debug build on a shared two-core machine;
//! the documented costs are far lower (`RELIABILITY.md`).

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use protokoll::analysis::{analyze, Side};
use protokoll::index::{index_paths, Archive, IndexOptions};
use protokoll::search::parser::{self, Clause, Node, MAX_DEPTH, MAX_QUERY_BYTES, MAX_TERMS};
use protokoll::search::Query;
use protokoll::Error;

/// Parsing one query: linear in its length, which is at most 4 kB.
const PARSE_BOUND: Duration = Duration::from_millis(200);
/// One whole search over the seeds, snippets included.
const SEARCH_BOUND: Duration = Duration::from_secs(3);

/// The pieces a hostile or clumsy user types: every operator the language
/// knows, look-alikes it does not (`AND`, `~`, `^`, `:`), every quote mark,
/// words that are in the index, short prefixes, and arbitrary characters.
/// (No regex strategies: generating from them costs more than parsing.)
fn query_piece() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "„",
        "«",
        "»",
        "(",
        ")",
        "-",
        "*",
        " OR ",
        "OR",
        " AND ",
        " NOT ",
        "NOT",
        "~",
        "^2",
        ":",
        "\\",
        " ",
        "\t",
        "\u{a0}",
        "hälsa",
        "vård",
        "psykisk",
        "vaccinationsteamet",
        "a*",
        "ä",
        "budg*",
        "v*",
        "ö*",
        "-(",
        "-\"",
    ];
    const LETTERS: &[char] = &[
        'a', 'b', 'd', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'r', 's', 't', 'u', 'v', 'å',
        'ä', 'ö', 'Å', 'Ä', 'Ö', '-', '/', '*',
    ];
    prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => proptest::collection::vec(proptest::sample::select(LETTERS), 1..10)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn operator_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(query_piece(), 0..60).prop_map(|p| p.concat())
}

/// How deep groups nest in a parsed query.
fn depth(clauses: &[Clause]) -> usize {
    fn node(n: &Node) -> usize {
        match n {
            Node::Group(g) => 1 + depth(g),
            Node::Or(alts) => alts.iter().map(node).max().unwrap_or(0),
            _ => 0,
        }
    }
    clauses.iter().map(|c| node(&c.node)).max().unwrap_or(0)
}

/// Parses `text`, which must finish within the bound and either give
/// clauses nested no deeper than `MAX_DEPTH` or refuse with a reason
/// because the query is too large.
fn check_parse(text: &str) {
    let start = Instant::now();
    let parsed = parser::parse(text);
    let took = start.elapsed();
    assert!(took < PARSE_BOUND, "{took:?} for {text:?}");
    match parsed {
        Ok(clauses) => {
            assert!(text.len() <= MAX_QUERY_BYTES);
            assert!(depth(&clauses) <= MAX_DEPTH + 1, "{clauses:?}");
        }
        Err(Error::Query { message, .. }) => {
            assert!(
                message.contains(&MAX_TERMS.to_string())
                    || message.contains(&MAX_QUERY_BYTES.to_string()),
                "refused for another reason than size: {message} ({text:?})"
            );
        }
        Err(e) => panic!("unexpected error {e} for {text:?}"),
    }
}

/// The five seed minutes, indexed once for every case.
fn archive() -> &'static Archive {
    static ARCHIVE: OnceLock<(tempfile::TempDir, Archive)> = OnceLock::new();
    &ARCHIVE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let archive = Archive::open_or_create(dir.path()).unwrap();
            let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/minutes");
            let report =
                index_paths(&archive, &[seeds], &IndexOptions::default(), &mut |_| {}).unwrap();
            assert!(report.failures.is_empty(), "{:?}", report.failures);
            archive.reload().unwrap();
            (dir, archive)
        })
        .1
}

/// Searches for `text`: an answer or a query error, within the bound.
fn check_search(text: &str) {
    let start = Instant::now();
    let result = archive().search(&Query::new(text).limit(10));
    let took = start.elapsed();
    assert!(took < SEARCH_BOUND, "{took:?} for {text:?}");
    match result {
        Ok(r) => assert!(r.hits.len() <= 10),
        Err(Error::Query { message, .. }) => assert!(!message.is_empty()),
        Err(e) => panic!("unexpected error {e} for {text:?}"),
    }
}

fn check_tokens(text: &str, side: Side) {
    let tokens = analyze(text, side);
    let mut last = 0;
    for t in &tokens {
        assert!(t.from <= t.to && t.to <= text.len(), "{t:?} in {text:?}");
        assert!(
            text.is_char_boundary(t.from) && text.is_char_boundary(t.to),
            "{t:?} in {text:?}"
        );
        assert!(t.position >= last, "positions decrease: {tokens:?}");
        last = t.position;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn query_parser_takes_any_unicode(text in any::<String>()) {
        check_parse(&text);
    }

    #[test]
    fn query_parser_takes_operator_soup(text in operator_soup()) {
        check_parse(&text);
    }

    #[test]
    fn analyzer_takes_any_string(text in any::<String>()) {
        check_tokens(&text, Side::Index);
        check_tokens(&text, Side::Query);
        check_tokens(&text, Side::Folded);
    }
}

proptest! {
    // A search costs far more than a parse: fewer cases.
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn search_takes_operator_soup(text in operator_soup()) {
        check_search(&text);
    }

    #[test]
    fn search_takes_any_unicode(text in any::<String>()) {
        check_search(&text);
    }

    #[test]
    fn analyzer_takes_long_strings(text in proptest::collection::vec(any::<String>(), 0..40)) {
        let text = text.concat();
        check_tokens(&text, Side::Index);
        check_tokens(&text, Side::Query);
    }
}

#[test]
fn queries_at_the_limits() {
    // Exactly at the size limits: accepted; one over: refused.
    let at_terms = vec!["vård"; MAX_TERMS].join(" ");
    check_parse(&at_terms);
    assert!(parser::parse(&at_terms).is_ok());
    let over_terms = vec!["vård"; MAX_TERMS + 1].join(" ");
    assert!(parser::parse(&over_terms).is_err());
    let at_bytes = "(".repeat(MAX_QUERY_BYTES);
    check_parse(&at_bytes);
    check_search(&at_bytes);
    assert!(parser::parse(&"(".repeat(MAX_QUERY_BYTES + 1)).is_err());
    // Many prefixes of one letter each: the widest expansion allowed.
    let prefixes: String = "abdefghijklmnoprstuvåäö"
        .chars()
        .map(|c| format!("{c}* "))
        .collect();
    check_search(&prefixes);
    check_search(&format!("\"{}\"", vec!["vård"; MAX_TERMS].join(" ")));
}

/// Found by `search_takes_operator_soup`: an excluded phrase that matches
/// nowhere (or only after the first candidate) tripped a debug assertion in
/// tantivy 0.27's phrase scorer; exclusion must still work.
#[test]
fn excluded_phrases() {
    let total = |q: &str| archive().search(&Query::new(q).limit(10)).unwrap().total;
    for q in [
        "-\"2 2\"",
        "vård -\"2 2\"",
        "(\"\" NOT \"^2^2",
        "hälsa -\"psykisk hälsa\"",
    ] {
        check_search(q);
    }
    let all = total("hälsa");
    assert_eq!(
        total("hälsa -\"2 2\""),
        all,
        "a phrase found nowhere excludes nothing"
    );
    let without = total("hälsa -\"psykisk hälsa\"");
    assert!(0 < without && without < all, "{without} of {all}");
}
