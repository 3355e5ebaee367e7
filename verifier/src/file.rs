//! Digests of files with each of the chain's digest algorithms.

use doid_primitives::DigestAlgorithm;
use sha2::Digest as _;
use std::io::Read;

/// A running hash with one of the chain's algorithms.
enum Hasher {
	Blake2b256(Box<blake2::Blake2b<blake2::digest::consts::U32>>),
	Sha256(sha2::Sha256),
	Blake3(Box<blake3::Hasher>),
	Sm3(sm3::Sm3),
}

impl Hasher {
	fn new(algorithm: DigestAlgorithm) -> Self {
		match algorithm {
			DigestAlgorithm::Blake2b256 => Hasher::Blake2b256(Box::default()),
			DigestAlgorithm::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
			DigestAlgorithm::Blake3 => Hasher::Blake3(Box::default()),
			DigestAlgorithm::Sm3 => Hasher::Sm3(sm3::Sm3::new()),
		}
	}

	fn update(&mut self, bytes: &[u8]) {
		match self {
			Hasher::Blake2b256(h) => h.update(bytes),
			Hasher::Sha256(h) => h.update(bytes),
			Hasher::Blake3(h) => {
				h.update(bytes);
			}
			Hasher::Sm3(h) => h.update(bytes),
		}
	}

	fn finalize(self) -> [u8; 32] {
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
	mut reader: impl Read,
) -> std::io::Result<[u8; 32]> {
	let mut h = Hasher::new(algorithm);
	let mut buf = vec![0u8; 64 * 1024];
	loop {
		let n = match reader.read(&mut buf) {
			Ok(0) => break,
			Ok(n) => n,
			Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
			Err(e) => return Err(e),
		};
		h.update(buf.get(..n).unwrap_or(&[]));
	}
	Ok(h.finalize())
}
