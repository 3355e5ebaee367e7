//! `doid batch` and `doid batch-verify`: Merkle batches of file digests (`docs/merkle.md`).
//!
//! A batch of files is the Merkle tree (`doid-merkle`) of their digests, in the order given,
//! hashed with the same algorithm as the files. `root.txt` holds the root (`algorithm:hex`, what
//! is anchored with `Evidence::anchor_batch`) and the leaf count; each file gets a proof file
//! that shows, with the root and the count from the chain, that the file is in the batch.

use crate::{
	error::{read_file, write_error, CliError},
	hashing,
};
use doid_merkle::{verify_anchored, Algorithm, MerkleTree, Proof};
use doid_primitives::{Digest, DigestAlgorithm};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Name of the root file in the output directory.
pub const ROOT_FILE: &str = "root.txt";

/// A proof file: the Merkle proof (format of `docs/merkle.md`) with what it was made for.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ProofFile {
	/// Always 1.
	pub version: u32,
	/// The file's name as given to `doid batch` (informative).
	pub file: String,
	/// The file's digest: the leaf.
	pub leaf: Digest,
	/// The batch root the proof leads to (informative: verification takes the root from the
	/// chain or the user, never from here).
	pub root: Digest,
	/// The Merkle proof.
	pub proof: Proof,
}

/// The Merkle algorithm of a digest algorithm (same variants, same names).
pub fn merkle_algorithm(a: DigestAlgorithm) -> Algorithm {
	match a {
		DigestAlgorithm::Blake2b256 => Algorithm::Blake2b256,
		DigestAlgorithm::Sha256 => Algorithm::Sha256,
		DigestAlgorithm::Blake3 => Algorithm::Blake3,
		DigestAlgorithm::Sm3 => Algorithm::Sm3,
	}
}

fn digest_algorithm(a: Algorithm) -> DigestAlgorithm {
	match a {
		Algorithm::Blake2b256 => DigestAlgorithm::Blake2b256,
		Algorithm::Sha256 => DigestAlgorithm::Sha256,
		Algorithm::Blake3 => DigestAlgorithm::Blake3,
		Algorithm::Sm3 => DigestAlgorithm::Sm3,
	}
}

/// What `doid batch` wrote.
pub struct BatchOutput {
	/// The root.
	pub root: Digest,
	/// Number of leaves.
	pub leaf_count: u64,
	/// Per file: path given, its digest, its proof file.
	pub entries: Vec<(PathBuf, Digest, PathBuf)>,
}

/// A file name for the proof of leaf `index` of `path`: `{index}-{basename}.proof.json`.
fn proof_name(index: usize, path: &Path) -> String {
	let base = path
		.file_name()
		.map(|n| n.to_string_lossy().into_owned())
		.unwrap_or_else(|| "file".to_string());
	let base: String = base
		.chars()
		.map(|c| if c.is_control() || c == '/' || c == '\\' { '_' } else { c })
		.collect();
	format!("{index:04}-{base}.proof.json")
}

/// Hashes `files`, builds their batch and writes `root.txt` and the proofs into `out`.
pub fn batch(
	files: &[PathBuf],
	algorithm: DigestAlgorithm,
	out: &Path,
) -> Result<BatchOutput, CliError> {
	if files.is_empty() {
		return Err(CliError::usage("a batch needs at least one file"));
	}
	let mut digests = Vec::with_capacity(files.len());
	for f in files {
		if f.as_os_str() == "-" {
			return Err(CliError::usage(
				"a batch is made of files; standard input is not accepted",
			));
		}
		digests.push(hashing::digest_file(f, algorithm)?.0);
	}
	let leaves: Vec<[u8; 32]> = digests.iter().map(|d| d.value).collect();
	let tree = MerkleTree::new(merkle_algorithm(algorithm), &leaves)
		.map_err(|e| CliError::usage(format!("cannot build the batch: {e}")))?;
	let root = Digest::new(algorithm, tree.root());
	std::fs::create_dir_all(out).map_err(|e| write_error(out, &e))?;
	let root_path = out.join(ROOT_FILE);
	let root_text = format!("{root}\nleaf_count {}\n", tree.leaf_count());
	std::fs::write(&root_path, root_text).map_err(|e| write_error(&root_path, &e))?;
	let mut entries = Vec::with_capacity(files.len());
	for (index, (file, digest)) in files.iter().zip(&digests).enumerate() {
		let proof = tree
			.proof(index)
			.map_err(|e| CliError::usage(format!("cannot build the proof of {index}: {e}")))?;
		let content =
			ProofFile { version: 1, file: file.display().to_string(), leaf: *digest, root, proof };
		let path = out.join(proof_name(index, file));
		let json = serde_json::to_string_pretty(&content)
			.map_err(|e| CliError::usage(format!("cannot encode the proof: {e}")))?;
		std::fs::write(&path, json + "\n").map_err(|e| write_error(&path, &e))?;
		entries.push((file.clone(), *digest, path));
	}
	Ok(BatchOutput { root, leaf_count: tree.leaf_count(), entries })
}

/// Reads a proof file: a [`ProofFile`], or a bare Merkle proof (`docs/merkle.md` JSON).
pub fn read_proof(path: &Path) -> Result<(Proof, Option<Digest>), CliError> {
	let bytes = read_file(path)?;
	if let Ok(p) = serde_json::from_slice::<ProofFile>(&bytes) {
		return Ok((p.proof, Some(p.leaf)));
	}
	serde_json::from_slice::<Proof>(&bytes).map(|p| (p, None)).map_err(|e| {
		CliError::usage(format!(
			"{} is not a proof file written by `doid batch` (nor a Merkle proof): {e}",
			path.display()
		))
	})
}

/// The outcome of `batch-verify`: `Ok(leaf_index)` or the reason it fails.
pub fn batch_verify(
	proof_path: &Path,
	file: &Path,
	root: &Digest,
	count: u64,
) -> Result<Result<u64, String>, CliError> {
	let (proof, leaf) = read_proof(proof_path)?;
	let tree_algorithm = digest_algorithm(proof.algorithm);
	if root.algorithm != tree_algorithm {
		return Ok(Err(format!(
			"the root is a {} digest but the proof is for a {} tree",
			root.algorithm, tree_algorithm
		)));
	}
	// The leaf is the file's digest, with the algorithm the proof file names (batches made by
	// `doid batch` use the tree's algorithm for the files too).
	let leaf_algorithm = leaf.map_or(tree_algorithm, |l| l.algorithm);
	let (actual, _) = hashing::digest_file(file, leaf_algorithm)?;
	if let Some(expected) = leaf {
		if expected != actual {
			return Ok(Err(format!(
				"the file's digest is {actual}, but the proof is for the file with digest \
				 {expected} (the file was changed, or it is the wrong file)"
			)));
		}
	}
	match verify_anchored(&proof, &actual.value, &root.value, count) {
		Ok(()) => Ok(Ok(proof.leaf_index)),
		Err(e) => Ok(Err(format!("{e} (root {root}, leaf count {count})"))),
	}
}

/// Reads `root.txt` as written by [`batch`] (for tests and scripts).
pub fn parse_root_file(text: &str) -> Option<(Digest, u64)> {
	let mut lines = text.lines();
	let root = lines.next()?.trim().parse().ok()?;
	let count = lines.next()?.trim().strip_prefix("leaf_count")?.trim().parse().ok()?;
	Some((root, count))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn proof_names_are_unique_and_safe() {
		assert_eq!(proof_name(3, Path::new("/a/b/c.pdf")), "0003-c.pdf.proof.json");
		assert_eq!(proof_name(0, Path::new("..")), "0000-file.proof.json");
	}

	#[test]
	fn root_file_round_trip() {
		let d = Digest::new(DigestAlgorithm::Blake3, [7; 32]);
		assert_eq!(parse_root_file(&format!("{d}\nleaf_count 12\n")), Some((d, 12)));
		assert_eq!(parse_root_file("blake3:00\n"), None);
	}
}
