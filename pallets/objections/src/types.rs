//! Types of the objections pallet: targets, outcomes, the stored objection and its history.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use doid_primitives::{ApplicationId, CertificateId, Date, Digest, RegistryId, SubjectId};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// Identifier of an objection (sequential, starting at 1, below `2^56`).
pub type ObjectionId = u64;

/// Bits of a timer identifier that hold the objection id; the bits above hold the phase.
pub const PHASE_SHIFT: u32 = 56;

/// The largest objection id (the timer identifier keeps 8 bits for the phase).
pub const MAX_OBJECTION_ID: ObjectionId = (1 << PHASE_SHIFT) - 1;

/// Phase of the response deadline timer (`(1 << 56) | id`).
pub const PHASE_RESPONSE: u64 = 1;

/// Phase of the arbitration deadline timer (`(2 << 56) | id`).
pub const PHASE_ARBITRATION: u64 = 2;

/// The largest arbitration panel.
pub const MAX_PANEL: u32 = 5;

/// An arbitration panel: 1, 3 or 5 distinct arbitrator subjects.
pub type Panel = BoundedVec<SubjectId, ConstU32<MAX_PANEL>>;

/// The votes cast by a panel (at most one per member).
pub type Ballots = BoundedVec<Ballot, ConstU32<MAX_PANEL>>;

/// What an objection is against.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
)]
pub enum Target {
	/// An application during its public notice (公示).
	Application(ApplicationId),
	/// An issued certificate in force.
	Certificate(CertificateId),
}

/// A vote of an arbitrator, and the outcome of a decision.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Outcome {
	/// The objection is founded: the application is rejected / the certificate revoked.
	Uphold,
	/// The objection is unfounded: the target goes back to notice / active.
	Dismiss,
}

/// Who decided an objection.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum DecidedBy {
	/// The whole panel voted.
	Panel,
	/// The arbitration period ended; the votes cast were counted (a tie dismisses).
	Deadline,
	/// A court ruling (final, overrides any stage); the court subject.
	Court(SubjectId),
}

/// The state of an objection.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ObjectionStatus {
	/// Filed, awaiting the registry's admission.
	Filed,
	/// Accepted by the registry (the target is disputed); awaiting a panel.
	Accepted,
	/// A panel is appointed and votes.
	Arbitration,
	/// Dismissed as inadmissible by the registry (bond returned).
	Inadmissible,
	/// Withdrawn by the objector before a decision (bond returned).
	Withdrawn,
	/// Closed without decision because another objection on the same target was upheld (bond
	/// returned).
	Moot {
		/// The upheld objection.
		upheld: ObjectionId,
	},
	/// Decided.
	Decided {
		/// Upheld or dismissed.
		outcome: Outcome,
		/// By the panel, by the deadline or by a court.
		by: DecidedBy,
	},
}

impl ObjectionStatus {
	/// Whether the objection is still open (filed, accepted or in arbitration).
	pub fn is_open(&self) -> bool {
		matches!(self, Self::Filed | Self::Accepted | Self::Arbitration)
	}

	/// Whether the objection was accepted and is still open (it keeps its target disputed).
	pub fn is_accepted_open(&self) -> bool {
		matches!(self, Self::Accepted | Self::Arbitration)
	}
}

/// A vote of a panel member.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Ballot {
	/// The arbitrator subject.
	pub arbitrator: SubjectId,
	/// Its vote.
	pub vote: Outcome,
	/// Digest of its written opinion.
	pub opinion_digest: Digest,
}

/// An objection as stored (kept after it is closed, for courts).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxEvidence))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen))]
pub struct Objection<AccountId, Balance, MaxEvidence>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxEvidence: Get<u32>,
{
	/// What is objected to.
	pub target: Target,
	/// The registry of the target, which handles the objection.
	pub registry: RegistryId,
	/// The objecting subject.
	pub objector: SubjectId,
	/// The account that filed the objection; its bond is held there.
	pub payer: AccountId,
	/// The respondent subject (applicant or holder).
	pub respondent: SubjectId,
	/// The bond held from `payer` (the registry's `objection_bond` when filed).
	pub bond: Balance,
	/// Digest of the grounds of the objection.
	pub grounds_digest: Digest,
	/// Digests of the evidence.
	pub evidence: BoundedVec<Digest, MaxEvidence>,
	/// The state.
	pub status: ObjectionStatus,
	/// The date of filing.
	pub filed_on: Date,
	/// The date of acceptance by the registry.
	pub accepted_on: Option<Date>,
	/// The last day (inclusive) on which the respondent may respond.
	pub response_last_day: Option<Date>,
	/// Digest of the respondent's response.
	pub response_digest: Option<Digest>,
	/// The arbitration panel (empty until appointed).
	pub panel: Panel,
	/// The last day (inclusive) on which the panel may vote.
	pub arbitration_last_day: Option<Date>,
	/// The votes cast.
	pub ballots: Ballots,
	/// Number of entries in the objection's history.
	pub steps: u32,
}

/// A step in the history of an objection.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Action {
	/// Filed (digest: the grounds; the evidence is in the objection and the event).
	Filed,
	/// Accepted by the registry.
	Accepted,
	/// Dismissed as inadmissible by the registry (digest: the reasons).
	DismissedInadmissible,
	/// The respondent responded (digest: the response).
	Responded,
	/// The response period ended without a response.
	RespondentSilent,
	/// The registry appointed the panel.
	PanelAppointed,
	/// A panel member voted (digest: the opinion).
	Voted(Outcome),
	/// A court ruled (digest: the ruling).
	CourtRuling(Outcome),
	/// Decided (digest: the decision passed to the target).
	Decided {
		/// Upheld or dismissed.
		outcome: Outcome,
		/// By whom.
		by: DecidedBy,
	},
	/// Withdrawn by the objector.
	Withdrawn,
	/// Closed as moot: another objection on the target was upheld.
	Moot {
		/// The upheld objection.
		upheld: ObjectionId,
	},
}

/// One entry of an objection's history: what happened, who did it, when, with which digest.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct HistoryEntry<AccountId, BlockNumber> {
	/// What happened.
	pub action: Action,
	/// The signing account (`None` for steps taken by the chain, e.g. deadlines).
	pub account: Option<AccountId>,
	/// The subject acting: objector, respondent, arbitrator or court (`None` for registry
	/// operators, who act for their registry, and for the chain).
	pub subject: Option<SubjectId>,
	/// The chain date.
	pub date: Date,
	/// The block number.
	pub block: BlockNumber,
	/// The digest of the step, if any.
	pub digest: Option<Digest>,
}

/// Creates targets for the benchmarks of this pallet (implemented by the runtime with the
/// registration and certificates pallets, by the mock in tests). Never used by dispatchable code.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkTarget {
	/// An application of `applicant` (a verified subject with the data-supplier and
	/// data-merchant roles) at `registry`, in public notice, so that
	/// `ApplicationDisputes::parties` returns it.
	fn application_in_notice(registry: RegistryId, applicant: SubjectId) -> ApplicationId;
	/// An active certificate held by `holder` at `registry`.
	fn active_certificate(registry: RegistryId, holder: SubjectId) -> CertificateId;
	/// Set the objection bond of `registry` (other rules unchanged).
	fn set_objection_bond(registry: RegistryId, bond: u128);
}
