//! An item's body: its text, sections, presenters and decisions.
//!
//! The body lines are first grouped into blocks (paragraphs, headings,
//! presenter lines, part labels, list entries, "att"-clauses). Page
//! furniture is skipped, and a paragraph broken by a page break or a stray
//! blank line mid-sentence is joined again. A second pass walks the blocks
//! with a little state: which part of the item we are in (a decision part,
//! a silent part such as a proposal, or plain notes), whether a lead ("X
//! beslutar") waits for its clauses, and which sub-heading is current, so
//! each decision carries it as its subject.

use std::borrow::Cow;

use super::decisions::{
    classify, is_lead, sentences, stem_hits, trigger, trigger_unfiltered, Strength,
};
use super::items::{is_plain_heading, RawItem};
use super::parts::{label_line, Part};
use super::people::{
    presenter_in_heading, presenter_in_text, presenter_in_title, presenters, responsible,
};
use super::text::{
    bullet, ends_sentence, list_number, plain, squeeze, starts_lower, unwrap_bold, unwrap_italic,
    word_count, Line, TrimWs,
};
use crate::{AgendaItem, Decision, Outcome, Section};

#[derive(Debug)]
enum Kind {
    Para {
        lines: u32,
        gap_before: bool,
        gap_after: bool,
        italic: bool,
    },
    Heading,
    Presenter(Vec<String>),
    Label {
        part: Part,
        colon: bool,
        title: String,
    },
    Entry {
        italic: bool,
    },
    Att,
}

#[derive(Debug)]
struct Block<'a> {
    kind: Kind,
    /// Borrowed from the line until a second line joins it: most blocks
    /// are one line, and copying each cost an allocation.
    text: Cow<'a, str>,
}

impl Block<'_> {
    fn open(&self) -> bool {
        matches!(
            self.kind,
            Kind::Para { .. } | Kind::Entry { .. } | Kind::Att
        ) || matches!(self.kind, Kind::Label { .. } if !self.text.is_empty())
    }
}

/// Builds the agenda item for `raw` from the document's lines.
/// `meeting` is the group that met, when the header names it: its own
/// proposals to another body ("Arbetsutskottets förslag till
/// kommunstyrelsen" in the arbetsutskott's protocol) are its decisions.
pub fn build(
    lines: &[Line<'_>],
    furniture: &[bool],
    raw: &RawItem,
    ordinal: u32,
    meeting: Option<&str>,
) -> AgendaItem {
    let span: usize = lines[raw.body.clone()]
        .iter()
        .map(|l| l.raw.len() + 1)
        .sum();
    let mut text = String::with_capacity(span);
    let blocks = blocks(lines, furniture, raw, &mut text);
    let mut item = AgendaItem {
        ordinal,
        number: raw.number.clone(),
        title: raw.title.clone(),
        text,
        ..AgendaItem::default()
    };
    if let Some((title, name)) = presenter_in_title(&raw.title) {
        item.title = title.to_string();
        item.presenters.push(name);
    }
    interpret(blocks, &mut item, meeting);
    item
}

fn blocks<'a>(
    lines: &'a [Line<'_>],
    furniture: &[bool],
    raw: &RawItem,
    text: &mut String,
) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block> = Vec::new();
    // The body starts after the item's heading: as after a blank line.
    let mut gap = true;
    let mut lead_buf = String::new();
    // Page furniture since the last text line: a sentence may run on
    // across it even into a capitalised word ("enligt Göran" / "Åkessons").
    let mut page_break = false;
    for idx in raw.body.clone() {
        if furniture[idx] {
            gap = true;
            page_break = true;
            continue;
        }
        let line = &lines[idx];
        if line.is_blank() {
            gap = true;
            continue;
        }
        let broke = std::mem::take(&mut page_break);
        if gap {
            if let Some(Block {
                kind: Kind::Para { gap_after, .. },
                ..
            }) = blocks.last_mut()
            {
                *gap_after = true;
            }
        }
        let raw_text = line.text;
        let cleaned = line.clean.as_ref();
        let marked = line.level > 0 || unwrap_bold(raw_text).is_some();
        let label = if marked {
            let colon = cleaned.ends_with(':');
            label_line(cleaned.trim_end_matches(':')).map(|(part, _, _)| (part, colon, ""))
        } else {
            label_line(cleaned).map(|(part, rest, colon)| (part, colon, rest))
        };
        if let Some((part, colon, rest)) = label {
            let title = cleaned.split(':').next().unwrap_or(cleaned).trim_ws();
            if !text.is_empty() {
                text.push_str(if gap { "\n\n" } else { "\n" });
            }
            text.push_str(title);
            if !rest.is_empty() {
                text.push_str(": ");
                text.push_str(rest);
            }
            blocks.push(Block {
                kind: Kind::Label {
                    part,
                    colon,
                    title: title.to_string(),
                },
                text: Cow::Borrowed(rest),
            });
            gap = false;
            continue;
        }
        // Only a short line can be a heading: look ahead for no other.
        let next = || {
            lines[idx + 1..raw.body.end]
                .iter()
                .zip(&furniture[idx + 1..raw.body.end])
                .find(|(l, f)| !l.is_blank() && !**f)
                .map(|(l, _)| l.clean.as_ref())
        };
        let first_responsible = || blocks.is_empty().then(|| responsible(cleaned)).flatten();
        // "4.1 Förlängning av avtal" inside item 4: a numbered part.
        if let Some(title) = sub_item(cleaned, raw.value) {
            push_block(&mut blocks, text, gap, Kind::Heading, Cow::Borrowed(title));
            gap = false;
            continue;
        }
        let kind = if let Some(names) = first_responsible() {
            Some(Kind::Presenter(names))
        } else if marked
            || lettered_heading(cleaned)
            || tight_heading(cleaned, blocks.last(), gap, next, &mut lead_buf)
        {
            Some(Kind::Heading)
        } else if let Some(names) = presenters(cleaned) {
            Some(Kind::Presenter(names))
        } else if let Some(rest) =
            bullet(raw_text).or_else(|| list_number(raw_text).map(|(_, r)| r))
        {
            let italic = unwrap_italic(rest).is_some();
            push_block(&mut blocks, text, gap, Kind::Entry { italic }, plain(rest));
            gap = false;
            continue;
        } else if cleaned.starts_with("att ") && (gap || after_clause(&blocks, &mut lead_buf)) {
            Some(Kind::Att)
        } else {
            None
        };
        match kind {
            Some(kind) => {
                let body = if matches!(kind, Kind::Heading) {
                    cleaned.trim_end_matches(':').trim_ws()
                } else {
                    cleaned
                };
                push_block(&mut blocks, text, gap, kind, Cow::Borrowed(body));
            }
            None => {
                let italic = unwrap_italic(raw_text).is_some();
                let joins = blocks.last().is_some_and(|b| {
                    b.open()
                        && (!gap
                            || (!ends_sentence(&b.text)
                                && (starts_lower(cleaned)
                                    || broke
                                        && matches!(b.kind, Kind::Para { .. })
                                        && b.text.len() > 60)
                                && !cleaned.starts_with("att ")
                                && !matches!(b.kind, Kind::Label { .. })))
                });
                if joins {
                    let b = blocks.last_mut().expect("checked above");
                    let joined = b.text.to_mut();
                    joined.push(' ');
                    joined.push_str(cleaned);
                    text.push(if gap { ' ' } else { '\n' });
                    text.push_str(cleaned);
                    if let Kind::Para {
                        lines, gap_after, ..
                    } = &mut b.kind
                    {
                        *lines += 1;
                        *gap_after = false;
                    }
                } else {
                    push_block(
                        &mut blocks,
                        text,
                        gap,
                        Kind::Para {
                            lines: 1,
                            gap_before: gap,
                            gap_after: false,
                            italic,
                        },
                        Cow::Borrowed(cleaned),
                    );
                }
            }
        }
        gap = false;
    }
    if let Some(Block {
        kind: Kind::Para { gap_after, .. },
        ..
    }) = blocks.last_mut()
    {
        *gap_after = true;
    }
    blocks
}

/// Whether a paragraph ends "... besluta", "... besluta att" or "... besluta:".
/// The title of a numbered part of item `item`: "4.1 Förlängning av avtal"
/// or "4.1. Förlängning av avtal" in item 4.
fn sub_item(t: &str, item: Option<u32>) -> Option<&str> {
    if !t.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let item = item?;
    let (major, rest) = t.split_once('.')?;
    if major.parse::<u32>().ok()? != item {
        return None;
    }
    let d = rest.bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 2 {
        return None;
    }
    let after = &rest[d..];
    let title = after.strip_prefix('.').unwrap_or(after);
    if !title.starts_with([' ', '\t']) {
        return None;
    }
    let title = title.trim_ws();
    (super::text::starts_upper(title) && title.len() <= 150 && !title.ends_with(['.', ',', ';']))
        .then_some(title)
}

/// "a) Munkedals kommun – Föräldraskapsstöd i grupp": a lettered part of
/// an item, titled, not a sentence.
fn lettered_heading(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() > 4
        && b.len() <= 120
        && (b'a'..=b'h').contains(&b[0])
        && b[1] == b')'
        && b[2] == b' '
        && super::text::starts_upper(&t[3..])
        && !t.ends_with(['.', ':', ',', ';'])
}

/// Whether `word` ("Arbetsutskottets", "Utskottet", "AU:s") names the group
/// that met (`meeting`, "Kommunstyrelsens arbetsutskott"): its stem,
/// without a genitive or definite ending, is part of the group's name.
fn names_the_meeting(word: &str, meeting: Option<&str>) -> bool {
    let Some(meeting) = meeting else {
        return false;
    };
    // Only a committee proposes what it decides; a board or a nämnd that
    // "föreslår kommunfullmäktige" under "Förslag till beslut" quotes the
    // proposal it then decides on.
    let m = meeting.to_lowercase();
    if !["utskott", "beredning", "presidium"]
        .iter()
        .any(|c| m.contains(c))
    {
        return false;
    }
    let w = word.to_lowercase();
    let w = w.strip_suffix(":s").unwrap_or(&w);
    let w = w.strip_suffix('s').unwrap_or(w);
    let w = w
        .strip_suffix("et")
        .or_else(|| w.strip_suffix("en"))
        .unwrap_or(w);
    w.chars().count() >= 5 && m.contains(w)
}

/// "Utskottet föreslår kommunstyrelsen besluta att teckna ...": a sentence
/// in which the group that met proposes to another body.
fn own_proposal(sentence: &str, meeting: Option<&str>) -> bool {
    let mut words = sentence.split_whitespace();
    let (Some(who), Some(verb)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(verb, "föreslår" | "föreslog") && names_the_meeting(who, meeting)
}

fn ends_with_besluta(t: &str) -> bool {
    let t = t.trim_end().trim_end_matches(':').trim_end();
    let bare = t.strip_suffix(" att");
    let t = bare.unwrap_or(t);
    // "Hälso- och sjukvårdsnämnden föreslår regionstyrelsen att": the
    // proposal to another body is what the meeting decided.
    let proposes = bare.is_some_and(|b| {
        super::text::find_bytes(b, " föreslår ").is_some() && b.split_whitespace().count() <= 8
    });
    (t.ends_with(" besluta") || proposes) && t.len() < 300
}

/// Whether an "att" line right under the previous block starts a clause
/// (the block before it ended a sentence, was a lead or was a clause)
/// rather than continuing a wrapped sentence.
fn after_clause(blocks: &[Block], buf: &mut String) -> bool {
    match blocks.last() {
        None => true,
        Some(b) => match b.kind {
            Kind::Att | Kind::Label { .. } | Kind::Heading | Kind::Presenter(_) => true,
            _ => ends_sentence(&b.text) || is_lead(&b.text, buf) || ends_with_besluta(&b.text),
        },
    }
}

/// A sub-heading written tight against the text under it ("Tvärgrupp
/// unga" / "Gruppen har träffats ..."): a short heading-like line after a
/// finished sentence (or a blank line), followed by a line that starts a
/// new sentence. A wrapped sentence continues in lowercase or stops on a
/// function word, and a short statement ("Dagordningen godkändes") has a
/// decision verb, so neither is taken.
fn tight_heading<'l>(
    t: &str,
    prev: Option<&Block>,
    gap: bool,
    next: impl FnOnce() -> Option<&'l str>,
    buf: &mut String,
) -> bool {
    if t.len() > 60 || ends_sentence(t) || !super::text::starts_upper(t) {
        return false;
    }
    let after_sentence = match prev {
        None => true,
        Some(b) => match b.kind {
            Kind::Para { .. } | Kind::Entry { .. } => gap || ends_sentence(&b.text),
            Kind::Heading | Kind::Presenter(_) => false,
            Kind::Label { .. } | Kind::Att => false,
        },
    };
    after_sentence && next().is_some_and(|next| super::items::tight_heading(t, next, buf))
}

fn push_block<'a>(
    blocks: &mut Vec<Block<'a>>,
    text: &mut String,
    gap: bool,
    kind: Kind,
    body: Cow<'a, str>,
) {
    if !text.is_empty() {
        text.push_str(if gap { "\n\n" } else { "\n" });
    }
    if !matches!(kind, Kind::Label { .. }) {
        if matches!(kind, Kind::Entry { .. }) {
            text.push_str("- ");
        }
        text.push_str(&body);
    }
    blocks.push(Block { kind, text: body });
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Notes,
    /// After a "Beslut" label: `colon` labels ("Beslut:") in notes hold one
    /// paragraph; bare ones ("Socialnämndens beslut") hold the whole part.
    Deciding {
        colon: bool,
    },
    Silent,
}

/// Adds presenters, once each, to the current section when the item has
/// one under way (`in_section`), else to the item.
fn add_presenters(
    item: &mut AgendaItem,
    in_section: bool,
    names: impl IntoIterator<Item = String>,
) {
    let target = match (in_section, item.sections.last_mut()) {
        (true, Some(s)) => &mut s.presenters,
        _ => &mut item.presenters,
    };
    for n in names {
        if !target.contains(&n) {
            target.push(n);
        }
    }
}

fn interpret(blocks: Vec<Block>, item: &mut AgendaItem, meeting: Option<&str>) {
    // The last silent label is a proposal another body made ("Arbetsutskottets
    // förslag"): nothing under it is the meeting's own.
    let mut others_proposal = false;
    let mut buf = String::new();
    let mut hits = Vec::new();
    let mut state = State::Notes;
    let mut lead = false;
    let mut subject: Option<String> = None;
    let mut found: Vec<(Decision, Strength)> = Vec::new();
    let mut labelled = false;
    // Under a "Beslut:" label in notes, a list of decisions ends the part:
    // the paragraph after the list is notes again.
    let mut clauses_taken = false;
    let emit = |found: &mut Vec<(Decision, Strength)>,
                text: &str,
                default: Outcome,
                strength: Strength,
                subject: &Option<String>,
                buf: &mut String| {
        let t = squeeze(&plain(text));
        let t = t.trim_start_matches(['-', '•', ' ']).trim_ws();
        // Three letters are enough to know: stop counting there.
        if t.chars().filter(|c| c.is_alphabetic()).take(3).count() < 3 {
            return;
        }
        let outcome = classify(t, default, buf);
        found.push((
            Decision {
                text: t.to_string(),
                outcome,
                subject: subject.clone(),
            },
            strength,
        ));
    };
    for block in blocks {
        match block.kind {
            Kind::Heading => {
                // "Region Västmanland (Nadia Karimi)": the part's presenter.
                let (title, presenters) = match presenter_in_heading(&block.text) {
                    Some((title, name)) => (title.to_string(), vec![name]),
                    None => (block.text.to_string(), Vec::new()),
                };
                item.sections.push(Section {
                    title: title.clone(),
                    presenters,
                });
                subject = Some(title);
                state = State::Notes;
                lead = false;
            }
            Kind::Presenter(names) => {
                add_presenters(item, subject.is_some(), names);
            }
            Kind::Label { part, colon, title } => {
                let rest = block.text.as_ref();
                lead = false;
                clauses_taken = false;
                // "Arbetsutskottets förslag till kommunstyrelsen" in the
                // arbetsutskott's own protocol: what it decided.
                let own = part == Part::Silent
                    && title
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| names_the_meeting(w, meeting));
                let part = if own { Part::Decision } else { part };
                // "Arbetsutskottets förslag" in the board's protocol: another
                // body's proposal, whatever it says the board proposes.
                others_proposal = part == Part::Silent
                    && title
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.ends_with(['s', 'S']) && w.chars().count() > 4);
                match part {
                    Part::Silent => {
                        state = State::Silent;
                        item.sections.push(Section {
                            title,
                            presenters: Vec::new(),
                        });
                    }
                    Part::Decision => {
                        labelled = true;
                        if rest.trim_ws().is_empty() {
                            state = State::Deciding { colon };
                            lead = true;
                            if !colon {
                                item.sections.push(Section {
                                    title: title.clone(),
                                    presenters: Vec::new(),
                                });
                            }
                        } else if is_lead(rest, &mut buf) {
                            state = State::Deciding { colon: true };
                            lead = true;
                        } else {
                            emit(
                                &mut found,
                                rest,
                                Outcome::Other,
                                Strength::Explicit,
                                &subject,
                                &mut buf,
                            );
                            state = State::Notes;
                        }
                    }
                }
            }
            Kind::Para {
                lines,
                gap_before,
                gap_after,
                italic,
            } => {
                let t = block.text.as_ref();
                // Under "Förslag till beslut" the proposals are others';
                // the group's own ("Utskottet föreslår ...") is decided.
                if state == State::Silent && (others_proposal || !own_proposal(t, meeting)) {
                    continue;
                }
                if lines == 1
                    && gap_before
                    && gap_after
                    && state == State::Notes
                    && is_plain_heading(t)
                {
                    let title = t.trim_ws().trim_end_matches(':').trim_ws().to_string();
                    item.sections.push(Section {
                        title: title.clone(),
                        presenters: Vec::new(),
                    });
                    subject = Some(title);
                    lead = false;
                    continue;
                }
                // "Ekonomichef Petra Lind föredrog årsredovisningen.": the
                // presenter named in the text, when no line named one.
                if let Some(name) = super::text::starts_upper(t)
                    .then(|| super::decisions::sentences(t).next())
                    .flatten()
                    .and_then(presenter_in_text)
                {
                    add_presenters(item, subject.is_some(), [name]);
                }
                // The group that met proposing to another body, outside a
                // decision label: a lead to clauses, or a decision itself.
                let own = own_proposal(t, meeting);
                if own {
                    state = State::Notes;
                    if ends_with_besluta(t) {
                        lead = true;
                        continue;
                    }
                } else if is_lead(t, &mut buf) {
                    lead = true;
                    continue;
                }
                // Under a decision label, "Kommunstyrelsen föreslår
                // kommunfullmäktige besluta" introduces the decided clauses.
                if matches!(state, State::Deciding { .. }) && ends_with_besluta(t) {
                    lead = true;
                    continue;
                }
                if let State::Deciding { colon } = state {
                    if colon && clauses_taken {
                        state = State::Notes;
                        clauses_taken = false;
                    }
                }
                if let State::Deciding { colon } = state {
                    emit(
                        &mut found,
                        t,
                        Outcome::Other,
                        Strength::Explicit,
                        &subject,
                        &mut buf,
                    );
                    if colon {
                        state = State::Notes;
                    }
                    lead = false;
                    continue;
                }
                lead = false;
                if own || italic && lines == 1 && ends_sentence(t) && word_count(t, 5) >= 4 {
                    emit(
                        &mut found,
                        t,
                        Outcome::Other,
                        Strength::Strong,
                        &subject,
                        &mut buf,
                    );
                    continue;
                }
                let mut weak = false;
                // Only sentences holding a word that starts like a decision
                // verb are split into words.
                hits.clear();
                stem_hits(t, Some(&mut hits));
                let mut next_hit = 0;
                let candidates = (!hits.is_empty()).then(|| sentences(t));
                for s in candidates.into_iter().flatten() {
                    let end = s.as_ptr() as usize - t.as_ptr() as usize + s.len();
                    if next_hit >= hits.len() || hits[next_hit] >= end {
                        continue;
                    }
                    while next_hit < hits.len() && hits[next_hit] < end {
                        next_hit += 1;
                    }
                    match trigger_unfiltered(s, &mut buf) {
                        Some(Strength::Weak) if !weak => {
                            weak = true;
                            emit(
                                &mut found,
                                s,
                                Outcome::Other,
                                Strength::Weak,
                                &subject,
                                &mut buf,
                            );
                        }
                        Some(Strength::Strong) => {
                            emit(
                                &mut found,
                                s,
                                Outcome::Approved,
                                Strength::Strong,
                                &subject,
                                &mut buf,
                            );
                        }
                        _ => {}
                    }
                }
            }
            Kind::Entry { italic } => {
                if state == State::Silent {
                    continue;
                }
                let t = block.text.as_ref();
                if lead || matches!(state, State::Deciding { .. }) {
                    clauses_taken = true;
                    emit(
                        &mut found,
                        t,
                        if lead {
                            Outcome::Approved
                        } else {
                            Outcome::Other
                        },
                        Strength::Explicit,
                        &subject,
                        &mut buf,
                    );
                    continue;
                }
                if italic && word_count(t, 3) >= 3 {
                    emit(
                        &mut found,
                        t,
                        Outcome::Other,
                        Strength::Strong,
                        &subject,
                        &mut buf,
                    );
                    continue;
                }
                match sentences(t).find_map(|s| trigger(s, &mut buf).map(|k| (s, k))) {
                    Some((s, Strength::Strong)) => emit(
                        &mut found,
                        s,
                        Outcome::Approved,
                        Strength::Strong,
                        &subject,
                        &mut buf,
                    ),
                    Some((s, _)) => emit(
                        &mut found,
                        s,
                        Outcome::Other,
                        Strength::Weak,
                        &subject,
                        &mut buf,
                    ),
                    None => {}
                }
            }
            Kind::Att => {
                if state == State::Silent {
                    continue;
                }
                if lead || matches!(state, State::Deciding { .. }) {
                    lead = true;
                    clauses_taken = true;
                    emit(
                        &mut found,
                        &block.text,
                        Outcome::Approved,
                        Strength::Explicit,
                        &subject,
                        &mut buf,
                    );
                }
            }
        }
    }
    // Explicit decisions supersede the guesses made from loose sentences.
    if labelled {
        found.retain(|(_, s)| *s != Strength::Weak);
    }
    item.decisions = found.into_iter().map(|(d, _)| d).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::split_lines;

    fn item(body: &str) -> AgendaItem {
        item_of(body, None)
    }

    fn item_of(body: &str, meeting: Option<&str>) -> AgendaItem {
        let lines = split_lines(body);
        let furniture = vec![false; lines.len()];
        let raw = RawItem {
            number: Some("1".into()),
            value: Some(1),
            title: "Titel".into(),
            form: crate::parse::items::Form::Dot,
            head: 0,
            body: 0..lines.len(),
        };
        build(&lines, &furniture, &raw, 1, meeting)
    }

    fn check(body: &str, expected: &[(&str, Outcome, Option<&str>)]) {
        let it = item(body);
        let got: Vec<_> = it
            .decisions
            .iter()
            .map(|d| (d.text.as_str(), d.outcome, d.subject.as_deref()))
            .collect();
        assert_eq!(got, expected, "text: {}", it.text);
    }

    #[test]
    fn beslut_label_on_same_line_and_next_line() {
        check(
            "Text om saken.\n\n**Beslut:** Ledningsgruppen ställer sig bakom förslaget. Viktigt att betona.\n",
            &[("Ledningsgruppen ställer sig bakom förslaget. Viktigt att betona.", Outcome::Approved, None)],
        );
        check(
            "Beslut:\n\nLedningsgruppen enas i att skjuter på beslut i frågan.\n\nÖvrig text som följer.\n",
            &[("Ledningsgruppen enas i att skjuter på beslut i frågan.", Outcome::Postponed, None)],
        );
    }

    #[test]
    fn lead_with_att_clauses() {
        check(
            "Text.\n\nLSVO:s ledningsgrupp beslutar\n\natt godkänna handlingsplanen\n\natt rekrytera en projektledare\n\n\
             Protokollet ska skickas till\n",
            &[
                ("att godkänna handlingsplanen", Outcome::Approved, None),
                ("att rekrytera en projektledare", Outcome::Approved, None),
            ],
        );
    }

    #[test]
    fn lead_with_italic_bullets_under_subheadings() {
        check(
            "Förlängning av projektet\n\nLäns gemensam ledning i samverkan beslutar att\n\n\
             - *förlänga projektet t o m 2024-12-31*\n- *projektledarnas uppdrag förlängs*\n\n\
             Revidering av överenskommelse\n\nLäns gemensam ledning i samverkan godkänner föreslagna ändringar.\n",
            &[
                ("förlänga projektet t o m 2024-12-31", Outcome::Approved, Some("Förlängning av projektet")),
                ("projektledarnas uppdrag förlängs", Outcome::Approved, Some("Förlängning av projektet")),
                (
                    "Läns gemensam ledning i samverkan godkänner föreslagna ändringar.",
                    Outcome::Approved,
                    Some("Revidering av överenskommelse"),
                ),
            ],
        );
    }

    #[test]
    fn kommun_parts_proposals_are_not_decisions() {
        check(
            "Ärendebeskrivning\nFöreningen har ansökt om bidrag. Tidigare ansökan avslogs.\n\
             Beslutsunderlag\nTjänsteskrivelse om beslut 2024-04-30\n\
             Förvaltningens förslag till beslut\nSocialnämnden beslutar\natt bevilja bidrag med 20 000 kr.\n\
             Socialnämndens beslut\nSocialnämnden beslutar\natt bevilja föreningen bidrag med 20 000 kr,\n\
             att uppdra åt förvaltningen att följa upp\ninsatsen under hösten.\n\
             Reservation\nBertil Berg (M) reserverar sig mot beslutet.\nBeslutet skickas till\nFöreningen\n",
            &[
                ("att bevilja föreningen bidrag med 20 000 kr,", Outcome::Approved, None),
                ("att uppdra åt förvaltningen att följa upp insatsen under hösten.", Outcome::Other, None),
            ],
        );
    }

    #[test]
    fn proposal_to_a_higher_body_under_the_decision_label() {
        check(
            "Kommunstyrelsens beslut\nKommunstyrelsen föreslår kommunfullmäktige besluta\n\
             att anta detaljplanen för Norra hamnen.\n",
            &[(
                "att anta detaljplanen för Norra hamnen.",
                Outcome::Approved,
                None,
            )],
        );
    }

    #[test]
    fn loose_sentences_one_per_paragraph() {
        check(
            "Ansökan från Hammarö kommun beviljas delvis. Stöd beviljas för uppföljning.\n\n\
             Ansökan om träningsredskap, ansökan avslås. Gruppen anser annat.\n\n\
             Dialog om tidsfrist diskuterades. *Samordningsgruppen godkänner tid för sista ansökningsdatum.* Mer text.\n",
            &[
                ("Ansökan från Hammarö kommun beviljas delvis.", Outcome::Approved, None),
                ("Ansökan om träningsredskap, ansökan avslås.", Outcome::Rejected, None),
                ("Samordningsgruppen godkänner tid för sista ansökningsdatum.", Outcome::Approved, None),
            ],
        );
    }

    #[test]
    fn sections_and_presenters() {
        let it = item(
            "*Föredragande: Annika Magnerot*\n\nText.\n\n### Tvärgrupp Barn och unga\n\n\
             *Föredragande: Annie-Lie, Per och Magnus*\n\nText.\n\nTvärgrupp Äldre:\n\nText.\n",
        );
        assert_eq!(it.presenters, ["Annika Magnerot"]);
        let sections: Vec<_> = it
            .sections
            .iter()
            .map(|s| (s.title.as_str(), s.presenters.len()))
            .collect();
        assert_eq!(
            sections,
            [("Tvärgrupp Barn och unga", 3), ("Tvärgrupp Äldre", 0)]
        );
    }

    #[test]
    fn sentence_runs_on_across_a_page_break_into_a_name() {
        let body = "Propositionsordning\nOrdföranden ställer proposition och finner att styrelsen beslutar enligt Göran\n\n\
                    Justerandes sign\n\nÅkessons yrkande.\n";
        let lines = split_lines(body);
        let mut furniture = vec![false; lines.len()];
        furniture[3] = true;
        let raw = RawItem {
            number: Some("§ 1".into()),
            value: Some(1),
            title: "Titel".into(),
            form: crate::parse::items::Form::Paragraph,
            head: 0,
            body: 0..lines.len(),
        };
        let it = build(&lines, &furniture, &raw, 1, None);
        assert!(
            it.text.contains("enligt Göran Åkessons yrkande."),
            "{}",
            it.text
        );
    }

    #[test]
    fn tight_sub_headings_are_sections() {
        let it = item(
            "Amira berättade om utbildningen.\nTvärgrupp unga\nGruppen har träffats.\n\
             Tvärgrupp äldre\nGruppen har inte träffats.\nFrågan skjuts upp till nästa möte.\n",
        );
        let titles: Vec<_> = it.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Tvärgrupp unga", "Tvärgrupp äldre"]);
        assert_eq!(it.decisions[0].subject.as_deref(), Some("Tvärgrupp äldre"));
    }

    #[test]
    fn sentence_split_by_a_blank_line_is_joined() {
        let it = item(
            "arbete med att systematisera de länsgemensamma\n\nstyrdokument, vilket godkändes.\n",
        );
        assert_eq!(
            it.text,
            "arbete med att systematisera de länsgemensamma styrdokument, vilket godkändes."
        );
        assert!(it.decisions.is_empty());
    }

    #[test]
    fn the_meetings_own_proposals() {
        let au = Some("Kommunstyrelsens arbetsutskott");
        assert!(names_the_meeting("Arbetsutskottets", au));
        assert!(names_the_meeting("Utskottet", au));
        assert!(!names_the_meeting("Förvaltningens", au));
        assert!(!names_the_meeting(
            "Arbetsutskottets",
            Some("Kommunstyrelsen")
        ));
        assert!(!names_the_meeting("Arbetsutskottets", None));
        assert!(!names_the_meeting("Socialnämnden", Some("Socialnämnden")));
        assert!(own_proposal(
            "Utskottet föreslår kommunstyrelsen besluta att teckna avtal.",
            au
        ));
        assert!(!own_proposal(
            "Förvaltningen föreslår kommunstyrelsen besluta att teckna avtal.",
            au
        ));
    }

    #[test]
    fn numbered_parts_of_an_item() {
        assert_eq!(
            sub_item("4.1 Förlängning av avtal", Some(4)),
            Some("Förlängning av avtal")
        );
        assert_eq!(
            sub_item("4.2. Handlingsplan", Some(4)),
            Some("Handlingsplan")
        );
        // Another item's number, a decimal figure, a sentence, no item.
        assert_eq!(sub_item("3.1 Region", Some(4)), None);
        assert_eq!(sub_item("4.5 miljoner kronor avsätts", Some(4)), None);
        assert_eq!(sub_item("4.1 Avtalet förlängs.", Some(4)), None);
        assert_eq!(sub_item("4.1 Avtal", None), None);
    }

    #[test]
    fn own_proposals_decide_and_others_do_not() {
        let body = "Förslag till beslut\nFörvaltningen föreslår att avtalet tecknas.\n\n\
                    Utskottet föreslår kommunstyrelsen besluta att teckna avtalet.\n";
        let au = item_of(body, Some("Kommunstyrelsens arbetsutskott"));
        assert_eq!(au.decisions.len(), 1, "{:?}", au.decisions);
        assert!(au.decisions[0].text.starts_with("Utskottet föreslår"));
        // In the board's protocol the committee's proposal is no decision,
        // though it says what the board proposes.
        let body = "Arbetsutskottets förslag\nKommunstyrelsen föreslår kommunfullmäktige besluta\n\
                    att godkänna årsredovisningen.\n";
        let ks = item_of(body, Some("Kommunstyrelsen"));
        assert!(ks.decisions.is_empty(), "{:?}", ks.decisions);
    }
}
