//! Item segmentation: where each agenda item starts and what its title is.
//!
//! Items are numbered in many ways: "1. Title", "## 3. Title",
//! "## **11. Title**", "§ 22" with the title on the next line or the same
//! line, "§ 46<TAB>Dnr SN 2024/00231" with the title on the next line,
//! "Punkt 3) Title". A numbered line only starts an item when it fits the
//! sequence so far, so a numbered list inside an item ("1. Region
//! Kronoberg rekvirerar ...") stays item text. A table of contents
//! ("Ärendeförteckning", "Dagens agenda:") is skipped; when a document
//! starts over at a number it has seen with nothing in between, the first
//! run was a table of contents too.
//!
//! "Punkt 3)" and "Ärende 4:" keep their word in the number ("Punkt 3"),
//! as "§ 22" keeps its mark. A § title may stand before the § line
//! ("Title / § 103 Dnr ... / Ärendebeskrivning") or after an "Ärende:" key.
//! Once a document is numbered with § or "Punkt", a "1. ..." line is a list
//! inside the item.
//!
//! Documents without numbered items (notes) are read a second time with
//! unnumbered headings as items: a short line standing alone between
//! paragraphs, without a closing full stop, or written tight against the
//! text under it when that text starts a new sentence.
//!
//! A signature block after the last item (names and roles, "Eva Holm,
//! ordförande") is set aside even without a "Vid protokollet" or
//! "Justeras" key.

use std::ops::Range;

use super::header::{is_page_number, is_toc_heading, is_trailer_start, key_line};
use super::parts::label_line;
use super::people::presenters;
use super::text::{
    bullet, cells, ends_sentence, eq_ci, find_bytes, is_filler, list_number, plain, starts_lower,
    starts_upper, strip_prefix_ci, unwrap_bold, word_count, Line, TrimWs,
};

/// One agenda item as found in the lines: its heading and its body lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawItem {
    pub number: Option<String>,
    pub value: Option<u32>,
    pub title: String,
    /// How the item was numbered; all numbered items of a document share one form.
    pub form: Form,
    /// The line the item starts at.
    pub head: usize,
    /// The item's body: the lines after its heading (and title line).
    pub body: Range<usize>,
}

/// The lines of a document sorted into header, items and trailer.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    pub items: Vec<RawItem>,
    /// Lines before the first item.
    pub header_end: usize,
    /// Runs of trailer lines (attendee lists, signatures) between or after items.
    pub trailers: Vec<Range<usize>>,
    /// A signature block at the end known only by its form (names and
    /// roles, no "Underskrifter" or "Vid protokollet" key before it).
    pub signatures: Option<Range<usize>>,
}

/// How an item is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// "1. Title", "## 3. Title", "2) Title".
    Dot,
    /// "§ 22".
    Paragraph,
    /// "Punkt 3) Title", "Ärende 3: Title".
    Punkt,
    /// An unnumbered heading.
    Heading,
}

#[derive(Debug)]
struct Start {
    form: Form,
    value: u32,
    number: String,
    /// `None` when the title is on the next line.
    title: Option<String>,
    marked: bool,
}

/// Segments a document: numbered items if it has any, else unnumbered headings.
pub fn segment(lines: &[Line<'_>], furniture: &[bool]) -> Segments {
    let numbered = run(lines, furniture, false);
    if !numbered.items.is_empty() {
        return numbered;
    }
    run(lines, furniture, true)
}

fn item_start(line: &Line<'_>) -> Option<Start> {
    let first = line.text.as_bytes().first().copied().unwrap_or(b' ');
    // Every item head starts with "§", a digit, "Punkt", "Ärende", a mark,
    // or a committee's letters before "§" ("BUN § 34").
    if !(first.is_ascii_digit()
        || first.is_ascii_uppercase()
        || matches!(first, 0xC2 | 0xC3 | b'*' | b'_' | b'p'))
    {
        return None;
    }
    let (t, bold) = match unwrap_bold(line.text) {
        Some(inner) => (inner, true),
        None => (line.text, false),
    };
    let marked = bold || line.level > 0;
    let t = if bold {
        plain(t)
    } else {
        std::borrow::Cow::Borrowed(line.clean.as_ref())
    };
    let t = t.trim_ws();
    if let Some(p) = paragraph_head(t) {
        let after = p.rest.trim_start_matches(['.', ':', '-', '–', ' ', '\t']);
        let title = cells(after).next().unwrap_or("");
        let title = if title.is_empty() || is_reference(title) {
            None
        } else {
            Some(title.to_string())
        };
        // "KSAU § 62 2024-02-20" in a list of documents, "5 § Lagen har
        // ..." wrapped from a sentence: references, not heads. A prefixed
        // or number-first head has no title or a capitalised one that is no
        // sentence.
        let plain_head = p.number.starts_with('§');
        if !plain_head
            && title.as_deref().is_some_and(|t| {
                !super::text::starts_upper(t)
                    || t.ends_with('.')
                    || t.split_whitespace().count() > 15
            })
        {
            return None;
        }
        return Some(Start {
            form: Form::Paragraph,
            value: p.value,
            number: p.number,
            title,
            marked,
        });
    }
    for word in ["punkt ", "ärende "] {
        if let Some(rest) = strip_prefix_ci(t, word) {
            let d = rest.bytes().take_while(u8::is_ascii_digit).count();
            if d == 0 || d > 3 {
                return None;
            }
            let value: u32 = rest[..d].parse().ok()?;
            let after = &rest[d..];
            if !after.is_empty() && !after.starts_with([')', '.', ':', ' ', '\t', '-', '–']) {
                return None;
            }
            let after = after.trim_start_matches([')', '.', ':', '-', '–', ' ', '\t']);
            let title = (!after.is_empty()).then(|| after.to_string());
            // The number as written, without its closing ")" or ".": "Punkt 3"
            // as "§ 23" keeps its mark.
            let word = &t[..t.len() - rest.len()];
            return Some(Start {
                form: Form::Punkt,
                value,
                number: format!("{}{value}", word),
                title,
                marked,
            });
        }
    }
    let (value, title) = list_number(t)?;
    Some(Start {
        form: Form::Dot,
        value,
        number: value.to_string(),
        title: Some(title.to_string()),
        marked,
    })
}

/// A paragraph's number at the start of a line, as written: "§ 22",
/// "§22", "§ 50/23" (with the year), "BUN § 34" (with the committee's
/// letters), "1 §" (the number first, as companies and associations write
/// it). Not "§§ 4-6" or "§ 4-§ 6", which refer to several.
struct ParagraphHead<'a> {
    value: u32,
    number: String,
    rest: &'a str,
}

fn paragraph_head(t: &str) -> Option<ParagraphHead<'_>> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    // "1 §" or "12§": the number first.
    let d = digits(t);
    if (1..=4).contains(&d) {
        let after = t[d..].trim_start_matches([' ', '\t']);
        let rest = after.strip_prefix('§')?;
        if rest.starts_with('§') || rest.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        return Some(ParagraphHead {
            value: t[..d].parse().ok()?,
            number: format!("{} §", &t[..d]),
            rest,
        });
    }
    // "BUN § 34": a committee's capitals (a hyphen allowed) before "§".
    let head = &t.as_bytes()[..t.len().min(12)];
    let at = head.windows(2).position(|w| w == "§".as_bytes());
    let (prefix, t) = match at {
        Some(0) => ("", t),
        Some(k) => {
            let letters = t[..k].trim_end_matches([' ', '\t']);
            let n = letters.chars().count();
            let caps = letters.chars().all(|c| c.is_uppercase() || c == '-')
                && letters.chars().any(char::is_uppercase);
            if !(2..=8).contains(&n) || !caps || letters.ends_with('-') {
                return None;
            }
            (letters, &t[k..])
        }
        None => return None,
    };
    let rest = t.strip_prefix('§')?;
    if rest.starts_with('§') {
        return None;
    }
    let gap = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    let d = digits(rest);
    if d == 0 || d > 5 {
        return None;
    }
    let value: u32 = rest[..d].parse().ok()?;
    let mut end = d;
    // "§ 50/23": the paragraph of the year 2023.
    if let Some(year) = rest[d..].strip_prefix('/') {
        let y = digits(year);
        if y == 2 || y == 4 {
            end = d + 1 + y;
        }
    }
    let after = rest[end..].trim_start();
    if let Some(r) = after.strip_prefix(['-', '–']) {
        let r = r.trim_start();
        if r.starts_with('§') || r.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    let space = if gap > 0 { " " } else { "" };
    let number = match prefix {
        "" => format!("§{space}{}", &rest[..end]),
        p => format!("{p} §{space}{}", &rest[..end]),
    };
    Some(ParagraphHead {
        value,
        number,
        rest: after,
    })
}

fn is_reference(s: &str) -> bool {
    ["dnr", "diarienr", "diarienummer", "ärendenr"]
        .iter()
        .any(|k| strip_prefix_ci(s, k).is_some())
}

/// Whether a title read from an item line is plausible for that form.
fn plausible_title(start: &Start, title: &str) -> bool {
    let t = title.trim_ws();
    if t.is_empty() || t.len() > 200 {
        return false;
    }
    if start.marked {
        return true;
    }
    let first_ok = starts_upper(t)
        || t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '"' | '”' | '(' | '«'));
    match start.form {
        Form::Dot => first_ok && !t.ends_with(['.', ',', ';']) && word_count(t, 26) <= 25,
        Form::Paragraph | Form::Punkt | Form::Heading => {
            !(starts_lower(t) || t.ends_with('.') && t.len() > 100)
        }
    }
}

/// Whether `t` can be an unnumbered heading: a short line without a closing
/// full stop that is no key, label, presenter line or lead-in ("Magnus
/// föreslår följande:").
pub fn is_plain_heading(t: &str) -> bool {
    let t = t.trim_ws();
    if t.len() < 2 || t.len() > 160 || !starts_upper(t) {
        return false;
    }
    let colon = t.ends_with(':');
    let core = t.trim_end_matches(':').trim_ws();
    if core.ends_with(['.', ',', ';', '!', '?', '-', '–'])
        || find_bytes(core, ". ").is_some()
        || core.contains('\t')
    {
        return false;
    }
    if word_count(core, 22) > 20 || cells(core).nth(1).is_some() {
        return false;
    }
    // Headings are short: fold on the stack, allocate only for long lines.
    let mut small = [0u8; 64];
    let folded;
    let lower: &str = match super::text::fold_small(core, &mut small) {
        Some(l) => l,
        None => {
            folded = core.to_lowercase();
            &folded
        }
    };
    // Byte searches: a str::contains searcher costs more to set up than
    // a search through a short heading.
    if find_bytes(lower, " att ").is_some()
        || lower.ends_with(" att")
        || find_bytes(lower, "beslut").is_some() && !lower.starts_with("beslut")
    {
        return false;
    }
    if ["beslutar", "beslutade", "beslöt"]
        .iter()
        .any(|w| find_bytes(lower, w).is_some())
    {
        return false;
    }
    if colon {
        let last = lower.rsplit(' ').next().unwrap_or("");
        const LEAD_INS: [&str; 14] = [
            "följande",
            "nedan",
            "är",
            "var",
            "att",
            "enligt",
            "om",
            "av",
            "till",
            "med",
            "för",
            "som",
            "och",
            "bl.a",
        ];
        if LEAD_INS.contains(&last) || word_count(core, 9) > 8 {
            return false;
        }
    }
    if key_line(core).is_some() || label_line(core).is_some() || presenters(core).is_some() {
        return false;
    }
    if is_toc_heading(core) || is_page_number(core) || super::header::has_kind_word(core) {
        return false;
    }
    core.chars().filter(|c| c.is_alphabetic()).take(2).count() >= 2
}

/// Whether `t` can be a heading written tight against the text under it
/// (`next`): short, heading-like, followed by a line that starts a new
/// sentence. A wrapped sentence continues in lowercase or stops on a
/// function word, and a short statement ("Dagordningen godkändes") has a
/// decision verb, so neither is taken.
pub fn tight_heading(t: &str, next: &str, buf: &mut String) -> bool {
    let t = t.trim_ws();
    if t.len() > 60 || word_count(t, 9) > 8 || t.ends_with(':') {
        return false;
    }
    if !starts_upper(next.trim_start()) {
        return false;
    }
    let last = t.rsplit(' ').next().unwrap_or("");
    const OPEN: [&str; 16] = [
        "och", "att", "i", "på", "för", "med", "som", "till", "av", "om", "en", "ett", "den",
        "det", "från", "samt",
    ];
    if OPEN.iter().any(|w| eq_ci(last, w)) || !is_plain_heading(t) {
        return false;
    }
    super::decisions::trigger(t, buf).is_none()
}

fn run(lines: &[Line<'_>], furniture: &[bool], unnumbered: bool) -> Segments {
    let n = lines.len();
    let mut items: Vec<RawItem> = Vec::new();
    let mut trailers = Vec::new();
    let mut trailer_start: Option<usize> = None;
    let mut in_toc = false;
    let mut toc_numbers: Vec<String> = Vec::new();
    let mut prev_blank = true;
    let mut prev_listish = false;
    let mut seen_content = false;
    let mut buf = String::new();
    let mut i = 0;
    while i < n {
        if furniture[i] {
            i += 1;
            continue;
        }
        let line = &lines[i];
        if line.is_blank() {
            prev_blank = true;
            i += 1;
            continue;
        }
        let text = line.clean.as_ref();
        // A table of contents comes before the items; "Dagordning" inside
        // an item is a sub-heading.
        if items.is_empty() && is_toc_heading(text) {
            in_toc = true;
            prev_blank = false;
            i += 1;
            continue;
        }
        let start = item_start(line);
        if in_toc {
            match &start {
                Some(s) if !toc_numbers.contains(&s.number) => {
                    toc_numbers.push(s.number.clone());
                    i += 1;
                    continue;
                }
                Some(_) => in_toc = false,
                None if bullet(line.text).is_some() || is_page_number(text) => {
                    i += 1;
                    continue;
                }
                None => in_toc = false,
            }
        }
        if !unnumbered {
            if let Some(start) = start {
                if let Some(next) = accept(
                    lines,
                    furniture,
                    &mut items,
                    &start,
                    i,
                    prev_blank,
                    prev_listish,
                ) {
                    if let Some(ts) = trailer_start.take() {
                        trailers.push(ts..i);
                    }
                    i = next;
                    prev_blank = true;
                    prev_listish = false;
                    continue;
                }
            }
        }
        // "## Åtgärder" after items headed "### 4. Övrigt": a heading above
        // the items' level ends the last one, as the section that held
        // them ("## Anteckningar") ends.
        let above_items = items.last().is_some_and(|it| {
            let level = lines[it.head].level;
            line.level > 0 && level > 0 && line.level < level
        });
        if !items.is_empty() && trailer_start.is_none() && (above_items || is_trailer_start(text)) {
            close(&mut items, i);
            trailer_start = Some(i);
        }
        if unnumbered && trailer_start.is_none() {
            let next_blank = lines.get(i + 1).is_none_or(|l| l.is_blank());
            let marked = line.level > 0 || unwrap_bold(line.text).is_some();
            let tight = prev_blank
                && !next_blank
                && tight_heading(text, lines[i + 1].clean.as_ref(), &mut buf);
            let heading = seen_content
                && (marked || (prev_blank && next_blank) || tight)
                && is_plain_heading(text)
                && bullet(line.text).is_none();
            if heading {
                close(&mut items, i);
                items.push(RawItem {
                    number: None,
                    value: None,
                    title: text.trim_ws().trim_end_matches(':').trim_ws().to_string(),
                    form: Form::Heading,
                    head: i,
                    body: i + 1..n,
                });
                prev_blank = false;
                i += 1;
                continue;
            }
            if !seen_content
                && (key_line(cells(text).next().unwrap_or("")).is_some() || !is_plain_heading(text))
            {
                seen_content = true;
            }
        }
        prev_listish = bullet(line.text).is_some() || list_number(line.text).is_some();
        prev_blank = false;
        i += 1;
    }
    let mut signatures = None;
    if let Some(ts) = trailer_start {
        trailers.push(ts..n);
    } else if let Some(last) = items.last() {
        if let Some(at) = signature_tail(lines, furniture, last.body.clone()) {
            close(&mut items, at);
            signatures = Some(at..n);
        }
    }
    let header_end = items.first().map_or(n, |it| it.head);
    Segments {
        items,
        header_end,
        trailers,
        signatures,
    }
}

/// Where a signature block at the end of `body` starts: a run of lines,
/// after a blank line, holding only names, signature roles ("Ordförande",
/// "Justerare"), filler ("........") and place-and-date lines, with at least
/// one name and one role. Looks back at most a few lines.
fn signature_tail(lines: &[Line<'_>], furniture: &[bool], body: Range<usize>) -> Option<usize> {
    let (mut names, mut roles, mut start) = (0, 0, None);
    let mut k = body.end;
    let mut seen = 0;
    while k > body.start && seen < 12 {
        k -= 1;
        let line = &lines[k];
        if line.is_blank() || furniture[k] {
            continue;
        }
        seen += 1;
        let mut ok = true;
        for cell in cells(line.clean.as_ref()) {
            let signer = super::people::person(cell);
            if super::header::signature_role(cell).is_some() {
                roles += 1;
            } else if signer
                .affiliation
                .as_deref()
                .and_then(super::people::role_in)
                .is_some()
                && cell.len() <= 60
                && super::people::is_name(&signer.name, 2)
            {
                // "Eva Holm, ordförande": name and role in one.
                names += 1;
                roles += 1;
            } else if cell.split_whitespace().count() <= 4
                && !ends_sentence(cell)
                && super::people::is_name(&super::people::person(cell).name, 2)
            {
                names += 1;
            } else if !(is_filler(cell)
                || super::dates::find_date(cell).is_some() && cell.len() < 40)
            {
                ok = false;
                break;
            }
        }
        if !ok {
            break;
        }
        start = Some(k);
    }
    let start = start?;
    let after_blank = start > body.start && lines[start - 1].is_blank();
    (names > 0 && roles > 0 && after_blank).then_some(start)
}

/// Ends the last item's body at line `at`.
fn close(items: &mut [RawItem], at: usize) {
    if let Some(last) = items.last_mut() {
        if last.body.end > at {
            last.body.end = at.max(last.body.start);
        }
    }
}

/// The line holding the title of the § item at line `i` when the title
/// stands before the § line: the nearest line above (across blank lines
/// and page furniture) that stands alone, reads as a heading and is not
/// the previous item's own heading.
fn title_before(
    lines: &[Line<'_>],
    furniture: &[bool],
    items: &[RawItem],
    i: usize,
) -> Option<usize> {
    let floor = items.last().map_or(0, |it| it.body.start);
    let mut c = i;
    loop {
        if c <= floor {
            return None;
        }
        c -= 1;
        if !(lines[c].is_blank() || furniture[c]) {
            break;
        }
    }
    let alone = c == 0 || lines[c - 1].is_blank() || furniture[c - 1];
    let t = lines[c].clean.as_ref().trim_ws();
    let heading = starts_upper(t)
        && !ends_sentence(t)
        && !t.ends_with([',', ';', ':'])
        && word_count(t, 21) <= 20
        && label_line(t).is_none()
        && key_line(t).is_none()
        && item_start(&lines[c]).is_none();
    (alone && heading).then_some(c)
}

/// Decides whether `start` at line `i` begins an item; if so pushes it and
/// returns the line where its body starts.
fn accept(
    lines: &[Line<'_>],
    furniture: &[bool],
    items: &mut Vec<RawItem>,
    start: &Start,
    i: usize,
    prev_blank: bool,
    prev_listish: bool,
) -> Option<usize> {
    if start.form == Form::Dot && !start.marked && !prev_blank && prev_listish {
        return None;
    }
    // In a document numbered "§ 5" or "Punkt 5", a "1. ..." line is a list
    // inside the item (a numbered decision), never an item of its own.
    if start.form == Form::Dot
        && !start.marked
        && items
            .last()
            .is_some_and(|it| matches!(it.form, Form::Paragraph | Form::Punkt))
    {
        return None;
    }
    let is_blank = |k: usize| lines[k].is_blank() || furniture[k];
    let mut head = i;
    // The title: on the line, or on the next non-blank line.
    let (title, body_start) = match &start.title {
        Some(t) => (t.clone(), i + 1),
        None => {
            let mut j = i + 1;
            while j < lines.len() && (is_blank(j) || is_reference(lines[j].text)) {
                j += 1;
            }
            if j >= lines.len() || item_start(&lines[j]).is_some() {
                (String::new(), i + 1)
            } else if let Some(c) = (label_line(lines[j].clean.as_ref()).is_some())
                .then(|| title_before(lines, furniture, items, i))
                .flatten()
            {
                // "Title / § 103 Dnr ... / Ärendebeskrivning": the part label
                // right after the § line shows the title came before it.
                head = c;
                (plain(lines[c].text).trim_ws().to_string(), i + 1)
            } else {
                let mut title = plain(lines[j].text).trim_ws().to_string();
                let mut k = j + 1;
                // A title wrapped onto a second line continues in lowercase.
                if k < lines.len()
                    && !is_blank(k)
                    && starts_lower(lines[k].text)
                    && !ends_sentence(&title)
                    && !lines[k].text.starts_with("att ")
                {
                    title.push(' ');
                    title.push_str(plain(lines[k].text).trim_ws());
                    k += 1;
                }
                (title, k)
            }
        }
    };
    if start.title.is_some() && !plausible_title(start, &title) {
        return None;
    }
    let same_form = |it: &RawItem| (it.form == Form::Paragraph) == (start.form == Form::Paragraph);
    let last = items
        .iter()
        .rev()
        .find(|it| same_form(it))
        .and_then(|it| it.value);
    // "1 §": companies number from the start, one by one.
    let number_first = start.number.ends_with('§');
    if number_first && last.map_or(start.value > 2, |l| start.value > l + 2) {
        return None;
    }
    match last {
        Some(last) => {
            let ahead = match start.form {
                Form::Paragraph => 30,
                _ if start.marked => 10,
                _ => 2,
            };
            if start.value <= last || start.value > last + ahead {
                // Starting over at a number seen before, with nothing but
                // headings in between: what came before was a table of contents.
                let k = items.iter().position(|it| it.value == Some(start.value))?;
                let empty = items[k..].iter().enumerate().all(|(x, it)| {
                    let end = items.get(k + x + 1).map_or(i, |n| n.head);
                    (it.body.start..end.max(it.body.start))
                        .all(|l| is_blank(l) || item_start(&lines[l]).is_some())
                });
                if !empty || start.value > last {
                    return None;
                }
                items.truncate(k);
            }
        }
        None => {
            if !start.marked && start.form != Form::Paragraph && start.value > 30 {
                return None;
            }
        }
    }
    if eq_ci(title.trim_ws(), "") && start.title.is_none() && start.form != Form::Paragraph {
        return None;
    }
    close(items, head);
    // "Ärende: Bygglov för ..." under the § line: the key is no part of the title.
    let title = title.trim_ws();
    let title = strip_prefix_ci(title, "ärende:")
        .or_else(|| strip_prefix_ci(title, "ärendet:"))
        .unwrap_or(title);
    items.push(RawItem {
        number: Some(start.number.clone()),
        value: Some(start.value),
        title: title.trim_ws().trim_end_matches(':').trim_ws().to_string(),
        form: start.form,
        head,
        body: body_start..lines.len(),
    });
    Some(body_start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::split_lines;

    fn check(input: &str, expected: &[(Option<&str>, &str)]) {
        let lines = split_lines(input);
        let furniture = vec![false; lines.len()];
        let seg = segment(&lines, &furniture);
        let got: Vec<_> = seg
            .items
            .iter()
            .map(|it| (it.number.as_deref(), it.title.as_str()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn numbered_items_and_lists_inside_them() {
        check(
            "MÖTESANTECKNINGAR\n\n1. Incheckning\n\nText.\n\n2. Rekvisering av statsbidrag\n\n\
             Magnus föreslår följande:\n\n1. Region Kronoberg rekvirerar medlen.\n2. Utsedda personer får i uppdrag.\n\n\
             3. Gemensamma medel\n\nText.\n",
            &[
                (Some("1"), "Incheckning"),
                (Some("2"), "Rekvisering av statsbidrag"),
                (Some("3"), "Gemensamma medel"),
            ],
        );
    }

    #[test]
    fn short_numbered_list_without_full_stops_stays_text() {
        check(
            "1. Ekonomi\n\nVi gick igenom:\n1. Budget\n2. Utfall\n3. Prognos\n\n2. Personal\n\nText.\n",
            &[(Some("1"), "Ekonomi"), (Some("2"), "Personal")],
        );
    }

    #[test]
    fn a_heading_above_the_items_level_ends_the_last_item() {
        let input = "## Anteckningar\n\n### 1. Inledning\n\nText.\n\n### 2. Övrigt\n\n\
                     Inga frågor.\n\n## Åtgärder\n\n- [ ] Ola skriver utkast\n";
        let lines = split_lines(input);
        let furniture = vec![false; lines.len()];
        let seg = segment(&lines, &furniture);
        let last = seg.items.last().unwrap();
        assert_eq!(last.title, "Övrigt");
        assert!(lines[last.body.clone()]
            .iter()
            .all(|l| !l.text.contains("Ola")));
        assert_eq!(seg.trailers.len(), 1);
    }

    #[test]
    fn markdown_items() {
        check(
            "## Ledningsgrupp\n\n## 1. Kort presentation\n\nText.\n\n## Tvärgrupp Äldre\n\nText.\n\n\
             ## **11. Utvecklingsarbeten**\n\nText.\n\n### **13. Utcheckning och avslut**\n\nText.\n",
            &[
                (Some("1"), "Kort presentation"),
                (Some("11"), "Utvecklingsarbeten"),
                (Some("13"), "Utcheckning och avslut"),
            ],
        );
    }

    #[test]
    fn paragraph_items_with_toc_and_title_on_next_line() {
        check(
            "Ärendeförteckning\n\n- § 22 Godkännande\n- § 23 Handlingsplan\n\nParagrafer:\n\n§ 22 - § 25\n\n\
             § 22\n\nGodkännande av föredragningslista\n\nText.\n\n§ 23\tDnr SN 2024/00231\nHandlingsplan psykisk hälsa\n\
             Text.\n\n§ 24 Avrapportering\nDnr SN 2024/1\nText.\n",
            &[
                (Some("§ 22"), "Godkännande av föredragningslista"),
                (Some("§ 23"), "Handlingsplan psykisk hälsa"),
                (Some("§ 24"), "Avrapportering"),
            ],
        );
    }

    #[test]
    fn paragraph_numbers_as_committees_companies_and_associations_write_them() {
        // The committee's letters before "§", the paragraph's year after it.
        check(
            "BUN § 34\nFastställande av dagordning\n\nBeslut\nText.\n\n\
             BUN § 35        Dnr BUN 2023/0045\nBudgetuppföljning\n\nText.\n",
            &[
                (Some("BUN § 34"), "Fastställande av dagordning"),
                (Some("BUN § 35"), "Budgetuppföljning"),
            ],
        );
        check(
            "§ 50/23  GODKÄNNANDE AV DAGORDNING\n\nText.\n\n§ 51/23  DELÅRSRAPPORT (Dnr 2023/12)\n\nText.\n",
            &[
                (Some("§ 50/23"), "GODKÄNNANDE AV DAGORDNING"),
                (Some("§ 51/23"), "DELÅRSRAPPORT (Dnr 2023/12)"),
            ],
        );
        // The number first, and "§1" without a space, each as written.
        check(
            "1 §  Sammanträdets öppnande\n\nText.\n\n2 §\tVal av justerare\n\nText.\n",
            &[
                (Some("1 §"), "Sammanträdets öppnande"),
                (Some("2 §"), "Val av justerare"),
            ],
        );
        check(
            "§1 Stämmans öppnande\n\nText.\n\n§2 Val av stämmoordförande\n\nText.\n",
            &[
                (Some("§1"), "Stämmans öppnande"),
                (Some("§2"), "Val av stämmoordförande"),
            ],
        );
        // Lowercase words before "§", a reference to several paragraphs,
        // "12 §§" and a law's "3 § kommunallagen" in a sentence are no heads.
        for line in [
            "KSAU § 62 2024-02-20",
            "KSAU § 62, 2024-02-20",
            "5 § Socialtjänstlagen har därmed fått en ny lydelse.",
            "enligt § 12 Text",
            "Kommunstyrelsen § 12 beslutade",
            "§§ 4-6 Justerade",
            "12 §§ Text",
            "3 §kommunallagen",
        ] {
            let lines = split_lines(line);
            assert!(item_start(&lines[0]).is_none(), "{line}");
        }
    }

    #[test]
    fn title_before_the_paragraph_line_and_arende_key() {
        check(
            "§ 101 Dnr BMN 2023/1\nGodkännande av dagordning\n\nBeslut\nGodkänns.\n\n\
             Tillsyn enligt miljöbalken\n§ 102 Dnr BMN 2023/2\n\nÄrendebeskrivning\nText.\n\n\
             § 103 Dnr BMN 2023/3\nÄrende: Meddelanden\n\nBeslut\nText.\n",
            &[
                (Some("§ 101"), "Godkännande av dagordning"),
                (Some("§ 102"), "Tillsyn enligt miljöbalken"),
                (Some("§ 103"), "Meddelanden"),
            ],
        );
    }

    #[test]
    fn numbered_decisions_inside_paragraph_items_stay_text() {
        check(
            "§ 5 Bygglov Ekbacken 2:3\nDnr MN 2024/12\n\nBeslut\n1. Bygglov beviljas enligt ansökan\n\
             2. Avgiften fastställs till 12 000 kr\n\n§ 6 Meddelanden\n\nText.\n\n\
             Punkt 7) Övrigt\n1. Budget\n2. Lokaler\n",
            &[
                (Some("§ 5"), "Bygglov Ekbacken 2:3"),
                (Some("§ 6"), "Meddelanden"),
                (Some("Punkt 7"), "Övrigt"),
            ],
        );
    }

    #[test]
    fn toc_without_heading_is_dropped_when_numbers_start_over() {
        check(
            "§ 45 Val av justerare\n§ 46 Bidrag\n§ 47 Övrigt\n\n§ 45 Val av justerare\n\nAnna utses.\n\n\
             § 46 Bidrag\n\nText.\n\n§ 47 Övrigt\n\nText.\n",
            &[
                (Some("§ 45"), "Val av justerare"),
                (Some("§ 46"), "Bidrag"),
                (Some("§ 47"), "Övrigt"),
            ],
        );
    }

    #[test]
    fn punkt_items() {
        check(
            "Protokoll styrelsemöte\n\nPunkt 1) Mötets öppnande\nOrdföranden öppnade mötet.\n\n\
             Punkt 2) Val av justerare\nEva valdes.\n",
            &[
                (Some("Punkt 1"), "Mötets öppnande"),
                (Some("Punkt 2"), "Val av justerare"),
            ],
        );
        check(
            "Protokoll\n\nÄrende 1: Mötets öppnande\nText.\n\nÄrende 2. Val av justerare\nText.\n",
            &[
                (Some("Ärende 1"), "Mötets öppnande"),
                (Some("Ärende 2"), "Val av justerare"),
            ],
        );
    }

    #[test]
    fn unnumbered_headings_in_notes() {
        check(
            "Datum\n\n2024-06-14\n\nSamordningsgruppen, minnesanteckningar 240614\n\nDagens agenda:\n\n\
             - Utvärdering\n- Ekonomi\n\nUtvärdering av vårens arbete\n\nGenomgång av aktiviteterna.\n\n\
             Magnus föreslår följande:\n\nEkonomi\n\nSamordningsgruppen har beviljat medel.\n\n\
             Minnesanteckningar förda av: Jenny Wennberg\n",
            &[(None, "Utvärdering av vårens arbete"), (None, "Ekonomi")],
        );
    }

    #[test]
    fn toc_heading_inside_an_item_is_no_toc() {
        check(
            "1. Mötets öppnande\n\nDagordning\n\n- Punkt ett\n\n2. Val av justerare\n\nText.\n",
            &[
                (Some("1"), "Mötets öppnande"),
                (Some("2"), "Val av justerare"),
            ],
        );
    }

    #[test]
    fn signature_block_after_the_last_item_is_set_aside() {
        let input = "1. Öppnande\nText.\n\n2. Avslutning\nMötet avslutades.\n\n\
                     Elin Åberg\nSekreterare\n\nAnders Lindqvist\tBirgitta Sjöberg\nOrdförande\tJusterare\n";
        let lines = split_lines(input);
        let seg = segment(&lines, &vec![false; lines.len()]);
        assert_eq!(seg.signatures, Some(6..lines.len()));
        assert_eq!(seg.items[1].body.end, 6);
        let lines = split_lines(
            "1. Öppnande\nText.\n\n2. Avslutning\nMötet avslutades.\n\nEva Holm, ordförande\n",
        );
        let seg = segment(&lines, &vec![false; lines.len()]);
        assert_eq!(seg.signatures, Some(6..lines.len()));
        // A closing sentence is no signature block.
        let lines = split_lines(
            "1. Öppnande\nText.\n\n2. Avslutning\n\nOrdförande Anna Ek avslutade mötet.\n",
        );
        assert_eq!(segment(&lines, &vec![false; lines.len()]).signatures, None);
    }

    #[test]
    fn headings_tight_against_their_text() {
        check(
            "Minnesanteckningar\nDatum: 2023-10-03\n\nInledning\nHelena hälsade välkomna.\n\n\
             Uppföljning av handlingsplanen\nJohan gick igenom läget.\n\n\
             Gruppen har träffats två gånger och tagit fram ett förslag på\naktiviteter under hösten.\n\n\
             Dagordningen godkändes\nInga tillägg.\n",
            &[(None, "Inledning"), (None, "Uppföljning av handlingsplanen")],
        );
    }

    #[test]
    fn headings() {
        assert!(is_plain_heading("Planering för hösten 2024"));
        assert!(is_plain_heading("Nästa möte:"));
        assert!(is_plain_heading("Tvärgrupp Äldre:"));
        assert!(!is_plain_heading("Magnus föreslår följande:"));
        assert!(!is_plain_heading(
            "Läns gemensam ledning i samverkan beslutar att"
        ));
        assert!(!is_plain_heading("LSVO:s ledningsgrupp beslutar"));
        assert!(!is_plain_heading("Genomgång av aktiviteterna."));
        assert!(!is_plain_heading("Föredragande: Magnus Frithiof"));
        assert!(!is_plain_heading("Ärendebeskrivning"));
    }
}
