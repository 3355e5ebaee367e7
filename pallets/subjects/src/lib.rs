//! # Subjects
//!
//! The subjects (主体) of the DOID chain: enterprises, institutions and individuals that register
//! with a registry under their real name and, once the registry has verified them, receive a
//! subject OID `{root}.1.{registry arc}.{serial}` and roles.
//!
//! ## Lifecycle
//!
//! - [`Pallet::register_subject`]: the applying account registers with a registry (which must
//!   exist and be active) as an organisation (18-character unified social credit code, validated
//!   on-chain, and name) or as an individual (only salted commitments of the ID number and the
//!   name — no plain personal data on-chain, per PIPL). A USCC or ID commitment held by a live
//!   subject (pending, verified, suspended) is refused. The subject is `Pending`.
//! - [`Pallet::verify_subject`] (an operator of that registry, after its off-chain real-name
//!   check): `Pending` → `Verified`; assigns the OID and the roles and funds the main account
//!   with [`Config::VerificationAllowance`] from the registry administrator's account, so the
//!   subject can pay transaction fees. If the administrator cannot pay, verification fails with
//!   [`Error::AllowanceUnavailable`] and nothing changes.
//! - [`Pallet::reject_subject`] (operator): `Pending` → `Rejected` with a reason digest. The
//!   record stays for history, but the account, USCC and ID commitment are released so the
//!   applicant can apply again with corrected data (as a new subject).
//! - [`Pallet::set_roles`], [`Pallet::suspend_subject`], [`Pallet::reinstate_subject`]
//!   (operator). A suspended subject may not act (propose or accept accounts, deregister).
//! - [`Pallet::deregister_subject`] (the subject's main account): withdraws a pending
//!   application or ends a verified subject, refused with [`Error::SubjectBusy`] while
//!   [`Config::Activity`] reports it still holds active certificates or is party to an open
//!   dispute. The OID stays mapped to the subject forever; accounts, USCC and ID commitment are
//!   released.
//!
//! ## Accounts
//!
//! A subject may control up to [`Config::MaxAccountsPerSubject`] accounts (the main account
//! included). Linking needs both sides: the main account calls [`Pallet::propose_account`], then
//! the new account calls [`Pallet::accept_account_link`] naming the subject, which proves control
//! of it. [`Pallet::cancel_account_link`] withdraws a proposal, [`Pallet::remove_account`] unlinks
//! an account (never the main one, so a subject never loses its last account).
//!
//! Lookups by account, OID, USCC and ID commitment are single storage reads. Other pallets use
//! only [`SubjectsInspect`].

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

pub use doid_primitives::{Roles, SubjectActivity, SubjectId, SubjectRole, SubjectsInspect};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, WeightInfo};
	use doid_primitives::{
		Oid, RegistriesInspect, RegistryId, Roles, SubjectActivity, SubjectId, Uscc,
	};
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A subject as stored.
	pub type SubjectInfoOf<T> = SubjectInfo<
		<T as frame_system::Config>::AccountId,
		<T as Config>::MaxNameLen,
		<T as Config>::MaxAccountsPerSubject,
	>;

	/// An identity as submitted to [`Pallet::register_subject`].
	pub type IdentityInputOf<T> = IdentityInput<<T as Config>::MaxNameLen>;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The registries (existence, status, operators, OID arcs and root, administrators).
		type Registries: RegistriesInspect<Self::AccountId>;
		/// The currency of the verification allowance.
		type Currency: fungible::Mutate<Self::AccountId>;
		/// Paid by the registry administrator to a subject's main account on verification, so
		/// it can pay transaction fees. Must be at least the existential deposit (a new main
		/// account could not be created otherwise); zero disables the allowance.
		#[pallet::constant]
		type VerificationAllowance: Get<BalanceOf<Self>>;
		/// Whether a subject is still involved (active certificates, open disputes) and may not
		/// deregister.
		type Activity: SubjectActivity;
		/// Most accounts one subject may control, its main account included.
		#[pallet::constant]
		type MaxAccountsPerSubject: Get<u32>;
		/// Longest organisation name in bytes (UTF-8).
		#[pallet::constant]
		type MaxNameLen: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Creates registries in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: doid_primitives::RegistriesBenchmarkHelper<Self::AccountId>;
	}

	/// Default of the id counters: numbering starts at 1.
	#[pallet::type_value]
	pub fn StartAtOne() -> u64 {
		1
	}

	/// The subjects by id (every subject ever registered, including rejected and
	/// deregistered ones).
	#[pallet::storage]
	pub type Subjects<T: Config> = StorageMap<_, Twox64Concat, SubjectId, SubjectInfoOf<T>>;

	/// The subject of each linked account (pending, verified or suspended subjects; released
	/// on rejection, removal and deregistration).
	#[pallet::storage]
	pub type SubjectOfAccount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, SubjectId>;

	/// The subject of each assigned OID (kept forever, also after deregistration).
	#[pallet::storage]
	pub type SubjectByOid<T: Config> = StorageMap<_, Blake2_128Concat, Oid, SubjectId>;

	/// The live subject (pending, verified or suspended) of each unified social credit code.
	#[pallet::storage]
	pub type SubjectByUscc<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, SubjectId>;

	/// The live subject (pending, verified or suspended) of each ID-number commitment.
	#[pallet::storage]
	pub type SubjectByIdCommitment<T: Config> = StorageMap<_, Blake2_128Concat, Hash32, SubjectId>;

	/// The id the next subject gets; starts at 1.
	#[pallet::storage]
	pub type NextSubjectId<T: Config> = StorageValue<_, SubjectId, ValueQuery, StartAtOne>;

	/// The OID serial the next verified subject of each registry gets; starts at 1.
	#[pallet::storage]
	pub type NextSerial<T: Config> =
		StorageMap<_, Twox64Concat, RegistryId, u64, ValueQuery, StartAtOne>;

	/// Account links proposed by a subject's main account, waiting for the proposed account to
	/// accept: proposed account → subject.
	#[pallet::storage]
	pub type PendingAccountLinks<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SubjectId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `account` registered subject `subject` with `registry`; it waits for verification.
		SubjectRegistered {
			subject: SubjectId,
			registry: RegistryId,
			account: T::AccountId,
			kind: IdentityKind,
		},
		/// The registry verified the subject: it has `oid` and `roles`, and `allowance` was paid
		/// to its main account.
		SubjectVerified {
			subject: SubjectId,
			registry: RegistryId,
			oid: Oid,
			roles: Roles,
			allowance: BalanceOf<T>,
		},
		/// The registry rejected the application; `reason_digest` is the digest of its reasons.
		SubjectRejected { subject: SubjectId, registry: RegistryId, reason_digest: Hash32 },
		/// The registry set the roles of the subject.
		RolesSet { subject: SubjectId, roles: Roles },
		/// The registry suspended the subject; `reason_digest` is the digest of its reasons.
		SubjectSuspended { subject: SubjectId, reason_digest: Hash32 },
		/// The registry reinstated a suspended subject.
		SubjectReinstated { subject: SubjectId },
		/// The subject deregistered (or withdrew its pending application); its OID, if any,
		/// stays reserved.
		SubjectDeregistered { subject: SubjectId, oid: Option<Oid> },
		/// The subject's main account proposed linking `account`.
		AccountProposed { subject: SubjectId, account: T::AccountId },
		/// `account` accepted and is now linked to the subject.
		AccountLinked { subject: SubjectId, account: T::AccountId },
		/// The proposal to link `account` was withdrawn.
		AccountLinkCancelled { subject: SubjectId, account: T::AccountId },
		/// `account` was unlinked from the subject.
		AccountRemoved { subject: SubjectId, account: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No registry has this id.
		UnknownRegistry,
		/// The registry is suspended and accepts no new subjects or verifications.
		RegistrySuspended,
		/// The account already belongs to a subject.
		AlreadyRegistered,
		/// The unified social credit code is malformed (length, characters, authority or
		/// division code, or check character).
		InvalidUscc,
		/// The organisation name is empty, not UTF-8, or contains control characters.
		InvalidName,
		/// A commitment is all zeros, or the ID and name commitments are equal.
		InvalidCommitment,
		/// The contact digest is all zeros.
		InvalidContactDigest,
		/// The reason digest is all zeros.
		InvalidReasonDigest,
		/// A live subject already has this unified social credit code.
		DuplicateUscc,
		/// A live subject already has this ID-number commitment.
		DuplicateIdCommitment,
		/// No subject ids are left.
		TooManySubjects,
		/// No subject has this id.
		UnknownSubject,
		/// The caller is not an operator of the subject's registry.
		NotOperator,
		/// The subject is not pending (already verified, rejected or deregistered).
		NotPending,
		/// The subject is not verified (pending, rejected or deregistered).
		NotVerified,
		/// The subject is suspended and may not act.
		SubjectSuspended,
		/// The subject is already suspended.
		AlreadySuspended,
		/// The subject is not suspended.
		NotSuspended,
		/// No OID can be assigned (the serials are exhausted, or the OID would exceed 64 bytes
		/// under this root).
		OidUnavailable,
		/// The registry administrator cannot pay the verification allowance.
		AllowanceUnavailable,
		/// The caller's account belongs to no subject.
		NotASubject,
		/// Only the subject's main account may do this.
		NotMainAccount,
		/// The subject still holds active certificates or is party to an open dispute.
		SubjectBusy,
		/// The account already belongs to a subject.
		AccountInUse,
		/// The subject already has `MaxAccountsPerSubject` accounts.
		TooManyAccounts,
		/// This account is already proposed for this subject.
		AlreadyProposed,
		/// No link of the caller (or the given account) to this subject is proposed.
		NoPendingLink,
		/// The account is not linked to this subject.
		AccountNotLinked,
		/// The main account cannot be removed.
		CannotRemoveMainAccount,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the calling account as a new subject with `registry`.
		///
		/// `identity`: an organisation (USCC as 18 ASCII bytes, validated on-chain, and its
		/// name) or an individual (salted commitments only). `contact_digest`: digest of the
		/// contact details kept off-chain. The subject is pending until an operator verifies it.
		///
		/// Origin: a signed account not yet linked to a subject.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_subject())]
		pub fn register_subject(
			origin: OriginFor<T>,
			registry: RegistryId,
			identity: IdentityInputOf<T>,
			contact_digest: Hash32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_subject(who, registry, identity, contact_digest).map(|_| ())
		}

		/// Verify pending `subject` after the off-chain real-name check: assigns its OID and
		/// `roles` and pays the verification allowance from the registry administrator.
		///
		/// Origin: an operator of the subject's registry (which must be active).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::verify_subject())]
		pub fn verify_subject(
			origin: OriginFor<T>,
			subject: SubjectId,
			roles: Roles,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_verify_subject(who, subject, roles)
		}

		/// Reject pending `subject`; `reason_digest` is the digest of the reasons. Releases its
		/// account, USCC and ID commitment so the applicant can apply again.
		///
		/// Origin: an operator of the subject's registry.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject_subject())]
		pub fn reject_subject(
			origin: OriginFor<T>,
			subject: SubjectId,
			reason_digest: Hash32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_subject(who, subject, reason_digest)
		}

		/// Replace the roles of a verified or suspended `subject`.
		///
		/// Origin: an operator of the subject's registry.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_roles())]
		pub fn set_roles(origin: OriginFor<T>, subject: SubjectId, roles: Roles) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_roles(who, subject, roles)
		}

		/// Suspend verified `subject`; `reason_digest` is the digest of the reasons.
		///
		/// Origin: an operator of the subject's registry.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::suspend_subject())]
		pub fn suspend_subject(
			origin: OriginFor<T>,
			subject: SubjectId,
			reason_digest: Hash32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_suspend_subject(who, subject, reason_digest)
		}

		/// Reinstate suspended `subject`.
		///
		/// Origin: an operator of the subject's registry.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reinstate_subject())]
		pub fn reinstate_subject(origin: OriginFor<T>, subject: SubjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reinstate_subject(who, subject)
		}

		/// Deregister the caller's subject (or withdraw its pending application). Refused while
		/// it holds active certificates or is party to an open dispute, and while suspended.
		///
		/// Origin: the subject's main account.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::deregister_subject(T::MaxAccountsPerSubject::get()))]
		pub fn deregister_subject(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister_subject(who)
		}

		/// Propose linking `account` to the caller's verified subject; `account` must then call
		/// [`Pallet::accept_account_link`].
		///
		/// Origin: the subject's main account.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::propose_account())]
		pub fn propose_account(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_account(who, account)
		}

		/// Accept the proposal to link the calling account to `subject`.
		///
		/// Origin: the proposed account.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::accept_account_link())]
		pub fn accept_account_link(origin: OriginFor<T>, subject: SubjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_account_link(who, subject)
		}

		/// Withdraw the proposal to link `account` to the caller's subject.
		///
		/// Origin: the subject's main account.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_account_link())]
		pub fn cancel_account_link(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_account_link(who, account)
		}

		/// Unlink `account` from the caller's subject (never the main account). Allowed while
		/// suspended, so a compromised account can always be cut off.
		///
		/// Origin: the subject's main account.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_account(T::MaxAccountsPerSubject::get()))]
		pub fn remove_account(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_account(who, account)
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
