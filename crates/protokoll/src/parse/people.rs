//! People: attendee lines, presenter lines and the names in them.
//!
//! An attendee line is a name followed by what the minutes say about the
//! person: "Catrin Mård, ersättare för Lena Nazzal", "Anna Andersson (S),
//! ordförande". The name ends at the first comma or parenthesis; the rest is
//! the affiliation, kept as written. A line that lists several people
//! ("Anna Carlsson, Maria Persson och Karin Svensson") is split into names.

use super::text::TrimWs;
use super::text::{eq_ci, find_bytes, starts_upper, strip_prefix_ci};
use crate::Person;

/// Words that head a sub-list inside an attendee block and are no names.
const LABELS: [&str; 22] = [
    "ledamöter",
    "ledamot",
    "ersättare",
    "tjänstgörande ersättare",
    "ej tjänstgörande ersättare",
    "icke tjänstgörande ersättare",
    "närvarande ersättare",
    "övriga",
    "övriga närvarande",
    "tjänstemän",
    "tjänstepersoner",
    "ordförande",
    "vice ordförande",
    "sekreterare",
    "justerare",
    "adjungerade",
    "gäster",
    "från förvaltningen",
    "närvarande",
    "frånvarande",
    "beslutande",
    "insynsplats",
];

/// The first bytes of the [`LABELS`].
static LABEL_STARTS: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < LABELS.len() {
        t[LABELS[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    t
};

/// The byte lengths of the [`LABELS`], one bit each.
const LABEL_LENGTHS: u64 = super::text::length_mask(&LABELS);

/// How a role in an inline attendee list begins.
const ROLE_STEMS: [&str; 8] = [
    "ordförande",
    "vice ordförande",
    "andre vice ordförande",
    "ersättare",
    "tjänstgörande ersättare",
    "sekreterare",
    "ledamot",
    "adjungerad",
];

/// What a label line inside an attendee list says about the next person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Chair,
    Secretary,
    Other,
}

/// If `s` is a sub-list label ("Ledamöter", "Ordförande"), what it marks.
pub fn label(s: &str) -> Option<Role> {
    if s.len() > 40 {
        return None;
    }
    let s = s.trim_ws().trim_end_matches(':').trim_ws();
    // Most cells are names: one whose first byte is ASCII and starts no
    // label cannot be one, however it is folded.
    if s.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !LABEL_STARTS[b.to_ascii_lowercase() as usize])
    {
        return None;
    }
    // Folding keeps the byte length, so a cell of no label's length can
    // only match through `eq_ci`, which is asked only when a letter
    // outside Latin-1 (lead bytes C4..DF) stops the fold.
    if (s.len() >= 64 || LABEL_LENGTHS & (1 << s.len()) == 0)
        && !s.bytes().any(|b| (0xC4..0xE0).contains(&b))
    {
        return None;
    }
    let mut buf = [0u8; 64];
    let found = match super::text::fold_small_bytes(s, &mut buf) {
        Some(lower) => LABELS.iter().find(|l| l.as_bytes() == lower),
        None => LABELS.iter().find(|l| eq_ci(s, l)),
    };
    found.map(|l| match *l {
        "ordförande" => Role::Chair,
        "sekreterare" => Role::Secretary,
        _ => Role::Other,
    })
}

/// Whether `s` looks like a person's name: one to five words, the first
/// capitalised, no digits, lowercase words only as name particles.
pub fn is_name(s: &str, min_words: usize) -> bool {
    let s = s.trim_ws();
    if s.is_empty() || s.len() > 60 || !starts_upper(s) || label(s).is_some() {
        return false;
    }
    // A digit or one of ": / § @ …" anywhere rules a name out, whichever
    // word it is in; one pass over the bytes ("§" is C2 A7, "…" E2 80 A6).
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let bad = c.is_ascii_digit()
            || matches!(c, b':' | b'/' | b'@')
            || c == 0xC2 && b.get(i + 1) == Some(&0xA7)
            || c == 0xE2 && b.get(i + 1..i + 3) == Some(&[0x80, 0xA6]);
        if bad {
            return false;
        }
    }
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        if words > 5 {
            return false;
        }
        let particle = matches!(
            w,
            "von" | "af" | "de" | "van" | "der" | "la" | "du" | "di" | "da"
        );
        if !particle && !starts_upper(w) {
            return false;
        }
    }
    words >= min_words
}

/// Reads one attendee line into people. `inline` lists ("A, B och C",
/// "Anna Ek (S), ordförande, Bertil Ny (M)") are split into several
/// people; otherwise the line is one person.
pub fn people_in(line: &str, out: &mut Vec<Person>) -> usize {
    let line = unmention(line);
    let line = line.trim_ws().trim_end_matches(['.', ';']).trim_ws();
    if line.is_empty() {
        return 0;
    }
    if let Some(people) = inline_list(line) {
        let before = out.len();
        out.extend(people);
        return out.len() - before;
    }
    let p = person(line);
    if is_name(&p.name, 2) {
        out.push(p);
        1
    } else {
        0
    }
}

/// Splits "A, B, C och D" when every part is a name or, between names, a
/// lowercase description of the name before it ("Anna Ek (S), ordförande,
/// Bertil Ny (M)"); `None` for a single person with an affiliation
/// ("Maria Wiltz, Region Kronoberg", "Jonas Berg, förvaltningschef").
fn inline_list(line: &str) -> Option<Vec<Person>> {
    // "Annelie Falk, socialchef; Johan Lindström, sekreterare": semicolons
    // separate people, commas their descriptions.
    if line.contains(';') {
        let people: Vec<Person> = line
            .split(';')
            .map(str::trim_ws)
            .filter(|p| !p.is_empty())
            .map(person)
            .collect();
        if people.len() >= 2 && people.iter().all(|p| is_name(&p.name, 2)) {
            return Some(people);
        }
    }
    let commas = line.bytes().filter(|&b| b == b',' || b == b';').count();
    if commas < 2 && find_bytes(line, " och ").is_none() && find_bytes(line, " samt ").is_none() {
        // "Fredrik Holm, Gunilla Ek": two full names, where the second part
        // names no organisation ("Maria Wiltz, Region Kronoberg").
        let (a, b) = line.split_once([',', ';'])?;
        let (a, b) = (a.trim_ws(), b.trim_ws());
        let full =
            |p: &str| is_name(strip_paren(p), 2) && strip_paren(p).split_whitespace().count() <= 3;
        return (full(a) && full(b) && !names_organisation(strip_paren(b)))
            .then(|| vec![person(a), person(b)]);
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut has_och = false;
    for part in line.split([',', ';']) {
        let mut rest = part.trim_ws();
        while let Some(k) = find_bytes(rest, " och ").or_else(|| find_bytes(rest, " samt ")) {
            has_och = true;
            let (a, b) = rest.split_at(k);
            parts.push(a.trim_ws());
            rest = b.trim_start().split_once(' ').map_or("", |x| x.1).trim_ws();
        }
        if !rest.is_empty() {
            parts.push(rest);
        }
    }
    let name_part = |p: &str| is_name(strip_paren(p), 1) && p.split_whitespace().count() <= 4;
    // A description: a role in the meeting, lowercase ("vice ordförande",
    // "ersättare för David Dahl (C)"). Titles and workplaces ("tf",
    // "områdeschef") are affiliations of one person, not list separators.
    let description = |p: &str| {
        super::text::starts_lower(p)
            && p.split_whitespace().count() <= 6
            && (label(p).is_some() || ROLE_STEMS.iter().any(|r| p.starts_with(r)))
    };
    let mut people: Vec<Person> = Vec::new();
    let mut described_between = false;
    let mut attached = false;
    let mut last_described = false;
    for p in &parts {
        let workplace = !people.is_empty() && names_organisation(strip_paren(p));
        if name_part(p) && !workplace {
            if last_described && strip_paren(p).split_whitespace().count() < 2 {
                return None;
            }
            described_between |= last_described;
            last_described = false;
            people.push(person(p));
        } else if workplace || description(p) && !people.is_empty() {
            // "Helena Borg, Region Dalarna, Johan Vik, Falu kommun och ...":
            // a workplace belongs to the name before it.
            attached |= workplace;
            let last = people.last_mut()?;
            last.affiliation = Some(match last.affiliation.take() {
                Some(a) => format!("{a}, {p}"),
                None => p.to_string(),
            });
            last_described = true;
        } else {
            return None;
        }
    }
    // With workplaces between them, every name is a full one: "Hälso- och
    // sjukvårdsförvaltningen" must not make "Hälso-" a person.
    if attached
        && people
            .iter()
            .any(|p| p.name.split_whitespace().count() < 2 || p.name.ends_with('-'))
    {
        return None;
    }
    let evidence = has_och || people.len() >= 3 || described_between;
    (people.len() >= 2 && evidence).then_some(people)
}

/// Whether a capitalised phrase names an organisation or a place rather
/// than a person: "Region Kronoberg", "Växjö Kommun", "Hälsohuset Öst".
fn names_organisation(s: &str) -> bool {
    const WORDS: [&str; 12] = [
        "region",
        "kommun",
        "landsting",
        "landstinget",
        "länsstyrelsen",
        "förvaltning",
        "förvaltningen",
        "ab",
        "län",
        "stad",
        "förening",
        "föreningen",
    ];
    const ENDINGS: [&str; 19] = [
        "förbund",
        "kyrkan",
        "korset",
        "rådet",
        "bolaget",
        "kommun",
        "förvaltningen",
        "nämnden",
        "förbundet",
        "regionen",
        "enheten",
        "avdelningen",
        "huset",
        "skolan",
        "vården",
        "kliniken",
        "centralen",
        "föreningen",
        "styrelsen",
    ];
    // No allocation: whole words compare case-insensitively; the endings
    // of compounds ("Socialförvaltningen") are lowercase as written.
    // The words start with a, f, k, l, r or s and the endings end in n, t or d,
    // so most words are turned down by a byte. A word starting with another
    // ASCII letter cannot equal a word case-insensitively; a non-ASCII start
    // ("Kelvin" K) takes the full test.
    s.split_whitespace().any(|w| {
        let b = w.as_bytes();
        let may_be_word = !b[0].is_ascii()
            || matches!(
                b[0].to_ascii_lowercase(),
                b'a' | b'f' | b'k' | b'l' | b'r' | b's'
            );
        let may_end = matches!(b[b.len() - 1], b'n' | b't' | b'd');
        may_be_word && WORDS.iter().any(|x| eq_ci(w, x))
            || may_end
                && (ENDINGS.iter().any(|e| w.ends_with(e))
                    // "Röda Korset", "Svenska Kyrkan": the word itself.
                    || ENDINGS
                        .iter()
                        .any(|e| w.len() == e.len() && eq_ci(w, e)))
    })
}

fn strip_paren(s: &str) -> &str {
    let end = s.bytes().position(|b| b == b'(').unwrap_or(s.len());
    s[..end].trim_ws()
}

/// "Anna Andersson (S), ordförande" → name "Anna Andersson", affiliation
/// "(S), ordförande".
pub fn person(s: &str) -> Person {
    let s = s.trim_ws();
    let mut cut = s.find([',', '(']).unwrap_or(s.len());
    // "Sara Öberg – Västra Götalandsregionen": a spaced dash ends the name
    // as a comma does ("Karl-Johan" has no spaces around its hyphen).
    if let Some(k) = [" – ", " - ", " — "]
        .iter()
        .filter_map(|d| find_bytes(&s[..cut], d))
        .min()
    {
        cut = k;
    }
    let name = s[..cut]
        .trim_ws()
        .trim_end_matches(['.', ':'])
        .trim_ws()
        .trim_start_matches('@')
        .to_string();
    let rest = s[cut..]
        .trim_start_matches([',', ' ', '-', '–', '—'])
        .trim_ws();
    Person {
        name,
        affiliation: (!rest.is_empty()).then(|| rest.to_string()),
    }
}

/// The role a person's affiliation names: "(S), ordförande" is the chair,
/// "vice ordförande" is not.
pub fn role_in(affiliation: &str) -> Option<Role> {
    const CHAIR: [&str; 4] = ["ordförande", "mötesordförande", "ordf", "ordf."];
    const SECRETARY: [&str; 5] = [
        "sekreterare",
        "protokollförare",
        "mötessekreterare",
        "sekr",
        "sekr.",
    ];
    for part in affiliation.split([',', '(', ')']) {
        let part = part.trim_ws();
        // Every role starts with m, o, p or s: another ASCII start is none.
        if part.as_bytes().first().is_some_and(|&b| {
            b.is_ascii() && !matches!(b.to_ascii_lowercase(), b'm' | b'o' | b'p' | b's')
        }) {
            continue;
        }
        if CHAIR.iter().any(|r| eq_ci(part, r)) {
            return Some(Role::Chair);
        }
        if SECRETARY.iter().any(|r| eq_ci(part, r)) {
            return Some(Role::Secretary);
        }
    }
    None
}

/// If `s` is a presenter line ("Föredragande: Magnus Frithiof",
/// "Föredragande: Per och Magnus"), the names in it.
pub fn presenters(s: &str) -> Option<Vec<String>> {
    const KEYS: [&str; 7] = [
        "föredragande tjänsteperson",
        "föredragande tjänsteman",
        "föredragande",
        "föredragare",
        "föredras av",
        "presenteras av",
        "dragande",
    ];
    if !matches!(
        s.as_bytes().first(),
        Some(b'F' | b'f' | b'P' | b'p' | b'D' | b'd')
    ) {
        return None;
    }
    let rest = KEYS.iter().find_map(|k| strip_prefix_ci(s, k))?;
    let rest = if let Some(r) = rest.strip_prefix(':') {
        r
    } else if rest.starts_with([' ', '\t']) && starts_upper(rest.trim_start()) {
        rest
    } else {
        return None;
    };
    Some(names_in(rest))
}

/// The people an item's first line makes responsible for it ("Ansvarig:
/// Therese Lund och Mikael Johansson"), who present it in notes that say
/// so; further down an item the same key assigns a task instead.
pub fn responsible(s: &str) -> Option<Vec<String>> {
    let rest = strip_prefix_ci(s, "ansvariga:").or_else(|| strip_prefix_ci(s, "ansvarig:"))?;
    let names = names_in(rest);
    (!names.is_empty() && names.iter().all(|n| is_name(n, 1))).then_some(names)
}

/// The text without the "@" of mentions ("@Anna Ek" in a Teams or
/// Confluence export); an e-mail address keeps its "@".
fn unmention(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('@') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let mention = c == '@'
            && matches!(prev, ' ' | '\t' | ',' | '(' | ';' | ':')
            && chars.peek().is_some_and(|n| n.is_uppercase());
        if !mention {
            out.push(c);
        }
        prev = c;
    }
    std::borrow::Cow::Owned(out)
}

/// The names in a presenter line's value: "A, B och C".
fn names_in(rest: &str) -> Vec<String> {
    let rest = unmention(rest);
    let rest = rest.as_ref();
    let mut names = Vec::new();
    for part in rest.split([',', '/', '&', ';']) {
        let mut rest = part.trim_ws();
        loop {
            let (a, b) = match find_bytes(rest, " och ").or_else(|| find_bytes(rest, " samt ")) {
                Some(k) => (
                    &rest[..k],
                    rest[k + 1..].split_once(' ').map_or("", |x| x.1),
                ),
                None => (rest, ""),
            };
            let name = strip_paren(a).trim_end_matches(['.', ':']).trim_ws();
            if starts_upper(name) && name.split_whitespace().count() <= 5 {
                names.push(name.to_string());
            }
            if b.is_empty() {
                break;
            }
            rest = b.trim_ws();
        }
    }
    names
}

/// The verbs with which minutes say who presented a matter: "Ekonomichef
/// Petra Lind föredrog årsredovisningen", "Mattias Brodin redovisar" (and
/// "läste upp", checked where the words are read).
const PRESENTING: [&str; 14] = [
    "berättar",
    "berättade",
    "föredrar",
    "föredrog",
    "redovisar",
    "redovisade",
    "presenterar",
    "presenterade",
    "redogör",
    "redogjorde",
    "informerar",
    "informerade",
    "föredras",
    "dragningen",
];

/// The presenter a sentence of an item's text names as it opens: a full
/// name, after at most one title ("Räddningschef", "VD") and before a
/// presenting verb, or followed by a lowercase description between commas
/// ("Petra Lind, ekonomichef, föredrog ..."). `None` for anything else,
/// such as a first name alone ("Yasmin redovisade"), which names no one a
/// reader could search for.
pub fn presenter_in_text(sentence: &str) -> Option<String> {
    let s = sentence.trim_ws();
    // Most sentences open with no capitalised pair of words: turned down
    // before any splitting.
    if !starts_upper(s) || s.len() < 12 {
        return None;
    }
    // Up to the verb: "Name Surname[, description,] verb".
    let mut head_end = None;
    let mut words = 0;
    for (k, w) in s.split(' ').scan(0usize, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    }) {
        words += 1;
        if words > 9 {
            return None;
        }
        // "läste upp" / "läser upp" (a report, the auditors' statement).
        let reads_out = matches!(w, "läste" | "läser") && s[k + w.len()..].starts_with(" upp ");
        if PRESENTING.contains(&w) || reads_out {
            head_end = Some(k);
            break;
        }
    }
    let head = s[..head_end?].trim_ws();
    let head = match head.split_once(',') {
        // "Petra Lind, ekonomichef, föredrog": the name before the commas.
        Some((name, desc)) => {
            let desc = desc.trim_ws().trim_end_matches(',').trim_ws();
            if desc.is_empty() || !super::text::starts_lower(desc) || desc.contains(',') {
                return None;
            }
            name.trim_ws()
        }
        None => head,
    };
    let parts: Vec<&str> = head.split_whitespace().collect();
    // The name: the capitalised words before the verb (two or three) that
    // are no title.
    let mut k = parts.len();
    while k > 0 && parts.len() - k < 3 && starts_upper(parts[k - 1]) && !is_title(parts[k - 1]) {
        k -= 1;
    }
    // Before it, at most a title ("Förbundsdirektör", "Kassören", "VD") or
    // a body's role ("Valberedningens ordförande").
    let lead_ok = match &parts[..k] {
        [] => true,
        [t] => is_title(t),
        [body, role] => body.ends_with('s') && (is_title(role) || !starts_upper(role)),
        _ => false,
    };
    if !lead_ok || parts.len() - k < 2 {
        return None;
    }
    let name = parts[k..].join(" ");
    (is_name(&name, 2) && !names_organisation(&name)).then_some(name)
}

/// Whether a word before a name is a title: a role word, bare or definite
/// ("Förbundsdirektör", "Ekonomichef", "Kassören", "Revisorn"), or an
/// acronym ("VD").
fn is_title(w: &str) -> bool {
    const ENDINGS: [&str; 16] = [
        "chef",
        "direktör",
        "ordförande",
        "sekreterare",
        "strateg",
        "samordnare",
        "handläggare",
        "ansvarig",
        "controller",
        "ekonom",
        "konsult",
        "ledare",
        "kassör",
        "revisor",
        "motionär",
        "föredragande",
    ];
    if w.len() >= 2 && w.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = w.to_lowercase();
    let bare = |s: &str| ENDINGS.iter().any(|e| s.ends_with(e));
    bare(&lower)
        || lower.strip_suffix("en").is_some_and(bare)
        || lower.strip_suffix('n').is_some_and(bare)
}

/// A presenter at the end of an item's title: "Information från
/// socialförvaltningen (Annelie Falk, socialchef)" gives the title without
/// the brackets and "Annelie Falk".
pub fn presenter_in_title(title: &str) -> Option<(&str, String)> {
    presenter_in_brackets(title, false)
}

/// [`presenter_in_title`] for a part of an item: "Region Västmanland (Nadia
/// Karimi)" names the part's presenter without a role.
pub fn presenter_in_heading(title: &str) -> Option<(&str, String)> {
    presenter_in_brackets(title, true)
}

fn presenter_in_brackets(title: &str, name_alone: bool) -> Option<(&str, String)> {
    let t = title.trim_ws();
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (before, inside) = (inner[..open].trim_ws(), &inner[open + 1..]);
    if before.is_empty() {
        return None;
    }
    let (name, role) = match inside.split_once(',') {
        Some((n, r)) => (n.trim_ws(), r.trim_ws()),
        None => (inside.trim_ws(), ""),
    };
    // "(Annelie Falk, socialchef)" presents; "(Anna Ek, V)" moved a motion
    // and "(Per Holm)" may be whom the matter is about.
    let described = !role.is_empty() && super::text::starts_lower(role);
    if !(described || name_alone && role.is_empty()) {
        return None;
    }
    (is_name(name, 2)
        && name.split_whitespace().count() <= 3
        && !names_organisation(name)
        && !name.split_whitespace().any(is_title))
    .then(|| (before, name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: &[(&str, Option<&str>)]) {
        let mut got = Vec::new();
        people_in(line, &mut got);
        let got: Vec<_> = got
            .iter()
            .map(|p| (p.name.as_str(), p.affiliation.as_deref()))
            .collect();
        assert_eq!(got, expected, "{line}");
    }

    #[test]
    fn attendee_lines() {
        check(
            "Maria Wiltz, Region Kronoberg",
            &[("Maria Wiltz", Some("Region Kronoberg"))],
        );
        check(
            "Catrin Mård, ersättare för Lena Nazzal",
            &[("Catrin Mård", Some("ersättare för Lena Nazzal"))],
        );
        check(
            "Greger Larsson, tf, Ljungby",
            &[("Greger Larsson", Some("tf, Ljungby"))],
        );
        check(
            "Anna Andersson (S), ordförande",
            &[("Anna Andersson", Some("(S), ordförande"))],
        );
        check(
            "Anna Carlsson, Maria Persson, Anna Stake och Karin Svensson",
            &[
                ("Anna Carlsson", None),
                ("Maria Persson", None),
                ("Anna Stake", None),
                ("Karin Svensson", None),
            ],
        );
        check(
            "Karin Lund (S), ordförande, Per Holm (M), vice ordförande, Lisa Strand (C) och Omar Said (L)",
            &[
                ("Karin Lund", Some("(S), ordförande")),
                ("Per Holm", Some("(M), vice ordförande")),
                ("Lisa Strand", Some("(C)")),
                ("Omar Said", Some("(L)")),
            ],
        );
        check(
            "Anna Ek (S), ordförande, Bertil Ny (M)",
            &[
                ("Anna Ek", Some("(S), ordförande")),
                ("Bertil Ny", Some("(M)")),
            ],
        );
        check(
            "Karin Svensson, Region Kronoberg, ordförande",
            &[("Karin Svensson", Some("Region Kronoberg, ordförande"))],
        );
        check(
            "Greger Larsson, tf, Ljungby",
            &[("Greger Larsson", Some("tf, Ljungby"))],
        );
        check(
            "Fredrik Holm, Gunilla Ek",
            &[("Fredrik Holm", None), ("Gunilla Ek", None)],
        );
        check(
            "Ewa Ekman, Växjö kommun",
            &[("Ewa Ekman", Some("Växjö kommun"))],
        );
        check(
            "Helena Borg, Region Dalarna, Johan Vik, Falu kommun, Amira Hassan och Tove Lind",
            &[
                ("Helena Borg", Some("Region Dalarna")),
                ("Johan Vik", Some("Falu kommun")),
                ("Amira Hassan", None),
                ("Tove Lind", None),
            ],
        );
        check(
            "Suzana Selan, Hälso- och sjukvårdsförvaltningen, Region Blekinge",
            &[(
                "Suzana Selan",
                Some("Hälso- och sjukvårdsförvaltningen, Region Blekinge"),
            )],
        );
        check("Ledamöter", &[]);
        check("Sammanställande i verksamhetsgrupperna", &[]);
        check(".....", &[]);
    }

    #[test]
    fn roles_in_affiliations() {
        assert_eq!(role_in("(S), ordförande"), Some(Role::Chair));
        assert_eq!(role_in("(M), vice ordförande"), None);
        assert_eq!(role_in("sekreterare"), Some(Role::Secretary));
    }

    #[test]
    fn presenters_named_in_the_text_and_the_title() {
        let cases = [
            (
                "Förbundsdirektör Mattias Brodin redovisar delårsrapporten.",
                Some("Mattias Brodin"),
            ),
            (
                "VD Jonas Ahlberg redogjorde för läget.",
                Some("Jonas Ahlberg"),
            ),
            (
                "Kassören Helén Gustafsson föredrog årsredovisningen.",
                Some("Helén Gustafsson"),
            ),
            (
                "Valberedningens ordförande Gunilla Roos föredrog förslaget.",
                Some("Gunilla Roos"),
            ),
            (
                "Petra Lind, ekonomichef, föredrog bokslutet.",
                Some("Petra Lind"),
            ),
            (
                "Eva-Lena Sundberg informerade om läget.",
                Some("Eva-Lena Sundberg"),
            ),
            // A first name alone, an organisation, a verb too far into the
            // sentence, and no presenting verb at all.
            ("Sara informerade om avtalen.", None),
            ("Region Kronoberg redovisar ett underskott.", None),
            (
                "Under mötet med alla kommuner i länet informerade Anna Ek om läget.",
                None,
            ),
            ("Anna Ek hälsade alla välkomna.", None),
            (
                "Revisor Karl Berg läste upp revisionsberättelsen.",
                Some("Karl Berg"),
            ),
            ("Anna Ek läser upp dagordningen.", Some("Anna Ek")),
            // Reading without "upp" presents nothing.
            ("Anna Ek läste protokollet noga.", None),
        ];
        for (sentence, want) in cases {
            assert_eq!(presenter_in_text(sentence).as_deref(), want, "{sentence}");
        }
        assert_eq!(
            presenter_in_title("Information från socialförvaltningen (Annelie Falk, socialchef)"),
            Some((
                "Information från socialförvaltningen",
                "Annelie Falk".to_string()
            ))
        );
        assert_eq!(
            presenter_in_title("Bidrag till föreningar (dnr 2023/12)"),
            None
        );
        assert_eq!(presenter_in_title("Rapport (Region Kronoberg)"), None);
        assert_eq!(
            presenter_in_title("Motion om cykelbanor (Anna Ek, V)"),
            None
        );
        assert_eq!(
            presenter_in_title("Entledigande från uppdrag (Per Holm)"),
            None
        );
        assert_eq!(
            presenter_in_heading("Region Västmanland (Nadia Karimi)"),
            Some(("Region Västmanland", "Nadia Karimi".to_string()))
        );
        assert_eq!(
            presenter_in_text("Röda Korset informerade om insamlingen."),
            None
        );
        assert_eq!(
            responsible("Ansvarig: Therese Lund och Mikael Johansson"),
            Some(vec![
                "Therese Lund".to_string(),
                "Mikael Johansson".to_string()
            ])
        );
        assert_eq!(responsible("Ansvarig: alla kommuner"), None);
        assert_eq!(
            presenters("Föredragande: @Anna Ek, @Bo Lind"),
            Some(vec!["Anna Ek".to_string(), "Bo Lind".to_string()])
        );
        let mut got = Vec::new();
        people_in("@Anna Ek (S), @Bo Lind (M), @Eva Berg", &mut got);
        let names: Vec<&str> = got.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Anna Ek", "Bo Lind", "Eva Berg"]);
        assert_eq!(unmention("anna.ek@region.se"), "anna.ek@region.se");
    }

    #[test]
    fn presenter_lines() {
        let p = |s: &str| presenters(s).unwrap_or_default();
        assert_eq!(p("Föredragande: Magnus Frithiof"), ["Magnus Frithiof"]);
        assert_eq!(
            p("Föredragande: Annie-Lie, Per och Magnus"),
            ["Annie-Lie", "Per", "Magnus"]
        );
        assert_eq!(p("Föredragande: Ewa och Jenny S"), ["Ewa", "Jenny S"]);
        assert_eq!(p("Föredragande Eva Ek, socialchef"), ["Eva Ek"]);
        assert!(presenters("Föredragningslistan godkänns").is_none());
    }
}
