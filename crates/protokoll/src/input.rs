//! Reading minutes files: bytes in whatever encoding they came in, text out.
//!
//! Swedish archives hold UTF-8 (with or without a byte-order mark), UTF-16
//! from Word exports, and Windows-1252 or Latin-1 from older systems, with
//! Windows or Unix line ends. Everything leaves this module as NFC-normalised
//! UTF-8 with `\n` line ends, so the parser sees one form of "å" and one kind
//! of line break.
//!
//! A file that is not text (an image, a PDF, a file with NUL bytes) is
//! refused with a reason rather than decoded into garbage that would then be
//! indexed.

use std::borrow::Cow;
use std::path::Path;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::{Error, Result};

/// Files larger than this are refused: no minutes document is this large, and
/// reading one would hold the whole file in memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The file extensions the indexer picks up when walking a directory.
pub const EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// Whether `path` has one of the [`EXTENSIONS`] (case-insensitively).
pub fn is_minutes_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads the file at `path` and decodes it with [`decode`].
pub fn read_text(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::NotText {
            path: path.to_path_buf(),
            reason: format!(
                "{} MB is larger than the {} MB limit for one minutes file",
                meta.len() / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode(&bytes).map_err(|reason| Error::NotText {
        path: path.to_path_buf(),
        reason,
    })
}

/// Decodes the bytes of a minutes file into normalised text.
///
/// The error is the reason the bytes are not text, for the caller to attach
/// to a file name.
pub fn decode(bytes: &[u8]) -> std::result::Result<String, String> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(format!("looks like {kind}"));
    }
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Cow::Owned(utf8_or_legacy(rest)?)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Cow::Owned(utf16(rest, u16::from_le_bytes)?)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Cow::Owned(utf16(rest, u16::from_be_bytes)?)
    } else if let Some(le) = utf16_without_bom(bytes) {
        let decode = if le {
            u16::from_le_bytes
        } else {
            u16::from_be_bytes
        };
        Cow::Owned(utf16(bytes, decode)?)
    } else {
        Cow::Owned(utf8_or_legacy(bytes)?)
    };
    check_controls(&text)?;
    Ok(normalize(&text))
}

/// Line ends to `\n`, and Unicode to NFC (PDF extraction often leaves "å" as
/// "a" plus a combining ring).
fn normalize(text: &str) -> String {
    let text: Cow<'_, str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    // An ASCII character neither composes nor decomposes, and resets the
    // quick check, so only the runs between ASCII characters need the
    // per-character tables, and a run below U+0300 (UTF-8 lead bytes below
    // 0xCC: "å", "§") not even those.
    let normalized = text
        .split(|c: char| c.is_ascii())
        .all(|run| run.bytes().all(|b| b < 0xCC) || is_nfc_quick(run.chars()) == IsNormalized::Yes);
    if normalized {
        text.into_owned()
    } else {
        text.nfc().collect()
    }
}

fn utf8_or_legacy(bytes: &[u8]) -> std::result::Result<String, String> {
    if bytes.contains(&0) {
        return Err("it contains NUL bytes".to_string());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        // Not UTF-8: Windows-1252 is what Swedish Word and archive exports
        // use, and it is a superset of Latin-1's printable range.
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> std::result::Result<String, String> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if text.contains('\0') {
        return Err("it contains NUL characters".to_string());
    }
    Ok(text)
}

/// Recognises UTF-16 without a byte-order mark by its pattern of zero bytes:
/// Latin text in UTF-16 has a zero in every other byte. Returns `Some(true)`
/// for little-endian, `Some(false)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(true)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(false)
    } else {
        None
    }
}

/// Names well-known binary formats by their first bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 9] = [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (
            b"%PDF-",
            "a PDF document: extract its text first (for example with pdftotext)",
        ),
        (
            b"PK\x03\x04",
            "a ZIP archive or an Office document: save it as text first",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Office document: save it as text first",
        ),
        (b"\x7FELF", "an executable"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"{\\rtf", "an RTF document: save it as plain text first"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Refuses text with many control characters: that is binary data that
/// happened to decode, not minutes.
fn check_controls(text: &str) -> std::result::Result<(), String> {
    const SAMPLE: usize = 65_536;
    // Control characters are C0 (a byte below 0x20), DEL and C1 (0xC2
    // then 0x80-0x9F); a file with none of those bytes has none to count.
    let bytes = text.as_bytes();
    let c0 = bytes
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F);
    let c1 = || {
        bytes
            .windows(2)
            .any(|w| w[0] == 0xC2 && (0x80..0xA0).contains(&w[1]))
    };
    if !c0 && !c1() {
        return Ok(());
    }
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(SAMPLE) {
        chars += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            controls += 1;
        }
    }
    if controls > 0 && controls * 100 > chars {
        return Err(format!(
            "{controls} control characters in the first {chars}: binary data, not text"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expected: &str) {
        assert_eq!(decode(bytes).unwrap(), expected);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        check("Beslut: godkänns".as_bytes(), "Beslut: godkänns");
        check(b"\xEF\xBB\xBFPlats: V\xC3\xA4xj\xC3\xB6", "Plats: Växjö");
    }

    #[test]
    fn windows_1252_with_crlf() {
        // "Närvarande: Åsa\r\n§ 46 – Dnr" in Windows-1252.
        check(
            b"N\xE4rvarande: \xC5sa\r\n\xA7 46 \x96 Dnr",
            "Närvarande: Åsa\n§ 46 – Dnr",
        );
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Protokoll för mötet\nÄrende 1";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        check(&[&[0xFF, 0xFE][..], &le].concat(), text);
        check(&[&[0xFE, 0xFF][..], &be].concat(), text);
        check(&le, text);
        check(&be, text);
    }

    #[test]
    fn combining_ring_becomes_one_letter() {
        check("ha\u{30A}lsa".as_bytes(), "hålsa");
        assert_eq!(decode("a\u{30A}".as_bytes()).unwrap(), "å");
        // Beside characters above U+0300 that need no change ("–", "…").
        check("§ 3 – Ha\u{308}lsa…".as_bytes(), "§ 3 – Hälsa…");
        check("§ 3 – Hälsa…".as_bytes(), "§ 3 – Hälsa…");
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(decode(png).unwrap_err().contains("PNG"));
        assert!(decode(b"abc\0def").unwrap_err().contains("NUL"));
        let noise: Vec<u8> = (1u8..32).cycle().take(500).collect();
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn c1_controls_count_and_section_signs_do_not() {
        // "§" is 0xC2 0xA7 in UTF-8, beside the C1 controls (0xC2 0x80-0x9F).
        check("§ 46 Beslut\u{0C}".as_bytes(), "§ 46 Beslut\u{0C}");
        let c1 = "\u{85}\u{9F}ab".repeat(100);
        assert!(decode(c1.as_bytes()).unwrap_err().contains("control"));
        let del = "\u{7F}ab".repeat(100);
        assert!(decode(del.as_bytes()).unwrap_err().contains("control"));
        // One stray control in a long text is let through.
        let mostly_text = format!("{}\u{1B}", "Protokoll § 3. ".repeat(20));
        assert_eq!(decode(mostly_text.as_bytes()).unwrap(), mostly_text);
    }

    #[test]
    fn empty_file_is_empty_text() {
        check(b"", "");
    }
}
