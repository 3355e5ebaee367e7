#![doc = include_str!("../../docs/merkle.md")]
//!
//! # This crate
//!
//! [`root`] computes the root of a batch; [`MerkleTree`] keeps every level to hand out a
//! [`Proof`] per leaf; [`verify`] and [`verify_anchored`] check a proof. The crate is `no_std`
//! with `alloc` when its default feature `std` is off. Features: `codec` (SCALE `Encode`,
//! `Decode`, `TypeInfo`), `serde` (JSON with 32-byte values as hex text); both are on by
//! default.
//!
//! ```
//! use doid_merkle::{verify_anchored, Algorithm, MerkleTree};
//!
//! let leaves = [[0u8; 32], [1u8; 32], [2u8; 32]];
//! let tree = MerkleTree::new(Algorithm::Blake3, &leaves).unwrap();
//! // The anchor stores (algorithm, root, leaf count).
//! let (root, count) = (tree.root(), tree.leaf_count());
//! let proof = tree.proof(2).unwrap();
//! assert_eq!(proof.siblings.len(), 1); // promoted at level 0, one sibling at level 1
//! assert!(verify_anchored(&proof, &leaves[2], &root, count).is_ok());
//! assert!(verify_anchored(&proof, &leaves[1], &root, count).is_err());
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod algorithm;
mod error;
mod path;
mod proof;
#[cfg(feature = "serde")]
mod serde_hex;
#[cfg(test)]
mod tests;
mod tree;

pub use algorithm::{Algorithm, Hash32, LEAF_PREFIX, NODE_PREFIX};
pub use error::MerkleError;
pub use proof::{verify, verify_anchored, Proof};
pub use tree::{root, MerkleTree, MAX_LEAVES};
