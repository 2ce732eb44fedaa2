//! A two-word phrase that starts with a pair word, answered from the pair
//! field (see [`crate::analysis::PAIR_WORDS`]).
//!
//! [`PairQuery`] matches the documents of the phrase `first second` in a
//! source field and scores them as tantivy's `PhraseQuery` does: BM25 with
//! the weight of both words (the sum of their idf) over the source field's
//! norms, the phrase's frequency as the term frequency. The pair field holds
//! the pair once per occurrence of the phrase, so its postings give the same
//! documents and frequencies without reading a position.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

use crate::analysis::pair_term;

/// The phrase `first second` of `source`, read from `pairs`.
#[derive(Clone, Debug)]
pub(crate) struct PairQuery {
    /// The phrase's words in the source field, for its BM25 weight.
    words: [Term; 2],
    /// The pair in the pair field.
    pair: Term,
}

impl PairQuery {
    /// `first` must be a pair word, and `pairs` the pair field of `source`.
    pub(crate) fn new(source: Field, pairs: Field, first: &str, second: &str) -> PairQuery {
        PairQuery {
            words: [
                Term::from_field_text(source, first),
                Term::from_field_text(source, second),
            ],
            pair: Term::from_field_text(pairs, &pair_term(first, second)),
        }
    }
}

impl Query for PairQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(Bm25Weight::for_terms(statistics_provider, &self.words)?),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(PairWeight {
            source: self.words[0].field(),
            pair: self.pair.clone(),
            bm25,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in &self.words {
            visitor(t, true);
        }
    }
}

struct PairWeight {
    source: Field,
    pair: Term,
    /// None when scores are not asked for.
    bm25: Option<Bm25Weight>,
}

impl Weight for PairWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inverted = reader.inverted_index(self.pair.field())?;
        let option = if self.bm25.is_some() {
            IndexRecordOption::WithFreqs
        } else {
            IndexRecordOption::Basic
        };
        let Some(postings) = inverted.read_postings(&self.pair, option)? else {
            return Ok(Box::new(EmptyScorer));
        };
        Ok(Box::new(PairScorer {
            postings,
            norms: reader.get_fieldnorms_reader(self.source)?,
            bm25: self.bm25.as_ref().map(|w| w.boost_by(boost)),
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not hold the phrase"
            )));
        }
        Ok(Explanation::new(
            "phrase of a pair word, from the pair field",
            scorer.score(),
        ))
    }
}

struct PairScorer {
    postings: SegmentPostings,
    norms: FieldNormReader,
    bm25: Option<Bm25Weight>,
}

impl DocSet for PairScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }

    fn cost(&self) -> u64 {
        self.postings.cost()
    }
}

impl Scorer for PairScorer {
    fn score(&mut self) -> Score {
        match &self.bm25 {
            Some(w) => {
                let norm = self.norms.fieldnorm_id(self.postings.doc());
                w.score(norm, self.postings.term_freq())
            }
            None => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use tantivy::collector::TopDocs;
    use tantivy::query::PhraseQuery;
    use tantivy::{DocAddress, Searcher};

    use super::*;
    use crate::analysis::{analyze, is_pair_word, Side, PAIR_WORDS};
    use crate::index::Archive;
    use crate::synth::{Pool, Synth, SynthOptions};
    use crate::{AgendaItem, Decision, Meeting, Outcome};

    /// Every match of `query` with its score, in document order.
    fn matches(searcher: &Searcher, query: &dyn Query) -> Vec<(DocAddress, Score)> {
        let mut all = searcher
            .search(query, &TopDocs::with_limit(100_000).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(s, d)| (d, s))
            .collect::<Vec<_>>();
        all.sort_by_key(|(d, _)| *d);
        all
    }

    /// Texts that tokenize in every way a pair meets: compounds, suspended
    /// hyphens, joined numbers, hyphen groups, sentence and line breaks,
    /// repeated phrases, a pair word before a pair word.
    fn tricky() -> Meeting {
        let texts = [
            "Informationen läggs till handlingarna. Till handlingarna läggs även bilagan.",
            "Förvaltningen får i uppdrag att ta fram en handlingsplan; i uppdragsbeskrivningen i\n\nuppdrag.",
            "Medel avsätts till missbruks- och beroendevården och till 5 162 844 kronor i covid-19-vaccin.",
            "Beslutet gäller till. Handlingarna finns i i diariet, till och med i morgon.",
            "Ärendet återremitteras till kommunstyrelsen till handlingsplanen i hälso- och sjukvården.",
        ];
        Meeting {
            source: "tricky.txt".into(),
            date: Some("2024-01-01".into()),
            items: texts
                .iter()
                .enumerate()
                .map(|(i, t)| AgendaItem {
                    ordinal: i as u32 + 1,
                    title: format!("Ärende {i}"),
                    // A value ending in a pair word, and the next value
                    // starting with a word it pairs with elsewhere: the
                    // values must not meet.
                    presenters: vec!["Anna i".into(), "Uppdrag Ek".into()],
                    text: t.to_string(),
                    decisions: [
                        t.to_string(),
                        "Ärendet läggs till".into(),
                        "handlingarna".into(),
                    ]
                    .into_iter()
                    .map(|text| Decision {
                        text,
                        outcome: Outcome::Noted,
                        subject: None,
                    })
                    .collect(),
                    ..AgendaItem::default()
                })
                .collect(),
            ..Meeting::default()
        }
    }

    #[test]
    fn a_pair_finds_what_the_phrase_finds_with_the_same_scores() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path()).unwrap();
        let mut w = archive.writer().unwrap();
        let mut meetings = vec![tricky()];
        meetings.extend(
            Synth::new(Pool::bundled(), SynthOptions::seed(5))
                .items(400)
                .map(|s| s.meeting),
        );
        // Two commits: statistics span segments.
        for chunk in meetings.chunks(meetings.len() / 2 + 1) {
            for m in chunk {
                w.add_meeting(m, "hash").unwrap();
            }
            w.commit().unwrap();
        }
        drop(w);
        let searcher = archive.searcher();
        let fields = archive.fields();

        // Every pair of the indexed texts: a pair word, then each token of
        // the next position.
        let mut pairs = BTreeSet::new();
        let mut add = |text: &str| {
            let tokens = analyze(text, Side::Index);
            for a in tokens.iter().filter(|t| is_pair_word(&t.text)) {
                for b in tokens.iter().filter(|t| t.position == a.position + 1) {
                    pairs.insert((a.text.clone(), b.text.clone()));
                }
            }
        };
        for m in &meetings {
            for item in &m.items {
                add(&item.text);
                item.decisions.iter().for_each(|d| add(&d.text));
            }
        }
        // The pairs that would span two values ("Anna i" | "Uppdrag Ek",
        // "läggs till" | "handlingarna") are among them, from the texts.
        assert!(pairs.len() > 300, "{} pairs", pairs.len());
        for w in PAIR_WORDS {
            assert!(pairs.iter().any(|(a, _)| a == w), "no pair starts with {w}");
        }
        for (tricky_a, tricky_b) in [
            ("till", "handl"),
            ("i", "uppdrag"),
            ("till", "plan"),
            ("till", "missbruksvård"),
            ("i", "19"),
            ("i", "i"),
        ] {
            assert!(
                pairs.contains(&(tricky_a.to_string(), tricky_b.to_string())),
                "{tricky_a} {tricky_b}"
            );
        }

        for source in [fields.text, fields.decisions] {
            let pair_field = fields.pairs_of(source).unwrap();
            for (a, b) in &pairs {
                let phrase = PhraseQuery::new(vec![
                    Term::from_field_text(source, a),
                    Term::from_field_text(source, b),
                ]);
                let pair = PairQuery::new(source, pair_field, a, b);
                let expected = matches(&searcher, &phrase);
                assert_eq!(matches(&searcher, &pair), expected, "{a} {b}");
                assert_eq!(
                    searcher.search(&pair, &tantivy::collector::Count).unwrap(),
                    expected.len(),
                    "{a} {b}: unscored"
                );
            }
        }
    }
}
