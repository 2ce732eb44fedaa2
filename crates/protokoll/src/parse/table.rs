//! Layouts that are tables in all but name.
//!
//! **Agendas kept as a table**, one row per item.
//!
//! Word's "save as text" and spreadsheet exports turn an agenda table into
//! tab-separated rows under a header row:
//!
//! ```text
//! Nr<TAB>Ärende<TAB>Föredragande<TAB>Anteckning/beslut
//! 1<TAB>Mötets öppnande<TAB>Marie Holmgren<TAB>Marie Holmgren öppnade mötet.
//! ```
//!
//! Such a table is rewritten, before the document is segmented, into the
//! numbered layout the rest of the parser reads ("1. Title", a
//! "Föredragande:" line, the notes, a "Beslut:" line for a column of
//! decisions), so its items get the same titles, presenters and decisions
//! as any numbered document. Only a header row that names both a number
//! column and a title column starts a table, and only rows that begin with
//! an item number belong to it.
//!
//! **Items whose parts are labelled in a left column**, as `pdftotext
//! -layout` renders many kommun protocols:
//!
//! ```text
//! Ärende               Ansökan om strandskyddsdispens för nybyggnad av
//!                      komplementbyggnad på fastigheten Sjövik 3:14
//!
//! Beslut               Miljö- och byggnämnden beslutar att bevilja ...
//! ```
//!
//! Each label is put on a line of its own above its text ("Ärende" is
//! dropped: its text is the item's title), so the parts read as in any
//! protocol. Only the labels of an item's parts count, and only lines
//! indented to the text's column continue it.

use super::text::{eq_ci, TrimWs};

/// What a column of an agenda table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Number,
    Title,
    Presenter,
    Notes,
    Decision,
    Other,
}

fn column(header: &str) -> Column {
    let h = header.trim_ws().trim_end_matches(':').trim_ws();
    let any = |names: &[&str]| names.iter().any(|n| eq_ci(h, n));
    if any(&["nr", "nr.", "§", "punkt", "#", "paragraf"]) {
        Column::Number
    } else if any(&["ärende", "ärenden", "rubrik", "dagordning", "ämne", "fråga"]) {
        Column::Title
    } else if any(&["föredragande", "ansvarig", "föredragare", "presentatör"]) {
        Column::Presenter
    } else if any(&["beslut", "beslut/åtgärd"]) {
        Column::Decision
    } else if any(&[
        "anteckning",
        "anteckningar",
        "anteckning/beslut",
        "anteckningar/beslut",
        "noteringar",
        "notering",
        "kommentar",
        "kommentarer",
        "diskussion",
    ]) {
        Column::Notes
    } else {
        Column::Other
    }
}

/// The document with its agenda table rewritten as numbered items, or
/// `None` when it has no such table (the usual case, found without
/// allocating).
pub fn expand(text: &str) -> Option<String> {
    // A header row has at least two tabs; most documents have no line with
    // "\t" followed by a title word, so this scan turns them down.
    if !text.contains('\t') {
        return None;
    }
    let mut header: Option<Vec<Column>> = None;
    let mut out = String::new();
    let mut changed = false;
    // A table after "§ 20" is a list inside that paragraph (delegation
    // decisions, "Nr / Ärende / Datum / Delegat"), not the agenda.
    let mut in_paragraph = false;
    for line in text.split_inclusive('\n') {
        let row = line.trim_end_matches(['\n', '\r']);
        in_paragraph |= row
            .strip_prefix('§')
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if let Some(cols) = &header {
            if let Some(item) = item_row(row, cols) {
                out.push_str(&item);
                changed = true;
                continue;
            }
            if !row.trim_ws().is_empty() {
                header = None;
            }
        }
        // A header row's first cell names the number column.
        let first = row.split('\t').next().unwrap_or("");
        if !in_paragraph && row.contains('\t') && column(first) == Column::Number {
            let cols: Vec<Column> = row.split('\t').map(column).collect();
            let numbered = cols.first() == Some(&Column::Number);
            if numbered && cols.contains(&Column::Title) && cols.len() >= 3 {
                header = Some(cols);
                changed = true;
                continue;
            }
        }
        out.push_str(line);
    }
    changed.then_some(out)
}

/// The labels of an item's parts that protocols print in a left column.
const PART_LABELS: [&str; 23] = [
    "ärende",
    "skäl för beslut",
    "beslut",
    "föredragande",
    "ärendebeskrivning",
    "beslutsunderlag",
    "yrkanden",
    "yrkande",
    "reservation",
    "reservationer",
    "protokollsanteckning",
    "expedieras till",
    "expedieras",
    "skickas till",
    "sammanfattning",
    "bakgrund",
    "förslag till beslut",
    "propositionsordning",
    "beslutsgång",
    "jäv",
    "omröstning",
    "underlag",
    "handlingar",
];

/// A line "Label   text" of a label column: the label and the byte column
/// where the text starts.
fn labelled(line: &str) -> Option<(&'static str, usize)> {
    // Asked of every line: most start with no label's first letter, or
    // have no run of spaces or tab to separate a column.
    let first = line.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(
        first,
        b'b' | b'e' | b'f' | b'h' | b'j' | b'o' | b'p' | b'r' | b's' | b'u' | b'y' | 0xC3
    ) {
        return None;
    }
    if !line.contains('\t') && !line.contains("  ") {
        return None;
    }
    // "Ärende" is a prefix of "Ärendebeskrivning": every label is tried.
    PART_LABELS.iter().find_map(|label| {
        let head = line.get(..label.len())?;
        if !super::text::eq_ci(head, label) {
            return None;
        }
        let rest = &line[label.len()..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let tabbed = rest.starts_with('\t');
        // The text column starts a title, a name or a sentence; justified
        // text ("Beslut  om  ny  plan") goes on in lowercase.
        let body = rest.trim_ws();
        let starts = body
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if (gap < 2 && !tabbed) || !starts {
            return None;
        }
        Some((*label, label.len() + gap))
    })
}

/// The document with its left-column part labels put above their text, or
/// `None` when it has none.
pub fn unlabel(text: &str) -> Option<String> {
    // Cheap turn-down: a label column has a label at a line start followed
    // by a run of spaces or a tab.
    if !text.lines().any(|l| labelled(l).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 256);
    let mut column: Option<(usize, bool)> = None;
    for line in text.split_inclusive('\n') {
        let row = line.trim_end_matches(['\n', '\r']);
        if let Some((label, at)) = labelled(row) {
            let body = row[at..].trim_ws();
            let title = label == "ärende";
            if !title {
                out.push_str(&row[..label.len()]);
                // "Föredragande: Rikard Olsson" reads as a presenter line.
                out.push(if label == "föredragande" { ':' } else { '\n' });
            }
            out.push_str(body);
            column = Some((at, title));
            if !title {
                out.push('\n');
            }
            continue;
        }
        if let Some((at, title)) = column {
            let indent = row.len() - row.trim_start_matches(' ').len();
            if !row.trim_ws().is_empty() && indent + 2 >= at && indent <= at + 2 {
                if title {
                    // A title wrapped onto the next line stays one line.
                    out.push(' ');
                    out.push_str(row.trim_ws());
                } else {
                    out.push_str(row.trim_ws());
                    out.push('\n');
                }
                continue;
            }
            if title {
                out.push('\n');
            }
            column = None;
        }
        out.push_str(line);
    }
    if matches!(column, Some((_, true))) {
        out.push('\n');
    }
    Some(out)
}

/// One row of the table as a numbered item, or `None` when the row does
/// not start with an item number.
fn item_row(row: &str, cols: &[Column]) -> Option<String> {
    let cells: Vec<&str> = row.split('\t').map(TrimWs::trim_ws).collect();
    let number = cells.first()?.trim_start_matches('§').trim_ws();
    let number = number.trim_end_matches(['.', ')']);
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cell = |want: Column| -> Vec<&str> {
        cols.iter()
            .zip(&cells)
            .filter(|(c, v)| **c == want && !v.is_empty())
            .map(|(_, v)| *v)
            .collect()
    };
    let title = cell(Column::Title).join(" – ");
    if title.is_empty() {
        return None;
    }
    let mut item = format!("\n{number}. {title}\n");
    for p in cell(Column::Presenter) {
        item.push_str("Föredragande: ");
        item.push_str(p);
        item.push('\n');
    }
    for n in cell(Column::Notes).into_iter().chain(cell(Column::Other)) {
        item.push_str(n);
        item.push('\n');
    }
    for d in cell(Column::Decision) {
        item.push_str("Beslut: ");
        item.push_str(d);
        item.push('\n');
    }
    Some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_numbered_items() {
        let text = "Protokoll\nDatum:\t2023-03-14\n\n\
                    Nr\tÄrende\tFöredragande\tAnteckning/beslut\n\
                    1\tMötets öppnande\tMarie Holmgren\tMarie Holmgren öppnade mötet.\n\
                    2\tFöregående protokoll\t\tProtokollet lades till handlingarna.\n\
                    \nNästa möte: 2023-04-18\n";
        let got = expand(text).unwrap();
        assert_eq!(
            got,
            "Protokoll\nDatum:\t2023-03-14\n\n\
             \n1. Mötets öppnande\nFöredragande: Marie Holmgren\nMarie Holmgren öppnade mötet.\n\
             \n2. Föregående protokoll\nProtokollet lades till handlingarna.\n\
             \nNästa möte: 2023-04-18\n"
        );
    }

    #[test]
    fn a_decision_column_is_labelled() {
        let text = "§\tRubrik\tBeslut\n12\tBudget 2024\tGodkänns.\n";
        assert_eq!(
            expand(text).unwrap(),
            "\n12. Budget 2024\nBeslut: Godkänns.\n"
        );
    }

    #[test]
    fn labels_in_a_left_column_go_above_their_text() {
        let text = "§ 62                 Dnr MBN 2024/000198\n\n\
                    Ärende               Ansökan om strandskyddsdispens för nybyggnad av\n\
                    \x20                    komplementbyggnad på Sjövik 3:14\n\n\
                    Beslut               Nämnden beslutar att bevilja dispens enligt 7 kap.\n\
                    \x20                    18 b § miljöbalken.\n\
                    Text efter.\n";
        assert_eq!(
            unlabel(text).unwrap(),
            "§ 62                 Dnr MBN 2024/000198\n\n\
             Ansökan om strandskyddsdispens för nybyggnad av komplementbyggnad på Sjövik 3:14\n\n\
             Beslut\nNämnden beslutar att bevilja dispens enligt 7 kap.\n18 b § miljöbalken.\n\
             Text efter.\n"
        );
        // A label followed by one space is a sentence, not a column.
        assert_eq!(unlabel("Beslut fattades i maj.\n"), None);
        // Justified text is no column.
        assert_eq!(unlabel("Beslut  om  ny  plan  ska  fattas.\n"), None);
        assert_eq!(unlabel("Ärendet gäller bygglov.\n"), None);
        assert_eq!(
            unlabel("Ärendebeskrivning    Sökanden vill bygga.\nFöredragande    Rikard Olsson\n")
                .unwrap(),
            "Ärendebeskrivning\nSökanden vill bygga.\nFöredragande:Rikard Olsson\n"
        );
    }

    #[test]
    fn other_tables_and_plain_text_stay() {
        assert_eq!(expand("Inga tabbar här.\n"), None);
        // A presence table names no item number column.
        assert_eq!(expand("Namn\tParti\tNärvarande\nKim Ny\tS\tX\n"), None);
        // A delegation list inside a paragraph.
        assert_eq!(
            expand("§ 20 Delegationsbeslut\nNr\tÄrende\tDatum\tDelegat\n1\tBygglov\t2024-01-02\tAnna Ek\n"),
            None
        );
        // A to-do table: no number column first.
        assert_eq!(
            expand("Åtgärd\tÄrende\tAnsvarig\nSkicka ut\tAvtal\tSara Öberg\n"),
            None
        );
    }
}
