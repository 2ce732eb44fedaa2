//! From parsed clauses to one tantivy query, plus the terms to highlight.
//!
//! Ranking, in order of precedence:
//!
//! 1. **How much of the query a document contains.** Every query unit (a
//!    word, a phrase, an OR group, a prefix) that a document matches in one
//!    of its content fields adds the constant [`TIER`], so a document with
//!    all the words outranks any document missing one. Missing words do not
//!    empty the result: units are optional.
//! 2. **BM25 over fields with boosts**: the title above headings above
//!    decisions above text; meeting metadata (group, place) lowest. Adjacent
//!    query words that stand together in a document add a proximity bonus
//!    to the best hundred.
//!
//! A query word matches its whole analysed form, or all of its compound
//! parts ("ensamhetsstrategi" finds "ensamhets strategi"), the whole form
//! weighted higher. Two fallbacks apply only to words with no or very few
//! exact matches, and count for less in both steps, so they never outrank
//! an exact match: the word with å/ä/ö restored when typed without them
//! ("arbetssatt" finds "arbetssätt"), and typo tolerance (edit distance 1
//! for words of 5 letters or more; 2 for words of 9 or more that have no
//! exact match at all: "trakeostomi" finds "trackestomi").
//!
//! How the work is split, so that a query reads as little as it can:
//!
//! - each unit is one [`UnitQuery`]: its fields' postings are read once
//!   for both its BM25 and its tier;
//! - with two units or more, the intersection of the units is ranked first
//!   ([`Built::conjunction`]); when the whole page has every unit's full tier
//!   there, the union is never scored, only counted on bitsets
//!   ([`super::count`]);
//! - the proximity bonus reorders the best candidates only ([`PairBonus`],
//!   [`super::RESCORE_WINDOW`]).
//! - a single plain word, filtered or not ([`Built::prunable`]), finds its
//!   page with WAND and block maxima ([`super::wand`]), skipping what cannot
//!   make it.
//!
//! Work per query is bounded: at most [`super::parser::MAX_TERMS`] words,
//! [`MAX_POSITIONS`] analysed positions, [`MAX_PREFIX_TERMS`] expansions
//! per prefix (chosen among at most [`MAX_PREFIX_SCAN`] dictionary entries
//! per field and segment), [`MAX_FOLD_VARIANTS`] spellings per folded word,
//! [`MAX_TYPO_TERMS`] look-alikes per misspelled word.

use std::collections::HashMap;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, EnableScoring, Explanation, FuzzyTermQuery,
    Occur, PhraseQuery, Query as TantivyQuery, Scorer, TermQuery, Weight as TantivyWeight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term};

use super::count::{Counting, DateWindow};
use super::pair::PairQuery;
use super::parser::{Clause, Node};
use super::proximity::PairBonus;
use super::snippet::Highlighter;
use super::unit::{Filter, UnitQuery};
use super::Query;
use crate::analysis::is_pair_word;
use crate::index::document::parse_date;
use crate::index::schema::{Fields, Weight, KIND_DECISION, KIND_MEETING};
use crate::{Error, Result};

type Q = Box<dyn TantivyQuery>;

/// The score one matched query unit adds: far above any BM25 score.
pub const TIER: f32 = 1000.0;
/// The share of a unit's other matching fields added to its best field.
const TIE: f32 = 0.2;
/// A word with at most this many matching documents gets the fallbacks.
const FEW: u64 = 2;
/// A word in fewer documents than this is never too common to count.
const COMMON_MIN_DOCS: u64 = 10;
/// The most analysed positions a query may expand to.
pub const MAX_POSITIONS: usize = 128;
/// The most index terms one prefix expands to (the most frequent win).
pub const MAX_PREFIX_TERMS: usize = 64;
/// The most dictionary entries looked at per prefix, field and segment.
pub const MAX_PREFIX_SCAN: usize = 10_000;
/// The most spellings tried when restoring å/ä/ö.
pub const MAX_FOLD_VARIANTS: usize = 243;
/// The most index terms a word with a typo expands to.
pub const MAX_TYPO_TERMS: usize = 16;

/// A query ready to run.
pub(crate) struct Built {
    pub query: Q,
    /// The proximity bonuses, added to the best candidates of `query` only:
    /// see [`super::RESCORE_WINDOW`].
    pub rescore: Vec<PairBonus>,
    /// For queries of two units or more: the documents holding every unit,
    /// and the score a document with every unit's full tier reaches.
    pub conjunction: Option<(Q, f32)>,
    /// What decides the hits of a scored query, to count them.
    pub counting: Counting,
    /// Whether `query` is one word's unit alone, which finds its best
    /// documents without scoring every match when nothing else (such as a
    /// count) has to visit them all.
    pub prunable: bool,
    pub highlighter: Highlighter,
    /// False when the query has no positive part: hits are then listed by
    /// date, not by score.
    pub scored: bool,
}

/// One analysed position of query text: the whole word and the
/// alternatives the analyzer put at the same position.
#[derive(Clone, Debug)]
struct Pos {
    pos: usize,
    whole: String,
    alts: Vec<String>,
    raw: String,
}

/// A query unit: the child queries that match it, each with the tier it
/// grants (see [`UnitQuery`]).
struct Unit {
    children: Vec<(Q, f32)>,
    /// A word most documents hold: it scores, but matching it alone does
    /// not make a document a hit.
    common: bool,
    /// The children as plain terms (term, boost, tier), when each is one
    /// term query: the unit can then be ranked without scoring every match.
    terms: Option<Vec<(Term, f32, f32)>>,
}

impl Unit {
    fn query(self) -> Q {
        self.query_filtered(Filter::default())
    }

    /// The unit's matches that `filter` lets through.
    fn query_filtered(self, filter: Filter) -> Q {
        if self.children.is_empty() {
            return Box::new(EmptyQuery);
        }
        Box::new(
            UnitQuery::new(self.children, TIE)
                .with_terms(self.terms)
                .with_filter(filter),
        )
    }

    /// The highest tier a match of this unit grants.
    fn max_tier(&self) -> f32 {
        self.children.iter().map(|(_, t)| *t).fold(0.0, f32::max)
    }

    fn clone_query(&self) -> Q {
        let children = self
            .children
            .iter()
            .map(|(q, t)| (q.box_clone(), *t))
            .collect();
        Unit {
            children,
            common: self.common,
            terms: None,
        }
        .query()
    }

    /// A unit made of one query whose score already holds its tiers.
    fn whole(query: Q) -> Unit {
        Unit {
            children: vec![(query, 0.0)],
            common: false,
            terms: None,
        }
    }
}

struct Builder<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    analyzer: TextAnalyzer,
    hl: Highlighter,
    /// Off while building exclusions: `-word` means that word, not its
    /// look-alikes.
    fallbacks: bool,
    positions: usize,
}

pub(crate) fn build(
    query: &Query,
    clauses: &[Clause],
    searcher: &Searcher,
    fields: &Fields,
    analyzer: TextAnalyzer,
) -> Result<Built> {
    let mut b = Builder {
        searcher,
        fields,
        analyzer,
        hl: Highlighter::default(),
        fallbacks: true,
        positions: 0,
    };
    let (units, negs, bonus) = b.clauses(clauses)?;
    let scored = !units.is_empty();
    // Common words only score, unless the query has nothing else.
    let (units, common): (Vec<Unit>, Vec<Unit>) = if units.iter().all(|u| u.common) {
        (units, Vec::new())
    } else {
        units.into_iter().partition(|u| !u.common)
    };
    // Documents with every unit: when enough of them have every tier, they
    // are the best page, and the intersection is far cheaper to score
    // than the union.
    let one_plain_word = units.len() == 1 && units[0].terms.is_some() && common.is_empty();
    // What makes a hit, for the count: a plain word's terms are read as
    // postings blocks; other units through their queries.
    let any_terms: Vec<Term> = units
        .iter()
        .filter_map(|u| u.terms.as_ref())
        .flatten()
        .map(|(t, _, _)| t.clone())
        .collect();
    let any: Vec<Q> = units
        .iter()
        .filter(|u| u.terms.is_none())
        .flat_map(|u| u.children.iter().map(|(q, _)| q.box_clone()))
        .collect();
    // Common words add their BM25 to documents that match, without making
    // more documents match.
    let common: Vec<Q> = common.into_iter().map(Unit::query).collect();
    let with_common = |required: Vec<(Occur, Q)>| -> Vec<(Occur, Q)> {
        let mut parts = required;
        parts.extend(common.iter().map(|q| (Occur::Should, q.box_clone())));
        parts
    };
    let every: Option<(Vec<(Occur, Q)>, f32)> = (units.len() >= 2).then(|| {
        let tiers = units.iter().map(Unit::max_tier).sum();
        let parts = units
            .iter()
            .map(|u| (Occur::Must, u.clone_query()))
            .collect();
        (with_common(parts), tiers)
    });
    // The proximity bonus is left to the rescoring of the best candidates,
    // which saves reading positions for every match.
    let rescore = if scored { bonus } else { Vec::new() };
    // Exclusions and filters, shared by the query and the intersection.
    let mut none = negs;
    if !scored {
        // Meeting documents have no searchable text, so only a query
        // without words could list them.
        none.push(keyword(fields.doc_kind, KIND_MEETING));
    }
    let (all, dates) = b.filters(query)?;
    let copy = |qs: &[Q]| -> Vec<Q> { qs.iter().map(|q| q.box_clone()).collect() };
    let rest: Vec<(Occur, Q)> = none
        .iter()
        .map(|q| (Occur::MustNot, q.box_clone()))
        .chain(all.iter().map(|q| (Occur::Must, q.box_clone())))
        .chain(dates.map(|d| (Occur::Must, d.query(fields.date))))
        .collect();
    let with_rest = |first: Vec<(Occur, Q)>| -> Q {
        let mut all = first;
        all.extend(rest.iter().map(|(o, q)| (*o, q.box_clone())));
        combine_parts(all)
    };
    let query: Q = if units.is_empty() {
        let main: Q = if clauses.iter().any(|c| !c.negated) {
            // Words were typed but none is searchable (":::", "\\"):
            // that asks for something, and nothing matches it.
            Box::new(EmptyQuery)
        } else {
            // Only exclusions, or no text: everything the filters allow.
            Box::new(AllQuery)
        };
        with_rest(vec![(Occur::Must, main)])
    } else if one_plain_word {
        // One word alone takes the filters into its unit, which can then
        // skip what cannot make the page, filtered or not.
        let mut units = units;
        match units.pop() {
            Some(unit) => unit.query_filtered(Filter::new(copy(&all), copy(&none), dates)),
            None => Box::new(EmptyQuery),
        }
    } else {
        let required = should(units.into_iter().map(Unit::query).collect());
        with_rest(with_common(vec![(Occur::Must, required)]))
    };
    let conjunction = every.map(|(parts, tiers)| (with_rest(parts), tiers));
    Ok(Built {
        query,
        conjunction,
        counting: Counting {
            any,
            any_terms,
            all,
            none,
            dates,
        },
        prunable: one_plain_word,
        rescore,
        highlighter: b.hl,
        scored,
    })
}

fn keyword(field: Field, value: &str) -> Q {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn term_q(field: Field, text: &str) -> Q {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn boost(q: Q, by: f32) -> Q {
    Box::new(BoostQuery::new(q, by))
}

/// A boolean query of `parts`, or the one part alone when it is required (a
/// boolean layer over one clause only costs a virtual call per document).
fn combine_parts(parts: Vec<(Occur, Q)>) -> Q {
    if parts.len() == 1 && parts[0].0 == Occur::Must {
        return parts
            .into_iter()
            .next()
            .map_or_else(|| Box::new(EmptyQuery) as Q, |(_, q)| q);
    }
    Box::new(BooleanQuery::new(parts))
}

fn should(qs: Vec<Q>) -> Q {
    combine(Occur::Should, qs)
}

fn must(qs: Vec<Q>) -> Q {
    combine(Occur::Must, qs)
}

/// One clause stands for itself; a boolean query of one clause would only add
/// a scorer layer.
fn combine(occur: Occur, qs: Vec<Q>) -> Q {
    if qs.len() == 1 {
        return qs
            .into_iter()
            .next()
            .unwrap_or_else(|| Box::new(EmptyQuery));
    }
    Box::new(BooleanQuery::new(
        qs.into_iter().map(|q| (occur, q)).collect(),
    ))
}

impl Builder<'_> {
    /// The fields to look a word up in: all, or content only.
    fn fields(&self, content_only: bool) -> Vec<(Field, f32)> {
        self.fields
            .weighted()
            .into_iter()
            .filter(|(_, _, w)| !content_only || *w == Weight::Content)
            .map(|(f, b, _)| (f, b))
            .collect()
    }

    /// `make` in each field, boosted by the field's weight times `scale`,
    /// granting `tier` where the field is a content field.
    fn children(
        &self,
        content_only: bool,
        make: &dyn Fn(Field) -> Q,
        scale: f32,
        tier: f32,
    ) -> Vec<(Q, f32)> {
        self.fields
            .weighted()
            .into_iter()
            .filter(|(_, _, w)| !content_only || *w == Weight::Content)
            .map(|(f, b, w)| {
                let tier = if w == Weight::Content { tier } else { 0.0 };
                (boost(make(f), b * scale), tier)
            })
            .collect()
    }

    fn analyze(&mut self, text: &str) -> Result<Vec<Pos>> {
        let mut out: Vec<Pos> = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            if t.text.is_empty() {
                continue;
            }
            if let Some(last) = out.last_mut().filter(|p| p.pos == t.position) {
                if t.text != last.whole && !last.alts.contains(&t.text) {
                    last.alts.push(t.text.clone());
                }
                continue;
            }
            out.push(Pos {
                pos: t.position,
                whole: t.text.clone(),
                alts: Vec::new(),
                raw: text
                    .get(t.offset_from..t.offset_to)
                    .unwrap_or("")
                    .to_string(),
            });
        }
        self.positions += out.len();
        if self.positions > MAX_POSITIONS {
            return Err(Error::Query {
                query: text.chars().take(40).collect(),
                message: format!(
                    "the query expands to more than {MAX_POSITIONS} words: shorten it"
                ),
            });
        }
        Ok(out)
    }

    /// Units, exclusions and proximity bonuses of a list of clauses.
    fn clauses(&mut self, clauses: &[Clause]) -> Result<(Vec<Unit>, Vec<Q>, Vec<PairBonus>)> {
        let mut units = Vec::new();
        let mut negs = Vec::new();
        let mut bonus = Vec::new();
        let mut run = String::new();
        for c in clauses {
            if let (false, Node::Word(w)) = (c.negated, &c.node) {
                // Adjacent words are analysed together, so the analyzer sees
                // "5 162 844" and "psykisk hälsa" as running text.
                run.push_str(w);
                run.push(' ');
                continue;
            }
            self.flush_run(&mut run, &mut units, &mut bonus)?;
            if c.negated {
                let saved = (std::mem::take(&mut self.hl), self.fallbacks);
                self.fallbacks = false;
                let unit = self.node(&c.node)?;
                (self.hl, self.fallbacks) = saved;
                if let Some(u) = unit {
                    negs.push(Box::new(Excluded(u.query())) as Q);
                }
            } else if let Some(u) = self.node(&c.node)? {
                units.push(u);
            }
        }
        self.flush_run(&mut run, &mut units, &mut bonus)?;
        Ok((units, negs, bonus))
    }

    fn flush_run(
        &mut self,
        run: &mut String,
        units: &mut Vec<Unit>,
        bonus: &mut Vec<PairBonus>,
    ) -> Result<()> {
        if run.is_empty() {
            return Ok(());
        }
        let positions = self.analyze(run)?;
        run.clear();
        for pair in positions.windows(2) {
            let gap = pair[1].pos.saturating_sub(pair[0].pos).max(1);
            let fields = self
                .fields
                .phrase_fields()
                .into_iter()
                .map(|(f, b)| (f, 0.5 * b))
                .collect();
            bonus.push(PairBonus::new(
                &pair[0].whole,
                &pair[1].whole,
                u32::try_from(gap).unwrap_or(u32::MAX),
                fields,
                TIE,
            ));
        }
        for p in &positions {
            units.push(self.word(p)?);
        }
        Ok(())
    }

    fn node(&mut self, node: &Node) -> Result<Option<Unit>> {
        Ok(match node {
            Node::Word(w) => {
                let positions = self.analyze(w)?;
                let mut units = Vec::new();
                for p in &positions {
                    units.push(self.word(p)?);
                }
                all_of(units)
            }
            Node::Phrase(p) => self.phrase(p)?,
            Node::Prefix(p) => Some(self.prefix(p)?),
            Node::Or(alts) => {
                let mut units = Vec::new();
                for a in alts {
                    units.extend(self.node(a)?);
                }
                // One unit over every alternative's children: the best
                // alternative scores, and grants its tier once.
                if units.is_empty() {
                    None
                } else {
                    Some(Unit {
                        common: false,
                        children: units.into_iter().flat_map(|u| u.children).collect(),
                        terms: None,
                    })
                }
            }
            Node::Group(clauses) => {
                let (units, negs, _) = self.clauses(clauses)?;
                if units.is_empty() {
                    None
                } else {
                    let mut parts: Vec<(Occur, Q)> = units
                        .into_iter()
                        .map(|u| (Occur::Must, u.query()))
                        .collect();
                    parts.extend(negs.into_iter().map(|q| (Occur::MustNot, q)));
                    Some(Unit::whole(Box::new(BooleanQuery::new(parts))))
                }
            }
        })
    }

    /// A word: its whole form, or all its parts; with fallbacks when it is
    /// (nearly) absent from the index.
    fn word(&mut self, p: &Pos) -> Result<Unit> {
        let common = self.is_common(&p.whole);
        // Marking every "och" and "för" in a snippet hides the words that
        // matter.
        if !common && !crate::analysis::is_stop_word(&p.whole) {
            self.hl.exact.insert(p.whole.clone());
            self.hl.exact.extend(p.alts.iter().cloned());
        }
        let exact = |f: Field| -> Q {
            let whole = term_q(f, &p.whole);
            match p.alts.len() {
                0 => whole,
                1 => should(vec![whole, boost(term_q(f, &p.alts[0]), 0.6)]),
                _ => should(vec![
                    whole,
                    boost(must(p.alts.iter().map(|a| term_q(f, a)).collect()), 0.6),
                ]),
            }
        };
        let df = self.exact_doc_freq(p);
        if common {
            // A word most documents hold ("och", "av", "för") says nothing
            // about which of them is meant: it must not decide the tier of
            // a short item that happens to lack it. BM25 still counts it.
            return Ok(Unit {
                common: true,
                children: self.children(false, &exact, 1.0, 0.0),
                terms: None,
            });
        }
        let mut children = self.children(false, &exact, 1.0, TIER);
        let plain = children.len();

        if self.fallbacks && df <= FEW {
            let variants = self.folded_variants(p);
            if !variants.is_empty() {
                self.hl.exact.extend(variants.iter().cloned());
                let folded =
                    |f: Field| -> Q { should(variants.iter().map(|v| term_q(f, v)).collect()) };
                children.extend(self.children(false, &folded, 0.7, 0.9 * TIER));
            }
            let typos = self.typo_expansions(p, df)?;
            if !typos.is_empty() {
                self.hl.exact.extend(typos.iter().cloned());
                let fuzzy =
                    |f: Field| -> Q { should(typos.iter().map(|v| term_q(f, v)).collect()) };
                children.extend(self.children(true, &fuzzy, 0.3, 0.5 * TIER));
            }
        }
        // A word without compound parts or fallbacks is one term per field.
        let terms = (p.alts.is_empty() && children.len() == plain).then(|| {
            self.fields
                .weighted()
                .into_iter()
                .map(|(f, b, w)| {
                    let tier = if w == Weight::Content { TIER } else { 0.0 };
                    (Term::from_field_text(f, &p.whole), b, tier)
                })
                .collect()
        });
        Ok(Unit {
            common: false,
            children,
            terms,
        })
    }

    /// Index terms within the word's typo distance, most frequent first.
    ///
    /// The Levenshtein automaton is built once and run over each content
    /// field's dictionary: building it is the expensive part, so this is
    /// much faster than one `FuzzyTermQuery` per field.
    fn typo_expansions(&self, p: &Pos, df: u64) -> Result<Vec<String>> {
        let Some(d) = typo_distance(&p.whole) else {
            return Ok(Vec::new());
        };
        // A word that does occur is more likely right than a typo: it only
        // gets the cheap distance 1 (the distance-2 automaton of a long word
        // takes milliseconds to build).
        let d = if df > 0 { 1 } else { d };
        let dfa = FuzzyTermQuery::new(Term::from_field_text(self.fields.text, &p.whole), d, true)
            .automaton()?;
        let mut freq: HashMap<String, u64> = HashMap::new();
        for (field, _) in self.fields(true) {
            for segment in self.searcher.segment_readers() {
                let inverted = segment.inverted_index(field)?;
                let mut stream = inverted
                    .terms()
                    .search(&dfa)
                    .into_stream()
                    .map_err(|e| Error::Tantivy(e.into()))?;
                let mut scanned = 0;
                while stream.advance() && scanned < MAX_PREFIX_SCAN {
                    scanned += 1;
                    if let Ok(t) = std::str::from_utf8(stream.key()) {
                        if t != p.whole {
                            *freq.entry(t.to_string()).or_default() +=
                                u64::from(stream.value().doc_freq);
                        }
                    }
                }
            }
        }
        let mut terms: Vec<(String, u64)> = freq.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(terms
            .into_iter()
            .take(MAX_TYPO_TERMS)
            .map(|(t, _)| t)
            .collect())
    }

    /// Whether a word is too common to count towards
    /// "contains every query word": in more than a third of the documents
    /// (and more than a handful, so tiny indexes keep every word).
    fn is_common(&self, term: &str) -> bool {
        // The most of any one field: a word in both the title and the text
        // of a document is still in one document.
        let df = self
            .fields(true)
            .into_iter()
            .map(|(f, _)| {
                self.searcher
                    .doc_freq(&Term::from_field_text(f, term))
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        df > COMMON_MIN_DOCS && df * 3 > self.searcher.num_docs()
    }

    /// How many documents hold the word (whole, or its parts at best) in a
    /// content field.
    fn exact_doc_freq(&self, p: &Pos) -> u64 {
        let df = |t: &str| -> u64 {
            self.fields(true)
                .into_iter()
                .map(|(f, _)| {
                    self.searcher
                        .doc_freq(&Term::from_field_text(f, t))
                        .unwrap_or(0)
                })
                .sum()
        };
        let whole = df(&p.whole);
        let parts = p.alts.iter().map(|a| df(a)).min().unwrap_or(0);
        whole + parts
    }

    /// Index terms of the word's spellings with å, ä or ö where the user
    /// typed a or o, most frequent first (at most four).
    fn folded_variants(&mut self, p: &Pos) -> Vec<String> {
        let raw = p.raw.to_lowercase();
        if raw.is_empty() || raw.contains(['å', 'ä', 'ö', 'é', 'ü']) {
            return Vec::new();
        }
        let mut spellings = vec![String::new()];
        for c in raw.chars() {
            let options: &[char] = match c {
                'a' => &['a', 'ä', 'å'],
                'o' => &['o', 'ö'],
                _ => &[],
            };
            if options.is_empty() || spellings.len() * options.len() > MAX_FOLD_VARIANTS {
                spellings.iter_mut().for_each(|s| s.push(c));
            } else {
                spellings = spellings
                    .iter()
                    .flat_map(|s| {
                        options.iter().map(move |o| {
                            let mut s = s.clone();
                            s.push(*o);
                            s
                        })
                    })
                    .collect();
            }
        }
        let mut found: HashMap<String, u64> = HashMap::new();
        for s in spellings.iter().filter(|s| **s != raw) {
            let t = {
                let mut stream = self.analyzer.token_stream(s);
                if !stream.advance() {
                    continue;
                }
                stream.token().text.clone()
            };
            if t == p.whole || found.contains_key(&t) {
                continue;
            }
            let pos = Pos {
                pos: 0,
                whole: t.clone(),
                alts: Vec::new(),
                raw: String::new(),
            };
            let df = self.exact_doc_freq(&pos);
            if df > 0 {
                found.insert(t, df);
            }
        }
        let mut found: Vec<(String, u64)> = found.into_iter().collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        found.into_iter().take(4).map(|(t, _)| t).collect()
    }

    fn phrase(&mut self, text: &str) -> Result<Option<Unit>> {
        let positions = self.analyze(text)?;
        match positions.len() {
            0 => return Ok(None),
            1 => return self.word(&positions[0]).map(Some),
            _ => {}
        }
        for p in &positions {
            self.hl.exact.insert(p.whole.clone());
        }
        let first = positions[0].pos;
        // Two adjacent words, the first a pair word: the pair field has the
        // phrase's documents and frequencies (see `super::pair`).
        let pair = match &positions[..] {
            [a, b] if b.pos == a.pos + 1 && is_pair_word(&a.whole) => {
                Some((a.whole.clone(), b.whole.clone()))
            }
            _ => None,
        };
        let fields = self.fields;
        let make = |f: Field| -> Q {
            if let (Some((a, b)), Some(pairs)) = (&pair, fields.pairs_of(f)) {
                return Box::new(PairQuery::new(f, pairs, a, b));
            }
            Box::new(PhraseQuery::new_with_offset(
                positions
                    .iter()
                    .map(|p| (p.pos - first, Term::from_field_text(f, &p.whole)))
                    .collect(),
            ))
        };
        // A phrase in a content field grants the tier. The group's name is
        // indexed without positions (it repeats on every item): there all
        // the phrase's words count, as meeting metadata, without a tier.
        let mut children: Vec<(Q, f32)> = self
            .fields
            .phrase_fields()
            .into_iter()
            .map(|(f, b)| (boost(make(f), b), TIER))
            .collect();
        let body = self.fields.body;
        let in_body = must(positions.iter().map(|p| term_q(body, &p.whole)).collect());
        let body_boost = self
            .fields
            .weighted()
            .into_iter()
            .find(|(f, _, _)| *f == body)
            .map_or(0.4, |(_, b, _)| b);
        children.push((boost(in_body, body_boost), 0.0));
        Ok(Some(Unit {
            common: false,
            children,
            terms: None,
        }))
    }

    fn prefix(&mut self, raw: &str) -> Result<Unit> {
        let prefix = raw.to_lowercase();
        let mut freq: HashMap<String, u64> = HashMap::new();
        for (field, _) in self.fields(false) {
            for segment in self.searcher.segment_readers() {
                let inverted = segment.inverted_index(field)?;
                let mut stream = inverted
                    .terms()
                    .range()
                    .ge(prefix.as_bytes())
                    .into_stream()
                    .map_err(|e| Error::Tantivy(e.into()))?;
                let mut scanned = 0;
                while stream.advance() && scanned < MAX_PREFIX_SCAN {
                    scanned += 1;
                    let key = stream.key();
                    if !key.starts_with(prefix.as_bytes()) {
                        break;
                    }
                    if let Ok(t) = std::str::from_utf8(key) {
                        *freq.entry(t.to_string()).or_default() +=
                            u64::from(stream.value().doc_freq);
                    }
                }
            }
        }
        let mut terms: Vec<(String, u64)> = freq.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(MAX_PREFIX_TERMS);
        self.hl.prefixes.push(prefix);
        if terms.is_empty() {
            return Ok(Unit {
                common: false,
                children: Vec::new(),
                terms: None,
            });
        }
        let make = |f: Field| -> Q { should(terms.iter().map(|(t, _)| term_q(f, t)).collect()) };
        Ok(Unit {
            common: false,
            children: self.children(false, &make, 1.0, TIER),
            terms: None,
        })
    }

    /// The filters of `query`: the date window apart, since it is checked
    /// on the date column where it can be.
    fn filters(&mut self, query: &Query) -> Result<(Vec<Q>, Option<DateWindow>)> {
        let f = self.fields;
        let mut out = Vec::new();
        if query.decisions_only || query.outcome.is_some() {
            out.push(keyword(f.doc_kind, KIND_DECISION));
        }
        if let Some(o) = query.outcome {
            out.push(keyword(f.outcome, o.as_str()));
        }
        if let Some(body) = &query.body {
            // The filter's words only, not the query's count of positions.
            let before = self.positions;
            let words: Vec<Q> = self
                .analyze(body)?
                .iter()
                .map(|p| keyword(f.body, &p.whole))
                .collect();
            self.positions = before;
            if !words.is_empty() {
                out.push(must(words));
            }
        }
        let dates = DateWindow {
            from: query
                .from
                .as_deref()
                .map(|d| date_bound(d, false))
                .transpose()?,
            to: query
                .to
                .as_deref()
                .map(|d| date_bound(d, true))
                .transpose()?,
        };
        let dates = (dates.from.is_some() || dates.to.is_some()).then_some(dates);
        Ok((out, dates))
    }
}

/// All of several units as one (a word the analyzer splits, "hab/rehab").
fn all_of(units: Vec<Unit>) -> Option<Unit> {
    match units.len() {
        0 => None,
        1 => units.into_iter().next(),
        _ => Some(Unit::whole(must(
            units.into_iter().map(Unit::query).collect(),
        ))),
    }
}

/// The edit distance tolerated for a word of this length, if any.
fn typo_distance(term: &str) -> Option<u8> {
    if term.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    match term.chars().count() {
        0..=4 => None,
        5..=8 => Some(1),
        _ => Some(2),
    }
}

/// The start of the period `s` names (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or
/// with `end`, the start of the period after it.
fn date_bound(s: &str, end: bool) -> Result<tantivy::DateTime> {
    let invalid = || Error::InvalidArgument {
        message: format!("invalid date {s:?}: use YYYY-MM-DD, YYYY-MM or YYYY"),
    };
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize| -> Result<i64> {
        parts
            .get(i)
            .filter(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse().ok())
            .ok_or_else(invalid)
    };
    let (y, m, d) = match parts.len() {
        1 => (num(0)?, 1, 1),
        2 => (num(0)?, num(1)?, 1),
        3 => (num(0)?, num(1)?, num(2)?),
        _ => return Err(invalid()),
    };
    let start = parse_date(&format!("{y:04}-{m:02}-{d:02}")).ok_or_else(invalid)?;
    if !end {
        return Ok(start);
    }
    let next = match parts.len() {
        1 => parse_date(&format!("{:04}-01-01", y + 1)),
        2 if m == 12 => parse_date(&format!("{:04}-01-01", y + 1)),
        2 => parse_date(&format!("{y:04}-{:02}-01", m + 1)),
        _ => Some(tantivy::DateTime::from_timestamp_secs(
            start.into_timestamp_secs() + 86_400,
        )),
    };
    next.ok_or_else(invalid)
}

/// An excluded clause (`-word`, `NOT "a phrase"`), shielded from a tantivy
/// 0.27 bug: its `Exclude` asks the excluded scorer about documents behind
/// the one that scorer already stands on (quickwit-oss/tantivy#2811), which
/// phrase scorers forbid with a debug assertion, so `-"2 2"` panicked in
/// debug builds. The shield answers such questions itself with
/// `DocSet`'s default `seek_danger`, which only ever seeks forward; the
/// answer is the same in every build.
#[derive(Debug)]
struct Excluded(Q);

impl Clone for Excluded {
    fn clone(&self) -> Excluded {
        Excluded(self.0.box_clone())
    }
}

impl TantivyQuery for Excluded {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn TantivyWeight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn TantivyWeight>);

impl TantivyWeight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ExcludedScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// Forwards everything but `seek_danger`.
struct ExcludedScorer(Box<dyn Scorer>);

impl DocSet for ExcludedScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for ExcludedScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_cover_whole_periods() {
        let check = |s: &str, end: bool, expected: &str| {
            let got = date_bound(s, end).unwrap().into_timestamp_secs();
            assert_eq!(
                got,
                parse_date(expected).unwrap().into_timestamp_secs(),
                "{s}"
            );
        };
        check("2020", false, "2020-01-01");
        check("2020", true, "2021-01-01");
        check("2020-12", true, "2021-01-01");
        check("2020-02", true, "2020-03-01");
        check("2020-12-04", true, "2020-12-05");
        check("2020-12-04", false, "2020-12-04");
        assert!(date_bound("igår", false).is_err());
        assert!(date_bound("2020-13", false).is_err());
    }

    #[test]
    fn typo_tolerance_grows_with_length() {
        assert_eq!(typo_distance("vård"), None);
        assert_eq!(typo_distance("budget"), Some(1));
        assert_eq!(typo_distance("trakeostomi"), Some(2));
        assert_eq!(typo_distance("2020"), None);
    }
}
