//! The proof bundle file format, version 2 (see `docs/proof-bundle.md`).
//!
//! The types here only carry bytes: every binary field is the base64 text of a SCALE encoding
//! (version 1 wrote `0x`-hex, still read by [`Bundle::from_version_1`]) and is decoded (and
//! checked) by [`crate::verify_bundle`]. The node builds a bundle with the same types and `serde_json`.

use base64::{engine::general_purpose::STANDARD, Engine};
use doid_primitives::Digest;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The bundle format version this crate writes.
pub const BUNDLE_VERSION: u32 = 2;
/// The versions this crate reads: 1 (binary fields in `0x`-hex) and 2 (base64).
pub const READABLE_VERSIONS: [u32; 2] = [1, BUNDLE_VERSION];

/// Bytes written as base64 text (RFC 4648 standard alphabet, padded). Version-1 bundles, whose
/// binary fields are `0x`-hex, are read through [`Bundle::from_version_1`].
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Blob(pub Vec<u8>);

impl core::fmt::Debug for Blob {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "0x{}", hex::encode(&self.0))
	}
}

impl From<Vec<u8>> for Blob {
	fn from(v: Vec<u8>) -> Self {
		Blob(v)
	}
}

impl AsRef<[u8]> for Blob {
	fn as_ref(&self) -> &[u8] {
		&self.0
	}
}

/// Decodes `0x`-prefixed hex text.
pub fn decode_0x(s: &str) -> Result<Vec<u8>, String> {
	let digits = s.strip_prefix("0x").ok_or_else(|| "hex text must start with 0x".to_string())?;
	hex::decode(digits).map_err(|e| format!("invalid hex: {e}"))
}

/// Decodes a binary field of a version-2 bundle (base64).
pub fn decode_blob(s: &str) -> Result<Vec<u8>, String> {
	STANDARD.decode(s).map_err(|e| format!("invalid base64: {e}"))
}

impl Serialize for Blob {
	fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&STANDARD.encode(&self.0))
	}
}

impl<'de> Deserialize<'de> for Blob {
	fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
		decode_blob(&s).map(Blob).map_err(serde::de::Error::custom)
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

/// An evidence proof bundle, format version 2.
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
	pub storage_proof: Vec<Blob>,
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
	pub header: Blob,
}

/// GRANDPA finality of block F and F's ancestry down to B.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Finality {
	/// SCALE `GrandpaJustification<Header>` whose commit targets F.
	pub justification: Blob,
	/// SCALE headers of F, parent(F), ..., child(B); empty when F is B.
	pub headers: Vec<Blob>,
}

/// A block that enacts a GRANDPA authority-set change, with the old set's justification of it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthoritySetChange {
	/// SCALE header carrying the GRANDPA `ScheduledChange` (or `ForcedChange`) consensus log.
	pub header: Blob,
	/// SCALE `GrandpaJustification<Header>` of that header by the set before the change.
	pub justification: Blob,
}

impl Bundle {
	/// The JSON text of the bundle (pretty-printed).
	pub fn to_json(&self) -> String {
		// Serialising these types cannot fail: all map keys are strings.
		serde_json::to_string_pretty(self).unwrap_or_default()
	}

	/// Reads a version-1 bundle: the same fields, every binary one in `0x`-hex. The hex
	/// fields are re-encoded in base64, then the result is read as version 2.
	pub fn from_version_1(json: &[u8]) -> Result<Bundle, String> {
		let mut value: serde_json::Value =
			serde_json::from_slice(json).map_err(|e| format!("bundle JSON: {e}"))?;
		let binary_fields = [
			"/block/header",
			"/storageProof",
			"/finality/justification",
			"/finality/headers",
			"/authoritySetChanges",
		];
		for pointer in binary_fields {
			if let Some(field) = value.pointer_mut(pointer) {
				hex_to_base64(field, pointer)?;
			}
		}
		value["version"] = BUNDLE_VERSION.into();
		serde_json::from_value(value).map_err(|e| format!("bundle JSON: {e}"))
	}
}

/// Re-encodes the `0x`-hex strings in `field` (a string, or arrays and objects of them) as
/// base64; `at` names the field in errors.
fn hex_to_base64(field: &mut serde_json::Value, at: &str) -> Result<(), String> {
	use serde_json::Value;
	match field {
		Value::String(text) => {
			let bytes = decode_0x(text).map_err(|e| format!("{at}: {e}"))?;
			*text = STANDARD.encode(bytes);
		}
		Value::Array(items) => items.iter_mut().try_for_each(|item| hex_to_base64(item, at))?,
		Value::Object(fields) => fields.values_mut().try_for_each(|v| hex_to_base64(v, at))?,
		_ => {}
	}
	Ok(())
}
