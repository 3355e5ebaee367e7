//! GRANDPA: authority sets, set changes and justifications, checked with ed25519-dalek.

use crate::{
	error::{BundleError, ProofPart},
	Header,
};
use codec::{Decode, DecodeAll};
use ed25519_dalek::{Signature, VerifyingKey};
use sp_consensus_grandpa::{ConsensusLog, GrandpaJustification, GRANDPA_ENGINE_ID};
use sp_runtime::DigestItem;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A GRANDPA authority set: its id and the weight of each ed25519 key.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AuthoritySet {
	/// The set id (0 at genesis, +1 per change).
	pub set_id: u64,
	/// Weight per public key (weights of a key listed twice are added, as in finality-grandpa's
	/// `VoterSet`; keys of weight 0 are left out).
	pub weights: BTreeMap<[u8; 32], u64>,
	/// Sum of all weights.
	pub total: u64,
}

impl AuthoritySet {
	/// The set `set_id` of the given `(key, weight)` list.
	pub fn new(
		set_id: u64,
		authorities: impl IntoIterator<Item = ([u8; 32], u64)>,
	) -> Result<Self, BundleError> {
		let mut weights = BTreeMap::new();
		let mut total = 0u64;
		for (key, weight) in authorities {
			if weight == 0 {
				continue;
			}
			total = total.checked_add(weight).ok_or(BundleError::InvalidAuthoritySet { set_id })?;
			*weights.entry(key).or_insert(0u64) += weight;
		}
		if weights.is_empty() {
			return Err(BundleError::InvalidAuthoritySet { set_id });
		}
		Ok(AuthoritySet { set_id, weights, total })
	}

	/// The weight needed for finality: more than two thirds, as finality-grandpa's
	/// `VoterSet::threshold` (`total - (total - 1) / 3`).
	pub fn threshold(&self) -> u64 {
		self.total - self.total.saturating_sub(1) / 3
	}
}

/// The next authority list announced by a header's GRANDPA consensus log: the first
/// `ScheduledChange`, else the first `ForcedChange` (the same preference as the node's warp-sync
/// proof, which only follows scheduled changes).
pub fn authority_change(header: &Header) -> Option<Vec<([u8; 32], u64)>> {
	let logs = header.digest.logs.iter().filter_map(|item| match item {
		DigestItem::Consensus(id, data) if *id == GRANDPA_ENGINE_ID => {
			ConsensusLog::<u32>::decode(&mut &data[..]).ok()
		}
		_ => None,
	});
	let mut forced = None;
	for log in logs {
		match log {
			ConsensusLog::ScheduledChange(change) => return Some(to_raw(change.next_authorities)),
			ConsensusLog::ForcedChange(_, change) if forced.is_none() => {
				forced = Some(to_raw(change.next_authorities))
			}
			_ => {}
		}
	}
	forced
}

fn to_raw(list: sp_consensus_grandpa::AuthorityList) -> Vec<([u8; 32], u64)> {
	list.into_iter().map(|(id, w)| (raw32(id.as_ref()), w)).collect()
}

/// The 32 bytes of an ed25519 public key (all zero if the slice has another length, which the
/// SCALE decoding of `AuthorityId` rules out).
fn raw32(bytes: &[u8]) -> [u8; 32] {
	<[u8; 32]>::try_from(bytes).unwrap_or([0u8; 32])
}

/// Decodes a SCALE header.
pub fn decode_header(bytes: &[u8], what: &str) -> Result<Header, BundleError> {
	Header::decode_all(&mut &bytes[..])
		.map_err(|e| BundleError::Malformed(format!("{what}: not a SCALE header: {e}")))
}

/// Checks that `encoded` is a GRANDPA justification by `set` of the block `(target_hash,
/// target_number)`.
///
/// Rules (as the node's `GrandpaJustification::verify_with_voter_set`, but with ed25519-dalek):
/// the commit targets the block; every precommit is by a member of the set, with a valid
/// signature over `localized_payload(round, set_id, Precommit)`, for the commit target or a
/// descendant of it through `votes_ancestries` (each of which must be used); the distinct
/// signers hold at least [`AuthoritySet::threshold`].
pub fn verify_justification(
	encoded: &[u8],
	set: &AuthoritySet,
	target_hash: [u8; 32],
	target_number: u32,
	part: ProofPart,
) -> Result<(), BundleError> {
	let justification = GrandpaJustification::<Header>::decode_all(&mut &encoded[..])
		.map_err(|e| BundleError::Malformed(format!("{part}: not a SCALE justification: {e}")))?;
	let commit = &justification.commit;
	if commit.target_hash.0 != target_hash || commit.target_number != target_number {
		return Err(BundleError::WrongTarget {
			part,
			expected: target_hash,
			found: commit.target_hash.0,
		});
	}

	let ancestry: HashMap<[u8; 32], &Header> =
		justification.votes_ancestries.iter().map(|h| (h.hash().0, h)).collect();
	let mut used: BTreeSet<[u8; 32]> = BTreeSet::new();
	let mut signers: BTreeSet<[u8; 32]> = BTreeSet::new();
	let mut have = 0u64;
	let mut payload = Vec::with_capacity(64);
	for signed in &commit.precommits {
		let signer = raw32(signed.id.as_ref());
		let weight = *set.weights.get(&signer).ok_or(BundleError::UnknownSigner {
			part,
			set_id: set.set_id,
			signer,
		})?;

		let message = finality_grandpa::Message::Precommit(signed.precommit.clone());
		sp_consensus_grandpa::localized_payload_with_buffer(
			justification.round,
			set.set_id,
			&message,
			&mut payload,
		);
		let bad_signature = || BundleError::BadSignature { part, set_id: set.set_id, signer };
		let key = VerifyingKey::from_bytes(&signer).map_err(|_| bad_signature())?;
		let signature_bytes = <[u8; 64]>::try_from(<_ as AsRef<[u8]>>::as_ref(&signed.signature))
			.map_err(|_| bad_signature())?;
		key.verify_strict(&payload, &Signature::from_bytes(&signature_bytes))
			.map_err(|_| bad_signature())?;

		// Walk from the precommit target down to the commit target; the number falls by one
		// per step, so the walk is bounded by the difference of the numbers.
		let mut hash = signed.precommit.target_hash.0;
		let mut number = signed.precommit.target_number;
		while hash != commit.target_hash.0 {
			let header = ancestry.get(&hash).ok_or(BundleError::BadAncestry { part })?;
			if header.number != number || number <= commit.target_number {
				return Err(BundleError::BadAncestry { part });
			}
			used.insert(hash);
			hash = header.parent_hash.0;
			number -= 1;
		}
		if number != commit.target_number {
			return Err(BundleError::BadAncestry { part });
		}

		if signers.insert(signer) {
			// Cannot overflow: the weights of the set sum to `set.total`.
			have = have.saturating_add(weight);
		}
	}
	if used.len() != ancestry.len() {
		return Err(BundleError::BadAncestry { part });
	}
	let need = set.threshold();
	if have < need {
		return Err(BundleError::NotEnoughSignatures { part, have, need });
	}
	Ok(())
}
