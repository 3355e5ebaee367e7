//! The shape of the path from one leaf to the root, known from the leaf index and the leaf
//! count alone. Both proof generation and verification walk it, so they cannot disagree.

use crate::{MerkleError, MAX_LEAVES};

/// What happens to the path's node at one level.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Step {
	/// The node is a right child (odd index): parent = `H(0x01 ‖ sibling ‖ node)`.
	SiblingOnLeft,
	/// The node is a left child with a right neighbour: parent = `H(0x01 ‖ node ‖ sibling)`.
	SiblingOnRight,
	/// The node is the last of a level of odd width: it is the parent, unchanged.
	Promoted,
}

impl Step {
	/// Whether the proof carries a sibling for this level.
	pub(crate) fn has_sibling(self) -> bool {
		self != Step::Promoted
	}
}

/// Iterator over the levels below the root, from the leaf level upward, yielding the path
/// node's index within its level and the [`Step`] taken there.
#[derive(Clone, Debug)]
pub(crate) struct Path {
	/// Index of the path's node within the current level.
	index: u64,
	/// Number of nodes of the current level.
	width: u64,
}

impl Path {
	/// The path of leaf `leaf_index` in a tree of `leaf_count` leaves.
	pub(crate) fn new(leaf_index: u64, leaf_count: u64) -> Result<Path, MerkleError> {
		if leaf_count > MAX_LEAVES {
			Err(MerkleError::TooManyLeaves)
		} else if leaf_index >= leaf_count {
			Err(MerkleError::IndexOutOfRange)
		} else {
			Ok(Path { index: leaf_index, width: leaf_count })
		}
	}

	/// The step at the current level.
	fn step(&self) -> Step {
		if self.index % 2 == 1 {
			Step::SiblingOnLeft
		} else if self.index + 1 < self.width {
			Step::SiblingOnRight
		} else {
			Step::Promoted
		}
	}
}

impl Iterator for Path {
	type Item = (u64, Step);

	fn next(&mut self) -> Option<(u64, Step)> {
		if self.width <= 1 {
			return None;
		}
		let item = (self.index, self.step());
		self.index /= 2;
		self.width = self.width.div_ceil(2);
		Some(item)
	}
}
