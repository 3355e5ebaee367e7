//! Test runtime: System, Balances, the real Registries, Subjects and Calendar (weekends only, a
//! 10-minute day starting on Monday 2026-02-09) and Objections; the registration and certificates
//! pallets are mocked by a thread-local store of targets ([`MockApplications`],
//! [`MockCertificates`]) that records every dispute hook call.

use crate as pallet_objections;
use core::cell::RefCell;
use doid_primitives::{
	ApplicationDisputes, ApplicationId, CertificateDisputes, CertificateId, Date, Digest,
	DigestAlgorithm, DisputeError, DisputeParties, RegistryId, RegistryRules, Roles, SubjectId,
	TimerHandler, TimerId, TimerOwner,
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
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Registries: pallet_registries,
		Subjects: pallet_subjects,
		Calendar: pallet_calendar,
		Objections: pallet_objections,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

parameter_types! {
	pub const ExistentialDeposit: u64 = 5;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ExistentialDeposit;
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
	/// The mock clock (`NowMs` of the calendar).
	pub storage Now: u64 = FIRST_MS;
	/// Room for many timers per block.
	pub const TimerBudget: Weight = Weight::from_parts(u64::MAX / 4, u64::MAX / 4);
}

impl pallet_subjects::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Registries = Registries;
	type Currency = Balances;
	type VerificationAllowance = Allowance;
	type Activity = Objections;
	type MaxAccountsPerSubject = ConstU32<3>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Registries;
}

/// Routes fired timers of `TimerOwner::Objections` to [`crate::Pallet::on_timer`], as the
/// runtime does.
pub struct Handler;
impl TimerHandler for Handler {
	fn on_timer(timer: TimerId, _due: Date) -> (u64, u64) {
		match timer.owner {
			TimerOwner::Objections => {
				let w = Objections::on_timer(timer.id);
				(w.ref_time(), w.proof_size())
			}
			_ => (0, 0),
		}
	}
	fn max_weight() -> (u64, u64) {
		let w = Objections::on_timer_max_weight();
		(w.ref_time(), w.proof_size())
	}
}

impl pallet_calendar::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CalendarOrigin = EnsureRoot<u64>;
	type NowMs = Now;
	type Handler = Handler;
	type MaxDaysPerCall = ConstU32<400>;
	type MaxTimerWeightPerBlock = TimerBudget;
	type WeightInfo = ();
}

impl pallet_objections::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registries = Registries;
	type Subjects = Subjects;
	type Calendar = Calendar;
	type Applications = MockApplications;
	type Certificates = MockCertificates;
	type MaxEvidence = ConstU32<4>;
	type MaxOpenPerTarget = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkRegistries = Registries;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSubjects = Subjects;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkTarget = MockTargets;
}

// ---------------------------------------------------------------------------------------------
// Mock targets.

/// The state of a mock application or certificate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TargetState {
	/// Application in notice.
	InNotice,
	/// Certificate active.
	Active,
	/// Disputed.
	Disputed,
	/// Application rejected.
	Rejected,
	/// Certificate revoked.
	Revoked,
	/// Anything else (issued, withdrawn, expired...).
	Other,
}

/// A dispute hook call seen by the mocks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HookCall {
	OpenApplication(ApplicationId),
	Resume(ApplicationId),
	RejectUpheld(ApplicationId, Digest),
	OpenCertificate(CertificateId),
	Restore(CertificateId),
	RevokeUpheld(CertificateId, Digest),
}

#[derive(Clone, Copy, Debug)]
struct MockTarget {
	registry: RegistryId,
	respondent: SubjectId,
	state: TargetState,
}

thread_local! {
	static APPS: RefCell<BTreeMap<u64, MockTarget>> = const { RefCell::new(BTreeMap::new()) };
	static CERTS: RefCell<BTreeMap<u64, MockTarget>> = const { RefCell::new(BTreeMap::new()) };
	static CALLS: RefCell<Vec<HookCall>> = const { RefCell::new(Vec::new()) };
}

/// Put application `id` of `applicant` at `registry` in notice.
pub fn app_in_notice(id: ApplicationId, registry: RegistryId, applicant: SubjectId) {
	APPS.with(|a| {
		a.borrow_mut().insert(
			id,
			MockTarget { registry, respondent: applicant, state: TargetState::InNotice },
		)
	});
}

/// Put certificate `id` of `holder` at `registry` in force.
pub fn cert_active(id: CertificateId, registry: RegistryId, holder: SubjectId) {
	CERTS.with(|c| {
		c.borrow_mut()
			.insert(id, MockTarget { registry, respondent: holder, state: TargetState::Active })
	});
}

/// Set the state of mock application `id`.
pub fn set_app_state(id: ApplicationId, state: TargetState) {
	APPS.with(|a| a.borrow_mut().get_mut(&id).unwrap().state = state);
}

/// The state of mock application `id`.
pub fn app_state(id: ApplicationId) -> TargetState {
	APPS.with(|a| a.borrow()[&id].state)
}

/// The state of mock certificate `id`.
pub fn cert_state(id: CertificateId) -> TargetState {
	CERTS.with(|c| c.borrow()[&id].state)
}

/// The hook calls seen so far.
pub fn hook_calls() -> Vec<HookCall> {
	CALLS.with(|c| c.borrow().clone())
}

fn log(call: HookCall) {
	CALLS.with(|c| c.borrow_mut().push(call));
}

fn transition(
	store: &'static std::thread::LocalKey<RefCell<BTreeMap<u64, MockTarget>>>,
	id: u64,
	from: &[TargetState],
	to: TargetState,
) -> Result<(), DisputeError> {
	store.with(|s| {
		let mut s = s.borrow_mut();
		let t = s.get_mut(&id).ok_or(DisputeError::Unknown)?;
		if !from.contains(&t.state) {
			return Err(DisputeError::WrongState);
		}
		t.state = to;
		Ok(())
	})
}

fn parties_of(
	store: &'static std::thread::LocalKey<RefCell<BTreeMap<u64, MockTarget>>>,
	id: u64,
	open: &[TargetState],
) -> Option<DisputeParties> {
	store.with(|s| {
		s.borrow()
			.get(&id)
			.filter(|t| open.contains(&t.state))
			.map(|t| DisputeParties { registry: t.registry, respondent: t.respondent })
	})
}

/// Mock of the registration pallet's dispute hooks.
pub struct MockApplications;
impl ApplicationDisputes for MockApplications {
	fn parties(id: ApplicationId) -> Option<DisputeParties> {
		parties_of(&APPS, id, &[TargetState::InNotice, TargetState::Disputed])
	}
	fn open_dispute(id: ApplicationId) -> Result<(), DisputeError> {
		transition(&APPS, id, &[TargetState::InNotice], TargetState::Disputed)?;
		log(HookCall::OpenApplication(id));
		Ok(())
	}
	fn resume(id: ApplicationId) -> Result<(), DisputeError> {
		transition(&APPS, id, &[TargetState::Disputed], TargetState::InNotice)?;
		log(HookCall::Resume(id));
		Ok(())
	}
	fn reject_upheld(id: ApplicationId, decision: Digest) -> Result<(), DisputeError> {
		transition(&APPS, id, &[TargetState::Disputed], TargetState::Rejected)?;
		log(HookCall::RejectUpheld(id, decision));
		Ok(())
	}
}

/// Mock of the certificates pallet's dispute hooks.
pub struct MockCertificates;
impl CertificateDisputes for MockCertificates {
	fn parties(id: CertificateId) -> Option<DisputeParties> {
		parties_of(&CERTS, id, &[TargetState::Active, TargetState::Disputed])
	}
	fn open_dispute(id: CertificateId) -> Result<(), DisputeError> {
		transition(&CERTS, id, &[TargetState::Active], TargetState::Disputed)?;
		log(HookCall::OpenCertificate(id));
		Ok(())
	}
	fn restore(id: CertificateId) -> Result<(), DisputeError> {
		transition(&CERTS, id, &[TargetState::Disputed], TargetState::Active)?;
		log(HookCall::Restore(id));
		Ok(())
	}
	fn revoke_upheld(id: CertificateId, decision: Digest) -> Result<(), DisputeError> {
		transition(
			&CERTS,
			id,
			&[TargetState::Active, TargetState::Disputed],
			TargetState::Revoked,
		)?;
		log(HookCall::RevokeUpheld(id, decision));
		Ok(())
	}
}

/// Benchmark targets of the mock.
#[allow(dead_code)]
pub struct MockTargets;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkTarget for MockTargets {
	fn application_in_notice(registry: RegistryId, applicant: SubjectId) -> ApplicationId {
		let id = APPS.with(|a| a.borrow().len() as u64 + 1);
		app_in_notice(id, registry, applicant);
		id
	}
	fn active_certificate(registry: RegistryId, holder: SubjectId) -> CertificateId {
		let id = CERTS.with(|c| c.borrow().len() as u64 + 1);
		cert_active(id, registry, holder);
		id
	}
	fn set_objection_bond(registry: RegistryId, bond: u128) {
		set_bond(registry, bond);
	}
}

// ---------------------------------------------------------------------------------------------
// Genesis, clock and subjects.

/// Unix time of the first block (2026-02-09T01:00Z, a Monday).
pub const FIRST_MS: u64 = 1_770_598_800_000;
/// Shortened day of the mock: 10 minutes.
pub const DAY_MS: u64 = 600_000;

/// Registry 1 (`GZ`): default rules (response 10 WD, arbitration 30 WD), bond [`BOND`].
pub const GZ: RegistryId = 1;
/// Administrator (and operator) of `GZ`.
pub const GZ_ADMIN: u64 = 10;
/// Second operator of `GZ`.
pub const GZ_OPERATOR: u64 = 11;
/// Registry 2 (`BJ`): response 2 WD, arbitration 3 WD, bond 0.
pub const BJ: RegistryId = 2;
/// Administrator (and operator) of `BJ`.
pub const BJ_ADMIN: u64 = 20;
/// The objection bond of `GZ`.
pub const BOND: u64 = 100;
/// The initial balance of every test account.
pub const FUNDS: u64 = 1_000;

/// `YYYY-MM-DD` constructor.
pub fn d(y: u16, m: u8, day: u8) -> Date {
	Date::new(y, m, day).unwrap()
}

/// A digest tagged `tag` (value `[tag; 32]`, SM3).
pub fn digest(tag: u8) -> Digest {
	Digest::new(DigestAlgorithm::Sm3, [tag; 32])
}

/// Set the objection bond of `registry`.
pub fn set_bond(registry: RegistryId, bond: u128) {
	use doid_primitives::RegistriesInspect;
	let rules = RegistryRules { objection_bond: bond, ..Registries::rules(registry).unwrap() };
	Registries::set_rules(RuntimeOrigin::root(), registry, rules).unwrap();
}

/// Genesis: registries `GZ` and `BJ`, a weekends-only calendar, day 1 = Monday 2026-02-09;
/// accounts 1..=60 hold [`FUNDS`]; block 1 has run.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=60).map(|a| (a, FUNDS)).collect(),
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
				rules: RegistryRules { objection_bond: BOND as u128, ..Default::default() },
				admin: GZ_ADMIN,
				operators: vec![GZ_OPERATOR],
			},
			GenesisRegistry {
				code: "BJ".into(),
				name: "北京国际大数据交易所".into(),
				number_prefix: "BJSZD".into(),
				rules: RegistryRules { response_wd: 2, arbitration_wd: 3, ..Default::default() },
				admin: BJ_ADMIN,
				operators: vec![],
			},
		],
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
	APPS.with(|a| a.borrow_mut().clear());
	CERTS.with(|c| c.borrow_mut().clear());
	CALLS.with(|c| c.borrow_mut().clear());
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		Now::set(&FIRST_MS);
		System::set_block_number(1);
		Calendar::on_initialize(1);
	});
	ext
}

/// The chain's date.
pub fn today() -> Date {
	Calendar::current_date()
}

/// Run one block at the first moment of chain date `date` (the clock never goes back).
pub fn run_block_on(date: Date) {
	let start = pallet_calendar::StartDate::<Test>::get().unwrap();
	let first = pallet_calendar::FirstBlockMs::<Test>::get().unwrap();
	let days = (date.to_day_number() - start.to_day_number()) as u64;
	let at = first + days * DAY_MS;
	assert!(at >= Now::get(), "the clock cannot go back");
	let next = System::block_number() + 1;
	Now::set(&at);
	System::reset_events();
	System::set_block_number(next);
	Calendar::on_initialize(next);
}

/// A valid unified social credit code, unique per `index`.
pub fn uscc(index: u32) -> Vec<u8> {
	doid_primitives::Uscc::synthetic(index).as_bytes().to_vec()
}

/// Register `account` as an organisation at `GZ` and verify it with `roles`; returns its id.
pub fn subject(account: u64, roles: Roles) -> SubjectId {
	subject_at(GZ, account, roles, account as u32)
}

/// Register `account` as an organisation at `registry` (USCC derived from `index`) and verify
/// it with `roles` by the registry's administrator; returns its id.
pub fn subject_at(registry: RegistryId, account: u64, roles: Roles, index: u32) -> SubjectId {
	use doid_primitives::RegistriesInspect;
	let id = pallet_subjects::NextSubjectId::<Test>::get();
	Subjects::register_subject(
		RuntimeOrigin::signed(account),
		registry,
		pallet_subjects::IdentityInput::Organisation {
			uscc: BoundedVec::try_from(uscc(index)).unwrap(),
			name: BoundedVec::try_from(b"Test subject".to_vec()).unwrap(),
		},
		[1; 32],
	)
	.unwrap();
	let admin = Registries::admin(registry).unwrap();
	Subjects::verify_subject(RuntimeOrigin::signed(admin), id, roles).unwrap();
	id
}
