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

use rayon::prelude::*;
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
/// and best candidates are a small share of the segment. A count with
/// more hits than the window has days (at 1M items, a common word in a
/// year) reads the window's days from the date postings instead.
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
            max_doc: reader.max_doc(),
        })
    }

    /// The documents of `reader` dated in the window, read from the date
    /// field's postings: a term per day with a meeting.
    fn marked(&self, reader: &SegmentReader) -> tantivy::Result<Bits> {
        let mut bits = Bits::new(reader.max_doc());
        let field = reader.schema().get_field(DATE_FIELD)?;
        let inverted = reader.inverted_index(field)?;
        let key = |d: DateTime| {
            Term::from_field_date_for_search(field, d)
                .serialized_value_bytes()
                .to_vec()
        };
        let mut range = inverted.terms().range();
        if let Some(from) = self.from {
            range = range.ge(key(from));
        }
        if let Some(to) = self.to {
            range = range.lt(key(to));
        }
        let mut days = range.into_stream()?;
        while days.advance() {
            let mut block = inverted
                .read_block_postings_from_terminfo(days.value(), IndexRecordOption::Basic)?;
            bits.mark_blocks(&mut block);
        }
        Ok(bits)
    }
}

/// The date field's name (see [`crate::index::schema`]).
const DATE_FIELD: &str = "date";

/// A [`DateWindow`] ready to test one segment's documents.
pub(crate) struct InWindow {
    column: Column<DateTime>,
    window: DateWindow,
    max_doc: DocId,
}

/// What the two ways of keeping a count's hits within a date window cost,
/// in instructions (callgrind, 100k items): a hit looked up in the date
/// column, a day of the window read from the date postings, and a document
/// of the window marked from them.
const COST_PER_HIT: u64 = 50;
const COST_PER_DAY: u64 = 4_600;
const COST_PER_DATED_DOC: u64 = 3;

impl InWindow {
    /// Whether marking the window's days from the date postings costs less
    /// than looking `hits` documents up in the date column: at 1M items a
    /// word has hundreds of thousands of hits, and a year of meetings a few
    /// hundred days.
    fn cheaper_by_days(&self, hits: u64) -> bool {
        const DAY: i64 = 86_400;
        let (lo, hi) = (
            self.column.min_value().into_timestamp_secs(),
            self.column.max_value().into_timestamp_secs() + DAY,
        );
        let from = self
            .window
            .from
            .map_or(lo, |d| d.into_timestamp_secs().max(lo));
        let to = self
            .window
            .to
            .map_or(hi, |d| d.into_timestamp_secs().min(hi));
        let (days, span) = ((to - from).max(0) / DAY, ((hi - lo) / DAY).max(1));
        let (days, span) = (days as u64, span as u64);
        let dated_docs = u64::from(self.max_doc) * days.min(span) / span;
        days * COST_PER_DAY + dated_docs * COST_PER_DATED_DOC < hits * COST_PER_HIT
    }

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
        // The segments are counted in parallel, each on its own bitset.
        let counts = searcher
            .segment_readers()
            .par_iter()
            .map(|reader| self.count_segment(reader, &any, &all, &none))
            .collect::<tantivy::Result<Vec<usize>>>()?;
        Ok(counts.into_iter().sum())
    }

    fn count_segment(
        &self,
        reader: &SegmentReader,
        any: &[Box<dyn Weight>],
        all: &[Select],
        none: &[Select],
    ) -> tantivy::Result<usize> {
        let mut hits = Bits::new(reader.max_doc());
        for w in any {
            hits.mark(w.scorer(reader, 1.0)?.as_mut());
        }
        for term in &self.any_terms {
            hits.mark_term(reader, term)?;
        }
        if !all.is_empty() || !none.is_empty() {
            hits.keep(&allowed(reader, all, none)?);
        }
        if let Some(dates) = &self.dates {
            let window = dates.open(reader)?;
            if window.cheaper_by_days(hits.count() as u64) {
                hits.keep(&dates.marked(reader)?);
            } else {
                hits.retain(|doc| window.contains(doc));
            }
        }
        Ok(hits.count_alive(reader))
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
        if let Some(mut block) = inverted.read_block_postings(term, IndexRecordOption::Basic)? {
            self.mark_blocks(&mut block);
        }
        Ok(())
    }

    /// Marks every document of `block` and of the blocks after it.
    fn mark_blocks(&mut self, block: &mut tantivy::postings::BlockSegmentPostings) {
        while block.block_len() > 0 {
            for &doc in block.docs() {
                if let Some(word) = self.0.get_mut((doc / 64) as usize) {
                    *word |= 1 << (doc % 64);
                }
            }
            block.advance();
        }
    }

    /// How many documents are marked, deleted or not.
    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
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
            return self.count();
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

    #[test]
    fn a_date_window_counts_the_same_from_postings_and_from_the_column() {
        use tantivy::schema::{DateOptions, DateTimePrecision};
        let mut b = Schema::builder();
        let f = b.add_text_field("f", STRING);
        let date = b.add_date_field(
            DATE_FIELD,
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        );
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let day = |n: i64| DateTime::from_timestamp_secs(n * 86_400);
        // 3,000 documents over 100 days; "a" on every third, "b" on one in
        // 97.
        for i in 0..3000i64 {
            let mut d = tantivy::TantivyDocument::default();
            d.add_date(date, day(i % 100));
            d.add_text(
                f,
                if i % 97 == 0 {
                    "b"
                } else if i % 3 == 0 {
                    "a"
                } else {
                    "c"
                },
            );
            w.add_document(d).unwrap();
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let reader = searcher.segment_reader(0);
        let window = DateWindow {
            from: Some(day(20)),
            to: Some(day(30)),
        };
        let in_window = window.open(reader).unwrap();
        // Both ways mark the same documents.
        let marked = window.marked(reader).unwrap();
        for doc in 0..reader.max_doc() {
            let bit = marked.0[(doc / 64) as usize] >> (doc % 64) & 1 == 1;
            assert_eq!(bit, in_window.contains(doc), "document {doc}");
        }
        // A thousand hits are checked by days, thirty one by one, and both
        // count what the boolean query with a range counts.
        assert!(in_window.cheaper_by_days(1000));
        assert!(!in_window.cheaper_by_days(30));
        for word in ["a", "b"] {
            let term = Term::from_field_text(f, word);
            let counting = Counting {
                any: Vec::new(),
                any_terms: vec![term.clone()],
                all: Vec::new(),
                none: Vec::new(),
                dates: Some(window),
            };
            let boolean = BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Q,
                ),
                (Occur::Must, window.query(date)),
            ]);
            let expected = searcher.search(&boolean, &Count).unwrap();
            assert!(expected > 0, "{word}");
            assert_eq!(counting.count(&searcher).unwrap(), expected, "{word}");
        }
    }
}
