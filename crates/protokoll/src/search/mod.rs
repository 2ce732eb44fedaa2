//! Ranked queries with filters and snippets over the index.
//!
//! (Being written.)
