//! Test runtime: System, Balances, Registries and Subjects.

use crate as pallet_subjects;
use core::cell::RefCell;
use doid_primitives::{RegistryRules, SubjectActivity, SubjectId};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
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

thread_local! {
	/// Subjects the mock activity reports as busy.
	static BUSY: RefCell<Vec<SubjectId>> = const { RefCell::new(Vec::new()) };
}

/// Mark `subject` as holding active certificates (or not).
pub fn set_busy(subject: SubjectId, busy: bool) {
	BUSY.with(|b| {
		let mut b = b.borrow_mut();
		b.retain(|s| *s != subject);
		if busy {
			b.push(subject);
		}
	});
}

/// Mock of the certificate / objection pallets.
pub struct MockActivity;
impl SubjectActivity for MockActivity {
	fn blocks_deregistration(subject: SubjectId) -> bool {
		BUSY.with(|b| b.borrow().contains(&subject))
	}
}

parameter_types! {
	pub const Allowance: u64 = 100;
}

impl pallet_subjects::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Registries = Registries;
	type Currency = Balances;
	type VerificationAllowance = Allowance;
	type Activity = MockActivity;
	type MaxAccountsPerSubject = ConstU32<3>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Registries;
}

/// Registry 1 (`GZ`): admin 10 (funded), operators 10 and 11.
pub const GZ: u32 = 1;
/// Administrator of `GZ`.
pub const GZ_ADMIN: u64 = 10;
/// Second operator of `GZ`.
pub const GZ_OPERATOR: u64 = 11;
/// Registry 2 (`SZ`): admin 20 (no funds), operator 20.
pub const SZ: u32 = 2;
/// Administrator and operator of `SZ`.
pub const SZ_ADMIN: u64 = 20;
/// Balance of the funded registry administrator.
pub const ADMIN_FUNDS: u64 = 1_000;

/// Genesis: root `2.999`; registries `GZ` (1) and `SZ` (2); only `GZ`'s admin has funds.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(GZ_ADMIN, ADMIN_FUNDS)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_registries::GenesisConfig::<Test> {
		oid_root: "2.999".into(),
		registries: vec![
			GenesisRegistry {
				code: "GZ".into(),
				name: "贵阳大数据交易所".into(),
				number_prefix: "GZDEX".into(),
				rules: RegistryRules { notice_wd: 30, ..Default::default() },
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
	BUSY.with(|b| b.borrow_mut().clear());
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
