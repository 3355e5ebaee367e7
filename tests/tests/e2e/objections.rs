//! Issue 7, acceptance 2: on a four-validator local chain whose calendar day lasts one block
//! (6 s), two applications of one supplier at the Beijing exchange go on public notice and each
//! receives an objection from another verified subject. Bob (the exchange's administrator)
//! accepts both: the notices pause with their remaining working days. A panel of three
//! arbitrators then decides, several days later:
//!
//! * application A: all three dismiss → the notice resumes with the stored remaining working
//!   days, the bond goes to the respondent, and the chain issues the certificate in the first
//!   block after the new last day;
//! * application B: two uphold, one dismisses → the application is rejected, the objector gets
//!   the bond back, and no certificate is ever issued for it.

use doid_e2e::{flows::*, *};
use doid_primitives::{Date, Digest, ElementKind, SubjectRole, Uscc};
use doid_runtime::{AccountId, RuntimeCall, RuntimeEvent, UNIT};
use pallet_objections::{Call, DecidedBy, Event, Outcome, Target};
use pallet_registration::Event as RegistrationEvent;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{AliceStash, Bob, BobStash, CharlieStash, Eve, Ferdie, One, Two};

fn objections(call: Call<doid_runtime::Runtime>) -> RuntimeCall {
	RuntimeCall::Objections(call)
}

fn account(pair: &sr25519::Pair) -> AccountId {
	AccountId::from(pair.public())
}

/// The chain date of the block holding the first event matched by `f`, searching from `from`.
fn dated<T>(rpc: &Rpc, from: u32, f: impl FnMut(&RuntimeEvent) -> Option<T>) -> (T, Date) {
	let (found, block) = rpc.watch_events(from, MINUTE, f).expect("event found");
	(found, block_date(rpc, block))
}

#[test]
fn objection_pauses_notice_and_panel_decides() {
	// Monday 2026-03-02: no public holiday in the weeks the test spans, weekends only.
	let spec = patched_chain_spec("local", "objections", |genesis| {
		genesis["calendar"]["dayLengthMs"] = serde_json::json!(6_000);
		genesis["calendar"]["startDate"] = serde_json::json!("2026-03-02");
	});
	let nodes = start_validators(spec.to_str().expect("UTF-8 path"));
	let rpc = nodes[0].rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(MINUTE, "block 2", || (rpc.best_number().ok()? >= 2).then_some(()));

	let (eve, ferdie, one, two) = (Eve.pair(), Ferdie.pair(), One.pair(), Two.pair());
	let panel_accounts = [AliceStash.pair(), BobStash.pair(), CharlieStash.pair()];
	let usccs: Vec<String> = (1..=7).map(|i| Uscc::synthetic(7_000 + i).as_str().into()).collect();
	let arbitrator: &[SubjectRole] = &[SubjectRole::Arbitrator];
	let ids = verified_subjects(
		&rpc,
		&[
			(&eve, usccs[0].as_str(), &[SubjectRole::DataSupplier]),
			(&ferdie, usccs[1].as_str(), &[SubjectRole::ServiceAgency]),
			(&one, usccs[2].as_str(), &[SubjectRole::DataBuyer]),
			(&two, usccs[3].as_str(), &[SubjectRole::DataBuyer]),
			(&panel_accounts[0], usccs[4].as_str(), arbitrator),
			(&panel_accounts[1], usccs[5].as_str(), arbitrator),
			(&panel_accounts[2], usccs[6].as_str(), arbitrator),
		],
	);
	let (supplier, agency) = (ids[0], ids[1]);
	let panel: pallet_objections::Panel = ids[4..7].to_vec().try_into().expect("three");

	// Two applications of Eve on notice.
	let start_block = rpc.best_number().unwrap();
	let app_a = submit_application(
		&rpc,
		&eve,
		application(ElementKind::DataResource, "郑州物流轨迹数据", 1, &[]),
	)
	.expect("A submitted");
	let app_b = submit_application(
		&rpc,
		&eve,
		application(ElementKind::DataResource, "郑州仓储库存数据", 2, &[]),
	)
	.expect("B submitted");
	let notices = review_all(&rpc, &[app_a, app_b], agency, &ferdie);
	let (last_a, last_b) = (notices[0].1, notices[1].1);

	// One objects to A, Two to B: 100 UNIT bond each (the genesis rule of every exchange).
	let grounds = |seed: u8| Digest::synthetic(0x60, u32::from(seed));
	let file = |app: u64, seed: u8| {
		objections(Call::file_objection {
			target: Target::Application(app),
			grounds_digest: grounds(seed),
			evidence_digests: vec![Digest::synthetic(0x61, u32::from(seed))]
				.try_into()
				.expect("one"),
		})
	};
	let filed = rpc
		.submit_all(vec![(file(app_a, 1), &one), (file(app_b, 2), &two)], 2, MINUTE, |e| match e {
			RuntimeEvent::Objections(Event::Filed {
				objection,
				target: Target::Application(app),
				respondent,
				payer,
				bond,
				..
			}) => {
				assert_eq!(*respondent, supplier);
				assert_eq!(*bond, 100 * UNIT);
				Some((*app, *objection, payer.clone()))
			}
			_ => None,
		})
		.expect("objections filed");
	let objection_of = |app: u64| filed.iter().find(|f| f.0 == app).expect("filed").1;
	let (obj_a, obj_b) = (objection_of(app_a), objection_of(app_b));
	assert!(
		filed.iter().any(|f| f.2 == account(&one)) && filed.iter().any(|f| f.2 == account(&two))
	);

	// Bob accepts both: each notice pauses with the working days left after the pause day.
	let bob = Bob.pair();
	let from = rpc.best_number().unwrap() + 1;
	let accept = |id| (objections(Call::accept_objection { id }), &bob);
	rpc.submit_all(vec![accept(obj_a), accept(obj_b)], 2, MINUTE, |e| match e {
		RuntimeEvent::Objections(Event::Accepted { objection, target_disputed: true, .. }) => {
			Some(*objection)
		}
		_ => None,
	})
	.expect("objections accepted");
	let (remaining_a, paused_on) = dated(&rpc, from, |e| match e {
		RuntimeEvent::Registration(RegistrationEvent::NoticePaused { application, remaining })
			if *application == app_a =>
		{
			Some(*remaining)
		}
		_ => None,
	});
	assert!(paused_on <= last_a, "paused during the notice");
	assert_eq!(u64::from(remaining_a), working_days(&rpc, paused_on, last_a));
	assert!(remaining_a > 0, "the pause came before the last day");

	// The panel of three is appointed on both; Eve answers objection A.
	let appoint = |id| (objections(Call::appoint_panel { id, arbitrators: panel.clone() }), &bob);
	let answer =
		objections(Call::respond { id: obj_a, response_digest: Digest::synthetic(0x62, 1) });
	rpc.submit_all(vec![appoint(obj_a), appoint(obj_b), (answer, &eve)], 3, MINUTE, |e| match e {
		RuntimeEvent::Objections(
			Event::PanelAppointed { objection, .. } | Event::Responded { objection, .. },
		) => Some(*objection),
		_ => None,
	})
	.expect("panels appointed, response recorded");

	// Let a few days pass with the notices paused.
	let later = rpc.best_number().unwrap() + 3;
	wait_for(MINUTE, "three more days", || (rpc.best_number().ok()? >= later).then_some(()));

	// Votes: A dismissed unanimously; B upheld two to one.
	let vote = |id, vote, who: &sr25519::Pair| {
		let call = Call::vote { id, vote, opinion_digest: Digest::synthetic(0x63, id as u32) };
		(objections(call), who.clone())
	};
	let ballots = vec![
		vote(obj_a, Outcome::Dismiss, &panel_accounts[0]),
		vote(obj_a, Outcome::Dismiss, &panel_accounts[1]),
		vote(obj_a, Outcome::Dismiss, &panel_accounts[2]),
		vote(obj_b, Outcome::Uphold, &panel_accounts[0]),
		vote(obj_b, Outcome::Uphold, &panel_accounts[1]),
		vote(obj_b, Outcome::Dismiss, &panel_accounts[2]),
	];
	let from = rpc.best_number().unwrap() + 1;
	let decisions = rpc
		.submit_all(ballots.iter().map(|(c, p)| (c.clone(), p)).collect(), 2, 2 * MINUTE, |e| {
			match e {
				RuntimeEvent::Objections(Event::Decided {
					objection,
					outcome,
					by: DecidedBy::Panel,
					uphold_votes,
					dismiss_votes,
					..
				}) => Some((*objection, *outcome, *uphold_votes, *dismiss_votes)),
				_ => None,
			}
		})
		.expect("both decided");
	assert!(decisions.contains(&(obj_a, Outcome::Dismiss, 0, 3)), "{decisions:?}");
	assert!(decisions.contains(&(obj_b, Outcome::Uphold, 2, 1)), "{decisions:?}");

	// A: the notice resumes with the stored remaining working days, several days later.
	let (new_last_a, resumed_on) = dated(&rpc, from, |e| match e {
		RuntimeEvent::Registration(RegistrationEvent::NoticeResumed {
			application,
			notice_last_day,
		}) if *application == app_a => Some(*notice_last_day),
		_ => None,
	});
	assert!(
		resumed_on.to_day_number() - paused_on.to_day_number() >= 3,
		"paused from {paused_on:?} to {resumed_on:?}"
	);
	assert_eq!(working_days(&rpc, resumed_on, new_last_a), u64::from(remaining_a));
	assert!(new_last_a > last_a, "the pause moved the last day");
	// (recipient, amount, returned to the objector?)
	let bond_events = |objection_id| {
		move |e: &RuntimeEvent| match e {
			RuntimeEvent::Objections(Event::BondForfeited { objection, to, amount })
				if *objection == objection_id =>
			{
				Some((to.clone(), *amount, false))
			}
			RuntimeEvent::Objections(Event::BondReturned { objection, to, amount })
				if *objection == objection_id =>
			{
				Some((to.clone(), *amount, true))
			}
			_ => None,
		}
	};
	let (bond_a, _) = rpc.watch_events(from, MINUTE, bond_events(obj_a)).expect("bond of A");
	assert_eq!(bond_a, (account(&eve), 100 * UNIT, false), "A's bond goes to the respondent");
	let (bond_b, _) = rpc.watch_events(from, MINUTE, bond_events(obj_b)).expect("bond of B");
	assert_eq!(bond_b, (account(&two), 100 * UNIT, true), "B's bond goes back to the objector");

	// B: rejected on the decision.
	rpc.watch_events(from, MINUTE, |e| match e {
		RuntimeEvent::Registration(RegistrationEvent::RejectedUpheld { application, .. })
			if *application == app_b =>
		{
			Some(())
		}
		_ => None,
	})
	.expect("B rejected");

	// The whole procedure of A can be reconstructed from doid_objection.
	let view = rpc.json("doid_objection", serde_json::json!([obj_a])).unwrap();
	let actions: Vec<String> = view["history"]
		.as_array()
		.expect("history")
		.iter()
		.map(|h| h["action"].as_str().unwrap_or_default().to_string())
		.collect();
	// The panel appointment and the response were submitted together: either order.
	let mut middle = actions.get(2..4).expect("four steps").to_vec();
	middle.sort();
	assert_eq!(actions.len(), 8, "{view}");
	assert_eq!(actions[..2], ["Filed", "Accepted"], "{view}");
	assert_eq!(middle, ["PanelAppointed", "Responded"], "{view}");
	assert_eq!(actions[4..7], ["Voted(Dismiss)"; 3], "{view}");
	assert_eq!(actions[7], "Decided { outcome: Dismiss, by: Panel }", "{view}");
	assert_eq!(view["status"], "Decided { outcome: Dismiss, by: Panel }", "{view}");
	// At older blocks: just after acceptance the objection was accepted and had two steps; in
	// the block before filing it did not exist.
	let block_of = |step: usize| view["history"][step]["block"].as_u64().expect("block") as u32;
	let at = |number: u32| format!("{:?}", rpc.block_hash(number).unwrap());
	let then = rpc.json("doid_objection", serde_json::json!([obj_a, at(block_of(1))])).unwrap();
	assert_eq!(then["status"], "Accepted", "{then}");
	assert_eq!(then["history"].as_array().map(Vec::len), Some(2), "{then}");
	let before = rpc.json("doid_objection", serde_json::json!([obj_a, at(block_of(0) - 1)]));
	assert!(rpc_error(before).contains("no objection"));
	assert_eq!(view["groundsDigest"], grounds(1).to_hex());
	assert!(
		rpc_error(rpc.json("doid_objection", serde_json::json!([9_999]))).contains("no objection")
	);

	// A's certificate comes in the first block after the new last day.
	let certificate = wait_for_issue(&rpc, app_a, from, new_last_a);
	let view = rpc.json("doid_application", serde_json::json!([app_a])).unwrap();
	assert_eq!(view["status"], "Issued", "{view}");

	// B: still rejected after its original last day has passed, and never issued.
	assert!(block_date(&rpc, rpc.best_number().unwrap()) > last_b);
	let view = rpc.json("doid_application", serde_json::json!([app_b])).unwrap();
	assert_eq!(view["status"], "Rejected", "{view}");
	let end = rpc.best_number().unwrap();
	for number in start_block..=end {
		let events = rpc.events(rpc.block_hash(number).unwrap()).unwrap();
		assert!(!events.iter().any(|e| matches!(
			e,
			RuntimeEvent::Registration(RegistrationEvent::CertificateIssued { application, .. })
				if *application == app_b
		)));
	}
	assert!(certificate > 0);
}
