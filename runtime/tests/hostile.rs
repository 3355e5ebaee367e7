//! Hostile input (issue 13, item 5): random call sequences against the runtime.
//!
//! Every call of every custom pallet (ValidatorSet, Calendar, Registries, Subjects,
//! Certificates, Registration, Objections, Evidence) is built by SCALE-decoding random bytes
//! after its pallet and call index — the bytes are biased towards boundary values (0, 1, 2,
//! 0xff) so that ids hit the seeded records, lengths hit their bounds and enums their edges —
//! and dispatched from a random origin (root, none, the registry operators, verified subjects,
//! an unverified account) on the `local_testnet` genesis seeded with verified subjects, an
//! two submitted applications, two certificates and an anchor. For every call:
//! - the runtime never panics (a panic fails the property, with the shrunk call sequence);
//! - a failed call changes nothing: the storage root is the same before and after;
//! - a failure is `BadOrigin` or a module error whose variant is documented in the metadata.
//!
//! After every block (five calls) the pallets' `try_state` invariants must hold (calendar
//! timers, certificate indexes, registry and subject indexes). Prints how many calls were tried,
//! how many succeeded and the failures by error.

mod common;

use codec::DecodeLimit;
use doid_runtime::{Runtime, RuntimeCall, RuntimeOrigin};
use frame_support::dispatch::{DispatchErrorWithPostInfo, PostDispatchInfo};
use proptest::prelude::*;
use scale_info::{TypeDef, TypeInfo};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie, One};
use sp_runtime::{traits::Dispatchable, DispatchError, StateVersion};
use std::{collections::BTreeMap, sync::Mutex};

/// Pallet index and number of call indices tried (one more than the highest call index).
const PALLETS: &[(u8, u8)] =
	&[(7, 3), (11, 2), (12, 7), (13, 11), (14, 19), (15, 8), (16, 8), (17, 4)];

/// Who sends a call.
#[derive(Clone, Copy, Debug)]
enum Sender {
	Root,
	Unsigned,
	Signed(Sr25519Keyring),
}

impl Sender {
	fn origin(self) -> RuntimeOrigin {
		match self {
			Sender::Root => RuntimeOrigin::root(),
			Sender::Unsigned => RuntimeOrigin::none(),
			Sender::Signed(k) => RuntimeOrigin::signed(k.to_account_id()),
		}
	}
}

fn sender() -> impl Strategy<Value = Sender> {
	prop_oneof![
		1 => Just(Sender::Root),
		1 => Just(Sender::Unsigned),
		// Alice: Guiyang's operator; Bob: Beijing's; Eve, Charlie: verified suppliers;
		// Ferdie: the service agency; Dave: a notary and arbitrator; One: unverified.
		8 => prop::sample::select(vec![Alice, Bob, Charlie, Dave, Eve, Ferdie, One])
			.prop_map(Sender::Signed),
	]
}

/// A byte biased towards boundary values.
fn byte() -> impl Strategy<Value = u8> {
	prop_oneof![3 => Just(0u8), 2 => Just(1u8), 2 => Just(2u8), 1 => Just(0xffu8), 4 => any::<u8>()]
}

/// Encoded call: pallet index, call index, then random argument bytes.
fn call_bytes() -> impl Strategy<Value = Vec<u8>> {
	(prop::sample::select(PALLETS.to_vec()), prop::collection::vec(byte(), 0..160)).prop_flat_map(
		|((pallet, calls), tail)| {
			(0..calls).prop_map(move |call| [vec![pallet, call], tail.clone()].concat())
		},
	)
}

/// What the property saw, over all cases.
#[derive(Default)]
struct Tally {
	calls: u64,
	undecodable: u64,
	ok: u64,
	errors: BTreeMap<String, u64>,
}

static TALLY: Mutex<Option<Tally>> = Mutex::new(None);

fn record(f: impl FnOnce(&mut Tally)) {
	f(TALLY.lock().unwrap().get_or_insert_with(Tally::default));
}

/// The documentation of variant `error` (its index) of the error enum `T`, if it exists.
fn variant_docs<T: TypeInfo>(error: u8) -> Option<Vec<&'static str>> {
	match T::type_info().type_def {
		TypeDef::Variant(v) => {
			v.variants.iter().find(|x| x.index == error).map(|x| x.docs.to_vec())
		}
		_ => None,
	}
}

/// The name and documentation of a custom pallet's error (pallet index, error index).
fn documented(pallet: u8, error: u8) -> Option<Vec<&'static str>> {
	match pallet {
		7 => variant_docs::<pallet_validator_set::Error<Runtime>>(error),
		11 => variant_docs::<pallet_calendar::Error<Runtime>>(error),
		12 => variant_docs::<pallet_registries::Error<Runtime>>(error),
		13 => variant_docs::<pallet_subjects::Error<Runtime>>(error),
		14 => variant_docs::<pallet_certificates::Error<Runtime>>(error),
		15 => variant_docs::<pallet_registration::Error<Runtime>>(error),
		16 => variant_docs::<pallet_objections::Error<Runtime>>(error),
		17 => variant_docs::<pallet_evidence::Error<Runtime>>(error),
		// Balances (bonds, fees) and other stock pallets document their own errors.
		_ => Some(vec!["(stock pallet)"]),
	}
}

fn root() -> Vec<u8> {
	sp_io::storage::root(StateVersion::V1)
}

fn check_invariants() -> Result<(), TestCaseError> {
	let checks = [
		("calendar", pallet_calendar::Pallet::<Runtime>::do_try_state()),
		("certificates", pallet_certificates::Pallet::<Runtime>::do_try_state()),
		("registries", pallet_registries::Pallet::<Runtime>::do_try_state()),
		("subjects", pallet_subjects::Pallet::<Runtime>::do_try_state()),
	];
	for (pallet, result) in checks {
		prop_assert!(result.is_ok(), "{pallet} try_state failed: {result:?}");
	}
	Ok(())
}

/// Dispatch one random call; errors must change nothing and be documented.
fn dispatch(sender: Sender, bytes: &[u8]) -> Result<(), TestCaseError> {
	let Ok(call) = RuntimeCall::decode_with_depth_limit(16, &mut &bytes[..]) else {
		record(|t| t.undecodable += 1);
		return Ok(());
	};
	record(|t| t.calls += 1);
	let before = root();
	let result: Result<PostDispatchInfo, DispatchErrorWithPostInfo> =
		call.clone().dispatch(sender.origin());
	let Err(failure) = result else {
		record(|t| t.ok += 1);
		return Ok(());
	};
	prop_assert_eq!(
		before,
		root(),
		"{:?} by {:?} failed ({:?}) but changed storage",
		call,
		sender,
		failure.error
	);
	let name = match failure.error {
		DispatchError::Module(e) => {
			let docs = documented(e.index, e.error[0]);
			prop_assert!(
				docs.as_ref().is_some_and(|d| !d.is_empty()),
				"undocumented error {:?} of {:?}",
				e,
				call
			);
			format!("{}::{}", e.index, e.message.unwrap_or("?"))
		}
		DispatchError::BadOrigin => "BadOrigin".into(),
		other => format!("{other:?}"),
	};
	record(|t| *t.errors.entry(name).or_default() += 1);
	Ok(())
}

#[test]
fn random_calls_never_panic_change_nothing_on_error_and_keep_invariants() {
	let config =
		ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() };
	let mut runner = proptest::test_runner::TestRunner::new(config);
	let actions = prop::collection::vec((sender(), call_bytes()), 1..40);
	let started = std::time::Instant::now();
	let outcome = runner.run(&actions, |actions| {
		let mut ext = common::seeded_local();
		ext.execute_with(|| -> Result<(), TestCaseError> {
			for (i, (sender, bytes)) in actions.iter().enumerate() {
				dispatch(*sender, bytes)?;
				if i % 5 == 4 {
					common::advance_blocks(1);
					check_invariants()?;
				}
			}
			common::advance_blocks(1);
			check_invariants()
		})
	});
	if let Some(t) = TALLY.lock().unwrap().as_ref() {
		eprintln!(
			"hostile input: {} calls dispatched ({} succeeded, {} failed with an error), {} byte \
			 strings did not decode to a call; {:.1} s",
			t.calls,
			t.ok,
			t.calls - t.ok,
			t.undecodable,
			started.elapsed().as_secs_f64()
		);
		for (error, count) in &t.errors {
			eprintln!("  {count:>6}  {error}");
		}
	}
	if let Err(e) = outcome {
		panic!("{e}");
	}
}
