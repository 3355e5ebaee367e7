//! Creates verified subjects for the benchmarks and tests of other pallets
//! (`runtime-benchmarks` only).

use crate::{pallet::*, types::IdentityInput};
use alloc::vec::Vec;
use doid_primitives::{
	RegistriesInspect, RegistryId, Roles, SubjectId, SubjectsBenchmarkHelper, Uscc,
};
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use sp_runtime::traits::Saturating;

/// A valid unified social credit code, unique per `index`.
pub(crate) fn uscc_bytes(index: u32) -> Vec<u8> {
	Uscc::synthetic(index).as_bytes().to_vec()
}

impl<T: Config> SubjectsBenchmarkHelper<T::AccountId> for Pallet<T> {
	fn create_verified_subject(
		registry: RegistryId,
		account: &T::AccountId,
		roles: Roles,
		index: u32,
	) -> SubjectId {
		let admin = T::Registries::admin(registry).expect("the registry exists");
		let needed = T::VerificationAllowance::get()
			.saturating_add(T::Currency::minimum_balance())
			.saturating_mul(2u32.into());
		if T::Currency::balance(&admin) < needed {
			T::Currency::set_balance(&admin, needed);
		}
		let identity = IdentityInput::Organisation {
			uscc: BoundedVec::try_from(uscc_bytes(index)).expect("18 bytes"),
			name: BoundedVec::try_from(b"Benchmark subject".to_vec()).expect("short name"),
		};
		let subject = Self::do_register_subject(account.clone(), registry, identity, [1; 32])
			.expect("a fresh account and USCC register");
		Self::do_verify_subject(admin, subject, roles).expect("the admin is an operator");
		subject
	}
}
