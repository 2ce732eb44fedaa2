//! One scorer per query unit: BM25 over boosted fields and the unit's tier,
//! in a single pass over the unit's postings.
//!
//! A query unit (a word, a phrase, a prefix, an `OR` group) is looked up in
//! every searchable field. Its score has two parts: the best field's BM25
//! plus a share of the others' (a disjunction-max), and a tier constant when
//! it matched in a content field (see [`super::build`]). Written with
//! tantivy's stock queries, the tier needs a second copy of the content
//! fields' scorers and two nested unions, so every posting and every phrase
//! position of the unit is read twice. [`UnitQuery`] reads them once: each
//! child scorer carries the tier it grants, and the unit's score is the
//! disjunction-max of its matching children plus the highest tier among them.
//!
//! The union is a plain minimum over the children's current documents: a
//! unit has a handful of children (one per field), so a linear scan beats a
//! heap or a bitset window.

use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};

use super::wand::PrunableTerm;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

type Q = Box<dyn Query>;

/// A disjunction of child queries, each granting a tier when it matches.
#[derive(Debug)]
pub(crate) struct UnitQuery {
    children: Vec<(Q, Score)>,
    tie: Score,
    /// The same children as plain terms (term, boost, tier), when they are:
    /// then the best documents can be found without scoring every match
    /// ([`super::wand`]).
    terms: Option<Vec<(Term, Score, Score)>>,
}

impl UnitQuery {
    /// `children`: each query with the tier it grants (0 for none); `tie`:
    /// the share of the non-best children's scores added to the best.
    pub(crate) fn new(children: Vec<(Q, Score)>, tie: Score) -> UnitQuery {
        UnitQuery {
            children,
            tie,
            terms: None,
        }
    }

    /// Says that the children are exactly these terms, each a `TermQuery`
    /// boosted by its boost, granting its tier.
    pub(crate) fn with_terms(mut self, terms: Option<Vec<(Term, Score, Score)>>) -> UnitQuery {
        self.terms = terms;
        self
    }
}

impl Clone for UnitQuery {
    fn clone(&self) -> UnitQuery {
        UnitQuery {
            children: self
                .children
                .iter()
                .map(|(q, t)| (q.box_clone(), *t))
                .collect(),
            tie: self.tie,
            terms: self.terms.clone(),
        }
    }
}

impl Query for UnitQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let children = self
            .children
            .iter()
            .map(|(q, t)| Ok((q.weight(scoring)?, *t)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let prunable = match (&self.terms, scoring) {
            (
                Some(terms),
                EnableScoring::Enabled {
                    statistics_provider,
                    ..
                },
            ) => Some(
                terms
                    .iter()
                    .map(|(term, boost, tier)| {
                        let bm25 =
                            Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(term))?
                                .boost_by(*boost);
                        Ok(PrunableTerm {
                            term: term.clone(),
                            bm25,
                            tier: *tier,
                        })
                    })
                    .collect::<tantivy::Result<Vec<_>>>()?,
            ),
            _ => None,
        };
        Ok(Box::new(UnitWeight {
            children,
            tie: self.tie,
            prunable,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (q, _) in &self.children {
            q.query_terms(visitor);
        }
    }
}

struct UnitWeight {
    children: Vec<(Box<dyn Weight>, Score)>,
    tie: Score,
    prunable: Option<Vec<PrunableTerm>>,
}

impl Weight for UnitWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        // Most fields hold none of a unit's terms: `UnitScorer::new` drops
        // them now rather than test them at every document.
        let children = self
            .children
            .iter()
            .map(|(w, tier)| {
                let scorer = w.scorer(reader, boost)?;
                Ok(Child {
                    doc: scorer.doc(),
                    scorer,
                    tier: *tier,
                })
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(UnitScorer::new(children, self.tie)))
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        if let Some(terms) = &self.prunable {
            return super::wand::for_each_pruning(terms, self.tie, reader, threshold, callback);
        }
        let mut scorer = self.scorer(reader, 1.0)?;
        let mut threshold = threshold;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            let score = scorer.score();
            if score > threshold {
                threshold = callback(doc, score);
            }
            doc = scorer.advance();
        }
        Ok(())
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let mut out = Explanation::new("unit: best field + tie share + tier", scorer.score());
        for (w, _) in &self.children {
            if let Ok(e) = w.explain(reader, doc) {
                out.add_detail(e);
            }
        }
        Ok(out)
    }
}

struct Child {
    scorer: Box<dyn Scorer>,
    /// The scorer's current document, kept here to spare a virtual call
    /// per child and document.
    doc: DocId,
    tier: Score,
}

struct UnitScorer {
    children: Vec<Child>,
    doc: DocId,
    tie: Score,
}

impl UnitScorer {
    fn new(mut children: Vec<Child>, tie: Score) -> UnitScorer {
        children.retain(|c| c.doc != TERMINATED);
        let doc = children.iter().map(|c| c.doc).min().unwrap_or(TERMINATED);
        UnitScorer { children, doc, tie }
    }

    /// Sets `doc` to the children's smallest, dropping the finished ones so
    /// later scans are shorter.
    fn settle(&mut self, any_done: bool) -> DocId {
        if any_done {
            self.children.retain(|c| c.doc != TERMINATED);
        }
        self.doc = self
            .children
            .iter()
            .map(|c| c.doc)
            .min()
            .unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for UnitScorer {
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        let mut any_done = false;
        for c in &mut self.children {
            if c.doc == doc {
                c.doc = c.scorer.advance();
                any_done |= c.doc == TERMINATED;
            }
        }
        self.settle(any_done)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        let mut any_done = false;
        for c in &mut self.children {
            if c.doc < target {
                c.doc = c.scorer.seek(target);
                any_done |= c.doc == TERMINATED;
            }
        }
        self.settle(any_done)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.children
            .iter()
            .map(|c| c.scorer.size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.children.iter().map(|c| c.scorer.cost()).sum()
    }
}

impl Scorer for UnitScorer {
    fn score(&mut self) -> Score {
        let (mut best, mut sum, mut tier) = (0.0f32, 0.0f32, 0.0f32);
        for c in &mut self.children {
            if c.doc == self.doc {
                let s = c.scorer.score();
                best = best.max(s);
                sum += s;
                tier = tier.max(c.tier);
            }
        }
        best + self.tie * (sum - best) + tier
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{ConstScoreQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index};

    fn index() -> (Index, tantivy::schema::Field, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let title = b.add_text_field("title", TEXT);
        let text = b.add_text_field("text", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.add_document(doc!(title => "vård", text => "skola"))
            .unwrap();
        w.add_document(doc!(title => "skola", text => "vård vård"))
            .unwrap();
        w.add_document(doc!(title => "skola", text => "skola"))
            .unwrap();
        w.add_document(doc!(title => "vård", text => "vård"))
            .unwrap();
        w.commit().unwrap();
        (index, title, text)
    }

    fn term(f: tantivy::schema::Field, t: &str) -> Q {
        Box::new(TermQuery::new(
            Term::from_field_text(f, t),
            IndexRecordOption::WithFreqs,
        ))
    }

    #[test]
    fn matches_the_union_and_adds_the_best_tier_once() {
        let (index, title, text) = index();
        let searcher = index.reader().unwrap().searcher();
        // Constant scores make the arithmetic visible: title 4, text 1.
        let q = UnitQuery::new(
            vec![
                (
                    Box::new(ConstScoreQuery::new(term(title, "vård"), 4.0)),
                    100.0,
                ),
                (
                    Box::new(ConstScoreQuery::new(term(text, "vård"), 1.0)),
                    50.0,
                ),
            ],
            0.5,
        );
        assert_eq!(searcher.search(&q, &Count).unwrap(), 3);
        let top = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        let scores: Vec<(u32, f32)> = top.iter().map(|(s, a)| (a.doc_id, *s)).collect();
        assert_eq!(scores, vec![(3, 104.5), (0, 104.0), (1, 51.0)]);
    }

    #[test]
    fn seeks_past_children_that_end_early() {
        let (index, title, text) = index();
        let searcher = index.reader().unwrap().searcher();
        let q = UnitQuery::new(
            vec![(term(title, "vård"), 1.0), (term(text, "skola"), 1.0)],
            0.0,
        );
        let weight = q
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .unwrap();
        let mut s = weight.scorer(searcher.segment_reader(0), 1.0).unwrap();
        assert_eq!(s.doc(), 0);
        assert_eq!(s.seek(1), 2);
        assert_eq!(s.advance(), 3);
        assert_eq!(s.advance(), TERMINATED);
        assert_eq!(s.advance(), TERMINATED);
    }
}

#[cfg(test)]
mod pruning_tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BoostQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::Index;

    /// The pruned top-k is the top-k of a full pass, in several segments,
    /// with deletions, for pages of several sizes.
    #[test]
    fn pruning_finds_the_same_page_as_a_full_pass() {
        let mut b = Schema::builder();
        let title = b.add_text_field("title", TEXT);
        let text = b.add_text_field("text", TEXT);
        let id = b.add_text_field("id", tantivy::schema::STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let words = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let mut next = super::super::test_random(11);
        for i in 0..6000 {
            let mut d = tantivy::TantivyDocument::default();
            for (f, max) in [(title, 4), (text, 60)] {
                let n = 1 + next() % max;
                let s: Vec<&str> = (0..n).map(|_| words[next() % 8]).collect();
                d.add_text(f, s.join(" "));
            }
            d.add_text(id, format!("{i}"));
            w.add_document(d).unwrap();
            if i % 2000 == 1999 {
                w.commit().unwrap();
            }
        }
        for i in (0..6000).step_by(7) {
            w.delete_term(Term::from_field_text(id, &format!("{i}")));
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        for word in ["a", "h"] {
            let fields = [(title, 4.0, 1000.0), (text, 1.0, 0.0)];
            let children = fields
                .iter()
                .map(|&(f, boost, tier)| {
                    let q: Q = Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(
                            Term::from_field_text(f, word),
                            IndexRecordOption::WithFreqs,
                        )),
                        boost,
                    ));
                    (q, tier)
                })
                .collect();
            let full = UnitQuery::new(children, 0.2);
            let terms = fields
                .iter()
                .map(|&(f, boost, tier)| (Term::from_field_text(f, word), boost, tier))
                .collect();
            let pruned = full.clone().with_terms(Some(terms));
            for k in [1, 10, 100] {
                let top = || TopDocs::with_limit(k).order_by_score();
                // A tuple collector visits every match: no pruning.
                let (expected, _) = searcher
                    .search(&full, &(top(), tantivy::collector::Count))
                    .unwrap();
                let got = searcher.search(&pruned, &top()).unwrap();
                assert_eq!(got.len(), expected.len(), "{word} k={k}");
                for (g, e) in got.iter().zip(&expected) {
                    assert_eq!(g.1, e.1, "{word} k={k}");
                    assert!((g.0 - e.0).abs() < 1e-4, "{word} k={k}: {} vs {}", g.0, e.0);
                }
            }
        }
    }
}
