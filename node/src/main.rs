//! `doid-node`: the DOID chain node (validator or verifier).
#![warn(missing_docs)]

mod admission;
#[cfg(feature = "benchmark-cli")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod doid_rpc;
mod evidence_bundle;
mod rpc;
mod service;

/// jemalloc for every allocation of the process on Linux (see `node/Cargo.toml`).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> sc_cli::Result<()> {
	command::run()
}
