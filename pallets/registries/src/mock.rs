//! Test runtime: System and the registries.

use crate as pallet_registries;
use crate::GenesisRegistry;
use doid_primitives::RegistryRules;
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Registries: pallet_registries,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_registries::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RegistryOrigin = EnsureRoot<u64>;
	type MaxOperators = ConstU32<4>;
	type MaxNameLen = ConstU32<32>;
	type WeightInfo = ();
}

/// Administrator of the genesis registry `GZ` (id 1).
pub const GZ_ADMIN: u64 = 10;
/// Second operator of `GZ`.
pub const GZ_OPERATOR: u64 = 11;

/// Genesis: root `2.999`; registry 1 = `GZ` (prefix `GZDEX`, 30 working days notice) with
/// operators 10 (admin) and 11.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_registries::GenesisConfig::<Test> {
		oid_root: "2.999".into(),
		registries: vec![GenesisRegistry {
			code: "GZ".into(),
			name: "贵阳大数据交易所".into(),
			number_prefix: "GZDEX".into(),
			rules: RegistryRules { notice_wd: 30, ..Default::default() },
			admin: GZ_ADMIN,
			operators: vec![GZ_ADMIN, GZ_OPERATOR],
		}],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
