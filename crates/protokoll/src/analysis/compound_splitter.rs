//! Compound splitting: "hemsjukvård" also yields "hem" and "sjukvård".
//!
//! Swedish writes compounds as one word, so a search for "team" would never
//! find "vaccinationsteamet" by its whole-word term. This filter keeps the
//! stemmed whole word as the first token and adds its parts, stemmed, at the
//! same position.
//!
//! The split follows Koehn & Knight (2003): a word splits only into parts that
//! are frequent words in their own right (per the corpus lexicon), and only
//! when the parts together are more common than the word itself, so that
//! "kommun" (common) is not "kom" + "mun" (rare) while an unseen compound
//! splits readily. Parts are joined by the linking morphemes `-s-`, `-e-`,
//! `-a-`, `-u-`, `-o-` or with the first part's final vowel dropped
//! ("kvinnoklinik", "gatubelysning", "skolbarn"; the lexicon's stems already
//! lack that vowel). Every part has at least three letters, function words and
//! prefixes ("för", "av", "be", "över") are never parts, and fewer parts win
//! over more.
//!
//! Hyphen and slash groups from the tokenizer are expanded here too:
//! "it-attack" gives the joined "itattack" then "it" and "attack";
//! "hab/rehab" gives "hab/rehab", "hab", "rehab"; "2024-12-31" stays whole
//! and adds its numbers.

use std::collections::VecDeque;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::lexicon::{Lexicon, LEXICON};
use super::memo::{Word, PARTS};
use super::swedish_stemmer::{nchars, stem_into};

/// Token filter that adds the parts of compounds and hyphen groups.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompoundSplitter;

impl TokenFilter for CompoundSplitter {
    type Tokenizer<T: Tokenizer> = CompoundSplitterFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CompoundSplitterFilter<T> {
        CompoundSplitterFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct CompoundSplitterFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CompoundSplitterFilter<T> {
    type TokenStream<'a> = CompoundSplitterStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CompoundSplitterStream {
            tail: self.inner.token_stream(text),
            _filter: std::marker::PhantomData,
            pending: VecDeque::new(),
            current: Token::default(),
            from_pending: false,
            seen: Vec::new(),
            seen_len: 0,
            seen_position: usize::MAX,
        }
    }
}

pub struct CompoundSplitterStream<'a, T> {
    tail: T,
    /// Ties the stream to its filter, as tantivy's API expects.
    _filter: std::marker::PhantomData<&'a mut ()>,
    pending: VecDeque<Token>,
    current: Token,
    from_pending: bool,
    /// Texts already emitted at `seen_position`, so a part that an earlier
    /// token at the same position also produced is not repeated.
    seen: Vec<String>,
    seen_len: usize,
    seen_position: usize,
}

impl<T: TokenStream> CompoundSplitterStream<'_, T> {
    /// Notes `text` as emitted at `position`; false when it already was.
    /// The strings of `seen` are reused, so this allocates only while the
    /// most alternatives at one position grows.
    fn remember(&mut self, position: usize, text: &str) -> bool {
        if position != self.seen_position {
            self.seen_len = 0;
            self.seen_position = position;
        }
        if self.seen[..self.seen_len].iter().any(|s| s == text) {
            return false;
        }
        if self.seen_len == self.seen.len() {
            self.seen.push(String::new());
        }
        let slot = &mut self.seen[self.seen_len];
        slot.clear();
        slot.push_str(text);
        self.seen_len += 1;
        true
    }
}

impl<T: TokenStream> TokenStream for CompoundSplitterStream<'_, T> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(token) = self.pending.pop_front() {
                self.current = token;
                self.from_pending = true;
                return true;
            }
            if !self.tail.advance() {
                return false;
            }
            let position = self.tail.token().position;
            let (first, parts) = alternatives(&self.tail.token().text);
            let first_is_new = match &first {
                Some(f) => self.remember(position, f),
                None => {
                    let text = std::mem::take(&mut self.tail.token_mut().text);
                    let new = self.remember(position, &text);
                    self.tail.token_mut().text = text;
                    new
                }
            };
            let mut extra = Vec::new();
            for p in parts {
                if self.remember(position, &p) {
                    extra.push(p);
                }
            }
            let token = self.tail.token();
            if first.is_none() && extra.is_empty() {
                if !first_is_new {
                    continue;
                }
                self.from_pending = false;
                return true;
            }
            if first_is_new {
                let mut whole = token.clone();
                if let Some(f) = first {
                    whole.text = f;
                }
                self.pending.push_back(whole);
            }
            for text in extra {
                self.pending.push_back(Token {
                    text,
                    ..token.clone()
                });
            }
        }
    }

    fn token(&self) -> &Token {
        if self.from_pending {
            &self.current
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.from_pending {
            &mut self.current
        } else {
            self.tail.token_mut()
        }
    }
}

/// The replacement for the token's own text (for hyphen groups) and the
/// extra tokens it yields.
fn alternatives(text: &str) -> (Option<String>, Vec<String>) {
    if text.contains(['-', '/']) && !text.ends_with('-') {
        return group(text);
    }
    // Fewer than six bytes are fewer than two three-letter parts.
    if text.len() < 2 * MIN_PART_LEN {
        return (None, Vec::new());
    }
    // Splitting tries many look-ups, and minutes repeat words: the thread's
    // memo (memo.rs) remembers the parts of each stem.
    let Some(key) = Word::new(text) else {
        return (
            None,
            split(text, &LEXICON).map(|p| p.texts).unwrap_or_default(),
        );
    };
    let hit = PARTS.with(|memo| {
        let memo = memo.try_borrow().ok()?;
        // Most words are no compounds: an empty Vec clones without allocating.
        memo.get(&key).cloned()
    });
    if let Some(parts) = hit {
        return (None, parts);
    }
    let parts = split(text, &LEXICON).map(|p| p.texts).unwrap_or_default();
    PARTS.with(|memo| {
        if let Ok(mut memo) = memo.try_borrow_mut() {
            memo.insert(key, parts.clone());
        }
    });
    (None, parts)
}

/// A hyphen or slash group as written → its whole form and its stemmed
/// segments: "it-attacken" → ("itattack", [it, attack]); "hab/rehab" →
/// ("hab/rehab", [hab, rehab]); "2024-12-31" → ("2024-12-31", [2024, 12, 31]).
/// The whole of a hyphen group is the stem of the word written without the
/// hyphen, so "Link-utbildning" meets "linkutbildningar".
fn group(text: &str) -> (Option<String>, Vec<String>) {
    let lex = &*LEXICON;
    let segments: Vec<String> = text
        .split(['-', '/'])
        .filter(|s| !s.is_empty())
        .map(|s| {
            let mut out = String::new();
            stem_into(s, lex, &mut out);
            out
        })
        .collect();
    let all_digits = text.chars().all(|c| c.is_ascii_digit() || c == '-');
    let whole = if text.contains('/') {
        segments.join("/")
    } else if all_digits {
        text.to_string()
    } else {
        let mut out = String::new();
        stem_into(&text.replace('-', ""), lex, &mut out);
        out
    };
    (Some(whole), segments)
}

/// A compound's split: the parts' texts (stems) and where the last part (the
/// head) starts in the stem that was split.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Split {
    pub(crate) texts: Vec<String>,
    pub(crate) head_start: usize,
}

/// Parts rarer than this are not trusted as words.
const MIN_PART_FREQ: u32 = 10;
/// A three-letter part must be a common word on its own ("dag", "tid",
/// "hem"): short rare words ("ägg" in "handläggare") are too easily found by
/// accident.
const SHORT_PART_FREQ: u32 = 100;
/// Parts shorter than this (in letters) are never split off.
const MIN_PART_LEN: usize = 3;

/// Splits a stem into its parts, or `None` when it is not (known to be) a compound.
pub(crate) fn split(stem: &str, lex: &Lexicon) -> Option<Split> {
    if nchars(stem) < 2 * MIN_PART_LEN || !stem.chars().all(char::is_alphabetic) {
        return None;
    }
    let whole = lex.stem(stem);
    let (parts, score) = best_split(stem, lex, 2)?;
    // Koehn & Knight: the parts must together be more common than the word.
    if score <= f64::from(whole) {
        return None;
    }
    let head_start = parts.last().map_or(0, |p| p.1);
    Some(Split {
        texts: parts.into_iter().map(|p| p.0).collect(),
        head_start,
    })
}

/// The best split of `s` into at most `depth + 1` parts: (text, start) per
/// part and the geometric mean of the parts' frequencies. Two parts are tried
/// before three.
fn best_split(s: &str, lex: &Lexicon, depth: usize) -> Option<(Vec<(String, usize)>, f64)> {
    let mut best: Option<(Vec<(String, usize)>, f64)> = None;
    for (i, _) in s.char_indices() {
        let (left, right) = s.split_at(i);
        if nchars(left) < MIN_PART_LEN || nchars(right) < MIN_PART_LEN {
            continue;
        }
        let fr = lex.stem(right);
        if fr < MIN_PART_FREQ || !content_word(right) || suffix_like(right) {
            continue;
        }
        if nchars(right) == MIN_PART_LEN && lex.form(right) < SHORT_PART_FREQ {
            continue;
        }
        // An -isk adjective ends in a suffix, not a word: "parlamentarisk" is
        // no "parlament" + "risk", while "socialdemokratisk" has "demokratisk".
        if s.ends_with("isk") && nchars(right) < 6 {
            continue;
        }
        let Some((ltext, fl)) = left_part(left, lex) else {
            continue;
        };
        // "angelägenhet" is "angelägen" + "het", not "angeläg" + "enhet".
        if right == "enhet" && lex.form(&format!("{left}en")) > 0 {
            continue;
        }
        let score = (f64::from(fl) * f64::from(fr)).sqrt();
        if best.as_ref().is_none_or(|b| score > b.1) {
            best = Some((vec![(ltext, 0), (right.to_string(), i)], score));
        }
    }
    if best.is_some() || depth < 2 {
        return best;
    }
    // Three parts: a left part, then a two-part split of the rest.
    for (i, _) in s.char_indices() {
        let (left, right) = s.split_at(i);
        if nchars(left) < MIN_PART_LEN || nchars(right) < 2 * MIN_PART_LEN {
            continue;
        }
        let Some((ltext, fl)) = left_part(left, lex) else {
            continue;
        };
        let Some((rest, rscore)) = best_split(right, lex, 1) else {
            continue;
        };
        let score = (f64::from(fl) * rscore * rscore).cbrt();
        if best.as_ref().is_none_or(|b| score > b.1) {
            let mut parts = vec![(ltext, 0)];
            parts.extend(rest.into_iter().map(|(t, at)| (t, at + i)));
            best = Some((parts, score));
        }
    }
    best
}

/// A first part as written in a compound ("ensamhets", "kvinno", "skol",
/// "barn") → its stem and frequency, or `None` when it is no word.
pub(crate) fn left_part(written: &str, lex: &Lexicon) -> Option<(String, u32)> {
    if !content_word(written) {
        return None;
    }
    let mut best: Option<(String, u32)> = None;
    let mut consider = |text: &str, linked_vowel: bool| {
        if nchars(text) < MIN_PART_LEN || !content_word(text) || suffix_like(text) {
            return;
        }
        // Three letters are a word only when written alone ("hem", "dag"),
        // or with a linking vowel that shows the word ("gatu-" for "gata").
        if nchars(text) == MIN_PART_LEN && !linked_vowel && lex.form(text) < SHORT_PART_FREQ {
            return;
        }
        // The part may be a stem ("skol", "kvinn") or a word whose stem is
        // known ("ansökning" → "ansök", "utskrivning" → "utskrivn").
        let fs = lex.stem(text);
        let mut with_e = String::with_capacity(text.len() + 1);
        with_e.push_str(text);
        with_e.push('e');
        let (stem, f) = if fs >= MIN_PART_FREQ {
            (text.to_string(), fs)
        } else if text.ends_with("ar") && lex.form(&with_e) >= MIN_PART_FREQ {
            // An agent noun without its final e: "lärar-" in "lärarutbildning".
            let mut st = String::new();
            stem_into(&with_e, lex, &mut st);
            let f = lex.stem(&st).max(lex.form(&with_e));
            (st, f)
        } else {
            if lex.form(text) < MIN_PART_FREQ && !text.ends_with("ing") {
                return;
            }
            let mut st = String::new();
            stem_into(text, lex, &mut st);
            let f = lex.stem(&st).max(lex.form(text));
            if f < MIN_PART_FREQ || !content_word(&st) {
                return;
            }
            (st, f)
        };
        if best.as_ref().is_none_or(|b| f > b.1) {
            best = Some((stem, f));
        }
    };
    consider(written, false);
    // A linking morpheme: ensamhet-s-, kvinn-o-, gat-u-, arbet-s-.
    if let Some(last) = written.chars().last() {
        if matches!(last, 's' | 'e' | 'a' | 'u' | 'o') {
            consider(&written[..written.len() - last.len_utf8()], last != 's');
        }
    }
    best
}

/// Function words and prefixes: never a part of a compound. A part that is
/// one of these plus a linking `s` ("förs") is also refused. "hand" is here
/// too: it starts lexicalized words far more often than compounds in minutes
/// ("handledning", "handläggning", "handräckning").
fn content_word(part: &str) -> bool {
    let bare = part.strip_suffix('s').unwrap_or(part);
    FUNCTION_WORDS.binary_search(&part).is_err() && FUNCTION_WORDS.binary_search(&bare).is_err()
}

/// Derivational endings that are frequent "words" only by accident, and verb
/// stems that head lexicalized particle verbs and their nouns ("handläggare",
/// "deltagare", "möjliggöra", "säkerställa"): never a part.
fn suffix_like(part: &str) -> bool {
    SUFFIX_LIKE.binary_search(&part).is_ok()
}

/// Sorted (binary search).
const FUNCTION_WORDS: &[&str] = &[
    "all", "alla", "allt", "an", "andra", "ang", "ange", "ann", "annan", "annat", "att", "av",
    "avse", "bak", "bakom", "bara", "be", "bland", "bort", "både", "de", "den", "denna", "deras",
    "dess", "dessa", "det", "detta", "dig", "din", "ditt", "där", "då", "efter", "egen", "eget",
    "ej", "eller", "en", "enligt", "er", "era", "ert", "ett", "fler", "flera", "fram", "från",
    "full", "få", "för", "före", "ge", "genom", "gå", "hand", "hans", "har", "hela", "hennes",
    "hon", "hos", "hur", "här", "i", "icke", "in", "ingen", "inget", "inn", "inne", "inom", "int",
    "inte", "inter", "kan", "kring", "man", "med", "mellan", "men", "mer", "mest", "min", "miss",
    "mitt", "mot", "mycket", "många", "ned", "ner", "när", "någon", "något", "några", "och",
    "olika", "om", "oss", "per", "på", "runt", "sam", "samm", "samma", "samman", "samt", "se",
    "sedan", "sig", "sin", "sina", "sitt", "själv", "ska", "skall", "som", "så", "ta", "till",
    "tills", "under", "upp", "ur", "ut", "utan", "vad", "var", "vara", "varje", "vars", "vem",
    "vi", "vid", "vilka", "vilken", "vissa", "väl", "vår", "våra", "vårt", "åt", "åter", "över",
    "överens",
];

/// Sorted (binary search).
const SUFFIX_LIKE: &[&str] = &[
    "ade", "and", "ande", "ant", "are", "arna", "ast", "ats", "bar", "bund", "bunden", "dom",
    "ell", "else", "end", "ende", "ens", "ent", "era", "ering", "erna", "ets", "följ", "gav",
    "ger", "gick", "giv", "givit", "gåend", "går", "gör", "het", "håll", "håller", "höll", "iker",
    "ing", "ion", "isk", "ism", "ist", "itet", "iv", "kom", "komm", "känd", "känn", "känt", "lek",
    "lig", "lägg", "lös", "nad", "ning", "sam", "skap", "ställ", "stå", "ståend", "tag", "tagand",
    "tagen", "tagit", "tagna", "tion", "tog", "ökand", "ör",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(word: &str) -> Vec<String> {
        let mut st = String::new();
        stem_into(word, &LEXICON, &mut st);
        split(&st, &LEXICON).map(|s| s.texts).unwrap_or_default()
    }

    fn check(word: &str, expected: &[&str]) {
        assert_eq!(parts(word), expected, "{word}");
    }

    #[test]
    fn tables_are_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(SUFFIX_LIKE.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn compounds_split() {
        check("hemsjukvård", &["hem", "sjukvård"]);
        check("vaccinationsteamet", &["vaccination", "team"]);
        check("ensamhetsstrategi", &["ensamhet", "strategi"]);
        check("skolbarn", &["skol", "barn"]);
    }

    #[test]
    fn non_compounds_do_not_split() {
        for w in [
            "beslut",
            "förslag",
            "avtal",
            "kostnad",
            "ordförande",
            "verksamhet",
            "region",
            "kommun",
            "landsting",
        ] {
            check(w, &[]);
        }
    }
}
