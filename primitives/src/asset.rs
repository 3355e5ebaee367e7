//! Registered data elements (数据要素) and the traits between the
//! registration, certificates and objections pallets.
//!
//! * [`ElementKind`], [`AssetInfo`] (the descriptive fields of DOMAIN §2, each
//!   bounded and validated by [`AssetInfo::validate`]), [`Rights`],
//!   [`Acquisition`], [`UpdateFrequency`], [`Material`], [`PriorRegistration`].
//! * [`CertificateStatus`] (DOMAIN §3.2) with its Chinese names.
//! * [`Issuance`]: what registration hands to the certificates pallet at the
//!   end of a notice period.
//! * [`CertificatesInspect`], [`CertificateIssuer`], [`CertificateDisputes`],
//!   [`ApplicationDisputes`]: the cross-pallet traits.

use crate::{
	digest::Digest,
	registration_number::RegistrationNumber,
	registry::{RegistryId, SubjectId},
	text::{is_valid_name, is_valid_required_text, is_valid_text},
	Date,
};
use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Identifier of a registration application (sequential, from 1).
pub type ApplicationId = u64;
/// Identifier of a certificate (sequential, from 1; its DOID is separate).
pub type CertificateId = u64;

/// Longest element name, in bytes of UTF-8.
pub const MAX_ELEMENT_NAME_LEN: u32 = 128;
/// Longest short text field (format, scale), in bytes.
pub const MAX_SHORT_TEXT_LEN: u32 = 64;
/// Longest descriptive text field (scenario, source, structure, processing rules), in bytes.
pub const MAX_TEXT_LEN: u32 = 512;
/// Most input certificates (lineage) an application may cite.
pub const MAX_INPUTS: u32 = 8;
/// Most declared data-service components of a data product.
pub const MAX_SERVICES: u32 = 4;
/// Most material digests of an application.
pub const MAX_MATERIALS: u32 = 16;
/// Most disclosed prior registrations at other registries.
pub const MAX_PRIOR_REGISTRATIONS: u32 = 4;
/// Deepest lineage: a certificate without inputs has depth 0, a certificate
/// citing inputs has depth 1 + the deepest input's.
pub const MAX_LINEAGE_DEPTH: u8 = 10;
/// Most distinct ancestors (inputs, their inputs, ...) of one certificate;
/// verification reads at most this many records.
pub const MAX_ANCESTORS: u32 = 64;

/// An element name (1..=128 bytes of UTF-8, no control characters).
pub type ElementName = BoundedVec<u8, ConstU32<MAX_ELEMENT_NAME_LEN>>;
/// A short text field (≤ 64 bytes).
pub type ShortText = BoundedVec<u8, ConstU32<MAX_SHORT_TEXT_LEN>>;
/// A descriptive text field (≤ 512 bytes; line feeds and tabs allowed).
pub type LongText = BoundedVec<u8, ConstU32<MAX_TEXT_LEN>>;
/// Input certificates of an application or certificate.
pub type Inputs = BoundedVec<CertificateId, ConstU32<MAX_INPUTS>>;
/// Material digests of an application or certificate.
pub type Materials = BoundedVec<Material, ConstU32<MAX_MATERIALS>>;
/// Disclosed prior registrations.
pub type PriorRegistrations = BoundedVec<PriorRegistration, ConstU32<MAX_PRIOR_REGISTRATIONS>>;

macro_rules! codec_enum {
	($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $variant:ident,)* }) => {
		$(#[$m])*
		#[derive(
			Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
			Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug,
		)]
		#[derive(serde::Serialize, serde::Deserialize)]
		pub enum $name { $($(#[$vm])* $variant,)* }
	};
}

codec_enum! {
	/// Kind of data element (数据要素类型). Its certificate arc is [`ElementKind::arc`].
	pub enum ElementKind {
		/// Data resource (数据资源), arc 1.
		DataResource,
		/// Compute resource (算力资源), arc 2.
		ComputeResource,
		/// Algorithm model (算法模型), arc 3.
		AlgorithmModel,
		/// Data product (数据产品), arc 4.
		DataProduct,
	}
}

impl ElementKind {
	/// The arc of this kind in a DOID `{root}.2.{registry}.{kind}.{serial}`.
	pub const fn arc(self) -> u8 {
		self as u8 + 1
	}

	/// The Chinese name shown to users.
	pub const fn name_zh(self) -> &'static str {
		match self {
			Self::DataResource => "数据资源",
			Self::ComputeResource => "算力资源",
			Self::AlgorithmModel => "算法模型",
			Self::DataProduct => "数据产品",
		}
	}
}

codec_enum! {
	/// How often the element's content is updated (更新频率).
	pub enum UpdateFrequency {
		/// Never updated (static).
		Static,
		/// Real time / streaming.
		RealTime,
		/// Daily.
		Daily,
		/// Weekly.
		Weekly,
		/// Monthly.
		Monthly,
		/// Quarterly.
		Quarterly,
		/// Yearly.
		Yearly,
		/// Irregularly.
		Irregular,
	}
}

codec_enum! {
	/// How the holder acquired the element (取得方式).
	pub enum Acquisition {
		/// Original collection (原始取得 / 自行采集).
		OriginalCollection,
		/// Self-developed (自主研发).
		SelfDeveloped,
		/// Purchase (购买 / 交易).
		Purchase,
		/// Authorisation by the source (授权).
		Authorisation,
		/// Transfer from a previous holder (转让).
		Transfer,
		/// Other lawful means.
		Other,
	}
}

codec_enum! {
	/// Kind of an off-chain document whose digest is registered (材料).
	pub enum MaterialKind {
		/// Proof that the data source is legitimate (来源合法性证明).
		SourceProof,
		/// Sample data (样例数据, ≤ 5 rows in the Beijing rules).
		Sample,
		/// Commitment letter (承诺书).
		CommitmentLetter,
		/// Existing notarisation or evidence record (存证公证情况).
		Notarisation,
		/// Review or assessment report (审查报告 / 评估报告).
		ReviewReport,
		/// Quality or compliance assessment (质量 / 合规评估).
		ComplianceReport,
		/// Description of a declared data-service component of a data product.
		ServiceDescription,
		/// Any other document.
		Other,
	}
}

/// The rights registered (登记的权利), as a bit set; at least one is required.
///
/// SCALE-encoded as a `u8`; decoding refuses unknown bits.
#[derive(
	Encode,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Hash,
	Default,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rights(u8);

impl Rights {
	/// Data-resource holding right (数据资源持有权).
	pub const HOLDING: Rights = Rights(1);
	/// Data processing-and-use right (数据加工使用权).
	pub const PROCESSING_USE: Rights = Rights(2);
	/// Data product operation right (数据产品经营权).
	pub const OPERATION: Rights = Rights(4);
	/// Every bit that names a right.
	pub const MASK: u8 = 7;

	/// The set with these bits, or `None` if a bit names no right.
	pub const fn from_bits(bits: u8) -> Option<Rights> {
		if bits & !Self::MASK == 0 {
			Some(Rights(bits))
		} else {
			None
		}
	}
	/// The raw bits.
	pub const fn bits(self) -> u8 {
		self.0
	}
	/// Whether no right is set.
	pub const fn is_empty(self) -> bool {
		self.0 == 0
	}
	/// Whether every right of `other` is in the set.
	pub const fn contains(self, other: Rights) -> bool {
		self.0 & other.0 == other.0
	}
	/// The union of both sets.
	pub const fn union(self, other: Rights) -> Rights {
		Rights(self.0 | other.0)
	}
}

impl TryFrom<u8> for Rights {
	type Error = &'static str;
	fn try_from(bits: u8) -> Result<Self, Self::Error> {
		Rights::from_bits(bits).ok_or("unknown right bit")
	}
}

impl From<Rights> for u8 {
	fn from(r: Rights) -> u8 {
		r.0
	}
}

impl Decode for Rights {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		Rights::from_bits(u8::decode(input)?).ok_or_else(|| "unknown right bit".into())
	}
}

impl DecodeWithMemTracking for Rights {}

/// A document digest with its kind.
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
pub struct Material {
	/// What the document is.
	pub kind: MaterialKind,
	/// Its digest.
	pub digest: Digest,
}

/// A registration of the same element at another registry, which the
/// applicant must disclose (mutual recognition, 互认).
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
pub struct PriorRegistration {
	/// The other registry.
	pub registry: RegistryId,
	/// Its registration number there (check character verified on decoding).
	pub number: RegistrationNumber,
}

/// Which field of an [`AssetInfo`] is invalid.
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
pub enum AssetInfoError {
	/// The name is empty, not UTF-8 or contains control characters.
	Name,
	/// The industry is not a GB/T 4754-2017 section letter `A`..=`T`.
	Industry,
	/// The application scenario is empty or not valid text.
	Scenario,
	/// The data source description is empty or not valid text.
	Source,
	/// The format is not valid text.
	Format,
	/// The structure description is not valid text.
	Structure,
	/// The scale is not valid text.
	Scale,
	/// The processing rules are not valid text.
	ProcessingRules,
	/// No right is registered.
	NoRights,
}

/// The descriptive fields of a data element (DOMAIN §2), shared by
/// applications and certificates. Validated by [`AssetInfo::validate`].
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct AssetInfo {
	/// Name (名称), 1..=128 bytes.
	pub name: ElementName,
	/// Industry (行业): GB/T 4754-2017 section letter, `b'A'..=b'T'`.
	pub industry: u8,
	/// Application scenario (应用场景), required, ≤ 512 bytes.
	pub scenario: LongText,
	/// Data source description (数据来源), required, ≤ 512 bytes.
	pub source: LongText,
	/// Format (数据格式), e.g. `CSV`, ≤ 64 bytes.
	pub format: ShortText,
	/// Structure (数据结构), ≤ 512 bytes.
	pub structure: LongText,
	/// Scale (数据规模), e.g. `1.2 TB`, ≤ 64 bytes.
	pub scale: ShortText,
	/// Update frequency (更新频率).
	pub update_frequency: UpdateFrequency,
	/// Algorithm / processing rules (算法或处理规则), ≤ 512 bytes.
	pub processing_rules: LongText,
	/// A data resource that may be used to train models (可训练).
	pub trainable: bool,
	/// Rights registered.
	pub rights: Rights,
	/// How they were acquired.
	pub acquisition: Acquisition,
}

impl AssetInfo {
	/// Valid descriptive fields with every text field at its longest (ASCII). For benchmarks,
	/// mocks and sample data only.
	pub fn longest_sample(trainable: bool) -> AssetInfo {
		let long = |c: u8| BoundedVec::truncate_from([c; MAX_TEXT_LEN as usize].to_vec());
		let short = |c: u8| BoundedVec::truncate_from([c; MAX_SHORT_TEXT_LEN as usize].to_vec());
		AssetInfo {
			name: BoundedVec::truncate_from([b'N'; MAX_ELEMENT_NAME_LEN as usize].to_vec()),
			industry: b'I',
			scenario: long(b's'),
			source: long(b'o'),
			format: short(b'f'),
			structure: long(b't'),
			scale: short(b'c'),
			update_frequency: UpdateFrequency::Daily,
			processing_rules: long(b'p'),
			trainable,
			rights: Rights::HOLDING.union(Rights::PROCESSING_USE),
			acquisition: Acquisition::OriginalCollection,
		}
	}

	/// Checks every field, in declaration order; the first invalid one is returned.
	pub fn validate(&self) -> Result<(), AssetInfoError> {
		let checks = [
			(is_valid_name(&self.name), AssetInfoError::Name),
			((b'A'..=b'T').contains(&self.industry), AssetInfoError::Industry),
			(is_valid_required_text(&self.scenario), AssetInfoError::Scenario),
			(is_valid_required_text(&self.source), AssetInfoError::Source),
			(is_valid_name(&self.format) || self.format.is_empty(), AssetInfoError::Format),
			(is_valid_text(&self.structure), AssetInfoError::Structure),
			(is_valid_name(&self.scale) || self.scale.is_empty(), AssetInfoError::Scale),
			(is_valid_text(&self.processing_rules), AssetInfoError::ProcessingRules),
			(!self.rights.is_empty(), AssetInfoError::NoRights),
		];
		match checks.into_iter().find(|(ok, _)| !ok) {
			Some((_, err)) => Err(err),
			None => Ok(()),
		}
	}
}

codec_enum! {
	/// State of a certificate (DOMAIN §3.2).
	pub enum CertificateStatus {
		/// 已发行 (shown as 临期 ExpiringSoon inside the renewal window).
		Active,
		/// 争议中: an objection against it was accepted.
		Disputed,
		/// 续证中: renewal requested.
		Renewing,
		/// 变更主体中: transfer to a new holder requested.
		TransferPending,
		/// 信息变更中: change of information requested.
		ChangePending,
		/// 注销中: voluntary cancellation requested.
		CancellationPending,
		/// 司法冻结: frozen by a court.
		Frozen,
		/// 已撤销: revoked by the registry or a court.
		Revoked,
		/// 过期: validity ended without renewal.
		Expired,
		/// 已注销: cancelled by its holder.
		Cancelled,
		/// 已失效: made invalid (e.g. by registry rules).
		Invalid,
	}
}

impl CertificateStatus {
	/// The Chinese status name shown to users.
	pub const fn name_zh(self) -> &'static str {
		match self {
			Self::Active => "已发行",
			Self::Disputed => "争议中",
			Self::Renewing => "续证中",
			Self::TransferPending => "变更主体中",
			Self::ChangePending => "信息变更中",
			Self::CancellationPending => "注销中",
			Self::Frozen => "司法冻结",
			Self::Revoked => "已撤销",
			Self::Expired => "过期",
			Self::Cancelled => "已注销",
			Self::Invalid => "已失效",
		}
	}

	/// Whether the certificate is still in force (not revoked, expired,
	/// cancelled or invalid): it may be verified and cited as an input.
	pub const fn is_in_force(self) -> bool {
		!self.is_final()
	}

	/// Whether the state is final (revoked, expired, cancelled, invalid).
	pub const fn is_final(self) -> bool {
		matches!(self, Self::Revoked | Self::Expired | Self::Cancelled | Self::Invalid)
	}
}

/// What the registration pallet hands to the certificates pallet when a
/// notice period ends without an open objection.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Issuance {
	/// The application that led to the certificate.
	pub application: ApplicationId,
	/// The issuing registry.
	pub registry: RegistryId,
	/// The holder (the applicant subject).
	pub holder: SubjectId,
	/// Element kind.
	pub kind: ElementKind,
	/// Digest of the element's content (or its description).
	pub content_digest: Digest,
	/// Descriptive fields.
	pub info: AssetInfo,
	/// Input certificates (lineage).
	pub inputs: Inputs,
	/// Material digests.
	pub materials: Materials,
	/// Disclosed prior registrations at other registries.
	pub prior_registrations: PriorRegistrations,
}

/// What other pallets may read of a certificate.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct CertificateView {
	/// The issuing registry.
	pub registry: RegistryId,
	/// The current holder.
	pub holder: SubjectId,
	/// Element kind.
	pub kind: ElementKind,
	/// Whether it is a trainable data resource.
	pub trainable: bool,
	/// The status as of today (an overdue expiry reads as `Expired`).
	pub status: CertificateStatus,
	/// Last day of validity.
	pub expires_on: Date,
	/// Lineage depth (0 without inputs).
	pub lineage_depth: u8,
}

/// Why a set of inputs cannot be cited.
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
pub enum LineageError {
	/// An input certificate does not exist.
	UnknownInput,
	/// An input is listed twice.
	DuplicateInput,
	/// The lineage would be deeper than [`MAX_LINEAGE_DEPTH`].
	TooDeep,
	/// The lineage would have more than [`MAX_ANCESTORS`] distinct certificates.
	TooManyAncestors,
}

/// Read-only view of the certificates, implemented by the certificates pallet.
pub trait CertificatesInspect {
	/// The certificate's view as of today.
	fn view(id: CertificateId) -> Option<CertificateView>;
	/// Whether `subject` may cite the certificate as an input: it is the holder
	/// or holds a licence that is in force today.
	fn may_cite(id: CertificateId, subject: SubjectId) -> bool;
	/// The certificate whose content digest is `digest` and that is in force.
	fn certificate_by_content(digest: &Digest) -> Option<CertificateId>;
	/// The certificate with this registration number.
	fn certificate_by_number(number: &RegistrationNumber) -> Option<CertificateId>;
	/// Checks that a certificate citing `inputs` stays within the lineage bounds.
	fn check_lineage(inputs: &[CertificateId]) -> Result<(), LineageError>;
}

/// Why a certificate could not be issued. Nothing is written on error.
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
pub enum IssueError {
	/// The registry does not exist or has no numbering.
	UnknownRegistry,
	/// The lineage is out of bounds (see [`LineageError`]).
	Lineage(LineageError),
	/// A serial number or the expiry date is out of range.
	Overflow,
	/// A per-holder or per-digest index is full.
	IndexFull,
	/// The expiry timer could not be scheduled.
	Timer,
}

/// Issues certificates; implemented by the certificates pallet and called by
/// the registration pallet.
pub trait CertificateIssuer {
	/// Issues a certificate for `issuance`, dated today; returns its id.
	fn issue(issuance: Issuance) -> Result<CertificateId, IssueError>;
}

/// Why a dispute hook refused. Nothing is written on error.
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
pub enum DisputeError {
	/// No such application or certificate.
	Unknown,
	/// Its state does not allow the step (e.g. not in notice, not disputed).
	WrongState,
	/// The paused or resumed timer could not be changed.
	Timer,
}

/// Who is concerned by a dispute about an application or certificate.
#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct DisputeParties {
	/// The registry that handles the dispute.
	pub registry: RegistryId,
	/// The respondent: the applicant or holder.
	pub respondent: SubjectId,
}

/// Hooks by which the objections pallet disputes a certificate
/// (implemented by the certificates pallet).
pub trait CertificateDisputes {
	/// The registry and holder of an in-force certificate that may be objected to.
	fn parties(id: CertificateId) -> Option<DisputeParties>;
	/// An objection was accepted: the certificate becomes `Disputed` (it must
	/// be `Active`).
	fn open_dispute(id: CertificateId) -> Result<(), DisputeError>;
	/// The objection was dismissed or withdrawn: back to `Active`.
	fn restore(id: CertificateId) -> Result<(), DisputeError>;
	/// The objection was upheld (or a court ruled): the certificate is
	/// `Revoked`, with the digest of the decision.
	fn revoke_upheld(id: CertificateId, decision: Digest) -> Result<(), DisputeError>;
}

/// Hooks by which the objections pallet disputes an application in notice
/// (implemented by the registration pallet).
pub trait ApplicationDisputes {
	/// The registry and applicant of an application that is in notice or disputed.
	fn parties(id: ApplicationId) -> Option<DisputeParties>;
	/// An objection was accepted: the application becomes `Disputed` and its
	/// notice clock pauses with the remaining working days stored.
	fn open_dispute(id: ApplicationId) -> Result<(), DisputeError>;
	/// The objection was dismissed or withdrawn: back to `InNotice` for the
	/// remaining days, counted from today.
	fn resume(id: ApplicationId) -> Result<(), DisputeError>;
	/// The objection was upheld: the application is `Rejected`.
	fn reject_upheld(id: ApplicationId, decision: Digest) -> Result<(), DisputeError>;
}

/// Creates certificates directly in benchmarks and tests of pallets that
/// need existing certificates (registration, objections). Implemented by
/// the certificates pallet; never used by dispatchable code.
pub trait CertificatesBenchmarkHelper {
	/// Issues a certificate of `kind` held by `holder` at `registry` citing
	/// `inputs`, with a content digest derived from `seed`.
	fn create_certificate(
		registry: RegistryId,
		holder: SubjectId,
		kind: ElementKind,
		trainable: bool,
		inputs: &[CertificateId],
		seed: u32,
	) -> CertificateId;
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::DigestAlgorithm;

	#[test]
	fn longest_sample_is_valid() {
		assert_eq!(AssetInfo::longest_sample(true).validate(), Ok(()));
		assert_eq!(AssetInfo::longest_sample(false).name.len(), MAX_ELEMENT_NAME_LEN as usize);
	}

	pub(crate) fn info() -> AssetInfo {
		AssetInfo {
			name: b"Traffic flow 2025".to_vec().try_into().unwrap(),
			industry: b'G',
			scenario: "城市交通规划".as_bytes().to_vec().try_into().unwrap(),
			source: b"road sensors".to_vec().try_into().unwrap(),
			format: b"CSV".to_vec().try_into().unwrap(),
			structure: b"time,road,count\n".to_vec().try_into().unwrap(),
			scale: b"1.2 TB".to_vec().try_into().unwrap(),
			update_frequency: UpdateFrequency::Daily,
			processing_rules: BoundedVec::default(),
			trainable: true,
			rights: Rights::HOLDING.union(Rights::PROCESSING_USE),
			acquisition: Acquisition::OriginalCollection,
		}
	}

	#[test]
	fn kinds_and_arcs() {
		assert_eq!(ElementKind::DataResource.arc(), 1);
		assert_eq!(ElementKind::DataProduct.arc(), 4);
		assert_eq!(ElementKind::AlgorithmModel.name_zh(), "算法模型");
	}

	#[test]
	fn rights_bits() {
		let r = Rights::HOLDING.union(Rights::OPERATION);
		assert!(r.contains(Rights::HOLDING));
		assert!(!r.contains(Rights::PROCESSING_USE));
		assert_eq!(Rights::decode(&mut &[5u8][..]), Ok(r));
		assert!(Rights::decode(&mut &[8u8][..]).is_err());
		assert!(Rights::default().is_empty());
	}

	#[test]
	fn asset_info_validation_names_the_field() {
		assert_eq!(info().validate(), Ok(()));
		let cases: [(fn(&mut AssetInfo), AssetInfoError); 9] = [
			(|i| i.name = b" ".to_vec().try_into().unwrap(), AssetInfoError::Name),
			(|i| i.industry = b'U', AssetInfoError::Industry),
			(|i| i.scenario = BoundedVec::default(), AssetInfoError::Scenario),
			(|i| i.source = vec![0xff].try_into().unwrap(), AssetInfoError::Source),
			(|i| i.format = b"a\nb".to_vec().try_into().unwrap(), AssetInfoError::Format),
			(|i| i.structure = b"\x00".to_vec().try_into().unwrap(), AssetInfoError::Structure),
			(|i| i.scale = b"\x1b".to_vec().try_into().unwrap(), AssetInfoError::Scale),
			(
				|i| i.processing_rules = b"\r".to_vec().try_into().unwrap(),
				AssetInfoError::ProcessingRules,
			),
			(|i| i.rights = Rights::default(), AssetInfoError::NoRights),
		];
		for (mutate, err) in cases {
			let mut i = info();
			mutate(&mut i);
			assert_eq!(i.validate(), Err(err));
		}
	}

	#[test]
	fn oversized_fields_do_not_decode() {
		let mut enc = info().encode();
		// Replace the name by a 129-byte one.
		let name_len = info().name.encoded_size();
		let long: alloc::vec::Vec<u8> = [b'x'; 129].to_vec();
		let mut bad = long.encode();
		bad.extend_from_slice(&enc[name_len..]);
		assert!(AssetInfo::decode(&mut &bad[..]).is_err());
		assert!(AssetInfo::decode(&mut &enc[..]).is_ok());
		enc.truncate(3);
		assert!(AssetInfo::decode(&mut &enc[..]).is_err());
	}

	#[test]
	fn certificate_states() {
		assert!(CertificateStatus::Frozen.is_in_force());
		assert!(CertificateStatus::Disputed.is_in_force());
		for s in [
			CertificateStatus::Revoked,
			CertificateStatus::Expired,
			CertificateStatus::Cancelled,
			CertificateStatus::Invalid,
		] {
			assert!(s.is_final() && !s.is_in_force());
		}
		assert_eq!(CertificateStatus::TransferPending.name_zh(), "变更主体中");
	}

	#[test]
	fn issuance_is_bounded() {
		let issuance = Issuance {
			application: 1,
			registry: 1,
			holder: 1,
			kind: ElementKind::DataResource,
			content_digest: Digest { algorithm: DigestAlgorithm::Sm3, value: [1; 32] },
			info: info(),
			inputs: BoundedVec::default(),
			materials: BoundedVec::default(),
			prior_registrations: BoundedVec::default(),
		};
		assert!(issuance.encoded_size() <= Issuance::max_encoded_len());
		assert!(Issuance::max_encoded_len() < 4096);
	}
}
