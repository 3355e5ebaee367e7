//! Storage migrations of the evidence pallet.
//!
//! - Version 1: the first release.
//! - Version 2: the subject index `AnchorsBySubject` (written by every anchoring, read by
//!   nothing: no call, runtime API or RPC used it) is gone, and `DigestAnchorCount` is written
//!   only from a digest's second anchoring on. Together that is two storage writes less per
//!   first anchoring. Version-1 counters (which may hold 1) stay valid as they are; the old
//!   index is removed by [`v2::remove_subject_index`] from `on_idle`, a bounded number of keys
//!   per block within the block's spare weight, and the on-chain version becomes 2 when none
//!   is left. A chain that starts at version 2 pays one read per block for the check.

/// The storage version of the first release.
pub const INITIAL_VERSION: u16 = 1;

/// Version 2: the subject index removed.
pub mod v2 {
	use crate::pallet::{Config, Pallet};
	use frame_support::{
		storage::{storage_prefix, unhashed},
		traits::{Get, GetStorageVersion, PalletInfoAccess, StorageVersion},
		weights::Weight,
	};

	/// The storage name of the version-1 subject index.
	pub const SUBJECT_INDEX: &[u8] = b"AnchorsBySubject";

	/// The version this step brings the pallet to.
	pub const VERSION: StorageVersion = StorageVersion::new(2);

	/// The storage prefix of the version-1 subject index.
	pub fn subject_index_prefix<T: Config>() -> [u8; 32] {
		storage_prefix(Pallet::<T>::name().as_bytes(), SUBJECT_INDEX)
	}

	/// While the on-chain version is below 2, removes as many keys of the old subject index as
	/// `limit` allows (each charged one read and one write); sets the version to 2 once none is
	/// left. Returns the weight used; uses nothing when `limit` cannot pay for the version read.
	pub fn remove_subject_index<T: Config>(limit: Weight) -> Weight {
		let db = T::DbWeight::get();
		let check = db.reads(1);
		if limit.any_lt(check) {
			return Weight::zero();
		}
		if Pallet::<T>::on_chain_storage_version() >= VERSION {
			return check;
		}
		// The version write at the end and one read + write per removed key.
		let spare = limit.saturating_sub(check.saturating_add(db.writes(1)));
		let per_key = db.reads_writes(1, 1);
		let keys = spare
			.ref_time()
			.checked_div(per_key.ref_time())
			.unwrap_or(u64::MAX)
			.min(u32::MAX.into()) as u32;
		if keys == 0 {
			return check;
		}
		let result = unhashed::clear_prefix(&subject_index_prefix::<T>(), Some(keys), None);
		let mut used = check.saturating_add(per_key.saturating_mul(result.loops.into()));
		if result.maybe_cursor.is_none() {
			VERSION.put::<Pallet<T>>();
			used = used.saturating_add(db.writes(1));
		}
		used
	}
}
