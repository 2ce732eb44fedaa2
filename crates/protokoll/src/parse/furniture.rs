//! Page furniture: what a PDF export repeats on every page.
//!
//! Kommun protocols print, on every page, a page number ("1(9)", "Sida 3
//! av 12"), signature boxes ("Justerandes sign", "Utdragsbestyrkande") and
//! the protocol header again ("SAMMANTRÄDESPROTOKOLL / Sammanträdesdatum
//! 2024-05-14 / Socialnämnden"). None of it belongs to an agenda item.
//!
//! Markers (page numbers, signature boxes) are recognised by their form.
//! The repeated header is recognised by repetition: a short line that
//! occurs more than once and stands next to a marker, in a run of such
//! lines. Lines that carry structure (a `§`, "Beslut", a list entry) are
//! never furniture, however often they repeat.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::header::is_page_number;
use super::text::{bullet, cells, list_number, strip_prefix_ci, Line};

/// How far from a marker the repeated header block may reach.
const REACH: usize = 8;

const MARKERS: [&str; 9] = [
    "justerandes sign",
    "justerares sign",
    "justerandes signatur",
    "ordförandes sign",
    "sekreterarens sign",
    "utdragsbestyrkande",
    "utdragsbestyrkande:",
    "signatur",
    "sign.",
];

/// Whether the line is a furniture marker: only page numbers and signature
/// boxes, in any arrangement of cells.
pub fn is_marker(text: &str) -> bool {
    // Markers start with a page number, "Sida", "Justerandes", "Utdrag",
    // "Ordförandes", "Sekreterarens", "Signatur" or dots.
    let first = text.as_bytes().first().map_or(b' ', u8::to_ascii_lowercase);
    let plausible = first.is_ascii_digit()
        || matches!(first, b's' | b'j' | b'u' | b'o' | b'.' | b'_' | 0xE2)
        || text.ends_with(')')
        || text.as_bytes().last().is_some_and(u8::is_ascii_digit);
    if !plausible {
        return false;
    }
    // A page header row ending in the page number ("Kommunstyrelsen   2(4)").
    let mut count = 0;
    let mut last = "";
    for cell in cells(text) {
        count += 1;
        last = cell;
    }
    if count <= 3 && is_page_number(last) {
        return true;
    }
    let mut any = false;
    for cell in cells(text) {
        let marker = is_page_number(cell)
            || super::text::eq_ci(cell, "sida")
            || MARKERS
                .iter()
                .any(|m| strip_prefix_ci(cell, m).is_some_and(|r| r.len() < 12 || is_filler(r)))
            || is_filler(cell);
        if !marker {
            return false;
        }
        any = true;
    }
    any
}

/// Whether `s` is only the dots or rules of a box to sign in.
fn is_filler(s: &str) -> bool {
    s.chars().all(|c| matches!(c, '.' | '_' | '…' | ' ' | '\t'))
}

/// A fast hash for counting the lines of one document (the multiply and
/// rotate of rustc's FxHasher, eight bytes at a time). The keys are the
/// document's own lines, so the flooding SipHash guards against is moot,
/// and SipHash over every line cost more than the rest of this stage.
#[derive(Default)]
struct LineHasher(u64);

impl Hasher for LineHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let add = |h: &mut u64, x: u64| *h = (h.rotate_left(5) ^ x).wrapping_mul(K);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            add(
                &mut self.0,
                u64::from_le_bytes(c.try_into().unwrap_or([0; 8])),
            );
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        add(&mut self.0, u64::from_le_bytes(tail) ^ rest.len() as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Marks the furniture lines of a document. The result has one flag per line.
pub fn mark(lines: &[Line<'_>], protected: impl Fn(&str) -> bool) -> Vec<bool> {
    let mut flags = vec![false; lines.len()];
    let markers: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && lines[i].text.len() < 90 && is_marker(lines[i].text))
        .collect();
    if markers.is_empty() {
        return flags;
    }
    let mut counts: HashMap<&str, u32, BuildHasherDefault<LineHasher>> = HashMap::default();
    for line in lines {
        if !line.is_blank() && line.text.len() <= 80 {
            *counts.entry(line.text).or_default() += 1;
        }
    }
    let repeated = |line: &Line<'_>| {
        counts.get(line.text).copied().unwrap_or(0) >= 2
            && !protected(line.text)
            && !line.text.starts_with('§')
            && bullet(line.text).is_none()
            && list_number(line.text).is_none()
    };
    for &m in &markers {
        flags[m] = true;
        // Backward and forward from the marker over the run of repeated lines.
        let mut seen = 0;
        let mut i = m;
        while i > 0 && seen < REACH {
            i -= 1;
            let line = &lines[i];
            if line.is_blank() {
                continue;
            }
            if is_marker(line.text) || repeated(line) {
                flags[i] = true;
                seen += 1;
            } else {
                break;
            }
        }
        let mut seen = 0;
        let mut i = m + 1;
        while i < lines.len() && seen < REACH {
            let line = &lines[i];
            if !line.is_blank() {
                if is_marker(line.text) || repeated(line) {
                    flags[i] = true;
                    seen += 1;
                } else {
                    break;
                }
            }
            i += 1;
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::split_lines;

    fn check(input: &str, expected: &[&str]) {
        let lines = split_lines(input);
        let flags = mark(&lines, |t| t == "Beslut");
        let got: Vec<&str> = lines
            .iter()
            .zip(&flags)
            .filter(|(_, &f)| f)
            .map(|(l, _)| l.text)
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn page_markers_and_repeated_header() {
        check(
            "SAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2024-05-14\nSocialnämnden\n1(3)\n\n§ 45\tDnr SN 2024/1\n\
             Text som fortsätter på\n\nJusterandes sign\tUtdragsbestyrkande\n\nSAMMANTRÄDESPROTOKOLL\n\
             Sammanträdesdatum 2024-05-14\nSocialnämnden\n2(3)\n\nnästa sida.\nBeslut\nBeslut\n",
            &[
                "SAMMANTRÄDESPROTOKOLL",
                "Sammanträdesdatum 2024-05-14",
                "Socialnämnden",
                "1(3)",
                "Justerandes sign\tUtdragsbestyrkande",
                "SAMMANTRÄDESPROTOKOLL",
                "Sammanträdesdatum 2024-05-14",
                "Socialnämnden",
                "2(3)",
            ],
        );
    }

    #[test]
    fn no_markers_no_furniture() {
        check("Socialnämnden\nSocialnämnden\nText.\n", &[]);
    }

    #[test]
    fn markers() {
        assert!(is_marker("Justerandes sign"));
        assert!(is_marker("Justerandes sign\t\tUtdragsbestyrkande"));
        assert!(is_marker("Sida 3 av 12"));
        assert!(is_marker(
            "Kommunfullmäktige    Sammanträdesprotokoll    Sida 2 av 2"
        ));
        assert!(!is_marker("Kommunfullmäktige beslutar enligt bilaga 2"));
        assert!(!is_marker("Justerandes signatur saknas på sidan"));
        assert!(!is_marker("3 ledamöter"));
        assert!(is_marker(
            "Justerandes signatur ______________        Utdragsbestyrkande ______________"
        ));
        assert!(is_marker(
            "BARN- OCH UTBILDNINGSNÄMNDEN            Sammanträdesdatum 2023-03-14            Blad 3"
        ));
    }
}
