//! The exact number of hits of a query, counted on bitsets.
//!
//! A search reports how many documents match, not only the best page.
//! Counting through the query's scorer tree walks every match through every
//! union and exclusion layer; when the best page comes from the cheaper
//! intersection (see [`super::build::Built::conjunction`]), that walk would
//! cost more than everything else. Here each part of the query marks its
//! documents in a bitset of the segment instead: the hits are the union of
//! the query units, within every filter, outside every exclusion.

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, DocSet, Searcher, SegmentReader, TERMINATED};

type Q = Box<dyn Query>;

/// The parts of a query that decide which documents are hits.
pub(crate) struct Counting {
    /// A document matching any of these is a hit...
    pub any: Vec<Q>,
    /// ... if it matches every one of these...
    pub all: Vec<Q>,
    /// ... and none of these.
    pub none: Vec<Q>,
}

impl Counting {
    /// The number of hits in the whole index.
    pub(crate) fn count(&self, searcher: &Searcher) -> tantivy::Result<usize> {
        let scoring = EnableScoring::disabled_from_searcher(searcher);
        let weights = |qs: &[Q]| -> tantivy::Result<Vec<_>> {
            qs.iter().map(|q| q.weight(scoring)).collect()
        };
        let (any, all, none) = (
            weights(&self.any)?,
            weights(&self.all)?,
            weights(&self.none)?,
        );
        let mut total = 0;
        for reader in searcher.segment_readers() {
            let mut hits = Bits::new(reader.max_doc());
            for w in &any {
                hits.mark(w.scorer(reader, 1.0)?.as_mut());
            }
            for w in &all {
                let mut within = Bits::new(reader.max_doc());
                within.mark(w.scorer(reader, 1.0)?.as_mut());
                hits.keep(&within);
            }
            for w in &none {
                hits.unmark(w.scorer(reader, 1.0)?.as_mut());
            }
            total += hits.count_alive(reader);
        }
        Ok(total)
    }
}

/// One bit per document of a segment.
struct Bits(Vec<u64>);

impl Bits {
    fn new(max_doc: DocId) -> Bits {
        Bits(vec![0; (max_doc as usize).div_ceil(64)])
    }

    fn mark(&mut self, docs: &mut dyn DocSet) {
        let mut doc = docs.doc();
        while doc != TERMINATED {
            self.0[(doc / 64) as usize] |= 1 << (doc % 64);
            doc = docs.advance();
        }
    }

    fn unmark(&mut self, docs: &mut dyn DocSet) {
        let mut doc = docs.doc();
        while doc != TERMINATED {
            self.0[(doc / 64) as usize] &= !(1 << (doc % 64));
            doc = docs.advance();
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
        let counting = Counting {
            any: vec![t("a"), t("b")],
            all: vec![t("c")],
            none: vec![t("x")],
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
