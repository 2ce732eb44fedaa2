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

/// A multiply-rotate hash (as rustc's FxHash) over eight bytes at a time: the
/// keys are short words, for which SipHash's setup cost dominates and whose
/// DoS resistance buys nothing here (the tables are fixed at build time, the
/// caches bounded).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fnv {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fnv {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

pub(crate) struct Lexicon {
    forms: FastMap<&'static str, u32>,
    stems: FastMap<String, u32>,
    /// The stem of every form whose stem differs from it, computed once here
    /// so that the analyzer stems a known word with one look-up.
    stem_of: FastMap<&'static str, Box<str>>,
    /// False while the stems are being computed: `known_stem` knows nothing yet.
    loaded: bool,
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
            stem_of: FastMap::default(),
            loaded: false,
        };
        // Stems come from the very stemmer the analyzer runs, so a part found
        // in a compound's stem always has the spelling the word gets alone.
        let mut stems: FastMap<String, u32> = FastMap::default();
        stems.reserve(lexicon.forms.len());
        let mut stem_of = FastMap::default();
        stem_of.reserve(lexicon.forms.len());
        let mut buf = String::new();
        for (&form, &n) in &lexicon.forms {
            buf.clear();
            super::swedish_stemmer::stem_into(form, &lexicon, &mut buf);
            if buf != form {
                stem_of.insert(form, Box::from(buf.as_str()));
            }
            match stems.get_mut(buf.as_str()) {
                Some(total) => *total += n,
                None => {
                    stems.insert(buf.clone(), n);
                }
            }
        }
        lexicon.stems = stems;
        lexicon.stem_of = stem_of;
        lexicon.loaded = true;
        lexicon
    }

    /// How often `form` occurs in the corpus (0 when below the threshold).
    #[inline]
    pub(crate) fn form(&self, form: &str) -> u32 {
        self.forms.get(form).copied().unwrap_or(0)
    }

    /// The stem of a known form, computed when the lexicon was loaded.
    #[inline]
    pub(crate) fn known_stem(&self, form: &str) -> Option<&str> {
        if !self.loaded {
            return None;
        }
        if let Some(stem) = self.stem_of.get(form) {
            return Some(stem);
        }
        self.forms.get_key_value(form).map(|(&f, _)| f)
    }

    /// How often words with this stem occur in the corpus.
    #[inline]
    pub(crate) fn stem(&self, stem: &str) -> u32 {
        self.stems.get(stem).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::LEXICON;

    #[test]
    fn loads_and_knows_swedish() {
        let start = std::time::Instant::now();
        let lex = &*LEXICON;
        let took = start.elapsed();
        assert!(lex.form("kommun") > 100 && lex.form("xyzzy") == 0);
        assert!(lex.stem("vård") > lex.form("vård"), "stems sum their forms");
        assert_eq!(lex.known_stem("kommunerna"), Some("kommun"));
        assert_eq!(lex.known_stem("kommun"), Some("kommun"));
        // Generous: debug builds on a loaded machine.
        assert!(took.as_secs() < 20, "loading took {took:?}");
    }
}
