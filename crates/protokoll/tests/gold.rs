//! Every seed in `testdata/minutes` parsed and compared with its gold
//! annotation in `testdata/gold` (and every extra layout in
//! `testdata/fixtures` with `testdata/gold_extra`), the way `gold_check.py` compares them:
//! meeting fields, item titles in order, numbers, presenters, sections,
//! decisions (`contains`, outcome, subject), `text_excludes`, and decision
//! recall and precision over all seeds. `cargo test` guards the gold
//! without Python.

use std::path::{Path, PathBuf};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

/// As `norm` in gold_check.py: NFC, no markdown marks, single spaces, no
/// trailing colon, case folded.
fn norm(v: &Value) -> Option<String> {
    let s = match v {
        Value::Null => return None,
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let s: String = s
        .nfc()
        .filter(|c| !matches!(c, '*' | '_' | '#' | '`'))
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_end_matches(':').trim();
    Some(s.to_lowercase())
}

fn names(people: &Value) -> Vec<String> {
    people
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| norm(p.get("name").unwrap_or(p)))
        .collect()
}

#[derive(Default)]
struct Tally {
    wanted: usize,
    found: usize,
    extra: usize,
}

fn check_doc(gold: &Value, got: &Value, tally: &mut Tally) -> Vec<String> {
    let mut problems = Vec::new();
    let gm = &gold["meeting"];
    let pm = &got["meeting"];
    for field in [
        "kind",
        "body",
        "date",
        "time",
        "place",
        "reference",
        "chair",
        "secretary",
    ] {
        if let Some(want) = gm.get(field) {
            if norm(want) != norm(&pm[field]) {
                problems.push(format!("meeting.{field}: want {want}, got {}", pm[field]));
            }
        }
    }
    for field in ["body", "place"] {
        if let Some(want) = gm.get(format!("{field}_contains")) {
            let have = norm(&pm[field]).unwrap_or_default();
            if !have.contains(&norm(want).unwrap_or_default()) {
                problems.push(format!(
                    "meeting.{field} should contain {want}, got {}",
                    pm[field]
                ));
            }
        }
    }
    for field in ["present", "absent"] {
        if let Some(want) = gm.get(field) {
            let have = names(&pm[field]);
            let want: Vec<String> = want.as_array().unwrap().iter().filter_map(norm).collect();
            let missing: Vec<_> = want.iter().filter(|n| !have.contains(n)).collect();
            if !missing.is_empty() {
                problems.push(format!("meeting.{field}: missing {missing:?}"));
            }
            let extra: Vec<_> = have.iter().filter(|n| !want.contains(n)).collect();
            if field == "absent" && !extra.is_empty() {
                problems.push(format!("meeting.absent: unexpected {extra:?}"));
            }
        }
    }

    let items = got["items"].as_array().cloned().unwrap_or_default();
    let gold_items = gold["items"].as_array().unwrap();
    let (mut gi, mut pi) = (0, 0);
    let mut matched = Vec::new();
    while gi < gold_items.len() {
        let g = &gold_items[gi];
        let p = items.get(pi);
        if p.is_some_and(|p| norm(&p["title"]) == norm(&g["title"])) {
            matched.push((g, p.unwrap()));
            gi += 1;
            pi += 1;
        } else if g["optional"] == Value::Bool(true) {
            gi += 1;
        } else {
            problems.push(format!(
                "item {}: not found at position {} (got {:?})",
                g["title"],
                pi + 1,
                p.map(|p| p["title"].to_string())
            ));
            match (pi..items.len()).find(|&k| norm(&items[k]["title"]) == norm(&g["title"])) {
                Some(k) => pi = k,
                None => gi += 1,
            }
        }
    }
    if pi < items.len() {
        let extra: Vec<_> = items[pi..].iter().map(|i| i["title"].to_string()).collect();
        problems.push(format!("unexpected extra items: {extra:?}"));
    }

    for (g, p) in matched {
        let title = &g["title"];
        if let Some(num) = g.get("number") {
            if norm(num) != norm(&p["number"]) {
                problems.push(format!(
                    "item {title}: number want {num}, got {}",
                    p["number"]
                ));
            }
        }
        if let Some(want) = g.get("presenters").and_then(Value::as_array) {
            let mut have = names(&p["presenters"]);
            for s in p["sections"].as_array().into_iter().flatten() {
                have.extend(names(&s["presenters"]));
            }
            let missing: Vec<_> = want
                .iter()
                .filter_map(norm)
                .filter(|n| !have.contains(n))
                .collect();
            if !missing.is_empty() {
                problems.push(format!("item {title}: presenters missing {missing:?}"));
            }
            if want.is_empty() && g.get("section_presenters").is_none() && !have.is_empty() {
                problems.push(format!("item {title}: unexpected presenters {have:?}"));
            }
        }
        if let Some(want) = g.get("sections").and_then(Value::as_array) {
            let have: Vec<_> = p["sections"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| norm(&s["title"]))
                .collect();
            let missing: Vec<_> = want
                .iter()
                .filter_map(norm)
                .filter(|s| !have.contains(s))
                .collect();
            if !missing.is_empty() {
                problems.push(format!("item {title}: sections missing {missing:?}"));
            }
        }
        let text = norm(&p["text"]).unwrap_or_default();
        for t in g
            .get("text_excludes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if text.contains(&norm(t).unwrap_or_default()) {
                problems.push(format!("item {title}: text should not contain {t}"));
            }
        }
        let decisions = p["decisions"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; decisions.len()];
        for d in g
            .get("decisions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let optional = d["optional"] == Value::Bool(true);
            let want = norm(&d["contains"]).unwrap_or_default();
            let hit = (0..decisions.len()).find(|&k| {
                !used[k]
                    && norm(&decisions[k]["text"])
                        .unwrap_or_default()
                        .contains(&want)
            });
            let Some(k) = hit else {
                if !optional {
                    tally.wanted += 1;
                    problems.push(format!(
                        "item {title}: decision not found: {}",
                        d["contains"]
                    ));
                }
                continue;
            };
            used[k] = true;
            if !optional {
                tally.wanted += 1;
                tally.found += 1;
            }
            if let Some(outcome) = d.get("outcome") {
                if outcome != &decisions[k]["outcome"] {
                    problems.push(format!(
                        "item {title}: decision {want:?}: outcome want {outcome}, got {}",
                        decisions[k]["outcome"]
                    ));
                }
            }
            if let Some(subject) = d.get("subject") {
                if norm(subject) != norm(&decisions[k]["subject"]) {
                    problems.push(format!(
                        "item {title}: decision {want:?}: subject want {subject}, got {}",
                        decisions[k]["subject"]
                    ));
                }
            }
        }
        tally.extra += used.iter().filter(|u| !**u).count();
    }
    problems
}

/// Parses every document a gold file in `gold_dir` names (from `docs_dir`)
/// and checks it; returns the failures and the decision tally.
fn check_dir(gold_dir: &str, docs_dir: &str, at_least: usize) -> (Vec<String>, Tally) {
    let mut gold_files: Vec<_> = std::fs::read_dir(testdata().join(gold_dir))
        .unwrap_or_else(|e| panic!("testdata/{gold_dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    gold_files.sort();
    assert!(
        gold_files.len() >= at_least,
        "expected at least {at_least} gold files in testdata/{gold_dir}"
    );
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for path in &gold_files {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let source = gold["source"].as_str().unwrap();
        let parsed = protokoll::parse::parse_file(&testdata().join(docs_dir).join(source))
            .unwrap_or_else(|e| panic!("{source}: {e}"));
        let got =
            serde_json::to_value(protokoll::parse::ContractView::new(&parsed.meeting)).unwrap();
        assert_eq!(got["source"], source);
        let problems = check_doc(&gold, &got, &mut tally);
        if !problems.is_empty() {
            failures.push(format!("{source}:\n  {}", problems.join("\n  ")));
        }
    }
    (failures, tally)
}

fn assert_gold(gold_dir: &str, docs_dir: &str, at_least: usize) {
    let (failures, tally) = check_dir(gold_dir, docs_dir, at_least);
    assert!(
        failures.is_empty(),
        "gold mismatches:\n{}",
        failures.join("\n")
    );
    let recall = tally.found as f64 / tally.wanted as f64;
    let precision = tally.found as f64 / (tally.found + tally.extra) as f64;
    assert_eq!(recall, 1.0, "decision recall {recall:.2}");
    assert!(
        precision >= 0.95,
        "decision precision {precision:.2} ({} not in gold)",
        tally.extra
    );
}

#[test]
fn every_seed_matches_its_gold() {
    assert_gold("gold", "minutes", 5);
}

/// Layouts the seeds do not show (`testdata/fixtures`), annotated the same
/// way in `testdata/gold_extra`: kommun protocol variants, "Punkt" and
/// "Ärende" numbering, markdown exports, notes, association minutes and a
/// Windows-1252 CRLF file.
#[test]
fn every_extra_layout_matches_its_gold() {
    assert_gold("gold_extra", "fixtures", 1);
}
