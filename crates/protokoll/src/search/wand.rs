//! Top-k without scoring every match: WAND with block maxima, for a query
//! unit made of plain terms (one word, one term per field).
//!
//! A one-word query over a large archive matches a large share of it, and
//! the page only needs the best ten. A document's unit score is at most the
//! sum of its fields' BM25 scores plus the highest tier among those fields
//! (see [`super::unit`]), and each field's BM25 is at most that term's
//! maximum, or, within a block of 128 postings, the block's maximum. WAND
//! (Broder et al., 2003) walks the fields' postings in document order and
//! skips every document whose bound cannot beat the page's current last
//! score; the block maxima (Ding and Suel, 2011) let it skip whole blocks.
//! The result is exactly the page a full pass gives.
//!
//! tantivy 0.27 keeps its own term scorer private, so the cursors here read
//! the public block postings and score with the same [`Bm25Weight`].

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::Bm25Weight;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentReader, Term, TERMINATED};

use super::unit::Allowed;

/// One term in one field, with its BM25 weight (boost included) and the
/// tier a match grants.
#[derive(Clone)]
pub(crate) struct PrunableTerm {
    pub term: Term,
    pub bm25: Bm25Weight,
    pub tier: Score,
}

/// A term's postings in one segment, document by document.
struct Cursor {
    block: BlockSegmentPostings,
    /// The position in the current block.
    cur: usize,
    doc: DocId,
    norms: FieldNormReader,
    bm25: Bm25Weight,
    max: Score,
    tier: Score,
}

impl Cursor {
    fn open(reader: &SegmentReader, t: &PrunableTerm) -> tantivy::Result<Option<Cursor>> {
        let field = t.term.field();
        let inverted = reader.inverted_index(field)?;
        let Some(block) = inverted.read_block_postings(&t.term, IndexRecordOption::WithFreqs)?
        else {
            return Ok(None);
        };
        let mut c = Cursor {
            block,
            cur: 0,
            doc: TERMINATED,
            norms: reader.get_fieldnorms_reader(field)?,
            max: t.bm25.max_score(),
            bm25: t.bm25.clone(),
            tier: t.tier,
        };
        c.doc = c.doc_here();
        Ok(Some(c))
    }

    fn doc_here(&self) -> DocId {
        if self.cur < self.block.block_len() {
            self.block.doc(self.cur)
        } else {
            TERMINATED
        }
    }

    fn advance(&mut self) {
        if self.doc == TERMINATED {
            return;
        }
        self.cur += 1;
        if self.cur >= self.block.block_len() {
            self.block.advance();
            self.cur = 0;
        }
        self.doc = self.doc_here();
    }

    /// Moves to the first posting at or after `target`.
    fn seek(&mut self, target: DocId) {
        if self.doc >= target {
            return;
        }
        if target <= self.last_in_block() {
            while self.block.doc(self.cur) < target {
                self.cur += 1;
            }
        } else {
            self.cur = self.block.seek(target);
        }
        self.doc = self.doc_here();
    }

    fn last_in_block(&self) -> DocId {
        match self.block.block_len() {
            0 => TERMINATED,
            n => self.block.doc(n - 1),
        }
    }

    fn score(&self) -> Score {
        let norm = self.norms.fieldnorm_id(self.doc);
        self.bm25.score(norm, self.block.freq(self.cur))
    }

    fn block_max(&mut self) -> Score {
        self.block.block_max_score(&self.norms, &self.bm25)
    }
}

/// Calls `callback` with every document of `reader` that `allowed` lets
/// through and whose unit score (`best + tie * (sum - best) + tier`) passes
/// the threshold, the threshold being what `callback` returns; the others
/// are skipped, most of them without being scored or even decoded.
pub(crate) fn for_each_pruning(
    terms: &[PrunableTerm],
    tie: Score,
    reader: &SegmentReader,
    allowed: &Allowed,
    mut threshold: Score,
    callback: &mut dyn FnMut(DocId, Score) -> Score,
) -> tantivy::Result<()> {
    let mut cursors = Vec::with_capacity(terms.len());
    for t in terms {
        if let Some(c) = Cursor::open(reader, t)? {
            // Boxed: a cursor holds a decoded block, and the loop reorders
            // cursors at every step.
            cursors.push(Box::new(c));
        }
    }
    loop {
        cursors.retain(|c| c.doc != TERMINATED);
        cursors.sort_unstable_by_key(|c| c.doc);
        // The pivot: the first cursor where the cursors up to it could pass
        // the threshold together. No document before its document can.
        let mut bound = Bound::default();
        let Some(pivot) = cursors.iter().position(|c| {
            bound.add(c.max, c.tier);
            bound.may_pass(tie, threshold)
        }) else {
            return Ok(());
        };
        let doc = cursors[pivot].doc;
        if cursors[0].doc < doc {
            for c in cursors.iter_mut().take_while(|c| c.doc < doc) {
                c.seek(doc);
            }
            continue;
        }
        // Every cursor up to the pivot stands on `doc`, and maybe some after.
        let at = cursors.iter().take_while(|c| c.doc == doc).count();
        let mut block = Bound::default();
        for c in &mut cursors[..at] {
            block.add(c.block_max(), c.tier);
        }
        if !block.may_pass(tie, threshold) {
            // Nothing in these blocks can pass until one of them ends or
            // another cursor joins in.
            let end = cursors[..at]
                .iter()
                .map(|c| c.last_in_block())
                .min()
                .unwrap_or(doc);
            let next = cursors
                .get(at)
                .map_or(TERMINATED, |c| c.doc)
                .min(end.saturating_add(1))
                .max(doc + 1);
            for c in &mut cursors[..at] {
                c.seek(next);
            }
            continue;
        }
        // Filtered out: on to the next document that may pass (none in
        // between can).
        let next = allowed.next_from(doc);
        if next != doc {
            for c in &mut cursors[..at] {
                c.seek(next);
            }
            continue;
        }
        let (mut best, mut sum, mut tier) = (0.0f32, 0.0f32, 0.0f32);
        for c in &cursors[..at] {
            let s = c.score();
            best = best.max(s);
            sum += s;
            tier = tier.max(c.tier);
        }
        let score = best + tie * (sum - best) + tier;
        if score > threshold {
            threshold = callback(doc, score);
        }
        for c in &mut cursors[..at] {
            c.advance();
        }
    }
}

/// A bound on a unit's score, `best + tie * (sum - best) + tier`, from
/// bounds on its terms' scores: the largest term bound stands for `best`,
/// their sum for `sum`. It grows with every term added, as WAND needs.
#[derive(Default)]
struct Bound {
    max: Score,
    sum: Score,
    tier: Score,
}

impl Bound {
    fn add(&mut self, score: Score, tier: Score) {
        self.max = self.max.max(score);
        self.sum += score;
        self.tier = self.tier.max(tier);
    }

    fn value(&self, tie: Score) -> Score {
        self.max + tie * (self.sum - self.max) + self.tier
    }

    fn may_pass(&self, tie: Score, threshold: Score) -> bool {
        may_pass(self.value(tie), threshold)
    }
}

/// Whether a score bounded by `bound` may pass `threshold`. The bound and
/// the score add the same terms in different orders: a relative margin
/// far above float rounding keeps a rounding from skipping a document
/// that passes.
fn may_pass(bound: Score, threshold: Score) -> bool {
    bound * (1.0 + 1e-5) > threshold
}
