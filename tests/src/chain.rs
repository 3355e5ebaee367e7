//! Chain-level helpers: signing and submitting runtime calls, reading storage and events.

use crate::rpc::{Rpc, RpcError};
use codec::{Decode, Encode};
use doid_runtime::{signing, AccountId, Hash, RuntimeCall, RuntimeEvent};
use serde_json::{json, Value};
use sp_core::{sr25519, H256};
use sp_io::hashing::{twox_128, twox_64};
use std::time::Duration;

/// `0x`-prefixed hex of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Bytes of a `0x`-prefixed hex string.
pub fn from_hex(text: &str) -> Result<Vec<u8>, RpcError> {
	hex::decode(text.trim_start_matches("0x")).map_err(|e| e.to_string())
}

/// Storage key of a plain storage value `pallet::item`.
pub fn value_key(pallet: &str, item: &str) -> Vec<u8> {
	[twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat()
}

/// Storage key of entry `key` (SCALE-encoded) of the `Twox64Concat` map `pallet::item`.
pub fn twox64_map_key(pallet: &str, item: &str, key: &impl Encode) -> Vec<u8> {
	let encoded = key.encode();
	[value_key(pallet, item), twox_64(&encoded).to_vec(), encoded].concat()
}

impl Rpc {
	/// Read and decode the storage value at `key` (at the best block, or at `at`).
	pub fn storage<T: Decode>(&self, key: &[u8], at: Option<H256>) -> Result<Option<T>, RpcError> {
		let params = match at {
			Some(hash) => json!([to_hex(key), format!("{hash:?}")]),
			None => json!([to_hex(key)]),
		};
		let raw: Option<String> = self.call("state_getStorage", params)?;
		raw.map(|hex| {
			let bytes = from_hex(&hex)?;
			T::decode(&mut &bytes[..]).map_err(|e| e.to_string())
		})
		.transpose()
	}

	/// Hash of block `number`.
	pub fn block_hash(&self, number: u32) -> Result<H256, RpcError> {
		let hash: String = self.call("chain_getBlockHash", json!([number]))?;
		Ok(H256::from_slice(&from_hex(&hash)?))
	}

	/// The events of block `hash`.
	pub fn events(&self, hash: H256) -> Result<Vec<RuntimeEvent>, RpcError> {
		type Records = Vec<frame_system::EventRecord<RuntimeEvent, Hash>>;
		let records: Records =
			self.storage(&value_key("System", "Events"), Some(hash))?.unwrap_or_default();
		Ok(records.into_iter().map(|r| r.event).collect())
	}

	/// Sign `call` with `signer` and submit it; returns the transaction hash.
	pub fn submit(&self, call: RuntimeCall, signer: &sr25519::Pair) -> Result<String, RpcError> {
		let account = AccountId::from(sp_core::Pair::public(signer));
		let nonce: u32 = self.call("system_accountNextIndex", json!([account.to_string()]))?;
		self.submit_with_nonce(call, signer, nonce)
	}

	/// Sign `call` with `nonce` and submit it; returns the transaction hash. For many
	/// transactions of one signer in a row: the pool's next-nonce answer
	/// (`system_accountNextIndex`) can lag behind what it has just accepted while it moves to
	/// a new block.
	pub fn submit_with_nonce(
		&self,
		call: RuntimeCall,
		signer: &sr25519::Pair,
		nonce: u32,
	) -> Result<String, RpcError> {
		let genesis = self.block_hash(0)?;
		// Mortal from the last finalized block: every view of the pool is at or above it, so
		// its hash is known wherever the transaction is validated. Mortal from the best block,
		// a pool whose views had not yet reached the block the RPC called best refused it with
		// `AncientBirthBlock` (CI, cold run of 2026-12-06, e2e `objections`).
		let (number, hash) = self.finalized_head()?;
		let birth = H256::from_slice(&from_hex(&hash)?);
		let context = signing::ChainContext::new(genesis, birth, number);
		let extrinsic = signing::sign(call, signer, nonce, &context);
		self.call("author_submitExtrinsic", json!([to_hex(&extrinsic.encode())]))
	}

	/// Sign and submit `call`, then watch the blocks after the current best one until `expect`
	/// returns `Some` for one of their events (or `timeout` passes).
	pub fn submit_and_watch<T>(
		&self,
		call: RuntimeCall,
		signer: &sr25519::Pair,
		timeout: Duration,
		expect: impl FnMut(&RuntimeEvent) -> Option<T>,
	) -> Result<T, RpcError> {
		let start = self.best_number()?;
		self.submit(call, signer)?;
		self.watch_events(start + 1, timeout, expect).map(|(found, _)| found)
	}

	/// Scan the events of blocks `from`, `from + 1`, ... (waiting for new blocks) until
	/// `expect` returns `Some`; returns it with the number of its block. Gives up after `timeout`.
	pub fn watch_events<T>(
		&self,
		from: u32,
		timeout: Duration,
		mut expect: impl FnMut(&RuntimeEvent) -> Option<T>,
	) -> Result<(T, u32), RpcError> {
		let mut found = None;
		self.scan(from, timeout, |event, block| {
			found = expect(event).map(|item| (item, block));
			found.is_some()
		})?;
		found.ok_or_else(|| format!("no matching event within {timeout:?} from block {from}"))
	}

	/// Submit every `(call, signer)` at once (a signer may appear several times: the node's
	/// next index counts the pool), then collect the first `expected` matches of `expect` in the
	/// blocks after the current best one, in block order. Gives up after `timeout`.
	pub fn submit_all<T>(
		&self,
		calls: Vec<(RuntimeCall, &sr25519::Pair)>,
		expected: usize,
		timeout: Duration,
		expect: impl FnMut(&RuntimeEvent) -> Option<T>,
	) -> Result<Vec<T>, RpcError> {
		let start = self.best_number()?;
		for (call, signer) in calls {
			self.submit(call, signer)?;
		}
		self.collect(start + 1, expected, timeout, expect)
	}

	/// The first `expected` matches of `expect` in blocks `from`, `from + 1`, ... (waiting for
	/// new blocks), in block order. Gives up after `timeout`.
	pub fn collect<T>(
		&self,
		from: u32,
		expected: usize,
		timeout: Duration,
		mut expect: impl FnMut(&RuntimeEvent) -> Option<T>,
	) -> Result<Vec<T>, RpcError> {
		let mut found = Vec::new();
		self.scan(from, timeout, |event, _| {
			found.extend(expect(event));
			found.len() >= expected
		})?;
		if found.len() < expected {
			return Err(format!("{} of {expected} events within {timeout:?}", found.len()));
		}
		Ok(found)
	}

	/// Feed the events of blocks `from`, `from + 1`, ... (waiting for new blocks) to `stop`
	/// with their block number until it returns `true` or `timeout` passes.
	fn scan(
		&self,
		from: u32,
		timeout: Duration,
		mut stop: impl FnMut(&RuntimeEvent, u32) -> bool,
	) -> Result<(), RpcError> {
		let deadline = std::time::Instant::now() + timeout;
		let mut next = from;
		while std::time::Instant::now() < deadline {
			let best = self.best_number()?;
			while next <= best {
				for event in self.events(self.block_hash(next)?)? {
					if stop(&event, next) {
						return Ok(());
					}
				}
				next += 1;
			}
			std::thread::sleep(Duration::from_millis(500));
		}
		Ok(())
	}

	/// Decoded result of an RPC returning JSON.
	pub fn json(&self, method: &str, params: Value) -> Result<Value, RpcError> {
		self.call(method, params)
	}
}
