//! Configuration of every pallet of the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, EitherOfDiverse, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, IdentityFee, Weight},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	weights::{BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight},
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Council, Hash, Nonce, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, SessionKeys, System, ValidatorSet, DAYS, EXISTENTIAL_DEPOSIT, HOURS, MINUTES,
	SLOT_DURATION, VERSION,
};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Compute time of a block: a third of the 6 s slot.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// 2 s of compute per 6 s block, three quarters of it for normal transactions; block and
	/// extrinsic base costs as measured on the reference machine (`crate::weights`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// 5 MiB blocks, three quarters of it for normal transactions.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// Storage read and write costs measured on the reference machine.
	type DbWeight = RocksDbWeight;
	/// The transaction extensions' weights, counted with [`RocksDbWeight`].
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

/// The council of registry operators.
pub type CouncilCollective = pallet_collective::Instance1;

/// Governance: two thirds of the council, or root (only reachable through sudo on dev chains).
pub type GovernanceOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

parameter_types! {
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	pub const CouncilMaxProposals: u32 = 100;
	pub const CouncilMaxMembers: u32 = 32;
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A validator-set change ends the session at the next whole minute, so it takes effect
	/// within two minutes.
	pub const SessionChangeCheckPeriod: BlockNumber = MINUTES;
	/// Without a change a session lasts an hour: the block that rotates a session carries no
	/// transactions (pallet-session charges it the whole block), so sessions are not rotated
	/// for nothing. New keys of a sitting validator take effect within the hour after that.
	pub const MaxSessionLength: BlockNumber = HOURS;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ConstU128<0>;
}

impl pallet_validator_set::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type GovernanceOrigin = GovernanceOrigin;
	type MaxValidators = ConstU32<32>;
	type ChangeCheckPeriod = SessionChangeCheckPeriod;
	type MaxSessionLength = MaxSessionLength;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

/// Unix milliseconds at the start of the current block: Aura's current slot × slot duration
/// (known in `on_initialize`, unlike the timestamp inherent).
pub struct SlotStartMs;
impl frame_support::traits::Get<u64> for SlotStartMs {
	fn get() -> u64 {
		u64::from(pallet_aura::CurrentSlot::<Runtime>::get()).saturating_mul(SLOT_DURATION)
	}
}

parameter_types! {
	/// At most a tenth of a block goes to firing due timers; the rest carries over.
	pub TimerBudget: Weight = Perbill::from_percent(10) * RuntimeBlockWeights::get().max_block;
}

impl pallet_calendar::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type CalendarOrigin = GovernanceOrigin;
	type NowMs = SlotStartMs;
	type Handler = TimerRouter;
	type MaxDaysPerCall = ConstU32<400>;
	type MaxTimerWeightPerBlock = TimerBudget;
	type WeightInfo = pallet_calendar::weights::SubstrateWeight<Runtime>;
}

impl pallet_registries::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RegistryOrigin = GovernanceOrigin;
	type MaxOperators = ConstU32<32>;
	type MaxNameLen = ConstU32<128>;
	type WeightInfo = pallet_registries::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Paid by the registry's administrator to a newly verified subject's main account, so
	/// that it can pay transaction fees.
	pub const VerificationAllowance: Balance = 10 * super::UNIT;
}

impl pallet_subjects::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Registries = super::Registries;
	type Currency = Balances;
	type VerificationAllowance = VerificationAllowance;
	type Activity = (super::Certificates, super::Objections);
	type MaxAccountsPerSubject = ConstU32<8>;
	type MaxNameLen = ConstU32<128>;
	type WeightInfo = pallet_subjects::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::Registries;
}

/// Hands each fired calendar timer to the pallet that owns it.
pub struct TimerRouter;
impl doid_primitives::TimerHandler for TimerRouter {
	fn on_timer(timer: doid_primitives::TimerId, _due: doid_primitives::Date) -> (u64, u64) {
		use doid_primitives::TimerOwner;
		let used = match timer.owner {
			TimerOwner::Registration => super::Registration::on_timer(timer.id),
			TimerOwner::Certificates => super::Certificates::on_expiry_timer(timer.id),
			TimerOwner::Objections => super::Objections::on_timer(timer.id),
			// No other pallet schedules timers: nothing to do, and no weight.
			TimerOwner::Evidence | TimerOwner::Subjects => Weight::zero(),
		};
		(used.ref_time(), used.proof_size())
	}

	fn max_weight() -> (u64, u64) {
		let max = super::Registration::on_timer_max_weight()
			.max(super::Certificates::expiry_timer_weight())
			.max(super::Objections::on_timer_max_weight());
		(max.ref_time(), max.proof_size())
	}
}

impl pallet_certificates::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Registries = super::Registries;
	type Subjects = super::Subjects;
	type Calendar = super::Calendar;
	type MaxLicences = ConstU32<32>;
	type WeightInfo = pallet_certificates::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = (super::Registries, super::Subjects);
}

impl pallet_registration::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Registries = super::Registries;
	type Subjects = super::Subjects;
	type Calendar = super::Calendar;
	type Certificates = super::Certificates;
	type WeightInfo = pallet_registration::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkRegistries = super::Registries;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSubjects = super::Subjects;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkCertificates = super::Certificates;
}

impl pallet_objections::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registries = super::Registries;
	type Subjects = super::Subjects;
	type Calendar = super::Calendar;
	type Applications = super::Registration;
	type Certificates = super::Certificates;
	type MaxEvidence = ConstU32<16>;
	type MaxOpenPerTarget = ConstU32<16>;
	type WeightInfo = pallet_objections::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkRegistries = super::Registries;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSubjects = super::Subjects;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkTarget = ObjectionTargets;
}

impl pallet_evidence::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Subjects = super::Subjects;
	type Calendar = super::Calendar;
	type NowMs = SlotStartMs;
	type MaxCosigners = ConstU32<16>;
	type MaxAnnotations = ConstU32<8>;
	type WeightInfo = pallet_evidence::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkRegistries = super::Registries;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSubjects = super::Subjects;
}

/// Targets for the objection benchmarks: a real application in notice (registration pallet), a
/// real active certificate (certificates pallet), and the registry's bond rule.
#[cfg(feature = "runtime-benchmarks")]
pub struct ObjectionTargets;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_objections::BenchmarkTarget for ObjectionTargets {
	fn application_in_notice(
		registry: doid_primitives::RegistryId,
		applicant: doid_primitives::SubjectId,
	) -> doid_primitives::ApplicationId {
		let seed = pallet_registration::NextApplicationId::<Runtime>::get() as u32;
		super::Registration::benchmark_application_in_notice(registry, applicant, seed)
	}

	fn active_certificate(
		registry: doid_primitives::RegistryId,
		holder: doid_primitives::SubjectId,
	) -> doid_primitives::CertificateId {
		use doid_primitives::CertificatesBenchmarkHelper;
		let seed = pallet_certificates::NextCertificateId::<Runtime>::get() as u32;
		super::Certificates::create_certificate(
			registry,
			holder,
			doid_primitives::ElementKind::DataResource,
			false,
			&[],
			seed,
		)
	}

	fn set_objection_bond(registry: doid_primitives::RegistryId, bond: u128) {
		pallet_registries::Registries::<Runtime>::mutate(registry, |info| {
			if let Some(info) = info {
				info.rules.objection_bond = bond;
			}
		});
	}
}
