//! Per-thread memo tables for the stemmer and the compound splitter.
//!
//! Minutes repeat their words, so both filters remember what they computed.
//! Two things made that memo slow when each filter instance owned a
//! `HashMap<String, _>`:
//!
//! - tantivy clones the analyzer for every field of every segment it
//!   writes, so each clone started empty and learnt the same words again
//!   (at 100k items, 10 text fields and 2 indexing threads make about 80
//!   cold tables), and
//! - a hit chased pointers: control bytes, then the bucket, then the key's
//!   heap bytes, then the value's. Profiles showed the stemmer stalled on
//!   those loads more than on anything it computes.
//!
//! Here one table per thread serves every analyzer on that thread (index
//! and folded chains alike: the memoised functions depend on the word alone),
//! and words of up to [`MAX_WORD`] bytes are stored inline, so a hit reads
//! the control bytes and one bucket. Longer words are not memoised. Each
//! table is cleared when it reaches [`LIMIT`] entries, which bounds it at a
//! few MB per thread.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use super::lexicon::FastMap;

/// The longest word (in bytes) a table remembers.
pub(crate) const MAX_WORD: usize = 31;

/// Entries a table holds before it is cleared.
const LIMIT: usize = 100_000;

/// A short string stored inline: the length in the first byte, then the
/// bytes, zero-padded, as four machine words so that hashing and comparing
/// are a few integer operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word([u64; 4]);

impl Word {
    /// `s` as a `Word`, or `None` when it is longer than [`MAX_WORD`].
    #[inline]
    pub(crate) fn new(s: &str) -> Option<Word> {
        if s.len() > MAX_WORD {
            return None;
        }
        let mut bytes = [0u8; 32];
        bytes[0] = s.len() as u8;
        bytes[1..=s.len()].copy_from_slice(s.as_bytes());
        let mut words = [0u64; 4];
        for (w, chunk) in words.iter_mut().zip(bytes.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            *w = u64::from_le_bytes(b);
        }
        Some(Word(words))
    }

    /// Appends the string to `out`.
    #[inline]
    pub(crate) fn push_to(&self, out: &mut String) {
        let mut bytes = [0u8; 32];
        for (chunk, w) in bytes.chunks_exact_mut(8).zip(self.0) {
            chunk.copy_from_slice(&w.to_le_bytes());
        }
        let len = usize::from(bytes[0]).min(MAX_WORD);
        // Always valid: the bytes were copied from a `str`.
        if let Ok(s) = std::str::from_utf8(&bytes[1..=len]) {
            out.push_str(s);
        }
    }
}

impl Hash for Word {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        for w in self.0 {
            state.write_u64(w);
        }
    }
}

/// A bounded memo from short words to `V`.
pub(crate) struct Memo<V> {
    map: FastMap<Word, V>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            map: FastMap::default(),
        }
    }
}

impl<V> Memo<V> {
    #[inline]
    pub(crate) fn get(&self, key: &Word) -> Option<&V> {
        self.map.get(key)
    }

    pub(crate) fn insert(&mut self, key: Word, value: V) {
        if self.map.len() >= LIMIT {
            self.map.clear();
        }
        self.map.insert(key, value);
    }
}

thread_local! {
    /// Word as the tokenizer (or the fold filter) emits it → its stem.
    pub(crate) static STEMS: RefCell<Memo<Word>> = RefCell::new(Memo::default());
    /// Stem → the stems of its compound parts (empty: not a compound).
    pub(crate) static PARTS: RefCell<Memo<Vec<String>>> = RefCell::new(Memo::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str, fits: bool) {
        match Word::new(s) {
            Some(w) => {
                assert!(fits, "{s}");
                let mut out = String::from(">");
                w.push_to(&mut out);
                assert_eq!(out, format!(">{s}"));
            }
            None => assert!(!fits, "{s}"),
        }
    }

    #[test]
    fn words_round_trip_inline() {
        check("", true);
        check("och", true);
        check("hemgångsteamets", true);
        check(&"å".repeat(15), true);
        check(&"a".repeat(31), true);
        check(&"a".repeat(32), false);
        assert_ne!(Word::new("ab"), Word::new("ab\0"));
        assert_eq!(Word::new("kommun"), Word::new("kommun"));
    }

    #[test]
    fn a_full_memo_starts_over() {
        let mut m: Memo<u32> = Memo::default();
        for i in 0..LIMIT as u32 + 1 {
            m.insert(Word::new(&i.to_string()).unwrap(), i);
        }
        assert_eq!(m.map.len(), 1);
        assert_eq!(
            m.get(&Word::new(&LIMIT.to_string()).unwrap()),
            Some(&(LIMIT as u32))
        );
    }
}
