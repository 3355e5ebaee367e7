//! Serde form of 32-byte values: 64 hex digits (lower case out, either case in).

use alloc::vec::Vec;

use serde::{de, ser, Deserialize, Deserializer, Serialize, Serializer};

use crate::Hash32;

/// Serializes `value` as 64 lower-case hex digits.
pub(crate) fn serialize<S: Serializer>(value: &Hash32, serializer: S) -> Result<S::Ok, S::Error> {
	let mut text = [0u8; 64];
	hex::encode_to_slice(value, &mut text).map_err(ser::Error::custom)?;
	serializer.serialize_str(core::str::from_utf8(&text).map_err(ser::Error::custom)?)
}

/// Deserializes 64 hex digits.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Hash32, D::Error> {
	deserializer.deserialize_str(HexVisitor)
}

/// Visitor of a hex string of a 32-byte value.
struct HexVisitor;

impl de::Visitor<'_> for HexVisitor {
	type Value = Hash32;

	fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		f.write_str("64 hex digits")
	}

	fn visit_str<E: de::Error>(self, text: &str) -> Result<Hash32, E> {
		let mut value = [0u8; 32];
		hex::decode_to_slice(text, &mut value).map_err(E::custom)?;
		Ok(value)
	}
}

/// A 32-byte value in hex form, as an element of a list.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
struct Hex(#[serde(with = "crate::serde_hex")] Hash32);

/// Serde form of a list of 32-byte values: a sequence of hex strings.
pub(crate) mod list {
	use super::*;

	/// Serializes `values` as a sequence of hex strings.
	pub(crate) fn serialize<S: Serializer>(
		values: &[Hash32],
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		serializer.collect_seq(values.iter().map(|value| Hex(*value)))
	}

	/// Deserializes a sequence of hex strings.
	pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<Vec<Hash32>, D::Error> {
		Ok(Vec::<Hex>::deserialize(deserializer)?.into_iter().map(|hex| hex.0).collect())
	}
}
