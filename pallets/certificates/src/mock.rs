//! Test runtime: System, Balances, Registries, Subjects, Calendar and Certificates, with a
//! settable clock and a timer handler that routes certificate timers to the pallet.

use crate as pallet_certificates;
use doid_primitives::{
	Acquisition, AssetInfo, CertificateId, Date, Digest, DigestAlgorithm, ElementKind, Inputs,
	Issuance, Material, MaterialKind, RegistryRules, Rights, Roles, SubjectId, SubjectRole,
	TimerHandler, TimerId, TimerOwner, UpdateFrequency,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
	weights::Weight,
	BoundedVec,
};
use frame_system::EnsureRoot;
use pallet_registries::GenesisRegistry;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Registries: pallet_registries,
		Subjects: pallet_subjects,
		Calendar: pallet_calendar,
		Certificates: pallet_certificates,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl pallet_registries::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RegistryOrigin = EnsureRoot<u64>;
	type MaxOperators = ConstU32<4>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = ();
}

parameter_types! {
	pub const Allowance: u64 = 0;
	/// The mock clock (`NowMs`).
	pub storage Now: u64 = FIRST_MS;
	/// Timer budget per block: plenty.
	pub const Budget: Weight = Weight::from_parts(1_000_000_000_000_000, 1_000_000_000);
}

impl pallet_subjects::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Registries = Registries;
	type Currency = Balances;
	type VerificationAllowance = Allowance;
	type Activity = Certificates;
	type MaxAccountsPerSubject = ConstU32<3>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Registries;
}

/// Routes certificate timers to [`pallet_certificates::Pallet::on_expiry_timer`], as the
/// runtime does.
pub struct TimerRouter;
impl TimerHandler for TimerRouter {
	fn on_timer(timer: TimerId, _due: Date) -> (u64, u64) {
		match timer.owner {
			TimerOwner::Certificates => {
				let w = Certificates::on_expiry_timer(timer.id);
				(w.ref_time(), w.proof_size())
			}
			_ => (0, 0),
		}
	}
	fn max_weight() -> (u64, u64) {
		let w = Certificates::expiry_timer_weight();
		(w.ref_time(), w.proof_size())
	}
}

impl pallet_calendar::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CalendarOrigin = EnsureRoot<u64>;
	type NowMs = Now;
	type Handler = TimerRouter;
	type MaxDaysPerCall = ConstU32<400>;
	type MaxTimerWeightPerBlock = Budget;
	type WeightInfo = ();
}

impl pallet_certificates::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Registries = Registries;
	type Subjects = Subjects;
	type Calendar = Calendar;
	type MaxLicences = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = (Registries, Subjects);
}

/// Unix time of the first block (2026-02-09T01:00Z).
pub const FIRST_MS: u64 = 1_770_598_800_000;
/// Shortened day of the mock: 10 minutes.
pub const DAY_MS: u64 = 600_000;
/// Block time.
pub const BLOCK_MS: u64 = 6_000;

/// Registry 1 (`GZ`, prefix `GZDEX`): validity 365 days, renewal window 30 days.
pub const GZ: u32 = 1;
/// Administrator (and operator) of `GZ`.
pub const GZ_ADMIN: u64 = 10;
/// Second operator of `GZ`.
pub const GZ_OPERATOR: u64 = 11;
/// Registry 2 (`SZ`, prefix `SZDEX`): default rules.
pub const SZ: u32 = 2;
/// Administrator (and operator) of `SZ`.
pub const SZ_ADMIN: u64 = 20;
/// Validity of `GZ` certificates.
pub const VALIDITY: u32 = 365;
/// Renewal window of `GZ`.
pub const WINDOW: u16 = 30;

/// Accounts and their subjects (created in [`new_test_ext`]).
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CAROL: u64 = 3;
pub const COURT: u64 = 4;
/// Registered but never verified.
pub const DAVE: u64 = 5;
/// No subject.
pub const EVE: u64 = 6;
/// A second account of Alice's subject.
pub const ALICE2: u64 = 7;
pub const ALICE_S: SubjectId = 1;
pub const BOB_S: SubjectId = 2;
pub const CAROL_S: SubjectId = 3;
pub const COURT_S: SubjectId = 4;
pub const DAVE_S: SubjectId = 5;

/// The first day of the mock chain.
pub fn start() -> Date {
	d(2026, 2, 9)
}

/// Date constructor.
pub fn d(y: u16, m: u8, day: u8) -> Date {
	Date::new(y, m, day).unwrap()
}

/// A valid USCC unique per `index`.
pub fn uscc(index: u32) -> Vec<u8> {
	doid_primitives::Uscc::synthetic(index).as_bytes().to_vec()
}

fn register(who: u64, registry: u32, index: u32) -> SubjectId {
	let id = pallet_subjects::NextSubjectId::<Test>::get();
	pallet_subjects::Pallet::<Test>::register_subject(
		RuntimeOrigin::signed(who),
		registry,
		pallet_subjects::IdentityInput::Organisation {
			uscc: BoundedVec::try_from(uscc(500 + index)).unwrap(),
			name: BoundedVec::try_from(b"Subject".to_vec()).unwrap(),
		},
		[1; 32],
	)
	.unwrap();
	id
}

fn verify(subject: SubjectId, roles: Roles) {
	pallet_subjects::Pallet::<Test>::verify_subject(
		RuntimeOrigin::signed(GZ_ADMIN),
		subject,
		roles,
	)
	.unwrap();
}

/// Genesis: registries `GZ` and `SZ`; the calendar starts on 2026-02-09 with 10-minute days;
/// subjects Alice, Bob, Carol (verified), Court (verified, court role), Dave (pending); block 1
/// has run.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_registries::GenesisConfig::<Test> {
		oid_root: "2.999".into(),
		registries: vec![
			GenesisRegistry {
				code: "GZ".into(),
				name: "贵阳大数据交易所".into(),
				number_prefix: "GZDEX".into(),
				rules: RegistryRules {
					validity_days: VALIDITY,
					renewal_window_days: WINDOW,
					..Default::default()
				},
				admin: GZ_ADMIN,
				operators: vec![GZ_OPERATOR],
			},
			GenesisRegistry {
				code: "SZ".into(),
				name: "深圳数据交易所".into(),
				number_prefix: "SZDEX".into(),
				rules: Default::default(),
				admin: SZ_ADMIN,
				operators: vec![],
			},
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_calendar::GenesisConfig::<Test> {
		day_length_ms: DAY_MS,
		start_date: Some(start()),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		Now::set(&FIRST_MS);
		System::set_block_number(1);
		Calendar::on_initialize(1);
		assert_eq!(register(ALICE, GZ, 1), ALICE_S);
		assert_eq!(register(BOB, GZ, 2), BOB_S);
		assert_eq!(register(CAROL, GZ, 3), CAROL_S);
		assert_eq!(register(COURT, GZ, 4), COURT_S);
		assert_eq!(register(DAVE, GZ, 5), DAVE_S);
		verify(ALICE_S, Roles::from_roles(&[SubjectRole::DataSupplier]));
		verify(BOB_S, Roles::from_roles(&[SubjectRole::DataBuyer]));
		verify(CAROL_S, Roles::from_roles(&[SubjectRole::DataMerchant]));
		verify(COURT_S, Roles::from_roles(&[SubjectRole::Court]));
		pallet_subjects::Pallet::<Test>::propose_account(RuntimeOrigin::signed(ALICE), ALICE2)
			.unwrap();
		pallet_subjects::Pallet::<Test>::accept_account_link(
			RuntimeOrigin::signed(ALICE2),
			ALICE_S,
		)
		.unwrap();
		System::reset_events();
	});
	ext
}

/// Run one block at the first moment of chain date `date` (mock day length); the calendar
/// fires the timers due by then.
pub fn run_block_on(date: Date) {
	let start = pallet_calendar::StartDate::<Test>::get().unwrap();
	let first = pallet_calendar::FirstBlockMs::<Test>::get().unwrap();
	let days = (date.to_day_number() - start.to_day_number()) as u64;
	let next = System::block_number() + 1;
	Now::set(&(first + days * DAY_MS + BLOCK_MS));
	System::set_block_number(next);
	Calendar::on_initialize(next);
}

/// Today's chain date.
pub fn today() -> Date {
	<Calendar as doid_primitives::WorkingDays>::today()
}

/// A digest tagged `tag`.
pub fn digest(tag: u8) -> Digest {
	Digest::new(DigestAlgorithm::Sha256, [tag; 32])
}

/// The digest of the source proof of the issuance with `seed`.
pub fn proof_digest(seed: u8) -> Digest {
	Digest::new(DigestAlgorithm::Blake3, [seed; 32])
}

/// The digest of the sample of the issuance with `seed`.
pub fn sample_digest(seed: u8) -> Digest {
	Digest::new(DigestAlgorithm::Sm3, [seed; 32])
}

/// Valid descriptive fields named `name`.
pub fn info(name: &str) -> AssetInfo {
	AssetInfo {
		name: BoundedVec::try_from(name.as_bytes().to_vec()).unwrap(),
		industry: b'G',
		scenario: BoundedVec::try_from("城市交通规划".as_bytes().to_vec()).unwrap(),
		source: BoundedVec::try_from(b"road sensors".to_vec()).unwrap(),
		format: BoundedVec::try_from(b"CSV".to_vec()).unwrap(),
		structure: BoundedVec::default(),
		scale: BoundedVec::try_from(b"1.2 TB".to_vec()).unwrap(),
		update_frequency: UpdateFrequency::Daily,
		processing_rules: BoundedVec::default(),
		trainable: true,
		rights: Rights::HOLDING.union(Rights::PROCESSING_USE),
		acquisition: Acquisition::OriginalCollection,
	}
}

/// An issuance at `registry` for `holder` citing `inputs`; content digest from `seed`.
pub fn issuance(
	registry: u32,
	holder: SubjectId,
	kind: ElementKind,
	inputs: &[CertificateId],
	seed: u8,
) -> Issuance {
	Issuance {
		application: u64::from(seed),
		registry,
		holder,
		kind,
		content_digest: digest(seed),
		info: info("Traffic flow"),
		inputs: Inputs::try_from(inputs.to_vec()).unwrap(),
		materials: BoundedVec::try_from(vec![
			Material { kind: MaterialKind::SourceProof, digest: proof_digest(seed) },
			Material { kind: MaterialKind::Sample, digest: sample_digest(seed) },
		])
		.unwrap(),
		prior_registrations: BoundedVec::default(),
	}
}
