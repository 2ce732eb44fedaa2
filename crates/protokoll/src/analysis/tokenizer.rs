//! The Swedish tokenizer: text → words, with their byte offsets.
//!
//! Words are found by Unicode word segmentation (UAX #29, the
//! `unicode-segmentation` crate), which keeps "LSVO:s", "6,4" and "t.ex"
//! whole and splits at spaces and punctuation. Each word is then put in NFC
//! (PDF text often spells å as a + combining ring) and lowercased; soft
//! hyphens and zero-width characters are dropped. Å, ä and ö stay letters of
//! their own.
//!
//! Four things the segmentation alone gets wrong for Swedish are fixed here,
//! because they need the text between words:
//!
//! - **Hyphen and slash groups.** "Covid-19", "IT-attack", "hab/rehab" and
//!   "2024-12-31" come out as one token, text "covid-19" etc.; the compound
//!   splitter later adds the parts.
//! - **Suspended hyphens.** A word followed by a hyphen and then a space or
//!   comma ("missbruks- och beroendemottagning", "barn-, ungdoms- och …") comes
//!   out as "missbruks-"; the suspended-hyphen filter completes it. "Hälso-och"
//!   (hyphen then a conjunction) counts as suspended too.
//! - **Digit groups.** "5 162 844" is one number: the groups (1–3 digits,
//!   then groups of exactly three, the last optionally with a decimal comma)
//!   join into one token "5162844" whose offsets cover the whole number.
//! - **Clock times.** "13:00" comes out as "13.00", the way "13.00" does;
//!   a range "13:00-15:00" or "13.00-15.00" as its two times.
//!
//! Offsets always cover the original word (or group) in the input; positions
//! count tokens.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// Tokens longer than this many bytes are URLs, hashes or run-together PDF
/// text; they are dropped, as tantivy's `RemoveLongFilter` would.
const MAX_TOKEN_BYTES: usize = 80;

/// The Swedish word tokenizer.
#[derive(Clone, Debug, Default)]
pub struct SwedishTokenizer {
    tokens: Vec<Token>,
    words: Vec<(usize, usize)>,
    /// Token text buffers from the previous text, reused for the next.
    pool: Vec<String>,
}

pub struct SwedishTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    index: usize,
}

impl Tokenizer for SwedishTokenizer {
    type TokenStream<'a> = SwedishTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SwedishTokenStream<'a> {
        for token in self.tokens.drain(..) {
            let mut buffer = token.text;
            buffer.clear();
            self.pool.push(buffer);
        }
        tokenize(text, &mut self.words, &mut self.pool, &mut self.tokens);
        SwedishTokenStream {
            tokens: &mut self.tokens,
            index: usize::MAX,
        }
    }
}

impl TokenStream for SwedishTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.index = self.index.wrapping_add(1);
        self.index < self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index]
    }
}

const CONJUNCTIONS: &[&str] = &["och", "eller", "samt", "respektive", "resp", "el"];

/// The spans of the words in `text`, as UAX #29 finds them. Most of a
/// Swedish text is whitespace-separated runs of letters with punctuation at
/// their ends; such a run is one word whatever the rules say (letters and
/// digits never break apart), so only the other chunks go through the full
/// segmentation, which costs several times more.
fn segment(text: &str, words: &mut Vec<(usize, usize)>) {
    words.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let chunk = &text[start..i];
        let core = chunk.trim_matches(|c: char| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '”' | '“' | '*' | '[' | ']'
            )
        });
        if !core.is_empty() && core.chars().all(plain_letter) {
            let from = start + (core.as_ptr() as usize - chunk.as_ptr() as usize);
            words.push((from, from + core.len()));
            continue;
        }
        // A mark at the start of a chunk belongs to the space before it
        // (UAX #29 rule WB4), so the segmentation starts at that space.
        // Spaces stay together (WB3d), a tab goes alone.
        let mut from = start;
        if from > 0 && bytes[from - 1] == b'\t' {
            from -= 1;
        } else {
            while from > 0 && bytes[from - 1] == b' ' {
                from -= 1;
            }
        }
        words.extend(
            text[from..i]
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(j, w)| (from + j, from + j + w.len())),
        );
    }
}

/// Letters and digits no UAX #29 rule separates from each other: ASCII
/// alphanumerics and precomposed Latin letters (å, ä, ö, é, ü, ...).
fn plain_letter(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        'À'..='ÿ' => true,
        _ => ('\u{100}'..'\u{250}').contains(&c) && c.is_alphabetic(),
    }
}

fn tokenize(
    text: &str,
    words: &mut Vec<(usize, usize)>,
    pool: &mut Vec<String>,
    out: &mut Vec<Token>,
) {
    segment(text, words);
    let mut i = 0;
    while i < words.len() {
        let (from, to) = words[i];
        let word = &text[from..to];
        let mut token = Token {
            offset_from: from,
            offset_to: to,
            position: out.len(),
            text: pool.pop().unwrap_or_default(),
            position_length: 1,
        };
        // Clock times: "13:00" is "13.00", as Swedish writes it (UAX #29
        // keeps "13.00" whole but splits at the colon), and a range
        // "13:00-15:00" or "13.00-15.00" is its two times, not one
        // hyphen group.
        if let Some(j) = clock_time(text, words, i, &mut token.text) {
            let range = words.get(j + 1).is_some_and(|&(f, _)| {
                let dash = &text[words[j].1..f];
                matches!(dash, "-" | "\u{2010}" | "\u{2011}")
                    && clock_time(text, words, j + 1, &mut String::new()).is_some()
            });
            if j > i || range {
                token.offset_to = words[j].1;
                out.push(token);
                i = j + 1;
                continue;
            }
            token.text.clear();
        }
        // Digit groups: "5 162 844", "6 250,5".
        if is_digits(word) && word.len() <= 3 {
            let mut j = i;
            while j + 1 < words.len() {
                let (nfrom, nto) = words[j + 1];
                let next = &text[nfrom..nto];
                let gap = &text[words[j].1..nfrom];
                // A joined number is a word like any other: at most
                // MAX_TOKEN_BYTES, the rest another number.
                if !is_group_space(gap) || !is_thousands_group(next) || nto - from > MAX_TOKEN_BYTES
                {
                    break;
                }
                j += 1;
                if next.contains(',') {
                    break;
                }
            }
            if j > i {
                for &(f, t) in &words[i..=j] {
                    token.text.push_str(&text[f..t]);
                }
                token.offset_to = words[j].1;
                out.push(token);
                i = j + 1;
                continue;
            }
        }
        // Hyphen and slash groups, and suspended hyphens.
        let mut j = i;
        let mut suspended = false;
        loop {
            let end = words[j].1;
            let Some(joiner) = text[end..].chars().next() else {
                break;
            };
            let joiner_len = joiner.len_utf8();
            let is_hyphen = matches!(joiner, '-' | '\u{2010}' | '\u{2011}');
            if !is_hyphen && joiner != '/' {
                break;
            }
            let after = end + joiner_len;
            let next_word = words
                .get(j + 1)
                .filter(|&&(f, _)| f == after)
                .map(|&(f, t)| &text[f..t]);
            match next_word {
                Some(next) if is_hyphen && is_conjunction(next) => {
                    suspended = true;
                    break;
                }
                Some(_) if words[j + 1].1 - from <= MAX_TOKEN_BYTES => j += 1,
                Some(_) => break,
                None => {
                    // "missbruks- och", "barn-, ungdoms-": a hyphen that ends the word.
                    let rest = text[after..].chars().next();
                    suspended = is_hyphen
                        && j == i
                        && rest.is_none_or(|c| c.is_whitespace() || c == ',')
                        && word.chars().all(char::is_alphabetic);
                    break;
                }
            }
        }
        let end = words[j].1;
        token.offset_to = end;
        let span = &text[from..end];
        if span.len() > MAX_TOKEN_BYTES {
            i = j + 1;
            continue;
        }
        normalize_into(span, &mut token.text);
        if suspended {
            token.text.push('-');
        }
        if !token.text.is_empty() {
            out.push(token);
        }
        i = j + 1;
    }
}

fn is_conjunction(word: &str) -> bool {
    CONJUNCTIONS.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// The clock time that starts at word `i`, written "13.00" (one word) or
/// "13:00" (two words around a colon), into `out` as "13.00"; the index of
/// its last word. Hours up to 24, minutes two digits up to 59: "§ 12:3"
/// and "SFS 2010:800" are no times.
fn clock_time(text: &str, words: &[(usize, usize)], i: usize, out: &mut String) -> Option<usize> {
    let (from, to) = words[i];
    let word = &text[from..to];
    let (hours, minutes, j) = match word.split_once('.') {
        Some((h, m)) => (h, m, i),
        None => {
            let &(nfrom, nto) = words.get(i + 1)?;
            if nfrom != to + 1 || text.as_bytes()[to] != b':' {
                return None;
            }
            (word, &text[nfrom..nto], i + 1)
        }
    };
    let valid = (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && is_digits(hours)
        && is_digits(minutes)
        && hours.parse::<u8>().is_ok_and(|h| h <= 24)
        && minutes.parse::<u8>().is_ok_and(|m| m <= 59);
    if !valid {
        return None;
    }
    out.clear();
    out.push_str(hours);
    out.push('.');
    out.push_str(minutes);
    Some(j)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Exactly three digits, optionally followed by a decimal comma and digits.
fn is_thousands_group(s: &str) -> bool {
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    int.len() == 3 && is_digits(int) && frac.is_none_or(is_digits)
}

/// The one space between digit groups: plain, no-break or thin.
fn is_group_space(gap: &str) -> bool {
    matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// NFC, lowercase, without soft hyphens and zero-width characters; the
/// Unicode hyphens become "-".
pub(crate) fn normalize_into(span: &str, out: &mut String) {
    out.clear();
    if span.is_ascii() {
        out.push_str(span);
        out.make_ascii_lowercase();
        return;
    }
    let push = |c: char, out: &mut String| match c {
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
        '\u{2010}' | '\u{2011}' => out.push('-'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // Å, Ä, Ö, É and the rest of Latin-1's capitals: one below their lowercase.
        'À'..='Þ' if c != '×' => out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
        'ß'..='ÿ' => out.push(c),
        c => out.extend(c.to_lowercase()),
    };
    // Below U+0300 there are no combining marks, so the text is already NFC.
    if span.chars().all(|c| c < '\u{300}') || is_nfc_quick(span.chars()) == IsNormalized::Yes {
        for c in span.chars() {
            push(c, out);
        }
    } else {
        for c in span.nfc() {
            push(c, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[(&str, &str)]) {
        let mut tokenizer = SwedishTokenizer::default();
        let mut stream = tokenizer.token_stream(input);
        let mut got = Vec::new();
        while stream.advance() {
            let t = stream.token();
            got.push((
                t.text.clone(),
                input[t.offset_from..t.offset_to].to_string(),
            ));
        }
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, expected);
    }

    fn tokens(input: &str) -> Vec<Token> {
        let mut tokenizer = SwedishTokenizer::default();
        let mut stream = tokenizer.token_stream(input);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    fn uax(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(i, w)| (i, i + w.len()))
            .collect()
    }

    proptest::proptest! {
        /// The fast path finds exactly the words full UAX #29 segmentation finds.
        #[test]
        fn segment_is_uax29(text in "([a-zåäöéA-Z0-9]{1,8}|[ ,.;:!?()\"”/-]|\\PC){0,40}") {
            let mut words = Vec::new();
            segment(&text, &mut words);
            proptest::prop_assert_eq!(words, uax(&text));
        }
    }

    #[test]
    fn words_are_lowercased_and_composed() {
        check(
            "Beslut om Ärendet i LSVO:s grupp",
            &[
                ("beslut", "Beslut"),
                ("om", "om"),
                ("ärendet", "Ärendet"),
                ("i", "i"),
                ("lsvo:s", "LSVO:s"),
                ("grupp", "grupp"),
            ],
        );
        // "Hälsa" with a + combining diaeresis, and a soft hyphen.
        check(
            "Ha\u{308}lsa under\u{ad}sökning",
            &[
                ("hälsa", "Ha\u{308}lsa"),
                ("undersökning", "under\u{ad}sökning"),
            ],
        );
    }

    #[test]
    fn digit_groups_join() {
        check(
            "budgeten 5 162 844 kr, 1 760 585: - och 6,4 mnkr 2020 500",
            &[
                ("budgeten", "budgeten"),
                ("5162844", "5 162 844"),
                ("kr", "kr"),
                ("1760585", "1 760 585"),
                ("och", "och"),
                ("6,4", "6,4"),
                ("mnkr", "mnkr"),
                ("2020", "2020"),
                ("500", "500"),
            ],
        );
        check(
            "6 250,5 miljoner",
            &[("6250,5", "6 250,5"), ("miljoner", "miljoner")],
        );
    }

    #[test]
    fn a_joined_number_is_no_longer_than_any_word() {
        // 60 groups: 239 bytes written, 180 digits joined. Each token is
        // at most MAX_TOKEN_BYTES of the input, the groups in order.
        let input = format!("1{}", " 123".repeat(59));
        let tokens = tokens(&input);
        assert!(tokens.len() > 1, "{tokens:?}");
        let mut digits = String::new();
        for t in &tokens {
            assert!(t.offset_to - t.offset_from <= MAX_TOKEN_BYTES, "{t:?}");
            digits.push_str(&t.text);
        }
        assert_eq!(digits, input.replace(' ', ""));
    }

    #[test]
    fn clock_times_meet_in_both_notations() {
        check(
            "kl. 13:00 och 9.30, 13:00-15:00 samt 13.00-15.00",
            &[
                ("kl", "kl"),
                ("13.00", "13:00"),
                ("och", "och"),
                ("9.30", "9.30"),
                ("13.00", "13:00"),
                ("15.00", "15:00"),
                ("samt", "samt"),
                ("13.00", "13.00"),
                ("15.00", "15.00"),
            ],
        );
        // No times: a paragraph, a statute, a ratio.
        check(
            "§ 12:3 SFS 2010:800 1:a",
            &[
                ("12", "12"),
                ("3", "3"),
                ("sfs", "SFS"),
                ("2010", "2010"),
                ("800", "800"),
                ("1", "1"),
                ("a", "a"),
            ],
        );
    }

    #[test]
    fn hyphen_groups_and_suspended_hyphens() {
        check(
            "Covid-19 och IT-attack, hab/rehab 2024-12-31",
            &[
                ("covid-19", "Covid-19"),
                ("och", "och"),
                ("it-attack", "IT-attack"),
                ("hab/rehab", "hab/rehab"),
                ("2024-12-31", "2024-12-31"),
            ],
        );
        check(
            "barn-, ungdoms- och vuxenpsykiatri",
            &[
                ("barn-", "barn"),
                ("ungdoms-", "ungdoms"),
                ("och", "och"),
                ("vuxenpsykiatri", "vuxenpsykiatri"),
            ],
        );
        check(
            "Hälso-och sjukvård 160–170",
            &[
                ("hälso-", "Hälso"),
                ("och", "och"),
                ("sjukvård", "sjukvård"),
                ("160", "160"),
                ("170", "170"),
            ],
        );
    }
}
