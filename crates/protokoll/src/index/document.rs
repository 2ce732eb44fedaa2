//! From a [`Meeting`] to tantivy documents, and back from a stored payload.
//!
//! One meeting document per file, one item document per agenda item and one
//! decision document per decision. The meeting header (attendee lists
//! included) is stored once, on the meeting document: repeating it on every
//! item and decision made the document store two thirds of the index. A hit
//! finds its meeting through the `path` both documents carry.

use serde::{Deserialize, Serialize};
use tantivy::{DateTime, TantivyDocument};

use super::schema::{Fields, KIND_DECISION, KIND_ITEM, KIND_MEETING};
use crate::{AgendaItem, Meeting, Person};

/// Text longer than this is cut (at a character boundary) before it is
/// indexed and stored: no real agenda item is this long, and a single 50 MB
/// line would otherwise hold the writer's memory hostage.
pub const MAX_FIELD_BYTES: usize = 1 << 20;

/// The meeting a document belongs to: everything but its items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingHeader {
    /// The file name.
    pub source: String,
    /// The path the file was indexed from.
    pub path: String,
    pub kind: Option<String>,
    pub body: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub place: Option<String>,
    pub reference: Option<String>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub present: Vec<Person>,
    pub absent: Vec<Person>,
    /// How many items and decisions the meeting has.
    pub items: u32,
    pub decisions: u32,
}

/// What a hit shows of its meeting: stored on every item and decision (a
/// few dozen bytes), so rendering a hit needs no second document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingBrief {
    pub date: Option<String>,
    pub body: Option<String>,
    pub kind: Option<String>,
}

impl From<&MeetingHeader> for MeetingBrief {
    fn from(m: &MeetingHeader) -> MeetingBrief {
        MeetingBrief {
            date: m.date.clone(),
            body: m.body.clone(),
            kind: m.kind.clone(),
        }
    }
}

/// What a document stores for rendering, kept as JSON in the stored text
/// field `record`.
///
/// A stored text field, not a bytes field: tantivy reads stored bytes back
/// one byte at a time, which was a quarter of rendering a hit. Externally
/// tagged (`{"item": {...}}`), so serde reads it in one pass instead of
/// buffering the whole record to find an internal tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Payload {
    Meeting(MeetingHeader),
    Item {
        brief: MeetingBrief,
        item: AgendaItem,
    },
    /// A decision document points into its item's record, which holds the
    /// decision's text: storing it twice was 7% of the store.
    Decision {
        /// The item's ordinal in its meeting.
        ordinal: u32,
        /// The decision's place in the item's `decisions`.
        index: u32,
    },
}

impl Payload {
    /// The meeting header, when this is a meeting document's payload.
    pub fn meeting(&self) -> Option<&MeetingHeader> {
        match self {
            Payload::Meeting(m) => Some(m),
            Payload::Item { .. } | Payload::Decision { .. } => None,
        }
    }
}

/// Reads the payload of a stored document.
pub fn payload(doc: &TantivyDocument, fields: &Fields) -> Option<Payload> {
    use tantivy::schema::Value;
    let json = doc.get_first(fields.record)?.as_str()?;
    serde_json::from_str(json).ok()
}

/// Parses an ISO date ("2020-12-04") into a tantivy date at midnight UTC.
pub fn parse_date(s: &str) -> Option<DateTime> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=9999).contains(&y) {
        return None;
    }
    Some(DateTime::from_timestamp_secs(
        days_from_civil(y, m, d) * 86_400,
    ))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm), to avoid a date crate for one conversion.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Cuts `s` to at most [`MAX_FIELD_BYTES`] at a character boundary.
fn capped(s: &str) -> &str {
    if s.len() <= MAX_FIELD_BYTES {
        return s;
    }
    let mut end = MAX_FIELD_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn capped_string(s: &str) -> String {
    capped(s).to_string()
}

/// Builds every document for one meeting read from `path` with `hash`.
pub fn build(meeting: &Meeting, path: &str, hash: &str, fields: &Fields) -> Vec<TantivyDocument> {
    let decisions: usize = meeting.items.iter().map(|i| i.decisions.len()).sum();
    let header = MeetingHeader {
        source: meeting.source.clone(),
        path: path.to_string(),
        kind: meeting.kind.clone(),
        body: meeting.body.clone(),
        date: meeting.date.clone(),
        time: meeting.time.clone(),
        place: meeting.place.clone(),
        reference: meeting.reference.clone(),
        chair: meeting.chair.clone(),
        secretary: meeting.secretary.clone(),
        present: meeting.present.clone(),
        absent: meeting.absent.clone(),
        items: u32::try_from(meeting.items.len()).unwrap_or(u32::MAX),
        decisions: u32::try_from(decisions).unwrap_or(u32::MAX),
    };
    let brief = MeetingBrief::from(&header);
    let date = meeting.date.as_deref().and_then(parse_date);
    // What every document of the meeting carries.
    let common = |kind: &str| {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.doc_kind, kind);
        doc.add_text(fields.path, path);
        doc.add_text(fields.source, &meeting.source);
        if let Some(k) = &meeting.kind {
            doc.add_text(fields.meeting_kind, k);
        }
        if let Some(d) = date {
            doc.add_date(fields.date, d);
        }
        doc
    };
    // The meeting's searchable metadata, on each item and decision (the
    // meeting document has no searchable text, so no query word matches
    // it: the attendees are in its stored header, the presenters in each
    // item's text field).
    let searchable_meta = |doc: &mut TantivyDocument| {
        if let Some(b) = &meeting.body {
            doc.add_text(fields.body, b);
        }
        if let Some(p) = &meeting.place {
            doc.add_text(fields.place, p);
        }
        if let Some(r) = &meeting.reference {
            doc.add_text(fields.text, r);
            doc.add_text(fields.text_pairs, r);
        }
    };
    let add_payload = |doc: &mut TantivyDocument, payload: &Payload| {
        // Serializing plain data cannot fail; an empty payload would only
        // make the hit render without details.
        let json = serde_json::to_string(payload).unwrap_or_default();
        doc.add_text(fields.record, &json);
    };

    let mut docs = Vec::with_capacity(1 + meeting.items.len() + decisions);
    let mut doc = common(KIND_MEETING);
    // Only the meeting document needs the hash: re-indexing compares it.
    doc.add_text(fields.hash, hash);
    add_payload(&mut doc, &Payload::Meeting(header));
    docs.push(doc);

    for item in &meeting.items {
        let mut stored = item.clone();
        stored.text = capped_string(&item.text);
        stored.title = capped_string(&item.title);
        for d in &mut stored.decisions {
            d.text = capped_string(&d.text);
        }

        let mut doc = common(KIND_ITEM);
        searchable_meta(&mut doc);
        doc.add_u64(fields.ordinal, u64::from(item.ordinal));
        doc.add_text(fields.title, capped(&item.title));
        for s in &item.sections {
            doc.add_text(fields.headings, capped(&s.title));
        }
        let presenters: Vec<&str> = item
            .presenters
            .iter()
            .chain(item.sections.iter().flat_map(|s| &s.presenters))
            .map(String::as_str)
            .collect();
        for p in presenters {
            doc.add_text(fields.text, p);
            doc.add_text(fields.text_pairs, p);
        }
        doc.add_text(fields.text, &stored.text);
        doc.add_text(fields.text_pairs, &stored.text);
        for d in &item.decisions {
            doc.add_text(fields.decisions, capped(&d.text));
            doc.add_text(fields.decision_pairs, capped(&d.text));
            if let Some(s) = &d.subject {
                doc.add_text(fields.headings, capped(s));
            }
        }
        add_payload(
            &mut doc,
            &Payload::Item {
                brief: brief.clone(),
                item: stored,
            },
        );
        docs.push(doc);

        for (index, d) in item.decisions.iter().enumerate() {
            let mut doc = common(KIND_DECISION);
            searchable_meta(&mut doc);
            doc.add_u64(fields.ordinal, u64::from(item.ordinal));
            doc.add_text(fields.outcome, d.outcome.as_str());
            doc.add_text(fields.decisions, capped(&d.text));
            doc.add_text(fields.decision_pairs, capped(&d.text));
            if let Some(s) = &d.subject {
                doc.add_text(fields.headings, capped(s));
            }
            add_payload(
                &mut doc,
                &Payload::Decision {
                    ordinal: item.ordinal,
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                },
            );
            docs.push(doc);
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_convert_to_midnight_utc() {
        let check = |s: &str, secs: Option<i64>| {
            assert_eq!(parse_date(s).map(|d| d.into_timestamp_secs()), secs, "{s}");
        };
        check("1970-01-01", Some(0));
        check("2020-12-04", Some(1_607_040_000));
        check("2000-03-01", Some(951_868_800));
        check("2020-13-01", None);
        check("igår", None);
        check("", None);
    }

    #[test]
    fn long_text_is_cut_at_a_char_boundary() {
        let s = "å".repeat(MAX_FIELD_BYTES);
        let c = capped(&s);
        assert!(c.len() <= MAX_FIELD_BYTES);
        assert!(c.chars().all(|ch| ch == 'å'));
    }
}
