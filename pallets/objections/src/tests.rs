//! Unit tests of the objections pallet: every call and transition, every error (with storage
//! unchanged), the deadline timers, bond accounting, concurrent objections, the dispute hooks
//! (mocked) and the history.

use crate::{
	mock::*, AcceptedOpen, Action, DecidedBy, Error, Event, HoldReason, ObjectionStatus,
	OpenAsParty, OpenObjections, Outcome, Panel, Target, PHASE_ARBITRATION, PHASE_RESPONSE,
};
use doid_primitives::{
	Digest, DigestAlgorithm, DisputeError, Roles, SubjectActivity, SubjectId, SubjectRole,
	SubjectsInspect, Timers,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};

/// Data supplier: applicant and holder (the respondent).
const ALICE: u64 = 1;
/// A second account of Alice's subject.
const ALICE2: u64 = 7;
/// Data buyer: objector.
const BOB: u64 = 2;
/// Data buyer: second objector.
const CAROL: u64 = 3;
/// Data buyer and arbitrator: objects and is therefore conflicted.
const DAVE: u64 = 4;
/// Registered, not verified.
const FRANK: u64 = 6;
/// Arbitrators.
const ARB: [u64; 5] = [31, 32, 33, 34, 35];
/// A court.
const COURT: u64 = 40;
/// A verified subject without funds (not in the genesis balances).
const POOR: u64 = 70;
/// No subject.
const NOBODY: u64 = 99;

/// The application in notice at `GZ` (bond [`BOND`]).
const APP: u64 = 1;
/// The application in notice at `BJ` (bond 0, response 2 WD, arbitration 3 WD).
const BJ_APP: u64 = 2;
/// The active certificate at `GZ`.
const CERT: u64 = 1;

struct Parties {
	alice: SubjectId,
	bob: SubjectId,
	dave: SubjectId,
	arb: [SubjectId; 5],
	court: SubjectId,
}

fn roles(list: &[SubjectRole]) -> Roles {
	Roles::from_roles(list)
}

fn setup() -> Parties {
	let alice = subject(ALICE, roles(&[SubjectRole::DataSupplier]));
	let bob = subject(BOB, roles(&[SubjectRole::DataBuyer]));
	subject(CAROL, roles(&[SubjectRole::DataBuyer]));
	let dave = subject(DAVE, roles(&[SubjectRole::DataBuyer, SubjectRole::Arbitrator]));
	let arb = ARB.map(|a| subject(a, roles(&[SubjectRole::Arbitrator])));
	let court = subject(COURT, roles(&[SubjectRole::Court]));
	subject(POOR, roles(&[SubjectRole::DataBuyer]));
	assert_ok!(Subjects::register_subject(
		RuntimeOrigin::signed(FRANK),
		GZ,
		pallet_subjects::IdentityInput::Organisation {
			uscc: BoundedVec::try_from(uscc(FRANK as u32)).unwrap(),
			name: BoundedVec::try_from(b"Pending".to_vec()).unwrap(),
		},
		[1; 32],
	));
	assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(ALICE), ALICE2));
	assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(ALICE2), alice));
	app_in_notice(APP, GZ, alice);
	app_in_notice(BJ_APP, BJ, alice);
	cert_active(CERT, GZ, alice);
	System::reset_events();
	Parties { alice, bob, dave, arb, court }
}

fn zero() -> Digest {
	Digest::new(DigestAlgorithm::Sm3, [0; 32])
}

fn evidence(tags: &[u8]) -> BoundedVec<Digest, frame_support::traits::ConstU32<4>> {
	BoundedVec::try_from(tags.iter().map(|t| digest(*t)).collect::<Vec<_>>()).unwrap()
}

fn panel(members: &[SubjectId]) -> Panel {
	BoundedVec::try_from(members.to_vec()).unwrap()
}

fn file(who: u64, target: Target) -> u64 {
	let id = crate::NextObjectionId::<Test>::get();
	assert_ok!(Objections::file_objection(
		RuntimeOrigin::signed(who),
		target,
		digest(0x10),
		evidence(&[0x21, 0x22])
	));
	id
}

fn operator_of(target: Target) -> u64 {
	match target {
		Target::Application(BJ_APP) => BJ_ADMIN,
		_ => GZ_OPERATOR,
	}
}

fn accepted(who: u64, target: Target) -> u64 {
	let id = file(who, target);
	assert_ok!(Objections::accept_objection(RuntimeOrigin::signed(operator_of(target)), id));
	id
}

fn in_arbitration(who: u64, target: Target, members: &[SubjectId]) -> u64 {
	let id = accepted(who, target);
	assert_ok!(Objections::appoint_panel(
		RuntimeOrigin::signed(operator_of(target)),
		id,
		panel(members)
	));
	id
}

fn status(id: u64) -> ObjectionStatus {
	crate::Objections::<Test>::get(id).unwrap().status
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::ObjectionBond.into(), &who)
}

fn free(who: u64) -> u64 {
	Balances::free_balance(who)
}

fn total_issuance() -> u64 {
	pallet_balances::TotalIssuance::<Test>::get()
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Objections(e) => Some(e),
			_ => None,
		})
		.collect()
}

fn actions(id: u64) -> Vec<Action> {
	Objections::history(id).into_iter().map(|e| e.action).collect()
}

const A: Target = Target::Application(APP);
const B: Target = Target::Application(BJ_APP);
const C: Target = Target::Certificate(CERT);

// ---------------------------------------------------------------------------------------------
// Filing.

#[test]
fn objections_file_holds_bond_and_records() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let issuance = total_issuance();
		let id = file(BOB, A);
		assert_eq!(id, 1);
		let obj = crate::Objections::<Test>::get(id).unwrap();
		assert_eq!(obj.status, ObjectionStatus::Filed);
		assert_eq!((obj.objector, obj.respondent, obj.registry), (p.bob, p.alice, GZ));
		assert_eq!(obj.bond, BOND);
		assert_eq!(obj.evidence.to_vec(), vec![digest(0x21), digest(0x22)]);
		assert_eq!(obj.filed_on, today());
		assert_eq!(today(), d(2026, 2, 9));
		assert_eq!(held(BOB), BOND);
		assert_eq!(free(BOB), FUNDS - BOND);
		assert_eq!(total_issuance(), issuance);
		assert_eq!(OpenObjections::<Test>::get(A).to_vec(), vec![id]);
		assert_eq!(OpenAsParty::<Test>::get(p.bob), 1);
		assert_eq!(OpenAsParty::<Test>::get(p.alice), 1);
		assert_eq!(AcceptedOpen::<Test>::get(A), 0);
		assert!(hook_calls().is_empty());
		assert!(events().contains(&Event::Filed {
			objection: id,
			target: A,
			registry: GZ,
			objector: p.bob,
			respondent: p.alice,
			payer: BOB,
			bond: BOND,
			grounds_digest: digest(0x10),
			evidence_digests: evidence(&[0x21, 0x22]),
		}));
		let h = Objections::history(id);
		assert_eq!(h.len(), 1);
		assert_eq!(h[0].action, Action::Filed);
		assert_eq!(h[0].account, Some(BOB));
		assert_eq!(h[0].subject, Some(p.bob));
		assert_eq!(h[0].digest, Some(digest(0x10)));
		assert_eq!(h[0].date, d(2026, 2, 9));
		assert_eq!(h[0].block, 1);
		// Several objections on one target, also against a certificate.
		file(CAROL, A);
		file(BOB, C);
		assert_eq!(OpenObjections::<Test>::get(A).len(), 2);
		assert_eq!(held(BOB), 2 * BOND);
	});
}

#[test]
fn objections_file_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		setup();
		let obj = |who: u64, target: Target, grounds: Digest, ev: &[Digest]| {
			Objections::file_objection(
				RuntimeOrigin::signed(who),
				target,
				grounds,
				BoundedVec::try_from(ev.to_vec()).unwrap(),
			)
		};
		let g = digest(0x10);
		assert_noop!(obj(NOBODY, A, g, &[]), Error::<Test>::NotASubject);
		assert_noop!(obj(FRANK, A, g, &[]), Error::<Test>::NotVerified);
		// Outside notice: unknown, not in notice, certificate not in force.
		assert_noop!(obj(BOB, Target::Application(9), g, &[]), Error::<Test>::TargetNotOpen);
		set_app_state(APP, TargetState::Other);
		assert_noop!(obj(BOB, A, g, &[]), Error::<Test>::TargetNotOpen);
		set_app_state(APP, TargetState::InNotice);
		assert_noop!(obj(BOB, Target::Certificate(9), g, &[]), Error::<Test>::TargetNotOpen);
		// Objecting to oneself, from any account of the subject.
		assert_noop!(obj(ALICE, A, g, &[]), Error::<Test>::SelfObjection);
		assert_noop!(obj(ALICE2, C, g, &[]), Error::<Test>::SelfObjection);
		assert_noop!(obj(BOB, A, zero(), &[]), Error::<Test>::InvalidGroundsDigest);
		assert_noop!(obj(BOB, A, g, &[digest(1), zero()]), Error::<Test>::InvalidEvidenceDigest);
		assert_noop!(
			obj(BOB, A, g, &[digest(1), digest(2), digest(1)]),
			Error::<Test>::DuplicateEvidence
		);
		assert_noop!(obj(POOR, A, g, &[]), Error::<Test>::InsufficientBalance);
		set_bond(GZ, u128::from(u64::MAX) + 1);
		assert_noop!(obj(BOB, A, g, &[]), Error::<Test>::BondOverflow);
		set_bond(GZ, BOND as u128);
		for who in [BOB, CAROL, DAVE, BOB] {
			file(who, A);
		}
		assert_noop!(obj(CAROL, A, g, &[]), Error::<Test>::TooManyOpenObjections);
	});
}

#[test]
fn objections_evidence_is_bounded() {
	use codec::Decode;
	new_test_ext().execute_with(|| {
		let five = vec![digest(1); 5];
		let encoded = codec::Encode::encode(&five);
		assert!(<BoundedVec<Digest, frame_support::traits::ConstU32<4>>>::decode(
			&mut &encoded[..]
		)
		.is_err());
	});
}

// ---------------------------------------------------------------------------------------------
// Admission.

#[test]
fn objections_accept_disputes_target_once() {
	new_test_ext().execute_with(|| {
		setup();
		let first = file(BOB, A);
		let second = file(CAROL, A);
		assert_ok!(Objections::accept_objection(RuntimeOrigin::signed(GZ_ADMIN), first));
		assert_eq!(status(first), ObjectionStatus::Accepted);
		assert_eq!(app_state(APP), TargetState::Disputed);
		assert_eq!(hook_calls(), vec![HookCall::OpenApplication(APP)]);
		let obj = crate::Objections::<Test>::get(first).unwrap();
		// Ten working days after Monday 2026-02-09.
		assert_eq!(obj.response_last_day, Some(d(2026, 2, 23)));
		assert_eq!(obj.accepted_on, Some(d(2026, 2, 9)));
		assert_eq!(
			<Calendar as Timers>::due_date(Objections::timer_of(PHASE_RESPONSE, first)),
			Some(d(2026, 2, 24))
		);
		assert!(events().contains(&Event::Accepted {
			objection: first,
			target: A,
			response_last_day: d(2026, 2, 23),
			target_disputed: true,
		}));
		// The target is disputed already: no second hook call.
		assert_ok!(Objections::accept_objection(RuntimeOrigin::signed(GZ_OPERATOR), second));
		assert_eq!(hook_calls(), vec![HookCall::OpenApplication(APP)]);
		assert_eq!(AcceptedOpen::<Test>::get(A), 2);
		assert_eq!(actions(first), vec![Action::Filed, Action::Accepted]);
		assert_eq!(Objections::history(first)[1].account, Some(GZ_ADMIN));
	});
}

#[test]
fn objections_accept_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		setup();
		let id = file(BOB, A);
		let accept =
			|who: u64, id: u64| Objections::accept_objection(RuntimeOrigin::signed(who), id);
		assert_noop!(accept(GZ_ADMIN, 9), Error::<Test>::UnknownObjection);
		assert_noop!(accept(BOB, id), Error::<Test>::NotOperator);
		assert_noop!(accept(BJ_ADMIN, id), Error::<Test>::NotOperator);
		// The notice ended meanwhile.
		set_app_state(APP, TargetState::Other);
		assert_noop!(accept(GZ_ADMIN, id), Error::<Test>::TargetNotOpen);
		set_app_state(APP, TargetState::InNotice);
		// The certificate changed hands after the objection was filed.
		let on_cert = file(BOB, C);
		cert_active(CERT, GZ, 999);
		assert_noop!(accept(GZ_ADMIN, on_cert), Error::<Test>::RespondentChanged);
		assert_ok!(accept(GZ_ADMIN, id));
		assert_noop!(accept(GZ_ADMIN, id), Error::<Test>::NotFiled);
		let other = file(CAROL, A);
		assert_ok!(Objections::withdraw_objection(RuntimeOrigin::signed(CAROL), other));
		assert_noop!(accept(GZ_ADMIN, other), Error::<Test>::ObjectionClosed);
	});
}

#[test]
fn objections_accept_refused_by_target_rolls_back() {
	new_test_ext().execute_with(|| {
		setup();
		let id = file(BOB, C);
		// The certificate is in force but no longer active: the hook refuses.
		{
			use doid_primitives::CertificateDisputes;
			MockCertificates::open_dispute(CERT).unwrap();
		}
		assert_noop!(
			Objections::accept_objection(RuntimeOrigin::signed(GZ_ADMIN), id),
			Error::<Test>::DisputeRefused
		);
		assert_eq!(<Calendar as Timers>::due_date(Objections::timer_of(PHASE_RESPONSE, id)), None);
	});
}

#[test]
fn objections_dismiss_inadmissible_returns_bond() {
	new_test_ext().execute_with(|| {
		setup();
		let issuance = total_issuance();
		let id = file(BOB, A);
		let dismiss = |who: u64, id: u64, dg: Digest| {
			Objections::dismiss_inadmissible(RuntimeOrigin::signed(who), id, dg)
		};
		assert_noop!(dismiss(BOB, id, digest(3)), Error::<Test>::NotOperator);
		assert_noop!(dismiss(GZ_ADMIN, id, zero()), Error::<Test>::InvalidReasonDigest);
		assert_ok!(dismiss(GZ_ADMIN, id, digest(3)));
		assert_eq!(status(id), ObjectionStatus::Inadmissible);
		assert_eq!((held(BOB), free(BOB)), (0, FUNDS));
		assert_eq!(total_issuance(), issuance);
		assert!(OpenObjections::<Test>::get(A).is_empty());
		assert_eq!(OpenAsParty::<Test>::get(1), 0);
		assert!(hook_calls().is_empty());
		assert!(events()
			.contains(&Event::DismissedInadmissible { objection: id, reason_digest: digest(3) }));
		assert!(events().contains(&Event::BondReturned { objection: id, to: BOB, amount: BOND }));
		assert_eq!(actions(id), vec![Action::Filed, Action::DismissedInadmissible]);
		assert_eq!(Objections::history(id)[1].digest, Some(digest(3)));
		// Closed: nothing more, and the bond is not released twice.
		assert_noop!(dismiss(GZ_ADMIN, id, digest(3)), Error::<Test>::ObjectionClosed);
		assert_noop!(
			Objections::withdraw_objection(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::ObjectionClosed
		);
		// After acceptance it is too late.
		let id = accepted(BOB, A);
		assert_noop!(dismiss(GZ_ADMIN, id, digest(3)), Error::<Test>::NotFiled);
	});
}

// ---------------------------------------------------------------------------------------------
// Response and panel.

#[test]
fn objections_respond_and_errors() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let id = file(BOB, A);
		let respond =
			|who: u64, dg: Digest| Objections::respond(RuntimeOrigin::signed(who), id, dg);
		assert_noop!(respond(ALICE, digest(4)), Error::<Test>::NotAccepted);
		assert_ok!(Objections::accept_objection(RuntimeOrigin::signed(GZ_ADMIN), id));
		assert_noop!(respond(BOB, digest(4)), Error::<Test>::NotRespondent);
		assert_noop!(respond(NOBODY, digest(4)), Error::<Test>::NotRespondent);
		assert_noop!(respond(ALICE, zero()), Error::<Test>::InvalidResponseDigest);
		run_block_on(d(2026, 2, 23));
		// Any account of the respondent, on the last day.
		assert_ok!(respond(ALICE2, digest(4)));
		assert_eq!(crate::Objections::<Test>::get(id).unwrap().response_digest, Some(digest(4)));
		assert!(events().contains(&Event::Responded {
			objection: id,
			respondent: p.alice,
			response_digest: digest(4)
		}));
		assert_noop!(respond(ALICE, digest(5)), Error::<Test>::AlreadyResponded);
		// No silence is recorded once responded.
		run_block_on(d(2026, 2, 24));
		assert!(events().is_empty());
		assert_eq!(actions(id), vec![Action::Filed, Action::Accepted, Action::Responded]);
		let h = Objections::history(id);
		assert_eq!(
			(h[2].account, h[2].subject, h[2].date),
			(Some(ALICE2), Some(p.alice), d(2026, 2, 23))
		);
	});
}

#[test]
fn objections_respondent_silence_is_recorded_by_timer() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let id = accepted(BOB, A);
		run_block_on(d(2026, 2, 23));
		assert!(events().is_empty());
		run_block_on(d(2026, 2, 24));
		assert_eq!(events(), vec![Event::RespondentSilent { objection: id, respondent: p.alice }]);
		assert_eq!(actions(id), vec![Action::Filed, Action::Accepted, Action::RespondentSilent]);
		assert_eq!(Objections::history(id)[2].account, None);
		assert_eq!(status(id), ObjectionStatus::Accepted);
		assert_noop!(
			Objections::respond(RuntimeOrigin::signed(ALICE), id, digest(4)),
			Error::<Test>::ResponseDeadlinePassed
		);
		// The panel still decides.
		assert_ok!(Objections::appoint_panel(
			RuntimeOrigin::signed(GZ_ADMIN),
			id,
			panel(&[p.arb[0]])
		));
		assert_ok!(Objections::vote(RuntimeOrigin::signed(ARB[0]), id, Outcome::Uphold, digest(5)));
		assert_eq!(
			status(id),
			ObjectionStatus::Decided { outcome: Outcome::Uphold, by: DecidedBy::Panel }
		);
	});
}

#[test]
fn objections_appoint_panel_checks_arbitrators() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let id = file(DAVE, A);
		let appoint = |who: u64, members: &[SubjectId]| {
			Objections::appoint_panel(RuntimeOrigin::signed(who), id, panel(members))
		};
		assert_noop!(appoint(GZ_ADMIN, &[p.arb[0]]), Error::<Test>::NotAccepted);
		assert_ok!(Objections::accept_objection(RuntimeOrigin::signed(GZ_ADMIN), id));
		assert_noop!(appoint(BOB, &[p.arb[0]]), Error::<Test>::NotOperator);
		assert_noop!(appoint(GZ_ADMIN, &[]), Error::<Test>::InvalidPanelSize);
		assert_noop!(appoint(GZ_ADMIN, &p.arb[..2]), Error::<Test>::InvalidPanelSize);
		assert_noop!(appoint(GZ_ADMIN, &p.arb[..4]), Error::<Test>::InvalidPanelSize);
		assert_noop!(
			appoint(GZ_ADMIN, &[p.arb[0], p.arb[1], p.arb[0]]),
			Error::<Test>::DuplicateArbitrator
		);
		// Unqualified: no arbitrator role, unknown subject, not verified.
		assert_noop!(
			appoint(GZ_ADMIN, &[p.arb[0], p.bob, p.arb[1]]),
			Error::<Test>::ArbitratorNotQualified
		);
		assert_noop!(appoint(GZ_ADMIN, &[999]), Error::<Test>::ArbitratorNotQualified);
		assert_ok!(Subjects::suspend_subject(RuntimeOrigin::signed(GZ_ADMIN), p.arb[2], [9; 32]));
		assert_noop!(appoint(GZ_ADMIN, &[p.arb[2]]), Error::<Test>::ArbitratorNotQualified);
		// Conflicted: the objector (an arbitrator too) and the respondent (made an arbitrator).
		assert_noop!(appoint(GZ_ADMIN, &[p.dave]), Error::<Test>::ArbitratorConflict);
		assert_ok!(Subjects::set_roles(
			RuntimeOrigin::signed(GZ_ADMIN),
			p.alice,
			roles(&[SubjectRole::DataSupplier, SubjectRole::Arbitrator])
		));
		assert_noop!(
			appoint(GZ_ADMIN, &[p.arb[0], p.arb[1], p.alice]),
			Error::<Test>::ArbitratorConflict
		);
		assert_ok!(appoint(GZ_OPERATOR, &[p.arb[0], p.arb[1], p.arb[3]]));
		let obj = crate::Objections::<Test>::get(id).unwrap();
		assert_eq!(obj.status, ObjectionStatus::Arbitration);
		// Thirty working days after Monday 2026-02-09.
		assert_eq!(obj.arbitration_last_day, Some(d(2026, 3, 23)));
		assert_eq!(
			<Calendar as Timers>::due_date(Objections::timer_of(PHASE_ARBITRATION, id)),
			Some(d(2026, 3, 24))
		);
		assert!(events().contains(&Event::PanelAppointed {
			objection: id,
			panel: panel(&[p.arb[0], p.arb[1], p.arb[3]]),
			arbitration_last_day: d(2026, 3, 23),
		}));
		assert_noop!(appoint(GZ_ADMIN, &[p.arb[4]]), Error::<Test>::PanelAlreadyAppointed);
	});
}

// ---------------------------------------------------------------------------------------------
// Votes and decisions.

#[test]
fn objections_vote_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let id = accepted(BOB, A);
		let vote = |who: u64, dg: Digest| {
			Objections::vote(RuntimeOrigin::signed(who), id, Outcome::Uphold, dg)
		};
		assert_noop!(vote(ARB[0], digest(5)), Error::<Test>::NotInArbitration);
		assert_ok!(Objections::appoint_panel(
			RuntimeOrigin::signed(GZ_ADMIN),
			id,
			panel(&p.arb[..3])
		));
		assert_noop!(vote(ARB[3], digest(5)), Error::<Test>::NotPanelMember);
		assert_noop!(vote(BOB, digest(5)), Error::<Test>::NotPanelMember);
		assert_noop!(vote(NOBODY, digest(5)), Error::<Test>::NotPanelMember);
		assert_noop!(vote(ARB[0], zero()), Error::<Test>::InvalidOpinionDigest);
		assert_ok!(vote(ARB[0], digest(5)));
		assert_noop!(vote(ARB[0], digest(6)), Error::<Test>::AlreadyVoted);
		assert_ok!(Subjects::suspend_subject(RuntimeOrigin::signed(GZ_ADMIN), p.arb[1], [9; 32]));
		assert_noop!(vote(ARB[1], digest(5)), Error::<Test>::NotVerified);
		assert_noop!(
			Objections::vote(RuntimeOrigin::signed(ARB[0]), 9, Outcome::Uphold, digest(5)),
			Error::<Test>::UnknownObjection
		);
	});
}

#[test]
fn objections_panel_upholds_application() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let issuance = total_issuance();
		let id = in_arbitration(BOB, A, &p.arb[..3]);
		assert_ok!(Objections::vote(RuntimeOrigin::signed(ARB[0]), id, Outcome::Uphold, digest(5)));
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[1]),
			id,
			Outcome::Dismiss,
			digest(6)
		));
		assert_eq!(status(id), ObjectionStatus::Arbitration);
		assert_ok!(Objections::vote(RuntimeOrigin::signed(ARB[2]), id, Outcome::Uphold, digest(7)));
		assert_eq!(
			status(id),
			ObjectionStatus::Decided { outcome: Outcome::Uphold, by: DecidedBy::Panel }
		);
		let ballots = crate::Objections::<Test>::get(id).unwrap().ballots;
		let decision = Objections::decision_digest(id, &ballots);
		assert_eq!(decision.algorithm, DigestAlgorithm::Blake2b256);
		assert_eq!(app_state(APP), TargetState::Rejected);
		assert_eq!(
			hook_calls(),
			vec![HookCall::OpenApplication(APP), HookCall::RejectUpheld(APP, decision)]
		);
		assert!(events().contains(&Event::Decided {
			objection: id,
			target: A,
			outcome: Outcome::Uphold,
			by: DecidedBy::Panel,
			uphold_votes: 2,
			dismiss_votes: 1,
			decision_digest: decision,
		}));
		// Bond returned to the objector, exactly once.
		assert_eq!((held(BOB), free(BOB)), (0, FUNDS));
		assert_eq!(free(ALICE), FUNDS);
		assert_eq!(total_issuance(), issuance);
		assert_eq!(AcceptedOpen::<Test>::get(A), 0);
		assert_eq!(OpenAsParty::<Test>::get(p.alice), 0);
		// The arbitration timer is cancelled: nothing fires later.
		assert_eq!(
			<Calendar as Timers>::due_date(Objections::timer_of(PHASE_ARBITRATION, id)),
			None
		);
		run_block_on(d(2026, 3, 24));
		assert!(events().is_empty());
		assert_noop!(
			Objections::vote(RuntimeOrigin::signed(ARB[0]), id, Outcome::Uphold, digest(5)),
			Error::<Test>::ObjectionClosed
		);
		assert_eq!(
			actions(id),
			vec![
				Action::Filed,
				Action::Accepted,
				Action::PanelAppointed,
				Action::Voted(Outcome::Uphold),
				Action::Voted(Outcome::Dismiss),
				Action::Voted(Outcome::Uphold),
				Action::Decided { outcome: Outcome::Uphold, by: DecidedBy::Panel },
			]
		);
		let h = Objections::history(id);
		assert_eq!((h[3].subject, h[3].digest), (Some(p.arb[0]), Some(digest(5))));
		assert_eq!(h[6].digest, Some(decision));
	});
}

#[test]
fn objections_panel_dismisses_certificate_bond_to_respondent() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let issuance = total_issuance();
		let id = in_arbitration(BOB, C, &p.arb[..1]);
		assert_eq!(cert_state(CERT), TargetState::Disputed);
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[0]),
			id,
			Outcome::Dismiss,
			digest(5)
		));
		assert_eq!(
			status(id),
			ObjectionStatus::Decided { outcome: Outcome::Dismiss, by: DecidedBy::Panel }
		);
		assert_eq!(cert_state(CERT), TargetState::Active);
		assert_eq!(hook_calls(), vec![HookCall::OpenCertificate(CERT), HookCall::Restore(CERT)]);
		assert_eq!((held(BOB), free(BOB)), (0, FUNDS - BOND));
		assert_eq!(free(ALICE), FUNDS + BOND);
		assert_eq!(total_issuance(), issuance);
		assert!(events().contains(&Event::BondForfeited {
			objection: id,
			to: ALICE,
			amount: BOND
		}));
		assert!(events().contains(&Event::TargetReleased { target: C }));
	});
}

#[test]
fn objections_certificate_upheld_is_revoked() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let id = in_arbitration(BOB, C, &p.arb[..1]);
		assert_ok!(Objections::vote(RuntimeOrigin::signed(ARB[0]), id, Outcome::Uphold, digest(5)));
		assert_eq!(cert_state(CERT), TargetState::Revoked);
		let ballots = crate::Objections::<Test>::get(id).unwrap().ballots;
		assert_eq!(
			hook_calls(),
			vec![
				HookCall::OpenCertificate(CERT),
				HookCall::RevokeUpheld(CERT, Objections::decision_digest(id, &ballots))
			]
		);
		assert_eq!((held(BOB), free(BOB)), (0, FUNDS));
	});
}

#[test]
fn objections_deadline_counts_partial_votes() {
	new_test_ext().execute_with(|| {
		let p = setup();
		// BJ: arbitration 3 WD: appointed Monday 2026-02-09, last day Thursday 02-12.
		let id = in_arbitration(BOB, B, &p.arb[..3]);
		assert_eq!(
			crate::Objections::<Test>::get(id).unwrap().arbitration_last_day,
			Some(d(2026, 2, 12))
		);
		run_block_on(d(2026, 2, 12));
		assert_ok!(Objections::vote(RuntimeOrigin::signed(ARB[1]), id, Outcome::Uphold, digest(5)));
		run_block_on(d(2026, 2, 13));
		assert_eq!(
			status(id),
			ObjectionStatus::Decided { outcome: Outcome::Uphold, by: DecidedBy::Deadline }
		);
		assert_eq!(app_state(BJ_APP), TargetState::Rejected);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::Decided { uphold_votes: 1, dismiss_votes: 0, by: DecidedBy::Deadline, .. }
		)));
		assert_eq!(
			actions(id).last(),
			Some(&Action::Decided { outcome: Outcome::Uphold, by: DecidedBy::Deadline })
		);
		assert_eq!(Objections::history(id).last().unwrap().block, System::block_number());
	});
}

#[test]
fn objections_deadline_tie_and_no_votes_dismiss() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let tie = in_arbitration(BOB, B, &p.arb[..3]);
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[0]),
			tie,
			Outcome::Uphold,
			digest(5)
		));
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[1]),
			tie,
			Outcome::Dismiss,
			digest(6)
		));
		let silent = in_arbitration(CAROL, B, &p.arb[3..4]);
		assert_eq!(AcceptedOpen::<Test>::get(B), 2);
		run_block_on(d(2026, 2, 13));
		for id in [tie, silent] {
			assert_eq!(
				status(id),
				ObjectionStatus::Decided { outcome: Outcome::Dismiss, by: DecidedBy::Deadline }
			);
		}
		// Both closed: the application is back in notice, resumed once.
		assert_eq!(app_state(BJ_APP), TargetState::InNotice);
		assert_eq!(hook_calls(), vec![HookCall::OpenApplication(BJ_APP), HookCall::Resume(BJ_APP)]);
		assert_eq!(AcceptedOpen::<Test>::get(B), 0);
		// BJ's response period (2 WD) also ended on 02-11: silence recorded for both.
		assert!(actions(silent).contains(&Action::RespondentSilent));
	});
}

#[test]
fn objections_two_concurrent_objections_keep_target_disputed() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let issuance = total_issuance();
		let first = in_arbitration(BOB, A, &p.arb[..1]);
		let second = accepted(CAROL, A);
		assert_eq!(AcceptedOpen::<Test>::get(A), 2);
		// The first is dismissed: the application stays disputed.
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[0]),
			first,
			Outcome::Dismiss,
			digest(5)
		));
		assert_eq!(app_state(APP), TargetState::Disputed);
		assert_eq!(AcceptedOpen::<Test>::get(A), 1);
		assert_eq!(hook_calls(), vec![HookCall::OpenApplication(APP)]);
		assert!(!events().contains(&Event::TargetReleased { target: A }));
		// The second is withdrawn: back in notice.
		assert_ok!(Objections::withdraw_objection(RuntimeOrigin::signed(CAROL), second));
		assert_eq!(status(second), ObjectionStatus::Withdrawn);
		assert_eq!(app_state(APP), TargetState::InNotice);
		assert_eq!(hook_calls(), vec![HookCall::OpenApplication(APP), HookCall::Resume(APP)]);
		assert!(events().contains(&Event::TargetReleased { target: A }));
		assert_eq!(AcceptedOpen::<Test>::get(A), 0);
		assert!(OpenObjections::<Test>::get(A).is_empty());
		// Bonds: Bob's to Alice, Carol's back.
		assert_eq!((free(BOB), free(CAROL), free(ALICE)), (FUNDS - BOND, FUNDS, FUNDS + BOND));
		assert_eq!(held(BOB) + held(CAROL), 0);
		assert_eq!(total_issuance(), issuance);
	});
}

#[test]
fn objections_upheld_closes_others_as_moot() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let issuance = total_issuance();
		let upheld = in_arbitration(BOB, A, &p.arb[..1]);
		let accepted_other = accepted(CAROL, A);
		let filed_other = file(DAVE, A);
		let elsewhere = file(BOB, C);
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[0]),
			upheld,
			Outcome::Uphold,
			digest(5)
		));
		for id in [accepted_other, filed_other] {
			assert_eq!(status(id), ObjectionStatus::Moot { upheld });
			assert_eq!(actions(id).last(), Some(&Action::Moot { upheld }));
			assert!(events().contains(&Event::Moot { objection: id, upheld }));
		}
		assert_eq!(status(elsewhere), ObjectionStatus::Filed);
		assert!(OpenObjections::<Test>::get(A).is_empty());
		assert_eq!(AcceptedOpen::<Test>::get(A), 0);
		assert_eq!(OpenAsParty::<Test>::get(p.alice), 1);
		assert_eq!(OpenAsParty::<Test>::get(p.bob), 1);
		assert_eq!(OpenAsParty::<Test>::get(p.dave), 0);
		// Every bond on the application returned; Bob's other bond still held.
		assert_eq!((free(BOB), held(BOB)), (FUNDS - BOND, BOND));
		assert_eq!((free(CAROL), free(DAVE), free(ALICE)), (FUNDS, FUNDS, FUNDS));
		assert_eq!(total_issuance(), issuance);
		assert_eq!(
			<Calendar as Timers>::due_date(Objections::timer_of(PHASE_RESPONSE, accepted_other)),
			None
		);
		// The target is final: no new objection.
		assert_noop!(
			Objections::file_objection(
				RuntimeOrigin::signed(CAROL),
				A,
				digest(0x10),
				BoundedVec::default()
			),
			Error::<Test>::TargetNotOpen
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Withdrawal and court rulings.

#[test]
fn objections_withdraw() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let filed = file(BOB, A);
		assert_noop!(
			Objections::withdraw_objection(RuntimeOrigin::signed(CAROL), filed),
			Error::<Test>::NotObjector
		);
		assert_noop!(
			Objections::withdraw_objection(RuntimeOrigin::signed(ALICE), filed),
			Error::<Test>::NotObjector
		);
		assert_noop!(
			Objections::withdraw_objection(RuntimeOrigin::signed(BOB), 9),
			Error::<Test>::UnknownObjection
		);
		assert_ok!(Objections::withdraw_objection(RuntimeOrigin::signed(BOB), filed));
		assert!(hook_calls().is_empty());
		assert_eq!((free(BOB), held(BOB)), (FUNDS, 0));
		assert_eq!(actions(filed), vec![Action::Filed, Action::Withdrawn]);
		// In arbitration: the target is released, the timers cancelled.
		let id = in_arbitration(BOB, A, &p.arb[..1]);
		assert_ok!(Objections::withdraw_objection(RuntimeOrigin::signed(BOB), id));
		assert_eq!(app_state(APP), TargetState::InNotice);
		assert_eq!(
			<Calendar as Timers>::due_date(Objections::timer_of(PHASE_ARBITRATION, id)),
			None
		);
		assert_eq!(OpenAsParty::<Test>::get(p.bob), 0);
		assert_noop!(
			Objections::withdraw_objection(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::ObjectionClosed
		);
	});
}

#[test]
fn objections_court_ruling_overrides_any_stage() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let rule = |who: u64, id: u64, outcome: Outcome, dg: Digest| {
			Objections::court_ruling(RuntimeOrigin::signed(who), id, outcome, dg)
		};
		// On a filed objection, dismissing: the target is not touched, the bond is forfeited.
		let id = file(BOB, A);
		assert_noop!(rule(BOB, id, Outcome::Dismiss, digest(8)), Error::<Test>::NotCourt);
		assert_noop!(rule(NOBODY, id, Outcome::Dismiss, digest(8)), Error::<Test>::NotCourt);
		assert_noop!(rule(COURT, id, Outcome::Dismiss, zero()), Error::<Test>::InvalidRulingDigest);
		assert_noop!(rule(COURT, 9, Outcome::Dismiss, digest(8)), Error::<Test>::UnknownObjection);
		assert_ok!(rule(COURT, id, Outcome::Dismiss, digest(8)));
		assert_eq!(
			status(id),
			ObjectionStatus::Decided { outcome: Outcome::Dismiss, by: DecidedBy::Court(p.court) }
		);
		assert!(hook_calls().is_empty());
		assert_eq!((free(BOB), free(ALICE)), (FUNDS - BOND, FUNDS + BOND));
		assert!(events().contains(&Event::CourtRuling {
			objection: id,
			court: p.court,
			outcome: Outcome::Dismiss,
			ruling_digest: digest(8)
		}));
		assert_eq!(
			actions(id),
			vec![
				Action::Filed,
				Action::CourtRuling(Outcome::Dismiss),
				Action::Decided { outcome: Outcome::Dismiss, by: DecidedBy::Court(p.court) }
			]
		);
		// Final.
		assert_noop!(rule(COURT, id, Outcome::Uphold, digest(8)), Error::<Test>::ObjectionClosed);
		// On a filed objection, upholding: the target is disputed, then rejected.
		let id = file(CAROL, A);
		assert_ok!(rule(COURT, id, Outcome::Uphold, digest(9)));
		assert_eq!(app_state(APP), TargetState::Rejected);
		assert_eq!(
			hook_calls(),
			vec![HookCall::OpenApplication(APP), HookCall::RejectUpheld(APP, digest(9))]
		);
		assert_eq!(free(CAROL), FUNDS);
		// During arbitration, overriding the panel.
		let id = in_arbitration(BOB, C, &p.arb[..3]);
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[0]),
			id,
			Outcome::Dismiss,
			digest(5)
		));
		assert_ok!(rule(COURT, id, Outcome::Uphold, digest(10)));
		assert_eq!(cert_state(CERT), TargetState::Revoked);
		assert_noop!(
			Objections::vote(RuntimeOrigin::signed(ARB[1]), id, Outcome::Dismiss, digest(5)),
			Error::<Test>::ObjectionClosed
		);
	});
}

#[test]
fn objections_target_hook_failure_does_not_block_decision() {
	new_test_ext().execute_with(|| {
		setup();
		let id = accepted(BOB, A);
		// The applicant withdrew the application meanwhile.
		set_app_state(APP, TargetState::Other);
		assert_ok!(Objections::court_ruling(
			RuntimeOrigin::signed(COURT),
			id,
			Outcome::Uphold,
			digest(9)
		));
		assert!(matches!(status(id), ObjectionStatus::Decided { .. }));
		assert!(events().contains(&Event::TargetUpdateFailed {
			objection: id,
			target: A,
			error: DisputeError::WrongState
		}));
		assert_eq!((free(BOB), held(BOB)), (FUNDS, 0));
	});
}

#[test]
fn objections_forfeit_falls_back_to_objector() {
	new_test_ext().execute_with(|| {
		let p = setup();
		// A respondent whose main account holds nothing; a bond below the existential deposit.
		let holder = subject(71, roles(&[SubjectRole::DataSupplier]));
		cert_active(2, GZ, holder);
		set_bond(GZ, 3);
		let id = in_arbitration(BOB, Target::Certificate(2), &p.arb[..1]);
		assert_eq!(held(BOB), 3);
		assert_ok!(Objections::vote(
			RuntimeOrigin::signed(ARB[0]),
			id,
			Outcome::Dismiss,
			digest(5)
		));
		assert_eq!((free(BOB), held(BOB), free(71)), (FUNDS, 0, 0));
		assert!(events().contains(&Event::BondReturned { objection: id, to: BOB, amount: 3 }));
	});
}

#[test]
fn objections_parties_cannot_deregister() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let id = file(CAROL, B);
		let carol = <Subjects as SubjectsInspect<u64>>::subject_of(&CAROL).unwrap();
		assert!(<Objections as SubjectActivity>::blocks_deregistration(carol));
		assert!(<Objections as SubjectActivity>::blocks_deregistration(p.alice));
		assert!(!<Objections as SubjectActivity>::blocks_deregistration(p.bob));
		assert_noop!(
			Subjects::deregister_subject(RuntimeOrigin::signed(CAROL)),
			pallet_subjects::Error::<Test>::SubjectBusy
		);
		assert_ok!(Objections::withdraw_objection(RuntimeOrigin::signed(CAROL), id));
		assert!(!<Objections as SubjectActivity>::blocks_deregistration(carol));
		assert_ok!(Subjects::deregister_subject(RuntimeOrigin::signed(CAROL)));
	});
}

#[test]
fn objections_stale_and_unknown_timers_are_ignored() {
	new_test_ext().execute_with(|| {
		setup();
		let id = accepted(BOB, A);
		assert_ok!(Objections::withdraw_objection(RuntimeOrigin::signed(BOB), id));
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		Objections::on_timer(Objections::timer_of(PHASE_RESPONSE, id).id);
		Objections::on_timer(Objections::timer_of(PHASE_ARBITRATION, id).id);
		Objections::on_timer(Objections::timer_of(7, id).id);
		Objections::on_timer(12345);
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
		assert!(Objections::on_timer_max_weight().ref_time() > 0);
		assert_eq!(Objections::timer_of(PHASE_ARBITRATION, 5).id, (2u64 << 56) | 5);
	});
}

#[test]
fn objections_late_vote_is_refused() {
	new_test_ext().execute_with(|| {
		let p = setup();
		let id = in_arbitration(BOB, B, &p.arb[..3]);
		// The clock passes the last day (2026-02-12) before the timer is processed.
		let first = pallet_calendar::FirstBlockMs::<Test>::get().unwrap();
		Now::set(&(first + 4 * DAY_MS));
		assert_eq!(today(), d(2026, 2, 13));
		assert_noop!(
			Objections::vote(RuntimeOrigin::signed(ARB[0]), id, Outcome::Uphold, digest(5)),
			Error::<Test>::ArbitrationDeadlinePassed
		);
	});
}
