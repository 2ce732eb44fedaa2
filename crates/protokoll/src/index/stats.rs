//! Counting what the index holds, and fetching one item in full.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::document::{payload, MeetingHeader, Payload};
use super::schema::{KIND_DECISION, KIND_ITEM, KIND_MEETING};
use super::Archive;
use crate::{AgendaItem, Result};

/// What the index holds now (`protokoll stats --json`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub meetings: u64,
    pub items: u64,
    pub decisions: u64,
    /// The groups that met, with how many meetings each, by name.
    pub bodies: Vec<BodyCount>,
    /// The earliest and latest meeting date.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The size of the index directory's files.
    pub index_bytes: u64,
    pub segments: usize,
}

/// One group and its number of meetings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BodyCount {
    pub body: String,
    pub meetings: u64,
}

/// One agenda item in full with its meeting (`protokoll show`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemView {
    pub source: String,
    pub meeting: MeetingHeader,
    pub item: AgendaItem,
}

impl Archive {
    /// Counts meetings, items and decisions, the groups and date range, and
    /// the index's size on disk.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.searcher();
        let f = &self.fields;
        let kind = |k: &str| {
            TermQuery::new(
                Term::from_field_text(f.doc_kind, k),
                IndexRecordOption::Basic,
            )
        };
        let mut stats = Stats {
            items: searcher.search(&kind(KIND_ITEM), &Count)? as u64,
            decisions: searcher.search(&kind(KIND_DECISION), &Count)? as u64,
            segments: searcher.segment_readers().len(),
            ..Stats::default()
        };
        let mut bodies: BTreeMap<String, u64> = BTreeMap::new();
        for addr in searcher.search(&kind(KIND_MEETING), &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let Some(Payload::Meeting(m)) = payload(&doc, f) else {
                continue;
            };
            stats.meetings += 1;
            if let Some(b) = &m.body {
                *bodies.entry(b.clone()).or_default() += 1;
            }
            if let Some(d) = &m.date {
                if stats.first_date.as_ref().is_none_or(|x| d < x) {
                    stats.first_date = Some(d.clone());
                }
                if stats.last_date.as_ref().is_none_or(|x| d > x) {
                    stats.last_date = Some(d.clone());
                }
            }
        }
        stats.bodies = bodies
            .into_iter()
            .map(|(body, meetings)| BodyCount { body, meetings })
            .collect();
        stats.index_bytes = std::fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0);
        Ok(stats)
    }

    /// The agenda item at `ordinal` in the file `source` (its file name, or
    /// the full path it was indexed from).
    pub fn item(&self, source: &str, ordinal: u32) -> Result<Option<ItemView>> {
        let searcher = self.searcher();
        let f = &self.fields;
        let key_field = if source.contains(std::path::MAIN_SEPARATOR) {
            f.path
        } else {
            f.source
        };
        let clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(key_field, source),
                    IndexRecordOption::Basic,
                )),
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.doc_kind, KIND_ITEM),
                    IndexRecordOption::Basic,
                )),
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.ordinal, u64::from(ordinal)),
                    IndexRecordOption::Basic,
                )),
            ),
        ];
        let mut docs: Vec<_> = searcher
            .search(&BooleanQuery::new(clauses), &DocSetCollector)?
            .into_iter()
            .collect();
        // Two files with the same name in different folders: take the first
        // in a stable order.
        docs.sort();
        let Some(addr) = docs.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let Some(Payload::Item { item, .. }) = payload(&doc, f) else {
            return Ok(None);
        };
        let meeting = self.meeting_of(&searcher, &doc)?;
        Ok(meeting.map(|meeting| ItemView {
            source: meeting.source.clone(),
            meeting,
            item,
        }))
    }

    /// The header of the meeting `doc` (an item or decision document)
    /// belongs to, from the meeting document stored under the same path.
    pub(crate) fn meeting_of(
        &self,
        searcher: &tantivy::Searcher,
        doc: &TantivyDocument,
    ) -> Result<Option<MeetingHeader>> {
        use tantivy::schema::Value;
        let Some(path) = doc.get_first(self.fields.path).and_then(|v| v.as_str()) else {
            return Ok(None);
        };
        self.meeting_at(searcher, path)
    }

    /// The header of the meeting indexed under `path`.
    pub(crate) fn meeting_at(
        &self,
        searcher: &tantivy::Searcher,
        path: &str,
    ) -> Result<Option<MeetingHeader>> {
        let Some(addr) = self.find(searcher, path, KIND_MEETING, None, 0)? else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(addr)?;
        Ok(match payload(&doc, &self.fields) {
            Some(Payload::Meeting(m)) => Some(m),
            _ => None,
        })
    }

    /// The document of `kind` indexed under `path` (with `ordinal`, when
    /// given), looked for in segment `first` before the others: the segment
    /// of a document holds the other documents of its file, unless a writer
    /// thread split them.
    pub(crate) fn find(
        &self,
        searcher: &tantivy::Searcher,
        path: &str,
        kind: &str,
        ordinal: Option<u64>,
        first: u32,
    ) -> Result<Option<tantivy::DocAddress>> {
        // A direct walk of the path's postings (a handful of documents per
        // segment), keeping the one of the kind: a scored search for it
        // cost more than the rest of rendering a hit.
        use tantivy::{DocSet, TERMINATED};
        let f = &self.fields;
        let term = Term::from_field_text(f.path, path);
        let segments = searcher.segment_readers();
        let first = first as usize;
        let order = std::iter::once(first).chain((0..segments.len()).filter(|&s| s != first));
        for ord in order {
            let Some(segment) = segments.get(ord) else {
                continue;
            };
            let Some(mut postings) = segment
                .inverted_index(f.path)?
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            let Some(kinds) = segment.fast_fields().str("doc_kind")? else {
                continue;
            };
            let Some(wanted) = kinds
                .dictionary()
                .term_ord(kind)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            let ordinals = match ordinal {
                Some(_) => Some(segment.fast_fields().u64("ordinal")?),
                None => None,
            };
            let alive = segment.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc))
                    && kinds.term_ords(doc).next() == Some(wanted)
                    && ordinal.is_none_or(|want| {
                        ordinals
                            .as_ref()
                            .and_then(|o| o.first(doc))
                            .is_some_and(|o| o == want)
                    })
                {
                    return Ok(Some(tantivy::DocAddress::new(ord as u32, doc)));
                }
                doc = postings.advance();
            }
        }
        Ok(None)
    }
}
