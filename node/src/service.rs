//! The node service: client, RocksDB backend, transaction pool, networking, Aura authoring,
//! GRANDPA finality and the RPC server.

use crate::admission::AdmissionControl;
use doid_runtime::{self, apis::RuntimeApi, opaque::Block};
use futures::FutureExt;
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::sr25519::AuthorityPair as AuraPair;
use std::{sync::Arc, time::Duration};

/// Host functions of the executor: the standard ones plus the benchmarking ones, so that the
/// same node runs a runtime built with or without `runtime-benchmarks` (the test build and the
/// weight generation use such a runtime; without the feature the runtime imports none of them).
type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// The full client type.
pub(crate) type FullClient =
	sc_service::TFullClient<Block, RuntimeApi, sc_executor::WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;

/// GRANDPA stores a justification at least every this many blocks (and at every authority-set
/// change), so that finality proofs for evidence bundles stay short.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 64;

/// The parts shared by the node and its maintenance subcommands.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(
		sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>,
		sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
		Option<Telemetry>,
		Option<Arc<PoolHandle>>,
	),
>;

/// A handle on the transaction pool.
type PoolHandle = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

/// Aura inherent data: the timestamp and the slot derived from it.
fn aura_inherents(
	slot_duration: sp_consensus_aura::SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// Build the client, database, pool and import queue (for the maintenance subcommands: the pool
/// has the stock options and no admission control).
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	build_partial(config, None)
}

/// Build the pool: with `admission`, the pool type and limits of the command line behind
/// [`crate::admission::AdmissionControl`], and a second handle on the same pool for the
/// network's transaction handler (refusals answered as already known, periodic propagation
/// bounded, see [`crate::admission::Caller::Peers`]); without, the stock pool of `config`.
fn transaction_pool(
	config: &Configuration,
	client: Arc<FullClient>,
	task_manager: &TaskManager,
	admission: Option<PoolAdmission>,
) -> (PoolHandle, Option<PoolHandle>) {
	let spawner = task_manager.spawn_essential_handle();
	let is_validator = config.role.is_authority().into();
	let prometheus = config.prometheus_registry();
	let Some(admission) = admission else {
		let pool = sc_transaction_pool::Builder::new(spawner, client, is_validator)
			.with_options(config.transaction_pool.clone())
			.with_prometheus(prometheus)
			.build();
		return (pool, None);
	};
	let PoolAdmission { options, fork_aware, percent } = admission;
	let ready = options.ready.clone();
	let limits = (ready.count, ready.total_bytes, percent);
	log::info!(
		"💸 Transaction pool: {}, {} ready / {} future, new external transactions refused at {percent} %",
		if fork_aware { "fork-aware" } else { "single-state" },
		ready.count,
		options.future.count,
	);
	use sc_transaction_pool::TransactionPoolWrapper as Handle;
	if fork_aware {
		use sc_transaction_pool::ForkAwareTxPool as Pool;
		let (main, network) =
			admitted(Pool::new_full(options, is_validator, prometheus, spawner, client), limits);
		(Handle(main), Some(Handle(network)))
	} else {
		use sc_transaction_pool::BasicPool as Pool;
		let (main, network) =
			admitted(Pool::new_full(options, is_validator, prometheus, spawner, client), limits);
		(Handle(main), Some(Handle(network)))
	}
}

/// `pool` behind admission control with `(count, bytes, percent)` (see [`AdmissionControl::new`]):
/// the one for RPC, authoring and maintenance, and the one for the network (see
/// [`AdmissionControl::for_network`]).
fn admitted<P>(
	pool: P,
	(count, bytes, percent): (usize, usize, usize),
) -> (Box<AdmissionControl<P>>, Box<AdmissionControl<P>>)
where
	P: sc_transaction_pool_api::TransactionPool + crate::admission::Occupancy,
{
	let main = AdmissionControl::new(Arc::new(pool), count, bytes, percent);
	let network = main.for_network();
	(Box::new(main), Box::new(network))
}

/// Build the client, database, pool (see [`transaction_pool`]) and import queue.
fn build_partial(
	config: &Configuration,
	admission: Option<PoolAdmission>,
) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			vec![Arc::new(sc_consensus_grandpa::GrandpaPruningFilter)],
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let (transaction_pool, network_pool) =
		transaction_pool(config, client.clone(), &task_manager, admission);
	let transaction_pool = Arc::new(transaction_pool);
	let network_pool = network_pool.map(Arc::new);

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let cidp_client = client.clone();
	let import_queue =
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: grandpa_block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import.clone())),
			client: client.clone(),
			create_inherent_data_providers: move |parent_hash, _| {
				let cidp_client = cidp_client.clone();
				async move {
					let slot_duration = sc_consensus_aura::standalone::slot_duration_at(
						&*cidp_client,
						parent_hash,
					)?;
					Ok(aura_inherents(slot_duration))
				}
			},
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa_block_import, grandpa_link, telemetry, network_pool),
	})
}

/// The node's default `--pool-limit` (sc-cli's is 8 192). The fork-aware pool keeps every
/// transaction until its block is finalized, and admission control counts them all: at ~300
/// anchors/s about 4 000–6 000 are in blocks not yet finalized, so with 8 192 (cap 6 553) the
/// node refused submissions at that rate and the chain finalized ~281/s; with 16 384 it
/// finalized 300/s with no refusal (docs/performance.md, "Load"). Text, as clap takes defaults.
pub const DEFAULT_POOL_LIMIT: &str = "16384";

/// The pool of the command line and the share of its ready-queue limits up to which external
/// transactions are admitted (see [`crate::admission`]).
#[derive(Clone, Debug)]
pub struct PoolAdmission {
	/// Limits and ban time (`--pool-limit`, `--pool-kbytes`, `--tx-ban-seconds`).
	pub options: sc_transaction_pool::Options,
	/// `--pool-type fork-aware` (the default) rather than `single-state`.
	pub fork_aware: bool,
	/// `--pool-admission-percent`.
	pub percent: usize,
}

impl PoolAdmission {
	/// The pool of `params`: the future queue gets the same limits as the ready queue (not a
	/// tenth, as `sc-cli` derives them), and no ban on a development chain unless
	/// `--tx-ban-seconds` says so.
	///
	/// Why the future queue is as large as the ready queue: transactions gossiped between
	/// validators arrive with nonce gaps and wait in each view's future queue; admission control
	/// caps the whole pool below the ready limit, but a future queue of a tenth of it fills
	/// first, and a transaction evicted from it leaves a gap that its sender's later
	/// transactions can never pass — accepted, then lost without an error (docs/performance.md,
	/// "default pool limits"). With both queues at least as large as admission's cap, no view
	/// can hold more than either limit, so nothing admitted is evicted for lack of room.
	pub fn from_params(
		params: &sc_cli::TransactionPoolParams,
		is_dev: bool,
		percent: usize,
	) -> Self {
		let mut options = sc_transaction_pool::Options::default();
		options.ready.count = params.pool_limit;
		options.ready.total_bytes = params.pool_kbytes * 1024;
		options.future = options.ready.clone();
		options.ban_time = match (params.tx_ban_seconds, is_dev) {
			(Some(seconds), _) => Duration::from_secs(seconds),
			(None, true) => Duration::ZERO,
			(None, false) => Duration::from_secs(30 * 60),
		};
		let fork_aware = matches!(params.pool_type, sc_cli::TransactionPoolType::ForkAware);
		Self { options, fork_aware, percent }
	}
}

/// Build and start a full node: a validator with `--validator`, otherwise a verifier.
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	admission: PoolAdmission,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, grandpa_link, mut telemetry, network_pool),
	} = build_partial(&config, Some(admission))?;
	// Everything below (RPC, network, block authoring, off-chain workers) shares the pool
	// through its admission control.

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let peer_store_handle = net_config.peer_store_handle();
	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("genesis block missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			peer_store_handle,
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: network_pool.unwrap_or_else(|| transaction_pool.clone()),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync.clone())),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: false,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let backoff_authoring_blocks: Option<()> = None;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();
	let shared_voter_state = SharedVoterState::empty();

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let backend = backend.clone();
		let shared_voter_state = shared_voter_state.clone();
		let shared_authority_set = grandpa_link.shared_authority_set().clone();
		let justification_stream = grandpa_link.justification_stream();
		let warp_sync = warp_sync.clone();

		Box::new(move |subscription_executor: sc_rpc::SubscriptionTaskExecutor| {
			let finality_provider = sc_consensus_grandpa::FinalityProofProvider::new_for_service(
				backend.clone(),
				Some(shared_authority_set.clone()),
			);
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				backend: backend.clone(),
				warp_sync: warp_sync.clone(),
				grandpa: crate::rpc::GrandpaDeps {
					shared_voter_state: shared_voter_state.clone(),
					shared_authority_set: shared_authority_set.clone(),
					justification_stream: justification_stream.clone(),
					subscription_executor,
					finality_provider,
				},
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let _rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: Arc::new(network.clone()),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if role.is_authority() {
		let mut proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);
		// Propose blocks up to the runtime's own length limit (the proposer's default is 4 MiB):
		// a runtime upgrade carries the whole runtime, which must fit in one block.
		proposer_factory.set_default_block_size_limit(max_block_length());

		let slot_duration = sc_consensus_aura::slot_duration(&*client)?;

		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client,
				select_chain,
				block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| async move {
					Ok(aura_inherents(slot_duration))
				},
				force_authoring,
				backoff_authoring_blocks,
				keystore: keystore_container.keystore(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
				max_block_proposal_slot_portion: None,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				compatibility_mode: Default::default(),
			},
		)?;

		task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
	}

	if enable_grandpa {
		// A verifier node runs GRANDPA without keys: it follows finality but does not vote.
		let keystore = if role.is_authority() { Some(keystore_container.keystore()) } else { None };

		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};

		let grandpa_config = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};

		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_config)?,
		);
	}

	Ok(task_manager)
}

/// The runtime's block length limit for operational extrinsics (its whole block length).
fn max_block_length() -> usize {
	let limits = doid_runtime::configs::RuntimeBlockLength::get();
	*limits.max.get(frame_support::dispatch::DispatchClass::Operational) as usize
}

#[cfg(test)]
mod tests {
	use super::PoolAdmission;
	use clap::Parser;

	#[derive(Parser)]
	struct PoolArgs {
		#[command(flatten)]
		pool: sc_cli::TransactionPoolParams,
	}

	fn admission(args: &[&str], is_dev: bool) -> PoolAdmission {
		let args = PoolArgs::parse_from(std::iter::once("doid-node").chain(args.iter().copied()));
		PoolAdmission::from_params(&args.pool, is_dev, 80)
	}

	/// The node's command line as `doid-node` parses it (with its own `--pool-limit` default).
	fn node_command_line(args: &[&str]) -> crate::cli::Cli {
		use sc_cli::SubstrateCli;
		crate::cli::Cli::try_from_iter(std::iter::once("doid-node").chain(args.iter().copied()))
			.expect("valid command line")
	}

	#[test]
	fn the_node_defaults_to_its_own_pool_limit_and_keeps_an_explicit_one() {
		let default = node_command_line(&[]).run.pool_config.pool_limit;
		assert_eq!(default.to_string(), super::DEFAULT_POOL_LIMIT);
		assert_eq!(default, 16_384);
		let explicit = node_command_line(&["--pool-limit", "20"]);
		assert_eq!(explicit.run.pool_config.pool_limit, 20);
		let help = {
			use clap::CommandFactory;
			use sc_cli::SubstrateCli;
			crate::cli::Cli::setup_command(crate::cli::Cli::command()).render_long_help()
		};
		assert!(help.to_string().contains("[default: 16384]"), "{help}");
	}

	#[test]
	fn the_future_queue_is_as_large_as_the_ready_queue() {
		let defaults = admission(&[], false);
		assert_eq!(defaults.options.ready.count, 8192, "sc-cli's own default --pool-limit");
		assert_eq!(defaults.options.future.count, defaults.options.ready.count);
		assert_eq!(defaults.options.future.total_bytes, defaults.options.ready.total_bytes);
		assert!(defaults.fork_aware);

		let raised = admission(&["--pool-limit", "100000", "--pool-kbytes", "200000"], false);
		assert_eq!(raised.options.future.count, 100_000);
		assert_eq!(raised.options.future.total_bytes, 200_000 * 1024);
	}

	#[test]
	fn ban_time_defaults_to_none_on_dev_chains_and_half_an_hour_elsewhere() {
		use std::time::Duration;
		assert_eq!(admission(&[], true).options.ban_time, Duration::ZERO);
		assert_eq!(admission(&[], false).options.ban_time, Duration::from_secs(1800));
		let explicit = admission(&["--tx-ban-seconds", "7"], true);
		assert_eq!(explicit.options.ban_time, Duration::from_secs(7));
		assert!(!admission(&["--pool-type", "single-state"], false).fork_aware);
	}
}
