//! `protokoll bench` end to end: a small synthetic archive indexed by the
//! binary, then the bundled query set and a user's query file against it.

use std::path::Path;
use std::process::{Command, Output};

use protokoll::synth::{Pool, Synth, SynthOptions};
use serde_json::Value;

fn protokoll(args: &[&str], index: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_protokoll"))
        .args(&args[..1])
        .arg("--index")
        .arg(index)
        .args(&args[1..])
        .output()
        .unwrap()
}

/// Writes 200 synthetic items and indexes them with the binary.
fn archive(tmp: &Path) -> std::path::PathBuf {
    let minutes = tmp.join("minutes");
    std::fs::create_dir(&minutes).unwrap();
    for m in Synth::new(Pool::bundled(), SynthOptions::seed(5)).items(200) {
        std::fs::write(minutes.join(&m.file_name), &m.text).unwrap();
    }
    let index = tmp.join("index");
    let out = protokoll(&["index", minutes.to_str().unwrap()], &index);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    index
}

#[test]
fn bundled_set_reports_the_contract_keys_per_class() {
    let tmp = tempfile::tempdir().unwrap();
    let index = archive(tmp.path());
    let out = protokoll(&["bench", "--runs", "2", "--warmup", "0", "--json"], &index);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["queries", "p50_ms", "p95_ms", "p99_ms", "qps"] {
        assert!(json[key].is_number(), "{key} in {json}");
    }
    assert_eq!(
        json["queries"],
        2 * json["distinct_queries"].as_u64().unwrap()
    );
    let classes = json["classes"].as_object().unwrap();
    assert_eq!(classes.len(), 7, "{json}");
    assert!(
        json["hits"].as_f64().unwrap() > 0.0,
        "no hits at all: {json}"
    );
    assert_eq!(json["per_run"].as_array().unwrap().len(), 2);
}

#[test]
fn a_user_query_file_and_the_table() {
    let tmp = tempfile::tempdir().unwrap();
    let index = archive(tmp.path());
    let queries = tmp.path().join("q.txt");
    std::fs::write(&queries, "regeringen\n\"till handlingarna\"\n").unwrap();
    let out = protokoll(
        &[
            "bench",
            "--queries",
            queries.to_str().unwrap(),
            "--runs",
            "1",
            "--snippets",
        ],
        &index,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.starts_with("2 queries (2 distinct x 1 runs"),
        "{table}"
    );
    assert!(
        table.contains("\nquery ") && table.contains("\nall "),
        "{table}"
    );
}

#[test]
fn a_missing_index_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = protokoll(&["bench"], &tmp.path().join("none"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("protokoll index"));
}
