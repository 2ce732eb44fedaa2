//! One module per subcommand: its flags as a plain `Args` struct and a `run`
//! that turns them into library calls.

pub mod analyze;
pub mod bench;
pub mod index;
pub mod parse;
pub mod search;
pub mod show;
pub mod stats;

use std::path::PathBuf;

/// Where the index lives: `--index DIR`, else `$PROTOKOLL_INDEX`, else
/// `./protokoll-index`.
#[derive(clap::Args, Debug, Clone)]
pub struct IndexLocation {
    /// The index directory
    #[arg(
        long = "index",
        value_name = "DIR",
        env = "PROTOKOLL_INDEX",
        default_value = "protokoll-index"
    )]
    pub dir: PathBuf,
}
