//! # protokoll
//!
//! Make Swedish meeting minutes (*protokoll*, *mötesanteckningar*,
//! *minnesanteckningar*) searchable.
//!
//! The library follows the data:
//!
//! 1. [`input`] reads a file in whatever encoding it came in and hands on text.
//! 2. [`parse`] turns that text into a [`Meeting`] with its agenda items and
//!    decisions. It never fails: odd input gives a best-effort meeting plus
//!    diagnostics.
//! 3. [`analysis`] turns Swedish text into search tokens (stemming, compounds,
//!    suspended hyphens, numbers).
//! 4. [`index`] stores agenda items and decisions in a tantivy index on disk.
//! 5. [`search`] runs ranked queries with filters and snippets over that index.
//!
//! [`synth`] writes synthetic minutes in the seed layouts for benchmarks.
//!
//! The crate never prints and never exits; the `protokoll` binary is a thin
//! layer over it.

pub mod analysis;
pub mod error;
pub mod index;
pub mod input;
pub mod model;
pub mod parse;
pub mod search;
pub mod synth;

pub use error::{Error, Result};
pub use model::{AgendaItem, Decision, Meeting, Outcome, Person, Section};
