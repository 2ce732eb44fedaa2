//! The tantivy schema: which fields a document has and how each is indexed.
//!
//! Three kinds of document share one schema:
//!
//! - a **meeting** document per indexed file: the file's record (its path and
//!   content hash, which make re-indexing idempotent) and the meeting header,
//!   stored once per meeting; it has no searchable text, so no query word
//!   ever matches it, and searches never return it;
//! - an **item** document per agenda item;
//! - a **decision** document per decision, linked to its item by source and
//!   ordinal.
//!
//! Every searchable text field goes through the Swedish index analyzer; the
//! two pair fields hold the word pairs of `text` and `decisions` (see
//! [`crate::analysis::PAIR_WORDS`]), from the same analysis.
//! What a document shows is kept in one stored JSON `record` (its payload): a
//! hit renders from its own record (which holds a brief of its meeting: date, group,
//! kind); `protokoll show` adds the full header from the meeting document.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED,
};

use crate::analysis::{INDEX_TOKENIZER, PAIRED_TOKENIZER, PAIR_TOKENIZER};

/// The value of the `doc_kind` field for each kind of document.
pub const KIND_MEETING: &str = "meeting";
pub const KIND_ITEM: &str = "item";
pub const KIND_DECISION: &str = "decision";

/// Handles to every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// `meeting`, `item` or `decision`.
    pub doc_kind: Field,
    /// The canonical path of the file: the key a re-index replaces by.
    pub path: Field,
    /// The file name as shown in hits ("000_67a42eaf90787138.txt").
    pub source: Field,
    /// blake3 of the file's bytes.
    pub hash: Field,
    pub meeting_kind: Field,
    pub date: Field,
    pub ordinal: Field,
    pub outcome: Field,
    pub record: Field,
    // Searchable text: few fields, so a query word has few postings to
    // read and every document few field norms.
    /// The item's title.
    pub title: Field,
    /// The item's sub-headings and the decisions' subjects.
    pub headings: Field,
    /// The decisions' text.
    pub decisions: Field,
    /// The item's text, its presenters and the meeting's reference number.
    pub text: Field,
    /// The group that met (meeting metadata; also the `--body` filter).
    pub body: Field,
    /// Where it met (meeting metadata).
    pub place: Field,
    /// The word pairs of `text` and of `decisions` (see
    /// [`crate::analysis::PAIR_WORDS`]): their phrases of a common word and
    /// the next, without reading positions.
    pub text_pairs: Field,
    pub decision_pairs: Field,
}

impl Fields {
    /// Looks the fields up by name in `schema`, or names the first one missing
    /// (an index built by another version of this program).
    pub fn from_schema(schema: &Schema) -> std::result::Result<Fields, String> {
        let f = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| format!("it has no field {name:?}"))
        };
        Ok(Fields {
            doc_kind: f("doc_kind")?,
            path: f("path")?,
            source: f("source")?,
            hash: f("hash")?,
            meeting_kind: f("meeting_kind")?,
            date: f("date")?,
            ordinal: f("ordinal")?,
            outcome: f("outcome")?,
            record: f("record")?,
            title: f("title")?,
            headings: f("headings")?,
            decisions: f("decisions")?,
            text: f("text")?,
            body: f("body")?,
            place: f("place")?,
            text_pairs: f("text_pairs")?,
            decision_pairs: f("decision_pairs")?,
        })
    }

    /// The fields a query word is looked up in, with their boosts: the title
    /// above headings above decisions above text, and meeting metadata
    /// (shared by every item of a meeting, so it says little about one item)
    /// lowest.
    pub fn weighted(&self) -> [(Field, f32, Weight); 6] {
        [
            (self.title, 4.0, Weight::Content),
            (self.headings, 2.5, Weight::Content),
            (self.decisions, 1.5, Weight::Content),
            (self.text, 1.0, Weight::Content),
            (self.body, 0.4, Weight::Metadata),
            (self.place, 0.3, Weight::Metadata),
        ]
    }

    /// The pair field of `field`, if it has one.
    pub fn pairs_of(&self, field: Field) -> Option<Field> {
        if field == self.text {
            Some(self.text_pairs)
        } else if field == self.decisions {
            Some(self.decision_pairs)
        } else {
            None
        }
    }

    /// The fields whose positions make phrase queries meaningful: the
    /// content fields.
    pub fn phrase_fields(&self) -> [(Field, f32); 4] {
        [
            (self.title, 4.0),
            (self.headings, 2.5),
            (self.decisions, 1.5),
            (self.text, 1.0),
        ]
    }
}

/// Whether a field describes the item itself or the meeting it belongs to.
/// Only a match in a content field counts towards "contains every query
/// word"; metadata matches still score, but lower.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Content,
    Metadata,
}

/// Builds the schema. Field names are part of the on-disk format.
pub fn build() -> Schema {
    let mut b = Schema::builder();
    // Stored only what a hit renders and re-indexing reads: the kind, the
    // date and the ordinal are in the record or read as fast fields.
    //
    // Keywords have no field norms: every value is one token, so a norm
    // would only say whether the field is there, at a byte per document
    // and field (1.2 MB at 100k items for the five below).
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_fieldnorms(false)
            .set_index_option(IndexRecordOption::Basic),
    ) | FAST;
    b.add_text_field("doc_kind", keyword.clone());
    b.add_text_field("path", keyword.clone() | STORED);
    b.add_text_field("source", keyword.clone() | STORED);
    // Only a column: a re-index reads every file's hash from it without
    // decompressing the store, and nothing looks a hash up.
    b.add_text_field("hash", TextOptions::default() | FAST);
    b.add_text_field("meeting_kind", keyword.clone());
    b.add_date_field(
        "date",
        DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_u64_field(
        "ordinal",
        NumericOptions::default().set_indexed().set_fast(),
    );
    b.add_text_field("outcome", keyword);
    b.add_text_field("record", STORED);
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(INDEX_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    for name in ["title", "headings"] {
        b.add_text_field(name, text.clone());
    }
    // The sources of the pair fields record their pairs as they are
    // analysed; the pair fields come after them, so tantivy (which indexes
    // a document's fields in field order) finds the pairs recorded.
    let paired = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(PAIRED_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    for name in ["decisions", "text"] {
        b.add_text_field(name, paired.clone());
    }
    // No phrase is looked for in the meeting metadata (the group, the
    // place): their positions, repeated on every item, would be dead weight.
    let meta = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(INDEX_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    b.add_text_field("body", meta.clone());
    b.add_text_field("place", meta);
    // A pair's frequency is the phrase's; the norms are the source field's.
    let pairs = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(PAIR_TOKENIZER)
            .set_fieldnorms(false)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    b.add_text_field("text_pairs", pairs.clone());
    b.add_text_field("decision_pairs", pairs);
    b.build()
}
