//! The Swedish word lexicon: which word forms and stems exist, and how often.
//!
//! The data (`data/lexicon.tsv`, built by `scripts/build_lexicon.py` from the
//! Riksdag interpellations) is compiled into the library and parsed once, on
//! first use. Two tables come out of it:
//!
//! - **forms**: every form seen at least three times, with its count. The
//!   stemmer consults it to decide whether an ambiguous ending is an ending
//!   ("kommunen" → "kommun" is attested) or part of the word ("budget").
//! - **stems**: the same counts summed per stem, so that "vård", "vården" and
//!   "vårdens" all vote for "vård". The compound splitter asks it whether a
//!   part is a frequent word in its own right.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

static DATA: &str = include_str!("../../data/lexicon.tsv");

/// The lexicon, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// FNV-1a: the keys are short words, for which SipHash's setup cost dominates
/// and whose DoS resistance buys nothing (the table is fixed at build time).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

pub(crate) struct Lexicon {
    forms: FastMap<&'static str, u32>,
    stems: FastMap<String, u32>,
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut forms = FastMap::default();
        forms.reserve(60_000);
        for line in DATA.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((form, count)) = line.split_once('\t') else {
                continue;
            };
            if let Ok(n) = count.parse::<u32>() {
                forms.insert(form, n);
            }
        }
        let mut lexicon = Lexicon {
            forms,
            stems: FastMap::default(),
        };
        // Stems come from the very stemmer the analyzer runs, so a part found
        // in a compound's stem always has the spelling the word gets alone.
        let mut stems: FastMap<String, u32> = FastMap::default();
        stems.reserve(lexicon.forms.len());
        let mut buf = String::new();
        for (&form, &n) in &lexicon.forms {
            buf.clear();
            super::swedish_stemmer::stem_into(form, &lexicon, &mut buf);
            *stems.entry(buf.clone()).or_insert(0) += n;
        }
        lexicon.stems = stems;
        lexicon
    }

    /// How often `form` occurs in the corpus (0 when below the threshold).
    #[inline]
    pub(crate) fn form(&self, form: &str) -> u32 {
        self.forms.get(form).copied().unwrap_or(0)
    }

    /// How often words with this stem occur in the corpus.
    #[inline]
    pub(crate) fn stem(&self, stem: &str) -> u32 {
        self.stems.get(stem).copied().unwrap_or(0)
    }
}
