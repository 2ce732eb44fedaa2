//! The minutes parser: text in, [`Meeting`] out.
//!
//! The pipeline, in order:
//!
//! 1. [`text`] splits the text into lines and strips markdown marks.
//! 2. [`furniture`] marks what PDF exports repeat on every page (page
//!    numbers, signature boxes, the repeated protocol header).
//! 3. [`items`] finds where agenda items start ("1. Title", "§ 22",
//!    "Punkt 3)", "## 3. Title", unnumbered headings in notes), skips tables
//!    of contents, and sets aside the trailer (attendee lists and
//!    signatures after the last item, keyed or known by their form).
//! 4. [`header`] reads the metadata from the lines before the first item and
//!    from the trailer: kind, body, date, time, place, reference, chair,
//!    secretary, who was present and absent. [`dates`] and [`people`] read
//!    the values.
//! 5. [`body`] turns each item's lines into text, sections, presenters and
//!    decisions, using [`parts`] for kommun item parts ("Beslutsunderlag",
//!    "Socialnämndens beslut") and [`decisions`] for what a decision
//!    sentence is and what outcome it states.
//!
//! **The parser never fails**: malformed input yields a best-effort
//! [`Meeting`] plus diagnostics. Every stage walks the lines once and looks
//! ahead a bounded distance, so the cost is linear in the input.

mod body;
mod contract;
pub mod dates;
mod decisions;
mod furniture;
mod header;
mod items;
mod parts;
mod people;
mod table;
mod text;

use crate::Meeting;
use text::TrimWs;

pub use contract::{ContractView, MeetingHeader};

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
    // An agenda kept as a table is read as the numbered items it lists.
    let expanded = table::expand(text);
    let text = expanded.as_deref().unwrap_or(text);
    // Parts labelled in a left column are read as parts under headings.
    let unlabelled = table::unlabel(text);
    let text = unlabelled.as_deref().unwrap_or(text);
    let lines = text::split_lines(text);
    let furniture = furniture::mark(&lines, |t| {
        parts::label_line(t).is_some() || t.trim_start().starts_with("att ")
    });
    let segments = items::segment(&lines, &furniture);
    let mut meeting = Meeting {
        source: source.to_string(),
        ..Meeting::default()
    };
    let mut diagnostics = Vec::new();

    let mut reader = header::HeaderReader::new(&mut meeting);
    for line in &lines[..segments.header_end] {
        reader.line(line);
    }
    for run in &segments.trailers {
        reader.start_trailer();
        for line in &lines[run.clone()] {
            reader.line(line);
        }
    }
    if let Some(run) = &segments.signatures {
        reader.start_signatures();
        for line in &lines[run.clone()] {
            reader.line(line);
        }
    }
    reader.finish();

    for (k, raw) in segments.items.iter().enumerate() {
        // Item bodies end where a trailer starts, so no trailer line is in one.
        let item = body::build(
            &lines,
            &furniture,
            raw,
            k as u32 + 1,
            meeting.body.as_deref(),
        );
        if item.title.is_empty() {
            diagnostics.push(Diagnostic {
                line: raw.head + 1,
                message: format!("item {} has no title", raw.number.as_deref().unwrap_or("?")),
            });
        }
        meeting.items.push(item);
    }
    if meeting.chair.is_none() {
        meeting.chair = chair_in_items(&meeting).or_else(|| elected(&meeting, Role::Chair));
    }
    if meeting.secretary.is_none() {
        meeting.secretary = elected(&meeting, Role::Secretary);
    }
    if meeting.items.is_empty() && !text.trim_ws().is_empty() {
        diagnostics.push(Diagnostic {
            line: 1,
            message: "no agenda items found: no numbered items, § paragraphs or headings"
                .to_string(),
        });
    }
    Parsed {
        meeting,
        diagnostics,
    }
}

/// "Ordförande Anna Hasselbom Trofast, Borgholm kommun hälsade ..." in the
/// opening item names the chair when the header does not.
fn chair_in_items(m: &Meeting) -> Option<String> {
    for item in m.items.iter().take(3) {
        for line in item.text.lines() {
            for key in ["Ordförande ", "Mötesordförande ", "Ordföranden "] {
                let Some(rest) = line.trim_start().strip_prefix(key) else {
                    continue;
                };
                let name: Vec<&str> = rest
                    .split([',', '('])
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .take_while(|w| text::starts_upper(w))
                    .take(5)
                    .collect();
                let name = name.join(" ");
                if people::is_name(&name, 2) {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Which of the meeting's officers an election names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Chair,
    Secretary,
}

/// The chair or secretary the meeting elected in one of its opening items
/// ("§2 Val av stämmoordförande / Stämman valde Ingrid Holmqvist till
/// ordförande för stämman"), as annual meetings of associations record
/// them. Only an item whose title elects the meeting's own officers
/// counts: "Val av ordförande" at an annual meeting elects the
/// association's chair for the year.
fn elected(m: &Meeting, role: Role) -> Option<String> {
    let (titles, roles): (&[&str], &[&str]) = match role {
        Role::Chair => (
            &[
                "mötesordförande",
                "stämmoordförande",
                "ordförande för mötet",
                "ordförande för stämman",
                "ordförande för årsmötet",
                "mötets ordförande",
                "mötesfunktionärer",
            ],
            &[
                "till mötesordförande",
                "till stämmoordförande",
                "till ordförande",
            ],
        ),
        Role::Secretary => (
            &[
                "protokollförare",
                "mötessekreterare",
                "sekreterare för mötet",
                "sekreterare för stämman",
                "sekreterare för årsmötet",
                "mötesfunktionärer",
            ],
            &[
                "till protokollförare",
                "till mötessekreterare",
                "till sekreterare",
                "att föra protokollet",
                "att föra dagens protokoll",
            ],
        ),
    };
    for item in m.items.iter().take(6) {
        let title = item.title.to_lowercase();
        // "Val av mötesordförande och sekreterare": the meeting's secretary.
        let meetings = role == Role::Secretary
            && title.contains("sekreterare")
            && ["mötes", "stämmo", "för mötet", "för stämman"]
                .iter()
                .any(|m| title.contains(m));
        if !meetings && !titles.iter().any(|t| title.contains(t)) {
            continue;
        }
        for sentence in decisions::sentences(&item.text) {
            let lower = sentence.to_lowercase();
            if !roles.iter().any(|r| lower.contains(r)) {
                continue;
            }
            // The full names in the sentence, each with the word index
            // where it ends.
            let words: Vec<&str> = sentence
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')'))
                .filter(|w| !w.is_empty())
                .collect();
            let mut names: Vec<(usize, String)> = Vec::new();
            let mut start = 0;
            for k in 0..=words.len() {
                if words.get(k).is_some_and(|w| text::starts_upper(w)) {
                    continue;
                }
                let name = words[start..k].join(" ");
                if k - start >= 2 && people::is_name(&name, 2) {
                    names.push((k, name));
                }
                start = k + 1;
            }
            // "valde A till ordförande och B till sekreterare": the name
            // right before the role's "till"; else the one name there is.
            let lower_words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let at_role = roles.iter().find_map(|r| {
                let first = r.split_whitespace().collect::<Vec<_>>();
                (0..lower_words.len()).find(|&k| {
                    first
                        .iter()
                        .enumerate()
                        .all(|(j, w)| lower_words.get(k + j).is_some_and(|x| x == w))
                })
            });
            let before_role = at_role.and_then(|k| names.iter().find(|(end, _)| *end == k));
            match (before_role, names.as_slice()) {
                (Some((_, name)), _) => return Some(name.clone()),
                (None, [(_, name)]) => return Some(name.clone()),
                _ => {}
            }
        }
    }
    None
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
