//! The named parts of an agenda item in kommun protocols.
//!
//! A `§` item is written in parts, each under a label line:
//! "Ärendebeskrivning", "Beslutsunderlag", "Förslag till beslut",
//! "Yrkanden", "Propositionsordning", "Beslut" / "Socialnämndens beslut",
//! "Reservation", "Beslutet skickas till". Only the decision part holds
//! decisions: a proposal ("Förvaltningens förslag till beslut") may read
//! word for word like the decision, and the list of documents under
//! "Beslutsunderlag" may contain "beslut" in every line.

use super::text::eq_ci;
use super::text::TrimWs;

/// What a part of an item holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The decision itself.
    Decision,
    /// Anything else with a label: description, documents, proposals,
    /// motions, reservations, distribution.
    Silent,
}

const SILENT: [&str; 36] = [
    "ärendebeskrivning",
    "ärendet",
    "beskrivning av ärendet",
    "sammanfattning",
    "sammanfattning av ärendet",
    "bakgrund",
    "beslutsunderlag",
    "underlag",
    "underlag för beslut",
    "handlingar",
    "förslag till beslut",
    "förslag till beslut på sammanträdet",
    "förslag till beslut under sammanträdet",
    "yrkanden",
    "yrkande",
    "yrkanden under sammanträdet",
    "propositionsordning",
    "proposition",
    "beslutsgång",
    "omröstning",
    "omröstningsresultat",
    "reservation",
    "reservationer",
    "protokollsanteckning",
    "protokollsanteckningar",
    "särskilt yttrande",
    "jäv",
    "beslutet skickas till",
    "beslutet ska skickas till",
    "beslutet expedieras till",
    "expedieras till",
    "expediering",
    "beslutsexpediering",
    "skickas till",
    "för kännedom",
    "ekonomiska konsekvenser",
];

const DECISION: [&str; 8] = [
    "beslut",
    "beslutet",
    "beslutades",
    "beslöts",
    "mötet beslutade",
    "mötet beslutar",
    "beslut i korthet",
    "fattade beslut",
];

/// The byte lengths of the [`SILENT`] and [`DECISION`] labels, one bit each.
const LABEL_LENGTHS: u64 = super::text::length_mask(&SILENT) | super::text::length_mask(&DECISION);

/// If `s` is a part label, the part and whatever follows the label on the
/// same line ("Beslut: Dagordningen godkänns"), and whether a colon set
/// the label off.
pub fn label_line(s: &str) -> Option<(Part, &str, bool)> {
    let s = s.trim_ws();
    // Every label is short: look for the colon only near the start.
    let near = s.bytes().take(64).position(|b| b == b':');
    let (head, rest, colon) = match near.map(|k| (&s[..k], &s[k + 1..])) {
        Some((h, r)) => (h.trim_ws(), r.trim_ws(), true),
        None if s.len() > 60 => return None,
        None => (s, "", false),
    };
    if head.is_empty() || head.len() > 60 {
        return None;
    }
    // Most heads are no label. Folding keeps the byte length, so a head of
    // no label's length cannot equal one unless a letter outside Latin-1
    // (lead bytes C4..DF) sends it to `eq_ci`; and the possessive and
    // proposal forms need "beslut" or "(för)slag" in ASCII letters.
    if LABEL_LENGTHS & (1 << head.len()) == 0 && !head.bytes().any(|b| (0xC4..0xE0).contains(&b)) {
        let has = |w: &[u8]| super::text::contains_ascii_ci(head.as_bytes(), w);
        if has(b"beslut") && is_possessive_decision(head) {
            return Some((Part::Decision, rest, colon));
        }
        if has(b"rslag") && is_proposal(head) {
            return Some((Part::Silent, rest, colon));
        }
        return None;
    }
    let mut buf = [0u8; 64];
    let lower = super::text::fold_small_bytes(head, &mut buf);
    let is = |list: &[&str]| match lower {
        // The first byte before the rest: most heads share no first letter
        // with a label.
        Some(lower) => list
            .iter()
            .any(|l| l.as_bytes().first() == lower.first() && l.as_bytes() == lower),
        None => list.iter().any(|l| eq_ci(head, l)),
    };
    // The word-by-word tests run only when the words are there.
    let has = |w: &str| lower.is_none_or(|l| super::text::contains_bytes(l, w.as_bytes()));
    if is(&DECISION) || (has("beslut") && is_possessive_decision(head)) {
        return Some((Part::Decision, rest, colon));
    }
    // Silent labels take no text on the line except after a colon.
    if is(&SILENT) || (has("förslag") && is_proposal(head)) {
        return Some((Part::Silent, rest, colon));
    }
    None
}

/// "Socialnämndens beslut", "Kommunstyrelsens beslut", "Arbetsutskottets
/// beslut", "Hälso- och sjukvårdsnämndens beslut".
fn is_possessive_decision(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().take(6).collect();
    let [lead @ .., a, b] = words.as_slice() else {
        return false;
    };
    // The name's first words are "Hälso-" and "och" of a suspended
    // compound, nothing else.
    let suspended = match lead {
        [] => true,
        [x, och] => x.ends_with('-') && eq_ci(och, "och"),
        _ => false,
    };
    let first = lead.first().unwrap_or(a);
    // "Socialnämndens beslut", or in capitals: "SOCIALNÄMNDENS BESLUT".
    suspended
        && a.ends_with(['s', 'S'])
        && a.chars().count() > 4
        && eq_ci(b, "beslut")
        && super::text::starts_upper(first)
}

/// "Förvaltningens förslag till beslut", "Arbetsutskottets förslag",
/// "Ordförandens förslag".
fn is_proposal(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().take(6).collect();
    if words.len() < 2 || words.len() > 5 || !words[0].ends_with(['s', 'S']) {
        return false;
    }
    // "Kommunstyrelsens förslag till kommunfullmäktige" is a proposal too.
    eq_ci(words[1], "förslag") && (words.len() == 2 || eq_ci(words[2], "till"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<(Part, &str)>) {
        assert_eq!(
            label_line(input).map(|(p, r, _)| (p, r)),
            expected,
            "{input}"
        );
    }

    #[test]
    fn labels_of_odd_lengths_and_cases() {
        check("BESLUTSUNDERLAG", Some((Part::Silent, "")));
        check("Socialnämndens BESLUT:", Some((Part::Decision, "")));
        check("Nämndens förslag till beslut", Some((Part::Silent, "")));
        check("Ordförandens FÖRSLAG", Some((Part::Silent, "")));
        check("Kort rad utan etikett", None);
    }

    #[test]
    fn labels() {
        check("Beslut", Some((Part::Decision, "")));
        check("Beslut:", Some((Part::Decision, "")));
        check(
            "Beslut: Dagordningen godkänns.",
            Some((Part::Decision, "Dagordningen godkänns.")),
        );
        check("Socialnämndens beslut", Some((Part::Decision, "")));
        check("Kommunstyrelsens beslut", Some((Part::Decision, "")));
        check(
            "Hälso- och sjukvårdsnämndens beslut",
            Some((Part::Decision, "")),
        );
        check(
            "BARN- OCH UTBILDNINGSNÄMNDENS BESLUT",
            Some((Part::Decision, "")),
        );
        check("Hälso- eller sjukvårdsnämndens beslut", None);
        check("SOCIALNÄMNDENS BESLUT", Some((Part::Decision, "")));
        check(
            "Förvaltningens förslag till beslut",
            Some((Part::Silent, "")),
        );
        check("Arbetsutskottets förslag", Some((Part::Silent, "")));
        check("ARBETSUTSKOTTETS FÖRSLAG", Some((Part::Silent, "")));
        check(
            "Kommunstyrelsens förslag till kommunfullmäktige",
            Some((Part::Silent, "")),
        );
        check("Beslutsunderlag", Some((Part::Silent, "")));
        check("Beslutet skickas till", Some((Part::Silent, "")));
        check("Yrkanden", Some((Part::Silent, "")));
        check("Beslut om detta ärende skjuts fram till nästa möte.", None);
        check("Tidigare beslut", None);
    }
}
