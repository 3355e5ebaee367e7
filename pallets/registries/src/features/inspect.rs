//! [`RegistriesInspect`]: what other pallets may ask about registries.

use crate::{pallet::*, types::RegistryStatus};
use alloc::vec::Vec;
use doid_primitives::{Oid, RegistriesInspect, RegistryId, RegistryRules};

impl<T: Config> RegistriesInspect<T::AccountId> for Pallet<T> {
	fn exists(registry: RegistryId) -> bool {
		Registries::<T>::contains_key(registry)
	}

	fn is_active(registry: RegistryId) -> bool {
		Registries::<T>::get(registry).is_some_and(|r| r.status == RegistryStatus::Active)
	}

	fn is_operator(registry: RegistryId, who: &T::AccountId) -> bool {
		Operators::<T>::contains_key(registry, who)
	}

	fn admin(registry: RegistryId) -> Option<T::AccountId> {
		Registries::<T>::get(registry).map(|r| r.admin)
	}

	fn rules(registry: RegistryId) -> Option<RegistryRules> {
		Registries::<T>::get(registry).map(|r| r.rules)
	}

	fn oid_arc(registry: RegistryId) -> Option<u32> {
		Registries::<T>::get(registry).map(|r| r.oid_arc)
	}

	fn number_prefix(registry: RegistryId) -> Option<Vec<u8>> {
		Registries::<T>::get(registry).map(|r| r.number_prefix.into_inner())
	}

	fn oid_root() -> Oid {
		OidRoot::<T>::get()
	}
}

impl<T: Config> Pallet<T> {
	/// The registry with this code.
	pub fn registry_by_code(code: &[u8]) -> Option<RegistryId> {
		let code: crate::types::RegistryCode = code.to_vec().try_into().ok()?;
		RegistryByCode::<T>::get(code)
	}
}

/// Creates registries for the benchmarks of other pallets (`runtime-benchmarks` only).
#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> doid_primitives::RegistriesBenchmarkHelper<T::AccountId> for Pallet<T> {
	fn create_registry(index: u32, admin: &T::AccountId) -> RegistryId {
		// `Q` followed by `index` in base 26 (seven letters): unique per index, and no
		// real registry code starts that way with eight letters.
		let mut code = [b'A'; 8];
		code[0] = b'Q';
		let mut rest = index;
		for slot in code.iter_mut().skip(1).rev() {
			*slot = b'A' + (rest % 26) as u8;
			rest /= 26;
		}
		if let Some(id) = Self::registry_by_code(&code) {
			return id;
		}
		Self::do_register_registry(
			code.to_vec().try_into().expect("8 bytes fit"),
			b"Benchmark registry".to_vec().try_into().expect("benchmark name fits MaxNameLen"),
			code.to_vec().try_into().expect("8 bytes fit"),
			RegistryRules::default(),
			admin.clone(),
		)
		.expect("benchmark registry is valid")
	}

	fn add_operator(registry: RegistryId, who: &T::AccountId) {
		if !Operators::<T>::contains_key(registry, who) {
			Self::do_add_operator(registry, who.clone()).expect("benchmark operator fits");
		}
	}
}
