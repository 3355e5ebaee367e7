//! Command-line interface of the node.

use sc_cli::RunCmd;

/// The node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A maintenance subcommand; without one, the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node.
	#[clap(flatten)]
	pub run: RunCmd,

	/// Refuse new transactions from RPC and the network (error 1016, retriable) once the
	/// pool holds this percentage of `--pool-limit` transactions in all (every view, ready and
	/// future) or its ready queue this percentage of `--pool-kbytes`, so that a full pool does
	/// not evict transactions it has accepted. 100 turns this off.
	#[arg(long, default_value_t = crate::admission::DEFAULT_ADMISSION_PERCENT)]
	pub pool_admission_percent: usize,
}

/// Maintenance subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (use `--raw` for the form nodes load).
	#[deprecated(note = "use `export-chain-spec`")]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of `--chain` (add `--raw` for the raw form).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime and node benchmarks (weights are generated with `benchmark pallet`); only in
	/// builds with the `benchmark-cli` feature.
	#[cfg(feature = "benchmark-cli")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}
