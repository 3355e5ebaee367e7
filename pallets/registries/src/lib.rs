//! # Registries
//!
//! The registries of the DOID chain: data exchanges and registration institutions that share the
//! chain as tenants of a consortium. Governance (the council of registry operators, two thirds;
//! root on the development chain) creates and manages them:
//!
//! - [`Pallet::register_registry`] creates a registry with a unique upper-case code (e.g. `BJ`),
//!   a name, a unique prefix of its human registration numbers (e.g. `BJSZD`), its rule
//!   parameters ([`RegistryRules`]) and an administrator account, which becomes the first
//!   operator. Registries get consecutive ids starting at 1; the id is also the registry's arc
//!   under the OID root (`{root}.1.{arc}` for subjects, `{root}.2.{arc}` for certificates).
//! - [`Pallet::set_rules`] changes the rule parameters, [`Pallet::set_admin`] the administrator.
//! - [`Pallet::add_operator`] and [`Pallet::remove_operator`] manage the operators, who act for
//!   the registry in every other pallet. A registry always keeps at least one operator and at
//!   most [`Config::MaxOperators`].
//! - [`Pallet::suspend_registry`] and [`Pallet::resume_registry`]: a suspended registry accepts
//!   no new applications or subjects, but everything it registered stays verifiable.
//!
//! The OID root of the chain is set at genesis (development default `2.999`). Other pallets read
//! registries only through [`RegistriesInspect`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use doid_primitives::{RegistriesInspect, RegistryId, RegistryRules};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, WeightInfo};
	use alloc::{string::String, vec::Vec};
	use doid_primitives::{Oid, RegistryId, RegistryRules};
	use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Who may create and manage registries (council two-thirds, or root).
		type RegistryOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Most operators one registry may have.
		#[pallet::constant]
		type MaxOperators: Get<u32>;
		/// Longest registry name in bytes (UTF-8).
		#[pallet::constant]
		type MaxNameLen: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// A registry as stored.
	pub type RegistryInfoOf<T> =
		RegistryInfo<<T as frame_system::Config>::AccountId, <T as Config>::MaxNameLen>;

	/// A registry name as submitted and stored (UTF-8, at most `MaxNameLen` bytes).
	pub type RegistryNameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;

	/// Default of [`NextRegistryId`]: registries are numbered from 1.
	#[pallet::type_value]
	pub fn FirstRegistryId() -> RegistryId {
		1
	}

	/// Default of [`OidRoot`]: the development root `2.999`.
	#[pallet::type_value]
	pub fn DefaultOidRoot() -> Oid {
		Oid::dev_root()
	}

	/// The registries by id.
	#[pallet::storage]
	pub type Registries<T: Config> = StorageMap<_, Twox64Concat, RegistryId, RegistryInfoOf<T>>;

	/// Registry id by code (codes are unique).
	#[pallet::storage]
	pub type RegistryByCode<T: Config> = StorageMap<_, Blake2_128Concat, RegistryCode, RegistryId>;

	/// Registry id by registration number prefix (prefixes are unique).
	#[pallet::storage]
	pub type RegistryByPrefix<T: Config> =
		StorageMap<_, Blake2_128Concat, NumberPrefix, RegistryId>;

	/// The operators of each registry (at most `MaxOperators` per registry).
	#[pallet::storage]
	pub type Operators<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RegistryId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// Number of operators of each registry.
	#[pallet::storage]
	pub type OperatorCount<T: Config> = StorageMap<_, Twox64Concat, RegistryId, u32, ValueQuery>;

	/// The id (and OID arc) the next registry gets; starts at 1.
	#[pallet::storage]
	pub type NextRegistryId<T: Config> = StorageValue<_, RegistryId, ValueQuery, FirstRegistryId>;

	/// The OID root of the chain, set at genesis (development default `2.999`).
	#[pallet::storage]
	pub type OidRoot<T: Config> = StorageValue<_, Oid, ValueQuery, DefaultOidRoot>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The OID root, dotted (e.g. `"2.999"`, or the chain's registered arc in production).
		pub oid_root: String,
		/// Registries created at genesis, numbered 1, 2, … in this order.
		pub registries: Vec<GenesisRegistry<T::AccountId>>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			GenesisConfig { oid_root: String::from("2.999"), registries: Vec::new() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let root =
				Oid::parse(self.oid_root.as_bytes()).expect("genesis oid_root is not a valid OID");
			OidRoot::<T>::put(root);
			for r in &self.registries {
				let name: RegistryNameOf<T> = r
					.name
					.as_bytes()
					.to_vec()
					.try_into()
					.expect("genesis registry name longer than MaxNameLen");
				let id = Pallet::<T>::do_register_registry(
					r.code.as_bytes().to_vec().try_into().expect("genesis registry code too long"),
					name,
					r.number_prefix
						.as_bytes()
						.to_vec()
						.try_into()
						.expect("genesis number prefix too long"),
					r.rules,
					r.admin.clone(),
				)
				.expect("invalid genesis registry");
				for operator in &r.operators {
					if operator != &r.admin {
						Pallet::<T>::do_add_operator(id, operator.clone())
							.expect("invalid genesis operator");
					}
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A registry was created; `admin` is its first operator.
		RegistryRegistered {
			registry: RegistryId,
			code: RegistryCode,
			number_prefix: NumberPrefix,
			oid_arc: u32,
			admin: T::AccountId,
		},
		/// The rule parameters of a registry changed.
		RulesSet { registry: RegistryId, rules: RegistryRules },
		/// The administrator of a registry changed.
		AdminSet { registry: RegistryId, admin: T::AccountId },
		/// An operator was added to a registry.
		OperatorAdded { registry: RegistryId, operator: T::AccountId },
		/// An operator was removed from a registry.
		OperatorRemoved { registry: RegistryId, operator: T::AccountId },
		/// A registry was suspended: it accepts no new business.
		RegistrySuspended { registry: RegistryId },
		/// A suspended registry works normally again.
		RegistryResumed { registry: RegistryId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The code is not 2 to 8 upper-case ASCII letters (`A`-`Z`).
		InvalidCode,
		/// Another registry already has this code.
		DuplicateCode,
		/// The name is empty, not UTF-8, or contains control characters.
		InvalidName,
		/// The number prefix is not 2 to 8 upper-case ASCII letters (`A`-`Z`).
		InvalidPrefix,
		/// Another registry already uses this number prefix.
		DuplicatePrefix,
		/// A rule parameter is out of its allowed range; `which` names it.
		InvalidRules { which: RuleViolation },
		/// No registry has this id.
		UnknownRegistry,
		/// The account is already an operator of this registry.
		AlreadyOperator,
		/// The account is not an operator of this registry.
		NotOperator,
		/// The registry's last operator cannot be removed.
		LastOperator,
		/// The registry already has `MaxOperators` operators.
		TooManyOperators,
		/// The registry is already suspended.
		AlreadySuspended,
		/// The registry is not suspended.
		NotSuspended,
		/// No registry id is left (more than `u32::MAX` registries).
		TooManyRegistries,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a registry.
		///
		/// `code`: 2-8 upper-case letters, unique (e.g. `BJ`). `name`: non-empty UTF-8.
		/// `number_prefix`: 2-8 upper-case letters, unique (e.g. `BJSZD`). `rules`: the
		/// registry's parameters, each within its allowed range. `admin` becomes the first
		/// operator and funds the verification allowance of the registry's subjects.
		///
		/// Origin: registry governance (council two-thirds, or root).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_registry())]
		pub fn register_registry(
			origin: OriginFor<T>,
			code: RegistryCode,
			name: RegistryNameOf<T>,
			number_prefix: NumberPrefix,
			rules: RegistryRules,
			admin: T::AccountId,
		) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			Self::do_register_registry(code, name, number_prefix, rules, admin).map(|_| ())
		}

		/// Replace the rule parameters of `registry`.
		///
		/// Origin: registry governance.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(
			origin: OriginFor<T>,
			registry: RegistryId,
			rules: RegistryRules,
		) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			Self::do_set_rules(registry, rules)
		}

		/// Make `who` an operator of `registry` (at most `MaxOperators`).
		///
		/// Origin: registry governance.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_operator())]
		pub fn add_operator(
			origin: OriginFor<T>,
			registry: RegistryId,
			who: T::AccountId,
		) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			Self::do_add_operator(registry, who)
		}

		/// Remove the operator `who` from `registry`; the last operator cannot be removed.
		///
		/// Origin: registry governance.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_operator())]
		pub fn remove_operator(
			origin: OriginFor<T>,
			registry: RegistryId,
			who: T::AccountId,
		) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			Self::do_remove_operator(registry, who)
		}

		/// Suspend `registry`: it accepts no new applications or subjects.
		///
		/// Origin: registry governance.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::suspend_registry())]
		pub fn suspend_registry(origin: OriginFor<T>, registry: RegistryId) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			Self::do_set_status(registry, RegistryStatus::Suspended)
		}

		/// Resume a suspended `registry`.
		///
		/// Origin: registry governance.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::resume_registry())]
		pub fn resume_registry(origin: OriginFor<T>, registry: RegistryId) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			Self::do_set_status(registry, RegistryStatus::Active)
		}

		/// Make `admin` the administrator of `registry` (it does not become an operator by
		/// this call).
		///
		/// Origin: registry governance.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_admin())]
		pub fn set_admin(
			origin: OriginFor<T>,
			registry: RegistryId,
			admin: T::AccountId,
		) -> DispatchResult {
			T::RegistryOrigin::ensure_origin(origin)?;
			Self::do_set_admin(registry, admin)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
