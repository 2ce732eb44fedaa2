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

use super::count::{allowed, Bits, DateWindow, InWindow, Select};
use super::wand::PrunableTerm;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

type Q = Box<dyn Query>;

/// Filters applied inside a query: queries a match must pass (`all`) or
/// must not (`none`), read into a bitset per segment, and a date window,
/// read from the date column document by document. Inside, they let a
/// query skip what cannot make the page, filtered or not.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    all: Vec<Q>,
    none: Vec<Q>,
    dates: Option<DateWindow>,
}

impl Filter {
    pub(crate) fn new(all: Vec<Q>, none: Vec<Q>, dates: Option<DateWindow>) -> Filter {
        Filter { all, none, dates }
    }

    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<FilterWeight> {
        // Filters only select: their scores are never read.
        let select = EnableScoring::disabled_from_schema(scoring.schema());
        Ok(FilterWeight {
            all: Select::all(&self.all, select)?,
            none: Select::all(&self.none, select)?,
            dates: self.dates,
        })
    }
}

impl Clone for Filter {
    fn clone(&self) -> Filter {
        let copy = |qs: &[Q]| qs.iter().map(|q| q.box_clone()).collect();
        Filter {
            all: copy(&self.all),
            none: copy(&self.none),
            dates: self.dates,
        }
    }
}

struct FilterWeight {
    all: Vec<Select>,
    none: Vec<Select>,
    dates: Option<DateWindow>,
}

impl FilterWeight {
    /// What the filters let through in `reader`.
    fn allowed(&self, reader: &SegmentReader) -> tantivy::Result<Allowed> {
        let bits = if self.all.is_empty() && self.none.is_empty() {
            None
        } else {
            Some(allowed(reader, &self.all, &self.none)?)
        };
        let window = self.dates.map(|d| d.open(reader)).transpose()?;
        Ok(Allowed { bits, window })
    }

    /// `scorer` within what the filters let through in `reader`.
    fn apply(
        &self,
        reader: &SegmentReader,
        scorer: Box<dyn Scorer>,
    ) -> tantivy::Result<Box<dyn Scorer>> {
        let allowed = self.allowed(reader)?;
        Ok(if allowed.is_everything() {
            scorer
        } else {
            Box::new(Filtered::new(scorer, allowed))
        })
    }
}

/// A disjunction of child queries, each granting a tier when it matches.
#[derive(Debug)]
pub(crate) struct UnitQuery {
    children: Vec<(Q, Score)>,
    tie: Score,
    /// The same children as plain terms (term, boost, tier), when they are:
    /// then the best documents can be found without scoring every match
    /// ([`super::wand`]).
    terms: Option<Vec<(Term, Score, Score)>>,
    filter: Filter,
}

impl UnitQuery {
    /// `children`: each query with the tier it grants (0 for none); `tie`:
    /// the share of the non-best children's scores added to the best.
    pub(crate) fn new(children: Vec<(Q, Score)>, tie: Score) -> UnitQuery {
        UnitQuery {
            children,
            tie,
            terms: None,
            filter: Filter::default(),
        }
    }

    /// Keeps only the matches the filter lets through.
    pub(crate) fn with_filter(mut self, filter: Filter) -> UnitQuery {
        self.filter = filter;
        self
    }

    /// Says that the children are exactly these terms, each a `TermQuery`
    /// boosted by its boost, granting its tier.
    pub(crate) fn with_terms(mut self, terms: Option<Vec<(Term, Score, Score)>>) -> UnitQuery {
        self.terms = terms;
        self
    }

    fn unit_weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<UnitWeight> {
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
        Ok(UnitWeight {
            children,
            tie: self.tie,
            prunable,
            filter: self.filter.weight(scoring)?,
        })
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
            filter: self.filter.clone(),
        }
    }
}

impl Query for UnitQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.unit_weight(scoring)?))
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
    filter: FilterWeight,
}

impl UnitWeight {
    fn unit_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<UnitScorer> {
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
        Ok(UnitScorer::new(children, self.tie))
    }
}

impl Weight for UnitWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let scorer = self.unit_scorer(reader, boost)?;
        self.filter.apply(reader, Box::new(scorer))
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        if let Some(terms) = &self.prunable {
            let allowed = self.filter.allowed(reader)?;
            return super::wand::for_each_pruning(
                terms, self.tie, reader, &allowed, threshold, callback,
            );
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

/// What a segment's filters let through.
pub(crate) struct Allowed {
    bits: Option<Bits>,
    window: Option<InWindow>,
}

impl Allowed {
    fn is_everything(&self) -> bool {
        self.bits.is_none() && self.window.is_none()
    }

    /// The first document at or after `doc` that may pass: the next one
    /// the bitset holds (`doc` itself when it passes; maybe a later one
    /// when only the date is wrong).
    pub(crate) fn next_from(&self, doc: DocId) -> DocId {
        let doc = match &self.bits {
            Some(bits) => bits.next_from(doc),
            None => doc,
        };
        match &self.window {
            Some(w) if doc != TERMINATED && !w.contains(doc) => doc + 1,
            _ => doc,
        }
    }
}

/// A scorer's matches that pass the filters.
struct Filtered {
    inner: Box<dyn Scorer>,
    allowed: Allowed,
}

impl Filtered {
    fn new(inner: Box<dyn Scorer>, allowed: Allowed) -> Filtered {
        let mut f = Filtered { inner, allowed };
        f.settle();
        f
    }

    /// Moves to the first match at or after the current one that passes.
    fn settle(&mut self) -> DocId {
        let mut doc = self.inner.doc();
        while doc != TERMINATED {
            let next = self.allowed.next_from(doc);
            if next == doc {
                break;
            }
            doc = self.inner.seek(next);
        }
        doc
    }
}

impl DocSet for Filtered {
    fn advance(&mut self) -> DocId {
        self.inner.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for Filtered {
    fn score(&mut self) -> Score {
        self.inner.score()
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
        use crate::search::count::DateWindow;
        use tantivy::collector::Count;
        use tantivy::query::{BooleanQuery, Occur};
        let mut b = Schema::builder();
        let title = b.add_text_field("title", TEXT);
        let text = b.add_text_field("text", TEXT);
        let id = b.add_text_field("id", tantivy::schema::STRING);
        let kind = b.add_text_field("kind", tantivy::schema::STRING);
        let date = b.add_date_field("date", tantivy::schema::INDEXED | tantivy::schema::FAST);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let words = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let mut next = super::super::test_random(11);
        let day = |n: usize| tantivy::DateTime::from_timestamp_secs(n as i64 * 86_400);
        for i in 0..6000 {
            let mut d = tantivy::TantivyDocument::default();
            for (f, max) in [(title, 4), (text, 60)] {
                let n = 1 + next() % max;
                let s: Vec<&str> = (0..n).map(|_| words[next() % 8]).collect();
                d.add_text(f, s.join(" "));
            }
            d.add_text(id, format!("{i}"));
            d.add_text(kind, ["item", "decision"][next() % 2]);
            // Every tenth document has no date.
            if next() % 10 != 0 {
                d.add_date(date, day(next() % 100));
            }
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
        let term = |f, t: &str| -> Q {
            Box::new(TermQuery::new(
                Term::from_field_text(f, t),
                IndexRecordOption::Basic,
            ))
        };
        let window = DateWindow {
            from: Some(day(20)),
            to: Some(day(30)),
        };
        // (filters, exclusions, dates): none, each kind alone, all at once.
        type Filters = (Vec<Q>, Vec<Q>, Option<DateWindow>);
        let filters = || -> Vec<(&str, Filters)> {
            vec![
                ("none", (vec![], vec![], None)),
                ("kind", (vec![term(kind, "decision")], vec![], None)),
                ("not b", (vec![], vec![term(text, "b")], None)),
                ("dates", (vec![], vec![], Some(window))),
                (
                    "all",
                    (
                        vec![term(kind, "item")],
                        vec![term(title, "c")],
                        Some(window),
                    ),
                ),
            ]
        };
        for word in ["a", "h"] {
            let fields = [(title, 4.0, 1000.0), (text, 1.0, 0.0)];
            let children = || -> Vec<(Q, Score)> {
                fields
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
                    .collect()
            };
            let terms: Vec<_> = fields
                .iter()
                .map(|&(f, boost, tier)| (Term::from_field_text(f, word), boost, tier))
                .collect();
            for (name, (all, none, dates)) in filters() {
                // The filters as tantivy's own boolean query: the count to
                // match.
                let mut parts: Vec<(Occur, Q)> =
                    vec![(Occur::Must, Box::new(UnitQuery::new(children(), 0.2)))];
                parts.extend(all.iter().map(|q| (Occur::Must, q.box_clone())));
                parts.extend(none.iter().map(|q| (Occur::MustNot, q.box_clone())));
                parts.extend(dates.map(|d| (Occur::Must, d.query(date))));
                let boolean = BooleanQuery::new(parts);
                let full =
                    UnitQuery::new(children(), 0.2).with_filter(Filter::new(all, none, dates));
                let pruned = full.clone().with_terms(Some(terms.clone()));
                let count = searcher.search(&full, &Count).unwrap();
                assert_eq!(
                    count,
                    searcher.search(&boolean, &Count).unwrap(),
                    "{word} {name}"
                );
                assert!(count > 0, "{word} {name}");
                for k in [1, 10, 100] {
                    let top = || TopDocs::with_limit(k).order_by_score();
                    // A tuple collector visits every match: no pruning.
                    let (expected, _) = searcher.search(&full, &(top(), Count)).unwrap();
                    let got = searcher.search(&pruned, &top()).unwrap();
                    assert_eq!(got.len(), expected.len(), "{word} {name} k={k}");
                    for (g, e) in got.iter().zip(&expected) {
                        assert_eq!(g.1, e.1, "{word} {name} k={k}");
                        assert!(
                            (g.0 - e.0).abs() < 1e-4,
                            "{word} {name} k={k}: {} vs {}",
                            g.0,
                            e.0
                        );
                    }
                }
            }
        }
    }
}
