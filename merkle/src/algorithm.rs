//! The four hash algorithms a batch can be built with, and the two domain-separated hashes of
//! the tree (leaf hash and node hash).

use blake2::digest::{consts::U32, Digest, OutputSizeUser};

/// A 32-byte value: a leaf (an anchored digest), a node of the tree or a root.
pub type Hash32 = [u8; 32];

/// First byte of every leaf hash input: `H(0x00 ‖ leaf)`.
pub const LEAF_PREFIX: u8 = 0x00;

/// First byte of every inner node hash input: `H(0x01 ‖ left ‖ right)`.
pub const NODE_PREFIX: u8 = 0x01;

/// A hash algorithm with a 256-bit output.
///
/// The variants, their order (SCALE index 0 to 3) and their text names are those of
/// `doid_primitives::DigestAlgorithm`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(
	feature = "codec",
	derive(
		codec::Encode,
		codec::Decode,
		codec::DecodeWithMemTracking,
		codec::MaxEncodedLen,
		scale_info::TypeInfo
	)
)]
#[cfg_attr(
	feature = "serde",
	derive(serde::Serialize, serde::Deserialize),
	serde(rename_all = "lowercase")
)]
pub enum Algorithm {
	/// BLAKE2b (RFC 7693) with a 32-byte output length parameter, unkeyed (Substrate's
	/// `blake2_256`; not a truncated BLAKE2b-512). Text name `blake2b256`, SCALE index 0.
	#[cfg_attr(feature = "codec", codec(index = 0))]
	Blake2b256,
	/// SHA-256 (FIPS 180-4). Text name `sha256`, SCALE index 1.
	#[cfg_attr(feature = "codec", codec(index = 1))]
	Sha256,
	/// BLAKE3 in its plain hash mode (unkeyed), 32-byte output. Text name `blake3`, SCALE
	/// index 2.
	#[cfg_attr(feature = "codec", codec(index = 2))]
	Blake3,
	/// SM3 (GB/T 32905-2016). Text name `sm3`, SCALE index 3.
	#[cfg_attr(feature = "codec", codec(index = 3))]
	Sm3,
}

impl Algorithm {
	/// All algorithms, in SCALE index order.
	pub const ALL: [Algorithm; 4] = [Self::Blake2b256, Self::Sha256, Self::Blake3, Self::Sm3];

	/// The lower-case text name (also the JSON form).
	pub const fn name(self) -> &'static str {
		match self {
			Self::Blake2b256 => "blake2b256",
			Self::Sha256 => "sha256",
			Self::Blake3 => "blake3",
			Self::Sm3 => "sm3",
		}
	}

	/// The hash of the concatenation of `parts`, computed incrementally (no allocation).
	pub fn hash(&self, parts: &[&[u8]]) -> Hash32 {
		match self {
			Self::Blake2b256 => digest_parts::<blake2::Blake2b<U32>>(parts),
			Self::Sha256 => digest_parts::<sha2::Sha256>(parts),
			Self::Blake3 => blake3_parts(parts),
			Self::Sm3 => digest_parts::<sm3::Sm3>(parts),
		}
	}

	/// The leaf hash `H(0x00 ‖ leaf)`: 33 bytes hashed, byte 0 is `0x00`, bytes 1 to 32 the
	/// leaf.
	pub fn leaf_hash(&self, leaf: &Hash32) -> Hash32 {
		// One contiguous stack buffer: a single update is faster than three small ones.
		let mut input = [LEAF_PREFIX; 33];
		input[1..].copy_from_slice(leaf);
		self.hash(&[&input])
	}

	/// The inner node hash `H(0x01 ‖ left ‖ right)`: 65 bytes hashed, byte 0 is `0x01`, bytes 1
	/// to 32 the left child, bytes 33 to 64 the right child.
	pub fn node_hash(&self, left: &Hash32, right: &Hash32) -> Hash32 {
		let mut input = [NODE_PREFIX; 65];
		input[1..33].copy_from_slice(left);
		input[33..].copy_from_slice(right);
		self.hash(&[&input])
	}
}

impl core::fmt::Display for Algorithm {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.name())
	}
}

/// Concatenation hash with a RustCrypto `digest` 0.10 hasher of 32-byte output.
fn digest_parts<D: Digest + OutputSizeUser<OutputSize = U32>>(parts: &[&[u8]]) -> Hash32 {
	let mut hasher = D::new();
	for part in parts {
		hasher.update(part);
	}
	hasher.finalize().into()
}

/// Concatenation hash with BLAKE3 (one part, as from the tree, takes the faster one-shot path).
fn blake3_parts(parts: &[&[u8]]) -> Hash32 {
	if let [single] = parts {
		return blake3::hash(single).into();
	}
	let mut hasher = blake3::Hasher::new();
	for part in parts {
		hasher.update(part);
	}
	hasher.finalize().into()
}
