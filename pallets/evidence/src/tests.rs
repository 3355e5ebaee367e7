//! Unit tests of the evidence pallet: every call, every error (with storage unchanged), the
//! append-only rules and the lookup indexes.

use crate::{mock::*, *};
use doid_primitives::{Digest, DigestAlgorithm, Oid, Roles, SubjectRole};
use frame_support::{assert_noop, assert_ok};

const SUPPLIER: u64 = 1;
const OTHER: u64 = 2;
const NOTARY: u64 = 3;
const COURT: u64 = 4;
const NOBODY: u64 = 30;

fn roles(list: &[SubjectRole]) -> Roles {
	Roles::from_roles(list)
}

/// Verified subjects: 1 supplier, 2 buyer, 3 notary, 4 court. Returns their ids.
fn parties() -> [u64; 4] {
	[
		subject(SUPPLIER, roles(&[SubjectRole::DataSupplier])),
		subject(OTHER, roles(&[SubjectRole::DataBuyer])),
		subject(NOTARY, roles(&[SubjectRole::Notary])),
		subject(COURT, roles(&[SubjectRole::Court])),
	]
}

fn anchor_as(who: u64, digest: Digest) -> AnchorId {
	let id = NextAnchorId::<Test>::get();
	assert_ok!(Evidence::anchor(
		RuntimeOrigin::signed(who),
		digest,
		EvidenceKind::Contract,
		None,
		None
	));
	id
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// Storage root, to show a refused call changed nothing.
fn state() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

#[test]
fn anchor_records_block_time_date_and_indexes() {
	new_test_ext().execute_with(|| {
		let [supplier, ..] = parties();
		next_block_after_days(2);
		let doid = Oid::parse(b"2.999.2.1.1.7").unwrap();
		assert_ok!(Evidence::anchor(
			RuntimeOrigin::signed(SUPPLIER),
			digest(7),
			EvidenceKind::TransactionLog,
			Some(doid),
			Some(digest(8)),
		));
		let record = Anchors::<Test>::get(1).unwrap();
		assert_eq!(record.digest, digest(7));
		assert_eq!(record.kind, EvidenceKind::TransactionLog);
		assert_eq!(record.subject, supplier);
		assert_eq!(record.account, SUPPLIER);
		assert_eq!(record.related_doid, Some(doid));
		assert_eq!(record.metadata_digest, Some(digest(8)));
		assert_eq!(record.leaf_count, None);
		assert_eq!(record.sequence, 0);
		assert_eq!(record.block, 2);
		assert_eq!(record.moment_ms, FIRST_MS + 2 * DAY_MS);
		assert_eq!(record.date, d(2026, 2, 11));
		assert_eq!(DigestAnchors::<Test>::get(digest(7), 0), Some(1));
		assert!(
			!DigestAnchorCount::<Test>::contains_key(digest(7)),
			"no counter for one anchoring"
		);
		assert_eq!(Evidence::anchor_count(&digest(7)), 1);
		assert_eq!(Evidence::first_anchor(&digest(7)).map(|(id, _)| id), Some(1));
		assert_eq!(
			last_event(),
			RuntimeEvent::Evidence(Event::Anchored {
				anchor: 1,
				digest: digest(7),
				kind: EvidenceKind::TransactionLog,
				subject: supplier,
				sequence: 0,
				related_doid: Some(doid),
				metadata_digest: Some(digest(8)),
			})
		);
	});
}

#[test]
fn a_second_anchor_of_the_same_digest_is_appended_and_the_first_kept() {
	new_test_ext().execute_with(|| {
		let [supplier, other, ..] = parties();
		let first = anchor_as(SUPPLIER, digest(1));
		let before = Anchors::<Test>::get(first).unwrap();
		next_block_after_days(3);
		let second = anchor_as(OTHER, digest(1));
		assert_ne!(first, second);
		assert_eq!(Anchors::<Test>::get(first).unwrap(), before, "first record untouched");
		let later = Anchors::<Test>::get(second).unwrap();
		assert_eq!((later.sequence, later.subject, later.block), (1, other, 2));
		assert_eq!(DigestAnchorCount::<Test>::get(digest(1)), 2);
		let all: Vec<_> = Evidence::anchors_of(&digest(1), 10).into_iter().map(|a| a.0).collect();
		assert_eq!(all, vec![first, second]);
		assert_eq!(Evidence::anchors_of(&digest(1), 1).len(), 1, "limit respected");
		assert_eq!(Evidence::first_anchor(&digest(1)).unwrap().1.subject, supplier);
		// The same digest under another algorithm is another digest.
		let sha = Digest::new(DigestAlgorithm::Sha256, digest(1).value);
		let third = anchor_as(SUPPLIER, sha);
		assert_eq!(Anchors::<Test>::get(third).unwrap().sequence, 0);
	});
}

#[test]
fn anchor_refuses_unverified_accounts_and_zero_digests() {
	new_test_ext().execute_with(|| {
		parties();
		pending_subject(20);
		let zero = Digest::new(DigestAlgorithm::Blake3, [0; 32]);
		let root = state();
		for (who, d, meta, error) in [
			(NOBODY, digest(1), None, Error::<Test>::NotVerified),
			(20, digest(1), None, Error::<Test>::NotVerified),
			(SUPPLIER, zero, None, Error::<Test>::InvalidDigest),
			(SUPPLIER, digest(1), Some(zero), Error::<Test>::InvalidMetadataDigest),
		] {
			assert_noop!(
				Evidence::anchor(RuntimeOrigin::signed(who), d, EvidenceKind::Other, None, meta),
				error
			);
		}
		assert_eq!(state(), root);
		assert_eq!(NextAnchorId::<Test>::get(), 1);
	});
}

#[test]
fn anchor_refused_for_a_suspended_subject() {
	new_test_ext().execute_with(|| {
		let [supplier, ..] = parties();
		assert_ok!(Subjects::suspend_subject(RuntimeOrigin::signed(GZ_ADMIN), supplier, [5; 32]));
		assert_noop!(
			Evidence::anchor(
				RuntimeOrigin::signed(SUPPLIER),
				digest(1),
				EvidenceKind::Other,
				None,
				None
			),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn anchor_batch_records_the_leaf_count() {
	new_test_ext().execute_with(|| {
		let [supplier, ..] = parties();
		let root = Digest::new(DigestAlgorithm::Blake3, [9; 32]);
		assert_ok!(Evidence::anchor_batch(
			RuntimeOrigin::signed(SUPPLIER),
			root,
			1_000,
			EvidenceKind::TransactionLog
		));
		let record = Anchors::<Test>::get(1).unwrap();
		assert_eq!((record.digest, record.leaf_count, record.sequence), (root, Some(1_000), 0));
		assert_eq!(
			last_event(),
			RuntimeEvent::Evidence(Event::BatchAnchored {
				anchor: 1,
				root,
				leaf_count: 1_000,
				kind: EvidenceKind::TransactionLog,
				subject: supplier,
				sequence: 0,
			})
		);
		// The largest batch is accepted.
		assert_ok!(Evidence::anchor_batch(
			RuntimeOrigin::signed(SUPPLIER),
			digest(2),
			MAX_BATCH_LEAVES,
			EvidenceKind::Other
		));
	});
}

#[test]
fn anchor_batch_errors() {
	new_test_ext().execute_with(|| {
		parties();
		let zero = Digest::new(DigestAlgorithm::Sm3, [0; 32]);
		let root = state();
		for (who, d, count, error) in [
			(SUPPLIER, digest(1), 0, Error::<Test>::EmptyBatch),
			(SUPPLIER, digest(1), MAX_BATCH_LEAVES + 1, Error::<Test>::TooManyLeaves),
			(SUPPLIER, zero, 5, Error::<Test>::InvalidDigest),
			(NOBODY, digest(1), 5, Error::<Test>::NotVerified),
		] {
			assert_noop!(
				Evidence::anchor_batch(RuntimeOrigin::signed(who), d, count, EvidenceKind::Other),
				error
			);
		}
		assert_eq!(state(), root);
	});
}

#[test]
fn notary_and_court_cosign_once_each() {
	new_test_ext().execute_with(|| {
		let [_, _, notary, court] = parties();
		let id = anchor_as(SUPPLIER, digest(1));
		assert_ok!(Evidence::cosign(RuntimeOrigin::signed(NOTARY), id));
		assert_eq!(
			last_event(),
			RuntimeEvent::Evidence(Event::Cosigned {
				anchor: id,
				subject: notary,
				role: SubjectRole::Notary
			})
		);
		next_block_after_days(1);
		assert_ok!(Evidence::cosign(RuntimeOrigin::signed(COURT), id));
		let record = Anchors::<Test>::get(id).unwrap();
		let signed: Vec<_> =
			record.cosignatures.iter().map(|c| (c.subject, c.role, c.block)).collect();
		assert_eq!(signed, vec![(notary, SubjectRole::Notary, 1), (court, SubjectRole::Court, 2)]);
	});
}

#[test]
fn cosign_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		parties();
		subject(5, roles(&[SubjectRole::Notary]));
		subject(6, roles(&[SubjectRole::Court, SubjectRole::Notary]));
		let own = anchor_as(NOTARY, digest(2));
		let id = anchor_as(SUPPLIER, digest(1));
		assert_ok!(Evidence::cosign(RuntimeOrigin::signed(NOTARY), id));
		let root = state();
		for (who, anchor, error) in [
			(NOBODY, id, Error::<Test>::NotVerified),
			(OTHER, id, Error::<Test>::NotNotaryOrCourt),
			(SUPPLIER, id, Error::<Test>::NotNotaryOrCourt),
			(NOTARY, 99, Error::<Test>::UnknownAnchor),
			(NOTARY, own, Error::<Test>::OwnAnchor),
			(NOTARY, id, Error::<Test>::AlreadyCosigned),
		] {
			assert_noop!(Evidence::cosign(RuntimeOrigin::signed(who), anchor), error);
		}
		assert_eq!(state(), root);
		// MaxCosigners = 3: notary, court, subject 5; subject 6 is one too many.
		assert_ok!(Evidence::cosign(RuntimeOrigin::signed(COURT), id));
		assert_ok!(Evidence::cosign(RuntimeOrigin::signed(5), id));
		assert_noop!(
			Evidence::cosign(RuntimeOrigin::signed(6), id),
			Error::<Test>::TooManyCosignatures
		);
	});
}

#[test]
fn a_subject_with_both_roles_cosigns_as_court() {
	new_test_ext().execute_with(|| {
		parties();
		let both = subject(6, roles(&[SubjectRole::Notary, SubjectRole::Court]));
		let id = anchor_as(SUPPLIER, digest(1));
		assert_ok!(Evidence::cosign(RuntimeOrigin::signed(6), id));
		let c = Anchors::<Test>::get(id).unwrap().cosignatures[0];
		assert_eq!((c.subject, c.role), (both, SubjectRole::Court));
	});
}

#[test]
fn annotate_appends_and_never_deletes() {
	new_test_ext().execute_with(|| {
		parties();
		let id = anchor_as(SUPPLIER, digest(1));
		let original = Anchors::<Test>::get(id).unwrap();
		next_block_after_days(1);
		assert_ok!(Evidence::annotate(
			RuntimeOrigin::signed(SUPPLIER),
			id,
			AnnotationKind::Superseded,
			digest(2)
		));
		assert_eq!(
			last_event(),
			RuntimeEvent::Evidence(Event::Annotated {
				anchor: id,
				kind: AnnotationKind::Superseded,
				reason_digest: digest(2)
			})
		);
		next_block_after_days(1);
		assert_ok!(Evidence::annotate(
			RuntimeOrigin::signed(SUPPLIER),
			id,
			AnnotationKind::Withdrawn,
			digest(3)
		));
		let record = Anchors::<Test>::get(id).unwrap();
		let notes: Vec<_> =
			record.annotations.iter().map(|a| (a.kind, a.reason_digest, a.block)).collect();
		assert_eq!(
			notes,
			vec![
				(AnnotationKind::Superseded, digest(2), 2),
				(AnnotationKind::Withdrawn, digest(3), 3)
			]
		);
		// Everything else is as anchored; the digest is still found.
		assert_eq!(
			(record.digest, record.subject, record.block, record.sequence),
			(original.digest, original.subject, original.block, original.sequence)
		);
		assert_eq!(Evidence::first_anchor(&digest(1)).unwrap().0, id);
		// After a withdrawal, nothing more.
		assert_noop!(
			Evidence::annotate(
				RuntimeOrigin::signed(SUPPLIER),
				id,
				AnnotationKind::Superseded,
				digest(4)
			),
			Error::<Test>::AlreadyWithdrawn
		);
	});
}

#[test]
fn annotate_errors_change_nothing() {
	new_test_ext().execute_with(|| {
		parties();
		let id = anchor_as(SUPPLIER, digest(1));
		let zero = Digest::new(DigestAlgorithm::Sm3, [0; 32]);
		let root = state();
		for (who, anchor, reason, error) in [
			(SUPPLIER, 99, digest(2), Error::<Test>::UnknownAnchor),
			(OTHER, id, digest(2), Error::<Test>::NotSubmitter),
			(NOTARY, id, digest(2), Error::<Test>::NotSubmitter),
			(NOBODY, id, digest(2), Error::<Test>::NotSubmitter),
			(SUPPLIER, id, zero, Error::<Test>::InvalidReasonDigest),
		] {
			assert_noop!(
				Evidence::annotate(
					RuntimeOrigin::signed(who),
					anchor,
					AnnotationKind::Superseded,
					reason
				),
				error
			);
		}
		assert_eq!(state(), root);
		// MaxAnnotations = 3.
		for tag in 5..8 {
			assert_ok!(Evidence::annotate(
				RuntimeOrigin::signed(SUPPLIER),
				id,
				AnnotationKind::Superseded,
				digest(tag)
			));
		}
		assert_noop!(
			Evidence::annotate(
				RuntimeOrigin::signed(SUPPLIER),
				id,
				AnnotationKind::Withdrawn,
				digest(9)
			),
			Error::<Test>::TooManyAnnotations
		);
	});
}

#[test]
fn another_account_of_the_submitter_may_annotate() {
	new_test_ext().execute_with(|| {
		let [supplier, ..] = parties();
		let id = anchor_as(SUPPLIER, digest(1));
		assert_ok!(Subjects::propose_account(RuntimeOrigin::signed(SUPPLIER), 21));
		assert_ok!(Subjects::accept_account_link(RuntimeOrigin::signed(21), supplier));
		assert_ok!(Evidence::annotate(
			RuntimeOrigin::signed(21),
			id,
			AnnotationKind::Withdrawn,
			digest(2)
		));
	});
}

#[test]
fn exhausted_anchor_ids_are_refused() {
	new_test_ext().execute_with(|| {
		parties();
		NextAnchorId::<Test>::put(AnchorId::MAX);
		let root = state();
		assert_noop!(
			Evidence::anchor(
				RuntimeOrigin::signed(SUPPLIER),
				digest(1),
				EvidenceKind::Other,
				None,
				None
			),
			Error::<Test>::TooManyAnchors
		);
		assert_eq!(state(), root);
	});
}

#[test]
fn a_first_anchoring_is_charged_less_than_a_repeated_one() {
	new_test_ext().execute_with(|| {
		parties();
		let first = |digest| {
			Evidence::anchor(
				RuntimeOrigin::signed(SUPPLIER),
				digest,
				EvidenceKind::Other,
				None,
				None,
			)
		};
		let new = <() as WeightInfo>::anchor_new_digest();
		let cheaper = |a: frame_support::weights::Weight, b: frame_support::weights::Weight| {
			a.all_lte(b) && a.ref_time() < b.ref_time()
		};
		assert!(cheaper(new, <() as WeightInfo>::anchor()), "the benchmarks must tell them apart");
		assert_eq!(first(digest(1)).unwrap().actual_weight, Some(new));
		assert_eq!(first(digest(1)).unwrap().actual_weight, None, "repeated: the declared weight");
		assert_eq!(DigestAnchorCount::<Test>::get(digest(1)), 2);

		let batch = |root| {
			Evidence::anchor_batch(RuntimeOrigin::signed(SUPPLIER), root, 4, EvidenceKind::Other)
		};
		let new_root = <() as WeightInfo>::anchor_batch_new_root();
		assert!(cheaper(new_root, <() as WeightInfo>::anchor_batch()));
		assert_eq!(batch(digest(2)).unwrap().actual_weight, Some(new_root));
		assert_eq!(batch(digest(2)).unwrap().actual_weight, None);
		assert_eq!(Evidence::anchor_count(&digest(2)), 2);
	});
}

#[test]
fn a_version_1_counter_of_one_still_counts() {
	new_test_ext().execute_with(|| {
		parties();
		let first = anchor_as(SUPPLIER, digest(1));
		// Version 1 wrote the counter at the first anchoring too.
		DigestAnchorCount::<Test>::insert(digest(1), 1);
		assert_eq!(Evidence::anchor_count(&digest(1)), 1);
		let second = anchor_as(OTHER, digest(1));
		assert_eq!(Anchors::<Test>::get(second).unwrap().sequence, 1);
		assert_eq!(Evidence::anchor_count(&digest(1)), 2);
		let all: Vec<_> = Evidence::anchors_of(&digest(1), 10).into_iter().map(|a| a.0).collect();
		assert_eq!(all, vec![first, second]);
		assert_eq!(Evidence::anchor_count(&digest(3)), 0);
		assert!(Evidence::anchors_of(&digest(3), 10).is_empty());
	});
}

mod subject_index_removal {
	use super::*;
	use crate::migrations::v2::{remove_subject_index, subject_index_prefix, VERSION};
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, Hooks, StorageVersion},
		weights::Weight,
	};

	type DbWeight = <Test as frame_system::Config>::DbWeight;

	/// A chain at version 1 with `n` keys of the old subject index, committed to the backend
	/// (a limited prefix removal counts backend keys only).
	fn version_1_with(n: u8) -> sp_io::TestExternalities {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			StorageVersion::new(1).put::<Evidence>();
			for i in 0..n {
				let mut key = subject_index_prefix::<Test>().to_vec();
				key.extend_from_slice(&[i; 16]);
				unhashed::put(&key, &());
			}
		});
		ext.commit_all().expect("committed");
		ext
	}

	fn left() -> usize {
		let prefix = subject_index_prefix::<Test>();
		let mut count = 0;
		let mut key = prefix.to_vec();
		while let Some(next) = sp_io::storage::next_key(&key) {
			if !next.starts_with(&prefix) {
				break;
			}
			count += 1;
			key = next;
		}
		count
	}

	/// Weight for the version check, the version write and `keys` removals.
	fn room_for(keys: u64) -> Weight {
		let db = DbWeight::get();
		db.reads(1).saturating_add(db.writes(1)).saturating_add(db.reads_writes(keys, keys))
	}

	#[test]
	fn the_old_index_goes_a_bounded_number_of_keys_per_block() {
		let mut ext = version_1_with(5);
		// One block: removal within the limit.
		let block = |ext: &mut sp_io::TestExternalities, n: u64| {
			let used = ext.execute_with(|| Evidence::on_idle(n, room_for(2)));
			assert!(used.all_lte(room_for(2)), "{used:?} within the limit");
			ext.commit_all().expect("committed");
			ext.execute_with(|| (left(), Evidence::on_chain_storage_version()))
		};
		assert_eq!(ext.execute_with(left), 5);
		assert_eq!(block(&mut ext, 1), (3, StorageVersion::new(1)), "two keys, not done yet");
		assert_eq!(block(&mut ext, 2), (1, StorageVersion::new(1)));
		assert_eq!(block(&mut ext, 3), (0, VERSION), "the last key, then version 2");
		let db = DbWeight::get();
		ext.execute_with(|| {
			assert_eq!(Evidence::on_idle(4, room_for(2)), db.reads(1), "only the version check")
		});
	}

	#[test]
	fn no_spare_weight_means_no_work() {
		version_1_with(3).execute_with(|| {
			assert_eq!(remove_subject_index::<Test>(Weight::zero()), Weight::zero());
			// Room for the checks but not for one key.
			remove_subject_index::<Test>(room_for(0));
			assert_eq!(left(), 3);
			assert_eq!(Evidence::on_chain_storage_version(), 1);
		});
	}

	#[test]
	fn a_chain_started_at_version_2_has_nothing_to_remove() {
		new_test_ext().execute_with(|| {
			// Genesis writes the in-code version (checked for the runtime's presets in
			// runtime/tests/migrations.rs); the mock's genesis does not.
			VERSION.put::<Evidence>();
			let root = state();
			let db = DbWeight::get();
			assert_eq!(remove_subject_index::<Test>(room_for(10)), db.reads(1));
			assert_eq!(state(), root);
		});
	}
}
