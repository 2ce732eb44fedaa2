//! Snippets: the passage of a hit that best shows why it matched, with the
//! matched words marked.
//!
//! The text is run through the same index analyzer the field was indexed
//! with, so a token matches the query exactly when the index would have
//! matched it: "vaccinationsteamet" is marked for the query
//! "vaccinationsteam" (same stem), "hemsjukvården" for "sjukvård" (a
//! compound part). A mark always covers the whole word the token came from.

use std::collections::HashSet;
use std::ops::Range;

use serde::{Serialize, Serializer};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// Words around the best passage.
const WINDOW_WORDS: usize = 28;
/// Words shown before the first mark in the window.
const LEAD_WORDS: usize = 6;

/// A passage of text and the byte ranges in it to highlight.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Sorted, non-overlapping byte ranges into `text`.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The text split into `(fragment, highlighted)` pieces, in order.
    pub fn fragments(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut pieces = Vec::with_capacity(self.highlights.len() * 2 + 1);
        let mut at = 0;
        for r in &self.highlights {
            if r.start > at {
                pieces.push((&self.text[at..r.start], false));
            }
            pieces.push((&self.text[r.clone()], true));
            at = r.end;
        }
        if at < self.text.len() {
            pieces.push((&self.text[at..], false));
        }
        pieces.into_iter()
    }

    /// The snippet as HTML: text escaped, marks as `<b>..</b>`.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 * self.highlights.len());
        for (piece, marked) in self.fragments() {
            if marked {
                out.push_str("<b>");
            }
            for c in piece.chars() {
                match c {
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '&' => out.push_str("&amp;"),
                    c => out.push(c),
                }
            }
            if marked {
                out.push_str("</b>");
            }
        }
        out
    }

    /// Whether any word is marked.
    pub fn has_highlights(&self) -> bool {
        !self.highlights.is_empty()
    }
}

impl Serialize for Snippet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_html())
    }
}

/// The index terms a query matched, to recognise in a hit's text.
#[derive(Clone, Debug, Default)]
pub struct Highlighter {
    pub(crate) exact: HashSet<String>,
    pub(crate) prefixes: Vec<String>,
    /// Terms matched with typo tolerance, and the distance allowed.
    pub(crate) fuzzy: Vec<(String, u8)>,
}

impl Highlighter {
    fn matches(&self, token: &str) -> bool {
        self.exact.contains(token)
            || self.prefixes.iter().any(|p| token.starts_with(p.as_str()))
            || self
                .fuzzy
                .iter()
                .any(|(t, d)| within_distance(t, token, usize::from(*d)))
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.prefixes.is_empty() && self.fuzzy.is_empty()
    }

    /// The byte ranges of the whole words in `text` that hold a matched token.
    pub fn marks(&self, text: &str, analyzer: &mut TextAnalyzer) -> Vec<Range<usize>> {
        let mut marks: Vec<Range<usize>> = Vec::new();
        if self.is_empty() {
            return marks;
        }
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            if t.offset_from >= t.offset_to || t.offset_to > text.len() {
                continue;
            }
            if self.matches(&t.text) {
                let r = whole_word(text, t.offset_from..t.offset_to);
                match marks.last_mut() {
                    Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                    _ => marks.push(r),
                }
            }
        }
        marks.sort_by_key(|r| r.start);
        marks
    }
}

/// Widens `r` to the word it lies in (letters, digits and inner hyphens).
fn whole_word(text: &str, r: Range<usize>) -> Range<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\u{00AD}';
    let mut start = r.start;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    for (i, c) in text[..start].char_indices().rev() {
        if !is_word(c) {
            break;
        }
        start = i;
    }
    let mut end = r.end;
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    for (i, c) in text[end..].char_indices() {
        if !is_word(c) {
            end += i;
            return trim_hyphens(text, start..end);
        }
    }
    trim_hyphens(text, start..text.len())
}

fn trim_hyphens(text: &str, r: Range<usize>) -> Range<usize> {
    let word = &text[r.clone()];
    let lead = word.len() - word.trim_start_matches('-').len();
    let trail = word.len() - word.trim_end_matches('-').len();
    if lead + trail >= word.len() {
        return r;
    }
    r.start + lead..r.end - trail
}

/// Whether the edit distance (with transpositions) between `a` and `b` is
/// at most `max`, in characters. Inputs are single words, so the quadratic
/// table is small.
pub(crate) fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()] <= max
}

/// The best passage of `text` for the marks `marks`: the window of words
/// holding the most distinct marked words (then the most marks), the
/// earliest on a tie. Whitespace in the passage is collapsed to one space.
pub fn passage(text: &str, marks: &[Range<usize>]) -> Snippet {
    // Words as byte ranges.
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..text.len());
    }
    if words.is_empty() {
        return Snippet::default();
    }
    // Which words hold a mark.
    let mut marked = vec![false; words.len()];
    let mut mi = 0;
    for (wi, w) in words.iter().enumerate() {
        while mi < marks.len() && marks[mi].end <= w.start {
            mi += 1;
        }
        let mut k = mi;
        while k < marks.len() && marks[k].start < w.end {
            marked[wi] = true;
            k += 1;
        }
    }
    let mut best = (0usize, 0usize, 0usize); // (distinct, count, start)
    for (wi, _) in marked.iter().enumerate().filter(|(_, m)| **m) {
        // Near the end, show the full window's worth of words before.
        let s = wi
            .saturating_sub(LEAD_WORDS)
            .min(words.len().saturating_sub(WINDOW_WORDS));
        let e = (s + WINDOW_WORDS).min(words.len());
        let mut distinct = HashSet::new();
        let mut count = 0;
        for k in s..e {
            if marked[k] {
                count += 1;
                distinct.insert(text[words[k].clone()].to_lowercase());
            }
        }
        if (distinct.len(), count) > (best.0, best.1) {
            best = (distinct.len(), count, s);
        }
    }
    let s = best.2;
    let e = (s + WINDOW_WORDS).min(words.len());
    let mut out = Snippet::default();
    if s > 0 {
        out.text.push_str("… ");
    }
    for (k, w) in words[s..e].iter().enumerate() {
        if k > 0 {
            out.text.push(' ');
        }
        let base = out.text.len();
        out.text.push_str(&text[w.clone()]);
        for m in marks {
            let from = m.start.max(w.start);
            let to = m.end.min(w.end);
            if from < to {
                out.highlights
                    .push(base + from - w.start..base + to - w.start);
            }
        }
    }
    if e < words.len() {
        out.text.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::index_analyzer;

    fn check(text: &str, terms: &[&str], expected: &str) {
        let h = Highlighter {
            exact: terms.iter().map(|t| t.to_string()).collect(),
            ..Highlighter::default()
        };
        let marks = h.marks(text, &mut index_analyzer());
        assert_eq!(passage(text, &marks).to_html(), expected);
    }

    #[test]
    fn marks_whole_words_with_the_matched_stem() {
        check(
            "Utse en person som ska ingå i vaccinationsteamet.",
            &["vaccinationsteam"],
            "Utse en person som ska ingå i <b>vaccinationsteamet</b>.",
        );
        check(
            "Beslut: <godkänns> & klart",
            &["klart"],
            "Beslut: &lt;godkänns&gt; &amp; <b>klart</b>",
        );
    }

    #[test]
    fn long_text_is_cut_around_the_best_window() {
        let text = format!("{} budget {}", "ord ".repeat(40), "mer ".repeat(40));
        let snippet = {
            let h = Highlighter {
                exact: ["budget".to_string()].into(),
                ..Highlighter::default()
            };
            passage(&text, &h.marks(&text, &mut index_analyzer()))
        };
        let html = snippet.to_html();
        assert!(html.starts_with("… ord"), "{html}");
        assert!(html.contains("<b>budget</b>"), "{html}");
        assert!(html.ends_with(" …"), "{html}");
    }

    #[test]
    fn edit_distance_counts_transpositions_as_one() {
        assert!(within_distance("trakeostomi", "trackestomi", 2));
        assert!(!within_distance("trakeostomi", "trackestomi", 1));
        assert!(within_distance("budget", "bugdet", 1));
        assert!(!within_distance("a", "abc", 1));
    }
}
