//! Types of the registration pallet: the application as submitted, its state and its record.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use doid_primitives::{
	AssetInfo, CertificateId, Date, Digest, ElementKind, Inputs, MaterialKind, Materials,
	PriorRegistrations, RegistryId, SubjectId, MAX_SERVICES,
};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// Longest name of a declared data-service component, in bytes of UTF-8.
pub const MAX_SERVICE_NAME_LEN: u32 = 128;

/// Name of a declared data-service component (1..=128 bytes of UTF-8, no control characters).
pub type ServiceName = BoundedVec<u8, ConstU32<MAX_SERVICE_NAME_LEN>>;

/// A data-service component of a data product. Services are not registered, so only their name
/// and the digest of their description are declared.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct DataService {
	/// Name of the service (1..=128 bytes, validated like an element name).
	pub name: ServiceName,
	/// Digest of the service description (not all zeros).
	pub description_digest: Digest,
}

/// The declared data-service components of a data product (at most [`MAX_SERVICES`]).
pub type Services = BoundedVec<DataService, ConstU32<MAX_SERVICES>>;

/// Digests of the declared data services, as carried by events.
pub type ServiceDigests = BoundedVec<Digest, ConstU32<MAX_SERVICES>>;

/// What the applicant declares about the data (DOMAIN §9). Declared core data (核心数据) is
/// refused; the other flags are recorded (they make the ordinary procedure mandatory, which is
/// the only procedure this pallet implements).
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
	Default,
	Debug,
)]
pub struct Declarations {
	/// The data contains personal information (个人信息).
	pub personal_information: bool,
	/// The data contains important data (重要数据).
	pub important_data: bool,
	/// The data contains public data (公共数据).
	pub public_data: bool,
	/// The data is transferred across the border (跨境).
	pub cross_border: bool,
	/// The data contains core data (核心数据): such applications are refused.
	pub core_data: bool,
}

/// A registration application as submitted (and amended) by the applicant.
///
/// Bounds (a longer value does not decode): name 128 bytes, format and scale 64 bytes, scenario,
/// source, structure and processing rules 512 bytes each ([`AssetInfo`]); at most 8 inputs,
/// 4 data services (name 128 bytes), 16 materials, 4 prior registrations.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Application {
	/// Kind of data element.
	pub kind: ElementKind,
	/// The descriptive fields, validated by [`AssetInfo::validate`].
	pub info: AssetInfo,
	/// Digest of the element's content (or of its description); not all zeros.
	pub content_digest: Digest,
	/// Input certificates (lineage): each in force, held by or licensed to the applicant.
	pub inputs: Inputs,
	/// Declared data-service components (data products only).
	pub services: Services,
	/// Digests of the off-chain materials, with their kind; none all zeros.
	pub materials: Materials,
	/// Registrations of the same element at other registries (must be disclosed).
	pub prior_registrations: PriorRegistrations,
	/// Data declarations.
	pub declarations: Declarations,
}

/// State of an application (DOMAIN §3.1).
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
pub enum ApplicationStatus {
	/// Submitted, waiting for acceptance (待受理).
	Submitted,
	/// Accepted, formal review by the registry (初审中).
	FormalReview,
	/// The registry asked for a correction (补正).
	CorrectionRequested,
	/// Substantive review by a third-party agency (复审中).
	SubstantiveReview,
	/// On public notice (公示中).
	InNotice,
	/// An objection was accepted; the notice clock is paused (争议中).
	Disputed,
	/// The certificate was issued (凭证已发行).
	Issued(CertificateId),
	/// The substantive review failed or an objection was upheld (审核不通过).
	Rejected,
	/// The registry refused the application, or issuance failed (审核不通过).
	Refused,
	/// The correction deadline passed (逾期未补正).
	Lapsed,
	/// The applicant withdrew the application (已撤回).
	Withdrawn,
}

impl ApplicationStatus {
	/// The Chinese status name shown to users.
	pub const fn name_zh(self) -> &'static str {
		match self {
			Self::Submitted => "待受理",
			Self::FormalReview => "初审中",
			Self::CorrectionRequested => "补正",
			Self::SubstantiveReview => "复审中",
			Self::InNotice => "公示中",
			Self::Disputed => "争议中",
			Self::Issued(_) => "凭证已发行",
			Self::Rejected | Self::Refused => "审核不通过",
			Self::Lapsed => "逾期未补正",
			Self::Withdrawn => "已撤回",
		}
	}

	/// Whether the state is final (issued, rejected, refused, lapsed, withdrawn).
	pub const fn is_final(self) -> bool {
		matches!(
			self,
			Self::Issued(_) | Self::Rejected | Self::Refused | Self::Lapsed | Self::Withdrawn
		)
	}
}

/// An application as stored, with its state and dates.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ApplicationRecord {
	/// The registry applied to.
	pub registry: RegistryId,
	/// The applicant subject (the future holder).
	pub applicant: SubjectId,
	/// The application as last submitted or amended.
	pub application: Application,
	/// Current state.
	pub status: ApplicationStatus,
	/// Date of the (last) submission or amendment.
	pub submitted_on: Date,
	/// Last day for acceptance: `submitted_on` + `acceptance_wd` working days.
	pub acceptance_due: Date,
	/// Last day to correct the application, while a correction is requested.
	pub correction_last_day: Option<Date>,
	/// The appointed substantive reviewer (a service agency).
	pub reviewer: Option<SubjectId>,
	/// First day of the notice (the day the review passed; not counted).
	pub notice_start: Option<Date>,
	/// Last day of the notice (the certificate is issued the day after). Updated on resume.
	pub notice_last_day: Option<Date>,
	/// Days of notice left when the notice was paused by a dispute (working or calendar days
	/// according to the registry's rules).
	pub notice_remaining: Option<u32>,
	/// An existing certificate of the applicant with the same content, disclosed as a prior
	/// registration (mutual recognition, 互认).
	pub recognised: Option<CertificateId>,
	/// Digest of the last correction request or refusal reasons.
	pub reason_digest: Option<Digest>,
	/// Digest of the substantive review report.
	pub report_digest: Option<Digest>,
}

/// The role a digest plays in an application (value of the digest index).
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
pub enum DigestUse {
	/// The element's content digest.
	Content,
	/// A material of this kind.
	Material(MaterialKind),
	/// The description of a declared data service.
	ServiceDescription,
	/// The substantive review report.
	ReviewReport,
	/// The reasons of a correction request.
	CorrectionReason,
	/// The reasons of a refusal.
	RefusalReason,
	/// The decision that upheld an objection.
	Decision,
}
