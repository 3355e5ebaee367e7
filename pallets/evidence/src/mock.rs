//! Test runtime: System, Balances, the real Registries, Subjects and Calendar (weekends only, a
//! 10-minute day starting on Monday 2026-02-09) and Evidence.

use crate as pallet_evidence;
use doid_primitives::{Date, Digest, RegistryId, RegistryRules, Roles, SubjectId};
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
		Evidence: pallet_evidence,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	/// Real database weights, so the bounded removal of the old subject index is exercised.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
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
	/// The mock clock (`NowMs` of the calendar and of the evidence pallet).
	pub storage Now: u64 = FIRST_MS;
	/// Room for many timers per block.
	pub const TimerBudget: Weight = Weight::from_parts(u64::MAX / 4, u64::MAX / 4);
}

impl pallet_subjects::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Registries = Registries;
	type Currency = Balances;
	type VerificationAllowance = Allowance;
	type Activity = ();
	type MaxAccountsPerSubject = ConstU32<3>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Registries;
}

impl pallet_calendar::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CalendarOrigin = EnsureRoot<u64>;
	type NowMs = Now;
	type Handler = ();
	type MaxDaysPerCall = ConstU32<400>;
	type MaxTimerWeightPerBlock = TimerBudget;
	type WeightInfo = ();
}

impl pallet_evidence::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Subjects = Subjects;
	type Calendar = Calendar;
	type NowMs = Now;
	type MaxCosigners = ConstU32<3>;
	type MaxAnnotations = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkRegistries = Registries;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSubjects = Subjects;
}

/// Unix time of the first block (2026-02-09T01:00Z, a Monday).
pub const FIRST_MS: u64 = 1_770_598_800_000;
/// Shortened day of the mock: 10 minutes.
pub const DAY_MS: u64 = 600_000;
/// Registry 1 (`GZ`).
pub const GZ: RegistryId = 1;
/// Administrator of `GZ`.
pub const GZ_ADMIN: u64 = 10;

/// `YYYY-MM-DD` constructor.
pub fn d(y: u16, m: u8, day: u8) -> Date {
	Date::new(y, m, day).unwrap()
}

/// A digest tagged `tag`.
pub fn digest(tag: u8) -> Digest {
	Digest::synthetic(tag, u32::from(tag))
}

/// Genesis: registry `GZ`, a weekends-only calendar, day 1 = Monday 2026-02-09; block 1 has
/// run.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=40).map(|a| (a, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_registries::GenesisConfig::<Test> {
		oid_root: "2.999".into(),
		registries: vec![GenesisRegistry {
			code: "GZ".into(),
			name: "贵阳大数据交易所".into(),
			number_prefix: "GZDEX".into(),
			rules: RegistryRules::default(),
			admin: GZ_ADMIN,
			operators: vec![],
		}],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_calendar::GenesisConfig::<Test> {
		day_length_ms: DAY_MS,
		start_date: Some(d(2026, 2, 9)),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		Now::set(&FIRST_MS);
		System::set_block_number(1);
		Calendar::on_initialize(1);
	});
	ext
}

/// Run the next block `days` chain days later.
pub fn next_block_after_days(days: u64) {
	let next = System::block_number() + 1;
	Now::set(&(Now::get() + days * DAY_MS));
	System::reset_events();
	System::set_block_number(next);
	Calendar::on_initialize(next);
}

/// Register `account` as an organisation at `GZ` and verify it with `roles`; returns its id.
pub fn subject(account: u64, roles: Roles) -> SubjectId {
	let id = pending_subject(account);
	Subjects::verify_subject(RuntimeOrigin::signed(GZ_ADMIN), id, roles).unwrap();
	id
}

/// Register `account` at `GZ` without verifying it; returns its id.
pub fn pending_subject(account: u64) -> SubjectId {
	let id = pallet_subjects::NextSubjectId::<Test>::get();
	let uscc = doid_primitives::Uscc::synthetic(account as u32).as_bytes().to_vec();
	Subjects::register_subject(
		RuntimeOrigin::signed(account),
		GZ,
		pallet_subjects::IdentityInput::Organisation {
			uscc: BoundedVec::try_from(uscc).unwrap(),
			name: BoundedVec::try_from(b"Test subject".to_vec()).unwrap(),
		},
		[1; 32],
	)
	.unwrap();
	id
}
