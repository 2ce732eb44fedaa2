//! The proximity bonus: adjacent query words that stand next to each other
//! in a document, scored only for the best candidates.
//!
//! "psykisk hälsa" typed without quotes still prefers the items where the
//! two words make a phrase. Scored as a phrase query over every match, that
//! bonus read the word positions of every document holding both words,
//! a third of all query time. It only reorders the best candidates, so it
//! is computed for them alone ([`super::RESCORE_WINDOW`]): each word's
//! postings skip straight to a candidate, its positions are read there, and
//! the phrase frequency is scored with the same BM25 a phrase query uses.
//!
//! (tantivy's phrase scorer can also test single documents, with
//! `seek_danger`, but in tantivy 0.27 its phrase frequencies drift after a
//! miss: `add_scores_agrees_with_a_phrase_query` is the check.)

use tantivy::postings::Postings;
use tantivy::query::Bm25Weight;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Score, Searcher, Term};

/// One pair of adjacent query words, looked for in several fields.
#[derive(Clone, Debug)]
pub(crate) struct PairBonus {
    first: String,
    second: String,
    /// Positions from the first word to the second (1 when adjacent; more
    /// when the analyzer dropped a word between them).
    gap: u32,
    fields: Vec<(Field, Score)>,
    tie: Score,
}

impl PairBonus {
    pub(crate) fn new(
        first: &str,
        second: &str,
        gap: u32,
        fields: Vec<(Field, Score)>,
        tie: Score,
    ) -> PairBonus {
        PairBonus {
            first: first.to_string(),
            second: second.to_string(),
            gap,
            fields,
            tie,
        }
    }

    fn terms(&self, field: Field) -> [Term; 2] {
        [
            Term::from_field_text(field, &self.first),
            Term::from_field_text(field, &self.second),
        ]
    }

    /// Whether both words occur in the field at all.
    fn present(&self, searcher: &Searcher, terms: &[Term; 2]) -> bool {
        terms
            .iter()
            .all(|t| searcher.doc_freq(t).is_ok_and(|n| n > 0))
    }

    /// Adds the bonus to each of `docs` where the pair occurs: the best
    /// field's phrase score plus `tie` times the others'.
    pub(crate) fn add_scores(
        &self,
        searcher: &Searcher,
        docs: &mut [(Score, DocAddress)],
    ) -> tantivy::Result<()> {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by_key(|&i| docs[i].1);
        let mut acc = vec![(0.0f32, 0.0f32); docs.len()];
        let (mut first_pos, mut second_pos) = (Vec::new(), Vec::new());
        for &(field, boost) in &self.fields {
            let terms = self.terms(field);
            if !self.present(searcher, &terms) {
                continue;
            }
            let bm25 = Bm25Weight::for_terms(searcher, &terms)?.boost_by(boost);
            for segment in order.chunk_by(|&a, &b| docs[a].1.segment_ord == docs[b].1.segment_ord) {
                let reader = searcher.segment_reader(docs[segment[0]].1.segment_ord);
                let inverted = reader.inverted_index(field)?;
                let option = IndexRecordOption::WithFreqsAndPositions;
                let (Some(mut a), Some(mut b)) = (
                    inverted.read_postings(&terms[0], option)?,
                    inverted.read_postings(&terms[1], option)?,
                ) else {
                    continue;
                };
                let norms = reader.fieldnorms_readers().get_field(field)?;
                for &i in segment {
                    let doc = docs[i].1.doc_id;
                    if a.doc() < doc {
                        a.seek(doc);
                    }
                    if b.doc() < doc {
                        b.seek(doc);
                    }
                    if a.doc() != doc || b.doc() != doc {
                        continue;
                    }
                    a.positions(&mut first_pos);
                    b.positions(&mut second_pos);
                    let count = adjacent(&first_pos, &second_pos, self.gap);
                    if count > 0 {
                        let norm = norms.as_ref().map_or(1, |n| n.fieldnorm_id(doc));
                        let s = bm25.score(norm, count);
                        acc[i].0 = acc[i].0.max(s);
                        acc[i].1 += s;
                    }
                }
            }
        }
        for ((score, _), (best, sum)) in docs.iter_mut().zip(acc) {
            *score += best + self.tie * (sum - best);
        }
        Ok(())
    }
}

/// How many positions `p` of `first` have `p + gap` in `second` (both
/// sorted ascending).
fn adjacent(first: &[u32], second: &[u32], gap: u32) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < first.len() && j < second.len() {
        let want = first[i] + gap;
        match second[j].cmp(&want) {
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BoostQuery, DisjunctionMaxQuery, PhraseQuery, Query};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::Index;

    #[test]
    fn counts_positions_at_the_gap() {
        assert_eq!(adjacent(&[0, 4, 9], &[1, 5, 7], 1), 2);
        assert_eq!(adjacent(&[0, 4, 9], &[2, 11], 2), 2);
        assert_eq!(adjacent(&[3], &[3], 1), 0);
        assert_eq!(adjacent(&[], &[1], 1), 0);
    }

    /// The bonus of every sampled document equals the score of the same
    /// phrase as a tantivy phrase query over the whole index.
    #[test]
    fn add_scores_agrees_with_a_phrase_query() {
        let mut b = Schema::builder();
        let title = b.add_text_field("title", TEXT);
        let text = b.add_text_field("text", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let words = ["a", "b", "c", "d"];
        let mut next = super::super::test_random(7);
        for i in 0..3000 {
            let mut d = tantivy::TantivyDocument::default();
            for f in [title, text] {
                let n = 1 + next() % 12;
                let s: Vec<&str> = (0..n).map(|_| words[next() % 4]).collect();
                d.add_text(f, s.join(" "));
            }
            w.add_document(d).unwrap();
            // A few segments, so candidates span them.
            if i % 1000 == 999 {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        for gap in [1usize, 2] {
            let phrase = |f: Field, boost: Score| -> Box<dyn Query> {
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new_with_offset(vec![
                        (0, Term::from_field_text(f, "a")),
                        (gap, Term::from_field_text(f, "b")),
                    ])),
                    boost,
                ))
            };
            let q = DisjunctionMaxQuery::with_tie_breaker(
                vec![phrase(title, 4.0), phrase(text, 1.0)],
                0.2,
            );
            let full: HashMap<DocAddress, Score> = searcher
                .search(&q, &TopDocs::with_limit(3000).order_by_score())
                .unwrap()
                .into_iter()
                .map(|(s, a)| (a, s))
                .collect();
            assert!(full.len() > 100, "the sample needs matches");
            let mut docs: Vec<(Score, DocAddress)> = Vec::new();
            for seg in 0..searcher.segment_readers().len() {
                for d in 0..searcher.segment_reader(seg as u32).max_doc() {
                    if next() % 3 == 0 {
                        docs.push((0.0, DocAddress::new(seg as u32, d)));
                    }
                }
            }
            let bonus = PairBonus::new("a", "b", gap as u32, vec![(title, 4.0), (text, 1.0)], 0.2);
            bonus.add_scores(&searcher, &mut docs).unwrap();
            let mut matched = 0;
            for (s, a) in docs {
                let expected = full.get(&a).copied().unwrap_or(0.0);
                matched += usize::from(expected > 0.0);
                assert!((s - expected).abs() < 1e-4, "{a:?}: {s} vs {expected}");
            }
            assert!(matched > 30);
        }
    }
}
