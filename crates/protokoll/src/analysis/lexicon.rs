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
/// The stems of the lexicon's forms, generated from DATA by this module's
/// test `stems_file_is_current` (run `cargo test -p protokoll lexicon` after
/// changing the stemmer or the lexicon).
static STEMS: &str = include_str!("../../data/stems.tsv");

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
    fn write_u64(&mut self, i: u64) {
        self.add(i);
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
    /// The forms and their counts, without stems yet.
    fn forms_only() -> Lexicon {
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
        Lexicon {
            forms,
            stems: FastMap::default(),
            stem_of: FastMap::default(),
            loaded: false,
        }
    }

    fn load() -> Lexicon {
        let mut lexicon = Lexicon::forms_only();
        // The stems of the forms were computed by this very stemmer and
        // stored in data/stems.tsv (the test `stems_file_is_current` keeps it
        // so), which saves stemming 54k words at start-up.
        let mut stem_of: FastMap<&'static str, Box<str>> = FastMap::default();
        stem_of.reserve(40_000);
        for (form, edit) in DATA
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(form, _)| form))
            .zip(STEMS.lines())
        {
            if let Some(stem) = apply_edit(form, edit) {
                stem_of.insert(form, stem.into_boxed_str());
            }
        }
        // A part found in a compound's stem has the spelling the word gets
        // alone, since both come from the same stemmer.
        let mut stems: FastMap<String, u32> = FastMap::default();
        stems.reserve(lexicon.forms.len());
        for (&form, &n) in &lexicon.forms {
            let stem = stem_of.get(form).map_or(form, |s| s);
            match stems.get_mut(stem) {
                Some(total) => *total += n,
                None => {
                    stems.insert(stem.to_string(), n);
                }
            }
        }
        lexicon.stems = stems;
        lexicon.stem_of = stem_of;
        lexicon.loaded = true;
        lexicon
    }

    /// The contents of data/stems.tsv as the current stemmer makes it: one
    /// line per form of data/lexicon.tsv, in its order, holding the edit from
    /// the form to its stem (see [`apply_edit`]), empty when they are equal.
    #[cfg(test)]
    fn stems_file() -> String {
        let lexicon = Lexicon::forms_only();
        let mut out = String::new();
        let mut buf = String::new();
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            if let Some((form, _)) = line.split_once('\t') {
                super::swedish_stemmer::stem_into(form, &lexicon, &mut buf);
                if buf != form {
                    let common: usize = form
                        .chars()
                        .zip(buf.chars())
                        .take_while(|(a, b)| a == b)
                        .map(|(a, _)| a.len_utf8())
                        .sum();
                    out.push_str(&(form.len() - common).to_string());
                    if common < buf.len() {
                        out.push('+');
                        out.push_str(&buf[common..]);
                    }
                }
            }
            out.push('\n');
        }
        out
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

/// A stem from its form and edit: "4" cuts four bytes ("kommunerna" →
/// "kommun"), "5+ot" cuts five and appends "ot" ("ledamöter" → "ledamot").
/// `None` for an empty or unusable edit (a stale file never panics).
fn apply_edit(form: &str, edit: &str) -> Option<String> {
    if edit.is_empty() {
        return None;
    }
    let (cut, add) = edit.split_once('+').unwrap_or((edit, ""));
    let keep = form.len().checked_sub(cut.parse::<usize>().ok()?)?;
    let mut stem = form.get(..keep)?.to_string();
    stem.push_str(add);
    Some(stem)
}

#[cfg(test)]
mod tests {
    use super::{apply_edit, Lexicon, LEXICON, STEMS};

    #[test]
    fn edits() {
        assert_eq!(apply_edit("kommunerna", "4").as_deref(), Some("kommun"));
        assert_eq!(apply_edit("ledamöter", "5+ot").as_deref(), Some("ledamot"));
        assert_eq!(apply_edit("kort", ""), None);
        assert_eq!(apply_edit("kort", "9"), None);
        assert_eq!(apply_edit("hö", "1"), None);
    }

    /// data/stems.tsv must be what the stemmer makes of data/lexicon.tsv.
    /// When it is not, the test rewrites it and fails: run it again.
    #[test]
    fn stems_file_is_current() {
        let fresh = Lexicon::stems_file();
        if fresh != STEMS {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/stems.tsv");
            let written = std::fs::write(path, &fresh).is_ok();
            panic!("data/stems.tsv was out of date (rewritten: {written}); rerun the tests");
        }
    }

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
