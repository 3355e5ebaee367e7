//! Runtime integration (issue 4): the council creates a registry, an enterprise registers with a
//! valid USCC, an operator verifies it with roles and its OID is readable; an invalid USCC, a
//! duplicate, a non-operator verification and a suspended subject acting are each refused with
//! their specific error and change nothing.

mod common;

use codec::Encode;
use doid_primitives::{Roles, SubjectRole, SubjectsInspect};
use doid_runtime::{
	Council, Registries, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, Subjects, System,
};
use frame_support::{assert_noop, assert_ok, weights::Weight};
use pallet_subjects::{Error, IdentityInput};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Eve, Ferdie, One, Two};

fn organisation(uscc: &str, name: &str) -> pallet_subjects::IdentityInputOf<Runtime> {
	IdentityInput::Organisation {
		uscc: uscc.as_bytes().to_vec().try_into().unwrap(),
		name: name.as_bytes().to_vec().try_into().unwrap(),
	}
}

fn council_passes(call: RuntimeCall) {
	let length = call.encoded_size() as u32;
	let hash = sp_io::hashing::blake2_256(&call.encode()).into();
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(Alice.to_account_id()),
		3,
		Box::new(call),
		length
	));
	for voter in [Alice, Bob, Charlie] {
		assert_ok!(Council::vote(RuntimeOrigin::signed(voter.to_account_id()), hash, index, true));
	}
	assert_ok!(Council::close(
		RuntimeOrigin::signed(Alice.to_account_id()),
		hash,
		index,
		Weight::from_parts(1_000_000_000_000, 1_000_000),
		length
	));
	let executed = System::events().into_iter().rev().find_map(|r| match r.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	});
	assert_eq!(executed, Some(Ok(())));
}

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

#[test]
fn council_registry_enterprise_verification_walk() {
	common::ext_from_preset("local_testnet").execute_with(|| {
		// The council creates the Tianjin registry (arc 5, after the four genesis exchanges);
		// Ferdie administers it.
		council_passes(RuntimeCall::Registries(pallet_registries::Call::register_registry {
			code: b"TJ".to_vec().try_into().unwrap(),
			name: "天津数据交易所".as_bytes().to_vec().try_into().unwrap(),
			number_prefix: b"TJSJ".to_vec().try_into().unwrap(),
			rules: doid_primitives::RegistryRules::default(),
			admin: Ferdie.to_account_id(),
		}));
		let tj = 5;
		assert_eq!(<Registries as doid_primitives::RegistriesInspect<_>>::oid_arc(tj), Some(5));

		// An invalid USCC (last character corrupted) is refused and nothing is stored.
		assert_noop!(
			Subjects::register_subject(
				signed(One),
				tj,
				organisation("914403001922038217", "华为"),
				[7; 32]
			),
			Error::<Runtime>::InvalidUscc
		);
		// The enterprise registers with a valid USCC.
		assert_ok!(Subjects::register_subject(
			signed(One),
			tj,
			organisation("914403001922038216", "华为技术有限公司"),
			[7; 32]
		));
		let subject = Subjects::subject_of(&One.to_account_id()).expect("subject registered");
		// The same USCC again, from another account: duplicate.
		assert_noop!(
			Subjects::register_subject(
				signed(Two),
				tj,
				organisation("914403001922038216", "华为"),
				[8; 32]
			),
			Error::<Runtime>::DuplicateUscc
		);
		// Eve is not an operator of TJ: she cannot verify.
		let roles = Roles::from_roles(&[SubjectRole::DataSupplier, SubjectRole::DataMerchant]);
		assert_noop!(
			Subjects::verify_subject(signed(Eve), subject, roles),
			Error::<Runtime>::NotOperator
		);
		// Ferdie (TJ's administrator and first operator) verifies: OID {root}.1.{arc}.{serial}.
		let before = pallet_balances::Pallet::<Runtime>::free_balance(One.to_account_id());
		assert_ok!(Subjects::verify_subject(signed(Ferdie), subject, roles));
		assert_eq!(
			Subjects::oid(subject).map(|o| o.as_str().to_string()),
			Some("2.999.1.5.1".into())
		);
		assert!(Subjects::is_verified(subject));
		assert!(Subjects::has_role(subject, SubjectRole::DataMerchant));
		assert!(!Subjects::has_role(subject, SubjectRole::Court));
		assert_eq!(
			pallet_balances::Pallet::<Runtime>::free_balance(One.to_account_id()),
			before + doid_runtime::configs::VerificationAllowance::get()
		);

		// Suspended, the subject cannot act (here: link another account).
		assert_ok!(Subjects::suspend_subject(signed(Ferdie), subject, [9; 32]));
		assert_noop!(
			Subjects::propose_account(signed(One), Two.to_account_id()),
			Error::<Runtime>::SubjectSuspended
		);
		assert_ok!(Subjects::reinstate_subject(signed(Ferdie), subject));
		assert_ok!(Subjects::propose_account(signed(One), Two.to_account_id()));
	});
}
