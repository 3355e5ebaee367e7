//! Storage migrations of the certificates pallet.
//!
//! - Version 1: the first release.
//! - Version 2: adds the reverse lineage index [`crate::pallet::Derivatives`], built by
//!   [`v2::MigrateV1ToV2`] from the inputs of the certificates already issued.

/// The storage version of the first release.
pub const INITIAL_VERSION: u16 = 1;

/// Version 2: the reverse lineage index.
pub mod v2 {
	use crate::pallet::{Certificates, Config, Derivatives, Pallet};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	/// Writes `(input, derived)` into [`Derivatives`] for every input of every certificate.
	/// Reads every certificate once (there are few before version 2: the index was added
	/// before the first production release).
	pub struct BuildDerivativesIndex<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for BuildDerivativesIndex<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			for (id, cert) in Certificates::<T>::iter() {
				reads = reads.saturating_add(1);
				for input in cert.inputs.iter() {
					Derivatives::<T>::insert(input, id, ());
					writes = writes.saturating_add(1);
				}
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}
	}

	/// [`BuildDerivativesIndex`], run once: only when the on-chain version is 1, then set to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		BuildDerivativesIndex<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
