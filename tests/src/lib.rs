//! End-to-end harness: starts real `doid-node` processes on free loopback ports with temporary
//! base paths, talks to them over JSON-RPC and kills them on drop.
//!
//! The harness builds nothing: it runs the `doid-node` binary found through `DOID_NODE_BIN`, or
//! next to the test executable's target directory (`cargo build --release -p doid-node` first;
//! the README's test command does this). Every wait is bounded by a deadline.

pub mod chain;
pub mod demo;
pub mod flows;
pub mod load;
pub mod node;
pub mod rpc;
pub mod stock_client;

pub use chain::*;
pub use node::*;
pub use rpc::*;
pub use stock_client::run_stock_client;
