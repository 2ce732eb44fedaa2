//! The exact number of hits of a query, counted on bitsets.
//!
//! A search reports how many documents match, not only the best page.
//! Counting through the query's scorer tree walks every match through every
//! union and exclusion layer; when the best page comes from the cheaper
//! intersection (see [`super::build::Built::conjunction`]), that walk would
//! cost more than everything else. Here each part of the query marks its
//! documents in a bitset of the segment instead: the hits are the union of
//! the query units, within every filter, outside every exclusion.

use std::ops::Bound;

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Query, RangeQuery, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, DocId, DocSet, Searcher, SegmentReader, Term, TERMINATED};

type Q = Box<dyn Query>;

/// The parts of a query that decide which documents are hits.
pub(crate) struct Counting {
    /// A document matching any of these, or holding any of `any_terms`,
    /// is a hit...
    pub any: Vec<Q>,
    pub any_terms: Vec<Term>,
    /// ... if it matches every one of these...
    pub all: Vec<Q>,
    /// ... and none of these...
    pub none: Vec<Q>,
    /// ... and its date is in this window.
    pub dates: Option<DateWindow>,
}

/// A period the meeting date must fall in: `from` included, `to` excluded.
///
/// Checked on the date column document by document, where a range query
/// would read the column of the whole segment: a filtered word's matches
/// and best candidates are a small share of the segment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DateWindow {
    pub from: Option<DateTime>,
    pub to: Option<DateTime>,
}

impl DateWindow {
    /// The window as a query, for the paths that intersect scorers.
    pub(crate) fn query(&self, field: Field) -> Q {
        let bound = |d: Option<DateTime>, end: bool| match d {
            None => Bound::Unbounded,
            Some(d) if end => Bound::Excluded(Term::from_field_date(field, d)),
            Some(d) => Bound::Included(Term::from_field_date(field, d)),
        };
        Box::new(RangeQuery::new(
            bound(self.from, false),
            bound(self.to, true),
        ))
    }

    /// The window over one segment's date column.
    pub(crate) fn open(&self, reader: &SegmentReader) -> tantivy::Result<InWindow> {
        Ok(InWindow {
            column: reader.fast_fields().date(DATE_FIELD)?,
            window: *self,
        })
    }
}

/// The date field's name (see [`crate::index::schema`]).
const DATE_FIELD: &str = "date";

/// A [`DateWindow`] ready to test one segment's documents.
pub(crate) struct InWindow {
    column: Column<DateTime>,
    window: DateWindow,
}

impl InWindow {
    /// Whether `doc` has a date in the window (a document without a date
    /// is in no window).
    pub(crate) fn contains(&self, doc: DocId) -> bool {
        self.column.first(doc).is_some_and(|d| {
            self.window.from.is_none_or(|from| d >= from) && self.window.to.is_none_or(|to| d < to)
        })
    }
}

impl Counting {
    /// The number of hits in the whole index.
    pub(crate) fn count(&self, searcher: &Searcher) -> tantivy::Result<usize> {
        let scoring = EnableScoring::disabled_from_searcher(searcher);
        let weights = |qs: &[Q]| -> tantivy::Result<Vec<_>> {
            qs.iter().map(|q| q.weight(scoring)).collect()
        };
        let any = weights(&self.any)?;
        let (all, none) = (
            Select::all(&self.all, scoring)?,
            Select::all(&self.none, scoring)?,
        );
        let mut total = 0;
        for reader in searcher.segment_readers() {
            let mut hits = Bits::new(reader.max_doc());
            for w in &any {
                hits.mark(w.scorer(reader, 1.0)?.as_mut());
            }
            for term in &self.any_terms {
                hits.mark_term(reader, term)?;
            }
            if !all.is_empty() || !none.is_empty() {
                hits.keep(&allowed(reader, &all, &none)?);
            }
            if let Some(dates) = &self.dates {
                let window = dates.open(reader)?;
                hits.retain(|doc| window.contains(doc));
            }
            total += hits.count_alive(reader);
        }
        Ok(total)
    }
}

/// The documents of a segment within every filter (`all`) and outside
/// every exclusion (`none`), alive or not.
pub(crate) fn allowed(
    reader: &SegmentReader,
    all: &[Select],
    none: &[Select],
) -> tantivy::Result<Bits> {
    let mut bits = Bits::new(reader.max_doc());
    match all.split_first() {
        None => {
            bits.0.fill(!0);
            let tail = reader.max_doc() % 64;
            if let (Some(last), true) = (bits.0.last_mut(), tail != 0) {
                *last = (1u64 << tail) - 1;
            }
        }
        Some((first, rest)) => {
            first.mark(reader, &mut bits)?;
            for w in rest {
                let mut within = Bits::new(reader.max_doc());
                w.mark(reader, &mut within)?;
                bits.keep(&within);
            }
        }
    }
    if !none.is_empty() {
        let mut out = Bits::new(reader.max_doc());
        for w in none {
            w.mark(reader, &mut out)?;
        }
        bits.remove(&out);
    }
    Ok(bits)
}

/// A query that picks documents, ready to mark them in a segment's bitset:
/// a single term (a keyword filter) is read from its postings blocks, any
/// other query through its scorer.
pub(crate) enum Select {
    Term(Term),
    Query(Box<dyn Weight>),
}

impl Select {
    /// The selectors of `queries`, their scores unused.
    pub(crate) fn all(queries: &[Q], scoring: EnableScoring<'_>) -> tantivy::Result<Vec<Select>> {
        queries
            .iter()
            .map(|q| match q.downcast_ref::<TermQuery>() {
                Some(t) => Ok(Select::Term(t.term().clone())),
                None => Ok(Select::Query(q.weight(scoring)?)),
            })
            .collect()
    }

    fn mark(&self, reader: &SegmentReader, bits: &mut Bits) -> tantivy::Result<()> {
        match self {
            Select::Term(t) => bits.mark_term(reader, t),
            Select::Query(w) => {
                bits.mark(w.scorer(reader, 1.0)?.as_mut());
                Ok(())
            }
        }
    }
}

/// One bit per document of a segment.
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    fn new(max_doc: DocId) -> Bits {
        Bits(vec![0; (max_doc as usize).div_ceil(64)])
    }

    /// The first marked document at or after `doc`, or `TERMINATED`.
    pub(crate) fn next_from(&self, doc: DocId) -> DocId {
        let mut i = (doc / 64) as usize;
        let Some(&first) = self.0.get(i) else {
            return TERMINATED;
        };
        let mut w = first & (!0u64 << (doc % 64));
        loop {
            if w != 0 {
                return i as u32 * 64 + w.trailing_zeros();
            }
            i += 1;
            match self.0.get(i) {
                Some(&next) => w = next,
                None => return TERMINATED,
            }
        }
    }

    fn mark(&mut self, docs: &mut dyn DocSet) {
        let mut doc = docs.doc();
        while doc != TERMINATED {
            self.0[(doc / 64) as usize] |= 1 << (doc % 64);
            doc = docs.advance();
        }
    }

    /// Marks the documents holding `term`, a block of postings at a time
    /// (a term query's scorer would take a virtual call per document).
    fn mark_term(&mut self, reader: &SegmentReader, term: &Term) -> tantivy::Result<()> {
        let inverted = reader.inverted_index(term.field())?;
        let Some(mut block) = inverted.read_block_postings(term, IndexRecordOption::Basic)? else {
            return Ok(());
        };
        while block.block_len() > 0 {
            for &doc in block.docs() {
                if let Some(word) = self.0.get_mut((doc / 64) as usize) {
                    *word |= 1 << (doc % 64);
                }
            }
            block.advance();
        }
        Ok(())
    }

    /// Unmarks the marked documents `keep` says no to.
    fn retain(&mut self, keep: impl Fn(DocId) -> bool) {
        for (i, word) in self.0.iter_mut().enumerate() {
            let mut w = *word;
            while w != 0 {
                let bit = w.trailing_zeros();
                if !keep(i as u32 * 64 + bit) {
                    *word &= !(1 << bit);
                }
                w &= w - 1;
            }
        }
    }

    fn remove(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    fn keep(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    /// The marked documents that are not deleted.
    fn count_alive(&self, reader: &SegmentReader) -> usize {
        let Some(alive) = reader.alive_bitset() else {
            return self.0.iter().map(|w| w.count_ones() as usize).sum();
        };
        let mut n = 0;
        for (i, &word) in self.0.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                let doc = i as u32 * 64 + w.trailing_zeros();
                n += usize::from(alive.is_alive(doc));
                w &= w - 1;
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index, Term};

    #[test]
    fn counts_like_the_boolean_query() {
        let mut b = Schema::builder();
        let f = b.add_text_field("f", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // 300 documents: "a" on even, "b" on multiples of 3, "c" on
        // multiples of 5, "x" on multiples of 7; then delete a few.
        for i in 0..300u32 {
            let mut d = tantivy::TantivyDocument::default();
            for (t, m) in [("a", 2), ("b", 3), ("c", 5), ("x", 7)] {
                if i % m == 0 {
                    d.add_text(f, t);
                }
            }
            d.add_text(f, format!("id{i}"));
            w.add_document(d).unwrap();
        }
        w.commit().unwrap();
        w.delete_term(Term::from_field_text(f, "id6"));
        w.delete_term(Term::from_field_text(f, "id9"));
        w.add_document(doc!(f => "a")).unwrap();
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let t = |s: &str| -> Q {
            Box::new(TermQuery::new(
                Term::from_field_text(f, s),
                IndexRecordOption::Basic,
            ))
        };
        // "a" through its query, "b" through its postings blocks.
        let counting = Counting {
            any: vec![t("a")],
            // "c" twice: as a term, read from its postings, and as a
            // boolean query, through its scorer.
            all: vec![
                t("c"),
                Box::new(BooleanQuery::new(vec![(Occur::Must, t("c"))])),
            ],
            none: vec![t("x")],
            any_terms: vec![Term::from_field_text(f, "b")],
            dates: None,
        };
        let boolean = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(vec![
                    (Occur::Should, t("a")),
                    (Occur::Should, t("b")),
                ])),
            ),
            (Occur::Must, t("c")),
            (Occur::MustNot, t("x")),
        ]);
        let expected = searcher.search(&boolean, &Count).unwrap();
        assert!(expected > 10);
        assert_eq!(counting.count(&searcher).unwrap(), expected);
    }
}
