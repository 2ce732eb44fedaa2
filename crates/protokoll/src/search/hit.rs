//! Search results as callers and `--json` see them.

use serde::{Serialize, Serializer};

use super::snippet::Snippet;
use crate::{Decision, Outcome};

/// The hits of one search, best first.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    /// The query text as given.
    pub query: String,
    /// How many documents matched in all (not only this page).
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// One agenda item or decision that matched.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// Higher is better. Every query part a hit contains adds a large
    /// constant to its BM25 score, so hits are ordered first by how much of
    /// the query they contain.
    #[serde(serialize_with = "rounded")]
    pub score: f32,
    pub kind: HitKind,
    /// The file name as indexed.
    pub source: String,
    pub meeting: HitMeeting,
    pub item: HitItem,
    /// For a decision hit, the decision.
    pub decision: Option<HitDecision>,
    /// A passage with the matched words marked; `<b>..</b>` in JSON.
    pub snippet: Snippet,
    /// For an item hit, the item's decisions (not part of the JSON contract).
    #[serde(skip)]
    pub decisions: Vec<Decision>,
    /// The path the file was indexed from.
    #[serde(skip)]
    pub path: String,
}

/// Whether a hit is an agenda item or one decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Item,
    Decision,
}

/// The meeting a hit belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HitMeeting {
    pub date: Option<String>,
    pub body: Option<String>,
    pub kind: Option<String>,
}

/// The agenda item a hit is (or belongs to).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HitItem {
    pub ordinal: u32,
    pub number: Option<String>,
    pub title: String,
}

/// The decision of a decision hit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HitDecision {
    pub text: String,
    pub outcome: Outcome,
}

fn rounded<S: Serializer>(score: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*score) * 1000.0).round() / 1000.0)
}
