//! `doid_evidenceBundle`: the court-grade proof bundle of an anchored digest
//! (`docs/proof-bundle.md`), built from the client's own proof providers:
//!
//! - F: the block of GRANDPA's finality proof for the anchoring block (the last block of the
//!   anchoring block's authority set, or the latest finalized block with a justification);
//!   the bundle's block B is F itself, so no headers link them;
//! - the storage read proof of `DigestAnchors(digest, 0)` and `Anchors(id)` at F;
//! - the authority-set changes since genesis from GRANDPA's warp-sync proof, up to F.
//!
//! The offline verifier (`doid-verifier`) checks it with only the genesis hash and the genesis
//! authority keys.

use std::sync::Arc;

use codec::{Decode, Encode};
use doid_primitives::Digest;
use doid_runtime::{doid_api::DoidApi, opaque::Block, Runtime};
use doid_verifier::{AuthoritySetChange, Blob, BlockRef, Bundle, Finality, Hash32, BUNDLE_VERSION};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorObject},
};
use sc_client_api::ProofProvider;
use sc_consensus_grandpa::{FinalityProofError, FinalityProofProvider, GrandpaJustification};
use sc_network_sync::strategy::warp::WarpSyncProvider;
use serde_json::Value;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::{Block as BlockT, Header as HeaderT};

use crate::doid_rpc::{INVALID_INPUT, NOT_FOUND, RUNTIME_ERROR};

/// Error code: the digest is anchored but no finality proof covers it yet (retry later).
pub const NOT_YET_PROVABLE: i32 = 4009;

type Header = <Block as BlockT>::Header;

/// The `doid_evidenceBundle` method.
#[rpc(server, namespace = "doid")]
pub trait EvidenceBundleRpc {
	/// The proof bundle (JSON, format version 2) of the first anchoring of `digest`
	/// (`algorithm:hex`), provable once the anchoring block is finalized. The records are
	/// proven in the state of block `at` (a finalized block; default: the latest justified one),
	/// with the headers from the justified block down to it.
	#[method(name = "evidenceBundle")]
	fn evidence_bundle(
		&self,
		digest: String,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Value>;
}

/// Builds bundles from the client, GRANDPA's finality proofs and its warp-sync proofs.
pub struct EvidenceBundles<C, B> {
	client: Arc<C>,
	backend: Arc<B>,
	finality: Arc<FinalityProofProvider<B, Block>>,
	warp: Arc<dyn WarpSyncProvider<Block>>,
}

impl<C, B> EvidenceBundles<C, B> {
	/// Serve bundles from these providers.
	pub fn new(
		client: Arc<C>,
		backend: Arc<B>,
		finality: Arc<FinalityProofProvider<B, Block>>,
		warp: Arc<dyn WarpSyncProvider<Block>>,
	) -> Self {
		EvidenceBundles { client, backend, finality, warp }
	}
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(code, message.into(), None::<()>)
}

fn internal(e: impl std::fmt::Display) -> ErrorObjectOwned {
	error(RUNTIME_ERROR, format!("cannot build the bundle: {e}"))
}

impl<C, B> EvidenceBundles<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + ProofProvider<Block> + Send + Sync,
	C::Api: DoidApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	/// The first anchoring (id, block number) of `digest` in the state at `at`.
	fn first_anchor(
		&self,
		digest: Digest,
		at: <Block as BlockT>::Hash,
	) -> RpcResult<Option<(u64, u32)>> {
		let view = self.client.runtime_api().evidence(at, digest).map_err(internal)?;
		Ok(view.anchors.first().map(|(id, record)| (*id, record.block)))
	}

	/// The authority-set changes from genesis up to (excluding) block number `below`.
	fn set_changes(&self, below: u32) -> RpcResult<Vec<AuthoritySetChange>> {
		let genesis = self.client.info().genesis_hash;
		let encoded = self.warp.generate(genesis).map_err(internal)?;
		type Fragments = (Vec<(Header, GrandpaJustification<Block>)>, bool);
		let (fragments, finished) = Fragments::decode(&mut &encoded.0[..]).map_err(internal)?;
		let changes: Vec<AuthoritySetChange> = fragments
			.into_iter()
			.filter(|(header, _)| *header.number() < below)
			.map(|(header, justification)| AuthoritySetChange {
				header: Blob(header.encode()),
				justification: Blob(justification.encode()),
			})
			.collect();
		if !finished && changes.is_empty() {
			return Err(internal("the warp-sync proof is incomplete"));
		}
		Ok(changes)
	}

	/// A GRANDPA justification of a finalized block at or above `block`: GRANDPA's finality
	/// proof (the last block of `block`'s authority set, or the latest finalized block), or —
	/// when the chain never changed its authority set, which GRANDPA's provider does not
	/// cover — the stored justification of the latest finalized block. Returns the justified
	/// block's hash and the SCALE justification.
	fn justification_covering(&self, block: u32) -> RpcResult<(<Block as BlockT>::Hash, Vec<u8>)> {
		let not_yet = || error(NOT_YET_PROVABLE, "no finality justification covers the anchor yet");
		match self.finality.prove_finality_proof(block, false) {
			Ok(Some(proof)) => Ok((proof.block, proof.justification)),
			Ok(None) | Err(FinalityProofError::BlockNotYetFinalized) => Err(not_yet()),
			Err(FinalityProofError::BlockNotInAuthoritySetChanges) => {
				let best = sc_consensus_grandpa::best_justification::<_, Block>(&*self.backend)
					.map_err(internal)?
					.ok_or_else(not_yet)?;
				let (number, hash) = best.target();
				if number < block {
					return Err(not_yet());
				}
				Ok((hash, best.encode()))
			}
			Err(e) => Err(internal(e)),
		}
	}

	/// The number of block `at` if it is finalized (on the canonical chain), or an
	/// invalid-input error.
	fn finalized_block(&self, at: <Block as BlockT>::Hash) -> RpcResult<u32> {
		let not_finalized = || error(INVALID_INPUT, format!("block {at:?} is not finalized"));
		let number = self.client.number(at).map_err(internal)?.ok_or_else(not_finalized)?;
		let canonical = self.client.hash(number).map_err(internal)?;
		if number > self.client.info().finalized_number || canonical != Some(at) {
			return Err(not_finalized());
		}
		Ok(number)
	}

	/// Headers of `top`, parent(`top`), … down to (excluding) block number `bottom`.
	fn ancestry(&self, top: <Block as BlockT>::Hash, bottom: u32) -> RpcResult<Vec<Blob>> {
		let mut headers = Vec::new();
		let mut hash = top;
		loop {
			let header = self
				.client
				.header(hash)
				.map_err(internal)?
				.ok_or_else(|| internal("missing header in the justified block's ancestry"))?;
			if *header.number() <= bottom {
				return Ok(headers);
			}
			hash = *header.parent_hash();
			headers.push(Blob(header.encode()));
		}
	}

	fn build(&self, digest: Digest, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Bundle> {
		let info = self.client.info();
		let at = at.map(|hash| self.finalized_block(hash).map(|n| (hash, n))).transpose()?;
		let state = at.map_or(info.finalized_hash, |(hash, _)| hash);
		let (_, anchored_in) = self.first_anchor(digest, state)?.ok_or_else(|| {
			error(NOT_FOUND, format!("{digest} is not anchored in a finalized block"))
		})?;
		let lowest = at.map_or(anchored_in, |(_, number)| number.max(anchored_in));
		let (target, justification) = self.justification_covering(lowest)?;
		// B: the block whose state is proven (`at`, or the justified block F itself).
		let (b_hash, b_number) = match at {
			Some(block) => block,
			None => (target, self.finalized_block(target)?),
		};
		let header = self
			.client
			.header(b_hash)
			.map_err(internal)?
			.ok_or_else(|| internal("missing header of the proven block"))?;
		let (anchor_id, _) = self
			.first_anchor(digest, b_hash)?
			.ok_or_else(|| internal("the anchor is missing at the proven block"))?;
		let keys = [
			pallet_evidence::DigestAnchors::<Runtime>::hashed_key_for(digest, 0u32),
			pallet_evidence::Anchors::<Runtime>::hashed_key_for(anchor_id),
		];
		let storage = self
			.client
			.read_proof(b_hash, &mut keys.iter().map(|k| k.as_slice()))
			.map_err(internal)?;
		let f_number = self.finalized_block(target)?;
		Ok(Bundle {
			version: BUNDLE_VERSION,
			genesis_hash: Hash32(info.genesis_hash.into()),
			digest,
			anchor_id,
			block: BlockRef { header: Blob(header.encode()) },
			storage_proof: storage.into_iter_nodes().map(Blob).collect(),
			finality: Finality {
				justification: Blob(justification),
				headers: self.ancestry(target, b_number)?,
			},
			authority_set_changes: self.set_changes(f_number)?,
		})
	}
}

impl<C, B> EvidenceBundleRpcServer for EvidenceBundles<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + ProofProvider<Block> + Send + Sync,
	C: 'static,
	C::Api: DoidApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	fn evidence_bundle(
		&self,
		text: String,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Value> {
		let digest = Digest::from_hex(text.trim()).map_err(|e| {
			error(INVALID_INPUT, format!("{text:?} is not a digest (algorithm:hex): {e:?}"))
		})?;
		let bundle = self.build(digest, at)?;
		serde_json::to_value(&bundle).map_err(internal)
	}
}
