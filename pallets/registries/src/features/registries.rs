//! Creating registries, their rules, administrator and status.

use crate::{
	pallet::*,
	types::{
		NumberPrefix, RegistryCode, RegistryInfo, RegistryStatus, RuleViolation, MIN_CODE_LEN,
	},
};
use doid_primitives::text::is_valid_name;
use doid_primitives::{RegistryId, RegistryRules};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use sp_runtime::DispatchError;

/// Whether `bytes` is 2 to 8 upper-case ASCII letters (the length upper bound is the
/// `BoundedVec`'s).
fn is_upper_code(bytes: &[u8]) -> bool {
	bytes.len() >= MIN_CODE_LEN && bytes.iter().all(u8::is_ascii_uppercase)
}

impl<T: Config> Pallet<T> {
	/// Validate and store a new registry; `admin` becomes its first operator. Returns its id.
	///
	/// Every check runs before the first write.
	pub fn do_register_registry(
		code: RegistryCode,
		name: RegistryNameOf<T>,
		number_prefix: NumberPrefix,
		rules: RegistryRules,
		admin: T::AccountId,
	) -> Result<RegistryId, DispatchError> {
		ensure!(is_upper_code(&code), Error::<T>::InvalidCode);
		ensure!(!RegistryByCode::<T>::contains_key(&code), Error::<T>::DuplicateCode);
		ensure!(is_valid_name(&name), Error::<T>::InvalidName);
		ensure!(is_upper_code(&number_prefix), Error::<T>::InvalidPrefix);
		ensure!(!RegistryByPrefix::<T>::contains_key(&number_prefix), Error::<T>::DuplicatePrefix);
		Self::check_rules(&rules)?;
		ensure!(T::MaxOperators::get() >= 1, Error::<T>::TooManyOperators);
		let id = NextRegistryId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::TooManyRegistries)?;

		NextRegistryId::<T>::put(next);
		RegistryByCode::<T>::insert(&code, id);
		RegistryByPrefix::<T>::insert(&number_prefix, id);
		Operators::<T>::insert(id, &admin, ());
		OperatorCount::<T>::insert(id, 1);
		Registries::<T>::insert(
			id,
			RegistryInfo {
				code: code.clone(),
				name,
				number_prefix: number_prefix.clone(),
				rules,
				admin: admin.clone(),
				oid_arc: id,
				status: RegistryStatus::Active,
			},
		);
		Self::deposit_event(Event::RegistryRegistered {
			registry: id,
			code,
			number_prefix,
			oid_arc: id,
			admin: admin.clone(),
		});
		Self::deposit_event(Event::OperatorAdded { registry: id, operator: admin });
		Ok(id)
	}

	/// Refuse rules with a parameter out of range, naming it.
	pub(crate) fn check_rules(rules: &RegistryRules) -> DispatchResult {
		rules
			.validate()
			.map_err(|e| Error::<T>::InvalidRules { which: RuleViolation::from(e) }.into())
	}

	/// Replace the rules of an existing registry.
	pub(crate) fn do_set_rules(registry: RegistryId, rules: RegistryRules) -> DispatchResult {
		Self::check_rules(&rules)?;
		Registries::<T>::try_mutate(registry, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::UnknownRegistry)?;
			info.rules = rules;
			Ok(())
		})?;
		Self::deposit_event(Event::RulesSet { registry, rules });
		Ok(())
	}

	/// Replace the administrator of an existing registry.
	pub(crate) fn do_set_admin(registry: RegistryId, admin: T::AccountId) -> DispatchResult {
		Registries::<T>::try_mutate(registry, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::UnknownRegistry)?;
			info.admin = admin.clone();
			Ok(())
		})?;
		Self::deposit_event(Event::AdminSet { registry, admin });
		Ok(())
	}

	/// Suspend (`Suspended`) or resume (`Active`) a registry.
	pub(crate) fn do_set_status(registry: RegistryId, status: RegistryStatus) -> DispatchResult {
		Registries::<T>::try_mutate(registry, |info| -> DispatchResult {
			let info = info.as_mut().ok_or(Error::<T>::UnknownRegistry)?;
			match (info.status, status) {
				(RegistryStatus::Suspended, RegistryStatus::Suspended) => {
					return Err(Error::<T>::AlreadySuspended.into())
				}
				(RegistryStatus::Active, RegistryStatus::Active) => {
					return Err(Error::<T>::NotSuspended.into())
				}
				_ => {}
			}
			info.status = status;
			Ok(())
		})?;
		Self::deposit_event(match status {
			RegistryStatus::Suspended => Event::RegistrySuspended { registry },
			RegistryStatus::Active => Event::RegistryResumed { registry },
		});
		Ok(())
	}

	/// Consistency of the indexes and counters (try-runtime and tests).
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextRegistryId::<T>::get();
		for (id, info) in Registries::<T>::iter() {
			ensure!(id < next, "registry id not below NextRegistryId");
			ensure!(info.oid_arc == id, "OID arc differs from registry id");
			ensure!(RegistryByCode::<T>::get(&info.code) == Some(id), "code index out of step");
			ensure!(
				RegistryByPrefix::<T>::get(&info.number_prefix) == Some(id),
				"prefix index out of step"
			);
			let count = Operators::<T>::iter_prefix(id).count() as u32;
			ensure!(count == OperatorCount::<T>::get(id), "operator count out of step");
			ensure!(count >= 1, "registry without operator");
			ensure!(count <= T::MaxOperators::get(), "too many operators");
		}
		for (code, id) in RegistryByCode::<T>::iter() {
			ensure!(Registries::<T>::get(id).map(|i| i.code) == Some(code), "dangling code index");
		}
		Ok(())
	}
}
