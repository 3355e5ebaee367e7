//! Issue 9 (evidence on a real chain) and issue 10 (`doid_evidence`): on a four-validator local
//! chain a supplier anchors the blake3 digest of a file; another subject anchors the same digest
//! later (appended, the first record kept); a notary co-signs; the supplier annotates. The
//! anchoring is final, `doid_evidence` returns the whole record through JSON-RPC, and the proof
//! bundle from `doid_evidenceBundle` verifies offline after every node is stopped, while each
//! tampering (file, header, storage proof, signature, genesis, validator set) is refused.

use codec::Decode;
use doid_e2e::{flows::*, *};
use doid_primitives::{Digest, DigestAlgorithm, SubjectRole, Uscc};
use doid_runtime::{RuntimeCall, RuntimeEvent};
use doid_verifier::{verify_bundle, BundleError};
use pallet_evidence::{AnnotationKind, Call, Event, EvidenceKind};
use serde_json::{json, Value};
use sp_keyring::{
	Ed25519Keyring,
	Sr25519Keyring::{Eve, Ferdie, One},
};

fn evidence(call: Call<doid_runtime::Runtime>) -> RuntimeCall {
	RuntimeCall::Evidence(call)
}

#[test]
fn anchors_are_final_appended_cosigned_and_queryable() {
	let nodes = start_local_validators();
	let rpc = nodes[0].rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(MINUTE, "block 2", || (rpc.best_number().ok()? >= 2).then_some(()));

	let (eve, ferdie, one) = (Eve.pair(), Ferdie.pair(), One.pair());
	let usccs: Vec<String> = (1..=3).map(|i| Uscc::synthetic(8_000 + i).as_str().into()).collect();
	let ids = verified_subjects(
		&rpc,
		&[
			(&eve, usccs[0].as_str(), &[SubjectRole::DataSupplier]),
			(&ferdie, usccs[1].as_str(), &[SubjectRole::Notary]),
			(&one, usccs[2].as_str(), &[SubjectRole::DataBuyer]),
		],
	);
	let (supplier, notary, buyer) = (ids[0], ids[1], ids[2]);

	// The file and its blake3 digest.
	let file: Vec<u8> = (0..100_000u32).flat_map(|i| i.to_le_bytes()).collect();
	let digest = Digest::new(DigestAlgorithm::Blake3, *blake3::hash(&file).as_bytes());

	let anchor = |who| {
		let call = evidence(Call::anchor {
			digest,
			kind: EvidenceKind::Contract,
			related_doid: None,
			metadata_digest: Some(Digest::synthetic(0x70, 1)),
		});
		rpc.submit_and_watch(call, who, MINUTE, |e| match e {
			RuntimeEvent::Evidence(Event::Anchored { anchor, sequence, subject, .. }) => {
				Some((*anchor, *sequence, *subject))
			}
			_ => None,
		})
		.expect("anchored")
	};
	let (first, sequence, by) = anchor(&eve);
	assert_eq!((sequence, by), (0, supplier));
	let (second, sequence, by) = anchor(&one);
	assert_eq!((sequence, by), (1, buyer));
	assert_ne!(first, second);

	// The notary co-signs the first anchoring; the supplier marks it superseded.
	let cosign = evidence(Call::cosign { id: first });
	let annotate = evidence(Call::annotate {
		id: first,
		kind: AnnotationKind::Superseded,
		reason_digest: Digest::synthetic(0x71, 1),
	});
	rpc.submit_all(vec![(cosign, &ferdie), (annotate, &eve)], 2, MINUTE, |e| match e {
		RuntimeEvent::Evidence(Event::Cosigned { anchor, subject, .. }) => {
			Some((*anchor, *subject))
		}
		RuntimeEvent::Evidence(Event::Annotated { anchor, .. }) => Some((*anchor, supplier)),
		_ => None,
	})
	.expect("co-signed and annotated");

	// Wait until the last write is finalized, then query the finalized state.
	let best = rpc.best_number().unwrap();
	wait_for(MINUTE, "finality", || (rpc.finalized_number().ok()? >= best).then_some(()));
	let finalized: String = rpc.call("chain_getFinalizedHead", json!([])).unwrap();
	let view = rpc.json("doid_evidence", json!([digest.to_hex(), finalized])).unwrap();
	assert_eq!(view["digest"], digest.to_hex());
	assert_eq!(view["anchorCount"], 2, "{view}");
	let anchors = view["anchors"].as_array().expect("anchors");
	assert_eq!(anchors[0]["id"], first);
	assert_eq!(anchors[0]["subject"], supplier);
	assert_eq!(anchors[0]["sequence"], 0);
	assert_eq!(anchors[0]["kind"], "Contract");
	assert_eq!(anchors[0]["cosignatures"][0]["subject"], notary);
	assert_eq!(anchors[0]["cosignatures"][0]["role"], "Notary");
	assert_eq!(anchors[0]["annotations"][0]["kind"], "Superseded");
	assert_eq!(anchors[1]["id"], second);
	assert_eq!(anchors[1]["subject"], buyer);
	assert!(anchors[0]["block"].as_u64() < anchors[1]["block"].as_u64());
	assert!(anchors[0]["date"].as_u64().is_some_and(|d| d > 2026_00_00));
	// At older blocks: before the second anchoring only the first existed; before the first,
	// the digest was unknown.
	let at = |anchor: usize, back: u64| {
		let block = anchors[anchor]["block"].as_u64().expect("block") - back;
		format!("{:?}", rpc.block_hash(block as u32).unwrap())
	};
	let then = rpc.json("doid_evidence", json!([digest.to_hex(), at(1, 1)])).unwrap();
	assert_eq!(then["anchorCount"], 1, "{then}");
	assert_eq!(then["anchors"][0]["id"], first);
	assert!(rpc_error(rpc.json("doid_evidence", json!([digest.to_hex(), at(0, 1)])))
		.contains("not known"));

	// The proof bundle, then every node stopped: the verifier needs only the genesis hash and
	// the genesis GRANDPA authorities (read from the chain's genesis state here).
	let bundle = wait_for(MINUTE, "bundle", || {
		rpc.json("doid_evidenceBundle", json!([digest.to_hex()]))
			.map_err(|e| eprintln!("doid_evidenceBundle not yet: {e}"))
			.ok()
	});
	let text = serde_json::to_vec(&bundle).unwrap();
	let genesis: [u8; 32] = rpc.block_hash(0).unwrap().into();
	let authorities = genesis_authorities(&rpc);
	assert_eq!(authorities.len(), 4);
	assert!(rpc_error(rpc.json("doid_evidenceBundle", json!(["sm3:00"]))).contains("not a digest"));
	let unknown = Digest::new(DigestAlgorithm::Blake3, [7; 32]).to_hex();
	assert!(rpc_error(rpc.json("doid_evidenceBundle", json!([unknown.clone()])))
		.contains("not anchored"));
	assert!(rpc_error(rpc.json("doid_evidence", json!([unknown]))).contains("not known"));
	assert!(rpc_error(rpc.json("doid_evidence", json!(["blake3:12"]))).contains("not a digest"));
	// At an older block: the records proven in the state of the finalized block read above,
	// with the headers from the justified block down to it; before the first anchoring, or at a
	// block that is not finalized, there is nothing to prove.
	let older = rpc.json("doid_evidenceBundle", json!([digest.to_hex(), finalized])).unwrap();
	let older_text = serde_json::to_vec(&older).unwrap();
	assert!(rpc_error(rpc.json("doid_evidenceBundle", json!([digest.to_hex(), at(0, 1)])))
		.contains("not anchored"));
	let nowhere = format!("0x{}", "11".repeat(32));
	assert!(rpc_error(rpc.json("doid_evidenceBundle", json!([digest.to_hex(), nowhere])))
		.contains("not finalized"));
	drop(nodes);

	let verified = verify_bundle(&older_text, genesis, &authorities, Some(&file))
		.expect("valid bundle at an older block");
	assert_eq!(format!("0x{}", hex::encode(verified.block_hash)), finalized);
	assert_eq!(verified.anchor_id, first);
	let headers = older["finality"]["headers"].as_array().expect("headers").len() as u32;
	assert_eq!(verified.finalized_number - verified.block_number, headers, "F's ancestry to B");

	let verified = verify_bundle(&text, genesis, &authorities, Some(&file)).expect("valid bundle");
	assert_eq!((verified.anchor_id, verified.record.subject), (first, supplier));
	assert!(verified.file_checked);
	assert!(verified.finalized_number >= verified.record.block);
	offline_tampering(&bundle, genesis, &authorities, &file);
	println!("bundle: {} bytes", text.len());
}

/// Every tampering is refused with its own reason.
fn offline_tampering(
	bundle: &Value,
	genesis: [u8; 32],
	authorities: &[([u8; 32], u64)],
	file: &[u8],
) {
	let check = |b: &Value, file: Option<&[u8]>, auth: &[([u8; 32], u64)]| {
		verify_bundle(&serde_json::to_vec(b).unwrap(), genesis, auth, file)
	};
	// The file.
	let mut other = file.to_vec();
	other[0] ^= 1;
	assert!(matches!(
		check(bundle, Some(&other), authorities),
		Err(BundleError::FileMismatch { .. })
	));
	// The header (a byte of the state root, after parent hash and compact number).
	let mut b = bundle.clone();
	flip(&mut b["block"]["header"], 40);
	assert!(check(&b, None, authorities).is_err(), "tampered header accepted");
	// A storage proof node.
	let mut b = bundle.clone();
	flip(&mut b["storageProof"][0], 10);
	assert!(matches!(
		check(&b, None, authorities),
		Err(BundleError::BadStorageProof(_) | BundleError::NotAnchored(_))
	));
	// A precommit signature: round (8) + target (36) + precommit count (1) + precommit (36).
	let mut b = bundle.clone();
	flip(&mut b["finality"]["justification"], 8 + 36 + 1 + 36 + 5);
	assert!(matches!(check(&b, None, authorities), Err(BundleError::BadSignature { .. })));
	// Another chain's genesis, and a validator set the chain never had.
	assert!(matches!(
		verify_bundle(&serde_json::to_vec(bundle).unwrap(), [1; 32], authorities, None),
		Err(BundleError::WrongChain { .. })
	));
	let strangers: Vec<([u8; 32], u64)> =
		[Ed25519Keyring::Eve, Ed25519Keyring::Ferdie, Ed25519Keyring::One, Ed25519Keyring::Two]
			.iter()
			.map(|k| (k.public().0, 1))
			.collect();
	assert!(matches!(check(bundle, None, &strangers), Err(BundleError::UnknownSigner { .. })));
}

/// Flip one bit of byte `index` of a binary field (base64 text) of the bundle.
fn flip(field: &mut Value, index: usize) {
	let mut blob: doid_verifier::Blob =
		serde_json::from_value(field.clone()).expect("a binary field");
	blob.0[index] ^= 0x01;
	*field = serde_json::to_value(&blob).expect("JSON");
}

/// The GRANDPA authorities of the genesis block, through the standard runtime API.
fn genesis_authorities(rpc: &Rpc) -> Vec<([u8; 32], u64)> {
	let genesis = format!("{:?}", rpc.block_hash(0).unwrap());
	let raw: String =
		rpc.call("state_call", json!(["GrandpaApi_grandpa_authorities", "0x", genesis])).unwrap();
	Vec::<([u8; 32], u64)>::decode(&mut &from_hex(&raw).unwrap()[..]).unwrap()
}
