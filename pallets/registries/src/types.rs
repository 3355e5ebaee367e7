//! Types of the registries pallet.

use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use doid_primitives::{RegistryRules, RulesError};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PalletError, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// Shortest registry code and number prefix.
pub const MIN_CODE_LEN: usize = 2;
/// Longest registry code and number prefix.
pub const MAX_CODE_LEN: u32 = 8;

/// A registry code: 2 to 8 upper-case ASCII letters (e.g. `GZ`, `BJ`, `ZZ`, `SZ`).
pub type RegistryCode = BoundedVec<u8, ConstU32<MAX_CODE_LEN>>;

/// The prefix of a registry's human registration numbers: 2 to 8 upper-case
/// ASCII letters (e.g. `BJSZD`).
pub type NumberPrefix = BoundedVec<u8, ConstU32<MAX_CODE_LEN>>;

/// Whether a registry accepts new business.
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
pub enum RegistryStatus {
	/// The registry works normally.
	Active,
	/// The registry accepts no new applications or subjects; what it already
	/// registered stays verifiable.
	Suspended,
}

/// A registry (data exchange or registration institution).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
#[scale_info(skip_type_params(MaxNameLen))]
pub struct RegistryInfo<AccountId: Clone + PartialEq + Eq + Debug, MaxNameLen: Get<u32>> {
	/// Short upper-case code, unique on the chain (e.g. `BJ`).
	pub code: RegistryCode,
	/// Full name, UTF-8 (e.g. `北京国际大数据交易所`).
	pub name: BoundedVec<u8, MaxNameLen>,
	/// Prefix of the registry's human registration numbers, unique on the chain.
	pub number_prefix: NumberPrefix,
	/// The registry's rule parameters.
	pub rules: RegistryRules,
	/// Administrator account; funds the verification allowance of the
	/// registry's subjects.
	pub admin: AccountId,
	/// Arc under `{root}.1` and `{root}.2` (equal to the registry id).
	pub oid_arc: u32,
	/// Active or suspended.
	pub status: RegistryStatus,
}

/// Which rule parameter is out of range (mirror of [`RulesError`] usable in
/// dispatch errors).
#[derive(
	Encode, Decode, DecodeWithMemTracking, PalletError, TypeInfo, Clone, Copy, PartialEq, Eq, Debug,
)]
pub enum RuleViolation {
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
	/// `renewal_window_days` is 0 or not below `validity_days`.
	RenewalWindow,
}

impl From<RulesError> for RuleViolation {
	fn from(e: RulesError) -> Self {
		match e {
			RulesError::Acceptance => Self::Acceptance,
			RulesError::Correction => Self::Correction,
			RulesError::Notice => Self::Notice,
			RulesError::Response => Self::Response,
			RulesError::Arbitration => Self::Arbitration,
			RulesError::Validity => Self::Validity,
			RulesError::RenewalWindow => Self::RenewalWindow,
		}
	}
}

/// A registry created at genesis (development and local chain specs create
/// `GZ`, `BJ`, `ZZ`, `SZ` this way).
#[derive(frame_support::Serialize, frame_support::Deserialize, Clone, PartialEq, Eq, Debug)]
#[serde(
	crate = "frame_support::__private::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: frame_support::Serialize",
		deserialize = "AccountId: frame_support::Deserialize<'de>"
	)
)]
pub struct GenesisRegistry<AccountId> {
	/// Registry code (e.g. `"BJ"`).
	pub code: String,
	/// Full name (UTF-8).
	pub name: String,
	/// Registration number prefix (e.g. `"BJSZD"`).
	pub number_prefix: String,
	/// Rule parameters (missing fields take their defaults).
	#[serde(default)]
	pub rules: RegistryRules,
	/// Administrator; becomes the first operator.
	pub admin: AccountId,
	/// Further operators.
	#[serde(default)]
	pub operators: Vec<AccountId>,
}
