//! The library's one error type.
//!
//! Every variant names what went wrong and, where a user can act, what to do.
//! Messages have no trailing period so callers can prefix them with a file
//! name or wrap them in a sentence of their own.

use std::path::PathBuf;

/// A specialised `Result` for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A file is not text in any encoding we read (binary, image, NUL bytes).
    #[error("{}: not a text file ({reason})", path.display())]
    NotText { path: PathBuf, reason: String },

    /// The index directory holds no index or a damaged one.
    #[error("index at {}: {message}", path.display())]
    Index { path: PathBuf, message: String },

    /// Another process holds the index writer lock.
    #[error("index at {} is being written by another process: wait for it to finish", path.display())]
    IndexLocked { path: PathBuf },

    /// A query could not be understood.
    #[error("query {query:?}: {message}")]
    Query { query: String, message: String },

    /// An argument to a library call was out of range or malformed.
    #[error("{message}")]
    InvalidArgument { message: String },

    /// An error from the search engine that fits none of the above.
    #[error("search engine: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
