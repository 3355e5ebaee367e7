//! Unit tests of the subjects: every call, every error, every state transition, the inspect
//! trait, the PII guarantee and the walk of issue 4.

use crate::{
	mock::*, Error, Event, Hash32, Identity, IdentityInput, IdentityInputOf, IdentityKind,
	NextSerial, NextSubjectId, PendingAccountLinks, SubjectByIdCommitment, SubjectByOid,
	SubjectByUscc, SubjectOfAccount, SubjectStatus, Subjects as SubjectsMap,
};
use codec::Encode;
use doid_primitives::{Oid, RegistryRules, Roles, SubjectId, SubjectRole, SubjectsInspect, Uscc};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
	BoundedVec,
};
use sp_io::hashing::blake2_256;
use sp_runtime::DispatchError;

/// Valid unified social credit codes.
const USCC_A: &[u8] = b"91350100M000100Y43";
const USCC_B: &[u8] = b"914403001922038216";
const USCC_C: &[u8] = b"91440300708461136T";

/// Applicant accounts.
const ALICE: u64 = 1;
const BOB: u64 = 2;
const CAROL: u64 = 3;
const DAVE: u64 = 4;
const EVE: u64 = 5;

fn digest(tag: u8) -> Hash32 {
	[tag; 32]
}

fn org(uscc: &[u8], name: &str) -> IdentityInputOf<Test> {
	IdentityInput::Organisation {
		uscc: BoundedVec::try_from(uscc.to_vec()).unwrap(),
		name: BoundedVec::try_from(name.as_bytes().to_vec()).unwrap(),
	}
}

/// Client-side commitment `blake2_256(salt ‖ value)`.
fn commit(salt: &[u8], value: &[u8]) -> Hash32 {
	blake2_256(&[salt, value].concat())
}

fn person(id_number: &[u8], name: &str) -> IdentityInputOf<Test> {
	IdentityInput::Individual {
		id_commitment: commit(b"salt-of-id-0001", id_number),
		name_commitment: commit(b"salt-of-name-01", name.as_bytes()),
	}
}

fn roles(list: &[SubjectRole]) -> Roles {
	Roles::from_roles(list)
}

/// `who` registers an organisation with `GZ`; returns the subject id.
fn register_org(who: u64, uscc: &[u8]) -> SubjectId {
	let id = NextSubjectId::<Test>::get();
	assert_ok!(Subjects::register_subject(
		RuntimeOrigin::signed(who),
		GZ,
		org(uscc, "示例科技有限公司"),
		digest(7)
	));
	id
}

/// `who` registers an organisation with `GZ` and an operator verifies it as data supplier.
fn verified_org(who: u64, uscc: &[u8]) -> SubjectId {
	let id = register_org(who, uscc);
	assert_ok!(Subjects::verify_subject(
		RuntimeOrigin::signed(GZ_OPERATOR),
		id,
		roles(&[SubjectRole::DataSupplier])
	));
	id
}

/// Links `account` to the subject managed by `main` (propose + accept).
fn link(main: u64, subject: SubjectId, account: u64) {
	assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(main), account));
	assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(account), subject));
}

fn status(id: SubjectId) -> SubjectStatus {
	SubjectsMap::<Test>::get(id).unwrap().status
}

fn check_state() {
	assert_ok!(Subjects::do_try_state());
}

fn uscc(s: &[u8]) -> Uscc {
	Uscc::parse(s).unwrap()
}

// ---------------------------------------------------------------------------------------------
// register_subject

#[test]
fn register_organisation_works() {
	new_test_ext().execute_with(|| {
		let id = register_org(ALICE, USCC_A);
		assert_eq!(id, 1);
		let info = SubjectsMap::<Test>::get(1).unwrap();
		assert_eq!(info.registry, GZ);
		assert_eq!(
			info.identity,
			Identity::Organisation {
				uscc: uscc(USCC_A),
				name: BoundedVec::try_from("示例科技有限公司".as_bytes().to_vec()).unwrap()
			}
		);
		assert_eq!(info.contact_digest, digest(7));
		assert_eq!(info.status, SubjectStatus::Pending);
		assert!(info.roles.is_empty());
		assert_eq!(info.oid, None);
		assert_eq!(info.main_account, ALICE);
		assert_eq!(info.accounts.to_vec(), vec![ALICE]);
		assert_eq!(info.reason, None);
		assert_eq!(SubjectOfAccount::<Test>::get(ALICE), Some(1));
		assert_eq!(SubjectByUscc::<Test>::get(uscc(USCC_A)), Some(1));
		assert_eq!(Subjects::subject_by_uscc(&uscc(USCC_A)), Some(1));
		assert_eq!(NextSubjectId::<Test>::get(), 2);
		System::assert_last_event(
			Event::SubjectRegistered {
				subject: 1,
				registry: GZ,
				account: ALICE,
				kind: IdentityKind::Organisation,
			}
			.into(),
		);
		assert_eq!(<Subjects as SubjectsInspect<u64>>::subject_of(&ALICE), Some(1));
		assert!(!<Subjects as SubjectsInspect<u64>>::is_verified(1));
		assert_eq!(<Subjects as SubjectsInspect<u64>>::verified_subject_of(&ALICE), None);
		check_state();
	});
}

#[test]
fn register_individual_works() {
	new_test_ext().execute_with(|| {
		assert_ok!(Subjects::register_subject(
			RuntimeOrigin::signed(BOB),
			SZ,
			person(b"11010519491231002X", "张三"),
			digest(9)
		));
		let info = SubjectsMap::<Test>::get(1).unwrap();
		let id_commitment = commit(b"salt-of-id-0001", b"11010519491231002X");
		assert_eq!(
			info.identity,
			Identity::Individual {
				id_commitment,
				name_commitment: commit(b"salt-of-name-01", "张三".as_bytes())
			}
		);
		assert_eq!(info.identity.kind(), IdentityKind::Individual);
		assert_eq!(info.registry, SZ);
		assert_eq!(SubjectByIdCommitment::<Test>::get(id_commitment), Some(1));
		System::assert_last_event(
			Event::SubjectRegistered {
				subject: 1,
				registry: SZ,
				account: BOB,
				kind: IdentityKind::Individual,
			}
			.into(),
		);
		check_state();
	});
}

#[test]
fn register_subject_errors() {
	new_test_ext().execute_with(|| {
		let reg = |who: u64, registry: u32, identity: IdentityInputOf<Test>, contact: Hash32| {
			Subjects::register_subject(RuntimeOrigin::signed(who), registry, identity, contact)
		};
		assert_noop!(
			Subjects::register_subject(RuntimeOrigin::root(), GZ, org(USCC_A, "A"), digest(1)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::register_subject(RuntimeOrigin::none(), GZ, org(USCC_A, "A"), digest(1)),
			DispatchError::BadOrigin
		);
		assert_noop!(reg(ALICE, 9, org(USCC_A, "A"), digest(1)), Error::<Test>::UnknownRegistry);
		for bad in [
			&b""[..],
			b"91350100M000100Y4",  // 17 characters
			b"91350100M000100Y44", // wrong check character
			b"91350100m000100y43", // lower case
			b"91350100M000100I43", // `I` is not in the alphabet
			b"B1350100M000100Y43", // unknown registration authority
			b"913A0100M000100Y43", // division code not digits
		] {
			assert_noop!(reg(ALICE, GZ, org(bad, "A"), digest(1)), Error::<Test>::InvalidUscc);
		}
		for bad in ["", "  ", "tab\tname"] {
			assert_noop!(reg(ALICE, GZ, org(USCC_A, bad), digest(1)), Error::<Test>::InvalidName);
		}
		let bad_utf8 = IdentityInput::Organisation {
			uscc: BoundedVec::try_from(USCC_A.to_vec()).unwrap(),
			name: BoundedVec::try_from(vec![0xe5, 0xbc]).unwrap(),
		};
		assert_noop!(reg(ALICE, GZ, bad_utf8, digest(1)), Error::<Test>::InvalidName);
		for (id_commitment, name_commitment) in
			[([0; 32], digest(2)), (digest(2), [0; 32]), (digest(2), digest(2))]
		{
			assert_noop!(
				reg(
					ALICE,
					GZ,
					IdentityInput::Individual { id_commitment, name_commitment },
					digest(1)
				),
				Error::<Test>::InvalidCommitment
			);
		}
		assert_noop!(
			reg(ALICE, GZ, org(USCC_A, "A"), [0; 32]),
			Error::<Test>::InvalidContactDigest
		);

		register_org(ALICE, USCC_A);
		assert_ok!(reg(BOB, GZ, person(b"11010519491231002X", "张三"), digest(1)));
		assert_noop!(reg(ALICE, GZ, org(USCC_B, "B"), digest(1)), Error::<Test>::AlreadyRegistered);
		assert_noop!(reg(CAROL, GZ, org(USCC_A, "A2"), digest(1)), Error::<Test>::DuplicateUscc);
		// The same USCC is refused at another registry too.
		assert_noop!(reg(CAROL, SZ, org(USCC_A, "A2"), digest(1)), Error::<Test>::DuplicateUscc);
		assert_noop!(
			reg(CAROL, SZ, person(b"11010519491231002X", "李四"), digest(1)),
			Error::<Test>::DuplicateIdCommitment
		);

		NextSubjectId::<Test>::put(u64::MAX);
		assert_noop!(reg(CAROL, GZ, org(USCC_B, "B"), digest(1)), Error::<Test>::TooManySubjects);
		NextSubjectId::<Test>::put(3);

		assert_ok!(Registries::suspend_registry(RuntimeOrigin::root(), GZ));
		assert_noop!(reg(CAROL, GZ, org(USCC_B, "B"), digest(1)), Error::<Test>::RegistrySuspended);
		check_state();
	});
}

#[test]
fn registering_clears_a_link_proposed_to_the_account() {
	new_test_ext().execute_with(|| {
		let a = verified_org(ALICE, USCC_A);
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), BOB));
		register_org(BOB, USCC_B);
		assert_eq!(PendingAccountLinks::<Test>::get(BOB), None);
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(BOB), a),
			Error::<Test>::NoPendingLink
		);
		check_state();
	});
}

// ---------------------------------------------------------------------------------------------
// verify_subject

#[test]
fn verify_subject_works() {
	new_test_ext().execute_with(|| {
		let id = register_org(ALICE, USCC_A);
		let r = roles(&[SubjectRole::DataSupplier, SubjectRole::DataMerchant]);
		assert_ok!(Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, r));
		let info = SubjectsMap::<Test>::get(id).unwrap();
		let oid = Oid::parse(b"2.999.1.1.1").unwrap();
		assert_eq!(info.status, SubjectStatus::Verified);
		assert_eq!(info.roles, r);
		assert_eq!(info.oid, Some(oid));
		assert_eq!(SubjectByOid::<Test>::get(oid), Some(id));
		assert_eq!(NextSerial::<Test>::get(GZ), 2);
		// The allowance came from the registry administrator.
		assert_eq!(Balances::balance(&ALICE), 100);
		assert_eq!(Balances::balance(&GZ_ADMIN), ADMIN_FUNDS - 100);
		System::assert_last_event(
			Event::SubjectVerified { subject: id, registry: GZ, oid, roles: r, allowance: 100 }
				.into(),
		);
		type I = Subjects;
		assert!(<I as SubjectsInspect<u64>>::is_verified(id));
		assert!(<I as SubjectsInspect<u64>>::has_role(id, SubjectRole::DataMerchant));
		assert!(!<I as SubjectsInspect<u64>>::has_role(id, SubjectRole::Court));
		assert_eq!(<I as SubjectsInspect<u64>>::oid(id), Some(oid));
		assert_eq!(<I as SubjectsInspect<u64>>::subject_by_oid(&oid), Some(id));
		assert_eq!(<I as SubjectsInspect<u64>>::verified_subject_of(&ALICE), Some(id));

		// Serials count per registry.
		let second = verified_org(BOB, USCC_B);
		assert_eq!(SubjectsMap::<Test>::get(second).unwrap().oid.unwrap().as_str(), "2.999.1.1.2");
		Balances::set_balance(&SZ_ADMIN, 1_000);
		assert_ok!(Subjects::register_subject(
			RuntimeOrigin::signed(CAROL),
			SZ,
			org(USCC_C, "深圳示例"),
			digest(1)
		));
		assert_ok!(Subjects::verify_subject(RuntimeOrigin::signed(SZ_ADMIN), 3, Roles::empty()));
		assert_eq!(SubjectsMap::<Test>::get(3).unwrap().oid.unwrap().as_str(), "2.999.1.2.1");
		// Verification without roles is allowed (real-name check first, roles later).
		assert!(SubjectsMap::<Test>::get(3).unwrap().roles.is_empty());
		check_state();
	});
}

#[test]
fn verify_subject_errors() {
	new_test_ext().execute_with(|| {
		let r = roles(&[SubjectRole::DataBuyer]);
		let id = register_org(ALICE, USCC_A);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::root(), id, r),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), 9, r),
			Error::<Test>::UnknownSubject
		);
		// An operator of another registry, and a plain account, are not operators of GZ.
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(SZ_ADMIN), id, r),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(ALICE), id, r),
			Error::<Test>::NotOperator
		);

		NextSerial::<Test>::insert(GZ, u64::MAX);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, r),
			Error::<Test>::OidUnavailable
		);
		// A long root leaves no room for a long serial.
		NextSerial::<Test>::insert(GZ, u64::MAX - 1);
		pallet_registries::OidRoot::<Test>::put(
			Oid::parse(b"1.2.156.112233445566.778899001122.334455667788.9900").unwrap(),
		);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, r),
			Error::<Test>::OidUnavailable
		);
		pallet_registries::OidRoot::<Test>::put(Oid::dev_root());
		NextSerial::<Test>::insert(GZ, 1);
		// An OID already taken (never happens with monotone serials) is refused as well.
		SubjectByOid::<Test>::insert(Oid::parse(b"2.999.1.1.1").unwrap(), 99);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, r),
			Error::<Test>::OidUnavailable
		);
		SubjectByOid::<Test>::remove(Oid::parse(b"2.999.1.1.1").unwrap());

		assert_ok!(Registries::suspend_registry(RuntimeOrigin::root(), GZ));
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, r),
			Error::<Test>::RegistrySuspended
		);
		assert_ok!(Registries::resume_registry(RuntimeOrigin::root(), GZ));

		assert_ok!(Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, r));
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, r),
			Error::<Test>::NotPending
		);
		check_state();
	});
}

#[test]
fn verify_subject_fails_whole_when_the_admin_cannot_pay() {
	new_test_ext().execute_with(|| {
		assert_ok!(Subjects::register_subject(
			RuntimeOrigin::signed(ALICE),
			SZ,
			org(USCC_A, "A"),
			digest(1)
		));
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(SZ_ADMIN), 1, Roles::empty()),
			Error::<Test>::AllowanceUnavailable
		);
		// The admin must keep its existential deposit (Preservation::Preserve).
		Balances::set_balance(&SZ_ADMIN, 100);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(SZ_ADMIN), 1, Roles::empty()),
			Error::<Test>::AllowanceUnavailable
		);
		Balances::set_balance(&SZ_ADMIN, 101);
		assert_ok!(Subjects::verify_subject(RuntimeOrigin::signed(SZ_ADMIN), 1, Roles::empty()));
		assert_eq!(Balances::balance(&SZ_ADMIN), 1);
		check_state();
	});
}

// ---------------------------------------------------------------------------------------------
// reject_subject

#[test]
fn reject_subject_works_and_releases_the_applicant() {
	new_test_ext().execute_with(|| {
		let id = register_org(ALICE, USCC_A);
		assert_ok!(Subjects::reject_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, digest(3)));
		let info = SubjectsMap::<Test>::get(id).unwrap();
		assert_eq!(info.status, SubjectStatus::Rejected);
		assert_eq!(info.reason, Some(digest(3)));
		assert_eq!(info.oid, None);
		assert_eq!(SubjectOfAccount::<Test>::get(ALICE), None);
		assert_eq!(SubjectByUscc::<Test>::get(uscc(USCC_A)), None);
		System::assert_last_event(
			Event::SubjectRejected { subject: id, registry: GZ, reason_digest: digest(3) }.into(),
		);
		assert_eq!(Balances::balance(&ALICE), 0);
		// A rejected subject is never verified, but the applicant may apply again.
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, Roles::empty()),
			Error::<Test>::NotPending
		);
		let again = register_org(ALICE, USCC_A);
		assert_eq!(again, 2);
		assert_eq!(status(id), SubjectStatus::Rejected);
		// Individuals' commitments are released the same way.
		assert_ok!(Subjects::register_subject(
			RuntimeOrigin::signed(BOB),
			GZ,
			person(b"11010519491231002X", "张三"),
			digest(1)
		));
		assert_ok!(Subjects::reject_subject(RuntimeOrigin::signed(GZ_ADMIN), 3, digest(4)));
		assert_ok!(Subjects::register_subject(
			RuntimeOrigin::signed(BOB),
			GZ,
			person(b"11010519491231002X", "张三"),
			digest(1)
		));
		check_state();
	});
}

#[test]
fn reject_subject_errors() {
	new_test_ext().execute_with(|| {
		let id = register_org(ALICE, USCC_A);
		assert_noop!(
			Subjects::reject_subject(RuntimeOrigin::root(), id, digest(3)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::reject_subject(RuntimeOrigin::signed(GZ_OPERATOR), 9, digest(3)),
			Error::<Test>::UnknownSubject
		);
		assert_noop!(
			Subjects::reject_subject(RuntimeOrigin::signed(SZ_ADMIN), id, digest(3)),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Subjects::reject_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, [0; 32]),
			Error::<Test>::InvalidReasonDigest
		);
		assert_ok!(Subjects::verify_subject(
			RuntimeOrigin::signed(GZ_OPERATOR),
			id,
			Roles::empty()
		));
		assert_noop!(
			Subjects::reject_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, digest(3)),
			Error::<Test>::NotPending
		);
		check_state();
	});
}

// ---------------------------------------------------------------------------------------------
// set_roles, suspend_subject, reinstate_subject

#[test]
fn set_roles_works_and_errors() {
	new_test_ext().execute_with(|| {
		let pending = register_org(BOB, USCC_B);
		let id = verified_org(ALICE, USCC_A);
		let r = roles(&[SubjectRole::ServiceAgency, SubjectRole::Arbitrator]);
		assert_ok!(Subjects::set_roles(RuntimeOrigin::signed(GZ_ADMIN), id, r));
		assert_eq!(SubjectsMap::<Test>::get(id).unwrap().roles, r);
		System::assert_last_event(Event::RolesSet { subject: id, roles: r }.into());
		assert!(<Subjects as SubjectsInspect<u64>>::has_role(id, SubjectRole::Arbitrator));
		assert!(!<Subjects as SubjectsInspect<u64>>::has_role(id, SubjectRole::DataSupplier));

		assert_noop!(Subjects::set_roles(RuntimeOrigin::root(), id, r), DispatchError::BadOrigin);
		assert_noop!(
			Subjects::set_roles(RuntimeOrigin::signed(GZ_ADMIN), 9, r),
			Error::<Test>::UnknownSubject
		);
		assert_noop!(
			Subjects::set_roles(RuntimeOrigin::signed(SZ_ADMIN), id, r),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Subjects::set_roles(RuntimeOrigin::signed(GZ_ADMIN), pending, r),
			Error::<Test>::NotVerified
		);
		// Roles of a suspended subject may change; they count again once reinstated.
		assert_ok!(Subjects::suspend_subject(RuntimeOrigin::signed(GZ_ADMIN), id, digest(5)));
		assert_ok!(Subjects::set_roles(RuntimeOrigin::signed(GZ_ADMIN), id, Roles::all()));
		assert!(!<Subjects as SubjectsInspect<u64>>::has_role(id, SubjectRole::Court));
		assert_ok!(Subjects::reinstate_subject(RuntimeOrigin::signed(GZ_ADMIN), id));
		assert!(<Subjects as SubjectsInspect<u64>>::has_role(id, SubjectRole::Court));
		check_state();
	});
}

#[test]
fn suspend_and_reinstate() {
	new_test_ext().execute_with(|| {
		let pending = register_org(BOB, USCC_B);
		let id = verified_org(ALICE, USCC_A);
		assert_noop!(
			Subjects::suspend_subject(RuntimeOrigin::root(), id, digest(5)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::suspend_subject(RuntimeOrigin::signed(GZ_OPERATOR), 9, digest(5)),
			Error::<Test>::UnknownSubject
		);
		assert_noop!(
			Subjects::suspend_subject(RuntimeOrigin::signed(SZ_ADMIN), id, digest(5)),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Subjects::suspend_subject(RuntimeOrigin::signed(GZ_OPERATOR), pending, digest(5)),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Subjects::suspend_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, [0; 32]),
			Error::<Test>::InvalidReasonDigest
		);
		assert_noop!(
			Subjects::reinstate_subject(RuntimeOrigin::signed(GZ_OPERATOR), id),
			Error::<Test>::NotSuspended
		);

		assert_ok!(Subjects::suspend_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, digest(5)));
		let info = SubjectsMap::<Test>::get(id).unwrap();
		assert_eq!(info.status, SubjectStatus::Suspended);
		assert_eq!(info.reason, Some(digest(5)));
		System::assert_last_event(
			Event::SubjectSuspended { subject: id, reason_digest: digest(5) }.into(),
		);
		assert!(!<Subjects as SubjectsInspect<u64>>::is_verified(id));
		assert!(!<Subjects as SubjectsInspect<u64>>::has_role(id, SubjectRole::DataSupplier));
		assert_eq!(<Subjects as SubjectsInspect<u64>>::subject_of(&ALICE), Some(id));
		assert_eq!(<Subjects as SubjectsInspect<u64>>::verified_subject_of(&ALICE), None);
		assert_noop!(
			Subjects::suspend_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, digest(5)),
			Error::<Test>::AlreadySuspended
		);

		assert_noop!(
			Subjects::reinstate_subject(RuntimeOrigin::root(), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::reinstate_subject(RuntimeOrigin::signed(GZ_OPERATOR), 9),
			Error::<Test>::UnknownSubject
		);
		assert_noop!(
			Subjects::reinstate_subject(RuntimeOrigin::signed(SZ_ADMIN), id),
			Error::<Test>::NotOperator
		);
		assert_ok!(Subjects::reinstate_subject(RuntimeOrigin::signed(GZ_OPERATOR), id));
		let info = SubjectsMap::<Test>::get(id).unwrap();
		assert_eq!(info.status, SubjectStatus::Verified);
		assert_eq!(info.reason, None);
		System::assert_last_event(Event::SubjectReinstated { subject: id }.into());
		assert!(<Subjects as SubjectsInspect<u64>>::is_verified(id));
		check_state();
	});
}

#[test]
fn a_suspended_subject_cannot_act() {
	new_test_ext().execute_with(|| {
		let id = verified_org(ALICE, USCC_A);
		link(ALICE, id, BOB);
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), CAROL));
		assert_ok!(Subjects::suspend_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, digest(5)));
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(ALICE), DAVE),
			Error::<Test>::SubjectSuspended
		);
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), id),
			Error::<Test>::SubjectSuspended
		);
		assert_noop!(
			Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::SubjectSuspended
		);
		// Cutting off an account and withdrawing a proposal stay possible.
		assert_ok!(Subjects::remove_account(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Subjects::cancel_account_link(RuntimeOrigin::signed(ALICE), CAROL));
		check_state();
	});
}

// ---------------------------------------------------------------------------------------------
// deregister_subject

#[test]
fn deregister_subject_works() {
	new_test_ext().execute_with(|| {
		let id = verified_org(ALICE, USCC_A);
		link(ALICE, id, BOB);
		let oid = SubjectsMap::<Test>::get(id).unwrap().oid;
		assert_ok!(Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)));
		assert_eq!(status(id), SubjectStatus::Deregistered);
		assert_eq!(SubjectOfAccount::<Test>::get(ALICE), None);
		assert_eq!(SubjectOfAccount::<Test>::get(BOB), None);
		assert_eq!(SubjectByUscc::<Test>::get(uscc(USCC_A)), None);
		// The OID stays with the subject forever.
		assert_eq!(SubjectByOid::<Test>::get(oid.unwrap()), Some(id));
		assert_eq!(<Subjects as SubjectsInspect<u64>>::oid(id), oid);
		assert!(!<Subjects as SubjectsInspect<u64>>::is_verified(id));
		System::assert_last_event(Event::SubjectDeregistered { subject: id, oid }.into());
		// The organisation may register again later and gets a new OID.
		let again = verified_org(ALICE, USCC_A);
		assert_eq!(SubjectsMap::<Test>::get(again).unwrap().oid.unwrap().as_str(), "2.999.1.1.2");
		check_state();
	});
}

#[test]
fn a_pending_subject_may_withdraw() {
	new_test_ext().execute_with(|| {
		let id = register_org(ALICE, USCC_A);
		assert_ok!(Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)));
		assert_eq!(status(id), SubjectStatus::Deregistered);
		assert_eq!(SubjectOfAccount::<Test>::get(ALICE), None);
		System::assert_last_event(Event::SubjectDeregistered { subject: id, oid: None }.into());
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), id, Roles::empty()),
			Error::<Test>::NotPending
		);
		check_state();
	});
}

#[test]
fn deregister_subject_errors() {
	new_test_ext().execute_with(|| {
		let id = verified_org(ALICE, USCC_A);
		link(ALICE, id, BOB);
		assert_noop!(Subjects::deregister_subject(RuntimeOrigin::root()), DispatchError::BadOrigin);
		assert_noop!(
			Subjects::deregister_subject(RuntimeOrigin::signed(CAROL)),
			Error::<Test>::NotASubject
		);
		assert_noop!(
			Subjects::deregister_subject(RuntimeOrigin::signed(BOB)),
			Error::<Test>::NotMainAccount
		);
		set_busy(id, true);
		assert_noop!(
			Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::SubjectBusy
		);
		set_busy(id, false);
		assert_ok!(Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)));
		assert_noop!(
			Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NotASubject
		);
		check_state();
	});
}

// ---------------------------------------------------------------------------------------------
// accounts

#[test]
fn linking_an_account_takes_both_signatures() {
	new_test_ext().execute_with(|| {
		let id = verified_org(ALICE, USCC_A);
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(PendingAccountLinks::<Test>::get(BOB), Some(id));
		// Not linked before the new account accepts.
		assert_eq!(SubjectOfAccount::<Test>::get(BOB), None);
		System::assert_last_event(Event::AccountProposed { subject: id, account: BOB }.into());
		assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(BOB), id));
		assert_eq!(SubjectOfAccount::<Test>::get(BOB), Some(id));
		assert_eq!(PendingAccountLinks::<Test>::get(BOB), None);
		assert_eq!(SubjectsMap::<Test>::get(id).unwrap().accounts.to_vec(), vec![ALICE, BOB]);
		System::assert_last_event(Event::AccountLinked { subject: id, account: BOB }.into());
		assert_eq!(<Subjects as SubjectsInspect<u64>>::verified_subject_of(&BOB), Some(id));
		assert_eq!(<Subjects as SubjectsInspect<u64>>::main_account(id), Some(ALICE));
		check_state();
	});
}

#[test]
fn propose_account_errors() {
	new_test_ext().execute_with(|| {
		let pending = register_org(EVE, USCC_C);
		let id = verified_org(ALICE, USCC_A);
		link(ALICE, id, BOB);
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::root(), CAROL),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(CAROL), DAVE),
			Error::<Test>::NotASubject
		);
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(BOB), CAROL),
			Error::<Test>::NotMainAccount
		);
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(EVE), CAROL),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::AccountInUse
		);
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(ALICE), EVE),
			Error::<Test>::AccountInUse
		);
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), CAROL));
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(ALICE), CAROL),
			Error::<Test>::AlreadyProposed
		);
		assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), id));
		// Three accounts is the bound in the mock.
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(ALICE), DAVE),
			Error::<Test>::TooManyAccounts
		);
		let _ = pending;
		check_state();
	});
}

#[test]
fn accept_account_link_errors() {
	new_test_ext().execute_with(|| {
		let a = verified_org(ALICE, USCC_A);
		let b = verified_org(BOB, USCC_B);
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::root(), a),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), a),
			Error::<Test>::NoPendingLink
		);
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), CAROL));
		// Naming another subject than the proposer is refused.
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), b),
			Error::<Test>::NoPendingLink
		);
		// A later proposal by another subject replaces the first one.
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(BOB), CAROL));
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), a),
			Error::<Test>::NoPendingLink
		);
		assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), b));

		// Proposals beyond the bound: both made while there was room, only one fits.
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), DAVE));
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), EVE));
		assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(DAVE), a));
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), 6));
		assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(EVE), a));
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(6), a),
			Error::<Test>::TooManyAccounts
		);

		// Defensive: a stale proposal to an account that is linked elsewhere.
		PendingAccountLinks::<Test>::insert(CAROL, a);
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), a),
			Error::<Test>::AccountInUse
		);
		PendingAccountLinks::<Test>::remove(CAROL);

		// A proposal from a subject that is gone can no longer be accepted.
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(BOB), 7));
		assert_ok!(Subjects::deregister_subject(RuntimeOrigin::signed(BOB)));
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(7), b),
			Error::<Test>::NotVerified
		);
		// Defensive: a proposal naming an unknown subject.
		PendingAccountLinks::<Test>::insert(8, 99);
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(8), 99),
			Error::<Test>::UnknownSubject
		);
	});
}

#[test]
fn cancel_account_link_works_and_errors() {
	new_test_ext().execute_with(|| {
		let a = verified_org(ALICE, USCC_A);
		link(ALICE, a, BOB);
		verified_org(DAVE, USCC_B);
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), CAROL));
		assert_noop!(
			Subjects::cancel_account_link(RuntimeOrigin::root(), CAROL),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::cancel_account_link(RuntimeOrigin::signed(EVE), CAROL),
			Error::<Test>::NotASubject
		);
		assert_noop!(
			Subjects::cancel_account_link(RuntimeOrigin::signed(BOB), CAROL),
			Error::<Test>::NotMainAccount
		);
		assert_noop!(
			Subjects::cancel_account_link(RuntimeOrigin::signed(DAVE), CAROL),
			Error::<Test>::NoPendingLink
		);
		assert_noop!(
			Subjects::cancel_account_link(RuntimeOrigin::signed(ALICE), EVE),
			Error::<Test>::NoPendingLink
		);
		assert_ok!(Subjects::cancel_account_link(RuntimeOrigin::signed(ALICE), CAROL));
		assert_eq!(PendingAccountLinks::<Test>::get(CAROL), None);
		System::assert_last_event(
			Event::AccountLinkCancelled { subject: a, account: CAROL }.into(),
		);
		assert_noop!(
			Subjects::accept_account_link(RuntimeOrigin::signed(CAROL), a),
			Error::<Test>::NoPendingLink
		);
		check_state();
	});
}

#[test]
fn remove_account_works_and_errors() {
	new_test_ext().execute_with(|| {
		let a = verified_org(ALICE, USCC_A);
		link(ALICE, a, BOB);
		link(ALICE, a, CAROL);
		assert_noop!(
			Subjects::remove_account(RuntimeOrigin::root(), BOB),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subjects::remove_account(RuntimeOrigin::signed(EVE), BOB),
			Error::<Test>::NotASubject
		);
		assert_noop!(
			Subjects::remove_account(RuntimeOrigin::signed(BOB), CAROL),
			Error::<Test>::NotMainAccount
		);
		assert_noop!(
			Subjects::remove_account(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::CannotRemoveMainAccount
		);
		assert_noop!(
			Subjects::remove_account(RuntimeOrigin::signed(ALICE), EVE),
			Error::<Test>::AccountNotLinked
		);
		assert_ok!(Subjects::remove_account(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(SubjectsMap::<Test>::get(a).unwrap().accounts.to_vec(), vec![ALICE, CAROL]);
		assert_eq!(SubjectOfAccount::<Test>::get(BOB), None);
		System::assert_last_event(Event::AccountRemoved { subject: a, account: BOB }.into());
		// The freed account may start its own subject.
		register_org(BOB, USCC_B);
		check_state();
	});
}

// ---------------------------------------------------------------------------------------------
// inspect

#[test]
fn inspect_answers() {
	new_test_ext().execute_with(|| {
		type I = Subjects;
		let a = verified_org(ALICE, USCC_A);
		let b = register_org(BOB, USCC_B);
		assert!(<I as SubjectsInspect<u64>>::accounts_overlap(a, a));
		assert!(!<I as SubjectsInspect<u64>>::accounts_overlap(a, b));
		assert!(!<I as SubjectsInspect<u64>>::accounts_overlap(a, 99));
		assert!(<I as SubjectsInspect<u64>>::accounts_overlap(99, 99));
		assert_eq!(<I as SubjectsInspect<u64>>::registry_of(a), Some(GZ));
		assert_eq!(<I as SubjectsInspect<u64>>::registry_of(99), None);
		assert_eq!(<I as SubjectsInspect<u64>>::main_account(b), Some(BOB));
		assert_eq!(<I as SubjectsInspect<u64>>::main_account(99), None);
		assert_eq!(<I as SubjectsInspect<u64>>::oid(b), None);
		assert!(!<I as SubjectsInspect<u64>>::is_verified(99));
		assert!(!<I as SubjectsInspect<u64>>::has_role(99, SubjectRole::DataSupplier));
		assert!(<I as SubjectsInspect<u64>>::is_operator(GZ, &GZ_OPERATOR));
		assert!(!<I as SubjectsInspect<u64>>::is_operator(SZ, &GZ_OPERATOR));
		assert_eq!(<I as SubjectsInspect<u64>>::subject_of(&CAROL), None);
		// An account a deregistered subject used, now with another subject, counts as shared.
		link(ALICE, a, CAROL);
		assert_ok!(Subjects::remove_account(RuntimeOrigin::signed(ALICE), CAROL));
		assert!(!<I as SubjectsInspect<u64>>::accounts_overlap(a, b));
		link(ALICE, a, DAVE);
		assert_ok!(Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)));
		let d = register_org(DAVE, USCC_C);
		assert!(<I as SubjectsInspect<u64>>::accounts_overlap(a, d));
		assert!(<I as SubjectsInspect<u64>>::accounts_overlap(d, a));
	});
}

#[test]
fn storage_version_is_one() {
	use frame_support::traits::{GetStorageVersion, StorageVersion};
	new_test_ext().execute_with(|| {
		assert_eq!(Subjects::in_code_storage_version(), StorageVersion::new(1));
		assert_eq!(crate::migrations::INITIAL_VERSION, 1);
	});
}

// ---------------------------------------------------------------------------------------------
// PII

/// Every key and value in the whole trie of the externalities.
fn all_storage() -> Vec<(Vec<u8>, Vec<u8>)> {
	let mut out = Vec::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		let value = sp_io::storage::get(&next).map(|v| v.to_vec()).unwrap_or_default();
		out.push((next.clone(), value));
		key = next;
	}
	out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
	haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn no_plain_personal_data_in_storage_or_events() {
	new_test_ext().execute_with(|| {
		let id_number: &[u8] = b"11010519491231002X";
		let name = "张三".as_bytes();
		// The client checks the ID number and commits to it with its own salts.
		assert!(doid_primitives::ResidentIdNumber::parse(id_number).is_ok());
		assert_ok!(Subjects::register_subject(
			RuntimeOrigin::signed(BOB),
			GZ,
			person(id_number, "张三"),
			commit(b"salt-of-contact", b"13800000000 zhangsan@example.com"),
		));
		assert_ok!(Subjects::verify_subject(
			RuntimeOrigin::signed(GZ_OPERATOR),
			1,
			roles(&[SubjectRole::DataBuyer])
		));
		assert_ok!(Subjects::set_roles(RuntimeOrigin::signed(GZ_OPERATOR), 1, Roles::all()));
		assert_ok!(Subjects::suspend_subject(RuntimeOrigin::signed(GZ_OPERATOR), 1, digest(1)));
		assert_ok!(Subjects::reinstate_subject(RuntimeOrigin::signed(GZ_OPERATOR), 1));
		link(BOB, 1, CAROL);
		// Positive control: an organisation's (non-personal) name is found by the same scan.
		let company = "示例科技有限公司".as_bytes();
		register_org(ALICE, USCC_A);

		let storage = all_storage();
		assert!(storage.len() > 10);
		assert!(storage.iter().any(|(_, v)| contains(v, company)), "scan sees stored text");
		let events: Vec<Vec<u8>> = System::events().iter().map(|e| e.encode()).collect();
		assert!(events.len() > 5);
		for needle in [id_number, name, &b"zhangsan"[..], &b"13800000000"[..]] {
			for (k, v) in &storage {
				assert!(!contains(k, needle), "personal data in a storage key");
				assert!(!contains(v, needle), "personal data in a storage value");
			}
			for e in &events {
				assert!(!contains(e, needle), "personal data in an event");
			}
		}
		// Events carry no identity at all, not even an organisation's.
		for e in &events {
			assert!(!contains(e, company));
			assert!(!contains(e, USCC_A));
		}
	});
}

// ---------------------------------------------------------------------------------------------
// The walk of issue 4

#[test]
fn walk_registry_enterprise_verification_and_refusals() {
	new_test_ext().execute_with(|| {
		const BJ_ADMIN: u64 = 30;
		const BJ_OPERATOR: u64 = 31;
		// Council (root here) creates BJ; its admin is funded for allowances.
		assert_ok!(Registries::register_registry(
			RuntimeOrigin::root(),
			BoundedVec::try_from(b"BJ".to_vec()).unwrap(),
			BoundedVec::try_from("北京国际大数据交易所".as_bytes().to_vec()).unwrap(),
			BoundedVec::try_from(b"BJSZD".to_vec()).unwrap(),
			RegistryRules::default(),
			BJ_ADMIN,
		));
		let bj = pallet_registries::Pallet::<Test>::registry_by_code(b"BJ").unwrap();
		assert_ok!(Registries::add_operator(RuntimeOrigin::root(), bj, BJ_OPERATOR));
		Balances::set_balance(&BJ_ADMIN, 10_000);
		let arc = pallet_registries::Registries::<Test>::get(bj).unwrap().oid_arc;

		// An enterprise registers with a valid USCC.
		assert_ok!(Subjects::register_subject(
			RuntimeOrigin::signed(ALICE),
			bj,
			org(USCC_B, "深圳示例企业有限公司"),
			digest(8)
		));
		let subject = <Subjects as SubjectsInspect<u64>>::subject_of(&ALICE).unwrap();

		// A non-operator cannot verify it.
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(GZ_OPERATOR), subject, Roles::all()),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			Subjects::verify_subject(RuntimeOrigin::signed(BOB), subject, Roles::all()),
			Error::<Test>::NotOperator
		);

		// An operator verifies it with roles; the OID is readable.
		let r = roles(&[SubjectRole::DataSupplier, SubjectRole::DataBuyer]);
		assert_ok!(Subjects::verify_subject(RuntimeOrigin::signed(BJ_OPERATOR), subject, r));
		let oid = <Subjects as SubjectsInspect<u64>>::oid(subject).unwrap();
		assert_eq!(oid.as_str(), format!("2.999.1.{arc}.1"));
		assert_eq!(oid.as_str(), "2.999.1.3.1");
		assert_eq!(<Subjects as SubjectsInspect<u64>>::subject_by_oid(&oid), Some(subject));
		assert!(<Subjects as SubjectsInspect<u64>>::has_role(subject, SubjectRole::DataBuyer));
		assert_eq!(Balances::balance(&ALICE), 100);

		// An invalid USCC and a duplicate are refused.
		assert_noop!(
			Subjects::register_subject(
				RuntimeOrigin::signed(BOB),
				bj,
				org(b"914403001922038217", "错误代码"),
				digest(8)
			),
			Error::<Test>::InvalidUscc
		);
		assert_noop!(
			Subjects::register_subject(
				RuntimeOrigin::signed(BOB),
				bj,
				org(USCC_B, "重复企业"),
				digest(8)
			),
			Error::<Test>::DuplicateUscc
		);

		// A suspended subject acting is refused.
		assert_ok!(Subjects::suspend_subject(
			RuntimeOrigin::signed(BJ_OPERATOR),
			subject,
			digest(6)
		));
		assert_noop!(
			Subjects::propose_account(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::SubjectSuspended
		);
		assert_noop!(
			Subjects::deregister_subject(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::SubjectSuspended
		);
		check_state();
	});
}
