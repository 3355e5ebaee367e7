//! Digests of files with each of the chain's digest algorithms.

use doid_primitives::DigestAlgorithm;
use sha2::Digest as _;
use std::io::Read;

/// Smallest chunk for which BLAKE3 is run on several threads with the `rayon` feature (below,
/// threads cost more than they save).
#[cfg(feature = "rayon")]
const RAYON_MIN: usize = 128 << 10;

/// A running hash with one of the chain's algorithms.
pub enum Hasher {
	/// BLAKE2b-256 (Substrate's `blake2_256`).
	Blake2b256(Box<blake2::Blake2b<blake2::digest::consts::U32>>),
	/// SHA-256.
	Sha256(sha2::Sha256),
	/// BLAKE3.
	Blake3(Box<blake3::Hasher>),
	/// SM3 (GB/T 32905).
	Sm3(sm3::Sm3),
}

impl Hasher {
	/// A new hash with `algorithm`.
	pub fn new(algorithm: DigestAlgorithm) -> Self {
		match algorithm {
			DigestAlgorithm::Blake2b256 => Hasher::Blake2b256(Box::default()),
			DigestAlgorithm::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
			DigestAlgorithm::Blake3 => Hasher::Blake3(Box::default()),
			DigestAlgorithm::Sm3 => Hasher::Sm3(sm3::Sm3::new()),
		}
	}

	/// Hashes `bytes` next.
	pub fn update(&mut self, bytes: &[u8]) {
		match self {
			Hasher::Blake2b256(h) => h.update(bytes),
			Hasher::Sha256(h) => h.update(bytes),
			#[cfg(feature = "rayon")]
			Hasher::Blake3(h) if bytes.len() >= RAYON_MIN => {
				h.update_rayon(bytes);
			}
			Hasher::Blake3(h) => {
				h.update(bytes);
			}
			Hasher::Sm3(h) => h.update(bytes),
		}
	}

	/// The 32-byte digest.
	pub fn finalize(self) -> [u8; 32] {
		match self {
			Hasher::Blake2b256(h) => h.finalize().into(),
			Hasher::Sha256(h) => h.finalize().into(),
			Hasher::Blake3(h) => *h.finalize().as_bytes(),
			Hasher::Sm3(h) => h.finalize().into(),
		}
	}
}

/// The 32-byte digest of `bytes` with `algorithm` (BLAKE2b-256 is Substrate's `blake2_256`).
pub fn file_digest(algorithm: DigestAlgorithm, bytes: &[u8]) -> [u8; 32] {
	let mut h = Hasher::new(algorithm);
	h.update(bytes);
	h.finalize()
}

/// The 32-byte digest with `algorithm` of everything `reader` yields, read in 64 KiB chunks.
pub fn file_digest_reader(
	algorithm: DigestAlgorithm,
	reader: impl Read,
) -> std::io::Result<[u8; 32]> {
	digest_reader(algorithm, reader, 64 * 1024, |_| {})
}

/// The digest of everything `reader` yields, read in chunks of `buffer_len` bytes (each chunk
/// filled as far as the reader allows, so that short reads still give large chunks);
/// `progress` is called with the number of bytes hashed so far after each chunk.
pub fn digest_reader(
	algorithm: DigestAlgorithm,
	mut reader: impl Read,
	buffer_len: usize,
	mut progress: impl FnMut(u64),
) -> std::io::Result<[u8; 32]> {
	let mut hasher = Hasher::new(algorithm);
	let mut buf = vec![0u8; buffer_len.max(1)];
	let mut done = 0u64;
	loop {
		let mut filled = 0;
		while filled < buf.len() {
			match reader.read(buf.get_mut(filled..).unwrap_or_default()) {
				Ok(0) => break,
				Ok(n) => filled += n,
				Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
				Err(e) => return Err(e),
			}
		}
		if filled == 0 {
			break;
		}
		hasher.update(buf.get(..filled).unwrap_or_default());
		done += filled as u64;
		progress(done);
		if filled < buf.len() {
			break;
		}
	}
	Ok(hasher.finalize())
}
