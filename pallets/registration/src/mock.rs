//! Test runtime: System, Balances, the real Registries, Subjects and Calendar (with the official
//! 2025–2026 schedule of `chain-specs/calendar/cn-2025-2026.json` at genesis and a 10-minute day
//! starting on Monday 2026-02-09) and Registration; the certificates pallet is mocked by a
//! thread-local store ([`MockCertificates`]).

use crate as pallet_registration;
use core::cell::RefCell;
use doid_primitives::{
	CertificateId, CertificateIssuer, CertificateStatus, CertificateView,
	CertificatesBenchmarkHelper, CertificatesInspect, Date, DayKind, Digest, DigestAlgorithm,
	ElementKind, Issuance, IssueError, LineageError, RegistrationNumber, RegistryId, RegistryRules,
	Roles, SubjectId, TimerHandler, TimerId, TimerOwner,
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
		Registration: pallet_registration,
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
	type Activity = ();
	type MaxAccountsPerSubject = ConstU32<3>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Registries;
}

/// Routes fired timers of `TimerOwner::Registration` to [`crate::Pallet::on_timer`], as the
/// runtime does.
pub struct Handler;
impl TimerHandler for Handler {
	fn on_timer(timer: TimerId, _due: Date) -> (u64, u64) {
		match timer.owner {
			TimerOwner::Registration => {
				let w = Registration::on_timer(timer.id);
				(w.ref_time(), w.proof_size())
			}
			_ => (0, 0),
		}
	}
	fn max_weight() -> (u64, u64) {
		let w = Registration::on_timer_max_weight();
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

impl pallet_registration::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Registries = Registries;
	type Subjects = Subjects;
	type Calendar = Calendar;
	type Certificates = MockCertificates;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkRegistries = Registries;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkSubjects = Subjects;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkCertificates = MockCertificates;
}

// ---------------------------------------------------------------------------------------------
// Mock certificates.

/// A certificate of the mock store.
#[derive(Clone, Debug)]
pub struct MockCert {
	pub view: CertificateView,
	pub content: Digest,
	pub number: RegistrationNumber,
	pub licensees: Vec<SubjectId>,
	pub issuance: Option<Issuance>,
}

thread_local! {
	/// Certificate `id` is at index `id - 1`.
	static CERTS: RefCell<Vec<MockCert>> = const { RefCell::new(Vec::new()) };
	/// The error the next `issue` calls return.
	static ISSUE_ERROR: RefCell<Option<IssueError>> = const { RefCell::new(None) };
	/// The error `check_lineage` returns.
	static LINEAGE_ERROR: RefCell<Option<LineageError>> = const { RefCell::new(None) };
}

/// Mock of the certificates pallet.
pub struct MockCertificates;

fn with_cert<R>(id: CertificateId, f: impl FnOnce(&mut MockCert) -> R) -> Option<R> {
	CERTS.with(|c| {
		let mut c = c.borrow_mut();
		let index = usize::try_from(id).ok()?.checked_sub(1)?;
		c.get_mut(index).map(f)
	})
}

/// A digest tagged `tag` (value `[tag; 32]`, SM3).
pub fn digest(tag: u8) -> Digest {
	Digest::new(DigestAlgorithm::Sm3, [tag; 32])
}

/// The content digest of the mock certificate created with `seed`.
pub fn seed_digest(seed: u32) -> Digest {
	let mut value = [0xC0u8; 32];
	value[..4].copy_from_slice(&seed.to_le_bytes());
	Digest::new(DigestAlgorithm::Blake3, value)
}

/// Add a certificate to the mock store; returns its id.
pub fn add_cert(
	registry: RegistryId,
	holder: SubjectId,
	kind: ElementKind,
	trainable: bool,
	content: Digest,
	issuance: Option<Issuance>,
) -> CertificateId {
	CERTS.with(|c| {
		let mut c = c.borrow_mut();
		let id = c.len() as u64 + 1;
		c.push(MockCert {
			view: CertificateView {
				registry,
				holder,
				kind,
				trainable,
				status: CertificateStatus::Active,
				expires_on: Date::new(2028, 1, 1).unwrap(),
				lineage_depth: 0,
			},
			content,
			number: RegistrationNumber::format(b"MOCK", 2026, id as u32).unwrap(),
			licensees: Vec::new(),
			issuance,
		});
		id
	})
}

/// Add an active certificate with a content digest derived from its id.
pub fn cert(holder: SubjectId, kind: ElementKind, trainable: bool) -> CertificateId {
	let next = CERTS.with(|c| c.borrow().len() as u32 + 1);
	add_cert(GZ, holder, kind, trainable, seed_digest(1_000_000 + next), None)
}

/// Set the status of a mock certificate.
pub fn set_cert_status(id: CertificateId, status: CertificateStatus) {
	with_cert(id, |c| c.view.status = status).unwrap();
}

/// License a mock certificate to `subject`.
pub fn license(id: CertificateId, subject: SubjectId) {
	with_cert(id, |c| c.licensees.push(subject)).unwrap();
}

/// The registration number of a mock certificate.
pub fn cert_number(id: CertificateId) -> RegistrationNumber {
	with_cert(id, |c| c.number).unwrap()
}

/// The mock certificate `id`.
pub fn get_cert(id: CertificateId) -> Option<MockCert> {
	with_cert(id, |c| c.clone())
}

/// Number of mock certificates.
pub fn cert_count() -> usize {
	CERTS.with(|c| c.borrow().len())
}

/// Make `issue` fail with `error` (or succeed with `None`).
pub fn set_issue_error(error: Option<IssueError>) {
	ISSUE_ERROR.with(|e| *e.borrow_mut() = error);
}

/// Make `check_lineage` fail with `error` (or succeed with `None`).
pub fn set_lineage_error(error: Option<LineageError>) {
	LINEAGE_ERROR.with(|e| *e.borrow_mut() = error);
}

impl CertificatesInspect for MockCertificates {
	fn view(id: CertificateId) -> Option<CertificateView> {
		with_cert(id, |c| c.view)
	}
	fn may_cite(id: CertificateId, subject: SubjectId) -> bool {
		with_cert(id, |c| c.view.holder == subject || c.licensees.contains(&subject))
			.unwrap_or(false)
	}
	fn certificate_by_content(digest: &Digest) -> Option<CertificateId> {
		CERTS.with(|c| {
			c.borrow()
				.iter()
				.position(|c| c.content == *digest && c.view.status.is_in_force())
				.map(|i| i as u64 + 1)
		})
	}
	fn certificate_by_number(number: &RegistrationNumber) -> Option<CertificateId> {
		CERTS.with(|c| c.borrow().iter().position(|c| c.number == *number).map(|i| i as u64 + 1))
	}
	fn check_lineage(inputs: &[CertificateId]) -> Result<(), LineageError> {
		if let Some(e) = LINEAGE_ERROR.with(|e| *e.borrow()) {
			return Err(e);
		}
		if inputs.iter().any(|i| with_cert(*i, |_| ()).is_none()) {
			return Err(LineageError::UnknownInput);
		}
		Ok(())
	}
}

impl CertificateIssuer for MockCertificates {
	fn issue(issuance: Issuance) -> Result<CertificateId, IssueError> {
		if let Some(e) = ISSUE_ERROR.with(|e| *e.borrow()) {
			return Err(e);
		}
		Ok(add_cert(
			issuance.registry,
			issuance.holder,
			issuance.kind,
			issuance.info.trainable,
			issuance.content_digest,
			Some(issuance),
		))
	}
}

impl CertificatesBenchmarkHelper for MockCertificates {
	fn create_certificate(
		registry: RegistryId,
		holder: SubjectId,
		kind: ElementKind,
		trainable: bool,
		_inputs: &[CertificateId],
		seed: u32,
	) -> CertificateId {
		add_cert(registry, holder, kind, trainable, seed_digest(seed), None)
	}
}

// ---------------------------------------------------------------------------------------------
// Genesis, clock and subjects.

/// Unix time of the first block (2026-02-09T01:00Z, a Monday).
pub const FIRST_MS: u64 = 1_770_598_800_000;
/// Shortened day of the mock: 10 minutes.
pub const DAY_MS: u64 = 600_000;

/// Registry 1 (`GZ`): default rules (acceptance 3 WD, correction 10 WD, notice 10 WD).
pub const GZ: RegistryId = 1;
/// Administrator (and operator) of `GZ`.
pub const GZ_ADMIN: u64 = 10;
/// Second operator of `GZ`.
pub const GZ_OPERATOR: u64 = 11;
/// Registry 2 (`DL`): notice of 7 calendar days, correction 5 WD.
pub const DL: RegistryId = 2;
/// Administrator (and operator) of `DL`.
pub const DL_ADMIN: u64 = 20;

/// `YYYY-MM-DD` constructor.
pub fn d(y: u16, m: u8, day: u8) -> Date {
	Date::new(y, m, day).unwrap()
}

/// The official 2025–2026 schedule, read from the chain-spec file that the chain specs load.
pub fn official_days() -> Vec<(Date, DayKind)> {
	let json: serde_json::Value =
		serde_json::from_str(include_str!("../../../chain-specs/calendar/cn-2025-2026.json"))
			.unwrap();
	let date = |v: &serde_json::Value| Date::parse_iso(v.as_str().unwrap().as_bytes()).unwrap();
	let mut days = Vec::new();
	for ranges in json["holidays"].as_object().unwrap().values() {
		for range in ranges.as_array().unwrap() {
			let (mut day, last) = (date(&range[0]), date(&range[1]));
			while day <= last {
				days.push((day, DayKind::Holiday));
				day = day.add_days(1).unwrap();
			}
		}
	}
	for list in json["adjusted_working_days"].as_object().unwrap().values() {
		for day in list.as_array().unwrap() {
			days.push((date(day), DayKind::Working));
		}
	}
	days
}

/// Genesis: registries `GZ` and `DL`, the official calendar, day 1 = Monday 2026-02-09; block 1
/// has run.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(GZ_ADMIN, 1_000_000), (DL_ADMIN, 1_000_000)],
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
				rules: RegistryRules::default(),
				admin: GZ_ADMIN,
				operators: vec![GZ_OPERATOR],
			},
			GenesisRegistry {
				code: "DL".into(),
				name: "大理数据登记".into(),
				number_prefix: "DLSJ".into(),
				rules: RegistryRules {
					notice_wd: 7,
					notice_in_calendar_days: true,
					correction_wd: 5,
					..Default::default()
				},
				admin: DL_ADMIN,
				operators: vec![],
			},
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_calendar::GenesisConfig::<Test> {
		day_length_ms: DAY_MS,
		start_date: Some(d(2026, 2, 9)),
		days: official_days(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	CERTS.with(|c| c.borrow_mut().clear());
	set_issue_error(None);
	set_lineage_error(None);
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
