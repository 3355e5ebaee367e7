//! Admission control in front of the transaction pool.
//!
//! Under a flood the pool fills up, and a full pool makes room by dropping transactions it had
//! already accepted: a sender then learns of it only through a watcher, or not at all. Worse,
//! the pool drops the *oldest* ready transaction of equal priority together with everything that
//! depends on it (the sender's later nonces), so one eviction cascades.
//!
//! This wrapper refuses a new external transaction (RPC or network) with the pool's standard
//! "Immediately Dropped" error (RPC code 1016, retriable) as soon as the pool holds
//! [`AdmissionControl::max_transactions`] transactions in all (see [`Occupancy`]) or its ready
//! queue holds [`AdmissionControl::max_ready_bytes`] bytes, so that the overflow is rejected at
//! the door, with an error, and what was accepted keeps its place. The count is the whole pool,
//! not one view: the fork-aware pool keeps one view per unfinalized block, and any view whose
//! ready queue passes the limit evicts. Local transactions (the node's own, e.g. off-chain
//! workers) are not limited here. Everything else is passed through unchanged.
//!
//! The count is taken at most every [`COUNT_MAX_AGE`] (plus what was admitted since), not for
//! every refused call. The network's transaction handler gets its own handle
//! ([`AdmissionControl::for_network`], [`Caller::Peers`]): refusals of gossip are answered as
//! already known, and its periodic propagation is bounded ([`PROPAGATION_BATCH`]).
//!
//! Submissions also wait while the pool maintains itself for a new block ([`SubmissionGate`]):
//! the fork-aware pool builds the new block's view from a snapshot of its mempool, and a
//! transaction that entered the mempool after the snapshot but before the view went live was
//! missing from that view until the next block — with the sender's later transactions stuck
//! behind the nonce gap on every node that had it.

use async_trait::async_trait;
use sc_transaction_pool_api::{
	error::Error as PoolError, ChainEvent, ImportNotificationStream, InPoolTransaction,
	LocalTransactionFor, LocalTransactionPool, MaintainedTransactionPool, PoolStatus,
	ReadyTransactions, TransactionFor, TransactionPool, TransactionSource,
	TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_runtime::traits::Block as BlockT;
use std::{
	collections::HashMap,
	pin::Pin,
	sync::{Arc, Mutex, MutexGuard},
	time::{Duration, Instant},
};

/// How many transactions a pool holds in all, as admission control counts them.
#[async_trait]
pub trait Occupancy {
	/// Transactions held, in every queue and view (each counted once).
	async fn transactions(&self) -> usize;
}

/// The fork-aware pool: its mempool holds every transaction of every view until it is finalized,
/// dropped or found invalid, so no view can hold more.
#[async_trait]
impl<ChainApi, Block> Occupancy for sc_transaction_pool::ForkAwareTxPool<ChainApi, Block>
where
	Block: BlockT,
	ChainApi: sc_transaction_pool::ChainApi<Block = Block> + 'static,
	<Block as BlockT>::Hash: Unpin,
{
	async fn transactions(&self) -> usize {
		let (unwatched, watched) = self.mempool_len().await;
		unwatched + watched
	}
}

/// The single-state pool: one ready and one future queue.
#[async_trait]
impl<ChainApi, Block> Occupancy for sc_transaction_pool::BasicPool<ChainApi, Block>
where
	Block: BlockT,
	ChainApi: sc_transaction_pool::ChainApi<Block = Block> + 'static,
{
	async fn transactions(&self) -> usize {
		let status = TransactionPool::status(self);
		status.ready + status.future
	}
}

/// Share of the pool's ready limits up to which external transactions are admitted.
pub const DEFAULT_ADMISSION_PERCENT: usize = 80;

/// Who uses a handle on the pool: it decides how refusals are answered and how much of the ready
/// queue [`TransactionPool::ready`] yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caller {
	/// RPC clients, block authoring and pool maintenance: refusals are `1016 Immediately
	/// Dropped` (retriable), `ready` yields the whole ready queue.
	Clients,
	/// The network's transaction handler (gossip between nodes). Refusals are answered
	/// `AlreadyImported`: sc-service's network adapter counts every other pool error as a bad
	/// transaction against the peer (reputation −4 096 each), and the peer is innocent — the node
	/// it came from still holds the transaction. `ready` yields at most [`PROPAGATION_BATCH`]
	/// transactions, see there.
	Peers,
}

/// The most transactions the network's periodic propagation (every 2.9 s) sends to one peer.
///
/// sc-network-transactions sends every ready transaction a peer is not known to have, one
/// notification each, and remembers the last 10 240 hashes per peer; litep2p (and libp2p) close
/// the *whole* connection to a peer whose notification buffer (2 048) is full. With a pool
/// admitting more than 10 240 transactions, each round sent thousands again that had fallen out
/// of that memory, CPU-starved peers could not drain them, and validators lost each other
/// (overload run 20). A round now offers at most this many, those not offered lately first (see
/// [`Offered`]): 1 024 per 2.9 s is 353/s, above what a block can take (~351 anchors/s), and half
/// the buffer. (A first version offered only the 512 at the front of the queue: authors then
/// lacked transactions and the p99 latency at 320/s rose from 31.5 s to 41–44 s. A transaction
/// the pool cannot hand to the network when it is imported — the handler looks it up among the
/// newest view's ready transactions, so one that is not ready there yet is missed — is sent by
/// these rounds only: 7–15 per node in 150 s at 320/s, before [`SubmissionGate`] removed the
/// main cause.)
pub const PROPAGATION_BATCH: usize = 1024;

/// How long a transaction offered to the network is not offered again by the periodic rounds.
pub const REOFFER_AFTER: Duration = Duration::from_secs(30);

/// Transactions offered to the network lately, with when: the periodic rounds offer first what
/// was never offered (new transactions reach the other authors within a round) and offer again
/// only after [`REOFFER_AFTER`] (a peer that missed one gets it later).
#[derive(Debug)]
struct Offered<H> {
	at: HashMap<H, Instant>,
}

impl<H: std::hash::Hash + Eq> Offered<H> {
	/// Never more entries than this: rounds come every 2.9 s, so a full memory means something
	/// calls far more often, and forgetting only makes the rounds offer again.
	const CAPACITY: usize = 16 * PROPAGATION_BATCH;

	fn new() -> Self {
		Self { at: HashMap::new() }
	}

	/// Of `ready` (in queue order), at most [`PROPAGATION_BATCH`] not offered within
	/// [`REOFFER_AFTER`] before `now`; they count as offered at `now`.
	fn select<T>(
		&mut self,
		ready: impl Iterator<Item = T>,
		hash: impl Fn(&T) -> H,
		now: Instant,
	) -> Vec<T> {
		self.at.retain(|_, at| now.saturating_duration_since(*at) < REOFFER_AFTER);
		if self.at.len() + PROPAGATION_BATCH > Self::CAPACITY {
			self.at.clear();
		}
		let mut batch = Vec::new();
		for tx in ready {
			if batch.len() == PROPAGATION_BATCH {
				break;
			}
			if let std::collections::hash_map::Entry::Vacant(entry) = self.at.entry(hash(&tx)) {
				entry.insert(now);
				batch.push(tx);
			}
		}
		batch
	}
}

/// A batch chosen for the network, as the pool's ready iterator type. The network only reads
/// it; `report_invalid` has nothing to skip in a chosen batch.
struct Batch<T>(std::vec::IntoIter<T>);

impl<T> Iterator for Batch<T> {
	type Item = T;

	fn next(&mut self) -> Option<T> {
		self.0.next()
	}
}

impl<T> ReadyTransactions for Batch<T> {
	fn report_invalid(&mut self, _tx: &T) {}
}

/// How long a count of the pool's transactions stands in for a new count.
///
/// Counting walks the whole mempool under its lock (the fork-aware pool has no cheaper public
/// count); under a flood that was done for every refused submission, thousands per second. A
/// count at most this old, plus what was admitted since, decides instead. Transactions leaving
/// the pool in that time are noticed at the next count, so the door errs towards refusing.
pub const COUNT_MAX_AGE: Duration = Duration::from_millis(20);

/// The pool's last transaction count, when it was taken, and what was admitted since.
#[derive(Debug, Default)]
struct CountCache {
	counted_at: Option<Instant>,
	count: usize,
}

impl CountCache {
	/// The count, if it was taken less than [`COUNT_MAX_AGE`] before `now`.
	fn fresh(&self, now: Instant) -> Option<usize> {
		let counted_at = self.counted_at?;
		(now.saturating_duration_since(counted_at) < COUNT_MAX_AGE).then_some(self.count)
	}

	/// A new count taken at `at`.
	fn store(&mut self, at: Instant, count: usize) {
		*self = Self { counted_at: Some(at), count };
	}

	/// `admitted` transactions entered the pool since the count.
	fn add(&mut self, admitted: usize) {
		self.count = self.count.saturating_add(admitted);
	}
}

/// Keeps submissions and pool maintenance apart: any number of submissions at a time, or one
/// maintenance.
///
/// The fork-aware pool (sc-transaction-pool 48) builds the view of a new best block by cloning
/// a view and then adding the mempool's transactions as of one snapshot; only then does the new
/// view go live. A transaction submitted in between reaches the mempool and the old views but
/// not the new one, which then misses it until the next block's view is built from the mempool
/// (it is not announced to peers either: the network looks transactions up in the newest view).
/// Every later transaction of its sender waits behind the nonce gap in that view. Under 320
/// anchors/s that happened at every block on every node: per sender, the nodes' next nonces
/// drifted apart by hundreds for whole slots, authors lacked transactions that were in other
/// pools, blocks alternated between ~1 100 and full, and half of all anchors waited a slot
/// longer (docs/performance.md, "Load"). With the gate, a submission that arrives during
/// maintenance waits for it (tens to hundreds of milliseconds) and then reaches the new view.
#[derive(Debug, Default)]
pub struct SubmissionGate(async_lock::RwLock<()>);

impl SubmissionGate {
	/// Wait until no maintenance runs; hold the guard for the whole submission.
	pub async fn submission(&self) -> async_lock::RwLockReadGuard<'_, ()> {
		self.0.read().await
	}

	/// Wait until running submissions are done and keep new ones out; hold the guard for the
	/// whole maintenance.
	pub async fn maintenance(&self) -> async_lock::RwLockWriteGuard<'_, ()> {
		self.0.write().await
	}
}

/// A transaction pool that refuses external transactions once it is nearly full.
pub struct AdmissionControl<P: TransactionPool> {
	inner: Arc<P>,
	/// Submissions wait while the pool is maintained (shared by every handle on the pool).
	gate: Arc<SubmissionGate>,
	/// The last count of the pool's transactions, shared by every handle on the pool.
	count: Arc<Mutex<CountCache>>,
	/// Who uses this handle.
	pub caller: Caller,
	/// What this handle's `ready` offered the network lately ([`Caller::Peers`] only).
	offered: Mutex<Offered<TxHash<P>>>,
	/// External transactions are refused while the pool holds this many transactions in all.
	pub max_transactions: usize,
	/// ... or its ready queue holds this many bytes.
	pub max_ready_bytes: usize,
}

impl<P: TransactionPool + Occupancy> AdmissionControl<P> {
	/// Admit external transactions while the pool holds fewer than `percent` of `limit_count`
	/// transactions (the ready queue's limit) and its ready queue fewer than `percent` of
	/// `limit_bytes` bytes (100 or more: no admission control).
	pub fn new(inner: Arc<P>, limit_count: usize, limit_bytes: usize, percent: usize) -> Self {
		let share = |limit: usize| {
			if percent >= 100 {
				usize::MAX
			} else {
				limit.saturating_mul(percent) / 100
			}
		};
		Self {
			inner,
			gate: Default::default(),
			count: Default::default(),
			caller: Caller::Clients,
			offered: Mutex::new(Offered::new()),
			max_transactions: share(limit_count),
			max_ready_bytes: share(limit_bytes),
		}
	}

	/// The same pool and limits for the network's transaction handler ([`Caller::Peers`]).
	pub fn for_network(&self) -> Self {
		Self {
			inner: self.inner.clone(),
			gate: self.gate.clone(),
			count: self.count.clone(),
			caller: Caller::Peers,
			offered: Mutex::new(Offered::new()),
			max_transactions: self.max_transactions,
			max_ready_bytes: self.max_ready_bytes,
		}
	}

	/// The error that refuses `xt`.
	fn refuse(&self, xt: &TransactionFor<P>) -> P::Error {
		match self.caller {
			Caller::Clients => PoolError::ImmediatelyDropped.into(),
			Caller::Peers => PoolError::AlreadyImported(Box::new(self.inner.hash_of(xt))).into(),
		}
	}

	/// Whether a new transaction from `source` must be refused now.
	async fn is_full(&self, source: TransactionSource) -> bool {
		if source == TransactionSource::Local || self.max_transactions == usize::MAX {
			return false;
		}
		self.inner.status().ready_bytes >= self.max_ready_bytes
			|| self.transactions().await >= self.max_transactions
	}

	/// The pool's transactions: a fresh count (see [`COUNT_MAX_AGE`]) or a new one.
	async fn transactions(&self) -> usize {
		if let Some(count) = self.counted().fresh(Instant::now()) {
			return count;
		}
		let count = self.inner.transactions().await;
		self.counted().store(Instant::now(), count);
		count
	}

	/// Note `admitted` new transactions in the pool since the last count.
	fn admitted(&self, admitted: usize) {
		if admitted > 0 {
			self.counted().add(admitted);
		}
	}

	fn counted(&self) -> MutexGuard<'_, CountCache> {
		lock(&self.count)
	}
}

/// Lock `mutex`. The node's mutexes here are never held across an await or a panic, so they
/// cannot be poisoned; recover anyway rather than panic.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
	mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[async_trait]
impl<P: TransactionPool + Occupancy + Send + Sync + 'static> TransactionPool for AdmissionControl<P>
where
	P::InPoolTransaction: Send + Sync,
{
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		let _open = self.gate.submission().await;
		if self.is_full(source).await {
			return Ok(xts.iter().map(|xt| Err(self.refuse(xt))).collect());
		}
		let results = self.inner.submit_at(at, source, xts).await?;
		self.admitted(results.iter().filter(|result| result.is_ok()).count());
		Ok(results)
	}

	async fn submit_one(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		let _open = self.gate.submission().await;
		if self.is_full(source).await {
			return Err(self.refuse(&xt));
		}
		let hash = self.inner.submit_one(at, source, xt).await?;
		self.admitted(1);
		Ok(hash)
	}

	async fn submit_and_watch(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		let _open = self.gate.submission().await;
		if self.is_full(source).await {
			return Err(self.refuse(&xt));
		}
		let watcher = self.inner.submit_and_watch(at, source, xt).await?;
		self.admitted(1);
		Ok(watcher)
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		match self.caller {
			Caller::Clients => self.inner.ready(),
			Caller::Peers => {
				let batch = lock(&self.offered).select(
					self.inner.ready(),
					|tx| tx.hash().clone(),
					Instant::now(),
				);
				Box::new(Batch(batch.into_iter()))
			}
		}
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		self.inner.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.inner.futures()
	}

	fn status(&self) -> PoolStatus {
		self.inner.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.inner.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.inner.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.inner.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.inner.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait]
impl<P: MaintainedTransactionPool + Occupancy + Send + Sync + 'static> MaintainedTransactionPool
	for AdmissionControl<P>
where
	P::InPoolTransaction: Send + Sync,
{
	async fn maintain(&self, event: ChainEvent<Self::Block>) {
		let _closed = self.gate.maintenance().await;
		self.inner.maintain(event).await
	}
}

impl<P: LocalTransactionPool + TransactionPool> LocalTransactionPool for AdmissionControl<P> {
	type Block = <P as LocalTransactionPool>::Block;
	type Hash = <P as LocalTransactionPool>::Hash;
	type Error = <P as LocalTransactionPool>::Error;

	fn submit_local(
		&self,
		at: <Self::Block as BlockT>::Hash,
		xt: LocalTransactionFor<Self>,
	) -> Result<Self::Hash, Self::Error> {
		self.inner.submit_local(at, xt)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn select(offered: &mut Offered<usize>, len: usize, now: Instant) -> Vec<usize> {
		offered.select(0..len, |tx| *tx, now)
	}

	#[test]
	fn a_round_offers_at_most_one_batch_from_the_front() {
		let (mut offered, now) = (Offered::new(), Instant::now());
		assert_eq!(
			select(&mut offered, 3 * PROPAGATION_BATCH, now),
			(0..PROPAGATION_BATCH).collect::<Vec<_>>()
		);
		let (mut offered, now) = (Offered::new(), Instant::now());
		assert_eq!(select(&mut offered, 7, now), (0..7).collect::<Vec<_>>(), "a short queue whole");
		assert_eq!(select(&mut Offered::new(), 0, now), Vec::<usize>::new());
	}

	#[test]
	fn the_next_round_offers_what_was_not_offered_yet() {
		let (mut offered, start) = (Offered::new(), Instant::now());
		let len = 2 * PROPAGATION_BATCH + 276;
		let second = start + Duration::from_millis(2_900);
		select(&mut offered, len, start);
		assert_eq!(
			select(&mut offered, len, second),
			(PROPAGATION_BATCH..2 * PROPAGATION_BATCH).collect::<Vec<_>>()
		);
		assert_eq!(
			select(&mut offered, len, second),
			(2 * PROPAGATION_BATCH..len).collect::<Vec<_>>()
		);
		assert_eq!(select(&mut offered, len, second), Vec::<usize>::new(), "all offered lately");
	}

	#[test]
	fn a_transaction_is_offered_again_after_the_reoffer_time() {
		let (mut offered, start) = (Offered::new(), Instant::now());
		select(&mut offered, 10, start);
		assert!(
			select(&mut offered, 10, start + REOFFER_AFTER - Duration::from_millis(1)).is_empty()
		);
		assert_eq!(select(&mut offered, 10, start + REOFFER_AFTER), (0..10).collect::<Vec<_>>());
	}

	#[test]
	fn the_memory_of_offers_stays_bounded() {
		let (mut offered, now) = (Offered::new(), Instant::now());
		for round in 0..40 {
			// A queue of new transactions every round, all at the same instant.
			offered.select(
				round * PROPAGATION_BATCH..(round + 1) * PROPAGATION_BATCH,
				|tx| *tx,
				now,
			);
			assert!(offered.at.len() <= Offered::<usize>::CAPACITY);
		}
	}

	#[test]
	fn a_count_stands_for_its_maximum_age_and_grows_with_what_is_admitted() {
		let start = Instant::now();
		let mut cache = CountCache::default();
		assert_eq!(cache.fresh(start), None, "nothing counted yet");
		cache.store(start, 100);
		assert_eq!(cache.fresh(start), Some(100));
		cache.add(3);
		assert_eq!(cache.fresh(start + COUNT_MAX_AGE / 2), Some(103));
		assert_eq!(cache.fresh(start + COUNT_MAX_AGE), None, "too old");
		cache.store(start + COUNT_MAX_AGE, 40);
		assert_eq!(cache.fresh(start + COUNT_MAX_AGE), Some(40), "a new count replaces the old");
		cache.add(usize::MAX);
		assert_eq!(cache.fresh(start + COUNT_MAX_AGE), Some(usize::MAX), "saturates");
	}

	#[test]
	fn a_submission_waits_for_a_running_maintenance_and_maintenance_for_running_submissions() {
		use futures::{executor::block_on, FutureExt};
		let gate = SubmissionGate::default();
		let first = block_on(gate.submission());
		let second = block_on(gate.submission());
		let mut maintenance = Box::pin(gate.maintenance());
		assert!(maintenance.as_mut().now_or_never().is_none(), "two submissions still run");
		drop((first, second));
		let closed = block_on(maintenance);
		assert!(gate.submission().now_or_never().is_none(), "maintenance runs");
		drop(closed);
		assert!(gate.submission().now_or_never().is_some(), "open again");
	}

	#[test]
	fn the_batch_fits_the_notification_buffer_and_keeps_up_with_the_blocks() {
		// litep2p's and libp2p's per-peer buffer of sync notifications, the hashes
		// sc-network-transactions remembers per peer, its round interval, and the anchors a
		// 6 s block takes by weight (evidence_load prints 2 107).
		const NOTIFICATION_BUFFER: usize = 2048;
		const KNOWN_PER_PEER: usize = 10_240;
		const ROUND: Duration = Duration::from_millis(2_900);
		const ANCHORS_PER_SECOND: f64 = 2_107.0 / 6.0;
		assert!(PROPAGATION_BATCH <= NOTIFICATION_BUFFER / 2);
		assert!(PROPAGATION_BATCH < KNOWN_PER_PEER);
		assert!(PROPAGATION_BATCH as f64 / ROUND.as_secs_f64() > ANCHORS_PER_SECOND);
	}
}
