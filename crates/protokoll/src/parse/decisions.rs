//! Decisions: which sentences decide something, and what they decide.
//!
//! Explicit decisions come from the item's structure (a "Beslut:" label,
//! "X beslutar" followed by "att"-clauses or a list) and are found in
//! `body.rs`. This module reads the sentences themselves: it splits a
//! paragraph into sentences, finds the ones that are decisions on their own
//! ("Dagordningen godkänns.", "ansökan avslås", "X beslutar att ..."), and
//! classifies any decision text into an [`Outcome`].
//!
//! Matching works on lowercase words, never on regular expressions, so the
//! cost is one pass over the sentence.

use super::text::push_lower;
use super::text::TrimWs;
use crate::Outcome;

/// How sure the parser is that a piece of text is a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Under a "Beslut" label or an "X beslutar" lead.
    Explicit,
    /// A sentence saying "X beslutar att ...", or an italic decision line.
    Strong,
    /// A sentence with a decision verb ("godkänns", "avslås").
    Weak,
}

/// Splits `s` into sentences: at ".", "!" or "?" followed by white space,
/// except after abbreviations ("bl.a.", "t.ex.", "kl.") and initials ("Maria W.").
pub fn sentences(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let c = b[i];
            i += 1;
            // Without short-circuits: one branch a byte, rarely taken, where
            // a chain of comparisons mispredicted on ordinary letters.
            if !((c == b'.') | (c == b'!') | (c == b'?')) {
                continue;
            }
            let mut j = i;
            while j < b.len() && matches!(b[j], b'*' | b'_' | b'"' | b')' | b'\'') {
                j += 1;
            }
            if j < b.len() && !matches!(b[j], b' ' | b'\n' | b'\t') {
                continue;
            }
            if c == b'.' && is_abbreviation(&s[start..i - 1]) {
                continue;
            }
            // "enligt 7 kap. 18 b § miljöbalken": no sentence starts with a
            // lowercase letter or a section number after a full stop.
            if c == b'.' {
                let next = b[j..].iter().find(|&&x| !matches!(x, b' ' | b'\t'));
                if next.is_some_and(u8::is_ascii_lowercase) && !b[i..j].contains(&b'\n') {
                    continue;
                }
            }
            let sentence = s[start..j].trim_ws();
            start = j;
            i = j;
            if !sentence.is_empty() {
                return Some(sentence);
            }
        }
        if start < b.len() {
            let sentence = s[start..].trim_ws();
            start = b.len();
            if !sentence.is_empty() {
                return Some(sentence);
            }
        }
        None
    })
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit([' ', '\n', '\t', '(']).next().unwrap_or("");
    let word = word.trim_start_matches(['*', '_']);
    if word.contains('.') {
        return true;
    }
    let n = word.chars().count();
    if n == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    const ABBR: [&str; 25] = [
        "ca", "kl", "nr", "st", "resp", "inkl", "exkl", "dvs", "ev", "jfr", "tf", "bl", "t", "m",
        "s", "o", "ang", "enl", "tel", "mfl", "mm", "fr", "kap", "dnr", "p",
    ];
    ABBR.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Lowercase words of `s` (runs of letters and digits), reusing `buf`.
///
/// The scan is by bytes: ASCII and the two-byte Latin-1 letters ("å", "ä",
/// "ö", "é") are told apart without decoding; only other non-ASCII chars
/// are decoded and looked up.
fn words<'b>(s: &str, buf: &'b mut String) -> Vec<&'b str> {
    buf.clear();
    push_lower(buf, s);
    let buf: &'b str = buf;
    let b = buf.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5 + 1);
    let mut start = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (alnum, len) = if c < 0x80 {
            (c.is_ascii_alphanumeric(), 1)
        } else if c == 0xC3 {
            // U+00C0..=U+00FF are letters but "×" (C3 97) and "÷" (C3 B7).
            (!matches!(b.get(i + 1), Some(0x97 | 0xB7)), 2)
        } else {
            let ch = buf[i..].chars().next().unwrap_or(' ');
            (ch.is_alphanumeric(), ch.len_utf8())
        };
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(k)) => {
                out.push(&buf[k..i]);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(k) = start {
        out.push(&buf[k..]);
    }
    out
}

/// Bytes that separate words: ASCII that is no letter or digit.
static SEPARATOR: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = !(c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The first four bytes of a word as a number, for matching word stems.
const fn stem(b: &[u8; 4]) -> u32 {
    u32::from_le_bytes(*b)
}

const BESL: u32 = stem(b"besl");
const GODK: u32 = stem(b"godk");
const BEVI: u32 = stem(b"bevi");
const BIFA: u32 = stem(b"bifa");
const BIFO: u32 = stem(b"bif\xC3");
const SKJU: u32 = stem(b"skju");
const FAST: u32 = stem(b"fast");
const AVSL: u32 = stem(b"avsl");
const BORD: u32 = stem(b"bord");
const ATER: u32 = stem(b"\xC3\xA5te");
const ANTO: u32 = stem(b"anto");
const ANTA: u32 = stem(b"anta");
const STAL: u32 = stem(b"st\xC3\xA4");
const SKOT: u32 = stem(b"sk\xC3\xB6");
const LAGG: u32 = stem(b"l\xC3\xA4g");
const LADE: u32 = stem(b"lade");
const VALJ: u32 = stem(b"v\xC3\xA4l");
const VALD: u32 = stem(b"vald");
const NOTE: u32 = stem(b"note");
const OMVA: u32 = stem(b"omva");
const UTSE: u32 = stem(b"utse");
const INFO: u32 = stem(b"info");
const UTSA: u32 = stem(b"uts\xC3");
const TACK: u32 = stem(b"tack");
const FLYT: u32 = stem(b"flyt");
const TILL: u32 = stem(b"till");
const AVST: u32 = stem(b"avst");
const OVER: u32 = stem(b"\xC3\xB6ve");

/// Every stem, for [`STEM_SLOTS`].
const STEMS: [u32; 28] = [
    BESL, GODK, BEVI, BIFA, BIFO, SKJU, FAST, AVSL, BORD, ATER, ANTO, ANTA, STAL, SKOT, LAGG, LADE,
    VALJ, VALD, NOTE, OMVA, UTSE, INFO, UTSA, TACK, FLYT, TILL, AVST, OVER,
];

/// A multiplier that sends the [`STEMS`] to 28 different slots of 64 (found
/// by trying; the table below fails to compile if two ever collide).
const STEM_MUL: u32 = 0x71B8_8C97;

const fn stem_slot(head: u32) -> usize {
    (head.wrapping_mul(STEM_MUL) >> 26) as usize
}

/// The stems by slot, 0 where none. Looking a word's first four bytes up
/// here is one predictable comparison; the `match` over 22 constants it
/// replaces was a tree of comparisons that mispredicted on most words.
static STEM_SLOTS: [u32; 64] = {
    let mut t = [0u32; 64];
    let mut k = 0;
    while k < STEMS.len() {
        let slot = stem_slot(STEMS[k]);
        assert!(
            t[slot] == 0,
            "two stems share a slot: pick another STEM_MUL"
        );
        t[slot] = STEMS[k];
        k += 1;
    }
    t
};

/// A cheap test before the word scan, without allocating: whether any word
/// starts like one of the decision verbs in [`trigger`] (its first four or
/// five bytes). Most sentences in minutes have none.
pub fn may_trigger(s: &str) -> bool {
    stem_hits(s, None)
}

/// Finds the words that start like a decision verb; with `out`, records
/// the byte offset of every one, else stops at the first. Returns whether
/// there was any.
pub fn stem_hits(s: &str, mut out: Option<&mut Vec<usize>>) -> bool {
    let mut any = false;
    let is_sep = |c: u8| SEPARATOR[c as usize];
    let b = s.as_bytes();
    // Word boundaries come at no predictable rhythm, so branching on every
    // byte mispredicted once or twice a word. Instead the bytes are read in
    // blocks of BLOCK into a bit mask (no branch per byte), and the starts
    // of words of five bytes or more are picked out of it with shifts: a
    // letter after a separator with four more letters after it.
    const BLOCK: usize = 60;
    let mut block = 0;
    while block < b.len() {
        // Bit k: byte block + k is a letter or digit (the block and four
        // bytes after it; past the end counts as a separator).
        let mut letters = 0u64;
        for (k, &c) in b[block..b.len().min(block + BLOCK + 4)].iter().enumerate() {
            letters |= u64::from(!is_sep(c)) << k;
        }
        let before = block > 0 && !is_sep(b[block - 1]);
        let mut starts = letters & !((letters << 1) | u64::from(before));
        for k in 1..5 {
            starts &= letters >> k;
        }
        starts &= (1u64 << BLOCK) - 1;
        while starts != 0 {
            let start = block + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if stem_at(b, start) {
                any = true;
                match out.as_deref_mut() {
                    Some(out) => out.push(start),
                    None => return true,
                }
            }
        }
        block += BLOCK;
    }
    any
}

/// Whether the word starting at `start` (five bytes or more) starts like a
/// decision verb.
fn stem_at(b: &[u8], start: usize) -> bool {
    let is_sep = |c: u8| SEPARATOR[c as usize];
    // The whole word, found only for the stems that look past the fifth
    // byte: most words match no stem.
    let word = || {
        let end = start + b[start..].iter().take_while(|&&c| !is_sep(c)).count();
        &b[start..end]
    };
    let mut head = [
        b[start].to_ascii_lowercase(),
        b[start + 1].to_ascii_lowercase(),
        b[start + 2].to_ascii_lowercase(),
        b[start + 3].to_ascii_lowercase(),
    ];
    // "Å" folded to "å" at the start of a word.
    if head[0] == 0xC3 && (0x80..0xA0).contains(&head[1]) {
        head[1] += 0x20;
    }
    let head = u32::from_le_bytes(head);
    // No word head is 0: its bytes are letters, digits or non-ASCII.
    if STEM_SLOTS[stem_slot(head)] != head {
        return false;
    }
    let fifth = b[start + 4].to_ascii_lowercase();
    match head {
        // The verbs, not the nouns: "beslutar", "beslutade", "beslöt"
        // but not "beslut", "beslutet", "beslutsunderlag".
        BESL => {
            let rest = &word()[4..];
            rest.len() >= 3
                && (rest[..3].eq_ignore_ascii_case(b"uta") || rest.starts_with(b"\xC3\xB6t"))
        }
        // "godkänns", "godkänner", "godkänd(e)", "godkänt", not "godkännande".
        GODK => {
            let w = word();
            match w.get(4..7) {
                Some(b"\xC3\xA4n") => matches!(
                    (w.get(7), w.get(8)),
                    (Some(b'd' | b't'), _) | (Some(b'n'), Some(b's' | b'e'))
                ),
                _ => false,
            }
        }
        BEVI | BIFA | BIFO | SKJU => true,
        FAST | LADE => fifth == b's',
        AVSL => matches!(fifth, 0xC3 | b'o' | b'a'),
        BORD | STAL => fifth == b'l',
        ATER => fifth == b'r',
        ANTO | LAGG => fifth == b'g',
        SKOT => fifth == b't',
        VALJ => fifth == b'j',
        VALD => fifth == b'e',
        OMVA => fifth == b'l',
        UTSE => matches!(fifth, b's' | b'r'),
        ANTA => fifth == b'r',
        NOTE | INFO => fifth == b'r',
        // "utsåg", "tackar", "flyttas".
        UTSA => fifth == 0xA5,
        TACK => fifth == b'a',
        FLYT => fifth == b't',
        // "tillstyrker", "avstyrker"; not "tillsammans", "avstånd".
        TILL => word()[4..].starts_with(b"styr"),
        AVST => word()[4..].starts_with(b"yr"),
        // "överens", not "överenskommelse".
        OVER => word().eq_ignore_ascii_case("överens".as_bytes()),
        _ => false,
    }
}

/// What makes a sentence a decision on its own, if anything.
pub fn trigger(sentence: &str, buf: &mut String) -> Option<Strength> {
    if !may_trigger(sentence) {
        return None;
    }
    trigger_unfiltered(sentence, buf)
}

/// [`trigger`] without the stem filter.
pub fn trigger_unfiltered(sentence: &str, buf: &mut String) -> Option<Strength> {
    let w = words(sentence, buf);
    let at = |k: usize| w.get(k).copied().unwrap_or("");
    // "Styrelsen föreslog att motionen skulle avslås": what follows a
    // proposal or a motion is not decided by the sentence.
    let mut proposing = false;
    // Indexing, not iterating: each match looks at the words around `i`.
    #[allow(clippy::needless_range_loop)]
    for i in 0..w.len() {
        if proposing {
            break;
        }
        let strength = match w[i] {
            "föreslår" | "föreslog" | "föreslås" | "föreslogs" | "föreslagit" | "yrkar"
            | "yrkade" | "förordar" | "förordade" => {
                proposing = true;
                None
            }
            "beslutar" | "beslutade" | "beslöt" | "beslutat" | "beslutades" | "beslöts"
                if matches!(at(i + 1), "att" | "enligt")
                    || at(i + 2) == "att" && (is_adverb(at(i + 1)) || is_definite(at(i + 1))) =>
            {
                // "Beslöts vidare att ...", "... beslutade stämman att ...".
                Some(Strength::Strong)
            }
            // "Stämman valde Ingrid Holm till ordförande", "Styrelsen utsåg
            // Lars Dahlin": an election by the meeting, not "vi valde".
            "valde" | "omvalde" | "utsåg" | "utser" | "väljer"
                if is_definite(at(i.wrapping_sub(1))) =>
            {
                Some(Strength::Weak)
            }
            "tackar" | "tackade" if at(i + 1) == "för" && is_report(at(i + 2)) => {
                Some(Strength::Weak)
            }
            // "Parterna är överens om att genomföra förändringen" (a
            // negotiation's outcome), not "är inte överens".
            "överens"
                if at(i + 1) == "om"
                    && at(i + 2) == "att"
                    && matches!(at(i.wrapping_sub(1)), "är" | "var" | "blev")
                    && is_definite(at(i.wrapping_sub(2))) =>
            {
                Some(Strength::Weak)
            }
            // "Punkten flyttas till nästa möte."
            "flyttas" | "flyttades" if at(i + 1) == "till" && is_next(at(i + 2)) => {
                Some(Strength::Weak)
            }
            "godkänns" | "godkänner" | "godkändes" | "godkänt" | "godkänd" | "godkände"
            | "beviljas" | "beviljar" | "beviljat" | "beviljades" | "beviljade" | "bifalls"
            | "bifaller" | "bifölls" | "tillstyrks" | "tillstyrker" | "fastställer"
            | "fastställs" | "fastställdes" | "fastställde" | "avslås" | "avslår" | "avslogs"
            | "avslog" | "avslag" | "avstyrker" | "avstyrks" | "tillstyrkes" | "tillstyrktes"
            | "bordläggs" | "bordlades" | "bordlagts" | "återremitteras" | "återremitterades"
            | "återremitterar" | "antogs" => {
                (!matches!(at(i.wrapping_sub(1)), "vilket" | "som" | "vilka"))
                    .then_some(Strength::Weak)
            }
            "ställer" | "ställde" if at(i + 1) == "sig" => {
                matches!(at(i + 2), "bakom" | "positiv" | "positiva" | "positivt")
                    .then_some(Strength::Weak)
            }
            "skjuts" | "skjuter" | "sköts" if matches!(at(i + 1), "upp" | "fram" | "på") => {
                (w[i] != "sköts" || at(i + 1) == "upp").then_some(Strength::Weak)
            }
            "läggs" | "lades" | "lägges" if at(i + 1) == "till" && at(i + 2) == "handlingarna" => {
                Some(Strength::Weak)
            }
            "väljs" | "valdes" if at(i + 1) == "in" => Some(Strength::Weak),
            // Elections: "Till justerare valdes Mats Ek", "Sofia Lind omvaldes".
            "valdes" | "omvaldes" | "nyvaldes" | "väljs" | "omväljs" | "utses" => {
                (!matches!(at(i.wrapping_sub(1)), "som" | "vilka" | "vilken"))
                    .then_some(Strength::Weak)
            }
            // "Styrelsen antar budgeten", not "vi antar att ...".
            "antar" => (!matches!(at(i + 1), "att" | "")
                && !matches!(
                    at(i.wrapping_sub(1)),
                    "vi" | "man" | "jag" | "de" | "ni" | ""
                ))
            .then_some(Strength::Weak),
            // "Informationen noteras." but not "Det noteras att ...".
            "noteras" | "noterades" if at(i + 1).is_empty() => Some(Strength::Weak),
            "tar" | "tog" if at(i + 1) == "del" && at(i + 2) == "av" => {
                matches!(at(i + 3), "informationen" | "rapporten" | "redovisningen")
                    .then_some(Strength::Weak)
            }
            // "Nämnden noterar informationen.", not "Anna noterade att ...".
            "noterar" | "noterade" => matches!(
                at(i + 1),
                "informationen" | "rapporten" | "redovisningen" | "uppföljningen"
            )
            .then_some(Strength::Weak),
            _ => None,
        };
        if strength.is_some() {
            return strength;
        }
    }
    None
}

/// Whether `w` names a deciding body in its definite form: "stämman",
/// "styrelsen", "socialnämnden", "årsmötet", "kommunfullmäktige" (not
/// "förvaltningen" or "patienten", who choose without deciding for the
/// meeting).
fn is_definite(w: &str) -> bool {
    const BODIES: [&str; 14] = [
        "stämman",
        "styrelsen",
        "nämnden",
        "mötet",
        "utskottet",
        "direktionen",
        "rådet",
        "gruppen",
        "nätverket",
        "beredningen",
        "presidiet",
        "fullmäktige",
        "parterna",
        "församlingen",
    ];
    BODIES.iter().any(|b| w.ends_with(b))
}

/// "Beslöts vidare att": an adverb between the verb and its "att".
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "vidare" | "även" | "också" | "dessutom" | "därefter" | "därför"
    )
}

/// What a meeting thanks for when it notes a report.
fn is_report(w: &str) -> bool {
    matches!(
        w,
        "informationen" | "redovisningen" | "rapporten" | "föredragningen" | "presentationen"
    )
}

/// "nästa" or "kommande" (meeting).
fn is_next(w: &str) -> bool {
    matches!(w, "nästa" | "kommande")
}

/// The outcome a decision text states, or `default` when it states none
/// of approved, rejected, postponed, noted or an assignment.
pub fn classify(text: &str, default: Outcome, buf: &mut String) -> Outcome {
    let w = words(text, buf);
    let at = |k: usize| w.get(k).copied().unwrap_or("");
    let (mut postponed, mut rejected, mut noted, mut approved, mut assigned, mut resolved) =
        (false, false, false, false, false, false);
    #[allow(clippy::needless_range_loop)]
    for i in 0..w.len() {
        let next = at(i + 1);
        let negated = matches!(next, "inte" | "ej");
        match w[i] {
            "skjuts" | "skjuter" | "skjuta" if matches!(next, "upp" | "fram" | "på") => {
                postponed = true
            }
            "bordläggs" | "bordlades" | "bordlägga" | "bordlagts" | "bordläggning"
            | "återremitteras" | "återremitterades" | "återremitterar" | "återremittera"
            | "uppskjuts" => postponed = true,
            "avslås" | "avslår" | "avslogs" | "avslog" | "avslag" | "avslå" | "avvisas"
            | "avvisar" | "avstyrker" | "avstyrks" => rejected = true,
            "handlingarna" if at(i.wrapping_sub(1)) == "till" => noted = true,
            "noterar" | "noteras" | "noterades" | "noterade" => noted = true,
            "tar" | "tog" | "ta" if next == "del" && at(i + 2) == "av" => noted = true,
            "godkänns" | "godkänner" | "godkänna" | "godkändes" | "godkänd" | "godkänt"
            | "godkände" | "beviljas" | "beviljar" | "bevilja" | "beviljat" | "beviljades"
            | "beviljade" | "bifall" | "bifalla" | "bifalls" | "bifaller" | "bifölls"
            | "fastställer" | "fastställa" | "fastställs" | "fastställdes" | "fastställde"
            | "anta" | "antar" | "antas" | "antogs" | "tillstyrker" | "tillstyrka"
            | "tillstyrks" => {
                if negated {
                    rejected = true;
                } else {
                    approved = true;
                }
            }
            "ställer" | "ställde" | "ställa" if next == "sig" => {
                if matches!(at(i + 2), "bakom" | "positiv" | "positiva" | "positivt") {
                    approved = true;
                }
            }
            "väljs" | "valdes" | "välja" if next == "in" => approved = true,
            "valdes" | "omvaldes" | "nyvaldes" | "väljs" | "omväljs" | "utses" | "utsågs" => {
                approved = true
            }
            "valde" | "omvalde" | "utsåg" | "utser" | "väljer"
                if is_definite(at(i.wrapping_sub(1))) =>
            {
                approved = true
            }
            "överens" if next == "om" && matches!(at(i.wrapping_sub(1)), "är" | "var" | "blev") => {
                approved = true
            }
            "tackar" | "tackade" if next == "för" && is_report(at(i + 2)) => noted = true,
            "flyttas" | "flyttades" | "flyttar" if next == "till" && is_next(at(i + 2)) => {
                postponed = true
            }
            // "Beslut enligt förslag."
            "beslut" if next == "enligt" => resolved = true,
            "uppdrar" | "uppdras" | "uppdra" => assigned = true,
            "uppdrag" | "uppdraget" => {
                // "ges i uppdrag", "ger förvaltningen uppdrag": an assignment;
                // "projektledarnas uppdrag förlängs" is not.
                let giving = (1..=3).any(|k| {
                    matches!(
                        at(i.wrapping_sub(k)),
                        "i" | "ge" | "ger" | "ges" | "gav" | "gavs" | "får" | "fick"
                    )
                });
                assigned |= giving;
            }
            "beslutar" | "beslutade" | "beslöt" | "beslutat" | "beslutades" | "beslöts"
                if matches!(next, "att" | "enligt")
                    || at(i + 2) == "att" && (is_adverb(next) || is_definite(next)) =>
            {
                resolved = true
            }
            _ => {}
        }
    }
    if postponed {
        Outcome::Postponed
    } else if rejected {
        Outcome::Rejected
    } else if noted {
        Outcome::Noted
    } else if approved {
        Outcome::Approved
    } else if assigned {
        Outcome::Other
    } else if resolved {
        Outcome::Approved
    } else {
        default
    }
}

/// Whether a paragraph announces decisions that follow it: "LSVO:s
/// ledningsgrupp beslutar", "... beslutar att", "Mötet beslutade följande:".
pub fn is_lead(text: &str, buf: &mut String) -> bool {
    let t = text.trim_ws().trim_end_matches([':', ' ', '*', '_']);
    // Every lead has a form of "beslut" in it.
    if t.len() > 300 || !(t.contains("esl") || t.contains("ESL")) {
        return false;
    }
    let w = words(t, buf);
    let n = w.len();
    if n < 2 || w.iter().any(|x| x.starts_with("föreslå")) {
        return false;
    }
    let verb = |x: &str| {
        matches!(
            x,
            "beslutar" | "beslutade" | "beslöt" | "beslutades" | "beslöts"
        )
    };
    let last = w[n - 1];
    verb(last)
        || (matches!(last, "att" | "följande") && verb(w[n - 2]))
        || (last == "beslut" && w[n - 2] == "följande")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<Strength>, outcome: Outcome) {
        let mut buf = String::new();
        assert_eq!(trigger(text, &mut buf), expected, "{text}");
        assert_eq!(classify(text, Outcome::Other, &mut buf), outcome, "{text}");
    }

    #[test]
    fn elections_thanks_moves_and_the_verb_before_its_subject() {
        check(
            "Efter votering beslutade stämman att avslå motionen.",
            Some(Strength::Strong),
            Outcome::Rejected,
        );
        check(
            "Beslöts vidare att investeringsbeslutet ska underställas kommunfullmäktige.",
            Some(Strength::Strong),
            Outcome::Approved,
        );
        check(
            "Stämman valde Ingrid Holmqvist till ordförande för stämman.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Styrelsen utsåg Lars Dahlin till styrelsens representant.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Nämnden utser Lisa Nordin (C) att justera protokollet.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Direktionen tackar för informationen.",
            Some(Strength::Weak),
            Outcome::Noted,
        );
        check(
            "Punkten flyttas till nästa möte.",
            Some(Strength::Weak),
            Outcome::Postponed,
        );
        check("Beslut enligt förslag.", None, Outcome::Approved);
        check(
            "Nätverket tillstyrker ansökan om 80 000 kr.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Nätverket avstyrker ansökan.",
            Some(Strength::Weak),
            Outcome::Rejected,
        );
        check(
            "Parterna är överens om att genomföra förändringen enligt förslaget.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Parterna är överens om att frågan skjuts upp till nästa möte.",
            Some(Strength::Weak),
            Outcome::Postponed,
        );
        check(
            "Parterna är inte överens om att avtalet ska gälla.",
            None,
            Outcome::Other,
        );
        check(
            "En överenskommelse om att samverka finns.",
            None,
            Outcome::Other,
        );
        // Not decisions: a choice in a report, thanks to a person, a move
        // of premises, and the verb with no subject of the meeting's.
        check("Vi valde att vänta med enkäten.", None, Outcome::Other);
        check(
            "Förvaltningen valde att skicka ut enkäten digitalt.",
            None,
            Outcome::Other,
        );
        check(
            "Förskolan flyttas till ett nytt hus i Ekeby.",
            None,
            Outcome::Other,
        );
        check("Anna tackar för senast.", None, Outcome::Other);
        check(
            "Kontoret flyttas till Storgatan i maj.",
            None,
            Outcome::Other,
        );
        check(
            "Frågan om vem som beslutade vad att göra diskuterades.",
            None,
            Outcome::Other,
        );
    }

    #[test]
    fn decision_sentences_and_outcomes() {
        check(
            "Dagordningen godkänns.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Ansökan från Hammarö kommun, start av ett mottagningsteam för äldre, beviljas delvis.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Ansökan om träningsredskap, ansökan avslås.",
            Some(Strength::Weak),
            Outcome::Rejected,
        );
        check(
            "Punkten skjuts fram till januarimöte.",
            Some(Strength::Weak),
            Outcome::Postponed,
        );
        check(
            "Ärendet bordläggs.",
            Some(Strength::Weak),
            Outcome::Postponed,
        );
        check(
            "Inga tillägg och protokollet lades till handlingarna.",
            Some(Strength::Weak),
            Outcome::Noted,
        );
        check(
            "Ledningsgruppen ställer sig bakom ovanstående inval.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Samordningsgruppen ställer sig positiv till detta och ger stödstrukturen uppdrag att fortsätta.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Läns gemensam ledning i samverkan beslutar att anta ett gemensamt arbetssätt.",
            Some(Strength::Strong),
            Outcome::Approved,
        );
        check(
            "Magnus Wibert väljs in i Tvärgrupp barn och unga.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Förslaget godkänns inte.",
            Some(Strength::Weak),
            Outcome::Rejected,
        );
        check(
            "att Ge Birgitta Nilsson i uppdrag att ta fram projektplan",
            None,
            Outcome::Other,
        );
        check(
            "Nämnden tar del av informationen.",
            Some(Strength::Weak),
            Outcome::Noted,
        );
        check(
            "Informationen noteras.",
            Some(Strength::Weak),
            Outcome::Noted,
        );
        check(
            "Styrelsen antar budgeten för 2025.",
            Some(Strength::Weak),
            Outcome::Approved,
        );
        check(
            "Det beslöts att bordlägga frågan.",
            Some(Strength::Strong),
            Outcome::Postponed,
        );
        check(
            "Ledningsgruppen enas i att skjuter på beslut i frågan. Annika ges i uppdrag att skicka ett mail.",
            Some(Strength::Weak),
            Outcome::Postponed,
        );
    }

    #[test]
    fn narrative_is_no_decision() {
        let mut buf = String::new();
        for s in [
            "Då deltagarantalet är reducerat tas beslut om att korta ner mötet.",
            "Ledningsgruppen beslutar om ny deltagare.",
            "En uppdatering begärdes så att arbetet kan göras med de styrdokument, vilket godkändes.",
            "Detta skulle starta under hösten 2023 men sköts på framtiden på grund av resursbrist.",
            "Kan vi möjliggöra gemensamma beslut i en gränslös organisation.",
            "Det noteras att informationen har skickats ut.",
            "Vi antar att kostnaderna ökar.",
        ] {
            assert_eq!(trigger(s, &mut buf), None, "{s}");
        }
    }

    #[test]
    fn stem_filter_passes_verbs_not_nouns() {
        for s in [
            "Nämnden beslutar att",
            "Beslutade att",
            "beslöts",
            "Dagordningen godkänns.",
            "godkände",
            "ansökan avslås",
            "Frågan bordläggs",
        ] {
            assert!(may_trigger(s), "{s}");
        }
        for s in [
            "Beslutsunderlag och beslutet",
            "Godkännande av dagordning",
            "Mötet avslutades",
            "läget är lugnt",
            "Välkomna",
        ] {
            assert!(!may_trigger(s), "{s}");
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let mut buf = String::new();
        for s in [
            "",
            "Nämnden GODKÄNNER: 12×3 ÷ 4, ªº ² ½ Ǆ ΣΟΦΙΑ — «citat» Ⅷ",
            "  att  ",
            "ÅÄÖ-éü",
        ] {
            let mut lower = String::new();
            push_lower(&mut lower, s);
            let expected: Vec<String> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            let got: Vec<String> = words(s, &mut buf).into_iter().map(str::to_string).collect();
            assert_eq!(got, expected, "{s}");
        }
    }

    #[test]
    fn stem_hits_at_every_word_start() {
        // Word starts at every offset of the 60-byte blocks, across block
        // ends, at the very end, after non-ASCII letters.
        let mut text = String::new();
        for k in 0..130 {
            text.push_str(["x", "ö ", ", ", "ab "][k % 4]);
            text.push_str(
                [
                    "godkänns ",
                    "beslutar",
                    "Återremitteras.",
                    "besl ",
                    "Beviljas",
                ][k % 5],
            );
        }
        for cut in [0, 1, 7, 59, 60, 61, 64, 119, 120, 121, text.len()] {
            let cut = (cut..=text.len())
                .find(|&c| text.is_char_boundary(c))
                .unwrap();
            let s = &text[..cut];
            let mut got = Vec::new();
            stem_hits(s, Some(&mut got));
            // Reference: every maximal word of five bytes or more, tested alone.
            let b = s.as_bytes();
            let mut expected = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if SEPARATOR[b[i] as usize] {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < b.len() && !SEPARATOR[b[i] as usize] {
                    i += 1;
                }
                if i - start >= 5 && stem_at(&b[..i], start) {
                    expected.push(start);
                }
            }
            assert_eq!(got, expected, "cut {cut}");
            assert_eq!(stem_hits(s, None), !expected.is_empty());
        }
    }

    #[test]
    fn leads() {
        let mut buf = String::new();
        assert!(is_lead("LSVO:s ledningsgrupp beslutar", &mut buf));
        assert!(is_lead(
            "Läns gemensam ledning i samverkan beslutar att",
            &mut buf
        ));
        assert!(is_lead("Socialnämnden beslutar:", &mut buf));
        assert!(!is_lead(
            "Förvaltningen föreslår att socialnämnden beslutar",
            &mut buf
        ));
        assert!(!is_lead(
            "Socialnämnden beslutar att bevilja bidraget.",
            &mut buf
        ));
    }

    #[test]
    fn proposals_and_elections() {
        let mut buf = String::new();
        assert_eq!(
            trigger("Styrelsen föreslog att motionen skulle avslås.", &mut buf),
            None
        );
        assert_eq!(
            trigger("Till justerare valdes Mats Ek och Lena Fors.", &mut buf),
            Some(Strength::Weak)
        );
        assert_eq!(
            classify(
                "Till ordförande omvaldes Sofia Lind.",
                Outcome::Other,
                &mut buf
            ),
            Outcome::Approved
        );
        assert_eq!(
            trigger("Nämnden noterar informationen.", &mut buf),
            Some(Strength::Weak)
        );
        assert_eq!(trigger("Anna noterade att det var kallt.", &mut buf), None);
    }

    #[test]
    fn sentence_split() {
        let got: Vec<_> = sentences(
            "Namnet mailas till Maria W. Sara kallar bl.a. till möte kl. 13. *Gruppen godkänner tiden.* Sedan.",
        )
        .collect();
        assert_eq!(
            got,
            [
                "Namnet mailas till Maria W. Sara kallar bl.a. till möte kl. 13.",
                "*Gruppen godkänner tiden.*",
                "Sedan."
            ]
        );
        // Law references and lowercase continuations are no sentence ends.
        let got: Vec<_> = sentences(
            "Nämnden beviljar dispens enligt 7 kap. 18 b § miljöbalken för bryggan. Dnr. 2023/12 gäller. Avgiften är 4 000 kr. och betalas. Klart.",
        )
        .collect();
        assert_eq!(
            got,
            [
                "Nämnden beviljar dispens enligt 7 kap. 18 b § miljöbalken för bryggan.",
                "Dnr. 2023/12 gäller.",
                "Avgiften är 4 000 kr. och betalas.",
                "Klart."
            ]
        );
        // A sentence may start with a year.
        let got: Vec<_> =
            sentences("Det blev 40 procent av budgeten. 2025 års budget fastställs.").collect();
        assert_eq!(
            got,
            [
                "Det blev 40 procent av budgeten.",
                "2025 års budget fastställs."
            ]
        );
    }
}
