//! # Objections
//!
//! Objections (异议) and their arbitration (`DOMAIN.md` §3.3): during the public notice any
//! verified subject may object to an application; an interested party may object to a
//! certificate in force. Every step is an event carrying its digests and an entry of the
//! objection's history ([`Pallet::history`]), so a court can reconstruct the whole dispute.
//!
//! ## States
//!
//! ```text
//! Filed ──accept_objection──▶ Accepted ──appoint_panel──▶ Arbitration
//! Arbitration ──all voted / arbitration deadline──▶ Decided (Uphold | Dismiss)
//! Filed ──dismiss_inadmissible──▶ Inadmissible
//! Filed | Accepted | Arbitration ──withdraw_objection──▶ Withdrawn
//! Filed | Accepted | Arbitration ──court_ruling──▶ Decided (by the court, final)
//! Filed | Accepted | Arbitration ──another objection on the target upheld──▶ Moot
//! ```
//!
//! ## Rules
//!
//! - Filing: the objector is a verified subject, neither the respondent nor sharing an account
//!   with it; the target is open ([`doid_primitives::ApplicationDisputes::parties`] or
//!   [`doid_primitives::CertificateDisputes::parties`] returns it); the registry's
//!   `objection_bond` is held from the signing account with [`HoldReason::ObjectionBond`]. At most
//!   [`Config::MaxOpenPerTarget`] objections may be open on one target.
//! - The target's registry accepts or dismisses as inadmissible. The first accepted objection on a
//!   target opens the dispute (application `Disputed` with its notice paused / certificate
//!   `Disputed`); [`AcceptedOpen`] counts the accepted open objections per target, and the target
//!   is released (notice resumed / certificate restored) when the last of them closes without
//!   being upheld.
//! - The respondent may respond once, up to `response_wd` working days after acceptance; when the
//!   period ends without a response [`Event::RespondentSilent`] is recorded and the arbitration
//!   goes on.
//! - The registry appoints a panel of 1, 3 or 5 distinct verified arbitrators (role
//!   `Arbitrator`), none a party nor sharing an account with a party or another member. Members
//!   vote once each, up to `arbitration_wd` working days after the appointment. The majority
//!   decides as soon as all have voted, otherwise when the period ends (missing votes don't count;
//!   a tie, also 0:0, dismisses).
//! - Upheld: the application is rejected / the certificate revoked with the decision digest, the
//!   bond is returned; **every other open objection on the target is closed as `Moot`** with its
//!   bond returned (the target is final, there is nothing left to decide).
//! - Dismissed: the bond goes to the respondent's main account (transfer from hold); if that
//!   transfer is impossible (e.g. below the existential deposit of a new account) the bond is
//!   returned to the objector instead ([`Event::BondReturned`]).
//! - The objector may withdraw an open objection (bond returned); it counts as closed for the
//!   target.
//! - A verified court subject rules on any open objection; the ruling is final. A ruling on an
//!   objection still `Filed` that upholds it disputes the target first (then rejects / revokes);
//!   one that dismisses it leaves the target alone. Closed objections cannot be ruled on again
//!   (the hooks have no way back from `Rejected` / `Revoked`).
//! - The decision digest passed to the target is the court's ruling digest, or for panel and
//!   deadline decisions the BLAKE2b-256 of the SCALE encoding of `(objection id, ballots)`.
//! - A failing target hook during a decision or withdrawal (e.g. the applicant withdrew the
//!   application meanwhile) does not block the objection: it is closed and
//!   [`Event::TargetUpdateFailed`] records the error.
//!
//! ## Timers
//!
//! `TimerId::new(TimerOwner::Objections, (phase << 56) | id)` with phase 1 = response deadline,
//! 2 = arbitration deadline (a fired timer id cannot be reused). A period of N working days
//! starting on D ends on `add_working_days(D, N)`; the timer is due the calendar day after. The
//! runtime routes `TimerOwner::Objections` to [`Pallet::on_timer`] (worst case
//! [`Pallet::on_timer_max_weight`]).
//!
//! [`Pallet`] implements [`doid_primitives::SubjectActivity`]: the objector and the respondent of
//! an open objection may not deregister.
//!
//! An objection still `Filed` when its target leaves the notice (certificate issued) cannot be
//! accepted any more ([`Error::TargetNotOpen`]); the registry dismisses it as inadmissible or the
//! objector withdraws it.
//!
//! ## Runtime wiring
//!
//! `Currency = Balances` (with `RuntimeHoldReason` gaining [`HoldReason::ObjectionBond`]),
//! `Applications = Registration`, `Certificates = Certificates`, the calendar for `Calendar`;
//! the subjects pallet's `Activity` includes this pallet; the runtime's `TimerHandler` routes
//! `TimerOwner::Objections` to [`Pallet::on_timer`] and adds [`Pallet::on_timer_max_weight`] to
//! its `max_weight`. Benchmarks need a [`BenchmarkTarget`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

// The test modules are named after the pallet so that the workspace test command can select them
// with the filter `objections`.
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(feature = "runtime-benchmarks")]
#[path = "benchmarking.rs"]
mod objections_benchmarking;
#[cfg(test)]
#[path = "tests.rs"]
mod objections_tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::{types::*, WeightInfo};
	use doid_primitives::{
		ApplicationDisputes, CertificateDisputes, Date, Digest, DisputeError, RegistriesInspect,
		RegistryId, SubjectId, SubjectsInspect, Timers, WorkingDays,
	};
	use frame_support::{pallet_prelude::*, traits::fungible};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// An objection as stored.
	pub type ObjectionOf<T> =
		Objection<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::MaxEvidence>;

	/// A history entry as stored.
	pub type HistoryEntryOf<T> =
		HistoryEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// The evidence digests of an objection.
	pub type EvidenceOf<T> = BoundedVec<Digest, <T as Config>::MaxEvidence>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The bond of an open objection.
		ObjectionBond,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The currency in which bonds are held.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// The registries (operators, rules: bond and periods).
		type Registries: RegistriesInspect<Self::AccountId>;
		/// The subjects (verification, roles, accounts).
		type Subjects: SubjectsInspect<Self::AccountId>;
		/// The working-day calendar and its timers.
		type Calendar: WorkingDays + Timers;
		/// The applications in notice (the registration pallet).
		type Applications: ApplicationDisputes;
		/// The certificates (the certificates pallet).
		type Certificates: CertificateDisputes;
		/// The most evidence digests per objection.
		#[pallet::constant]
		type MaxEvidence: Get<u32>;
		/// The most open objections on one target.
		#[pallet::constant]
		type MaxOpenPerTarget: Get<u32>;
		/// Weights of this pallet's calls and timer handler.
		type WeightInfo: WeightInfo;
		/// Creates registries in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkRegistries: doid_primitives::RegistriesBenchmarkHelper<Self::AccountId>;
		/// Creates verified subjects in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkSubjects: doid_primitives::SubjectsBenchmarkHelper<Self::AccountId>;
		/// Creates targets and sets bonds in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkTarget: BenchmarkTarget;
	}

	/// Default of [`NextObjectionId`]: objections are numbered from 1.
	#[pallet::type_value]
	pub fn FirstObjectionId() -> ObjectionId {
		1
	}

	/// The objections by id (kept after they are closed, for history).
	#[pallet::storage]
	pub type Objections<T: Config> =
		StorageMap<_, Twox64Concat, ObjectionId, ObjectionOf<T>, OptionQuery>;

	/// The id the next objection gets; starts at 1.
	#[pallet::storage]
	pub type NextObjectionId<T: Config> =
		StorageValue<_, ObjectionId, ValueQuery, FirstObjectionId>;

	/// The open (filed, accepted or in arbitration) objections of each target.
	#[pallet::storage]
	pub type OpenObjections<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		Target,
		BoundedVec<ObjectionId, T::MaxOpenPerTarget>,
		ValueQuery,
	>;

	/// The number of accepted open objections of each target; the target is disputed while it is
	/// not zero.
	#[pallet::storage]
	pub type AcceptedOpen<T: Config> = StorageMap<_, Blake2_128Concat, Target, u32, ValueQuery>;

	/// The number of open objections in which a subject is objector or respondent (it may not
	/// deregister while it is not zero).
	#[pallet::storage]
	pub type OpenAsParty<T: Config> = StorageMap<_, Twox64Concat, SubjectId, u32, ValueQuery>;

	/// The history of each objection: (objection, step number from 0) → entry. Never removed.
	#[pallet::storage]
	pub type History<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ObjectionId,
		Twox64Concat,
		u32,
		HistoryEntryOf<T>,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Subject `objector` objected to `target` of `registry`; `bond` is held from `payer`.
		Filed {
			objection: ObjectionId,
			target: Target,
			registry: RegistryId,
			objector: SubjectId,
			respondent: SubjectId,
			payer: T::AccountId,
			bond: BalanceOf<T>,
			grounds_digest: Digest,
			evidence_digests: EvidenceOf<T>,
		},
		/// The registry accepted the objection; the respondent may respond until
		/// `response_last_day` inclusive. `target_disputed`: this acceptance disputed the target
		/// (first accepted open objection).
		Accepted {
			objection: ObjectionId,
			target: Target,
			response_last_day: Date,
			target_disputed: bool,
		},
		/// The registry dismissed the objection as inadmissible.
		DismissedInadmissible { objection: ObjectionId, reason_digest: Digest },
		/// The respondent responded.
		Responded { objection: ObjectionId, respondent: SubjectId, response_digest: Digest },
		/// The response period ended without a response (the panel still decides).
		RespondentSilent { objection: ObjectionId, respondent: SubjectId },
		/// The registry appointed the panel, which may vote until `arbitration_last_day`.
		PanelAppointed { objection: ObjectionId, panel: Panel, arbitration_last_day: Date },
		/// A panel member voted.
		Voted {
			objection: ObjectionId,
			arbitrator: SubjectId,
			vote: Outcome,
			opinion_digest: Digest,
		},
		/// A court ruled on the objection (followed by [`Event::Decided`]).
		CourtRuling {
			objection: ObjectionId,
			court: SubjectId,
			outcome: Outcome,
			ruling_digest: Digest,
		},
		/// The objection was decided; `decision_digest` was passed to the target when upheld.
		Decided {
			objection: ObjectionId,
			target: Target,
			outcome: Outcome,
			by: DecidedBy,
			uphold_votes: u32,
			dismiss_votes: u32,
			decision_digest: Digest,
		},
		/// The objector withdrew the objection.
		Withdrawn { objection: ObjectionId },
		/// The objection was closed as moot: objection `upheld` on the same target was upheld.
		Moot { objection: ObjectionId, upheld: ObjectionId },
		/// The bond was returned to the account that paid it.
		BondReturned { objection: ObjectionId, to: T::AccountId, amount: BalanceOf<T> },
		/// The bond was transferred to the respondent's main account.
		BondForfeited { objection: ObjectionId, to: T::AccountId, amount: BalanceOf<T> },
		/// The last accepted open objection on `target` closed without being upheld: the target
		/// is back in notice / active.
		TargetReleased { target: Target },
		/// The target refused a dispute hook while the objection was closed; the objection is
		/// closed anyway.
		TargetUpdateFailed { objection: ObjectionId, target: Target, error: DisputeError },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No objection has this id.
		UnknownObjection,
		/// The caller's account belongs to no subject.
		NotASubject,
		/// The caller's subject is not verified (pending, suspended, rejected or deregistered).
		NotVerified,
		/// The target cannot be objected to: no such application in notice (or disputed), no such
		/// certificate in force.
		TargetNotOpen,
		/// The target changed hands since the objection was filed (the respondent is another
		/// subject now); file a new objection.
		RespondentChanged,
		/// The objector is the respondent or shares an account with it.
		SelfObjection,
		/// The grounds digest is all zeros.
		InvalidGroundsDigest,
		/// An evidence digest is all zeros.
		InvalidEvidenceDigest,
		/// An evidence digest is listed twice.
		DuplicateEvidence,
		/// The target's registry does not exist.
		UnknownRegistry,
		/// The registry's bond does not fit the balance type.
		BondOverflow,
		/// The signing account cannot pay the bond.
		InsufficientBalance,
		/// No objection ids are left.
		TooManyObjections,
		/// The target already has the most open objections allowed.
		TooManyOpenObjections,
		/// The caller is not an operator of the objection's registry.
		NotOperator,
		/// The objection is closed.
		ObjectionClosed,
		/// The objection is not awaiting admission (it was accepted already).
		NotFiled,
		/// The objection has not been accepted.
		NotAccepted,
		/// A panel is appointed already.
		PanelAlreadyAppointed,
		/// No panel is appointed.
		NotInArbitration,
		/// The reason digest is all zeros.
		InvalidReasonDigest,
		/// The response digest is all zeros.
		InvalidResponseDigest,
		/// The opinion digest is all zeros.
		InvalidOpinionDigest,
		/// The ruling digest is all zeros.
		InvalidRulingDigest,
		/// The caller is not an account of the respondent.
		NotRespondent,
		/// The respondent has responded already.
		AlreadyResponded,
		/// The response period has ended.
		ResponseDeadlinePassed,
		/// A panel has 1, 3 or 5 members.
		InvalidPanelSize,
		/// An arbitrator is listed twice, or two share an account.
		DuplicateArbitrator,
		/// An arbitrator is not a verified subject with the arbitrator role.
		ArbitratorNotQualified,
		/// An arbitrator is a party or shares an account with one.
		ArbitratorConflict,
		/// The caller is not an account of a panel member.
		NotPanelMember,
		/// The panel member has voted already.
		AlreadyVoted,
		/// The arbitration period has ended.
		ArbitrationDeadlinePassed,
		/// The caller is not an account of the objector.
		NotObjector,
		/// The caller is not an account of a verified subject with the court role.
		NotCourt,
		/// A deadline is outside the calendar's range.
		DateOutOfRange,
		/// The deadline timer could not be scheduled.
		TimerFailed,
		/// The target refused to become disputed.
		DisputeRefused,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Object to `target` (an application in public notice, or a certificate in force) on the
		/// grounds whose digest is `grounds_digest`, with the digests of the evidence.
		///
		/// Origin: an account of a verified subject, neither the respondent (applicant or holder)
		/// nor sharing an account with it. The registry's objection bond is held from the signing
		/// account until the objection is closed.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::file_objection())]
		pub fn file_objection(
			origin: OriginFor<T>,
			target: Target,
			grounds_digest: Digest,
			evidence_digests: EvidenceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file(who, target, grounds_digest, evidence_digests).map(|_| ())
		}

		/// Accept (受理) filed objection `id`: its target becomes disputed (if it is the first
		/// accepted open objection on it) and the respondent's response period starts.
		///
		/// Origin: an operator of the target's registry.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::accept_objection())]
		pub fn accept_objection(origin: OriginFor<T>, id: ObjectionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept(who, id)
		}

		/// Dismiss filed objection `id` as inadmissible; `reason_digest` is the digest of the
		/// reasons. The bond is returned.
		///
		/// Origin: an operator of the target's registry.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::dismiss_inadmissible())]
		pub fn dismiss_inadmissible(
			origin: OriginFor<T>,
			id: ObjectionId,
			reason_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dismiss_inadmissible(who, id, reason_digest)
		}

		/// Appoint the arbitration panel of accepted objection `id`: 1, 3 or 5 distinct verified
		/// subjects with the arbitrator role, none the objector or the respondent nor sharing an
		/// account with them or with each other. The arbitration period starts.
		///
		/// Origin: an operator of the target's registry.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::appoint_panel())]
		pub fn appoint_panel(
			origin: OriginFor<T>,
			id: ObjectionId,
			arbitrators: Panel,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_appoint_panel(who, id, arbitrators)
		}

		/// Respond to accepted objection `id` (once, within the response period);
		/// `response_digest` is the digest of the response.
		///
		/// Origin: an account of the respondent subject.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::respond())]
		pub fn respond(
			origin: OriginFor<T>,
			id: ObjectionId,
			response_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_respond(who, id, response_digest)
		}

		/// Vote `Uphold` or `Dismiss` on objection `id` (once, within the arbitration period);
		/// `opinion_digest` is the digest of the written opinion. The last vote decides.
		///
		/// Origin: an account of a verified panel member.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(
			origin: OriginFor<T>,
			id: ObjectionId,
			vote: Outcome,
			opinion_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vote(who, id, vote, opinion_digest)
		}

		/// Withdraw open objection `id` before a decision; the bond is returned.
		///
		/// Origin: an account of the objector subject, or the account that paid the bond.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_objection())]
		pub fn withdraw_objection(origin: OriginFor<T>, id: ObjectionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, id)
		}

		/// Rule on open objection `id` at any stage: `outcome` is final and `ruling_digest` is
		/// the digest of the ruling (passed to the target when upheld).
		///
		/// Origin: an account of a verified subject with the court role.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::court_ruling())]
		pub fn court_ruling(
			origin: OriginFor<T>,
			id: ObjectionId,
			outcome: Outcome,
			ruling_digest: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_court_ruling(who, id, outcome, ruling_digest)
		}
	}
}
