//! Unit tests of the registries: every call, every error, every state transition, the genesis
//! config and the inspect trait.

use crate::{
	mock::*, Error, Event, GenesisRegistry, NextRegistryId, NumberPrefix, OidRoot, OperatorCount,
	Operators, Registries as RegistriesMap, RegistryByCode, RegistryByPrefix, RegistryCode,
	RegistryNameOf, RegistryStatus, RuleViolation,
};
use doid_primitives::{Oid, RegistriesInspect, RegistryRules};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::{BuildStorage, DispatchError};

fn code(s: &[u8]) -> RegistryCode {
	BoundedVec::try_from(s.to_vec()).unwrap()
}

fn prefix(s: &[u8]) -> NumberPrefix {
	BoundedVec::try_from(s.to_vec()).unwrap()
}

fn name(s: &[u8]) -> RegistryNameOf<Test> {
	BoundedVec::try_from(s.to_vec()).unwrap()
}

const BJ_ADMIN: u64 = 30;

/// Creates `BJ` (prefix `BJSZD`) with admin 30; it gets id 2.
fn register_bj() {
	assert_ok!(Registries::register_registry(
		RuntimeOrigin::root(),
		code(b"BJ"),
		name("北京国际大数据交易所".as_bytes()),
		prefix(b"BJSZD"),
		RegistryRules::default(),
		BJ_ADMIN,
	));
}

fn check_state() {
	assert_ok!(Registries::do_try_state());
}

#[test]
fn genesis_creates_registries_and_root() {
	new_test_ext().execute_with(|| {
		assert_eq!(OidRoot::<Test>::get(), Oid::dev_root());
		assert_eq!(NextRegistryId::<Test>::get(), 2);
		let gz = RegistriesMap::<Test>::get(1).unwrap();
		assert_eq!(gz.code.as_slice(), b"GZ");
		assert_eq!(gz.name.as_slice(), "贵阳大数据交易所".as_bytes());
		assert_eq!(gz.number_prefix.as_slice(), b"GZDEX");
		assert_eq!(gz.rules.notice_wd, 30);
		assert_eq!(gz.admin, GZ_ADMIN);
		assert_eq!(gz.oid_arc, 1);
		assert_eq!(gz.status, RegistryStatus::Active);
		assert_eq!(RegistryByCode::<Test>::get(code(b"GZ")), Some(1));
		assert_eq!(RegistryByPrefix::<Test>::get(prefix(b"GZDEX")), Some(1));
		assert!(Operators::<Test>::contains_key(1, GZ_ADMIN));
		assert!(Operators::<Test>::contains_key(1, GZ_OPERATOR));
		assert_eq!(OperatorCount::<Test>::get(1), 2);
		check_state();
	});
}

#[test]
fn genesis_config_reads_json() {
	let json = r#"{
		"oidRoot": "1.2.156.3000",
		"registries": [
			{ "code": "BJ", "name": "北京", "numberPrefix": "BJSZD", "admin": 7,
			  "rules": { "noticeWd": 10, "objectionBond": 5 } },
			{ "code": "SZ", "name": "深圳", "numberPrefix": "SZDEX", "admin": 8, "operators": [9] }
		]
	}"#;
	let config: crate::GenesisConfig<Test> = serde_json::from_str(json).unwrap();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	config.assimilate_storage(&mut storage).unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(OidRoot::<Test>::get().as_str(), "1.2.156.3000");
		assert_eq!(RegistryByCode::<Test>::get(code(b"BJ")), Some(1));
		assert_eq!(RegistryByCode::<Test>::get(code(b"SZ")), Some(2));
		let bj = RegistriesMap::<Test>::get(1).unwrap();
		assert_eq!(bj.rules.objection_bond, 5);
		assert_eq!(bj.rules.acceptance_wd, 3);
		assert_eq!(RegistriesMap::<Test>::get(2).unwrap().rules, RegistryRules::default());
		assert_eq!(OperatorCount::<Test>::get(2), 2);
		assert!(Operators::<Test>::contains_key(2, 9));
		check_state();
	});
}

#[test]
fn default_genesis_uses_dev_root() {
	let config = crate::GenesisConfig::<Test>::default();
	assert_eq!(config.oid_root, "2.999");
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	config.assimilate_storage(&mut storage).unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(OidRoot::<Test>::get().as_str(), "2.999");
		assert_eq!(NextRegistryId::<Test>::get(), 1);
	});
}

#[test]
#[should_panic(expected = "invalid genesis registry")]
fn genesis_refuses_duplicate_codes() {
	let reg = |admin: u64| GenesisRegistry {
		code: "BJ".into(),
		name: "北京".into(),
		number_prefix: if admin == 1 { "BJA".into() } else { "BJB".into() },
		rules: Default::default(),
		admin,
		operators: vec![],
	};
	let config =
		crate::GenesisConfig::<Test> { oid_root: "2.999".into(), registries: vec![reg(1), reg(2)] };
	let _ = config.build_storage();
}

#[test]
#[should_panic(expected = "genesis oid_root is not a valid OID")]
fn genesis_refuses_invalid_root() {
	let config = crate::GenesisConfig::<Test> { oid_root: "2..999".into(), registries: vec![] };
	let _ = config.build_storage();
}

#[test]
fn register_registry_works() {
	new_test_ext().execute_with(|| {
		register_bj();
		let bj = RegistriesMap::<Test>::get(2).unwrap();
		assert_eq!(bj.code.as_slice(), b"BJ");
		assert_eq!(bj.number_prefix.as_slice(), b"BJSZD");
		assert_eq!(bj.admin, BJ_ADMIN);
		assert_eq!(bj.oid_arc, 2);
		assert_eq!(bj.status, RegistryStatus::Active);
		assert_eq!(bj.rules, RegistryRules::default());
		assert_eq!(NextRegistryId::<Test>::get(), 3);
		assert_eq!(RegistryByCode::<Test>::get(code(b"BJ")), Some(2));
		assert_eq!(RegistryByPrefix::<Test>::get(prefix(b"BJSZD")), Some(2));
		assert!(Operators::<Test>::contains_key(2, BJ_ADMIN));
		assert_eq!(OperatorCount::<Test>::get(2), 1);
		System::assert_has_event(
			Event::RegistryRegistered {
				registry: 2,
				code: code(b"BJ"),
				number_prefix: prefix(b"BJSZD"),
				oid_arc: 2,
				admin: BJ_ADMIN,
			}
			.into(),
		);
		System::assert_last_event(Event::OperatorAdded { registry: 2, operator: BJ_ADMIN }.into());
		assert_eq!(Registries::registry_by_code(b"BJ"), Some(2));
		assert_eq!(Registries::registry_by_code(b"TOOLONGCODE"), None);
		// Arcs are assigned in order.
		assert_ok!(Registries::register_registry(
			RuntimeOrigin::root(),
			code(b"ZZ"),
			name("郑州数据交易中心".as_bytes()),
			prefix(b"ZZDEX"),
			RegistryRules::default(),
			40,
		));
		assert_eq!(RegistriesMap::<Test>::get(3).unwrap().oid_arc, 3);
		check_state();
	});
}

#[test]
fn register_registry_errors() {
	new_test_ext().execute_with(|| {
		let try_register = |c: &[u8], n: &[u8], p: &[u8], rules: RegistryRules| {
			Registries::register_registry(
				RuntimeOrigin::root(),
				code(c),
				name(n),
				prefix(p),
				rules,
				1,
			)
		};
		let ok_rules = RegistryRules::default();
		assert_noop!(
			Registries::register_registry(
				RuntimeOrigin::signed(GZ_ADMIN),
				code(b"BJ"),
				name(b"Beijing"),
				prefix(b"BJSZD"),
				ok_rules,
				1
			),
			DispatchError::BadOrigin
		);
		for bad in [&b""[..], b"B", b"bj", b"B1", b"B J", "北".as_bytes()] {
			assert_noop!(
				try_register(bad, b"Beijing", b"BJSZD", ok_rules),
				Error::<Test>::InvalidCode
			);
		}
		assert_noop!(
			try_register(b"GZ", b"Other", b"OTHER", ok_rules),
			Error::<Test>::DuplicateCode
		);
		for bad in [&b""[..], b"   ", &[0xff, 0xfe][..], b"line\nbreak", b"\x00"] {
			assert_noop!(try_register(b"BJ", bad, b"BJSZD", ok_rules), Error::<Test>::InvalidName);
		}
		for bad in [&b""[..], b"B", b"bjszd", b"BJ2025", b"BJ-SZD"] {
			assert_noop!(
				try_register(b"BJ", b"Beijing", bad, ok_rules),
				Error::<Test>::InvalidPrefix
			);
		}
		assert_noop!(
			try_register(b"BJ", b"Beijing", b"GZDEX", ok_rules),
			Error::<Test>::DuplicatePrefix
		);
		let cases = [
			(RegistryRules { acceptance_wd: 0, ..ok_rules }, RuleViolation::Acceptance),
			(RegistryRules { correction_wd: 61, ..ok_rules }, RuleViolation::Correction),
			(RegistryRules { notice_wd: 0, ..ok_rules }, RuleViolation::Notice),
			(RegistryRules { response_wd: 0, ..ok_rules }, RuleViolation::Response),
			(RegistryRules { arbitration_wd: 0, ..ok_rules }, RuleViolation::Arbitration),
			(RegistryRules { validity_days: 7, ..ok_rules }, RuleViolation::Validity),
			(RegistryRules { renewal_window_days: 800, ..ok_rules }, RuleViolation::RenewalWindow),
		];
		for (rules, which) in cases {
			assert_noop!(
				try_register(b"BJ", b"Beijing", b"BJSZD", rules),
				Error::<Test>::InvalidRules { which }
			);
		}
		NextRegistryId::<Test>::put(u32::MAX);
		assert_noop!(
			try_register(b"BJ", b"Beijing", b"BJSZD", ok_rules),
			Error::<Test>::TooManyRegistries
		);
		check_state();
	});
}

#[test]
fn set_rules_works_and_errors() {
	new_test_ext().execute_with(|| {
		let rules = RegistryRules {
			notice_wd: 7,
			notice_in_calendar_days: true,
			validity_days: 365,
			renewal_window_days: 30,
			objection_bond: 100,
			..Default::default()
		};
		assert_ok!(Registries::set_rules(RuntimeOrigin::root(), 1, rules));
		assert_eq!(RegistriesMap::<Test>::get(1).unwrap().rules, rules);
		assert_eq!(<Registries as RegistriesInspect<u64>>::rules(1), Some(rules));
		System::assert_last_event(Event::RulesSet { registry: 1, rules }.into());

		assert_noop!(
			Registries::set_rules(RuntimeOrigin::signed(GZ_ADMIN), 1, rules),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registries::set_rules(RuntimeOrigin::root(), 9, rules),
			Error::<Test>::UnknownRegistry
		);
		assert_noop!(
			Registries::set_rules(
				RuntimeOrigin::root(),
				1,
				RegistryRules { notice_wd: 61, ..rules }
			),
			Error::<Test>::InvalidRules { which: RuleViolation::Notice }
		);
	});
}

#[test]
fn set_admin_works_and_errors() {
	new_test_ext().execute_with(|| {
		assert_ok!(Registries::set_admin(RuntimeOrigin::root(), 1, 99));
		assert_eq!(<Registries as RegistriesInspect<u64>>::admin(1), Some(99));
		// The new admin is not made an operator by this call.
		assert!(!<Registries as RegistriesInspect<u64>>::is_operator(1, &99));
		System::assert_last_event(Event::AdminSet { registry: 1, admin: 99 }.into());
		assert_noop!(
			Registries::set_admin(RuntimeOrigin::signed(99), 1, 98),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registries::set_admin(RuntimeOrigin::root(), 9, 98),
			Error::<Test>::UnknownRegistry
		);
	});
}

#[test]
fn add_operator_works_and_errors() {
	new_test_ext().execute_with(|| {
		assert_ok!(Registries::add_operator(RuntimeOrigin::root(), 1, 12));
		assert!(Operators::<Test>::contains_key(1, 12));
		assert_eq!(OperatorCount::<Test>::get(1), 3);
		System::assert_last_event(Event::OperatorAdded { registry: 1, operator: 12 }.into());

		assert_noop!(
			Registries::add_operator(RuntimeOrigin::signed(GZ_ADMIN), 1, 13),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registries::add_operator(RuntimeOrigin::root(), 9, 13),
			Error::<Test>::UnknownRegistry
		);
		assert_noop!(
			Registries::add_operator(RuntimeOrigin::root(), 1, GZ_OPERATOR),
			Error::<Test>::AlreadyOperator
		);
		assert_ok!(Registries::add_operator(RuntimeOrigin::root(), 1, 13));
		assert_eq!(OperatorCount::<Test>::get(1), 4);
		assert_noop!(
			Registries::add_operator(RuntimeOrigin::root(), 1, 14),
			Error::<Test>::TooManyOperators
		);
		// One account may operate for several registries.
		register_bj();
		assert_ok!(Registries::add_operator(RuntimeOrigin::root(), 2, 13));
		assert!(<Registries as RegistriesInspect<u64>>::is_operator(2, &13));
		check_state();
	});
}

#[test]
fn remove_operator_works_and_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Registries::remove_operator(RuntimeOrigin::signed(GZ_ADMIN), 1, GZ_OPERATOR),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registries::remove_operator(RuntimeOrigin::root(), 9, GZ_OPERATOR),
			Error::<Test>::UnknownRegistry
		);
		assert_noop!(
			Registries::remove_operator(RuntimeOrigin::root(), 1, 77),
			Error::<Test>::NotOperator
		);
		assert_ok!(Registries::remove_operator(RuntimeOrigin::root(), 1, GZ_OPERATOR));
		assert!(!Operators::<Test>::contains_key(1, GZ_OPERATOR));
		assert_eq!(OperatorCount::<Test>::get(1), 1);
		System::assert_last_event(
			Event::OperatorRemoved { registry: 1, operator: GZ_OPERATOR }.into(),
		);
		assert_noop!(
			Registries::remove_operator(RuntimeOrigin::root(), 1, GZ_ADMIN),
			Error::<Test>::LastOperator
		);
		// The admin may be removed as operator while another operator remains.
		assert_ok!(Registries::add_operator(RuntimeOrigin::root(), 1, 12));
		assert_ok!(Registries::remove_operator(RuntimeOrigin::root(), 1, GZ_ADMIN));
		assert_eq!(<Registries as RegistriesInspect<u64>>::admin(1), Some(GZ_ADMIN));
		check_state();
	});
}

#[test]
fn suspend_and_resume() {
	new_test_ext().execute_with(|| {
		assert!(<Registries as RegistriesInspect<u64>>::is_active(1));
		assert_noop!(
			Registries::suspend_registry(RuntimeOrigin::signed(GZ_ADMIN), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registries::suspend_registry(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownRegistry
		);
		assert_noop!(
			Registries::resume_registry(RuntimeOrigin::root(), 1),
			Error::<Test>::NotSuspended
		);

		assert_ok!(Registries::suspend_registry(RuntimeOrigin::root(), 1));
		assert_eq!(RegistriesMap::<Test>::get(1).unwrap().status, RegistryStatus::Suspended);
		assert!(!<Registries as RegistriesInspect<u64>>::is_active(1));
		assert!(<Registries as RegistriesInspect<u64>>::exists(1));
		System::assert_last_event(Event::RegistrySuspended { registry: 1 }.into());
		assert_noop!(
			Registries::suspend_registry(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadySuspended
		);
		// A suspended registry can still be managed.
		assert_ok!(Registries::add_operator(RuntimeOrigin::root(), 1, 12));

		assert_noop!(
			Registries::resume_registry(RuntimeOrigin::signed(GZ_ADMIN), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registries::resume_registry(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownRegistry
		);
		assert_ok!(Registries::resume_registry(RuntimeOrigin::root(), 1));
		assert!(<Registries as RegistriesInspect<u64>>::is_active(1));
		System::assert_last_event(Event::RegistryResumed { registry: 1 }.into());
		check_state();
	});
}

#[test]
fn inspect_answers() {
	new_test_ext().execute_with(|| {
		type I = Registries;
		assert!(<I as RegistriesInspect<u64>>::exists(1));
		assert!(!<I as RegistriesInspect<u64>>::exists(2));
		assert!(!<I as RegistriesInspect<u64>>::is_active(2));
		assert!(<I as RegistriesInspect<u64>>::is_operator(1, &GZ_OPERATOR));
		assert!(!<I as RegistriesInspect<u64>>::is_operator(1, &77));
		assert!(!<I as RegistriesInspect<u64>>::is_operator(2, &GZ_ADMIN));
		assert_eq!(<I as RegistriesInspect<u64>>::admin(1), Some(GZ_ADMIN));
		assert_eq!(<I as RegistriesInspect<u64>>::admin(2), None);
		assert_eq!(<I as RegistriesInspect<u64>>::rules(2), None);
		assert_eq!(<I as RegistriesInspect<u64>>::oid_arc(1), Some(1));
		assert_eq!(<I as RegistriesInspect<u64>>::oid_arc(2), None);
		assert_eq!(<I as RegistriesInspect<u64>>::number_prefix(1), Some(b"GZDEX".to_vec()));
		assert_eq!(<I as RegistriesInspect<u64>>::number_prefix(2), None);
		assert_eq!(<I as RegistriesInspect<u64>>::oid_root(), Oid::dev_root());
	});
}

#[test]
fn storage_version_is_one() {
	use frame_support::traits::{GetStorageVersion, StorageVersion};
	new_test_ext().execute_with(|| {
		assert_eq!(Registries::in_code_storage_version(), StorageVersion::new(1));
		assert_eq!(crate::migrations::INITIAL_VERSION, 1);
	});
}
