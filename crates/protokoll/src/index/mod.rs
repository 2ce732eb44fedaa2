//! The on-disk index of agenda items and decisions.
//!
//! Indexing goes, in order:
//!
//! 1. [`walk`]: the minutes files under the given paths (recursive, sorted,
//!    symlink loops and unreadable entries reported, not fatal);
//! 2. per file: its bytes are hashed with blake3; a file whose path and hash
//!    the index already holds is skipped, so a second run changes nothing;
//! 3. [`crate::input`] and [`crate::parse`] make a [`Meeting`] of it;
//! 4. [`document`] turns the meeting into one meeting, one item and one
//!    decision document per item and decision ([`schema`] describes them);
//! 5. [`writer`] replaces the file's earlier documents and commits every
//!    batch, so a killed run loses at most its current batch and the last
//!    commit stays intact.
//!
//! [`Archive`] is the entry point: open or create an index directory, write
//! to it, search it ([`crate::search`]), count what it holds ([`Stats`]) and
//! fetch one item ([`ItemView`]).
//!
//! [`Meeting`]: crate::Meeting

pub mod document;
pub mod schema;
mod stats;
pub mod walk;
mod writer;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};

pub use document::{MeetingBrief, MeetingHeader, Payload};
pub use schema::Fields;
pub use stats::{BodyCount, ItemView, Stats};
pub use writer::{index_paths, ArchiveWriter, IndexOptions, IndexReport, Progress};

use crate::{Error, Result};

/// An index directory, opened for reading (and, through [`Archive::writer`],
/// for writing).
pub struct Archive {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive").field("dir", &self.dir).finish()
    }
}

impl Archive {
    /// Opens the index in `dir`, creating the directory and an empty index
    /// when there is none yet.
    pub fn open_or_create(dir: &Path) -> Result<Archive> {
        if !dir.join("meta.json").exists() {
            // Never scatter index files among someone's documents. Hidden
            // files are tantivy's own (".managed.json", lock files) left by
            // a run killed while it created the index.
            let occupied = std::fs::read_dir(dir)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok())
                        .any(|e| !e.file_name().to_string_lossy().starts_with('.'))
                })
                .unwrap_or(false);
            if occupied {
                return Err(Error::Index {
                    path: dir.to_path_buf(),
                    message: "the directory holds files but no index: choose an empty or new directory for the index".to_string(),
                });
            }
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            let directory = MmapDirectory::open(dir).map_err(|e| damaged(dir, e))?;
            // Another process may have created it meanwhile: then open it.
            if !Index::exists(&directory).map_err(|e| damaged(dir, e))? {
                match Index::create(directory, schema::build(), settings()) {
                    Ok(_) => {}
                    Err(e) if dir.join("meta.json").exists() => drop(e),
                    Err(e) => return Err(damaged(dir, e)),
                }
            }
        }
        Archive::open(dir)
    }

    /// Opens the existing index in `dir`.
    ///
    /// No index there, a damaged `meta.json` or a missing or truncated
    /// segment file gives an [`Error::Index`] that says how to rebuild.
    pub fn open(dir: &Path) -> Result<Archive> {
        if !dir.join("meta.json").exists() {
            return Err(Error::Index {
                path: dir.to_path_buf(),
                message: format!(
                    "no index here: build one with `protokoll index --index {} PATH...`",
                    dir.display()
                ),
            });
        }
        // tantivy reports damage as errors, but a truncated file could still
        // trip an assertion deep inside it; an index that cannot be opened
        // must give the user a way out, not a crash.
        catch_unwind(AssertUnwindSafe(|| Archive::open_unchecked(dir))).unwrap_or_else(|_| {
            Err(damaged(
                dir,
                "the search engine failed while reading it".to_string(),
            ))
        })
    }

    fn open_unchecked(dir: &Path) -> Result<Archive> {
        let index = Index::open_in_dir(dir).map_err(|e| damaged(dir, e))?;
        let metas = index.load_metas().map_err(|e| damaged(dir, e))?;
        // An empty index has no terms to disagree with.
        let has_documents = metas.segments.iter().any(|s| s.max_doc() > 0);
        if has_documents && metas.payload.as_deref() != Some(crate::analysis::ANALYSIS_VERSION) {
            let found = metas
                .payload
                .as_deref()
                .map_or_else(|| "an earlier analysis".to_string(), |p| format!("{p:?}"));
            return Err(damaged(
                dir,
                format!(
                    "its words were analysed by {found}, not by this version's {:?}, so searches would miss them",
                    crate::analysis::ANALYSIS_VERSION
                ),
            ));
        }
        crate::analysis::register(index.tokenizers());
        let fields = Fields::from_schema(&index.schema()).map_err(|m| damaged(dir, m))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| damaged(dir, e))?;
        Ok(Archive {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The tantivy index, for callers that need more than this crate offers.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The schema's fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A searcher over the last commit this archive has seen.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Makes commits made since opening (by this or another process)
    /// visible to the next search.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(|e| damaged(&self.dir, e))
    }

    /// Takes the index's writer lock. A second writer, in this process or
    /// another, gets [`Error::IndexLocked`].
    pub fn writer(&self) -> Result<ArchiveWriter<'_>> {
        ArchiveWriter::new(self)
    }
}

/// How a new index stores documents: zstd at level 4 in 12 KB blocks.
///
/// A hit fetch decompresses a whole block, so the block size sets most of
/// the cost of showing ten hits; the store (every item's full text, for
/// snippets and `show`) is most of the index, so the compression sets its
/// size, and compressing it was a fifth of the instructions of an indexing
/// run at level 6. At 100k items (97.7 MB of files, same window):
///
/// | level, block | index   | indexing CPU | query p50 |
/// |--------------|---------|--------------|-----------|
/// | 6, 16 KB     | 94.5 MB | 19.0 s       |           |
/// | 5, 16 KB     | 93.0 MB | 16.5-17.8 s  |           |
/// | 4, 16 KB     | 94.4 MB | 15.8 s       | 1.10-1.13 ms |
/// | 4, 12 KB     | 95.0 MB | 16.0 s       | 1.03-1.05 ms |
/// | 5, 8 KB      | 97.7 MB | 16.5 s       |           |
///
/// (level 6 measured before the keyword fields lost their norms, 2.1 MB;
/// decompression costs the same whatever the level.)
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(4),
        }),
        docstore_blocksize: 12 * 1024,
        ..Default::default()
    }
}

/// An error for an index that exists but cannot be used.
pub(crate) fn damaged(dir: &Path, reason: impl std::fmt::Display) -> Error {
    Error::Index {
        path: dir.to_path_buf(),
        message: format!(
            "cannot be read ({reason}): delete the directory and rebuild it with `protokoll index --index {} PATH...`",
            dir.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_a_missing_index_says_how_to_build_one() {
        let dir = tempfile::tempdir().unwrap();
        let err = Archive::open(&dir.path().join("nothing")).unwrap_err();
        assert!(err.to_string().contains("protokoll index"), "{err}");
    }

    #[test]
    fn garbage_meta_json_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        Archive::open_or_create(dir.path()).unwrap();
        std::fs::write(dir.path().join("meta.json"), b"{ not json").unwrap();
        let err = Archive::open(dir.path()).unwrap_err();
        assert!(err.to_string().contains("rebuild"), "{err}");
    }

    #[test]
    fn an_index_is_never_created_among_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("protokoll.txt"), "Protokoll").unwrap();
        let err = Archive::open_or_create(dir.path()).unwrap_err();
        assert!(err.to_string().contains("no index"), "{err}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_index_of_another_analysis_is_refused_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path()).unwrap();
        let meeting = crate::parse::parse("Protokoll\n\n1. Skrivna regler\n\nText.\n", "a.txt");
        let mut w = archive.writer().unwrap();
        // Two commits, two segments, for the merge below.
        for path in ["a.txt", "b.txt"] {
            w.add_meeting_at(&meeting.meeting, path, "hash").unwrap();
            w.commit().unwrap();
        }
        w.finish().unwrap();
        drop(archive);
        // Committed by this version: it opens, and merges keep the mark.
        let archive = Archive::open(dir.path()).unwrap();
        archive.compact().unwrap();
        assert_eq!(archive.index().searchable_segment_metas().unwrap().len(), 1);
        drop(archive);
        Archive::open(dir.path()).unwrap();
        // The same documents marked by another analysis, or by none (an
        // index written before the mark existed), are refused.
        let index = Index::open_in_dir(dir.path()).unwrap();
        for payload in [Some("protokoll-analysis 1"), None] {
            let mut w: tantivy::IndexWriter<tantivy::TantivyDocument> =
                index.writer_with_num_threads(1, 20_000_000).unwrap();
            let mut commit = w.prepare_commit().unwrap();
            if let Some(p) = payload {
                commit.set_payload(p);
            }
            commit.commit().unwrap();
            drop(w);
            let err = Archive::open(dir.path()).unwrap_err();
            assert!(err.to_string().contains("analysed by"), "{err}");
            assert!(err.to_string().contains("rebuild"), "{err}");
        }
    }

    #[test]
    fn a_second_writer_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path()).unwrap();
        let _w = archive.writer().unwrap();
        let other = Archive::open(dir.path()).unwrap();
        assert!(matches!(other.writer(), Err(Error::IndexLocked { .. })));
    }
}
