//! Unit tests of the certificates: issuance and identifiers, every call with its errors, every
//! transition, expiry by the calendar, lineage, lookups and the version history.

use crate::{
	mock::*, Actor, Ancestors, Certificate, CertificateByNumber, Certificates as CertMap, Change,
	Error, Event, History, InForceCount, Licence, NextCertificateId, Request, RequestKind,
	Requests, MAX_CERTIFICATES_PER_DIGEST,
};
use doid_primitives::{
	CertificateDisputes, CertificateId, CertificateIssuer, CertificateStatus, CertificatesInspect,
	Date, DisputeError, DisputeParties, ElementKind, IssueError, LineageError, Oid,
	RegistrationNumber, RegistrationNumberError, SubjectActivity, TimerId, TimerOwner, Timers,
	MAX_LINEAGE_DEPTH,
};
use frame_support::{assert_noop, assert_ok, BoundedVec};

type Cert = crate::Pallet<Test>;

/// Run `f` in a fresh externality and check the storage invariants afterwards.
fn ext(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		Cert::do_try_state().expect("invariants hold");
	});
}

fn issue_kind(
	registry: u32,
	holder: u64,
	kind: ElementKind,
	inputs: &[CertificateId],
	seed: u8,
) -> CertificateId {
	<Cert as CertificateIssuer>::issue(issuance(registry, holder, kind, inputs, seed)).unwrap()
}

/// A data resource at `GZ` held by `holder`.
fn issue(holder: u64, inputs: &[CertificateId], seed: u8) -> CertificateId {
	issue_kind(GZ, holder, ElementKind::DataResource, inputs, seed)
}

fn cert(id: CertificateId) -> Certificate {
	CertMap::<Test>::get(id).unwrap()
}

fn status(id: CertificateId) -> CertificateStatus {
	cert(id).status
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Certificates(e) => Some(e),
			_ => None,
		})
		.collect()
}

fn last_event() -> Event<Test> {
	events().pop().expect("an event")
}

/// Issue date of the certificates issued at genesis time.
fn issued() -> Date {
	start()
}

/// Last valid day of a certificate issued on [`issued`].
fn last_day() -> Date {
	d(2027, 2, 8)
}

/// First day of the renewal window of a certificate issued on [`issued`].
fn window_opens() -> Date {
	last_day().add_days(1 - i32::from(WINDOW)).unwrap()
}

/// Move the clock to `date` *without* running the calendar's hook (timers not processed).
fn set_clock(date: Date) {
	let first = pallet_calendar::StartDate::<Test>::get().unwrap();
	let origin = pallet_calendar::FirstBlockMs::<Test>::get().unwrap();
	let days = (date.to_day_number() - first.to_day_number()) as u64;
	Now::set(&(origin + days * DAY_MS + 1));
}

/// Move to `date` and run two blocks (timers due by then fire).
fn advance_to(date: Date) {
	run_block_on(date);
	run_block_on(date);
	assert_eq!(today(), date);
}

fn timer(id: CertificateId, generation: u16) -> TimerId {
	Cert::expiry_timer(id, generation)
}

// ---------------------------------------------------------------------------------------------
// Issuance
// ---------------------------------------------------------------------------------------------

#[test]
fn issue_assigns_identifiers_dates_indexes_and_timer() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert_eq!(id, 1);
		let c = cert(id);
		assert_eq!(c.doid, Oid::parse(b"2.999.2.1.1.1").unwrap());
		let text = c.number.to_ascii_vec();
		assert_eq!(&text[..17], b"GZDEX202600000001");
		assert_eq!(text.len(), 18);
		assert_eq!(RegistrationNumber::parse(&text), Ok(c.number));
		assert_eq!(c.issued_on, issued());
		// Validity 365 days: the last valid day is issue date + 364.
		assert_eq!(c.expires_on, issued().add_days(364).unwrap());
		assert_eq!(c.expires_on, last_day());
		assert_eq!(c.version, 1);
		assert_eq!(c.status, CertificateStatus::Active);
		assert_eq!(c.holder, ALICE_S);
		assert_eq!(c.registry, GZ);
		assert_eq!(c.lineage_depth, 0);
		assert_eq!(c.application, 1);
		let h = History::<Test>::get(id, 1).unwrap();
		assert_eq!(h.change, Change::Issued);
		assert_eq!(h.by, Actor::Issuance);
		assert_eq!(h.digest, Some(digest(1)));
		assert_eq!(h.on, issued());
		// Lookups.
		assert_eq!(Cert::certificate_by_doid(&c.doid), Some(id));
		assert_eq!(Cert::certificate_by_number_text(&text), Ok(Some(id)));
		assert_eq!(<Cert as CertificatesInspect>::certificate_by_number(&c.number), Some(id));
		assert_eq!(Cert::certificates_of(ALICE_S), vec![id]);
		assert_eq!(Cert::certificates_by_content(&digest(1)), vec![id]);
		assert_eq!(<Cert as CertificatesInspect>::certificate_by_content(&digest(1)), Some(id));
		assert_eq!(Cert::certificates_by_material(&proof_digest(1)), vec![id]);
		assert_eq!(Cert::certificates_by_material(&sample_digest(1)), vec![id]);
		assert_eq!(Cert::certificates_by_material(&sample_digest(2)), Vec::<CertificateId>::new());
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 1);
		// The expiry timer is due the day after the last valid day.
		assert_eq!(
			<Calendar as Timers>::due_date(TimerId::new(TimerOwner::Certificates, id)),
			Some(d(2027, 2, 9))
		);
		assert_eq!(
			last_event(),
			Event::Issued {
				id,
				registry: GZ,
				holder: ALICE_S,
				kind: ElementKind::DataResource,
				doid: c.doid,
				number: c.number,
				content_digest: digest(1),
				expires_on: last_day(),
			}
		);
		// The view.
		let v = <Cert as CertificatesInspect>::view(id).unwrap();
		assert_eq!(v.status, CertificateStatus::Active);
		assert_eq!(v.holder, ALICE_S);
		assert!(v.trainable);
		assert!(<Cert as CertificatesInspect>::view(99).is_none());
	});
}

#[test]
fn serials_per_registry_kind_and_year() {
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		let b = issue(ALICE_S, &[], 2);
		let p = issue_kind(GZ, BOB_S, ElementKind::DataProduct, &[], 3);
		let s = issue_kind(SZ, BOB_S, ElementKind::DataResource, &[], 4);
		assert_eq!(cert(a).doid.as_bytes(), b"2.999.2.1.1.1");
		assert_eq!(cert(b).doid.as_bytes(), b"2.999.2.1.1.2");
		assert_eq!(cert(p).doid.as_bytes(), b"2.999.2.1.4.1");
		assert_eq!(cert(s).doid.as_bytes(), b"2.999.2.2.1.1");
		// Numbers count per (registry, year), across kinds.
		assert_eq!(cert(a).number.serial(), 1);
		assert_eq!(cert(b).number.serial(), 2);
		assert_eq!(cert(p).number.serial(), 3);
		assert_eq!(cert(s).number.serial(), 1);
		assert_eq!(cert(s).number.prefix(), b"SZDEX");
		// SZ has the default validity of 730 days.
		assert_eq!(cert(s).expires_on, issued().add_days(729).unwrap());
		// A new year restarts the number serial, not the DOID serial.
		advance_to(d(2027, 1, 4));
		let c = issue(ALICE_S, &[], 5);
		assert_eq!(cert(c).number.year(), 2027);
		assert_eq!(cert(c).number.serial(), 1);
		assert_eq!(cert(c).doid.as_bytes(), b"2.999.2.1.1.3");
		assert_eq!(cert(c).issued_on, d(2027, 1, 4));
	});
}

#[test]
fn issue_errors_change_nothing() {
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		let next = NextCertificateId::<Test>::get();
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let try_issue = |registry, inputs: &[CertificateId]| {
			<Cert as CertificateIssuer>::issue(issuance(
				registry,
				BOB_S,
				ElementKind::DataProduct,
				inputs,
				9,
			))
		};
		assert_eq!(try_issue(99, &[]), Err(IssueError::UnknownRegistry));
		assert_eq!(try_issue(GZ, &[42]), Err(IssueError::Lineage(LineageError::UnknownInput)));
		assert_eq!(try_issue(GZ, &[a, a]), Err(IssueError::Lineage(LineageError::DuplicateInput)));
		assert_eq!(NextCertificateId::<Test>::get(), next);
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

#[test]
fn shared_content_digest_and_index_bound() {
	ext(|| {
		// Mutual recognition: the same content registered at GZ and at SZ.
		let g = issue_kind(GZ, ALICE_S, ElementKind::DataResource, &[], 7);
		let s = issue_kind(SZ, ALICE_S, ElementKind::DataResource, &[], 7);
		assert_eq!(Cert::certificates_by_content(&digest(7)), vec![g, s]);
		assert_eq!(<Cert as CertificatesInspect>::certificate_by_content(&digest(7)), Some(g));
		assert_ok!(Cert::revoke(signed(GZ_ADMIN), g, digest(66)));
		assert_eq!(<Cert as CertificatesInspect>::certificate_by_content(&digest(7)), Some(s));
		assert_ok!(Cert::revoke(signed(SZ_ADMIN), s, digest(66)));
		assert_eq!(<Cert as CertificatesInspect>::certificate_by_content(&digest(7)), None);
		// At most MAX_CERTIFICATES_PER_DIGEST certificates per content digest.
		for _ in 2..MAX_CERTIFICATES_PER_DIGEST {
			issue(ALICE_S, &[], 7);
		}
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(
			<Cert as CertificateIssuer>::issue(issuance(
				GZ,
				ALICE_S,
				ElementKind::DataResource,
				&[],
				7
			)),
			Err(IssueError::IndexFull)
		);
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

// ---------------------------------------------------------------------------------------------
// Registration numbers
// ---------------------------------------------------------------------------------------------

/// xorshift64 (deterministic).
struct XorShift(u64);
impl XorShift {
	fn next(&mut self) -> u64 {
		let mut x = self.0;
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		self.0 = x;
		x
	}
}

#[test]
fn registration_numbers_parse_and_corruptions_are_rejected() {
	ext(|| {
		let mut ids = Vec::new();
		for seed in 0..20u8 {
			let registry = if seed % 3 == 0 { SZ } else { GZ };
			ids.push(issue_kind(registry, ALICE_S, ElementKind::DataResource, &[], seed));
		}
		let texts: Vec<Vec<u8>> = ids.iter().map(|id| cert(*id).number.to_ascii_vec()).collect();
		for (id, text) in ids.iter().zip(&texts) {
			assert_eq!(RegistrationNumber::parse(text), Ok(cert(*id).number));
			assert_eq!(Cert::certificate_by_number_text(text), Ok(Some(*id)));
		}
		const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
		let mut check_errors = 0;
		for _ in 0..10_000 {
			let mut text = texts[(rng.next() % texts.len() as u64) as usize].clone();
			let pos = (rng.next() % text.len() as u64) as usize;
			let original = text[pos];
			let mut c = original;
			while c == original {
				c = ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize];
			}
			text[pos] = c;
			match Cert::certificate_by_number_text(&text) {
				Err(RegistrationNumberError::CheckCharacterMismatch { .. }) => check_errors += 1,
				Err(
					RegistrationNumberError::InvalidPrefix
					| RegistrationNumberError::InvalidYear
					| RegistrationNumberError::InvalidSerial,
				) => {}
				other => panic!("corrupted {:?} resolved: {:?}", text, other),
			}
		}
		// Corrupting the year or serial with a letter, or the prefix with a digit, is a format
		// error; every other substitution is caught by the check character.
		assert!(check_errors > 3_000, "{check_errors}");
		// A well-formed number that was never issued is no error, just unknown.
		let unknown = RegistrationNumber::format(b"GZDEX", 2026, 999).unwrap();
		assert_eq!(Cert::certificate_by_number_text(&unknown.to_ascii_vec()), Ok(None));
		assert!(CertificateByNumber::<Test>::get(unknown).is_none());
		assert_eq!(
			Cert::certificate_by_number_text(b"GZDEX2026"),
			Err(RegistrationNumberError::TooShort)
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Lineage
// ---------------------------------------------------------------------------------------------

#[test]
fn migration_to_v2_builds_the_derivatives_index() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		let p = issue_kind(GZ, CAROL_S, ElementKind::DataProduct, &[a], 3);
		let q = issue_kind(GZ, CAROL_S, ElementKind::DataProduct, &[a, p], 4);
		// A chain written by version 1 had no index.
		let _ = crate::Derivatives::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Cert>();
		assert_eq!(Cert::derivatives(a, 10), Vec::<CertificateId>::new());
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Cert::on_chain_storage_version(), 2);
		assert_eq!(Cert::derivatives(a, 10), vec![p, q]);
		assert_eq!(Cert::derivatives(p, 10), vec![q]);
		// Only once: a second run at version 2 changes nothing.
		let _ = crate::Derivatives::<Test>::clear(u32::MAX, None);
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Cert::derivatives(a, 10), Vec::<CertificateId>::new());
	});
}

#[test]
fn revoked_input_breaks_lineage_on_read_only() {
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		let b = issue(BOB_S, &[], 2);
		let p = issue_kind(GZ, CAROL_S, ElementKind::DataProduct, &[a, b], 3);
		assert_eq!(cert(p).lineage_depth, 1);
		assert_eq!(Ancestors::<Test>::get(p).unwrap().into_inner(), vec![a, b]);
		// The reverse index: A and B each list P as derived; P has no derivatives.
		assert_eq!(Cert::derivatives(a, 10), vec![p]);
		assert_eq!(Cert::derivatives(b, 10), vec![p]);
		assert_eq!(Cert::derivatives(p, 10), Vec::<CertificateId>::new());
		let v = Cert::verify(p).unwrap();
		assert!(v.lineage_ok);
		assert_eq!(v.ancestors, 2);
		let before = cert(p);
		assert_ok!(Cert::revoke(signed(GZ_OPERATOR), a, digest(9)));
		// Nothing was written to P.
		assert_eq!(cert(p), before);
		let v = Cert::verify(p).unwrap();
		assert!(!v.lineage_ok);
		assert_eq!(v.status, CertificateStatus::Active);
		// B itself and A's own lineage are unaffected.
		assert!(Cert::verify(b).unwrap().lineage_ok);
		assert_eq!(Cert::verify(a).unwrap().status, CertificateStatus::Revoked);
	});
}

#[test]
fn lineage_depth_bound() {
	ext(|| {
		let mut chain = vec![issue(ALICE_S, &[], 0)];
		for i in 1..=8u8 {
			let prev = *chain.last().unwrap();
			chain.push(issue(ALICE_S, &[prev], i));
		}
		let last = *chain.last().unwrap();
		let v = Cert::verify(last).unwrap();
		assert_eq!(v.lineage_depth, 8);
		assert_eq!(v.ancestors, 8);
		assert!(v.lineage_ok);
		// Up to MAX_LINEAGE_DEPTH.
		for i in 9..=MAX_LINEAGE_DEPTH {
			let prev = *chain.last().unwrap();
			chain.push(issue(ALICE_S, &[prev], i));
		}
		let deepest = *chain.last().unwrap();
		assert_eq!(cert(deepest).lineage_depth, MAX_LINEAGE_DEPTH);
		assert!(Cert::verify(deepest).unwrap().lineage_ok);
		// One deeper is refused, by check_lineage and by issuance, without writes.
		assert_eq!(
			<Cert as CertificatesInspect>::check_lineage(&[deepest]),
			Err(LineageError::TooDeep)
		);
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(
			<Cert as CertificateIssuer>::issue(issuance(
				GZ,
				ALICE_S,
				ElementKind::DataProduct,
				&[chain[0], deepest],
				99
			)),
			Err(IssueError::Lineage(LineageError::TooDeep))
		);
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
		assert_eq!(<Cert as CertificatesInspect>::check_lineage(&[chain[3]]), Ok(()));
		// Expiring the root of the chain breaks the lineage of all of them.
		assert_ok!(Cert::invalidate(signed(GZ_ADMIN), chain[0], digest(1)));
		assert!(!Cert::verify(deepest).unwrap().lineage_ok);
	});
}

#[test]
fn lineage_ancestor_bound() {
	ext(|| {
		// Eight nodes citing eight leaves each: 8 × 9 = 72 ancestors > 64.
		let mut seed = 0u8;
		let mut mids = Vec::new();
		for _ in 0..8 {
			let leaves: Vec<_> = (0..8)
				.map(|_| {
					seed += 1;
					issue(ALICE_S, &[], seed)
				})
				.collect();
			seed += 1;
			mids.push(issue(ALICE_S, &leaves, seed));
		}
		assert_eq!(<Cert as CertificatesInspect>::check_lineage(&mids[..7]), Ok(()));
		assert_eq!(
			<Cert as CertificatesInspect>::check_lineage(&mids),
			Err(LineageError::TooManyAncestors)
		);
		let p = issue_kind(GZ, ALICE_S, ElementKind::DataProduct, &mids[..7], 250);
		assert_eq!(Cert::verify(p).unwrap().ancestors, 63);
		// Duplicates in the union count once: citing a mid and one of its leaves.
		let leaf = Ancestors::<Test>::get(mids[7]).unwrap()[0];
		assert_eq!(<Cert as CertificatesInspect>::check_lineage(&[mids[7], leaf]), Ok(()));
		assert_eq!(
			<Cert as CertificatesInspect>::check_lineage(&[1, 2, 3, 4, 5, 6, 7, 8, 10]),
			Err(LineageError::TooManyAncestors)
		);
	});
}

#[test]
fn may_cite_holder_and_licensees() {
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		assert!(<Cert as CertificatesInspect>::may_cite(a, ALICE_S));
		assert!(!<Cert as CertificatesInspect>::may_cite(a, BOB_S));
		assert_ok!(Cert::grant_licence(signed(ALICE), a, BOB_S, d(2026, 3, 1)));
		assert!(<Cert as CertificatesInspect>::may_cite(a, BOB_S));
		advance_to(d(2026, 3, 2));
		assert!(!<Cert as CertificatesInspect>::may_cite(a, BOB_S));
		assert!(!<Cert as CertificatesInspect>::may_cite(99, ALICE_S));
		assert_ok!(Cert::revoke(signed(GZ_ADMIN), a, digest(1)));
		assert!(!<Cert as CertificatesInspect>::may_cite(a, ALICE_S));
	});
}

// ---------------------------------------------------------------------------------------------
// Renewal
// ---------------------------------------------------------------------------------------------

#[test]
fn renewal_only_inside_the_window() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		// Before the window.
		advance_to(window_opens().add_days(-1).unwrap());
		assert_noop!(Cert::request_renewal(signed(ALICE), id), Error::<Test>::RenewalWindowNotOpen);
		assert!(!Cert::verify(id).unwrap().expiring_soon);
		assert_eq!(Cert::verify(id).unwrap().status_name, "已发行".as_bytes().to_vec());
		// After the validity, before the timer was processed.
		set_clock(last_day().add_days(1).unwrap());
		assert_noop!(Cert::request_renewal(signed(ALICE), id), Error::<Test>::RenewalWindowClosed);
		// After the timer.
		advance_to(last_day().add_days(1).unwrap());
		assert_eq!(status(id), CertificateStatus::Expired);
		assert_noop!(Cert::request_renewal(signed(ALICE), id), Error::<Test>::NotInForce);
	});
}

#[test]
fn renewal_extends_from_the_old_expiry() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		advance_to(window_opens());
		let v = Cert::verify(id).unwrap();
		assert!(v.expiring_soon);
		assert_eq!(v.status, CertificateStatus::Active);
		assert_eq!(v.status_name, "临期".as_bytes().to_vec());
		assert_noop!(Cert::request_renewal(signed(BOB), id), Error::<Test>::NotHolder);
		assert_noop!(Cert::request_renewal(signed(EVE), id), Error::<Test>::NotASubject);
		assert_noop!(Cert::request_renewal(signed(DAVE), id), Error::<Test>::SubjectNotVerified);
		assert_noop!(Cert::request_renewal(signed(ALICE), 99), Error::<Test>::UnknownCertificate);
		assert_noop!(Cert::approve_renewal(signed(GZ_ADMIN), id), Error::<Test>::NoPendingRequest);
		assert_ok!(Cert::request_renewal(signed(ALICE2), id));
		assert_eq!(status(id), CertificateStatus::Renewing);
		assert_eq!(last_event(), Event::RenewalRequested { id });
		assert_noop!(Cert::request_renewal(signed(ALICE), id), Error::<Test>::RequestPending);
		assert_noop!(Cert::approve_renewal(signed(SZ_ADMIN), id), Error::<Test>::NotOperator);
		assert_noop!(Cert::approve_change(signed(GZ_ADMIN), id), Error::<Test>::WrongRequest);
		assert_ok!(Cert::approve_renewal(signed(GZ_OPERATOR), id));
		let c = cert(id);
		// From the old expiry (2027-02-08 + 365), not from today (2027-01-10).
		let new_last = last_day().add_days(VALIDITY as i32).unwrap();
		assert_eq!(c.expires_on, new_last);
		assert_eq!(new_last, d(2028, 2, 8));
		assert_eq!(c.status, CertificateStatus::Active);
		assert_eq!(c.version, 3);
		assert_eq!(
			last_event(),
			Event::Renewed { id, previous: last_day(), expires_on: new_last, version: 3 }
		);
		// The timer was rescheduled.
		assert_eq!(<Calendar as Timers>::due_date(timer(id, 0)), None);
		assert_eq!(<Calendar as Timers>::due_date(timer(id, 1)), Some(d(2028, 2, 9)));
		assert!(Requests::<Test>::get(id).is_none());
		// It does not expire on the old date.
		advance_to(d(2027, 2, 9));
		assert_eq!(status(id), CertificateStatus::Active);
		advance_to(d(2028, 2, 8));
		assert_eq!(status(id), CertificateStatus::Active);
		advance_to(d(2028, 2, 9));
		assert_eq!(status(id), CertificateStatus::Expired);
	});
}

#[test]
fn pending_renewal_survives_expiry_and_can_be_approved_late() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		advance_to(last_day());
		assert_ok!(Cert::request_renewal(signed(ALICE), id));
		advance_to(last_day().add_days(3).unwrap());
		// The timer fired but the certificate stays in force while the renewal is pending.
		assert_eq!(<Calendar as Timers>::due_date(timer(id, 0)), None);
		assert_eq!(status(id), CertificateStatus::Renewing);
		assert_eq!(Cert::verify(id).unwrap().status, CertificateStatus::Renewing);
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 1);
		// A court cannot freeze it now (dropping the renewal would leave it without validity).
		assert_noop!(Cert::freeze(signed(COURT), id, digest(1)), Error::<Test>::RequestPending);
		assert_ok!(Cert::approve_renewal(signed(GZ_ADMIN), id));
		assert_eq!(cert(id).expires_on, d(2028, 2, 8));
		assert_eq!(cert(id).timer_generation, 1);
		assert_eq!(<Calendar as Timers>::due_date(timer(id, 1)), Some(d(2028, 2, 9)));
		advance_to(d(2028, 2, 9));
		assert_eq!(status(id), CertificateStatus::Expired);
		assert!(matches!(last_event(), Event::Expired { id: i, dropped: None } if i == id));
	});
}

#[test]
fn pending_renewal_rejected_or_withdrawn_after_expiry_expires() {
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		let b = issue(ALICE_S, &[], 2);
		advance_to(window_opens());
		assert_ok!(Cert::request_renewal(signed(ALICE), a));
		assert_ok!(Cert::request_renewal(signed(ALICE), b));
		advance_to(last_day().add_days(1).unwrap());
		assert_eq!(status(a), CertificateStatus::Renewing);
		assert_noop!(Cert::reject_request(signed(ALICE), a, digest(5)), Error::<Test>::NotOperator);
		assert_ok!(Cert::reject_request(signed(GZ_ADMIN), a, digest(5)));
		assert_eq!(status(a), CertificateStatus::Expired);
		assert_eq!(
			last_event(),
			Event::RequestRejected {
				id: a,
				request: RequestKind::Renewal,
				reason_digest: digest(5),
				status: CertificateStatus::Expired
			}
		);
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 1);
		assert_ok!(Cert::withdraw_request(signed(ALICE), b));
		assert_eq!(status(b), CertificateStatus::Expired);
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 0);
		assert!(!<Cert as SubjectActivity>::blocks_deregistration(ALICE_S));
	});
}

#[test]
fn renewal_withdrawn_in_time_keeps_the_original_expiry() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		advance_to(window_opens());
		assert_ok!(Cert::request_renewal(signed(ALICE), id));
		assert_noop!(Cert::withdraw_request(signed(BOB), id), Error::<Test>::NotHolder);
		assert_ok!(Cert::withdraw_request(signed(ALICE), id));
		assert_eq!(status(id), CertificateStatus::Active);
		assert_eq!(
			last_event(),
			Event::RequestWithdrawn {
				id,
				request: RequestKind::Renewal,
				status: CertificateStatus::Active
			}
		);
		assert_noop!(Cert::withdraw_request(signed(ALICE), id), Error::<Test>::NoPendingRequest);
		assert_noop!(
			Cert::reject_request(signed(GZ_ADMIN), id, digest(1)),
			Error::<Test>::NoPendingRequest
		);
		advance_to(last_day().add_days(1).unwrap());
		assert_eq!(status(id), CertificateStatus::Expired);
	});
}

// ---------------------------------------------------------------------------------------------
// Change of information
// ---------------------------------------------------------------------------------------------

#[test]
fn change_of_information() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		let new = info("Traffic flow v2");
		let mut bad = new.clone();
		bad.name = BoundedVec::default();
		assert_noop!(Cert::request_change(signed(ALICE), id, bad), Error::<Test>::InvalidName);
		let mut bad = new.clone();
		bad.industry = b'Z';
		assert_noop!(Cert::request_change(signed(ALICE), id, bad), Error::<Test>::InvalidIndustry);
		let mut bad = new.clone();
		bad.scenario = BoundedVec::default();
		assert_noop!(Cert::request_change(signed(ALICE), id, bad), Error::<Test>::InvalidScenario);
		let mut bad = new.clone();
		bad.rights = Default::default();
		assert_noop!(Cert::request_change(signed(ALICE), id, bad), Error::<Test>::NoRights);
		assert_noop!(
			Cert::request_change(signed(ALICE), id, info("Traffic flow")),
			Error::<Test>::NoChange
		);
		assert_noop!(Cert::request_change(signed(BOB), id, new.clone()), Error::<Test>::NotHolder);
		assert_noop!(Cert::approve_change(signed(GZ_ADMIN), id), Error::<Test>::NoPendingRequest);
		assert_ok!(Cert::request_change(signed(ALICE), id, new.clone()));
		let info_digest = Cert::info_digest(&new);
		assert_eq!(last_event(), Event::ChangeRequested { id, info_digest });
		assert_eq!(status(id), CertificateStatus::ChangePending);
		assert_eq!(Requests::<Test>::get(id), Some(Request::Change { info: new.clone() }));
		assert_noop!(
			Cert::request_transfer(signed(ALICE), id, BOB_S),
			Error::<Test>::RequestPending
		);
		assert_noop!(Cert::approve_renewal(signed(GZ_ADMIN), id), Error::<Test>::WrongRequest);
		assert_noop!(Cert::approve_change(signed(BOB), id), Error::<Test>::NotOperator);
		assert_ok!(Cert::approve_change(signed(GZ_ADMIN), id));
		let c = cert(id);
		assert_eq!(c.info, new);
		assert_eq!(c.status, CertificateStatus::Active);
		assert_eq!(c.version, 3);
		let h = History::<Test>::get(id, 3).unwrap();
		assert_eq!(h.change, Change::InfoChanged { previous: info("Traffic flow") });
		assert_eq!(h.digest, Some(info_digest));
		assert_eq!(h.by, Actor::Account(GZ_ADMIN));
		assert_eq!(last_event(), Event::InfoChanged { id, info_digest, version: 3 });
	});
}

// ---------------------------------------------------------------------------------------------
// Transfer
// ---------------------------------------------------------------------------------------------

#[test]
fn transfer_needs_request_acceptance_and_approval() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert_noop!(Cert::request_transfer(signed(ALICE), id, ALICE_S), Error::<Test>::SameHolder);
		assert_noop!(
			Cert::request_transfer(signed(ALICE), id, DAVE_S),
			Error::<Test>::NewHolderNotVerified
		);
		assert_noop!(
			Cert::request_transfer(signed(ALICE), id, 77),
			Error::<Test>::NewHolderNotVerified
		);
		assert_noop!(Cert::request_transfer(signed(BOB), id, BOB_S), Error::<Test>::NotHolder);
		assert_noop!(Cert::accept_transfer(signed(BOB), id), Error::<Test>::NoPendingRequest);
		assert_ok!(Cert::request_transfer(signed(ALICE), id, BOB_S));
		assert_eq!(last_event(), Event::TransferRequested { id, from: ALICE_S, to: BOB_S });
		assert_eq!(status(id), CertificateStatus::TransferPending);
		// The registry cannot approve before the new holder accepted.
		assert_noop!(
			Cert::approve_transfer(signed(GZ_ADMIN), id),
			Error::<Test>::TransferNotAccepted
		);
		assert_noop!(Cert::accept_transfer(signed(CAROL), id), Error::<Test>::NotNewHolder);
		assert_noop!(Cert::accept_transfer(signed(EVE), id), Error::<Test>::NotASubject);
		assert_ok!(Cert::accept_transfer(signed(BOB), id));
		assert_eq!(last_event(), Event::TransferAccepted { id, to: BOB_S });
		assert_noop!(Cert::accept_transfer(signed(BOB), id), Error::<Test>::AlreadyAccepted);
		assert_noop!(Cert::approve_transfer(signed(BOB), id), Error::<Test>::NotOperator);
		assert_ok!(Cert::approve_transfer(signed(GZ_OPERATOR), id));
		let c = cert(id);
		assert_eq!(c.holder, BOB_S);
		assert_eq!(c.status, CertificateStatus::Active);
		assert_eq!(c.version, 4);
		assert_eq!(last_event(), Event::Transferred { id, from: ALICE_S, to: BOB_S, version: 4 });
		assert_eq!(Cert::certificates_of(ALICE_S), Vec::<CertificateId>::new());
		assert_eq!(Cert::certificates_of(BOB_S), vec![id]);
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 0);
		assert_eq!(InForceCount::<Test>::get(BOB_S), 1);
		assert!(!<Cert as SubjectActivity>::blocks_deregistration(ALICE_S));
		assert!(<Cert as SubjectActivity>::blocks_deregistration(BOB_S));
		// The old holder has no say any more.
		assert_noop!(Cert::request_cancellation(signed(ALICE), id), Error::<Test>::NotHolder);
		assert_ok!(Cert::request_cancellation(signed(BOB), id));
		assert_noop!(Cert::approve_transfer(signed(GZ_ADMIN), id), Error::<Test>::WrongRequest);
	});
}

// ---------------------------------------------------------------------------------------------
// Licences
// ---------------------------------------------------------------------------------------------

#[test]
fn licences_grant_update_prune_and_revoke() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		let until = d(2026, 6, 30);
		assert_noop!(
			Cert::grant_licence(signed(ALICE), id, ALICE_S, until),
			Error::<Test>::CannotLicenceHolder
		);
		assert_noop!(
			Cert::grant_licence(signed(ALICE), id, DAVE_S, until),
			Error::<Test>::GranteeNotVerified
		);
		assert_noop!(
			Cert::grant_licence(signed(ALICE), id, BOB_S, d(2026, 2, 8)),
			Error::<Test>::LicenceEndsInPast
		);
		assert_noop!(
			Cert::grant_licence(signed(BOB), id, CAROL_S, until),
			Error::<Test>::NotHolder
		);
		assert_ok!(Cert::grant_licence(signed(ALICE), id, BOB_S, d(2026, 2, 20)));
		assert_eq!(
			last_event(),
			Event::LicenceGranted { id, grantee: BOB_S, until: d(2026, 2, 20) }
		);
		assert_ok!(Cert::grant_licence(signed(ALICE), id, CAROL_S, until));
		assert_ok!(Cert::grant_licence(signed(ALICE), id, COURT_S, until));
		assert_eq!(Cert::licences(id).len(), 3);
		// Granting again changes the end date.
		assert_ok!(Cert::grant_licence(signed(ALICE), id, CAROL_S, d(2026, 7, 1)));
		assert_eq!(Cert::licences(id)[1], Licence { grantee: CAROL_S, until: d(2026, 7, 1) });
		let other = issue(BOB_S, &[], 2);
		assert_ok!(Cert::grant_licence(signed(BOB), other, ALICE_S, until));
		// Full (MaxLicences = 3) ...
		let p = issue(CAROL_S, &[], 3);
		for s in [ALICE_S, BOB_S, COURT_S] {
			assert_ok!(Cert::grant_licence(signed(CAROL), p, s, d(2026, 2, 10)));
		}
		assert_noop!(
			Cert::grant_licence(signed(ALICE), 99, BOB_S, until),
			Error::<Test>::UnknownCertificate
		);
		// ... until Bob's licence has ended and is pruned.
		assert_eq!(Cert::licences(id).len(), 3);
		advance_to(d(2026, 2, 21));
		assert_ok!(Cert::grant_licence(signed(ALICE), id, BOB_S, until));
		assert_eq!(Cert::licences(id).len(), 3);
		// Revoke.
		assert_noop!(Cert::revoke_licence(signed(ALICE), id, 77), Error::<Test>::NoSuchLicence);
		assert_noop!(Cert::revoke_licence(signed(BOB), id, CAROL_S), Error::<Test>::NotHolder);
		assert_ok!(Cert::revoke_licence(signed(ALICE), id, CAROL_S));
		assert_eq!(last_event(), Event::LicenceRevoked { id, grantee: CAROL_S });
		assert!(!<Cert as CertificatesInspect>::may_cite(id, CAROL_S));
		assert!(<Cert as CertificatesInspect>::may_cite(id, BOB_S));
		// Full again with three current licences.
		let c = issue(ALICE_S, &[], 4);
		for s in [BOB_S, CAROL_S, COURT_S] {
			assert_ok!(Cert::grant_licence(signed(ALICE), c, s, until));
		}
		let extra = {
			let who = 8u64;
			let s = pallet_subjects::NextSubjectId::<Test>::get();
			assert_ok!(pallet_subjects::Pallet::<Test>::register_subject(
				signed(who),
				GZ,
				pallet_subjects::IdentityInput::Organisation {
					uscc: BoundedVec::try_from(uscc(8)).unwrap(),
					name: BoundedVec::try_from(b"Extra".to_vec()).unwrap(),
				},
				[1; 32],
			));
			assert_ok!(pallet_subjects::Pallet::<Test>::verify_subject(
				signed(GZ_ADMIN),
				s,
				Default::default()
			));
			s
		};
		assert_noop!(
			Cert::grant_licence(signed(ALICE), c, extra, until),
			Error::<Test>::TooManyLicences
		);
		// Not while a transfer is pending (revoking is allowed).
		assert_ok!(Cert::request_transfer(signed(ALICE), c, BOB_S));
		assert_noop!(
			Cert::grant_licence(signed(ALICE), c, BOB_S, d(2026, 9, 1)),
			Error::<Test>::RequestPending
		);
		assert_ok!(Cert::revoke_licence(signed(ALICE), c, COURT_S));
	});
}

// ---------------------------------------------------------------------------------------------
// Cancellation, revocation, invalidation
// ---------------------------------------------------------------------------------------------

#[test]
fn cancellation() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert!(<Cert as SubjectActivity>::blocks_deregistration(ALICE_S));
		assert_noop!(
			pallet_subjects::Pallet::<Test>::deregister_subject(signed(ALICE)),
			pallet_subjects::Error::<Test>::SubjectBusy
		);
		assert_noop!(
			Cert::approve_cancellation(signed(GZ_ADMIN), id),
			Error::<Test>::NoPendingRequest
		);
		assert_noop!(Cert::request_cancellation(signed(BOB), id), Error::<Test>::NotHolder);
		assert_ok!(Cert::request_cancellation(signed(ALICE), id));
		assert_eq!(last_event(), Event::CancellationRequested { id });
		assert_eq!(status(id), CertificateStatus::CancellationPending);
		assert_noop!(Cert::approve_cancellation(signed(BOB), id), Error::<Test>::NotOperator);
		assert_ok!(Cert::approve_cancellation(signed(GZ_ADMIN), id));
		assert_eq!(status(id), CertificateStatus::Cancelled);
		assert_eq!(last_event(), Event::Cancelled { id, version: 3 });
		assert_eq!(<Calendar as Timers>::due_date(timer(id, 0)), None);
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 0);
		assert!(!<Cert as SubjectActivity>::blocks_deregistration(ALICE_S));
		assert_noop!(Cert::request_cancellation(signed(ALICE), id), Error::<Test>::NotInForce);
		assert_noop!(Cert::revoke(signed(GZ_ADMIN), id, digest(1)), Error::<Test>::NotInForce);
		let v = Cert::verify(id).unwrap();
		assert_eq!(v.status_name, "已注销".as_bytes().to_vec());
		assert_ok!(pallet_subjects::Pallet::<Test>::deregister_subject(signed(ALICE)));
		// Nothing happens when the (cancelled) timer's date comes.
		advance_to(last_day().add_days(1).unwrap());
		assert_eq!(status(id), CertificateStatus::Cancelled);
	});
}

#[test]
fn registry_revokes_and_invalidates() {
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		let b = issue(ALICE_S, &[], 2);
		assert_noop!(Cert::revoke(signed(SZ_ADMIN), a, digest(3)), Error::<Test>::NotOperator);
		assert_noop!(Cert::revoke(signed(ALICE), a, digest(3)), Error::<Test>::NotOperator);
		assert_noop!(
			Cert::revoke(signed(GZ_ADMIN), 99, digest(3)),
			Error::<Test>::UnknownCertificate
		);
		assert_ok!(Cert::request_transfer(signed(ALICE), a, BOB_S));
		assert_ok!(Cert::revoke(signed(GZ_ADMIN), a, digest(3)));
		assert_eq!(last_event(), Event::Revoked { id: a, reason_digest: digest(3) });
		assert_eq!(status(a), CertificateStatus::Revoked);
		assert!(Requests::<Test>::get(a).is_none());
		assert_eq!(<Calendar as Timers>::due_date(timer(a, 0)), None);
		assert_noop!(Cert::revoke(signed(GZ_ADMIN), a, digest(3)), Error::<Test>::NotInForce);
		assert_noop!(Cert::invalidate(signed(GZ_ADMIN), a, digest(3)), Error::<Test>::NotInForce);
		assert_noop!(Cert::invalidate(signed(SZ_ADMIN), b, digest(4)), Error::<Test>::NotOperator);
		assert_ok!(Cert::invalidate(signed(GZ_OPERATOR), b, digest(4)));
		assert_eq!(last_event(), Event::Invalidated { id: b, reason_digest: digest(4) });
		assert_eq!(status(b), CertificateStatus::Invalid);
		assert_eq!(Cert::verify(b).unwrap().status_name, "已失效".as_bytes().to_vec());
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 0);
		let h = History::<Test>::get(b, 2).unwrap();
		assert_eq!(h.change, Change::Invalidated);
		assert_eq!(h.digest, Some(digest(4)));
	});
}

// ---------------------------------------------------------------------------------------------
// Courts
// ---------------------------------------------------------------------------------------------

#[test]
fn court_revokes() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert_noop!(Cert::revoke_by_court(signed(ALICE), id, digest(8)), Error::<Test>::NotCourt);
		assert_noop!(
			Cert::revoke_by_court(signed(GZ_ADMIN), id, digest(8)),
			Error::<Test>::NotASubject
		);
		assert_noop!(
			Cert::revoke_by_court(signed(COURT), 99, digest(8)),
			Error::<Test>::UnknownCertificate
		);
		assert_ok!(Cert::revoke_by_court(signed(COURT), id, digest(8)));
		assert_eq!(last_event(), Event::RevokedByCourt { id, ruling_digest: digest(8) });
		assert_eq!(status(id), CertificateStatus::Revoked);
		assert_eq!(History::<Test>::get(id, 2).unwrap().by, Actor::Account(COURT));
		assert_noop!(
			Cert::revoke_by_court(signed(COURT), id, digest(8)),
			Error::<Test>::NotInForce
		);
	});
}

#[test]
fn frozen_blocks_transfer_change_cancellation_and_licences() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert_noop!(Cert::freeze(signed(ALICE), id, digest(1)), Error::<Test>::NotCourt);
		assert_noop!(Cert::unfreeze(signed(COURT), id, digest(1)), Error::<Test>::NotFrozen);
		// Freezing drops a pending transfer.
		assert_ok!(Cert::request_transfer(signed(ALICE), id, BOB_S));
		assert_ok!(Cert::freeze(signed(COURT), id, digest(1)));
		assert_eq!(
			last_event(),
			Event::Frozen { id, ruling_digest: digest(1), dropped: Some(RequestKind::Transfer) }
		);
		assert_eq!(status(id), CertificateStatus::Frozen);
		assert!(Requests::<Test>::get(id).is_none());
		assert_noop!(Cert::accept_transfer(signed(BOB), id), Error::<Test>::NoPendingRequest);
		assert_noop!(Cert::freeze(signed(COURT), id, digest(1)), Error::<Test>::CertificateFrozen);
		assert_noop!(
			Cert::request_transfer(signed(ALICE), id, BOB_S),
			Error::<Test>::CertificateFrozen
		);
		assert_noop!(
			Cert::request_change(signed(ALICE), id, info("New")),
			Error::<Test>::CertificateFrozen
		);
		assert_noop!(
			Cert::request_cancellation(signed(ALICE), id),
			Error::<Test>::CertificateFrozen
		);
		assert_noop!(
			Cert::grant_licence(signed(ALICE), id, BOB_S, d(2026, 5, 1)),
			Error::<Test>::CertificateFrozen
		);
		assert_noop!(
			Cert::revoke_licence(signed(ALICE), id, BOB_S),
			Error::<Test>::CertificateFrozen
		);
		assert_noop!(Cert::withdraw_request(signed(ALICE), id), Error::<Test>::NoPendingRequest);
		let v = Cert::verify(id).unwrap();
		assert_eq!(v.status, CertificateStatus::Frozen);
		assert_eq!(v.status_name, "司法冻结".as_bytes().to_vec());
		assert_noop!(Cert::unfreeze(signed(BOB), id, digest(2)), Error::<Test>::NotCourt);
		assert_ok!(Cert::unfreeze(signed(COURT), id, digest(2)));
		assert_eq!(
			last_event(),
			Event::Unfrozen { id, ruling_digest: digest(2), status: CertificateStatus::Active }
		);
		assert_eq!(status(id), CertificateStatus::Active);
		assert_ok!(Cert::request_transfer(signed(ALICE), id, BOB_S));
	});
}

#[test]
fn frozen_certificate_still_expires_and_unfreeze_after_expiry() {
	ext(|| {
		let a = issue(ALICE_S, &[], 1);
		let b = issue(ALICE_S, &[], 2);
		assert_ok!(Cert::freeze(signed(COURT), a, digest(1)));
		assert_ok!(Cert::freeze(signed(COURT), b, digest(1)));
		// Unfreezing after the validity ended, before the timer ran: Expired.
		set_clock(last_day().add_days(1).unwrap());
		assert_ok!(Cert::unfreeze(signed(COURT), b, digest(2)));
		assert_eq!(status(b), CertificateStatus::Expired);
		advance_to(last_day().add_days(1).unwrap());
		assert_eq!(status(a), CertificateStatus::Expired);
		assert_noop!(Cert::unfreeze(signed(COURT), a, digest(2)), Error::<Test>::NotFrozen);
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 0);
	});
}

// ---------------------------------------------------------------------------------------------
// Disputes
// ---------------------------------------------------------------------------------------------

#[test]
fn disputes_block_transfer_and_cancellation() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert_eq!(
			<Cert as CertificateDisputes>::parties(id),
			Some(DisputeParties { registry: GZ, respondent: ALICE_S })
		);
		assert_eq!(<Cert as CertificateDisputes>::parties(99), None);
		assert_eq!(<Cert as CertificateDisputes>::open_dispute(99), Err(DisputeError::Unknown));
		assert_eq!(<Cert as CertificateDisputes>::restore(id), Err(DisputeError::WrongState));
		assert_ok!(<Cert as CertificateDisputes>::open_dispute(id));
		assert_eq!(last_event(), Event::Disputed { id });
		assert_eq!(status(id), CertificateStatus::Disputed);
		assert_eq!(<Cert as CertificateDisputes>::open_dispute(id), Err(DisputeError::WrongState));
		assert_noop!(
			Cert::request_transfer(signed(ALICE), id, BOB_S),
			Error::<Test>::CertificateDisputed
		);
		assert_noop!(
			Cert::request_cancellation(signed(ALICE), id),
			Error::<Test>::CertificateDisputed
		);
		assert_noop!(
			Cert::freeze(signed(COURT), id, digest(1)),
			Error::<Test>::CertificateDisputed
		);
		assert_eq!(Cert::verify(id).unwrap().status_name, "争议中".as_bytes().to_vec());
		assert_ok!(<Cert as CertificateDisputes>::restore(id));
		assert_eq!(last_event(), Event::Restored { id });
		assert_eq!(status(id), CertificateStatus::Active);
		// A pending request prevents a dispute from opening (the certificate must be Active).
		assert_ok!(Cert::request_cancellation(signed(ALICE), id));
		assert_eq!(<Cert as CertificateDisputes>::open_dispute(id), Err(DisputeError::WrongState));
		assert_ok!(Cert::withdraw_request(signed(ALICE), id));
		assert_ok!(<Cert as CertificateDisputes>::open_dispute(id));
		assert_ok!(<Cert as CertificateDisputes>::revoke_upheld(id, digest(4)));
		assert_eq!(last_event(), Event::RevokedUpheld { id, decision_digest: digest(4) });
		assert_eq!(status(id), CertificateStatus::Revoked);
		assert_eq!(History::<Test>::get(id, 7).unwrap().by, Actor::Objections);
		assert_eq!(
			<Cert as CertificateDisputes>::revoke_upheld(id, digest(4)),
			Err(DisputeError::WrongState)
		);
		assert_eq!(<Cert as CertificateDisputes>::parties(id), None);
	});
}

// ---------------------------------------------------------------------------------------------
// Expiry
// ---------------------------------------------------------------------------------------------

#[test]
fn expiry_fires_on_the_day_after_the_last_valid_day() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		let other = issue(BOB_S, &[], 2);
		assert_ok!(Cert::request_transfer(signed(BOB), other, CAROL_S));
		advance_to(last_day());
		assert_eq!(status(id), CertificateStatus::Active);
		let v = Cert::verify(id).unwrap();
		assert!(v.expiring_soon);
		assert_eq!(v.status_name, "临期".as_bytes().to_vec());
		System::reset_events();
		advance_to(last_day().add_days(1).unwrap());
		assert_eq!(status(id), CertificateStatus::Expired);
		assert_eq!(status(other), CertificateStatus::Expired);
		assert!(events().contains(&Event::Expired { id, dropped: None }));
		assert!(
			events().contains(&Event::Expired { id: other, dropped: Some(RequestKind::Transfer) })
		);
		let c = cert(id);
		assert_eq!(c.version, 2);
		let h = History::<Test>::get(id, 2).unwrap();
		assert_eq!(h.change, Change::Expired { dropped: None });
		assert_eq!(h.by, Actor::Timer);
		assert_eq!(h.on, d(2027, 2, 9));
		assert!(Requests::<Test>::get(other).is_none());
		assert_eq!(InForceCount::<Test>::get(ALICE_S), 0);
		let v = Cert::verify(id).unwrap();
		assert!(!v.expiring_soon);
		assert_eq!(v.status_name, "过期".as_bytes().to_vec());
		// A stale timer id (wrong generation) does nothing.
		Cert::on_expiry_timer(timer(id, 5).id);
		assert_eq!(cert(id).version, 2);
	});
}

#[test]
fn overdue_certificate_reads_expired_before_the_timer_runs() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		set_clock(last_day().add_days(1).unwrap());
		assert_eq!(status(id), CertificateStatus::Active);
		assert_eq!(Cert::verify(id).unwrap().status, CertificateStatus::Expired);
		assert_eq!(
			<Cert as CertificatesInspect>::view(id).unwrap().status,
			CertificateStatus::Expired
		);
		assert!(!<Cert as CertificatesInspect>::may_cite(id, ALICE_S));
		assert_eq!(<Cert as CertificateDisputes>::parties(id), None);
		assert_noop!(
			Cert::request_transfer(signed(ALICE), id, BOB_S),
			Error::<Test>::CertificateExpired
		);
		assert_noop!(Cert::freeze(signed(COURT), id, digest(1)), Error::<Test>::CertificateExpired);
		assert_eq!(<Cert as CertificateDisputes>::open_dispute(id), Err(DisputeError::WrongState));
	});
}

// ---------------------------------------------------------------------------------------------
// Version history
// ---------------------------------------------------------------------------------------------

#[test]
fn version_history_grows_with_each_change() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert_ok!(Cert::grant_licence(signed(ALICE), id, CAROL_S, d(2026, 5, 1)));
		assert_ok!(Cert::revoke_licence(signed(ALICE), id, CAROL_S));
		assert_ok!(Cert::request_change(signed(ALICE), id, info("Renamed")));
		assert_ok!(Cert::reject_request(signed(GZ_ADMIN), id, digest(9)));
		assert_ok!(Cert::request_transfer(signed(ALICE), id, BOB_S));
		assert_ok!(Cert::accept_transfer(signed(BOB), id));
		assert_ok!(Cert::approve_transfer(signed(GZ_ADMIN), id));
		assert_ok!(Cert::freeze(signed(COURT), id, digest(10)));
		assert_ok!(Cert::unfreeze(signed(COURT), id, digest(11)));
		advance_to(window_opens());
		assert_ok!(Cert::request_renewal(signed(BOB), id));
		assert_ok!(Cert::approve_renewal(signed(GZ_OPERATOR), id));
		assert_ok!(Cert::revoke(signed(GZ_ADMIN), id, digest(12)));
		let history = Cert::history(id);
		let versions: Vec<u32> = history.iter().map(|(v, _)| *v).collect();
		assert_eq!(versions, (1..=13).collect::<Vec<_>>());
		assert_eq!(cert(id).version, 13);
		let changes: Vec<Change> = history.iter().map(|(_, e)| e.change.clone()).collect();
		assert_eq!(
			changes,
			vec![
				Change::Issued,
				Change::LicenceGranted(Licence { grantee: CAROL_S, until: d(2026, 5, 1) }),
				Change::LicenceRevoked { grantee: CAROL_S },
				Change::Requested(RequestKind::Change),
				Change::RequestRejected(RequestKind::Change),
				Change::Requested(RequestKind::Transfer),
				Change::TransferAccepted,
				Change::Transferred { from: ALICE_S, to: BOB_S },
				Change::Frozen { dropped: None },
				Change::Unfrozen,
				Change::Requested(RequestKind::Renewal),
				Change::Renewed { previous: last_day(), expires_on: d(2028, 2, 8) },
				Change::Revoked,
			]
		);
		let (_, rejected) = &history[4];
		assert_eq!(rejected.digest, Some(digest(9)));
		assert_eq!(rejected.by, Actor::Account(GZ_ADMIN));
		assert_eq!(rejected.status, CertificateStatus::Active);
		let (_, accepted) = &history[6];
		assert_eq!(accepted.by, Actor::Account(BOB));
		assert_eq!(accepted.status, CertificateStatus::TransferPending);
		let (_, renewed) = &history[11];
		assert_eq!(renewed.on, window_opens());
		assert!(renewed.block > history[0].1.block);
	});
}

// ---------------------------------------------------------------------------------------------
// Further errors
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_certificate_is_refused_by_every_call() {
	ext(|| {
		let x = 99;
		assert_noop!(Cert::request_renewal(signed(ALICE), x), Error::<Test>::UnknownCertificate);
		assert_noop!(Cert::approve_renewal(signed(GZ_ADMIN), x), Error::<Test>::UnknownCertificate);
		assert_noop!(
			Cert::request_change(signed(ALICE), x, info("X")),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(Cert::approve_change(signed(GZ_ADMIN), x), Error::<Test>::UnknownCertificate);
		assert_noop!(
			Cert::request_transfer(signed(ALICE), x, BOB_S),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(Cert::accept_transfer(signed(BOB), x), Error::<Test>::UnknownCertificate);
		assert_noop!(
			Cert::approve_transfer(signed(GZ_ADMIN), x),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(
			Cert::grant_licence(signed(ALICE), x, BOB_S, d(2026, 5, 1)),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(
			Cert::revoke_licence(signed(ALICE), x, BOB_S),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(
			Cert::request_cancellation(signed(ALICE), x),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(
			Cert::approve_cancellation(signed(GZ_ADMIN), x),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(Cert::withdraw_request(signed(ALICE), x), Error::<Test>::UnknownCertificate);
		assert_noop!(
			Cert::reject_request(signed(GZ_ADMIN), x, digest(1)),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(
			Cert::revoke(signed(GZ_ADMIN), x, digest(1)),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(
			Cert::invalidate(signed(GZ_ADMIN), x, digest(1)),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(
			Cert::revoke_by_court(signed(COURT), x, digest(1)),
			Error::<Test>::UnknownCertificate
		);
		assert_noop!(Cert::freeze(signed(COURT), x, digest(1)), Error::<Test>::UnknownCertificate);
		assert_noop!(
			Cert::unfreeze(signed(COURT), x, digest(1)),
			Error::<Test>::UnknownCertificate
		);
		assert!(Cert::verify(x).is_none());
		// A timer of an unknown certificate does nothing.
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		Cert::on_expiry_timer(x);
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

#[test]
fn suspended_subjects_cannot_act_or_receive() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		assert_ok!(Cert::request_transfer(signed(ALICE), id, BOB_S));
		assert_ok!(Cert::accept_transfer(signed(BOB), id));
		assert_ok!(pallet_subjects::Pallet::<Test>::suspend_subject(
			signed(GZ_ADMIN),
			BOB_S,
			[2; 32]
		));
		assert_noop!(
			Cert::approve_transfer(signed(GZ_ADMIN), id),
			Error::<Test>::NewHolderNotVerified
		);
		assert_ok!(pallet_subjects::Pallet::<Test>::suspend_subject(
			signed(GZ_ADMIN),
			ALICE_S,
			[2; 32]
		));
		assert_noop!(Cert::withdraw_request(signed(ALICE), id), Error::<Test>::SubjectNotVerified);
		// The registry can still reject the stale request.
		assert_ok!(Cert::reject_request(signed(GZ_ADMIN), id, digest(3)));
		assert_eq!(status(id), CertificateStatus::Active);
		// A suspended court is no court.
		assert_ok!(pallet_subjects::Pallet::<Test>::suspend_subject(
			signed(GZ_ADMIN),
			COURT_S,
			[2; 32]
		));
		assert_noop!(Cert::freeze(signed(COURT), id, digest(1)), Error::<Test>::NotCourt);
	});
}

#[test]
fn material_index_is_bounded() {
	ext(|| {
		// The same source proof in MAX_CERTIFICATES_PER_DIGEST certificates.
		let with_proof = |seed: u8| {
			let mut i = issuance(GZ, ALICE_S, ElementKind::DataResource, &[], seed);
			i.materials[0].digest = proof_digest(0);
			i
		};
		for seed in 1..=MAX_CERTIFICATES_PER_DIGEST as u8 {
			assert_ok!(<Cert as CertificateIssuer>::issue(with_proof(seed)));
		}
		assert_eq!(
			Cert::certificates_by_material(&proof_digest(0)).len() as u32,
			MAX_CERTIFICATES_PER_DIGEST
		);
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(<Cert as CertificateIssuer>::issue(with_proof(100)), Err(IssueError::IndexFull));
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

#[test]
fn freezing_drops_a_timely_renewal_and_the_original_expiry_stands() {
	ext(|| {
		let id = issue(ALICE_S, &[], 1);
		advance_to(window_opens());
		assert_ok!(Cert::request_renewal(signed(ALICE), id));
		assert_ok!(Cert::freeze(signed(COURT), id, digest(1)));
		assert_eq!(
			last_event(),
			Event::Frozen { id, ruling_digest: digest(1), dropped: Some(RequestKind::Renewal) }
		);
		assert_noop!(Cert::request_renewal(signed(ALICE), id), Error::<Test>::CertificateFrozen);
		assert_noop!(Cert::approve_renewal(signed(GZ_ADMIN), id), Error::<Test>::NoPendingRequest);
		assert_ok!(Cert::unfreeze(signed(COURT), id, digest(2)));
		assert_ok!(Cert::request_renewal(signed(ALICE), id));
		assert_ok!(Cert::approve_renewal(signed(GZ_ADMIN), id));
		assert_eq!(cert(id).expires_on, d(2028, 2, 8));
	});
}
