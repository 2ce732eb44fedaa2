//! The `protokoll` binary end to end over the seed minutes in
//! `testdata/minutes`, copied into a temp dir: index, search (JSON fields and
//! exit statuses), show, stats, re-indexing and a bad file among good ones.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A copy of the seed minutes and an index directory beside it.
struct Fixture {
    _tmp: tempfile::TempDir,
    minutes: PathBuf,
    index: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let minutes = tmp.path().join("minutes");
        std::fs::create_dir(&minutes).unwrap();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/minutes");
        for entry in std::fs::read_dir(seeds).unwrap() {
            let p = entry.unwrap().path();
            std::fs::copy(&p, minutes.join(p.file_name().unwrap())).unwrap();
        }
        let index = tmp.path().join("index");
        Fixture {
            _tmp: tmp,
            minutes,
            index,
        }
    }

    /// Runs `protokoll SUBCOMMAND --index DIR ARGS...`.
    fn run(&self, sub: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_protokoll"))
            .arg(sub)
            .arg("--index")
            .arg(&self.index)
            .args(args)
            .env_remove("PROTOKOLL_INDEX")
            .env_remove("NO_COLOR")
            .output()
            .unwrap()
    }

    fn index(&self) -> Output {
        let out = self.run("index", &[self.minutes.to_str().unwrap()]);
        assert!(out.status.code().is_some(), "killed: {out:?}");
        out
    }

    fn json(&self, sub: &str, args: &[&str]) -> (i32, Value) {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(sub, &all);
        let code = out.status.code().unwrap();
        let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (code, v)
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn index_then_search_with_json_fields() {
    let f = Fixture::new();
    let out = f.index();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("5 files: 5 indexed"),
        "{}",
        stdout(&out)
    );

    let (code, v) = f.json("search", &["--limit", "5", "vaccinationsteam"]);
    assert_eq!(code, 0);
    assert_eq!(v["query"], "vaccinationsteam");
    assert!(v["total"].as_u64().unwrap() >= 1);
    let hit = &v["hits"][0];
    for key in [
        "score", "kind", "source", "meeting", "item", "decision", "snippet",
    ] {
        assert!(hit.get(key).is_some(), "no {key} in {hit}");
    }
    assert!(hit["score"].is_number());
    assert!(["item", "decision"].contains(&hit["kind"].as_str().unwrap()));
    assert!(hit["source"].as_str().unwrap().starts_with("001_"), "{hit}");
    assert_eq!(hit["meeting"]["date"], "2020-12-04");
    assert!(hit["item"]["ordinal"].is_u64());
    assert!(
        hit["item"]["title"].as_str().unwrap().contains("Covid"),
        "{hit}"
    );
    assert!(hit["snippet"].as_str().unwrap().contains("<b>"), "{hit}");
    assert!(v["hits"].as_array().unwrap().len() <= 5);
}

#[test]
fn exit_statuses_follow_grep() {
    let f = Fixture::new();
    f.index();
    assert_eq!(f.run("search", &["hälsa"]).status.code(), Some(0));
    let (code, v) = f.json("search", &["qqxqzzqx"]);
    assert_eq!(code, 1);
    assert_eq!(v["total"], 0);
    assert_eq!(v["hits"], Value::Array(vec![]));
    assert_eq!(
        f.run("search", &["--from", "igår", "hälsa"]).status.code(),
        Some(2)
    );
    assert_eq!(
        f.run("search", &["--outcome", "maybe", "x"]).status.code(),
        Some(2)
    );

    let missing = Command::new(env!("CARGO_BIN_EXE_protokoll"))
        .args(["search", "--index", "/no/such/index", "hälsa"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("protokoll index"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn filters_and_plain_or_colored_text() {
    let f = Fixture::new();
    f.index();
    let (code, v) = f.json(
        "search",
        &["--decisions", "--limit", "100", "ledningsgruppen"],
    );
    assert_eq!(code, 0);
    for h in v["hits"].as_array().unwrap() {
        assert_eq!(h["kind"], "decision");
        assert!(h["decision"]["outcome"].is_string());
    }
    let (_, v) = f.json(
        "search",
        &["--from", "2021-01-01", "--limit", "100", "hälsa"],
    );
    for h in v["hits"].as_array().unwrap() {
        assert!(
            h["meeting"]["date"].as_str().unwrap() >= "2021-01-01",
            "{h}"
        );
    }

    let plain = f.run("search", &["vaccinationsteam"]);
    assert!(!stdout(&plain).contains('\x1b'), "escape codes in a pipe");
    assert!(stdout(&plain).contains("Covid"));
    let colored = f.run("search", &["--color", "always", "vaccinationsteam"]);
    assert!(stdout(&colored).contains("\x1b["));
}

#[test]
fn show_prints_one_item_with_its_meeting() {
    let f = Fixture::new();
    f.index();
    let (_, v) = f.json("search", &["vaccinationsteam"]);
    let hit = &v["hits"][0];
    let id = format!(
        "{}#{}",
        hit["source"].as_str().unwrap(),
        hit["item"]["ordinal"]
    );
    let out = f.run("show", &[&id]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(hit["item"]["title"].as_str().unwrap()));

    let (code, view) = f.json("show", &[&id]);
    assert_eq!(code, 0);
    assert_eq!(view["item"]["title"], hit["item"]["title"]);
    assert_eq!(view["meeting"]["date"], "2020-12-04");

    assert_eq!(f.run("show", &["nosuchfile.txt#1"]).status.code(), Some(1));
    assert_eq!(f.run("show", &["no-ordinal"]).status.code(), Some(2));
}

#[test]
fn reindexing_is_idempotent_and_replaces_a_changed_file() {
    let f = Fixture::new();
    f.index();
    let (code, before) = f.json("stats", &[]);
    assert_eq!(code, 0);
    assert_eq!(before["meetings"], 5);
    assert!(before["items"].as_u64().unwrap() >= 20, "{before}");
    assert!(before["decisions"].as_u64().unwrap() >= 5, "{before}");

    let again = f.index();
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).contains("0 indexed, 5 unchanged"),
        "{}",
        stdout(&again)
    );
    assert_eq!(f.json("stats", &[]).1, before);

    // Replace a word only that file has with an invented one.
    let file = f.minutes.join("001_073eddb9c8413486.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("trackestomi"));
    std::fs::write(&file, text.replace("trackestomi", "zebrafiskolin")).unwrap();
    let third = f.index();
    assert!(
        stdout(&third).contains("1 indexed, 4 unchanged"),
        "{}",
        stdout(&third)
    );
    let (_, after) = f.json("stats", &[]);
    assert_eq!(after["meetings"], before["meetings"]);
    assert_eq!(after["items"], before["items"]);
    let (code, v) = f.json("search", &["zebrafiskolin"]);
    assert_eq!(code, 0);
    assert!(v["hits"][0]["source"].as_str().unwrap().starts_with("001_"));
    let (_, v) = f.json("search", &["--limit", "100", "\"trackestomi\""]);
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| !h["source"].as_str().unwrap().starts_with("001_")),
        "the old version is still indexed: {v}"
    );
}

#[test]
fn a_bad_file_among_good_ones_is_named_and_skipped() {
    let f = Fixture::new();
    std::fs::write(
        f.minutes.join("bild.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    std::fs::write(f.minutes.join("tom.md"), b"").unwrap();
    let out = f.index();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("bild.txt") && err.contains("PNG"), "{err}");
    assert!(err.contains("tom.md") && err.contains("empty"), "{err}");
    assert!(stdout(&out).contains("5 indexed"), "{}", stdout(&out));
    assert_eq!(f.json("stats", &[]).1["meetings"], 5);
}
