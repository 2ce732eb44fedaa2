//! Dates and times as Swedish minutes write them, normalised to ISO 8601.
//!
//! Dates: "2020-04-03", "20200403", "240614" (YYMMDD), "den 14 mars 2023",
//! "14 mars 2023", "Fredag 14/6 2024", "14/6-2024", "14.06.2024".
//! Times: "Kl. 9:45-15:00", "kl. 08.30 -11.30", "kl. 13.30–16.45",
//! "kl 9-12", "13.00". Each finder returns the value and the byte range it
//! was read from, so the caller can cut it out (a place written after the
//! time in "Tid och plats").
//!
//! The scanners walk the bytes once and look ahead a bounded distance from
//! each digit run, so a hostile line costs linear time.

use std::ops::Range;

const MONTHS: [(&str, u32); 21] = [
    ("januari", 1),
    ("februari", 2),
    ("mars", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("augusti", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("okt", 10),
];

/// The weekday and filler words that surround a date or time in a header
/// value ("Fredagen den 6 mars 2020 kl. 08.30"). Lowercase.
pub const DATE_FILLER: [&str; 24] = [
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
    "måndagen",
    "tisdagen",
    "onsdagen",
    "torsdagen",
    "fredagen",
    "lördagen",
    "söndagen",
    "den",
    "kl",
    "kl.",
    "klockan",
    "ca",
    "(ca)",
    "ca.",
    "mellan",
    "från",
    "tid",
];

fn digit_run(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn num(b: &[u8], r: Range<usize>) -> u32 {
    b[r].iter().fold(0u32, |n, &d| {
        n.saturating_mul(10).saturating_add((d - b'0') as u32)
    })
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn boundary_before(b: &[u8], i: usize) -> bool {
    i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/' || b[i - 1] == b'-')
}

fn boundary_after(b: &[u8], i: usize) -> bool {
    i >= b.len() || !b[i].is_ascii_alphanumeric()
}

/// Finds the first date in `s`.
pub fn find_date(s: &str) -> Option<(String, Range<usize>)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let n = digit_run(b, i);
        if boundary_before(b, i) {
            if let Some(found) = date_at(s, i, n) {
                return Some(found);
            }
        }
        i += n;
    }
    None
}

fn date_at(s: &str, i: usize, n: usize) -> Option<(String, Range<usize>)> {
    let b = s.as_bytes();
    let end = i + n;
    // 2020-04-03
    if n == 4 && b.get(end) == Some(&b'-') {
        let m = digit_run(b, end + 1);
        if (1..=2).contains(&m) && b.get(end + 1 + m) == Some(&b'-') {
            let d0 = end + 2 + m;
            let d = digit_run(b, d0);
            if (1..=2).contains(&d) && boundary_after(b, d0 + d) {
                let v = iso(
                    num(b, i..end),
                    num(b, end + 1..end + 1 + m),
                    num(b, d0..d0 + d),
                )?;
                return Some((v, i..d0 + d));
            }
        }
        return None;
    }
    // 20200403 and 240614
    if (n == 8 || n == 6) && boundary_after(b, end) && b.get(end) != Some(&b',') {
        let (y, rest) = if n == 8 {
            (num(b, i..i + 4), i + 4)
        } else {
            (2000 + num(b, i..i + 2), i + 2)
        };
        return iso(y, num(b, rest..rest + 2), num(b, rest + 2..rest + 4)).map(|v| (v, i..end));
    }
    if n > 2 {
        return None;
    }
    let day = num(b, i..end);
    // 14/6 2024, 14/6-2024, 14/6/2024, 14.06.2024
    if matches!(b.get(end), Some(b'/') | Some(b'.')) {
        let sep = b[end];
        let m0 = end + 1;
        let m = digit_run(b, m0);
        if (1..=2).contains(&m) {
            let y_sep = m0 + m;
            if let Some(&c) = b.get(y_sep) {
                if c == b' ' || c == b'-' || c == sep {
                    let y = digit_run(b, y_sep + 1);
                    if y == 4 && boundary_after(b, y_sep + 5) {
                        let v = iso(num(b, y_sep + 1..y_sep + 5), num(b, m0..m0 + m), day)?;
                        return Some((v, i..y_sep + 5));
                    }
                }
            }
        }
        return None;
    }
    // 14 mars 2023, 14:e mars 2023
    let mut j = end;
    if s[j..].starts_with(":e") || s[j..].starts_with(":a") {
        j += 2;
    }
    if b.get(j) == Some(&b'.') {
        j += 1;
    }
    if b.get(j) != Some(&b' ') {
        return None;
    }
    j += 1;
    let word_len = s[j..]
        .char_indices()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(k, c)| k + c.len_utf8())?;
    let word = &s[j..j + word_len];
    let month = MONTHS
        .iter()
        .find(|(name, _)| super::text::eq_ci(word, name))
        .map(|&(_, m)| m)?;
    let mut k = j + word_len;
    if b.get(k) == Some(&b'.') {
        k += 1;
    }
    if b.get(k) != Some(&b' ') {
        return None;
    }
    let y = digit_run(b, k + 1);
    if y != 4 {
        return None;
    }
    let v = iso(num(b, k + 1..k + 5), month, day)?;
    Some((v, i..k + 5))
}

/// Finds the first clock time or time span in `s`: "13.30–16.45" becomes
/// "13:30-16:45". A bare number counts as an hour only after "kl".
pub fn find_time(s: &str) -> Option<(String, Range<usize>)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let n = digit_run(b, i);
        if n <= 2 && boundary_before(b, i) {
            let after_kl = after_klockan(s, i);
            if let Some((h, m, end)) = clock_at(b, i, after_kl) {
                let mut value = format!("{h:02}:{m:02}");
                let mut range_end = end;
                if let Some((h2, m2, end2)) = span_end(s, end) {
                    value.push_str(&format!("-{h2:02}:{m2:02}"));
                    range_end = end2;
                }
                let start = kl_start(s, i);
                return Some((value, start..range_end));
            }
        }
        i += n;
    }
    None
}

/// Reads "9:45", "08.30" or (after "kl") "9" at `i`. Returns hour, minute,
/// and the end of what was read.
fn clock_at(b: &[u8], i: usize, bare_hour_ok: bool) -> Option<(u32, u32, usize)> {
    let n = digit_run(b, i);
    if n == 0 || n > 2 {
        return None;
    }
    let h = num(b, i..i + n);
    if h > 24 {
        return None;
    }
    let end = i + n;
    if matches!(b.get(end), Some(b':') | Some(b'.')) {
        let m = digit_run(b, end + 1);
        if m == 2
            && boundary_after(b, end + 3)
            && !matches!(b.get(end + 3), Some(b'.') if b.get(end + 4).is_some_and(u8::is_ascii_digit))
        {
            let min = num(b, end + 1..end + 3);
            if min < 60 {
                return Some((h, min, end + 3));
            }
        }
        if m != 0 {
            return None;
        }
    }
    (bare_hour_ok && boundary_after(b, end) && b.get(end) != Some(&b'/')).then_some((h, 0, end))
}

/// After a start time: "-15:00", " -11.30", "–16.45", " till 16".
fn span_end(s: &str, mut j: usize) -> Option<(u32, u32, usize)> {
    let b = s.as_bytes();
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    let rest = &s[j..];
    let skip = if rest.starts_with('-') {
        1
    } else if rest.starts_with('–') || rest.starts_with('—') {
        3
    } else if rest.starts_with("till ") {
        5
    } else {
        return None;
    };
    j += skip;
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    if s[j..].starts_with("kl.") {
        j += 3;
    } else if s[j..].starts_with("kl ") {
        j += 2;
    }
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    clock_at(b, j, true)
}

/// Whether the number at `i` follows "kl", "kl." or "klockan".
fn after_klockan(s: &str, i: usize) -> bool {
    let before = s[..i].trim_end();
    let lower_end = |w: &str| {
        before.len() >= w.len()
            && before.is_char_boundary(before.len() - w.len())
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
    };
    lower_end("kl") || lower_end("kl.") || lower_end("klockan")
}

/// Where a time's "kl." starts, so it goes with the time when cut out.
fn kl_start(s: &str, i: usize) -> usize {
    let before = s[..i].trim_end();
    for w in ["klockan", "kl.", "kl"] {
        if before.len() >= w.len()
            && before.is_char_boundary(before.len() - w.len())
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
        {
            return before.len() - w.len();
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(input: &str, expected: Option<&str>) {
        assert_eq!(
            find_date(input).map(|(d, _)| d).as_deref(),
            expected,
            "{input}"
        );
    }

    fn time(input: &str, expected: Option<&str>) {
        assert_eq!(
            find_time(input).map(|(t, _)| t).as_deref(),
            expected,
            "{input}"
        );
    }

    #[test]
    fn dates_in_every_form() {
        date("2020-04-03", Some("2020-04-03"));
        date(
            "Protokoll Läns gemensam ledning 2024-04-12",
            Some("2024-04-12"),
        );
        date(
            "Samordningsgruppen, minnesanteckningar 240614",
            Some("2024-06-14"),
        );
        date("Tid: Fredag den 3 april 2020", Some("2020-04-03"));
        date("den 14 mars 2023", Some("2023-03-14"));
        date("Fredag 14/6 2024 kl. 08.30-12.00", Some("2024-06-14"));
        date("14/6-2024", Some("2024-06-14"));
        date("14.06.2024", Some("2024-06-14"));
        date("Dnr SN 2024/00231", None);
        date("6 250,5 miljoner", None);
        date("Nästa möte 16/8 kl. 08.00", None);
        date("991399", None);
    }

    #[test]
    fn times_in_every_form() {
        time("Kl. 13:00-15:00 (ca)", Some("13:00-15:00"));
        time("Kl. 9:45-15:00", Some("09:45-15:00"));
        time(
            "Fredagen den 6 mars 2020 kl. 08.30 -11.30, Hobysalen",
            Some("08:30-11:30"),
        );
        time("Kommunhuset, kl. 13.30–16.45", Some("13:30-16:45"));
        time("kl 9-12", Some("09:00-12:00"));
        time("kl. 13.00", Some("13:00"));
        time("Fredag 14/6 2024 kl. 08.30-12.00", Some("08:30-12:00"));
        time("14.06.2024", None);
        time("6 mars 2020", None);
    }

    #[test]
    fn ranges_cover_the_text_read() {
        let s = "Fredagen den 6 mars 2020 kl. 08.30 -11.30, Hobysalen";
        let (_, r) = find_time(s).unwrap();
        assert_eq!(&s[r], "kl. 08.30 -11.30");
        let (_, r) = find_date(s).unwrap();
        assert_eq!(&s[r], "6 mars 2020");
    }
}
