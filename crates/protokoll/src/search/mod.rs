//! Ranked queries with filters and snippets over the index.
//!
//! A search goes, in order:
//!
//! 1. [`parser`]: the query text becomes clauses (words, phrases, `-word`,
//!    `OR`, prefixes, groups), read forgivingly and bounded in size;
//! 2. [`build`]: the clauses become one tantivy query: each word through the
//!    Swedish query analyzer, BM25 over boosted fields, a tier per matched
//!    query part so documents with every word come first, fallbacks for
//!    words typed without å/ä/ö or with a typo, and the filters
//!    (dates, group, decisions only, outcome);
//! 3. the query runs: the intersection of its units first when that is
//!    enough, the proximity bonus over the best hundred, the exact total on
//!    bitsets ([`build`] says how the work is split);
//! 4. the best page of documents is fetched and each becomes a [`Hit`] with
//!    a [`Snippet`] ([`snippet`]) marking the matched words.
//!
//! The entry point is [`Archive::search`](crate::index::Archive::search)
//! with a [`Query`].

pub mod build;
mod count;
mod hit;
mod pair;
pub mod parser;
mod proximity;
mod query;
pub mod snippet;
mod unit;
mod wand;

use rayon::prelude::*;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::EnableScoring;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

pub use hit::{Hit, HitDecision, HitItem, HitKind, HitMeeting, SearchResults};
pub use query::Query;
pub use snippet::{Highlighter, Snippet};

use crate::analysis::{INDEX_TOKENIZER, QUERY_TOKENIZER};

use tantivy::schema::Value;

use crate::index::schema::KIND_ITEM;
use crate::index::{Archive, Payload};
use crate::{Error, Result};

/// The most hits one search returns, whatever the limit asked for.
pub const MAX_LIMIT: usize = 10_000;

/// How many of the best documents the proximity bonus reorders (see
/// `proximity`). The bonus is small beside the tiers and BM25 that pick
/// these documents, so the first page is, in practice, the page a bonus for
/// every match would give (`the_first_page_is_the_start_of_a_deep_one`
/// checks it), at a fraction of the work: reading word positions for every
/// match was a third of query time.
pub const RESCORE_WINDOW: usize = 100;

impl Archive {
    /// Runs `query` and returns one page of hits, best first.
    ///
    /// Results are deterministic: the same query over the same index gives
    /// the same hits in the same order.
    pub fn search(&self, query: &Query) -> Result<SearchResults> {
        let clauses = parser::parse(&query.text)?;
        let searcher = self.searcher();
        let built = build::build(
            query,
            &clauses,
            &searcher,
            self.fields(),
            self.analyzer(QUERY_TOKENIZER)?,
        )?;
        // tantivy allocates room for offset + limit hits up front, so both
        // are cut to what the index can return.
        let docs_in_index = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let limit = query.limit.min(MAX_LIMIT).min(docs_in_index);
        let offset = query.offset;
        let (docs, total): (Page, usize) = if limit == 0 || offset >= docs_in_index {
            (Vec::new(), collect(&searcher, &*built.query, &Count)?)
        } else if built.scored && (built.prunable || built.conjunction.is_some()) {
            // The page comes from a cheaper query than the hits' (one
            // word's pruned unit, or the intersection of the units), so
            // the total is counted apart, on bitsets: side by side with
            // the page, each over the segments in parallel.
            let (page, total) = rayon::join(
                || self.ranked(&searcher, &built, offset, limit, false),
                || built.counting.count(&searcher),
            );
            let (page, _) = page?;
            (page, total?)
        } else if built.scored {
            let (page, total) = self.ranked(&searcher, &built, offset, limit, true)?;
            (page, total.unwrap_or_default())
        } else {
            // Nothing to rank by: list oldest first.
            let top = TopDocs::with_limit(limit)
                .and_offset(offset)
                .order_by_fast_field::<tantivy::DateTime>("date", Order::Asc);
            let (docs, total) = collect(&searcher, &*built.query, &(top, Count))?;
            (docs.into_iter().map(|(_, a)| (0.0, a)).collect(), total)
        };
        // Each hit decompresses a block of the store: they are read in
        // parallel, in rank order.
        let analyzer = self.analyzer(INDEX_TOKENIZER)?;
        let highlighter = query.snippets.then_some(&built.highlighter);
        let hits = docs
            .into_par_iter()
            .map_init(
                || analyzer.clone(),
                |analyzer, (score, addr)| self.hit(&searcher, score, addr, highlighter, analyzer),
            )
            .collect::<Result<Vec<Option<Hit>>>>()?;
        Ok(SearchResults {
            query: query.text.clone(),
            total,
            hits: hits.into_iter().flatten().collect(),
        })
    }

    /// The page `offset..offset + limit` of a scored query, and its total
    /// when `count` asks for it: counted in the same pass as the page when
    /// the page needs a pass over every hit.
    fn ranked(
        &self,
        searcher: &Searcher,
        built: &build::Built,
        offset: usize,
        limit: usize,
        count: bool,
    ) -> Result<(Page, Option<usize>)> {
        // Every hit of the query, ranked, and counted if asked.
        let every_hit = |top: TopDocs| -> Result<(Page, Option<usize>)> {
            let top = top.order_by_score();
            Ok(if count {
                let (page, total) = collect(searcher, &*built.query, &(top, Count))?;
                (page, Some(total))
            } else {
                (collect(searcher, &*built.query, &top)?, None)
            })
        };
        let counted_apart = || -> Result<Option<usize>> {
            Ok(match count {
                true => Some(built.counting.count(searcher)?),
                false => None,
            })
        };
        if built.prunable {
            // Ranked alone, the word's unit skips what cannot make the page
            // (`wand`); its total is counted apart, on bitsets.
            let top = TopDocs::with_limit(limit)
                .and_offset(offset)
                .order_by_score();
            return Ok((collect(searcher, &*built.query, &top)?, counted_apart()?));
        }
        if built.rescore.is_empty() {
            return match self.best_of_every_unit(searcher, built, offset + limit)? {
                Some(docs) => Ok((docs.into_iter().skip(offset).collect(), counted_apart()?)),
                None => every_hit(TopDocs::with_limit(limit).and_offset(offset)),
            };
        }
        // The bonus reorders the best RESCORE_WINDOW documents by the
        // ranking without it; the ones after keep that ranking. A bonus
        // never lowers a score, so every reordered document still ranks
        // above the rest, and a deeper page ranks its first documents
        // exactly as a shallow one.
        let window = RESCORE_WINDOW.max(offset + limit);
        let (mut docs, total) = match self.best_of_every_unit(searcher, built, window)? {
            Some(docs) => (docs, counted_apart()?),
            None => every_hit(TopDocs::with_limit(window))?,
        };
        let head = docs.len().min(RESCORE_WINDOW);
        for bonus in &built.rescore {
            bonus.add_scores(searcher, &mut docs[..head])?;
        }
        // Best first; ties in index order, as tantivy ranks them.
        docs[..head].sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok((docs.into_iter().skip(offset).take(limit).collect(), total))
    }

    /// The best `window` documents of the intersection of the query's units,
    /// when they are the query's best: when the whole window has every
    /// unit's full tier, which a document missing a unit cannot reach.
    fn best_of_every_unit(
        &self,
        searcher: &Searcher,
        built: &build::Built,
        window: usize,
    ) -> Result<Option<Vec<(f32, DocAddress)>>> {
        let Some((every, tiers)) = &built.conjunction else {
            return Ok(None);
        };
        let top = TopDocs::with_limit(window).order_by_score();
        let docs = collect(searcher, &**every, &top)?;
        let full = docs.len() == window && docs.last().is_some_and(|(s, _)| s >= tiers);
        Ok(full.then_some(docs))
    }

    fn analyzer(&self, name: &str) -> Result<TextAnalyzer> {
        self.index()
            .tokenizers()
            .get(name)
            .ok_or_else(|| Error::Index {
                path: self.dir().to_path_buf(),
                message: format!("the analyzer {name:?} is not registered"),
            })
    }

    fn hit(
        &self,
        searcher: &Searcher,
        score: f32,
        addr: DocAddress,
        highlighter: Option<&Highlighter>,
        analyzer: &mut TextAnalyzer,
    ) -> Result<Option<Hit>> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let Some(payload) = crate::index::document::payload(&doc, self.fields()) else {
            return Ok(None);
        };
        let (source, path) = {
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            (text(self.fields().source), text(self.fields().path))
        };
        // A decision document points into its item's record.
        let (payload, decision) = match payload {
            Payload::Meeting(_) => return Ok(None),
            item @ Payload::Item { .. } => (item, None),
            Payload::Decision { ordinal, index } => {
                let found = self.find(
                    searcher,
                    &path,
                    KIND_ITEM,
                    Some(u64::from(ordinal)),
                    addr.segment_ord,
                )?;
                let Some(item_addr) = found else {
                    return Ok(None);
                };
                let item_doc: TantivyDocument = searcher.doc(item_addr)?;
                let Some(item) = crate::index::document::payload(&item_doc, self.fields()) else {
                    return Ok(None);
                };
                (item, Some(index as usize))
            }
        };
        let Payload::Item { brief, mut item } = payload else {
            return Ok(None);
        };
        let hit_meeting = HitMeeting {
            date: brief.date,
            body: brief.body,
            kind: brief.kind,
        };
        let snip = |texts: &[&str], analyzer: &mut TextAnalyzer| -> Snippet {
            let Some(h) = highlighter else {
                return Snippet::default();
            };
            // The first text with a match, else the first non-empty one.
            let mut fallback = None;
            for t in texts.iter().filter(|t| !t.trim().is_empty()) {
                let marks = h.marks(t, analyzer);
                if !marks.is_empty() {
                    return snippet::passage(t, &marks);
                }
                fallback.get_or_insert(*t);
            }
            fallback.map_or_else(Snippet::default, |t| snippet::passage(t, &[]))
        };
        let item_ref = HitItem {
            ordinal: item.ordinal,
            number: item.number.clone(),
            title: item.title.clone(),
        };
        let Some(index) = decision else {
            let sections: Vec<&str> = item.sections.iter().map(|s| s.title.as_str()).collect();
            let sections = sections.join(" · ");
            let decisions: Vec<&str> = item.decisions.iter().map(|d| d.text.as_str()).collect();
            let decisions_text = decisions.join(" ");
            let snippet = snip(
                &[&item.text, &decisions_text, &sections, &item.title],
                analyzer,
            );
            return Ok(Some(Hit {
                score,
                kind: HitKind::Item,
                source,
                meeting: hit_meeting,
                item: item_ref,
                decision: None,
                snippet,
                decisions: item.decisions,
                path,
            }));
        };
        if index >= item.decisions.len() {
            return Ok(None);
        }
        let decision = item.decisions.swap_remove(index);
        let subject = decision.subject.clone().unwrap_or_default();
        let snippet = snip(&[&decision.text, &subject], analyzer);
        Ok(Some(Hit {
            score,
            kind: HitKind::Decision,
            source,
            meeting: hit_meeting,
            item: item_ref,
            decision: Some(HitDecision {
                text: decision.text,
                outcome: decision.outcome,
            }),
            snippet,
            decisions: Vec::new(),
            path,
        }))
    }
}

/// Scored documents, best first.
type Page = Vec<(f32, DocAddress)>;

/// Runs `collector` over every segment of `searcher`, the segments in
/// parallel on rayon's pool, and merges the segments' fruits in segment
/// order, as [`Searcher::search`] does on one thread.
fn collect<C: Collector>(
    searcher: &Searcher,
    query: &dyn tantivy::query::Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    let scoring = if collector.requires_scoring() {
        EnableScoring::enabled_from_searcher(searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    let weight = query.weight(scoring)?;
    let fruits = searcher
        .segment_readers()
        .par_iter()
        .enumerate()
        .map(|(ord, reader)| collector.collect_segment(weight.as_ref(), ord as u32, reader))
        .collect::<tantivy::Result<Vec<_>>>()?;
    collector.merge_fruits(fruits)
}

/// A small deterministic random source for the tests' generated indexes.
#[cfg(test)]
fn test_random(mut seed: u64) -> impl FnMut() -> usize {
    move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    }
}
