//! Building a tree over a batch of leaves, and proofs of membership out of it.

use alloc::{vec, vec::Vec};

use crate::{path::Path, Algorithm, Hash32, MerkleError, Proof};

/// Largest number of leaves in one batch (2^32): a proof has at most 32 siblings.
pub const MAX_LEAVES: u64 = 1 << 32;

/// The root of a batch of `leaves` (in batch order) hashed with `algorithm`.
///
/// Errors: [`MerkleError::EmptyBatch`] for no leaf, [`MerkleError::TooManyLeaves`] above
/// [`MAX_LEAVES`].
pub fn root(algorithm: Algorithm, leaves: &[Hash32]) -> Result<Hash32, MerkleError> {
	MerkleTree::new(algorithm, leaves).map(|tree| tree.root())
}

/// A whole tree kept in memory, level by level, to hand out proofs for any of its leaves.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MerkleTree {
	/// The hash algorithm of every node.
	algorithm: Algorithm,
	/// `levels[0]` holds the leaf hashes; each next level the parents of the one before; the
	/// last level is the one-element level of the root.
	levels: Vec<Vec<Hash32>>,
	/// The root.
	root: Hash32,
}

// A tree always has at least one leaf, so an `is_empty` would always be false.
#[allow(clippy::len_without_is_empty)]
impl MerkleTree {
	/// Builds the tree of `leaves` (in batch order) with `algorithm`.
	///
	/// Errors: [`MerkleError::EmptyBatch`] for no leaf, [`MerkleError::TooManyLeaves`] above
	/// [`MAX_LEAVES`].
	pub fn new(algorithm: Algorithm, leaves: &[Hash32]) -> Result<MerkleTree, MerkleError> {
		if leaves.len() as u64 > MAX_LEAVES {
			return Err(MerkleError::TooManyLeaves);
		}
		let mut levels: Vec<Vec<Hash32>> =
			vec![leaves.iter().map(|leaf| algorithm.leaf_hash(leaf)).collect()];
		while let Some(next) =
			levels.last().filter(|level| level.len() > 1).map(|level| next_level(algorithm, level))
		{
			levels.push(next);
		}
		let root = levels
			.last()
			.and_then(|level| level.first())
			.copied()
			.ok_or(MerkleError::EmptyBatch)?;
		Ok(MerkleTree { algorithm, levels, root })
	}

	/// The hash algorithm of the tree.
	pub fn algorithm(&self) -> Algorithm {
		self.algorithm
	}

	/// The root.
	pub fn root(&self) -> Hash32 {
		self.root
	}

	/// The number of leaves.
	pub fn len(&self) -> usize {
		self.levels.first().map_or(0, Vec::len)
	}

	/// The number of leaves, as stored in an anchor and in a [`Proof`].
	pub fn leaf_count(&self) -> u64 {
		self.len() as u64
	}

	/// The proof of membership of the leaf at `index` (0-based, batch order).
	///
	/// Error: [`MerkleError::IndexOutOfRange`] when `index >= self.len()`.
	pub fn proof(&self, index: usize) -> Result<Proof, MerkleError> {
		let leaf_index = index as u64;
		let siblings = Path::new(leaf_index, self.leaf_count())?
			.zip(&self.levels)
			.filter(|((_, step), _)| step.has_sibling())
			// `Path` only yields in-range indices with a sibling at `position ^ 1`.
			.map(|((position, _), level)| level[(position ^ 1) as usize])
			.collect();
		Ok(Proof { algorithm: self.algorithm, leaf_index, leaf_count: self.leaf_count(), siblings })
	}
}

/// The level above `level`: each pair of neighbours `(2j, 2j+1)` becomes `H(0x01 ‖ l ‖ r)`; a
/// last node without a right neighbour is promoted unchanged.
///
/// Promotion, not duplication of the odd node (as in Bitcoin), is deliberate: with duplication
/// the batches `[a, b, c]` and `[a, b, c, c]` have the same root, so a proof for a leaf that was
/// never anchored (a fourth `c` at index 3) would verify, and one root would stand for two
/// different batches (CVE-2012-2459). With promotion every batch has its own shape, and the
/// shape is what the leaf count and the leaf index describe.
fn next_level(algorithm: Algorithm, level: &[Hash32]) -> Vec<Hash32> {
	let mut next = Vec::with_capacity(level.len().div_ceil(2));
	let mut pairs = level.chunks_exact(2);
	next.extend(pairs.by_ref().map(|pair| algorithm.node_hash(&pair[0], &pair[1])));
	next.extend_from_slice(pairs.remainder());
	next
}
