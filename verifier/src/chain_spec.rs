//! The verifier's trust root from the chain's published raw chain specification.
//!
//! A raw chain spec (`chain-specs/doid-production.raw.json`) holds the complete genesis state.
//! From it this module derives the two inputs of [`crate::verify_bundle`]: the genesis GRANDPA
//! authorities (`Grandpa::Authorities`) and the genesis block hash, computed the way Substrate
//! builds the genesis block (state root of the genesis storage with state version 1 — the
//! runtime's `system_version` — empty extrinsics root, number 0, zero parent, empty digest).

use crate::Header;
use codec::DecodeAll;
use serde::Deserialize;
use sp_runtime::traits::BlakeTwo256;
use sp_trie::{LayoutV1, TrieConfiguration};
use std::collections::BTreeMap;

/// The genesis hash and GRANDPA authorities of a chain.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct GenesisInfo {
	/// Hash of the genesis block.
	pub genesis_hash: [u8; 32],
	/// The genesis GRANDPA authorities: ed25519 public key and weight.
	pub authorities: Vec<([u8; 32], u64)>,
}

#[derive(Deserialize)]
struct Spec {
	genesis: Genesis,
}

#[derive(Deserialize)]
struct Genesis {
	raw: Raw,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Raw {
	top: BTreeMap<String, String>,
	#[serde(default)]
	children_default: BTreeMap<String, serde_json::Value>,
}

/// The storage key of `Grandpa::Authorities`.
pub fn grandpa_authorities_key() -> Vec<u8> {
	let mut key = sp_crypto_hashing::twox_128(b"Grandpa").to_vec();
	key.extend_from_slice(&sp_crypto_hashing::twox_128(b"Authorities"));
	key
}

/// The genesis hash and GRANDPA authorities of a raw chain spec (JSON text). Refuses a spec
/// with child tries in its genesis (the DOID chain has none) or without GRANDPA authorities.
pub fn genesis_from_raw_chain_spec(json: &[u8]) -> Result<GenesisInfo, String> {
	let spec: Spec =
		serde_json::from_slice(json).map_err(|e| format!("not a raw chain spec: {e}"))?;
	if !spec.genesis.raw.children_default.is_empty() {
		return Err("genesis has child tries, which this verifier does not handle".into());
	}
	let top = spec
		.genesis
		.raw
		.top
		.iter()
		.map(|(k, v)| Ok((crate::bundle::decode_0x(k)?, crate::bundle::decode_0x(v)?)))
		.collect::<Result<BTreeMap<Vec<u8>, Vec<u8>>, String>>()
		.map_err(|e| format!("genesis storage: {e}"))?;

	let authorities = top
		.get(&grandpa_authorities_key())
		.ok_or_else(|| "genesis has no Grandpa::Authorities".to_string())?;
	let authorities = Vec::<([u8; 32], u64)>::decode_all(&mut &authorities[..])
		.map_err(|e| format!("Grandpa::Authorities is not a list of (key, weight): {e}"))?;

	let state_root = LayoutV1::<BlakeTwo256>::trie_root(&top);
	let extrinsics_root = LayoutV1::<BlakeTwo256>::trie_root(Vec::<(Vec<u8>, Vec<u8>)>::new());
	let genesis = Header {
		parent_hash: Default::default(),
		number: 0,
		state_root,
		extrinsics_root,
		digest: Default::default(),
	};
	Ok(GenesisInfo { genesis_hash: genesis.hash().0, authorities })
}
