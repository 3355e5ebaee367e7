//! Tests of the format: every proof verifies, every single-bit change is caught, known answers
//! (computed with the hash crates directly), domain separation, errors, encodings.

extern crate std;

use alloc::{vec, vec::Vec};
use blake2::digest::{consts::U32, Digest};

use crate::{
	path::{Path, Step},
	*,
};

// ---------------------------------------------------------------------------------------------
// Helpers

/// SplitMix64: a small deterministic generator for leaves and sampling.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	/// A number in `0..bound` (`bound > 0`; the slight bias does not matter here).
	fn below(&mut self, bound: usize) -> usize {
		(self.next() % bound as u64) as usize
	}
}

/// `count` pseudo-random leaves (pairwise distinct in practice) from `seed`.
fn leaves(count: usize, seed: u64) -> Vec<Hash32> {
	let mut rng = Rng(seed);
	(0..count)
		.map(|_| {
			let mut leaf = [0u8; 32];
			leaf.chunks_exact_mut(8).for_each(|c| c.copy_from_slice(&rng.next().to_le_bytes()));
			leaf
		})
		.collect()
}

fn hex32(text: &str) -> Hash32 {
	let mut value = [0u8; 32];
	hex::decode_to_slice(text, &mut value).expect("64 hex digits");
	value
}

/// The hash of `data` with the hash crates' one-shot functions, independent of
/// `Algorithm::hash`.
fn reference_hash(algorithm: Algorithm, data: &[u8]) -> Hash32 {
	match algorithm {
		Algorithm::Blake2b256 => blake2::Blake2b::<U32>::digest(data).into(),
		Algorithm::Sha256 => sha2::Sha256::digest(data).into(),
		Algorithm::Blake3 => blake3::hash(data).into(),
		Algorithm::Sm3 => sm3::Sm3::digest(data).into(),
	}
}

fn reference_leaf(algorithm: Algorithm, leaf: &Hash32) -> Hash32 {
	reference_hash(algorithm, &[&[0x00][..], leaf].concat())
}

fn reference_node(algorithm: Algorithm, left: &Hash32, right: &Hash32) -> Hash32 {
	reference_hash(algorithm, &[&[0x01][..], left, right].concat())
}

/// The root by the specification's words, level by level, with one-shot hashing.
fn reference_root(algorithm: Algorithm, leaves: &[Hash32]) -> Hash32 {
	let mut level: Vec<Hash32> = leaves.iter().map(|l| reference_leaf(algorithm, l)).collect();
	while level.len() > 1 {
		let mut next = Vec::new();
		for j in 0..level.len().div_ceil(2) {
			next.push(match level.get(2 * j + 1) {
				Some(right) => reference_node(algorithm, &level[2 * j], right),
				None => level[2 * j],
			});
		}
		level = next;
	}
	level[0]
}

/// `ceil(log2(count))` for `count >= 1`: the height of the tree.
fn height(count: usize) -> usize {
	(usize::BITS - (count - 1).leading_zeros()) as usize
}

/// The steps of a proof's path (which must be valid).
fn steps(proof: &Proof) -> Vec<Step> {
	Path::new(proof.leaf_index, proof.leaf_count).unwrap().map(|(_, step)| step).collect()
}

// ---------------------------------------------------------------------------------------------
// The hash algorithms

#[test]
fn hash_crates_are_the_standard_algorithms() {
	// "abc" vectors from RFC 7693 (BLAKE2b-256 variant), FIPS 180-2, the BLAKE3 reference
	// implementation and GB/T 32905-2016.
	let expected = [
		(Algorithm::Blake2b256, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"),
		(Algorithm::Sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
		(Algorithm::Blake3, "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"),
		(Algorithm::Sm3, "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
	];
	for (algorithm, hex) in expected {
		assert_eq!(algorithm.hash(&[b"abc"]), hex32(hex), "{algorithm}");
		assert_eq!(reference_hash(algorithm, b"abc"), hex32(hex), "{algorithm}");
	}
}

#[test]
fn hash_of_parts_is_hash_of_concatenation() {
	let data: Vec<u8> = (0u8..65).collect();
	for algorithm in Algorithm::ALL {
		let whole = reference_hash(algorithm, &data);
		for a in 0..=data.len() {
			for b in a..=data.len() {
				let parts: [&[u8]; 3] = [&data[..a], &data[a..b], &data[b..]];
				assert_eq!(algorithm.hash(&parts), whole, "{algorithm} split {a} {b}");
			}
		}
		assert_eq!(algorithm.hash(&[]), reference_hash(algorithm, &[]));
	}
}

// ---------------------------------------------------------------------------------------------
// 1. Every proof of every tree verifies

/// Builds a tree of `count` leaves and checks it against the reference and every proof.
fn assert_every_proof_verifies(algorithm: Algorithm, count: usize) {
	let leaves = leaves(count, count as u64);
	let tree = MerkleTree::new(algorithm, &leaves).unwrap();
	assert_eq!(tree.len(), count);
	assert_eq!(tree.leaf_count(), count as u64);
	assert_eq!(tree.algorithm(), algorithm);
	assert_eq!(root(algorithm, &leaves), Ok(tree.root()));
	for (index, leaf) in leaves.iter().enumerate() {
		let proof = tree.proof(index).unwrap();
		assert_eq!(
			(proof.algorithm, proof.leaf_index, proof.leaf_count),
			(algorithm, index as u64, count as u64)
		);
		assert!(proof.siblings.len() <= height(count), "{algorithm} {index}/{count}");
		assert_eq!(verify(&proof, leaf, &tree.root()), Ok(()), "{algorithm} {index}/{count}");
		assert_eq!(
			verify_anchored(&proof, leaf, &tree.root(), count as u64),
			Ok(()),
			"{algorithm} {index}/{count}"
		);
	}
}

#[test]
fn every_proof_verifies_blake3_sizes_1_to_1000() {
	for count in 1..=1000 {
		assert_every_proof_verifies(Algorithm::Blake3, count);
	}
}

#[test]
fn every_proof_verifies_all_algorithms_sizes_1_to_64() {
	for algorithm in Algorithm::ALL {
		for count in 1..=64 {
			assert_every_proof_verifies(algorithm, count);
		}
	}
}

#[test]
fn roots_match_the_reference_construction() {
	for algorithm in Algorithm::ALL {
		for count in (1..=70).chain([127, 128, 129, 255, 256, 257, 1000, 1025]) {
			let leaves = leaves(count, 7 * count as u64);
			assert_eq!(
				root(algorithm, &leaves),
				Ok(reference_root(algorithm, &leaves)),
				"{algorithm} {count}"
			);
		}
	}
}

#[test]
fn proof_length_is_the_number_of_levels_with_a_sibling() {
	for count in 1..=300usize {
		let tree = MerkleTree::new(Algorithm::Sha256, &leaves(count, 3)).unwrap();
		for index in 0..count {
			let proof = tree.proof(index).unwrap();
			let with_sibling = steps(&proof).iter().filter(|s| s.has_sibling()).count();
			assert_eq!(proof.siblings.len(), with_sibling);
			if count.is_power_of_two() {
				assert_eq!(proof.siblings.len(), height(count));
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------
// 2. Every single-bit change of a proof, leaf or root is caught

/// A part of the input of a verification.
#[derive(Clone, Copy, Debug)]
enum Part {
	Leaf,
	Sibling(usize),
	Root,
	Index,
	Count,
}

impl Part {
	/// Every part of the verification of `proof`.
	fn all(proof: &Proof) -> Vec<Part> {
		let mut parts = vec![Part::Leaf, Part::Root, Part::Index, Part::Count];
		parts.extend((0..proof.siblings.len()).map(Part::Sibling));
		parts
	}

	/// The number of bits of the part.
	fn bits(self) -> usize {
		match self {
			Part::Index | Part::Count => 64,
			Part::Leaf | Part::Sibling(_) | Part::Root => 256,
		}
	}
}

fn flip(bytes: &mut Hash32, bit: usize) {
	bytes[bit / 8] ^= 1 << (bit % 8);
}

/// Flips `bit` of `part` and checks that verification fails as it must.
///
/// `verify_anchored` against the true anchor must reject every change. Plain `verify` must
/// reject every change of the leaf, a sibling, the root or the index; a changed leaf count may
/// only pass it when the path has exactly the same shape (so it proves the same thing).
fn assert_flip_fails(proof: &Proof, leaf: &Hash32, root: &Hash32, part: Part, bit: usize) {
	let (mut bad_proof, mut bad_leaf, mut bad_root) = (proof.clone(), *leaf, *root);
	match part {
		Part::Leaf => flip(&mut bad_leaf, bit),
		Part::Sibling(k) => flip(&mut bad_proof.siblings[k], bit),
		Part::Root => flip(&mut bad_root, bit),
		Part::Index => bad_proof.leaf_index ^= 1 << bit,
		Part::Count => bad_proof.leaf_count ^= 1 << bit,
	}
	let context = (part, bit, proof.leaf_index, proof.leaf_count, proof.algorithm);
	let anchored = verify_anchored(&bad_proof, &bad_leaf, &bad_root, proof.leaf_count);
	assert!(anchored.is_err(), "anchored verification passed: {context:?}");
	let plain = verify(&bad_proof, &bad_leaf, &bad_root);
	match part {
		Part::Leaf | Part::Sibling(_) | Part::Root => {
			assert_eq!(plain, Err(MerkleError::RootMismatch), "{context:?}")
		}
		Part::Index => assert!(plain.is_err(), "{context:?}"),
		Part::Count => {
			if plain.is_ok() {
				assert_eq!(steps(&bad_proof), steps(proof), "{context:?}");
			}
		}
	}
}

/// Checks every single-bit change of every input of every proof of a tree of `count` leaves.
fn assert_every_flip_fails(algorithm: Algorithm, count: usize) {
	let leaves = leaves(count, 11 * count as u64);
	let tree = MerkleTree::new(algorithm, &leaves).unwrap();
	for (index, leaf) in leaves.iter().enumerate() {
		let proof = tree.proof(index).unwrap();
		for part in Part::all(&proof) {
			for bit in 0..part.bits() {
				assert_flip_fails(&proof, leaf, &tree.root(), part, bit);
			}
		}
	}
}

#[test]
fn every_bit_flip_fails_exhaustively() {
	for count in [1, 2, 3, 7, 8, 9, 100] {
		assert_every_flip_fails(Algorithm::Blake3, count);
	}
	for algorithm in Algorithm::ALL {
		assert_every_flip_fails(algorithm, 7);
	}
}

#[test]
fn bit_flips_fail_sampled() {
	let mut rng = Rng(2459);
	for count in (1..=400).chain([511, 512, 513, 1023, 1024, 1025, 4097]) {
		let algorithm = Algorithm::ALL[count % 4];
		let leaves = leaves(count, count as u64);
		let tree = MerkleTree::new(algorithm, &leaves).unwrap();
		for _ in 0..4 {
			let index = rng.below(count);
			let proof = tree.proof(index).unwrap();
			let parts = Part::all(&proof);
			for _ in 0..16 {
				let part = parts[rng.below(parts.len())];
				let bit = rng.below(part.bits());
				assert_flip_fails(&proof, &leaves[index], &tree.root(), part, bit);
			}
		}
	}
}

#[test]
fn structural_changes_of_a_proof_fail() {
	let leaves = leaves(13, 5);
	let tree = MerkleTree::new(Algorithm::Sm3, &leaves).unwrap();
	for (index, leaf) in leaves.iter().enumerate() {
		let proof = tree.proof(index).unwrap();
		let check = |bad: &Proof| verify(bad, leaf, &tree.root());
		for k in 0..proof.siblings.len() {
			let mut shorter = proof.clone();
			shorter.siblings.remove(k);
			assert_eq!(check(&shorter), Err(MerkleError::WrongProofLength));
		}
		let mut longer = proof.clone();
		longer.siblings.push(tree.root());
		assert_eq!(check(&longer), Err(MerkleError::WrongProofLength));
		if proof.siblings.len() >= 2 {
			let mut swapped = proof.clone();
			swapped.siblings.swap(0, 1);
			assert_eq!(check(&swapped), Err(MerkleError::RootMismatch));
		}
		for algorithm in Algorithm::ALL.into_iter().filter(|a| *a != Algorithm::Sm3) {
			let other = Proof { algorithm, ..proof.clone() };
			assert_eq!(check(&other), Err(MerkleError::RootMismatch));
		}
	}
}

#[test]
fn leaf_count_is_only_bound_by_the_anchor() {
	// Leaf 0 has three right-hand siblings in a tree of 5 and in one of 7 leaves (5 ^ 7 is one
	// bit), so plain `verify` cannot tell; the anchor's count can.
	let leaves = leaves(5, 1);
	let tree = MerkleTree::new(Algorithm::Blake3, &leaves).unwrap();
	let mut proof = tree.proof(0).unwrap();
	proof.leaf_count = 7;
	assert_eq!(verify(&proof, &leaves[0], &tree.root()), Ok(()));
	assert_eq!(
		verify_anchored(&proof, &leaves[0], &tree.root(), 5),
		Err(MerkleError::LeafCountMismatch)
	);
}

// ---------------------------------------------------------------------------------------------
// 3. Known answers

#[test]
fn root_of_one_leaf_is_its_leaf_hash() {
	for algorithm in Algorithm::ALL {
		let leaf = leaves(1, 42)[0];
		let expected = reference_hash(algorithm, &[&[0x00][..], &leaf].concat());
		assert_eq!(root(algorithm, &[leaf]), Ok(expected));
		let tree = MerkleTree::new(algorithm, &[leaf]).unwrap();
		let proof = tree.proof(0).unwrap();
		assert!(proof.siblings.is_empty());
		assert_eq!(verify(&proof, &leaf, &expected), Ok(()));
	}
}

#[test]
fn root_of_two_leaves() {
	for algorithm in Algorithm::ALL {
		let [a, b] = [[0xaa; 32], [0xbb; 32]];
		let expected = reference_hash(
			algorithm,
			&[&[0x01][..], &reference_leaf(algorithm, &a), &reference_leaf(algorithm, &b)].concat(),
		);
		assert_eq!(root(algorithm, &[a, b]), Ok(expected));
		// Order matters.
		assert_ne!(root(algorithm, &[b, a]), Ok(expected));
	}
}

#[test]
fn three_leaves_promote_the_odd_node() {
	for algorithm in Algorithm::ALL {
		let [a, b, c] = [[0xaa; 32], [0xbb; 32], [0xcc; 32]];
		let [ha, hb, hc] = [a, b, c].map(|leaf| reference_leaf(algorithm, &leaf));
		let n = reference_node(algorithm, &ha, &hb);
		let expected = reference_node(algorithm, &n, &hc);
		assert_eq!(root(algorithm, &[a, b, c]), Ok(expected));
		// Bitcoin's duplication would give H(0x01 ‖ N ‖ H(0x01 ‖ hC ‖ hC)) instead, which is
		// also the root of [a, b, c, c]; with promotion the two batches differ.
		let duplicated = reference_node(algorithm, &n, &reference_node(algorithm, &hc, &hc));
		assert_ne!(expected, duplicated);
		assert_eq!(root(algorithm, &[a, b, c, c]), Ok(duplicated));
		// Proof shapes of the worked example.
		let tree = MerkleTree::new(algorithm, &[a, b, c]).unwrap();
		let siblings: Vec<Vec<Hash32>> = (0..3).map(|i| tree.proof(i).unwrap().siblings).collect();
		assert_eq!(siblings, vec![vec![hb, hc], vec![ha, hc], vec![n]]);
	}
}

/// The specification with its test vectors.
const SPEC: &str = include_str!("../../docs/merkle.md");

/// Leaf hashes, N and root of the leaves 0x00 × 32, 0x01 × 32, 0x02 × 32, as in the spec.
const VECTORS: [(Algorithm, [&str; 5]); 2] = [
	(
		Algorithm::Blake3,
		[
			"232b17a92a13d46fdeeba07519406dcdad6d67b7399159364b5e26af0ab95bcf",
			"a2ddb4931d05ba6281549052c62d2780a2d3ac29514c0a77598283d61e861206",
			"ada21777220442b46d8e0b3fe5a5099502eca1cb91e919758c33a320bc9f2d88",
			"601ae0d333efaf511cc72652be96836dc134955fc1c681ff185f99b5a12b2ae5",
			"3f97043de3a7a8fe71e55454f9f9dead4e44301744481419a20754c5a4f5ee38",
		],
	),
	(
		Algorithm::Sha256,
		[
			"7f9c9e31ac8256ca2f258583df262dbc7d6f68f2a03043d5c99a4ae5a7396ce9",
			"dcffe786ded16d283c663846ad0c4ff26558fccde36ca9d30b2ea19eade9fc0e",
			"cba8c596120bdb69debbd923d92cba948bde7c7d06a465a1bb7d98d3116038fa",
			"28fb81e496897e0ce886f08602392e9239b65c659041e5202163e58ad898f444",
			"ba8d94b7fbcecae7b81c4c80574fe24734a6917bf9c1ecd66ff3e0c34ead4620",
		],
	),
];

/// Roots of the same leaves with the other two algorithms, as in the spec.
const OTHER_ROOTS: [(Algorithm, &str); 2] = [
	(Algorithm::Blake2b256, "cdcce76799ccfa20cdc9d4fb0b058f2ba3507fe82f5785e55cda3ed23f4626f2"),
	(Algorithm::Sm3, "2f8993f13ebb8e194c8d6e684f834a0cdf839603dfb28aa4754ce3343eb6c313"),
];

const VECTOR_LEAVES: [Hash32; 3] = [[0x00; 32], [0x01; 32], [0x02; 32]];

#[test]
fn test_vectors_of_the_spec() {
	for (algorithm, [ha, hb, hc, n, expected_root]) in VECTORS {
		let tree = MerkleTree::new(algorithm, &VECTOR_LEAVES).unwrap();
		let leaf_hashes = VECTOR_LEAVES.map(|leaf| algorithm.leaf_hash(&leaf));
		assert_eq!(leaf_hashes, [ha, hb, hc].map(hex32), "{algorithm}");
		assert_eq!(tree.proof(2).unwrap().siblings, vec![hex32(n)], "{algorithm}");
		assert_eq!(tree.root(), hex32(expected_root), "{algorithm}");
	}
	for (algorithm, expected_root) in OTHER_ROOTS {
		assert_eq!(root(algorithm, &VECTOR_LEAVES), Ok(hex32(expected_root)), "{algorithm}");
	}
}

#[test]
fn spec_shows_the_asserted_test_vectors() {
	let all_hex = VECTORS.iter().flat_map(|(_, values)| *values).chain(OTHER_ROOTS.map(|r| r.1));
	for hex in all_hex {
		assert!(SPEC.contains(&std::format!("`{hex}`")), "docs/merkle.md lacks {hex}");
	}
}

// ---------------------------------------------------------------------------------------------
// 4. Domain separation

#[test]
fn inner_nodes_cannot_pose_as_leaves() {
	for algorithm in Algorithm::ALL {
		let leaves = leaves(4, 4);
		let tree = MerkleTree::new(algorithm, &leaves).unwrap();
		let [ha, hb, hc, hd] = [0, 1, 2, 3].map(|i| algorithm.leaf_hash(&leaves[i]));
		let (n01, n23) = (algorithm.node_hash(&ha, &hb), algorithm.node_hash(&hc, &hd));
		assert_eq!(algorithm.node_hash(&n01, &n23), tree.root());
		// The 64 bytes of a pair hashed as a leaf give another value than the pair's node.
		assert_ne!(algorithm.hash(&[&[LEAF_PREFIX], &ha, &hb]), n01);
		assert_eq!(algorithm.hash(&[&[NODE_PREFIX], &ha, &hb]), n01);
		// The inner nodes as the leaves of a two-leaf batch do not reach the root: neither the
		// batch itself nor a proof of n01 as its leaf 0.
		assert_ne!(root(algorithm, &[n01, n23]), Ok(tree.root()));
		let forged = Proof { algorithm, leaf_index: 0, leaf_count: 2, siblings: vec![n23] };
		assert_eq!(verify(&forged, &n01, &tree.root()), Err(MerkleError::RootMismatch));
		// Nor a leaf hash posing as a leaf: a one-leaf batch [ha] has root H(0x00 ‖ ha) != ha.
		assert_ne!(root(algorithm, &[ha]), Ok(ha));
	}
}

// ---------------------------------------------------------------------------------------------
// 5. Errors

#[test]
fn empty_batch_is_an_error() {
	for algorithm in Algorithm::ALL {
		assert_eq!(root(algorithm, &[]), Err(MerkleError::EmptyBatch));
		assert_eq!(MerkleTree::new(algorithm, &[]), Err(MerkleError::EmptyBatch));
	}
}

#[test]
fn index_out_of_range_is_an_error() {
	let leaves = leaves(9, 9);
	let tree = MerkleTree::new(Algorithm::Blake2b256, &leaves).unwrap();
	assert_eq!(tree.proof(9), Err(MerkleError::IndexOutOfRange));
	assert_eq!(tree.proof(usize::MAX), Err(MerkleError::IndexOutOfRange));
	let proof = tree.proof(8).unwrap();
	for (leaf_index, leaf_count) in [(9, 9), (u64::MAX, 9), (0, 0)] {
		let bad = Proof { leaf_index, leaf_count, ..proof.clone() };
		assert_eq!(verify(&bad, &leaves[8], &tree.root()), Err(MerkleError::IndexOutOfRange));
	}
}

#[test]
fn too_many_leaves_is_an_error() {
	let proof = Proof {
		algorithm: Algorithm::Blake3,
		leaf_index: 0,
		leaf_count: MAX_LEAVES + 1,
		siblings: vec![[0; 32]; 33],
	};
	assert_eq!(verify(&proof, &[0; 32], &[0; 32]), Err(MerkleError::TooManyLeaves));
	let proof = Proof { leaf_count: u64::MAX, leaf_index: u64::MAX - 1, ..proof };
	assert_eq!(verify(&proof, &[0; 32], &[0; 32]), Err(MerkleError::TooManyLeaves));
}

#[test]
fn largest_batch_has_proofs_of_32_siblings() {
	let leaf = [7; 32];
	for leaf_index in [0, MAX_LEAVES / 2 + 1, MAX_LEAVES - 1] {
		let mut proof = Proof {
			algorithm: Algorithm::Blake3,
			leaf_index,
			leaf_count: MAX_LEAVES,
			siblings: leaves(32, leaf_index),
		};
		// The root such a proof leads to, computed by hand from the index bits.
		let expected = proof.siblings.iter().enumerate().fold(
			Algorithm::Blake3.leaf_hash(&leaf),
			|node, (level, sibling)| match (leaf_index >> level) & 1 {
				1 => Algorithm::Blake3.node_hash(sibling, &node),
				_ => Algorithm::Blake3.node_hash(&node, sibling),
			},
		);
		assert_eq!(verify_anchored(&proof, &leaf, &expected, MAX_LEAVES), Ok(()));
		proof.siblings.pop();
		assert_eq!(verify(&proof, &leaf, &expected), Err(MerkleError::WrongProofLength));
	}
}

// ---------------------------------------------------------------------------------------------
// Encodings

#[cfg(feature = "serde")]
#[test]
fn proof_json_form() {
	let tree = MerkleTree::new(Algorithm::Blake3, &VECTOR_LEAVES).unwrap();
	let proof = tree.proof(2).unwrap();
	let json = serde_json::to_string(&proof).unwrap();
	assert_eq!(
		json,
		r#"{"algorithm":"blake3","leaf_index":2,"leaf_count":3,"siblings":["601ae0d333efaf511cc72652be96836dc134955fc1c681ff185f99b5a12b2ae5"]}"#
	);
	assert_eq!(serde_json::from_str::<Proof>(&json).unwrap(), proof);
	let upper = json.replace("601ae0d333efaf", "601AE0D333EFAF");
	assert_eq!(serde_json::from_str::<Proof>(&upper).unwrap(), proof);
	for bad in [json.replace("\"601ae0", "\"601ae"), json.replace("601ae0", "601ag0")] {
		assert!(serde_json::from_str::<Proof>(&bad).is_err(), "{bad}");
	}
	for algorithm in Algorithm::ALL {
		let text = serde_json::to_string(&algorithm).unwrap();
		assert_eq!(text, std::format!("\"{}\"", algorithm.name()));
	}
}

#[cfg(feature = "codec")]
#[test]
fn proof_scale_form() {
	use codec::{Decode, Encode};
	let tree = MerkleTree::new(Algorithm::Blake3, &VECTOR_LEAVES).unwrap();
	let proof = tree.proof(2).unwrap();
	let mut expected = vec![2u8];
	expected.extend_from_slice(&2u64.to_le_bytes());
	expected.extend_from_slice(&3u64.to_le_bytes());
	expected.push(4); // compact(1)
	expected.extend_from_slice(&proof.siblings[0]);
	assert_eq!(proof.encode(), expected);
	assert_eq!(Proof::decode(&mut &expected[..]), Ok(proof));
	for (index, algorithm) in Algorithm::ALL.into_iter().enumerate() {
		assert_eq!(algorithm.encode(), vec![index as u8]);
	}
}

// ---------------------------------------------------------------------------------------------
// Throughput

#[test]
#[ignore = "measurement: cargo test --release -p doid-merkle -- --ignored --nocapture"]
fn throughput() {
	const COUNT: usize = 1_000_000;
	let leaves = leaves(COUNT, 1);
	for algorithm in Algorithm::ALL {
		let start = std::time::Instant::now();
		let tree = MerkleTree::new(algorithm, &leaves).unwrap();
		let built = start.elapsed();
		let start = std::time::Instant::now();
		for index in (0..COUNT).step_by(10) {
			let proof = tree.proof(index).unwrap();
			verify_anchored(&proof, &leaves[index], &tree.root(), COUNT as u64).unwrap();
		}
		let checked = start.elapsed();
		std::println!(
			"{algorithm:>10}: tree of {COUNT} leaves in {:.3} s ({:.2} M leaves/s); \
			 {} proofs made and verified in {:.3} s",
			built.as_secs_f64(),
			COUNT as f64 / built.as_secs_f64() / 1e6,
			COUNT / 10,
			checked.as_secs_f64(),
		);
	}
}
