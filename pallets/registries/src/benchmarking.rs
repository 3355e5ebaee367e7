//! Benchmarks of the registries (worst cases: longest name, longest code and prefix, an
//! operator set one below or at its bound).

use super::*;
use doid_primitives::{RegistriesBenchmarkHelper, RegistryId, RegistryRules};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::RegistryOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// A registry whose operator set holds `operators` accounts (the admin among them).
fn registry_with_operators<T: Config>(operators: u32) -> RegistryId {
	let admin: T::AccountId = account("admin", 0, 0);
	let registry =
		<Pallet<T> as RegistriesBenchmarkHelper<T::AccountId>>::create_registry(0, &admin);
	for i in 1..operators {
		let who: T::AccountId = account("operator", i, 0);
		<Pallet<T> as RegistriesBenchmarkHelper<T::AccountId>>::add_operator(registry, &who);
	}
	registry
}

/// Rules different from the defaults (so `set_rules` writes a change).
fn other_rules() -> RegistryRules {
	RegistryRules {
		notice_wd: 30,
		validity_days: 1095,
		objection_bond: 1_000,
		..Default::default()
	}
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn register_registry() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let code: RegistryCode = BoundedVec::try_from(b"ZZZZZZZZ".to_vec()).expect("8 bytes");
		let prefix: NumberPrefix = BoundedVec::try_from(b"ZZZZZZZZ".to_vec()).expect("8 bytes");
		// Longest name: `MaxNameLen` bytes of a three-byte UTF-8 character.
		let len = T::MaxNameLen::get() as usize;
		let mut name = "数".repeat(len / 3).into_bytes();
		name.resize(len, b'x');
		let name: RegistryNameOf<T> = BoundedVec::try_from(name).expect("exactly MaxNameLen");
		let admin: T::AccountId = account("admin", 0, 0);
		let id = NextRegistryId::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone(), name, prefix, RegistryRules::default(), admin);
		assert_eq!(RegistryByCode::<T>::get(&code), Some(id));
		Ok(())
	}

	#[benchmark]
	fn set_rules() -> Result<(), BenchmarkError> {
		let registry = registry_with_operators::<T>(1);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, registry, other_rules());
		assert_eq!(Registries::<T>::get(registry).map(|r| r.rules), Some(other_rules()));
		Ok(())
	}

	#[benchmark]
	fn add_operator() -> Result<(), BenchmarkError> {
		let registry = registry_with_operators::<T>(T::MaxOperators::get().saturating_sub(1));
		let who: T::AccountId = account("new", 0, 0);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, registry, who.clone());
		assert!(Operators::<T>::contains_key(registry, &who));
		Ok(())
	}

	#[benchmark]
	fn remove_operator() -> Result<(), BenchmarkError> {
		let registry = registry_with_operators::<T>(T::MaxOperators::get().max(2));
		let who: T::AccountId = account("admin", 0, 0);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, registry, who.clone());
		assert!(!Operators::<T>::contains_key(registry, &who));
		Ok(())
	}

	#[benchmark]
	fn suspend_registry() -> Result<(), BenchmarkError> {
		let registry = registry_with_operators::<T>(1);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, registry);
		assert_eq!(
			Registries::<T>::get(registry).map(|r| r.status),
			Some(RegistryStatus::Suspended)
		);
		Ok(())
	}

	#[benchmark]
	fn resume_registry() -> Result<(), BenchmarkError> {
		let registry = registry_with_operators::<T>(1);
		Registries::<T>::mutate(registry, |r| {
			if let Some(r) = r {
				r.status = RegistryStatus::Suspended;
			}
		});
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, registry);
		assert_eq!(Registries::<T>::get(registry).map(|r| r.status), Some(RegistryStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn set_admin() -> Result<(), BenchmarkError> {
		let registry = registry_with_operators::<T>(1);
		let admin: T::AccountId = account("new-admin", 0, 0);
		let origin = governance::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, registry, admin.clone());
		assert_eq!(Registries::<T>::get(registry).map(|r| r.admin), Some(admin));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
