//! Header metadata: what kind of document it is, who met, when and where.
//!
//! The header is every line before the first agenda item, plus the
//! trailer: attendee lists and signatures some minutes put at the end
//! ("Närvarade ledamöter", "Mötesanteckningar skrivna av ..."). Both are read
//! by one state machine over lines. A line is either a key ("Tid:",
//! "Plats och tid", "Beslutande", a tab-separated table row "Tid\tFredag ..."),
//! a value or list entry belonging to the key before it, or a free line that
//! may name the document kind, the body that met or the date.

use std::sync::LazyLock;

use super::dates::{find_date, find_time, DATE_FILLER};
use super::people::{self, is_name, label, people_in, person, role_in, Role};
use super::text::{
    cells, eq_ci, is_filler, starts_lower, starts_upper, strip_prefix_ci, Line, TrimWs,
};
use crate::{Meeting, Person};

/// What a header key introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Date,
    Time,
    Place,
    TimeAndPlace,
    Reference,
    Present,
    Absent,
    Chair,
    Secretary,
    Signatures,
    Body,
    /// A key whose value we read past: "Justerare", "Paragrafer".
    Ignore,
}

const KEYS: &[(&str, Key)] = &[
    ("justeringens plats och tid", Key::Ignore),
    ("justeringens tid och plats", Key::Ignore),
    ("justeringens plats och tid", Key::Ignore),
    ("justeringens plats", Key::Ignore),
    ("justeringsdatum", Key::Ignore),
    ("justeringsdag", Key::Ignore),
    ("justeringsplats", Key::Ignore),
    ("justering", Key::Ignore),
    ("justeringens", Key::Ignore),
    ("plats och tid", Key::TimeAndPlace),
    ("tid och plats", Key::TimeAndPlace),
    ("tid/plats", Key::TimeAndPlace),
    ("plats/tid", Key::TimeAndPlace),
    ("datum då anslaget sätts upp", Key::Ignore),
    ("datum då anslaget tas ned", Key::Ignore),
    ("datum för anslags uppsättande", Key::Ignore),
    ("datum för anslags nedtagande", Key::Ignore),
    ("anslaget sätts upp", Key::Ignore),
    ("anslaget tas ned", Key::Ignore),
    ("förvaringsplats för protokollet", Key::Ignore),
    ("förvaringsplats", Key::Ignore),
    ("sammanträdesdatum", Key::Date),
    ("sammanträdestid", Key::Time),
    ("mötesdatum", Key::Date),
    ("datum och tid", Key::Time),
    ("datum", Key::Date),
    ("tidpunkt", Key::Time),
    ("tid", Key::Time),
    ("mötesplats", Key::Place),
    ("sammanträdeslokal", Key::Place),
    ("sammanträdesplats", Key::Place),
    ("mötesplats och tid", Key::TimeAndPlace),
    ("mötestid", Key::Time),
    ("plats", Key::Place),
    ("lokal", Key::Place),
    ("diarienummer", Key::Reference),
    ("diarienr", Key::Reference),
    ("dnr", Key::Reference),
    ("närvarande ledamöter", Key::Present),
    ("närvarade ledamöter", Key::Present),
    ("närvarande ersättare", Key::Present),
    ("närvarande tjänstemän", Key::Present),
    ("närvarande tjänstepersoner", Key::Present),
    ("närvarande", Key::Present),
    ("närvarolista", Key::Present),
    ("närvaroförteckning", Key::Present),
    ("mötesdeltagare", Key::Present),
    ("närvarade", Key::Present),
    ("beslutande ledamöter", Key::Present),
    ("beslutande", Key::Present),
    ("tjänstgörande ersättare", Key::Present),
    ("ej tjänstgörande ersättare", Key::Present),
    ("icke tjänstgörande ersättare", Key::Present),
    ("övriga närvarande", Key::Present),
    ("övriga deltagare", Key::Present),
    ("övriga deltagande", Key::Present),
    ("övriga medverkande", Key::Present),
    ("medverkande", Key::Present),
    ("deltagare", Key::Present),
    ("deltagande", Key::Present),
    ("ledamöter", Key::Present),
    ("ersättare", Key::Present),
    ("styrelseledamöter", Key::Present),
    ("suppleanter", Key::Present),
    ("förtroendevalda", Key::Present),
    ("tjänstemän", Key::Present),
    ("tjänstepersoner", Key::Present),
    ("frånvarande ledamöter", Key::Absent),
    ("frånvarande", Key::Absent),
    // Typing slips seen in real minutes.
    ("frånvarnade", Key::Absent),
    ("frånvarade", Key::Absent),
    ("närvarnade", Key::Present),
    ("ej närvarande", Key::Absent),
    ("anmält förhinder", Key::Absent),
    ("anmäld frånvaro", Key::Absent),
    ("förhinder", Key::Absent),
    ("mötesordförande", Key::Chair),
    ("mötesledare", Key::Chair),
    ("ordförande", Key::Chair),
    ("ordf", Key::Chair),
    ("mötessekreterare", Key::Secretary),
    ("sekreterare", Key::Secretary),
    ("protokollförare", Key::Secretary),
    ("vid protokollet", Key::Secretary),
    ("mötesanteckningar skrivna av", Key::Secretary),
    ("mötesanteckningar förda av", Key::Secretary),
    ("minnesanteckningar förda av", Key::Secretary),
    ("minnesanteckningar skrivna av", Key::Secretary),
    ("anteckningar förda av", Key::Secretary),
    ("anteckningar skrivna av", Key::Secretary),
    ("protokollet fört av", Key::Secretary),
    ("antecknat av", Key::Secretary),
    ("antecknare", Key::Secretary),
    ("vid anteckningarna", Key::Secretary),
    ("vid tangentbordet", Key::Secretary),
    ("underskrifter", Key::Signatures),
    ("underskrift", Key::Signatures),
    ("justerare", Key::Ignore),
    ("justerande", Key::Ignore),
    ("justerade av", Key::Ignore),
    ("justeras av", Key::Ignore),
    ("justeras", Key::Ignore),
    ("utses att justera", Key::Ignore),
    ("paragrafer", Key::Ignore),
    ("handläggare", Key::Ignore),
    ("sammankallande", Key::Ignore),
    ("samman kallande", Key::Ignore),
    ("kallade", Key::Ignore),
    ("organ", Key::Body),
];

/// The key table in buckets by first byte, longest key first in each, so
/// "plats och tid" wins over "plats". A line is compared only with the keys
/// that start like it.
static KEY_BUCKETS: LazyLock<Vec<Vec<(&'static str, Key)>>> = LazyLock::new(|| {
    let mut keys = KEYS.to_vec();
    keys.sort_by_key(|(k, _)| std::cmp::Reverse(k.chars().count()));
    let mut buckets = vec![Vec::new(); 256];
    for (k, key) in keys {
        if let Some(b) = super::text::first_byte_folded(k) {
            buckets[b as usize].push((k, key));
        }
    }
    buckets
});

/// The words a document calls itself by.
const KINDS: [&str; 13] = [
    "sammanträdesprotokoll",
    "protokoll",
    "mötesprotokoll",
    "styrelseprotokoll",
    "årsmötesprotokoll",
    "beslutsprotokoll",
    "protokollsutdrag",
    "mötesanteckningar",
    "minnesanteckningar",
    "mötesanteckning",
    "minnesanteckning",
    "anteckningar",
    "sammanträdesanteckningar",
];

/// Headings that introduce a table of contents rather than items.
const TOC: [&str; 9] = [
    "ärendeförteckning",
    "ärendelista",
    "dagordning",
    "dagens agenda",
    "agenda",
    "föredragningslista",
    "innehåll",
    "innehållsförteckning",
    "förslag till dagordning",
];

/// Whether `s` heads a table of contents ("Ärendeförteckning", "Dagens agenda:").
pub fn is_toc_heading(s: &str) -> bool {
    if s.len() > 40 {
        return false;
    }
    let s = s.trim_ws().trim_end_matches(':').trim_ws();
    // Every line is asked this: one starting with an ASCII byte that
    // starts no heading cannot be one (eq_ci gives up at that byte too).
    if s.as_bytes().first().is_some_and(|&b| {
        b.is_ascii() && !matches!(b.to_ascii_lowercase(), b'a' | b'd' | b'f' | b'i')
    }) {
        return false;
    }
    TOC.iter().any(|t| eq_ci(s, t))
}

/// A key at the start of `s`: the key, the value after it (maybe empty),
/// and whether the key was set off explicitly (colon, tab, end of line).
pub fn key_line(s: &str) -> Option<(Key, &str)> {
    let bucket = &KEY_BUCKETS[super::text::first_byte_folded(s)? as usize];
    // Most lines are no key: when the first two bytes are ASCII, the second
    // turns nearly every key of the bucket down before the full comparison.
    let second = s
        .as_bytes()
        .get(1)
        .filter(|_| s.as_bytes()[0].is_ascii())
        .map(u8::to_ascii_lowercase);
    for &(k, key) in bucket {
        if let Some(c) = second {
            let kc = k.as_bytes()[1];
            if kc.is_ascii() && c.is_ascii() && kc != c {
                continue;
            }
        }
        let Some(rest) = strip_prefix_ci(s, k) else {
            continue;
        };
        if rest.is_empty() {
            return Some((key, ""));
        }
        if let Some(r) = rest.strip_prefix(':') {
            return Some((key, r.trim_ws()));
        }
        if rest.starts_with('\t') || rest.starts_with("  ") {
            return Some((key, rest.trim_ws()));
        }
        let Some(r) = rest.strip_prefix(' ') else {
            // "Tidigare", "Platsen": a longer word, not this key.
            continue;
        };
        let r = r.trim_ws();
        if r.starts_with(['-', '–']) {
            return Some((key, r.trim_start_matches(['-', '–']).trim_ws()));
        }
        // "Närvarande styrelseledamöter:", "Frånvarande från förvaltningen:":
        // the key with the group it lists.
        if let (Key::Present | Key::Absent, Some((group, value))) = (key, r.split_once(':')) {
            let words = group.split_whitespace().count();
            if words <= 3 && group.chars().all(|c| c.is_lowercase() || c == ' ') {
                return Some((key, value.trim_ws()));
            }
        }
        let first = r
            .split([',', '('])
            .next()
            .unwrap_or(r)
            .trim_ws()
            .trim_end_matches('.');
        let ok = match key {
            Key::Reference => r.len() < 40 && r.bytes().any(|b| b.is_ascii_digit()),
            Key::Date => r.len() < 60 && find_date(r).is_some(),
            Key::Time => r.len() < 80 && (find_time(r).is_some() || find_date(r).is_some()),
            Key::TimeAndPlace => true,
            Key::Secretary | Key::Chair => r.len() <= 60 && is_name(first, 2),
            Key::Present | Key::Absent => is_name(first, 2),
            // "Justeringens plats och tid Kultur- och fritidsförvaltningen":
            // that key needs no colon to be one. ("Justeras av Anna Ek" in
            // an item's text must not start a trailer.)
            Key::Ignore => k.starts_with("justeringens "),
            _ => false,
        };
        if ok {
            return Some((key, r));
        }
        return None;
    }
    None
}

/// Whether a header line is a street address ("Klubbstugan, Hamnvägen 3",
/// "Storgatan 12, Växjö"): a street word followed by a house number.
fn is_address(cell: &str) -> bool {
    const STREETS: [&str; 10] = [
        "vägen", "gatan", "torget", "gränd", "stigen", "backen", "allén", "leden", "plan", "väg",
    ];
    if cell.len() > 80 {
        return false;
    }
    let mut prev_street = false;
    for w in cell.split([' ', ',']).filter(|w| !w.is_empty()) {
        if prev_street && w.as_bytes()[0].is_ascii_digit() && w.len() <= 4 {
            return true;
        }
        // Street names end in lowercase as written ("Hamnvägen", "Storgatan").
        prev_street = starts_upper(w) && STREETS.iter().any(|s| w.ends_with(s));
    }
    false
}

/// The role a signature names: "Ordförande", "Vid protokollet", "Justerare".
pub fn signature_role(c: &str) -> Option<Role> {
    let c = c.trim_ws().trim_end_matches(':').trim_end();
    if ["ordförande", "mötesordförande", "ordf", "ordf."]
        .iter()
        .any(|r| eq_ci(c, r))
    {
        Some(Role::Chair)
    } else if [
        "sekreterare",
        "mötessekreterare",
        "vid protokollet",
        "protokollförare",
        "sekr.",
    ]
    .iter()
    .any(|r| eq_ci(c, r))
    {
        Some(Role::Secretary)
    } else if [
        "justerande",
        "justerare",
        "justeras",
        "justerat",
        "justeringsperson",
    ]
    .iter()
    .any(|r| eq_ci(c, r))
    {
        Some(Role::Other)
    } else {
        None
    }
}

/// Whether a line in the item stream starts the trailer: attendee lists
/// and signatures after the last item. Only keys that cannot head a part
/// of an item count.
pub fn is_trailer_start(text: &str) -> bool {
    let Some((key, rest)) = key_line(text) else {
        return false;
    };
    // The key as written: what comes before its value.
    let head = text
        .get(..text.len().saturating_sub(rest.len()))
        .unwrap_or(text);
    let t = head.trim_end().trim_end_matches([':', '-', '–']).trim_end();
    // "Närvarande under ärendet: Petra Lind" inside an item is a note of
    // that item: only a key as the table has it starts a trailer.
    if matches!(key, Key::Present | Key::Absent) && !KEYS.iter().any(|(k, _)| eq_ci(t, k)) {
        return false;
    }
    match key {
        Key::Present => ![
            "ledamöter",
            "ersättare",
            "deltagare",
            "medverkande",
            "styrelseledamöter",
            "suppleanter",
            "förtroendevalda",
            "tjänstemän",
            "tjänstepersoner",
        ]
        .iter()
        .any(|w| eq_ci(t, w)),
        Key::Absent | Key::Signatures => true,
        Key::Secretary => !eq_ci(t, "sekreterare") || text.contains(':'),
        Key::Ignore => strip_prefix_ci(text, "justera").is_some(),
        _ => false,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Idle,
    Value(Key),
    List(bool),
    Signatures,
}

enum Sig {
    Role(Role),
    Name(String),
}

/// Reads header and trailer lines into a [`Meeting`].
pub struct HeaderReader<'m> {
    m: &'m mut Meeting,
    state: State,
    value: String,
    value_lines: usize,
    same_line: bool,
    trailer: bool,
    kind_seen: bool,
    body_from_kind: Option<String>,
    body_after: Option<String>,
    body_before: Option<String>,
    body_key: Option<String>,
    free_date: Option<String>,
    free_time: Option<String>,
    free_place: Option<String>,
    next_role: Option<Role>,
    sigs: Vec<Sig>,
    /// How many names the last signature line held, when it held only names.
    sig_row: usize,
    /// The present list is a table with a presence column.
    presence_table: bool,
    /// Where the middle of the presence table's "Frånvarande" heading is,
    /// if it has one...
    absent_column: Option<usize>,
    /// ... and that of its "Närvarande" heading.
    present_column: Option<usize>,
    /// The line being read, and where its text starts in memory (cells are
    /// slices of it).
    line_text: String,
    line_base: usize,
    /// The association a "För styrelsen i ..." line names.
    body_signed: Option<String>,
}

impl<'m> HeaderReader<'m> {
    pub fn new(m: &'m mut Meeting) -> Self {
        HeaderReader {
            m,
            state: State::Idle,
            value: String::new(),
            value_lines: 0,
            same_line: false,
            trailer: false,
            kind_seen: false,
            body_from_kind: None,
            body_after: None,
            body_before: None,
            body_key: None,
            free_date: None,
            free_time: None,
            free_place: None,
            next_role: None,
            sigs: Vec::new(),
            sig_row: 0,
            presence_table: false,
            absent_column: None,
            present_column: None,
            line_text: String::new(),
            line_base: 0,
            body_signed: None,
        }
    }

    /// Switches to a signature block found by its form after the last item.
    pub fn start_signatures(&mut self) {
        self.start_trailer();
        self.state = State::Signatures;
        self.sig_row = 0;
    }

    /// Switches to the trailer: free lines there name no kind or body.
    pub fn start_trailer(&mut self) {
        self.finish_value();
        self.state = State::Idle;
        self.trailer = true;
    }

    pub fn line(&mut self, line: &Line<'_>) {
        let t = line.clean.as_ref();
        self.line_text.clear();
        self.line_text.push_str(t);
        self.line_base = t.as_ptr() as usize;
        if t.is_empty() {
            if let State::Value(_) = self.state {
                if !self.value.is_empty() {
                    self.finish_value();
                    self.state = State::Idle;
                }
            }
            return;
        }
        if is_filler(t) {
            return;
        }
        if self.state == State::Signatures {
            if self.signature_line(t) {
                return;
            }
        } else if let State::List(present) = self.state {
            // "Frånvarande" after the present: a new list, not a label in it;
            // and no label ("Justerare") heads a sub-list of the absent.
            let switches = || match key_line(t) {
                Some((Key::Absent, _)) => present,
                Some(_) => !present,
                None => false,
            };
            if !t.contains(':') && !switches() {
                if let Some(role) = label(t) {
                    // "Övriga närvarande" after a presence table: a new list.
                    self.presence_table = false;
                    self.absent_column = None;
                    self.next_role = Some(role);
                    return;
                }
            }
        }
        let first = cells(t).next().unwrap_or(t);
        let keyed = if first.len() < t.len() && !first.ends_with(':') {
            // A table row: the key is the first cell, the value the others.
            key_line(first).map(|(k, r)| {
                (
                    k,
                    if r.is_empty() {
                        t[first.len()..].trim_ws()
                    } else {
                        r
                    },
                )
            })
        } else {
            None
        };
        if let Some((key, rest)) = keyed.or_else(|| key_line(t)) {
            self.finish_value();
            self.start(key, rest);
            return;
        }
        match self.state {
            State::Value(key) => {
                if key == Key::Ignore {
                    self.named_role(t);
                }
                if self.accepts(key, line) {
                    if !self.value.is_empty() {
                        self.value.push(' ');
                    }
                    // "Miljö- och byggnämnden      2024-09-11" under a
                    // "Sammanträdesdatum" key: the date is the key's, the
                    // other cells are lines of their own.
                    let dated = |c: &str| find_date(c).is_some() || find_time(c).is_some();
                    if matches!(key, Key::Date | Key::Time)
                        && cells(t).nth(1).is_some()
                        && cells(t).any(dated)
                    {
                        let (ours, rest): (Vec<&str>, Vec<&str>) = cells(t).partition(|c| dated(c));
                        self.value.push_str(&ours.join(" "));
                        self.value_lines += 1;
                        self.finish_value();
                        self.state = State::Idle;
                        for cell in rest {
                            self.free(cell);
                        }
                        return;
                    }
                    self.value.push_str(t);
                    self.value_lines += 1;
                    if self.value_done(key) {
                        self.finish_value();
                        self.state = State::Idle;
                    }
                } else {
                    self.finish_value();
                    self.state = State::Idle;
                    self.free(t);
                }
            }
            State::List(present) => self.list_line(present, t),
            State::Signatures => {}
            State::Idle => self.free(t),
        }
    }

    fn start(&mut self, key: Key, rest: &str) {
        self.presence_table = false;
        self.absent_column = None;
        self.value.clear();
        self.value_lines = 0;
        self.same_line = !rest.is_empty();
        self.next_role = None;
        match key {
            Key::Present | Key::Absent => {
                let present = key == Key::Present;
                self.state = State::List(present);
                self.list_line(present, rest);
            }
            Key::Signatures => {
                self.state = State::Signatures;
                self.signature_line(rest);
            }
            _ => {
                self.state = State::Value(key);
                self.value.push_str(rest);
                if self.same_line && self.value_done(key) {
                    self.finish_value();
                    self.state = State::Idle;
                }
            }
        }
    }

    fn accepts(&self, key: Key, line: &Line<'_>) -> bool {
        if self.same_line {
            return match key {
                Key::Time | Key::TimeAndPlace => {
                    self.value_lines < 2 && find_time(&self.value).is_none()
                }
                Key::Place | Key::Ignore => line.indented(),
                _ => false,
            };
        }
        match key {
            Key::Ignore => self.value_lines < 8,
            Key::Date => self.value_lines < 2,
            Key::Time => self.value_lines < 3,
            _ => self.value_lines < 1,
        }
    }

    fn value_done(&self, key: Key) -> bool {
        match key {
            Key::Date => find_date(&self.value).is_some(),
            Key::Time | Key::TimeAndPlace => find_time(&self.value).is_some(),
            Key::Ignore => self.same_line,
            Key::Chair | Key::Secretary => {
                let v = self
                    .value
                    .trim_matches(|c: char| c == '.' || c == '_' || c.is_whitespace());
                !v.is_empty()
            }
            _ => !self.value.is_empty(),
        }
    }

    fn finish_value(&mut self) {
        let State::Value(key) = self.state else {
            return;
        };
        let value = std::mem::take(&mut self.value);
        let v = value.trim_ws();
        match key {
            // "Datum: 12 september 2023, kl. 9-11" gives the time too.
            Key::Date | Key::Time => self.date_time_place(v, false),
            Key::TimeAndPlace => self.date_time_place(v, true),
            Key::Place if self.m.place.is_none() => self.m.place = place_in(v),
            Key::Reference => {
                let r = cells(v).next().unwrap_or("").trim_end_matches('.');
                if self.m.reference.is_none() && !r.is_empty() && r.len() <= 60 {
                    self.m.reference = Some(r.to_string());
                }
            }
            Key::Chair | Key::Secretary => {
                let name = cells(v)
                    .filter(|c| !is_filler(c) && strip_prefix_ci(c, "paragraf").is_none())
                    .map(person)
                    .find(|p| is_name(&p.name, 2));
                if let Some(p) = name {
                    let slot = if key == Key::Chair {
                        &mut self.m.chair
                    } else {
                        &mut self.m.secretary
                    };
                    if slot.is_none() {
                        *slot = Some(p.name);
                    }
                }
            }
            Key::Body if !v.is_empty() && self.body_key.is_none() => {
                self.body_key = Some(v.to_string())
            }
            _ => {}
        }
        self.value = value;
        self.value.clear();
    }

    fn date_time_place(&mut self, v: &str, with_place: bool) {
        if self.m.date.is_none() {
            self.m.date = find_date(v).map(|(d, _)| d);
        }
        if self.m.time.is_none() {
            self.m.time = find_time(v).map(|(t, _)| t);
        }
        if with_place && self.m.place.is_none() {
            self.m.place = place_in(v);
        }
    }

    /// The column (in chars) where `cell`, a part of the current line,
    /// starts: the key and the list reader see different slices of it.
    fn column_of(&self, cell: &str) -> usize {
        let at = (cell.as_ptr() as usize).wrapping_sub(self.line_base);
        self.line_text
            .get(..at)
            .map_or(0, |before| before.chars().count())
    }

    /// Reads one line of an attendee list, cell by cell.
    fn list_line(&mut self, present: bool, t: &str) {
        // "- Anna Ek, Region Gävleborg": a bulleted list of people.
        let t = super::text::bullet(t).unwrap_or(t);
        // A presence table ("Ledamöter<TAB>Parti<TAB>Närvarande", then
        // "Kim Ny<TAB>S<TAB>X"): a row without its mark was absent.
        let is_mark = |c: &str| ["x", "ja", "närv"].iter().any(|m| eq_ci(c.trim_ws(), m));
        if present && cells(t).nth(1).is_some() {
            if cells(t).any(|c| {
                ["närvarande", "närvaro", "närv."]
                    .iter()
                    .any(|m| eq_ci(c, m))
            }) {
                self.presence_table = true;
                // "Ledamöter    Närvarande    Frånvarande": where a mark
                // of absence stands.
                // The middle of each heading: a mark may be aligned to
                // either end of it.
                let middle = |c: &str| self.column_of(c) + c.chars().count() / 2;
                let absent = cells(t)
                    .find(|c| eq_ci(c, "frånvarande") || eq_ci(c, "frånv."))
                    .map(middle);
                let present = cells(t)
                    .find(|c| eq_ci(c, "närvarande") || eq_ci(c, "närv."))
                    .map(middle);
                (self.absent_column, self.present_column) = (absent, present);
                return;
            }
            if self.presence_table {
                let first = cells(t).next().unwrap_or("");
                // The mark's column, for a table with an absence column.
                let mark = cells(t)
                    .skip(1)
                    .find(|c| is_mark(c))
                    .map(|c| self.column_of(c));
                // A mark belongs to the nearer of the two columns.
                let absent = match (mark, self.absent_column) {
                    (None, _) => true,
                    (Some(at), Some(col)) => match self.present_column {
                        Some(p) if p < col => 2 * at >= p + col,
                        _ => at + 6 >= col,
                    },
                    (Some(_), None) => false,
                };
                if absent {
                    self.list_cell(false, first);
                    return;
                }
            }
        }
        // "Anna Andersson (S)<TAB>Ordförande": a role in the cell after a
        // name is that person's.
        let mut named: Option<String> = None;
        for cell in cells(t) {
            if let (Some(name), Some(role)) = (&named, label(cell)) {
                self.assign(present, role, name);
                named = None;
                continue;
            }
            named = self.list_cell(present, cell);
        }
    }

    fn assign(&mut self, present: bool, role: Role, name: &str) {
        if !present {
            return;
        }
        let slot = match role {
            Role::Chair => &mut self.m.chair,
            Role::Secretary => &mut self.m.secretary,
            Role::Other => return,
        };
        if slot.is_none() {
            *slot = Some(name.to_string());
        }
    }

    /// Reads one cell of an attendee list; returns the name of the last
    /// person it added.
    fn list_cell(&mut self, present: bool, cell: &str) -> Option<String> {
        if is_filler(cell) {
            return None;
        }
        if let Some(role) = label(cell) {
            self.next_role = Some(role);
            return None;
        }
        let list = if present {
            &mut self.m.present
        } else {
            &mut self.m.absent
        };
        let before = list.len();
        people_in(cell, list);
        if list.len() == before {
            // "PRO: Birgit Andersson, Sven-Åke Persson": people grouped by
            // the organisation they come for.
            let (group, rest) = cell.split_once(':')?;
            let group = group.trim_ws();
            if group.is_empty() || group.len() > 40 || group.split_whitespace().count() > 4 {
                return None;
            }
            people_in(rest, list);
            for p in &mut list[before..] {
                if p.affiliation.is_none() {
                    p.affiliation = Some(group.to_string());
                }
            }
            if list.len() == before {
                return None;
            }
        }
        let last = list.last().map(|p| p.name.clone());
        // Each person of an inline list may carry a role ("Anna Ek (S),
        // ordförande, Bertil Ny (M)"); a label line before names the first.
        let roles: Vec<(Option<Role>, String)> = list[before..]
            .iter()
            .map(|p| (p.affiliation.as_deref().and_then(role_in), p.name.clone()))
            .collect();
        for (k, (role, name)) in roles.into_iter().enumerate() {
            let role = if k == 0 {
                self.next_role.take().or(role)
            } else {
                role
            };
            if let Some(role) = role {
                self.assign(present, role, &name);
            }
        }
        last
    }

    /// Reads a line of the signature block; false when the line is no part of it.
    fn signature_line(&mut self, t: &str) -> bool {
        let (mut names, mut roles) = (0, 0);
        for cell in cells(t) {
            let c = cell.trim_end_matches(':');
            if is_filler(c) || strip_prefix_ci(c, "paragraf").is_some() || c.starts_with('§') {
                continue;
            }
            if let Some(role) = signature_role(c) {
                self.sigs.push(Sig::Role(role));
                roles += 1;
            } else if is_name(people::person(c).name.as_str(), 2) {
                self.sigs.push(Sig::Name(people::person(c).name));
                names += 1;
            } else if key_line(c).is_some() {
                return false;
            }
        }
        // Signatures side by side: a row of names over a row of roles
        // ("Anders Lindqvist    Birgitta Sjöberg" / "Ordförande    Justerare")
        // pair by column.
        if names == 0 && roles > 1 && roles == self.sig_row {
            let at = self.sigs.len() - 2 * roles;
            let row: Vec<Sig> = self.sigs.drain(at..).collect();
            let (row_names, row_roles) = row.split_at(roles);
            for k in 0..roles {
                for sig in [&row_names[k], &row_roles[k]] {
                    self.sigs.push(match sig {
                        Sig::Name(n) => Sig::Name(n.clone()),
                        Sig::Role(r) => Sig::Role(*r),
                    });
                }
            }
        }
        self.sig_row = if roles == 0 { names } else { 0 };
        true
    }

    /// "Kent Holmberg, mötesordförande" under "Justeras": a name with its
    /// role names the chair or secretary.
    fn named_role(&mut self, t: &str) {
        if !t.contains(',') && !t.contains('(') {
            return;
        }
        let p = person(t);
        if let Some(role) = p.affiliation.as_deref().and_then(role_in) {
            if is_name(&p.name, 2) {
                self.assign(true, role, &p.name);
            }
        }
    }

    fn free(&mut self, t: &str) {
        // "För styrelsen i Hembygdsföreningen Gamla Ekeby" above or below
        // the signatures names the association.
        for lead in ["för styrelsen i ", "för styrelsen för ", "för styrelsen, "] {
            if let Some(rest) = strip_prefix_ci(t.trim_ws(), lead) {
                let rest = rest.trim_ws().trim_end_matches('.');
                if starts_upper(rest) && rest.len() <= 100 && self.body_signed.is_none() {
                    self.body_signed = Some(rest.to_string());
                }
                return;
            }
        }
        if self.trailer {
            self.named_role(t);
            return;
        }
        for cell in cells(t) {
            if is_filler(cell)
                || is_page_number(cell)
                || eq_ci(cell, "sida")
                || is_toc_heading(cell)
                || cell.starts_with('§')
            {
                continue;
            }
            if super::text::bullet(cell).is_some() || super::text::list_number(cell).is_some() {
                continue;
            }
            if !self.kind_seen {
                if let Some((kind, rest)) = kind_in(cell) {
                    self.kind_seen = true;
                    self.m.kind = Some(kind);
                    if let Some(body) = rest {
                        self.body_from_kind = Some(body);
                    }
                    if self.free_date.is_none() {
                        self.free_date = find_date(cell).map(|(d, _)| d);
                    }
                    continue;
                }
            }
            if let Some((d, r)) = find_date(cell) {
                if self.free_date.is_none() {
                    self.free_date = Some(d);
                }
                // "2024-03-10, kl. 19.00, Bygdegården": the place after the
                // date and the time.
                if self.free_place.is_none() && find_time(cell).is_some() {
                    if let Some((_, last)) = cell.rsplit_once(',') {
                        let last = last.trim_ws().trim_end_matches('.');
                        if starts_upper(last)
                            && last.len() <= 60
                            && find_date(last).is_none()
                            && find_time(last).is_none()
                        {
                            self.free_place = Some(last.to_string());
                        }
                    }
                }
                // "Sammanträde ... den 15 november 2023, klockan 13.00 -
                // 15.30, i Brandstationen Åby, lektionssal 2.": the place
                // closes a sentence that gives the date.
                if self.free_place.is_none() {
                    if let Some(k) = super::text::find_bytes(&cell[r.end..], ", i ") {
                        let place = cell[r.end + k + 4..].trim_ws().trim_end_matches('.');
                        if starts_upper(place) && place.len() <= 80 {
                            self.free_place = Some(place.to_string());
                        }
                    }
                }
                let rest = format!("{} {}", &cell[..r.start], &cell[r.end..]);
                if !has_words(&rest) {
                    // "2024-05-08, kl 13:00–15:30": the time after the date.
                    if self.free_time.is_none() {
                        self.free_time = find_time(&rest).map(|(t, _)| t);
                    }
                    continue;
                }
            }
            if self.free_time.is_none() {
                // "kl. 13.00" anywhere, or a line that is only a time range ("13.00-15.30").
                if let Some((t, r)) = find_time(cell) {
                    let rest = format!("{} {}", &cell[..r.start], &cell[r.end..]);
                    if cell.to_lowercase().contains("kl") || !has_words(&rest) {
                        self.free_time = Some(t);
                        if !has_words(&rest) {
                            continue;
                        }
                    }
                }
            }
            // "PROTOKOLL / fört vid ordinarie årsmöte för Kustens IF": the
            // line under the kind names the meeting.
            if self.kind_seen && self.body_from_kind.is_none() && self.body_after.is_none() {
                let lead = ["fört vid ", "förd vid ", "förda vid ", "fört på ", "från "]
                    .iter()
                    .find_map(|l| strip_prefix_ci(cell, l));
                if let Some(rest) = lead.map(str::trim).filter(|r| has_words(r)) {
                    self.body_from_kind = Some(super::text::capitalise_first(rest));
                    continue;
                }
            }
            // "Klubbstugan, Hamnvägen 3" without a key: an address names the place.
            if is_address(cell) {
                if self.free_place.is_none() {
                    self.free_place = place_in(cell);
                }
                continue;
            }
            // "Styrelsemöte hemma hos Birgitta Lövgren, Lärkvägen 8, Ekeby,
            // kl. 19.00": where the meeting was held.
            if self.free_place.is_none() {
                if let Some((first, rest)) = cell.split_once(' ') {
                    let place = ["hemma hos ", "hos ", "i ", "på "]
                        .iter()
                        .any(|l| strip_prefix_ci(rest, l).is_some());
                    if place && is_meeting_type(first) {
                        let rest = ["i ", "på "]
                            .iter()
                            .find_map(|l| strip_prefix_ci(rest, l))
                            .unwrap_or(rest);
                        self.free_place = place_in(rest);
                        continue;
                    }
                }
            }
            // "Org.nr 556712-3490" under a company's or association's name.
            if [
                "org.nr",
                "org nr",
                "orgnr",
                "organisationsnummer",
                "org.nummer",
            ]
            .iter()
            .any(|k| strip_prefix_ci(cell, k).is_some())
            {
                continue;
            }
            // "PROTOKOLL nr 3 / Protokoll fört vid sammanträde med styrelsen
            // för Vallby Energi AB": a second kind line names the body.
            if self.kind_seen && self.body_from_kind.is_none() && self.body_after.is_none() {
                if let Some((_, Some(body))) = kind_in(cell) {
                    if !is_meeting_type(&body) {
                        self.body_from_kind = Some(body);
                        continue;
                    }
                }
            }
            // "Ajournering: kl. 20.05", "Omedelbar justering: § 14": a
            // label of its own, never the group that met.
            let labelled = cell.find(':').is_some_and(|k| {
                k < 40 && k + 1 < cell.len() && cell[..k].split_whitespace().count() <= 3
            });
            if is_title_like(cell) && !is_meeting_type(cell) && !labelled {
                if self.kind_seen {
                    if self.body_after.is_none() {
                        self.body_after = Some(cell.to_string());
                    }
                } else {
                    self.body_before = Some(cell.to_string());
                }
            }
        }
    }

    /// Settles what the lines left open: body, date fallbacks, signatures.
    pub fn finish(mut self) {
        self.finish_value();
        let m = &mut *self.m;
        // "Protokoll från samverkansmöte / Närsjukvårdsgruppen Västra
        // länsdelen": a bare kind of meeting names no group when a line
        // after it does.
        let generic = self.body_from_kind.as_deref().is_some_and(is_meeting_type);
        if generic && (self.body_after.is_some() || self.body_before.is_some()) {
            self.body_from_kind = None;
        }
        if m.body.is_none() {
            m.body = self
                .body_from_kind
                .take()
                .or(self.body_after.take())
                .or(self.body_key.take())
                .or(self.body_before.take());
        }
        // A signed "För styrelsen i X" beats a line that only describes the
        // meeting ("Styrelsemöte hemma hos ..., kl. 19.00").
        let describes_meeting = |b: &str| {
            find_time(b).is_some() || b.split([' ', ',']).next().is_some_and(is_meeting_type)
        };
        if let Some(signed) = self.body_signed.take() {
            if m.body.as_deref().is_none_or(describes_meeting) {
                m.body = Some(signed);
            }
        }
        if m.date.is_none() {
            m.date = self.free_date.take();
        }
        if m.time.is_none() {
            m.time = self.free_time.take();
        }
        if m.place.is_none() {
            m.place = self.free_place.take();
        }
        // Signatures: a role takes the unclaimed name just before it
        // ("Suzana Selan / Ordförande") or else the next one
        // ("Sekreterare / ...... / Fredrik Fors").
        let mut taken = vec![false; self.sigs.len()];
        for i in 0..self.sigs.len() {
            let Sig::Role(role) = self.sigs[i] else {
                continue;
            };
            let before =
                (i > 0 && !taken[i - 1] && matches!(self.sigs[i - 1], Sig::Name(_))).then(|| i - 1);
            let pick = before.or_else(|| {
                // A signature's name is within a few lines of its role.
                (i + 1..self.sigs.len().min(i + 5))
                    .find(|&k| !taken[k] && matches!(self.sigs[k], Sig::Name(_)))
            });
            if let Some(k) = pick {
                taken[k] = true;
                if let Sig::Name(name) = &self.sigs[k] {
                    let slot = match role {
                        Role::Chair => &mut m.chair,
                        Role::Secretary => &mut m.secretary,
                        Role::Other => continue,
                    };
                    if slot.is_none() {
                        *slot = Some(name.clone());
                    }
                }
            }
        }
        dedup(&mut m.present);
        dedup(&mut m.absent);
    }
}

/// Drops every person whose name, lowercased, came before.
fn dedup(people: &mut Vec<Person>) {
    // Attendee lists are short and their names Latin-1: those are compared
    // folded on the stack, each with the names kept before it, instead of
    // allocating a lowercase copy of every name for a hash set. Below 0xC4
    // every byte is ASCII or part of a char up to U+00FF, whose lowercase
    // form `fold_small_bytes` gives exactly.
    let simple = |p: &Person| p.name.len() <= 64 && p.name.bytes().all(|b| b < 0xC4);
    if people.len() <= 64 && people.iter().all(simple) {
        let mut kept: Vec<([u8; 64], usize)> = Vec::with_capacity(people.len());
        let mut keep = Vec::with_capacity(people.len());
        for p in people.iter() {
            let mut buf = [0u8; 64];
            let n = p.name.len();
            // `simple` holds, so the fold always succeeds.
            let _ = super::text::fold_small_bytes(&p.name, &mut buf);
            let new = !kept.iter().any(|(k, m)| *m == n && k[..n] == buf[..n]);
            if new {
                kept.push((buf, n));
            }
            keep.push(new);
        }
        let mut flags = keep.into_iter();
        people.retain(|_| flags.next().unwrap_or(true));
        return;
    }
    let mut seen = std::collections::HashSet::new();
    people.retain(|p| seen.insert(p.name.to_lowercase()));
}

/// A page number as PDF exports print it: "1(9)", "Sida 3 av 12", "3 (12)",
/// "Blad 2".
pub fn is_page_number(s: &str) -> bool {
    let s = s.trim_ws();
    let word = strip_prefix_ci(s, "sida")
        .or_else(|| strip_prefix_ci(s, "sid"))
        .or_else(|| strip_prefix_ci(s, "blad"));
    let s = word.unwrap_or(s).trim_ws();
    let b = s.as_bytes();
    let d1 = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if d1 == 0 || d1 > 4 {
        return false;
    }
    let rest = s[d1..].trim_start();
    // "Sida 3", "Blad 2": the word makes a bare number a page's.
    if word.is_some() && rest.is_empty() {
        return true;
    }
    if let Some(r) = rest.strip_prefix('(') {
        let r = r.trim_ws();
        let d2 = r.bytes().take_while(u8::is_ascii_digit).count();
        return d2 > 0 && r[d2..].trim_ws() == ")";
    }
    if let Some(r) = strip_prefix_ci(rest, "av").or_else(|| rest.strip_prefix('/')) {
        let r = r.trim_ws();
        return !r.is_empty()
            && r.bytes().all(|c| c.is_ascii_digit())
            && s.len() < 20
            && s.len() > d1;
    }
    false
}

fn has_words(s: &str) -> bool {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .any(|w| !DATE_FILLER.iter().any(|f| eq_ci(w, f)))
}

fn is_title_like(s: &str) -> bool {
    let s = s.trim_ws();
    s.len() <= 150
        && s.chars().filter(|c| c.is_alphabetic()).take(2).count() >= 2
        && !s.ends_with(['.', ',', ';'])
        && !starts_lower(s)
        && (starts_upper(s) || s.starts_with(|c: char| c.is_ascii_digit()))
        && super::text::word_count(s, 21) <= 20
}

/// Finds a kind word in `cell`. Returns the kind, capitalised, and the
/// rest of the cell as the body when it names one ("Samordningsgruppen,
/// minnesanteckningar 240614" → "Samordningsgruppen").
fn kind_in(cell: &str) -> Option<(String, Option<String>)> {
    let mut start = None;
    for (i, w) in word_spans(cell) {
        if KINDS.iter().any(|k| eq_ci(w, k)) {
            start = Some((i, w.len()));
            break;
        }
    }
    let (i, len) = start?;
    let kind = super::text::capitalise(&cell[i..i + len]);
    let mut rest = format!("{} {}", &cell[..i], &cell[i + len..]);
    if let Some((_, r)) = find_date(&rest) {
        rest.replace_range(r, " ");
    }
    let mut body =
        rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | ':' | '.'));
    for lead in ["fört vid ", "förda vid ", "från ", "för ", "vid ", "över "] {
        if let Some(r) = strip_prefix_ci(body, lead) {
            body = r.trim_ws();
        }
    }
    // "Protokoll nr 3/2024" numbers the document; it names no body.
    if ["nr", "nummer", "no."].iter().any(|n| {
        strip_prefix_ci(body, n).is_some_and(|r| r.is_empty() || r.starts_with([' ', '.']))
    }) {
        return Some((kind, None));
    }
    // "fört vid sammanträde med styrelsen för Vallby Energi AB": the
    // meeting's body, not the meeting.
    for lead in ["sammanträde med ", "möte med ", "sammanträde i ", "möte i "] {
        if let Some(r) = strip_prefix_ci(body, lead) {
            body = r.trim_ws();
        }
    }
    let body = super::text::squeeze(body);
    // "Protokoll fört vid styrelsemöte i Brf Solgläntan": the rest names the meeting.
    let body = super::text::capitalise_first(&body);
    let body = (has_words(&body) && starts_upper(&body) && body.len() <= 150).then_some(body);
    Some((kind, body))
}

/// Whether `s` names a kind of meeting and no group: "Styrelsesammanträde",
/// "ORDINARIE FÖRENINGSSTÄMMA", "Extra årsmöte".
fn is_meeting_type(s: &str) -> bool {
    // Folded on the stack: this is asked of most free header lines.
    let mut buf = [0u8; 64];
    let Some(lower) = super::text::fold_small(s.trim_ws(), &mut buf) else {
        return false;
    };
    let ends = [
        "möte",
        "mötet",
        "sammanträde",
        "sammanträdet",
        "stämma",
        "stämman",
    ];
    if !ends.iter().any(|e| lower.ends_with(e)) {
        return false;
    }
    let words: Vec<&str> = lower.split_whitespace().take(5).collect();
    let Some((_, lead)) = words.split_last() else {
        return false;
    };
    words.len() <= 4
        && lead.iter().all(|w| {
            matches!(
                *w,
                "ordinarie" | "extra" | "extrainsatt" | "konstituerande" | "årligt" | "årliga"
            )
        })
}

/// Whether `s` contains a document-kind word ("protokoll", "minnesanteckningar").
pub fn has_kind_word(s: &str) -> bool {
    word_spans(s).any(|(_, w)| KINDS.iter().any(|k| eq_ci(w, k)))
}

fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &s[pos..];
        let start = rest.find(char::is_alphabetic)? + pos;
        let len = s[start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(s.len() - start);
        pos = start + len;
        Some((start, &s[start..start + len]))
    })
}

/// The place in a "Plats" or "Tid och plats" value: what is left after
/// the date, the time and their filler words are cut out.
pub fn place_in(v: &str) -> Option<String> {
    let mut s = v.to_string();
    if let Some((_, r)) = find_time(&s) {
        // "Stadshuset rum 4.12": a room number, not a time.
        let before = s[..r.start].split_whitespace().next_back().unwrap_or("");
        let room = ["rum", "sal", "lokal", "våning", "plan", "hus"]
            .iter()
            .any(|w| eq_ci(before, w));
        if !room {
            s.replace_range(r, ",");
        }
    }
    if let Some((_, r)) = find_date(&s) {
        s.replace_range(r, ",");
    }
    let mut parts = Vec::new();
    for part in s.split([',', ';']) {
        let words: Vec<&str> = part
            .split_whitespace()
            .filter(|w| !DATE_FILLER.iter().any(|f| eq_ci(w, f)))
            .collect();
        let p = words.join(" ");
        let p = p.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '-' | '–'));
        if p.chars().any(char::is_alphabetic) {
            parts.push(p.to_string());
        }
    }
    let place = parts.join(", ");
    (!place.is_empty()).then_some(place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::split_lines;

    fn read(header: &str) -> Meeting {
        let mut m = Meeting::default();
        let mut r = HeaderReader::new(&mut m);
        for line in split_lines(header) {
            r.line(&line);
        }
        r.finish();
        m
    }

    fn names(people: &[Person]) -> Vec<&str> {
        people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn attendee_groups_dashes_and_semicolons() {
        // Present lists named by the group they list, names with a spaced
        // dash before the organisation, and the absent list after them.
        let m = read(
            "Närvarande styrelseledamöter:\nMargareta Hellström, ordförande\nLars Dahlin\n\n\
             Närvarande arbetstagare:\tSara Öberg – Västra Götalandsregionen\n\
             Robert Ahl, Lärarnas Riksförbund\n\
             Frånvarande\nKarin Sjöberg (S)\nJusterare\nPer-Anders Kero\n",
        );
        assert_eq!(
            names(&m.present),
            [
                "Margareta Hellström",
                "Lars Dahlin",
                "Sara Öberg",
                "Robert Ahl"
            ]
        );
        assert_eq!(
            m.present[2].affiliation.as_deref(),
            Some("Västra Götalandsregionen")
        );
        assert_eq!(names(&m.absent), ["Karin Sjöberg"]);
        assert_eq!(m.chair.as_deref(), Some("Margareta Hellström"));
        // People grouped by organisation, and semicolons between people
        // whose descriptions hold commas.
        let m = read(
            "Närvarande\nFörtroendevalda: Lars Nyberg (S), ordförande; Gunvor Ahlin (M)\n\
             PRO: Birgit Andersson, Sven-Åke Persson\n\
             Tjänstepersoner: Annelie Falk, socialchef; Johan Lindström, sekreterare\n",
        );
        assert_eq!(
            names(&m.present),
            [
                "Lars Nyberg",
                "Gunvor Ahlin",
                "Birgit Andersson",
                "Sven-Åke Persson",
                "Annelie Falk",
                "Johan Lindström"
            ]
        );
        assert_eq!(m.present[3].affiliation.as_deref(), Some("PRO"));
        assert_eq!(m.present[4].affiliation.as_deref(), Some("socialchef"));
        assert_eq!(m.secretary.as_deref(), Some("Johan Lindström"));
    }

    #[test]
    fn colon_keys_with_values_on_following_lines() {
        let m = read(
            "Dnr 20RGK162\n\nMÖTESANTECKNINGAR\n\n2020-04-03\n\nLedningsgrupp för samordning\n\n\
             Tid: Fredag den 3 april 2020\nKl. 13:00-15:00 (ca)\n\nPlats: Skypemöte\n\n\
             Närvarande: Maria Wiltz, Region Kronoberg\nJenny Smedberg, Älmhult\n\n\
             Frånvarande: Ewa Ekman, Växjö\nLena Nazzal, Region Kronoberg\n",
        );
        assert_eq!(m.kind.as_deref(), Some("Mötesanteckningar"));
        assert_eq!(m.body.as_deref(), Some("Ledningsgrupp för samordning"));
        assert_eq!(m.date.as_deref(), Some("2020-04-03"));
        assert_eq!(m.time.as_deref(), Some("13:00-15:00"));
        assert_eq!(m.place.as_deref(), Some("Skypemöte"));
        assert_eq!(m.reference.as_deref(), Some("20RGK162"));
        assert_eq!(names(&m.present), ["Maria Wiltz", "Jenny Smedberg"]);
        assert_eq!(names(&m.absent), ["Ewa Ekman", "Lena Nazzal"]);
    }

    #[test]
    fn tab_separated_table_and_inline_lists() {
        let m = read(
            "Datum\n\n2024-06-14\n\nDiarienummer\n\n\
             Tid\tFredag 14/6 2024 kl. 08.30-12.00\nPlats\tLokal Vega, Regionens Hus\n\
             Deltagare\tAnna Carlsson, Maria Persson och Karin Svensson\n\
             Ej närvarande\tMarie Pettersson och Wolmer Edqvist.\nSekreterare\tJenny Wennberg\n\n\
             Samordningsgruppen, minnesanteckningar 240614\n",
        );
        assert_eq!(m.date.as_deref(), Some("2024-06-14"));
        assert_eq!(m.time.as_deref(), Some("08:30-12:00"));
        assert_eq!(m.place.as_deref(), Some("Lokal Vega, Regionens Hus"));
        assert_eq!(m.reference, None);
        let m2 = read("Datum: 12 september 2023, kl. 9-11\n");
        assert_eq!(m2.time.as_deref(), Some("09:00-11:00"));
        assert_eq!(
            names(&m.present),
            ["Anna Carlsson", "Maria Persson", "Karin Svensson"]
        );
        assert_eq!(names(&m.absent), ["Marie Pettersson", "Wolmer Edqvist"]);
        assert_eq!(m.secretary.as_deref(), Some("Jenny Wennberg"));
        assert_eq!(m.kind.as_deref(), Some("Minnesanteckningar"));
        assert_eq!(m.body.as_deref(), Some("Samordningsgruppen"));
    }

    #[test]
    fn time_and_place_with_chair_label_and_signatures() {
        let m = read(
            "LSVO\nSammanträdesprotokoll\n2020-03-06\n\n\
             Tid och plats: Fredagen den 6 mars 2020 kl. 08.30 -11.30, Hobysalen, Ronneby stadshus.\n\n\
             Närvarande ledamöter:\n\nOrdförande\n\nSuzana Selan, Region Blekinge\nLars Gelander, Region Blekinge\n\n\
             Sekreterare:\n\nMats Wennstig\n\nParagrafer:\n\n§ 22 - § 25\n\n\
             Underskrifter:\n\n.....\nSuzana Selan\nOrdförande\n",
        );
        assert_eq!(m.body.as_deref(), Some("LSVO"));
        assert_eq!(m.kind.as_deref(), Some("Sammanträdesprotokoll"));
        assert_eq!(m.time.as_deref(), Some("08:30-11:30"));
        assert_eq!(m.place.as_deref(), Some("Hobysalen, Ronneby stadshus"));
        assert_eq!(m.chair.as_deref(), Some("Suzana Selan"));
        assert_eq!(m.secretary.as_deref(), Some("Mats Wennstig"));
        assert_eq!(names(&m.present), ["Suzana Selan", "Lars Gelander"]);
        assert!(m.absent.is_empty());
    }

    #[test]
    fn kommun_sammantradesprotokoll_header() {
        let m = read(
            "SAMMANTRÄDESPROTOKOLL\t1(12)\nSammanträdesdatum\n2024-05-14\nSocialnämnden\n\n\
             Plats och tid\tKommunhuset, Sammanträdesrum Åsen, kl. 13.30–16.45\n\
             Beslutande\tLedamöter\n\tAnna Andersson (S), ordförande\n\tBertil Berg (M), vice ordförande\n\
             \tCecilia Ceder (C), ersättare för David Dahl (C)\n\
             Övriga närvarande\tEva Ek, socialchef\n\tFredrik Fors, nämndsekreterare\n\
             Justerare\tBertil Berg\nJusteringens plats och tid\tSocialkontoret 2024-05-21\n\
             Underskrifter\tSekreterare\t.............\tParagrafer §§ 45-60\n\t\tFredrik Fors\n\
             \tOrdförande\t.............\n\t\tAnna Andersson\n\tJusterande\t.............\n\t\tBertil Berg\n",
        );
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
                "Eva Ek",
                "Fredrik Fors"
            ]
        );
        assert_eq!(
            m.present[2].affiliation.as_deref(),
            Some("(C), ersättare för David Dahl (C)")
        );
    }

    #[test]
    fn role_in_the_cell_after_the_name() {
        let m = read(
            "Beslutande\tAnna Andersson (S)\tOrdförande\n\tBertil Berg (M)\n\
             Övriga närvarande\tFredrik Fors\tSekreterare\n",
        );
        assert_eq!(m.chair.as_deref(), Some("Anna Andersson"));
        assert_eq!(m.secretary.as_deref(), Some("Fredrik Fors"));
        assert_eq!(
            names(&m.present),
            ["Anna Andersson", "Bertil Berg", "Fredrik Fors"]
        );
    }

    #[test]
    fn numbered_protocol_title_names_no_body() {
        let m = read(
            "Protokoll nr 3/2024\nStyrelsen för Idrottsföreningen Kvarnen\nTid: 2024-04-02 18.00\n",
        );
        assert_eq!(m.kind.as_deref(), Some("Protokoll"));
        assert_eq!(
            m.body.as_deref(),
            Some("Styrelsen för Idrottsföreningen Kvarnen")
        );
        assert_eq!(m.time.as_deref(), Some("18:00"));
    }

    #[test]
    fn a_justification_line_in_an_item_starts_no_trailer() {
        assert!(!is_trailer_start("Justeras av Anna Ek och Bo Lind."));
        assert!(!is_trailer_start(
            "Närvarande under ärendet: Petra Lind, ekonomichef"
        ));
        assert!(!is_trailer_start(
            "Deltagande kommuner: Växjö, Alvesta och Ljungby"
        ));
        assert!(is_trailer_start("Närvarande: Petra Lind"));
        assert!(key_line("Justeras av Anna Ek och Bo Lind.").is_none());
        assert_eq!(
            key_line("Justeringens plats och tid Kultur- och fritidsförvaltningen"),
            Some((Key::Ignore, "Kultur- och fritidsförvaltningen"))
        );
    }

    #[test]
    fn trailer_keys() {
        assert!(is_trailer_start("Närvarade ledamöter"));
        assert!(is_trailer_start(
            "Mötesanteckningar skrivna av Jenny Folkesson"
        ));
        assert!(is_trailer_start(
            "Minnesanteckningar förda av: Jenny Wennberg"
        ));
        assert!(is_trailer_start("Justerade av: Linnea Grankvist"));
        assert!(!is_trailer_start("Ledamöter"));
        assert!(!is_trailer_start("Tidigare beslut"));
        assert!(!is_trailer_start("Deltagarna diskuterade"));
    }

    #[test]
    fn signature_block_side_by_side_pairs_by_column() {
        let mut m = Meeting::default();
        let mut r = HeaderReader::new(&mut m);
        r.start_signatures();
        for line in split_lines(
            "Elin Åberg\nSekreterare\n\n\nAnders Lindqvist        Birgitta Sjöberg\n\
             Ordförande              Justerare\n",
        ) {
            r.line(&line);
        }
        r.finish();
        assert_eq!(m.secretary.as_deref(), Some("Elin Åberg"));
        assert_eq!(m.chair.as_deref(), Some("Anders Lindqvist"));
    }

    #[test]
    fn inline_list_with_roles_names_the_chair() {
        let m = read("Beslutande: Karin Lund (S), ordförande, Per Holm (M), vice ordförande och Lisa Strand (C)\n");
        assert_eq!(m.chair.as_deref(), Some("Karin Lund"));
        assert_eq!(names(&m.present), ["Karin Lund", "Per Holm", "Lisa Strand"]);
    }

    #[test]
    fn meeting_line_under_the_kind_and_an_address() {
        let m = read(
            "PROTOKOLL\nfört vid ordinarie årsmöte för Kustens IF\nSöndag 17 mars 2024 kl. 14.00\n\
             Klubbstugan, Hamnvägen 3\n",
        );
        assert_eq!(m.body.as_deref(), Some("Ordinarie årsmöte för Kustens IF"));
        assert_eq!(m.place.as_deref(), Some("Klubbstugan, Hamnvägen 3"));
        assert_eq!(m.date.as_deref(), Some("2024-03-17"));
        assert!(!is_address(
            "Regionalt nätverk för folkhälsa, Region Dalarna"
        ));
    }

    #[test]
    fn bare_kind_of_meeting_yields_to_the_group_line() {
        let m = read("Protokoll från samverkansmöte\nNärsjukvårdsgruppen Västra länsdelen\n");
        assert_eq!(
            m.body.as_deref(),
            Some("Närsjukvårdsgruppen Västra länsdelen")
        );
        let m = read("Protokoll fört vid styrelsemöte i Brf Solgläntan\n");
        assert_eq!(m.body.as_deref(), Some("Styrelsemöte i Brf Solgläntan"));
    }

    #[test]
    fn time_range_alone_on_a_line() {
        let m = read("Minnesanteckningar\nTisdag 3 oktober 2023\n13.00-15.30\nLokal: Rum 204\n");
        assert_eq!(m.date.as_deref(), Some("2023-10-03"));
        assert_eq!(m.time.as_deref(), Some("13:00-15:30"));
        assert_eq!(m.place.as_deref(), Some("Rum 204"));
    }

    #[test]
    fn bulleted_attendees_and_time_after_the_date() {
        let m = read(
            "Minnesanteckningar\n2024-05-08, kl 13:00–15:30\n\nNärvarande:\n\
             - Anna Ek, Region Gävleborg (ordförande)\n- Per Lund, Hudiksvalls kommun\n\n\
             Frånvarande:\n- Olof Berg, Ljusdals kommun\n",
        );
        assert_eq!(m.time.as_deref(), Some("13:00-15:30"));
        assert_eq!(names(&m.present), ["Anna Ek", "Per Lund"]);
        assert_eq!(names(&m.absent), ["Olof Berg"]);
        assert_eq!(m.chair.as_deref(), Some("Anna Ek"));
    }

    #[test]
    fn an_association_signs_for_its_board() {
        let m = read(
            "Protokoll 2024-02-07\n\n\
             Styrelsemöte hemma hos Birgitta Lövgren, Lärkvägen 8, Ekeby, kl. 19.00–21.30\n\n\
             För styrelsen i Hembygdsföreningen Gamla Ekeby\n",
        );
        assert_eq!(m.body.as_deref(), Some("Hembygdsföreningen Gamla Ekeby"));
        assert_eq!(
            m.place.as_deref(),
            Some("hemma hos Birgitta Lövgren, Lärkvägen 8, Ekeby")
        );
        assert_eq!(m.time.as_deref(), Some("19:00-21:30"));
        let m =
            read("Protokoll\nHembygdsföreningen Gamla Ekeby\n2024-03-10, kl. 19.00, Bygdegården\n");
        assert_eq!(m.place.as_deref(), Some("Bygdegården"));
        assert_eq!(m.date.as_deref(), Some("2024-03-10"));
    }

    #[test]
    fn presence_table_with_an_absence_column() {
        let m = read(
            "NÄRVAROLISTA\n\
             Ledamöter                              Närvarande    Frånvarande\n\
             Helena Öberg (S), ordförande           X\n\
             Agnes Kallio (S)                       X\n\
             Robert Lind (SD)                                     X\n\
             Xavier Holm (C)                        X\n",
        );
        assert_eq!(
            names(&m.present),
            ["Helena Öberg", "Agnes Kallio", "Xavier Holm"]
        );
        assert_eq!(names(&m.absent), ["Robert Lind"]);
        // The marks right-aligned under the headings' ends.
        let m = read(
            "NÄRVAROLISTA\n\
             Ledamöter                      Närvarande  Frånvarande\n\
             Helena Öberg (S), ordförande            X\n\
             Robert Lind (SD)                                  X\n\
             Xavier Holm (C)                         X\n",
        );
        assert_eq!(names(&m.present), ["Helena Öberg", "Xavier Holm"]);
        assert_eq!(names(&m.absent), ["Robert Lind"]);
    }

    #[test]
    fn presence_table_rows_without_mark_are_absent() {
        let mut m = Meeting::default();
        let mut r = HeaderReader::new(&mut m);
        r.start_trailer();
        for line in split_lines(
            "Närvarolista\nLedamöter\tParti\tNärvarande\nKim Ny\tS\tX\nLo Ek\tM\tX\nUlf Ro\tV\t\n",
        ) {
            r.line(&line);
        }
        r.finish();
        assert_eq!(names(&m.present), ["Kim Ny", "Lo Ek"]);
        assert_eq!(names(&m.absent), ["Ulf Ro"]);
    }

    #[test]
    fn dedup_ignores_case_as_to_lowercase_does() {
        let people = |names: &[&str]| -> Vec<Person> {
            names
                .iter()
                .map(|n| Person {
                    name: n.to_string(),
                    affiliation: None,
                })
                .collect()
        };
        let check = |input: &[&str], expected: &[&str]| {
            let mut p = people(input);
            dedup(&mut p);
            assert_eq!(names(&p), expected);
        };
        check(
            &[
                "Anna Ek",
                "ÅSA ÖBERG",
                "ANNA EK",
                "Anna\0",
                "Anna",
                "åsa öberg",
                "Bo",
            ],
            &["Anna Ek", "ÅSA ÖBERG", "Anna\0", "Anna", "Bo"],
        );
        // Names outside Latin-1 take the hash set, with the same result.
        check(&["Ǆemal", "ǆemal", "ΣΟΦΙΑ", "σοφια"], &["Ǆemal", "ΣΟΦΙΑ"]);
        let many: Vec<String> = (0..100).map(|k| format!("Person {}", k % 70)).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let mut p = people(&many);
        dedup(&mut p);
        assert_eq!(p.len(), 70);
    }

    #[test]
    fn page_numbers() {
        for s in [
            "1(9)",
            "Sida 3 av 12",
            "3 (12)",
            "Sida 2(5)",
            "Blad 2",
            "Sida 4",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2020", "3 av dem", "§ 3", "Bladet 2", "Blad 2 kap"] {
            assert!(!is_page_number(s), "{s}");
        }
    }
}
