//! Whole-document layouts the seeds do not show, read from
//! `testdata/fixtures`: a kommun SAMMANTRÄDESPROTOKOLL with page furniture,
//! the same protocol as Windows-1252 with CRLF line ends, a "Punkt 3)"
//! protocol and a markdown export. (More layouts are checked against their
//! gold in `tests/gold.rs`.) Then property tests: arbitrary input
//! never panics and items are numbered 1..n, and hostile sizes stay fast.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use protokoll::parse::{parse, parse_file};
use protokoll::{Meeting, Outcome};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/fixtures")
        .join(name)
}

fn read(name: &str) -> Meeting {
    parse_file(&fixture(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .meeting
}

fn titles(m: &Meeting) -> Vec<(Option<&str>, &str)> {
    m.items
        .iter()
        .map(|i| (i.number.as_deref(), i.title.as_str()))
        .collect()
}

fn decisions(m: &Meeting, ordinal: usize) -> Vec<(&str, Outcome)> {
    m.items[ordinal - 1]
        .decisions
        .iter()
        .map(|d| (d.text.as_str(), d.outcome))
        .collect()
}

fn names(people: &[protokoll::Person]) -> Vec<&str> {
    people.iter().map(|p| p.name.as_str()).collect()
}

fn check_kommun(m: &Meeting) {
    assert_eq!(m.kind.as_deref(), Some("Sammanträdesprotokoll"));
    assert_eq!(m.body.as_deref(), Some("Socialnämnden"));
    assert_eq!(m.date.as_deref(), Some("2024-05-14"));
    assert_eq!(m.time.as_deref(), Some("13:30-16:45"));
    assert_eq!(
        m.place.as_deref(),
        Some("Kommunhuset, Sammanträdesrum Åsen")
    );
    assert_eq!(m.chair.as_deref(), Some("Anna Andersson"));
    assert_eq!(m.secretary.as_deref(), Some("Fredrik Fors"));
    assert_eq!(
        names(&m.present),
        [
            "Anna Andersson",
            "Bertil Berg",
            "Cecilia Ceder",
            "Erik Ek",
            "Eva Ek",
            "Fredrik Fors"
        ]
    );
    assert_eq!(
        m.present[2].affiliation.as_deref(),
        Some("(C), ersättare för David Dahl (C)")
    );
    // The table of contents and the repeated page header make no items.
    assert_eq!(
        titles(m),
        [
            (Some("§ 45"), "Val av justerare"),
            (Some("§ 46"), "Ansökan om föreningsbidrag 2024"),
            (Some("§ 47"), "Riktlinjer för ekonomiskt bistånd"),
            (Some("§ 48"), "Delegationsbeslut"),
        ]
    );
    // Proposals, motions and the list of documents are not decisions.
    assert_eq!(
        decisions(m, 2),
        [
            ("att bevilja föreningen Gemenskap bidrag med 45 000 kronor för 2024,", Outcome::Approved),
            (
                "att uppdra åt förvaltningen att följa upp hur bidraget har använts och redovisa det för nämnden i december.",
                Outcome::Other
            ),
        ]
    );
    assert_eq!(decisions(m, 3).len(), 1);
    assert_eq!(decisions(m, 3)[0].1, Outcome::Postponed);
    assert_eq!(
        decisions(m, 4),
        [("att lägga redovisningen till handlingarna.", Outcome::Noted)]
    );
    let text = &m.items[1].text;
    for furniture in [
        "Justerandes sign",
        "Utdragsbestyrkande",
        "SAMMANTRÄDESPROTOKOLL",
        "3(6)",
        "Sammanträdesdatum",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} in item text: {text}"
        );
    }
    // The sentence broken by the page break is whole again.
    assert!(
        text.contains("Förvaltningen har bedömt att ansökan"),
        "{text}"
    );
    let sections: Vec<&str> = m.items[1]
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert!(sections.contains(&"Beslutsunderlag") && sections.contains(&"Socialnämndens beslut"));
}

#[test]
fn kommun_protocol_with_page_furniture() {
    check_kommun(&read("kommun_sammantradesprotokoll.txt"));
}

#[test]
fn windows_1252_with_crlf_reads_like_utf8() {
    let utf8 = std::fs::read_to_string(fixture("kommun_sammantradesprotokoll.txt")).unwrap();
    let crlf = utf8.replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&crlf);
    assert!(
        !unmappable,
        "the fixture must be expressible in Windows-1252"
    );
    assert!(
        bytes.contains(&0xA7) && bytes.contains(&0xC5),
        "§ and Å as single bytes"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kommun_sammantradesprotokoll.txt");
    std::fs::write(&path, &bytes).unwrap();
    let m = parse_file(&path).unwrap().meeting;
    check_kommun(&m);
    assert_eq!(m, read("kommun_sammantradesprotokoll.txt"));
}

#[test]
fn kommun_protocol_as_pdftotext_layout() {
    // Columns as runs of spaces, the page number at the end of a header row,
    // "Sida" on its own, and numbered decisions under "Kommunstyrelsens beslut".
    let m = read("kommun_pdftotext_layout.txt");
    assert_eq!(m.kind.as_deref(), Some("Sammanträdesprotokoll"));
    assert_eq!(m.body.as_deref(), Some("Kommunstyrelsen"));
    assert_eq!(m.date.as_deref(), Some("2024-03-05"));
    assert_eq!(m.time.as_deref(), Some("09:00-12:10"));
    assert_eq!(m.place.as_deref(), Some("Stadshuset, Sessionssalen"));
    assert_eq!(m.chair.as_deref(), Some("Lena Persson"));
    assert_eq!(m.secretary.as_deref(), Some("Ola Nord"));
    assert_eq!(
        names(&m.present),
        [
            "Lena Persson",
            "Nils Karlsson",
            "Sara Holm",
            "Ali Hassan",
            "Tove Lind",
            "Maria Svensson",
            "Ola Nord"
        ]
    );
    assert_eq!(
        titles(&m),
        [
            (Some("§ 12"), "Budgetuppföljning februari 2024"),
            (
                Some("§ 13"),
                "Motion om gratis kollektivtrafik för pensionärer"
            ),
            (Some("§ 14"), "Information om arbetet med ny översiktsplan"),
        ]
    );
    assert_eq!(
        decisions(&m, 1),
        [
            ("Budgetuppföljningen godkänns.", Outcome::Approved),
            (
                "Socialnämnden får i uppdrag att redovisa åtgärder för en budget i balans senast i maj.",
                Outcome::Other
            ),
        ]
    );
    // The motion "yrkar att motionen avslås" is no decision; the decision is.
    assert_eq!(decisions(&m, 2), [("Motionen avslås.", Outcome::Rejected)]);
    assert_eq!(
        decisions(&m, 3),
        [("Informationen läggs till handlingarna.", Outcome::Noted)]
    );
    for item in &m.items {
        for furniture in ["Sida", "Utdragsbestyrkande", "Sammanträdesdatum", "(4)"] {
            assert!(
                !item.text.contains(furniture),
                "{furniture:?} in {}",
                item.text
            );
        }
    }
}

/// The kommunstyrelse fixture must stay Windows-1252 with CRLF: an editor
/// that saved it as UTF-8 would make its gold test prove nothing.
#[test]
fn cp1252_crlf_fixture_stays_cp1252_and_reads_as_utf8() {
    let bytes = std::fs::read(fixture("kommunstyrelsen_cp1252_crlf.txt")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    let m = read("kommunstyrelsen_cp1252_crlf.txt");
    assert_eq!(m.chair.as_deref(), Some("Göran Åkesson"));
    assert!(m.items.iter().all(|i| !i.text.contains('\r')));
    assert_eq!(m.items[1].decisions[0].outcome, Outcome::Rejected);
}

#[test]
fn punkt_protocol() {
    let m = read("punkt_styrelseprotokoll.txt");
    assert_eq!(m.kind.as_deref(), Some("Protokoll"));
    assert_eq!(m.date.as_deref(), Some("2023-03-14"));
    assert_eq!(m.time.as_deref(), Some("18:30-20:15"));
    assert_eq!(m.place.as_deref(), Some("Föreningslokalen, Solgatan 4"));
    assert_eq!(m.chair.as_deref(), Some("Karin Lund"));
    assert_eq!(m.secretary.as_deref(), Some("Omar Haddad"));
    assert_eq!(
        names(&m.present),
        ["Karin Lund", "Per Ström", "Lisa Berg", "Omar Haddad"]
    );
    assert_eq!(names(&m.absent), ["Jonas Åberg"]);
    assert_eq!(m.items.len(), 8);
    assert_eq!(titles(&m)[3], (Some("Punkt 4"), "Ekonomi"));
    assert_eq!(
        decisions(&m, 4),
        [(
            "Styrelsen beslutar att höja avgiften med 3 procent från den 1 juli 2023.",
            Outcome::Approved
        )]
    );
    assert_eq!(decisions(&m, 5)[0].1, Outcome::Postponed);
    assert_eq!(decisions(&m, 6)[0].1, Outcome::Approved);
    assert!(decisions(&m, 7).is_empty());
    // The signatures after the last item are no part of it.
    assert!(!m.items[7].text.contains("Omar Haddad"));
}

#[test]
fn markdown_export() {
    let m = read("markdown_export.md");
    assert_eq!(m.kind.as_deref(), Some("Protokoll"));
    assert_eq!(
        m.body.as_deref(),
        Some("Styrelsen för Kulturföreningen Ljuset")
    );
    assert_eq!(m.date.as_deref(), Some("2024-02-08"));
    assert_eq!(m.time.as_deref(), Some("17:00-19:00"));
    assert_eq!(m.secretary.as_deref(), Some("Amina Yusuf"));
    assert_eq!(names(&m.absent), ["Tove Ek"]);
    assert_eq!(
        titles(&m),
        [
            (Some("1"), "Mötets öppnande"),
            (Some("2"), "Verksamhetsplan 2024"),
            (Some("3"), "Budget"),
            (Some("4"), "Övrigt"),
        ]
    );
    assert_eq!(m.items[1].presenters, ["Sven Lind", "Amina Yusuf"]);
    assert_eq!(
        decisions(&m, 2),
        [(
            "Styrelsen fastställer verksamhetsplanen för 2024.",
            Outcome::Approved
        )]
    );
    assert_eq!(
        decisions(&m, 3),
        [
            ("Budgeten för 2024 antas.", Outcome::Approved),
            (
                "Erik Sand får i uppdrag att söka bidrag från kommunen.",
                Outcome::Other
            ),
        ]
    );
    for item in &m.items {
        assert!(
            !item.title.contains('*') && !item.text.contains("**"),
            "{item:?}"
        );
        for d in &item.decisions {
            assert!(!d.text.contains('*'), "{d:?}");
        }
    }
}

fn check_invariants(text: &str) {
    let parsed = parse(text, "x.txt");
    let m = &parsed.meeting;
    for (k, item) in m.items.iter().enumerate() {
        assert_eq!(item.ordinal as usize, k + 1);
        assert!(!item.title.contains("**"));
        for d in &item.decisions {
            assert!(!d.text.trim().is_empty());
        }
    }
}

/// Lines that look like minutes: item heads, labels, clauses, furniture.
fn minutes_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,3}\\. [A-ZÅÄÖ][a-zåäö ]{0,25}",
        "#{1,4} (\\*\\*)?[0-9]{1,2}\\. [A-ZÅÄÖ][a-zåäö]{0,12}(\\*\\*)?",
        "§ ?[0-9]{1,4}( [A-ZÅÄÖ][a-zåäö ]{0,20})?",
        "§ [0-9]{1,3}\tDnr SN 20[0-9]{2}/[0-9]{5}",
        "Punkt [0-9]{1,2}\\) [A-ZÅÄÖ][a-zåäö ]{0,20}",
        Just("Beslut:".to_string()),
        Just("**Beslut:** Nämnden godkänner förslaget.".to_string()),
        Just("Socialnämndens beslut".to_string()),
        Just("Förvaltningens förslag till beslut".to_string()),
        Just("Socialnämnden beslutar".to_string()),
        "att [a-zåäö ]{0,30}",
        "- \\*?[a-zåäö ]{0,20}\\*?",
        "\\*Föredragande: [A-ZÅÄÖ][a-zåäö]{1,8}( och [A-ZÅÄÖ][a-zåäö]{1,8})?\\*",
        "(Tid|Plats|Datum|Närvarande|Frånvarande|Sekreterare|Dnr)(:|\t)[ -~åäöÅÄÖ]{0,30}",
        Just("Justerandes sign\tUtdragsbestyrkande".to_string()),
        "[0-9]{1,2}\\([0-9]{1,2}\\)",
        Just("SAMMANTRÄDESPROTOKOLL".to_string()),
        Just("Ärendeförteckning".to_string()),
        Just("Dagens agenda:".to_string()),
        "[A-ZÅÄÖ][a-zåäö ,.]{0,60}",
        "kl\\. ?[0-9]{1,2}[.:][0-9]{2} ?[-–] ?[0-9]{1,2}[.:][0-9]{2}",
        "[0-9]{6}|[0-9]{4}-[0-9]{2}-[0-9]{2}|den [0-9]{1,2} (mars|maj|juni) [0-9]{4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn minutes_like_line_soup_never_panics(lines in proptest::collection::vec(minutes_line(), 0..80)) {
        check_invariants(&lines.join("\n"));
        check_invariants(&lines.join("\r\n"));
    }
}

#[test]
fn hostile_sizes_stay_linear() {
    // One 8 MB line without a line break.
    let line = "Beslut: ansökan avslås, ".repeat(350_000);
    check_invariants(&line);
    // 10,000 items.
    let mut many = String::from("Protokoll\n\n");
    for n in 1..=10_000 {
        many.push_str(&format!(
            "§ {n} Punkt nummer {n}\n\nDagordningen godkänns.\n\n"
        ));
    }
    let m = parse(&many, "many.txt").meeting;
    assert_eq!(m.items.len(), 10_000);
    assert_eq!(m.items[9_999].decisions.len(), 1);
    // A deep list and a long run of § lines.
    let deep: String = (0..50_000)
        .map(|d| format!("{}- nivå {d}\n", "  ".repeat(d % 200)))
        .collect();
    check_invariants(&deep);
    let paras: String = (0..50_000).map(|d| format!("§ {d}\n")).collect();
    check_invariants(&paras);
}

/// A fixed amount of parsing for measuring CPU time on a busy machine
/// (`perf stat -e task-clock` on the test binary):
/// `cargo test --release --test parse_layouts -- --ignored parse_throughput_loop`.
#[test]
#[ignore]
fn parse_throughput_loop() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/minutes");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        docs.push(protokoll::input::read_text(&path).unwrap());
    }
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(2000);
    let bytes: usize = docs.iter().map(String::len).sum::<usize>() * rounds;
    let per_round: usize = docs
        .iter()
        .map(|d| parse(d, "x.txt").meeting.items.len())
        .sum();
    assert!(per_round >= 36, "the seeds hold 36 items");
    let start = std::time::Instant::now();
    let mut items = 0;
    for _ in 0..rounds {
        for d in &docs {
            items += parse(d, "x.txt").meeting.items.len();
        }
    }
    assert_eq!(items, per_round * rounds);
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{bytes} bytes in {secs:.3} s wall: {:.1} MB/s",
        bytes as f64 / secs / 1e6
    );
}

#[test]
fn hostile_repetition_stays_linear() {
    // Thousands of signature roles, restarting § numbers and attendee keys.
    let roles = format!(
        "Protokoll\nUnderskrifter\n{}",
        "Ordförande\nSekreterare\n".repeat(20_000)
    );
    check_invariants(&roles);
    let restarts = "§ 1 Val av justerare\nText.\n".repeat(20_000);
    let m = parse(&restarts, "r.txt").meeting;
    assert_eq!(m.items.len(), 1);
    let trailers = "§ 1 Titel\nText.\nNärvarande: Anna Ek\n".repeat(5_000);
    check_invariants(&trailers);
}
