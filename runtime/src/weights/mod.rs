//! Machine-dependent weight constants, measured on the 2-core reference machine by
//! `scripts/benchmark-machine.sh` (the node's `benchmark storage` and `benchmark overhead`
//! commands; figures in `docs/performance.md`). The pallets' call weights are in each pallet's
//! `weights.rs` (`scripts/benchmark.sh`) and count storage accesses with these constants.

pub mod block_weights;
pub mod extrinsic_weights;
// Generated: the field doc comments of `RuntimeDbWeight` trigger `unused_doc_comments`.
#[allow(unused_doc_comments)]
pub mod rocksdb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use rocksdb_weights::constants::RocksDbWeight;
