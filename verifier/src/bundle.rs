//! The proof bundle file format, version 1 (see `docs/proof-bundle.md`).
//!
//! The types here only carry bytes: every binary field is the `0x`-hex text of a SCALE encoding
//! and is decoded (and checked) by [`crate::verify_bundle`]. The node builds a bundle with the
//! same types and `serde_json`.

use doid_primitives::Digest;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The bundle format version this crate reads and writes.
pub const BUNDLE_VERSION: u32 = 1;

/// Bytes written as `0x`-prefixed hex text (either case is read, lower case is written).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct HexBytes(pub Vec<u8>);

impl core::fmt::Debug for HexBytes {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "0x{}", hex::encode(&self.0))
	}
}

impl From<Vec<u8>> for HexBytes {
	fn from(v: Vec<u8>) -> Self {
		HexBytes(v)
	}
}

impl AsRef<[u8]> for HexBytes {
	fn as_ref(&self) -> &[u8] {
		&self.0
	}
}

/// Decodes `0x`-prefixed hex text.
pub fn decode_0x(s: &str) -> Result<Vec<u8>, String> {
	let digits = s.strip_prefix("0x").ok_or_else(|| "hex text must start with 0x".to_string())?;
	hex::decode(digits).map_err(|e| format!("invalid hex: {e}"))
}

impl Serialize for HexBytes {
	fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&format!("0x{}", hex::encode(&self.0)))
	}
}

impl<'de> Deserialize<'de> for HexBytes {
	fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
		decode_0x(&s).map(HexBytes).map_err(serde::de::Error::custom)
	}
}

/// A 32-byte value written as `0x` followed by 64 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Hash32(pub [u8; 32]);

impl core::fmt::Debug for Hash32 {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "0x{}", hex::encode(self.0))
	}
}

impl Serialize for Hash32 {
	fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&format!("0x{}", hex::encode(self.0)))
	}
}

impl<'de> Deserialize<'de> for Hash32 {
	fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
		let bytes = decode_0x(&s).map_err(serde::de::Error::custom)?;
		<[u8; 32]>::try_from(bytes.as_slice())
			.map(Hash32)
			.map_err(|_| serde::de::Error::custom("expected 32 bytes (64 hex digits)"))
	}
}

/// An evidence proof bundle, format version 1.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bundle {
	/// Always [`BUNDLE_VERSION`].
	pub version: u32,
	/// Hash of the chain's genesis block.
	pub genesis_hash: Hash32,
	/// The digest the bundle is about, text form `algorithm:hex`.
	pub digest: Digest,
	/// The id of the first anchoring of `digest`.
	pub anchor_id: u64,
	/// Block B whose state holds the anchor records.
	pub block: BlockRef,
	/// Trie nodes proving `DigestAnchors(digest, 0)` and `Anchors(anchorId)` in B's state root.
	pub storage_proof: Vec<HexBytes>,
	/// GRANDPA finality of a block F at or above B.
	pub finality: Finality,
	/// One entry per GRANDPA authority-set change since genesis, in order, each below F.
	pub authority_set_changes: Vec<AuthoritySetChange>,
}

/// A block given by its header.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BlockRef {
	/// SCALE `Header<u32, BlakeTwo256>`.
	pub header: HexBytes,
}

/// GRANDPA finality of block F and F's ancestry down to B.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Finality {
	/// SCALE `GrandpaJustification<Header>` whose commit targets F.
	pub justification: HexBytes,
	/// SCALE headers of F, parent(F), ..., child(B); empty when F is B.
	pub headers: Vec<HexBytes>,
}

/// A block that enacts a GRANDPA authority-set change, with the old set's justification of it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthoritySetChange {
	/// SCALE header carrying the GRANDPA `ScheduledChange` (or `ForcedChange`) consensus log.
	pub header: HexBytes,
	/// SCALE `GrandpaJustification<Header>` of that header by the set before the change.
	pub justification: HexBytes,
}

impl Bundle {
	/// The JSON text of the bundle (pretty-printed).
	pub fn to_json(&self) -> String {
		// Serialising these types cannot fail: all map keys are strings.
		serde_json::to_string_pretty(self).unwrap_or_default()
	}
}
