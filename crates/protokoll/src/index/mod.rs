//! The on-disk index of agenda items and decisions.
//!
//! (Being written: see issue 4.)
