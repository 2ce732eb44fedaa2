//! The typed query a caller builds: text in the query language plus filters.

use crate::Outcome;

/// A search: query text (see [`super::parser`] for its language), filters,
/// and which page of results to return.
///
/// ```
/// use protokoll::search::Query;
/// use protokoll::Outcome;
/// let q = Query::new("psykisk hälsa")
///     .from("2020-01-01")
///     .to("2020-12")
///     .decisions_only(true)
///     .outcome(Outcome::Approved)
///     .limit(20);
/// assert_eq!(q.text(), "psykisk hälsa");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub(crate) text: String,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) body: Option<String>,
    pub(crate) decisions_only: bool,
    pub(crate) outcome: Option<Outcome>,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) snippets: bool,
}

impl Query {
    /// A query for `text`, returning the first 10 hits with snippets.
    /// Empty text lists everything the filters let through, oldest first.
    pub fn new(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            from: None,
            to: None,
            body: None,
            decisions_only: false,
            outcome: None,
            limit: 10,
            offset: 0,
            snippets: true,
        }
    }

    /// Only meetings on or after `date`: `YYYY-MM-DD`, `YYYY-MM` (its first
    /// day) or `YYYY` (January 1st).
    pub fn from(mut self, date: impl Into<String>) -> Query {
        self.from = Some(date.into());
        self
    }

    /// Only meetings on or before `date`: `YYYY-MM-DD`, `YYYY-MM` (its last
    /// day) or `YYYY` (December 31st).
    pub fn to(mut self, date: impl Into<String>) -> Query {
        self.to = Some(date.into());
        self
    }

    /// Only meetings of a group whose name contains every word of `body`
    /// (analysed like the query, so "ledningsgrupp" finds "Ledningsgruppen").
    pub fn body(mut self, body: impl Into<String>) -> Query {
        self.body = Some(body.into());
        self
    }

    /// Only decisions, not agenda items.
    pub fn decisions_only(mut self, yes: bool) -> Query {
        self.decisions_only = yes;
        self
    }

    /// Only decisions with this outcome (implies [`Query::decisions_only`]).
    pub fn outcome(mut self, outcome: Outcome) -> Query {
        self.outcome = Some(outcome);
        self
    }

    /// At most `n` hits.
    pub fn limit(mut self, n: usize) -> Query {
        self.limit = n;
        self
    }

    /// Skips the first `n` hits (for paging).
    pub fn offset(mut self, n: usize) -> Query {
        self.offset = n;
        self
    }

    /// Whether to compute highlighted snippets (on by default).
    pub fn snippets(mut self, yes: bool) -> Query {
        self.snippets = yes;
        self
    }

    /// The query text.
    pub fn text(&self) -> &str {
        &self.text
    }
}
