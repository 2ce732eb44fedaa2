//! Small text helpers shared by every stage of the parser: lines, markdown
//! clean-up (markdown table rows become tab-separated cells, rules blank
//! lines), table cells and case-insensitive comparisons.
//!
//! Everything here works on borrowed slices and at most one reused buffer, so
//! the stages above can call it once per line without allocating per line.

/// One line of the input, with the views the stages need.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The line as written, without its line end.
    pub raw: &'a str,
    /// The line trimmed, with markdown heading marks (`## `) removed.
    pub text: &'a str,
    /// The markdown heading level (`##` is 2), 0 when the line is no heading.
    pub level: u8,
    /// `text` without markdown emphasis, computed once because every stage
    /// looks at it.
    pub clean: std::borrow::Cow<'a, str>,
}

impl<'a> Line<'a> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether the line starts with white space: a continuation cell in a
    /// tab-separated header table.
    pub fn indented(&self) -> bool {
        self.raw.starts_with([' ', '\t'])
    }
}

/// The byte lengths of `labels`, one bit each (lengths up to 63): a label
/// table's quick test that a candidate has a length some label has.
pub const fn length_mask(labels: &[&str]) -> u64 {
    let mut m = 0u64;
    let mut k = 0;
    while k < labels.len() {
        m |= 1 << labels[k].len();
        k += 1;
    }
    m
}

/// Splits text into lines. Form feeds (page breaks in `pdftotext` output)
/// count as line ends so that a page header never sticks to the line before.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    // Splitting at one byte uses memchr; form feeds are rare, so they get
    // the slower two-character split only when there are any.
    let pieces: Box<dyn Iterator<Item = &str>> = if text.contains('\u{0C}') {
        Box::new(text.split(['\n', '\u{0C}']))
    } else {
        Box::new(text.split('\n'))
    };
    for raw in pieces {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let (level, mut text) = heading_level(raw);
        // "> Styrelsen beslutar ...": a markdown quote mark is no part of the text.
        while let Some(rest) = text.strip_prefix('>') {
            text = rest.trim_start();
        }
        let first = text.as_bytes().first().copied();
        if matches!(first, Some(b'|' | b'-' | b'*' | b'_')) {
            if let Some(line) = markdown_row(raw, text) {
                lines.push(line);
                continue;
            }
        }
        lines.push(Line {
            raw,
            text,
            level,
            clean: plain(text),
        });
    }
    lines
}

/// A markdown table row or rule as a line: a rule ("---") and a table's
/// separator row ("|---|:--|") are blank; a row ("| Maja Öberg (S) |
/// ordförande |") reads as tab-separated cells, like the tables of PDF
/// exports.
fn markdown_row<'a>(raw: &'a str, text: &'a str) -> Option<Line<'a>> {
    let blank = Line {
        raw,
        text: "",
        level: 0,
        clean: std::borrow::Cow::Borrowed(""),
    };
    let mark = text.as_bytes()[0];
    let rule = text.len() >= 3
        && matches!(mark, b'-' | b'*' | b'_')
        && text.bytes().all(|b| b == mark || b == b' ');
    if rule {
        return Some(blank);
    }
    let inner = text.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner).trim_ws();
    if inner
        .bytes()
        .all(|b| matches!(b, b'-' | b':' | b'|' | b' '))
    {
        return Some(blank);
    }
    let mut clean = String::with_capacity(inner.len());
    for (k, cell) in inner.split('|').map(str::trim).enumerate() {
        if k > 0 {
            clean.push('\t');
        }
        push_plain(&mut clean, cell);
    }
    Some(Line {
        raw,
        text: inner,
        level: 0,
        clean: std::borrow::Cow::Owned(clean),
    })
}

/// Strips markdown heading marks. Returns the level and the rest, trimmed.
pub fn heading_level(s: &str) -> (u8, &str) {
    let t = s.trim_ws();
    let n = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&n) {
        let rest = &t[n..];
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            return (n as u8, rest.trim_ws());
        }
    }
    (0, t)
}

/// The inside of a line wrapped whole in bold (`**...**` or `__...__`),
/// allowing a colon after the closing marks.
pub fn unwrap_bold(s: &str) -> Option<&str> {
    for m in ["**", "__"] {
        if let Some(inner) = s.strip_prefix(m) {
            let inner = inner.strip_suffix(':').unwrap_or(inner);
            if let Some(inner) = inner.strip_suffix(m) {
                if !inner.trim_ws().is_empty() && !inner.contains(m) {
                    return Some(inner.trim_ws());
                }
            }
        }
    }
    None
}

/// The inside of a line wrapped whole in italics (`*...*` or `_..._`), not bold.
pub fn unwrap_italic(s: &str) -> Option<&str> {
    for m in ['*', '_'] {
        if let Some(inner) = s.strip_prefix(m) {
            if inner.starts_with(m) {
                continue;
            }
            let inner = inner.trim_end_matches([':', ' ']);
            if let Some(inner) = inner.strip_suffix(m) {
                if !inner.ends_with(m) && !inner.trim_ws().is_empty() && !inner.contains(m) {
                    return Some(inner.trim_ws());
                }
            }
        }
    }
    None
}

/// `str::trim` with a fast path for the usual case.
///
/// The stages trim every cell, key and name they look at, often several
/// times a line, and `str::trim` decodes chars from both ends through a
/// generic searcher even when there is nothing to trim. Here a string that
/// starts and ends with a char that cannot be white space (ASCII above the
/// space, or a Latin-1 letter "Å", "ö" written as 0xC3 and one more byte)
/// is returned as it is; anything else goes to `str::trim`, so the result
/// is always the same.
pub trait TrimWs {
    fn trim_ws(&self) -> &str;
}

impl TrimWs for str {
    #[inline]
    fn trim_ws(&self) -> &str {
        let b = self.as_bytes();
        let n = b.len();
        let solid_start = n > 0 && (b[0] > b' ' && b[0] < 0x80 || b[0] == 0xC3);
        let solid_end = n > 0 && (b[n - 1] > b' ' && b[n - 1] < 0x80 || n > 1 && b[n - 2] == 0xC3);
        if solid_start && solid_end {
            self
        } else {
            trim_slow(self)
        }
    }
}

#[cold]
#[inline(never)]
fn trim_slow(s: &str) -> &str {
    s.trim()
}

/// Appends `s` to `out` without markdown emphasis marks.
///
/// `**` and `__` always go; a single `*` goes unless it stands between two
/// spaces (a multiplication, a footnote star). Underscores inside words are
/// kept: file names and addresses use them.
pub fn push_plain(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'*' {
            out.push_str(&s[start..i]);
            let run = bytes[i..].iter().take_while(|&&c| c == b'*').count();
            let before = i.checked_sub(1).map(|k| bytes[k]);
            let after = bytes.get(i + run).copied();
            let spaced = |c: Option<u8>| matches!(c, Some(b' ') | Some(b'\t'));
            if run == 1 && spaced(before) && spaced(after) {
                out.push('*');
            }
            i += run;
            start = i;
        } else if b == b'_' && bytes.get(i + 1) == Some(&b'_') {
            out.push_str(&s[start..i]);
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[start..]);
}

/// Whether `b` holds a `*` or a `_`: one pass over the line, eight bytes
/// at a time (most lines have neither mark, and this runs on every line).
fn has_emphasis_mark(b: &[u8]) -> bool {
    // A byte of `x` is zero where `x` had the byte the mask repeats; the
    // classic test for a zero byte in a word.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if zero_byte(x ^ (ONES * u64::from(b'*'))) || zero_byte(x ^ (ONES * u64::from(b'_'))) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&c| c == b'*' || c == b'_')
}

/// `s` without markdown emphasis, borrowed when there was none.
pub fn plain(s: &str) -> std::borrow::Cow<'_, str> {
    if has_emphasis_mark(s.as_bytes()) {
        let mut out = String::with_capacity(s.len());
        push_plain(&mut out, s);
        let t = out.trim_ws();
        if t.len() != out.len() {
            out = t.to_string();
        }
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(s.trim_ws())
    }
}

/// Appends the lowercase form of `s` to `out`: every uppercase letter is
/// replaced by its lowercase form, everything else is kept as written.
///
/// Decision sentences run through this once per word scan, so runs that
/// need no change are copied whole, and ASCII and the Latin-1 capitals
/// ("Å", "Ä", "Ö", "É": 0xC3 then 0x80..=0x9E) are folded byte by byte;
/// only other non-ASCII letters are decoded and looked up.
pub fn push_lower(out: &mut String, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len());
    // The start of the bytes not yet copied to `out`.
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_uppercase() {
                out.push_str(&s[copied..i]);
                out.push(c.to_ascii_lowercase() as char);
                copied = i + 1;
            }
            i += 1;
        } else if c == 0xC3 && i + 1 < b.len() {
            // U+00C0..=U+00DE but U+00D7 "×": the capitals, each 0x20 below
            // its lowercase letter.
            let d = b[i + 1];
            if (0x80..=0x9E).contains(&d) && d != 0x97 {
                out.push_str(&s[copied..i]);
                out.push(char::from(0xC0 + (d - 0x80) + 0x20));
                copied = i + 2;
            }
            i += 2;
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_uppercase() {
                out.push_str(&s[copied..i]);
                out.extend(ch.to_lowercase());
                copied = i + len;
            }
            i += len;
        }
    }
    out.push_str(&s[copied..]);
}

/// If `s` starts with `prefix` (given in lowercase), ignoring case, returns
/// the rest of `s`.
///
/// This runs for every key and label on every line, so the ASCII part is
/// compared byte by byte and only the rest char by char.
#[inline]
pub fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let (sb, pb) = (s.as_bytes(), prefix.as_bytes());
    let mut i = 0;
    while i < pb.len() {
        let (p, c) = (pb[i], *sb.get(i)?);
        if !p.is_ascii() || !c.is_ascii() {
            break;
        }
        if c.to_ascii_lowercase() != p {
            return None;
        }
        i += 1;
    }
    if i == pb.len() {
        return Some(&s[i..]);
    }
    // Both are at a char boundary: everything before `i` was ASCII.
    let (s, prefix) = (&s[i..], &prefix[i..]);
    let mut chars = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        if c != p && !c.to_lowercase().eq(std::iter::once(p)) {
            return None;
        }
    }
    match chars.next() {
        Some((k, _)) => Some(&s[k..]),
        None => Some(""),
    }
}

/// The first byte of `s` folded to lowercase when it is an ASCII letter:
/// the bucket a key table is indexed by. Non-ASCII letters keep their lead
/// byte, which is the same for "Å" and "å".
pub fn first_byte_folded(s: &str) -> Option<u8> {
    s.as_bytes().first().map(u8::to_ascii_lowercase)
}

/// Lowercases a short `s` into `buf` without allocating: ASCII letters and
/// the Swedish capitals Å, Ä, Ö, É. `None` when `s` is longer than the
/// buffer or holds another non-ASCII capital; callers then fall back to
/// [`eq_ci`].
pub fn fold_small<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    std::str::from_utf8(fold_small_bytes(s, buf)?).ok()
}

/// [`fold_small`] as bytes, for callers that only compare them with
/// lowercase words: the folded bytes are UTF-8 whenever `s` is, so
/// checking that again would only cost time.
pub fn fold_small_bytes<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let b = s.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            buf[i] = c.to_ascii_lowercase();
        } else if c == 0xC3 && i + 1 < b.len() {
            let d = b[i + 1];
            buf[i] = c;
            // Å Ä Ö É (0x85 0x84 0x96 0x89) and the other Latin-1 capitals.
            buf[i + 1] = if (0x80..=0x9E).contains(&d) && d != 0x97 {
                d + 0x20
            } else {
                d
            };
            i += 1;
        } else if (0xC4..0xE0).contains(&c) {
            // Another two-byte letter that may be a capital: let the caller decide.
            return None;
        } else {
            buf[i] = c;
        }
        i += 1;
    }
    Some(&buf[..b.len()])
}

/// Where `needle` (a short word with its spaces, " och ") first occurs in
/// `hay`: a byte loop that tests the first and last byte before the rest,
/// cheaper on a short attendee cell than setting up `str::find`'s searcher.
pub fn find_bytes(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let (&first, &last) = (n.first()?, n.last()?);
    if h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .find(|&i| h[i] == first && h[i + n.len() - 1] == last && h[i..i + n.len()] == *n)
}

/// Whether `needle` (lowercase ASCII) occurs in `hay`, ASCII letters
/// compared without case.
pub fn contains_ascii_ci(hay: &[u8], needle: &[u8]) -> bool {
    let n = needle.len();
    hay.len() >= n
        && (0..=hay.len() - n).any(|i| {
            hay[i..i + n]
                .iter()
                .zip(needle)
                .all(|(h, c)| h.to_ascii_lowercase() == *c)
        })
}

/// Whether `needle` (not empty) occurs in `hay`: for the short folded
/// labels, where setting up `str::contains`' searcher costs more than the
/// search.
pub fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (needle.first(), needle.last()) else {
        return true;
    };
    let n = needle.len();
    hay.len() >= n
        && (0..=hay.len() - n)
            .any(|i| hay[i] == first && hay[i + n - 1] == last && hay[i..i + n] == *needle)
}

/// Whether `s` equals `word` (given in lowercase), ignoring case.
#[inline]
pub fn eq_ci(s: &str, word: &str) -> bool {
    if s.len() < word.len() / 2 || s.len() > word.len() * 2 {
        return false;
    }
    strip_prefix_ci(s, word).is_some_and(str::is_empty)
}

/// Splits a line into table cells: at tabs and at runs of two or more
/// spaces (how `pdftotext -layout` renders columns). Empty cells are skipped.
pub fn cells(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut end = bytes.len();
        let mut next = bytes.len();
        let mut i = pos;
        while i < bytes.len() {
            // Tests without short-circuits, so that the one branch a byte is
            // taken only at a cell break: spaces are too common to branch on.
            let c = bytes[i];
            let after = bytes.get(i + 1).copied().unwrap_or(0);
            if (c == b'\t') | ((c == b' ') & (after == b' ')) {
                end = i;
                next = if c == b'\t' { i + 1 } else { i + 2 };
                break;
            }
            i += 1;
        }
        pos = next;
        let cell = s[start..end].trim_ws();
        if !cell.is_empty() {
            return Some(cell);
        }
    })
}

/// The first character of `s`, if any.
pub fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// Whether `s` starts with an uppercase letter.
pub fn starts_upper(s: &str) -> bool {
    match s.as_bytes() {
        [c, ..] if c.is_ascii() => c.is_ascii_uppercase(),
        // U+00C0..=U+00DE but "×": the Latin-1 capitals.
        [0xC3, d, ..] => (0x80..=0x9E).contains(d) && *d != 0x97,
        _ => first_char(s).is_some_and(char::is_uppercase),
    }
}

/// Whether `s` starts with a lowercase letter.
pub fn starts_lower(s: &str) -> bool {
    match s.as_bytes() {
        [c, ..] if c.is_ascii() => c.is_ascii_lowercase(),
        // U+00DF..=U+00FF but "÷": the Latin-1 small letters.
        [0xC3, d, ..] => (0x9F..=0xBF).contains(d) && *d != 0xB7,
        _ => first_char(s).is_some_and(char::is_lowercase),
    }
}

/// Whether `s` ends a sentence or a clause: the next line cannot continue it.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['*', '_', ' ', '"', '”', '’', ')']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// Whether the line is only filler: dots, underscores or dashes (signature
/// lines in protocols).
pub fn is_filler(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '.' | '_' | '-' | '–' | '…' | ' ' | '\t'))
}

/// If the line is a bullet ("- ", "* ", "• ", "– "), the text after it.
pub fn bullet(s: &str) -> Option<&str> {
    if !matches!(
        s.as_bytes().first(),
        Some(b'-' | b'*' | b'+' | b'o' | 0xC2 | 0xE2)
    ) {
        return None;
    }
    for m in [
        "- ", "* ", "• ", "– ", "+ ", "· ", "▪ ", "o\t", "-\t", "•\t",
    ] {
        if let Some(rest) = s.strip_prefix(m) {
            let rest = rest.trim_ws();
            if !rest.is_empty() {
                return Some(rest);
            }
        }
    }
    None
}

/// If the line starts with a list number ("1. ", "2) "), the number and the
/// text after it.
pub fn list_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &s[digits..];
    let rest = rest.strip_prefix(['.', ')'])?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let n = s[..digits].parse().ok()?;
    Some((n, rest.trim_ws()))
}

/// Counts words (runs separated by white space), stopping at `limit`.
pub fn word_count(s: &str, limit: usize) -> usize {
    s.split_whitespace().take(limit).count()
}

/// Whether `squeeze` would give `s` back unchanged: no white space at
/// either end, none but single spaces inside. Decision texts usually are,
/// and one byte pass is cheaper than splitting them into words and joining
/// them again. Latin-1 letters are told by their lead byte; other
/// non-ASCII chars are decoded to ask whether they are white space.
fn is_squeezed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            i += 1;
            continue;
        }
        prev_space = false;
        if c < 0x80 {
            if (9..=13).contains(&c) {
                return false;
            }
            i += 1;
        } else if c == 0xC3 {
            i += 2;
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                return false;
            }
            i += ch.len_utf8();
        }
    }
    true
}

/// Capitalises a word written in any case: "MÖTESANTECKNINGAR" becomes
/// "Mötesanteckningar".
pub fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    out
}

/// Uppercases the first letter of `s` and leaves the rest as written.
pub fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Collapses runs of white space into one space.
pub fn squeeze(s: &str) -> String {
    if is_squeezed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_is_removed() {
        let check = |input: &str, expected: &str| assert_eq!(plain(input), expected);
        check(
            "**Beslut:** Dagordningen godkänns",
            "Beslut: Dagordningen godkänns",
        );
        check("*Föredragande: Lena Nazzal*", "Föredragande: Lena Nazzal");
        check(
            "ett *förbättringsarbete* vilket",
            "ett förbättringsarbete vilket",
        );
        check("3 * 4 timmar", "3 * 4 timmar");
        check("fil_namn.txt", "fil_namn.txt");
    }

    #[test]
    fn headings_bold_and_italic() {
        assert_eq!(
            heading_level("## **11. Utvecklingsarbeten**"),
            (2, "**11. Utvecklingsarbeten**")
        );
        assert_eq!(heading_level("#hashtag"), (0, "#hashtag"));
        assert_eq!(
            unwrap_bold("**11. Utvecklingsarbeten**"),
            Some("11. Utvecklingsarbeten")
        );
        assert_eq!(unwrap_bold("**Beslut:** Text"), None);
        assert_eq!(
            unwrap_italic("*Föredragande: Ewa och Jenny S*"),
            Some("Föredragande: Ewa och Jenny S")
        );
        assert_eq!(unwrap_italic("**fet**"), None);
    }

    #[test]
    fn cells_split_at_tabs_and_wide_gaps() {
        let got: Vec<_> = cells("Tid\tFredag 14/6 2024  kl. 08.30").collect();
        assert_eq!(got, ["Tid", "Fredag 14/6 2024", "kl. 08.30"]);
        assert_eq!(
            cells("\t\tAnna Andersson (S)").collect::<Vec<_>>(),
            ["Anna Andersson (S)"]
        );
    }

    #[test]
    fn case_insensitive_prefix() {
        assert_eq!(
            strip_prefix_ci("NÄRVARANDE: Åsa", "närvarande"),
            Some(": Åsa")
        );
        assert_eq!(strip_prefix_ci("När", "närvarande"), None);
        assert!(eq_ci("Beslut", "beslut"));
    }

    #[test]
    fn markdown_quotes() {
        let lines = split_lines("> Styrelsen beslutar att anta budgeten.\n> > **Citat**\n");
        assert_eq!(lines[0].text, "Styrelsen beslutar att anta budgeten.");
        assert_eq!(lines[1].clean, "Citat");
    }

    #[test]
    fn markdown_tables_and_rules() {
        let lines = split_lines(
            "| Namn | Roll |\n|------|:----|\n| **Maja Öberg** (S) | ordförande |\n---\n- punkt\n",
        );
        let clean: Vec<&str> = lines.iter().map(|l| l.clean.as_ref()).collect();
        assert_eq!(
            clean,
            [
                "Namn\tRoll",
                "",
                "Maja Öberg (S)\tordförande",
                "",
                "- punkt",
                ""
            ]
        );
        assert!(lines[1].is_blank() && lines[3].is_blank());
    }

    #[test]
    fn lowercase_matches_the_char_by_char_fold() {
        let reference = |s: &str| -> String {
            s.chars()
                .flat_map(|c| {
                    let lower: Vec<char> = if c.is_uppercase() {
                        c.to_lowercase().collect()
                    } else {
                        vec![c]
                    };
                    lower
                })
                .collect()
        };
        for s in [
            "",
            "NÄRVARANDE: Åsa Öberg",
            "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß àÿ ÷",
            "İstanbul ΣΟΦΙΑ Ǆemal ǅ Ⅷ ẞ",
            "Dagordningen GODKÄNNS. 12 × 3",
            "\u{a0}NBSP\u{2028}",
        ] {
            let mut out = String::from(">");
            push_lower(&mut out, s);
            assert_eq!(out, format!(">{}", reference(s)), "{s}");
        }
    }

    #[test]
    fn emphasis_marks_anywhere_in_the_line() {
        for s in [
            "",
            "abc",
            "Åsa Öberg, Region Kronoberg",
            "ÿÿÿÿÿÿÿÿ",
            "\u{2A2A}\u{5F5F}",
        ] {
            assert!(!has_emphasis_mark(s.as_bytes()), "{s}");
        }
        for k in 0..20 {
            for mark in ['*', '_'] {
                let s = format!(
                    "{}{mark}{}",
                    "ö".repeat(k / 2).to_string() + &"a".repeat(k % 2),
                    "x".repeat(k)
                );
                assert!(has_emphasis_mark(s.as_bytes()), "{s}");
            }
        }
    }

    #[test]
    fn byte_search_is_str_contains() {
        for (hay, needle) in [
            ("socialnämndens beslut", "beslut"),
            ("beslut", "beslut"),
            ("besl", "beslut"),
            ("förvaltningens förslag", "förslag"),
            ("", "x"),
            ("xx", ""),
            ("bbeslutt", "beslut"),
        ] {
            assert_eq!(
                contains_bytes(hay.as_bytes(), needle.as_bytes()),
                hay.contains(needle),
                "{hay} {needle}"
            );
        }
    }

    #[test]
    fn squeeze_is_split_and_join() {
        for s in [
            "",
            " ",
            "Nämnden godkänner förslaget.",
            "Nämnden  godkänner",
            " Nämnden",
            "Nämnden ",
            "a\tb",
            "a\u{a0}b",
            "a – b\u{2003}c",
            "Åsa Öberg",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squeeze(s), expected, "{s:?}");
        }
    }

    #[test]
    fn find_bytes_is_str_find() {
        for (hay, needle) in [
            ("Anna och Per", " och "),
            ("Anna samt", " samt "),
            ("och", " och "),
        ] {
            assert_eq!(find_bytes(hay, needle), hay.find(needle), "{hay}");
        }
    }

    #[test]
    fn fast_case_tests_are_char_tests() {
        for c in ('\0'..='\u{17F}').chain(['Σ', 'ǅ', 'Ⅷ', 'ⅷ', '×', '÷']) {
            let s = format!("{c}x");
            assert_eq!(starts_upper(&s), c.is_uppercase(), "{c:?}");
            assert_eq!(starts_lower(&s), c.is_lowercase(), "{c:?}");
        }
        assert!(!starts_upper("") && !starts_lower(""));
    }

    #[test]
    fn fast_trim_is_str_trim() {
        for s in [
            "",
            " ",
            "\t\n\x0B\x0C\r",
            "  Anna Ek  ",
            "\u{a0}Anna\u{a0}",
            " \u{2003}Åsa Öberg\u{3000} ",
            "Ö",
            " x\u{85}",
            "\u{1F}a\u{1F}",
            "ä ",
            "ö",
            "Åsa Ö",
            "é\u{85}",
            "\u{a0}",
            "\x01a\x7F",
        ] {
            assert_eq!(s.trim_ws(), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn list_numbers_and_bullets() {
        assert_eq!(
            list_number("2. Utsedda personer"),
            Some((2, "Utsedda personer"))
        );
        assert_eq!(list_number("2.5 miljoner"), None);
        assert_eq!(
            bullet("- *förlänga projektet*"),
            Some("*förlänga projektet*")
        );
        assert_eq!(bullet("-"), None);
    }
}
