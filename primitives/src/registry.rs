//! Registries, subjects and the traits other pallets use to ask about them.
//!
//! * [`RegistryId`] and [`SubjectId`]: the numeric identifiers of registries
//!   (data exchanges, registration institutions) and subjects (主体:
//!   enterprises, institutions, individuals).
//! * [`SubjectRole`] and the [`Roles`] bit set.
//! * [`RegistryRules`]: the rule parameters each registry sets for itself,
//!   with [`RegistryRules::validate`].
//! * [`RegistriesInspect`], [`SubjectsInspect`]: read-only views that the
//!   registries and subjects pallets implement; every other pallet uses only
//!   these traits.
//! * [`SubjectActivity`]: the hook by which certificate and objection
//!   pallets keep a subject from deregistering while it is still involved.
//! * [`RegistriesBenchmarkHelper`], [`SubjectsBenchmarkHelper`]: create
//!   registries and verified subjects in benchmarks of pallets that need them.

use crate::oid::Oid;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use scale_info::TypeInfo;

/// Identifier of a registry; equal to its arc under `{root}.1` and `{root}.2`.
pub type RegistryId = u32;

/// Identifier of a subject (sequential, starting at 1).
pub type SubjectId = u64;

/// A role a verified subject may hold.
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
	Hash,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum SubjectRole {
	/// Data supplier (数据供方).
	DataSupplier,
	/// Data buyer (数据需求方 / 需方).
	DataBuyer,
	/// Data merchant (数据商).
	DataMerchant,
	/// Data intermediary (数据中介).
	Intermediary,
	/// Professional service agency (第三方专业服务机构), e.g. a law firm or
	/// an assessor doing substantive review.
	ServiceAgency,
	/// Arbitrator of objections.
	Arbitrator,
	/// Notary (公证机构).
	Notary,
	/// Court (人民法院).
	Court,
}

impl SubjectRole {
	/// All roles, in bit order.
	pub const ALL: [SubjectRole; 8] = [
		Self::DataSupplier,
		Self::DataBuyer,
		Self::DataMerchant,
		Self::Intermediary,
		Self::ServiceAgency,
		Self::Arbitrator,
		Self::Notary,
		Self::Court,
	];

	/// The bit of this role in [`Roles`].
	pub const fn bit(self) -> u16 {
		1u16 << (self as u8)
	}
}

/// A set of [`SubjectRole`]s as a bit set (`1 << role index`).
///
/// SCALE-encoded as a `u16`; decoding refuses bits that name no role, so a
/// stored or submitted value always holds known roles only.
#[derive(
	Encode,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Default,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct Roles(u16);

impl Roles {
	/// Every bit that names a role.
	pub const MASK: u16 = 0x00ff;

	/// The empty set.
	pub const fn empty() -> Roles {
		Roles(0)
	}

	/// Every role.
	pub const fn all() -> Roles {
		Roles(Self::MASK)
	}

	/// The set with the given bits, or `None` if a bit names no role.
	pub const fn from_bits(bits: u16) -> Option<Roles> {
		if bits & !Self::MASK == 0 {
			Some(Roles(bits))
		} else {
			None
		}
	}

	/// The set of the listed roles.
	pub fn from_roles(roles: &[SubjectRole]) -> Roles {
		Roles(roles.iter().fold(0, |acc, r| acc | r.bit()))
	}

	/// The raw bits.
	pub const fn bits(self) -> u16 {
		self.0
	}

	/// Whether no role is set.
	pub const fn is_empty(self) -> bool {
		self.0 == 0
	}

	/// Whether `role` is in the set.
	pub const fn contains(self, role: SubjectRole) -> bool {
		self.0 & role.bit() != 0
	}

	/// Adds `role`.
	pub fn insert(&mut self, role: SubjectRole) {
		self.0 |= role.bit();
	}

	/// Removes `role`.
	pub fn remove(&mut self, role: SubjectRole) {
		self.0 &= !role.bit();
	}

	/// The set with `role` added.
	pub const fn with(self, role: SubjectRole) -> Roles {
		Roles(self.0 | role.bit())
	}

	/// The roles in the set, in bit order.
	pub fn iter(self) -> impl Iterator<Item = SubjectRole> {
		SubjectRole::ALL.into_iter().filter(move |r| self.contains(*r))
	}

	/// Number of roles in the set.
	pub const fn len(self) -> u32 {
		self.0.count_ones()
	}
}

impl TryFrom<u16> for Roles {
	type Error = &'static str;
	fn try_from(bits: u16) -> Result<Self, Self::Error> {
		Roles::from_bits(bits).ok_or("unknown role bit")
	}
}

impl From<Roles> for u16 {
	fn from(r: Roles) -> u16 {
		r.0
	}
}

impl Decode for Roles {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let bits = u16::decode(input)?;
		Roles::from_bits(bits).ok_or_else(|| codec::Error::from("unknown role bit"))
	}
}

impl DecodeWithMemTracking for Roles {}

/// Which rule parameter of [`RegistryRules`] is out of range.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum RulesError {
	/// `acceptance_wd` is not in `1..=30`.
	Acceptance,
	/// `correction_wd` is not in `1..=60`.
	Correction,
	/// `notice_wd` is not in `1..=60`.
	Notice,
	/// `response_wd` is not in `1..=60`.
	Response,
	/// `arbitration_wd` is not in `1..=180`.
	Arbitration,
	/// `validity_days` is not in `30..=36500`.
	Validity,
	/// `renewal_window_days` is not at least 1 and below `validity_days`.
	RenewalWindow,
}

impl core::fmt::Display for RulesError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Self::Acceptance => "acceptance period must be 1 to 30 working days",
			Self::Correction => "correction period must be 1 to 60 working days",
			Self::Notice => "notice period must be 1 to 60 days",
			Self::Response => "response period must be 1 to 60 working days",
			Self::Arbitration => "arbitration period must be 1 to 180 working days",
			Self::Validity => "validity must be 30 to 36500 days",
			Self::RenewalWindow => {
				"renewal window must be at least 1 day and shorter than validity"
			}
		})
	}
}

/// The rule parameters of one registry (see DOMAIN §9 for the regional ranges).
///
/// Periods ending in `_wd` count working days (China time) unless stated;
/// `_days` count calendar days.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(default, rename_all = "camelCase")]
pub struct RegistryRules {
	/// Working days to accept (受理) an application (default 3, allowed 1..=30).
	pub acceptance_wd: u16,
	/// Working days the applicant has to correct (补正) an application (default 10, 1..=60).
	pub correction_wd: u16,
	/// Length of the public notice (公示) (default 10, 1..=60); working days
	/// unless `notice_in_calendar_days`.
	pub notice_wd: u16,
	/// The notice period counts calendar days instead of working days (Dali).
	pub notice_in_calendar_days: bool,
	/// Working days the respondent has to answer an objection (default 10, 1..=60).
	pub response_wd: u16,
	/// Working days the arbitration panel has to decide (default 30, 1..=180).
	pub arbitration_wd: u16,
	/// Validity of a certificate in calendar days (default 730, 30..=36500).
	pub validity_days: u32,
	/// Renewal may be applied for this many calendar days before expiry
	/// (default 90; at least 1 and below `validity_days`).
	pub renewal_window_days: u16,
	/// Bond reserved from an objector when filing an objection (smallest units).
	pub objection_bond: u128,
}

impl Default for RegistryRules {
	fn default() -> Self {
		RegistryRules {
			acceptance_wd: 3,
			correction_wd: 10,
			notice_wd: 10,
			notice_in_calendar_days: false,
			response_wd: 10,
			arbitration_wd: 30,
			validity_days: 730,
			renewal_window_days: 90,
			objection_bond: 0,
		}
	}
}

impl RegistryRules {
	/// Checks every parameter against its allowed range, in field order;
	/// the first violation is returned.
	pub fn validate(&self) -> Result<(), RulesError> {
		if !(1..=30).contains(&self.acceptance_wd) {
			return Err(RulesError::Acceptance);
		}
		if !(1..=60).contains(&self.correction_wd) {
			return Err(RulesError::Correction);
		}
		if !(1..=60).contains(&self.notice_wd) {
			return Err(RulesError::Notice);
		}
		if !(1..=60).contains(&self.response_wd) {
			return Err(RulesError::Response);
		}
		if !(1..=180).contains(&self.arbitration_wd) {
			return Err(RulesError::Arbitration);
		}
		if !(30..=36_500).contains(&self.validity_days) {
			return Err(RulesError::Validity);
		}
		if self.renewal_window_days == 0
			|| u32::from(self.renewal_window_days) >= self.validity_days
		{
			return Err(RulesError::RenewalWindow);
		}
		Ok(())
	}
}

/// Read-only view of the registries, implemented by the registries pallet.
pub trait RegistriesInspect<AccountId> {
	/// Whether the registry exists (active or suspended).
	fn exists(registry: RegistryId) -> bool;
	/// Whether the registry exists and is not suspended (accepts new business).
	fn is_active(registry: RegistryId) -> bool;
	/// Whether `who` is an operator of the registry.
	fn is_operator(registry: RegistryId, who: &AccountId) -> bool;
	/// The registry's administrator account (funds verification allowances).
	fn admin(registry: RegistryId) -> Option<AccountId>;
	/// The registry's rule parameters.
	fn rules(registry: RegistryId) -> Option<RegistryRules>;
	/// The registry's arc under `{root}.1` (subjects) and `{root}.2` (certificates).
	fn oid_arc(registry: RegistryId) -> Option<u32>;
	/// The prefix of the registry's human registration numbers (e.g. `BJSZD`).
	fn number_prefix(registry: RegistryId) -> Option<Vec<u8>>;
	/// The OID root of the chain (genesis; development default `2.999`).
	fn oid_root() -> Oid;
}

/// Read-only view of the subjects, implemented by the subjects pallet.
///
/// "Verified" means status Verified: not pending, rejected, suspended or
/// deregistered.
pub trait SubjectsInspect<AccountId> {
	/// The subject the account belongs to (pending, verified or suspended
	/// subjects; the link is released on rejection and deregistration).
	fn subject_of(who: &AccountId) -> Option<SubjectId>;
	/// Whether the subject is verified (and not suspended).
	fn is_verified(subject: SubjectId) -> bool;
	/// Whether the subject is verified and holds `role`.
	fn has_role(subject: SubjectId, role: SubjectRole) -> bool;
	/// The subject's OID (assigned at verification).
	fn oid(subject: SubjectId) -> Option<Oid>;
	/// The subject with this OID (kept after deregistration, for history).
	fn subject_by_oid(oid: &Oid) -> Option<SubjectId>;
	/// The registry the subject registered with.
	fn registry_of(subject: SubjectId) -> Option<RegistryId>;
	/// Whether `a` and `b` are the same subject or have an account in common.
	fn accounts_overlap(a: SubjectId, b: SubjectId) -> bool;
	/// The subject's main account.
	fn main_account(subject: SubjectId) -> Option<AccountId>;
	/// Whether `who` is an operator of `registry` (forwarded to the registries).
	fn is_operator(registry: RegistryId, who: &AccountId) -> bool;

	/// The verified subject the account belongs to, if any.
	fn verified_subject_of(who: &AccountId) -> Option<SubjectId> {
		Self::subject_of(who).filter(|s| Self::is_verified(*s))
	}
}

/// Whether a subject is still involved in something that keeps it from
/// deregistering (holds active certificates, is party to an open dispute).
///
/// Implemented by the certificate and objection pallets; tuples combine
/// several implementations (any of them blocks).
pub trait SubjectActivity {
	/// `true` if the subject may not deregister now.
	fn blocks_deregistration(subject: SubjectId) -> bool;
}

impl SubjectActivity for () {
	fn blocks_deregistration(_subject: SubjectId) -> bool {
		false
	}
}

impl<A: SubjectActivity, B: SubjectActivity> SubjectActivity for (A, B) {
	fn blocks_deregistration(subject: SubjectId) -> bool {
		A::blocks_deregistration(subject) || B::blocks_deregistration(subject)
	}
}

impl<A: SubjectActivity, B: SubjectActivity, C: SubjectActivity> SubjectActivity for (A, B, C) {
	fn blocks_deregistration(subject: SubjectId) -> bool {
		A::blocks_deregistration(subject)
			|| B::blocks_deregistration(subject)
			|| C::blocks_deregistration(subject)
	}
}

/// Creates registries in benchmarks of pallets that need one. Implemented by
/// the registries pallet when built with its `runtime-benchmarks` feature;
/// never used by dispatchable code.
pub trait RegistriesBenchmarkHelper<AccountId> {
	/// Creates an active registry with default rules whose admin (and first
	/// operator) is `admin`; `index` makes its code and prefix unique.
	fn create_registry(index: u32, admin: &AccountId) -> RegistryId;
	/// Makes `who` an operator of `registry`.
	fn add_operator(registry: RegistryId, who: &AccountId);
}

/// Creates verified subjects in benchmarks and tests of pallets that need
/// them (registration, certificates, objections). Implemented by the subjects
/// pallet when built with its `runtime-benchmarks` feature; never used by
/// dispatchable code.
pub trait SubjectsBenchmarkHelper<AccountId> {
	/// Registers an organisation subject at `registry` whose main account is
	/// `account` (a unique valid USCC derived from `index`), and verifies it
	/// with `roles`. Returns its id.
	fn create_verified_subject(
		registry: RegistryId,
		account: &AccountId,
		roles: Roles,
		index: u32,
	) -> SubjectId;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn role_bits_and_set_operations() {
		assert_eq!(SubjectRole::DataSupplier.bit(), 1);
		assert_eq!(SubjectRole::Court.bit(), 0x80);
		let mut r = Roles::empty();
		assert!(r.is_empty());
		r.insert(SubjectRole::DataBuyer);
		r.insert(SubjectRole::Notary);
		assert!(r.contains(SubjectRole::DataBuyer));
		assert!(r.contains(SubjectRole::Notary));
		assert!(!r.contains(SubjectRole::Court));
		assert_eq!(r.len(), 2);
		assert_eq!(r.iter().collect::<Vec<_>>(), [SubjectRole::DataBuyer, SubjectRole::Notary]);
		r.remove(SubjectRole::DataBuyer);
		assert_eq!(r, Roles::from_roles(&[SubjectRole::Notary]));
		assert_eq!(Roles::all().len(), 8);
		assert_eq!(Roles::empty().with(SubjectRole::Court).bits(), 0x80);
	}

	#[test]
	fn roles_decoding_refuses_unknown_bits() {
		let r = Roles::from_roles(&[SubjectRole::DataSupplier, SubjectRole::Court]);
		let enc = r.encode();
		assert_eq!(enc, 0x81u16.encode());
		assert_eq!(Roles::decode(&mut &enc[..]), Ok(r));
		assert!(Roles::decode(&mut &0x100u16.encode()[..]).is_err());
		assert_eq!(Roles::from_bits(0x100), None);
		assert_eq!(Roles::try_from(0xffu16), Ok(Roles::all()));
		assert_eq!(Roles::max_encoded_len(), 2);
	}

	#[test]
	fn default_rules_are_valid() {
		let r = RegistryRules::default();
		assert_eq!(r.validate(), Ok(()));
		assert_eq!(r.acceptance_wd, 3);
		assert_eq!(r.notice_wd, 10);
		assert_eq!(r.renewal_window_days, 90);
	}

	#[test]
	fn rules_out_of_range() {
		let d = RegistryRules::default();
		let cases = [
			(RegistryRules { acceptance_wd: 0, ..d }, RulesError::Acceptance),
			(RegistryRules { acceptance_wd: 31, ..d }, RulesError::Acceptance),
			(RegistryRules { correction_wd: 0, ..d }, RulesError::Correction),
			(RegistryRules { notice_wd: 0, ..d }, RulesError::Notice),
			(RegistryRules { notice_wd: 61, ..d }, RulesError::Notice),
			(RegistryRules { response_wd: 0, ..d }, RulesError::Response),
			(RegistryRules { arbitration_wd: 181, ..d }, RulesError::Arbitration),
			(RegistryRules { validity_days: 29, ..d }, RulesError::Validity),
			(RegistryRules { validity_days: 36_501, ..d }, RulesError::Validity),
			(RegistryRules { renewal_window_days: 0, ..d }, RulesError::RenewalWindow),
			(
				RegistryRules { validity_days: 90, renewal_window_days: 90, ..d },
				RulesError::RenewalWindow,
			),
		];
		for (rules, err) in cases {
			assert_eq!(rules.validate(), Err(err), "{:?}", rules);
		}
		// Guiyang: 30 working days notice; Dali: 7 calendar days, 1 year.
		assert!(RegistryRules { notice_wd: 30, ..d }.validate().is_ok());
		assert!(RegistryRules {
			notice_wd: 7,
			notice_in_calendar_days: true,
			validity_days: 365,
			renewal_window_days: 30,
			..d
		}
		.validate()
		.is_ok());
	}

	struct Busy;
	impl SubjectActivity for Busy {
		fn blocks_deregistration(subject: SubjectId) -> bool {
			subject == 7
		}
	}

	#[test]
	fn activity_tuples_combine() {
		assert!(!<() as SubjectActivity>::blocks_deregistration(7));
		assert!(<((), Busy) as SubjectActivity>::blocks_deregistration(7));
		assert!(!<((), Busy) as SubjectActivity>::blocks_deregistration(8));
		assert!(<(Busy, (), ()) as SubjectActivity>::blocks_deregistration(7));
	}
}
