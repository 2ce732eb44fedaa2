//! The minutes parser: text in, [`Meeting`] out.
//!
//! (Being written: see issue 2.)

use crate::Meeting;

/// Something the parser noticed but could not make sense of.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// 1-based line number in the text.
    pub line: usize,
    pub message: String,
}

/// A parsed meeting plus what the parser could not place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub meeting: Meeting,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses the text of one minutes file. Never fails.
pub fn parse(text: &str, source: &str) -> Parsed {
    let _ = text;
    Parsed {
        meeting: Meeting {
            source: source.to_string(),
            ..Meeting::default()
        },
        diagnostics: Vec::new(),
    }
}

/// Reads and parses the file at `path`; `source` is its file name.
pub fn parse_file(path: &std::path::Path) -> crate::Result<Parsed> {
    let text = crate::input::read_text(path)?;
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(parse(&text, &source))
}
