//! Writing to the index: adding meetings, replacing changed files, and the
//! batch loop behind `protokoll index`.
//!
//! Every file is keyed by its canonical path. Adding a file first deletes
//! whatever the index holds under that path, and the delete and the new
//! documents land in the same commit, so a file is never both missing and
//! never there twice, whenever the process dies.

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocSet, Index, IndexWriter, TantivyDocument, TantivyError, Term, TERMINATED};

use super::schema::KIND_MEETING;
use super::{damaged, document, walk, Archive};
use crate::{Error, Meeting, Result};

/// How `index_paths` runs.
#[derive(Clone, Debug)]
pub struct IndexOptions {
    /// Remove indexed files that are gone from disk, or that lie under one of
    /// the given directories but were not found there this time.
    pub prune: bool,
    /// Commit after this many changed files.
    pub batch_size: usize,
    /// ... or after this many bytes of changed files, whichever comes first.
    pub batch_bytes: u64,
    /// Memory the writer may use before it flushes a segment (split across
    /// its threads, each needing at least 15 MB).
    pub writer_memory: usize,
    /// Indexing threads; 0 picks one per core, at most 4.
    pub threads: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            prune: false,
            // A commit costs a flush and an fsync of every new segment and
            // makes small segments to merge: at 256 files a batch, commits
            // took half of the indexing time. A batch of a few thousand
            // files or 32 MB still bounds what a killed run loses.
            batch_size: 4096,
            batch_bytes: 32 * 1024 * 1024,
            writer_memory: 128 * 1024 * 1024,
            threads: 0,
        }
    }
}

/// Where an indexing run is, reported after each file.
#[derive(Clone, Debug)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: u64,
    /// The file just handled.
    pub path: PathBuf,
}

/// What an indexing run did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IndexReport {
    /// Files found under the given paths.
    pub files_seen: usize,
    /// Files new or changed since the last run, now indexed.
    pub files_indexed: usize,
    /// Files whose content the index already held.
    pub files_unchanged: usize,
    /// Files removed by `prune`.
    pub files_removed: usize,
    /// Items and decisions added by this run.
    pub items: usize,
    pub decisions: usize,
    /// Bytes read from the files indexed.
    pub bytes: u64,
    /// Files skipped, with the reason.
    pub failures: Vec<(PathBuf, String)>,
    #[serde(serialize_with = "secs")]
    pub elapsed: Duration,
}

fn secs<S: serde::Serializer>(d: &Duration, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// The index's one writer. Changes become visible (and durable) at
/// [`ArchiveWriter::commit`]; dropping the writer without committing
/// discards them.
pub struct ArchiveWriter<'a> {
    archive: &'a Archive,
    writer: IndexWriter<TantivyDocument>,
}

impl<'a> ArchiveWriter<'a> {
    pub(super) fn new(archive: &'a Archive) -> Result<ArchiveWriter<'a>> {
        Self::with_options(archive, &IndexOptions::default())
    }

    fn with_options(archive: &'a Archive, opts: &IndexOptions) -> Result<ArchiveWriter<'a>> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = if opts.threads == 0 {
            cores.min(4)
        } else {
            opts.threads
        };
        // tantivy wants at least 15 MB per thread.
        let threads = threads.clamp(1, (opts.writer_memory / 20_000_000).max(1));
        let memory = opts.writer_memory.max(threads * 20_000_000);
        match archive.index.writer_with_num_threads(threads, memory) {
            Ok(writer) => {
                writer.set_merge_policy(merge_policy());
                Ok(ArchiveWriter { archive, writer })
            }
            Err(TantivyError::LockFailure(..)) => Err(Error::IndexLocked {
                path: archive.dir.clone(),
            }),
            Err(e) => Err(damaged(&archive.dir, e)),
        }
    }

    /// Adds a meeting under its `source` name, replacing whatever the index
    /// held under that name.
    pub fn add_meeting(&mut self, meeting: &Meeting, content_hash: &str) -> Result<()> {
        let key = meeting.source.clone();
        self.add_meeting_at(meeting, &key, content_hash)
    }

    /// Adds a meeting read from `path` (the key a later re-index or prune
    /// replaces it by), replacing whatever the index held under that path.
    pub fn add_meeting_at(
        &mut self,
        meeting: &Meeting,
        path: &str,
        content_hash: &str,
    ) -> Result<()> {
        self.remove(path);
        self.add_new(meeting, path, content_hash)
    }

    /// Adds a meeting the index does not hold yet: no delete to apply at
    /// the next commit, which otherwise looks every path up in every segment.
    fn add_new(&mut self, meeting: &Meeting, path: &str, content_hash: &str) -> Result<()> {
        for doc in document::build(meeting, path, content_hash, &self.archive.fields) {
            self.writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Removes everything indexed under `path`.
    pub fn remove(&mut self, path: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.archive.fields.path, path));
    }

    /// Makes every change so far durable and visible to new searches.
    pub fn commit(&mut self) -> Result<()> {
        let mut commit = self.writer.prepare_commit()?;
        // The analysis the index's terms come from (merges keep it).
        commit.set_payload(crate::analysis::ANALYSIS_VERSION);
        commit.commit()?;
        self.archive.reload()
    }

    /// Waits for background segment merges, then releases the lock.
    pub fn finish(self) -> Result<()> {
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}

/// The most documents a merge may bring into one segment (about 500 MB
/// of index at 2 documents per item). A merge maps every segment it reads,
/// and those pages count towards the process's memory: merging a whole
/// 1M-item index (2.06M documents, 970 MB) into one segment peaked at
/// 1,188 MB resident, over the 1 GiB budget, and took 72 of its 519 s on
/// one core.
const MAX_MERGED_DOCS: u32 = 1_000_000;

/// tantivy's log merge policy, but a segment of more than an eighth of
/// [`MAX_MERGED_DOCS`] is never merged again in the background (it merges
/// eight segments of a level at a time), so no background merge reads more
/// than about [`MAX_MERGED_DOCS`] documents.
fn merge_policy() -> Box<dyn tantivy::indexer::MergePolicy> {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_MERGED_DOCS as usize / 8);
    Box::new(policy)
}

/// The segments to merge into one each: smallest first, packed into
/// groups of at most [`MAX_MERGED_DOCS`] documents; groups of one segment
/// are left alone.
fn merge_groups(
    mut segments: Vec<(tantivy::index::SegmentId, u32)>,
    max_docs: u32,
) -> Vec<Vec<tantivy::index::SegmentId>> {
    segments.sort_by_key(|&(_, docs)| docs);
    let mut groups: Vec<Vec<tantivy::index::SegmentId>> = Vec::new();
    let mut current: Vec<tantivy::index::SegmentId> = Vec::new();
    let mut docs_in_current = 0u64;
    for (id, docs) in segments {
        if !current.is_empty() && docs_in_current + u64::from(docs) > u64::from(max_docs) {
            groups.push(std::mem::take(&mut current));
            docs_in_current = 0;
        }
        current.push(id);
        docs_in_current += u64::from(docs);
    }
    groups.push(current);
    groups.retain(|g| g.len() > 1);
    groups
}

impl Archive {
    /// Merges the segments of the index: into one up to
    /// [`MAX_MERGED_DOCS`] documents (100k items make 206k), into as few as
    /// that bound allows beyond, one merge at a time so that memory stays
    /// bounded. Does nothing when another writer holds the lock; a run
    /// killed meanwhile leaves the segments as they were.
    pub fn compact(&self) -> Result<()> {
        self.compact_to(MAX_MERGED_DOCS)
    }

    fn compact_to(&self, max_docs: u32) -> Result<()> {
        // Only the ids leave this block: a live `SegmentMeta` keeps its
        // segment's files from being collected after the merge.
        let groups = {
            let metas = self.index.searchable_segment_metas()?;
            merge_groups(
                metas.iter().map(|m| (m.id(), m.num_docs())).collect(),
                max_docs,
            )
        };
        if groups.is_empty() {
            return Ok(());
        }
        let mut writer: IndexWriter<TantivyDocument> =
            match self.index.writer_with_num_threads(1, 20_000_000) {
                Ok(w) => w,
                Err(TantivyError::LockFailure(..)) => return Ok(()),
                Err(e) => return Err(damaged(&self.dir, e)),
            };
        writer.set_merge_policy(merge_policy());
        for group in groups {
            writer.merge(&group).wait()?;
            // The merge read its segments through the same mappings as this
            // archive's reader, so their pages stay resident until the
            // reader lets go of them: reload before the next group.
            self.reload()?;
        }
        writer.wait_merging_threads()?;
        // tantivy deletes a segment's files only when no handle in the
        // process still knows the segment, and this archive's handles kept
        // the merged-away ones (the index doubled on disk after a bounded
        // compaction at 1M items). A fresh handle knows only the segments
        // of the last commit, and its collection removes the rest.
        let fresh = Index::open_in_dir(&self.dir).map_err(|e| damaged(&self.dir, e))?;
        crate::analysis::register(fresh.tokenizers());
        let collector: IndexWriter<TantivyDocument> =
            match fresh.writer_with_num_threads(1, 20_000_000) {
                Ok(w) => w,
                Err(TantivyError::LockFailure(..)) => return Ok(()),
                Err(e) => return Err(damaged(&self.dir, e)),
            };
        collector.garbage_collect_files().wait()?;
        Ok(())
    }

    /// The files the index holds: canonical path to content hash.
    pub fn indexed_files(&self) -> Result<HashMap<String, String>> {
        let searcher = self.searcher();
        let f = &self.fields;
        if !searcher.schema().get_field_entry(f.hash).is_fast() {
            return self.indexed_files_from_store(&searcher);
        }
        let mut out = HashMap::new();
        let meeting = Term::from_field_text(f.doc_kind, KIND_MEETING);
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Some(paths), Some(hashes)) = (fast.str("path")?, fast.str("hash")?) else {
                continue;
            };
            let Some(mut meetings) = segment
                .inverted_index(f.doc_kind)?
                .read_postings(&meeting, IndexRecordOption::Basic)
                .map_err(TantivyError::from)?
            else {
                continue;
            };
            // The (path, hash) term ordinals of every live meeting document,
            // then each dictionary read once, in order.
            let alive = segment.alive_bitset();
            let mut pairs = Vec::new();
            let mut doc = meetings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    if let Some(p) = paths.term_ords(doc).next() {
                        pairs.push((p, hashes.term_ords(doc).next()));
                    }
                }
                doc = meetings.advance();
            }
            let path_of = terms_of(&paths, pairs.iter().map(|&(p, _)| p))?;
            let hash_of = terms_of(&hashes, pairs.iter().filter_map(|&(_, h)| h))?;
            let (Some(path_of), Some(hash_of)) = (path_of, hash_of) else {
                // A dictionary short of an ordinal: read the slow way
                // rather than take a known file for a new one.
                return self.indexed_files_from_store(&searcher);
            };
            for (p, h) in pairs {
                // A meeting without a hash still holds its path: it is
                // replaced on the next run, never added twice.
                let hash = h.and_then(|h| hash_of.get(&h)).cloned().unwrap_or_default();
                if let Some(path) = path_of.get(&p) {
                    out.insert(path.clone(), hash);
                }
            }
        }
        Ok(out)
    }

    /// [`Self::indexed_files`] for an index whose hashes are stored, not
    /// columns: every meeting document read from the store.
    fn indexed_files_from_store(
        &self,
        searcher: &tantivy::Searcher,
    ) -> Result<HashMap<String, String>> {
        let f = &self.fields;
        let query = TermQuery::new(
            Term::from_field_text(f.doc_kind, KIND_MEETING),
            IndexRecordOption::Basic,
        );
        let docs = searcher.search(&query, &DocSetCollector)?;
        let mut out = HashMap::with_capacity(docs.len());
        for addr in docs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            out.insert(text(f.path), text(f.hash));
        }
        Ok(out)
    }
}

/// The terms of `ords` in `column`'s dictionary, read in one ordered pass;
/// `None` when the dictionary lacks one of them.
fn terms_of(
    column: &tantivy::columnar::StrColumn,
    ords: impl Iterator<Item = u64>,
) -> Result<Option<HashMap<u64, String>>> {
    let mut ords: Vec<u64> = ords.collect();
    ords.sort_unstable();
    ords.dedup();
    let mut terms = Vec::with_capacity(ords.len());
    let all = column
        .dictionary()
        .sorted_ords_to_term_cb(&ords, |bytes| {
            terms.push(String::from_utf8_lossy(bytes).into_owned());
        })
        .map_err(TantivyError::from)?;
    Ok((all && terms.len() == ords.len()).then(|| ords.into_iter().zip(terms).collect()))
}

/// Indexes every minutes file under `paths` into `archive`.
///
/// Bad files are reported in [`IndexReport::failures`] and skipped; only an
/// error of the index itself (lock held, disk full, damaged index) is
/// returned as `Err`. Changes are committed every
/// [`IndexOptions::batch_size`] files.
pub fn index_paths(
    archive: &Archive,
    paths: &[PathBuf],
    opts: &IndexOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<IndexReport> {
    let start = Instant::now();
    let mut writer = ArchiveWriter::with_options(archive, opts)?;
    let known = archive.indexed_files()?;
    let walked = walk::walk(paths);
    let mut report = IndexReport {
        files_seen: walked.files.len(),
        failures: walked.failures,
        ..IndexReport::default()
    };
    let mut seen: HashSet<String> = HashSet::with_capacity(walked.files.len());
    let (mut batch_files, mut batch_bytes) = (0usize, 0u64);
    let mut bytes_done = 0u64;
    let total = walked.files.len();

    for (i, (path, key)) in walked.files.iter().zip(&walked.keys).enumerate() {
        // The walk found the canonical path already.
        let key = key.to_string_lossy().into_owned();
        let first_time = seen.insert(key.clone());
        let known_hash = known.get(&key).map(String::as_str);
        match read_and_parse(path, known_hash) {
            Ok(None) => report.files_unchanged += 1,
            Ok(Some((meeting, hash, len))) => {
                if known_hash.is_none() && first_time {
                    writer.add_new(&meeting, &key, &hash)?;
                } else {
                    writer.add_meeting_at(&meeting, &key, &hash)?;
                }
                report.files_indexed += 1;
                report.items += meeting.items.len();
                report.decisions += meeting
                    .items
                    .iter()
                    .map(|i| i.decisions.len())
                    .sum::<usize>();
                report.bytes += len;
                batch_files += 1;
                batch_bytes += len;
                bytes_done += len;
            }
            Err(reason) => report.failures.push((path.clone(), reason)),
        }
        if batch_files >= opts.batch_size.max(1) || batch_bytes >= opts.batch_bytes {
            writer.commit()?;
            (batch_files, batch_bytes) = (0, 0);
        }
        progress(Progress {
            files_done: i + 1,
            files_total: total,
            bytes_done,
            path: path.clone(),
        });
    }

    if opts.prune {
        let roots: Vec<PathBuf> = paths.iter().filter_map(|p| p.canonicalize().ok()).collect();
        for old in known.keys().filter(|k| !seen.contains(*k)) {
            let p = Path::new(old);
            if !p.exists() || roots.iter().any(|r| p.starts_with(r)) {
                writer.remove(old);
                report.files_removed += 1;
            }
        }
    }
    writer.commit()?;
    writer.finish()?;
    // A run that wrote most of the index leaves it in several segments,
    // and every query looks each term up in every segment: merging them
    // made queries at 100k items faster. A small update to a big index is
    // left to tantivy's merge policy rather than rewriting everything.
    if report.files_indexed > 0 && report.files_indexed * 2 >= known.len() + report.files_indexed {
        archive.compact()?;
    }
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Reads, hashes and parses one file. `Ok(None)` when its hash equals
/// `known_hash`; `Err` with a reason when it cannot be indexed.
fn read_and_parse(
    path: &Path,
    known_hash: Option<&str>,
) -> std::result::Result<Option<(Meeting, String, u64)>, String> {
    use std::io::Read;
    // One open, one fstat, one read: the size check and the read see the
    // same file, and the path is resolved once.
    let mut file = std::fs::File::open(path).map_err(|e| walk::describe(&e))?;
    let len = file.metadata().map_err(|e| walk::describe(&e))?.len();
    if len > crate::input::MAX_FILE_BYTES {
        return Err(format!(
            "{} MB is larger than the {} MB limit for one minutes file",
            len / 1_000_000,
            crate::input::MAX_FILE_BYTES / 1_000_000
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes)
        .map_err(|e| walk::describe(&e))?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    if known_hash == Some(hash.as_str()) {
        return Ok(None);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".to_string());
    }
    let text =
        crate::input::decode(&bytes).map_err(|reason| format!("not a text file ({reason})"))?;
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The parser promises never to fail; a bug in it must still cost one
    // file, not the whole run. Its message goes into the reason, so a
    // program that silences the panic hook (the CLI does) loses nothing.
    let parsed = catch_unwind(AssertUnwindSafe(|| crate::parse::parse(&text, &source)))
        .map_err(|payload| parser_failure(payload.as_ref()))?;
    Ok(Some((parsed.meeting, hash, bytes.len() as u64)))
}

/// The skip reason for a file the parser panicked on, with the panic's
/// message when it has one (`panic!` payloads are `&str` or `String`).
fn parser_failure(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
    match message {
        Some(m) => format!("the minutes parser failed on this file (a bug: please report it): {m}"),
        None => "the minutes parser failed on this file (a bug: please report it)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(payload: Box<dyn std::any::Any + Send>, expected: &str) {
        assert_eq!(parser_failure(payload.as_ref()), expected);
    }

    #[test]
    fn merges_are_bounded_and_pack_small_segments_first() {
        let ids: Vec<_> = (0..6)
            .map(|_| tantivy::index::SegmentId::generate_random())
            .collect();
        let sizes = |groups: Vec<Vec<tantivy::index::SegmentId>>| -> Vec<usize> {
            groups.iter().map(Vec::len).collect()
        };
        // 100k items: everything into one.
        let small: Vec<_> = ids.iter().map(|&id| (id, 34_000)).collect();
        assert_eq!(sizes(merge_groups(small, MAX_MERGED_DOCS)), [6]);
        // 1M items: no group over the bound.
        let big: Vec<_> = ids.iter().map(|&id| (id, 340_000)).collect();
        assert_eq!(sizes(merge_groups(big, MAX_MERGED_DOCS)), [2, 2, 2]);
        // One segment, or only segments too big to merge: nothing to do.
        assert!(merge_groups(vec![(ids[0], 10)], MAX_MERGED_DOCS).is_empty());
        let huge: Vec<_> = ids[..2].iter().map(|&id| (id, MAX_MERGED_DOCS)).collect();
        assert!(merge_groups(huge, MAX_MERGED_DOCS).is_empty());
    }

    /// Segments on disk: one `.store` file each.
    fn stores_on_disk(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension() == Some("store".as_ref()))
            .count()
    }

    #[test]
    fn a_bounded_compaction_leaves_no_old_segment_files() {
        let minutes = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/minutes");
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path()).unwrap();
        // One commit per file: a segment each.
        let opts = IndexOptions {
            batch_size: 1,
            threads: 1,
            ..IndexOptions::default()
        };
        let mut writer = ArchiveWriter::with_options(&archive, &opts).unwrap();
        let mut files: Vec<_> = std::fs::read_dir(minutes)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            let meeting = crate::parse::parse(&text, "m.txt").meeting;
            writer
                .add_meeting_at(&meeting, &path.to_string_lossy(), "h")
                .unwrap();
            writer.commit().unwrap();
        }
        writer.finish().unwrap();
        let before = archive.index().searchable_segment_metas().unwrap();
        assert!(before.len() >= 4, "{} segments", before.len());
        let docs: u32 = before.iter().map(|m| m.num_docs()).sum();
        // Room for about two segments' worth per merge: several merges.
        let largest = before.iter().map(|m| m.num_docs()).max().unwrap();
        archive.compact_to(largest * 2).unwrap();
        let after = archive.index().searchable_segment_metas().unwrap();
        assert!(
            after.len() > 1 && after.len() < before.len(),
            "{} segments",
            after.len()
        );
        assert_eq!(after.iter().map(|m| m.num_docs()).sum::<u32>(), docs);
        assert_eq!(stores_on_disk(dir.path()), after.len());
        // And an unbounded one makes one segment.
        archive.compact().unwrap();
        assert_eq!(archive.index().searchable_segment_metas().unwrap().len(), 1);
        assert_eq!(stores_on_disk(dir.path()), 1);
        assert_eq!(archive.searcher().num_docs(), u64::from(docs));
    }

    #[test]
    fn a_parser_panic_keeps_its_message_in_the_reason() {
        let prefix = "the minutes parser failed on this file (a bug: please report it)";
        check(
            Box::new("index out of bounds"),
            &format!("{prefix}: index out of bounds"),
        );
        check(
            Box::new(String::from("§ 3: oj")),
            &format!("{prefix}: § 3: oj"),
        );
        check(Box::new(42u8), prefix);
        // And a real unwind gives such a payload.
        let payload = catch_unwind(|| {
            let v: Vec<u8> = Vec::new();
            v[usize::from(v.is_empty())]
        })
        .unwrap_err();
        assert!(parser_failure(payload.as_ref()).contains("index out of bounds"));
    }
}
